"""The models validate what they are given and name the field when they refuse it."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from libyaevents import Actor, Article, Event, EventDate, Location, Role, Span
from libyaevents.taxonomy import EVENT_TYPES, MODES, acled_code, cameo_code, quad_class

from .strategies import events


class TestValidation:
    def test_span_end_before_start(self) -> None:
        """A span that ends before it starts is refused, naming 'end'."""
        with pytest.raises(ValueError, match="'end' must be >= start"):
            Span(10, 5, "x")

    def test_wrong_type_names_field_expected_and_got(self) -> None:
        """A wrong type names the field, the expected type and the value received."""
        with pytest.raises(TypeError) as info:
            Article(id="a", text=42)  # type: ignore[arg-type]
        message = str(info.value)
        assert "'text'" in message and "str" in message and "42" in message

    def test_unknown_event_type(self) -> None:
        """An event type outside PLOVER is refused."""
        with pytest.raises(ValueError, match="'type' must be in"):
            Event(id="e", type="FIGHT", evidence=(Span(0, 1, "x"),))

    def test_mode_must_belong_to_type(self) -> None:
        """A mode of another type is refused, listing the allowed modes."""
        with pytest.raises(ValueError, match="'mode' must be one of"):
            Event(id="e", type="CONSULT", mode="aerial", evidence=(Span(0, 1, "x"),))

    def test_event_needs_evidence(self) -> None:
        """Every event is traceable: empty evidence is refused."""
        with pytest.raises(ValueError, match="'evidence'"):
            Event(id="e", type="ASSAULT", evidence=())

    def test_country_must_be_alpha3(self) -> None:
        """Countries are ISO 3166-1 alpha-3 codes."""
        with pytest.raises(ValueError, match="alpha-3"):
            Actor(id="x", name="Italy", kind="state", country="IT")

    def test_latitude_range(self) -> None:
        """Latitude outside [-90, 90] is refused."""
        with pytest.raises(ValueError, match="'lat'"):
            Location(id="x", name="Nowhere", lat=91, lon=0)

    def test_negative_fatalities(self) -> None:
        """Counts are never negative."""
        with pytest.raises(ValueError, match="'fatalities' must be >= 0"):
            Event(id="e", type="ASSAULT", evidence=(Span(0, 1, "x"),), fatalities=-1)

    def test_date_range_order(self) -> None:
        """An event date ends on or after it starts."""
        with pytest.raises(ValueError, match="'end' must be on or after"):
            EventDate(dt.date(2024, 1, 2), dt.date(2024, 1, 1))

    def test_empty_article_id(self) -> None:
        """An article needs an id."""
        with pytest.raises(ValueError, match="'id'"):
            Article(id=" ", text="x")

    def test_lists_become_tuples(self) -> None:
        """Lists are accepted where tuples are stored, so models stay hashable."""
        actor = Actor(id="a", name="A", aliases=["b", "c"])
        assert actor.aliases == ("b", "c")
        assert hash(actor)

    def test_frozen(self) -> None:
        """Models cannot be changed in place."""
        span = Span(0, 1, "x")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            span.start = 3  # type: ignore[misc]


class TestRoles:
    def test_role_by_date(self) -> None:
        """The article's date picks the role held then."""
        sarraj = Actor(
            id="sarraj",
            name="Fayez al-Sarraj",
            kind="person",
            roles=(Role("Prime Minister", "gna", dt.date(2016, 3, 30), dt.date(2021, 3, 15)),),
        )
        assert sarraj.roles_on(dt.date(2019, 1, 1))
        assert not sarraj.roles_on(dt.date(2022, 1, 1))
        assert sarraj.roles_on(None)


class TestTaxonomy:
    def test_sixteen_types(self) -> None:
        """PLOVER has 16 event types, each with a CAMEO code, a quad class and an ACLED code."""
        assert len(EVENT_TYPES) == 16
        for event_type in EVENT_TYPES:
            assert cameo_code(event_type).isdigit()
            assert 1 <= quad_class(event_type) <= 4
            assert acled_code(event_type).disorder_type
            for mode in MODES[event_type]:
                assert cameo_code(event_type, mode).startswith(cameo_code(event_type)[:1])

    def test_mode_refines_codes(self) -> None:
        """A mode picks the narrower CAMEO and ACLED codes."""
        assert cameo_code("COERCE", "arrest") == "173"
        assert acled_code("ASSAULT", "aerial").sub_event_type == "Air/drone strike"
        assert acled_code("ASSAULT").event_type == "Battles"


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(events())
def test_generated_events_are_valid_and_hashable(event: Event) -> None:
    """Every generated event passes validation and can be hashed."""
    assert attrs.evolve(event) == event
    assert isinstance(hash(event), int)


def test_fold_keeps_length_and_plain_text() -> None:
    """Look-alikes, curly quotes, dashes and odd spaces fold one for one; plain text is returned as is."""
    from libyaevents.text import fold

    plain = "Haftar met Dbeibah in Sirte."
    assert fold(plain) is plain
    text = "Thе “LNA” said\u00a0– in Sirte’s port"
    folded = fold(text)
    assert folded == 'The "LNA" said - in Sirte\'s port' and len(folded) == len(text)
    # italic look-alikes that machine translation leaves behind ("т", "к", "п"), a zero-width space
    assert fold("Gunmen тооk the town\u200bof Sirte in a raid on its pоrt and кilled nо one") == (
        "Gunmen took the town of Sirte in a raid on its port and killed no one")
    russian = "Привет, мир"  # a real Cyrillic quotation is left alone
    assert fold(russian) == russian
