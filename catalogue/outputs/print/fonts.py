"""The fonts printed documents embed: DejaVu (Debian ``fonts-dejavu-core``), read from local files.

Naming the files (not only a family) makes every machine embed the same font,
whatever fontconfig would pick; DejaVu covers Czech, Polish and Ukrainian.
When a file is missing, the family name is asked of the system instead.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
    Path.home() / ".fonts",
    Path.home() / ".local/share/fonts",
)
BODY = "Catalogue Sans"
HEADING = "Catalogue Heading"
# (CSS family, weight, style, file, system family to fall back on)
FACES = (
    (BODY, "normal", "normal", "DejaVuSansCondensed.ttf", "DejaVu Sans Condensed"),
    (BODY, "bold", "normal", "DejaVuSansCondensed-Bold.ttf", "DejaVu Sans Condensed Bold"),
    (BODY, "normal", "italic", "DejaVuSansCondensed-Oblique.ttf", "DejaVu Sans Condensed Oblique"),
    (BODY, "bold", "italic", "DejaVuSansCondensed-BoldOblique.ttf", "DejaVu Sans Condensed Bold Oblique"),
    (HEADING, "bold", "normal", "DejaVuSans-Bold.ttf", "DejaVu Sans Bold"),
    (HEADING, "normal", "normal", "DejaVuSans.ttf", "DejaVu Sans"),
)


def find_font(name: str) -> Path | None:
    """Return the path of a font file from the usual folders, or None."""
    for folder in FONT_DIRS:
        path = folder / name
        if path.is_file():
            return path
    return None


@lru_cache(maxsize=1)
def font_face_css() -> str:
    """Return ``@font-face`` rules for the print fonts (local files first)."""
    rules = []
    for family, weight, style, filename, system in FACES:
        path = find_font(filename)
        sources = ([f'url("{path.as_uri()}")'] if path else []) + [f'local("{system}")']
        rules.append(
            f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: {style}; '
            f"src: {', '.join(sources)}; }}"
        )
    return "\n".join(rules) + "\n"


@lru_cache(maxsize=1)
def fonts_fingerprint() -> str:
    """Return a hash of the font files in use, so a font update invalidates cached PDFs."""
    digest = hashlib.sha256()
    for _, _, _, filename, _ in FACES:
        path = find_font(filename)
        digest.update(f"{filename}:{path.stat().st_size if path else 'missing'}\n".encode())
    return digest.hexdigest()[:16]
