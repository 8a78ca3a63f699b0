"""Words of events that report no event: names, questions, aims, adjectives."""

from __future__ import annotations


def _types(events, text):
    return [e.type for e in events(text)]


def test_trigger_inside_a_name_is_no_event(events):
    assert "CONSULT" not in _types(events, "Sara Kemal now chairs the Peace Dialogue Forum.")
    # Outside the name the word still counts.
    assert "CONSULT" in _types(events, "Red Brigade and Blue Front opened a dialogue in Harbour.")


def test_question_reports_no_event(events):
    assert "ASSAULT" not in _types(events, "Why did Red Brigade attack Port Amal?")
    assert "ASSAULT" in _types(events, "Red Brigade attacked Port Amal on Monday.")


def test_abstract_fight_against_is_no_clash(events):
    assert "ASSAULT" not in _types(events, "Verdania pledged money for the fight against illegal migration.")
    assert "ASSAULT" not in _types(events, "The Union will help the fight against the smuggling of fuel.")


def test_fighting_front_is_a_place_not_an_event(events):
    assert "ASSAULT" not in _types(events, "The road across the old fighting front reopened today.")
    assert "ASSAULT" in _types(events, "Heavy fighting broke out near Port Amal.")


def test_backed_as_adjective_is_no_support(events):
    assert "SUPPORT" not in _types(events, "The Union-backed government met in Harbour.")
    assert "SUPPORT" not in _types(events, "A Western backed government was set up in Harbour.")
    assert "SUPPORT" in _types(events, "Verdania backed the new government on Monday.")
    assert "SUPPORT" in _types(events, "Verdania backed Adam Noor's plan.")


def test_aim_infinitive_is_no_event(events):
    assert "COERCE" not in _types(events, "Red Brigade massed troops in a bid to seize Port Amal.")
    assert "CONSULT" not in _types(events, "Migrants hoping to reach Verdania wait in Harbour.")
    # A plan keeps its future event.
    found = [e for e in events("The Union will deploy monitors to Port Amal next week.") if e.type == "MOBILIZE"]
    assert found and found[0].contexts.future


def test_trigger_noun_modifying_a_document_is_no_event(events):
    """"the troop deployment bill", "the protest law": a document or body, not an event."""
    assert not [e for e in events("Verdania's parliament debated the troop deployment bill.") if e.type == "MOBILIZE"]
    assert [e for e in events("Verdania announced a troop deployment to Port Amal.") if e.type == "MOBILIZE"]


def test_capitalised_trigger_inside_an_unknown_name_is_no_event(events):
    """"Finance Minister X", "the Attack Helicopter Squadron": part of a name, unless the
    sentence is a title-case headline."""
    assert not [e for e in events("Finance Minister Omar Salem said salaries would be paid in Port Amal.") if e.type == "AID"]
    assert [e for e in events("Red Brigade Attacks Port Amal Checkpoint") if e.type == "ASSAULT"]
    # The word next to the capitalised one decides, also inside a longer match.
    assert not [e for e in events("Operation Sandstorm said it carried out an inspection of a ship.") if e.type == "MOBILIZE"]


def test_hosting_people_is_no_meeting(events):
    """"#number" in unless_after: "a camp hosting about 600 migrants" is no CONSULT; a real host still is."""
    assert not [e for e in events("The camp in Port Amal, hosting about 600 migrants, was hit.") if e.type == "CONSULT"]
    assert not [e for e in events("Wadi Sur hosts 2,000 refugees.") if e.type == "CONSULT"]
    assert [e for e in events("Verdania hosted the talks between Red Brigade and Blue Front.") if e.type == "CONSULT"]


def test_arriving_at_ones_own_base_is_no_visit(events):
    """"arrived at its headquarters" is no visit; "arrived in Harbour" is."""
    assert not [e for e in events("Adam Noor arrived at his headquarters in Wadi Sur.") if e.type == "CONSULT"]
    assert [e for e in events("Adam Noor arrived in Harbour on Monday.") if e.type == "CONSULT"]


def test_named_meeting_is_still_an_event(events):
    """"The International Conference on Peace is scheduled ...": a meeting's name is an event."""
    found = [e for e in events("The International Conference on Peace is scheduled to be held in Harbour on June 23.")
             if e.type == "CONSULT"]
    assert found and found[0].contexts.future


def test_participle_describing_a_noun_is_no_accusation(events):
    """"two men accused of smuggling" describes them; "X accused Y of" and "Y was accused of" accuse."""
    assert not [e for e in events("The Union sanctioned two men accused of smuggling in Port Amal.") if e.type == "ACCUSE"]
    assert [e for e in events("Adam Noor accused Blue Front of smuggling.") if e.type == "ACCUSE"]
    assert [e for e in events("Blue Front was accused of smuggling by Adam Noor.") if e.type == "ACCUSE"]


def test_received_needs_someone_received(events):
    """needs_actor: "received reports" or "received the bodies" is no meeting."""
    assert not [e for e in events("Sara Kemal received reports of fighting in Port Amal.") if e.type == "CONSULT"]
    assert not [e for e in events("The hospital in Port Amal received the bodies of six fighters.") if e.type == "CONSULT"]
    host = next(e for e in events("Sara Kemal received Adam Noor in Harbour.") if e.type == "CONSULT")
    assert [a.name for a in host.source] == ["Adam Noor"] and [a.name for a in host.target] == ["Sara Kemal"]


def test_comment_on_a_told_event_is_no_new_event(events):
    """"This is the first such operation since 2019", "It was the deadliest attack in
    years": said of an event already told."""
    assert not events("This is the first such military operation by Red Brigade since 2019.")
    assert not events("It was the deadliest attack on Port Amal in years, officials said.")
    assert [e.type for e in events("Red Brigade launched the first attack on Port Amal at dawn.")] == ["ASSAULT"]
    assert not events("There has never been such a large-scale military mobilisation in Port Amal.")
    assert not events("Such attacks have become common in Port Amal.")


def test_more_words_that_are_no_events(events):
    """"the Ministry of Finance" is a name; "incited killing", "urging a peaceful handover"
    and "the fight against impunity" state no happening."""
    assert not [e for e in events("They took a car from the Ministry of Finance in Port Amal.") if e.type == "AID"]
    assert not [e for e in events("Youths closed the channel because it incited killing in Port Amal.") if e.type == "ASSAULT"]
    assert not [e for e in events("Adam Noor spoke in Harbour, urging a peaceful and orderly release of prisoners.")
                if e.type == "RETREAT"]
    assert not [e for e in events("The Union will fund the fight against impunity in Port Amal.") if e.type == "ASSAULT"]
