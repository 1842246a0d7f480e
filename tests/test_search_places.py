"""Filtering search by place: a service is found where it is located and wherever its area reaches.

A locality filter finds a service located in the place (or in a place within it) and
a service whose area covers the place (the area itself, a place around it, or a place
within it). The index does not list the places within an area — a region has a
thousand towns — but marks the area (``area:X``), and the filter asks for the place
and for the areas around it (``views.locality_filter``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.index import publishable
from catalogue.validate.stage import check_content
from catalogue.index import Catalogue
from catalogue.index.queries import locality_filter
from catalogue.model.records import Locality
from catalogue.render.i18n import translations
from catalogue.render.views import place_in
from catalogue.search.engine import SearchEngine
from sites import SERVICE, write_site

ROOT = Path(__file__).resolve().parents[1]

REGIONAL = SERVICE.replace("Azylový dům pro matky s dětmi", "Krajská linka pomoci").replace(
    'registry_id: "4139471"', 'registry_id: "7654321"'
).replace("area: [lysa, milovice]", "area: [kraj]").replace("locality: lysa", "locality: milovice").replace(
    "    confidential: true\n", ""
)


def expected_places(cat: Catalogue, service_id: str) -> set[str]:
    """The places a service is found in, by the rule the citizens read on the site."""
    s = cat.services[service_id]
    out: set[str] = set()
    for lid in [l.locality for l in s.locations] + cat.service_area(s):
        out.update([lid, *cat.ancestors(lid)])
    for area in cat.service_area(s):
        out.update(cat.descendants(area))
    return {lid for lid in out if lid in cat.localities}


def load(content: Path) -> Catalogue:
    loaded = check_content(content)
    assert not loaded.problems.has_errors(), [p.format() for p in loaded.problems.items]
    return publishable(loaded.catalogue)


@pytest.fixture(scope="module")
def fixture_catalogue(tmp_path_factory) -> Catalogue:
    root = tmp_path_factory.mktemp("places")
    return load(write_site(root / "content", {"services/krajska-linka.yaml": REGIONAL}))


@pytest.fixture(scope="module")
def demo_catalogue() -> Catalogue:
    return load(ROOT / "content")


def found(engine: SearchEngine, lid: str) -> set[str]:
    return {h.id for h in engine.search("", {"locality": [lid]}, limit=None).hits if h.record == "service"}


@pytest.mark.parametrize("which", ["fixture_catalogue", "demo_catalogue"])
def test_a_place_finds_what_is_there_and_what_serves_it(which, request):
    cat = request.getfixturevalue(which)
    engine = SearchEngine.for_catalogue(cat)
    for lid in sorted(cat.localities):
        wanted = {sid for sid in cat.services if lid in expected_places(cat, sid)}
        assert found(engine, lid) == wanted, lid


def test_a_regional_service_is_found_in_every_town_without_naming_them(fixture_catalogue):
    engine = SearchEngine.for_catalogue(fixture_catalogue)
    doc = next(d for d in engine.docs if d.id == "krajska-linka")
    assert doc.filters["locality"] == ["kraj", "area:kraj"]  # not okres, lysa, milovice, litol
    for town in ("lysa", "milovice", "litol", "okres", "kraj"):
        assert "krajska-linka" in found(engine, town)


@pytest.mark.parametrize("which", ["fixture_catalogue", "demo_catalogue"])
def test_each_service_matches_a_place_through_one_value_so_counts_add_up(which, request):
    """The search page shows, per place, the sum of Pagefind's counts of the place's values."""
    cat = request.getfixturevalue(which)
    engine = SearchEngine.for_catalogue(cat)
    services = [d for d in engine.docs if d.record == "service"]
    for lid in sorted(cat.localities):
        values = locality_filter(cat, lid)
        per_service = [len(set(values) & set(d.filters.get("locality", []))) for d in services]
        assert max(per_service) <= 1, lid
        assert sum(per_service) == len(found(engine, lid)), lid


@pytest.mark.parametrize(("level", "in_name", "said"), [
    ("municipality", "ve Staré Boleslavi", "ve Staré Boleslavi"),  # the editor's phrase wins
    ("municipality", None, "v obci Stará Boleslav"),
    ("city-district", None, "v městské části Stará Boleslav"),
    ("part", None, "v místní části Stará Boleslav"),
    ("neighbourhood", None, "ve čtvrti Stará Boleslav"),
    ("district", None, None),  # said before the count instead: "Stará Boleslav: 3 služby"
    ("region", None, None),
])
def test_a_place_is_said_in_the_locative_or_by_its_level(level, in_name, said):
    locality = Locality(id="x", name="Stará Boleslav", level=level, in_name=in_name)
    assert place_in(locality, translations("cs").gettext) == said
