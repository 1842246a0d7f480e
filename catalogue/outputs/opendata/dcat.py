"""The dataset's metadata record in DCAT-AP-CZ (JSON-LD), for the national open-data catalogue (NKOD).

Two documents, as the Czech open formal norm "Rozhraní katalogů otevřených dat:
DCAT-AP-CZ" has a local catalogue (LKOD) publish them as plain files:

* ``data/dcat/datova-sada.jsonld`` — the dataset: title, description, publisher,
  contact point, update frequency, theme, keywords, spatial coverage, documentation,
  and one distribution per format (download URL, media type, file type, schema,
  terms of use);
* ``data/dcat/katalog.jsonld`` — the local catalogue that lists it. A town registers
  this catalogue's address in NKOD once; NKOD then harvests the record from the site
  after every build.

The keys are the Czech ones of the norm's JSON-LD context (DCAT-AP terms underneath),
so the files read the same as those the NKOD forms produce.
"""

from __future__ import annotations

import re
from typing import Any

from .common import CSV, CSV_METADATA, DCAT_CATALOGUE, DCAT_DATASET, HSDS, JSON, JSON_SCHEMA, Export, readable_json

CONTEXT = "https://ofn.gov.cz/dcat-ap-cz-rozhraní-katalogů-otevřených-dat/2024-05-28/kontexty/rozhraní-katalogů-otevřených-dat.jsonld"
PUBLISHER = "https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/{ico}"
FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/{code}"
FREQUENCIES = {
    "continuous": "UPDATE_CONT", "daily": "DAILY", "weekly": "WEEKLY", "monthly": "MONTHLY",
    "quarterly": "QUARTERLY", "annual": "ANNUAL", "irregular": "IRREG",
}
THEME_SOCIETY = "http://publications.europa.eu/resource/authority/data-theme/SOCI"  # population and society
CZECHIA = "https://linked.cuzk.cz/resource/ruian/stat/1"
RUIAN_MUNICIPALITY = "https://linked.cuzk.cz/resource/ruian/obec/{code}"
MEDIA_TYPE = "http://www.iana.org/assignments/media-types/{media}"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/{kind}"
HSDS_SCHEMA = "https://raw.githubusercontent.com/openreferral/specification/v3.0/schema/service.json"

TERMS = "https://data.gov.cz/podmínky-užití/"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"


def dataset_record(ex: Export) -> dict[str, Any]:
    """Return the dataset with its distributions."""
    _ = ex.gettext
    site = ex.cat.site
    lang = site.language
    record = _record(ex, DCAT_DATASET, "Datová sada", site.title, description(ex))
    record["periodicita_aktualizace"] = FREQUENCY.format(code=FREQUENCIES[site.open_data.update_frequency])
    record["klíčové_slovo"] = {lang: [_("social services"), _("catalogue of social services"), _("providers of social services"),
                                      _("related activities"), _("community planning"), _("life situations")]}
    record["téma"] = [THEME_SOCIETY]
    if site.country == "CZ":
        record["prvek_rúian"] = spatial(ex)
    record["dokumentace"] = ex.page("open-data")
    record["distribuce"] = distributions(ex)
    return record


def _record(ex: Export, path: str, kind: str, title: str, text: str) -> dict[str, Any]:
    """Return what both documents begin with: identity, names, publisher, contact point."""
    site = ex.cat.site
    record: dict[str, Any] = {
        "@context": CONTEXT,
        "iri": ex.url(path),
        "typ": kind,
        "název": {site.language: title},
        "popis": {site.language: text},
    }
    if site.open_data.publisher_ico:
        record["poskytovatel"] = PUBLISHER.format(ico=site.open_data.publisher_ico)
    record["kontaktní_bod"] = contact_point(ex)
    return record


def description(ex: Export) -> str:
    """Return what the dataset holds, in the site's language."""
    _ = ex.gettext
    cat = ex.cat
    counts = _("%(services)d services of %(providers)d providers in %(places)d places.") % {
        "services": len(cat.services),
        "providers": len(cat.providers),
        "places": sum(len(s.locations) for s in cat.services.values()),
    }
    what = _(
        "Who helps with what, for whom, where, when and at what cost: registered social services and related activities, "
        "their providers, places, opening hours, fees, contacts, target groups and life situations."
    )
    return " ".join(p for p in (cat.site.description, what, counts) if p)


def contact_point(ex: Export) -> dict[str, Any]:
    site = ex.cat.site
    point: dict[str, Any] = {"typ": "Organizace", "jméno": {site.language: site.organisation.name}}
    if site.contact.email:
        point["e-mail"] = f"mailto:{site.contact.email[0]}"
    return point


def spatial(ex: Export) -> list[str]:
    """Return the RÚIAN elements the catalogue covers: its top municipalities, or else the whole country.

    Only municipality codes are RÚIAN codes as the editors write them (a region's or
    district's "CZ020" is a NUTS code), so a catalogue of a district or region says Czechia.
    """
    cat = ex.cat
    roots = [cat.localities[lid] for lid in cat.roots]
    codes = [loc.code for loc in roots if loc.level == "municipality" and loc.code and re.fullmatch(r"\d{6}", loc.code)]
    if roots and len(codes) == len(roots):
        return [RUIAN_MUNICIPALITY.format(code=code) for code in sorted(codes)]
    return [CZECHIA]


def terms_of_use(ex: Export) -> dict[str, Any]:
    """Return the Czech terms-of-use specification of every distribution (podmínky užití)."""
    site = ex.cat.site
    terms: dict[str, Any] = {"typ": "Specifikace podmínek užití"}
    if site.open_data.licence == "cc-by-4.0":
        author = {site.language: site.organisation.name}
        terms.update({"autorské_dílo": CC_BY, "autor": author, "databáze_jako_autorské_dílo": CC_BY, "autor_databáze": author})
    else:
        terms.update({"autorské_dílo": CC0, "databáze_jako_autorské_dílo": CC0})
    terms["databáze_chráněná_zvláštními_právy"] = CC0
    terms["osobní_údaje"] = TERMS + "neobsahuje-osobní-údaje/"  # names of people never reach the catalogue
    return terms


def distributions(ex: Export) -> list[dict[str, Any]]:
    """Return one distribution per published format: same content, different form."""
    _ = ex.gettext
    lang = ex.cat.site.language
    found = [
        (JSON, _("The catalogue in JSON"), "application/json", "JSON", ex.url(JSON_SCHEMA)),
        (CSV, _("Services by place in CSV"), "text/csv", "CSV", ex.url(CSV_METADATA)),
        (HSDS, _("Services in Open Referral HSDS 3.0 (JSON)"), "application/json", "JSON", HSDS_SCHEMA),
    ]
    terms = terms_of_use(ex)
    return [
        {
            "iri": f"{ex.url(DCAT_DATASET)}#{path.rsplit('/', 1)[1]}",
            "typ": "Distribuce",
            "název": {lang: title},
            "soubor_ke_stažení": ex.url(path),
            "přístupové_url": ex.url(path),
            "typ_média": MEDIA_TYPE.format(media=media),
            "formát": FILE_TYPE.format(kind=kind),
            "schéma": schema,
            "podmínky_užití": terms,
        }
        for path, title, media, kind, schema in found
    ]


def catalogue_record(ex: Export) -> dict[str, Any]:
    """Return the local catalogue (LKOD) that lists the dataset: the address a town registers in NKOD."""
    site = ex.cat.site
    _ = ex.gettext
    record = _record(
        ex, DCAT_CATALOGUE, "Katalog", _("Open data: %(title)s") % {"title": site.title},
        _("The open data of the catalogue %(title)s, described for the national open-data catalogue.") % {"title": site.title},
    )
    record["domovská_stránka"] = site.base_url
    record["datová_sada"] = [ex.url(DCAT_DATASET)]
    return record


def dcat_files(ex: Export) -> dict[str, bytes]:
    return {DCAT_DATASET: readable_json(dataset_record(ex)), DCAT_CATALOGUE: readable_json(catalogue_record(ex))}
