"""Validate each parsed file against its model; turn pydantic errors into positioned problems."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..messages import fields as said
from ..messages.core import ALL, say
from ..messages.files import A_LIST
from ..errors import Problems, shorten
from ..load.content import SLUG_RE, Document, read_page, read_pdf
from ..load.yamlstrict import Mapping, Position, Sequence
from ..model.fields import DEFAULT_COUNTRY
from ..model.kinds import KINDS, VOCABULARY
from ..model.records import Record, Site
from ..model.vocabularies import Term

M = TypeVar("M", bound=BaseModel)


def validate_document(
    model: type[M], doc: Document, problems: Problems, extra: dict[str, Any] | None = None, country: str = DEFAULT_COUNTRY
) -> M | None:
    """Return the validated record, or None with every problem of the file reported.

    ``country`` is the site's (``site.country``): phone numbers get its calling code.
    """
    data = doc.data
    if "id" in data and "id" in model.model_fields:
        line, col = data.key_pos["id"]
        problems.error(doc.path, line, col, "id", say(said.ID_LINE))
        return None
    payload: dict[str, Any] = dict(data)
    if "id" in model.model_fields:
        payload["id"] = doc.id
    if extra:
        payload.update(extra)
    try:
        return model.model_validate(payload, context={"country": country})
    except ValidationError as exc:
        for error in exc.errors():
            report_error(model, doc, error, problems)
        return None


def report_error(model: type[BaseModel], doc: Document, error: dict, problems: Problems) -> None:
    """Report one pydantic error at the position of the value it is about."""
    loc = tuple(error["loc"])
    if loc and loc[-1] == "[key]":
        loc = loc[:-1]  # a key of a mapping (an indicator's year): the message is about the key written there
    loc = as_written(doc.data, loc)
    kind = error["type"]
    if kind == "missing":
        line, col = position(doc.data, loc[:-1])
        problems.error(doc.path, line, col, dotted(loc[:-1]), say(said.MISSING, name=loc[-1]))
        return
    if kind == "extra_forbidden":
        line, col = position(doc.data, loc, key=True)
        suggestion = _suggest_field(model, loc)
        problems.error(doc.path, line, col, dotted(loc), say(said.UNKNOWN_FIELD, name=loc[-1], hint=suggestion))
        return
    line, col = position(doc.data, loc)
    if loc == ("body",):  # a page's body follows its front matter: point at the body (at the line, when known)
        line, col = doc.body_line + (error["ctx"]["line"] - 1 if kind == said.TOO_DEEP.code else 0), 1
    problems.error(doc.path, line, col, dotted(loc), _message(error))


# pydantic's own errors → our messages; its English ("Input should be…") never reaches an editor.
_EXPECTED = {
    "string_type": said.EXPECTED_TEXT,
    **dict.fromkeys(("model_type", "dict_type", "model_attributes_type"), said.EXPECTED_FIELDS),
    **dict.fromkeys(("list_type", "tuple_type"), said.EXPECTED_LIST),
}
_BOUNDS = {"greater_than_equal": ("ge", said.AT_LEAST), "less_than_equal": ("le", said.AT_MOST)}


def _message(error: dict) -> str:
    kind = error["type"]
    value = error.get("input")
    shown = f'"{shorten(value)}"' if isinstance(value, str) else _describe(value)
    ctx = error.get("ctx") or {}
    if kind in ALL:  # our own check (model/fields.py and the like): its code is the error's type
        return say(ALL[kind], **ctx)
    if kind == "string_too_long":
        return say(said.TOO_LONG, length=len(value), limit=ctx["max_length"])
    if kind == "literal_error":
        return say(said.NOT_ALLOWED, shown=shown, choices=ctx.get("expected", ""))
    if kind in _EXPECTED:
        return say(_EXPECTED[kind], found=_describe(value))
    if kind in _BOUNDS:
        key, message = _BOUNDS[kind]
        return say(message, shown=shown, limit=ctx.get(key, ""))
    if kind in ("int_type", "float_type", "bool_type", "date_type"):
        return say(said.WRONG_TYPE, shown=shown, reason=error["msg"].lower())
    if kind in ("greater_than", "less_than"):
        return say(said.OUT_OF_RANGE, shown=shown, reason=error["msg"].lower())
    if kind == "string_pattern_mismatch":
        return say(said.PATTERN, shown=shown, pattern=ctx.get("pattern", ""))
    if kind == "value_error":
        return say(said.INVALID, reason=error["msg"].removeprefix("Value error, "))
    return say(said.INVALID, reason=error["msg"])


def _describe(value: Any) -> str:
    if value is None:
        return say(said.NOTHING)
    if isinstance(value, dict):
        return say(said.SOME_FIELDS)
    if isinstance(value, list):
        return say(A_LIST)
    if isinstance(value, str):
        return f'"{shorten(value)}"'
    return shorten(repr(value))


def _suggest_field(model: type[BaseModel], loc: tuple) -> str:
    names = _field_names(model, loc[:-1])
    close = difflib.get_close_matches(str(loc[-1]), names, n=1, cutoff=0.6)
    if close:
        return say(said.DID_YOU_MEAN, name=close[0])
    if names:
        return say(said.ALLOWED_HERE, names=", ".join(names))
    return ""


def _field_names(model: type[BaseModel], loc: tuple) -> list[str]:
    """Return the field names allowed at ``loc`` by walking the model's annotations."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(str(part))
        if info is None:
            return []
        current = _inner_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return sorted(i.alias or n for n, i in current.model_fields.items() if n not in ("id", "body"))
    return []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def as_written(tree: Any, loc: tuple) -> tuple:
    """Drop the list index of a single item written without its list (``capacity: {count: …}``)."""
    node, out = tree, []
    for part in loc:
        if isinstance(part, int) and isinstance(node, Mapping) and part not in node:  # not a number written as a key
            continue
        out.append(part)
        if isinstance(node, Mapping) and isinstance(part, str):
            node = node.get(part)
        elif isinstance(node, Sequence) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            node = None
    return tuple(out)


def dotted(loc: tuple) -> str:
    """Return ``locations[0].hours.mon`` for ``('locations', 0, 'hours', 'mon')``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def position(tree: Any, loc: tuple, key: bool = False) -> Position:
    """Return the line and column of the value at ``loc``, or of the nearest enclosing one."""
    node = tree
    best: Position = getattr(tree, "start", (1, 1))
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, Mapping) and isinstance(part, str) and part in node:
            best = node.key_pos[part] if (last and key) else node.value_pos[part]
            node = node[part]
        elif isinstance(node, Sequence) and isinstance(part, int) and 0 <= part < len(node):
            best = node.item_pos[part]
            node = node[part]
        else:
            break
    return best


# --- per-kind entry points ----------------------------------------------------


def validate_site(doc: Document, problems: Problems) -> Site | None:
    return validate_document(Site, doc, problems)


def validate_record(doc: Document, problems: Problems, country: str = DEFAULT_COUNTRY) -> Record | None:
    """Validate a record file by its kind's model.

    A page's Markdown body becomes its ``body``, a PDF's bytes its ``data``; a part of a
    plan gets its id from the file's name and its plan from the folder it lies in.
    """
    kind = KINDS[doc.kind]
    extra: dict[str, Any] = {}
    if kind.reader is read_page:
        extra["body"] = doc.body
    elif kind.reader is read_pdf:
        extra["data"] = doc.source
    if kind.owner_field:
        owner, _, ident = doc.id.partition("/")
        if kind.owner_field in doc.data:
            line, col = doc.data.key_pos[kind.owner_field]
            problems.error(doc.path, line, col, kind.owner_field, say(said.OWNER_LINE, field=kind.owner_field))
            return None
        extra.update({"id": ident, kind.owner_field: owner})
    return validate_document(kind.model, doc, problems, extra=extra or None, country=country)


def validate_vocabulary(doc: Document, problems: Problems) -> dict[str, Term]:
    """A vocabulary file maps ids to terms: ``azylove-domy: {name: …, paragraph: "57"}``."""
    vocabulary = VOCABULARY.get(doc.id)
    if vocabulary is None:
        problems.warning(doc.path, 1, 1, "", say(said.UNKNOWN_VOCABULARY, names=", ".join(sorted(VOCABULARY))))
        return {}
    if vocabulary.document:  # one document of sections (the registry mapping): section → its entries
        mapping = validate_document(vocabulary.model, doc, problems)
        return dict(mapping) if mapping is not None else {}
    model = vocabulary.model
    terms: dict[str, Term] = {}
    for term_id, value in doc.data.items():
        line, col = doc.data.key_pos[term_id]
        if not SLUG_RE.match(term_id):
            problems.error(doc.path, line, col, term_id, say(said.TERM_ID))
            continue
        sub = Document(doc.kind, term_id, doc.path, value if isinstance(value, Mapping) else Mapping(doc.data.value_pos[term_id]))
        if not isinstance(value, Mapping):
            problems.error(doc.path, *doc.data.value_pos[term_id], term_id, say(said.TERM_FIELDS))
            continue
        sub_problems = Problems()
        term = validate_document(model, sub, sub_problems)
        for p in sub_problems.items:
            problems.error(p.path, p.line, p.column, f"{term_id}.{p.field}" if p.field else term_id, p.message)
        if term is not None:
            terms[term_id] = term
    return terms
