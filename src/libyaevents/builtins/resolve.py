"""Built-in resolve stage: one event once.

News states the same happening in the headline, the lead and a quote. This plugin,
which runs after every other resolve implementation (``trylast``), merges events of
the same type that share a sentence, or whose arguments agree (a common source,
targets equal or unsaid, the same place and overlapping dates or none), into one
event carrying every evidence span, as PETRARCH merges identical events within a
story. It then gives each event its content-derived id.

.. versionadded:: 0.1
"""

from __future__ import annotations

import attrs

from .._document import Document
from .._models import Event
from ..hookspecs import hookimpl
from ..ids import event_id


def _ids(actors: tuple) -> frozenset[str]:
    return frozenset(a.id for a in actors)


def _overlap(a: Event, b: Event) -> bool:
    return any(x.start < y.end and y.start < x.end for x in a.evidence for y in b.evidence)


def _compatible(a: Event, b: Event) -> bool:
    if a.type != b.type or a.contexts.negated != b.contexts.negated:
        return False
    if _overlap(a, b):
        return True
    src_a, src_b = _ids(a.source), _ids(b.source)
    if not (src_a & src_b):
        return False
    tgt_a, tgt_b = _ids(a.target), _ids(b.target)
    if tgt_a and tgt_b and not (tgt_a & tgt_b):
        return False
    if a.location and b.location and a.location.id != b.location.id:
        return False
    if a.date and b.date and (a.date.end < b.date.start or b.date.end < a.date.start):
        return False
    return a.contexts.future == b.contexts.future


def _union(first: tuple, second: tuple) -> tuple:
    seen = {x.id for x in first}
    return first + tuple(x for x in second if x.id not in seen and not seen.add(x.id))


def merge(a: Event, b: Event) -> Event:
    """Merge ``b`` into ``a``: every evidence span, the union of actors, the first of the rest."""
    evidence = tuple(sorted(set(a.evidence) | set(b.evidence), key=lambda s: (s.start, s.end)))
    counts = a.counts + tuple(c for c in b.counts if c not in a.counts)
    return attrs.evolve(
        a,
        evidence=evidence,
        source=_union(a.source, b.source),
        target=_union(a.target, b.target),
        location=a.location or b.location,
        date=_narrower(a.date, b.date),
        fatalities=a.fatalities if a.fatalities is not None else b.fatalities,
        injured=a.injured if a.injured is not None else b.injured,
        counts=counts,
        mode=a.mode or b.mode,
        confidence=min(1.0, max(a.confidence, b.confidence) + 0.05),
    )


def _narrower(a, b):  # type: ignore[no-untyped-def]
    if a is None or b is None:
        return a or b
    return a if (a.end - a.start) <= (b.end - b.start) else b


def merge_events(events: list[Event]) -> list[Event]:
    """Merge compatible events, keeping text order."""
    ordered = sorted(events, key=lambda e: (e.evidence[0].start, e.type))
    merged: list[Event] = []
    for event in ordered:
        for i, kept in enumerate(merged):
            if _compatible(kept, event):
                merged[i] = merge(kept, event)
                break
        else:
            merged.append(event)
    return merged


@hookimpl(trylast=True)
def libyaevents_resolve(doc: Document) -> None:
    """Merge duplicate events and assign their content-derived ids."""
    merged = merge_events(doc.events)
    doc.events[:] = [
        attrs.evolve(e, id=event_id(doc.article.id, e.type, e.evidence)) for e in merged
    ]
