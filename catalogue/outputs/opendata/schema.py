"""The JSON Schema (Draft 2020-12) of ``data/katalog.json``, published beside it.

The version is the contract: a new optional field raises the minor number, a field
removed, renamed or changed in meaning raises the major one. Every object is closed
(``additionalProperties: false``), so the tests catch an export that drifts from it.
"""

from __future__ import annotations

from typing import Any

from ...model.fields import PHONE_PATTERN
from ...model.records import LEVELS

SCHEMA_VERSION = "1.0"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

SLUG = {"type": "string", "pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*$"}
TEXT = {"type": "string", "minLength": 1}
DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
URL = {"type": "string", "format": "uri", "pattern": "^https?://"}
TIME = {"type": "string", "pattern": r"^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$"}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_OF_YEAR = {"type": "string", "pattern": r"^(\d{4}-)?\d{2}-\d{2}$", "description": "MM-DD (every year) or YYYY-MM-DD."}
WEEK: dict[str, Any] = {
    **{day: {"type": "array", "items": {"$ref": "#/$defs/interval"}} for day in WEEKDAYS},
    "by_appointment": {"type": "array", "items": {"enum": list(WEEKDAYS)}, "description": "Days with visits by appointment."},
    "day_notes": {"type": "object", "propertyNames": {"enum": list(WEEKDAYS)}, "additionalProperties": TEXT},
    "note": TEXT,
}
IDS = {"type": "array", "items": {"$ref": "#/$defs/id"}}


def _object(properties: dict[str, Any], required: list[str], description: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object"}
    if description:
        out["description"] = description
    out.update({"properties": properties, "required": required, "additionalProperties": False})
    return out


def _with(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {**schema, "description": description}


def catalogue_schema(schema_url: str) -> dict[str, Any]:
    """Return the schema; ``schema_url`` is where the site publishes it (its ``$id``)."""
    return {
        "$schema": DRAFT,
        "$id": schema_url,
        "title": "Catalogue of social services",
        "description": (
            f"Version {SCHEMA_VERSION}. Every provider, service, locality and life situation of one catalogue, "
            "with the vocabularies their fields refer to by id. Confidential places (shelters) carry their "
            "municipality only."
        ),
        **_object(
            {
                "$schema": _with(URL, "Where this schema is published."),
                "schema_version": {"const": SCHEMA_VERSION, "description": "The version of this schema the file follows."},
                "catalogue": {"$ref": "#/$defs/catalogue"},
                "vocabularies": {"$ref": "#/$defs/vocabularies"},
                "localities": {"type": "array", "items": {"$ref": "#/$defs/locality"}},
                "providers": {"type": "array", "items": {"$ref": "#/$defs/provider"}},
                "services": {"type": "array", "items": {"$ref": "#/$defs/service"}},
                "life_situations": {"type": "array", "items": {"$ref": "#/$defs/life_situation"}},
            },
            ["schema_version", "catalogue", "vocabularies", "localities", "providers", "services", "life_situations"],
        ),
        "$defs": DEFINITIONS,
    }


DEFINITIONS: dict[str, Any] = {
    "id": _with(SLUG, "A record's id: stable, the last part of its page's address; other records refer to it."),
    "catalogue": _object(
        {
            "title": TEXT,
            "description": TEXT,
            "url": _with(URL, "The catalogue's website."),
            "language": {"enum": ["cs", "en", "pl"]},
            "country": {"enum": ["CZ", "PL"]},
            "publisher": _object({"name": TEXT, "web": URL}, ["name"], "Who publishes the catalogue."),
            "contact": {"$ref": "#/$defs/contacts"},
            "data_as_of": _with(DATE, "The newest verification date of any record."),
            "demo": {"type": "boolean", "description": "True for fictional demo data."},
        },
        ["title", "url", "language", "country", "publisher", "contact", "demo"],
        "The catalogue itself.",
    ),
    "vocabularies": _object(
        {
            "service_types": {"type": "array", "items": {"$ref": "#/$defs/service_type"}},
            "target_groups": {"type": "array", "items": {"$ref": "#/$defs/term"}},
            "forms": {"type": "array", "items": {"$ref": "#/$defs/term"}},
            "capacity_units": {"type": "array", "items": {"$ref": "#/$defs/capacity_unit"}},
            "languages": {"type": "array", "items": {"$ref": "#/$defs/language"}},
        },
        ["service_types", "target_groups", "forms", "capacity_units", "languages"],
        "The terms that services refer to by id.",
    ),
    "term": _object({"id": {"$ref": "#/$defs/id"}, "name": TEXT, "description": TEXT}, ["id", "name"]),
    "service_type": _object(
        {
            "id": {"$ref": "#/$defs/id"},
            "name": TEXT,
            "description": TEXT,
            "paragraph": {"type": "string", "pattern": r"^\d+[a-z]?$", "description": "The section of Act 108/2006 Sb.; absent for related activities."},
            "group": {"enum": ["counselling", "care", "prevention", "related"]},
        },
        ["id", "name", "group"],
    ),
    "capacity_unit": _object(
        {
            "id": {"$ref": "#/$defs/id"},
            "name": TEXT,
            "description": TEXT,
            "forms": {
                "type": "object",
                "description": "The word after a number by CLDR plural category (one, few, many, other).",
                "propertyNames": {"enum": ["one", "few", "many", "other"]},
                "additionalProperties": TEXT,
            },
        },
        ["id", "name"],
    ),
    "language": _object({"id": {"$ref": "#/$defs/id"}, "name": TEXT, "description": TEXT, "native": TEXT}, ["id", "name"]),
    "point": _object({"lat": {"type": "number", "minimum": -90, "maximum": 90}, "lon": {"type": "number", "minimum": -180, "maximum": 180}}, ["lat", "lon"], "WGS 84."),
    "address": _object(
        {"street": TEXT, "number": TEXT, "postcode": TEXT, "city": TEXT,
         "ruian": {"type": "string", "pattern": r"^\d{1,9}$", "description": "The address point's code in RÚIAN, the Czech register of addresses."}},
        ["city"],
        "A postal address; a confidential place has its city only.",
    ),
    "contacts": _object(
        {
            "phone": {"type": "array", "items": {"type": "string", "pattern": PHONE_PATTERN},
                      "description": "As the site shows them: +420 325 551 234, an extension as \", linka 12\", a note after the number."},
            "email": {"type": "array", "items": {"type": "string", "format": "email"}},
            "web": URL,
            "note": TEXT,
        },
        ["phone", "email"],
    ),
    "locality": _object(
        {
            "id": {"$ref": "#/$defs/id"},
            "name": TEXT,
            "in_name": _with(TEXT, "The name as a sentence says it after a preposition, with it: \"v Lysé nad Labem\"."),
            "level": {"enum": list(LEVELS)},
            "parent": _with({"$ref": "#/$defs/id"}, "The larger locality it lies in."),
            "code": _with(TEXT, "An official code, e.g. the municipality's code of the Czech Statistical Office."),
            "centroid": {"$ref": "#/$defs/point"},
            "url": URL,
        },
        ["id", "name", "level", "url"],
        "A region, district, municipality, city district, part of a municipality, or neighbourhood.",
    ),
    "provider": _object(
        {
            "id": {"$ref": "#/$defs/id"},
            "name": TEXT,
            "url": _with(URL, "Its page in the catalogue."),
            "ico": {"type": "string", "pattern": r"^\d{8}$", "description": "Czech company number (IČO), 8 digits as text."},
            "legal_form": TEXT,
            "address": _with({"$ref": "#/$defs/address"}, "Registered office."),
            "contacts": {"$ref": "#/$defs/contacts"},
            "description": _with(TEXT, "Markdown."),
            "verified": _with(DATE, "When the editors last checked the record."),
            "former_ids": _with(IDS, "Ids the record had before it was renamed."),
        },
        ["id", "name", "url", "contacts", "former_ids"],
        "An organisation that provides services.",
    ),
    "service": _object(
        {
            "id": {"$ref": "#/$defs/id"},
            "name": TEXT,
            "url": _with(URL, "Its page in the catalogue."),
            "kind": {"enum": ["registered", "related"], "description": "registered = a social service registered under Act 108/2006 Sb.; related = a related activity."},
            "type": _with({"$ref": "#/$defs/id"}, "A service type (vocabularies.service_types)."),
            "registry_id": {"type": "string", "pattern": r"^\d{7}$", "description": "Identifier in the national registry of social service providers."},
            "provider": _with({"$ref": "#/$defs/id"}, "A provider's id."),
            "summary": TEXT,
            "description": _with(TEXT, "Markdown."),
            "forms": {"type": "array", "items": {"enum": ["residential", "outpatient", "field"]}},
            "target_groups": _with(IDS, "Target groups (vocabularies.target_groups)."),
            "age": _object({"min": {"type": "integer", "minimum": 0}, "max": {"type": "integer", "minimum": 0}}, [], "Age of clients, in years."),
            "area": _with(IDS, "Localities the service covers (with all their sub-localities)."),
            "capacity": {
                "type": "array",
                "description": "Registered capacity, per form where the registry gives one: the maximum, not free places.",
                "items": _object(
                    {"count": {"type": "integer", "minimum": 0}, "unit": {"$ref": "#/$defs/id"},
                     "form": {"enum": ["residential", "outpatient", "field"]}},
                    ["count", "unit"],
                ),
            },
            "fees": _object({"paid": {"type": "boolean"}, "text": TEXT}, ["paid"]),
            "languages": _with(IDS, "Languages one can use (vocabularies.languages)."),
            "contacts": _with({"$ref": "#/$defs/contacts"}, "The service's own; when empty, the provider's apply."),
            "locations": {"type": "array", "items": {"$ref": "#/$defs/location"}},
            "life_situations": _with(IDS, "Life situations the service is listed under."),
            "verified": _with(DATE, "When the editors last checked the record."),
            "former_ids": _with(IDS, "Ids the record had before it was renamed."),
            "end_date": _with(DATE, "The last day it is provided; a service whose last day has passed is not published."),
        },
        ["id", "name", "url", "kind", "type", "provider", "forms", "target_groups", "area", "capacity", "languages", "contacts", "locations", "life_situations", "former_ids"],
        "A registered social service or a related activity.",
    ),
    "location": _object(
        {
            "name": TEXT,
            "address": {"$ref": "#/$defs/address"},
            "locality": {"$ref": "#/$defs/id"},
            "coordinates": {"$ref": "#/$defs/point"},
            "confidential": {"type": "boolean", "description": "A confidential address (a shelter): only its municipality is published."},
            "wheelchair": {"type": "boolean", "description": "Wheelchair access; absent when not known."},
            "hours": {"type": "array", "items": {"$ref": "#/$defs/schedule"},
                      "description": "The place's schedules (one, or several with labels: office, visits to clients…)."},
            "notes": TEXT,
        },
        ["locality", "confidential"],
        "A place where the service is provided.",
    ),
    "schedule": {
        "type": "object",
        "description": (
            "Opening hours, local time. Each day lists its intervals; an empty list means closed. "
            "On a public holiday the place is closed, open (as on that weekday) or open at the hours given; "
            "a closure (from–to, MM-DD every year or YYYY-MM-DD once) closes it; a season replaces the week."
        ),
        "properties": {
            **WEEK,
            "label": _with(TEXT, "Whose hours these are: the office, visits to clients, the helpline…"),
            "attending": {"enum": ["in-person", "phone", "at-home", "field", "online"]},
            "public_holidays": {"anyOf": [{"enum": ["open", "closed"]}, {"type": "array", "items": {"$ref": "#/$defs/interval"}}]},
            "closed": {"type": "array", "items": _object({"from": DAY_OF_YEAR, "to": DAY_OF_YEAR, "note": TEXT}, ["from", "to"], "Closed from–to, both days included.")},
            "seasons": {"type": "array", "items": {
                "type": "object", "properties": {**WEEK, "from": DAY_OF_YEAR, "to": DAY_OF_YEAR},
                "required": [*WEEKDAYS, "from", "to"], "additionalProperties": False,
            }},
        },
        "required": [*WEEKDAYS, "public_holidays"],
        "additionalProperties": False,
    },
    "interval": _object(
        {"opens": TIME, "closes": TIME, "next_day": {"const": True, "description": "It closes the next morning."}},
        ["opens", "closes"], "HH:MM; 24:00 closes at midnight.",
    ),
    "life_situation": _object(
        {
            "id": {"$ref": "#/$defs/id"},
            "title": TEXT,
            "url": URL,
            "summary": TEXT,
            "text": _with(TEXT, "Advice for citizens, Markdown."),
            "services": _with(IDS, "Every service listed under it."),
            "order": {"type": "integer"},
            "former_ids": IDS,
        },
        ["id", "title", "url", "text", "services", "order", "former_ids"],
        "A life situation (losing housing, debts…) and the services that help.",
    ),
}
