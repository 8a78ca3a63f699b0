"""Content-derived identifiers, so the same input always gives the same ids.

Ids are UUIDv5 over a namespace of the project and a string built from content (the
article id, the event type, the evidence offsets...). No counter, clock or random
number is involved, which is what makes exports byte-identical across runs and lets
STIX importers deduplicate.

.. versionadded:: 0.1
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from functools import lru_cache

from ._models import Span

__all__ = ["NAMESPACE", "event_id", "stable_id"]

#: The namespace every libyaevents UUIDv5 is derived in.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://libyaevents.readthedocs.io/ns")

# SHA-1 already fed the namespace: copying it is cheaper than uuid.uuid5 starting over.
_NAMESPACE_SHA1 = hashlib.sha1(NAMESPACE.bytes)


def stable_id(*parts: object) -> str:
    """Return a UUIDv5 string over ``parts`` joined with ``|``.

    The same string as ``str(uuid.uuid5(NAMESPACE, "|".join(map(str, parts))))``,
    computed about four times faster (every event of every article gets one).

    Examples:
        >>> stable_id("a", 1) == stable_id("a", 1)
        True
        >>> stable_id("a", 1) == str(uuid.uuid5(NAMESPACE, "a|1"))
        True
    """
    sha = _NAMESPACE_SHA1.copy()
    sha.update("|".join(map(str, parts)).encode("utf-8"))
    digest = bytearray(sha.digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _span_key(span: Span) -> tuple[int, int]:
    return span.start, span.end


def event_id(article_id: str, event_type: str, evidence: Iterable[Span]) -> str:
    """Return the id of an event from its article, type and first evidence span."""
    first = min(evidence, key=_span_key, default=None)
    return _event_id(article_id, event_type, first.start, first.end) if first else _event_id(article_id, event_type)


@lru_cache(maxsize=4096)
def _event_id(article_id: str, event_type: str, start: int | None = None, end: int | None = None) -> str:
    # Cached: an extractor names each event and the resolve stage names it again (the
    # same key unless it was merged); the cache is bounded, so memory stays flat.
    return stable_id("event", article_id, event_type, "" if start is None else f"{start}:{end}")
