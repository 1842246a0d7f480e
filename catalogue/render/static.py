"""The site's static files: the built-in ones, the search page's scripts, a theme's own."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..messages.commands import REFUSED
from ..messages.core import say
from ..errors import CatalogueError, display_path
from ..load.files import OWN_FOLDERS, Refused, check_inside
from ..messages.files import THE_STATIC_FILE
from ..write import OutputTree

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
SEARCH_STATIC_DIR = Path(__file__).resolve().parents[1] / "search" / "static"  # czech-analysis.js, search.js
TEXT_SCRIPT = "static/ui-text.js"  # what the scripts say, loaded before them by every page (templates/base.html)


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


def text_script(
    ui_text: Mapping[str, Any], hours_text: Mapping[str, Any], map_settings: Mapping[str, str] | None, crisis: list[dict[str, str]]
) -> str:
    """Return the script that gives the site's scripts their texts, the maps' settings and the crisis lines (``window.CatalogueText``).

    One file the browser and the service worker cache, instead of the same 4 KB of JSON
    and attributes in every page (issue 15: the site's size). ``root`` is the site's
    address as the browser loaded this file, so the paths work from any folder and file://.
    """
    texts = {"crisis": crisis, "hours": hours_text, "ui": ui_text, **({"map": map_settings} if map_settings else {})}
    data = json.dumps(texts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    root = "new URL('../', document.currentScript.src).href"
    return f"window.CatalogueText = {data};\nwindow.CatalogueText.root = {root};\n"
