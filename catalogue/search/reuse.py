"""The last Pagefind bundle, kept beside the content and reused while its records are unchanged.

Pagefind's indexing is most of the search step (two minutes of a national build on
a loaded machine); a rebuild whose search documents did not change gets the same
bytes from ``.cache/search/bundle.pickle`` instead. The key covers everything the
bundle is made of: the records and options as Pagefind receives them, Pagefind's
version and our code that post-processes its output.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..sealed import read_sealed, write_sealed


@lru_cache(maxsize=1)
def _fingerprint() -> bytes:
    """Return a hash of Pagefind's version and of the code that turns its output into the bundle."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in ("browser.py", "canonical.py"):
        digest.update((here / name).read_bytes())
    try:
        digest.update(version("pagefind").encode())
    except PackageNotFoundError:  # no Pagefind: the bundle fails before it is looked up
        digest.update(b"?")
    return digest.digest()


def bundle_key(records: list[dict], options: dict) -> bytes:
    """Return the key of the bundle Pagefind makes of these records with these options."""
    digest = hashlib.sha256(_fingerprint())
    digest.update(json.dumps([records, options], ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.digest()


class BundleCache:
    """One bundle and its key in one file; ``None`` folder = no reuse (the benchmarks, the tests' engines)."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / "bundle.pickle" if folder else None

    def get(self, key: bytes) -> dict[str, bytes] | None:
        """Return the kept bundle when it was made under ``key``."""
        kept = read_sealed(self.path)
        if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == key and isinstance(kept[1], dict):
            return kept[1]
        return None

    def put(self, key: bytes, files: dict[str, bytes]) -> None:
        """Keep the bundle (atomically)."""
        write_sealed(self.path, (key, files))
