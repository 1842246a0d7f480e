"""The PDFs of ``files/`` (the approved plan, a draft, minutes), published as they are under ``/soubory/``."""

from __future__ import annotations

from ..render.community.urls import file_url
from .context import OutputContext


def write_plan_files(context: OutputContext) -> None:
    """Add every PDF of ``files/`` to the site; the records link them (``document``, ``draft``, ``minutes_pdf``)."""
    for name, pdf in sorted(context.catalogue.planning.pdfs.items()):
        context.tree.add(file_url(name).lstrip("/"), pdf.data, f"file {name}")
