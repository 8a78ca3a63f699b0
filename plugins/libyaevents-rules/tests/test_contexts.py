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


def test_implicative_verb_makes_the_infinitive_happen(events):
    """"managed to enter", "forced them to withdraw": it happened, so no future context."""
    entered = [e for e in events("Red Brigade managed to enter the town of Port Amal on Friday.") if e.type == "COERCE"]
    assert entered and not entered[0].contexts.future
    withdrew = [e for e in events("Blue Front forced them to withdraw from Wadi Sur.") if e.type == "RETREAT"]
    assert withdrew and not withdrew[0].contexts.future


def test_failed_to_is_a_negation(events):
    """"failed to capture": it did not happen, so it is not emitted."""
    assert not [e for e in events("Red Brigade failed to capture Port Amal.") if e.type == "COERCE"]


def test_aims_and_attempts_are_hypothetical(events):
    """"tried to", "intending to", "a campaign to": a goal, not an event."""
    for text in (
        "Red Brigade tried to attack Port Amal at dawn.",
        "Blue Front was intending to free its fighters held in Wadi Sur.",
        "Red Brigade launched a campaign to drive Blue Front out of Port Amal.",
    ):
        found = [e for e in events(text) if e.trigger and e.trigger.text.lower() in ("attack", "free", "drive blue front out")]
        assert not found, text


def test_generic_subject_is_no_event(events):
    """"Anyone who attacks ... will be punished" states a rule, not an attack."""
    assert not [e for e in events("Anyone who attacks the convoy near Port Amal will be punished.") if e.type == "ASSAULT"]


def test_will_in_a_later_clause_does_not_make_the_event_future(events):
    """"suspended ... and work will not resume": the suspension happened."""
    found = [e for e in events("Blue Front suspended its operations in Port Amal and work will not resume soon.")
             if e.trigger and "suspended" in e.trigger.text]
    assert found and not found[0].contexts.future


def test_cancelled_meeting_did_not_take_place(events):
    """"the visit was cancelled", "talks have been postponed", "called off": not emitted."""
    for text in (
        "Adam Noor's visit to Port Amal was cancelled on Monday.",
        "The talks between Red Brigade and Blue Front have been postponed.",
        "The meeting of Red Brigade and Blue Front in Harbour was called off.",
    ):
        assert not [e for e in events(text) if e.type == "CONSULT"], text
    assert [e for e in events("Adam Noor's visit to Port Amal was a success.") if e.type == "CONSULT"]


def test_purpose_of_another_event_is_not_an_event(events):
    """"took to the streets to protest against", "met X to discuss": the purpose of the
    first event is no second event (and lends it no actors)."""
    found = events("Residents of Port Amal took to the streets on Friday to protest against the power cuts.")
    assert [e.type for e in found] == ["PROTEST"]
    met = events("Adam Noor met Sara Kemal in Harbour on Monday to discuss the ceasefire.")
    assert len(met) == 1 and [a.name for a in met[0].source] == ["Adam Noor"]
    assert [a.name for a in met[0].target] == ["Sara Kemal"]


def test_voted_to_and_demanding_during_a_protest(events):
    """"voted to approve" approved; "demonstrated ..., demanding X" is one protest."""
    approve = [e for e in events("The Coastal Council voted to approve the budget of Adam Noor.") if e.type == "SUPPORT"]
    assert approve and not approve[0].contexts.future
    assert [e.type for e in events("Dozens of people demonstrated in Port Amal on Friday demanding the release of prisoners.")] == ["PROTEST"]


def test_what_is_denied_did_not_happen_by_the_text(events):
    """"X denied (reports) that its members took part in the kidnapping": only the denial
    is an event; after a comma ("..., saying Y attacked") the denial's scope ends."""
    found = events("Red Brigade denied reports that its members were involved in the kidnapping in Port Amal.")
    assert [e.type for e in found] == ["REJECT"]
    found = events("Red Brigade denied that it had shelled Port Amal, saying Blue Front attacked its own positions.")
    assert "ASSAULT" in [e.type for e in found]


def test_concern_over_an_event_is_no_part_in_it(events):
    """"X expressed concern over the mobilisation of forces": X did not mobilise."""
    found = next(e for e in events("The Union expressed deep concern over the mobilisation of forces near Port Amal.")
                 if e.type == "MOBILIZE")
    assert not found.source


def test_second_infinitive_of_a_pair_is_an_aim_too(events):
    """"an operation to track down terrorists and expel mercenaries": neither is an event."""
    found = events("Red Brigade launched an operation in Wadi Sur to track down gunmen and expel smugglers.")
    assert "COERCE" not in [e.type for e in found]


def test_date_anchor_after_since_is_no_event(events):
    """"the worst violence since the signing of the ceasefire": the signing only dates."""
    found = events("Red Brigade attacked Port Amal, the worst violence since the signing of the ceasefire.")
    assert "AGREE" not in [e.type for e in found]


def test_a_named_meeting_carries_no_subject_from_the_sentence_before(events):
    """The subject of the last sentence does not host "The International Conference on Peace"."""
    found = events("Adam Noor met Sara Kemal in Harbour. The International Conference on Peace is scheduled to be held in Harbour.")
    conference = [e for e in found if e.trigger and e.trigger.text.startswith("Conference")]
    assert conference and not conference[0].source
