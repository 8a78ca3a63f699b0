"""The shortcuts the matcher takes for speed find what the plain scans find.

The matcher does not run every regex over every article: the metonym pattern runs only
around government words, the organisation-name scan only around organisation nouns,
the name pass only around capitalised words no exact hit covers, and a key's surface
forms are resolved once. These tests compare each shortcut with the
plain scan it replaces, on random text built to hit their edges.
"""

from __future__ import annotations

import random
import re

import pytest
from libyaevents_gazetteer import _matcher as M
from libyaevents_gazetteer._text import lower_keep_offsets, lower_latin, lower_words, words_only

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
    for hit in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):
        if 1 in taken[hit[0]:hit[1]]:
            continue
        taken[hit[0]:hit[1]] = b"\x01" * (hit[1] - hit[0])
        chosen.append(hit)
    chosen.sort(key=lambda h: h[0])
    return chosen


def test_choose_by_groups_is_the_plain_rule():
    rnd = random.Random(5)
    for _ in range(5000):
        hits = []
        for i in range(rnd.randint(0, 12)):
            start = rnd.randint(0, 40)
            hits.append((start, start + rnd.randint(1, 10), i))
        hits.sort(key=lambda h: h[0])
        assert M._choose(list(hits)) == _choose_plainly(hits, 60)


# -- the name pass reads only the runs around open capitalised words ------------

NAMES = [
    "Khalifa", "Haftar", "Haphtar", "Khaled", "Saddam", "Dbeibah", "Ursula", "von", "der", "Leyen", "Laen",
    "Ahmed", "Ali", "Mohamed", "Salem", "Zawiya", "Martyrs", "Tebu", "Nova", "nova", "IS", "UN", "LNA",
    "The", "THE", "Monday", "President", "Mr", "al-Sarraj", "O'Brien", "Tripoli", "Tripoli-based", "Misrata",
    "Italian", "coast", "guard", "spokesman", "said", "told", "by", "Reporting", "Élan", "Ōmar", "ibn",
]


def name_texts(seed: int, n: int):
    rnd = random.Random(seed)
    pieces = PIECES + NAMES * 3
    for _ in range(n):
        yield "".join(rnd.choice(pieces) + rnd.choice(SEPS) for _ in range(rnd.randint(1, 30)))


def _settled(gaz, text):
    cands = gaz._exact(text, " " + lower_words(text) + " ")
    cands.sort(key=lambda c: c[0])
    chosen = M._choose(cands)
    covered = bytearray(len(text) + 1)
    out, people = gaz._settle(chosen, text, None, covered)
    return chosen, covered, out, people


def _spans(hits):
    return [(h.start, h.end, h.how, [a.id for a in h.actors], [p.id for p in h.places]) for h in hits]


@pytest.mark.parametrize("seed", [7, 8])
def test_name_pass_finds_what_reading_every_run_finds(gaz, seed):
    """Reading only the runs around open capitalised words (``_OPEN_WORD`` in the masked
    text, ``_run_restart``) gives what reading every run of a full ``_RUN`` scan gives."""
    for text in name_texts(seed, 1500):
        chosen, covered, _, people = _settled(gaz, text)
        fast = gaz._name_pass(text, M._masked(text, chosen), bytearray(covered), None, people, None)
        plain: list = []
        table = gaz._article_surnames(text, people)
        every_run = bytearray(covered)
        for run in M._RUN.finditer(text):
            gaz._read_run(text, run, every_run, None, table, None, plain)
        assert _spans(fast) == _spans(plain), text


def test_run_restart_is_between_runs():
    """A scan from the restart point finds the runs a full scan finds from there on."""
    rnd = random.Random(9)
    for text in name_texts(10, 1500):
        runs = [m.span() for m in M._RUN.finditer(text)]
        ends = [0] + [e for _, e in runs]
        for _ in range(5):
            done = rnd.choice(ends)
            q = rnd.randint(done, len(text))
            lo = M._run_restart(text, q, done)
            assert done <= lo <= q
            assert [m.span() for m in M._RUN.finditer(text, lo)] == [r for r in runs if r[0] >= lo], (text, q)


def test_masked_blanks_the_chosen_spans():
    text = "Ab cd ef gh"
    assert M._masked(text, [(0, 2, None), (6, 8, None)]) == "-- cd -- gh"
    assert M._masked(text, []) == text


@pytest.mark.parametrize("word", ["The", "THE", "Monday", "MR", "President", "A"])
def test_open_word_skips_whole_stop_words(word):
    assert M._OPEN_WORD.search(f"x {word} y") is None
    # not whole tokens, or not stop words: kept
    for text in (f"x {word}'s y", f"x al-{word} y", f"x {word}x y", f"x {word}- y", "x Ahmed y"):
        assert M._OPEN_WORD.search(text) is not None, text


def test_by_initial_matches_as_the_plain_alternation():
    words = ["Brigade", "Brigades", "Battalion", "Council", "Corps", "Unit"]
    fast = re.compile(f"(?:{M._by_initial(words)})\\b")
    plain = re.compile("(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")\\b")
    for text in random_texts(11, 2000):
        text = text.replace("Foo", "Corps").replace("Bar", "Units")
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_plain_entries_are_what_the_context_rules_give(gaz):
    """A candidate's ``plain`` entry (reported without the context rules) is what the
    context rules would report for it."""
    for text in name_texts(12, 1500):
        chosen, _, out, _ = _settled(gaz, text)
        ruled = gaz._settle([c[:5] + (None,) for c in chosen], text, None, bytearray(len(text) + 1))[0]
        assert out == ruled, text


def test_fixed_answers_hold_for_any_case(gaz):
    """A key of multi-word aliases names the same whatever the case of the text."""
    checked = 0
    for key, (_, fixed, k) in gaz.automaton.items():
        if fixed is None:
            continue
        name = key.strip()
        for surface in (name, name.upper(), name.title()):
            actors, places, _, plain = k._names(surface, surface, 0, len(surface))
            assert (actors, places, "exact", plain) == fixed
            checked += 1
    assert checked


def test_lower_words_is_words_of_the_lowered_text():
    for text in [*random_texts(13, 500), "İzmir ӏibya “x” — Ōmar\t`"]:
        assert lower_words(text) == words_only(lower_latin(text))
