"""Small text helpers shared by the matcher: case folding that keeps offsets, name folding,
and the word lists the context rules read.

.. versionadded:: 0.1
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["PARTICLES", "fold", "lower_keep_offsets", "lower_words", "name_tokens", "words_only"]

# Length-preserving: every character maps to exactly one character, so an offset into
# the lowered text is an offset into the original.
_TRANS = str.maketrans({
    "’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
    "\n": " ", "\r": " ", "\t": " ", "\xa0": " ", "\u2009": " ", "\u202f": " ",
    # Cyrillic letters that scraped pages put in place of Latin ones ("thе", "оf")
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ѕ": "s",
    "ј": "j", "ԁ": "d", "һ": "h", "ӏ": "l", "ո": "n",
})
_HOMOGLYPHS = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ѕ": "s",
    "ј": "j", "ԁ": "d", "һ": "h", "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H",
    "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
})


_LOW_MAP = {chr(k): v for k, v in _TRANS.items()}
# The characters beyond ASCII that _TRANS maps (the ASCII ones are replaced with str.replace)
_LOW_SPECIAL = re.compile("[" + re.escape("".join(c for c in _LOW_MAP if not c.isascii())) + "]")
_GLYPH_MAP = {chr(k): v for k, v in _HOMOGLYPHS.items()}
_GLYPHS = re.compile("[" + "".join(_GLYPH_MAP) + "]")


def latin(text: str) -> str:
    """Replace Cyrillic look-alike letters with Latin ones, keeping every offset."""
    if text.isascii() or _GLYPHS.search(text) is None:
        return text
    return _GLYPHS.sub(lambda m: _GLYPH_MAP[m[0]], text)


def lower_keep_offsets(text: str) -> str:
    """Lower-case ``text`` and unify quotes, dashes and spaces, keeping every offset.

    Examples:
        >>> lower_keep_offsets("Libya’s LNA")
        "libya's lna"
    """
    return lower_latin(latin(text))


def lower_latin(text: str) -> str:
    """:func:`lower_keep_offsets` of a text :func:`latin` has been applied to already."""
    low = text.lower()
    if len(low) != len(text):
        # "İ" is the one character that lowers to two: keep it as it is
        low = "İ".join(part.lower() for part in text.split("İ"))
    low = low.replace("\n", " ").replace("\t", " ").replace("\r", " ").replace("`", "'")
    if low.isascii():
        return low
    # only the few quotes, dashes and look-alikes beyond ASCII call back into Python
    return _LOW_SPECIAL.sub(_low_char, low)


def _low_char(m: re.Match[str]) -> str:
    return _LOW_MAP[m[0]]


_ASCII_WORDS = bytes(c if (48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122 or c == 95) else 32 for c in range(256))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LOWER_WORDS = bytes(c + 32 if 65 <= c <= 90 else _ASCII_WORDS[c] for c in range(256))


def lower_words(text: str) -> str:
    """``words_only(lower_latin(text))``: the form of a text the matcher's automaton scans.

    An ASCII text (most news) takes one C-speed table lookup per character, instead of
    lower-casing, unifying and blanking it in three passes.

    Examples:
        >>> lower_words("Libya’s al-Sarraj (GNA)")
        'libya s al sarraj  gna '
    """
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_LOWER_WORDS).decode("ascii")
    return words_only(lower_latin(text))


def words_only(low: str) -> str:
    """Every character that is not a letter or digit becomes a space, keeping every offset.

    The matcher pads names with spaces and scans this form, so every hit is
    word-bounded by construction ("Tripoli" in "Tripoli-based" and "Libya" in
    "Libya's"), and punctuation inside a name does not matter ("al-Sarraj", "al Sarraj").
    """
    if low.isascii():
        return low.encode("ascii").translate(_ASCII_WORDS).decode("ascii")
    # ASCII at C speed (each other character becomes one "?", then a space); then the
    # letters and digits among the other characters are put back
    words = low.encode("ascii", "replace").translate(_ASCII_WORDS).decode("ascii")
    pieces = []
    last = 0
    for m in _NON_ASCII.finditer(low):
        c = m[0]
        if c.isalnum() or c == "_":
            i = m.start()
            pieces.append(words[last:i])
            pieces.append(c)
            last = i + 1
    if not pieces:
        return words
    pieces.append(words[last:])
    return "".join(pieces)


_NONWORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold a name for comparison: accents, case and punctuation away, single spaces.

    Examples:
        >>> fold("Jan Vyčítal")
        'jan vycital'
        >>> fold("Fayez al-Sarraj")
        'fayez al sarraj'
    """
    s = unicodedata.normalize("NFKD", text.translate(_HOMOGLYPHS))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _NONWORD.sub(" ", s.lower().replace("'", "").replace("’", ""))
    return _SPACES.sub(" ", s).strip()


#: Lowercase name particles that may stand inside a name ("Ursula von der Leyen").
PARTICLES = frozenset(
    "von van der den de di du da del della la le bin ben ibn bint abu al el ul ould".split()
)


def name_tokens(name: str) -> list[str]:
    """The folded tokens of a name (``"Fayez al-Sarraj"`` -> ``["fayez", "al", "sarraj"]``)."""
    return fold(name).split()


@lru_cache(maxsize=65536)
def surname_forms(name: str) -> tuple[str, ...]:
    """Ways a person's surname may stand alone, folded, most specific first.

    Examples:
        >>> surname_forms("Ursula von der Leyen")
        ('von der leyen', 'der leyen', 'leyen')
        >>> surname_forms("Fayez al-Sarraj")
        ('al sarraj', 'sarraj')
    """
    toks = name_tokens(name)
    if len(toks) < 2:
        return ()
    i = len(toks) - 1
    while i > 1 and toks[i - 1] in PARTICLES:
        i -= 1
    return tuple(" ".join(toks[j:]) for j in range(i, len(toks)))
