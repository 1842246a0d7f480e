"""The catalogue in Open Referral HSDS 3.0 (``data/hsds/services.json``): an array of service objects.

Each service carries what the HSDS schemas let it nest: its organization, its
service_at_locations (each with its location, address, accessibility and schedules),
phones, service areas, languages, cost options and attributes that link it to
taxonomy terms (kind of help, target groups, forms, life situations, kind of record,
registry id, capacity); the taxonomies themselves are listed in ``taxonomies.json``.
Valid against the schemas in ``hsds-3.0/`` (kept unchanged, CC BY-SA 4.0, Open Referral).

Ids are UUID 5 of the record's id in a namespace made from the catalogue's address,
so two exports of one catalogue are identical and an id changes only when the record
is renamed. Confidential places (already redacted in the catalogue) keep their
municipality: the address has its city and region, an empty street and postcode
(both required by HSDS), no coordinates.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from typing import Any

from ...clock import today
from ...model.fields import split_phone
from ...model.records import Address, Location, Provider, Service
from ...model.vocabularies import Term
from .common import Export, N_, entry_json, json_list_file, without_empty
from .hsds_schedules import schedules

CURRENCIES = {"CZ": "CZK", "PL": "PLN"}
ISO_639 = re.compile(r"^[a-z]{2,3}$")  # a language id that is also its ISO 639 code
MUNICIPALITY_CODE = re.compile(r"^\d{6}$")  # the Czech municipality code, also its RÚIAN code
RUIAN_MUNICIPALITY = "https://linked.cuzk.cz/resource/ruian/obec/{code}"
_VARIANT = {f"{n:x}": f"{(n & 0x3) | 0x8:x}" for n in range(16)}  # the RFC 4122 variant bits of a hex digit


class Ids:
    """Deterministic UUID 5 ids (RFC 4122), one namespace per catalogue."""

    def __init__(self, base_url: str) -> None:
        self._namespace = hashlib.sha1(uuid.uuid5(uuid.NAMESPACE_URL, base_url).bytes)

    def __call__(self, *parts: object) -> str:
        """Return the id of ``parts`` ("service", "x", "location", 0 → one UUID, the same every time).

        ``uuid.uuid5`` by hand, on the hex digest: a national export makes 225,000 ids,
        and UUID objects cost more than the hashing (the tests compare both).
        """
        sha = self._namespace.copy()
        sha.update("/".join(map(str, parts)).encode())
        h = sha.hexdigest()
        return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


class Hsds:
    """Build the HSDS objects of one catalogue; shared parts (organizations, terms) are built once."""

    def __init__(self, ex: Export) -> None:
        self.ex = ex
        self.cat = ex.cat
        self._ = ex.gettext
        self.ids = Ids(self.cat.site.base_url)
        self.organizations = {pid: self.organization(p) for pid, p in sorted(self.cat.providers.items())}
        self.taxonomies = self._taxonomies()
        self._terms: dict[tuple[str, str], dict[str, Any]] = {}

    # --- services -------------------------------------------------------------------

    def services(self) -> bytes:
        """Return the file of every service (by id): each one's written once and kept by ``Export.each_service``."""
        return json_list_file(self.ex.each_service("hsds", lambda s: entry_json(self.service(s))))

    def service(self, s: Service) -> dict[str, Any]:
        sid = self.ids("service", s.id)
        contacts = self.ex.contacts(s)
        organization = self.organizations.get(s.provider)
        return without_empty({
            "id": sid,
            "organization_id": organization["id"] if organization else None,
            "name": s.name,
            "description": _description(s.summary, s.description),
            "url": contacts.web or self.ex.page("services", s.id),
            "email": contacts.email[0] if contacts.email else None,
            "status": "active",
            "fees_description": s.fees.text if s.fees else None,
            "eligibility_description": ", ".join(self.ex.term_names(self.cat.vocab.target_groups, s.target_groups)) or None,
            "minimum_age": s.age.min if s.age else None,
            "maximum_age": s.age.max if s.age else None,
            "assured_date": s.verified.isoformat() if s.verified else None,
            "assurer_email": self.cat.site.contact.email[0] if s.verified and self.cat.site.contact.email else None,
            "phones": self.phones(("service", s.id), list(contacts.phone), contacts.note),
            "service_areas": self.service_areas(s),
            "service_at_locations": [self.service_at_location(s, i, loc) for i, loc in enumerate(s.locations)],
            "languages": self.languages(s),
            "organization": organization,
            "cost_options": self.cost_options(s),
            "attributes": self.attributes(s, sid),
        })

    def phones(self, owner: tuple[str, str], numbers: list[str], note: str | None) -> list[dict[str, Any]]:
        """Return HSDS phones: the number, its extension apart ("+420 596 319 683, linka 247"), notes as the description."""
        out = []
        for i, phone in enumerate(numbers):
            number, extension, detail = split_phone(phone) or (phone, "", "")
            out.append(without_empty({
                "id": self.ids(*owner, "phone", i), "number": number, "extension": int(extension) if extension else None,
                "type": "voice", "description": "; ".join(p for p in (detail, note) if p) or None,
            }))
        return out

    def service_areas(self, s: Service) -> list[dict[str, Any]]:
        areas = []
        for lid in self.cat.service_area(s):
            locality = self.cat.localities.get(lid)
            code = locality.code if locality else None
            official = code is not None and locality.level == "municipality" and self.cat.site.country == "CZ" and MUNICIPALITY_CODE.match(code)
            areas.append(without_empty({
                "id": self.ids("service", s.id, "area", lid),
                "name": self.ex.place_name(lid),
                "description": self._(LEVEL_NAMES[locality.level]) if locality else None,
                "uri": RUIAN_MUNICIPALITY.format(code=code) if official else self.ex.page("localities", lid),
            }))
        return areas

    def languages(self, s: Service) -> list[dict[str, Any]]:
        out = []
        for lid in s.languages:
            term = self.cat.vocab.languages.get(lid)
            out.append(without_empty({
                "id": self.ids("service", s.id, "language", lid),
                "name": term.name if term else lid,
                "code": lid if ISO_639.match(lid) else None,
                "note": term.description if term else None,
            }))
        return out

    def cost_options(self, s: Service) -> list[dict[str, Any]]:
        if s.fees is None:
            return []
        option = {
            "id": self.ids("service", s.id, "cost"),
            "option": self._("Paid") if s.fees.paid else self._("Free of charge"),
            "currency": CURRENCIES.get(self.cat.site.country),
            "amount": None if s.fees.paid else 0,
            "amount_description": s.fees.text,
        }
        return [without_empty(option)]

    # --- places ---------------------------------------------------------------------

    def service_at_location(self, s: Service, index: int, loc: Location) -> dict[str, Any]:
        key = ("service", s.id, "location", index)
        return without_empty({
            "id": self.ids(*key),
            "location": self.location(key, loc),
            "schedules": schedules(
                loc.hours, lambda *parts: self.ids(*key, "schedule", *parts),
                gettext=self._, language=self.cat.site.language, today=today(),
            ),
        })

    def location(self, key: tuple, loc: Location) -> dict[str, Any]:
        notes = self._("The address is confidential; only the municipality is published.") if loc.confidential else loc.notes
        accessibility = []
        if loc.wheelchair is not None:
            accessibility.append({
                "id": self.ids(*key, "accessibility"),
                "description": self._("wheelchair accessible") if loc.wheelchair else self._("not wheelchair accessible"),
            })
        return without_empty({
            "id": self.ids(*key, "place"),
            "location_type": "physical",
            "name": loc.name,
            "description": notes,
            "latitude": loc.coordinates.lat if loc.coordinates else None,
            "longitude": loc.coordinates.lon if loc.coordinates else None,
            "addresses": [self.address(key, loc.address, loc.locality, "physical")] if loc.address else [],
            "accessibility": accessibility,
        })

    def address(self, key: tuple, a: Address, locality_id: str | None, kind: str) -> dict[str, Any]:
        """Return an HSDS address; required fields the catalogue lacks (a village's street,
        a confidential place's street and postcode) are empty strings."""
        region = self.ex.level_name(locality_id, "region") if locality_id else ""
        district = self.ex.level_name(locality_id, "district") if locality_id else ""
        line = " ".join(p for p in (a.street, a.number) if p)
        return without_empty({
            "id": self.ids(*key, "address"),
            "address_1": line,
            "city": a.city,
            "region": district,
            "state_province": region,
            "postal_code": a.postcode or "",
            "country": self.cat.site.country,
            "address_type": kind,
        }, keep=REQUIRED_ADDRESS)

    # --- organizations ----------------------------------------------------------------

    def organization(self, p: Provider) -> dict[str, Any]:
        key = ("provider", p.id)
        identifiers = []
        if p.ico and self.cat.site.country == "CZ":
            identifiers.append({
                "id": self.ids(*key, "ico"),
                "identifier_scheme": "CZ-ICO",  # org-id.guide's code for the Czech company number
                "identifier_type": "IČO",
                "identifier": p.ico,
            })
        office = []
        if p.address is not None:
            office.append(without_empty({
                "id": self.ids(*key, "office"),
                "location_type": "postal",
                "name": self._("Registered office"),
                "addresses": [self.address(key, p.address, None, "postal")],
            }))
        return without_empty({
            "id": self.ids(*key),
            "name": p.name,
            "description": p.description or "",
            "email": p.contacts.email[0] if p.contacts.email else None,
            "website": p.contacts.web,
            "tax_id": p.ico,
            "legal_status": p.legal_form,
            "uri": self.ex.page("providers", p.id),
            "phones": self.phones(key, list(p.contacts.phone), p.contacts.note),
            "locations": office,
            "organization_identifiers": identifiers,
        }, keep={"description"})

    # --- taxonomies -------------------------------------------------------------------

    def _taxonomies(self) -> dict[str, dict[str, Any]]:
        _ = self._
        site_url = self.cat.site.base_url
        found = {
            "service-types": (_("Kinds of help"), _("Kinds of social services of Act 108/2006 Sb. and related activities, as this catalogue names them."), self.ex.page("service-types")),
            "target-groups": (_("Target groups"), _("Who a service is for, as this catalogue names them."), self.ex.page("target-groups")),
            "forms": (_("Forms of provision"), _("How a service is provided: residential, outpatient or in the field."), None),
            "kinds": (_("Type of record"), _("A registered social service or a related activity."), None),
            "life-situations": (_("Life situations"), _("Situations in life that the catalogue gathers services for."), self.ex.page("life-situations")),
            "registry": (_("Registry of social service providers"), _("Identifiers in the national registry; the attribute's value is the identifier."), None),
            "capacity": (_("Registered capacity"), _("The registered maximum, not free places; the attribute's value is the number."), None),
        }
        return {
            key: without_empty({"id": self.ids("taxonomy", key), "name": name, "description": description, "uri": uri or site_url})
            for key, (name, description, uri) in found.items()
        }

    def taxonomy_list(self) -> list[dict[str, Any]]:
        """Return the taxonomies the terms of ``services.json`` belong to (their ``taxonomy_id``)."""
        return [self.taxonomies[key] for key in sorted(self.taxonomies)]

    def term(self, taxonomy: str, tid: str, name: str, description: str | None = None, code: str | None = None,
             uri: str | None = None) -> dict[str, Any]:
        """Return a taxonomy term with its taxonomy, built once and shared by every service using it."""
        found = self._terms.get((taxonomy, tid))
        if found is None:
            detail = self.taxonomies[taxonomy]
            found = self._terms[(taxonomy, tid)] = without_empty({
                "id": self.ids("taxonomy", taxonomy, "term", tid),
                "code": code or tid,
                "name": name,
                "description": description or "",
                "taxonomy": detail["name"],
                "language": self.cat.site.language,
                "taxonomy_id": detail["id"],
                "term_uri": uri,
            }, keep={"description"})
        return found

    def attributes(self, s: Service, sid: str) -> list[dict[str, Any]]:
        vocab = self.cat.vocab
        terms: list[tuple[dict[str, Any], str | None]] = []
        stype = vocab.service_types.get(s.type)
        if stype is not None:
            terms.append((self.term("service-types", s.type, stype.name, stype.description,
                                    f"§{stype.paragraph}" if stype.paragraph else s.type, self.ex.page("service-types", s.type)), None))
        terms.append((self.term("kinds", s.kind, self._(KIND_NAMES[s.kind])), None))
        for gid in s.target_groups:
            group = vocab.target_groups.get(gid)
            if group is not None:
                terms.append((self.term("target-groups", gid, group.name, group.description, uri=self.ex.page("target-groups", gid)), None))
        for form in s.forms:
            term: Term | None = vocab.forms.get(form)
            terms.append((self.term("forms", form, term.name if term else form, term.description if term else None), None))
        for situation_id in self.ex.situations_of.get(s.id, []):
            situation = self.cat.life_situations[situation_id]
            terms.append((self.term("life-situations", situation_id, situation.title, situation.summary,
                                    uri=self.ex.page("life-situations", situation_id)), None))
        if s.registry_id:
            terms.append((self.term("registry", "registry-id", self._("Identifier in the registry")), s.registry_id))
        for capacity in s.capacity:  # per form, as the registry keeps it: a term per unit (and form)
            unit = vocab.capacity_units.get(capacity.unit)
            tid, name = capacity.unit, unit.name if unit else capacity.unit
            if capacity.form:
                form = vocab.forms.get(capacity.form)
                tid, name = f"{capacity.form}-{capacity.unit}", f"{name} ({form.name if form else capacity.form})"
            terms.append((self.term("capacity", tid, name), str(capacity.count)))
        return [
            without_empty({
                "id": self.ids("service", s.id, "attribute", term["taxonomy_id"], term["code"]),
                "link_id": sid,
                "taxonomy_term_id": term["id"],
                "link_entity": "service",
                "value": value,
                "taxonomy_term": term,
            })
            for term, value in terms
        ]


def _description(summary: str | None, description: str | None) -> str | None:
    """Return the summary and the Markdown description as one text."""
    return "\n\n".join(p for p in (summary, description and description.strip()) if p) or None


REQUIRED_ADDRESS = {"address_1", "city", "state_province", "postal_code", "country", "address_type"}
LEVEL_NAMES = {
    "region": N_("region"),
    "district": N_("district"),
    "municipality": N_("municipality"),
    "city-district": N_("city district"),
    "part": N_("part of a municipality"),
    "neighbourhood": N_("neighbourhood"),
}
KIND_NAMES = {"registered": N_("registered social service"), "related": N_("related activity")}
