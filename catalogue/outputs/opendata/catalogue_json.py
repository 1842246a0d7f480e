"""The whole catalogue as one JSON document (``data/katalog.json``), described by ``schema.py``.

Field by field rather than a dump of the models: the file is a published contract
with its own version, and a new field in the models must not change it unnoticed
(``tests/test_opendata.py`` fails until a new field is exported or left out on purpose).
Records are sorted by id, keys keep the order written here, absent values are left out,
lists are always there (empty when there is nothing).
"""

from __future__ import annotations

from typing import Any

from ...model.records import Address, Contacts, LifeSituation, Locality, Location, Provider, Service
from ...model.vocabularies import CapacityUnit, Language, ServiceType, Term
from ...index.opening import holiday_rule
from ...model.hours import Day
from ...model.schedule import Schedule, Week
from .common import JSON_SCHEMA, Export, entry_json, hhmm, json_list
from .schema import SCHEMA_VERSION


def catalogue_document(ex: Export) -> dict[str, Any]:
    """Return the document: the catalogue's own details, its vocabularies and every record."""
    cat = ex.cat
    return {
        "$schema": ex.url(JSON_SCHEMA),
        "schema_version": SCHEMA_VERSION,
        "catalogue": catalogue_info(ex),
        "vocabularies": {
            "service_types": [service_type(tid, t) for tid, t in sorted(cat.vocab.service_types.items())],
            "target_groups": [term(tid, t) for tid, t in sorted(cat.vocab.target_groups.items())],
            "forms": [term(tid, t) for tid, t in sorted(cat.vocab.forms.items())],
            "capacity_units": [capacity_unit(tid, t) for tid, t in sorted(cat.vocab.capacity_units.items())],
            "languages": [language(tid, t) for tid, t in sorted(cat.vocab.languages.items())],
        },
        "localities": [locality(ex, cat.localities[lid]) for lid in sorted(cat.localities)],
        "providers": [provider(ex, cat.providers[pid]) for pid in sorted(cat.providers)],
        "services": json_list(ex.each_service("json", lambda s: entry_json(service(ex, s)))),
        "life_situations": [life_situation(ex, cat.life_situations[sid]) for sid in sorted(cat.life_situations)],
    }


def catalogue_info(ex: Export) -> dict[str, Any]:
    site = ex.cat.site
    return _present({
        "title": site.title,
        "description": site.description,
        "url": site.base_url,
        "language": site.language,
        "country": site.country,
        "publisher": _present({"name": site.organisation.name, "web": site.organisation.web}),
        "contact": contacts(site.contact),
        "data_as_of": _date(ex.cat.data_date),
        "demo": site.demo,
    })


def term(tid: str, t: Term) -> dict[str, Any]:
    return _present({"id": tid, "name": t.name, "description": t.description})


def service_type(tid: str, t: ServiceType) -> dict[str, Any]:
    return _present({**term(tid, t), "paragraph": t.paragraph, "group": t.group})


def capacity_unit(tid: str, t: CapacityUnit) -> dict[str, Any]:
    forms = {c: t.forms.model_dump()[c] for c in t.forms.given()} if t.forms else None
    return _present({**term(tid, t), "forms": forms})


def language(tid: str, t: Language) -> dict[str, Any]:
    return _present({**term(tid, t), "native": t.native})


def locality(ex: Export, loc: Locality) -> dict[str, Any]:
    return _present({
        "id": loc.id,
        "name": loc.name,
        "in_name": loc.in_name,
        "level": loc.level,
        "parent": loc.parent,
        "code": loc.code,
        "centroid": _point(loc.centroid),
        "url": ex.page("localities", loc.id),
    })


def provider(ex: Export, p: Provider) -> dict[str, Any]:
    return _present({
        "id": p.id,
        "name": p.name,
        "url": ex.page("providers", p.id),
        "ico": p.ico,
        "legal_form": p.legal_form,
        "address": address(p.address),
        "contacts": contacts(p.contacts),
        "description": p.description,
        "verified": _date(p.verified),
        "former_ids": list(p.former_ids),
    })


def service(ex: Export, s: Service) -> dict[str, Any]:
    return _present({
        "id": s.id,
        "name": s.name,
        "url": ex.page("services", s.id),
        "kind": s.kind,
        "type": s.type,
        "registry_id": s.registry_id,
        "provider": s.provider,
        "summary": s.summary,
        "description": s.description,
        "forms": list(s.forms),
        "target_groups": list(s.target_groups),
        "age": _present({"min": s.age.min, "max": s.age.max}) if s.age else None,
        "area": list(s.area),
        "capacity": [_present({"count": c.count, "unit": c.unit, "form": c.form}) for c in s.capacity],
        "fees": _present({"paid": s.fees.paid, "text": s.fees.text}) if s.fees else None,
        "languages": list(s.languages),
        "contacts": contacts(s.contacts),
        "locations": [location(loc) for loc in s.locations],
        "life_situations": ex.situations_of.get(s.id, []),
        "verified": _date(s.verified),
        "former_ids": list(s.former_ids),
        "end_date": _date(s.end_date),
    })


def location(loc: Location) -> dict[str, Any]:
    """Return one place; the catalogue is redacted, so a confidential one has its municipality only."""
    return _present({
        "name": loc.name,
        "address": address(loc.address),
        "locality": loc.locality,
        "coordinates": _point(loc.coordinates),
        "confidential": loc.confidential,
        "wheelchair": loc.wheelchair,
        "hours": [schedule(h) for h in loc.hours] or None,
        "notes": loc.notes,
    })


def week(w: Week) -> dict[str, Any]:
    """Return a week: each day a list of {opens, closes} (``24:00`` ends a day; empty = closed); an interval
    past midnight has ``next_day``; a day's note and visits by appointment are kept."""
    out: dict[str, Any] = {}
    for name, day in w.days():
        out[name] = [
            {"opens": hhmm(a), "closes": hhmm(b), **({"next_day": True} if b > 24 * 60 else {})} for a, b in day.intervals
        ]
        if day.appointment:
            out.setdefault("by_appointment", []).append(name)
        if day.note:
            out.setdefault("day_notes", {})[name] = day.note
    if w.note:
        out["note"] = w.note
    return out


def schedule(h: Schedule) -> dict[str, Any]:
    """Return one schedule of a place: its label, week, rule for public holidays, closures and seasons."""
    rule = holiday_rule(h)
    return _present({
        "label": h.label,
        "attending": h.attending,
        **week(h),
        "public_holidays": [{"opens": hhmm(a), "closes": hhmm(b)} for a, b in rule.intervals] if isinstance(rule, Day) else rule,
        "closed": [{"from": c.first, "to": c.last, **({"note": c.note} if c.note else {})} for c in h.closed] or None,
        "seasons": [{"from": s.valid_from, "to": s.valid_to, **week(s)} for s in h.seasons] or None,
    })


def life_situation(ex: Export, s: LifeSituation) -> dict[str, Any]:
    return _present({
        "id": s.id,
        "title": s.title,
        "url": ex.page("life-situations", s.id),
        "summary": s.summary,
        "text": s.text,
        "services": list(ex.cat.services_by_life_situation.get(s.id, [])),
        "order": s.order,
        "former_ids": list(s.former_ids),
    })


def address(a: Address | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return _present({"street": a.street, "number": a.number, "postcode": a.postcode, "city": a.city, "ruian": a.ruian})


def contacts(c: Contacts) -> dict[str, Any]:
    return _present({"phone": list(c.phone), "email": list(c.email), "web": c.web, "note": c.note})


def _point(point) -> dict[str, float] | None:
    return {"lat": point.lat, "lon": point.lon} if point is not None else None


def _date(value) -> str | None:
    return value.isoformat() if value is not None else None


def _present(data: dict[str, Any]) -> dict[str, Any]:
    """Leave out what is absent (None); lists stay, empty or not."""
    return {k: v for k, v in data.items() if v is not None}


# How the document differs from the models, for the test that keeps the two in step:
# fields left out on purpose, and fields published under another name.
LEFT_OUT: dict[str, set[str]] = {
    "Site": {"repository", "checks", "print", "open_data", "map", "quick_exit", "crisis_lines"},  # how the site is built and shown
    "LifeSituation": {"gathers", "quick_exit"},  # its services are listed resolved; the quick exit is the site's
    # The import's bookkeeping (which registration, when it was imported); the registry id is published.
    "Provider": {"source"},
    "Service": {"source"},
}
RENAMED: dict[str, dict[str, str]] = {
    "Site": {"base_url": "url", "organisation": "publisher"},
    "Schedule": {"holidays": "public_holidays"},  # the rule as it applies (open when open all week), not as written
}
