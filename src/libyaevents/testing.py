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

from ._models import (
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
from .ids import event_id
from ._pipeline import Pipeline
from .plugins import get_plugin_manager

__all__ = [
    "libyaevents_pipeline",
    "make_article",
    "make_article_fixture",
    "registered",
    "run_pipeline",
    "convert_results",
    "extract_both_ways",
    "libyaevents_sample_results",
    "sample_results",
]


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


# -- hand-built results for exporter tests ----------------------------------------

BENGHAZI_TEXT = (
    "Shelling by the Libyan National Army hit a market in Benghazi on Thursday, killing three "
    "civilians and wounding five, medics said. The Government of National Unity accused the LNA "
    "of war crimes."
)
ROME_TEXT = "Prime Minister Abdul Hamid Dbeibah visited Rome last week and met Italian officials."

LNA = Actor(id="lna", name="Libyan National Army", kind="armed_group", aliases=("LNA",), country="LBY")
GNU = Actor(id="gnu", name="Government of National Unity", kind="government", country="LBY")
CIVILIANS = Actor(id="civilians-libya", name="Civilians (Libya)", kind="group", country="LBY")
DBEIBAH = Actor(
    id="dbeibah",
    name="Abdul Hamid Dbeibah",
    kind="person",
    country="LBY",
    roles=(Role("Prime Minister", organization="gnu", start=dt.date(2021, 3, 15)),),
)
ITALY = Actor(id="italy", name="Italy", kind="state", country="ITA")

BENGHAZI = Location(
    id="gn:88319",
    name="Benghazi",
    lat=32.11486,
    lon=20.06859,
    country="LBY",
    admin1="LY-BA",
    feature_class="P",
    feature_code="PPLA",
    geonames_id=88319,
    radius_km=15.0,
)
ROME = Location(
    id="gn:3169070",
    name="Rome",
    lat=41.89193,
    lon=12.51133,
    country="ITA",
    admin1="IT-62",
    feature_class="P",
    feature_code="PPLC",
    geonames_id=3169070,
    radius_km=20.0,
)


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span.of(text, start, start + len(words))


def _benghazi_result() -> ArticleResult:
    text = BENGHAZI_TEXT
    article = Article(
        id="benghazi-shelling",
        text=text,
        title="Three civilians killed in Benghazi shelling",
        url="https://www.libyaobserver.ly/news/benghazi-shelling",
        published=dt.date(2024, 5, 10),
        publisher="Libya Observer",
    )
    first = _span(text, text.split(". ")[0] + ".")
    second = _span(text, "The Government of National Unity accused the LNA of war crimes.")
    assault = Event(
        id=event_id(article.id, "ASSAULT", [first]),
        type="ASSAULT",
        mode="heavy-weapons",
        evidence=(first,),
        source=(LNA,),
        target=(CIVILIANS,),
        location=BENGHAZI,
        date=EventDate(dt.date(2024, 5, 9), dt.date(2024, 5, 9), "day", span=_span(text, "Thursday")),
        fatalities=3,
        injured=5,
        counts=(Count("fatalities", 3, _span(text, "three")), Count("injured", 5, _span(text, "five"))),
        contexts=Contexts(claimed_by=("medics",), themes=("military",)),
        confidence=0.8,
        extractor="hand",
        trigger=_span(text, "Shelling"),
    )
    accuse = Event(
        id=event_id(article.id, "ACCUSE", [second]),
        type="ACCUSE",
        mode="allege",
        evidence=(second,),
        source=(GNU,),
        target=(LNA,),
        confidence=0.6,
        extractor="hand",
    )
    return ArticleResult(
        article=article,
        actors=(LNA, GNU, CIVILIANS),
        locations=(BENGHAZI,),
        events=(assault, accuse),
    )


def _rome_result() -> ArticleResult:
    text = ROME_TEXT
    article = Article(id="dbeibah-rome", text=text)
    evidence = _span(text, text)
    consult = Event(
        id=event_id(article.id, "CONSULT", [evidence]),
        type="CONSULT",
        mode="visit",
        evidence=(evidence,),
        source=(DBEIBAH,),
        target=(ITALY,),
        location=ROME,
        date=EventDate(dt.date(2024, 5, 6), dt.date(2024, 5, 12), "week", span=_span(text, "last week")),
        confidence=0.7,
        extractor="hand",
    )
    return ArticleResult(article=article, actors=(DBEIBAH, ITALY), locations=(ROME,), events=(consult,))


def sample_results() -> list[ArticleResult | Problem]:
    """Hand-built results for testing an exporter without any extractor installed.

    Two articles and a Problem between them: an ASSAULT in Benghazi (fatalities,
    injured, a claim, a dated day) with an unlocated ACCUSE event in the same article,
    and an undated article without URL holding a CONSULT visit to Rome dated to a week.
    """
    problem = Problem(level="error", message="could not read", origin="bad.jsonl:3")
    return [_benghazi_result(), problem, _rome_result()]


def extract_both_ways(
    paths: list[str], format: str, workdir: Any, *, disable: tuple[str, ...] = ("ml",)  # noqa: A002
) -> tuple[bytes, bytes]:
    """Export ``paths`` with ``extract --format FORMAT``, and again through a saved JSON
    export and ``convert``; return both outputs, which an exporter must make identical.

    Args:
        paths: Inputs for ``libyaevents extract``.
        format: The exporter's name.
        workdir: A directory for the files (a ``tmp_path``).
        disable: Names to disable in both extractions (the slow ml plugin by default).
    """
    from pathlib import Path

    from .cli import main

    work = Path(workdir)
    off = [arg for name in disable for arg in ("--disable", name)]
    direct, saved, converted = work / "direct.out", work / "saved.json", work / "converted.out"
    assert main(["extract", *map(str, paths), "--format", format, "-q", *off, "-o", str(direct)]) in (0, 1)
    assert main(["extract", *map(str, paths), "--format", "json", "-q", *off, "-o", str(saved)]) in (0, 1)
    assert main(["convert", str(saved), "--format", format, "-o", str(converted)]) == 0
    return direct.read_bytes(), converted.read_bytes()


def convert_results(results: list[ArticleResult | Problem], format: str, workdir: Any) -> str:  # noqa: A002
    """Save ``results`` as a JSON export, ``convert`` it to ``format`` and return the output."""
    from pathlib import Path

    from .builtins.json_export import JsonExporter
    from .cli import main

    saved, out = Path(workdir) / "saved.json", Path(workdir) / "converted.out"
    with open(saved, "w", encoding="utf-8") as stream:
        JsonExporter().write(results, stream)
    assert main(["convert", str(saved), "--format", format, "-o", str(out)]) == 0
    return out.read_bytes().decode("utf-8")  # as written: no newline translation


@pytest.fixture
def libyaevents_sample_results() -> list[ArticleResult | Problem]:
    """:func:`sample_results` as a fixture."""
    return sample_results()


@pytest.fixture
def libyaevents_pipeline() -> Pipeline:
    """A pipeline with every installed plugin (built once per test)."""
    return Pipeline()


@pytest.fixture(name="make_article")
def make_article_fixture() -> Any:
    """The :func:`make_article` factory, as a fixture."""
    return make_article
