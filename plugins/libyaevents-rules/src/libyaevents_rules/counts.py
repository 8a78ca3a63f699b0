"""Numbers the news reports about an event: dead, wounded, arrested, migrants...

"leaving 17 dead, about 50 wounded", "at least 31 dead", "killing 13", "two people were
killed", "Thirteen people were killed", "the death toll rose to 44", "47 people are
reported to have been killed", "rescuers recovered 20 bodies". Vague quantities
("dozens", "scores", "many") are not numbers. Number words from one to twenty, the
tens, and hundred(s) are read; "hundreds" reads as 100, the most conservative value.
All patterns are linear-time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

__all__ = ["CountExpr", "find_counts", "is_first", "is_hint", "number"]

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_NUMBER = (
    r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten"
    r"|one|two|three|four|five|six|seven|eight|nine"
    r"|an?\s+hundred|hundreds)(?:\s+hundred)?(?:\s+thousand)?"
)
_KINDS = {
    "fatalities": r"killed|dead|died|deaths|fatalities|lives|murdered|executed|slain",
    "injured": r"wounded|injured|hurt|injuries|casualties",
    "arrested": r"arrested|detained|captured|held|apprehended",
    "abducted": r"kidnapped|abducted",
    "displaced": r"displaced",
}
_KIND_WORD = "|".join(f"(?P<{k}>{v})" for k, v in _KINDS.items())
_QUAL = r"(?:(?:at\s+least|about|around|approximately|some|nearly|almost|more\s+than|over|up\s+to|as\s+many\s+as|an\s+estimated|roughly)\s+)?"
_BE = r"(?:(?:were|was|have\s+been|had\s+been|has\s+been|are|is|reportedly|reported|also|all|people|persons|civilians|of\s+them|of\s+the\s+\w+|others?)\s+){0,3}"

_NOT_NUMBER = (
    r"(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)\b)"
)

_COUNT = re.compile(
    r"\b(?:"
    # "17 dead", "at least 31 people were killed", "Fifteen of the rebels were killed"
    # (the words between hold no other number: "the 444 Brigade left three people dead")
    r"(?P<a_num>" + _QUAL + _NUMBER + r")\s+(?:" + _NOT_NUMBER + r"[A-Za-z'()-]+\s+){0,4}?" + _BE
    + r"(?P<a_kind>" + _KIND_WORD.replace("?P<", "?P<a_") + r")"
    # "killing 13", "leaving 17 dead", "injuring 50 people"
    r"|(?P<b_verb>killing|killed|leaving|left|injuring|wounding|arresting|arrested|detaining|detained|capturing|captured|kidnapping|kidnapped|abducting|abducted|intercepted|rescued)\s+"
    r"(?:of\s+)?(?P<b_num>" + _QUAL + _NUMBER + r")(?:\s+(?:[a-z]+\s+)?(?P<b_tail>dead|wounded|injured|killed)\b|\s+(?P<b_word>[A-Za-z'-]+))?"
    # "the death toll rose to 44", "death toll at more than 44"
    r"|(?P<c_toll>death\s+toll)\s+(?:[A-Za-z'-]+\s+){0,8}?(?:at|to|of|reached|is|was|stood\s+at)\s+(?P<c_num>" + _QUAL + _NUMBER + r")"
    # "300 migrants"
    r"|(?P<d_num>" + _QUAL + _NUMBER + r")\s+(?:[A-Za-z-]+\s+)?(?:migrants|refugees|asylum[- ]seekers)"
    # "47 people are reported by the Ministry of Health to have been killed"
    r"|(?P<e_num>" + _QUAL + _NUMBER + r")\s+(?:[A-Za-z'-]+\s+){0,2}?(?:are|were|is|was|have\s+been|had\s+been)\s+"
    r"(?:reportedly\s+)?(?:reported|said|believed|feared|thought|confirmed|known|estimated)\s+"
    r"(?:(?:by|in)\s+(?:[A-Za-z'-]+\s+){1,6}?)?to\s+have\s+(?:been\s+)?(?P<e_kind>killed|dead|died|wounded|injured)"
    # "rescuers recovered 20 bodies", "counted at least three bodies"
    r"|(?P<f_verb>found|recovered|retrieved|counted|collected|pulled\s+out)\s+(?:the\s+)?(?P<f_num>" + _QUAL + _NUMBER
    + r")\s+(?:[A-Za-z-]+\s+)?bodies"
    # "12 bodies were found", "the bodies of 12 migrants washed ashore" is not read
    r"|(?P<g_num>" + _QUAL + _NUMBER + r")\s+bodies\s+(?:were|have\s+been|had\s+been|was)\s+(?:found|recovered|retrieved|pulled|washed)"
    r")\b",
    re.IGNORECASE,
)
_VERB_KIND = {
    "killing": "fatalities", "killed": "fatalities", "arrested": "arrested", "detained": "arrested",
    "capturing": "arrested", "captured": "arrested", "kidnapped": "abducted",
    "abducted": "abducted", "intercepted": "migrants", "rescued": "migrants", "injuring": "injured", "wounding": "injured", "arresting": "arrested",
    "detaining": "arrested", "kidnapping": "abducted", "abducting": "abducted",
}
_TAIL_KIND = {"dead": "fatalities", "wounded": "injured", "injured": "injured", "killed": "fatalities"}


_AFTER = re.compile(
    r"\s+(?:(?:were|was|have|had|been|are|reportedly|also|all)\s+){0,3}(killed|dead|died|drowned|wounded|injured)\b",
    re.IGNORECASE,
)


class CountExpr(NamedTuple):
    """A number with its kind and offsets (of the number's words)."""

    kind: str
    value: int
    start: int
    end: int


def number(words: str) -> int | None:
    """The value of a number written in digits or words ("2,000", "twenty-five", "hundreds")."""
    w = re.sub(r"\s+", " ", words.lower().replace("-", " ")).strip()
    w = re.sub(
        r"^(?:at least|about|around|approximately|some|nearly|almost|more than|over|up to|as many as|an estimated|roughly) ",
        "",
        w,
    )
    if not w:
        return None
    if re.fullmatch(r"[0-9,]+", w):
        return int(w.replace(",", ""))
    total = 0
    current = 0
    for part in w.split():
        if part in ("a", "an"):
            current = max(current, 1)
        elif part in _UNITS:
            current += _UNITS[part]
        elif part in ("hundred", "hundreds"):
            current = max(current, 1) * 100
        elif part == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif part.isdigit():
            current += int(part)
        else:
            return None
    return total + current or None


_HINTS = frozenset(_UNITS) | {"hundred", "hundreds", "death"}
# Words a count can start with: a qualifier, a number, a verb of ``b_verb``, "death".
_FIRST = _HINTS | frozenset(
    "at about around approximately some nearly almost more over up as an a roughly killing killed leaving left "
    "injuring wounding arresting arrested detaining detained capturing captured kidnapping kidnapped abducting "
    "abducted intercepted rescued found recovered retrieved counted collected pulled".split()
)


def is_hint(low: str) -> bool:
    """Whether a lower-cased token may belong to a count: a number, a number word, or
    "death" (of "death toll"); every count holds one."""
    return low in _HINTS or not low.isalpha() and any(c.isdigit() for c in low)


def is_first(low: str) -> bool:
    """Whether a count may start at a lower-cased token."""
    return low in _FIRST or low[:1].isdigit()


_WORD_START = re.compile(r"\b\w")
_NAME_WORD = re.compile(
    r"(?<![A-Za-z])(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|On|In|At|Of|By|And|But|The"
    r"|Some|About|Around|Over|Nearly|Almost)\b)[A-Z][A-Za-z]*\s+$"
)


def _in_name(norm: str, m: re.Match[str]) -> bool:
    """Whether the number of ``m`` belongs to a name ("Brigade 33 fighters", "Camp 27"):
    digits right after a capitalised word, in a match that starts with the number."""
    num = m.group("a_num") or m.group("e_num") or m.group("d_num") or m.group("g_num")
    if not num or not num[:1].isdigit():
        return False
    return _NAME_WORD.search(norm, max(0, m.start() - 24), m.start()) is not None


def find_counts(norm: str, start: int, end: int, starts: Iterable[int] | None = None) -> list[CountExpr]:
    """The counts stated in ``norm[start:end]``, in text order.

    ``starts`` (sorted offsets of the words :func:`is_first` accepts near a word
    :func:`is_hint` accepts) limits the recogniser to those positions.
    """
    out: list[CountExpr] = []
    if starts is None:
        starts = [m.start() for m in _WORD_START.finditer(norm, start, end)]
    found = []
    reached = start
    for pos in starts:
        if pos >= reached:
            m = _COUNT.match(norm, pos, end)
            if m is not None and not _in_name(norm, m):
                found.append(m)
                reached = m.end()
    for m in found:
        if m.group("a_num"):
            kind = next(k for k in _KINDS if m.group("a_" + k))
            value = number(m.group("a_num"))
            span = m.span("a_num")
            words_between = norm[m.end("a_num") : m.start("a_kind")].lower()
            # "2 people were killed" fine; "20km" or years are not counts of people.
            if re.search(r"\b(?:km|miles|years?|days?|hours?|percent|barrels|times)\b", words_between):
                continue
        elif m.group("b_verb"):
            verb = m.group("b_verb").lower()
            tail = (m.group("b_tail") or m.group("b_word") or "").lower()
            kind = _VERB_KIND.get(verb) or _TAIL_KIND.get(tail)
            if kind is None:
                continue
            value = number(m.group("b_num"))
            span = m.span("b_num")
        elif m.group("c_num"):
            kind = "fatalities"
            value = number(m.group("c_num"))
            span = m.span("c_num")
        elif m.group("e_num"):
            kind = "injured" if m.group("e_kind").lower() in ("wounded", "injured") else "fatalities"
            value = number(m.group("e_num"))
            span = m.span("e_num")
        elif m.group("f_num") or m.group("g_num"):
            group = "f_num" if m.group("f_num") else "g_num"
            kind = "fatalities"
            value = number(m.group(group))
            span = m.span(group)
        else:
            kind = "migrants"
            value = number(m.group("d_num"))
            span = m.span("d_num")
            if value is not None:
                out.append(CountExpr(kind, value, span[0], span[1]))
            # "40 migrants were killed": the same number also counts the dead.
            after = _AFTER.match(norm, m.end(), min(end, m.end() + 60))
            if after is None:
                continue
            kind = "fatalities" if after.group(1).lower() in ("killed", "dead", "died", "drowned") else "injured"
        if value is None or re.fullmatch(r"(?:19[5-9]|20[0-4])[0-9]", norm[span[0] : span[1]]):
            continue  # no number, or a year ("the 2011 uprising killed...")
        out.append(CountExpr(kind, value, span[0], span[1]))
    return out
