"""Caches that only this user's runs could have written: pickles sealed with a key kept outside the repository.

Unpickling runs whatever the file says, and a content repository is written by
other people (a pull request can add ``.cache/catalogue/records.pickle``). So a
cache file carries an HMAC-SHA256 of its bytes under a random key that lives in
the user's own cache folder (``$XDG_CACHE_HOME/catalogue/cache.key``, by default
``~/.cache/catalogue/cache.key``, readable by the user alone). A file without the
right seal is never unpickled: it is ignored and written again. Checking the seal
of the national catalogue's 17 MB cache takes about 20 ms, 1–2 % of reading it;
rebuilding the records from JSON instead, even without validating them, took ten
times as long as the whole sealed read (``benchmarks/bench_cache.py``).
"""

from __future__ import annotations

import hashlib
import hmac
import io
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

log = logging.getLogger("catalogue")

MAGIC = b"catalogue-sealed-1\n"
KEY_BYTES = 32
MAC_BYTES = hashlib.sha256().digest_size


class Unsealed(Exception):
    """The data is not a cache this user wrote (foreign, tampered with, truncated, or no key)."""


def key_path() -> Path:
    """Return where the user's cache key is kept: outside every repository."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "catalogue" / "cache.key"


@lru_cache(maxsize=4)
def _key(path: Path) -> bytes | None:
    try:
        data = path.read_bytes()
        if len(data) == KEY_BYTES:
            return data
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.debug("cannot read the cache key %s: %s", path, exc)
        return None
    return _new_key(path)


def _new_key(path: Path) -> bytes | None:
    """Create the key, readable by the user alone; None when the home folder cannot be written."""
    key = os.urandom(KEY_BYTES)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
        try:
            os.link(tmp, path)  # a concurrent run may have made one first: then use that one
        except FileExistsError:
            pass
        os.unlink(tmp)
        data = path.read_bytes()
    except OSError as exc:
        log.debug("cannot create the cache key %s: %s", path, exc)
        return None
    return data if len(data) == KEY_BYTES else None


def user_key() -> bytes | None:
    """Return this user's cache key, made on first use; None when there can be none (no caching then)."""
    return _key(key_path())


def seal(value: Any) -> bytes:
    """Return ``value`` pickled, behind a seal only this user's key makes; raise :class:`Unsealed` without a key."""
    key = user_key()
    if key is None:
        raise Unsealed("no cache key")
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return MAGIC + hmac.new(key, payload, hashlib.sha256).digest() + payload


def unseal(data: bytes, persistent_load: Callable[[Any], Any] | None = None) -> Any:
    """Return what :func:`seal` sealed; raise :class:`Unsealed` before unpickling anything else.

    ``persistent_load`` gives back the objects :func:`write_sealed`'s ``persistent_id`` named
    (a reference it cannot resolve makes the value unreadable).
    """
    key = user_key()
    if key is None:
        raise Unsealed("no cache key")
    if not data.startswith(MAGIC):
        raise Unsealed("not a sealed cache")
    mac = data[len(MAGIC) : len(MAGIC) + MAC_BYTES]
    payload = memoryview(data)[len(MAGIC) + MAC_BYTES :]
    if not hmac.compare_digest(mac, hmac.new(key, payload, hashlib.sha256).digest()):
        raise Unsealed("sealed with another key, or changed since")
    try:
        if persistent_load is None:
            return pickle.loads(payload)
        unpickler = pickle.Unpickler(io.BytesIO(payload))
        unpickler.persistent_load = persistent_load
        return unpickler.load()
    except Exception as exc:  # sealed by us but unreadable (an older Python, a class renamed since, a reference gone)
        raise Unsealed(f"unreadable ({type(exc).__name__})") from None


def read_sealed(path: Path | None, persistent_load: Callable[[Any], Any] | None = None) -> Any:
    """Return what a sealed cache file holds; None when there is none or it is not this user's (a cache only saves time)."""
    if path is None or not path.is_file():
        return None
    try:
        return unseal(path.read_bytes(), persistent_load)
    except (OSError, Unsealed) as exc:  # foreign, planted, truncated: made again, never unpickled
        log.debug("ignoring the cache %s: %s", path, exc)
        return None


class _SealingWriter:
    """A file the pickle is written into as it is made, every byte also fed to the seal's HMAC."""

    def __init__(self, fh: Any, mac: hmac.HMAC) -> None:
        self.fh = fh
        self.mac = mac

    def write(self, data: bytes) -> int:
        self.mac.update(data)
        return self.fh.write(data)


def write_sealed(path: Path | None, value: Any, persistent_id: Callable[[Any], Any] | None = None) -> None:
    """Seal ``value`` into ``path`` atomically; a folder that cannot be written only makes the next run slower.

    The same bytes as :func:`seal`, but the pickle goes to the file as it is made and the
    seal is written in its place last: the national open-data cache (85 MB) is never
    held in memory once, let alone twice, beside everything it was made from.
    ``persistent_id`` names objects kept elsewhere instead of pickling them (None: pickle it).
    """
    if path is None:
        return
    tmp = None
    try:
        key = user_key()
        if key is None:
            raise Unsealed("no cache key")
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC + bytes(MAC_BYTES))
            writer = _SealingWriter(fh, hmac.new(key, digestmod=hashlib.sha256))
            pickler = pickle.Pickler(writer, protocol=pickle.HIGHEST_PROTOCOL)
            if persistent_id is not None:
                pickler.persistent_id = persistent_id
            pickler.dump(value)
            fh.seek(len(MAGIC))
            fh.write(writer.mac.digest())
        os.replace(tmp, path)
    except (OSError, Unsealed) as exc:
        log.debug("cannot write the cache %s: %s", path, exc)
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    except BaseException:  # stopped (Ctrl-C, a child told to end): no half-made file stays behind
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise


RECENT_MIN = 64  # entries a cache's recent file may differ by before the whole is written again


def recent_suffices(base: int, kept: int, fresh: int) -> bool:
    """Return whether a cache of two files (the whole, and the entries made since) may write the recent one alone.

    ``base`` entries are in the whole file, ``kept`` are to be kept, ``fresh`` of those not in
    the whole file: the files may differ from what is kept by a twentieth of it (at least
    :data:`RECENT_MIN` entries); beyond that, or with no whole file, the whole is written.
    """
    stale = base - (kept - fresh)  # in the whole file, no longer kept
    return base > 0 and fresh + stale <= max(RECENT_MIN, kept // 20)


class Layered:
    """A sealed cache of entries keyed by what they are made from (so never wrong, only unused), in two files.

    ``path`` holds the entries of the last whole save, ``<name>.recent<suffix>`` those
    made since: a one-edit national build writes the few entries it made (kilobytes)
    instead of the whole cache again (the open data's 85 MB, the search documents' 30 MB:
    about a second together), until the files differ from what a run used by more than a
    twentieth of it; then the whole is written and the unused entries are dropped. The
    recent file names the whole one it was made beside (a random token), so it is never
    read over another. A file that is not this user's, or whose entries ``valid``
    refuses, counts as none.
    """

    def __init__(self, path: Path | None, valid: Callable[[dict], bool] = lambda entries: True) -> None:
        self.path = path
        self.recent_path = path.with_name(f"{path.stem}.recent{path.suffix}") if path is not None else None
        token, base = _layer(read_sealed(path), valid)
        recent_token, recent = _layer(read_sealed(self.recent_path), valid) if base else (None, {})
        if recent_token != token:  # made beside an older whole file
            recent = {}
        self.token, self.base, self.recent = token, set(base), set(recent)
        self.entries: dict = {**base, **recent}

    def save(self, used: dict) -> None:
        """Keep ``used`` (the entries this run read or made) for the next run: in the recent file when it can."""
        if self.path is None or self.recent_path is None:
            return
        fresh = [key for key in used if key not in self.base]
        if recent_suffices(len(self.base), len(used), len(fresh)):
            if set(fresh) != self.recent:
                write_sealed(self.recent_path, (LAYERED, self.token, {key: used[key] for key in fresh}))
                self.recent = set(fresh)
            return
        self.token = os.urandom(8).hex()
        write_sealed(self.path, (LAYERED, self.token, used))
        self.base, self.recent = set(used), set()
        try:
            self.recent_path.unlink(missing_ok=True)
        except OSError:
            pass


LAYERED = "layered-1"


def _layer(value: Any, valid: Callable[[dict], bool]) -> tuple[str | None, dict]:
    """Return the token and entries of one file of a :class:`Layered` cache ((None, {}) when it is not one)."""
    if isinstance(value, tuple) and len(value) == 3 and value[0] == LAYERED and isinstance(value[2], dict) and valid(value[2]):
        return value[1], value[2]
    return None, {}
