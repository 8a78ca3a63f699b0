"""Word tokens with offsets, read from the article's folded text.

Rules match against ``Document.search_text`` (:func:`libyaevents.text.fold`): look-alike
letters, curly quotes and odd spaces made plain, one character for one, so every offset
found there is an offset into the original text.
"""

from __future__ import annotations

import re
from itertools import accumulate
from operator import sub
from typing import NamedTuple

__all__ = ["Token", "token_columns", "tokens"]

class Token(NamedTuple):
    """A word or punctuation mark: lower-cased text and offsets into the article."""

    low: str
    start: int
    end: int


# Words (letters and digits, with inner dots for "U.N." and inner commas for "2,000"),
# or any single non-space character.
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.,][0-9]+)*|\S")


def tokens(norm: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``norm[start:end]`` (the normalised text), lower-cased."""
    end = len(norm) if end is None else end
    low = norm.lower()
    new = tuple.__new__
    if len(low) == len(norm):  # lower-casing kept every offset (it nearly always does)
        return [new(Token, (m.group(), m.start(), m.end())) for m in _TOKEN.finditer(low, start, end)]
    return [new(Token, (m.group().lower(), m.start(), m.end())) for m in _TOKEN.finditer(norm, start, end)]


# A token with the spaces before it: the text is spaces and tokens only (every
# non-space character starts one), so these pieces tile it from offset 0.
_SPACED_TOKEN = re.compile(r"\s*(?:[A-Za-z0-9]+(?:[.,][0-9]+)*|\S)")


def token_columns(norm: str) -> tuple[list[str], list[int], list[int]]:
    """The tokens of the whole of ``norm`` as three columns: lower-cased texts, starts
    and ends (the same tokens as :func:`tokens`, without a tuple for each)."""
    low = norm.lower()
    if len(low) == len(norm):
        lows = _TOKEN.findall(low)
        ends = list(accumulate(map(len, _SPACED_TOKEN.findall(low))))
        return lows, list(map(sub, ends, map(len, lows))), ends
    toks = tokens(norm)
    return [t.low for t in toks], [t.start for t in toks], [t.end for t in toks]
