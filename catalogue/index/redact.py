"""The publishable catalogue, the only input of every output: confidential locations redacted, ended services set apart.

Done once, after linking and before any output stage runs, so no page, index,
export or PDF downstream can reach a secret street, number, postcode, address-point
code, coordinate or note.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from ..clock import today
from ..model.records import Location, Service
from .linked import Catalogue


def publishable(catalogue: Catalogue, on: dt.date | None = None) -> Catalogue:
    """Return the catalogue with confidential locations redacted and ended services set apart.

    A service whose ``end_date`` has passed (``on``, default today) is listed nowhere
    (indexes, search, print, sitemap, open data) but keeps its page, which says it has ended.
    """
    day = on or today()
    services: dict[str, Service] = {}
    ended: dict[str, Service] = {}
    for sid, service in catalogue.services.items():
        (ended if service.ended(day) else services)[sid] = redact_service(service)
    return dataclasses.replace(catalogue, records={**catalogue.records, "services": services}, ended=ended)


def redact(location: Location) -> Location:
    """Return a location safe to publish: a confidential one keeps only its municipality."""
    if not location.confidential:
        return location
    address = location.address.model_copy(update={"street": None, "number": None, "postcode": None, "ruian": None}) if location.address else None
    return location.model_copy(update={"address": address, "coordinates": None, "notes": None})


def redact_service(service: Service) -> Service:
    if not any(l.confidential for l in service.locations):
        return service
    return service.model_copy(update={"locations": [redact(l) for l in service.locations]})
