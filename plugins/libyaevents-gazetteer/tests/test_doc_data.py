"""What the gazetteer leaves in ``doc.data["gazetteer"]`` for event extractors."""

from __future__ import annotations


def test_states_named_as_actors_get_their_country_in_doc_data():
    """doc.data["gazetteer"]["state_places"]: the country Location of each state actor."""
    from libyaevents import Article, Document
    from libyaevents.builtins.clean import libyaevents_clean
    from libyaevents_gazetteer import GazetteerExtractor

    doc = Document.for_article(Article(id="a", text="Turkey received a delegation of the Government of National Unity."))
    libyaevents_clean(doc)
    mentions = GazetteerExtractor().find_mentions(doc)
    turkey = next(m.entity for m in mentions if m.entity.name == "Turkey")
    place = doc.data["gazetteer"]["state_places"][turkey.id]
    assert place.name == "Turkey" and 36 < place.lat < 42 and 26 < place.lon < 45
