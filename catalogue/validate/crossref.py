"""Checks across records: references, uniqueness, the locality tree, editorial warnings."""

from __future__ import annotations

import datetime as dt

from babel import Locale

from ..messages import checks as said
from ..messages.core import say
from ..messages.fields import DID_YOU_MEAN
from ..errors import Problems, shorten
from ..index import Catalogue
from ..load.content import SLUG_RE, Document
from ..model.kinds import RECORD_KINDS, REFERENCED, VOCABULARIES
from ..model.references import Reference
from ..model.hours import DAY, format_interval, format_minutes
from ..model.records import LEVELS, Location, Service
from ..model.vocabularies import PLURAL_CATEGORIES
from ..model.choices import FORM_WORDS, LEVEL_WORDS, closest
from ..model.words import fold, suggestion
from .plans import PlanChecker
from .records import as_written, dotted, position
from .terms import TERM_FILES, by_name, listing, term_id
from .repository import check_repository

BOUNDING_BOXES = {  # (lat_min, lat_max, lon_min, lon_max), with a small margin
    "CZ": (48.5, 51.1, 12.0, 18.9),
    "PL": (49.0, 54.9, 14.1, 24.2),
}
REQUIRED_FORMS = ("residential", "outpatient", "field")
LONG_NIGHT = 18 * 60  # minutes: an interval past midnight longer than this is more likely two times swapped
#: What a confidential location may not hold at all: the content is a git repository, often public,
#: and its history keeps whatever was once written. Only the municipality and a public contact stay.
SECRET_FIELDS = (
    ("address", "street"), ("address", "number"), ("address", "postcode"), ("address", "ruian"), ("coordinates",), ("notes",)
)
CONFIDENTIAL_FIELD = said.CONFIDENTIAL_FIELD.template


def unknown_term_message(value: str, what: str, known: dict, near: str | None) -> str:
    """Return the message for a term no id or name of its vocabulary matches: the names first."""
    hint = say(DID_YOU_MEAN, name=near) if near else ""
    listed = listing(known)
    choices = say(said.ONE_OF, listed=listed) if listed else say(said.NAME_FROM_GUIDE, what=noun(what))
    return say(said.TERM_MISSING, what=noun(what), value=shorten(value), hint=hint, choices=choices)


def form_word(form: str) -> str:
    """Return ``terénní (field)``: a form of provision as the site shows it, then its id."""
    return f"{FORM_WORDS[form][0]} ({form})" if form in FORM_WORDS else form


def level_word(level: str) -> str:
    """Return ``část obce (part)``: a level as the site shows it, then its id."""
    return f"{LEVEL_WORDS[level][0]} ({level})" if level in LEVEL_WORDS else level


def noun(what: str) -> str:
    """Return what a reference names ("service type") as a said word, translated with its message."""
    return say(said.NOUNS[what]) if what in said.NOUNS else what


def whole_number_categories(language: str) -> dict[str, list[int]]:
    """Return the plural categories ``language`` uses after 0–199, each with its numbers, in CLDR order."""
    rule = Locale.parse(language).plural_form
    found: dict[str, list[int]] = {}
    for n in range(200):
        found.setdefault(rule(n), []).append(n)
    return {c: found[c] for c in PLURAL_CATEGORIES if c in found}


def names_of(records: dict) -> dict[str, str]:
    """Return id → what people call it (a record's name or title, a term's name)."""
    out = {}
    for ident, record in records.items():
        name = getattr(record, "name", None) or getattr(record, "title", None)
        if isinstance(name, str):
            out[ident] = name
    return out


def known_ids(cat: Catalogue) -> dict[str, dict]:
    """Return what a reference names ("provider", "service type") → the records or terms it may name."""
    out = {kind.referenced_as: cat.records[kind.folder] for kind in RECORD_KINDS}
    out.update({v.referenced_as: cat.vocab.terms[v.file] for v in VOCABULARIES if v.referenced_as})
    return out
DUPLICATE_MESSAGES = {
    "registry id": said.DUPLICATE_REGISTRY_ID,
    "registration": said.DUPLICATE_REGISTRATION,
    "code": said.DUPLICATE_CODE,
}


def duplicate_message(what: str, value: str, other_key: str) -> str:
    """Return the message for an id that a second record uses too."""
    message = DUPLICATE_MESSAGES["code" if what.endswith(" code") else what]
    return say(message, value=value, other=other_key.split("/", 1)[1])


class Checker:
    """Run every cross-record check; problems point into the documents they came from."""

    def __init__(
        self,
        catalogue: Catalogue,
        documents: dict[str, Document],
        problems: Problems,
        today: dt.date,
        broken: set[str] = frozenset(),
        facts: dict[str, list[Reference]] | None = None,
    ) -> None:
        self.cat = catalogue
        self.facts = facts or {}  # "services/x" → the ids the file names, extracted once per content hash
        self.broken = broken  # "services/x" of files that failed validation: references to them are not errors
        self.docs = documents  # "services/x" → document
        self.problems = problems
        self.today = today
        self.ids = known_ids(catalogue)

    def run(self) -> None:
        self.check_vocabularies()
        self.check_references()
        self.check_registry_ids()
        self.check_localities()
        self.check_former_ids()
        check_repository(self.cat.site, self.docs["site/site"], self.problems)
        for provider in self.cat.providers.values():
            self.check_provider(provider)
        for service in self.cat.services.values():
            self.check_service(service)
        for situation in self.cat.life_situations.values():
            key = f"life-situations/{situation.id}"
            broken_services = any(b.startswith("services/") for b in self.broken)
            if not broken_services and not self.cat.services_by_life_situation.get(situation.id):
                self.warn(key, (), say(said.SITUATION_UNSERVED))
        PlanChecker(self).run()

    # --- helpers ----------------------------------------------------------------

    def error(self, key: str, loc: tuple, message: str) -> None:
        doc = self.docs[key]
        loc = as_written(doc.data, loc)
        line, col = position(doc.data, loc)
        self.problems.error(doc.path, line, col, dotted(loc), message)

    def warn(self, key: str, loc: tuple, message: str) -> None:
        doc = self.docs[key]
        loc = as_written(doc.data, loc)
        line, col = position(doc.data, loc)
        self.problems.warning(doc.path, line, col, dotted(loc), message)

    def ref(self, key: str, loc: tuple, value: str, known: dict, what: str) -> bool:
        """Check one reference; report it with a did-you-mean when unknown."""
        if value in known or f"{REFERENCED[what]}/{value}" in self.broken:
            return value in known
        folder = REFERENCED[what]
        candidates = [*known, *(b.split("/", 1)[1] for b in self.broken if b.startswith(folder + "/"))]
        if what in TERM_FILES:
            self.unknown_term(key, loc, value, what)
            return False
        found = suggestion(value, candidates, names_of(known))
        hint = say(DID_YOU_MEAN, name=found) if found else say(said.SEE_GUIDE, what=noun(what))
        self.error(key, loc, say(said.REF_MISSING, what=noun(what), value=value, hint=hint))
        return False

    def known(self, what: str) -> dict:
        """Return the ids a reference to ``what`` ("provider", "service type") may name."""
        return self.ids[what]

    def check_references(self) -> None:
        """Check every id a file names, whether or not the rest of the file is valid; a term may be named by its name."""
        indexes = {what: by_name(self.known(what)) for what in TERM_FILES}
        good: dict[tuple[str, str], str] = {}  # (what, as written) → the id of a good reference: 72,000 name a few thousand
        for key in sorted(self.facts):
            seen: set[tuple[str, str]] = set()
            for path, what, loc, value in self.facts[key]:
                if what not in REFERENCED or not isinstance(value, str):
                    continue  # the field check reports the wrong type
                written, known = value, good.get((what, value))
                if known is not None:
                    value = known
                elif what in TERM_FILES:
                    value = term_id(value, self.known(what), indexes[what]) or value
                    if not SLUG_RE.match(value):
                        self.unknown_term(key, loc, value, what)
                        continue
                elif not SLUG_RE.match(value):
                    continue  # the field check reports a malformed id
                if path.endswith("[]") and (path, value) in seen:
                    self.error(key, loc, say(said.LISTED_TWICE, value=written))
                seen.add((path, value))
                if known is None and self.ref(key, loc, value, self.known(what), what):
                    good[what, written] = value

    def unknown_term(self, key: str, loc: tuple, value: str, what: str) -> None:
        """Report a term named by a name no term has, offering the names the site shows."""
        known = self.known(what)
        near = suggestion(value, known, names_of(known))
        name = getattr(known[near], "name", near) if near in known else closest(value, {fold(n): n for n in names_of(known).values()})
        self.error(key, loc, unknown_term_message(value, what, known, name))

    def check_registry_ids(self) -> None:
        """Registry ids, registrations and official locality codes each name one record only."""
        unique = {
            "registry_id": ("registry_id",),
            "source.portal_id": ("source", "portal_id"),
            "code": ("code",),
        }
        first: dict[tuple[str, str], str] = {}
        for key in sorted(self.facts):
            for path, what, _, value in self.facts[key]:
                if path not in unique or not isinstance(value, str):
                    continue
                seen = first.setdefault((what, value), key)
                if seen != key:
                    self.error(key, unique[path], duplicate_message(what, value, seen))

    def coordinates(self, key: str, loc: tuple, coords) -> None:
        lat_min, lat_max, lon_min, lon_max = BOUNDING_BOXES[self.cat.site.country]
        if not (lat_min <= coords.lat <= lat_max and lon_min <= coords.lon <= lon_max):
            swapped = lat_min <= coords.lon <= lat_max and lon_min <= coords.lat <= lon_max
            hint = say(said.SWAPPED) if swapped else ""
            self.error(key, loc, say(said.OUTSIDE_COUNTRY, lat=coords.lat, lon=coords.lon, country=self.cat.site.country, hint=hint))

    def verified(self, key: str, verified: dt.date | None) -> None:
        months = self.cat.site.checks.verified_max_age_months
        if verified is None:
            self.warn(key, (), say(said.NEVER_VERIFIED))
            return
        if verified > self.today:
            self.error(key, ("verified",), say(said.VERIFIED_FUTURE, date=verified.isoformat()))
            return
        age = (self.today.year - verified.year) * 12 + self.today.month - verified.month - (self.today.day < verified.day)
        if age >= months:
            self.warn(key, ("verified",), say(said.VERIFIED_OLD, date=verified.isoformat(), months=months))

    # --- per kind ---------------------------------------------------------------

    def check_vocabularies(self) -> None:
        forms = self.cat.vocab.forms
        for form in REQUIRED_FORMS:
            if forms and form not in forms:
                self.problems.error("vocabularies/forms.yaml", 1, 1, form, say(said.FORM_UNDEFINED, form=form))
        for vocabulary in VOCABULARIES:
            if vocabulary.required and not self.cat.vocab.terms[vocabulary.file]:
                file = vocabulary.file
                self.problems.error(f"vocabularies/{file}.yaml", 1, 1, "", say(said.VOCABULARY_EMPTY, file=file))
        self.check_capacity_units()
        self.check_registry_mapping()

    def check_registry_mapping(self) -> None:
        """Each id the registry mapping names must be a term of its vocabulary."""
        key = "vocabularies/registry"
        sections = {"service_types": "service type", "target_groups": "target group", "capacity_units": "capacity unit"}
        if key not in self.docs:
            return
        for section, what in sections.items():
            for name, term in (self.cat.vocab.registry.get(section) or {}).items():
                self.ref(key, (section, name), term, self.known(what), what)

    def check_capacity_units(self) -> None:
        """A unit's plural forms must cover every form the site's language uses after a whole number."""
        key = "vocabularies/capacity-units"
        language = self.cat.site.language
        used = whole_number_categories(language)
        name = say(said.LANGUAGE_NAMES[language]) if language in said.LANGUAGE_NAMES else Locale.parse(language).english_name
        for unit_id, unit in self.cat.vocab.capacity_units.items():
            if unit.forms is None or key not in self.docs:
                continue
            given = unit.forms.given()
            for category in used:
                if category not in given:
                    numbers = used[category]
                    examples = ", ".join(str(n) for n in numbers[:4]) + ("…" if len(numbers) > 4 else "")
                    self.error(key, (unit_id, "forms"), say(said.UNIT_FORM_MISSING, category=category, language=name, examples=examples))
            for category in given:
                if category not in used:
                    self.warn(key, (unit_id, "forms", category), say(said.UNIT_FORM_UNUSED, language=name, category=category, used=", ".join(used)))

    def check_localities(self) -> None:
        for locality in self.cat.localities.values():
            key = f"localities/{locality.id}"
            if locality.centroid:
                self.coordinates(key, ("centroid",), locality.centroid)
            if not locality.parent or locality.parent not in self.cat.localities:
                continue
            parent = self.cat.localities[locality.parent]
            if self._in_cycle(locality.id):
                self.error(key, ("parent",), say(said.LOCALITY_CYCLE, parent=locality.parent, locality=locality.id))
            elif LEVELS.index(parent.level) >= LEVELS.index(locality.level):
                self.error(key, ("parent",), say(
                    said.LOCALITY_LEVEL, level=level_word(locality.level), parent=parent.id, parent_level=level_word(parent.level),
                ))

    def _in_cycle(self, start: str) -> bool:
        seen = {start}
        current = self.cat.localities[start].parent
        while current and current in self.cat.localities:
            if current in seen:
                return current == start
            seen.add(current)
            current = self.cat.localities[current].parent
        return False

    def check_former_ids(self) -> None:
        """A former id becomes a redirect page at the old URL: it must not hide a live record or another redirect."""
        for kind in RECORD_KINDS:
            if not kind.renamable:
                continue
            folder, records = kind.folder, self.cat.records[kind.folder]
            claimed: dict[str, str] = {}
            for rid in sorted(records):
                for i, former in enumerate(records[rid].former_ids):
                    key, loc = f"{folder}/{rid}", ("former_ids", i)
                    if former in records or f"{folder}/{former}" in self.broken:
                        self.error(key, loc, say(said.FORMER_ID_TAKEN, former=former, folder=folder))
                    elif former in claimed:
                        self.error(key, loc, say(said.FORMER_ID_TWICE, former=former, other=claimed[former]))
                    else:
                        claimed[former] = rid

    def check_provider(self, provider) -> None:
        key = f"providers/{provider.id}"
        if provider.contacts.is_empty() and not provider.address:
            self.warn(key, (), say(said.PROVIDER_UNREACHABLE))
        if not (provider.description or "").strip():
            self.warn(key, (), say(said.PROVIDER_UNDESCRIBED))

    def check_forms(self, key: str, service: Service) -> None:
        """A form named twice, by its word and its id alike (``[pobytová, residential]``), is one too many."""
        twice = [i for i, form in enumerate(service.forms) if form in service.forms[:i]]
        if not twice:
            return  # the file is parsed only to quote it: a cached record's file stays unread
        written = self.docs[key].data.get("forms")
        for i in twice:
            shown = written[i] if isinstance(written, list) and i < len(written) else service.forms[i]
            self.error(key, ("forms", i), say(said.LISTED_TWICE, value=shown))

    def check_service(self, service: Service) -> None:
        key = f"services/{service.id}"
        cat = self.cat
        self.check_forms(key, service)
        if service.type in cat.vocab.service_types:
            stype = cat.vocab.service_types[service.type]
            if service.kind == "registered" and not stype.paragraph:
                self.error(key, ("type",), say(said.NOT_REGISTERED_TYPE, type=service.type))
            if service.kind == "related" and stype.paragraph:
                self.error(key, ("kind",), say(said.REGISTERED_TYPE, type=service.type, paragraph=stype.paragraph))
        for i, capacity in enumerate(service.capacity):
            if capacity.form and service.forms and capacity.form not in service.forms:
                self.error(key, ("capacity", i, "form"), say(said.CAPACITY_FORM, form=form_word(capacity.form), forms=", ".join(map(form_word, service.forms))))
        if service.registry_id and service.kind != "registered":
            self.error(key, ("registry_id",), say(said.REGISTRY_ID_RELATED))
        elif not service.registry_id and service.kind == "registered":
            self.warn(key, ("kind",), say(said.NO_REGISTRY_ID))
        area = {a for a in service.area if a in cat.localities}
        for i, location in enumerate(service.locations):
            if location.confidential:
                self.check_confidential(key, i, location)
            self.check_hours(key, i, location)
            if location.coordinates:
                self.coordinates(key, ("locations", i, "coordinates"), location.coordinates)
            if location.locality not in cat.localities:
                continue
            if area and not ({location.locality, *cat.ancestors(location.locality)} & area):
                self.warn(key, ("locations", i, "locality"), say(said.OUTSIDE_AREA, locality=location.locality))
        self.verified(key, service.verified)
        provider_broken = f"providers/{service.provider}" in self.broken
        if not provider_broken and cat.contacts_for(service).is_empty():
            self.warn(key, ("contacts",), say(said.SERVICE_UNREACHABLE))
        if not (service.description or "").strip():
            self.warn(key, (), say(said.SERVICE_UNDESCRIBED))
        if "residential" in service.forms and not service.locations:
            self.warn(key, ("forms",), say(said.RESIDENTIAL_NOWHERE))

    def check_confidential(self, key: str, index: int, location: Location) -> None:
        """Refuse every field of a confidential location that could lead to it (shelters)."""
        for path in SECRET_FIELDS:
            value: object = location
            for name in path:
                value = getattr(value, name, None) if value is not None else None
            if value is not None:
                self.error(key, ("locations", index, *path), say(said.CONFIDENTIAL_FIELD))

    def check_hours(self, key: str, index: int, location: Location) -> None:
        """An interval past midnight must end before the next day's hours begin."""
        for number, schedule in enumerate(location.hours):
            weeks = [((), schedule), *((("seasons", n), season) for n, season in enumerate(schedule.seasons))]
            for where, week in weeks:
                for day, previous, interval in week.runs_into():
                    loc = ("locations", index, "hours", number, *where, day)
                    end = format_interval(interval).split("–")[1]
                    self.error(key, loc, say(said.RUNS_INTO, previous=previous, interval=format_interval(interval), end=end))
                for day, hours in week.days():
                    for start, end_ in hours.overnight:
                        if end_ - start > LONG_NIGHT:  # 12:00-9:00: the times swapped, more likely than 21 hours open
                            loc = ("locations", index, "hours", number, *where, day)
                            self.warn(key, loc, say(said.LONG_NIGHT, interval=format_interval((start, end_)),
                                                    end=format_minutes(end_), swapped=format_interval((end_ - DAY, start))))
