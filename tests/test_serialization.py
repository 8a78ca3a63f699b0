"""Exports read back into the models losslessly."""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from libyaevents import load
from libyaevents.builtins.json_export import JsonExporter, JsonLinesExporter
from libyaevents.serialization import dump_result, iter_export, load_result

from .strategies import problems, results


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(results)
def test_result_round_trip(result) -> None:
    """load_result(dump_result(r)) == r for any result."""
    assert load_result(json.loads(json.dumps(dump_result(result)))) == result


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(results | problems, max_size=4))
def test_json_export_round_trip(items) -> None:
    """A JSON export read back gives the same articles and errors, in order."""
    out = io.StringIO()
    JsonExporter().write(items, out)
    out.seek(0)
    assert list(iter_export(out)) == [i for i in items if not hasattr(i, "level")] + [
        i for i in items if hasattr(i, "level")
    ]


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(results | problems, max_size=4))
def test_jsonl_export_round_trip(items) -> None:
    """A JSON Lines export read back gives the same items in the same order."""
    out = io.StringIO()
    JsonLinesExporter().write(items, out)
    out.seek(0)
    assert list(iter_export(out)) == items


def test_load_reads_version(tmp_path, core_pipeline, seeds_dir) -> None:
    """load() returns the version and articles of a saved export."""
    path = tmp_path / "out.json"
    with path.open("w") as stream:
        core_pipeline.export(core_pipeline.extract_many(core_pipeline.read([seeds_dir])), "json", stream)
    export = load(path)
    assert export.version
    assert sorted(r.article.id for r in export.articles) == sorted(p.stem for p in seeds_dir.glob("*.txt"))


def test_events_carry_codes() -> None:
    """Each exported event carries its CAMEO and ACLED codes."""
    from libyaevents import Article, ArticleResult, Event, Span
    from libyaevents.serialization import dump_event

    event = Event(id="e", type="COERCE", mode="arrest", evidence=(Span(0, 4, "text"),))
    codes = dump_event(event)["codes"]
    assert codes["cameo"] == "173"
    assert codes["acled_sub_event_type"] == "Arrests"
    assert load_result(dump_result(ArticleResult(Article(id="a", text="text"), events=(event,)))).events == (event,)


def test_load_pretty_printed_export_keeps_version(tmp_path, core_pipeline, seeds_dir) -> None:
    """An export re-indented by another tool still loads with its version."""
    out = io.StringIO()
    core_pipeline.export(core_pipeline.extract_many(core_pipeline.read([seeds_dir])), "json", out)
    path = tmp_path / "pretty.json"
    path.write_text(json.dumps(json.loads(out.getvalue()), indent=2))
    export = load(path)
    assert export.version and len(export.articles) == 5
