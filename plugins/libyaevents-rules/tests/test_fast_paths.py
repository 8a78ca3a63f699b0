"""The extractor's fast paths (one token pass per article, recognisers tried only at
candidate words) find exactly what the plain scans find."""

from __future__ import annotations

import datetime as dt

import pytest

from libyaevents_rules import counts, dates
from libyaevents_rules.rules import load_rules
from libyaevents_rules.text import tokens

SENTENCES = [
    "Red Brigade fighters clashed with Blue Front in Port Amal on Thursday, leaving 12 dead and about 40 wounded.",
    "The council met earlier in the day and again late last year, two weeks ago, and on 3 March 2019.",
    "At least twenty-five people were killed and the death toll rose to 31 by the end of last month.",
    "Officials said the curfew imposed in Wadi Sur in mid-2020 would be lifted next week.",
    "Nothing was said about numbers or days in this sentence at all.",
    "The coast guard intercepted as many as 300 migrants off Harbour on the same day.",
    "Protesters gathered on Wednesday, September 23rd, 2020, and again this morning.",
]
PUBLISHED = dt.date(2024, 3, 15)


def _starts(text: str, first, hint, before: int) -> list[int]:
    toks = tokens(text)
    hits = [k for k, t in enumerate(toks) if hint(t.low)]
    keep = {i for k in hits for i in range(max(0, k - before), k + 1)}
    return [toks[i].start for i in sorted(keep) if first(toks[i].low)]


@pytest.mark.parametrize("text", SENTENCES)
def test_dates_at_candidate_words_equal_full_scan(text: str) -> None:
    full = dates.find_dates(text, 0, len(text), PUBLISHED)
    fast = dates.find_dates(text, 0, len(text), PUBLISHED, starts=_starts(text, dates.is_first, dates.is_hint, 6))
    assert fast == full


@pytest.mark.parametrize("text", SENTENCES)
def test_counts_at_candidate_words_equal_full_scan(text: str) -> None:
    full = counts.find_counts(text, 0, len(text))
    fast = counts.find_counts(text, 0, len(text), starts=_starts(text, counts.is_first, counts.is_hint, 5))
    assert fast == full


@pytest.mark.parametrize("text", SENTENCES)
def test_triggers_at_candidate_words_equal_full_scan(text: str) -> None:
    rules = load_rules()
    toks = tokens(text)
    full = rules.match(toks, text, 0, len(text))
    cands = [i for i, t in enumerate(toks) if rules.candidates(t.low)]
    assert rules.match_at(toks, cands, text, 0, len(text)) == full


def test_an_article_is_read_the_same_with_many_sentences(events) -> None:
    text = " ".join(SENTENCES[:4])
    found = events(text)
    clash = next(e for e in found if e.type == "ASSAULT")
    assert clash.date.start == dt.date(2024, 3, 14)  # the Thursday before publication
    assert clash.fatalities == 12 and clash.injured == 40
