"""The site's static files: the built-in ones, the search page's scripts, a theme's own."""

from __future__ import annotations

from pathlib import Path

from ..messages.commands import REFUSED
from ..messages.core import say
from ..errors import CatalogueError, display_path
from ..load.files import OWN_FOLDERS, Refused, check_inside
from ..messages.files import THE_STATIC_FILE
from ..write import OutputTree

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
SEARCH_STATIC_DIR = Path(__file__).resolve().parents[1] / "search" / "static"  # czech-analysis.js, search.js


def static_folders(theme: Path | None) -> list[Path]:
    """Return the folders of static files, later ones winning: built-in, search, the theme's."""
    return [STATIC_DIR, SEARCH_STATIC_DIR, *([theme / "static"] if theme else [])]


def static_roots(theme: Path | None) -> list[Path]:
    """Return where static files may lie, links followed: the built-in folders, and the theme's content folder."""
    return [STATIC_DIR, SEARCH_STATIC_DIR, *OWN_FOLDERS, *([theme.parent] if theme else [])]


def copy_static(out: OutputTree, folders: list[Path], allowed: list[Path]) -> None:
    """Copy static files; a theme's file of the same name replaces the built-in one; none from outside ``allowed``."""
    chosen: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                chosen[path.relative_to(folder).as_posix()] = path
    for rel, path in sorted(chosen.items()):
        try:
            check_inside(path, allowed, THE_STATIC_FILE)
        except Refused as exc:  # ``check`` reports it with the content; this keeps it out of the site regardless
            raise CatalogueError(say(REFUSED, path=display_path(path), reason=exc.args[0])) from None
        out.add(f"static/{rel}", path.read_bytes(), f"static file {rel}")
