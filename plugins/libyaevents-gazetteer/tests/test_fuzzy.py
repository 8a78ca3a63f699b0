"""Fuzzy matching: garbled names are found, and ordinary English yields nothing."""

from __future__ import annotations

import pytest

from libyaevents import Article, Document
from libyaevents_gazetteer._matcher import Gazetteer



@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("Troops moved into the Timpests Mountains last spring.", "Timpests Mountains", "Tibesti Mountains"),
        ("Khalifa Haphtar received the visitors yesterday.", "Khalifa Haphtar", "Khalifa Haftar"),
        ("The visit of President von Der Laen was cancelled.", "von Der Laen", "Ursula von der Leyen"),
        ("Prime Minister Abdelhamid Dbaiba opened the road.", "Abdelhamid Dbaiba", "Abdul Hamid Dbeibah"),
        ("Prime Minister Osama Hamad chaired the meeting.", "Osama Hamad", "Osama Hammad"),
    ],
)
def test_garbled_names_are_found(find, text, surface, name):
    found = find(text)
    assert (surface, name) in [(s, n) for s, n, _, how in found if how == "fuzzy"]


def test_garbled_surname_follows_its_full_form(find):
    """After "Khalifa Haphtar", a bare "Haphtar" is the same man."""
    found = find("Khalifa Haphtar spoke first. Then Haphtar left the hall with his guards.")
    assert [(s, n) for s, n, _, _ in found] == [("Khalifa Haphtar", "Khalifa Haftar"), ("Haphtar", "Khalifa Haftar")]


# A text of our own with many capitalised names that are in no table: the fuzzy pass
# must find nothing in it.
ENGLISH = """
Harold Bennett, the chairman of Northgate Holdings, told shareholders in Manchester that the
company would open offices in Lisbon and Toronto. Margaret Collins, who runs the Riverside
Library, said the Carnegie Foundation had agreed to fund a new reading room. On Saturday the
Kingston Harriers beat the Oakwood Rovers at Hampden Park. Professor Khalil Gibran Smith of
Durham University spoke about the Ottoman Empire and the Hanseatic League. Mount Everest,
Lake Victoria and the Sahara Desert featured in a lecture by Dr Helen Haftorn. Samuel Hammond
and Osman Hamid founded the Tibbetts Mountain Club in Vermont. The Hamad Bin Khalifa University
hosted Karl von der Leiden and Anna Lammers. Oscar Hammadi visited Dublin and Belfast in June.
"""


def test_fuzzy_finds_nothing_in_ordinary_english(fixture_data):
    """Precision on text where nothing must be found: no fuzzy match at all."""
    gaz = Gazetteer(fixture_data(), new_names=False)
    doc = Document.for_article(Article(id="en", text=ENGLISH))
    fuzzy = [m for m in gaz.find(doc) if m.how == "fuzzy"]
    assert fuzzy == [], [(m.span.text, m.entity.name) for m in fuzzy]
