"""Make Pagefind's output byte-for-byte reproducible.

Pagefind 1.5 writes each filter chunk (``pagefind/filter/*.pf_filter``: gzip of
``pagefind_dcd`` + CBOR ``[facet, [[value, [page, …]], …]]``) with its values in
the order of a Rust hash map, which is random per run; the chunk's name (a hash
of its bytes), the metadata file that names it and the entry file that names the
metadata then differ between two builds of the same content. Here the values are
sorted, the chunk is renamed by a hash of the sorted bytes (same length, so the
metadata's CBOR stays valid after replacing the name), and the names are updated
in the metadata and the entry file. Everything else Pagefind writes is already
reproducible.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re

_SIGNATURE = b"pagefind_dcd"


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def _read(data: bytes, at: int) -> tuple[object, int]:
    """Decode the CBOR subset Pagefind's filter chunks use: unsigned ints, text, arrays."""
    head = data[at]
    major, info = head >> 5, head & 0x1F
    at += 1
    if info < 24:
        value = info
    else:
        size = 1 << (info - 24)
        value = int.from_bytes(data[at : at + size], "big")
        at += size
    if major == 0:
        return value, at
    if major == 3:
        return data[at : at + value].decode("utf-8"), at + value
    if major == 4:
        items = []
        for _ in range(value):
            item, at = _read(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"unexpected CBOR major type {major}")


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise ValueError("integer too large")


def _write(value: object) -> bytes:
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_write(v) for v in value)
    raise TypeError(type(value))


def canonical_filter(data: bytes) -> bytes:
    """Return a filter chunk with its values sorted (and pages in order)."""
    raw = gzip.decompress(data)
    if not raw.startswith(_SIGNATURE):
        return data
    (name, values), end = _read(raw, len(_SIGNATURE))
    if end != len(raw):
        return data
    values = sorted(([value, sorted(pages)] for value, pages in values), key=lambda v: v[0])
    return _gzip(_SIGNATURE + _write([name, values]))


_CHUNK = re.compile(r"^[^_]+_[0-9a-f]{7}$")


def _sorted_filter_list(raw: bytes) -> bytes:
    """Sort the metadata's list of [facet, chunk name] pairs (written in hash-map order)."""
    try:
        value, end = _read(raw, len(_SIGNATURE))
    except (ValueError, IndexError, UnicodeDecodeError):
        return raw
    if end != len(raw):
        return raw

    def fix(node: object) -> object:
        if isinstance(node, list):
            node = [fix(n) for n in node]
            pairs = all(isinstance(n, list) and len(n) == 2 and all(isinstance(x, str) for x in n) for n in node)
            if node and pairs and all(_CHUNK.match(n[1]) for n in node):
                node = sorted(node)
        return node

    return _SIGNATURE + _write(fix(value))


def make_reproducible(files: dict[str, bytes], folder: str) -> dict[str, bytes]:
    """Return Pagefind's files (site path → bytes, under ``folder``) in a reproducible form."""
    out = dict(files)
    renames: dict[str, str] = {}
    pattern = re.compile(rf"^{re.escape(folder)}/filter/(?P<lang>[^_]+)_(?P<hash>[0-9a-f]+)\.pf_filter$")
    for path in sorted(files):
        match = pattern.match(path)
        if not match:
            continue
        data = canonical_filter(files[path])
        old = match["hash"]
        new = hashlib.sha256(data).hexdigest()[: len(old)]
        del out[path]
        out[f"{folder}/filter/{match['lang']}_{new}.pf_filter"] = data
        renames[old] = new
    if not renames:
        return out
    for path in [p for p in out if p.endswith(".pf_meta")]:
        raw = gzip.decompress(out.pop(path))
        for old, new in sorted(renames.items()):
            raw = raw.replace(old.encode(), new.encode())
        raw = _sorted_filter_list(raw)
        data = _gzip(raw)
        name = path.rsplit("/", 1)[1]
        prefix, _, rest = name.partition("_")
        old_hash = rest.split(".")[0]
        new_hash = hashlib.sha256(data).hexdigest()[: len(old_hash)]
        out[path.replace(f"_{old_hash}.", f"_{new_hash}.")] = data
        entry_path = f"{folder}/pagefind-entry.json"
        if entry_path in out:
            entry = json.loads(out[entry_path])
            for language in entry.get("languages", {}).values():
                if str(language.get("hash", "")).endswith(f"_{old_hash}"):
                    language["hash"] = language["hash"][: -len(old_hash)] + new_hash
            out[entry_path] = json.dumps(entry, separators=(",", ":"), sort_keys=True).encode()
    return out
