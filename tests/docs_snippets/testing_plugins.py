"""Testing plugins with libyaevents.testing (docs/plugins/testing.md).

Each test function is also called at the bottom, so running this file runs the tests.
"""

import io
import tempfile
from pathlib import Path

# --8<-- [start:registered]
import libyaevents
from libyaevents import Event
from libyaevents.ids import event_id
from libyaevents.testing import make_article, registered


class BlockadePlugin:
    @libyaevents.hookimpl
    def libyaevents_build_events(self, doc):
        return [
            Event(id=event_id(doc.article.id, "PROTEST", [s]), type="PROTEST", mode="obstruct", evidence=[s])
            for s in doc.sentences
            if "blockade" in s.text
        ]


def test_blockade_is_a_protest():
    article = make_article("Tribesmen began a blockade of the Sharara oil field on Sunday.")
    with registered(BlockadePlugin()) as pipeline:  # built-ins + this plugin only
        result = pipeline.extract(article)
    assert [(e.type, e.mode) for e in result.events] == [("PROTEST", "obstruct")]
# --8<-- [end:registered]


# --8<-- [start:errors]
class BrokenPlugin:
    @libyaevents.hookimpl
    def libyaevents_build_events(self, doc):
        raise RuntimeError("model file missing")


def test_a_failing_plugin_is_reported_not_raised():
    with registered(BrokenPlugin(), name="broken") as pipeline:
        result = pipeline.extract(make_article("Clashes erupted in Tripoli."))
    [problem] = result.errors
    assert problem.plugin == "broken"
    assert "model file missing" in problem.message
# --8<-- [end:errors]


# --8<-- [start:exporter]
def test_exporter_output():
    import libyaevents_example  # the plugin under test

    with registered(libyaevents_example) as pipeline:
        result = pipeline.extract(make_article("Demonstrators gathered in Misrata.", id="m1"))
        out = io.StringIO()
        pipeline.export([result], "example-tsv", out)
    assert out.getvalue() == "m1\tPROTEST\tDemonstrators gathered in Misrata.\n"
# --8<-- [end:exporter]


# --8<-- [start:both-ways]
from libyaevents.testing import convert_results, extract_both_ways, sample_results


def test_convert_equals_extract(tmp_path):
    seeds = Path(libyaevents.__file__).resolve().parents[2] / "seeds"
    direct, converted = extract_both_ways([seeds], "example-tsv", tmp_path)
    assert converted == direct


def test_hand_built(libyaevents_sample_results, tmp_path):
    assert "ASSAULT" in convert_results(libyaevents_sample_results, "json", tmp_path)
# --8<-- [end:both-ways]


# --8<-- [start:fixtures]
def test_with_fixtures(make_article, libyaevents_pipeline):
    # Both fixtures come with libyaevents (a pytest11 plugin): no conftest needed.
    result = libyaevents_pipeline.extract(make_article("Talks resumed in Geneva."))
    assert result.article.id == "test-article"
# --8<-- [end:fixtures]


if __name__ == "__main__":
    from libyaevents import Pipeline
    from libyaevents.testing import make_article as factory

    test_blockade_is_a_protest()
    test_a_failing_plugin_is_reported_not_raised()
    test_exporter_output()
    test_with_fixtures(factory, Pipeline())
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        test_convert_equals_extract(Path(a))
        test_hand_built(sample_results(), Path(b))
    print("all passed")
