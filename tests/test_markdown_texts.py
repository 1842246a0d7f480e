"""Each Markdown text rendered once per build, kept on disk by hash of the text for the next build."""

from __future__ import annotations

import pickle

import pytest

from catalogue.render import markdown, texts
from catalogue.sealed import seal, unseal
from catalogue.validate.stage import check_content

from sites import write_site


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch):
    """Start each test as a new build process would: nothing rendered yet."""
    monkeypatch.setattr(markdown, "RENDERED", {})


@pytest.fixture
def conversions(monkeypatch) -> list[str]:
    done: list[str] = []
    convert = markdown.convert

    def counting(text: str) -> str:
        done.append(text)
        return convert(text)

    monkeypatch.setattr(markdown, "convert", counting)
    return done


TEXTS = ["**tučně** a [odkaz](https://example.org)", "# Nadpis\n\nodstavec", "<script>alert(1)</script> text"]


def test_prepared_texts_are_the_converted_html_and_pages_convert_nothing_more(tmp_path, conversions):
    assert texts.prepare(TEXTS, texts.MarkdownCache(tmp_path)) == 3
    assert conversions == TEXTS
    assert markdown.render_markdown(TEXTS[1], under=2) == "<h3>Nadpis</h3>\n<p>odstavec</p>"
    assert "script" not in markdown.render_markdown(TEXTS[2])
    assert texts.prepare(TEXTS, texts.MarkdownCache(tmp_path)) == 0
    assert conversions == TEXTS


def test_the_next_build_reads_unchanged_texts_from_the_disk_cache(tmp_path, conversions, monkeypatch):
    texts.prepare(TEXTS, texts.MarkdownCache(tmp_path))
    first = dict(markdown.RENDERED)
    monkeypatch.setattr(markdown, "RENDERED", {})  # a new process
    edited = [*TEXTS[:2], "jiný *text*"]
    assert texts.prepare(edited, texts.MarkdownCache(tmp_path)) == 1
    assert conversions == [*TEXTS, "jiný *text*"]
    assert {t: markdown.RENDERED[t] for t in TEXTS[:2]} == {t: first[t] for t in TEXTS[:2]}
    _, entries = unseal((tmp_path / "markdown.pickle").read_bytes())
    assert len(entries) == 3  # the text edited away is gone from the cache


def test_a_corrupt_or_foreign_cache_only_costs_a_conversion(tmp_path, conversions):
    (tmp_path / "markdown.pickle").write_bytes(b"\x80garbage")
    assert texts.prepare(TEXTS[:1], texts.MarkdownCache(tmp_path)) == 1
    markdown.RENDERED.clear()
    # written by another version of the converter
    (tmp_path / "markdown.pickle").write_bytes(seal((b"other", {texts._key(TEXTS[0]): "<p>stale</p>"})))
    assert texts.prepare(TEXTS[:1], texts.MarkdownCache(tmp_path)) == 1
    markdown.RENDERED.clear()
    # planted: a pickle without this user's seal is never unpickled
    (tmp_path / "markdown.pickle").write_bytes(pickle.dumps((texts._fingerprint(), {texts._key(TEXTS[0]): "<p>planted</p>"})))
    assert texts.prepare(TEXTS[:1], texts.MarkdownCache(tmp_path)) == 1
    assert markdown.RENDERED[TEXTS[0]] == markdown.convert(TEXTS[0])


def test_an_unwritable_cache_folder_only_makes_the_build_slower(tmp_path, conversions):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert texts.prepare(TEXTS, texts.MarkdownCache(blocker / "render")) == 3
    assert texts.prepare(TEXTS, texts.MarkdownCache(None)) == 0


def test_many_texts_are_converted_in_parallel_to_the_same_html(tmp_path, monkeypatch):
    many = [f"Text **{n}** s [odkazem](https://example.org/{n})" for n in range(30)]
    monkeypatch.setattr(texts, "PARALLEL_FROM", 10)
    monkeypatch.setattr(texts, "CHUNK", 7)
    monkeypatch.setattr(texts, "available_cores", lambda: 2)
    texts.prepare(many, texts.MarkdownCache(None))
    assert [markdown.RENDERED[t] for t in many] == [markdown.convert(t) for t in many]


def test_the_catalogues_texts_are_every_description_advice_and_page_body(tmp_path):
    cat = check_content(write_site(tmp_path)).catalogue
    found = texts.markdown_texts(cat)
    assert len(found) == len(set(found))
    for service in cat.services.values():
        assert service.description in found
    for page in cat.pages.values():
        assert page.body in found
