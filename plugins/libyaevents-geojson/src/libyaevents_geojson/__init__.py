"""GeoJSON exporter: one RFC 7946 Point feature per located event.

The output is a single ``FeatureCollection`` whose features are written as the
articles arrive, so memory stays flat. Positions are ``[longitude, latitude]`` in
WGS84 decimal degrees rounded to 6 places (about 0.1 m), with no ``crs`` member
(RFC 7946 removed it). Properties are flat scalars (strings, numbers, booleans or
``null``), so QGIS, GDAL/OGR and geopandas read every one as a column. Events without a
location, and :class:`~libyaevents.Problem` records, are left out. The mapping is
documented in ``docs/formats/geojson.md``.

.. versionadded:: 0.1
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

import libyaevents
from libyaevents import ArticleResult, Event, Problem
from libyaevents.taxonomy import acled_code, cameo_code, quad_class

__all__ = ["PROPERTIES", "GeoJsonExporter", "event_feature", "register_exporters"]

__version__ = "0.1.0"

#: The property names of every feature, in the order they are written.
PROPERTIES: tuple[str, ...] = (
    "event_id",
    "type",
    "mode",
    "cameo",
    "quad_class",
    "acled_disorder_type",
    "acled_event_type",
    "acled_sub_event_type",
    "date_start",
    "date_end",
    "date_precision",
    "source",
    "target",
    "location_name",
    "location_id",
    "geonames_id",
    "country",
    "admin1",
    "radius_km",
    "fatalities",
    "injured",
    "evidence",
    "article_id",
    "url",
    "title",
    "published",
    "confidence",
    "negated",
    "future",
    "hypothetical",
    "claimed_by",
    "extractor",
)

#: Decimal places kept in coordinates (RFC 7946 section 11.2 suggests 6).
PRECISION = 6


def _names(actors: Iterable[Any]) -> str | None:
    names = [a.name for a in actors]
    return "; ".join(names) if names else None


def event_feature(event: Event, result: ArticleResult) -> dict[str, Any] | None:
    """The GeoJSON Feature of one event, or ``None`` when it has no location.

    Args:
        event: The event.
        result: The article it was read from (for the article's id, URL, title, date).

    Returns:
        A ``Feature`` dictionary with a ``Point`` geometry and the :data:`PROPERTIES`.
    """
    loc = event.location
    if loc is None:
        return None
    article = result.article
    acled = acled_code(event.type, event.mode)
    date = event.date
    values: dict[str, Any] = {
        "event_id": event.id,
        "type": event.type,
        "mode": event.mode,
        "cameo": cameo_code(event.type, event.mode),
        "quad_class": quad_class(event.type),
        "acled_disorder_type": acled.disorder_type,
        "acled_event_type": acled.event_type,
        "acled_sub_event_type": acled.sub_event_type,
        "date_start": date.start.isoformat() if date else None,
        "date_end": date.end.isoformat() if date else None,
        "date_precision": date.precision if date else None,
        "source": _names(event.source),
        "target": _names(event.target),
        "location_name": loc.name,
        "location_id": loc.id,
        "geonames_id": loc.geonames_id,
        "country": loc.country,
        "admin1": loc.admin1,
        "radius_km": loc.radius_km,
        "fatalities": event.fatalities,
        "injured": event.injured,
        "evidence": event.evidence[0].text,
        "article_id": article.id,
        "url": article.url,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "confidence": event.confidence,
        "negated": event.contexts.negated,
        "future": event.contexts.future,
        "hypothetical": event.contexts.hypothetical,
        "claimed_by": "; ".join(event.contexts.claimed_by) or None,
        "extractor": event.extractor or None,
    }
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {
            "type": "Point",
            "coordinates": [round(loc.lon, PRECISION), round(loc.lat, PRECISION)],
        },
        "properties": {name: values[name] for name in PROPERTIES},
    }


class GeoJsonExporter:
    """Writes an RFC 7946 ``FeatureCollection`` of the located events, one feature a line."""

    name = "geojson"
    suffix = ".geojson"
    media_type = "application/geo+json"

    def write(self, items: Iterable[ArticleResult | Problem], stream: IO[str]) -> None:
        """Write every located event of ``items`` to ``stream`` as it comes.

        Problems, and events without a location, are skipped: a FeatureCollection has
        no place for them (the JSON export keeps both).
        """
        stream.write('{"type":"FeatureCollection","features":[')
        first = True
        for item in items:
            if isinstance(item, Problem):
                continue
            for event in item.events:
                feature = event_feature(event, item)
                if feature is None:
                    continue
                text = json.dumps(feature, ensure_ascii=False, separators=(",", ":"))
                stream.write(("\n" if first else ",\n") + text)
                first = False
        stream.write("\n]}\n")


@libyaevents.hookimpl
def register_exporters(register: Any) -> None:
    """Register the ``geojson`` exporter."""
    register(GeoJsonExporter())
