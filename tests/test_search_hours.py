"""Whose opening hours search counts (catalogue/search/hours.py), the browser's hours file, and the command line's options."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import ROOT, run_cli

from catalogue.index.opening import schedule_data
from catalogue.model.records import Service
from catalogue.search.documents import SearchDocument
from catalogue.search.hours import client_schedules, hours_file, hours_filter, is_office, local_time

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
        (["--open-now", "--at", "zítra večer"], '--at: "zítra večer" is not a time; write the local date and time as 2026-12-24T23:00'),
        (["--at", "2026-12-24T23:00"], "--at says when to be open: use it with --open-now"),
        (["--hours", "evenings"], '--hours: no hours "evenings" (did you mean "evening"?)'),
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
    assert text.startswith("open at 2026-11-23 23:00 (local time):")
