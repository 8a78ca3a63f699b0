"""Exact matching and the context rules, on sentences written for these tests."""

from __future__ import annotations

import pytest

from libyaevents import Article, Document


def names(found, kind=None):
    return [(s, n) for s, n, k, _ in found if kind is None or k == kind]


def test_longest_match_wins_and_inner_names_do_not_count(find):
    """A place inside a longer place name is not a second mention."""
    found = find("The plane landed at Tripoli International Airport after a delay.")
    assert names(found) == [("Tripoli International Airport", "Tripoli International Airport")]


def test_offsets_point_into_the_text(find):
    """Every span is text[start:end] of the text as given (checked inside the fixture)."""
    found = find("  Fighting near Misrata,\n and in Benghazi, went on.")
    assert [n for _, n in names(found)] == ["Misrata", "Benghazi"]


def test_multi_word_aliases_match_in_any_case(find):
    """Multi-word names match whatever their capitals."""
    found = find("Units of the libyan national army moved south yesterday morning.")
    assert names(found, "actor") == [("libyan national army", "Libyan National Army")]


def test_single_words_keep_their_capital(find):
    """The agency Nova is not the word nova."""
    assert names(find("A nova was seen by astronomers in the southern sky last night.")) == []
    assert names(find("Speaking to Nova, the minister denied the reports.")) == [("Nova", "Agenzia Nova")]


@pytest.mark.parametrize("text", ["The plan is simple, he said on Monday.", "It is us who decide, said the mayor."])
def test_acronyms_match_only_in_capitals(find, text):
    """IS and US as words are not the Islamic State and the United States."""
    assert names(find(text), "actor") == []


def test_acronyms_in_capitals_match(find):
    found = find("IS fighters fled as the LNA and US officials watched.")
    assert [n for _, n in names(found, "actor")] == ["Islamic State", "Libyan National Army", "United States"]


def test_demonym_needs_a_government_noun(find):
    """An adjective names its state only before a government noun."""
    found = find("The Italian coast guard met the Turkish Foreign Minister in the port.")
    assert names(found, "actor") == [("Italian coast guard", "Italy"), ("Turkish Foreign Minister", "Turkey")]
    assert names(find("They ate Italian food and drank Turkish coffee all evening.")) == []


def test_demonym_is_never_a_place(find):
    found = find("The Russian delegation arrived on Friday afternoon.")
    assert [k for _, _, k, _ in found] == ["actor"]


def test_city_government_is_the_government_seated_there(find):
    """"The Tripoli government" is the GNU in 2024 and the GNA in 2019."""
    text = "The Tripoli government rejected the budget passed by the eastern government."
    assert names(find(text, "2024-05-01"), "actor") == [
        ("Tripoli government", "Government of National Unity"),
        ("eastern government", "Government of National Stability"),
    ]
    assert names(find(text, "2019-05-01"), "actor")[0] == ("Tripoli government", "Government of National Accord")


def test_capital_as_speaker_is_its_state(find):
    """A foreign capital that denies something is its state; Tripoli is its government."""
    found = find("Moscow denied the report, while Tripoli said it would investigate.", "2020-01-10")
    assert names(found, "actor") == [("Moscow", "Russia"), ("Tripoli", "Government of National Accord")]
    assert names(find("Talks were held in Moscow on Monday with several delegations."), "place") == [
        ("Moscow", "Moscow")
    ]


def test_tripoli_is_libyan_unless_the_text_says_lebanon(find):
    assert names(find("Shelling hit Tripoli overnight, residents reported."), "place") == [("Tripoli", "Tripoli")]
    found = find("Protests spread to Tripoli, Lebanon, where banks were closed.")
    assert ("Tripoli", "Tripoli") not in names(found)


def test_country_after_preposition_is_a_place(find):
    found = find("Migrants sailed from Libya to Italy and Malta last week.")
    assert ("Italy", "Italy") in names(found, "place")
    assert names(found, "actor") == []


def test_country_as_subject_is_an_actor(find):
    found = find("Turkey sent drones, and officials from several countries objected strongly.")
    assert names(found, "actor") == [("Turkey", "Turkey")]
    assert names(found, "place") == []


def test_country_as_object_before_a_preposition_may_be_an_actor(find):
    """"warned Turkey against": Turkey may act or be acted on; "the Turkey desk" is a modifier."""
    assert ("Turkey", "Turkey") in names(find("The army warned Turkey against any intervention."), "actor")
    assert names(find("The Turkey desk of the agency said nothing."), "actor") == []


def test_home_country_beside_another_state_acts(find):
    """"Italy and Libya signed": Libya is a party; "from Libya and Italy" stays places."""
    assert ("Libya", "Libya") in names(find("Italy and Libya signed a memorandum on migration."), "actor")
    assert names(find("Migrants sailed from Libya and Italy last week."), "actor") == []


def test_home_country_is_a_place(find):
    found = find("Libya has been divided between rival governments for a decade.")
    assert names(found) == [("Libya", "Libya")] and found[0][2] == "place"


def test_bare_surname_is_the_person_named_before(find):
    """Khaled and Khalifa Haftar in one article stay two people."""
    text = ("Khalifa Haftar met envoys in Benghazi on Monday. Later Khaled Haftar toured the south, "
            "and Haftar told troops to stay alert.")
    found = [(s, n) for s, n in names(find(text, "2025-10-01"), "actor")]
    assert found == [("Khalifa Haftar", "Khalifa Haftar"), ("Khaled Haftar", "Khaled Haftar"),
                     ("Haftar", "Khaled Haftar")]


def test_bare_surname_without_full_mention_is_the_best_known(find):
    assert names(find("Haftar visited the front on Sunday, his office announced."), "actor") == [
        ("Haftar", "Khalifa Haftar")
    ]


def test_middle_patronymic_names_the_son(find):
    """"Khaled Khalifa Haftar" is Khaled (son of Khalifa), not Khalifa."""
    text = "Lieutenant General Khaled Khalifa Haftar, Chief of General Staff of the LNA, visited Rome."
    found = names(find(text, "2025-10-01"), "actor")
    assert found == [("Khaled Khalifa Haftar", "Khaled Haftar"), ("LNA", "Libyan National Army")]
    assert names(find("Saddam Khalifa Haftar inspected the base.", "2024-01-01"), "actor") == [
        ("Saddam Khalifa Haftar", "Saddam Haftar")
    ]


def test_titles_do_not_change_the_person(find):
    found = names(find("Field Marshal Khalifa Haftar received the delegation in his office."), "actor")
    assert found == [("Khalifa Haftar", "Khalifa Haftar")]


def test_office_names_its_organisation(find):
    found = names(find("UN Secretary-General Ban spoke to the press after the vote."), "actor")
    assert found[0] == ("UN", "United Nations")


def test_generic_groups_are_kept_apart(find, gaz):
    """Common-noun groups ("migrants") are not listed as actors but shared in doc.data."""
    doc = Document.for_article(Article(id="g", text="The coast guard stopped 120 migrants at sea on Tuesday."))
    assert gaz.find(doc) == []
    assert [m.span.text for m in doc.data["gazetteer"]["groups"]] == ["migrants"]
    assert names(find("Toubou fighters clashed with rivals near the border."), "actor") == [("Toubou", "Tebu")]


def test_mentions_in_furniture_are_skipped(gaz):
    text = "Clashes broke out in Misrata on Friday, killing two fighters.\n\nRelated Posts\nBenghazi mayor resigns"
    doc = Document.for_article(Article(id="f", text=text))
    from libyaevents.builtins.clean import libyaevents_clean

    libyaevents_clean(doc)
    assert [m.entity.name for m in gaz.find(doc)] == ["Misrata"]


def test_cyrillic_look_alikes_are_read_as_latin(find):
    text = "Fоrces lоyal tо thе Libyan Natiоnal Army advanced."  # Cyrillic о and е inside
    assert [n for _, n in names(find(text), "actor")] == ["Libyan National Army"]


def test_unknown_person_shown_by_title_is_reported(find):
    found = find("Army spokesman Qadir Belhassan said the road was open again.")
    assert ("Qadir Belhassan", "Qadir Belhassan", "actor", "new") in found


def test_unknown_brigade_is_reported(find):
    found = find("Fighters of the Wadi Ghan Martyrs Brigade withdrew overnight.")
    assert ("Wadi Ghan Martyrs Brigade", "Wadi Ghan Martyrs Brigade", "actor", "new") in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a weekday or a place after "on" is no part of a name; "Committee on X" is
        ("The Wadi Ghan Martyrs Brigade on Monday withdrew from the port.", "Wadi Ghan Martyrs Brigade"),
        ("The attack by the Wadi Ghan Martyrs Brigade on Qasr Bir left two dead.", "Wadi Ghan Martyrs Brigade"),
        ("The Joint Committee on Coastal Defence met in the port.", "Joint Committee on Coastal Defence"),
        # "and" goes on inside an "of" complement
        ("The Supreme Council of Tribes and Towns of Wadi Ghan met on Sunday.", "Supreme Council of Tribes and Towns of Wadi Ghan"),
        # a unit's kind is a name with its number only
        ("Fighters of the “Infantry Brigade 33” attacked the airport.", "Infantry Brigade 33"),
    ],
)
def test_unknown_organisation_names_end_where_they_should(find, text, name):
    assert name in [n for _, n, kind, how in find(text) if kind == "actor" and how == "new"]


def test_a_units_kind_without_its_number_is_no_name(find):
    assert not [n for _, n, _, how in find("The Infantry Brigade moved south at dawn.") if how == "new"]
