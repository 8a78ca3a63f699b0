"""Who did what to whom, and where: argument rules on sentences of our own."""

from __future__ import annotations


def _one(events, text, etype, **kw):
    found = [e for e in events(text, **kw) if e.type == etype]
    assert found, [(e.type, e.trigger.text) for e in events(text, **kw)]
    return found[0]


def names(actors):
    return [a.name for a in actors]


def test_active_voice(events):
    e = _one(events, "Adam Noor met Sara Kemal in Harbour.", "CONSULT")
    assert names(e.source) == ["Adam Noor"]
    assert names(e.target) == ["Sara Kemal"]


def test_met_with_and_called_on(events):
    e = _one(events, "The Coastal Council called on the Union to act quickly.", "REQUEST")
    assert names(e.source) == ["Coastal Council"] and names(e.target) == ["Union"]


def test_accused(events):
    e = _one(events, "Adam Noor accused Blue Front of shelling Port Amal.", "ACCUSE")
    assert names(e.source) == ["Adam Noor"] and "Blue Front" in names(e.target)


def test_passive_voice(events):
    e = _one(events, "Port Amal was attacked by Red Brigade on Monday.", "ASSAULT")
    assert names(e.source) == ["Red Brigade"]


def test_passive_arrest(events):
    e = _one(events, "Sara Kemal was arrested by the Interior Ministry in Harbour.", "COERCE")
    assert names(e.source) == ["Interior Ministry"]
    assert names(e.target) == ["Sara Kemal"]


def test_host_is_target_visitor_is_source(events):
    e = _one(events, "Verdania received a delegation of the Coastal Council.", "CONSULT")
    assert names(e.source) == ["Coastal Council"]
    assert names(e.target) == ["Verdania"]
    assert e.location is not None and e.location.name == "Verdania"


def test_forces_loyal_to(events):
    e = _one(events, "Forces loyal to Adam Noor took control of Wadi Sur.", "COERCE")
    assert "Adam Noor" in names(e.source)


def test_possessive_forces(events):
    e = _one(events, "Adam Noor's forces took control of Wadi Sur.", "COERCE")
    assert "Adam Noor" in names(e.source)


def test_apposition_is_skipped(events):
    e = _one(events, "Sara Kemal, backed by Red Brigade, met the Union in Harbour.", "CONSULT")
    assert names(e.source) == ["Sara Kemal"]


def test_clash_sides_are_both_sources(events):
    e = _one(events, "Clashes erupted between Red Brigade and Blue Front in Port Amal.", "ASSAULT")
    assert set(names(e.source)) == {"Red Brigade", "Blue Front"}


def test_pronoun_subject_carries_over(events):
    text = "Adam Noor spoke to reporters in Harbour on Monday. He said that he had asked for help from the Union."
    e = _one(events, text, "REQUEST")
    assert names(e.source) == ["Adam Noor"]


def test_location_governed_by_preposition(events):
    e = _one(events, "Red Brigade, which is based in Harbour, shelled positions in Wadi Sur.", "ASSAULT")
    assert e.location.name == "Wadi Sur"


def test_specific_place_before_country(events):
    e = _one(events, "Red Brigade attacked a checkpoint in Libya near Port Amal.", "ASSAULT")
    assert e.location.name == "Port Amal"


def test_dateline_place(events):
    text = "HARBOUR (Wire) - Red Brigade and Blue Front fought for hours on Monday."
    # The fake gazetteer knows "Harbour" only with its capital H: use the usual form.
    text = "Harbour (Wire) - Red Brigade and Blue Front fought for hours on Monday."
    e = _one(events, text, "ASSAULT")
    assert e.location is not None and e.location.name == "Harbour"


def test_no_place_no_location(events):
    e = _one(events, "Adam Noor accused Blue Front of lying.", "ACCUSE")
    assert e.location is None


def test_evidence_and_trigger(events):
    text = "Red Brigade shelled Port Amal on Monday."
    e = _one(events, text, "ASSAULT")
    assert e.evidence[0].text == text
    assert e.trigger.text == "shelled"
    assert e.extractor == "rules"
    assert 0 < e.confidence <= 1


def test_place_opening_the_sentence_is_where_a_later_clause_happens(run):
    """"Port Amal is held by X but has been under attack": the attack is in Port Amal,
    not in the article's focus place named earlier."""
    text = (
        "Red Brigade said it had retaken the centre of Wadi Sur on Monday after days of fighting in Wadi Sur. "
        "Port Amal is still held by Blue Front but has been under constant attack by Red Brigade."
    )
    e = next(e for e in run(text).events if e.trigger and e.trigger.text == "under constant attack")
    assert e.location is not None and e.location.name == "Port Amal"


def test_off_the_coast_of_a_place_is_where(run):
    """"intercepted ... off the coast of X and returned them to Y": where is X."""
    e = next(e for e in run("Blue Front intercepted 230 migrants off the coast of Wadi Sur and took them to a centre in Harbour.").events
             if e.type == "COERCE")
    assert e.location is not None and e.location.name == "Wadi Sur"


def test_a_host_state_places_the_meeting_in_its_country(run):
    """"Ostland received a delegation led by X": the meeting is in Ostland, though the
    text names Ostland only as an actor (the gazetteer's state_places give its country)."""
    e = next(e for e in run("Ostland received a delegation led by Adam Noor.").events if e.type == "CONSULT")
    assert e.location is not None and e.location.name == "Ostland"
