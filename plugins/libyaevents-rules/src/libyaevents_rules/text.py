"""Text helpers: a same-length normalised copy of the text, and word tokens with offsets.

Scraped and machine-translated news mixes Cyrillic and Greek look-alike letters into
English words ("tо" with a Cyrillic o), curly apostrophes and odd spaces. Rules match
against a normalised copy in which each such character is replaced by one ASCII
character, so every offset found in the copy is an offset into the original text.
"""

from __future__ import annotations

import re
from itertools import accumulate
from operator import sub
from typing import NamedTuple

__all__ = ["Token", "normalise", "token_columns", "tokens"]

# One character in, one character out: offsets stay valid.
_LOOKALIKES = {
    # Cyrillic lower case
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ѕ": "s",
    "ј": "j", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ь": "b", "п": "n", "т": "t",
    "м": "m", "к": "k", "в": "b", "н": "h",
    # Cyrillic upper case
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "І": "I", "Ѕ": "S", "Ј": "J", "У": "Y",
    # Greek
    "ο": "o", "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ρ": "p", "τ": "t", "υ": "u",
    "Α": "A", "Β": "B", "Ε": "E", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Χ": "X", "Ζ": "Z",
    # Punctuation and spaces
    "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"', "«": '"',
    "»": '"', "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": " ", "–": "-", "—": "-",
    "‐": "-", "‑": "-", "−": "-",
}
# A regex substitution visits only the characters to change (``str.translate`` would
# look up every character of the article).
_LOOKALIKE = re.compile("[" + "".join(_LOOKALIKES) + "]")


def _twin(match: re.Match[str]) -> str:
    return _LOOKALIKES[match.group()]


def normalise(text: str) -> str:
    """Return ``text`` with look-alike letters, curly quotes and dashes made ASCII.

    The result has exactly the length of ``text``.

    Examples:
        >>> normalise("tо Sirte’s") == "to Sirte's"
        True
    """
    return text if text.isascii() else _LOOKALIKE.sub(_twin, text)


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
