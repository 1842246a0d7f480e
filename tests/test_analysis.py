"""Czech search analysis: behaviour, and the Python and JavaScript sides agreeing byte for byte."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from snowballstemmer.czech_stemmer import CzechStemmer

from catalogue.search import analysis as an

ROOT = Path(__file__).resolve().parents[1]
WORDS_FILE = ROOT / "tests" / "data" / "czech-words.txt"
JS_RUNNER = ROOT / "tests" / "js" / "run_analysis.js"
JS_FILE = ROOT / "catalogue" / "search" / "static" / "czech-analysis.js"

# Inputs for the text-level functions, beyond every line of the demo content.
TEXTS = [
    "Pečovatelská služba",
    "pecovatelska sluzba",
    "Domovy pro seniory",
    "domov pro seniory",
    "Služby pro seniory, seniorům a senioři.",
    "Frýdek-Místek, §40 zákona č. 108/2006 Sb.; e-mail: info@charita.cz",
    "ŘEŘICHA, Žluťoučký kůň úpěl ďábelské ódy!",
    "Tel. +420 596 111 222 — Po–Pá 8:00–16:30 (oběd 12:00–12:30)",
    "Azylový dům pro matky s dětmi… „Domov“ ‚U Anežky‘ «Naděje»",
    "NFD: Pec\u030covatelska\u0301 sluz\u030cba",
    "under_score snake_case 3D 1.patro 2x týdně 24/7 ½ m² Ⅻ",
    "Dom sv. Józefa, Łódź — Polska; Straße; Ελληνικά ΣΟΦΙΑ; Кириллица",
    "𝐁old math letters 𝒜 and emoji 😀 inside slo😀vo",
    "İstanbul DİJON ǅemal ﬁnance ﬂat",
    "",
    "   \t\n  ",
]


def _content_texts() -> list[str]:
    """Every line of the demo content (content/**/*.yaml and *.md), if present."""
    content = ROOT / "content"
    lines: list[str] = []
    for pattern in ("**/*.yaml", "**/*.yml", "**/*.md"):
        for path in sorted(content.glob(pattern)):
            lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def _random_texts(count: int = 3000, seed: int = 20261122) -> list[str]:
    """Reproducible noise: Czech letters in both cases, marks, digits, punctuation, astral."""
    rng = random.Random(seed)
    pool = (
        "aábcčdďeéěfghchiíjklmnňoópqrřsštťuúůvwxyýzž" * 3
        + "AÁBCČDĎEÉĚFGHIÍJKLMNŇOÓPQRŘSŠTŤUÚŮVWXYÝZŽ"
        + "\u0301\u030c\u030a\u0308 0123456789 -_.,;:!?/()„“'\"§%&@+*= \t\nßłøİıΣςσЖ"
        + "ﬁǅ½²\u00a0\u200b𝐁😀"
    )
    return ["".join(rng.choice(pool) for _ in range(rng.randint(1, 40))) for _ in range(count)]


def _word_list() -> list[str]:
    return [w for w in WORDS_FILE.read_text(encoding="utf-8").splitlines() if w]


@pytest.fixture(scope="module")
def words() -> list[str]:
    """The test word list plus every word of the demo content."""
    content_words = {t for line in _content_texts() for t in an.tokenize(line)}
    return sorted(set(_word_list()) | content_words)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return TEXTS + _content_texts() + _random_texts()


@pytest.fixture(scope="module")
def js(tmp_path_factory, words, texts):
    """Run czech-analysis.js once (one node process) over all words and texts."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed, so the JavaScript analysis cannot be compared")
    folder = tmp_path_factory.mktemp("js-analysis")
    source, result = folder / "in.jsonl", folder / "out.jsonl"
    items = [["w", w] for w in words] + [["t", t] for t in texts]
    source.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    subprocess.run([node, str(JS_RUNNER), str(source), str(result)], check=True, timeout=300)
    lines = result.read_text(encoding="utf-8").splitlines()
    header, rows = json.loads(lines[0]), [json.loads(line) for line in lines[1:]]
    assert len(rows) == len(items)
    return {"header": header, "words": rows[: len(words)], "texts": rows[len(words) :]}


def _mismatches(inputs, expected, actual) -> list[str]:
    return [f"{i!r}: python {e!r} != js {a!r}" for i, e, a in zip(inputs, expected, actual) if e != a]


# ---- the two implementations agree -------------------------------------------------------


def test_word_list_is_large_sorted_lowercase_and_distinct():
    words = _word_list()
    assert len(words) >= 5000
    assert words == sorted(set(words))
    assert all(an.tokenize(w) == [w] for w in words), "every line is one lowercase token"


def test_js_and_python_agree_on_every_word(js, words):
    expected = [[an.stem(w), an.fold(w), list(an.keys(w)), list(an.query_keys(w))] for w in words]
    bad = _mismatches(words, expected, js["words"])
    assert not bad, f"{len(bad)} of {len(words)} words differ:\n" + "\n".join(bad[:20])


def test_js_and_python_agree_on_texts(js, texts):
    expected = [
        [an.tokenize(t), an.analyse(t), an.index_terms(t), an.analyse_query(t)] for t in texts
    ]
    bad = _mismatches(texts, expected, js["texts"])
    assert not bad, f"{len(bad)} of {len(texts)} texts differ:\n" + "\n".join(bad[:20])


def test_js_and_python_share_constants(js):
    assert sorted(js["header"]["STOPWORDS"]) == sorted(an.STOPWORDS)
    assert [tuple(p) for p in js["header"]["REACCENT_ENDINGS"]] == list(an.REACCENT_ENDINGS)


def test_js_file_is_small():
    assert JS_FILE.stat().st_size < 16_000


# ---- the stemmer and the tables it derives from ------------------------------------------


def test_stem_is_the_snowball_czech_stemmer(words):
    for w in words[::97]:
        if not any(c.isdigit() for c in w):
            assert an.stem(w) == CzechStemmer().stemWord(w)


def test_reaccent_endings_are_the_stemmers_endings_with_diacritics():
    endings = {a.s for a in CzechStemmer.a_6} | {a.s for a in CzechStemmer.a_2}
    with_marks = {e for e in endings if an.fold(e) != e}
    assert {accented for _, accented in an.REACCENT_ENDINGS} == with_marks
    assert all(an.fold(accented) == plain for plain, accented in an.REACCENT_ENDINGS)
    lengths = [len(plain) for plain, _ in an.REACCENT_ENDINGS]
    assert lengths == sorted(lengths, reverse=True), "longest ending first"


def test_digits_and_astral_characters_are_not_stemmed():
    assert an.stem("108") == "108"
    assert an.stem("covid19") == "covid19"
    assert an.stem("slo😀vami") == "slo😀vami"


# ---- behaviour ----------------------------------------------------------------------------


def matches(query: str, document: str) -> bool:
    """How a search engine should use the analysis: every query group meets the index."""
    terms = set(an.index_terms(document))
    groups = an.analyse_query(query)
    return bool(groups) and all(any(k in terms for k in group) for group in groups)


def test_inflections_of_senior_share_a_key():
    assert an.analyse("seniorům") == an.analyse("senioři") == an.analyse("seniory") == ["senior"]
    assert an.analyse("senior seniora seniorovi seniorem seniorů seniorech") == ["senior"] * 6


def test_query_without_diacritics_matches():
    assert an.analyse("pecovatelska sluzba") == an.analyse("Pečovatelská služba")
    assert matches("pecovatelska sluzba", "Pečovatelská služba")
    assert matches("pečovatelská služba", "pecovatelska sluzba")
    assert matches("pece", "Domácí péče")  # the stemmer gives "pek" for "pece", "péč" for "péče"
    assert matches("seniorum", "Domov pro seniory")  # "-um" is put back as "-ům"
    assert matches("rodinam s detmi", "Služby rodinám s dětmi")


def test_domov_pro_seniory():
    assert an.analyse("domov pro seniory") == an.analyse("Domovy pro seniory") == ["dom", "senior"]
    assert matches("domov pro seniory", "Domovy pro seniory")
    assert matches("Domovy pro seniory", "domov pro seniory")
    assert not matches("domov pro seniory", "Azylový dům pro matky")


def test_keys_of_a_word_typed_without_diacritics_are_among_its_keys(words):
    for w in words:
        assert set(an.keys(an.fold(w))) <= set(an.keys(w)), w
        assert all(an.fold(k) == k for k in an.keys(w)), w  # keys are folded


def test_stopwords_are_removed():
    assert an.analyse("a i v ve na pro s se z ze k ke o u do od po za je jsou to ten ta že nebo") == []
    assert an.analyse_query("pro seniory") == [["senior"]]
    assert an.index_terms("Služba pro rodiny s dětmi") == ["sluzb", "rod", "det"]
    assert "byt" not in an.STOPWORDS  # "být" is a stopword candidate, "byt" a flat


def test_fold():
    assert an.fold("Řeřicha") == "rericha"
    assert an.fold("Žluťoučký kůň úpěl ďábelské ódy") == "zlutoucky kun upel dabelske ody"
    assert an.fold("Pec\u030covatelska\u0301") == "pecovatelska"
    assert an.fold("Łódź") == "lodz"  # ł has no decomposition: mapped by LETTERS
    assert an.fold("Straße Øster Đakovo") == "strasse oster dakovo"
    assert an.fold("Помощь") == "помощь"  # other scripts: lowercased, marks removed


def test_tokenize():
    assert an.tokenize("Frýdek-Místek, §40 zákona č. 108/2006 Sb.") == [
        "frýdek", "místek", "40", "zákona", "č", "108", "2006", "sb",
    ]
    assert an.tokenize("e-mail: info@charita.cz; tel.: +420 596 111 222") == [
        "e", "mail", "info", "charita", "cz", "tel", "420", "596", "111", "222",
    ]
    assert an.tokenize("„Domov“ (Anežka) – 2x týdně; snake_case") == [
        "domov", "anežka", "2x", "týdně", "snake", "case",
    ]
    assert an.tokenize("Pec\u030covatelska\u0301 SLUŽBA") == ["pečovatelská", "služba"]
    assert an.tokenize("") == [] and an.tokenize(" .,;- ") == []
