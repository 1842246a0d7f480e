"""Tiny catalogues written by the tests themselves (one helper, many scenarios)."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

SITE = """\
title: Katalog Testov
language: cs
base_url: https://katalog.example.org/
organisation: {name: Město Testov}
contact: {email: katalog@example.org, phone: "+420 325 000 111"}
repository: {url: https://github.com/example/katalog}
"""

VOCABULARIES = {
    "service-types": """\
azylove-domy: {name: Azylové domy, paragraph: "57", group: prevention, description: Dočasné ubytování.}
odborne-socialni-poradenstvi: {name: Odborné sociální poradenství, paragraph: "37", group: counselling}
pecovatelska-sluzba: {name: Pečovatelská služba, paragraph: "40", group: care}
svepomocne-skupiny: {name: Svépomocné skupiny, group: related}
""",
    "target-groups": """\
senioři: {name: Senioři}
""".replace("senioři", "seniori")
    + """\
rodiny-s-detmi: {name: Rodiny s dětmi}
osoby-bez-pristresi: {name: Osoby bez přístřeší}
""",
    "forms": """\
residential: {name: pobytová}
outpatient: {name: ambulantní}
field: {name: terénní}
""",
    "capacity-units": """\
beds: {name: lůžka}
clients: {name: klienti}
""",
    "languages": """\
cs: {name: čeština, native: čeština}
uk: {name: ukrajinština, native: українська}
""",
}

LOCALITIES = {
    "kraj": "name: Středočeský kraj\nlevel: region\n",
    "okres": "name: Okres Nymburk\nlevel: district\nparent: kraj\n",
    "lysa": "name: Lysá nad Labem\nin_name: v Lysé nad Labem\nlevel: municipality\nparent: okres\ncentroid: {lat: 50.2016, lon: 14.8329}\n",
    "milovice": "name: Milovice\nlevel: municipality\nparent: okres\n",
    "litol": "name: Litol\nlevel: part\nparent: lysa\n",
}

PROVIDER = """\
name: Charita Lysá
ico: "00845451"
legal_form: církevní právnická osoba
address: {street: Husova, number: "12", city: Lysá nad Labem, postcode: "289 22"}
contacts: {phone: +420 325 551 234, email: charita@example.org, web: https://charita.example.org}
description: Charita pomáhá lidem v nouzi.
verified: 2026-09-01
"""

SERVICE = """\
name: Azylový dům pro matky s dětmi
provider: charita-lysa
kind: registered
type: azylove-domy
registry_id: "4139471"
forms: [residential]
target_groups: [rodiny-s-detmi, osoby-bez-pristresi]
age: {min: 18}
area: [lysa, milovice]
capacity: [{count: 12, unit: beds}]
fees: {paid: true, text: "Ubytování 150 Kč za den"}
languages: [cs, uk]
contacts: {phone: "+420 325 551 234", email: azyl@example.org}
locations:
  - address: {city: Lysá nad Labem}
    locality: lysa
    # no street, number, postcode or coordinates: the place is confidential
    confidential: true
    wheelchair: false
    hours:
      mon: 8:00-12:00, 13:00-16:00
      tue: 8:00-12:00
life_situations: [ztrata-bydleni]
verified: 2026-09-01
description: |
  Azylový dům poskytuje dočasné ubytování matkám s dětmi.
"""

SERVICE_2 = """\
name: Pečovatelská služba Lysá
provider: charita-lysa
kind: registered
type: pecovatelska-sluzba
registry_id: "1234567"
forms: [field]
target_groups: [seniori]
area: [lysa]
locations:
  - name: Středisko
    address: {street: Husova, number: "12", city: Lysá nad Labem, postcode: "289 22"}
    locality: litol
    wheelchair: true
    hours: {mon: 7:00-15:30, tue: 7:00-15:30}
verified: 2026-10-01
description: Pomoc seniorům v domácnosti.
"""

LIFE_SITUATION = """\
title: Přicházím o bydlení
text: |
  Co dělat, když přicházíte o bydlení.
gathers: {types: [azylove-domy]}
"""

PAGE = """\
---
title: O katalogu
nav: true
---
Tento katalog vydává **Město Testov**.
"""


def write_site(root: Path, overrides: dict[str, str | None] | None = None) -> Path:
    """Write a small valid catalogue under ``root``; ``overrides`` replace or (None) delete files."""
    files: dict[str, str | None] = {
        "site.yaml": SITE,
        "providers/charita-lysa.yaml": PROVIDER,
        "services/azylovy-dum-lysa.yaml": SERVICE,
        "services/pecovatelska-sluzba-lysa.yaml": SERVICE_2,
        "life-situations/ztrata-bydleni.yaml": LIFE_SITUATION,
        "pages/o-katalogu.md": PAGE,
    }
    files.update({f"vocabularies/{name}.yaml": text for name, text in VOCABULARIES.items()})
    files.update({f"localities/{name}.yaml": text for name, text in LOCALITIES.items()})
    files.update(overrides or {})
    for rel, text in files.items():
        path = root / rel
        if text is None:
            if path.exists():
                path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return root


def dedent(text: str) -> str:
    return textwrap.dedent(text)


def edit_keeping_size_and_time(content: Path, rel: str = "services/azylovy-dum-lysa.yaml") -> None:
    """Edit a service file as ``cp -p`` or ``touch -d`` would leave it: the same size, its old modification time put back.

    Its kind becomes "registerez" (an error); only its change time, which nobody can set back, tells the edit.
    """
    path = content / rel
    before = os.stat(path)
    edited = SERVICE.replace("kind: registered", "kind: registerez")
    assert len(edited.encode()) == before.st_size
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (os.stat(path).st_size, os.stat(path).st_mtime_ns) == (before.st_size, before.st_mtime_ns)
