"""Confidential places (shelters): nothing that leads to them is in the content, and every output names only the municipality.

``check`` refuses a street, number, postcode, coordinates or notes on a confidential
location (tests/test_check.py, each with its message and position); here a shelter
written as the guide says, in a village part, is followed through every output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli
from html_tree import find, find_all, json_ld, links, page, text
from sites import SERVICE

from catalogue.index import publishable
from catalogue.model.records import Address, Coordinates
from catalogue.outputs.print.entries import place_entry
from catalogue.search.corpus import build_documents
from catalogue.validate.cache import RecordCache
from catalogue.validate.stage import check_content

IN_PART = SERVICE.replace("    locality: lysa\n", "    locality: litol\n", 1)


@pytest.fixture(scope="module")
def shelter(tmp_path_factory) -> tuple[Path, Path]:
    """The fixture catalogue with its shelter in Litol, a part of Lysá nad Labem; built."""
    from sites import write_site

    root = tmp_path_factory.mktemp("confidential")
    content = write_site(root / "content", {"services/azylovy-dum-lysa.yaml": IN_PART})
    out = root / "public"
    result = run_cli("build", "--content", content, "--out", out)
    assert result.code == 0, result.out + result.err
    return content, out


def catalogue(content: Path):
    loaded = check_content(content, cache=RecordCache(None))
    assert not loaded.problems.has_errors()
    return loaded.catalogue


def test_the_part_is_never_named_and_its_page_does_not_list_the_shelter(shelter):
    _, out = shelter
    def located(path: str) -> list[str]:
        section = next(s for s in find_all(page(out / path), "section") if s.get("aria-labelledby") == "h-located")
        return links(section)

    assert not [u for u in located("lokality/litol/index.html") if "azylovy-dum-lysa" in u]  # "a place here": no
    assert [u for u in located("lokality/lysa/index.html") if u.endswith("sluzby/azylovy-dum-lysa/")]
    service = page(out / "sluzby/azylovy-dum-lysa/index.html")
    place = find(service, "div", class_="location")
    assert text(find(place, "h3")) == "Lysá nad Labem" and "Litol" not in text(place)
    assert not [u for u in links(place) if "lokality/litol" in u]


def test_json_ld_names_the_municipality_only(shelter):
    _, out = shelter
    (data,) = json_ld(page(out / "sluzby/azylovy-dum-lysa/index.html"))
    place = data["availableChannel"][0]["serviceLocation"]
    assert place["address"] == {"@type": "PostalAddress", "addressCountry": "CZ", "addressLocality": "Lysá nad Labem"}


def test_the_page_has_no_edit_link_to_the_file(shelter):
    _, out = shelter
    footer = find(page(out / "sluzby/azylovy-dum-lysa/index.html"), "footer", class_="record")
    assert not find_all(footer, "p", class_="edit")
    assert not [u for u in links(footer) if "/edit/" in u]


def test_search_filters_and_text_know_only_the_municipality(shelter):
    content, _ = shelter
    cat = publishable(catalogue(content))
    (doc,) = [d for d in build_documents(cat, lambda s: s) if d.id == "azylovy-dum-lysa"]
    assert "litol" not in doc.filters["locality"] and "lysa" in doc.filters["locality"]
    assert "Litol" not in doc.text and "Litol" not in json.dumps(doc.meta, ensure_ascii=False)


def test_print_shows_the_municipality(shelter):
    content, _ = shelter
    cat = publishable(catalogue(content))
    entry = place_entry(cat, cat.services["azylovy-dum-lysa"].locations[0])
    assert entry.address == "Lysá nad Labem" and entry.confidential and entry.notes is None


def test_redaction_drops_what_check_refuses_even_if_it_got_through(shelter):
    """The outputs never rely on check alone: a record made in code still loses its secrets."""
    content, _ = shelter
    cat = catalogue(content)
    service = cat.services["azylovy-dum-lysa"]
    leaky = service.locations[0].model_copy(update={
        "address": Address(street="Tajná", number="4711/3", city="Litol", postcode="289 22"),
        "coordinates": Coordinates(lat=50.2011, lon=14.8312),
        "notes": "Vchod ze dvora",
    })
    cat.services["azylovy-dum-lysa"] = service.model_copy(update={"locations": [leaky]})
    shown = publishable(cat).services["azylovy-dum-lysa"].locations[0]
    assert shown.address == Address(city="Lysá nad Labem") and shown.locality == "lysa"
    assert shown.coordinates is None and shown.notes is None
