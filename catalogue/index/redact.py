"""The publishable catalogue, the only input of every output: confidential locations redacted, ended services set apart.

Done once, after linking and before any output stage runs, so no page, index,
export or PDF downstream can reach a secret street, number, postcode, address-point
code, coordinate or note.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from ..clock import today
from ..model.records import Address, Location, Service
from .linked import Catalogue
from .queries import municipality


def publishable(catalogue: Catalogue, on: dt.date | None = None) -> Catalogue:
    """Return the catalogue with confidential locations redacted and ended services set apart.

    A service whose ``end_date`` has passed (``on``, default today) is listed nowhere
    (indexes, search, print, sitemap, open data) but keeps its page, which says it has ended.
    """
    day = on or today()
    services: dict[str, Service] = {}
    ended: dict[str, Service] = {}
    for sid, service in catalogue.services.items():
        (ended if service.ended(day) else services)[sid] = redact_service(service, catalogue)
    return dataclasses.replace(catalogue, records={**catalogue.records, "services": services}, ended=ended)


def redact(location: Location, catalogue: Catalogue) -> Location:
    """Return a location safe to publish: a confidential one keeps only its municipality.

    ``check`` refuses a street, number, postcode, coordinates or notes on a confidential
    location; they are dropped here too, so no output depends on that alone. The place
    is also coarsened to its municipality: a shelter in a village part would otherwise be
    listed on the part's page, found by the part's filter and named in its address.
    """
    if not location.confidential:
        return location
    town = municipality(catalogue, location.locality)
    locality = town or location.locality
    address = None
    if location.address is not None:
        city = catalogue.localities[town].name if town else location.address.city
        address = Address(city=city)
    return location.model_copy(update={"address": address, "locality": locality, "coordinates": None, "notes": None})


def redact_service(service: Service, catalogue: Catalogue) -> Service:
    """Return the service with its confidential locations redacted."""
    if not any(l.confidential for l in service.locations):
        return service
    return service.model_copy(update={"locations": [redact(l, catalogue) for l in service.locations]})
