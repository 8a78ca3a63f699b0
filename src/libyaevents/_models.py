"""The typed records libyaevents passes between stages and writes out.

Every model is a frozen attrs class: a value that can be hashed, compared and shared
between processes. Validation happens at construction, and an invalid value raises
:class:`TypeError` or :class:`ValueError` naming the field, what it expected and what
it got (attrs' validator messages). Serialization is not here: see
:mod:`libyaevents.serialization`.

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt
from itertools import repeat
from typing import Any

import attrs
from attrs import validators as v

from .taxonomy import EVENT_TYPES, MODES

__all__ = [
    "ACTOR_KINDS",
    "DATE_PRECISIONS",
    "Actor",
    "Article",
    "ArticleResult",
    "Contexts",
    "Count",
    "Event",
    "EventDate",
    "Location",
    "Mention",
    "Problem",
    "Role",
    "Span",
]

#: The kinds of actor the models accept.
ACTOR_KINDS = (
    "person",
    "government",
    "armed_group",
    "organization",
    "igo",
    "state",
    "media",
    "group",
)

#: How precisely an :class:`EventDate` is known.
DATE_PRECISIONS = ("day", "week", "month", "year")

# Every validator below checks the common case (a value of exactly the expected type)
# in one step and only otherwise runs attrs' own validators, which accept what they
# accept (subclasses, bools for ints) and raise their own messages: the same rules as
# attrs' validators alone, at a fraction of the cost (every Span, Mention and Event of
# every article is validated).


def _of_type(kind: type, optional: bool = False) -> Any:
    """``instance_of(kind)`` (``optional(...)`` when ``optional``), exact type first."""
    full = v.optional(v.instance_of(kind)) if optional else v.instance_of(kind)
    if optional:
        def validate(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
            if value is not None and type(value) is not kind:
                full(instance, attribute, value)
    else:
        def validate(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
            if type(value) is not kind:
                full(instance, attribute, value)
    return validate


def _one_of(options: tuple[str, ...]) -> Any:
    """``in_(options)`` for strings, a set lookup first."""
    full = v.in_(options)
    fast = frozenset(options)

    def validate(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
        if type(value) is not str or value not in fast:
            full(instance, attribute, value)

    return validate


def _between(low: float, high: float) -> Any:
    """``[ge(low), le(high)]`` on a float (after its converter)."""
    full = v.and_(v.ge(low), v.le(high))

    def validate(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
        if not (type(value) is float and low <= value <= high):
            full(instance, attribute, value)

    return validate


def _whole(optional: bool) -> Any:
    """``[instance_of(int), ge(0)]`` (``[optional(instance_of(int)), _not_negative]``)."""
    full = v.and_(v.optional(v.instance_of(int)), _not_negative) if optional else v.and_(v.instance_of(int), v.ge(0))

    def validate(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
        if not (type(value) is int and value >= 0) and not (optional and value is None):
            full(instance, attribute, value)

    return validate


_str = _of_type(str)
_opt_str = _of_type(str, optional=True)
_opt_date = _of_type(dt.date, optional=True)


def _tuple_of(kind: type) -> Any:
    full = v.deep_iterable(member_validator=v.instance_of(kind), iterable_validator=v.instance_of(tuple))

    def validate(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
        # The common case in one pass; attrs' validator (and its message) otherwise.
        if type(value) is not tuple or (value and not all(map(isinstance, value, repeat(kind)))):
            full(instance, attribute, value)

    return validate


def _to_tuple(value: Any) -> Any:
    """Accept any iterable (but not a string) where a tuple is stored."""
    if type(value) is tuple:
        return value
    if isinstance(value, (list, set, frozenset)) or (
        hasattr(value, "__iter__") and not isinstance(value, (str, bytes, dict, tuple))
    ):
        return tuple(value)
    return value


def _not_negative(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is not None and value < 0:
        raise ValueError(f"'{attribute.name}' must be >= 0 (got {value!r})")


def _is_alpha3(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is not None and not (len(value) == 3 and value.isascii() and value.isupper() and value.isalpha()):
        raise ValueError(
            f"'{attribute.name}' must be an ISO 3166-1 alpha-3 code such as 'LBY' (got {value!r})"
        )


_int_count = _whole(optional=True)


_int = v.instance_of(int)


def _span_end(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
    """``instance_of(int)``, then not before ``start``."""
    if type(value) is not int or value < instance.start:
        _int(instance, attribute, value)
        if value < instance.start:
            raise ValueError(f"'end' must be >= start ({instance.start}) (got {value})")


@attrs.frozen
class Span:
    """A stretch of an article's text, by character offsets into ``Article.text``.

    Offsets are Python ``str`` indices into the text exactly as given (no cleaning,
    no normalisation), so ``article.text[span.start:span.end] == span.text``.

    Attributes:
        start: Index of the first character.
        end: Index one past the last character.
        text: The characters themselves.
    """

    start: int = attrs.field(validator=_whole(optional=False))
    end: int = attrs.field(validator=_span_end)
    text: str = attrs.field(validator=_str)

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Build the span ``text[start:end]``."""
        return cls(start, end, text[start:end])


@attrs.frozen
class Role:
    """A position an actor held, bounded in time (PETRARCH-style ``[CODE d1-d2]``).

    Attributes:
        title: The position, e.g. ``"Prime Minister"``.
        organization: Id of the actor the position is in (``"gna"``), if any.
        start: First day held, if known.
        end: Last day held, if known (``None``: still held or unknown).
    """

    title: str = attrs.field(validator=_str)
    organization: str | None = attrs.field(default=None, validator=_opt_str)
    start: dt.date | None = attrs.field(default=None, validator=_opt_date)
    end: dt.date | None = attrs.field(default=None, validator=_opt_date)

    def holds_on(self, day: dt.date | None) -> bool:
        """Whether the role was held on ``day`` (``True`` when ``day`` is unknown)."""
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@attrs.frozen
class Actor:
    """Someone who acts or is acted upon: a person, force, institution or state.

    Attributes:
        id: Stable identifier (the gazetteer's entry id, or a UUIDv5 of the name).
        name: Canonical name (``"Khalifa Haftar"``).
        kind: One of :data:`ACTOR_KINDS`.
        aliases: Other names, including the surface forms seen in the article.
        country: ISO 3166-1 alpha-3 code of the actor's country, if any.
        roles: Positions held, with date ranges.
        mentions: Where the article names the actor.
    """

    id: str = attrs.field(validator=_str)
    name: str = attrs.field(validator=_str)
    kind: str = attrs.field(default="group", validator=_one_of(ACTOR_KINDS))
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(str))
    country: str | None = attrs.field(default=None, validator=[_opt_str, _is_alpha3])
    roles: tuple[Role, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(Role))
    mentions: tuple[Span, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(Span))

    def roles_on(self, day: dt.date | None) -> tuple[Role, ...]:
        """The roles held on ``day``."""
        return tuple(r for r in self.roles if r.holds_on(day))


@attrs.frozen
class Location:
    """A place with coordinates.

    Attributes:
        id: Stable identifier (``"gn:2210247"`` for GeoNames rows).
        name: Canonical name (``"Tripoli"``).
        lat: Latitude, WGS84 decimal degrees.
        lon: Longitude, WGS84 decimal degrees.
        aliases: Other names, including the surface forms seen in the article.
        country: ISO 3166-1 alpha-3 code.
        admin1: ISO 3166-2 code of the first-level division (``"LY-TB"``), if known.
        feature_class: GeoNames feature class (``P`` populated place, ``A`` area, ...).
        feature_code: GeoNames feature code (``PPLC``, ``ADM1``, ``PCLI``, ...).
        geonames_id: GeoNames id, when the place comes from GeoNames.
        radius_km: How far the place extends from the point: its precision.
        mentions: Where the article names the place.
    """

    id: str = attrs.field(validator=_str)
    name: str = attrs.field(validator=_str)
    lat: float = attrs.field(converter=float, validator=_between(-90.0, 90.0))
    lon: float = attrs.field(converter=float, validator=_between(-180.0, 180.0))
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(str))
    country: str | None = attrs.field(default=None, validator=[_opt_str, _is_alpha3])
    admin1: str | None = attrs.field(default=None, validator=_opt_str)
    feature_class: str | None = attrs.field(default=None, validator=_opt_str)
    feature_code: str | None = attrs.field(default=None, validator=_opt_str)
    geonames_id: int | None = attrs.field(default=None, validator=_of_type(int, optional=True))
    radius_km: float = attrs.field(default=10.0, converter=float, validator=v.ge(0.0))
    mentions: tuple[Span, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(Span))


@attrs.frozen
class Mention:
    """One place in the text that names an actor or a location (a find-mentions result).

    Attributes:
        span: The words.
        entity: The resolved :class:`Actor` or :class:`Location` (without mentions).
        score: How sure the matcher is, 0-1 (1 for an exact dictionary match).
        how: Why it matched (``"exact"``, ``"fuzzy"``, ``"surname"``, ``"metonym"`` ...).
        extractor: Name of the extractor that found it.
    """

    span: Span = attrs.field(validator=_of_type(Span))
    entity: Actor | Location = attrs.field(validator=v.instance_of((Actor, Location)))
    score: float = attrs.field(default=1.0, converter=float, validator=_between(0.0, 1.0))
    how: str = attrs.field(default="exact", validator=_str)
    extractor: str = attrs.field(default="", validator=_str)

    @property
    def is_actor(self) -> bool:
        """Whether the mention names an actor (else a location)."""
        return isinstance(self.entity, Actor)


@attrs.frozen
class EventDate:
    """When an event happened, as a range with a precision.

    Attributes:
        start: First possible day.
        end: Last possible day (equal to ``start`` for day precision).
        precision: One of :data:`DATE_PRECISIONS`.
        span: The words the date was read from (``None`` when taken from the
            publication date).
    """

    start: dt.date = attrs.field(validator=_of_type(dt.date))
    end: dt.date = attrs.field(validator=_of_type(dt.date))
    precision: str = attrs.field(default="day", validator=_one_of(DATE_PRECISIONS))
    span: Span | None = attrs.field(default=None, validator=_of_type(Span, optional=True))

    @end.validator
    def _end_not_before_start(self, attribute: attrs.Attribute, value: dt.date) -> None:
        if value < self.start:
            raise ValueError(f"'end' must be on or after start {self.start} (got {value})")


@attrs.frozen
class Contexts:
    """The grammatical status of an event (PLOVER's future / hypothetical / negation).

    Attributes:
        negated: The text says it did not happen ("denied any coordination").
        future: Planned or announced, not yet done ("will be carried out").
        hypothetical: Conditional or possible ("could", "if").
        claimed_by: Who claims it ("the LNA claims", "according to X"), by name.
        themes: PLOVER thematic contexts (``migration``, ``military`` ...).
    """

    negated: bool = attrs.field(default=False, validator=_of_type(bool))
    future: bool = attrs.field(default=False, validator=_of_type(bool))
    hypothetical: bool = attrs.field(default=False, validator=_of_type(bool))
    claimed_by: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(str))
    themes: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(str))


@attrs.frozen
class Count:
    """A number the text reports about an event, with the words that say it.

    Attributes:
        kind: ``fatalities``, ``injured``, ``arrested``, ``migrants``, ``displaced``...
        value: The number (the most conservative reading of a range).
        span: The words.
    """

    kind: str = attrs.field(validator=_str)
    value: int = attrs.field(validator=_whole(optional=False))
    span: Span | None = attrs.field(default=None, validator=_of_type(Span, optional=True))


@attrs.frozen
class Event:
    """Who did what to whom, where and when: one PLOVER event.

    Attributes:
        id: UUIDv5 derived from the article id, type and evidence: stable across runs.
        type: One of the 16 PLOVER types (:data:`libyaevents.taxonomy.EVENT_TYPES`).
        mode: A mode of that type (:data:`libyaevents.taxonomy.MODES`), or ``None``.
        evidence: The sentences that state the event (several when merged).
        source: The actors who act (the visitor, the attacker, the one who asks).
        target: The actors acted upon.
        location: Where it happened, if said.
        date: When it happened, if it can be told.
        fatalities: Deaths reported, if any number is given.
        injured: Injured reported, if any number is given.
        counts: Every number reported, each with its words (fatalities and injured
            included).
        contexts: Negation, future, hypothetical, claims, themes.
        confidence: 0-1, how sure the extractors are.
        extractor: Name of the extractor that produced it (``"rules"``).
        trigger: The words that signal the event type ("banned", "met with").
    """

    id: str = attrs.field(validator=_str)
    type: str = attrs.field(validator=_one_of(EVENT_TYPES))
    evidence: tuple[Span, ...] = attrs.field(converter=_to_tuple, validator=_tuple_of(Span))
    mode: str | None = attrs.field(default=None, validator=_opt_str)
    source: tuple[Actor, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(Actor))
    target: tuple[Actor, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(Actor))
    location: Location | None = attrs.field(default=None, validator=_of_type(Location, optional=True))
    date: EventDate | None = attrs.field(default=None, validator=_of_type(EventDate, optional=True))
    fatalities: int | None = attrs.field(default=None, validator=_int_count)
    injured: int | None = attrs.field(default=None, validator=_int_count)
    counts: tuple[Count, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(Count))
    contexts: Contexts = attrs.field(factory=Contexts, validator=_of_type(Contexts))
    confidence: float = attrs.field(default=0.5, converter=float, validator=_between(0.0, 1.0))
    extractor: str = attrs.field(default="", validator=_str)
    trigger: Span | None = attrs.field(default=None, validator=_of_type(Span, optional=True))

    @mode.validator
    def _mode_of_type(self, attribute: attrs.Attribute, value: str | None) -> None:
        if value is not None and value not in MODES.get(self.type, ()):
            raise ValueError(
                f"'mode' must be one of {MODES.get(self.type, ())!r} for {self.type} (got {value!r})"
            )

    @evidence.validator
    def _some_evidence(self, attribute: attrs.Attribute, value: tuple[Span, ...]) -> None:
        if not value:
            raise ValueError("'evidence' must hold at least one Span (got an empty tuple)")


@attrs.frozen
class Article:
    """A news article as read, before any extraction.

    Attributes:
        id: The input's id (the file stem for a ``.txt`` file).
        text: The text exactly as given; every offset points into it.
        title: Headline, if known.
        url: Where it was published, if known.
        published: Publication date, if known.
        publisher: Outlet name, if known.
        language: ISO 639-1 code (default ``"en"``).
        origin: Where it was read from (``"dump.jsonl:12"``), if from a file.
    """

    id: str = attrs.field(validator=_str)
    text: str = attrs.field(validator=_str)
    title: str | None = attrs.field(default=None, validator=_opt_str)
    url: str | None = attrs.field(default=None, validator=_opt_str)
    published: dt.date | None = attrs.field(default=None, validator=_opt_date)
    publisher: str | None = attrs.field(default=None, validator=_opt_str)
    language: str = attrs.field(default="en", validator=_str)
    origin: str | None = attrs.field(default=None, validator=_opt_str)

    @id.validator
    def _id_not_empty(self, attribute: attrs.Attribute, value: str) -> None:
        if not value.strip():
            raise ValueError("'id' must be a non-empty string (got '')")


@attrs.frozen
class Problem:
    """An error or warning about an input or a plugin, never an exception that stops a run.

    Attributes:
        level: ``"error"`` or ``"warning"``.
        message: What went wrong, in words a user can act on.
        origin: File and line (``"mixed.jsonl:2"``), if from an input.
        article_id: The article concerned, if any.
        plugin: The plugin or extractor that failed, if any.
    """

    level: str = attrs.field(validator=v.in_(("error", "warning")))
    message: str = attrs.field(validator=_str)
    origin: str | None = attrs.field(default=None, validator=_opt_str)
    article_id: str | None = attrs.field(default=None, validator=_opt_str)
    plugin: str | None = attrs.field(default=None, validator=_opt_str)

    def __str__(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        who = f" [{self.plugin}]" if self.plugin else ""
        return f"{where}{self.level}{who}: {self.message}"


@attrs.frozen
class ArticleResult:
    """Everything extracted from one article: the unit the pipeline yields.

    Attributes:
        article: The article as read.
        actors: Each actor named, once, with all its mentions.
        locations: Each place named, once, with all its mentions.
        events: The events, merged so that one event appears once.
        errors: Problems met while processing this article (plugin failures, warnings
            about its input).
    """

    article: Article = attrs.field(validator=_of_type(Article))
    actors: tuple[Actor, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(Actor))
    locations: tuple[Location, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_tuple_of(Location)
    )
    events: tuple[Event, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(Event))
    errors: tuple[Problem, ...] = attrs.field(default=(), converter=_to_tuple, validator=_tuple_of(Problem))

    @property
    def id(self) -> str:
        """The article's id."""
        return self.article.id
