"""Redaction of confidential locations (shelters): the publishable catalogue is the only input of every output.

Done once, after linking and before any output stage runs, so no page, index,
export or PDF downstream can reach a secret street, number, postcode, coordinate
or note.
"""

from __future__ import annotations

import dataclasses

from ..model.records import Location, Service
from .linked import Catalogue


def publishable(catalogue: Catalogue) -> Catalogue:
    """Return the catalogue with confidential locations redacted: the only input of every output."""
    services = {sid: redact_service(s) for sid, s in catalogue.services.items()}
    return dataclasses.replace(catalogue, records={**catalogue.records, "services": services})


def redact(location: Location) -> Location:
    """Return a location safe to publish: a confidential one keeps only its municipality."""
    if not location.confidential:
        return location
    address = location.address.model_copy(update={"street": None, "number": None, "postcode": None}) if location.address else None
    return location.model_copy(update={"address": address, "coordinates": None, "notes": None})


def redact_service(service: Service) -> Service:
    if not any(l.confidential for l in service.locations):
        return service
    return service.model_copy(update={"locations": [redact(l) for l in service.locations]})
