"""The docs stay in step with the code (Datasette's trick)."""

from __future__ import annotations

import re

from conftest import ROOT

from catalogue.outputs.guide import BEGIN, END, field_reference


def test_field_reference_in_the_guide_is_current():
    text = (ROOT / "docs/editors-guide.md").read_text(encoding="utf-8")
    generated = text[text.index(BEGIN) + len(BEGIN) : text.index(END)].strip()
    assert generated == field_reference().strip(), "run: python -m catalogue.outputs.guide docs/editors-guide.md"


def test_readme_quick_start_has_exactly_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["python3 dev.py site", "python3 dev.py test"]
    ci = (ROOT / ".ci/run").read_text()
    assert "python3 dev.py test" in ci


def test_every_check_message_family_is_explained_in_the_guide():
    guide = (ROOT / "docs/editors-guide.md").read_text(encoding="utf-8")
    stems = [
        "is not valid UTF-8", "NUL byte", "the file is empty", "the file holds a list", "a tab character",
        "duplicate key", "a colon inside a value", "is not closed", "cannot start a value here", "is not supported; remove it",
        "merge keys", "a second document", "is not a valid id", "end in .yaml", "the id is the file name",
        "site.yaml is missing", "front matter", "is missing; add it", "unknown field", "is not allowed; use one of",
        "is not a whole number", "is not a number", "is not yes or no", "is not a date", "is in the future", "is not an id",
        "fails the IČO checksum", "is not a registry id", "is not a phone number", "is not an e-mail address",
        "is not a web address", "is not a time interval", "min is greater than max", "lies outside CZ", "did you mean",
        "is listed twice", "is already used by service", "is not a service type of Act 108/2006", "is a registered type",
        "only registered services have a registry id", "form a cycle", "choose a larger parent", "vocabulary is missing",
        "never verified", "over 12 months ago", "no phone, e-mail or web", "no description", "lies outside the area",
        "a registered service without registry_id", "a residential service without a location", "no service helps",
        "it is ignored", "uses it after", "after a whole number", "is the example address",
        "has no letter in it", "is one word, which tells readers nothing", "is not a form of provision",
        "is not a kind of service", "is not a level of locality", "is not a group of service types", "no capacity unit",
        "a content file may have at most", "nested more than", "outside the content folder", "an id has at most",
        "are allowed here; shorten it", "levels deep (line",
        # the community plan
        "is not a measure number", "is not a priority number", "is not a year", "start is after end",
        "is before the period opens", "no organisation", "no funding source", "no working group", "no measure",
        "is already numbered so", "which the plan does not have", "no file", "is not a PDF in files/",
        "the file is not a PDF", "more than 50 MB", "the folder belongs to no record", "not part of the record",
        "already has an action plan", "lies outside the plan's period", "measures belong to a plan",
        "yet the meeting has minutes", "is listed already", "has details twice", "is before the date of the item",
        "has no unit", "every service of this measure has ended", "has no comment period", "the comment period closed on",
        "gives no e-mail for comments", "does not say who approved it", "has no evaluation", "has no priorities yet",
        "has no measures", "reach outside the plan's period", "is in the network already", "is not in the network anyway",
        "is not in the year's network", "outside the period", "yet comments are settled", "names this file",
        "the plan is the folder", "with different ids",
    ]
    missing = [s for s in stems if s not in guide]
    assert not missing
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "catalogue").rglob("*.py"))
    formatted = {  # built with f-strings: look for the literal part
        "the file holds a list": "the file holds {what}",
        "end in .yaml": "end in {suffix}",
        "lies outside CZ": "lies outside {",
        "over 12 months ago": "over {months} months ago",
        "is missing; add it": "is missing; add it",
        "is not closed": "is not closed",
        "is not a form of provision": '"a form of provision"',  # choice(…, what): "{value}" is not {what}
        "is not a kind of service": '"a kind of service"',
        "is not a level of locality": '"a level of locality"',
        "is not a group of service types": '"a group of service types"',
        "no capacity unit": "no {what} ",
        "more than 50 MB": "MB, more than",
        "no measure": "no measure {",
        "the comment period closed on": "the comment period closed on {",
        "the plan is the folder": "the {kind.owner_field} is the folder",
        "has no priorities yet": "the plan has no priorities yet",
        "lies outside the plan's period": "lies outside the plan's period",
        "no organisation": "no organisation",
        "no funding source": "no funding source",
        "no working group": "no working group",
        "no file": "no file",
        "is already numbered so": "is already numbered so",
        "does not say who approved it": "but does not say who approved it",
    }
    stale = [s for s in stems if formatted.get(s, s) not in sources]
    assert not stale, "the guide explains messages the code no longer produces"
