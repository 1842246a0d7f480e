"""Opening hours: the one definition (catalogue/index/opening.py) at fixed times, its JavaScript twin
(static/hours.js) against it in Chromium, and the "open now" line of a real page with a fixed clock.

Across midnight (a night shelter 18:00–7:00), on public holidays (Czech, from the holidays
library), in a dated closure and in a season.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from pathlib import Path

import pytest

from conftest import ROOT
from site_fixtures import OVERRIDES, build, serve
from sites import write_site

from catalogue.index.opening import (
    State,
    always_open,
    by_appointment,
    open_at_weekends,
    open_in_the_evening,
    public_holidays,
    schedule_data,
    state_at,
)
from catalogue.model.schedule import Schedule

CHROMIUM = Path("/usr/bin/chromium")
WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
HOLIDAYS = public_holidays("CZ", (2026, 2027))
CET, CEST = dt.timezone(dt.timedelta(hours=1)), dt.timezone(dt.timedelta(hours=2))

NIGHT = Schedule.model_validate({
    "label": "Noclehárna", **{day: "18:00-7:00" for day in WEEK}, "closed": ["2026-12-28–2026-12-30 (malování)"],
})
WORKER = Schedule.model_validate({
    "label": "Sociální pracovník", "mon": "9:00-12:00", "wed": "13:00-16:00, po domluvě",
    "seasons": [{"from": "1. 7.", "to": "31. 8.", "wed": "9:00-12:00", "note": "V létě jen ve středu."}],
})
OFFICE = Schedule.model_validate({
    "mon": "8:00-12:00, 13:00-16:00", "tue": "8:00-12:00", "fri": "8:00-12:00", "closed": ["23. 12.–1. 1. (vánoce)"],
})
RUN = Schedule.model_validate({"mon": "8:00-24:00", "tue": "0:00-12:00", "sun": "20:00-2:00", "holidays": "10:00-11:00"})
NONSTOP = Schedule.model_validate({day: "nonstop" for day in WEEK})
SCHEDULES = {"night": NIGHT, "worker": WORKER, "office": OFFICE, "run": RUN, "nonstop": NONSTOP}


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


@pytest.mark.parametrize(
    "name, moment, expected",
    [
        # across midnight: Monday's 18:00–7:00 is open on Monday at 23:00 and on Tuesday at 6:00, not at 7:00
        ("night", "2026-11-23 23:00", State(True, until=1860)),
        ("night", "2026-11-24 06:00", State(True, until=420)),
        ("night", "2026-11-24 07:00", State(False, next_day=0, next_at=1080)),
        ("night", "2026-11-23 17:59", State(False, next_day=0, next_at=1080)),
        # a closure: the night that began before it still ends in the morning; it opens on the 31st
        ("night", "2026-12-28 06:30", State(True, until=420)),
        ("night", "2026-12-29 10:00", State(False, next_day=2, next_at=1080, reason="closure", note="malování")),
        # a holiday: open all seven days, so open on Easter Monday too
        ("night", "2027-03-29 20:00", State(True, until=1860)),
        # a holiday closes a weekday office; visits by appointment are said
        ("worker", "2027-03-29 10:00", State(False, next_day=2, next_at=780, reason="holiday", appointment=True)),
        ("worker", "2026-11-25 14:00", State(True, until=960, appointment=True)),
        # a season: in July only on Wednesday morning
        ("worker", "2027-07-12 10:00", State(False, next_day=2, next_at=540)),
        ("worker", "2027-07-14 10:00", State(True, until=720)),
        # a yearly closure over New Year, then a holiday (1. 1.) and the weekend: back on Monday 4 January
        ("office", "2026-12-28 09:00", State(False, next_day=7, next_at=480, reason="closure", note="vánoce")),
        ("office", "2027-01-04 09:00", State(True, until=720)),
        # openings that continue one another; a Sunday night into Monday; hours of its own on a holiday
        ("run", "2026-11-23 09:00", State(True, until=2160)),
        ("run", "2026-11-23 01:00", State(True, until=120)),
        ("run", "2026-12-24 10:30", State(True, until=660)),
        ("nonstop", "2026-12-24 03:00", State(True, until=None)),
    ],
)
def test_open_at_fixed_times(name, moment, expected):
    assert state_at(SCHEDULES[name], at(moment), HOLIDAYS) == expected


def test_the_search_filters_read_the_same_definition():
    assert open_in_the_evening(NIGHT) and open_at_weekends(NIGHT) and not always_open(NIGHT)
    assert not open_in_the_evening(OFFICE) and not open_at_weekends(OFFICE)
    assert by_appointment(WORKER) and not by_appointment(OFFICE)
    friday_night = Schedule.model_validate({"fri": "20:00-2:00"})
    assert open_at_weekends(friday_night) and open_in_the_evening(friday_night)  # Saturday from midnight to 2:00
    assert always_open(NONSTOP)


def test_czech_and_polish_public_holidays_come_from_the_library():
    assert {dt.date(2026, 12, 24), dt.date(2027, 3, 26), dt.date(2027, 3, 29), dt.date(2026, 9, 28)} <= HOLIDAYS
    polish = public_holidays("PL", (2026,))
    assert dt.date(2026, 5, 3) in polish and dt.date(2026, 5, 3) not in HOLIDAYS  # Constitution Day
    assert dt.date(2026, 11, 17) in HOLIDAYS and dt.date(2026, 11, 17) not in polish


# --- the browser's twin ---------------------------------------------------------------

DATES = [
    dt.date(2026, 11, 22) + dt.timedelta(days=n) for n in range(3)
] + [dt.date(2026, 12, 22) + dt.timedelta(days=n) for n in range(14)] + [
    dt.date(2027, 3, 28), dt.date(2027, 3, 29), dt.date(2027, 6, 30), dt.date(2027, 7, 1), dt.date(2027, 7, 5),
    dt.date(2027, 7, 13), dt.date(2027, 7, 14), dt.date(2027, 8, 31), dt.date(2027, 9, 1),
]


def js_state(state: State) -> dict:
    out = asdict(state)
    return {"open": out["open"], "until": out["until"], "nextDay": out["next_day"], "nextAt": out["next_at"],
            "reason": out["reason"], "note": out["note"], "appointment": out["appointment"]}


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (Debian: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def chromium_page(browser):
    page = browser.new_page()
    page.set_content("<!DOCTYPE html><html><body></body></html>")
    page.add_script_tag(path=str(ROOT / "static/hours.js"))
    yield page
    page.close()


def test_the_browser_twin_agrees_with_python_every_half_hour(chromium_page):
    """Every schedule above, every half hour of 26 days around midnights, holidays, closures and seasons."""
    holidays = sorted(d.isoformat() for d in HOLIDAYS)
    cases, expected = [], []
    for name, schedule in SCHEDULES.items():
        data = schedule_data(schedule)
        for day in DATES:
            for minute in range(0, 24 * 60, 30):
                moment = dt.datetime.combine(day, dt.time(minute // 60, minute % 60))
                cases.append({"s": name, "at": {"y": day.year, "m": day.month, "d": day.day, "min": minute}})
                expected.append(js_state(state_at(schedule, moment, HOLIDAYS)))
    data = {name: schedule_data(s) for name, s in SCHEDULES.items()}
    got = chromium_page.evaluate(
        "([cases, data, holidays]) => cases.map(c => window.CatalogueHours.state(data[c.s], c.at, holidays))",
        [cases, data, holidays],
    )
    differ = [(c, e, g) for c, e, g in zip(cases, expected, got) if e != g]
    assert len(got) == len(cases) > 5000
    assert differ == []


# --- the page, with a fixed clock --------------------------------------------------------

NIGHT_SHELTER = """\
name: Noclehárna Lysá
provider: charita-lysa
kind: registered
type: azylove-domy
registry_id: "7777777"
forms: [residential]
target_groups: [osoby-bez-pristresi]
area: [lysa]
contacts: {phone: "+420 325 000 333"}
locations:
  - name: Noclehárna
    address: {street: Nádražní, number: "5", city: Lysá nad Labem, postcode: "289 22"}
    locality: lysa
    hours:
      - label: Noclehárna
        mon: 18:00-7:00
        tue: 18:00-7:00
        wed: 18:00-7:00
        thu: 18:00-7:00
        fri: 18:00-7:00
        sat: 18:00-7:00
        sun: 18:00-7:00
        closed: [2026-12-28–2026-12-30 (malování)]
      - label: Sociální pracovník
        mon: 9:00-12:00
        wed: 13:00-16:00, po domluvě
        seasons:
          - {from: 1. 7., to: 31. 8., wed: 9:00-12:00, note: V létě jen ve středu.}
verified: 2026-10-01
description: Přenocování pro lidi bez domova.
"""


@pytest.fixture(scope="module")
def shelter_site(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("night-shelter")
    content = write_site(root / "content", {**OVERRIDES, "services/nocleharna-lysa.yaml": NIGHT_SHELTER})
    return serve(build(content, root / "public")) + "sluzby/nocleharna-lysa/"


OPEN_NOW = {  # Prague time → the two lines, the shelter's and the social worker's
    dt.datetime(2026, 11, 23, 23, 0, tzinfo=CET): [
        "Noclehárna: Nyní otevřeno, do zítřka do 7:00.",
        "Sociální pracovník: Nyní zavřeno; otevírá ve středu v 13:00. Jindy po domluvě.",
    ],
    dt.datetime(2026, 11, 24, 6, 0, tzinfo=CET): [
        "Noclehárna: Nyní otevřeno, do 7:00.",
        "Sociální pracovník: Nyní zavřeno; otevírá zítra v 13:00. Jindy po domluvě.",
    ],
    dt.datetime(2026, 11, 24, 7, 0, tzinfo=CET): [
        "Noclehárna: Nyní zavřeno; otevírá dnes v 18:00.",
        "Sociální pracovník: Nyní zavřeno; otevírá zítra v 13:00. Jindy po domluvě.",
    ],
    dt.datetime(2026, 12, 29, 10, 0, tzinfo=CET): [
        "Noclehárna: Mimořádně zavřeno (malování). Nyní zavřeno; otevírá ve čtvrtek v 18:00.",
        "Sociální pracovník: Nyní zavřeno; otevírá zítra v 13:00. Jindy po domluvě.",
    ],
    dt.datetime(2027, 3, 29, 10, 0, tzinfo=CEST): [
        "Noclehárna: Nyní zavřeno; otevírá dnes v 18:00.",
        "Sociální pracovník: Dnes je státní svátek. Nyní zavřeno; otevírá ve středu v 13:00. Jindy po domluvě.",
    ],
    dt.datetime(2027, 7, 12, 10, 0, tzinfo=CEST): [
        "Noclehárna: Nyní zavřeno; otevírá dnes v 18:00.",
        "Sociální pracovník: Nyní zavřeno; otevírá ve středu v 9:00.",
    ],
}


@pytest.mark.parametrize("when", OPEN_NOW, ids=lambda d: d.strftime("%Y-%m-%d %H:%M"))
def test_open_now_on_the_page_across_midnight_on_a_holiday_and_in_a_closure(shelter_site, browser, when):
    context = browser.new_context(timezone_id="UTC")  # the script uses the catalogue's time zone, not the visitor's
    page = context.new_page()
    page.clock.set_fixed_time(when)
    page.goto(shelter_site)
    page.locator(".open-now").first.wait_for(state="visible")
    assert page.locator(".open-now").all_inner_texts() == OPEN_NOW[when]
    context.close()


def test_search_documents_carry_the_hours_filters_and_the_schedules(tmp_path):
    import json

    from catalogue.index import publishable
    from catalogue.search.corpus import build_documents
    from catalogue.validate.cache import RecordCache
    from catalogue.validate.stage import check_content

    content = write_site(tmp_path / "content", {**OVERRIDES, "services/nocleharna-lysa.yaml": NIGHT_SHELTER})
    cat = publishable(check_content(content, cache=RecordCache(None)).catalogue)
    docs = {d.id: d for d in build_documents(cat, lambda text: text)}
    assert docs["nocleharna-lysa"].filters["hours"] == ["evening", "weekend", "appointment"]
    assert docs["klub-senioru-milovice"].filters["hours"] == ["evening", "weekend", "nonstop"]
    assert "hours" not in docs["azylovy-dum-lysa"].filters  # Monday and Tuesday office hours only
    night, worker = json.loads(docs["nocleharna-lysa"].meta["hours"])
    assert night == schedule_data(NIGHT) and worker["label"] == "Sociální pracovník"
