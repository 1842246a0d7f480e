"""Where services and places are on a map: the rules the maps and "near me" share.

Pure functions of the publishable catalogue, where a confidential place has no
coordinates any more. On top of that, a confidential place is never placed at its
town either: it is left out of every map, and it gives no distance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model.records import UP_TO_MUNICIPALITY, Location, Service
from .linked import Catalogue

EARTH_RADIUS_KM = 6371.0088
DIGITS = 5  # decimal places of a published coordinate: about a metre


@dataclass(frozen=True)
class Point:
    """A public place of a service with its own coordinates."""

    lat: float
    lon: float
    label: str
    locality: str  # the locality the place lies in


def public(location: Location) -> bool:
    """Return whether a place may be shown on a map at all (never a confidential one, not even at its town)."""
    return not location.confidential


def location_label(cat: Catalogue, location: Location) -> str:
    """Return how a place is named beside its marker: its name, else its address, else its locality."""
    if location.name:
        return location.name
    if location.address:
        return location.address.one_line()
    locality = cat.localities.get(location.locality)
    return locality.name if locality else location.locality


def exact_points(cat: Catalogue, service: Service) -> list[Point]:
    """Return the service's public places that have their own coordinates."""
    return [
        Point(round(l.coordinates.lat, DIGITS), round(l.coordinates.lon, DIGITS), location_label(cat, l), l.locality)
        for l in service.locations
        if public(l) and l.coordinates is not None
    ]


def placed_without_coordinates(service: Service) -> list[str]:
    """Return the localities of the public places that lack coordinates: shown at their locality, as approximate."""
    return [l.locality for l in service.locations if public(l) and l.coordinates is None]


def has_position(service: Service) -> bool:
    """Return whether any public place of the service could be on a map (own coordinates or its locality's)."""
    return any(public(l) for l in service.locations)


def locality_positions(cat: Catalogue) -> dict[str, tuple[float, float, bool]]:
    """Return locality id → (lat, lon, own) for every locality with a position.

    Its own centroid when the editors gave one (``own``); otherwise the mean of the
    public coordinates of the places within it, so a catalogue with few centroids
    still has positions where its services are. A locality with neither has none.
    """
    sums: dict[str, list[float]] = {}
    for service in cat.services.values():
        for location in service.locations:
            if not public(location) or location.coordinates is None:
                continue
            for lid in (location.locality, *cat.ancestors(location.locality)):
                total = sums.setdefault(lid, [0.0, 0.0, 0])
                total[0] += location.coordinates.lat
                total[1] += location.coordinates.lon
                total[2] += 1
    out: dict[str, tuple[float, float, bool]] = {}
    for lid, locality in cat.localities.items():
        if locality.centroid is not None:
            out[lid] = (round(locality.centroid.lat, DIGITS), round(locality.centroid.lon, DIGITS), True)
        elif lid in sums:
            lat, lon, n = sums[lid]
            out[lid] = (round(lat / n, DIGITS), round(lon / n, DIGITS), False)
    return out


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return the great-circle distance between two (lat, lon) points (haversine), as ``near.js`` computes it."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def is_settlement(level: str) -> bool:
    """Return whether a person says they live in a locality of this level (a town, a part of one), not a district."""
    return level not in UP_TO_MUNICIPALITY[:-1]
