"""Merging restatements: one happening stated in the headline, the lead and a quote.

The core's resolve stage (which runs after this one) merges events of one type whose
evidence overlaps or whose sources, targets, places and dates agree. This adds the
case it cannot see: an event whose source is unsaid ("Clashes erupted in Tripoli")
restating an event of the same type, place and day that names its actors. Events
only merge when nothing contradicts: same type, same negation and future status, no
two different places, overlapping dates, and sources that overlap or are missing on
one side.
"""

from __future__ import annotations

from libyaevents import Event
from libyaevents.builtins.resolve import merge

__all__ = ["merge_restatements"]


def _agree(a: Event, b: Event) -> bool:
    if a.type != b.type or a.contexts.negated != b.contexts.negated or a.contexts.future != b.contexts.future:
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False
    if a.location is None or b.location is None or a.location.id != b.location.id:
        return False
    if a.date is None or b.date is None:
        return False
    if a.date.end < b.date.start or b.date.end < a.date.start:
        return False
    src_a = {x.id for x in a.source}
    src_b = {x.id for x in b.source}
    if src_a and src_b:
        return False  # with both sources said, the core decides
    return bool(src_a or src_b) and a.date.precision == b.date.precision == "day"


def merge_restatements(events: list[Event]) -> list[Event]:
    """Merge an event without a source into an agreeing one that has one."""
    out: list[Event] = []
    for event in sorted(events, key=lambda e: (e.evidence[0].start, e.type)):
        for i, kept in enumerate(out):
            if _agree(kept, event):
                out[i] = merge(kept, event) if kept.source else merge(event, kept)
                break
        else:
            out.append(event)
    return out
