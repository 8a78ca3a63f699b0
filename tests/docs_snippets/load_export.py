"""Formats: read a JSON export back into the models (docs/formats/json.md)."""

from pathlib import Path

HERE = Path(__file__).parent
path = HERE / "example_export.json"

# --8<-- [start:load]
import libyaevents

export = libyaevents.load(path)  # a JSON or JSON Lines export
print(len(export.articles), "articles,", len(export.errors), "errors")
for result in export.articles:
    for event in result.events:
        print(result.article.id, event.type, event.mode, event.fatalities, event.location.name)
# --8<-- [end:load]

# --8<-- [start:codes]
import json

with open(path, encoding="utf-8") as stream:
    data = json.load(stream)
event = data["articles"][0]["events"][0]
print(event["codes"])  # {'cameo': '190', 'quad_class': 4, 'acled_event_type': 'Battles', ...}
# --8<-- [end:codes]

assert event["codes"]["cameo"] == "190"
assert export.articles[0].events[0].fatalities == 4
