"""The shortcuts the matcher takes for speed find what the plain scans find.

The matcher does not run every regex over every article: the metonym pattern runs only
around government words, the organisation-name scan only around organisation nouns,
and a key's surface forms are resolved once. These tests compare each shortcut with the
plain scan it replaces, on random text built to hit their edges.
"""

from __future__ import annotations

import random

import pytest

from libyaevents_gazetteer import _matcher as M
from libyaevents_gazetteer._text import lower_keep_offsets, words_only

PIECES = [
    "von", "der", "de", "al", "el", "bin", "al-", "ad-d-", "ash-", "the", "of", "and", "for", "on",
    "Foo", "Bar", "McDonald", "x", "Brigade", "Brigades", "Council", "Forces", "Élan", "'s", "’", "-",
    "Tripoli", "Benghazi", "Sirte", "eastern", "unity", "UN-backed", "based", "Based", "in",
    "government", "Government", "GOVERNMENT", "governments", "antigovernment", "authorities",
    "administration", "cabinet", "executive", "said", "9", "_",
]
SEPS = [" ", " ", " ", "  ", "\n", "\t", ", ", ". ", "-", "", "\xa0"]


def random_texts(seed: int, n: int):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(PIECES) + rnd.choice(SEPS) for _ in range(rnd.randint(1, 16)))


def test_org_runs_are_the_runs_of_a_full_scan():
    for text in random_texts(1, 4000):
        full = [m.span() for m in M._ORG_RUN.finditer(text) if M._HEAD_WORD.search(m[0])]
        fast = [span for span in M._org_runs(text) if M._HEAD_WORD.search(text[span[0]:span[1]])]
        assert fast == full, text


@pytest.mark.parametrize("seed", [2, 3])
def test_metonym_windows_find_what_finditer_finds(gaz, seed):
    assert gaz._metonym_reach is not None
    for text in random_texts(seed, 3000):
        low = lower_keep_offsets(text)
        found = sorted((i, i + len(w)) for w in M._GOV_WORDS for i in M._find_all(low, w))
        fast = [m.span() for m in gaz._metonym_windows(text, low, found)]
        full = [m.span() for m in gaz._metonym_re.finditer(text)]
        assert fast == full, text


def test_words_only_keeps_letters_of_any_script():
    text = "Ṭarābulus’ “al-Sarraj” – İzmir, 9_9 niño"
    low = lower_keep_offsets(text)
    assert len(low) == len(text)
    assert words_only(low) == M.re.sub(r"[^\w ]", " ", low)


def _choose_plainly(hits, n):
    """The rule as first written: longest first, then leftmost, over the whole article."""
    taken = bytearray(n + 1)
    chosen = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if 1 in taken[hit.start:hit.end]:
            continue
        taken[hit.start:hit.end] = b"\x01" * (hit.end - hit.start)
        chosen.append(hit)
    chosen.sort(key=lambda h: h.start)
    return chosen


def test_choose_by_groups_is_the_plain_rule():
    rnd = random.Random(5)
    for _ in range(5000):
        hits = []
        for _ in range(rnd.randint(0, 12)):
            start = rnd.randint(0, 40)
            hits.append(M.Hit(start, start + rnd.randint(1, 10), [], []))
        assert [id(h) for h in M._choose(hits, 60)] == [id(h) for h in _choose_plainly(hits, 60)]
