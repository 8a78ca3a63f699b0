"""Tests of the example plugin: copy them with the plugin and adapt them."""

from __future__ import annotations

import io

# --8<-- [start:tests]
import libyaevents_example
from libyaevents.testing import make_article, registered


def test_extractor_finds_the_protest() -> None:
    """A sentence about demonstrators gives one PROTEST event, the sentence as evidence."""
    text = "Hundreds of demonstrators gathered in Martyrs' Square. The weather was mild."
    with registered(libyaevents_example) as pipeline:
        result = pipeline.extract(make_article(text))
    [event] = result.events
    assert event.type == "PROTEST"
    assert event.mode == "demo"
    assert event.extractor == "example-keywords"
    assert event.evidence[0].text == "Hundreds of demonstrators gathered in Martyrs' Square."
    assert text[event.trigger.start : event.trigger.end] == "demonstrators"


def test_nothing_without_keywords() -> None:
    """A sentence without the keywords gives no event."""
    with registered(libyaevents_example) as pipeline:
        result = pipeline.extract(make_article("The weather in Tripoli was mild."))
    assert result.events == ()


def test_exporter_writes_one_line_per_event() -> None:
    """The TSV exporter writes article id, event type and evidence text."""
    with registered(libyaevents_example) as pipeline:
        result = pipeline.extract(make_article("Students staged a sit-in at the university.", id="a1"))
        out = io.StringIO()
        pipeline.export([result], "example-tsv", out)
    assert out.getvalue() == "a1\tPROTEST\tStudents staged a sit-in at the university.\n"


# --8<-- [end:tests]


def test_registers_under_its_names() -> None:
    """The plugin's extractor and exporter are registered under their names."""
    with registered(libyaevents_example) as pipeline:
        assert "example-keywords" in pipeline.extractors
        assert "example-tsv" in pipeline.exporters


def test_exporter_skips_problems() -> None:
    """Error records are not events: the exporter leaves them out."""
    from libyaevents import Problem

    with registered(libyaevents_example) as pipeline:
        out = io.StringIO()
        pipeline.export([Problem("error", "bad line", origin="x.jsonl:2")], "example-tsv", out)
    assert out.getvalue() == ""
