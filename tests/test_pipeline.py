"""The pipeline: stages, furniture, determinism, the Python API."""

from __future__ import annotations

import datetime as dt
import io

import libyaevents
from libyaevents import Actor, Event, Location, Mention, Span, hookimpl
from libyaevents.builtins.clean import parse_date_line
from libyaevents.builtins.resolve import merge_events
from libyaevents.testing import make_article, registered

PAGE = """Monday, March 2, 2026
  • Home
  • Politics
Protesters Gather in Misrata

January 5, 2026
Share on FacebookShare on Twitter

Hundreds of residents gathered in the centre of Misrata on Sunday to protest power cuts. They said the outages had lasted for weeks.

Tags: Misrata protests
Next Post
Oil Output Rises in the East
"""


def _doc(text: str, published=None):
    from libyaevents import Article, Document
    from libyaevents.builtins.clean import mark_furniture, split_sentences

    doc = Document.for_article(Article(id="a", text=text, published=published))
    mark_furniture(doc)
    split_sentences(doc)
    return doc


class TestClean:
    def test_menus_tags_and_sidebar_are_furniture(self) -> None:
        """Menus, share buttons, tags and the next story's headline are furniture."""
        doc = _doc(PAGE)
        assert doc.is_furniture(PAGE.index("Home"))
        assert doc.is_furniture(PAGE.index("Share on"))
        assert doc.is_furniture(PAGE.index("Oil Output"))
        assert not doc.is_furniture(PAGE.index("Hundreds of residents"))
        assert all("Oil Output" not in s.text for s in doc.sentences)

    def test_date_under_headline_not_crawl_header(self) -> None:
        """Without a publication date, the date under the headline is used, not the crawl date."""
        assert _doc(PAGE).published == dt.date(2026, 1, 5)

    def test_given_date_wins(self) -> None:
        """A publication date from the input is kept."""
        assert _doc(PAGE, dt.date(2026, 1, 6)).published == dt.date(2026, 1, 6)

    def test_sentences_keep_offsets(self) -> None:
        """Sentence spans point into the text as given, and abbreviations do not split."""
        text = "Gen. Haftar met Mr. Smith in Benghazi. The U.N. envoy said talks will go on!\nNew line here."
        doc = _doc(text)
        assert [s.text for s in doc.sentences] == [
            "Gen. Haftar met Mr. Smith in Benghazi.",
            "The U.N. envoy said talks will go on!",
            "New line here.",
        ]
        assert all(text[s.start : s.end] == s.text for s in doc.sentences)

    def test_missing_space_after_full_stop(self) -> None:
        """Scraped text that lost the space after a full stop still splits; U.S.Army does not."""
        text = "Strikes hit a depot in Gharyan.The U.S.Army said nothing."
        assert [s.text for s in _doc(text).sentences] == ["Strikes hit a depot in Gharyan.", "The U.S.Army said nothing."]

    def test_line_endings(self) -> None:
        """Windows and old Mac line ends split sentences as Unix ones do, offsets kept."""
        for newline in ("\n", "\r\n", "\r"):
            text = newline.join(["Clashes hit Sirte on Monday.", "Talks resumed in Tunis.", ""])
            doc = _doc(text)
            assert [s.text for s in doc.sentences] == ["Clashes hit Sirte on Monday.", "Talks resumed in Tunis."]
            assert all(text[s.start : s.end] == s.text for s in doc.sentences)

    def test_sentence_end_variants(self) -> None:
        """Quotes and brackets after the stop stay with the sentence; a lower-case or
        abbreviated word after a stop does not start one."""
        text = 'He said: "We will stay." The army (LNA!) left. Then e.g. nothing. Aid came? Yes.'
        assert [s.text for s in _doc(text).sentences] == [
            'He said: "We will stay."', "The army (LNA!) left.", "Then e.g. nothing.", "Aid came?", "Yes.",
        ]

    def test_date_line(self) -> None:
        """Date-only lines are recognised in the usual layouts."""
        assert parse_date_line("December 7, 2025") == dt.date(2025, 12, 7)
        assert parse_date_line("Sunday, March 22, 2026") == dt.date(2026, 3, 22)
        assert parse_date_line("7 December 2025") == dt.date(2025, 12, 7)
        assert parse_date_line("2025-12-07") == dt.date(2025, 12, 7)
        assert parse_date_line("December 7, 2025 was a Sunday") is None


class TestResolve:
    def test_same_event_in_two_sentences_merged(self) -> None:
        """Same type, same source and place: one event with both spans and the count."""
        lna = Actor(id="lna", name="Libyan National Army")
        sirte = Location(id="1", name="Sirte", lat=31.2, lon=16.6)
        a = Event(id="1", type="ASSAULT", evidence=(Span(0, 10, "x" * 10),), source=(lna,), location=sirte)
        b = Event(id="2", type="ASSAULT", evidence=(Span(50, 60, "y" * 10),), source=(lna,), location=sirte, fatalities=3)
        (merged,) = merge_events([a, b])
        assert len(merged.evidence) == 2 and merged.fatalities == 3

    def test_only_a_common_source_is_not_enough(self) -> None:
        """Two statements by one actor, with nothing else in common, stay two events."""
        lna = Actor(id="lna", name="Libyan National Army")
        a = Event(id="1", type="COERCE", evidence=(Span(0, 10, "x" * 10),), source=(lna,))
        b = Event(id="2", type="COERCE", evidence=(Span(50, 60, "y" * 10),), source=(lna,))
        assert len(merge_events([a, b])) == 2

    def test_different_targets_stay_apart(self) -> None:
        """Meetings with different people are different events."""
        eu = Actor(id="eu", name="European Union")
        a = Event(id="1", type="CONSULT", evidence=(Span(0, 5, "aaaaa"),), source=(eu,), target=(Actor(id="k", name="K"),))
        b = Event(id="2", type="CONSULT", evidence=(Span(9, 14, "bbbbb"),), source=(eu,), target=(Actor(id="s", name="S"),))
        assert len(merge_events([a, b])) == 2

    def test_one_place_two_modes_stay_apart(self) -> None:
        """An air strike and a clash by one force in one town, told in two sentences, are two events."""
        lna = Actor(id="lna", name="LNA")
        sirte = Location(id="1", name="Sirte", lat=31.2, lon=16.6)
        a = Event(id="1", type="ASSAULT", mode="aerial", evidence=(Span(0, 5, "aaaaa"),), source=(lna,), location=sirte)
        b = Event(id="2", type="ASSAULT", mode="clash", evidence=(Span(9, 14, "bbbbb"),), source=(lna,), location=sirte)
        c = Event(id="3", type="ASSAULT", mode="aerial", evidence=(Span(20, 25, "ccccc"),), source=(lna,), location=sirte)
        assert [len(e.evidence) for e in merge_events([a, b, c])] == [2, 1]

    def test_different_places_stay_apart(self) -> None:
        """Clashes in two towns are two events."""
        lna = Actor(id="lna", name="LNA")
        loc1 = Location(id="1", name="Sirte", lat=31.2, lon=16.6)
        loc2 = Location(id="2", name="Derna", lat=32.8, lon=22.6)
        a = Event(id="1", type="ASSAULT", evidence=(Span(0, 5, "aaaaa"),), source=(lna,), location=loc1)
        b = Event(id="2", type="ASSAULT", evidence=(Span(9, 14, "bbbbb"),), source=(lna,), location=loc2)
        assert len(merge_events([a, b])) == 2


class FakeGazetteer:
    """Finds 'Misrata' as a place and 'Haftar' as an actor, for pipeline tests."""

    name = "fake-gazetteer"

    def find_mentions(self, doc):
        out = []
        for word, entity in (
            ("Misrata", Location(id="gn:1", name="Misrata", lat=32.37, lon=15.09)),
            ("Haftar", Actor(id="haftar", name="Khalifa Haftar", kind="person")),
        ):
            start = doc.text.find(word)
            while start >= 0:
                out.append(Mention(doc.span(start, start + len(word)), entity, extractor=self.name))
                start = doc.text.find(word, start + 1)
        return out


class FakePlugin:
    @hookimpl
    def register_extractors(self, register):
        register(FakeGazetteer())


def test_mentions_grouped_once_and_furniture_dropped() -> None:
    """Each entity is listed once with all its mentions; furniture mentions are dropped."""
    with registered(FakePlugin()) as pipeline:
        result = pipeline.extract(make_article(PAGE, published=None))
    (misrata,) = result.locations
    texts = [m.text for m in misrata.mentions]
    assert texts == ["Misrata", "Misrata"]  # the headline and the body, not the tags line
    assert all(PAGE[m.start : m.end] == "Misrata" for m in misrata.mentions)
    assert result.article.published == dt.date(2026, 1, 5)


def test_deterministic_output(seeds_dir) -> None:
    """The same input gives byte-identical JSON, run after run."""
    outputs = []
    for _ in range(2):
        pipeline = libyaevents.Pipeline()
        out = io.StringIO()
        pipeline.export(pipeline.extract_many(pipeline.read([seeds_dir])), "json", out)
        outputs.append(out.getvalue())
    assert outputs[0] == outputs[1]
    assert '"articles"' in outputs[0]


def test_extract_api_on_text() -> None:
    """libyaevents.extract() takes a bare text and a publication date."""
    result = libyaevents.extract("Clashes erupted in Tripoli on Friday.", published="2024-05-12", id="t1")
    assert result.article.id == "t1"
    assert result.article.published == dt.date(2024, 5, 12)


def test_public_names_exported() -> None:
    """Everything in __all__ exists."""
    for name in libyaevents.__all__:
        assert hasattr(libyaevents, name), name


def test_import_is_light() -> None:
    """import libyaevents imports neither dateparser, trafilatura, torch nor dask."""
    import subprocess
    import sys

    code = "import sys, libyaevents; print(sorted(m for m in ('dateparser','trafilatura','torch','dask') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
