"""Date expressions resolved against the publication date: a table of cases."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from libyaevents_rules.dates import find_dates

D = dt.date

# (expression, publication date, expected first day, expected last day, precision)
TABLE = [
    ("on Thursday", D(2021, 6, 20), D(2021, 6, 17), D(2021, 6, 17), "day"),  # Sunday publication
    ("on Thursday", D(2021, 6, 17), D(2021, 6, 17), D(2021, 6, 17), "day"),  # same weekday: same day
    ("last Friday", D(2021, 1, 12), D(2021, 1, 8), D(2021, 1, 8), "day"),
    ("last Friday", D(2021, 1, 15), D(2021, 1, 8), D(2021, 1, 8), "day"),  # a Friday: the week before
    ("yesterday", D(2024, 3, 1), D(2024, 2, 29), D(2024, 2, 29), "day"),
    ("today", D(2024, 3, 1), D(2024, 3, 1), D(2024, 3, 1), "day"),
    ("earlier this month", D(2021, 1, 12), D(2021, 1, 1), D(2021, 1, 12), "month"),
    ("in April last year", D(2021, 6, 20), D(2020, 4, 1), D(2020, 4, 30), "month"),
    ("June 23", D(2021, 7, 1), D(2021, 6, 23), D(2021, 6, 23), "day"),
    ("June 23", D(2021, 6, 20), D(2020, 6, 23), D(2020, 6, 23), "day"),  # never a future date...
    ("the end of last year", D(2021, 6, 20), D(2020, 10, 1), D(2020, 12, 31), "month"),
    ("in October", D(2021, 1, 12), D(2020, 10, 1), D(2020, 10, 31), "month"),
    ("in October", D(2021, 10, 12), D(2021, 10, 1), D(2021, 10, 31), "month"),  # same month
    ("in 2019", D(2021, 6, 20), D(2019, 1, 1), D(2019, 12, 31), "year"),
    ("April 2019", D(2021, 6, 20), D(2019, 4, 1), D(2019, 4, 30), "month"),
    ("13 Mar 2011", D(2011, 3, 14), D(2011, 3, 13), D(2011, 3, 13), "day"),
    ("March 30, 2016", D(2016, 4, 1), D(2016, 3, 30), D(2016, 3, 30), "day"),
    ("on 3 July", D(2019, 7, 4), D(2019, 7, 3), D(2019, 7, 3), "day"),
    ("Sunday 13 July", D(2014, 7, 21), D(2014, 7, 13), D(2014, 7, 13), "day"),
    ("two weeks ago", D(2018, 7, 14), D(2018, 6, 27), D(2018, 7, 3), "week"),
    ("last month", D(2021, 3, 10), D(2021, 2, 1), D(2021, 2, 28), "month"),
    ("this week", D(2024, 3, 15), D(2024, 3, 11), D(2024, 3, 15), "week"),
    ("In November 2017", D(2018, 7, 14), D(2017, 11, 1), D(2017, 11, 30), "month"),
    ("Tuesday's attack", D(2012, 9, 12), D(2012, 9, 11), D(2012, 9, 11), "day"),
    ("2021-06-19", D(2021, 6, 20), D(2021, 6, 19), D(2021, 6, 19), "day"),
]


@pytest.mark.parametrize(("expr", "published", "first", "last", "precision"), TABLE)
def test_date_table(expr, published, first, last, precision):
    found = find_dates(expr, 0, len(expr), published)
    assert found, expr
    got = found[0]
    assert (got.first, got.last, got.precision) == (first, last, precision)


def test_future_events_may_have_future_dates():
    expr = "on June 23"
    past = find_dates(expr, 0, len(expr), D(2021, 6, 20))[0]
    future = find_dates(expr, 0, len(expr), D(2021, 6, 20), future=True)[0]
    assert past.first == D(2020, 6, 23)
    assert future.first == D(2021, 6, 23)


def test_may_the_verb_is_not_a_month():
    text = "The talks may resume soon."
    assert find_dates(text, 0, len(text), D(2021, 6, 20)) == []


def test_relative_needs_a_publication_date():
    assert find_dates("on Thursday", 0, 11, None) == []
    assert find_dates("in 2019", 0, 7, None)[0].first == D(2019, 1, 1)


def test_foreign_month_goes_to_dateparser():
    text = "le 20 juin 2021 à Tripoli"
    got = find_dates(text, 0, len(text), D(2021, 6, 25))
    assert got and got[0].first == D(2021, 6, 20)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 12, 31)), st.sampled_from(
    ["on Monday", "last Sunday", "yesterday", "earlier this month", "in March", "June 3", "last week", "this year"]
))
def test_past_expressions_never_after_publication(published, expr):
    # A day-month date may fall on the day after publication (a dateline a time zone
    # behind); the event builder then gives the event no date rather than last year's.
    for d in find_dates(expr, 0, len(expr), published):
        assert d.first <= published + dt.timedelta(days=1)


def _nested_unbounded(pattern: str) -> bool:
    """Whether a regex repeats, without bound, something that itself repeats without
    bound: the shape that backtracks exponentially."""
    try:
        import re._parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover
        import sre_parse  # type: ignore[no-redef]

    def depth(items) -> int:
        """How many unbounded repeats nest at most in ``items``."""
        best = 0
        for op, arg in items:
            if op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT):
                best = max(best, depth(arg[2]) + (arg[1] == sre_parse.MAXREPEAT))
            elif op is sre_parse.SUBPATTERN:
                best = max(best, depth(arg[-1]))
            elif op is sre_parse.BRANCH:
                best = max([best, *map(depth, arg[1])])
        return best

    return depth(sre_parse.parse(pattern)) >= 2


def test_recognisers_have_no_nested_unbounded_repeats():
    """Every pattern of the date and count recognisers is linear-time by its shape (checked
    on the parsed pattern, not timed): no unbounded repeat inside another."""
    import re

    import libyaevents_rules.counts as counts
    import libyaevents_rules.dates as dates

    patterns = [v for m in (dates, counts) for v in vars(m).values() if isinstance(v, re.Pattern)]
    assert len(patterns) >= 3
    assert [p.pattern[:60] for p in patterns if _nested_unbounded(p.pattern)] == []
    assert _nested_unbounded(r"(a+)+b") and not _nested_unbounded(r"(?:ab){0,3}c+")


def test_event_date_from_sentence_and_default(run):
    text = "Red Brigade shelled Port Amal on Tuesday. Blue Front accused Red Brigade of war crimes."
    result = run(text, published="2024-03-15")
    by_type = {e.type: e for e in result.events}
    assert by_type["ASSAULT"].date.start == D(2024, 3, 12)
    assert by_type["ACCUSE"].date is not None


def _date(events, text, etype):
    e = next(e for e in events(text) if e.type == etype)
    return e.date and (e.date.start.isoformat(), e.date.end.isoformat())


def test_future_meeting_with_will_after_the_parties(events):
    """"A meeting between X and Y will be held next week": planned, dated ahead (published 2024-03-15)."""
    assert _date(events, "A meeting between Adam Noor and Sara Kemal will be held in Harbour next week.", "CONSULT") == (
        "2024-03-18", "2024-03-24")
    assert _date(events, "Talks between Red Brigade and Blue Front will be held in Harbour on Monday.", "CONSULT") == (
        "2024-03-18", "2024-03-18")


def test_date_of_the_announcement_stays_past(events):
    """"X announced on Thursday that an operation will be carried out": the announcement's
    Thursday is the last one, not the next."""
    e = next(e for e in events("Red Brigade announced on Thursday that an operation will be carried out in Wadi Sur.")
             if e.type == "MOBILIZE")
    assert e.contexts.future and (e.date.start.isoformat(), e.date.precision) == ("2024-03-14", "day")


def test_until_a_future_day_is_not_the_date(events):
    """"suspended ... and work will not resume until Monday": Monday dates nothing that happened."""
    e = next(e for e in events("Blue Front suspended its operations in Port Amal and work will not resume until Monday.")
             if e.type == "PROTEST")
    assert not e.contexts.future and e.date.start.isoformat() <= "2024-03-15"
    assert _date(events, "Clashes continued in Port Amal until late Sunday.", "ASSAULT") == ("2024-03-10", "2024-03-10")
