"""The plugin manager: built-ins, entry points, allow and block lists, failing plugins."""

from __future__ import annotations

import pytest

import libyaevents
from libyaevents import Event, Pipeline, hookimpl
from libyaevents.exceptions import PluginError
from libyaevents.plugins import DEFAULT_PLUGINS, get_plugin_manager, get_plugins
from libyaevents.testing import make_article, registered


class Boom:
    """An extractor that fails on every article."""

    name = "boom"

    def build_events(self, doc):
        raise RuntimeError("kaboom")


class Keyword:
    """An extractor that emits a PROTEST event for each sentence with 'sit-in'."""

    name = "keyword"

    def build_events(self, doc):
        return [
            Event(id="x", type="PROTEST", evidence=(s,), extractor=self.name)
            for s in doc.sentences
            if "sit-in" in s.text
        ]


class TwoExtractors:
    @hookimpl
    def register_extractors(self, register):
        register(Boom())
        register(Keyword())


def test_builtins_registered_explicitly() -> None:
    """The built-in plugins are there without any entry point."""
    pm = get_plugin_manager(load_entrypoints=False)
    assert {name for name, _ in DEFAULT_PLUGINS} <= {n for n, _ in pm.list_name_plugin()}


def test_failing_extractor_reported_others_go_on() -> None:
    """A plugin that raises is reported in the article's errors; the others still run."""
    with registered(TwoExtractors()) as pipeline:
        result = pipeline.extract(make_article("Teachers held a sit-in in Tripoli. Nothing else."))
    assert [e.type for e in result.events] == ["PROTEST"]
    assert [(p.plugin, p.level) for p in result.errors] == [("boom", "error")]
    assert "kaboom" in result.errors[0].message


def test_disable_by_extractor_name() -> None:
    """--disable NAME leaves out a registered extractor."""
    with registered(TwoExtractors(), disable=("boom",)) as pipeline:
        result = pipeline.extract(make_article("Teachers held a sit-in."))
    assert not result.errors
    assert "boom" not in pipeline.extractors


def test_disable_env(monkeypatch) -> None:
    """LIBYAEVENTS_DISABLE_PLUGINS blocks names like --disable."""
    monkeypatch.setenv("LIBYAEVENTS_DISABLE_PLUGINS", "keyword, json")
    with registered(TwoExtractors()) as pipeline:
        assert "keyword" not in pipeline.extractors
        assert "json" not in pipeline.exporters
        assert "boom" in pipeline.extractors


def test_allowlist_env_empty_loads_no_entrypoints(monkeypatch) -> None:
    """LIBYAEVENTS_LOAD_PLUGINS='' loads no installed plugin, only built-ins."""
    monkeypatch.setenv("LIBYAEVENTS_LOAD_PLUGINS", "")
    names = {p.name for p in get_plugins(get_plugin_manager())}
    assert names == {name for name, _ in DEFAULT_PLUGINS}


def test_allowlist_env_names_one(monkeypatch) -> None:
    """LIBYAEVENTS_LOAD_PLUGINS=example loads that plugin and no other."""
    monkeypatch.setenv("LIBYAEVENTS_LOAD_PLUGINS", "example")
    installed = {p.name for p in get_plugins(get_plugin_manager(), all=False)}
    assert installed <= {"example"}


def test_register_refuses_incomplete_objects() -> None:
    """Registering an exporter without write() is a plugin error naming what is missing."""

    class Bad:
        @hookimpl
        def register_exporters(self, register):
            class NoWrite:
                name = "nowrite"

            register(NoWrite())

    with pytest.raises(PluginError, match="lacks suffix, media_type, write"):
        with registered(Bad()):
            pass


def test_failing_registration_hook_is_reported() -> None:
    """A registration hook that raises is reported; the pipeline still works."""

    class Broken:
        @hookimpl
        def register_extractors(self, register):
            raise ImportError("missing model")

    with registered(Broken()) as pipeline:
        assert any("missing model" in p.message for p in pipeline.problems)
        assert pipeline.extract(make_article()).article.id == "test-article"


def test_stage_hook_failure_isolated() -> None:
    """A stage hook implementation that raises does not stop the other stages."""

    class BadHook:
        @hookimpl
        def libyaevents_find_mentions(self, doc):
            raise ValueError("bad data")

    with registered(BadHook(), name="badhook") as pipeline:
        result = pipeline.extract(make_article())
    assert [p.plugin for p in result.errors] == ["badhook"]


def test_get_plugins_lists_registrations() -> None:
    """get_plugins() says what each plugin registers."""
    infos = {p.name: p for p in get_plugins(get_plugin_manager(load_entrypoints=False))}
    assert infos["json"].exporters == ("json", "jsonl")
    assert set(infos["readers"].readers) == {"html", "jsonl", "txt"}
    assert infos["json"].version == libyaevents.__version__


def test_trace_env(monkeypatch, capsys) -> None:
    """LIBYAEVENTS_TRACE_PLUGINS prints each hook call."""
    monkeypatch.setenv("LIBYAEVENTS_TRACE_PLUGINS", "1")
    Pipeline(load_entrypoints=False)
    assert "json.register_exporters" in capsys.readouterr().err


def test_misspelt_hook_unregisters_that_plugin_only(monkeypatch) -> None:
    """A plugin implementing a hook that does not exist is reported and left out; the run goes on."""
    import types

    from libyaevents import plugins

    bad = types.ModuleType("bad_plugin")

    @hookimpl
    def libyaevents_find_mentoins(doc):  # misspelt on purpose
        return []

    bad.libyaevents_find_mentoins = libyaevents_find_mentoins
    monkeypatch.setattr(plugins, "DEFAULT_PLUGINS", plugins.DEFAULT_PLUGINS)
    problems: list = []
    pm = get_plugin_manager(load_entrypoints=False)
    pm.register(bad, name="bad")
    plugins._check_pending(pm, problems)
    assert pm.get_plugin("bad") is None
    assert "misspelt" in problems[0].message and problems[0].plugin == "bad"
