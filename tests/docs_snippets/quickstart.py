"""Getting started: a first extraction in Python (shown in docs/getting-started.md)."""

# --8<-- [start:extract]
import libyaevents

text = (
    "Forces of the Government of National Unity clashed with an armed group in Zawiya "
    "on Tuesday, killing four people, the Health Ministry said."
)
result = libyaevents.extract(text, published="2024-03-14", id="zawiya-1")

for event in result.events:
    print(event.type, event.mode, [a.name for a in event.source], event.location and event.location.name)
    print("  date:", event.date and event.date.start, "fatalities:", event.fatalities)
    print("  evidence:", event.evidence[0].text)
for problem in result.errors:
    print("problem:", problem)
# --8<-- [end:extract]

# --8<-- [start:offsets]
for event in result.events:
    for span in event.evidence:
        # Offsets point into the text exactly as given.
        assert text[span.start : span.end] == span.text
# --8<-- [end:offsets]

# --8<-- [start:json]
import io

pipeline = libyaevents.Pipeline()  # loads the plugins once; reuse it
out = io.StringIO()
pipeline.export([result], "json", out)
print(out.getvalue()[:200])
# --8<-- [end:json]
