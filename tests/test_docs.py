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


def test_every_message_is_explained_in_the_guide():
    """The guide's table is generated from the messages themselves (catalogue/messages/): one row per code."""
    from catalogue.messages import ALL
    from catalogue.messages.help import HELP

    guide = (ROOT / "docs/editors-guide.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"^\| `([EWI]-[A-Z0-9-]+)` \|", guide, re.M))
    assert shown == {code for code, message in ALL.items() if message.stage != "part"}
    assert set(HELP) <= set(ALL), "the help explains codes that no longer exist"
    # the common mistakes keep their hand-written advice
    assert {"E-YAML-TAB", "E-REF-MISSING", "E-FIELD-UNKNOWN", "E-HOURS-INTERVAL", "W-VERIFIED-OLD"} <= set(HELP)
