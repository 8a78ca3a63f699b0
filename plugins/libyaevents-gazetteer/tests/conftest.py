"""Fixtures: a gazetteer compiled from the small tables in ``tests/fixtures`` only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from libyaevents import Article, Document
from libyaevents.builtins.clean import libyaevents_clean
from libyaevents_gazetteer._data import GazetteerData
from libyaevents_gazetteer._matcher import Gazetteer

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_data() -> GazetteerData:
    data = GazetteerData()
    for name in ("places.tsv", "actors.tsv", "metonyms.tsv", "homonyms.tsv"):
        data.read(FIXTURES / name)
    return data


@pytest.fixture(name="fixture_data")
def _fixture_data():
    """A function that reads the fixture tables afresh."""
    return fixture_data


@pytest.fixture(name="fixtures_dir")
def _fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer(fixture_data())


@pytest.fixture
def find(gaz):
    """``find(text, published="2024-05-01")`` -> list of (surface, entity name, kind, how)."""

    def run(text: str, published: str | None = "2024-05-01", **kw):
        day = dt.date.fromisoformat(published) if published else None
        doc = Document.for_article(Article(id="t", text=text, published=day))
        libyaevents_clean(doc)
        out = []
        for m in gaz.find(doc):
            assert text[m.span.start:m.span.end] == m.span.text
            out.append((m.span.text, m.entity.name, "actor" if m.is_actor else "place", m.how))
        return out

    return run
