"""Rendered PDFs cached by the hash of their HTML, so an unchanged leaflet is never laid out twice.

One file per document in the content's ``.cache/print/``, sealed with the user's own
key (:mod:`catalogue.sealed`): a file someone else put there is never unpickled, only
laid out again. The key covers the HTML (which holds the text, the CSS and the QR
addresses), the options, the renderer's code and versions, and the font files; entries
not used by a run are removed at its end.
"""

from __future__ import annotations

import hashlib
import logging
from functools import lru_cache
from pathlib import Path

from ...messages.commands import NOT_PRINTED, PRINT_CACHE_IGNORED
from ...messages.core import say
from ...validate.cache import cache_folder
from ...errors import display_path
from ...sealed import Unsealed, unseal, write_sealed
from .fonts import fonts_fingerprint
from .pdf import Job, Rendered

log = logging.getLogger("catalogue")
PACKAGE = Path(__file__).resolve().parent
SUFFIX = ".pdfcache"


@lru_cache(maxsize=1)
def code_fingerprint() -> bytes:
    """Return a hash of what turns HTML into PDF bytes: this package's code and the libraries' versions."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    for path in sorted(PACKAGE.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for name in ("weasyprint", "pydyf", "pypdf", "segno"):
        digest.update(f"{name}={version(name)}\n".encode())
    digest.update(fonts_fingerprint().encode())
    return digest.digest()


def job_key(job: Job) -> str:
    digest = hashlib.sha256(code_fingerprint())
    digest.update(f"{job.kind}\0{job.format}\0{job.impose}\0".encode())
    for part in job.parts:
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


class PdfCache:
    """Rendered jobs on disk; ``None`` folder = no cache (every job renders)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def get(self, key: str) -> Rendered | None:
        self.used.add(key)
        if self.folder is None:
            return None
        path = self.folder / f"{key}{SUFFIX}"
        try:
            rendered = unseal(path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, Unsealed) as exc:  # a foreign or damaged entry is only a slower run
            log.warning(say(PRINT_CACHE_IGNORED, path=display_path(path), reason=getattr(exc, "strerror", None) or str(exc)))
            return None
        if type(rendered) is not Rendered:
            log.warning(say(PRINT_CACHE_IGNORED, path=display_path(path), reason=say(NOT_PRINTED)))
            return None
        return rendered

    def put(self, key: str, rendered: Rendered) -> None:
        self.used.add(key)
        if self.folder is None:
            return
        write_sealed(self.folder / f"{key}{SUFFIX}", rendered)  # a read-only checkout still prints, only slower next time

    def prune(self) -> None:
        """Remove entries this run did not use (an edited leaflet's old PDF)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.glob(f"*{SUFFIX}"):
            if path.name[: -len(SUFFIX)] not in self.used:
                try:
                    path.unlink()
                except OSError:
                    pass


def default_print_cache(content: Path) -> Path:
    """Return ``content/.cache/print`` (see :mod:`catalogue.validate.cache`)."""
    return cache_folder(content, "print")
