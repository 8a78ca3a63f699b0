"""Hypothesis strategies for every libyaevents model."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from libyaevents import (
    ACTOR_KINDS,
    DATE_PRECISIONS,
    Actor,
    Article,
    ArticleResult,
    Contexts,
    Count,
    Event,
    EventDate,
    Location,
    Problem,
    Role,
    Span,
)
from libyaevents.taxonomy import EVENT_TYPES, MODES

text = st.text(min_size=0, max_size=20)
names = st.text(min_size=1, max_size=20)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
alpha3 = st.sampled_from(["LBY", "ITA", "TUR", "EGY", "USA", None])


@st.composite
def spans(draw: st.DrawFn) -> Span:
    start = draw(st.integers(0, 10_000))
    body = draw(text)
    return Span(start, start + len(body), body)


roles = st.builds(
    Role,
    title=names,
    organization=st.none() | names,
    start=st.none() | dates,
    end=st.none() | dates,
)

actors = st.builds(
    Actor,
    id=names,
    name=names,
    kind=st.sampled_from(ACTOR_KINDS),
    aliases=st.lists(names, max_size=3).map(tuple),
    country=alpha3,
    roles=st.lists(roles, max_size=2).map(tuple),
    mentions=st.lists(spans(), max_size=2).map(tuple),
)

locations = st.builds(
    Location,
    id=names,
    name=names,
    lat=st.floats(-90, 90, allow_nan=False),
    lon=st.floats(-180, 180, allow_nan=False),
    aliases=st.lists(names, max_size=3).map(tuple),
    country=alpha3,
    admin1=st.none() | st.sampled_from(["LY-TB", "LY-BA"]),
    feature_class=st.none() | st.sampled_from(["P", "A", "S"]),
    feature_code=st.none() | st.sampled_from(["PPLC", "ADM1"]),
    geonames_id=st.none() | st.integers(1, 10**8),
    radius_km=st.floats(0, 2000, allow_nan=False),
    mentions=st.lists(spans(), max_size=2).map(tuple),
)


@st.composite
def event_dates(draw: st.DrawFn) -> EventDate:
    start = draw(dates)
    length = draw(st.integers(0, 400))
    return EventDate(start, start + dt.timedelta(days=length), draw(st.sampled_from(DATE_PRECISIONS)), draw(st.none() | spans()))


contexts = st.builds(
    Contexts,
    negated=st.booleans(),
    future=st.booleans(),
    hypothetical=st.booleans(),
    claimed_by=st.lists(names, max_size=2).map(tuple),
    themes=st.lists(st.sampled_from(["migration", "military"]), max_size=2).map(tuple),
)

counts = st.builds(Count, kind=st.sampled_from(["fatalities", "injured", "arrested"]), value=st.integers(0, 5000), span=st.none() | spans())


@st.composite
def events(draw: st.DrawFn) -> Event:
    event_type = draw(st.sampled_from(EVENT_TYPES))
    mode = draw(st.none() | st.sampled_from(MODES[event_type] or (None,)))
    return Event(
        id=draw(names),
        type=event_type,
        mode=mode,
        evidence=tuple(draw(st.lists(spans(), min_size=1, max_size=3))),
        source=tuple(draw(st.lists(actors, max_size=2))),
        target=tuple(draw(st.lists(actors, max_size=2))),
        location=draw(st.none() | locations),
        date=draw(st.none() | event_dates()),
        fatalities=draw(st.none() | st.integers(0, 1000)),
        injured=draw(st.none() | st.integers(0, 1000)),
        counts=tuple(draw(st.lists(counts, max_size=2))),
        contexts=draw(contexts),
        confidence=draw(st.floats(0, 1, allow_nan=False)),
        extractor=draw(text),
        trigger=draw(st.none() | spans()),
    )


articles = st.builds(
    Article,
    id=names.filter(lambda s: s.strip() != ""),
    text=text,
    title=st.none() | text,
    url=st.none() | text,
    published=st.none() | dates,
    publisher=st.none() | text,
    language=st.sampled_from(["en", "ar", "it"]),
    origin=st.none() | text,
)

problems = st.builds(
    Problem,
    level=st.sampled_from(["error", "warning"]),
    message=text,
    origin=st.none() | text,
    article_id=st.none() | text,
    plugin=st.none() | text,
)

results = st.builds(
    ArticleResult,
    article=articles,
    actors=st.lists(actors, max_size=3).map(tuple),
    locations=st.lists(locations, max_size=3).map(tuple),
    events=st.lists(events(), max_size=3).map(tuple),
    errors=st.lists(problems, max_size=2).map(tuple),
)
