"""Built-in clean stage: page furniture, sentences, and the dateline.

Scraped pages carry menus, share buttons, tags, "Next Post" links and the headlines
of other stories. This plugin marks them as furniture (the text is left as given, so
offsets stay valid), splits the rest into sentences, and, when the input had no
publication date, reads it from the date under the headline rather than from a
crawl-date header at the top of the page.

Every pattern here is linear-time: no nested quantifiers, no unbounded backtracking.

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from .._document import Document
from ..hookspecs import hookimpl

# Lines after which the rest of a scraped page is other stories or site furniture.
_TAIL = re.compile(
    r"(?:next|previous|prev)\s+(?:post|article|story)|related\s+(?:posts?|articles?|news|stories)"
    r"|must\s+read|popular\s+(?:categories|posts|news|stories)|most\s+(?:popular|read)"
    r"|you\s+may\s+(?:also\s+)?like|more\s+(?:stories|news)|recommended(?:\s+for\s+you)?|trending(?:\s+now)?"
    r"|latest\s+(?:news|posts)|leave\s+a\s+(?:comment|reply)|read\s+(?:also|more)|see\s+also"
    r"|tags?\s*:|topics?\s*:|filed\s+under\s*:?|about\s+the\s+author|subscribe\b.*|sign\s+up\b.*"
    r"|all\s+rights\s+reserved.*|©.*|copyright\b.*",
    re.IGNORECASE,
)
# Whole lines that are furniture wherever they stand.
_JUNK = re.compile(
    r"(?:home|menu|search|share|tweet|print|email|login|log\s+in|no\s+result|view\s+all\s+result"
    r"|select\s+page|skip\s+to\s+content|advertisement|toggle\s+navigation|close|back\s+to\s+top"
    r"|media\s+id\s*:\s*\d+|share\s+on\s+\w+(?:\s*share\s+on\s+\w+)*|photo\s*:.*|image\s*:.*)\W*",
    re.IGNORECASE,
)
_BULLET = re.compile(r"\s*[•·▪►»*–-]\s+\S")
_DATE_LINE = re.compile(
    r"\s*(?:(?:last\s+(?:modified|updated)|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|date)\s*:?\s*)?"
    r"(?P<wd>(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\s*,?\s+)?"
    r"(?:(?P<m1>[A-Z][a-z]{2,8})\.?\s+(?P<d1>\d{1,2}),?\s+(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})\s+(?P<m2>[A-Z][a-z]{2,8})\.?,?\s+(?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<mo3>\d{2})-(?P<d3>\d{2}))"
    r"(?:\s*(?:[-|,at]+\s*)?\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?(?:\s*[A-Z]{2,4}(?:[+-]\d{1,2})?)?)?\s*",
    re.IGNORECASE,
)
_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
# Sentence ends: . ! ? (optionally closing quotes/brackets), whitespace, then a
# capital, a digit or an opening quote.
_SENT_END = re.compile(
    # Starting every match with the one class [.!?] lets the regex engine skip ahead
    # to the next candidate character: six times faster than an alternation of two
    # patterns (which also match in exactly the same places).
    r"[.!?](?:"
    # Scraped text often loses the space: "in Tajura.The mission" (two lower-case
    # letters, a full stop, then a capitalised word; "U.S.Army" and URLs are left alone).
    r"(?<=[a-z][a-z]\.)(?=[A-Z][a-z])"
    r"|[.!?]*[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])"
    r")"
)
_ABBREV = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt cmdr adm gov sen rep st no vol jan feb mar apr jun jul aug sep sept "
    "oct nov dec u.s u.n u.k e.g i.e vs al inc co corp ltd jr sr prof brig rev fig approx est".split()
)

# Compiled once (the same patterns the functions below used inline).
_NEWLINE = re.compile(r"\r?\n|\r")
_END_PUNCT = re.compile(r"[.!?]\s*$")
_ANY_PUNCT = re.compile(r"[.!?:;,\"“”]")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s*$")
_LAST_WORD = re.compile(r"([A-Za-z.]+)$")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, without its newline."""
    out = []
    start = 0
    if "\r" not in text:  # the common case: str.split is several times faster than a regex
        for line in text.split("\n"):
            end = start + len(line)
            out.append((start, end))
            start = end + 1
        return out
    for m in _NEWLINE.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def parse_date_line(line: str) -> dt.date | None:
    """Return the date if ``line`` is only a date ("December 7, 2025"), else ``None``.

    A label ("Published:", "Last Modified:") and a time of day may stand around it.
    """
    m = _DATE_LINE.fullmatch(line)
    if not m:
        return None
    try:
        if m["y3"]:
            return dt.date(int(m["y3"]), int(m["mo3"]), int(m["d3"]))
        month_name = (m["m1"] or m["m2"]).lower()
        month = _MONTHS.get(month_name) or _MONTHS.get(month_name[:3])
        if month is None:
            return None
        return dt.date(int(m["y1"] or m["y2"]), month, int(m["d1"] or m["d2"]))
    except ValueError:
        return None


def _is_menu_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if _JUNK.fullmatch(stripped):
        return True
    words = stripped.split()
    if _BULLET.match(line) and len(words) <= 5 and not _END_PUNCT.search(stripped):
        return True
    # Very short lines without sentence punctuation: menu entries, site names, labels.
    return len(words) <= 3 and not _ANY_PUNCT.search(stripped) and len(stripped) < 40


def mark_furniture(doc: Document) -> None:
    """Mark menus, share lines, crawl-date headers and everything after a tail marker."""
    text = doc.search_text
    lines = _lines(text)
    body_seen = 0
    first_content = True
    dates: list[tuple[int, dt.date]] = []
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        stripped = line.strip()
        if not stripped:
            continue
        date = parse_date_line(stripped) if len(stripped) < 60 else None
        if date is not None:
            # A weekday date above everything else is the page's "today" header.
            is_header = first_content and _DATE_LINE.fullmatch(stripped)["wd"] is not None
            if not is_header:
                dates.append((index, date))
            doc.mark_furniture(start, end)
            first_content = False
            continue
        words = len(stripped.split())
        if body_seen >= 1 and len(stripped) < 80 and _TAIL.fullmatch(stripped):
            doc.mark_furniture(start, len(text))
            break
        if stripped.lower().startswith(("tags:", "tag:")):
            doc.mark_furniture(start, len(text))
            break
        if _is_menu_line(line):
            doc.mark_furniture(start, end)
            continue
        if words >= 12 and _SENTENCE_END.search(stripped):
            body_seen += 1
        # A title line "Headline | Site name": the site name is furniture.
        bar = stripped.rfind(" | ")
        if bar > 0 and first_content:
            offset = start + line.find(stripped) + bar
            doc.mark_furniture(offset, end)
        first_content = False
    if doc.published is None and dates:
        doc.published = dates[0][1]


def split_sentences(doc: Document) -> None:
    """Split the non-furniture text into sentence spans (paragraph by paragraph)."""
    text = doc.search_text
    furniture = sorted((s.start, s.end) for s in doc.furniture)
    bounds: list[tuple[int, int]] = []
    for start, end in _lines(text):
        if end <= start or not text[start:end].strip():
            continue
        for a, b in _free(start, end, furniture):
            _split_block(text, a, b, bounds)
    doc.sentences.extend(doc.span(a, b) for a, b in bounds)


def _free(start: int, end: int, furniture: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The parts of ``start:end`` outside furniture."""
    pos = start
    for fs, fe in furniture:
        if fe <= pos or fs >= end:
            continue
        if fs > pos:
            yield pos, fs
        pos = max(pos, fe)
    if pos < end:
        yield pos, end


def _split_block(text: str, start: int, end: int, out: list) -> None:
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        dot = m.start()
        word = _LAST_WORD.search(text[max(pos, dot - 12) : dot])
        if word and (word[1].lower().strip(".") in _ABBREV or len(word[1].strip(".")) == 1):
            continue
        _add(text, pos, m.end(), out)
        pos = m.end()
    _add(text, pos, end, out)


def _add(text: str, start: int, end: int, out: list) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


@hookimpl(tryfirst=True)
def libyaevents_clean(doc: Document) -> None:
    """Mark furniture and split sentences; later clean implementations may refine both."""
    mark_furniture(doc)
    split_sentences(doc)
