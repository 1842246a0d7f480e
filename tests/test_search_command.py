"""``build.py search`` on the demo catalogue: what a front desk types, and what a script reads."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, run_cli

DEMO = ROOT / "content"


@pytest.mark.parametrize(
    "option, value, message",
    [
        ("--locality", "lysa", '--locality: lokalita „lysa“ neexistuje (nemysleli jste „lysa-nad-labem“?)'),
        ("--locality", "Lysá", '--locality: lokalita „Lysá“ neexistuje (nemysleli jste „lysa-nad-labem“?)'),
        ("--locality", "podebrdy", '--locality: lokalita „podebrdy“ neexistuje (nemysleli jste „podebrady“?)'),
        ("--type", "azylovy-dum", '--type: type „azylovy-dum“ neexistuje (nemysleli jste „azylove-domy“?)'),
        ("--target-group", "senioři", '--target-group: cílová skupina „senioři“ neexistuje (nemysleli jste „seniori“?)'),
        ("--locality", "xx", '--locality: lokalita „xx“ neexistuje'),
    ],
)
def test_an_unknown_filter_id_gets_a_did_you_mean_as_check_gives(option, value, message):
    result = run_cli("search", "--content", DEMO, option, value, "poradna")
    assert result.code == 2
    assert result.err.strip().splitlines()[-1].endswith(message)


def test_json_results_have_absolute_urls_like_the_text_output():
    text = run_cli("search", "--content", DEMO, "noclehárna", "--limit", "1")
    data = json.loads(run_cli("search", "--content", DEMO, "noclehárna", "--limit", "1", "--json").out)
    url = data["results"][0]["url"]
    assert url == "https://katalog.example.org/sluzby/nocleharna-nymburk/"  # site.base_url + the page
    assert url in text.out
