#!/usr/bin/env python3
"""Write a synthetic catalogue of national size (valid records in our format).

    python benchmarks/synthetic.py OUT [--services 6700] [--locations 19000] [--municipalities 6300]

Deterministic for a given --seed, so benchmark runs compare like with like.
Two in every hundred shelters get a confidential location, as in the registry.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

TYPES = [  # (id, name, paragraph, group)
    ("odborne-socialni-poradenstvi", "Odborné sociální poradenství", "37", "counselling"),
    ("osobni-asistence", "Osobní asistence", "39", "care"),
    ("pecovatelska-sluzba", "Pečovatelská služba", "40", "care"),
    ("tisnova-pece", "Tísňová péče", "41", "care"),
    ("pruvodcovske-a-predcitatelske-sluzby", "Průvodcovské a předčitatelské služby", "42", "care"),
    ("podpora-samostatneho-bydleni", "Podpora samostatného bydlení", "43", "care"),
    ("odlehcovaci-sluzby", "Odlehčovací služby", "44", "care"),
    ("centra-dennich-sluzeb", "Centra denních služeb", "45", "care"),
    ("denni-stacionare", "Denní stacionáře", "46", "care"),
    ("tydenni-stacionare", "Týdenní stacionáře", "47", "care"),
    ("domovy-pro-osoby-se-zdravotnim-postizenim", "Domovy pro osoby se zdravotním postižením", "48", "care"),
    ("domovy-pro-seniory", "Domovy pro seniory", "49", "care"),
    ("domovy-se-zvlastnim-rezimem", "Domovy se zvláštním režimem", "50", "care"),
    ("chranene-bydleni", "Chráněné bydlení", "51", "care"),
    ("rana-pece", "Raná péče", "54", "prevention"),
    ("telefonicka-krizova-pomoc", "Telefonická krizová pomoc", "55", "prevention"),
    ("tlumocnicke-sluzby", "Tlumočnické služby", "56", "prevention"),
    ("azylove-domy", "Azylové domy", "57", "prevention"),
    ("domy-na-pul-cesty", "Domy na půl cesty", "58", "prevention"),
    ("kontaktni-centra", "Kontaktní centra", "59", "prevention"),
    ("krizova-pomoc", "Krizová pomoc", "60", "prevention"),
    ("intervencni-centra", "Intervenční centra", "60a", "prevention"),
    ("nizkoprahova-denni-centra", "Nízkoprahová denní centra", "61", "prevention"),
    ("nizkoprahova-zarizeni-pro-deti-a-mladez", "Nízkoprahová zařízení pro děti a mládež", "62", "prevention"),
    ("noclehárny".replace("á", "a"), "Noclehárny", "63", "prevention"),
    ("sluzby-nasledne-pece", "Služby následné péče", "64", "prevention"),
    ("sas-pro-rodiny-s-detmi", "Sociálně aktivizační služby pro rodiny s dětmi", "65", "prevention"),
    ("sas-pro-seniory-a-osoby-se-zdravotnim-postizenim", "Sociálně aktivizační služby pro seniory a osoby se zdravotním postižením", "66", "prevention"),
    ("socialne-terapeuticke-dilny", "Sociálně terapeutické dílny", "67", "prevention"),
    ("terapeuticke-komunity", "Terapeutické komunity", "68", "prevention"),
    ("terenni-programy", "Terénní programy", "69", "prevention"),
    ("socialni-rehabilitace", "Sociální rehabilitace", "70", "prevention"),
    ("svepomocne-skupiny", "Svépomocné skupiny", None, "related"),
    ("dobrovolnicka-centra", "Dobrovolnická centra", None, "related"),
]
GROUPS = [
    ("seniori", "Senioři"), ("rodiny-s-detmi", "Rodiny s dětmi"), ("osoby-bez-pristresi", "Osoby bez přístřeší"),
    ("obeti-domaciho-nasili", "Oběti domácího násilí"), ("osoby-v-krizi", "Osoby v krizi"),
    ("osoby-se-zdravotnim-postizenim", "Osoby se zdravotním postižením"), ("osoby-ohrozene-zavislosti", "Osoby ohrožené závislostí"),
    ("pecujici-osoby", "Pečující osoby"), ("osoby-s-dusevnim-onemocnenim", "Osoby s chronickým duševním onemocněním"),
]
WORDS = "pomoc rodina senior domov péče poradna krize bydlení dluhy asistence dílna klub centrum služba podpora".split()
STREETS = ["Masarykova", "Husova", "Nádražní", "Palackého", "Komenského", "Školní", "Zahradní", "Tyršova"]


def ico(rng: random.Random) -> str:
    while True:
        digits = [rng.randrange(10) for _ in range(7)]
        check = (11 - sum(d * w for d, w in zip(digits, range(8, 1, -1))) % 11) % 10
        return "".join(map(str, digits)) + str(check)


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def generate(root: Path, services: int, locations: int, municipalities: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    write(root, "site.yaml", "title: Národní katalog (syntetický)\nbase_url: https://katalog.example.org/\norganisation: {name: Test}\ncontact: {email: katalog@example.org}\n")
    write(root, "vocabularies/service-types.yaml", "".join(
        f"{i}: {{name: {n}, group: {g}{', paragraph: ' + repr(p) if p else ''}}}\n".replace("'", '"') for i, n, p, g in TYPES))
    write(root, "vocabularies/target-groups.yaml", "".join(f"{i}: {{name: {n}}}\n" for i, n in GROUPS))
    write(root, "vocabularies/forms.yaml", "residential: {name: pobytová}\noutpatient: {name: ambulantní}\nfield: {name: terénní}\n")
    write(root, "vocabularies/capacity-units.yaml", "clients: {name: klienti}\nbeds: {name: lůžka}\n")
    write(root, "vocabularies/languages.yaml", "cs: {name: čeština}\nen: {name: angličtina}\nuk: {name: ukrajinština}\n")
    regions = [f"kraj-{r}" for r in range(14)]
    districts = [f"okres-{d}" for d in range(77)]
    for r in regions:
        write(root, f"localities/{r}.yaml", f"name: Kraj {r[5:]}\nlevel: region\n")
    for i, d in enumerate(districts):
        write(root, f"localities/{d}.yaml", f"name: Okres {i}\nlevel: district\nparent: {regions[i % 14]}\n")
    towns = [f"obec-{m}" for m in range(municipalities)]
    for i, t in enumerate(towns):
        lat, lon = 48.8 + rng.random() * 2, 12.5 + rng.random() * 6
        write(root, f"localities/{t}.yaml", f"name: Obec {i}\nlevel: municipality\nparent: {districts[i % 77]}\ncode: \"{500000 + i}\"\ncentroid: {{lat: {lat:.4f}, lon: {lon:.4f}}}\n")
    providers = [f"poskytovatel-{p}" for p in range(max(services // 3, 1))]
    for i, p in enumerate(providers):
        write(root, f"providers/{p}.yaml", (
            f"name: Poskytovatel {i} z.s.\nico: \"{ico(rng)}\"\nlegal_form: spolek\n"
            f"address: {{street: {rng.choice(STREETS)}, number: \"{rng.randrange(1, 999)}\", city: Obec {i % municipalities}, postcode: \"{rng.randrange(100, 799)} {rng.randrange(10, 99)}\"}}\n"
            f"contacts: {{phone: +420 {rng.randrange(200, 999)} {rng.randrange(100, 999)} {rng.randrange(100, 999)}, email: info{i}@example.org, web: https://p{i}.example.org}}\n"
            f"description: Poskytovatel sociálních služeb číslo {i}.\nverified: 2026-0{rng.randrange(1, 10)}-15\n"))
    per_service = [1] * services
    for _ in range(max(locations - services, 0)):
        per_service[rng.randrange(services)] += 1
    registered = [t for t in TYPES if t[2]]
    related = [t for t in TYPES if not t[2]]
    for s in range(services):
        is_related = rng.random() < 0.1
        stype = rng.choice(related if is_related else registered)
        home = rng.randrange(municipalities)
        lines = [
            f"name: {stype[1]} {' '.join(rng.sample(WORDS, 2))} {s}",
            f"provider: {providers[s % len(providers)]}",
            f"kind: {'related' if is_related else 'registered'}",
            f"type: {stype[0]}",
        ]
        if not is_related:
            lines.append(f'registry_id: "{1000000 + s}"')
        lines += [
            f"summary: Služba pomáhá lidem v obci {home}.",
            f"forms: [{rng.choice(['outpatient', 'field', 'residential'])}]",
            f"target_groups: [{', '.join(g for g, _ in rng.sample(GROUPS, 2))}]",
            f"area: [{districts[home % 77]}]",
            f"capacity: {{count: {rng.randrange(5, 200)}, unit: clients}}",
            f"fees: {{paid: {rng.choice(['true', 'false'])}}}",
            "languages: [cs]",
            f"contacts: {{phone: +420 {rng.randrange(200, 999)} {rng.randrange(100, 999)} {rng.randrange(100, 999)}}}",
            "locations:",
        ]
        for k in range(per_service[s]):
            town = home if k == 0 else rng.randrange(municipalities)
            town = town if town % 77 == home % 77 else home
            secret = stype[0] == "azylove-domy" and rng.random() < 0.5
            lines += [
                f"  - name: Pracoviště {k + 1}",
                f"    address: {{street: {rng.choice(STREETS)}, number: \"{rng.randrange(1, 999)}\", city: Obec {town}, postcode: \"{rng.randrange(100, 799)} {rng.randrange(10, 99)}\"}}",
                f"    locality: {towns[town]}",
                f"    coordinates: {{lat: {48.8 + rng.random() * 2:.5f}, lon: {12.5 + rng.random() * 6:.5f}}}",
                f"    confidential: {'true' if secret else 'false'}",
                f"    wheelchair: {rng.choice(['true', 'false'])}",
                "    hours:",
                "      mon: 8:00-12:00, 13:00-16:00",
                "      wed: 8:00-12:00, 13:00-17:00",
                "      fri: 8:00-12:00",
            ]
        lines += [
            f"verified: 2026-{rng.randrange(1, 11):02d}-{rng.randrange(1, 28):02d}",
            "description: |",
            f"  {stype[1]} pro lidi, kteří potřebují {rng.choice(WORDS)} a {rng.choice(WORDS)}.",
            "  Přijďte bez objednání, nebo zavolejte.",
        ]
        write(root, f"services/sluzba-{s}.yaml", "\n".join(lines) + "\n")
    for i, (sid, title, types) in enumerate([
        ("ztrata-bydleni", "Přicházím o bydlení", ["azylove-domy", "noclehárny".replace("á", "a")]),
        ("dluhy", "Mám dluhy", ["odborne-socialni-poradenstvi"]),
        ("pece-o-blizkeho", "Starám se o blízkého", ["pecovatelska-sluzba", "odlehcovaci-sluzby"]),
        ("domaci-nasili", "Zažívám domácí násilí", ["intervencni-centra"]),
    ]):
        write(root, f"life-situations/{sid}.yaml", f"title: {title}\ntext: Rady pro situaci {title}.\ngathers: {{types: [{', '.join(types)}]}}\norder: {i}\n")


@contextmanager
def workspace(prefix: str) -> Iterator[Path]:
    """A scratch folder for a benchmark, removed afterwards. Inside the checkout (``.cache/``):
    on some machines /tmp is ten times slower for many small files."""
    (ROOT / ".cache").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=ROOT / ".cache", prefix=prefix) as tmp:
        yield Path(tmp)


def generate_national(root: Path, say: bool = True) -> None:
    """Write the national-size catalogue (6,700 services, 19,000 locations, 6,300 municipalities)."""
    start = time.perf_counter()
    generate(root, services=6700, locations=19000, municipalities=6300)
    if say:
        print(f"(generated the national catalogue in {time.perf_counter() - start:.1f} s: 6,700 services, 19,000 locations, 6,300 municipalities)")


def national_unless(given: Path | None, work: Path) -> Path:
    """Return the catalogue a benchmark measures: ``given``, or the national one generated into ``work``."""
    if given is not None:
        return given
    content = work / "national" / "content"
    generate_national(content)
    return content


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--services", type=int, default=6700)
    parser.add_argument("--locations", type=int, default=19000)
    parser.add_argument("--municipalities", type=int, default=6300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.services, args.locations, args.municipalities, args.seed)


if __name__ == "__main__":
    main()
