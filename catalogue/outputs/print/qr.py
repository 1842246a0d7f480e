"""QR codes (segno, pure Python) as tiny PNGs, one pixel per module.

Templates write ``<img src="qr:…">``; the PDF renderer's fetcher turns that into
the image. So the HTML (and its cache key) holds only the address, and codes are
made only for documents that are really rendered, in the worker processes.
The print CSS scales them with ``image-rendering: pixelated`` (no smoothing), so
every module prints as a sharp square; an SVG path prints the same but takes
WeasyPrint 15 ms a code to draw (7 s for a 500-service catalogue).
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote, unquote

SCHEME = "qr:"


def qr_src(url: str) -> str:
    """Return the ``src`` of an image showing a QR code that opens ``url``."""
    return SCHEME + quote(url, safe="")


def url_of(src: str) -> str:
    """Return the address a ``qr:`` source encodes."""
    return unquote(src[len(SCHEME):])


@lru_cache(maxsize=16384)
def qr_png(url: str) -> bytes:
    """Return a PNG QR code for ``url``, one pixel per module.

    Error correction M survives a smudge or a fold; no quiet-zone border is drawn
    because the print CSS keeps white space around the image instead.
    """
    import io

    import segno

    code = segno.make(url, error="m", micro=False, boost_error=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=1, border=0)
    return buffer.getvalue()
