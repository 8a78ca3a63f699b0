"""Negated, future, hypothetical and claimed events."""

from __future__ import annotations

from libyaevents_rules import RulesExtractor, Settings


def test_negated_dropped_by_default(events):
    assert not [e for e in events("Red Brigade did not attack Port Amal.") if e.type == "ASSAULT"]


def test_negated_kept_when_asked(run):
    result = run("Red Brigade did not attack Port Amal.", settings=Settings(emit_negated=True))
    e = next(e for e in result.events if e.type == "ASSAULT")
    assert e.contexts.negated


def test_denial_is_an_event_not_a_negation(events):
    e = next(e for e in events("Blue Front denied any coordination with Red Brigade.") if e.type == "REJECT")
    assert not e.contexts.negated


def test_future(events):
    found = [e for e in events("The Union will deploy monitors to Port Amal next week.") if e.type == "MOBILIZE"]
    assert found and found[0].contexts.future


def test_scheduled(events):
    found = [e for e in events("A summit is scheduled to be held in Harbour on June 23.") if e.type == "CONSULT"]
    assert all(e.contexts.future for e in found)


def test_hypothetical_dropped(events):
    assert not [e for e in events("If talks fail, Red Brigade could attack Port Amal.") if e.type == "ASSAULT"]


def test_claimed_by(events):
    e = next(e for e in events("According to Blue Front, Red Brigade shelled Port Amal.") if e.type == "ASSAULT")
    assert "Blue Front" in e.contexts.claimed_by
    assert [a.name for a in e.source] == ["Red Brigade"]


def test_extractor_registers():
    import libyaevents_rules

    got = []
    libyaevents_rules.register_extractors(got.append)
    assert isinstance(got[0], RulesExtractor) and got[0].name == "rules" and got[0].order == 100
