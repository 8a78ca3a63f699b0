"""STIX 2.1 exporter: a bundle that OpenCTI and other STIX 2.1 platforms import.

Built with the OASIS ``stix2`` library. Each article becomes a ``report`` whose
``object_refs`` hold its actors (``identity``, or ``threat-actor`` for armed groups),
its places (``location``), one ``incident`` per event and the relationships between
them. PLOVER, CAMEO and ACLED codes travel in a STIX 2.1 property extension whose
``extension-definition`` starts the bundle. Ids are UUIDv5 over content and
timestamps are never the clock's, so exporting the same articles twice gives
byte-identical bundles and importers deduplicate. The mapping is documented in
``docs/formats/stix.md``.

.. versionadded:: 0.1
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from typing import IO, Any

import libyaevents
from libyaevents import ArticleResult, Problem

from ._mapping import (
    EPOCH,
    EVENT_EXTENSION_ID,
    NAMESPACE,
    PRODUCER_ID,
    TIMES_EXTENSION_ID,
    actor_object,
    article_objects,
    location_object,
    preamble,
    serialize,
    stix_id,
)

__all__ = [
    "EPOCH",
    "EVENT_EXTENSION_ID",
    "PRODUCER_ID",
    "TIMES_EXTENSION_ID",
    "StixExporter",
    "actor_object",
    "article_objects",
    "location_object",
    "register_exporters",
    "stix_id",
]

__version__ = "0.1.0"


class StixExporter:
    """Writes one STIX 2.1 ``bundle``, one object a line, as the articles arrive.

    The bundle's ``id`` is written last (JSON members are unordered): it is a UUIDv5
    over the ids of every object written, so it too is the same for the same input.
    Problems have no STIX counterpart and are left out (the JSON export keeps them).
    """

    name = "stix"
    suffix = ".json"
    media_type = "application/stix+json;version=2.1"

    def write(self, items: Iterable[ArticleResult | Problem], stream: IO[str]) -> None:
        """Write every article of ``items`` to ``stream`` as STIX objects."""
        digest = hashlib.sha256()
        first = True

        def emit(obj: Any) -> None:
            nonlocal first
            stream.write(("\n" if first else ",\n") + serialize(obj))
            digest.update(obj.id.encode() + b"\n")
            first = False

        stream.write('{"type":"bundle","objects":[')
        for obj in preamble():
            emit(obj)
        seen: set[str] = set()
        for item in items:
            if isinstance(item, Problem):
                continue
            for obj in article_objects(item, seen):
                emit(obj)
        bundle_id = f"bundle--{uuid.uuid5(NAMESPACE, digest.hexdigest())}"
        stream.write(f'\n],"id":"{bundle_id}"}}\n')


@libyaevents.hookimpl
def register_exporters(register: Any) -> None:
    """Register the ``stix`` exporter."""
    register(StixExporter())
