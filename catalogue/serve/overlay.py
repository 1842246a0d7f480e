"""The error overlay: what a broken edit looks like in the browser.

Injected into every served HTML page while the content has errors. It is a
non-modal dialog with a heading, the list of ``file:line:column: message`` and a
close button that takes focus, so a keyboard or screen-reader user hears it at
once and can dismiss it with Enter or Escape; the page under it is the last good
version. Styles sit on the element itself so no site stylesheet can hide it.
"""

from __future__ import annotations

from markupsafe import escape

from ..errors import Problem
from ..render.i18n import translations

ELEMENT_ID = "catalogue-preview-errors"
_BODY_END = b"</body>"

_STYLE = (
    "position:fixed;inset:auto 1rem 1rem 1rem;max-height:70vh;overflow:auto;z-index:2147483647;"
    "background:#fff;color:#1a1a1a;border:4px solid #b00020;border-radius:6px;padding:1rem 1.25rem;"
    "box-shadow:0 4px 24px rgba(0,0,0,.35);font:16px/1.5 system-ui,sans-serif"
)


# Every colour is set here: a site's stylesheet styles ``button`` (white text on its link
# colour), and a background alone left white text on white. White on #b00020 is 7.3:1.
_BUTTON = (
    "font:inherit;font-weight:600;padding:.25rem 1rem;margin:0;color:#fff;background:#b00020;"
    "border:2px solid #b00020;border-radius:4px;cursor:pointer;outline-offset:2px"
)


def overlay_html(errors: tuple[Problem, ...], language: str) -> str:
    """Return the overlay for ``errors``."""
    gettext, ngettext = translations(language).gettext, translations(language).ngettext
    count = len(errors)
    title = ngettext("The content has %(count)d error", "The content has %(count)d errors", count) % {"count": count}
    note = gettext("The preview shows the last version without errors. Fix the file and save: this message goes away.")
    items = "".join(
        f'<li style="margin:.25rem 0"><code style="white-space:pre-wrap;font:14px/1.4 ui-monospace,monospace">{escape(p.format(language))}</code></li>'
        for p in errors
    )
    close = escape(gettext("Close"))
    return (
        f'<div id="{ELEMENT_ID}" role="alertdialog" aria-modal="false" aria-labelledby="{ELEMENT_ID}-title" '
        f'aria-describedby="{ELEMENT_ID}-note" style="{_STYLE}">'
        f'<h2 id="{ELEMENT_ID}-title" style="margin:0 0 .5rem;font-size:1.25rem;color:#b00020">{escape(title)}</h2>'
        f'<p id="{ELEMENT_ID}-note" style="margin:0 0 .5rem">{escape(note)}</p>'
        f'<ol style="margin:0 0 .75rem;padding-left:1.5rem">{items}</ol>'
        f'<button type="button" style="{_BUTTON}">{close}</button>'
        "</div>"
        "<script>(function(){"
        f'var box=document.getElementById("{ELEMENT_ID}");if(!box)return;'
        'var button=box.querySelector("button");'
        "function close(){box.remove();document.removeEventListener('keydown',onKey);}"
        "function onKey(e){if(e.key==='Escape')close();}"
        "button.addEventListener('click',close);document.addEventListener('keydown',onKey);"
        "button.focus();"
        "})();</script>"
    )


def inject(html: bytes, errors: tuple[Problem, ...], language: str) -> bytes:
    """Return the page with the overlay before ``</body>`` (or at the end when there is none)."""
    if not errors:
        return html
    snippet = overlay_html(errors, language).encode("utf-8")
    at = html.rfind(_BODY_END)
    if at < 0:
        return html + snippet
    return html[:at] + snippet + html[at:]


def placeholder_page(language: str) -> bytes:
    """Return the page served before the content has ever built: the overlay says why."""
    _ = translations(language).gettext
    title = escape(_("No preview yet"))
    text = escape(_("The content has errors, so there is no site to show yet."))
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}"><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><main><h1>{title}</h1><p>{text}</p></main></body></html>\n"
    ).encode("utf-8")
