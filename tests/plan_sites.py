"""A small community plan for the fixture catalogue of ``sites.py``: in public comment on the test day (2026-11-22).

``PLAN_FILES`` are overrides for :func:`sites.write_site`; tests replace single files
to make one failure each.
"""

from __future__ import annotations

from pathlib import Path

from site_fixtures import RELATED

PLAN = """\
title: Komunitní plán Testova 2025–2028
short_title: Plán 2025–2028
period: {start: 2025, end: 2028}
status: comment
area: [lysa, milovice]
commissioner: mesto-testov
contact: {email: planovani@example.org}
summary: Jak Testov zajistí pomoc seniorům a lidem bez domova.
text: |
  ## Vize
  Pomoc blízko domova.
organisations:
  mesto-testov: {name: Město Testov, web: https://testov.example.org}
funding_sources:
  kraj: {name: Krajská dotace}
  obec: {name: Rozpočet obce}
"""

PRIORITY_1 = """\
number: 1
title: Senioři doma
summary: Péče o seniory v jejich domácnosti.
"""

PRIORITY_2 = """\
number: 2
title: Bydlení
text: Lidé bez domova mají kam jít.
"""

MEASURE_1_1 = """\
number: 1.1
title: Pečovatelská služba o víkendu
summary: Pečovatelky přijdou i v sobotu a v neděli.
status: in_progress
target_groups: [seniori]
service_types: [pecovatelska-sluzba]
localities: [lysa]
services: [pecovatelska-sluzba-lysa]
responsible: charita-lysa
partners: [mesto-testov]
working_group: seniori
timeline: {start: 2025, end: 2026}
cost: 1200000
funding: [kraj, obec]
indicators:
  - name: Hodiny péče o víkendu
    unit: hodin za rok
    baseline: {year: 2024, value: 100}
    target: {year: 2026, value: 600}
    values: {2025: 250, 2026: 480}
activities:
  - title: Nábor pečovatelek
    responsible: charita-lysa
    deadline: 2025
    status: done
"""

MEASURE_2_1 = """\
number: 2.1
title: Azylový dům pro matky s dětmi
status: planned
target_groups: [rodiny-s-detmi, osoby-bez-pristresi]
service_types: [azylove-domy]
services: [azylovy-dum-lysa]
responsible: mesto-testov
indicators:
  - name: Lůžka v azylovém domě
    unit: lůžek
    baseline: {year: 2024, value: 12}
    target: {year: 2028, value: 18}
"""

MEASURE_2_2 = """\
number: 2.2
title: Poradna pro lidi v dluzích
status: done
responsible: charita-lysa
timeline: {start: 2025, end: 2025}
"""

ACTION_PLAN = """\
year: 2025
status: approved
approval: {body: Zastupitelstvo města Testov, resolution: 12/2024, date: 2024-12-10}
measures:
  - measure: 1.1
    activities: Víkendová péče v Lysé.
    cost: 600000
    funding: [{source: kraj, amount: 400000}, {source: obec, amount: 200000}]
network:
  include: registered
  services:
    - service: pecovatelska-sluzba-lysa
      capacity: {count: 40, unit: clients}
      funding: [{source: kraj, amount: 900000}]
"""

WORKING_GROUP = """\
name: Senioři
summary: Péče o seniory.
target_groups: [seniori]
coordinator: mesto-testov
members: [charita-lysa, mesto-testov]
meetings:
  - date: 2026-03-10
    title: Víkendová péče
    place: Radnice Testov
    minutes: |
      Přítomni zástupci dvou organizací.
  - date: 2026-06-02
    minutes_pdf: zapis-2026-06-02.pdf
"""

COMMENT_PERIOD = """\
title: Připomínky k návrhu plánu 2025–2028
opens: 2026-11-01
closes: 2026-12-15
draft: navrh-planu.pdf
office: Městský úřad Testov, podatelna
"""

CLOSED_PERIOD = """\
title: Připomínky k aktualizaci 2025
opens: 2025-09-01
closes: 2025-09-30
comments:
  - received: 2025-09-10
    organisation: charita-lysa
    measures: [1.1]
    text: Víkendová péče i v Milovicích.
    outcome: partly
    response: Milovice od roku 2027.
    changed: [1.1]
  - received: 2025-09-20
    text: Více laviček.
    outcome: rejected
    response: Nejde o sociální službu.
"""

NEWS_1 = """\
---
title: Návrh plánu k připomínkám
date: 2026-11-01
topic: comment_period
summary: Do 15. prosince můžete připomínkovat návrh plánu.
plan: 2025-2028
measures: [1.1]
---
Návrh plánu je na webu. Pište **připomínky**.
"""

NEWS_2 = """\
---
title: Nová víkendová péče
date: 2026-05-04
updated: 2026-05-06
topic: service
services: [pecovatelska-sluzba-lysa]
---
Pečovatelská služba v Lysé pracuje i o víkendu & svátcích.
"""


def pdf_bytes(title: str) -> bytes:
    """Return a small valid one-page PDF (made once per title by WeasyPrint)."""
    from weasyprint import HTML

    return HTML(string=f"<html lang='cs'><title>{title}</title><p>{title}</p></html>").write_pdf()


def plan_files() -> dict[str, str | bytes | None]:
    """Return the plan's files as overrides for ``write_site``."""
    return {
        "plans/2025-2028.yaml": PLAN,
        "plans/2025-2028/priorities/1.yaml": PRIORITY_1,
        "plans/2025-2028/priorities/2.yaml": PRIORITY_2,
        "plans/2025-2028/measures/1-1.yaml": MEASURE_1_1,
        "plans/2025-2028/measures/2-1.yaml": MEASURE_2_1,
        "plans/2025-2028/measures/2-2.yaml": MEASURE_2_2,
        "plans/2025-2028/action-plans/2025.yaml": ACTION_PLAN,
        "plans/2025-2028/working-groups/seniori.yaml": WORKING_GROUP,
        "plans/2025-2028/comment-periods/navrh.yaml": COMMENT_PERIOD,
        "plans/2025-2028/comment-periods/aktualizace-2025.yaml": CLOSED_PERIOD,
        "news/2026-11-01-navrh.md": NEWS_1,
        "news/2026-05-04-vikendy.md": NEWS_2,
        "files/navrh-planu.pdf": pdf_bytes("Návrh plánu"),
        "files/zapis-2026-06-02.pdf": pdf_bytes("Zápis"),
        "services/klub-senioru-milovice.yaml": RELATED,  # a related activity: in no measure, outside the network
    }


def write_plan_site(root: Path, overrides: dict[str, str | bytes | None] | None = None) -> Path:
    """Write the fixture catalogue with its plan under ``root``."""
    from sites import write_site

    return write_site(root, {**plan_files(), **(overrides or {})})
