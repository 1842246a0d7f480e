"""Whose opening hours search counts (catalogue/search/hours.py), the browser's hours file, and the command line's options."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import ROOT, run_cli
from test_opening_hours import browser, chromium_page  # noqa: F401 - fixtures

from catalogue.index.opening import schedule_data
from catalogue.model.records import Service
from catalogue.search.documents import SearchDocument
from catalogue.search.hours import client_schedules, hours_file, hours_filter, hours_line, is_office, local_time

DEMO = ROOT / "content"


def service(hours_by_place: list) -> Service:
    return Service.model_validate({
        "id": "s", "name": "Služba", "provider": "p", "kind": "registered", "type": "t", "target_groups": ["g"],
        "verified": "2026-10-01", "description": "Pomoc seniorům doma.",
        "locations": [{"address": {"city": "Lysá nad Labem"}, "locality": "lysa", "hours": h} for h in hours_by_place],
    })


OFFICE = {"label": "Kancelář", "mon": "7:00-15:30", "tue": "7:00-15:30"}
CARE = {"label": "Péče u klientů doma", "attending": "at-home", "mon": "6:30-20:00", "sat": "8:00-12:00"}
HELPLINE = {"label": "Telefon o víkendu", "attending": "phone", "sun": "8:00-12:00"}


def test_an_office_beside_the_care_does_not_count_but_an_office_alone_does():
    labels = [s.label for s in client_schedules(service([[OFFICE, CARE, HELPLINE], [OFFICE]]))]
    assert labels == ["Péče u klientů doma", "Telefon o víkendu", "Kancelář"]  # the second place has only its office
    assert is_office(client_schedules(service([[dict(OFFICE, label="Úřední hodiny")]]))[0])
    assert not is_office(client_schedules(service([[CARE]]))[0])


def test_the_filters_read_the_counted_schedules_only():
    evening_office = dict(OFFICE, mon="7:00-19:00")  # an office open late: paperwork, not help
    assert hours_filter(service([[evening_office, HELPLINE]])) == ["weekend"]
    assert hours_filter(service([[evening_office]])) == ["evening"]
    assert hours_filter(service([[OFFICE, CARE]])) == ["evening", "weekend"]


def test_the_hours_file_writes_each_distinct_schedule_once():
    shared = json.dumps([schedule_data(client_schedules(service([[CARE]]))[0])])
    docs = [SearchDocument(f"/s{n}/", "service", f"s{n}", "S", "", {}, {"hours": shared}) for n in range(3)]
    docs.insert(1, SearchDocument("/p/", "provider", "p", "P", "", {}, {}))
    data = hours_file(docs)
    assert len(data["schedules"]) == 1 and data["docs"] == [[0, [0]], [2, [0]], [3, [0]]]


def test_local_time_is_the_catalogues_wall_clock():
    assert local_time("CZ", dt.datetime(2026, 12, 24, 22, 0, tzinfo=dt.timezone.utc)) == dt.datetime(2026, 12, 24, 23, 0)
    assert local_time("CZ", dt.datetime(2026, 7, 1, 9, 30, 15)) == dt.datetime(2026, 7, 1, 9, 30)  # already local


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--open-now", "--at", "zítra večer"], "--at: „zítra večer“ není čas; napište místní datum a čas jako 2026-12-24T23:00"),
        (["--hours", "evenings"], "--hours: otevírací doba „evenings“ neexistuje (nemysleli jste „evening“?)"),
    ],
)
def test_bad_hours_options_get_a_clear_message(arguments, message):
    result = run_cli("search", "--content", DEMO, *arguments, "noclehárna")
    assert result.code == 2
    assert result.err.strip().splitlines()[-1].endswith(message)


def test_open_now_on_the_command_line_at_a_fixed_time():
    night = json.loads(run_cli("search", "--content", DEMO, "--open-now", "--at", "2026-11-23T23:00", "--json", "--limit", "99").out)
    day = json.loads(run_cli("search", "--content", DEMO, "--open-now", "--at", "2026-11-23T10:00", "--json", "--limit", "99").out)
    assert "nocleharna-nymburk" in {r["id"] for r in night["results"]}
    assert "nocleharna-nymburk" not in {r["id"] for r in day["results"]}
    assert 0 < night["total"] < day["total"]
    text = run_cli("search", "--content", DEMO, "--open-now", "--at", "2026-11-23T23:00", "noclehárna").out
    assert text.startswith("otevřeno 2026-11-23 23:00 (místního času):")
    assert "     Nyní otevřeno, do zítřka do 7:00.\n" in text  # the hours line, as the page says it


def test_json_results_carry_readable_hours_not_the_browsers_encoding():
    data = json.loads(run_cli("search", "--content", DEMO, "noclehárna", "--at", "2026-12-24T06:30", "--json", "--limit", "1").out)
    shelter = data["results"][0]
    assert data["at"] == "2026-12-24T06:30" and data["open_now"] is False
    assert "hours" not in shelter  # the JSON string of minutes the browser reads
    assert shelter["hours_now"] == "Nyní otevřeno, do 7:00."
    assert shelter["schedules"][0]["mon"] == [{"opens": "19:00", "closes": "07:00", "next_day": True}]  # as the open data


def test_the_hours_line_is_the_browsers_sentence_for_sentence(chromium_page):
    """hours.hours_line (the command line's results) against static/hours.js's line, every hour of 26 days."""
    from test_opening_hours import DATES, HOLIDAYS, SCHEDULES

    from catalogue.render.context import hours_text
    from catalogue.render.i18n import translations

    text = hours_text(translations("cs").gettext, "CZ", "cs", dt.date(2026, 11, 1))
    cases, expected = [], []
    for name, schedule in SCHEDULES.items():
        for day in DATES:
            for hour in range(24):
                moment = dt.datetime.combine(day, dt.time(hour, 15))
                cases.append({"s": name, "at": {"y": day.year, "m": day.month, "d": day.day, "min": hour * 60 + 15}})
                expected.append(hours_line(text, schedule, moment, HOLIDAYS))
    data = {name: schedule_data(s) for name, s in SCHEDULES.items()}
    got = chromium_page.evaluate(
        "([cases, data, t]) => cases.map(c => window.CatalogueHours.line(t, data[c.s], c.at))", [cases, data, text]
    )
    differ = [(c, e, g) for c, e, g in zip(cases, expected, got) if e != g]
    assert differ == [] and len(set(expected)) > 20
