"""Messages in the editor's language: every message has a code, a Czech and a Polish text, one table."""

from __future__ import annotations

import io
import pickle
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import ROOT, run_cli

from catalogue.errors import Problem, Problems, Severity
from catalogue.messages import ALL, Said, say, translate
from catalogue.messages import checks, fields, files
from catalogue.messages.core import LANGUAGE_VARIABLE, LOCALE_DIR, choose_language
from catalogue.messages.table import END, FILES, START, table
from catalogue.report import Reporter, github_annotation
from catalogue.serve.overlay import overlay_html

PLACEHOLDER = re.compile(r"\{(\w+)(?::[^}]*)?\}")


def catalogue(language: str):
    with (LOCALE_DIR / language / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        return read_po(fh, locale=language)


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text.replace("{{", "").replace("}}", "")))


@pytest.mark.parametrize("language", ["cs", "pl"])
def test_every_message_has_a_translation_with_the_same_placeholders(language):
    po = catalogue(language)
    missing, broken = [], []
    for message in ALL.values():
        key = (message.template, message.plural) if message.plural else message.template
        entry = po.get(key)
        strings = [] if entry is None else list(entry.string) if message.plural else [entry.string]
        if not strings or not all(s.strip() for s in strings):
            missing.append(message.code)
            continue
        wanted = placeholders(message.template) | placeholders(message.plural or "")
        broken += [f"{message.code}: {s}" for s in strings if placeholders(s) - wanted or placeholders(s) < placeholders(message.template) - {"count"}]
    assert not missing, f"no {language} translation (run python -m catalogue.render.messages and translate): {missing}"
    assert not broken, f"placeholders differ from the English template: {broken}"


@pytest.mark.parametrize("language", ["cs", "pl"])
def test_every_site_string_is_translated(language):
    """Polish is complete too: no empty msgstr, and no English copied over (what an old extraction left)."""
    po = catalogue(language)
    english = catalogue("en")
    empty = [m.id for m in po if m.id and not all(m.string if isinstance(m.string, (list, tuple)) else [m.string])]
    assert not empty
    def words(text: str) -> list[str]:
        return re.findall(r"[^\W\d_]{3,}", re.sub(r"%\(\w+\)[sd]|\{\w+\}", "", text))

    long_copies = [
        m.id for m in po
        if isinstance(m.id, str) and m.string == m.id and len(words(m.id)) > 2 and english.get(m.id) is not None
    ]
    assert not long_copies, f"English left as the {language} text: {long_copies[:5]}"


def test_english_is_the_source_text():
    for entry in catalogue("en"):
        if entry.id:
            assert entry.string == entry.id if isinstance(entry.id, str) else tuple(entry.string) == tuple(entry.id)


@pytest.mark.parametrize("language", ["cs", "en", "pl"])
def test_every_catalogue_passes_the_checkers(language):
    path = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    problems = [(m.id, errors) for m, errors in catalogue(language).check()]
    assert not problems, problems  # Babel's checker: placeholders, plural forms
    if shutil.which("msgfmt") is None:
        pytest.skip("msgfmt is not installed (Debian: apt-get install gettext)")
    result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_codes_are_stable_and_say_what_kind_of_message():
    assert all(re.fullmatch(r"[EWIP](-[A-Z0-9]+)+", code) for code in ALL)
    assert ALL["E-REF-MISSING"] is checks.REF_MISSING and ALL["E-YAML-TAB"] is files.YAML_TAB


def test_the_table_in_the_readme_and_the_guide_is_the_generated_one():
    generated = table()
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        assert text.count(START) == 1 and text.count(END) == 1, path
        assert text.split(START, 1)[1].split(END, 1)[0].strip() == generated.strip(), (
            f"{path.relative_to(ROOT)} is out of date: run python -m catalogue.messages.table"
        )
    assert "| `E-REF-MISSING` | {what} „{value}“ neexistuje{hint} |" in generated
    assert "| `E-YAML-TAB` | tabulátor; YAML odsazujte jen mezerami | Replace the tab with spaces. |" in generated
    assert "P-DID-YOU-MEAN" not in generated  # parts of messages are not messages of their own


def test_the_readme_quick_start_is_still_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("## ", 1)[0]
    block = quick.split("```sh", 1)[1].split("```", 1)[0]
    assert [line.split("#")[0].strip() for line in block.strip().splitlines()] == ["python3 dev.py site", "python3 dev.py test"]


# --- said, and shown in a language ------------------------------------------------


def test_a_said_message_reads_as_english_and_keeps_the_editors_words_untranslated():
    said = say(checks.REF_MISSING, what=say(checks.NOUNS["provider"]), value="charita-lysaa", hint=say(fields.DID_YOU_MEAN, name="charita-lysa"))
    assert said == 'no provider "charita-lysaa" (did you mean "charita-lysa"?)'
    assert translate(said, "cs") == "poskytovatel „charita-lysaa“ neexistuje (nemysleli jste „charita-lysa“?)"
    assert translate(said, "pl") == "usługodawca „charita-lysaa” nie istnieje (czy chodziło o „charita-lysa”?)"
    assert translate("plain text", "cs") == "plain text"


def test_a_said_message_survives_the_record_cache():
    said = say(fields.BAD_INTERVAL, text="8:00-25:00", reason="")
    again = pickle.loads(pickle.dumps(said))
    assert isinstance(again, Said) and again.code == "E-HOURS-INTERVAL" and again.translated("cs") == said.translated("cs")


def test_czech_plurals_in_the_summary():
    def summary(errors: int, files_: int, warnings: int) -> str:
        problems = Problems()
        for i in range(errors):
            problems.error(f"f{i % files_}.yaml", i + 1, 1, "", "x")
        for i in range(warnings):
            problems.warning("w.yaml", i + 1, 1, "", "x")
        return problems.summary("cs")

    assert summary(1, 1, 0) == "1 chyba v 1 souboru"
    assert summary(3, 2, 0) == "3 chyby ve 2 souborech"
    assert summary(5, 5, 1) == "5 chyb v 5 souborech, 1 varování"
    assert summary(0, 1, 0) == "žádné problémy"


def test_the_language_is_the_option_then_the_variable_then_the_site_then_czech(monkeypatch):
    monkeypatch.delenv(LANGUAGE_VARIABLE, raising=False)
    assert choose_language(None, None) == "cs"
    assert choose_language(None, "pl") == "pl"
    monkeypatch.setenv(LANGUAGE_VARIABLE, "en")
    assert choose_language(None, "pl") == "en"
    assert choose_language("pl", "cs") == "pl"
    monkeypatch.setenv(LANGUAGE_VARIABLE, "klingon")
    assert choose_language(None, "cs") == "cs"


# --- where editors meet them ---------------------------------------------------------

BROKEN = "name: Poradna Lysá\nprovider: charita-lysaa\n"
WHERE = "services/s.yaml:2:11: provider:"


@pytest.mark.parametrize("language, text, summary", [
    ("cs", 'poskytovatel „charita-lysaa“ neexistuje (nemysleli jste „charita-lysa“?)', "1 chyba v 1 souboru"),
    ("en", 'no provider "charita-lysaa" (did you mean "charita-lysa"?)', "1 error in 1 file"),
    ("pl", "usługodawca „charita-lysaa” nie istnieje (czy chodziło o „charita-lysa”?)", "1 błąd w 1 pliku"),
])
def test_check_speaks_the_sites_language_with_the_position(make_site, monkeypatch, language, text, summary):
    monkeypatch.delenv(LANGUAGE_VARIABLE, raising=False)
    from sites import SERVICE, SITE

    content = make_site({
        "site.yaml": SITE.replace("language: cs", f"language: {language}"),
        "services/azylovy-dum-lysa.yaml": SERVICE.replace("provider: charita-lysa", "provider: charita-lysaa"),
    })
    result = run_cli("check", "--content", content, "--github")
    assert result.code == 1
    shown = [line.replace(f"{content}/", "") for line in result.lines]
    problem = next(line for line in shown if line.startswith("services/azylovy-dum-lysa.yaml") and ": provider: " in line)
    assert problem == f"services/azylovy-dum-lysa.yaml:{problem.split(':')[1]}:{problem.split(':')[2]}: provider: {text}"
    annotation = next(line for line in shown if line.startswith("::error"))
    assert annotation.endswith(f"::provider: {text}")  # the pull request shows the same words
    assert shown[-1] == summary


def test_a_broken_site_yaml_is_reported_in_czech_unless_asked_otherwise(make_site, monkeypatch):
    monkeypatch.delenv(LANGUAGE_VARIABLE, raising=False)
    content = make_site({"site.yaml": b"title: \xff\xfe\n"})
    result = run_cli("check", "--content", content)
    assert [line.replace(f"{content}/", "") for line in result.lines] == [
        "site.yaml:1:8: soubor není platné UTF-8 (bajt 0xff); uložte ho v UTF-8",
        "1 chyba v 1 souboru",
    ]
    english = run_cli("check", "--content", content, "--lang", "en")
    assert english.lines[0].endswith("site.yaml:1:8: the file is not valid UTF-8 (byte 0xff); save it as UTF-8")
    monkeypatch.setenv(LANGUAGE_VARIABLE, "pl")
    assert run_cli("check", "--content", content).lines[-1] == "1 błąd w 1 pliku"


def test_the_commands_own_lines_speak_it_too(make_site, tmp_path, monkeypatch):
    monkeypatch.delenv(LANGUAGE_VARIABLE, raising=False)
    content = make_site({})
    assert run_cli("check", "--content", content).lines == ["žádné problémy"]
    result = run_cli("export", "--content", content, "--out", tmp_path / "data", "--format", "csv")
    assert re.fullmatch(r"zapsány \d soubory \(csv\) do .*data|zapsáno \d+ souborů \(csv\) do .*data", result.out.strip())
    missing = run_cli("check", "--content", tmp_path / "nowhere")
    assert missing.err.strip() == f"chyba: složka s obsahem {tmp_path / 'nowhere'} neexistuje; zadejte --content SLOŽKA"
    new = run_cli("new", "provider", "--content", content, "--name", "Nová", "--id", "Nová")
    assert new.err.strip() == "chyba: „Nová“ není platné id; použijte malá písmena a-z, číslice a pomlčky, např. charita-lysa"


def test_the_overlay_shows_the_problem_translated():
    problem = Problem("services/s.yaml", 3, 7, "kind", say(fields.CHOICE, value="maybe", what=say(fields.CHOICE_WHAT["kind"]), hint="", choices="registrovaná (registered)"))
    assert "services/s.yaml:3:7: kind: „maybe“ není druh záznamu; napište jedno z: registrovaná (registered)" in overlay_html((problem,), "cs")
    assert "services/s.yaml:3:7: kind: „maybe” to nie rodzaj wpisu; wpisz jedno z: registrovaná (registered)" in overlay_html((problem,), "pl")


def test_github_annotations_and_warnings_are_translated():
    problem = Problem("services/s.yaml", 1, 1, "", say(checks.SERVICE_UNDESCRIBED), Severity.WARNING)
    assert github_annotation(problem, "cs") == "::warning file=services/s.yaml,line=1,col=1::chybí popis; napište pár vět o tom, co služba dělá"
    assert problem.format("cs") == "services/s.yaml:1:1: varování: chybí popis; napište pár vět o tom, co služba dělá"
    out = io.StringIO()
    problems = Problems()
    problems.add(problem)
    Reporter(out, io.StringIO(), github=True, language="pl").problems(problems)
    assert out.getvalue().splitlines() == [
        "services/s.yaml:1:1: ostrzeżenie: brak opisu; napisz w kilku zdaniach, czym zajmuje się usługa",
        "::warning file=services/s.yaml,line=1,col=1::brak opisu; napisz w kilku zdaniach, czym zajmuje się usługa",
        "1 ostrzeżenie",
    ]


# --- phones of a Polish catalogue, and the Czech words in search ----------------------


@pytest.mark.parametrize("country, phone", [("CZ", "+420 601 234 567"), ("PL", "+48 601 234 567")])
def test_a_national_phone_gets_the_calling_code_of_the_sites_country(make_site, country, phone):
    from sites import PROVIDER, SITE

    from catalogue.validate.stage import check_content

    assert "phone" not in PROVIDER or True
    content = make_site({
        "site.yaml": SITE.replace("country: CZ", f"country: {country}") if "country:" in SITE else SITE + f"country: {country}\n",
        "providers/p.yaml": "name: Spolek Pomoc\ncontacts: {phone: [601 234 567, '+420 325 551 234']}\n",
    })
    loaded = check_content(content)
    assert loaded.catalogue.providers["p"].contacts.phone == [phone, "+420 325 551 234"]
    other = "PL" if country == "CZ" else "CZ"
    site = (content / "site.yaml").read_text(encoding="utf-8").replace(f"country: {country}", f"country: {other}")
    (content / "site.yaml").write_text(site, encoding="utf-8")
    again = check_content(content)  # the cached record was validated for the other country: not reused
    assert again.catalogue.providers["p"].contacts.phone[0] != phone


def test_search_accepts_the_czech_word_of_a_form(site):
    words = run_cli("search", "--content", site, "--form", "terénní", "--limit", "50")
    ids = run_cli("search", "--content", site, "--form", "field", "--limit", "50")
    assert words.code == 0 and words.out == ids.out and "nalezen" in words.out
    wrong = run_cli("search", "--content", site, "--form", "teréní")
    assert wrong.code == 2 and wrong.err.startswith("chyba: --form: forma „teréní“ neexistuje")


def test_a_catalogue_is_compiled_once_and_again_when_it_changes(tmp_path, monkeypatch):
    """The compiled catalogue is kept in the user's cache folder under the hash of the .po file."""
    import babel.messages.pofile

    from catalogue.messages import core

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setattr(core, "LOCALE_DIR", tmp_path / "locale")
    po = tmp_path / "locale" / "cs" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "hello"\nmsgstr "ahoj"\n', encoding="utf-8")
    kept = tmp_path / "user-cache" / "catalogue"

    def hello() -> str:
        core.translations.cache_clear()
        return core.translations("cs").gettext("hello")

    try:
        assert hello() == "ahoj"
        (compiled,) = kept.glob("messages-cs-*.mo")
        with monkeypatch.context() as parsing:
            parsing.setattr(babel.messages.pofile, "read_po", lambda *args, **kwargs: pytest.fail("parsed again"))
            assert hello() == "ahoj"  # from the compiled file
        compiled.write_bytes(b"damaged")
        assert hello() == "ahoj"  # compiled again
        po.write_text(po.read_text(encoding="utf-8").replace("ahoj", "nazdar"), encoding="utf-8")
        assert hello() == "nazdar"  # a changed catalogue is compiled again, the earlier file removed
        assert [p.name for p in kept.glob("messages-cs-*.mo")] != [compiled.name]
    finally:
        core.translations.cache_clear()
