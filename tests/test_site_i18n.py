"""Languages: every UI string translated into Czech, English complete, Polish a skeleton that falls back cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from conftest import run_cli
from html_tree import find, page, text
from sites import SITE

from catalogue.render.i18n import LOCALE_DIR, translations
from catalogue.render.messages import extract

HOW_TO_UPDATE = "run: python -m catalogue.render.messages, then translate the empty msgstr lines in catalogue/locale/{lang}/LC_MESSAGES/messages.po"


def po(language: str):
    with (LOCALE_DIR / language / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        return read_po(fh, locale=language)


def used() -> dict:
    """Return msgid → message of every string the templates and the code use."""
    return {m.id: m for m in extract() if m.id}


def untranslated(language: str) -> list[str]:
    catalog = po(language)
    missing = []
    for msgid in used():
        message = catalog.get(msgid)
        strings = [] if message is None else (list(message.string) if isinstance(message.string, (list, tuple)) else [message.string])
        if not strings or not all(s and s.strip() for s in strings):
            missing.append(msgid if isinstance(msgid, str) else msgid[0])
    return missing


def test_templates_and_code_have_messages_to_translate():
    ids = used()
    assert "Skip to content" in ids and "Open now, until {time}." in ids and ("%(num)d service", "%(num)d services") in ids


@pytest.mark.parametrize("language", ["cs", "en"])
def test_every_message_has_a_translation(language):
    missing = untranslated(language)
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:3]}; " + HOW_TO_UPDATE.format(lang=language)


@pytest.mark.parametrize("language", ["cs", "en", "pl"])
def test_translations_keep_every_placeholder(language):
    catalog = po(language)
    problems = [(m.id, [str(e) for e in errors]) for m, errors in catalog.check()]
    assert not problems
    for message in catalog:
        if not message.id or not message.string:
            continue
        singular = message.id if isinstance(message.id, str) else message.id[1]
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        for placeholder in ("{title}", "{url}", "{key}", "{time}"):
            if placeholder in singular:
                assert all(placeholder in s for s in strings if s), (message.id, placeholder)


def test_czech_plurals_have_three_forms():
    t = translations("cs")
    assert [t.ngettext("%(num)d service", "%(num)d services", n) % {"num": n} for n in (1, 3, 5)] == ["1 služba", "3 služby", "5 služeb"]


def test_numbers_in_print_and_in_the_editors_report_take_czech_plurals():
    from catalogue.model.records import AgeRange
    from catalogue.render.env import make_environment

    macros = make_environment("cs").get_template("print/macros.html").module
    assert [macros.age(AgeRange(min=n)) for n in (1, 3, 18)] == ["od 1 roku", "od 3 let", "od 18 let"]
    assert [macros.age(AgeRange(max=n)) for n in (1, 26)] == ["do 1 roku", "do 26 let"]
    assert [macros.age(AgeRange(min=0, max=n)) for n in (1, 3, 64)] == ["věk 0–1 rok", "věk 0–3 roky", "věk 0–64 let"]
    english = make_environment("en").get_template("print/macros.html").module
    assert english.age(AgeRange(min=18, max=64)) == "aged 18–64"
    t = translations("cs")
    months = [t.ngettext("Not verified for %(num)d month or more", "Not verified for %(num)d months or more", n) % {"num": n} for n in (1, 3, 12)]
    assert months == ["Neověřeno 1 měsíc a déle", "Neověřeno 3 měsíce a déle", "Neověřeno 12 měsíců a déle"]
    lists = [
        t.ngettext(
            "This catalogue lists %(num)d service or activity that helps people in difficult life situations: who provides it, for whom, where, when, and how to get in touch.",
            "This catalogue lists %(num)d services and activities that help people in difficult life situations: who provides them, for whom, where, when, and how to get in touch.",
            n,
        ).split(",")[0] % {"num": n}
        for n in (1, 3, 80)
    ]
    assert lists == ["Tento katalog uvádí 1 službu či aktivitu", "Tento katalog uvádí 3 služby a aktivity", "Tento katalog uvádí 80 služeb a aktivit"]


def test_polish_is_complete_with_a_proper_header():
    catalog = po("pl")
    assert catalog.locale.language == "pl" and catalog.num_plurals == 3
    untranslated = [m.id for m in catalog if m.id and not all(m.string if isinstance(m.string, (list, tuple)) else [m.string])]
    assert not untranslated  # tests/test_messages.py checks the English copies an old extraction left


def build(make_site, tmp_path: Path, language: str) -> Path:
    content = make_site({"site.yaml": SITE.replace("language: cs", f"language: {language}")})
    out = tmp_path / language
    result = run_cli("build", "--content", content, "--out", out)
    assert result.code == 0, result.out + result.err
    return out


def test_polish_site_uses_its_translations(make_site, tmp_path):
    out = build(make_site, tmp_path, "pl")
    root = page(out / "sluzby/azylovy-dum-lysa/index.html")
    assert find(root, "html").get("lang") == "pl"
    assert text(find(root, "a", class_="skip")) == "Przejdź do treści"  # translated
    assert text(find(root, "h2", id="h-about")) == "Co oferuje usługa"
    assert "1 września 2026" in text(root)  # dates in Polish
    assert [text(th) for th in root.iter("th") if th.get("scope") == "row"][0] == "Poniedziałek"


def test_english_site(make_site, tmp_path):
    out = build(make_site, tmp_path, "en")
    root = page(out / "sluzby/azylovy-dum-lysa/index.html")
    assert find(root, "html").get("lang") == "en"
    assert text(find(root, "h2", id="h-about")) == "What the service offers"
    assert "Last verified on September 1, 2026." in text(root)
    assert "18 years and older" in text(root)


def test_czech_site_dates_and_numbers(make_site, tmp_path):
    out = build(make_site, tmp_path, "cs")
    root = page(out / "sluzby/azylovy-dum-lysa/index.html")
    assert "Naposledy ověřeno 1. září 2026." in text(root)
    assert text(find(root, "a", class_="skip")) == "Přeskočit na obsah"
