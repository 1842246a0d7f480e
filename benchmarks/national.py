#!/usr/bin/env python3
"""Write a realistic national catalogue of social services in our content format.

    python benchmarks/national.py OUT [--scale 1] [--seed 1]

At scale 1: about 6,700 services, 4,000 providers and 6,400 localities (the 14 real
regions and 76 real districts with their real numbers of municipalities, Prague
without a district, parts of the large towns). Texts have real lengths (service
descriptions 800–1,300 characters of Czech Markdown, providers 400–600, one-sentence
summaries); services cover 1–5 areas (their town and its neighbours, districts,
regions) and have 1–3 places with addresses, opening hours and contacts; shelters
have confidential places (the municipality only). ``--scale`` keeps that shape: a
scale takes the regions in a fixed order until it has its share of municipalities
(a scale above 1 repeats them as further regions), and services and providers grow
with it. Deterministic for a given scale and seed.

Record dates lie before ANCHOR; run checks and builds with SOURCE_DATE_EPOCH set to
it (``benchmarks/common.py`` does) so "last verified" never ages into warnings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import czech  # noqa: E402
from czech import FAMILIES, GENERAL, REGIONS, TYPES  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEMO_VOCABULARIES = ROOT / "content" / "vocabularies"
ANCHOR = dt.date(2026, 11, 20)  # before the tests' fixed today (2026-11-22), so no date lies in their future
NATIONAL = {"services": 6700, "providers": 4000, "municipalities": sum(n for *_, ds in REGIONS for _, n in ds)}
PRAGUE_SHARE = 0.1  # of the services: the capital has a tenth of them


# --- text helpers -------------------------------------------------------------------


def slug(text: str) -> str:
    """Return an id: ASCII, lower case, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


_INNERMOST = re.compile(r"\{([^{}]*)\}")


def fill(template: str, rng: random.Random, slots: dict[str, object]) -> str:
    """Expand ``{a|b|c}`` (one alternative, chosen at random; nested allowed) and ``{slot}``."""

    def one(match: re.Match) -> str:
        inner = match.group(1)
        if inner in slots:
            return str(slots[inner])
        return rng.choice(inner.split("|"))

    while "{" in template:
        template = _INNERMOST.sub(one, template)
    return template


def q(text: str) -> str:
    """Return a YAML double-quoted scalar."""
    return json.dumps(text, ensure_ascii=False)


def block(text: str, indent: str = "  ") -> str:
    """Return a YAML literal block (``|``) of ``text``."""
    return "|\n" + "\n".join(indent + line if line else "" for line in text.splitlines()) + "\n"


def prose(rng: random.Random, parts: list[list[str]], slots: dict[str, object], low: int, high: int,
          items: list[str] = (), list_chance: float = 0.0) -> str:
    """Return Markdown of ``low``–``high`` characters: paragraphs from ``parts`` (pools of sentences), maybe a list."""
    target = rng.randint(low, high)
    paragraphs: list[str] = []
    # two or three sentences of the first pool (what the service is), one or two of each other
    sentences = [s for i, pool in enumerate(parts) for s in rng.sample(pool, min(len(pool), rng.randint(2, 3) if i == 0 else rng.randint(1, 2)))]
    current: list[str] = []
    with_list = items and rng.random() < list_chance
    for sentence in sentences:
        text = fill(sentence, rng, slots)
        body = "\n\n".join(paragraphs + [" ".join(current + [text])])
        if len(body) > high - (120 if with_list else 0):
            break
        current.append(text)
        if len(current) >= rng.randint(2, 3):
            paragraphs.append(" ".join(current))
            current = []
        if len("\n\n".join(paragraphs + [" ".join(current)])) >= target - (150 if with_list else 0):
            break
    if current:
        paragraphs.append(" ".join(current))
    if with_list:
        chosen = rng.sample(items, min(len(items), rng.randint(3, 6)))
        heading = rng.choice(["**S čím pomáháme:**", "**Co nabízíme:**", "Služba zahrnuje:", "**Nejčastěji pomáháme s tím:**"])
        listed = heading + "\n\n" + "\n".join(f"- {item[0].upper()}{item[1:]}" for item in chosen)
        while len("\n\n".join(paragraphs + [listed])) > high and chosen:
            chosen.pop()
            listed = heading + "\n\n" + "\n".join(f"- {item[0].upper()}{item[1:]}" for item in chosen)
        if chosen:
            paragraphs.insert(min(2, len(paragraphs)), listed)
    text = "\n\n".join(paragraphs)
    while len(text) < low:  # top up with further general sentences
        extra = fill(rng.choice([s for pool in GENERAL.values() for s in pool]), rng, slots)
        if len(text) + len(extra) + 2 > high:
            break
        text += "\n\n" + extra
    return text


# --- the country ----------------------------------------------------------------------


def copied(code: str, copy: int) -> str:
    """Return an official code in the ``copy``-th repetition of the country (scale 2, 4): each code names one place."""
    return f"{code}-{copy + 1}" if copy else code


@dataclass
class Place:
    id: str
    name: str
    level: str
    parent: str | None
    code: str
    lat: float
    lon: float
    district: str | None = None  # id of its district (None in Prague)
    region: str = ""
    region_in: str = ""  # "ve Zlínském kraji"
    district_name: str = ""
    weight: float = 0.0  # how many services it attracts
    town: bool = False  # has streets
    postcode: str = ""
    parts: list[str] = field(default_factory=list)


class Country:
    """The localities of a scaled country and the lookups the services need."""

    def __init__(self, rng: random.Random, scale: float) -> None:
        self.rng = rng
        self.places: dict[str, Place] = {}
        self.towns_of: dict[str, list[Place]] = {}  # district or region id → municipalities
        self.districts_of: dict[str, list[str]] = {}  # region id → district ids
        self.prague: list[Place] = []
        budget = max(1, round(NATIONAL["municipalities"] * scale))
        copy = 0
        while budget > 0:
            for region_id, name, region_in, code, districts in REGIONS:
                if budget <= 0:
                    break
                budget = self._region(region_id, name, region_in, code, districts, copy, budget)
            copy += 1
        if scale >= 0.2:
            for k in range(max(1, round(scale))):
                self._prague(k)

    def add(self, place: Place) -> Place:
        self.places[place.id] = place
        return place

    def unique_id(self, base: str, qualifier: str) -> str:
        for candidate in (base, f"{base}-{qualifier}", *(f"{base}-{qualifier}-{n}" for n in range(2, 99))):
            if candidate not in self.places:
                return candidate
        raise AssertionError(base)

    def _region(self, region_id: str, name: str, region_in: str, code: str, districts, copy: int, budget: int) -> int:
        rng = self.rng
        suffix = f" {copy + 1}" if copy else ""
        rid = region_id + (f"-{copy + 1}" if copy else "")
        clat, clon = czech.REGION_CENTRES[region_id]
        self.add(Place(rid, name + suffix, "region", None, copied(code, copy), clat, clon, region=rid))
        self.districts_of[rid] = []
        self.towns_of[rid] = []
        for d_index, (district, count) in enumerate(districts):
            if budget <= 0:
                break
            take = min(count, budget)
            budget -= take
            did = self.unique_id("okres-" + slug(district), str(copy + 1))
            dlat, dlon = clamp(clat + rng.uniform(-0.35, 0.35), clon + rng.uniform(-0.5, 0.5))
            self.add(Place(did, f"okres {district}{suffix}", "district", rid, copied(f"{code}{d_index + 1:02d}", copy), dlat, dlon,
                           district=did, region=rid))
            self.districts_of[rid].append(did)
            self.towns_of[did] = []
            base = rng.randrange(100, 799)
            names: set[str] = set()
            for m in range(take):
                capital = m == 0
                town_name = czech.DISTRICT_TOWNS.get(district, district) if capital else self._village_name(names)
                names.add(town_name)
                lat, lon = clamp(dlat + rng.uniform(-0.12, 0.12), dlon + rng.uniform(-0.18, 0.18))
                big = capital or rng.random() < 0.06
                place = self.add(Place(
                    self.unique_id(slug(town_name), slug(district) + (f"-{copy + 1}" if copy else "")), town_name,
                    "municipality", did, f"{500000 + len(self.places):06d}", lat, lon, district=did, region=rid,
                    region_in=region_in, district_name=district + suffix, weight=40.0 if capital else (6.0 if big else 0.35),
                    town=big, postcode=f"{base + (0 if capital else rng.randrange(0, 9))} {rng.randrange(1, 99):02d}",
                ))
                self.towns_of[did].append(place)
                self.towns_of[rid].append(place)
                if capital:
                    for part in czech.TOWN_PARTS.get(town_name, []):
                        pid = self.unique_id(slug(part), place.id)
                        self.add(Place(pid, part, "part", place.id, "", *clamp(lat + rng.uniform(-0.03, 0.03), lon + rng.uniform(-0.04, 0.04)),
                                       district=did, region=rid, region_in=region_in, district_name=place.district_name,
                                       town=True, postcode=place.postcode))
                        place.parts.append(pid)
        return budget

    def _village_name(self, taken: set[str]) -> str:
        rng = self.rng
        while True:
            if rng.random() < 0.55:
                stem, ending = rng.choice(czech.VILLAGE_STEMS), rng.choice(czech.VILLAGE_ENDINGS)
                root = (stem[:-1] if stem[-1] in "aeiouyáéíóúůý" and ending[0] in "aeiouyáéíóúůýě" else stem) + ending
            else:
                root = rng.choice(czech.VILLAGE_ROOTS)
            name = root
            if rng.random() < 0.3:  # Horní, Dolní… agree with every gender; Velká, Nová… only with feminine names
                feminine = root.endswith(("a", "e", "ice")) and not root.endswith("á")
                prefix = rng.choice(czech.VILLAGE_PREFIXES if feminine else czech.SOFT_PREFIXES)
                name = f"{prefix} {root}"
            if rng.random() < 0.2:
                name = f"{name} {rng.choice(czech.VILLAGE_SUFFIXES)}"
            if name not in taken:
                return name

    def _prague(self, k: int) -> None:
        rng = self.rng
        suffix = f" {k + 1}" if k else ""
        rid = "hlavni-mesto-praha" + (f"-{k + 1}" if k else "")
        lat, lon = czech.REGION_CENTRES["hlavni-mesto-praha"]
        self.add(Place(rid, "Hlavní město Praha" + suffix, "region", None, copied("CZ010", k), lat, lon, region=rid))
        city = self.add(Place(self.unique_id("praha", str(k + 1)), "Praha" + suffix, "municipality", rid, copied("554782", k), lat, lon,
                              region=rid, region_in="v Praze", district_name="Praha", weight=0.0, town=True, postcode="110 00"))
        for n, part in enumerate(czech.PRAGUE_PARTS):
            pid = self.unique_id(slug(part), str(k + 1))
            self.add(Place(pid, part + suffix, "part", city.id, "", *clamp(lat + rng.uniform(-0.08, 0.08), lon + rng.uniform(-0.12, 0.12)),
                           region=rid, region_in="v Praze", district_name="Praha", town=True, postcode=f"1{n + 10:02d} 00"))
            city.parts.append(pid)
        self.prague.append(city)
        self.towns_of[rid] = [city]

    def municipalities(self) -> list[Place]:
        return [p for p in self.places.values() if p.level == "municipality" and p.weight > 0]


def clamp(lat: float, lon: float) -> tuple[float, float]:
    return min(max(lat, 48.62), 51.02), min(max(lon, 12.15), 18.82)


# --- records ----------------------------------------------------------------------------


def ico(rng: random.Random, taken: set[str]) -> str:
    """Return an IČO with a valid check digit, not yet used."""
    while True:
        digits = [rng.randrange(10) for _ in range(7)]
        rest = sum(d * w for d, w in zip(digits, range(8, 1, -1))) % 11
        check = {0: 1, 1: 0}.get(rest, 11 - rest)
        value = "".join(map(str, digits)) + str(check)
        if value not in taken:
            taken.add(value)
            return value


def phone(rng: random.Random) -> str:
    first = rng.choice(["6", "7", "5", "4", "3", "2"])
    digits = first + "".join(str(rng.randrange(10)) for _ in range(8))
    style = rng.random()
    if style < 0.6:
        return f"+420 {digits[:3]} {digits[3:6]} {digits[6:]}"
    if style < 0.85:
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    return f"+420{digits}"


HOURS_OFFICE = [
    {d: "8:00-16:00" for d in ("mon", "tue", "wed", "thu", "fri")},
    {"mon": "8:00-12:00, 13:00-17:00", "tue": "8:00-12:00", "wed": "8:00-12:00, 13:00-17:00", "thu": "8:00-12:00", "fri": "8:00-12:00"},
    {"tue": "9:00-12:00", "thu": "13:00-17:00", "note": "Jindy po telefonické domluvě."},
    {"mon": "8.00-11.30, 12.30-15.00", "wed": "8.00-11.30, 12.30-17.00", "sat": "closed", "sun": "closed"},
    {d: "7:00-15:30" for d in ("mon", "tue", "wed", "thu", "fri")},
    {"mon": "9:00-12:00, 13:00-16:00", "wed": "9:00-12:00, 13:00-18:00", "fri": "9:00-12:00", "note": "Ve středu odpoledne jen pro objednané."},
    {"mon": "10:00-18:00", "tue": "10:00-18:00", "thu": "10:00-18:00"},
]
HOURS_BY_FAMILY = {
    "rodina_deti": [{d: "13:00-18:00" for d in ("mon", "tue", "wed", "thu")} | {"fri": "12:00-16:00"},
                    {"mon": "14:00-19:00", "wed": "14:00-19:00", "thu": "14:00-19:00", "note": "O prázdninách podle programu."}],
    "denni": [{d: "7:00-16:30" for d in ("mon", "tue", "wed", "thu", "fri")}, {d: "7:30-15:00" for d in ("mon", "tue", "wed", "thu", "fri")}],
    "krize": [{d: "nonstop" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")},
              {d: "8:00-18:00" for d in ("mon", "tue", "wed", "thu", "fri")} | {"note": "Mimo tuto dobu volejte linku 116 123."}],
    "pobyt_pece": [{d: "nonstop" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")},
                   {d: "7:00-15:30" for d in ("mon", "tue", "wed", "thu", "fri")} | {"note": "Návštěvy denně od 9 do 19 hodin."}],
    "terenni_pece": [{d: "7:00-15:30" for d in ("mon", "tue", "wed", "thu", "fri")} | {"sat": "7:00-19:00", "sun": "7:00-19:00"},
                     {d: "6:30-21:00" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}],
}
NIGHT = {d: "19:00-7:00" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}  # passes midnight
LOCATION_NAMES = ["Pracoviště {town}", "Středisko {town}", "Kontaktní místo {town}", "Detašované pracoviště {town}", "Kancelář služby",
                  "Klubovna {street}", "Dům {word}", "Pobočka {town}"]
AGES = {"seniori": (60, None), "rodiny-s-detmi": (None, None), "deti-a-mladez-ohrozene-spolecensky-nezadoucimi-jevy": (6, 26),
        "osoby-opoustejici-ustavni-peci": (18, 26), "osoby-bez-pristresi": (18, None)}
EXTRA_LANGUAGES = ["sk", "en", "de", "uk", "ru", "vi", "rom", "znakovy-jazyk", "pl"]
FEES = {
    "beds": ["Ubytování a strava {n} Kč za den podle ceníku; péče se hradí z příspěvku na péči.", "Úhrada podle zákona, nejvýše {n} Kč denně za ubytování a stravu."],
    "clients": ["{n} Kč za hodinu péče podle skutečně spotřebovaného času.", "{n} Kč za hodinu, doprava {m} Kč za cestu."],
    "other": ["Ceník na vyžádání; {n} Kč za hodinu.", "Symbolický příspěvek {m} Kč."],
}
NATIONAL_PROVIDERS = [("Člověk v tísni, o. p. s.", "obecně prospěšná společnost"), ("Armáda spásy v České republice, z. s.", "spolek"),
                      ("Slezská diakonie", "evidovaná právnická osoba (církevní)"), ("Společnost Podané ruce o. p. s.", "obecně prospěšná společnost"),
                      ("Život 90, z. ú.", "zapsaný ústav"), ("Fokus Česko, z. s.", "spolek"), ("Rytmus, o. p. s.", "obecně prospěšná společnost"),
                      ("Centrum pro zdravotně postižené, z. s.", "spolek"), ("Sjednocená organizace nevidomých a slabozrakých ČR, z. s.", "spolek")]


class Writer:
    """Generate every record of the catalogue and write it below ``root``."""

    def __init__(self, root: Path, scale: float, seed: int) -> None:
        self.root = root
        self.rng = random.Random(seed)
        self.scale = scale
        self.country = Country(self.rng, scale)
        self.types = service_types()
        self.icos: set[str] = set()
        self.provider_names: set[str] = set()
        self.providers: dict[str, dict] = {}  # id → {name, legal, town, services, short}
        self.by_district: dict[str, list[str]] = {}
        self.service_names: set[str] = set()
        self.service_ids: set[str] = set()
        self.registry = iter(random.Random(seed + 1).sample(range(1_000_000, 9_999_999), 40_000 + int(scale * 10_000)))
        self.counts = {"services": 0, "locations": 0, "confidential": 0, "words": set()}

    # --- files --------------------------------------------------------------------------

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def run(self) -> dict[str, int]:
        if self.root.exists():
            shutil.rmtree(self.root)
        self.root.mkdir(parents=True)
        shutil.copytree(DEMO_VOCABULARIES, self.root / "vocabularies")
        self.write("site.yaml", SITE)
        for place in self.country.places.values():
            self.write(f"localities/{place.id}.yaml", locality_yaml(place))
        total = max(1, round(NATIONAL["services"] * self.scale))
        provider_target = NATIONAL["providers"] / NATIONAL["services"]
        towns = self.country.municipalities()
        weights = [t.weight for t in towns]
        type_ids = list(TYPES)
        type_weights = [TYPES[t][0] for t in type_ids]
        # the first services help with one life situation each, so that even a tiny catalogue has none empty
        firsts = [next(t for t in s[3] if not s[4] or TYPES[t][3][0] in s[4]) for s in czech.LIFE_SITUATIONS]
        for i in range(total):
            tid = firsts[i] if i < len(firsts) else self.rng.choices(type_ids, type_weights)[0]
            in_prague = self.country.prague and self.rng.random() < PRAGUE_SHARE
            home = self.rng.choice(self.country.prague) if in_prague else self.rng.choices(towns, weights)[0]
            provider = self.provider_for(tid, home, create=len(self.providers) < provider_target * (i + 1))
            self.service(tid, home, provider)
        for pid, info in self.providers.items():
            self.write(f"providers/{pid}.yaml", self.provider_yaml(pid, info))
        for situation in czech.LIFE_SITUATIONS:
            self.write(f"life-situations/{situation[0]}.yaml", situation_yaml(situation, self.types))
        for pid, title, order, body in czech.PAGES:
            self.write(f"pages/{pid}.md", f"---\ntitle: {q(title)}\nnav: true\norder: {order}\n---\n{body}")
        return {
            "services": self.counts["services"], "providers": len(self.providers), "localities": len(self.country.places),
            "municipalities": sum(1 for p in self.country.places.values() if p.level == "municipality"),
            "locations": self.counts["locations"], "confidential": self.counts["confidential"],
        }

    # --- providers -------------------------------------------------------------------------

    def provider_for(self, tid: str, home: Place, create: bool) -> str:
        rng = self.rng
        local = self.by_district.get(home.district or home.region, [])
        if rng.random() < 0.03 * (1 if create else 2):
            name, legal = rng.choice(NATIONAL_PROVIDERS)
            pid = slug(name)
            if pid not in self.providers:
                self.new_provider(pid, name, legal, home, name.split(",")[0])
            return pid
        if not create and local:
            weights = [1 + len(self.providers[p]["services"]) ** 1.3 for p in local]
            return rng.choices(local, weights)[0]
        family = TYPES[tid][1]
        town = home.name
        word = rng.choice(czech.PROVIDER_WORDS)
        choices = {
            "church": [(f"Oblastní charita {town}", "evidovaná právnická osoba (církevní)", f"Charity {town}"),
                       (f"Charita {town}", "evidovaná právnická osoba (církevní)", f"Charity {town}"),
                       (f"Diakonie ČCE – středisko {town}", "evidovaná právnická osoba (církevní)", f"Diakonie {town}"),
                       (f"Farní charita {town}", "evidovaná právnická osoba (církevní)", f"Farní charity {town}")],
            "city": [(f"Město {town}", "obec", f"města {town}"),
                     (f"Centrum sociálních služeb {town}, příspěvková organizace", "příspěvková organizace", f"CSS {town}"),
                     (f"Sociální služby města {town}, p. o.", "příspěvková organizace", f"Sociálních služeb {town}")],
            "home": [(f"Domov pro seniory {town}, příspěvková organizace", "příspěvková organizace", f"Domova {town}"),
                     (f"Domov {word} {town}, p. o.", "příspěvková organizace", f"Domova {word}"),
                     (f"Nemocnice {town}, a. s.", "akciová společnost", f"Nemocnice {town}")],
            "ngo": [(f"{word}, z. s.", "spolek", word), (f"{word} {town}, z. ú.", "zapsaný ústav", word),
                    (f"{word} – centrum pro rodinu, o. p. s.", "obecně prospěšná společnost", word),
                    (f"Sdružení {word} {town}, z. s.", "spolek", f"Sdružení {word}"),
                    (f"{rng.choice(czech.GIVEN_NAMES)} – {word.lower()}, z. ú.", "zapsaný ústav", word)],
        }
        style = {"pobyt_pece": ["home", "home", "city", "church"], "terenni_pece": ["church", "city", "ngo"],
                 "denni": ["ngo", "church", "city"]}.get(family, ["ngo", "ngo", "church"])
        for _ in range(20):
            name, legal, short = rng.choice(choices[rng.choice(style)])
            if name not in self.provider_names:
                break
        else:
            name, legal, short = f"{word} {town} {len(self.providers)}, z. s.", "spolek", word
        pid = slug(name)
        while pid in self.providers:
            pid += "-2"
        self.new_provider(pid, name, legal, home, short)
        self.by_district.setdefault(home.district or home.region, []).append(pid)
        return pid

    def new_provider(self, pid: str, name: str, legal: str, home: Place, short: str) -> None:
        self.provider_names.add(name)
        self.providers[pid] = {"name": name, "legal": legal, "home": home, "short": short, "services": [], "domain": slug(short)[:30].strip("-") or "sluzby"}

    def provider_yaml(self, pid: str, info: dict) -> str:
        rng = self.rng
        home: Place = info["home"]
        slots = self.slots(home, name=info["name"], legal=info["legal"], age=rng.randint(5, 33))
        description = prose(rng, [czech.PROVIDER_PROSE, GENERAL["cooperation"], GENERAL["history"]], slots, 400, 600)
        lines = [f"name: {q(info['name'])}", f'ico: "{ico(rng, self.icos)}"', f"legal_form: {q(info['legal'])}",
                 "address:", *self.address(home, "  ")]
        domain = f"{info['domain']}.example.org"
        contacts = [f"  phone: {q(phone(rng))}", f"  email: {q(rng.choice(['info', 'kancelar', 'reditel', 'sekretariat']) + '@' + domain)}"]
        if rng.random() < 0.9:
            contacts.append(f"  web: {q(('https://www.' if rng.random() < 0.8 else 'http://') + domain)}")
        lines += ["contacts:", *contacts, "description: " + block(description).rstrip("\n"),
                  f"verified: {self.verified()}"]
        return "\n".join(lines) + "\n"

    # --- services -------------------------------------------------------------------------

    def service(self, tid: str, home: Place, pid: str) -> None:
        rng = self.rng
        weight, family, forms, groups, unit, paid, profile, patterns = TYPES[tid]
        provider = self.providers[pid]
        registered = bool(self.types[tid])
        word = rng.choice(czech.PROVIDER_WORDS)
        name = fill(rng.choice(patterns), rng, {"town": home.name, "provider": provider["short"], "word": word})
        if name in self.service_names:  # as real catalogues tell two of a name apart: by their provider
            name = f"{name} ({provider['short']})"
        n = 2
        base = name
        while name in self.service_names:
            name = f"{base[:-1]}, pracoviště {n})" if base.endswith(")") else f"{base} ({n})"
            n += 1
        self.service_names.add(name)
        sid = slug(name)[:80].strip("-")
        while sid in self.service_ids:
            sid += "-2"
        self.service_ids.add(sid)
        provider["services"].append(sid)
        chosen_forms = rng.choice(forms)
        area, places = self.area_and_places(profile, home, chosen_forms)
        slots = self.slots(home, capacity=rng.randint(12, 140))
        lines = [f"name: {q(name)}", f"provider: {pid}", f"kind: {'registered' if registered else 'related'}", f"type: {tid}"]
        if registered:
            lines.append(f'registry_id: "{next(self.registry)}"')
        lines.append(f"summary: {q(fill(rng.choice(czech.SUMMARIES[family]), rng, slots))}")
        lines.append(f"forms: [{', '.join(chosen_forms)}]")
        k = rng.randint(1, min(5, len(groups)))
        chosen_groups = [groups[0], *rng.sample(groups[1:], k - 1)]
        lines.append(f"target_groups: [{', '.join(chosen_groups)}]")
        age = AGES.get(chosen_groups[0])
        if age and rng.random() < 0.5 and age != (None, None):
            parts = [f"min: {age[0]}"] if age[0] is not None else []
            parts += [f"max: {age[1]}"] if age[1] is not None else []
            lines.append(f"age: {{{', '.join(parts)}}}")
        lines.append(f"area: [{', '.join(area)}]")
        if unit:
            low, high = {"beds": (8, 180), "clients": (10, 400), "contacts": (5, 60), "interventions": (2, 40), "calls": (2, 10)}[unit]
            lines.append(f"capacity: {{count: {rng.randint(low, high)}, unit: {unit}}}")
        if rng.random() < 0.9:
            if rng.random() < paid:
                pool = FEES.get(unit, FEES["other"])
                text = fill(rng.choice(pool), rng, {"n": rng.choice([120, 135, 150, 180, 210, 260, 320, 395, 450]), "m": rng.choice([10, 15, 20, 30])})
                lines.append(f"fees: {{paid: true, text: {q(text)}}}")
            else:
                lines.append("fees: {paid: false}")
        languages = ["cs"] + (sorted(rng.sample(EXTRA_LANGUAGES, rng.randint(1, 3))) if rng.random() < 0.15 else [])
        lines.append(f"languages: [{', '.join(languages)}]")
        if rng.random() < 0.92:
            contacts = [f"  phone: {q(phone(rng))}" if rng.random() < 0.8 else f"  phone: [{q(phone(rng))}, {q(phone(rng))}]",
                        f"  email: {q(slug(name.split(' ')[0])[:12].strip('-') + '.' + slug(home.name)[:14].strip('-') + '@' + provider['domain'] + '.example.org')}"]
            if rng.random() < 0.6:
                contacts.append(f"  web: {q('https://www.' + provider['domain'] + '.example.org/' + sid[:40])}")
            if rng.random() < 0.2:
                contacts.append(f"  note: {q(rng.choice(['Volejte prosím v pracovní dny.', 'Telefon je v provozu nonstop.', 'Na e-maily odpovídáme do dvou pracovních dnů.', 'Mimo pracovní dobu nechte vzkaz, ozveme se.']))}")
            lines += ["contacts:", *contacts]
        lines.append("locations:")
        for index, place in enumerate(places):
            lines += self.location(tid, family, place, index, name)
        situations = [s[0] for s in czech.LIFE_SITUATIONS if tid in s[3]]
        if situations and rng.random() < 0.15:
            lines.append(f"life_situations: [{rng.choice(situations)}]")
        lines.append(f"verified: {self.verified()}")
        if rng.random() < 0.01:
            lines.append(f"former_ids: [{sid}-puvodni]")
        description = prose(rng, [FAMILIES[family]["intro"], FAMILIES[family]["work"], czech.EXTRA_SENTENCES, GENERAL["staff"],
                                  GENERAL["contact"], GENERAL["history"], GENERAL["rights"], GENERAL["cooperation"]], slots, 800, 1300,
                            FAMILIES[family]["items"], 0.55)
        lines.append("description: " + block(description).rstrip("\n"))
        self.write(f"services/{sid}.yaml", "\n".join(lines) + "\n")
        self.counts["services"] += 1

    def area_and_places(self, profile: str, home: Place, forms: list[str]) -> tuple[list[str], list[Place]]:
        """Return the service's area (1–5 locality ids) and its 1–3 places, all inside the area."""
        rng = self.rng
        country = self.country
        count = rng.choices([1, 2, 3], [0.55, 0.3, 0.15] if forms != ["residential"] else [0.85, 0.12, 0.03])[0]
        if home.district is None:  # Prague: its parts
            parts = [country.places[p] for p in home.parts]
            located = rng.sample(parts, count)
            choice = rng.random()
            if choice < 0.45:
                return [home.id], located
            if choice < 0.75:
                extra = rng.sample([p for p in parts if p not in located], rng.randint(0, 2))
                return [p.id for p in located + extra], located
            return [home.region], located
        if profile == "mixed":
            profile = rng.choices(["local", "district", "region"], [0.45, 0.35, 0.2])[0]
        elif profile == "wide":
            profile = rng.choices(["region", "regions", "district"], [0.6, 0.25, 0.15])[0]
        elif profile == "district":
            profile = rng.choices(["district", "districts", "local"], [0.65, 0.15, 0.2])[0]
        elif profile == "region":
            profile = rng.choices(["region", "district"], [0.75, 0.25])[0]
        elif profile == "local":
            profile = rng.choices(["local", "district"], [0.9, 0.1])[0]
        district_towns = country.towns_of[home.district]
        if profile == "local":
            neighbours = [t for t in district_towns if t is not home]
            around = pick(rng, neighbours, rng.randint(0, min(4, len(neighbours))))
            area = [home, *around]
            located = [home, *pick(rng, around, count - 1)]
            return [p.id for p in area], [self.spot(p) for p in located]
        if profile in ("district", "districts"):
            area = [home.district]
            if profile == "districts":
                others = [d for d in country.districts_of[home.region] if d != home.district]
                area += rng.sample(others, min(len(others), rng.randint(1, 2)))
            located = [home, *pick(rng, [t for t in district_towns if t is not home], count - 1)]
            return area, [self.spot(p) for p in located]
        area = [home.region]
        if profile == "regions":
            others = [r for r in country.districts_of if r != home.region]
            area += rng.sample(others, min(len(others), 1))
        region_towns = country.towns_of[home.region]
        located = [home, *pick(rng, [t for t in region_towns if t is not home], count - 1)]
        return area, [self.spot(p) for p in located]

    def spot(self, town: Place) -> Place:
        """A place in ``town``: now and then one of its parts."""
        if town.parts and self.rng.random() < 0.4:
            return self.country.places[self.rng.choice(town.parts)]
        return town

    def location(self, tid: str, family: str, place: Place, index: int, service_name: str) -> list[str]:
        rng = self.rng
        town = self.country.places[place.parent] if place.level == "part" else place
        shelter = tid in ("azylove-domy", "krizova-pomoc") and any(w in service_name for w in ("matky", "ženy", "Krizové"))
        confidential = shelter and index == 0 and rng.random() < 0.7
        street = rng.choice(czech.STREETS)
        word = rng.choice(czech.PROVIDER_WORDS)
        lines = []
        if rng.random() < 0.6 or confidential:
            label = "Azylový dům (adresa utajena)" if confidential else fill(rng.choice(LOCATION_NAMES), rng, {"town": place.name, "street": street, "word": word})
            lines.append(f"  - name: {q(label)}")
            lines.append("    address:")
        else:
            lines.append("  - address:")
        if confidential:  # a secret address is never written: the municipality only
            lines.append(f"      city: {q(town.name)}")
            self.counts["confidential"] += 1
        else:
            lines += self.address(place, "      ")
        lines.append(f"    locality: {place.id}")
        if not confidential and rng.random() < 0.85:
            lines.append(f"    coordinates: {{lat: {place.lat + rng.uniform(-0.01, 0.01):.5f}, lon: {place.lon + rng.uniform(-0.015, 0.015):.5f}}}")
        if confidential:
            lines.append("    confidential: true")
        if rng.random() < 0.8:
            lines.append(f"    wheelchair: {'true' if rng.random() < 0.6 else 'false'}")
        hours = self.hours(tid, family)
        if hours:
            lines.append("    hours:")
            for day, value in hours.items():
                lines.append(f"      {day}: {q(value)}")
        if not confidential and rng.random() < 0.2:
            lines.append(f"    notes: {q(rng.choice(['Vchod ze dvora, zazvoňte.', 'Ve druhém patře, výtah je v budově.', 'Zastávka autobusu přímo před domem.', 'Parkování ve dvoře.', 'Bezbariérový vstup z boční ulice.']))}")
        self.counts["locations"] += 1
        return lines

    def hours(self, tid: str, family: str) -> dict[str, str] | None:
        rng = self.rng
        if rng.random() < 0.15:
            return None
        if tid == "nocleharny":
            return NIGHT
        if tid in ("telefonicka-krizova-pomoc", "tisnova-pece"):
            return {d: "nonstop" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
        pool = HOURS_BY_FAMILY.get(family, []) + ([] if family in ("pobyt_pece", "krize") else HOURS_OFFICE)
        return rng.choice(pool)

    def address(self, place: Place, indent: str) -> list[str]:
        rng = self.rng
        town = self.country.places[place.parent] if place.level == "part" else place
        lines = []
        if town.town:
            number = f"{rng.randint(1, 3200)}/{rng.randint(1, 60)}" if rng.random() < 0.5 else str(rng.randint(1, 2500))
            lines += [f"{indent}street: {q(rng.choice(czech.STREETS))}", f'{indent}number: "{number}"']
        else:  # a village: a house number, no street
            lines.append(f'{indent}number: "{rng.randint(1, 320)}"')
        lines += [f"{indent}city: {q(town.name)}", f'{indent}postcode: "{place.postcode or town.postcode}"']
        return lines

    def slots(self, home: Place, **extra) -> dict[str, object]:
        rng = self.rng
        acts = rng.sample(czech.ACTIVITIES, 4)
        topics = rng.sample(czech.TOPICS, 3)
        near = [t.name for t in rng.sample(self.country.towns_of.get(home.district or home.region, [home]), 3)] \
            if len(self.country.towns_of.get(home.district or home.region, [])) >= 3 else [home.name]
        return {"act": acts[0], "act2": acts[1], "act3": acts[2], "topic": topics[0], "topic2": topics[1], "topic3": topics[2],
                "near": ", ".join(near[:-1]) + " a " + near[-1] if len(near) > 1 else near[0],"town": home.name, "district": home.district_name or home.name, "region_in": home.region_in or "v regionu",
                "year": rng.randint(1991, 2019), "staff": rng.randint(5, 40), "days": rng.choice(czech.DAYS),
                "phone_time": rng.choice(czech.PHONE_TIMES), **extra}

    def verified(self) -> str:
        return (ANCHOR - dt.timedelta(days=self.rng.randint(0, 300))).isoformat()


def pick(rng: random.Random, towns: list[Place], n: int) -> list[Place]:
    """Pick ``n`` distinct towns, the larger ones more often."""
    chosen: list[Place] = []
    pool = list(towns)
    while pool and len(chosen) < n:
        town = rng.choices(pool, [t.weight + 0.5 for t in pool])[0]
        pool.remove(town)
        chosen.append(town)
    return chosen


def service_types() -> dict[str, bool]:
    """Return service type id → registered (has a §), from the demo vocabulary; fail when TYPES names another."""
    text = (DEMO_VOCABULARIES / "service-types.yaml").read_text(encoding="utf-8")
    found = {m.group(1): bool(m.group(2)) for m in re.finditer(r"^([a-z0-9-]+):\n(?:  (?!paragraph).*\n)*(  paragraph: .*)?", text, re.M)}
    groups = set(re.findall(r"^([a-z0-9-]+):", (DEMO_VOCABULARIES / "target-groups.yaml").read_text(encoding="utf-8"), re.M))
    unknown = [t for t in TYPES if t not in found] + [g for t in TYPES.values() for g in t[3] if g not in groups]
    if unknown:
        raise SystemExit(f"benchmarks/czech.py names what the demo vocabularies do not define: {sorted(set(unknown))}")
    return found


def locality_yaml(place: Place) -> str:
    lines = [f"name: {q(place.name)}", f"level: {place.level}"]
    if place.parent:
        lines.append(f"parent: {place.parent}")
    if place.code:
        lines.append(f'code: "{place.code}"')
    lines.append(f"centroid: {{lat: {place.lat:.4f}, lon: {place.lon:.4f}}}")
    return "\n".join(lines) + "\n"


def situation_yaml(situation: tuple, types: dict[str, bool]) -> str:
    sid, title, summary, gather_types, gather_groups, order, paragraphs, items = situation
    text = "\n\n".join(paragraphs) + "\n\n**Co můžete udělat:**\n\n" + "\n".join(f"- {i}" for i in items)
    lines = [f"title: {q(title)}", f"summary: {q(summary)}", "text: " + block(text).rstrip("\n"), "gathers:",
             f"  types: [{', '.join(t for t in gather_types if t in types)}]"]
    if gather_groups:
        lines.append(f"  target_groups: [{', '.join(gather_groups)}]")
    lines.append(f"order: {order}")
    return "\n".join(lines) + "\n"


SITE = """title: Katalog sociálních služeb České republiky
language: cs
country: CZ
base_url: https://katalog.example.org/
organisation:
  name: Národní katalog sociálních služeb (zkušební data)
  web: https://katalog.example.org
contact:
  phone: +420 221 922 111
  email: redakce@katalog.example.org
repository:
  url: https://github.com/example/narodni-katalog
description: "Sociální služby a související aktivity v celé České republice: kdo pomáhá, komu, kde, kdy a za kolik."
demo: true
"""


def generate(root: Path, scale: float = 1.0, seed: int = 1) -> dict[str, int]:
    """Write the catalogue at ``scale`` into ``root`` (replacing it); return what it holds."""
    return Writer(root, scale, seed).run()


def generate_national(root: Path, scale: float = 1.0, say: bool = True) -> dict[str, int]:
    """Write the national catalogue (or a scaled one) and say what it holds and how long it took."""
    start = time.perf_counter()
    stats = generate(root, scale)
    if say:
        print(f"(generated the national catalogue ×{scale:g} in {time.perf_counter() - start:.1f} s: {describe(stats)})", flush=True)
    return stats


def describe(stats: dict[str, int]) -> str:
    return (f"{stats['services']:,} services, {stats['providers']:,} providers, {stats['localities']:,} localities "
            f"({stats['municipalities']:,} municipalities), {stats['locations']:,} places ({stats['confidential']} confidential)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=1.0, help="1 = national (0.25, 0.5, 2, 4 keep the shape)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    stats = generate(args.out, args.scale, args.seed)
    print(f"wrote {args.out} in {time.perf_counter() - start:.1f} s: {describe(stats)}")


if __name__ == "__main__":
    main()
