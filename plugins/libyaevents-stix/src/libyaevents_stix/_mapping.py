"""How libyaevents records become STIX 2.1 objects (built with the OASIS ``stix2`` library).

Everything here is a pure function of its input: ids are UUIDv5 over content and
timestamps come from the article's date or the fixed :data:`EPOCH`, never from the
clock, so the same article always gives byte-identical objects.

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from typing import Any

import pycountry
import stix2
from stix2.v21 import (
    ExtensionDefinition,
    Identity,
    Incident,
    Relationship,
    Report,
    ThreatActor,
)
from stix2.v21 import (
    Location as StixLocation,
)

from libyaevents import Actor, ArticleResult, Event, Location
from libyaevents.ids import NAMESPACE as _LIBYAEVENTS_NAMESPACE
from libyaevents.taxonomy import acled_code, cameo_code, quad_class

__all__ = [
    "EPOCH",
    "EVENT_EXTENSION_ID",
    "NAMESPACE",
    "PRODUCER_ID",
    "TIMES_EXTENSION_ID",
    "actor_object",
    "article_objects",
    "location_object",
    "preamble",
    "stix_id",
]

#: The namespace of every STIX id this plugin makes (UUIDv5 inside libyaevents' own).
NAMESPACE = uuid.uuid5(_LIBYAEVENTS_NAMESPACE, "stix-2.1")

#: The fixed ``created``/``modified`` of objects shared between articles (actors,
#: places, the producer identity and the extension definitions), and the ``published``
#: of a report whose article has no date.
EPOCH = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)

#: Version of the mapping, part of the extension definitions' ids.
MAPPING_VERSION = "1.0.0"


def stix_id(stix_type: str, *parts: object) -> str:
    """A deterministic STIX id: ``stix_type--UUIDv5(parts joined with "|")``.

    Examples:
        >>> stix_id("identity", "actor", "lna") == stix_id("identity", "actor", "lna")
        True
    """
    return f"{stix_type}--{uuid.uuid5(NAMESPACE, '|'.join(str(p) for p in parts))}"


#: The identity that creates every object (``created_by_ref``): libyaevents itself.
PRODUCER_ID = stix_id("identity", "producer", "libyaevents")
#: The property extension that carries PLOVER, CAMEO and ACLED codes on incidents.
EVENT_EXTENSION_ID = stix_id("extension-definition", "event", MAPPING_VERSION)
#: The top-level property extension that adds ``first_seen``/``last_seen`` to incidents.
TIMES_EXTENSION_ID = stix_id("extension-definition", "incident-times", MAPPING_VERSION)

#: Properties the event extension may carry (only those with a value are written).
EVENT_EXTENSION_PROPERTIES: tuple[str, ...] = (
    "event_id",
    "article_id",
    "plover_type",
    "plover_mode",
    "plover_contexts",
    "negated",
    "future",
    "hypothetical",
    "claimed_by",
    "cameo_code",
    "quad_class",
    "acled_disorder_type",
    "acled_event_type",
    "acled_sub_event_type",
    "fatalities",
    "injured",
    "confidence",
    "date_start",
    "date_end",
    "date_precision",
    "extractor",
)

# STIX region-ov (UN M49 sub-regions) of Libya's neighbours and frequent partners.
_REGION_OF: dict[str, str] = {
    **dict.fromkeys(("DZA", "EGY", "LBY", "MAR", "SDN", "TUN", "ESH"), "northern-africa"),
    **dict.fromkeys(("TCD", "CMR", "CAF", "COD", "COG", "GAB"), "middle-africa"),
    **dict.fromkeys(("NER", "NGA", "MLI", "BFA", "SEN", "GHA", "MRT"), "western-africa"),
    **dict.fromkeys(("SSD", "ETH", "ERI", "SOM", "KEN", "UGA"), "eastern-africa"),
    **dict.fromkeys(("ITA", "GRC", "MLT", "ESP", "PRT", "HRV", "SVN", "ALB", "SRB"), "southern-europe"),
    **dict.fromkeys(("FRA", "DEU", "BEL", "NLD", "CHE", "AUT"), "western-europe"),
    **dict.fromkeys(("GBR", "IRL", "SWE", "NOR", "DNK", "FIN"), "northern-europe"),
    **dict.fromkeys(("RUS", "UKR", "POL", "ROU", "BGR", "HUN"), "eastern-europe"),
    **dict.fromkeys(
        ("TUR", "SAU", "ARE", "QAT", "ISR", "JOR", "LBN", "SYR", "IRQ", "KWT", "CYP", "PSE"), "western-asia"
    ),
    **dict.fromkeys(("USA", "CAN"), "northern-america"),
}

# Actor.kind -> identity_class (armed groups are threat-actors, not identities).
_IDENTITY_CLASS: dict[str, str] = {
    "person": "individual",
    "state": "organization",
    "government": "organization",
    "igo": "organization",
    "organization": "organization",
    "media": "organization",
    "group": "class",
}


def _timestamp(day: dt.date | None) -> dt.datetime:
    """Midnight UTC of ``day``, or :data:`EPOCH` when it is unknown."""
    if day is None:
        return EPOCH
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def _alpha2(alpha3: str | None) -> str | None:
    if not alpha3:
        return None
    country = pycountry.countries.get(alpha_3=alpha3)
    return country.alpha_2 if country is not None else None


def _drop_empty(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v != [] and v != ""}


def preamble() -> list[Any]:
    """The objects every bundle starts with: the producer and the two extension definitions."""
    producer = Identity(
        id=PRODUCER_ID,
        created=EPOCH,
        modified=EPOCH,
        name="libyaevents",
        identity_class="system",
        description="Event data extracted from news about Libya by libyaevents.",
    )
    common = {"created": EPOCH, "modified": EPOCH, "created_by_ref": PRODUCER_ID, "version": MAPPING_VERSION}
    event_ext = ExtensionDefinition(
        id=EVENT_EXTENSION_ID,
        name="libyaevents event codes",
        description=(
            "PLOVER type, mode and contexts, the CAMEO code and quad class, the ACLED disorder, event and "
            "sub-event type, reported fatalities and injured, the extractor's confidence (0-1) and the "
            "event's date range, of an event extracted by libyaevents."
        ),
        schema=(
            "libyaevents STIX mapping (docs/formats/stix.md): properties "
            + ", ".join(EVENT_EXTENSION_PROPERTIES)
        ),
        extension_types=["property-extension"],
        **common,
    )
    times_ext = ExtensionDefinition(
        id=TIMES_EXTENSION_ID,
        name="libyaevents incident times",
        description=(
            "Adds first_seen and last_seen (the first and last possible moment of the event, UTC) to "
            "incident objects, as OpenCTI reads them."
        ),
        schema="libyaevents STIX mapping (docs/formats/stix.md): top-level properties first_seen, last_seen",
        extension_types=["toplevel-property-extension"],
        extension_properties=["first_seen", "last_seen"],
        **common,
    )
    return [producer, event_ext, times_ext]


def actor_object(actor: Actor) -> Any:
    """An actor as an ``identity`` (or a ``threat-actor`` for an armed group)."""
    lines = [f"libyaevents actor {actor.id!r}, kind {actor.kind}"]
    if actor.country:
        lines.append(f"country {actor.country}")
    for role in actor.roles:
        span = f" ({role.start or '?'} to {role.end or 'now'})" if (role.start or role.end) else ""
        org = f" of {role.organization}" if role.organization else ""
        lines.append(f"{role.title}{org}{span}")
    description = "; ".join(lines)
    aliases = [a for a in dict.fromkeys(actor.aliases) if a != actor.name]
    if actor.kind == "armed_group":
        return ThreatActor(
            id=stix_id("threat-actor", "actor", actor.id),
            created=EPOCH,
            modified=EPOCH,
            created_by_ref=PRODUCER_ID,
            name=actor.name,
            description=description,
            aliases=aliases or None,
        )
    return Identity(
        id=stix_id("identity", "actor", actor.id),
        created=EPOCH,
        modified=EPOCH,
        created_by_ref=PRODUCER_ID,
        name=actor.name,
        description=description,
        identity_class=_IDENTITY_CLASS[actor.kind],
    )


def location_object(location: Location) -> StixLocation:
    """A place as a ``location`` with coordinates, precision (metres), country and region."""
    values = _drop_empty(
        {
            "name": location.name,
            "latitude": location.lat,
            "longitude": location.lon,
            "precision": location.radius_km * 1000.0,
            "country": _alpha2(location.country),
            "region": _REGION_OF.get(location.country or ""),
            "administrative_area": location.admin1,
            "city": location.name if location.feature_class == "P" else None,
            "description": f"libyaevents place {location.id!r}"
            + (f", GeoNames {location.geonames_id}" if location.geonames_id else ""),
        }
    )
    return StixLocation(
        id=stix_id("location", "place", location.id),
        created=EPOCH,
        modified=EPOCH,
        created_by_ref=PRODUCER_ID,
        **values,
    )


def incident_name(event: Event) -> str:
    """``"ASSAULT (heavy-weapons): Libyan National Army -> Civilians, Benghazi, 2024-05-09"``."""
    head = event.type + (f" ({event.mode})" if event.mode else "")
    who = "; ".join(a.name for a in event.source) or "?"
    whom = "; ".join(a.name for a in event.target)
    parts = [who + (f" -> {whom}" if whom else "")]
    if event.location is not None:
        parts.append(event.location.name)
    if event.date is not None:
        d = event.date
        parts.append(
            d.start.isoformat() if d.start == d.end else f"{d.start.isoformat()}/{d.end.isoformat()}"
        )
    return f"{head}: {', '.join(parts)}"


def _event_extension(event: Event, article_id: str) -> dict[str, Any]:
    acled = acled_code(event.type, event.mode)
    date = event.date
    values = _drop_empty(
        {
            "event_id": event.id,
            "article_id": article_id,
            "plover_type": event.type,
            "plover_mode": event.mode,
            "plover_contexts": list(event.contexts.themes),
            "negated": event.contexts.negated,
            "future": event.contexts.future,
            "hypothetical": event.contexts.hypothetical,
            "claimed_by": list(event.contexts.claimed_by),
            "cameo_code": cameo_code(event.type, event.mode),
            "quad_class": quad_class(event.type),
            "acled_disorder_type": acled.disorder_type,
            "acled_event_type": acled.event_type,
            "acled_sub_event_type": acled.sub_event_type,
            "fatalities": event.fatalities,
            "injured": event.injured,
            "confidence": event.confidence,
            "date_start": date.start.isoformat() if date else None,
            "date_end": date.end.isoformat() if date else None,
            "date_precision": date.precision if date else None,
            "extractor": event.extractor,
        }
    )
    return {"extension_type": "property-extension", **values}


def _stamp(day: dt.date, *, end: bool = False) -> str:
    return f"{day.isoformat()}T{'23:59:59.000' if end else '00:00:00.000'}Z"


def incident_object(event: Event, article_id: str, created: dt.datetime) -> Incident:
    """An event as an ``incident`` carrying the event extension (and the times extension)."""
    extensions: dict[str, Any] = {EVENT_EXTENSION_ID: _event_extension(event, article_id)}
    times: dict[str, str] = {}
    if event.date is not None:
        extensions[TIMES_EXTENSION_ID] = {"extension_type": "toplevel-property-extension"}
        times = {"first_seen": _stamp(event.date.start), "last_seen": _stamp(event.date.end, end=True)}
    description = "\n".join(dict.fromkeys(span.text for span in event.evidence))
    return Incident(
        id=stix_id("incident", "event", event.id),
        created=created,
        modified=created,
        created_by_ref=PRODUCER_ID,
        name=incident_name(event),
        description=description,
        confidence=round(event.confidence * 100),
        extensions=extensions,
        **times,
    )


def _relationship(
    source_ref: str,
    relationship_type: str,
    target_ref: str,
    created: dt.datetime,
    confidence: int,
    description: str,
) -> Relationship:
    return Relationship(
        id=stix_id("relationship", source_ref, relationship_type, target_ref),
        created=created,
        modified=created,
        created_by_ref=PRODUCER_ID,
        relationship_type=relationship_type,
        source_ref=source_ref,
        target_ref=target_ref,
        description=description,
        confidence=confidence,
    )


def event_relationships(event: Event, incident_id: str, created: dt.datetime) -> Iterator[Relationship]:
    """The incident's links to who acted, who was acted upon, and where.

    * source armed group (threat-actor): ``attributed-to``;
    * source of any other kind (identity): ``related-to``, described ``source``;
    * target identity: ``targets``; target armed group: ``related-to``, described ``target``;
    * location: ``located-at``.
    """
    confidence = round(event.confidence * 100)
    for actor in {a.id: a for a in event.source}.values():
        ref = actor_object_id(actor)
        if actor.kind == "armed_group":
            yield _relationship(
                incident_id, "attributed-to", ref, created, confidence, "source: acts in the event"
            )
        else:
            yield _relationship(
                incident_id, "related-to", ref, created, confidence, "source: acts in the event"
            )
    for actor in {a.id: a for a in event.target}.values():
        ref = actor_object_id(actor)
        kind = "related-to" if actor.kind == "armed_group" else "targets"
        yield _relationship(incident_id, kind, ref, created, confidence, "target: acted upon in the event")
    if event.location is not None:
        ref = stix_id("location", "place", event.location.id)
        yield _relationship(incident_id, "located-at", ref, created, confidence, "where the event took place")


def actor_object_id(actor: Actor) -> str:
    """The id :func:`actor_object` gives ``actor``."""
    stix_type = "threat-actor" if actor.kind == "armed_group" else "identity"
    return stix_id(stix_type, "actor", actor.id)


def article_objects(result: ArticleResult, seen: set[str]) -> Iterator[Any]:
    """Every STIX object of one article, ending with its ``report``.

    Actors and places shared with an article already written (their ids in ``seen``)
    are referenced by the report but not written again; an article whose report was
    already written (the same article given twice) yields nothing. Nothing is yielded
    either for an article with no actor, place or event (a report must reference
    something).

    Args:
        result: The article's results.
        seen: Ids of the objects already written; updated in place.
    """
    article = result.article
    report_id = stix_id("report", "article", article.id)
    if report_id in seen:
        return
    created = _timestamp(article.published)
    refs: list[str] = []

    def shared(obj: Any) -> Iterator[Any]:
        if obj.id not in refs:
            refs.append(obj.id)
        if obj.id not in seen:
            seen.add(obj.id)
            yield obj

    actors = {a.id: a for a in result.actors}
    locations = {loc.id: loc for loc in result.locations}
    for event in result.events:
        for actor in (*event.source, *event.target):
            actors.setdefault(actor.id, actor)
        if event.location is not None:
            locations.setdefault(event.location.id, event.location)
    for actor in actors.values():
        yield from shared(actor_object(actor))
    for location in locations.values():
        yield from shared(location_object(location))
    for event in result.events:
        incident = incident_object(event, article.id, created)
        if incident.id in refs:  # the same event twice in one article
            continue
        refs.append(incident.id)
        yield incident
        for rel in event_relationships(event, incident.id, created):
            if rel.id not in refs:
                refs.append(rel.id)
                yield rel
    if not refs:
        return
    seen.add(report_id)
    references: list[dict[str, str]] = []
    if article.url:
        references.append({"source_name": article.publisher or "article", "url": article.url})
    references.append({"source_name": "libyaevents", "external_id": article.id})
    yield Report(
        id=report_id,
        created=created,
        modified=created,
        created_by_ref=PRODUCER_ID,
        name=article.title or article.id,
        published=created,
        lang=article.language,
        object_refs=refs,
        external_references=references,
    )


def serialize(obj: Any) -> str:
    """One object as compact JSON (the ``stix2`` library's own serializer)."""
    return stix2.serialization.serialize(obj, ensure_ascii=False)
