"""``build.py search`` on the demo catalogue: what a front desk types, and what a script reads."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, run_cli

DEMO = ROOT / "content"


@pytest.mark.parametrize(
    "option, value, message",
    [
        ("--locality", "lysa", '--locality: no locality "lysa" (did you mean "lysa-nad-labem"?)'),
        ("--locality", "Lysá", '--locality: no locality "Lysá" (did you mean "lysa-nad-labem"?)'),
        ("--locality", "podebrdy", '--locality: no locality "podebrdy" (did you mean "podebrady"?)'),
        ("--type", "azylovy-dum", '--type: no type "azylovy-dum" (did you mean "azylove-domy"?)'),
        ("--target-group", "senioři", '--target-group: no target group "senioři" (did you mean "seniori"?)'),
        ("--locality", "xx", '--locality: no locality "xx"'),
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
