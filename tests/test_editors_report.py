"""The editors' report at /redakce/: what needs attention, hidden from the public and from search engines."""

from __future__ import annotations

import datetime as dt
import difflib
import random
from html.parser import HTMLParser

import pytest

from conftest import run_cli
from html_tree import links, page, resolve
from sites import PROVIDER, SERVICE_2

from catalogue.validate.cache import RecordCache
from catalogue.validate.stage import check_content
from catalogue.outputs import editors_report
from catalogue.outputs.editors_report import build_report, near_identical, normalise

PROVIDER_2 = """\
name: Charita Lysá nad Labem
ico: "00845451"
description: Druhý záznam téže charity.
verified: 2025-06-30
"""
QUIET_PROVIDER = "name: Tichý spolek\ndescription: Bez kontaktů.\nverified: 2026-10-01\n"
QUIET_SERVICE = """\
name: Klub pro seniory
provider: tichy-spolek
kind: related
type: svepomocne-skupiny
verified: 2024-01-15
"""
TWIN = SERVICE_2.replace("Pečovatelská služba Lysá", "Pečovatelská sluzba Lysá.").replace('"1234567"', '"7654321"')
FAR_TWIN = (
    SERVICE_2.replace("Pečovatelská služba Lysá", "Pečovatelská služba Lysa")
    .replace("provider: charita-lysa", "provider: tichy-spolek")
    .replace('"1234567"', '"1111111"')
    .replace("area: [lysa]", "area: [milovice]")
    .replace("locality: litol", "locality: milovice")
    + "contacts: {phone: 325 000 111}\n"
)


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.sections: dict[str, list[str]] = {}
        self._section = ""
        self._in_link = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "name" in attrs:
            self.meta[attrs["name"]] = attrs["content"]
        if tag == "section":
            self._section = attrs["aria-labelledby"]
            self.sections[self._section] = []
        if tag == "a" and self._section and "class" not in attrs:
            self._in_link = True

    def handle_endtag(self, tag):
        if tag == "a":
            self._in_link = False

    def handle_data(self, data):
        if self._in_link and data.strip():
            self.sections[self._section].append(data.strip())


def report_of(make_site, tmp_path, overrides):
    content = make_site(overrides)
    out = tmp_path / "public"
    result = run_cli("build", "--content", content, "--out", out)
    assert result.code == 0, result.out
    return out


def test_the_report_lists_what_needs_attention(make_site, tmp_path):
    out = report_of(make_site, tmp_path, {
        "providers/charita-lysa-2.yaml": PROVIDER_2,
        "providers/tichy-spolek.yaml": QUIET_PROVIDER,
        "services/klub-pro-seniory.yaml": QUIET_SERVICE,
        "services/pecovatelska-sluzba-lysa-2.yaml": TWIN,
        "services/pecovatelska-sluzba-milovice.yaml": FAR_TWIN,
    })
    page = Page()
    page.feed((out / "redakce/index.html").read_text(encoding="utf-8"))
    assert page.meta["robots"].startswith("noindex")
    assert page.sections["unverified"] == ["Klub pro seniory", "Charita Lysá nad Labem"]  # services, then providers
    assert page.sections["no-contact"] == ["Klub pro seniory"]
    assert page.sections["no-locations"] == ["Klub pro seniory"]
    assert page.sections["no-description"] == ["Klub pro seniory"]
    assert page.sections["duplicates"] == [
        "Charita Lysá", "Charita Lysá nad Labem",  # the same IČO
        "Pečovatelská služba Lysá", "Pečovatelská sluzba Lysá.",  # near-identical names, the same provider
    ]  # not the one in Milovice: another provider in another town


def test_the_report_is_not_linked_from_the_public_site(site, tmp_path):
    out = tmp_path / "public"
    run_cli("build", "--content", site, "--out", out)
    public = [p for p in out.rglob("*.html") if "redakce" not in p.parts and "admin" not in p.parts]
    report = out / "redakce" / "index.html"
    linked = {resolve(out, p, url) for p in public for url in links(page(p))}  # "redakce" is also a Czech word of the texts
    assert public and report.is_file() and report not in linked and (out / "redakce") not in linked


def test_verification_age_follows_the_site_setting(make_site):
    from sites import SITE

    content = make_site({"site.yaml": SITE + "checks: {verified_max_age_months: 1}\n"})
    loaded = check_content(content, cache=RecordCache(None))
    report = build_report(loaded.catalogue, dt.date(2026, 11, 22))
    assert report.max_age_months == 1
    assert [i.id for i in report.unverified] == ["azylovy-dum-lysa", "pecovatelska-sluzba-lysa", "charita-lysa"]
    report = build_report(loaded.catalogue, dt.date(2026, 10, 31))
    assert [i.id for i in report.unverified] == ["azylovy-dum-lysa", "charita-lysa"]  # 2026-10-01 is not a month old yet


def test_names_are_compared_without_accents_punctuation_or_legal_form():
    assert normalise("Charita Lysá, z. s.") == normalise("CHARITA LYSA z.s.") == "charita lysa"
    assert normalise("Domov Slunce, o.p.s.") == "domov slunce"


def test_near_identical_names_are_grouped_but_numbers_must_match():
    keyed = tuple((str(i), normalise(n)) for i, n in enumerate(
        ["Azylový dům Lysá", "Azylovy dum Lysa", "Azylový dům Lisá", "Domov 1", "Domov 2", "Noclehárna"]))
    assert near_identical(keyed) == (("0", "1", "2"),)


WORDS = "pomoc rodina senior domov péče poradna krize bydlení dluhy asistence dílna klub centrum služba podpora".split()


def random_names(count: int, words: int, seed: int) -> list[tuple[str, str]]:
    """Service names of a few common words each, normalised: many near one another in both sort orders."""
    rng = random.Random(seed)
    return [(f"s{i}", normalise(" ".join([rng.choice(WORDS), *rng.sample(WORDS, words - 1)]))) for i in range(count)]


@pytest.fixture()
def compared(monkeypatch) -> list[int]:
    """Count the names difflib compares (``compared[0]``; set it to 0 to start again)."""
    count = [0]

    class Counting(difflib.SequenceMatcher):
        def set_seq1(self, a):
            count[0] += 1
            super().set_seq1(a)

    monkeypatch.setattr(editors_report.difflib, "SequenceMatcher", Counting)
    return count


def test_duplicate_search_scales_to_the_national_registry(compared):
    names = tuple(random_names(6700, 5, seed=5))
    near_identical(names)
    # a window in two sort orders: at most 2 × WINDOW comparisons a name, where all pairs would be 22 million
    assert 0 < compared[0] <= 2 * editors_report.WINDOW * len(names) < len(names) ** 2 / 100


def test_a_later_run_compares_only_the_pairs_an_edit_made_new(compared):
    """The verdicts of the last run (kept in the content's cache) spare a one-edit build 50,000 comparisons."""
    names = random_names(2000, 4, seed=7)
    first = editors_report.Verdicts()
    near_identical(tuple(names), first)
    assert compared[0] > 2000
    names[1000] = ("s1000", normalise("Azylový dům Nová Lysá"))  # one renamed
    again, compared[0] = editors_report.Verdicts(before=first.now), 0
    groups = near_identical(tuple(names), again)
    # in each of the two orders: the new key with its neighbours on both sides, and the pairs closing the old key's gap
    assert 0 < compared[0] <= 2 * 3 * editors_report.WINDOW
    assert groups == near_identical(tuple(names))  # what a run knowing nothing finds


def test_the_verdicts_are_kept_in_the_content_cache(tmp_path):
    verdicts = editors_report.Verdicts.of(tmp_path)
    near_identical((("a", "azylovy dum lysa"), ("b", "azylovy dum lisa")), verdicts)
    verdicts.save()
    editors_report._kept.clear()  # a new process
    assert editors_report.Verdicts.of(tmp_path).before == {("azylovy dum lisa", "azylovy dum lysa"): True}
    (tmp_path / "editors" / "similar-names.pickle").write_bytes(b"planted")
    editors_report._kept.clear()
    assert editors_report.Verdicts.of(tmp_path).before == {}  # not this user's seal: not read
