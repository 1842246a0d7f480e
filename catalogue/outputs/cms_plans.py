"""The community plan in the web form: a collection for the plans, one per plan and kind of part, one for the news.

A plan's parts lie in the plan's own folder (``plans/2020-2024/measures/``), so each
plan gets its own collections ("Opatření plánu – Komunitní plán 2020–2024"); their
choices are that plan's: its organisations beside the providers, its funding
sources, working groups and measure numbers. PDFs are picked from, or uploaded
to, ``files/``. The field widgets come from :mod:`.cms` (passed in, so this module
does not import it back).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..index import Catalogue
from ..index.plans import PlanBundle, plan_choices
from ..load.content import SLUG_RE
from ..model.kinds import RecordKind
from ..model.plan_parts import PLAN_REFERENCES
from ..render.community.urls import plan_url

Fields = Callable[[Any, str, Catalogue | None], list[dict[str, Any]]]  # (model, kind, catalogue) → the CMS fields

PLAN_OPTION_LABELS = {  # the choices of the plan's records, as the editors read them
    "draft": "návrh", "comment": "v připomínkovém řízení", "approved": "schválený", "evaluated": "vyhodnocený",
    "planned": "plánováno", "in_progress": "probíhá", "done": "splněno", "dropped": "zrušeno",
    "accepted": "akceptována", "partly": "částečně akceptována", "rejected": "neakceptována", "noted": "vzata na vědomí",
    "all": "i související aktivity", "listed": "jen vyjmenované služby",
    "plan": "komunitní plán", "meeting": "jednání", "comment_period": "připomínkování", "service": "služby", "event": "akce",
}


def map_widget(fields: list[dict[str, Any]] | None) -> dict[str, Any]:
    """Return a list widget for a map, which the model also reads as a list: records with their ids, or year → value."""
    if fields is None:  # an indicator's values
        return {"widget": "list", "fields": [
            {"name": "year", "label": "Rok", "widget": "number", "value_type": "int"},
            {"name": "value", "label": "Hodnota", "widget": "number", "value_type": "float"},
        ]}
    key = {"name": "id", "label": "Identifikátor", "hint": "Malá písmena bez diakritiky a pomlčky, např. mesto-lysa; odkazuje se na něj",
           "widget": "string", "pattern": [SLUG_RE.pattern, "Jen malá písmena a-z, číslice a pomlčky, např. mesto-lysa."]}
    return {"widget": "list", "collapsed": True, "fields": [key, *fields]}


def plan_collections(kinds: list[RecordKind], content: str, cat: Catalogue, fields: Fields, collection: Callable[..., dict]) -> list[dict[str, Any]]:
    """Return a collection per plan and kind of its parts (``collection`` makes one, as for every kind)."""
    out = []
    for bundle in cat.planning.sorted_plans:
        for kind in kinds:
            own = with_plan_choices(fields(kind.written, kind.folder, cat), kind.folder, choices(cat, [bundle]), content)
            out.append(collection(
                kind, content, own,
                name=f"{kind.folder}-{bundle.id}", label=f"{kind.label} – {bundle.plan.label}",
                folder=f"{content}/{kind.location.replace('*', bundle.id)}",
                preview_path=plan_url(bundle.id, kind.folder.removeprefix("plan-"), "{{slug}}").lstrip("/"),
            ))
    return out


def choices(cat: Catalogue, plans: list[PlanBundle] | None = None) -> dict[str, list[tuple[str, str]]]:
    """Return what each plan-scoped field may name, as (value, label) for the select widgets."""
    ids = plan_choices(cat.planning, cat.providers, plans)
    chosen = cat.planning.sorted_plans if plans is None else plans
    names: dict[str, str] = {pid: p.name for pid, p in cat.providers.items()}
    for bundle in chosen:
        names.update({oid: o.name for oid, o in bundle.plan.organisations.items()})
        names.update({sid: s.name for sid, s in bundle.plan.funding_sources.items()})
        names.update({gid: g.name for gid, g in bundle.working_groups.items()})
        names.update({m.number: f"{m.number} {m.title}" for m in bundle.sorted_measures})
    return {what: [(v, names.get(v, v)) for v in values] for what, values in ids.items()}


def with_plan_choices(specs: list[dict[str, Any]], kind: str, options: dict[str, list[tuple[str, str]]], content: str) -> list[dict[str, Any]]:
    """Return the fields with a select (or a file picker) for every field that names something of the plan."""
    scoped = dict(PLAN_REFERENCES.get(kind, ()))
    return [_with(spec, "", scoped, options, content) for spec in specs]


def _with(spec: dict[str, Any], prefix: str, scoped: dict[str, str], options: dict, content: str) -> dict[str, Any]:
    path = f"{prefix}{spec['name']}"
    many = spec.get("widget") == "list" and "field" in spec
    what = scoped.get(f"{path}[]" if many else path)
    if what == "file":
        return {**_plain(spec), "widget": "file", "media_folder": f"/{content}/files", "public_folder": "", "choose_url": True}
    if what is not None:
        select = {"widget": "select", "options": [{"value": v, "label": label} for v, label in options[what]]}
        return {**_plain(spec), **select, **({"multiple": True} if many else {})}
    if "fields" in spec:  # an object or a list of objects: their fields may name the plan's things too
        inner = f"{path}[]." if spec.get("widget") == "list" else f"{path}."
        return {**spec, "fields": [_with(f, inner, scoped, options, content) for f in spec["fields"]]}
    return spec


def _plain(spec: dict[str, Any]) -> dict[str, Any]:
    """Return what a field keeps when its widget is replaced: name, label, hint, whether it is required."""
    return {k: v for k, v in spec.items() if k in ("name", "label", "hint", "required")}
