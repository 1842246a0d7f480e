"""What the maps and "near me" read in the browser: ``map/services.json`` and ``map/places.json``.

Two files for the whole site, fetched only when a person opens a map or asks for
what is nearest, then cached: a page carries no coordinates of its own lists, so a
town's page stays small and every page shares one download.

* ``services.json``: per service (in id order, which ``search/ids.json`` counts in)
  its id, name, kind of help, whether field workers come to people, its public
  places with coordinates (``[lat, lon, label, locality]``), the places it covers (``area``)
  and the public places that lack coordinates (shown at their locality, as
  approximate). A confidential place is in neither list: not even its town.
* ``places.json``: per locality (in id order) its id, the name a person types (a
  part with its town, a repeated name with its district), its parent, its position
  (its centroid, else the mean of the public places within it, else none) and
  whether people live there (towns and their parts are offered as "where I am").
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict

from ..index import Catalogue
from ..index.geo import exact_points, is_settlement, locality_positions, placed_without_coordinates
from ..index.queries import place_name
from ..model.records import Service
from .context import OutputContext

FOLDER = "map"
FORMAT = 1  # raised when the files change shape; map.js and near.js check it


def write_map_data(context: OutputContext) -> None:
    """Add ``map/services.json`` and ``map/places.json`` to the site."""
    cat = context.catalogue
    places = sorted(cat.localities)
    index = {lid: i for i, lid in enumerate(places)}
    context.tree.add(f"{FOLDER}/services.json", dump(services_file(cat, index)), "map data")
    context.tree.add(f"{FOLDER}/places.json", dump(places_file(cat, places, index)), "map data")


def dump(data: object) -> bytes:
    """Return compact, stable JSON."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def service_order(cat: Catalogue) -> list[str]:
    """Return the service ids in the order of ``services.json`` (``search/ids.json`` points into it)."""
    return sorted(cat.services)


def services_file(cat: Catalogue, index: dict[str, int]) -> dict:
    """Return every service as the maps and "near me" read it."""
    types = sorted(cat.vocab.service_types)
    type_index = {tid: i for i, tid in enumerate(types)}
    rows = [service_row(cat, cat.services[sid], index, type_index) for sid in service_order(cat)]
    return {
        "format": FORMAT,
        "types": [cat.vocab.service_types[tid].name for tid in types],
        "services": rows,
    }


def service_row(cat: Catalogue, service: Service, index: dict[str, int], type_index: dict[str, int]) -> list:
    """Return ``[id, name, type, field, points, area, approximate]`` of one service."""
    points = [[p.lat, p.lon, p.label, index.get(p.locality, -1)] for p in exact_points(cat, service)]
    area = sorted({index[lid] for lid in cat.service_area(service) if lid in index})
    approximate = sorted({index[lid] for lid in placed_without_coordinates(service) if lid in index})
    return [service.id, service.name, type_index.get(service.type, -1), int("field" in service.forms), points, area, approximate]


def places_file(cat: Catalogue, places: list[str], index: dict[str, int]) -> dict:
    """Return every locality with its label, parent, position and whether it is a settlement."""
    positions = locality_positions(cat)
    labels = place_labels(cat)
    rows = []
    for lid in places:
        locality = cat.localities[lid]
        lat, lon, _own = positions.get(lid, (None, None, False))
        parent = index.get(locality.parent, -1) if locality.parent else -1
        rows.append([lid, labels[lid], parent, lat, lon, int(is_settlement(locality.level))])
    return {"format": FORMAT, "places": rows}


def place_labels(cat: Catalogue) -> dict[str, str]:
    """Return the name a person knows each locality by, told apart from its namesakes by its district (or region)."""
    labels = {lid: place_name(cat, loc) for lid, loc in cat.localities.items()}
    repeated = {label for label, n in Counter(labels.values()).items() if n > 1}
    out = dict(labels)
    for level in ("district", "region"):
        by_label: dict[str, list[str]] = defaultdict(list)
        for lid, label in out.items():
            by_label[label].append(lid)
        for label, lids in by_label.items():
            if len(lids) < 2 or labels[lids[0]] not in repeated:
                continue
            for lid in lids:
                around = next((cat.localities[a] for a in cat.ancestors(lid) if cat.localities[a].level == level), None)
                if around is not None:
                    out[lid] = f"{labels[lid]} ({around.name})"
    return out
