"""The browser's search files: complete, the same every time, readable back, and stoppable."""

from __future__ import annotations

import json
import pickle
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalogue.index import publishable
from catalogue.render.i18n import translations
from catalogue.search.browser import CHUNK_BYTES, index_files
from catalogue.search.corpus import build_documents
from catalogue.search.documents import FACETS
from catalogue.search.postings import Postings, chunks, decode, encode, order_key
from catalogue.search.ranking import ranking_data
from catalogue.search import analysed, suggest
from catalogue.search.suggest import cached_vocabulary, site_vocabulary, vocabulary
from catalogue.search.synonyms import catalogue_synonyms
from catalogue.validate.stage import check_content

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def cat():
    return publishable(check_content(ROOT / "content").catalogue)


@pytest.fixture(scope="module")
def docs(cat):
    return build_documents(cat, translations(cat.site.language).gettext)


@pytest.fixture(scope="module")
def files(cat, docs):
    return index_files(docs, site_vocabulary(cat, docs), catalogue_synonyms(cat))


def test_the_files_are_complete_and_the_same_every_time(cat, docs, files):
    meta = json.loads(files["search/index.json"])
    assert meta["docs"] == len(docs)
    assert meta["ranking"] == ranking_data()  # the browser reads the ranking, never a copy of it
    assert all(f"search/{name}" in files for _, name in meta["chunks"])
    assert sorted(meta["facets"]) == sorted(FACETS) and all(f"search/{n}" in files for n in meta["facets"].values())
    assert all(f"search/doc/{n}.json" in files for n in range(len(docs)))
    assert [record for _, record in meta["records"]] == ["service", "provider", "life-situation", "page", "plan", "measure"]
    assert meta["synonyms"]["phrases"] and meta["synonyms"]["negations"] == ["bez"]
    assert index_files(docs, site_vocabulary(cat, docs), catalogue_synonyms(cat)) == files


def test_the_chunks_hold_every_term_once_in_order(docs, files):
    meta = json.loads(files["search/index.json"])
    entries = [entry for _, name in meta["chunks"] for entry in decode(files[f"search/{name}"])]
    postings = Postings.build(doc.terms for doc in docs)
    assert entries == postings.entries()
    assert [first for first, _ in meta["chunks"]] == [decode(files[f"search/{n}"])[0][0] for _, n in meta["chunks"]]
    assert all(len(files[f"search/{n}"]) < 2 * CHUNK_BYTES for _, n in meta["chunks"][:-1])


def test_a_change_of_any_document_changes_the_version(cat, docs, files):
    changed = list(docs)
    changed[0] = type(docs[0])(**{**docs[0].__dict__, "meta": {**docs[0].meta, "phone": "+420 111 222 333"}})
    other = index_files(changed, site_vocabulary(cat, docs), catalogue_synonyms(cat))
    assert json.loads(other["search/index.json"])["version"] != json.loads(files["search/index.json"])["version"]


def test_a_check_that_raises_stops_the_work(cat, docs):
    class Stop(Exception):
        pass

    def check():
        raise Stop

    with pytest.raises(Stop):
        index_files(docs, {}, catalogue_synonyms(cat), check=check)


terms = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12)


@given(st.dictionaries(terms, st.lists(st.tuples(st.integers(0, 20_000), st.integers(0, 63)), min_size=1, max_size=30)))
def test_the_file_format_reads_back_what_it_wrote(table):
    entries = [(key, sorted({doc: value for doc, value in postings}.items())) for key, postings in sorted(table.items(), key=lambda i: order_key(i[0]))]
    assert decode(encode(entries)) == entries
    assert [e for _, data in chunks(entries, 64) for e in decode(data)] == entries


def test_terms_sort_as_javascript_compares_them():
    # UTF-16 code units: a character outside the BMP sorts before U+E000..U+FFFF, as in JavaScript.
    assert sorted(["\uffe0", "\U0001d400", "a"], key=order_key) == ["a", "\U0001d400", "\uffe0"]


def test_a_prefix_matches_the_terms_it_begins_and_short_keys_only_themselves():
    postings = Postings.build([{"dom": 0}, {"domov": 2, "do": 0}, {"domac": 4}])
    assert [(list(p), exact) for p, exact in postings.matches("dom")] == [([(0, 0)], True), ([(2, 4)], False), ([(1, 2)], False)]
    assert [(list(p), exact) for p, exact in postings.matches("do")] == [([(1, 0)], True)]
    assert postings.count("dom") == 3 and postings.count("d") == 0


def test_the_vocabulary_counts_words_of_titles_and_names(docs):
    shards = vocabulary(docs, ["Pečovatelská služba"])
    words = {folded: written for shard in shards.values() for folded, written in shard}
    assert words["pecovatelska"] == "pečovatelská"
    assert "nymburk" in words  # a title word
    assert all(len(f) == length for length, shard in shards.items() for f, _ in shard)


def test_the_vocabulary_is_made_once_per_content_and_kept_by_its_hash(cat, docs, tmp_path, monkeypatch):
    wanted, made, make = site_vocabulary(cat, docs), [], suggest.vocabulary
    monkeypatch.setattr(suggest, "vocabulary", lambda *a: made.append(1) or make(*a))
    monkeypatch.setattr(suggest, "_last", None)
    first = cached_vocabulary(cat, docs, tmp_path)
    kept = list(tmp_path.glob("vocabulary-*.json"))
    assert first == wanted and len(made) == 1 and len(kept) == 1
    assert cached_vocabulary(cat, docs, tmp_path) == first and len(made) == 1  # the same content: from memory
    monkeypatch.setattr(suggest, "_last", None)
    assert cached_vocabulary(cat, docs, tmp_path) == first and len(made) == 1  # a new process: from the file
    changed = [*docs[:-1], replace(docs[-1], text=docs[-1].text + " Nové slovo.")]
    cached_vocabulary(cat, changed, tmp_path)
    assert len(made) == 2 and [p.name for p in tmp_path.glob("vocabulary-*.json")] != [kept[0].name]  # one file, the new one
    assert len(list(tmp_path.glob("vocabulary-*.json"))) == 1


def test_a_broken_or_unwritable_vocabulary_cache_costs_time_never_the_search(cat, docs, tmp_path, monkeypatch):
    monkeypatch.setattr(suggest, "_last", None)
    cached_vocabulary(cat, docs, tmp_path)
    [kept] = tmp_path.glob("vocabulary-*.json")
    kept.write_bytes(b"\xff{ broken")
    monkeypatch.setattr(suggest, "_last", None)
    assert cached_vocabulary(cat, docs, tmp_path) == site_vocabulary(cat, docs)
    assert json.loads(kept.read_text(encoding="utf-8"))  # made again and kept again
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(suggest, "_last", None)
    assert cached_vocabulary(cat, docs, blocked / "search") == site_vocabulary(cat, docs)


def test_each_document_is_analysed_once_and_kept_by_a_hash_of_its_fields(cat, docs, tmp_path, monkeypatch):
    """A second run (a new process: nothing in memory) takes every document's analysis from the cache;
    a document whose fields changed is analysed again, and only that one."""
    _ = translations(cat.site.language).gettext
    monkeypatch.setattr(analysed, "_memory", None)
    assert build_documents(cat, _, cache=tmp_path) == docs
    assert (tmp_path / "documents.pickle").is_file()
    made: list[list] = []
    analyse = analysed.analyse_fields
    monkeypatch.setattr(analysed, "analyse_fields", lambda fields, synonyms: made.append(fields) or analyse(fields, synonyms))
    monkeypatch.setattr(analysed, "_memory", None)
    assert build_documents(cat, _, cache=tmp_path) == docs and made == []
    shutil.copytree(ROOT / "content", tmp_path / "content", ignore=shutil.ignore_patterns(".cache"))
    path = tmp_path / "content/services/klub-senioru-lysa.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("zájezdy a kurzy", "zájezdy, kurzy a tanec"), encoding="utf-8")
    monkeypatch.setattr(analysed, "_memory", None)
    fresh = build_documents(publishable(check_content(tmp_path / "content").catalogue), _, cache=tmp_path)
    [(new, old)] = [(n, o) for n, o in zip(fresh, docs) if n != o]
    assert new.id == "klub-senioru-lysa" and new.terms != old.terms and "tanec" in new.text
    assert [fields[0] for fields in made] == [("name", new.title)]


def test_build_lets_go_of_what_the_preview_keeps_for_its_next_render(cat, tmp_path, monkeypatch):
    """The analysed documents and the vocabulary stay in memory after the search step of the live
    preview; ``build`` (``once``) lets go of them once they are on disk: its later steps need the room."""
    import datetime as dt

    from catalogue.outputs.context import OutputContext
    from catalogue.search.output import write_search
    from catalogue.write import OutputTree

    for once in (False, True):
        monkeypatch.setattr(analysed, "_memory", None)
        monkeypatch.setattr(suggest, "_last", None)
        tree = OutputTree()
        write_search(OutputContext(cat, tree, dt.date(2026, 1, 1), cache=tmp_path, once=once))
        assert "search/places.json" in tree and (tmp_path / "search/documents.pickle").is_file()
        kept = analysed._memory is not None, suggest._last is not None, analysed.text_words.cache_info().currsize > 0
        assert kept == ((False, False, False) if once else (True, True, True))


def test_a_foreign_document_cache_is_never_read(cat, docs, tmp_path, monkeypatch):
    """Only this user's sealed cache is unpickled; a planted or damaged one is ignored and made again."""
    _ = translations(cat.site.language).gettext
    (tmp_path / "documents.pickle").write_bytes(pickle.dumps(analysed.Store(b"x", {})))
    monkeypatch.setattr(analysed, "_memory", None)
    assert build_documents(cat, _, cache=tmp_path) == docs
    assert (tmp_path / "documents.pickle").read_bytes().startswith(b"catalogue-sealed-1\n")
