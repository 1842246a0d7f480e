"""Every Markdown text of the catalogue rendered once per build, shared by pages, search and print.

A build first :func:`prepare`\\ s the texts: those the disk cache knows (by a hash of the
text, in the content's ``.cache/render/``) cost nothing, the rest are converted
— in forked processes when there are many — before the render workers are forked,
so every worker, the search documents and the print inherit the same HTML instead of
converting the texts again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..index import Catalogue
from ..sealed import read_sealed, write_sealed
from ..validate.cache import cache_folder
from ..workers import available_cores, can_fork, forked_pool
from . import markdown

PARALLEL_FROM = 500  # texts; fewer are converted faster than processes start
CHUNK = 200  # texts a worker converts at a time


def markdown_texts(cat: Catalogue) -> list[str]:
    """Return every Markdown text of the catalogue (descriptions, advice, free pages), each once."""
    texts = [s.description for s in cat.services.values()]
    texts += [p.description for p in cat.providers.values()]
    texts += [ls.text for ls in cat.life_situations.values()]
    texts += [page.body for page in cat.pages.values()]
    return list(dict.fromkeys(t for t in texts if t and t.strip()))


@lru_cache(maxsize=1)
def _fingerprint() -> bytes:
    """Return a hash of what turns a text into HTML: our code and the two libraries' versions."""
    digest = hashlib.sha256(Path(markdown.__file__).read_bytes())
    for package in ("markdown", "nh3"):
        try:
            digest.update(f"{package} {version(package)}\0".encode())
        except PackageNotFoundError:  # pragma: no cover - both are dependencies
            digest.update(f"{package} ?\0".encode())
    return digest.digest()


def _key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class MarkdownCache:
    """Each text's HTML by hash of the text, in one file; ``None`` folder = none at all."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / "markdown.pickle" if folder else None

    def load(self) -> dict[bytes, str]:
        kept = read_sealed(self.path)
        if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == _fingerprint() and isinstance(kept[1], dict):
            return kept[1]
        return {}

    def save(self, entries: dict[bytes, str]) -> None:
        """Write the entries (atomically)."""
        write_sealed(self.path, (_fingerprint(), entries))


def default_folder(content: Path) -> Path:
    """Return ``content/.cache/render`` (the content folder's own cache, ignored by git)."""
    return cache_folder(content, "render")


def prepare(texts: Iterable[str], cache: MarkdownCache) -> int:
    """Render every text not yet rendered in this process, from the disk cache where it can; return how many were converted.

    The cache file keeps the texts of this build only, so it never grows past the catalogue.
    """
    texts = list(texts)
    if len(markdown.RENDERED) > 2 * len(texts) + 1000:  # a long preview session: forget texts edited away
        current = set(texts)
        for text in [t for t in markdown.RENDERED if t not in current]:
            del markdown.RENDERED[text]
    missing = [t for t in texts if t not in markdown.RENDERED]
    if not missing:
        return 0
    stored = cache.load()
    keys = {text: _key(text) for text in texts}
    todo = []
    for text in missing:
        html = stored.get(keys[text])
        if html is None:
            todo.append(text)
        else:
            markdown.RENDERED[text] = html
    for text, html in zip(todo, _convert_all(todo)):
        markdown.RENDERED[text] = html
    if todo or len(stored) != len(keys):
        cache.save({key: markdown.RENDERED[text] for text, key in keys.items()})
    return len(todo)


def _convert_all(texts: list[str]) -> list[str]:
    """Convert texts, in forked processes when there are many and more than one core."""
    workers = min(available_cores(), 8)
    if len(texts) < PARALLEL_FROM or workers <= 1 or not can_fork():
        return [markdown.convert(t) for t in texts]
    chunks = [texts[start : start + CHUNK] for start in range(0, len(texts), CHUNK)]
    with forked_pool(workers) as pool:
        return [html for chunk in pool.imap(_convert_chunk, chunks) for html in chunk]


def _convert_chunk(texts: list[str]) -> list[str]:
    return [markdown.convert(t) for t in texts]
