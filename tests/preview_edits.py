"""What the preview tests share: an edit saved as an editor saves it, and a fresh build to compare with."""

from __future__ import annotations

from pathlib import Path

from catalogue.pipeline import build_site
from catalogue.serve.preview import Preview

# Only a full build writes the service worker: the live preview must never have pages
# cached in the browser, or an editor would see yesterday's page after a save.
BUILD_ONLY = frozenset({"sw.js"})


def built(content: Path, out: Path) -> dict[str, bytes]:
    """Return every file a fresh ``build`` writes that the preview serves too."""
    assert not build_site(content, out).problems.has_errors()
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert BUILD_ONLY <= files.keys(), "the build writes the service worker"
    return {rel: data for rel, data in files.items() if rel not in BUILD_ONLY}


def save(preview: Preview, rel: str, text: str | None):
    """Write (or, for ``None``, delete) ``rel`` under the preview's content and let the preview update."""
    path = preview.content / rel
    if text is None:
        path.unlink()
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return preview.update({path})
