"""Small text helpers shared by the matcher: case folding that keeps offsets, name folding,
and the word lists the context rules read.

.. versionadded:: 0.1
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["PARTICLES", "fold", "lower_keep_offsets", "name_tokens"]

# Length-preserving: every character maps to exactly one character, so an offset into
# the lowered text is an offset into the original.
_TRANS = str.maketrans({
    "’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
    "\n": " ", "\r": " ", "\t": " ", "\xa0": " ", "\u2009": " ", "\u202f": " ",
})


def lower_keep_offsets(text: str) -> str:
    """Lower-case ``text`` and unify quotes, dashes and spaces, keeping every offset.

    Examples:
        >>> lower_keep_offsets("Libya’s LNA")
        "libya's lna"
    """
    low = text.lower()
    if len(low) != len(text):  # a few characters (İ) lower to two: keep those as they are
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(_TRANS)


_NONWORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Fold a name for comparison: accents, case and punctuation away, single spaces.

    Examples:
        >>> fold("Jan Vyčítal")
        'jan vycital'
        >>> fold("Fayez al-Sarraj")
        'fayez al sarraj'
    """
    s = unicodedata.normalize("NFKD", text)
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


def surname_forms(name: str) -> list[str]:
    """Ways a person's surname may stand alone, folded, most specific first.

    Examples:
        >>> surname_forms("Ursula von der Leyen")
        ['von der leyen', 'der leyen', 'leyen']
        >>> surname_forms("Fayez al-Sarraj")
        ['al sarraj', 'sarraj']
    """
    toks = name_tokens(name)
    if len(toks) < 2:
        return []
    i = len(toks) - 1
    while i > 1 and toks[i - 1] in PARTICLES:
        i -= 1
    forms = [" ".join(toks[j:]) for j in range(i, len(toks))]
    return forms
