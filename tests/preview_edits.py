"""What the preview tests share: an edit saved as an editor saves it, and a fresh build to compare with."""

from __future__ import annotations

from pathlib import Path

from catalogue.pipeline import build_site
from catalogue.serve.preview import Preview


def built(content: Path, out: Path) -> dict[str, bytes]:
    """Return every file a fresh ``build`` writes."""
    assert not build_site(content, out).problems.has_errors()
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def save(preview: Preview, rel: str, text: str | None):
    """Write (or, for ``None``, delete) ``rel`` under the preview's content and let the preview update."""
    path = preview.content / rel
    if text is None:
        path.unlink()
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return preview.update({path})
