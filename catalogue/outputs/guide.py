"""The field reference of the editors' guide, generated from the models so the two cannot drift.

    python -m catalogue.outputs.guide docs/editors-guide.md   # rewrite the generated part
"""

from __future__ import annotations

import sys
import typing
from pathlib import Path

from pydantic import BaseModel

from ..model.kinds import RECORD_KINDS, VOCABULARIES
from ..model.records import Site

BEGIN = "<!-- BEGIN generated field reference: python -m catalogue.outputs.guide docs/editors-guide.md -->"
END = "<!-- END generated field reference -->"
HIDDEN = {"id", "body"}


def _nested(annotation: typing.Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        found.extend(_nested(arg))
    return found


def _rows(model: type[BaseModel], prefix: str = "", hidden: frozenset[str] = frozenset()) -> list[str]:
    rows = []
    for name, info in model.model_fields.items():
        if name in HIDDEN or (not prefix and name in hidden):
            continue
        required = "yes" if info.is_required() else ""
        written = info.alias or name  # as editors write it: a season's "from", not valid_from
        rows.append(f"| `{prefix}{written}` | {required} | {info.description or ''} |")
        for sub in _nested(info.annotation):
            many = typing.get_origin(info.annotation) is list or "list[" in str(info.annotation)
            rows.extend(_rows(sub, f"{prefix}{name}{'[]' if many else ''}."))
    return rows


def _table(title: str, model: type[BaseModel], hidden: frozenset[str] = frozenset()) -> str:
    head = [f"### {title}", "", "| field | required | meaning (as VS Code shows it) |", "|---|---|---|"]
    return "\n".join(head + _rows(model, hidden=hidden)) + "\n"


def field_reference() -> str:
    """Return the Markdown tables of every field of every kind of file."""
    parts = [_table("`site.yaml`", Site)]
    for kind in (k for k in RECORD_KINDS if k.form):
        front = " (front matter)" if kind.editable else ""
        where = kind.location.replace("*", "PLAN") if kind.location else kind.folder
        hidden = frozenset({kind.owner_field} if kind.owner_field else ())  # the folder says it; editors never write it
        parts.append(_table(f"`{where}/ID{kind.suffix}`{front}", kind.written, hidden))
    for vocabulary in VOCABULARIES:
        entries = "" if vocabulary.document else " (each entry: `id: {…}`)"
        parts.append(_table(f"`vocabularies/{vocabulary.file}.yaml`{entries}", vocabulary.model))
    return "\n".join(parts)


def rewrite(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    path.write_text(text[:start] + "\n\n" + field_reference() + "\n" + text[end:], encoding="utf-8")


if __name__ == "__main__":
    rewrite(Path(sys.argv[1]))
