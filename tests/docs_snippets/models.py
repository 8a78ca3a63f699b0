"""Concepts: building models by hand, and what a bad value says (docs/guide/data-model.md)."""

# --8<-- [start:build]
import datetime as dt

import attrs

from libyaevents import Actor, Article, Event, EventDate, Location, Span
from libyaevents.ids import event_id

article = Article(id="a1", text="LNA aircraft struck Sirte on Monday.", published=dt.date(2024, 6, 4))
evidence = Span.of(article.text, 0, len(article.text))  # the whole sentence
event = Event(
    id=event_id(article.id, "ASSAULT", [evidence]),
    type="ASSAULT",
    mode="aerial",
    evidence=[evidence],  # any iterable; stored as a tuple
    source=[Actor(id="lna", name="Libyan National Army", kind="armed_group", country="LBY")],
    location=Location(id="gn:2210554", name="Sirte", lat=31.20892, lon=16.58866, country="LBY"),
    date=EventDate(dt.date(2024, 6, 3), dt.date(2024, 6, 3), "day", Span.of(article.text, 29, 35)),
)
print(event.date.span.text)  # 'Monday'
# Models are frozen: make a changed copy instead of assigning.
more_sure = attrs.evolve(event, confidence=0.9)
# --8<-- [end:build]

# --8<-- [start:invalid]
try:
    Event(id="x", type="BOMB", evidence=[evidence])
except ValueError as exc:
    print(exc.args[0])  # 'type' must be in ('AGREE', 'CONSULT', ...) (got 'BOMB')

try:
    Event(id="x", type="PROTEST", mode="aerial", evidence=[evidence])
except ValueError as exc:
    print(exc)  # 'mode' must be one of ('demo', 'riot', ...) for PROTEST (got 'aerial')
# --8<-- [end:invalid]

assert more_sure.confidence == 0.9 and event.confidence == 0.5
assert event.date.span.text == "Monday"
