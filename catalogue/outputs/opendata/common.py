"""What every open-data format shares: file paths, absolute URLs, names of terms and places, stable JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

import orjson

from ...index import Catalogue
from ...model.records import Service
from ...render.i18n import translations
from ...render.urls import absolute, url_for
from ..context import RecordPrints

T = TypeVar("T")

# Where each file is published, relative to the site's root; ``export --out DIR`` writes the
# same layout without the leading ``data/``.
FOLDER = "data"
JSON = f"{FOLDER}/katalog.json"
JSON_SCHEMA = f"{FOLDER}/katalog.schema.json"
CSV = f"{FOLDER}/sluzby.csv"
CSV_EXCEL = f"{FOLDER}/sluzby-excel.csv"
CSV_METADATA = f"{FOLDER}/sluzby.csv-metadata.json"
HSDS = f"{FOLDER}/hsds/services.json"
HSDS_TAXONOMIES = f"{FOLDER}/hsds/taxonomies.json"
DCAT_DATASET = f"{FOLDER}/dcat/datova-sada.jsonld"
DCAT_CATALOGUE = f"{FOLDER}/dcat/katalog.jsonld"

LIST_SEPARATOR = "; "  # several values in one CSV cell or one line of text


@dataclass
class Export:
    """The publishable catalogue with the lookups the exports share, made once per export.

    With ``prints`` (what the build read), each service's part of every format is kept
    by the service's fingerprint (``made``, saved by ``write_open_data``), and taken from
    the last build's (``kept``) when its files and everything it shares are the same.
    """

    cat: Catalogue
    prints: RecordPrints | None = None
    kept: dict[bytes, dict[str, Any]] = field(default_factory=dict)  # the last build's: fingerprint → format → part
    made: dict[bytes, dict[str, Any]] = field(default_factory=dict)  # this build's
    remade: int = 0  # how many services' parts this build made again
    gettext: Callable[[str], str] = field(init=False)
    _levels_above: dict[str, dict[str, str]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.gettext = translations(self.cat.site.language).gettext

    def each_service(self, part: str, make: Callable[[Service], T]) -> list[T]:
        """Return ``make`` of every service in id order; the last build's part of a service whose inputs are the same."""
        out = []
        for sid in sorted(self.cat.services):
            service = self.cat.services[sid]
            key = self.prints.service(sid, service.provider) if self.prints is not None else None
            if key is None:
                out.append(make(service))
                continue
            kept = self.kept.get(key, {})
            if part in kept:
                found = kept[part]
            else:
                found = make(service)
                self.remade += 1
            self.made.setdefault(key, {})[part] = found
            out.append(found)
        return out

    def url(self, site_url: str) -> str:
        """Return the full address of a path of the site (``/sluzby/x/`` or ``data/…``)."""
        return absolute(self.cat.site.base_url, site_url)

    def page(self, kind: str, ident: str | None = None) -> str:
        """Return the full address of a record's page (or a section's index)."""
        return self.url(url_for(kind, ident))

    @cached_property
    def situations_of(self) -> dict[str, list[str]]:
        """Return service id → ids of the life situations it shows under, in the editors' order."""
        return self.cat.situations_by_service

    def above(self, locality_id: str) -> dict[str, str]:
        """Return level → id of the locality and its ancestors ("district": "okres-nymburk", …)."""
        found = self._levels_above.get(locality_id)
        if found is None:
            found = {}
            for lid in (locality_id, *self.cat.ancestors(locality_id)):
                locality = self.cat.localities.get(lid)
                if locality is not None:
                    found.setdefault(locality.level, lid)
            self._levels_above[locality_id] = found
        return found

    @cached_property
    def closed(self) -> str:
        """Return the site's word for a closed day (``zavřeno``)."""
        return self.gettext("closed")

    def place_name(self, locality_id: str) -> str:
        locality = self.cat.localities.get(locality_id)
        return locality.name if locality else locality_id

    def level_name(self, locality_id: str, level: str) -> str:
        """Return the name of the district or region a locality lies in, or ""."""
        lid = self.above(locality_id).get(level)
        return self.place_name(lid) if lid else ""

    def term_names(self, vocabulary: dict[str, Any], ids: list[str]) -> list[str]:
        return [vocabulary[i].name if i in vocabulary else i for i in ids]

    def situation_titles(self, ids: list[str]) -> list[str]:
        return [self.cat.life_situations[i].title for i in ids if i in self.cat.life_situations]

    def contacts(self, service: Service):
        """Return the contacts a citizen sees for the service: its own, or its provider's."""
        return self.cat.contacts_for(service)


_HHMM = [f"{m // 60:02d}:{m % 60:02d}" for m in range(24 * 60 + 1)]  # a national export asks 200,000 times


def hhmm(minutes: int) -> str:
    """Return ``08:00`` for 480 and ``24:00`` for the end of the day (ISO 8601 allows it as an end);
    an end past midnight (1860) is the next morning's time, ``07:00``."""
    return _HHMM[minutes if minutes <= 24 * 60 else minutes - 24 * 60]


def compact_json(data: Any) -> bytes:
    """Return the large data files: UTF-8, no spaces, keys in the order they were built.

    The same bytes as ``json.dumps(data, ensure_ascii=False, separators=(",", ":"))``
    (the tests compare them); orjson writes the 70 MB of a national export in a
    fifth of the time, and with its newline: adding one after would copy them.
    """
    return orjson.dumps(data, option=orjson.OPT_APPEND_NEWLINE)


def json_list(items: list[bytes]) -> orjson.Fragment:
    """Return a list of values already written by ``compact_json`` (without its newline), to stand in
    a document as the list of them would: each service's entry is written once and kept as bytes."""
    return orjson.Fragment(b"[" + b",".join(items) + b"]")


def json_list_file(items: list[bytes]) -> bytes:
    """Return a file that is the list of values already written by ``compact_json`` (without its newline):
    the bytes ``compact_json`` would write of the list of them, made in one copy (the national HSDS file is 60 MB)."""
    parts = [b"["]
    for item in items:
        parts += (item, b",")
    if items:
        parts.pop()  # the comma after the last
    parts.append(b"]\n")
    return b"".join(parts)


def entry_json(data: Any) -> bytes:
    """Return one entry of a large file as ``compact_json`` writes it inside the file.

    An exact copy: orjson's bytes keep the spare room of its buffer allocated behind them,
    and the 13,400 entries of a national export, kept to the end of the step, held 212 MB for 84.
    """
    return bytes(memoryview(orjson.dumps(data)))


def readable_json(data: Any) -> bytes:
    """Return the small descriptive files (schemas, metadata) indented for people."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def without_empty(data: dict[str, Any], keep: set[str] | frozenset[str] = frozenset()) -> dict[str, Any]:
    """Drop keys whose value is None, "" or an empty list, except the ``keep`` ones a schema requires."""
    # ``v == 0`` keeps 0 and False; a national export calls this 150,000 times.
    return {k: v for k, v in data.items() if v or v == 0 or k in keep}


def N_(message: str) -> str:
    """Mark a message for translation (``python -m catalogue.render.messages`` finds it); it is translated where shown."""
    return message
