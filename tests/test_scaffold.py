"""``new``: a scaffolded record is valid as written, commented, and never overwrites anything."""

from __future__ import annotations

import argparse
import io

import pytest

from conftest import run_cli

from catalogue.load.yamlstrict import parse
from catalogue.report import Reporter
from catalogue.commands.new import run as scaffold_command, scalar, slugify


def no_errors_in(result, rel: str) -> bool:
    return not any(rel in line and "varování" not in line for line in result.lines)


@pytest.mark.parametrize(
    "kind, options, rel",
    [
        ("service", ["--name", "Poradna: dluhy a exekuce", "--provider", "charita-lysa", "--type", "odborne-socialni-poradenstvi"],
         "services/poradna-dluhy-a-exekuce.yaml"),
        ("service", ["--id", "svepomoc", "--name", "Svépomocná skupina", "--provider", "charita-lysa", "--type", "svepomocne-skupiny"],
         "services/svepomoc.yaml"),
        ("provider", ["--name", "Spolek Pomoc z.s."], "providers/spolek-pomoc-z-s.yaml"),
        ("locality", ["--name", "Nová Ves", "--level", "municipality", "--parent", "okres"], "localities/nova-ves.yaml"),
        ("life-situation", ["--title", "Potřebuji pomoc s dluhy"], "life-situations/potrebuji-pomoc-s-dluhy.yaml"),
    ],
)
def test_a_new_record_passes_check(site, kind, options, rel):
    result = run_cli("new", kind, "--content", site, *options)
    assert result.code == 0, result.err
    assert result.out.startswith(f"created {site / rel}") or rel in result.out
    text = (site / rel).read_text(encoding="utf-8")
    assert text.startswith("# ") and "\n# " in text  # commented: every optional field explained
    check = run_cli("check", "--content", site)
    assert check.code == 0, check.out
    assert no_errors_in(check, rel)


def test_the_kind_of_a_service_follows_its_type(site):
    run_cli("new", "service", "--content", site, "--name", "Skupina", "--provider", "charita-lysa", "--type", "svepomocne-skupiny")
    run_cli("new", "service", "--content", site, "--name", "Domov", "--provider", "charita-lysa", "--type", "azylove-domy")
    assert parse((site / "services/skupina.yaml").read_bytes())["kind"] == "related"
    assert parse((site / "services/domov.yaml").read_bytes())["kind"] == "registered"


def test_verified_is_left_for_a_person_to_set(site):
    run_cli("new", "service", "--content", site, "--name", "Nová", "--provider", "charita-lysa", "--type", "azylove-domy")
    data = parse((site / "services/nova.yaml").read_bytes())
    assert "verified" not in data and "# verified:" in (site / "services/nova.yaml").read_text(encoding="utf-8")


def test_refuses_to_overwrite(site):
    before = (site / "providers/charita-lysa.yaml").read_bytes()
    result = run_cli("new", "provider", "--content", site, "--id", "charita-lysa", "--name", "Jiná charita")
    assert result.code == 2 and "už existuje; zvolte jiné --id" in result.err
    assert (site / "providers/charita-lysa.yaml").read_bytes() == before


@pytest.mark.parametrize(
    "options, message",
    [
        (["--id", "Charita Lysá", "--name", "X"], '„Charita Lysá“ není platné id'),
        (["--id", "x_y", "--name", "X"], '„x_y“ není platné id'),
    ],
)
def test_refuses_an_invalid_id(site, options, message):
    result = run_cli("new", "provider", "--content", site, *options)
    assert result.code == 2 and message in result.err


def test_unknown_references_are_refused_with_a_suggestion(site):
    result = run_cli("new", "service", "--content", site, "--name", "X", "--provider", "charita-lys", "--type", "azylove-domy")
    assert result.code == 2 and 'poskytovatel „charita-lys“ neexistuje (nemysleli jste „charita-lysa“?)' in result.err
    assert not (site / "services/x.yaml").exists()


def test_missing_values_without_a_terminal_are_an_error(site):
    result = run_cli("new", "service", "--content", site, "--name", "X")
    assert result.code == 2 and '--provider je povinné' in result.err


def test_asks_for_the_required_values_in_a_terminal(site):
    answers = iter(["Terénní program Lysá", "charita-lysa", "azylove-domy"])
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    args = argparse.Namespace(content=site, kind="service", id=None, name=None, title=None, provider=None, type=None,
                              record_kind=None, level=None, parent=None)
    out = io.StringIO()
    assert scaffold_command(args, Reporter(out, io.StringIO()), ask=ask) == 0
    assert prompts == ["Název služby: ", "Poskytovatel (id): ", "Druh služby (id): "]
    assert parse((site / "services/terenni-program-lysa.yaml").read_bytes())["name"] == "Terénní program Lysá"


@pytest.mark.parametrize("value", ["Poradna: dluhy", "no", "8:30", "#1 poradna", "Azylový dům", '"uvozovky"', "a, b", "- x"])
def test_scalars_read_back_as_written(value):
    assert parse(f"name: {scalar(value)}\n".encode())["name"] == value


def test_slugify():
    assert slugify("Azylový dům pro matky s dětmi, Lysá") == "azylovy-dum-pro-matky-s-detmi-lysa"
