"""Built-in resolve stage: one event once.

News states the same happening in the headline, the lead and a quote. This plugin,
which runs after every other resolve implementation (``trylast``), merges events of
the same type that share a sentence, or whose arguments agree (a common source,
no conflicting target, place or date), into one
event carrying every evidence span, as PETRARCH merges identical events within a
story. Across sentences it asks for a common source and a common target or place:
repeating an event costs less than losing one. It then gives each event its content-derived id.

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
    """Whether two events state the same happening.

    Events of one type whose evidence overlaps are one event. Across sentences the
    bar is higher, since under-merging only repeats an event while over-merging loses
    one: a common source, and a common target or the same place and mode (an air
    strike and a clash by one force in one town are two happenings), and nothing that
    contradicts (another target, another place, dates that cannot both hold).
    """
    if a.type != b.type or a.contexts.negated != b.contexts.negated:
        return False
    if _overlap(a, b):
        return True
    if a.contexts.future != b.contexts.future:
        return False
    if not (_ids(a.source) & _ids(b.source)):
        return False
    tgt_a, tgt_b = _ids(a.target), _ids(b.target)
    if tgt_a and tgt_b and not (tgt_a & tgt_b):
        return False
    if a.location and b.location and a.location.id != b.location.id:
        return False
    if a.date and b.date and (a.date.end < b.date.start or b.date.end < a.date.start):
        return False
    same_target = bool(tgt_a & tgt_b)
    same_place = bool(a.location and b.location and a.location.id == b.location.id)
    return same_target or (same_place and a.mode == b.mode)


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
    """Merge compatible events, keeping text order.

    Each event merges into the first compatible event kept before it. Only events of
    the same type and negation can be compatible, so each is compared with those
    alone (an article's events are not compared all with all).
    """
    ordered = sorted(events, key=lambda e: (e.evidence[0].start, e.type))
    merged: list[Event] = []
    groups: dict[tuple[str, bool], list[int]] = {}
    for event in ordered:
        group = groups.setdefault((event.type, event.contexts.negated), [])
        for i in group:
            if _compatible(merged[i], event):
                merged[i] = merge(merged[i], event)
                break
        else:
            group.append(len(merged))
            merged.append(event)
    return merged


@hookimpl(trylast=True)
def libyaevents_resolve(doc: Document) -> None:
    """Merge duplicate events and assign their content-derived ids."""
    merged = merge_events(doc.events)
    doc.events[:] = [_with_id(e, event_id(doc.article.id, e.type, e.evidence)) for e in merged]


def _with_id(event: Event, new_id: str) -> Event:
    # Extractors often give the id already: rebuilding (and re-validating) is then waste.
    return event if event.id == new_id else attrs.evolve(event, id=new_id)
