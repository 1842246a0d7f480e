"""What the preview's search page says while the search index is still being built.

The preview serves pages before its search index exists (at national scale the index
takes longer than the pages an editor opens first). Until it does, the search page
says so, instead of the "search failed" a missing index would show, and reloads
itself once the index is served.
"""

from __future__ import annotations

from markupsafe import escape

from ..render.i18n import translations

ELEMENT_ID = "catalogue-preview-searching"
POLL_MS = 2000

_STYLE = "margin:1rem 0;padding:.75rem 1rem;border:2px solid #0b5394;border-radius:4px;background:#eef4fb;color:#1a1a1a"


def searching_html(language: str, index_url: str) -> str:
    """Return the notice, with a script that reloads the page once ``index_url`` is served."""
    gettext = translations(language).gettext
    text = gettext("The search index is still being built; this page reloads by itself when it is ready.")
    return (
        f'<p id="{ELEMENT_ID}" role="status" style="{_STYLE}">{escape(text)}</p>'
        "<script>(function(){function look(){"
        f"fetch({index_url!r},{{method:'HEAD',cache:'no-store'}}).then(function(r){{"
        f"if(r.ok)location.reload();else setTimeout(look,{POLL_MS});}},function(){{setTimeout(look,{POLL_MS});}});"
        f"}}setTimeout(look,{POLL_MS});}})();</script>"
    )


def searching(html: bytes, language: str, index_url: str) -> bytes:
    """Return the search page with the notice after its heading (before ``</body>`` when it has none)."""
    snippet = searching_html(language, index_url).encode("utf-8")
    at = html.find(b"</h1>")
    if at >= 0:
        at += len(b"</h1>")
    else:
        at = html.rfind(b"</body>")
        at = at if at >= 0 else len(html)
    return html[:at] + snippet + html[at:]
