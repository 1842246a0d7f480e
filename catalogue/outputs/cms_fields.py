"""The CMS's fields, from the models: a widget for each field's type (Decap CMS's configuration).

Relations for ids of other records, selects for vocabulary ids and fixed choices,
objects and lists for nested parts, patterns for what must have a form.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, TypeAdapter

from ..index import Catalogue
from ..model.fields import one_or_many
from ..model.hours import DAY_HINT, DAY_PATTERN, parse_day
from ..model.kinds import KINDS, REFERENCED, VOCABULARIES, VOCABULARY_FOLDER
from ..model.references import REFERENCES
from ..model.schedule import Schedule, one_schedule_or_many
from .cms_plans import PLAN_OPTION_LABELS, map_widget

ONE_OR_MANY = "one-or-many"

# Short labels where the first words of the description do not make one.
LABELS = {
    "kind": "Druh záznamu",
    "forms": "Formy poskytování",
    "level": "Úroveň",
    "paid": "Placená služba",
    "mon": "Pondělí", "tue": "Úterý", "wed": "Středa", "thu": "Čtvrtek", "fri": "Pátek", "sat": "Sobota", "sun": "Neděle",
    "lat": "Zeměpisná šířka",
    "lon": "Zeměpisná délka",
    "ico": "IČO",
    "registry_id": "Identifikátor v registru",
    "verified_max_age_months": "Stáří ověření (měsíce)",
}
OPTION_LABELS = {
    "registered": "registrovaná sociální služba", "related": "související aktivita",
    "region": "kraj", "district": "okres / ORP", "municipality": "obec", "city-district": "městský obvod / městská část",
    "part": "část obce", "neighbourhood": "čtvrť", "counselling": "poradenství", "care": "péče", "prevention": "prevence",
    "group": "podle skupiny služeb", "target_group": "podle cílové skupiny",
    **PLAN_OPTION_LABELS,
}
PATTERN_MESSAGE = "Hodnota nemá správný tvar; řiďte se nápovědou u pole."

SEVERAL_SCHEDULES = "Více rozvrhů s popisky (kancelář, péče u klientů…) zapište přímo do souboru jako seznam"


def model_fields(model: type[BaseModel], kind: str, cat: Catalogue | None, prefix: str = "") -> list[dict[str, Any]]:
    """Return the CMS fields of a model; ``prefix`` is the path so far, as in REFERENCES."""
    hints = typing.get_type_hints(model, include_extras=True)
    references = dict(REFERENCES.get(kind, []))
    out = []
    owner = KINDS[kind].owner_field if kind in KINDS else None
    for name, info in model.model_fields.items():
        if not prefix and name in ("id", "body", "source", owner):
            continue  # the id is the file name; a body is the text below; the import alone writes source; a plan is the folder
        description = info.description or ""
        spec: dict[str, Any] = {"name": info.alias or name, "label": label(name, description)}
        if description and description != spec["label"]:
            spec["hint"] = description
        spec.update(widget(hints[name], f"{prefix}{name}", kind, references, cat, description, info.metadata))
        if not info.is_required():
            spec["required"] = False
            if isinstance(info.default, bool):
                spec["default"] = info.default
        out.append(spec)
    return out


def widget(
    annotation: Any,
    path: str,
    kind: str,
    references: dict[str, str],
    cat: Catalogue | None,
    description: str,
    constraints: list[Any],
) -> dict[str, Any]:
    """Return the widget options for one field's type."""
    inner, metadata = _unwrap(annotation)
    if any(getattr(m, "func", None) is parse_day for m in metadata):
        return {"widget": "string", "pattern": [DAY_PATTERN, DAY_HINT]}
    if any(getattr(m, "func", None) is one_schedule_or_many for m in metadata):
        # Most places have one schedule, written as a mapping, which Decap's list widget cannot open;
        # several labelled schedules are edited in the file (the form leaves an untouched list as it is).
        fields = model_fields(Schedule, kind, cat, f"{path}.")
        return {"widget": "object", "collapsed": True, "fields": fields, "hint": f"{description}. {SEVERAL_SCHEDULES}"}
    if any(getattr(m, "func", None) is one_or_many for m in metadata):
        return one_or_many_widget(get_args(inner)[0], description)
    origin = get_origin(inner)
    if origin is dict:  # the form edits a map as a list, which the model also reads
        value, _ = _unwrap(get_args(inner)[1])
        record = isinstance(value, type) and issubclass(value, BaseModel)
        return map_widget(model_fields(value, kind, cat, f"{path}.") if record else None)
    if origin is list:
        (item,) = get_args(inner)
        return list_widget(item, path, kind, references, cat, description)
    if path in references:
        return reference_widget(references[path], cat, multiple=False)
    if get_origin(inner) is Literal:
        return select_widget(get_args(inner), path, cat, multiple=False)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return {"widget": "object", "collapsed": True, "fields": model_fields(inner, kind, cat, f"{path}.")}
    if inner is bool:
        return {"widget": "boolean"}
    if inner is int:
        return {"widget": "number", "value_type": "int", **_bounds(constraints)}
    if inner is float:
        return {"widget": "number", "value_type": "float", **_bounds(constraints)}
    if inner is dt.date:
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
    if "(Markdown)" in description:
        return {"widget": "markdown"}
    spec: dict[str, Any] = {"widget": "string"}
    pattern = _pattern(annotation, constraints)
    if pattern:
        spec["pattern"] = [pattern, PATTERN_MESSAGE]
    return spec


def list_widget(item: Any, path: str, kind: str, references: dict[str, str], cat: Catalogue | None, description: str) -> dict[str, Any]:
    """Return a widget for a list: of ids, of choices, of objects, or of text."""
    key = f"{path}[]"
    inner, _ = _unwrap(item)
    if key in references:
        return reference_widget(references[key], cat, multiple=True)
    if get_origin(inner) is Literal:
        return select_widget(get_args(inner), key, cat, multiple=True)
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return {"widget": "list", "collapsed": True, "fields": model_fields(inner, kind, cat, f"{key}.")}
    field: dict[str, Any] = {"name": "value", "label": "Hodnota", "widget": "string"}
    pattern = _pattern(item, [])
    if pattern:
        field["pattern"] = [pattern, PATTERN_MESSAGE]
    return {"widget": "list", "field": field}


def one_or_many_widget(item: Any, description: str) -> dict[str, Any]:
    """Return a text field for "one value or a list" (phones, e-mails): values separated by commas.

    Decap's list widget fails on a single value, which is how editors write most
    phones; ``one-or-many`` (``cms_widgets.js``) shows either as text and saves
    one value as a value, several as a list.
    """
    spec: dict[str, Any] = {"widget": ONE_OR_MANY, "hint": f"{description}; více hodnot oddělte čárkou"}
    pattern = _pattern(item, [])
    if pattern:
        one = pattern.removeprefix("^").removesuffix("$")
        spec["pattern"] = [rf"^(?:{one})(?:\s*,\s*(?:{one}))*$", PATTERN_MESSAGE + " Více hodnot oddělte čárkou."]
    return spec


def reference_widget(what: str, cat: Catalogue | None, multiple: bool) -> dict[str, Any]:
    """Return a relation widget for records, a select widget for vocabulary terms."""
    folder = REFERENCED[what]
    if folder != VOCABULARY_FOLDER:
        shown = KINDS[folder].title_field
        return {
            "widget": "relation",
            "collection": folder,
            "value_field": "{{slug}}",
            "search_fields": [shown],
            "display_fields": [shown],
            "multiple": multiple,
        }
    terms = _vocabulary(what, cat)
    return {"widget": "select", "multiple": multiple, "options": [{"label": t.name, "value": tid} for tid, t in sorted(terms.items())]}


def select_widget(values: tuple[str, ...], path: str, cat: Catalogue | None, multiple: bool) -> dict[str, Any]:
    """Return a select widget for a fixed list of values; forms are labelled from their vocabulary."""
    forms = cat.vocab.forms if cat is not None and path == "forms[]" else {}
    options = [{"label": forms[v].name if v in forms else OPTION_LABELS.get(v, v), "value": v} for v in values]
    spec: dict[str, Any] = {"widget": "select", "options": options}
    if multiple:
        spec["multiple"] = True
    return spec


def label(name: str, description: str) -> str:
    """Return a short Czech label: the first words of the description, up to a comma or bracket."""
    if name in LABELS:
        return LABELS[name]
    short = re.split(r" \(|, |; |: | = |…|\. | ze slovníku | ze složky ", description, maxsplit=1)[0].strip()
    return short or name


def _vocabulary(what: str, cat: Catalogue | None) -> dict[str, Any]:
    if cat is None:
        return {}
    return next(cat.vocab.terms[v.file] for v in VOCABULARIES if v.referenced_as == what)


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """Strip ``Optional`` and ``Annotated``; return the bare type and the Annotated metadata."""
    metadata: list[Any] = []
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *extra = get_args(annotation)
            metadata.extend(extra)
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation, metadata
            annotation = options[0]
        else:
            return annotation, metadata


def _pattern(annotation: Any, constraints: list[Any]) -> str | None:
    for item in constraints:
        if getattr(item, "pattern", None):
            return item.pattern
    try:
        schema = TypeAdapter(_strip_optional(annotation)).json_schema()
    except Exception:  # a type without a JSON schema has no pattern to offer
        return None
    pattern = schema.get("pattern")
    return pattern if isinstance(pattern, str) else None


def _strip_optional(annotation: Any) -> Any:
    if get_origin(annotation) in (typing.Union, types.UnionType):
        options = [a for a in get_args(annotation) if a is not type(None)]
        if len(options) == 1:
            return options[0]
    return annotation


def _bounds(constraints: list[Any]) -> dict[str, Any]:
    out = {}
    for item in constraints:
        if hasattr(item, "ge"):
            out["min"] = item.ge
        if hasattr(item, "le"):
            out["max"] = item.le
    return out


# --- files --------------------------------------------------------------------------


