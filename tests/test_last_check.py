"""``check`` of content that has not changed says the last check's problems again, exactly, without checking; any change checks."""

from __future__ import annotations

import pytest

import catalogue.commands.check as check_command
import catalogue.validate.stage as stage
import catalogue.validate.last as last
from catalogue.validate.cache import default_cache_folder
from conftest import run_cli
from sites import SERVICE, SERVICE_2, edit_keeping_size_and_time

SERVICE_FILE = "services/azylovy-dum-lysa.yaml"
OLD = {"services/pecovatelska-sluzba-lysa.yaml": SERVICE_2.replace("verified: 2026-10-01", "verified: 2025-10-01")}  # a warning, by the day
BROKEN = {**OLD, SERVICE_FILE: SERVICE.replace("provider: charita-lysa", "provider: charita-lisa").replace("age: {min: 18}", "age: {min: 18}\nnonsense: 1")}


@pytest.fixture
def checks(monkeypatch) -> list[int]:
    """Files written by the test count as settled at once; return a counter of the checks that ran in full."""
    monkeypatch.setattr(last, "RACY_NS", 0)
    ran = [0]
    real = stage.check_content

    def counting(*args, **kwargs):
        ran[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(stage, "check_content", counting)
    return ran


def test_an_unchanged_check_says_the_same_in_every_form_without_checking(make_site, checks, monkeypatch):
    content = make_site(BROKEN)
    forms = [(), ("--github",), ("--lang", "en"), ("--lang", "en", "--github"), ("--strict",)]
    with monkeypatch.context() as fresh_only:
        fresh_only.setattr(check_command, "last_problems", lambda content, now: None)
        fresh = {form: run_cli("check", "--content", content, *form) for form in forms}
    assert checks[0] == len(forms) and fresh[()].code == 1 and "::warning file=" in fresh[("--github",)].out
    assert any(f"{SERVICE_FILE}:2:11: provider" in line for line in fresh[()].lines)
    run_cli("check", "--content", content)  # the last check without --strict; --strict is its own
    for form in forms[:-1]:
        again = run_cli("check", "--content", content, *form)
        assert (again.code, again.out) == (fresh[form].code, fresh[form].out)
    assert checks[0] == len(forms) + 1


def test_strict_is_a_setting_of_its_own(make_site, checks):
    content = make_site(OLD)
    plain = run_cli("check", "--content", content)
    strict = run_cli("check", "--content", content, "--strict")
    assert checks[0] == 2 and (plain.code, strict.code) == (0, 1)
    again = run_cli("check", "--content", content, "--strict")
    assert (again.code, again.out) == (strict.code, strict.out) and checks[0] == 2


def test_an_edit_that_keeps_the_size_and_the_time_is_checked(make_site, checks):
    content = make_site({})
    assert run_cli("check", "--content", content).code == 0
    edit_keeping_size_and_time(content)
    result = run_cli("check", "--content", content)
    assert checks[0] == 2 and result.code == 1 and "registerez" in result.out


@pytest.mark.parametrize("change", ["add", "remove", "folder", "theme", "hidden-in-theme"])
def test_a_file_added_or_removed_anywhere_is_checked(make_site, checks, change):
    content = make_site({})
    (content / "theme").mkdir()
    run_cli("check", "--content", content)
    if change == "add":
        (content / "services" / "nova.yaml").write_text("name: [\n", encoding="utf-8")
    elif change == "remove":
        (content / SERVICE_FILE).unlink()
    elif change == "folder":
        (content / "services" / "nova").mkdir()
    elif change == "theme":
        (content / "theme" / "templates").mkdir()
    else:  # a link outside would be an error there (check_theme), hidden or not
        (content / "theme" / ".hidden").write_text("x", encoding="utf-8")
    run_cli("check", "--content", content)
    assert checks[0] == 2


def test_another_day_other_code_or_another_place_is_checked(make_site, checks, monkeypatch):
    """Expiry and opening hours depend on the day; problems name files relative to the working directory."""
    content = make_site(OLD)
    assert "před více než 12 měsíci" in run_cli("check", "--content", content).out
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01: checked a quarter of a year before
    other_day = run_cli("check", "--content", content).out
    assert "před více než 12 měsíci" not in other_day and "je v budoucnosti" in other_day  # another service's date
    assert checks[0] == 2
    monkeypatch.setattr(last, "code_print", lambda: "another version")
    run_cli("check", "--content", content)
    assert checks[0] == 3
    monkeypatch.chdir(content.parent)
    here = run_cli("check", "--content", content)
    assert checks[0] == 4 and "\ncontent/services/" in "\n" + here.out
    monkeypatch.chdir(content.parent.parent)
    above = run_cli("check", "--content", content)
    assert checks[0] == 5 and f"\n{content.parent.name}/content/services/" in "\n" + above.out
    assert run_cli("check", "--content", content).out == above.out and checks[0] == 5


def test_files_changed_just_before_the_check_keep_nothing(make_site):
    """Racy git: a file saved within the clock's resolution of the look could change again unseen."""
    content = make_site({})
    assert run_cli("check", "--content", content).code == 0  # every file was written a moment ago
    assert not (default_cache_folder(content) / "check.pickle").exists()


def test_a_link_inside_the_content_is_checked_every_time(make_site, checks):
    content = make_site({})
    (content / "theme").mkdir()
    (content / "theme" / "static").symlink_to(content.parent)
    first = run_cli("check", "--content", content)
    second = run_cli("check", "--content", content)
    assert checks[0] == 2 and first.out == second.out and second.code == 1


def test_a_planted_or_damaged_outcome_is_never_believed(make_site, checks):
    content = make_site(BROKEN)
    first = run_cli("check", "--content", content)
    path = default_cache_folder(content) / "check.pickle"
    path.write_bytes(path.read_bytes()[:-1] + b"\0")
    second = run_cli("check", "--content", content)
    assert checks[0] == 2 and (second.code, second.out) == (first.code, first.out)


def test_the_code_print_covers_every_file_of_the_package_but_what_python_compiled(tmp_path, monkeypatch):
    """A translation or any module changed is other code; the ``__pycache__`` Python writes as it goes is not."""
    (tmp_path / "a.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "locale").mkdir()
    (tmp_path / "locale" / "cs.po").write_text('msgid "a"\n', encoding="utf-8")
    monkeypatch.setattr(last, "PACKAGE", tmp_path)
    first = last.code_print.__wrapped__()
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"compiled")
    assert last.code_print.__wrapped__() == first
    (tmp_path / "locale" / "cs.po").write_text('msgid "b"\n', encoding="utf-8")
    assert last.code_print.__wrapped__() != first
