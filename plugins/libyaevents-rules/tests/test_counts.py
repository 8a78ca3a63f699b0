"""Counts of dead, wounded, arrested and migrants."""

from __future__ import annotations

import pytest

from libyaevents_rules.counts import find_counts, number

CASES = [
    ("the clashes went on, leaving 17 dead, about 50 wounded", {"fatalities": 17, "injured": 50}),
    ("at least 31 dead after the blast", {"fatalities": 31}),
    ("shells fell on the market, killing 13", {"fatalities": 13}),
    ("two people were killed in the raid", {"fatalities": 2}),
    ("Thirteen people were killed in a second day of fighting", {"fatalities": 13}),
    ("the death toll rose to 44", {"fatalities": 44}),
    ("police arrested 12 suspects", {"arrested": 12}),
    ("the coast guard intercepted about 300 migrants", {"migrants": 300}),
    ("at least 40 migrants were killed", {"fatalities": 40}),
    ("In total, 55 people were killed and 146 (seriously) wounded.", {"fatalities": 55, "injured": 146}),
    ("twenty-five fighters were killed", {"fatalities": 25}),
    ("hundreds of migrants were stranded", {"migrants": 100}),
    ("at least 47 people are reported by the health ministry to have been killed and 120 injured",
     {"fatalities": 47, "injured": 120}),
    ("three soldiers were said to have died in the blast", {"fatalities": 3}),
    ("reporters counted at least three bodies by the road", {"fatalities": 3}),
    ("12 bodies were found near the port", {"fatalities": 12}),
    # The nearest number counts, and a number in a name is none.
    ("clashes between Red Brigade and the 444 Brigade left three people dead", {"fatalities": 3}),
    ("Brigade 33 fighters killed two guards", {"fatalities": 2}),
    ("On Sunday 15 people were killed", {"fatalities": 15}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_counts(text, expected):
    got = {}
    for c in find_counts(text, 0, len(text)):
        got.setdefault(c.kind, c.value)
    for kind, value in expected.items():
        assert got.get(kind) == value, got


@pytest.mark.parametrize(
    "text", ["dozens of people were killed", "scores were wounded", "many were arrested", "the 2011 uprising killed",
             "the two bodies agreed on a roadmap"]
)
def test_vague_is_not_a_number(text):
    assert [c for c in find_counts(text, 0, len(text)) if c.kind in ("fatalities", "injured", "arrested")] == []


def test_number_words():
    assert number("one") == 1 and number("twenty") == 20 and number("2,000") == 2000
    assert number("a hundred") == 100 and number("hundreds") == 100 and number("dozens") is None


def test_event_fatalities(run):
    result = run("Red Brigade shelled Port Amal on Monday, killing 13 people and wounding 20.")
    e = next(e for e in result.events if e.type == "ASSAULT")
    assert e.fatalities == 13 and e.injured == 20
    assert {c.kind for c in e.counts} >= {"fatalities", "injured"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen killed a soldier in Port Amal on Monday.", 1),
        ("A fighter was killed in clashes in Port Amal.", 1),
        ("Gunmen assassinated Adam Noor in Port Amal.", 1),
        ("Gunmen killed a number of civilians in Port Amal.", None),
        ("Gunmen killed two soldiers in Port Amal.", 2),
        ("Red Brigade attacked Port Amal.", None),
    ],
)
def test_one_victim_is_one_death(run, text, expected):
    """A killing with no number: one named person or "a soldier" is one death (as ACLED
    counts); "a number of" is not a number."""
    e = next(e for e in run(text).events if e.type == "ASSAULT")
    assert e.fatalities == expected
