"""Fixtures: a tiny fake gazetteer, so the rules are tested without the real one."""

from __future__ import annotations

import re

import pytest

from libyaevents import Actor, Location, Mention, Span, hookimpl
from libyaevents.testing import make_article, registered

from libyaevents_rules import RulesExtractor

ACTORS = {
    "Red Brigade": Actor("red", "Red Brigade", kind="armed_group"),
    "Blue Front": Actor("blue", "Blue Front", kind="armed_group"),
    "Interior Ministry": Actor("moi", "Interior Ministry", kind="government"),
    "Minister Adam Noor": Actor("noor", "Adam Noor", kind="person"),
    "Adam Noor": Actor("noor", "Adam Noor", kind="person"),
    "Sara Kemal": Actor("kemal", "Sara Kemal", kind="person"),
    "the Coastal Council": Actor("council", "Coastal Council", kind="government"),
    "Coastal Council": Actor("council", "Coastal Council", kind="government"),
    "Verdania": Actor("verdania", "Verdania", kind="state"),
    "the Union": Actor("union", "Union", kind="igo"),
    "Union": Actor("union", "Union", kind="igo"),
    "the Harbour government": Actor("harbourgov", "Harbour Government", kind="government"),
    "Wire Agency": Actor("wire", "Wire Agency", kind="media"),
    "Peace Dialogue Forum": Actor("pdf", "Peace Dialogue Forum", kind="igo"),
    "Ostland": Actor("ostland", "Ostland", kind="state"),  # a state named only as an actor
}
# The country of each state actor, as the real gazetteer gives it in doc.data.
STATE_PLACES = {"ostland": Location("ostland-l", "Ostland", 50.0, 20.0, feature_code="PCLI")}
# Generic groups named by a common noun: the real gazetteer keeps them apart from the
# mentions, in doc.data["gazetteer"]["groups"].
GROUPS = {
    "migrants": Actor("migrants", "Migrants", kind="group", aliases=("migrants",)),
    "protesters": Actor("protesters", "Protesters", kind="group", aliases=("protesters", "demonstrators")),
    "demonstrators": Actor("protesters", "Protesters", kind="group", aliases=("protesters", "demonstrators")),
    "smugglers": Actor("smugglers", "Smugglers", kind="group", aliases=("smugglers",)),
}
PLACES = {
    "Port Amal": Location("pa", "Port Amal", 32.0, 20.0, feature_code="PPL"),
    "Wadi Sur": Location("ws", "Wadi Sur", 31.0, 15.0, feature_code="PPL"),
    "Harbour": Location("hb", "Harbour", 32.9, 13.2, feature_code="PPLC"),
    "Verdania": Location("verdania-l", "Verdania", 40.0, 10.0, feature_code="PCLI"),
    "Libya": Location("ly", "Libya", 27.0, 17.0, feature_code="PCLI"),
}


class FakeGazetteer:
    """Finds the names above, longest first, as a gazetteer would."""

    name = "fake-gazetteer"
    order = 10

    def find_mentions(self, doc):
        out = []
        taken = []
        names = sorted(set(ACTORS) | set(PLACES), key=len, reverse=True)
        for name in names:
            for m in re.finditer(r"\b" + re.escape(name) + r"\b", doc.text):
                if any(a < m.end() and m.start() < b for a, b, kind in taken if kind == "actor") and name in ACTORS:
                    continue
                span = Span(m.start(), m.end(), m.group())
                if name in ACTORS:
                    out.append(Mention(span, ACTORS[name], extractor=self.name))
                    taken.append((m.start(), m.end(), "actor"))
                if name in PLACES:
                    out.append(Mention(span, PLACES[name], extractor=self.name))
        groups = []
        for name, actor in GROUPS.items():
            for m in re.finditer(r"\b" + name + r"\b", doc.text, re.IGNORECASE):
                groups.append(Mention(Span(m.start(), m.end(), m.group()), actor, extractor=self.name))
        data = doc.data.setdefault("gazetteer", {})
        data["groups"] = groups
        data["state_places"] = {m.entity.id: STATE_PLACES[m.entity.id] for m in out if m.entity.id in STATE_PLACES}
        return out


class _Plugin:
    """A pluggy plugin registering the given extractors."""

    def __init__(self, *extractors):
        self.extractors = extractors

    @hookimpl
    def register_extractors(self, register):
        for e in self.extractors:
            register(e)


@pytest.fixture
def run():
    """``run(text, published=...)`` -> the article's result, with the fake gazetteer."""

    def _run(text: str, published: str | None = "2024-03-15", **kw):
        with registered(_Plugin(FakeGazetteer(), RulesExtractor(**kw)), name="rules-under-test") as pipeline:
            return pipeline.extract(make_article(text, published=published))

    return _run


@pytest.fixture
def events(run):
    """``events(text)`` -> the events, as (type, sources, targets) tuples and the raw list."""

    def _events(text: str, **kw):
        return run(text, **kw).events

    return _events
