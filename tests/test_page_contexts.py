"""Every web page's inputs are a typed context built in Python, testable without rendering."""

from __future__ import annotations

import typing

from conftest import ROOT
from sites import SERVICE, write_site

from catalogue.index import publishable
from catalogue.render.env import BUILTIN_TEMPLATES
from catalogue.render.pages import PAGES, page_context
from catalogue.render.plan import plan_pages
from catalogue.validate.cache import RecordCache
from catalogue.validate.stage import check_content


def catalogue_of(content):
    return publishable(check_content(content, cache=RecordCache(None)).catalogue)


NOT_PAGES = ("print", "editors", "opendata", "admin")  # made by the outputs (PDFs, the report, open data, the CMS), not the page plan


def test_every_page_template_has_a_context():
    templates = {
        p.relative_to(BUILTIN_TEMPLATES).as_posix()
        for p in BUILTIN_TEMPLATES.rglob("*")
        if p.is_file() and not p.name.startswith("_") and p.relative_to(BUILTIN_TEMPLATES).parts[0] not in NOT_PAGES
    } - {"base.html"}
    assert templates == set(PAGES)


def test_each_context_has_exactly_the_keys_of_its_type():
    cat = catalogue_of(ROOT / "content")
    for plan in plan_pages(cat):
        builder = PAGES[plan.template]
        declared = typing.get_type_hints(builder).get("return")
        context = page_context(cat, plan)
        if typing.is_typeddict(declared):
            assert set(context) == set(declared.__annotations__), plan.url
        else:  # the pages the plan itself describes (redirects, sitemap)
            assert context is plan.params


def test_a_service_without_contacts_shows_its_providers(tmp_path):
    without = SERVICE.replace('contacts: {phone: "+420 325 551 234", email: azyl@example.org}\n', "")
    cat = catalogue_of(write_site(tmp_path / "content", {"services/azylovy-dum-lysa.yaml": without}))
    plan = next(p for p in plan_pages(cat) if p.ident == "azylovy-dum-lysa" and p.template == "service.html")
    context = page_context(cat, plan)
    assert context["contacts"] is cat.providers["charita-lysa"].contacts
    assert [situation.id for situation in context["helps"]] == ["ztrata-bydleni"]
    assert [place.name for _, place in context["area"]] == ["Lysá nad Labem", "Milovice"]
