"""Date expressions: a fast recogniser for how news says when, resolved against the
publication date.

A hand-written, linear-time regular expression finds the common forms ("on Thursday",
"last Friday", "yesterday", "earlier this month", "in April last year", "June 23",
"13 Mar 2011", "the end of last year", "in 2019", "two weeks ago"...). Each is resolved
against the article's publication date into a range with a precision (day, week, month,
year). ``dateparser`` is consulted only for what the recogniser cannot read itself: a
day, a month name that is not English, and a year ("20 juin 2021"), which
machine-translated or foreign pages sometimes keep. That keeps the whole pipeline far
faster than running ``dateparser.search.search_dates`` over every article.

Past and future: an expression without a year ("June 23", "in October", "on
Thursday") is read as the most recent such day or month on or before publication,
unless the event is planned (``future=True``), when it is read as the next one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

__all__ = ["DateExpr", "find_dates", "is_first", "is_hint", "resolve"]

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_NUMS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3, "several": 3, "few": 3,
}

_MON = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYNUM = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19[5-9][0-9]|20[0-4][0-9])"
_PART = r"(?:\s+(?:morning|evening|night|afternoon))?"
_NUMWORD = r"(?:[0-9]{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|several|few)"

# Alternatives are tried left to right at each position: longer forms first. Every
# quantifier applies to a character class or a fixed word; nothing nests.
_DATE = re.compile(
    r"\b(?:"
    r"(?P<iso>(?P<iy>" + _YEAR + r")-(?P<im>[01][0-9])-(?P<id>[0-3][0-9]))"
    r"|(?P<wdmd>" + _WD + r",?\s+(?P<wm1>" + _MON + r")\.?\s+(?P<wd1>" + _DAYNUM + r")(?:,?\s+(?P<wy1>" + _YEAR + r"))?)"
    r"|(?P<wddm>" + _WD + r",?\s+(?P<wd2>" + _DAYNUM + r")\s+(?:of\s+)?(?P<wm2>" + _MON + r")\.?(?:,?\s+(?P<wy2>" + _YEAR + r"))?)"
    r"|(?P<mdy>(?P<m1>" + _MON + r")\.?\s+(?P<d1>" + _DAYNUM + r")(?:\s*(?:-|and|to)\s*" + _DAYNUM + r")?(?:,?\s+(?P<y1>" + _YEAR + r"))?(?![0-9]))"
    r"|(?P<dmy>(?P<d2>" + _DAYNUM + r")(?:\s*(?:-|and|to)\s*" + _DAYNUM + r")?\s+(?:of\s+)?(?P<m2>" + _MON + r")\.?(?:,?\s+(?P<y2>" + _YEAR + r"))?)"
    r"|(?P<my>(?:(?P<my_q>early|late|mid|end\s+of|beginning\s+of|the\s+end\s+of)[\s-]+)?(?P<m3>" + _MON + r")[,.]?\s+(?P<y3>" + _YEAR + r"))"
    r"|(?P<endly>(?:the\s+)?(?P<edge>end|beginning|start|middle)\s+of\s+(?P<edge_rel>last|this|the\s+previous|the\s+past)\s+(?P<edge_unit>year|month))"
    r"|(?P<qly>(?P<ql_q>early|late|mid|earlier|later)[\s-]+(?P<ql_rel>last|this|next)\s+(?P<ql_unit>year|month|week))"
    r"|(?P<mrel>(?P<m_pre>in|since|during|until|from|early|late|mid|by|last|this|past)[\s-]+(?:the\s+month\s+of\s+)?(?P<m4>" + _MON + r")(?:\s+(?P<m4_rel>last\s+year|this\s+year|next\s+year))?)(?![\s.]*[0-9])"
    r"|(?P<yr>(?P<y_pre>in|since|during|until|by|of|from|early|late|mid)[\s-]+(?:the\s+year\s+)?(?P<y4>" + _YEAR + r"))(?![0-9,])"
    r"|(?P<wd>(?:(?P<wd_rel>last|this|next|on|since|early|late)\s+)?(?P<wday>" + _WD + r")(?:'s)?" + _PART + r")"
    r"|(?P<ago>(?P<ago_n>" + _NUMWORD + r")\s+(?P<ago_unit>days?|weeks?|months?|years?)\s+ago)"
    r"|(?P<rel>(?P<rel_q>earlier|later)?\s*(?P<rel_w>this|last|next|the\s+past|the\s+previous)\s+(?P<rel_unit>week|month|year|weekend))"
    r"|(?P<dayrel>yesterday|today|tonight|last\s+night|this\s+(?:morning|evening|afternoon)|earlier\s+(?:in\s+the\s+day|today)|overnight|on\s+the\s+same\s+day)"
    r"|(?P<bare>(?<![$£€])(?P<y5>" + _YEAR + r"))(?![0-9,]|\s*(?:km|people|migrants|barrels|troops|fighters|%))"
    r")\b",
    re.IGNORECASE,
)
# A day, a word that is not an English month, and a year: for dateparser.
_FOREIGN = re.compile(r"\b([0-3]?[0-9])\s+([^\W\d_]{3,12})\s+(" + _YEAR + r")\b")


# A cheap first look: every date expression holds a digit or one of these words.
_HINT = re.compile(
    r"[0-9]|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
    r"|yesterday|today|tonight|overnight|week|month|year|ago|night|morning|evening|afternoon|same\s+day)",
    re.IGNORECASE,
)


class DateExpr(NamedTuple):
    """A date expression: where it is, and the range it means.

    ``relative`` tells whether reading it needed the publication date; ``explicit_day``
    whether it names a day.
    """

    start: int
    end: int
    first: dt.date
    last: dt.date
    precision: str
    relative: bool


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _num(word: str) -> int:
    word = " ".join(word.lower().split())
    return int(word) if word.isdigit() else _NUMS.get(word, 1)


def _shift_month(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def resolve(m: re.Match[str], published: dt.date | None, future: bool = False) -> tuple | None:
    """``(first, last, precision, relative)`` for one recogniser match, or ``None``."""
    g = m.groupdict()
    P = published
    if g["iso"]:
        d = _safe_day(int(g["iy"]), int(g["im"]), int(g["id"]))
        return (d, d, "day", False) if d else None
    for key, mk, dk, yk in (("wdmd", "wm1", "wd1", "wy1"), ("wddm", "wm2", "wd2", "wy2"),
                            ("mdy", "m1", "d1", "y1"), ("dmy", "m2", "d2", "y2")):
        if g[key]:
            month = _MONTHS[g[mk].lower().rstrip(".")]
            day = int(re.match(r"[0-9]+", g[dk]).group())
            if g[yk]:
                d = _safe_day(int(g[yk]), month, day)
                return (d, d, "day", False) if d else None
            if P is None:
                return None
            d = _safe_day(P.year, month, day)
            if d is None:
                return None
            if d > P and not future and (d - P).days > 1:
                d = _safe_day(P.year - 1, month, day) or d
            elif d < P and future and (P - d).days > 180:
                d = _safe_day(P.year + 1, month, day) or d
            return d, d, "day", True
    if g["my"]:
        year, month = int(g["y3"]), _MONTHS[g["m3"].lower().rstrip(".")]
        first, last = _month_range(year, month)
        return first, last, "month", False
    if g["endly"]:
        if P is None:
            return None
        rel = g["edge_rel"].split()[-1].lower()
        unit = g["edge_unit"].lower()
        edge = g["edge"].lower()
        if unit == "year":
            year = P.year - (rel in ("last", "previous", "past"))
            months = {"end": (10, 12), "beginning": (1, 3), "start": (1, 3), "middle": (5, 8)}[edge]
            first = dt.date(year, months[0], 1)
            last = _month_range(year, months[1])[1]
            return first, min(last, P) if year == P.year else last, "month", True
        y, mo = _shift_month(P, -1 if rel in ("last", "previous", "past") else 0)
        first, last = _month_range(y, mo)
        if edge == "end":
            first = last - dt.timedelta(days=9)
        elif edge in ("beginning", "start"):
            last = first + dt.timedelta(days=9)
        return first, min(last, P) if last > P else last, "week", True
    if g["qly"]:
        if P is None:
            return None
        q = g["ql_q"].lower()
        rel = g["ql_rel"].lower()
        unit = g["ql_unit"].lower()
        step = {"last": -1, "this": 0, "next": 1}[rel]
        if unit == "year":
            year = P.year + step
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
            if q == "early":
                last = dt.date(year, 4, 30)
            elif q == "late":
                first = dt.date(year, 9, 1)
            elif q == "mid":
                first, last = dt.date(year, 5, 1), dt.date(year, 8, 31)
            if rel == "this" and q == "earlier":
                last = P
            return first, last, "year" if q in ("earlier", "later") else "month", True
        if unit == "month":
            y, mo = _shift_month(P, step)
            first, last = _month_range(y, mo)
            if rel == "this" and q == "earlier":
                last = P
            return first, last, "month", True
        monday = P - dt.timedelta(days=P.weekday()) + dt.timedelta(weeks=step)
        last = monday + dt.timedelta(days=6)
        if rel == "this" and q == "earlier":
            last = P
        return monday, last, "week", True
    if g["mrel"]:
        month = _MONTHS[g["m4"].lower().rstrip(".")]
        if g["m4"] == "may" or (g["m4"].lower() == "may" and g["m_pre"].lower() in ("by", "from", "until")):
            return None  # the modal verb, not the month
        if P is None:
            return None
        rel = (g["m4_rel"] or "").split()[0].lower() if g["m4_rel"] else ""
        pre = g["m_pre"].lower()
        if rel == "last":
            year = P.year - 1
        elif rel == "next":
            year = P.year + 1
        elif rel == "this":
            year = P.year
        elif future or pre == "next":
            year = P.year if month >= P.month else P.year + 1
        elif pre == "last" and month >= P.month:
            year = P.year - 1
        else:
            year = P.year if month <= P.month else P.year - 1
        first, last = _month_range(year, month)
        return first, last, "month", True
    if g["yr"] or g["bare"]:
        year = int(g["y4"] or g["y5"])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", False
    if g["wd"]:
        if P is None:
            return None
        wday = _WEEKDAYS[g["wday"].lower()]
        rel = (g["wd_rel"] or "").lower()
        back = (P.weekday() - wday) % 7
        if rel == "next" or (future and rel != "last"):
            ahead = (wday - P.weekday()) % 7 or 7
            d = P + dt.timedelta(days=ahead if rel == "next" or back else 0)
            return d, d, "day", True
        if rel == "last" and back == 0:
            back = 7
        d = P - dt.timedelta(days=back)
        return d, d, "day", True
    if g["ago"]:
        if P is None:
            return None
        n = _num(g["ago_n"])
        unit = g["ago_unit"].lower().rstrip("s")
        if unit == "day":
            d = P - dt.timedelta(days=n)
            return d, d, "day", True
        if unit == "week":
            mid = P - dt.timedelta(weeks=n)
            return mid - dt.timedelta(days=3), mid + dt.timedelta(days=3), "week", True
        if unit == "month":
            y, mo = _shift_month(P, -n)
            first, last = _month_range(y, mo)
            return first, last, "month", True
        return dt.date(P.year - n, 1, 1), dt.date(P.year - n, 12, 31), "year", True
    if g["rel"]:
        if P is None:
            return None
        q = (g["rel_q"] or "").lower()
        w = g["rel_w"].split()[-1].lower()
        unit = g["rel_unit"].lower()
        step = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1}[w]
        if unit == "weekend":
            sat = P - dt.timedelta(days=(P.weekday() - 5) % 7)
            if step > 0:
                sat += dt.timedelta(days=7)
            return sat, sat + dt.timedelta(days=1), "week", True
        if unit == "week":
            if w in ("past",):
                return P - dt.timedelta(days=7), P, "week", True
            monday = P - dt.timedelta(days=P.weekday()) + dt.timedelta(weeks=step)
            last = monday + dt.timedelta(days=6)
            if step == 0:
                last = P if q != "later" else last
            return monday, last, "week", True
        if unit == "month":
            if w == "past":
                return P - dt.timedelta(days=30), P, "month", True
            y, mo = _shift_month(P, step)
            first, last = _month_range(y, mo)
            if step == 0 and q != "later":
                last = P
            return first, last, "month", True
        year = P.year + step
        if w == "past":
            return P - dt.timedelta(days=365), P, "year", True
        last = P if step == 0 and q != "later" else dt.date(year, 12, 31)
        return dt.date(year, 1, 1), last, "year", True
    if g["dayrel"]:
        if P is None:
            return None
        w = " ".join(g["dayrel"].lower().split())
        if w in ("yesterday", "last night"):
            d = P - dt.timedelta(days=1)
            return d, d, "day", True
        if w == "on the same day":
            return None
        return P, P, "day", True
    return None


@lru_cache(maxsize=1024)
def _dateparser(expr: str, published: dt.date | None) -> dt.date | None:
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    settings = {"PREFER_DATES_FROM": "past", "STRICT_PARSING": True}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    try:
        found = dateparser.parse(expr, settings=settings)
    except Exception:  # noqa: BLE001 - an unreadable date is no date
        return None
    return found.date() if found else None


_HINT_WORDS = (
    "jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun yesterday today tonight "
    "overnight week month year ago night morning evening afternoon same day"
).split()
_HINT_BY3: dict[str, tuple[str, ...]] = {}
for _w in _HINT_WORDS:
    _HINT_BY3[_w[:3]] = _HINT_BY3.get(_w[:3], ()) + (_w,)


def is_hint(low: str) -> bool:
    """Whether a lower-cased token may belong to a date expression: it holds a digit or
    starts with a month, a weekday or a date word (every expression holds one)."""
    if not low.isalpha():
        return any(c.isdigit() for c in low)
    hints = _HINT_BY3.get(low[:3])
    return hints is not None and any(low.startswith(h) for h in hints)


# The words a date expression can start with (each alternative of ``_DATE`` begins
# with one of them, a month, a weekday or a number): the extractor only tries the
# recogniser at such words near a hint, instead of scanning every position.
_FIRST_WORDS = frozenset(
    "in since during until from early late mid by last this past next the earlier later end beginning start "
    "middle yesterday today tonight overnight on of a an one two three four five six seven eight nine ten "
    "eleven twelve several few".split()
)
_FIRST3 = frozenset(m[:3] for m in _MONTHS) | frozenset(w[:3] for w in _WEEKDAYS)


def is_first(low: str) -> bool:
    """Whether a date expression may start at a lower-cased token."""
    return low in _FIRST_WORDS or low[:1].isdigit() or low[:3] in _FIRST3


def find_dates(
    norm: str, start: int, end: int, published: dt.date | None, future: bool = False,
    starts: Iterable[int] | None = None,
) -> list[DateExpr]:
    """Every date expression in ``norm[start:end]``, resolved, in text order.

    ``starts`` (sorted offsets of the words where an expression may begin: those
    :func:`is_first` accepts near a token :func:`is_hint` accepts) limits the
    recogniser to those positions; the extractor finds them in one pass per article.
    """
    out: list[DateExpr] = []
    if starts is None:
        if not _HINT.search(norm, start, end):
            return out  # no digit and no date word: nothing to read (most sentences)
        found = list(_DATE.finditer(norm, start, end))
        foreign = list(_FOREIGN.finditer(norm, start, end))
    else:
        found = []
        foreign = []
        reached = foreign_reached = start
        for pos in starts:
            if pos < reached:
                continue
            m = _DATE.match(norm, pos, end)
            if m is not None and m.end() > m.start():
                found.append(m)
                reached = m.end()
            if pos >= foreign_reached and norm[pos].isdigit():
                f = _FOREIGN.match(norm, pos, end)
                if f is not None:
                    foreign.append(f)
                    foreign_reached = f.end()
    for m in found:
        got = resolve(m, published, future)
        if got is None or got[0] is None:
            continue
        first, last, precision, relative = got
        if last < first:
            last = first
        s, e = m.span()
        while s < e and norm[s].isspace():
            s += 1
        out.append(DateExpr(s, e, first, last, precision, relative))
    for m in foreign:
        if m.group(2).lower().rstrip(".") in _MONTHS:
            continue
        d = _dateparser(m.group(), published)
        if d is not None:
            out = [x for x in out if x.end <= m.start() or x.start >= m.end()]
            out.append(DateExpr(m.start(), m.end(), d, d, "day", False))
            out.sort()
    return out
