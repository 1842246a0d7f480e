"""The maps of the web pages: which vendored files they load, from where the tiles come, what the page carries.

A map is an enhancement: the list beside it is the page. ``static/map.js`` loads
Leaflet and its marker clustering (``catalogue.vendor``, served from the site
itself) only when a person opens a map, so no page pays for them before that, and
a page without a map never names them. When they are not installed the build
warns once and the pages have no map, nothing else changes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from ..messages.commands import MAPS_OFF, WARNING_LABEL
from ..messages.core import say
from .. import vendor
from ..index.geo import has_position
from ..model.records import Service, Site
from ..write import OutputTree
from .urls import url_for

log = logging.getLogger("catalogue")
PACKAGES = ("leaflet", "leaflet.markercluster")  # in vendor/packages.json; the second needs the first
_warned: set[str] = set()  # the live preview renders often; say it once


@dataclass(frozen=True)
class MapConfig:
    """What every map container carries: the files to load on opening, and the tiles with their attribution."""

    scripts: tuple[str, ...]  # site paths, in loading order
    styles: tuple[str, ...]
    tiles: str
    attribution: str
    attribution_url: str
    max_zoom: int


def map_config(site: Site) -> MapConfig | None:
    """Return the pages' map configuration, or None (with a warning, once) when Leaflet is not installed."""
    missing = [reason for reason in map(vendor.unavailable, PACKAGES) if reason]
    if missing:
        if missing[0] not in _warned:
            _warned.add(missing[0])
            log.warning(say(WARNING_LABEL, message=say(MAPS_OFF, reason=missing[0])))
        return None
    packages = [vendor.packages()[name] for name in PACKAGES]
    return MapConfig(
        scripts=tuple(p.url(s) for p in packages for s in p.scripts),
        styles=tuple(p.url(s) for p in packages for s in p.styles),
        tiles=site.map.tiles,
        attribution=site.map.attribution,
        attribution_url=site.map.attribution_url,
        max_zoom=site.map.max_zoom,
    )


def map_attributes(config: MapConfig) -> dict[str, str]:
    """Return the settings every map shares, as ``static/map.js`` reads them: paths from the site's root."""
    return {
        "data-scripts": " ".join(path.lstrip("/") for path in config.scripts),
        "data-styles": " ".join(path.lstrip("/") for path in config.styles),
        "data-tiles": config.tiles,
        "data-attribution": config.attribution,
        "data-attribution-url": config.attribution_url,
        "data-max-zoom": str(config.max_zoom),
        "data-services": "map/services.json",
        "data-places": "map/places.json",
        "data-service-base": url_for("services").lstrip("/"),
    }


def copy_map_packages(tree: OutputTree) -> None:
    """Add Leaflet and its clustering to the site (call only when :func:`map_config` gave a configuration)."""
    for name in PACKAGES:
        vendor.copy_into(tree, name)


def any_on_map(services: list[Service]) -> bool:
    """Return whether a list of services has a place a map can show (its own coordinates, or its locality's)."""
    return any(has_position(service) for service in services)
