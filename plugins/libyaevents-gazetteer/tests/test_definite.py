"""Definite descriptions ("the bank", "the council") resolved to the institution named before."""

from __future__ import annotations

from libyaevents import Actor, Mention, Span
from libyaevents_gazetteer._definite import definite_mentions

BANK = Actor(id="bank", name="Central Bank of Verdania", kind="organization")
COUNCIL = Actor(id="council", name="Coastal Shura Council", kind="armed_group")
ASSEMBLY = Actor(id="assembly", name="Northern Council of Elders", kind="government")
PERSON = Actor(id="noor", name="Adam Noor Council", kind="person")  # a person is never "the council"


def mention(text: str, name: str, actor: Actor) -> Mention:
    start = text.index(name)
    return Mention(Span(start, start + len(name), name), actor)


def resolved(text: str, *named: tuple[str, Actor]) -> list[tuple[str, str]]:
    found = definite_mentions(text, [mention(text, name, actor) for name, actor in named])
    for m in found:
        assert text[m.span.start : m.span.end] == m.span.text and m.how == "definite"
    return [(m.span.text, m.entity.id) for m in found]


def test_head_noun_refers_to_the_institution_named_before():
    text = "The Central Bank of Verdania froze the accounts. On Sunday the bank suspended its operations."
    assert resolved(text, ("Central Bank of Verdania", BANK)) == [("the bank", "bank")]


def test_nearest_earlier_name_wins():
    text = (
        "The Northern Council of Elders met the Coastal Shura Council in the port. "
        "The council then announced a truce."
    )
    got = resolved(text, ("Northern Council of Elders", ASSEMBLY), ("Coastal Shura Council", COUNCIL))
    assert got == [("The council", "council")]


def test_a_modifier_from_the_name_is_kept_in_the_span():
    text = "The Coastal Shura Council took the port. The Shura Council said it lost two fighters."
    assert resolved(text, ("Coastal Shura Council", COUNCIL)) == [("The Shura Council", "council")]


def test_no_resolution_before_the_name_or_without_one():
    text = "The bank was closed. Later the Central Bank of Verdania reopened."
    assert resolved(text, ("Central Bank of Verdania", BANK)) == []
    assert resolved("The council met on Monday.") == []


def test_longer_names_and_people_are_left_alone():
    """"the Council of Europe" is another name; a person is never "the council"."""
    text = "Adam Noor Council spoke. The Council of Europe and the council chairman replied."
    assert resolved(text, ("Adam Noor Council", PERSON)) == []
    text = "The Coastal Shura Council spoke. The Council of Europe replied, and the Council Chairman left."
    assert resolved(text, ("Coastal Shura Council", COUNCIL)) == []


def test_the_extractor_adds_descriptions_with_the_shipped_tables():
    """With the shipped tables: "the bank" after "the Central Bank of Libya" is that bank."""
    from libyaevents import Article, Document
    from libyaevents.builtins.clean import libyaevents_clean
    from libyaevents_gazetteer import GazetteerExtractor

    text = (
        "Gunmen abducted an official of the Central Bank of Libya in Tripoli on Sunday. "
        "The bank suspended its operations until he is freed."
    )
    doc = Document.for_article(Article(id="a", text=text))
    libyaevents_clean(doc)
    found = [(m.span.text, m.entity.name, m.how) for m in GazetteerExtractor().find_mentions(doc) if m.is_actor]
    assert ("The bank", "Central Bank of Libya", "definite") in found

