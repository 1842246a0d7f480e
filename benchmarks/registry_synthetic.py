#!/usr/bin/env python3
"""Write a registry file of national size in the registry's real shape, with its code lists.

    python benchmarks/registry_synthetic.py OUT [--registrations 6700] [--seed 1] [--next]

OUT gets ``rpss.json`` (about 100 MB, pretty-printed like the published file),
``rpss-next.json`` with ``--next`` (the same registry a month later: changed phones,
ended services, moved facilities, raised capacities, withdrawn and new registrations)
and ``ciselniky/*.json`` (14 regions with Prague, 77 districts, about 6,250
municipalities, their parts and the other code lists). The quirks of the real data are
all there: facilities listed twice, names with trailing spaces, 3.6 % of facilities
without an address-point code, secret addresses with a public contact address, ended
services whose facilities look active and ended facilities of live services, Prague
without a district, city districts in Prague, Brno and Ostrava, villages without
streets, IČO with leading zeros, phones and webs typed every which way, and the names
of people in ``statutarniOrgany`` and ``vedouciZarizeni``. Everything is invented.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

TYPES = [
    "odborné sociální poradenství", "sociální poradenství (základní)", "osobní asistence", "pečovatelská služba", "tísňová péče",
    "průvodcovské a předčitatelské služby", "podpora samostatného bydlení", "odlehčovací služby", "centra denních služeb",
    "denní stacionáře", "týdenní stacionáře", "domovy pro osoby se zdravotním postižením", "domovy pro seniory",
    "domovy se zvláštním režimem", "chráněné bydlení", "sociální služby poskytované ve zdravotnických zařízeních lůžkové péče",
    "raná péče", "telefonická krizová pomoc", "tlumočnické služby", "azylové domy", "domy na půl cesty", "kontaktní centra",
    "krizová pomoc", "nízkoprahová denní centra", "nízkoprahová zařízení pro děti a mládež", "noclehárny",
    "služby následné péče", "sociálně aktivizační služby pro rodiny s dětmi",
    "sociálně aktivizační služby pro seniory a osoby se zdravotním postižením", "sociálně terapeutické dílny",
    "terapeutické komunity", "terénní programy", "sociální rehabilitace", "intervenční centra",
]
SECRET_TYPES = {"azylové domy", "intervenční centra"}
GROUPS = [
    "senioři", "pečující osoby", "osoby s potřebou paliativní péče", "osoby žijící s demencí", "rodiny s dítětem/dětmi",
    "osoby bez přístřeší", "oběti domácího násilí", "osoby v krizi", "osoby s tělesným postižením", "osoby s mentálním postižením",
    "osoby s chronickým duševním onemocněním", "osoby ohrožené závislostí nebo závislé na návykových látkách",
    "osoby žijící v sociálně vyloučených komunitách", "děti a mládež ve věku od 6 do 26 let ohrožené společensky nežádoucími jevy",
    "osoby se zrakovým postižením", "osoby se sluchovým postižením", "etnické menšiny", "imigranti a azylanti",
    "osoby v obtížné finanční situaci a zadlužení", "oběti trestné činnosti", "osoby s kombinovaným postižením",
]
AGES = ["děti předškolního věku (1–6 let)", "mladší děti (7–12 let)", "starší děti (13–15 let)", "dorost (16–18 let)",
        "mladí dospělí (19–26 let)", "dospělí (27–64 let)", "mladší senioři (65–80 let)", "starší senioři (nad 80 let)"]
CAPACITIES = [("klient", "Počet klientů"), ("luzka", "Počet lůžek"), ("kontakt", "Počet kontaktů (10 min. jednání)"),
              ("interv", "Počet intervencí (30 min. jednání)"), ("hovor", "Počet hovorů")]
REGIONS = [  # (number, name, NUTS 3, districts)
    (19, "Hlavní město Praha", "CZ010", 0), (27, "Středočeský kraj", "CZ020", 12), (35, "Jihočeský kraj", "CZ031", 7),
    (43, "Plzeňský kraj", "CZ032", 7), (51, "Karlovarský kraj", "CZ041", 3), (60, "Ústecký kraj", "CZ042", 7),
    (78, "Liberecký kraj", "CZ051", 4), (86, "Královéhradecký kraj", "CZ052", 5), (94, "Pardubický kraj", "CZ053", 4),
    (108, "Kraj Vysočina", "CZ063", 5), (116, "Jihomoravský kraj", "CZ064", 7), (124, "Olomoucký kraj", "CZ071", 5),
    (141, "Zlínský kraj", "CZ072", 4), (132, "Moravskoslezský kraj", "CZ080", 6),
]
SYLLABLES = "bor bu če ch dol hra jí ka ko kra lá li lu má mi no o pa po ra ro se sla st te tu ve vi vla za ze ží".split()
COMMON_TOWNS = ["Lhota", "Nová Ves", "Újezd", "Březí", "Lipová", "Olešná", "Petrovice", "Dubá", "Chlum", "Křižanov"]
STREETS = ["Masarykova", "Husova", "Nádražní", "Palackého", "Komenského", "Školní", "Zahradní", "Tyršova", "Hlavní třída", "Dlouhá"]
FIRST = ["Jana", "Petr", "Eva", "Tomáš", "Marie", "Jiří", "Lenka", "Pavel"]
LAST = ["Nováková", "Kučera", "Svobodová", "Horák", "Dvořák", "Černý", "Veselá", "Procházková"]
FORMS_OF_LEGAL = ["z. s.", "o. p. s.", "z. ú.", "příspěvková organizace", "s. r. o.", "církevní právnická osoba"]


def word(rng: random.Random, parts: int = 3) -> str:
    text = "".join(rng.choice(SYLLABLES) for _ in range(parts))
    return text[0].upper() + text[1:]


def ico(rng: random.Random) -> str:
    while True:
        digits = [0] * rng.choice((0, 0, 0, 1, 2)) + [rng.randrange(10) for _ in range(7)]
        digits = digits[:7]
        check = (11 - sum(d * w for d, w in zip(digits, range(8, 1, -1))) % 11) % 10
        return "".join(map(str, digits)) + str(check)


def ref(prefix: str, ident: object) -> dict:
    return {"id": f"{prefix}/{ident}"}


def code_list(items: list[dict]) -> dict:
    return {"polozky": items}


class Country:
    """Regions, districts, municipalities, parts and city districts with official-looking codes."""

    def __init__(self, rng: random.Random) -> None:
        self.regions, self.districts, self.towns, self.parts, self.city_districts = [], [], [], [], []
        district_no, town_code, part_code = 3100, 500011, 400011
        for number, name, nuts, n_districts in REGIONS:
            self.regions.append({"id": f"Kraj/{number}", "nazev": {"cs": name}, "kodNuts3": nuts})
            if n_districts == 0:  # Prague: one municipality, no district, 57 city districts
                town = {"id": "Obec/554782", "nazev": {"cs": "Praha"}, "kod": "554782", "okres": None, "kraj": {"id": f"Kraj/{number}"}}
                self.towns.append(town)
                self._city(town, "Praha", 57, rng, number, None)
                continue
            for d in range(n_districts):
                district_no += 1
                dname = "Ostrava-město" if nuts == "CZ080" and d == 0 else ("Brno-město" if nuts == "CZ064" and d == 0 else word(rng, 2))
                district = {"id": f"Okres/{district_no}", "nazev": {"cs": dname}, "kodLau": f"{nuts}{d + 1}", "kraj": {"id": f"Kraj/{number}"}}
                self.districts.append(district)
                for t in range(82 if d else 60):
                    town_code += 7
                    if dname in ("Ostrava-město", "Brno-město") and t == 0:
                        name = dname.removesuffix("-město")
                    else:
                        name = rng.choice(COMMON_TOWNS) if rng.random() < 0.06 else word(rng, rng.choice((2, 3)))
                    town = {"id": f"Obec/{town_code}", "nazev": {"cs": name}, "kod": str(town_code), "okres": {"id": district["id"]}}
                    self.towns.append(town)
                    if name in ("Ostrava", "Brno"):
                        self._city(town, name, 23 if name == "Ostrava" else 29, rng, number, district)
                        continue
                    for p in range(rng.choice((1, 1, 2, 3))):
                        part_code += 3
                        pname = name if p == 0 else word(rng, 2)
                        self.parts.append({"id": f"CastObce/{part_code}", "nazev": {"cs": pname}, "obec": {"id": town["id"]},
                                           "_kraj": number, "_okres": district["id"], "_district": None})

    def _city(self, town: dict, name: str, count: int, rng: random.Random, region: int, district: dict | None) -> None:
        for n in range(count):
            cd = {"id": f"MestskyObvodMestskaCast/{500000 + len(self.city_districts)}",
                  "nazev": {"cs": f"{name} {n + 1}" if name == "Praha" else f"{name}-{word(rng, 2)}"},
                  "kod": str(500000 + len(self.city_districts)), "obec": {"id": town["id"]}}
            self.city_districts.append(cd)
            for _ in range(3):
                self.parts.append({"id": f"CastObce/{490000 + len(self.parts)}", "nazev": {"cs": word(rng, 3)}, "obec": {"id": town["id"]},
                                   "_kraj": region, "_okres": district["id"] if district else None, "_district": cd["id"]})

    def lists(self, with_city_districts: bool) -> dict[str, dict]:
        clean = lambda items: [{k: v for k, v in i.items() if not k.startswith("_")} for i in items]  # noqa: E731
        out = {
            "kraje": code_list(self.regions), "okresy": code_list(self.districts), "obce": code_list(self.towns),
            "casti-obci": code_list(clean(self.parts)),
            "druhy-socialni-sluzby": code_list([{"id": f"DruhSocialniSluzby/{i + 1}", "nazev": {"cs": n}} for i, n in enumerate(TYPES)]),
            "cilove-skupiny-osoby": code_list([{"id": f"CilovaSkupinaOsoby/{i + 1}", "nazev": {"cs": n}} for i, n in enumerate(GROUPS)]),
            "vekove-skupiny-osoby": code_list([{"id": f"VekovaSkupinaOsoby/{i + 1}", "nazev": {"cs": n}} for i, n in enumerate(AGES)]),
            "formy-soc-sluzby": code_list([{"id": f"FormaSocialniSluzby/{k}", "nazev": {"cs": n}} for k, n in
                                           (("pob", "pobytové služby"), ("amb", "ambulantní služby"), ("ter", "terénní služby"))]),
            "typy-kapacity-socialni-sluzby": code_list([{"id": f"TypKapacitySocialniSluzby/{k}", "nazev": {"cs": n}} for k, n in CAPACITIES]),
        }
        if with_city_districts:
            out["mestske-obvody-mestske-casti"] = code_list(self.city_districts)
        return out


def address(rng: random.Random, part: dict, point: bool = True) -> dict:
    village = part["_district"] is None and rng.random() < 0.3
    return {
        "cisloDomovni": rng.randrange(1, 3000), "cisloOrientacni": str(rng.randrange(1, 90)) if not village and rng.random() < 0.6 else None,
        "dodatekAdresy": None, "kodAdresnihoMista": rng.randrange(1_000_000, 99_999_999) if point else None,
        "psc": f"{rng.randrange(100, 799)}{rng.randrange(0, 99):02d}", "typCislaDomovniho": ref("TypStavebnihoObjektu", 1),
        "kraj": ref("Kraj", part["_kraj"]), "okres": {"id": part["_okres"]} if part["_okres"] else None,
        "obec": part["obec"], "castObce": {"id": part["id"]}, "mestskyObvodMestskaCast": {"id": part["_district"]} if part["_district"] else None,
        "mestskyObvodVPraze": None, "ulice": None if village else {"nazev": rng.choice(STREETS)},
    }


def phone(rng: random.Random) -> str:
    digits = f"{rng.choice((5, 6, 7))}{rng.randrange(10**7, 10**8)}"
    style = rng.random()
    if style < 0.4:
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    if style < 0.6:
        return digits
    if style < 0.8:
        return f"+420{digits}"
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}, linka {rng.randrange(200, 300)}"


def contacts(rng: random.Random, domain: str, n: int) -> dict:
    web = rng.choice((f"https://{domain}/sluzba-{n}", f"www.{domain}", f"http://{domain}/sluzba-{n}"))
    return {"telefony": [{"telefon": phone(rng), "poznamka": None}] if rng.random() < 0.8 else [],
            "emaily": [{"email": rng.choice((f"sluzba{n}@{domain}", f" Info@{domain.upper()} ")), "poznamka": None}] if rng.random() < 0.8 else [],
            "weby": [{"web": web, "poznamka": None}] if rng.random() < 0.7 else [], "faxy": []}


def registration(rng: random.Random, portal: int, country: Country, providers: list[dict]) -> dict:
    kind = rng.randrange(len(TYPES))
    provider = rng.choice(providers)
    home = rng.choice(country.parts)
    n_facilities = min(15, max(1, int(rng.expovariate(1 / 2.8))))
    secret = TYPES[kind] in SECRET_TYPES and rng.random() < 0.5
    name = f"{TYPES[kind][0].upper()}{TYPES[kind][1:]} {provider['short']}"
    facilities = []
    for f in range(n_facilities):
        part = home if f == 0 or rng.random() < 0.6 else rng.choice(country.parts)
        ended_facility = rng.random() < 0.05
        facility = {
            "id": None, "portalId": None, "identifikator": None,
            "nazev": name + (" " if rng.random() < 0.2 else "") + ("" if f == 0 else f" – pobočka {f}"),
            "poskytujeOd": "2015-01-01", "poskytujeDo": "2023-06-30" if ended_facility else None, "utajenaAdresa": secret,
            "vedouciZarizeni": {"jmeno": rng.choice(FIRST), "prijmeni": rng.choice(LAST)},
            "adresa": None if secret else address(rng, part, point=rng.random() > 0.036),
        }
        facilities.append(facility)
        if rng.random() < 0.1:
            facilities.append(json.loads(json.dumps(facility)))  # the same facility listed twice
    forms = rng.sample(["pob", "amb", "ter"], rng.choice((1, 1, 2)))
    ended = rng.random() < 0.08
    return {
        "portalId": portal, "id": f"{portal}-{rng.randrange(1000, 9999)}", "identifikator": str(1_000_000 + portal * 7919 % 9_000_000),
        "datumPoskytovaniOd": "2009-07-01", "datumPoskytovaniDo": "2012-12-31" if ended else (None if rng.random() < 0.97 else "2027-06-30"),
        "kontaktniAdresy": [{"adresa": address(rng, home)}] if secret else [],
        "druhSocialniSluzby": ref("DruhSocialniSluzby", kind + 1),
        "zarizeni": facilities,
        "poskytovatel": {k: v for k, v in provider.items() if k != "short"},
        **(contacts(rng, provider["domain"], portal) if rng.random() < 0.6 else {"telefony": [], "emaily": [], "weby": [], "faxy": []}),
        "ciloveSkupiny": [{"cilovaSkupina": ref("CilovaSkupinaOsoby", g + 1),
                           "doplnujiciInformace": rng.choice((None, "zejména osoby z regionu, které potřebují podporu v běžném životě"))}
                          for g in rng.sample(range(len(GROUPS)), rng.randrange(1, 5))],
        "vekoveSkupiny": [{"vekovaSkupina": ref("VekovaSkupinaOsoby", a + 1)} for a in sorted(rng.sample(range(len(AGES)), rng.randrange(1, 5)))],
        "doplnujiciInformaceVekoveSkupiny": rng.choice((None, "od 18 let", "bez omezení")),
        "formy": [{"forma": ref("FormaSocialniSluzby", f), "nepretrzitePoskytovani": f == "pob", "casoveRozsahy": hours(rng, f),
                   "kapacity": [{"pocet": rng.randrange(1, 200), "popis": "Maximální kapacita s účinností od 01.01.2020.",
                                 "typ": ref("TypKapacitySocialniSluzby", "luzka" if f == "pob" else rng.choice(("klient", "kontakt", "interv")))}]}
                  for f in forms],
        "rozsirenePusobnostiVKraji": [],
        "doplnkoveUdaje": {"realizacePoskytovani": [{"priloha": {"url": f"https://registry.example.invalid/documents/{portal}-{i}"}} for i in range(rng.randrange(1, 12))],
                           "popisRealizace": "Služba je poskytována v souladu se zákonem o sociálních službách. " * rng.randrange(20, 80),
                           "cileSluzby": "Cílem služby je podpořit uživatele v samostatném životě v jeho přirozeném prostředí. " * rng.randrange(3, 20)},
    }


def hours(rng: random.Random, form: str) -> list[dict] | None:
    """Return the registry's time ranges of a form: one entry a weekday (residential services: none, they run nonstop)."""
    if form == "pob":
        return None
    days = ["pondělí", "úterý", "středa", "čtvrtek", "pátek"] + (["sobota", "neděle"] if rng.random() < 0.2 else [])
    return [{"den": {"id": f"DenVTydnu/{i + 1}", "nazev": day}, "casOd": "08:00", "casDo": rng.choice(("15:30", "16:00", "18:00")),
             "poznamka": rng.choice((None, "po předchozí domluvě", "v době školních prázdnin omezeno"))} for i, day in enumerate(days)]


def provider(rng: random.Random, country: Country, n: int) -> dict:
    short = word(rng, 2)
    domain = f"{short.lower()}{n}.example.cz".encode("ascii", "ignore").decode()
    home = rng.choice(country.parts)
    return {
        "short": short, "domain": domain,
        "ico": ico(rng), "nazev": f"{short} {rng.choice(FORMS_OF_LEGAL)}", "pravniForma": ref("PravniForma", 100 + n % 20),
        **contacts(rng, domain, 0),
        "statutarniOrgany": [{"jmeno": rng.choice(FIRST), "prijmeni": rng.choice(LAST), "titulPred": rng.choice((None, "Mgr.", "Ing.")),
                              "titulZa": None, "funkce": rng.choice(("ředitel/ka", "předseda/předsedkyně", "člen/ka správní rady"))}
                             for _ in range(rng.randrange(1, 4))],
        "adresaSidla": address(rng, home),
    }


def next_month(rng: random.Random, items: list[dict], country: Country, providers: list[dict]) -> list[dict]:
    """Return the registry a month later: a few of every kind of change the import reports."""
    items = json.loads(json.dumps(items))
    for item in rng.sample(items, 40):
        item["telefony"] = [{"telefon": phone(rng), "poznamka": None}]
    for item in rng.sample(items, 25):
        item["datumPoskytovaniDo"] = "2026-10-31"
    for item in rng.sample(items, 30):
        for facility in item["zarizeni"][:1]:
            if facility["adresa"]:
                facility["adresa"] = address(rng, rng.choice(country.parts))
    for item in rng.sample(items, 60):
        for form in item["formy"]:
            for capacity in form["kapacity"]:
                capacity["pocet"] += 10
    withdrawn = set(rng.sample(range(len(items)), 20))
    items = [item for i, item in enumerate(items) if i not in withdrawn]
    start = max(i["portalId"] for i in items) + 1
    items += [registration(rng, start + n, country, providers) for n in range(35)]
    return items


def generate(out: Path, registrations: int = 6700, seed: int = 1, with_next: bool = False, city_districts: bool = True) -> dict[str, int]:
    """Write the registry file and its code lists into ``out``; return counts of what was written."""
    rng = random.Random(seed)
    country = Country(rng)
    providers = [provider(rng, country, n) for n in range(registrations // 3)]
    items = [registration(rng, 7000 + n * 3, country, providers) for n in range(registrations)]
    out.mkdir(parents=True, exist_ok=True)
    (out / "ciselniky").mkdir(exist_ok=True)
    for name, data in country.lists(city_districts).items():
        (out / "ciselniky" / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "rpss.json").write_text(json.dumps({"polozky": items}, ensure_ascii=False, indent=2), encoding="utf-8")
    if with_next:
        later = next_month(random.Random(seed + 1), items, country, providers)
        (out / "rpss-next.json").write_text(json.dumps({"polozky": later}, ensure_ascii=False, indent=2), encoding="utf-8")
    return {"registrations": len(items), "facilities": sum(len(i["zarizeni"]) for i in items), "municipalities": len(country.towns),
            "bytes": (out / "rpss.json").stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--registrations", type=int, default=6700)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--next", action="store_true", help="also write rpss-next.json, the registry a month later")
    args = parser.parse_args()
    counts = generate(args.out, args.registrations, args.seed, args.next)
    print(f"{counts['registrations']} registrations, {counts['facilities']} facilities, {counts['municipalities']} municipalities, "
          f"{counts['bytes'] / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
