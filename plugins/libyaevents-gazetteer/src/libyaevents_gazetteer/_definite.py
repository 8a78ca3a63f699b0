"""Definite descriptions: "the bank", "the council", "the mission" after a full name.

News names an institution once in full ("the Central Bank of Libya", "the Derna
Mujahideen Shura Council") and then by its head noun alone ("the bank suspended its
operations", "the Shura Council killed a fighter"). Such a description refers to the
most recent institution named earlier in the article whose name holds that noun, as a
bare surname refers to the person named in full (PETRARCH and most coreference
baselines resolve them the same way). Without it the sentence has no named actor, and
the event either loses its source or takes the previous sentence's.

The description is resolved only when it is not itself the start of a longer name
("the Council of Europe", "the Council Chairman"), only to organisations, governments,
armed groups and international bodies named before it, and only to the nearest such
name. Everything here is linear in the text.

.. versionadded:: 0.1
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from libyaevents import Actor, Mention, Span

__all__ = ["HEADS", "definite_mentions"]

#: Head nouns of institutions that news refers back to with "the <noun>".
HEADS = frozenset(
    "bank council mission ministry brigade militia parliament court committee commission agency company "
    "corporation authority navy apparatus assembly coalition alliance league union army operation "
    "directorate department administration".split()
)
_KINDS = frozenset(("government", "armed_group", "organization", "igo"))
# Modifiers that name no other institution: "the same council", "the new mission".
_PLAIN_MODIFIERS = frozenset("same new former local national interim".split())
# "the" and a head noun, optionally one modifier that repeats a word of the name
# ("the Shura Council", "the central bank"), not followed by a capitalised word or
# "of <Name>" that would make a longer name.
# (The word boundary before "the" is written as a look-behind after its first letter, so
# the regex engine can skip to the next "T" or "t" instead of trying every position.)
_DEFINITE = re.compile(
    r"[Tt](?<!\w.)he\s+(?:(?P<mod>[A-Za-z]+)\s+)?(?P<head>(?i:" + "|".join(sorted(HEADS)) + r"))\b"
    r"(?!['’]?\s*(?:[A-Z]|of\s+[A-Z]|for\s+[A-Z]))"
)


def _words(name: str) -> set[str]:
    return set(re.findall(r"[a-z]+", name.lower()))


def definite_mentions(text: str, mentions: Iterable[Mention], extractor: str = "gazetteer") -> list[Mention]:
    """Mentions for "the <head noun>" descriptions of institutions named earlier.

    ``mentions`` are the article's mentions so far (any order); a description inside
    one of them is left alone. Returns new mentions (``how="definite"``, score 0.8),
    in text order.

    Examples:
        >>> from libyaevents import Actor, Mention, Span
        >>> cbl = Actor(id="cbl", name="Central Bank of Libya", kind="organization")
        >>> text = "The Central Bank of Libya said on Sunday that the bank had closed."
        >>> found = definite_mentions(text, [Mention(Span(4, 25, text[4:25]), cbl)])
        >>> [(m.span.text, m.entity.id) for m in found]
        [('the bank', 'cbl')]
    """
    named = sorted(
        (m for m in mentions if isinstance(m.entity, Actor) and m.entity.kind in _KINDS),
        key=lambda m: m.span.start,
    )
    if not named:
        return []
    taken = [(m.span.start, m.span.end) for m in mentions]
    out: list[Mention] = []
    words_of: dict[str, set[str]] = {}
    for match in _DEFINITE.finditer(text, named[0].span.end):
        start, end = match.span()
        if any(a < end and start < b for a, b in taken):
            continue  # part of a name the gazetteer found ("the Shura Council of Benghazi")
        head = match["head"].lower()
        mod = (match["mod"] or "").lower()
        best = None
        for m in named:
            if m.span.end > start:
                break
            words = words_of.get(m.entity.id)
            if words is None:
                words = words_of[m.entity.id] = _words(m.entity.name) | {
                    w for alias in m.entity.aliases for w in _words(alias)
                }
            if head in words and (not mod or mod in words or mod in _PLAIN_MODIFIERS):
                best = m
        if best is not None:
            out.append(Mention(Span(start, end, text[start:end]), best.entity, score=0.8, how="definite", extractor=extractor))
    return out
