"""Helpers for testing plugins: make articles, register a plugin for one test, run it.

Also a pytest plugin (entry point ``pytest11``): installing libyaevents gives every
test suite the fixtures :func:`libyaevents_pipeline` and :func:`make_article`.

Examples:
    ```python
    from libyaevents.testing import make_article, registered, run_pipeline

    def test_my_extractor():
        with registered(MyPlugin()) as pipeline:
            result = pipeline.extract(make_article("Clashes erupted in Tripoli."))
        assert result.events
    ```

.. versionadded:: 0.1
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from ._models import Article, ArticleResult
from ._pipeline import Pipeline
from .plugins import get_plugin_manager

__all__ = ["libyaevents_pipeline", "make_article", "make_article_fixture", "registered", "run_pipeline"]


def make_article(
    text: str = "Clashes erupted in Tripoli on Friday.",
    *,
    id: str = "test-article",  # noqa: A002
    published: dt.date | str | None = "2024-01-15",
    **fields: Any,
) -> Article:
    """Build an :class:`~libyaevents.Article` with sensible defaults for a test."""
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    return Article(id=id, text=text, published=published, **fields)


@contextlib.contextmanager
def registered(*plugins: Any, name: str | None = None, entrypoints: bool = False, disable: tuple[str, ...] = ()) -> Iterator[Pipeline]:
    """A pipeline with ``plugins`` registered, for the duration of a ``with`` block.

    Args:
        plugins: Plugin objects or modules (with ``@libyaevents.hookimpl`` functions).
        name: Name for a single plugin (default: its class or module name).
        entrypoints: Also load installed plugins (default: built-ins only, so the test
            does not depend on what else is installed).
        disable: Names to disable.
    """
    pm = get_plugin_manager(load_entrypoints=entrypoints, disable=disable)
    names = []
    try:
        for i, plugin in enumerate(plugins):
            plugin_name = name if (name and len(plugins) == 1) else _name(plugin, i)
            pm.register(plugin, name=plugin_name)
            names.append(plugin_name)
        yield Pipeline(plugin_manager=pm, disable=disable)
    finally:
        for plugin_name in names:
            pm.unregister(name=plugin_name)


def _name(plugin: Any, index: int) -> str:
    return getattr(plugin, "__name__", None) or f"{type(plugin).__name__}-{index}"


def run_pipeline(text: str, *plugins: Any, published: str | None = "2024-01-15", entrypoints: bool = True) -> ArticleResult:
    """Run ``text`` through a pipeline (installed plugins plus ``plugins``) and return the result."""
    with registered(*plugins, entrypoints=entrypoints) as pipeline:
        return pipeline.extract(make_article(text, published=published))


@pytest.fixture
def libyaevents_pipeline() -> Pipeline:
    """A pipeline with every installed plugin (built once per test)."""
    return Pipeline()


@pytest.fixture(name="make_article")
def make_article_fixture() -> Any:
    """The :func:`make_article` factory, as a fixture."""
    return make_article
