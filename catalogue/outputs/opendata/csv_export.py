"""Services as a table, one row per service and place (``data/sluzby.csv``), in two dialects.

* ``sluzby.csv`` — the open-data file: RFC 4180 (comma, double quotes, CRLF), UTF-8
  with a byte order mark. Excel recognises UTF-8 only by the mark (without it, it
  reads the file in the Windows code page and the diacritics break); CSV on the Web
  readers, LibreOffice, Python's ``utf-8-sig`` and pandas skip it.
* ``sluzby-excel.csv`` — the same rows for Excel set up for Czech or Polish, which
  splits a double-clicked CSV on its list separator, the semicolon (a comma file lands
  in one column, and a ``sep=`` first line would make Excel ignore the byte order
  mark). Decimal commas; codes and phone numbers written as ``="00845451"`` so that
  Excel keeps leading zeros and does not read ``+420 …`` as a formula, and any other
  text Excel would run as a formula is kept as text (CSV injection).

The columns are documented once, here: on the open-data page, in the README and in
``sluzby.csv-metadata.json`` (W3C CSV on the Web, which the Czech open-data
standards ask for beside a CSV).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...model.records import Location, Service
from ...model.hours import day_source
from .common import CSV, LIST_SEPARATOR, Export, N_, readable_json


@dataclass(frozen=True)
class Column:
    """One column: its name (the header), what it means, its CSV on the Web datatype, its value."""

    name: str
    description: str  # an English message id, shown translated
    datatype: str
    value: Callable[..., Any]  # (export, service) for a service's column, (export, service, index, place) for a place's
    code: bool = False  # digits or a phone number: text in Excel, never a number
    identifier: bool = False  # an id (a-z, 0-9, hyphens): never mistaken for a formula


WEEKDAY_NAMES = {
    "mon": N_("Opening hours on Monday"),
    "tue": N_("Opening hours on Tuesday"),
    "wed": N_("Opening hours on Wednesday"),
    "thu": N_("Opening hours on Thursday"),
    "fri": N_("Opening hours on Friday"),
    "sat": N_("Opening hours on Saturday"),
    "sun": N_("Opening hours on Sunday"),
}


def _joined(values: list[str]) -> str:
    return LIST_SEPARATOR.join(values)


PlaceValue = Callable[[Export, Service, int, Location], Any]


def _place(attribute: str) -> PlaceValue:
    def value(ex: Export, s: Service, i: int, loc: Location) -> Any:
        return getattr(loc, attribute)

    return value


def _address(attribute: str) -> PlaceValue:
    def value(ex: Export, s: Service, i: int, loc: Location) -> Any:
        return getattr(loc.address, attribute) if loc.address is not None else None

    return value


def _coordinate(attribute: str) -> PlaceValue:
    def value(ex: Export, s: Service, i: int, loc: Location) -> Any:
        return getattr(loc.coordinates, attribute) if loc.coordinates is not None else None

    return value


def _day(day: str) -> PlaceValue:
    """One weekday of every schedule of the place, as editors write it; several labelled: ``Kancelář: 7:00-15:30``."""

    def value(ex: Export, s: Service, i: int, loc: Location) -> Any:
        if not loc.hours:
            return None
        texts = []
        for schedule in loc.hours:
            hours = getattr(schedule, day)
            text = day_source(hours) if hours is not None and not hours.closed else ex.closed
            texts.append(f"{schedule.label}: {text}" if schedule.label and len(loc.hours) > 1 else text)
        return "; ".join(texts)

    return value


def _hours_note(ex: Export, s: Service, i: int, loc: Location) -> Any:
    """The notes of the place's schedules, each after its label."""
    notes = [f"{h.label}: {h.note}" if h.label and len(loc.hours) > 1 else h.note for h in loc.hours if h.note]
    return "; ".join(notes) or None


def _provider(attribute: str) -> Callable[[Export, Service], Any]:
    def value(ex: Export, s: Service) -> Any:
        provider = ex.cat.providers.get(s.provider)
        return getattr(provider, attribute) if provider is not None else None

    return value


def _type(ex: Export, s: Service):
    return ex.cat.vocab.service_types.get(s.type)


# Per service: the same in each of its rows.
SERVICE_COLUMNS: list[Column] = [
    Column("service_id", N_("Identifier of the service: the last part of its page's address, stable"), "string",
           lambda ex, s: s.id, identifier=True),
    Column("service_name", N_("Name of the service"), "string", lambda ex, s: s.name),
    Column("service_url", N_("Its page in this catalogue"), "anyURI", lambda ex, s: ex.page("services", s.id)),
    Column("kind", N_("registered = a social service registered under Act 108/2006 Sb., related = a related activity"), "string",
           lambda ex, s: s.kind, identifier=True),
    Column("type_id", N_("Kind of help: identifier"), "string", lambda ex, s: s.type, identifier=True),
    Column("type", N_("Kind of help: name"), "string", lambda ex, s: _type(ex, s).name if _type(ex, s) else s.type),
    Column("paragraph", N_("Section of Act 108/2006 Sb. (registered services)"), "string",
           lambda ex, s: _type(ex, s).paragraph if _type(ex, s) else None, code=True),
    Column("registry_id", N_("Identifier in the national registry of social service providers"), "string",
           lambda ex, s: s.registry_id, code=True),
    Column("provider_id", N_("Identifier of the provider"), "string", lambda ex, s: s.provider, identifier=True),
    Column("provider_name", N_("Name of the provider"), "string", _provider("name")),
    Column("provider_ico", N_("Company number (IČO) of the provider, 8 digits"), "string", _provider("ico"), code=True),
    Column("summary", N_("Who the service helps and with what, in one sentence"), "string", lambda ex, s: s.summary),
    Column("forms", N_("Forms of provision (residential, outpatient, field)"), "string",
           lambda ex, s: _joined(ex.term_names(ex.cat.vocab.forms, list(s.forms)))),
    Column("target_groups", N_("Target groups"), "string",
           lambda ex, s: _joined(ex.term_names(ex.cat.vocab.target_groups, s.target_groups))),
    Column("age_min", N_("Youngest age of clients"), "integer", lambda ex, s: s.age.min if s.age else None),
    Column("age_max", N_("Oldest age of clients"), "integer", lambda ex, s: s.age.max if s.age else None),
    Column("area", N_("Places the service covers (with everything inside them)"), "string",
           lambda ex, s: _joined([ex.place_name(lid) for lid in s.area])),
    # The registry keeps a capacity per form: one value each, in the same order in all three columns.
    Column("capacity", N_("Registered capacity: the maximum, not free places; one number per form where the registry gives them by form"), "string",
           lambda ex, s: _joined([str(c.count) for c in s.capacity])),
    Column("capacity_unit", N_("Unit of each capacity"), "string",
           lambda ex, s: _joined(ex.term_names(ex.cat.vocab.capacity_units, [c.unit for c in s.capacity]))),
    Column("capacity_form", N_("Form each capacity belongs to (empty when not given)"), "string",
           lambda ex, s: _joined(ex.term_names(ex.cat.vocab.forms, [c.form or "" for c in s.capacity])) if any(c.form for c in s.capacity) else ""),
    Column("paid", N_("true = paid, false = free of charge; empty = not stated"), "boolean",
           lambda ex, s: s.fees.paid if s.fees else None),
    Column("fees", N_("Fees, as the editors describe them"), "string", lambda ex, s: s.fees.text if s.fees else None),
    Column("languages", N_("Languages one can use"), "string",
           lambda ex, s: _joined(ex.term_names(ex.cat.vocab.languages, s.languages))),
    Column("phone", N_("Phone numbers (the provider's when the service has none of its own)"), "string",
           lambda ex, s: _joined(list(ex.contacts(s).phone)), code=True),
    Column("email", N_("E-mail addresses (likewise)"), "string", lambda ex, s: _joined(list(ex.contacts(s).email))),
    Column("web", N_("Website (likewise)"), "anyURI", lambda ex, s: ex.contacts(s).web),
    Column("life_situations", N_("Life situations the service is listed under"), "string",
           lambda ex, s: _joined(ex.situation_titles(ex.situations_of.get(s.id, [])))),
    Column("verified", N_("When the editors last checked the record (YYYY-MM-DD)"), "date",
           lambda ex, s: s.verified.isoformat() if s.verified else None),
]
# Per place: empty in the one row of a service without a place.
PLACE_COLUMNS: list[Column] = [
    Column("place_number", N_("Number of the place within the service (1, 2, …); empty for a service without a place"), "integer",
           lambda ex, s, i, loc: i + 1),
    Column("place_name", N_("Name of the place"), "string", _place("name")),
    Column("street", N_("Street (empty for a confidential place)"), "string", _address("street")),
    Column("house_number", N_("House number (empty for a confidential place)"), "string", _address("number"), code=True),
    Column("postcode", N_("Postcode (empty for a confidential place)"), "string", _address("postcode"), code=True),
    Column("city", N_("Municipality of the address"), "string", _address("city")),
    Column("locality_id", N_("Identifier of the locality the place lies in"), "string", _place("locality"), identifier=True),
    Column("locality", N_("Name of that locality"), "string",
           lambda ex, s, i, loc: ex.place_name(loc.locality)),
    Column("district", N_("District the place lies in"), "string",
           lambda ex, s, i, loc: ex.level_name(loc.locality, "district")),
    Column("region", N_("Region the place lies in"), "string",
           lambda ex, s, i, loc: ex.level_name(loc.locality, "region")),
    Column("latitude", N_("Latitude, WGS 84 (empty for a confidential place)"), "decimal", _coordinate("lat")),
    Column("longitude", N_("Longitude, WGS 84 (empty for a confidential place)"), "decimal", _coordinate("lon")),
    Column("confidential", N_("true = a confidential address (a shelter): only the municipality is published"), "boolean",
           lambda ex, s, i, loc: loc.confidential),
    Column("wheelchair", N_("true = wheelchair accessible, false = not; empty = not known"), "boolean", _place("wheelchair")),
    *(Column(f"hours_{day}", description, "string", _day(day)) for day, description in WEEKDAY_NAMES.items()),
    Column("hours_note", N_("A note on the opening hours"), "string", _hours_note),
    Column("place_notes", N_("How to find the place (empty for a confidential place)"), "string", _place("notes")),
]
COLUMNS = SERVICE_COLUMNS + PLACE_COLUMNS
HOURS_HELP = N_(
    "Opening hours are local time, one or more intervals as 8:00-12:00, 13:00-16:00; 18:00-7:00 passes midnight; "
    "nonstop is the whole day; po domluvě means by appointment; a note is in brackets. "
    "Several values in one cell are separated by a semicolon and a space."
)


def rows(ex: Export) -> list[list[str]]:
    """Return the table's cells: each service once per place (once, with empty place columns, without one)."""
    return [row for rows_of in ex.each_service("csv", lambda s: _service_rows(ex, s)) for row in rows_of]


def _service_rows(ex: Export, service: Service) -> list[list[str]]:
    head = [_cell(column.value(ex, service)) for column in SERVICE_COLUMNS]
    if not service.locations:
        return [head + [""] * len(PLACE_COLUMNS)]
    return [head + [_cell(column.value(ex, service, i, location)) for column in PLACE_COLUMNS] for i, location in enumerate(service.locations)]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def standard_csv(table: list[list[str]]) -> bytes:
    """Return the open-data CSV: comma, CRLF, UTF-8 with a byte order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=",", lineterminator="\r\n")
    writer.writerow([c.name for c in COLUMNS])
    writer.writerows(table)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


_FORMULA_START = frozenset("=+-@\t\r")
EXCEL_FORMULA_LIMIT = 255  # characters of a text constant in an Excel formula


def excel_cell(text: str, column: Column) -> str:
    """Return a cell as Excel (Czech or Polish) reads it back unchanged."""
    if not text:
        return text
    if column.datatype == "decimal":
        return text.replace(".", ",")  # the decimal comma of the locale
    if column.code or text[0] in _FORMULA_START:
        return _as_text(text)
    return text


def _as_text(text: str) -> str:
    if len(text) <= EXCEL_FORMULA_LIMIT - 3:
        return '="' + text.replace('"', '""') + '"'
    return "'" + text  # too long for a formula: Excel shows the quote, but never runs the text


def excel_csv(table: list[list[str]]) -> bytes:
    """Return the CSV for Excel in Czech or Polish settings: semicolon, CRLF, UTF-8 with a byte order mark."""
    special = [i for i, c in enumerate(COLUMNS) if c.code or c.datatype == "decimal"]
    texts = [i for i, c in enumerate(COLUMNS) if c.datatype == "string" and not c.code and not c.identifier]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([c.name for c in COLUMNS])
    for row in table:
        cells = row[:]
        for i in special:
            cells[i] = excel_cell(cells[i], COLUMNS[i])
        for i in texts:  # any text Excel would run as a formula (CSV injection)
            if cells[i] and cells[i][0] in _FORMULA_START:
                cells[i] = _as_text(cells[i])
        writer.writerow(cells)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def csvw_metadata(ex: Export) -> bytes:
    """Return ``sluzby.csv-metadata.json``: the columns for CSV on the Web readers (W3C)."""
    _ = ex.gettext
    language = ex.cat.site.language
    columns = []
    for column in COLUMNS:
        entry: dict[str, Any] = {"name": column.name, "titles": column.name, "dc:description": _(column.description),
                                 "datatype": column.datatype}
        if column.name == "service_id":
            entry["required"] = True
        columns.append(entry)
    return readable_json({
        "@context": ["http://www.w3.org/ns/csvw", {"@language": language}],
        "url": CSV.rsplit("/", 1)[1],
        "dc:title": f"{ex.cat.site.title}: {_('services by place')}",
        "dc:description": _(HOURS_HELP),
        "dialect": {"delimiter": ",", "encoding": "utf-8", "header": True, "lineTerminators": ["\r\n"]},
        "tableSchema": {"columns": columns},
    })
