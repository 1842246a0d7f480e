"""One registration of the registry → the registry's fields of a service and of its provider.

Only the keys the catalogue uses are read, each checked for its type; the names of
people (``statutarniOrgany``, ``vedouciZarizeni``) are never read, and of a facility
with a secret address (``utajenaAdresa``) nothing but its municipality is kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model.fields import ico_checksum_ok, is_email, is_web_address, phone_text, split_phone, web_address
from .codelists import CodeLists, Item
from .messages import N_
from .places import Area, Localities, fold
from .reader import Reader
from .vocab import Matcher

_SPLIT_RE = re.compile(r"\s*[,;]\s*|\s+/\s+|\s+nebo\s+")
FORMS = {"pob": "residential", "amb": "outpatient", "ter": "field"}
CONTACT_POINT = N_("Contact point")


@dataclass
class Facility:
    key: str  # how the place is recognised from one import to the next
    fields: dict[str, Any]  # name, address, locality, confidential: as written into locations[]
    contact: bool = False  # the public contact address, not a facility


@dataclass
class Registration:
    """What the catalogue takes of one registration."""

    portal_id: int
    registry_id: str | None
    type_ref: str
    service: dict[str, Any]  # the registry's fields of the service, in the order they are written
    facilities: list[Facility]
    provider: dict[str, Any]
    ico: str
    ended: bool
    in_area: bool
    has_secret: bool
    problems: list[str] = field(default_factory=list)  # values that were left out, for the report


@dataclass
class Converter:
    lists: CodeLists
    matcher: Matcher
    places: Localities
    area: Area
    today: dt.date
    path: str
    language: str = "cs"
    skipped: Counter = field(default_factory=Counter)

    def registration(self, item: dict, portal: int) -> Registration | None:
        """Return what the catalogue takes of one registration, or None when it lies outside the area."""
        r = Reader(self.path, portal, self.lists, self.language)
        identifikator = r.text(item, "identifikator", "")
        registry_id = identifikator if identifikator and re.fullmatch(r"\d{7}", identifikator) else None
        end = r.date(item, "datumPoskytovaniDo", "")
        type_item = r.ref(item, "druhSocialniSluzby", "", required=True)
        provider_data = r.obj(item, "poskytovatel", "") or {}
        problems: list[str] = []
        facilities, in_area, has_secret = self.facilities(r, item, problems)
        if not in_area:
            return None
        forms, capacity = self.forms(r, item)
        groups = [g for g in (r.ref(entry, "cilovaSkupina", f"ciloveSkupiny[{i}].") for i, entry in enumerate(r.items(item, "ciloveSkupiny", ""))) if g]
        ages = [a for a in (r.ref(entry, "vekovaSkupina", f"vekoveSkupiny[{i}].") for i, entry in enumerate(r.items(item, "vekoveSkupiny", ""))) if a]
        ico = r.text(provider_data, "ico", "poskytovatel.", optional=False) or ""
        provider_name = r.text(provider_data, "nazev", "poskytovatel.", optional=False) or ico
        stype = self.matcher.term("service-types", type_item) if type_item else None
        service: dict[str, Any] = {
            "name": self.service_name(facilities, type_item, provider_name),
            "provider": None,  # the provider's id, known once providers are matched
            "kind": "registered",
            "type": stype,
            "registry_id": registry_id,
            "forms": forms,
            "target_groups": _unique(t for t in (self.matcher.term("target-groups", g) for g in groups) if t),
            "age": self.age(ages),
            "capacity": capacity,
            "contacts": self.contacts(r, item, "", problems),
            "locations": [f.fields for f in facilities],
            "end_date": end,
        }
        valid_ico = bool(re.fullmatch(r"\d{8}", ico)) and ico_checksum_ok(ico)
        if ico and not valid_ico:
            problems.append(f"ico:{ico}")  # check would refuse the whole record; the registry's value stays its key
        provider = {
            "name": provider_name,
            "ico": ico if valid_ico else None,
            "address": self.address(r, r.obj(provider_data, "adresaSidla", "poskytovatel."), "poskytovatel.adresaSidla."),
            "contacts": self.contacts(r, provider_data, "poskytovatel.", problems),
        }
        return Registration(
            portal_id=portal,
            registry_id=registry_id,
            type_ref=type_item.id if type_item else "",
            service=service,
            facilities=facilities,
            provider=provider,
            ico=ico,
            ended=end is not None and end < self.today,
            in_area=True,
            has_secret=has_secret,
            problems=problems,
        )

    # --- places ------------------------------------------------------------------------

    def facilities(self, r: Reader, item: dict, problems: list[str]) -> tuple[list[Facility], bool, bool]:
        """Return the active facilities (duplicates merged), whether any lies in the area, whether one is secret."""
        found: dict[str, Facility] = {}
        in_area = False
        secret = False
        for i, raw in enumerate(r.items(item, "zarizeni", "")):
            where = f"zarizeni[{i}]."
            start, until = r.date(raw, "poskytujeOd", where), r.date(raw, "poskytujeDo", where)
            if (until is not None and until < self.today) or (start is not None and start > self.today):
                continue
            address = r.obj(raw, "adresa", where)
            if raw.get("utajenaAdresa") is True:
                secret = True
                # Only the municipality may ever be kept: of the facility, or else of the public contact address.
                town = self._municipality(r, address, f"{where}adresa.") if address else None
                contact = self._contact_address(r, item)
                town = town or (self._municipality(r, contact, "kontaktniAdresy[0].adresa.") if contact else None)
                if town is None:
                    continue
                locality, covered = town
                in_area = in_area or covered
                found.setdefault(f"secret:{locality}", Facility(f"secret:{locality}", {"locality": locality, "confidential": True}))
                if contact is not None:
                    self._public_place(r, found, contact, "kontaktniAdresy[0].adresa.", _contact_name(self.language), contact=True)
                continue
            if address is None:
                continue
            name = r.text(raw, "nazev", where)
            in_area = self._public_place(r, found, address, f"{where}adresa.", name) or in_area
        if not found:
            contact = self._contact_address(r, item)
            if contact is not None:
                in_area = self._public_place(r, found, contact, "kontaktniAdresy[0].adresa.", _contact_name(self.language), contact=True)
        return list(found.values()), in_area, secret

    def _public_place(self, r: Reader, found: dict, address: dict, where: str, name: str | None, contact: bool = False) -> bool:
        fields = self.address(r, address, where)
        locality = self.places.locality_of(address)
        if fields is None or locality is None:
            return False
        key = f"ruian:{fields['ruian']}" if fields.get("ruian") else "addr:" + fold("|".join(str(fields.get(k, "")) for k in ("street", "number", "city")))
        if key not in found:
            location = {"name": name} if name else {}
            location.update({"address": fields, "locality": locality})
            found[key] = Facility(key, location, contact)
        return self.area.covers(address)

    def _municipality(self, r: Reader, address: dict, where: str) -> tuple[str, bool] | None:
        town = r.ref(address, "obec", where)
        if town is None:
            return None
        place = self.places.place(town.id)
        if place is None:
            return None
        return place.id, self.area.covers({"obec": address.get("obec"), "okres": address.get("okres"), "kraj": address.get("kraj")})

    def _contact_address(self, r: Reader, item: dict) -> dict | None:
        for i, entry in enumerate(r.items(item, "kontaktniAdresy", "")):
            address = r.obj(entry, "adresa", f"kontaktniAdresy[{i}].")
            if address is not None:
                return address
        return None

    def address(self, r: Reader, address: dict | None, where: str) -> dict[str, Any] | None:
        """Return a registry address as the catalogue writes it (``street``, ``number``, ``city``…)."""
        if address is None:
            return None
        town = r.ref(address, "obec", where)
        part = r.ref(address, "castObce", where)
        street_obj = r.obj(address, "ulice", where)
        street = r.text(street_obj, "nazev", f"{where}ulice.") if street_obj else None
        house = r.text(address, "cisloDomovni", where)
        orientation = r.text(address, "cisloOrientacni", where)
        postcode = r.text(address, "psc", where)
        point = r.text(address, "kodAdresnihoMista", where)
        for key in ("kraj", "okres", "mestskyObvodMestskaCast"):
            r.ref(address, key, where)
        if town is None:
            return None
        fields: dict[str, Any] = {}
        # A village has no streets: its houses are numbered within the part (or the village) itself.
        fields["street"] = street or (part.name if part else town.name)
        number = "/".join(p for p in (house, orientation) if p)
        if number:
            fields["number"] = number
        fields["city"] = town.name
        digits = re.sub(r"\D", "", postcode or "")
        if len(digits) == 5:
            fields["postcode"] = f"{digits[:3]} {digits[3:]}"
        if point and point.isdigit() and len(point) <= 9:
            fields["ruian"] = point
        return fields

    # --- the service ----------------------------------------------------------------------

    def service_name(self, facilities: list[Facility], type_item: Item | None, provider: str) -> str:
        names = Counter(f.fields["name"] for f in facilities if f.fields.get("name") and not f.contact)
        if names:
            best = max(names.values())
            return next(n for n in names if names[n] == best)
        kind = type_item.name if type_item else ""
        return f"{kind[:1].upper()}{kind[1:]} – {provider}" if kind else provider

    def forms(self, r: Reader, item: dict) -> tuple[list[str], list[dict]]:
        forms: list[str] = []
        capacity: list[dict] = []
        for i, raw in enumerate(r.items(item, "formy", "")):
            where = f"formy[{i}]."
            form_item = r.ref(raw, "forma", where)
            if form_item is None:
                continue
            form = self.matcher.term("forms", form_item)
            if form is None:
                continue
            if form not in forms:
                forms.append(form)
            for j, cap in enumerate(r.items(raw, "kapacity", where)):
                count = cap.get("pocet")
                if count is None:
                    continue
                if not isinstance(count, int) or isinstance(count, bool) or count < 0:
                    r.fail(f"{where}kapacity[{j}].pocet", "a whole number", count)
                unit_item = r.ref(cap, "typ", f"{where}kapacity[{j}].")
                unit = self.matcher.term("capacity-units", unit_item) if unit_item else None
                if unit:
                    capacity.append({"form": form, "count": count, "unit": unit})
        return forms, capacity

    def age(self, ages: list[Item]) -> dict | None:
        span = self.matcher.age(ages)
        if span is None:
            return None
        low, high = span
        return {k: v for k, v in (("min", low), ("max", high)) if v is not None} or None

    def contacts(self, r: Reader, data: dict, where: str, problems: list[str]) -> dict[str, Any]:
        phones: list[str] = []
        for i, entry in enumerate(r.items(data, "telefony", where)):
            value = r.text(entry, "telefon", f"{where}telefony[{i}].")
            note = r.text(entry, "poznamka", f"{where}telefony[{i}].")
            for phone in _phones(value or "", note):
                if phone is None:
                    problems.append(f"phone:{value}")
                elif phone not in phones:
                    phones.append(phone)
        emails: list[str] = []
        for i, entry in enumerate(r.items(data, "emaily", where)):
            value = (r.text(entry, "email", f"{where}emaily[{i}].") or "").lower()
            if value and is_email(value):
                if value not in emails:
                    emails.append(value)
            elif value:
                problems.append(f"email:{value}")
        web = None
        for i, entry in enumerate(r.items(data, "weby", where)):
            value = r.text(entry, "web", f"{where}weby[{i}].")
            if not value:
                continue
            if is_web_address(value):
                web = web or web_address(value)
            else:
                problems.append(f"web:{value}")
        out: dict[str, Any] = {}
        if phones:  # one value is written as it is, as editors write it
            out["phone"] = phones[0] if len(phones) == 1 else phones
        if emails:
            out["email"] = emails[0] if len(emails) == 1 else emails
        if web:
            out["web"] = web
        return out


def _contact_name(language: str) -> str:
    from ..render.i18n import translations

    return translations(language).gettext(CONTACT_POINT)


def _phones(value: str, note: str | None) -> list[str | None]:
    """Return the phones of one registry value, in the national format; None for a piece that is no phone."""
    whole = split_phone(value)
    if whole is not None:
        return [_with_note(whole, note)]
    out: list[str | None] = []
    pieces = [p for p in _SPLIT_RE.split(value) if p]
    for piece in pieces:
        parts = split_phone(piece)
        if parts is None and out and out[-1] is not None and re.match(r"^(linka|l\.|kl\.|klapka|ext)", piece, re.IGNORECASE):
            number = split_phone(f"{out[-1]}, {piece}")
            if number is not None:
                out[-1] = phone_text(*number)
                continue
        out.append(_with_note(parts, note) if parts else None)
    return out or [None]


def _with_note(parts: tuple[str, str, str], note: str | None) -> str:
    number, extension, rest = parts
    extra = " ".join(p for p in (rest, f"({note})" if note else "") if p)
    return phone_text(number, extension, extra)


def _unique(values) -> list:
    out: list = []
    for value in values:
        if value not in out:
            out.append(value)
    return out
