"""Any text made of news words, names and punctuation gives events and no error."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = [
    *"Red Brigade|Blue Front|Adam Noor|the Union|Port Amal|Wadi Sur|Harbour|migrants|protesters|"
    "attacked|the attack on|clashes|killed|killing|wounded|arrested|seized|met|talks with|called on|"
    "accused|denied|said|that|which|who|will|to|and|or|but|after|since|until|by|on|in|of|the|a|an|"
    "was|were|has been|not|failed to|managed to|this is the first|it was the deadliest|anyone who|"
    "on Monday|last Friday|June 23|in 2019|next week|three|12|dozens|at least|bodies|"
    "received|dispersed|opened fire on|drones struck|cancelled|demanding the release of|"
    "Finance Minister|Operation Sandstorm".split("|"),
    ",", ";", ".", "!", "?", ":", "(", ")", '"', "'", "-", "\u2013", "\n", "\n\n",
]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=60), dated=st.booleans())
def test_any_text_gives_valid_events_and_no_error(run, words, dated):
    """Every offset of every event points at its words, and no step fails."""
    text = " ".join(words)
    result = run(text, published="2024-03-15" if dated else None)
    assert result.errors == ()
    for event in result.events:
        for span in (*event.evidence, event.trigger):
            assert text[span.start : span.end] == span.text
        if event.date is not None and event.date.span is not None:
            assert text[event.date.span.start : event.date.span.end] == event.date.span.text
