"""Content-derived identifiers, so the same input always gives the same ids.

Ids are UUIDv5 over a namespace of the project and a string built from content (the
article id, the event type, the evidence offsets...). No counter, clock or random
number is involved, which is what makes exports byte-identical across runs and lets
STIX importers deduplicate.

.. versionadded:: 0.1
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from ._models import Span

__all__ = ["NAMESPACE", "event_id", "stable_id"]

#: The namespace every libyaevents UUIDv5 is derived in.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://libyaevents.readthedocs.io/ns")


def stable_id(*parts: object) -> str:
    """Return a UUIDv5 string over ``parts`` joined with ``|``.

    Examples:
        >>> stable_id("a", 1) == stable_id("a", 1)
        True
    """
    return str(uuid.uuid5(NAMESPACE, "|".join(str(p) for p in parts)))


def event_id(article_id: str, event_type: str, evidence: Iterable[Span]) -> str:
    """Return the id of an event from its article, type and first evidence span."""
    spans = sorted(evidence, key=lambda s: (s.start, s.end))
    first = spans[0] if spans else None
    key = f"{first.start}:{first.end}" if first else ""
    return stable_id("event", article_id, event_type, key)
