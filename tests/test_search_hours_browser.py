"""The search page's opening-hours filters in headless Chromium with a fixed clock, against the command line.

"Open now" is worked out in the browser at the moment of the query (static/hours.js over
search/hours.json) and by ``build.py search --open-now --at`` from the same definition
(catalogue/index/opening.py): across midnight (a night shelter), on a Czech public
holiday, in a dated closure; an office's schedule beside the care's does not count.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import run_cli
from site_fixtures import OVERRIDES, build, serve
from sites import write_site
from test_opening_hours import NIGHT_SHELTER
from test_site_browser import axe, browser  # noqa: F401 - fixture

from catalogue.index import publishable
from catalogue.search.engine import SearchEngine
from catalogue.search.hours import open_documents
from catalogue.validate.cache import RecordCache
from catalogue.validate.stage import check_content

HOME_CARE = """\
name: Domácí péče Labe
provider: charita-lysa
kind: registered
type: pecovatelska-sluzba
registry_id: "7777778"
forms: [field]
target_groups: [seniori]
area: [lysa]
locations:
  - name: Středisko
    address: {street: Masarykova, number: "3", city: Lysá nad Labem, postcode: "289 22"}
    locality: lysa
    hours:
      - label: Kancelář
        mon: 7:00-15:30
        tue: 7:00-15:30
        wed: 7:00-15:30
        thu: 7:00-15:30
        fri: 7:00-15:30
      - label: Péče u klientů doma
        attending: at-home
        mon: 8:00-20:00
        tue: 8:00-20:00
        wed: 8:00-20:00
        thu: 8:00-20:00
        fri: 8:00-20:00
        sat: 8:00-18:00
        sun: 8:00-18:00
verified: 2026-10-01
description: Péče o seniory v jejich domácnosti.
"""

COUNSELLING = """\
name: Poradna Lysá
provider: charita-lysa
kind: registered
type: odborne-socialni-poradenstvi
registry_id: "7777779"
forms: [outpatient]
target_groups: [seniori]
area: [lysa]
contacts: {phone: "+420 325 000 444"}
locations:
  - address: {street: Husova, number: "1", city: Lysá nad Labem, postcode: "289 22"}
    locality: lysa
    hours: {mon: 8:00-16:00, tue: 8:00-16:00, wed: 8:00-16:00, thu: 8:00-16:00, fri: 8:00-16:00}
verified: 2026-10-01
description: Rady v tíživé situaci.
"""

FILES = {
    **OVERRIDES,
    "services/nocleharna-lysa.yaml": NIGHT_SHELTER,
    "services/domaci-pece-labe.yaml": HOME_CARE,
    "services/poradna-lysa.yaml": COUNSELLING,
}
PRAGUE_WINTER = dt.timezone(dt.timedelta(hours=1))

#: Local time → the services open then (their page names).
OPEN_AT = {
    # Monday night: the shelter and the nonstop club; the home care ended at 20:00, the offices long before
    "2026-11-23T23:00": ["klub-senioru-milovice", "nocleharna-lysa"],
    # Tuesday 6:00: the shelter's Monday night still runs; the care starts at 8:00
    "2026-11-24T06:00": ["klub-senioru-milovice", "nocleharna-lysa"],
    # Monday 7:30: the home care's office is open, its care not yet: not open for a person in need (the other
    # home care has one schedule, unlabelled: its hours count)
    "2026-11-23T07:30": ["klub-senioru-milovice", "pecovatelska-sluzba-lysa"],
    # Monday 17:00: the care at home counts though its office has closed
    "2026-11-23T17:00": ["domaci-pece-labe", "klub-senioru-milovice"],
    # an ordinary Thursday morning, then Christmas Eve (a public holiday): the counselling office is closed
    # on it, the care open every day of the week keeps its hours
    "2026-12-17T10:00": ["domaci-pece-labe", "klub-senioru-milovice", "poradna-lysa"],
    "2026-12-24T10:00": ["domaci-pece-labe", "klub-senioru-milovice"],
    # the shelter's dated closure (28.–30. 12., painting), and the night before it
    "2026-12-29T23:00": ["klub-senioru-milovice"],
    "2026-12-27T23:00": ["klub-senioru-milovice", "nocleharna-lysa"],
}


@pytest.fixture(scope="module")
def hours_site(tmp_path_factory) -> tuple[Path, Path, str]:
    root = tmp_path_factory.mktemp("hours-site")
    content = write_site(root / "content", FILES)
    public = build(content, root / "public")
    return content, public, serve(public)


@functools.cache
def engine_for(content: Path) -> tuple[object, SearchEngine]:
    cat = publishable(check_content(content, cache=RecordCache(None)).catalogue)
    return cat, SearchEngine.for_catalogue(cat)


def command_line(content: Path, query: str, filters: dict[str, list[str]], at: str | None) -> list[str]:
    """What ``build.py search`` finds: the services' ids, in order."""
    cat, engine = engine_for(content)
    only = None if at is None else open_documents(cat, engine.docs, dt.datetime.fromisoformat(at))
    return [h.id for h in engine.search(query, filters, limit=None, only=only).hits]


def page_at(browser, at: str, width: int = 1280):  # noqa: F811 - fixture
    """A page whose clock stands still at ``at``, Prague time (the visitor's own zone is UTC: the script uses the catalogue's)."""
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="cs-CZ", timezone_id="UTC")
    page = context.new_page()
    page.clock.set_fixed_time(dt.datetime.fromisoformat(at).replace(tzinfo=PRAGUE_WINTER))
    return context, page


def found(page) -> list[str]:
    page.wait_for_selector("#search-app[data-state=done]")
    hrefs = page.eval_on_selector_all("#search-results li h2 a", "els => els.map(e => new URL(e.href).pathname)")
    return [h.strip("/").split("/")[-1] for h in hrefs]


@pytest.mark.parametrize("at", OPEN_AT)
def test_open_now_in_the_browser_is_the_command_lines_at_the_same_moment(browser, hours_site, at):  # noqa: F811
    content, _, base = hours_site
    context, page = page_at(browser, at)
    page.goto(base + "hledat/?open=now")
    assert sorted(found(page)) == OPEN_AT[at]
    assert found(page) == command_line(content, "", {}, at)
    context.close()


def test_the_command_line_option_says_the_same(hours_site):
    content, _, _ = hours_site
    for at, expected in OPEN_AT.items():
        result = run_cli("search", "--content", content, "--open-now", "--at", at, "--json", "--limit", "50")
        data = json.loads(result.out)
        assert sorted(r["id"] for r in data["results"]) == expected, at
        assert data["at"] == at and data["open_now"] is True


def test_a_query_with_open_now_and_the_summary_in_words(browser, hours_site):  # noqa: F811
    content, _, base = hours_site
    context, page = page_at(browser, "2026-11-23T23:00")
    page.goto(base + "hledat/?q=noclehárna&open=now&locality=lysa")
    assert found(page) == command_line(content, "noclehárna", {"locality": ["lysa", "area:okres", "area:kraj"]}, "2026-11-23T23:00")
    assert found(page) == ["nocleharna-lysa"]
    assert page.text_content("#search-status") == "1 služba otevřená nyní pro „noclehárna“ v Lysé nad Labem"
    page.goto(base + "hledat/?open=now")
    assert len(found(page)) == 2  # waits for the search to finish: the status says "Hledám…" until then
    assert page.text_content("#search-status").startswith("2 služby otevřené nyní")
    context.close()


def test_each_result_says_its_hours_in_the_words_of_the_service_page(browser, hours_site):  # noqa: F811
    content, _, base = hours_site
    context, page = page_at(browser, "2026-11-23T17:00")
    page.goto(base + "hledat/?q=lysá")
    found(page)
    lines = dict(page.eval_on_selector_all(
        "#search-results li",
        "lis => lis.map(li => [li.querySelector('h2 a').textContent, (li.querySelector('.open-now') || {}).textContent || ''])",
    ))
    assert lines["Domácí péče Labe"] == "Péče u klientů doma: Nyní otevřeno, do 20:00."  # not the closed office
    assert lines["Poradna Lysá"] == "Nyní zavřeno; otevírá zítra v 8:00."
    assert lines["Noclehárna Lysá"] == "Noclehárna: Nyní zavřeno; otevírá dnes v 18:00."
    data = json.loads(run_cli("search", "--content", content, "lysá", "--at", "2026-11-23T17:00", "--json", "--limit", "50").out)
    assert {r["title"]: r["hours_now"] for r in data["results"] if r.get("hours_now")} == {k: v for k, v in lines.items() if v}
    # the service page says the same at the same moment
    page.goto(base + "sluzby/domaci-pece-labe/")
    page.locator(".open-now").first.wait_for(state="visible")
    assert "Péče u klientů doma: Nyní otevřeno, do 20:00." in page.locator(".open-now").all_inner_texts()
    context.close()


@pytest.mark.parametrize(
    "when, expected",
    [("evening", ["domaci-pece-labe", "klub-senioru-milovice", "nocleharna-lysa"]),
     ("weekend", ["domaci-pece-labe", "klub-senioru-milovice", "nocleharna-lysa"]),
     ("nonstop", ["klub-senioru-milovice"]),
     ("appointment", ["nocleharna-lysa"])],
)
def test_evening_weekend_nonstop_and_appointment_filters(browser, hours_site, when, expected):  # noqa: F811
    content, _, base = hours_site
    context, page = page_at(browser, "2026-11-23T12:00")
    page.goto(base + "hledat/")
    page.wait_for_selector("#search-app[data-state=done]")
    page.click("#search-facets summary")
    page.check(f"input[name=hours][value={when}]")
    page.wait_for_function(f"location.search.includes('hours={when}')")
    assert sorted(found(page)) == expected
    assert found(page) == command_line(content, "", {"hours": [when]}, None)
    context.close()


def test_chips_are_removable_and_the_filters_live_in_the_address(browser, hours_site):  # noqa: F811
    _, _, base = hours_site
    context, page = page_at(browser, "2026-11-23T23:00", width=360)
    page.goto(base + "hledat/?open=now&hours=weekend&q=senio")
    found(page)
    assert page.evaluate("document.querySelector('#search-facets').open") is False  # a phone: results first
    chips = page.locator("#search-chips button.chip:not(.chip-clear)")
    assert chips.all_text_contents() == ["otevřeno nyní ×", "o víkendu ×"]
    assert page.text_content("#search-status").endswith(", otevřeno: o víkendu")
    chips.first.click()
    page.wait_for_function("!location.search.includes('open=')")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["senio"], "hours": ["weekend"]}
    assert "klub-senioru-milovice" in found(page)
    page.go_back()
    page.wait_for_function("location.search.includes('open=now')")
    assert page.locator("#search-chips button.chip:not(.chip-clear)").count() == 2
    context.close()


@pytest.mark.parametrize("width", [320, 1280])
def test_no_overflow_and_no_axe_violation_with_every_hours_filter(browser, hours_site, width):  # noqa: F811
    _, _, base = hours_site
    context, page = page_at(browser, "2026-12-24T10:00", width=width)
    page.goto(base + "hledat/?open=now&hours=evening&hours=weekend&hours=nonstop&hours=appointment&locality=lysa")
    page.wait_for_selector("#search-app[data-state=done]")
    if not page.evaluate("document.querySelector('#search-facets').open"):
        page.click("#search-facets summary")
    page.wait_for_timeout(200)
    scroll, client = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client
    assert axe(page) == []
    page.goto(base + "hledat/?open=now&q=qwxzqwxz")  # nothing open found: the empty state
    page.wait_for_selector("#search-app[data-state=done]")
    assert axe(page) == []
    context.close()
