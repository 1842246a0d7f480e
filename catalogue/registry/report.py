"""The change report of an import, in Markdown: the body of the weekly pull request."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from ..model.choices import FORM_WORDS
from ..render.i18n import plural_category, translations
from .codelists import Item
from .messages import REPORT
from .sync import Plan
from .vocab import SECTIONS, Unmatched

CONTACT_FIELDS = {"contacts.phone": "field_phone", "contacts.email": "field_email", "contacts.web": "field_web"}


class Writer:
    def __init__(self, language: str) -> None:
        self.gettext = translations(language).gettext
        self.lines: list[str] = []

    def t(self, key: str, **values: Any) -> str:
        template = self.gettext(REPORT[key])
        return template % values if values else template

    def section(self, key: str, items: list[str], intro: str | None = None) -> None:
        if not items:
            return
        self.lines += ["", f"## {self.t(key)} ({len(items)})", ""]
        if intro:
            self.lines += [intro, ""]
        self.lines += [f"- {item}" for item in items]


def shown(value: Any, empty: str) -> str:
    """Return a value as the report quotes it: `a`, `b` for lists, – for nothing."""
    if value in (None, [], {}):
        return empty
    if isinstance(value, list):
        return ", ".join(shown(v, empty) for v in value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {shown(v, empty)}" for k, v in value.items()) + "}"
    return f"`{value}`"


def render(plan: Plan, *, language: str, source_date: dt.date, area: str, selected: int,
           unmatched: dict[tuple[str, str], Unmatched], city_districts: dict[str, str],
           skipped_ended: int, left_out: list[tuple[str, str]], vocabularies: dict[str, dict] | None = None) -> str:
    """Return the whole report."""
    w = Writer(language)
    empty = w.t("empty")

    def capacity_text(value: Any) -> str:
        return _capacity(value, empty, vocabularies or {}, language)

    w.lines += [f"# {w.t('title')}", "", w.t("intro", date=source_date.isoformat(), area=area, selected=selected, services=plan.services_total)]
    nothing = not (plan.files or plan.conflicts or plan.withdrawn or plan.out_of_area or unmatched or city_districts or plan.closed)
    w.lines += ["", w.t("no_changes") if nothing else w.t("review")]
    w.section("new", [w.t("new_item", service=f"`{sid}`", name=reg.service["name"], provider=reg.service["provider"],
                             place=_place(reg), portal=reg.portal_id) for sid, reg in plan.new_services])
    w.section("new_providers", [w.t("new_provider_item", provider=f"`{pid}`", name=p["name"], ico=p["ico"]) for pid, p in plan.new_providers])
    w.section("ended", [w.t("ended_item", service=f"`{sid}`", name=name, date=date) for sid, name, date in plan.ended])
    w.section("withdrawn", [w.t("withdrawn_item", service=f"`{sid}`", name=name, portal=portal) for sid, name, portal in plan.withdrawn])
    w.section("out_of_area", [w.t("out_of_area_item", service=f"`{sid}`", name=name, portal=portal, area=area) for sid, name, portal in plan.out_of_area])
    w.section("moved", [w.t("moved_item", service=f"`{key}`", old=old, new=new) for key, old, new in plan.moved])
    w.section("closed", [w.t("closed_item", service=f"`{key}`", place=place, kept=w.t("closed_kept") if kept else "") for key, place, kept in plan.closed])
    w.section("opened", [w.t("opened_item", service=f"`{key}`", place=place) for key, place in plan.opened if not _is_new(plan, key)])
    contacts, capacity, other = [], [], []
    for change in plan.changes:
        if change.field == "end_date" and any(change.record == f"services/{sid}" for sid, _, _ in plan.ended):
            continue
        if change.field in CONTACT_FIELDS:
            contacts.append(w.t("contacts_item", record=f"`{change.record}`", field=w.t(CONTACT_FIELDS[change.field]), old=shown(change.old, empty), new=shown(change.new, empty)))
        elif change.field == "capacity":
            capacity.append(w.t("capacity_item", service=f"`{change.record}`", old=capacity_text(change.old), new=capacity_text(change.new)))
        else:
            other.append(w.t("changed_item", record=f"`{change.record}`", field=change.field, old=shown(change.old, empty), new=shown(change.new, empty)))
    w.section("contacts", contacts)
    w.section("capacity", capacity)
    w.section("changed", other)
    def quote(field: str, value: Any) -> str:
        return capacity_text(value) if field == "capacity" else shown(value, empty)

    w.section("conflicts", [w.t("conflict_item", file=f"`{c.record}.yaml`", field=c.field, ours=quote(c.field, c.ours),
                                theirs=quote(c.field, c.theirs), last=quote(c.field, c.last)) for c in plan.conflicts], w.t("conflicts_intro"))
    todo = []
    for (vocabulary, _), miss in sorted(unmatched.items(), key=lambda kv: (kv[0][0], kv[1].item.name)):
        todo.append(w.t("unmatched_item", list=vocabulary, name=miss.item.name, id=miss.item.id, count=miss.count, todo=_todo(w, vocabulary, miss.item)))
    for ref, (town, count) in sorted(city_districts.items()):
        item = Item(ref, ref, None, None)
        todo.append(w.t("unmatched_item", list="city-districts", name=f"{town} {item.number}", id=ref, count=count,
                        todo=w.t("unmatched_city_district", code=item.number)))
    w.section("unmatched", todo, w.t("unmatched_intro"))
    notes = []
    if skipped_ended:
        notes.append(w.t("skipped_ended", count=skipped_ended))
    if plan.secret:
        notes.append(w.t("secret", count=plan.secret))
    notes += [value for _, value in left_out]
    w.section("skipped", notes)
    return "\n".join(w.lines) + "\n"


def _todo(w: Writer, vocabulary: str, item: Item) -> str:
    if vocabulary == "service-types":
        return w.t("unmatched_type")
    section = SECTIONS.get(vocabulary, vocabulary.replace("-", "_"))
    return w.t("unmatched_term", section=section, name=item.name, vocabulary=vocabulary)


def _capacity(value: Any, empty: str, vocabularies: dict[str, dict], language: str) -> str:
    """Return ``108 klientů (ambulantní)``: the capacity in the words the site shows, ids where a word is unknown."""
    if not value:
        return empty
    return ", ".join(_one_capacity(c, vocabularies, language) for c in value)


def _one_capacity(item: dict, vocabularies: dict[str, dict], language: str) -> str:
    count, unit, form = item.get("count"), str(item.get("unit")), item.get("form")
    term = vocabularies.get("capacity-units", {}).get(unit, {})
    forms = term.get("forms") if isinstance(term.get("forms"), dict) else {}
    word = unit
    if str(count).isdigit():  # compared values are text
        category = plural_category(language, int(str(count)))
        word = forms.get(category) or forms.get("other") or term.get("name") or unit
    elif isinstance(term.get("name"), str):
        word = term["name"]
    shown_form = None
    if isinstance(form, str):
        named = vocabularies.get("forms", {}).get(form, {}).get("name")
        shown_form = named if isinstance(named, str) else FORM_WORDS.get(form, (form,))[0]
    return f"{count} {word}" + (f" ({shown_form})" if shown_form else "")


def _place(reg) -> str:
    towns = Counter(str(f.fields["address"]["city"]) for f in reg.facilities if f.fields.get("address"))
    return ", ".join(sorted(towns)) or "–"


def _is_new(plan: Plan, key: str) -> bool:
    return any(key == f"services/{sid}" for sid, _ in plan.new_services)
