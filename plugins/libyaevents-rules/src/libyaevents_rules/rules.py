"""Rules kept as data: loading TOML rule files and matching their phrases on tokens.

A rule file is TOML with one ``[[rule]]`` table per rule (``docs/plugins/rules.md``
gives the whole format). Each rule names a PLOVER type, optionally a mode, and a list
of *phrases* in a small token language:

``word``
    the word itself, any case (``clashes``)
``word*``
    any word starting with ``word`` (``clash*``: clash, clashes, clashed), at least
    three letters before the star
``@verb``
    a regular verb and its inflections (``@attack``: attack, attacks, attacked,
    attacking; ``@seize``: seize, seizes, seized, seizing)
``a|b|c``
    any of these words (each may itself end in ``*`` or start with ``@``)
``word?``
    an optional word
``...``
    up to six tokens of anything (``called ... ceasefire``)

Phrases are matched token by token from an index of first words, so a match costs a
bounded number of steps at each token: linear time, whatever the rules. Advanced users
may give ``regex`` patterns instead; they are refused if they contain a nested
quantifier (the shape that can backtrack without bound).

Extra rule files are read from ``LIBYAEVENTS_RULES_DATA`` (paths separated by the
platform's path separator, ``:`` on Linux); a rule there with the ``id`` of a built-in
rule replaces it.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from libyaevents.taxonomy import EVENT_TYPES, MODES

from .text import Token, tokens

__all__ = ["Match", "Rule", "RuleSet", "load_rules", "default_rule_files", "RuleError"]

DATA = Path(__file__).resolve().parent / "data"
ENV_VAR = "LIBYAEVENTS_RULES_DATA"
MAX_GAP = 6


class RuleError(ValueError):
    """A rule file that cannot be used, with the file and the rule named."""


@dataclass(frozen=True)
class Element:
    """One position of a phrase: a set of words and prefixes, optional or a gap."""

    words: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    gap: bool = False

    def accepts(self, low: str) -> bool:
        return low in self.words or any(low.startswith(p) for p in self.prefixes)


@dataclass(frozen=True)
class Rule:
    """One trigger rule.

    Attributes:
        id: Unique name (``assault.clash``); a later file's rule with the same id
            replaces an earlier one.
        type: PLOVER event type.
        mode: PLOVER mode of that type, or ``None``.
        phrases: The phrases as written.
        confidence: 0-1, how surely a match states an event of this type.
        subject: Role of the grammatical subject: ``source`` (default) or ``target``
            ("Turkey received a delegation of X": the host is the target).
        statement: The event is a speech act (calling on, accusing, denying...): with no
            date in the sentence it is dated to the publication day.
        unless: Words that veto the match when they stand just before the trigger
            (two words) or just after it (one word).
        unless_after: Words that veto the match when they stand right after it
            (``#number``: any number or quantity word).
        needs_actor: The match only counts when a named actor follows it within two
            words ("al-Sisi received Aguila Saleh": "received" alone is no meeting);
            ``"any"``: a named actor or a generic group ("dispersed protesters").
        priority: When matches overlap, the higher priority wins, then the longer.
    """

    id: str
    type: str
    mode: str | None
    phrases: tuple[str, ...]
    confidence: float = 0.7
    subject: str = "source"
    statement: bool = False
    unless: frozenset[str] = frozenset()
    unless_after: frozenset[str] = frozenset()
    priority: int = 0
    needs_actor: bool | str = False
    regexes: tuple[re.Pattern[str], ...] = ()
    origin: str = ""


@dataclass(frozen=True)
class Match:
    """A rule matched in a sentence: the rule, and the trigger's offsets."""

    rule: Rule
    start: int
    end: int
    first_token: int
    last_token: int


@dataclass
class _Compiled:
    rule: Rule
    elements: tuple[Element, ...]


def _inflect(verb: str) -> set[str]:
    """Regular English inflections of ``verb``."""
    out = {verb}
    if verb.endswith("e"):
        out |= {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        out |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        out |= {verb + "es", verb + "ed", verb + "ing"}
    else:
        out |= {verb + "s", verb + "ed", verb + "ing"}
        # Doubling of a final consonant after a single short vowel (ban -> banned).
        if len(verb) <= 4 and verb[-1] in "bdgmnprt" and verb[-2] in "aeiou" and verb[-3:-2] not in "aeiou":
            out |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return out


def _element(word: str, where: str) -> tuple[Element, bool]:
    optional = word.endswith("?") and len(word) > 1
    if optional:
        word = word[:-1]
    if word == "...":
        return Element(gap=True), False
    words: set[str] = set()
    prefixes: list[str] = []
    for alt in word.lower().split("|"):
        if not alt:
            raise RuleError(f"{where}: empty alternative in {word!r}")
        if alt.endswith("*"):
            if len(alt) < 4:
                raise RuleError(f"{where}: a prefix needs at least three letters ({alt!r})")
            prefixes.append(alt[:-1])
        elif alt.startswith("@"):
            words |= _inflect(alt[1:])
        else:
            words.add(alt)
    return Element(frozenset(words), tuple(prefixes)), optional


_PIECE = re.compile(r"[\w*@|?]+|[^\w\s*@|?]")


def compile_phrase(phrase: str, where: str) -> list[tuple[Element, ...]]:
    """The phrase as element sequences (one per choice of its optional words)."""
    parts: list[tuple[Element, bool]] = []
    for raw in phrase.split():
        # Split punctuation inside a word the way the tokenizer does ("cease-fire").
        pieces = [raw] if raw == "..." else _PIECE.findall(raw)
        if raw.endswith("?") and len(pieces) > 1:
            raise RuleError(f"{where}: '?' applies to one word, not to {raw!r}")
        for piece in pieces:
            parts.append(_element(piece, where))
    if not parts:
        raise RuleError(f"{where}: empty phrase")
    if sum(1 for _, opt in parts if opt) > 3:
        raise RuleError(f"{where}: at most three optional words in a phrase ({phrase!r})")
    variants: list[list[Element]] = [[]]
    for element, optional in parts:
        if optional:
            variants = [v + [element] for v in variants] + [list(v) for v in variants]
        else:
            variants = [v + [element] for v in variants]
    out = []
    for v in variants:
        while v and v[0].gap:
            v = v[1:]
        while v and v[-1].gap:
            v = v[:-1]
        if v:
            out.append(tuple(v))
    return out


_NESTED = re.compile(r"\([^()]*[+*}][^()]*\)\s*[+*{]")


def _safe_regex(pattern: str, where: str) -> re.Pattern[str]:
    if _NESTED.search(pattern) or re.search(r"\\[1-9]", pattern):
        raise RuleError(f"{where}: regex {pattern!r} has a nested quantifier or a backreference")
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise RuleError(f"{where}: bad regex {pattern!r}: {exc}") from None


def _needs_actor(value: object, where: str) -> bool | str:
    if value in (True, False, "any"):
        return value  # type: ignore[return-value]
    raise RuleError(f"{where}: needs_actor must be true, false or \"any\" (got {value!r})")


def _rule(table: dict, origin: str, index: int) -> Rule:
    where = f"{origin}: rule {table.get('id', index)!r}"
    known = {"id", "type", "mode", "phrases", "regex", "confidence", "subject", "statement", "unless",
             "unless_after", "priority", "needs_actor", "note", "examples"}
    unknown = set(table) - known
    if unknown:
        raise RuleError(f"{where}: unknown keys {sorted(unknown)}")
    etype = str(table.get("type", "")).upper()
    if etype not in EVENT_TYPES:
        raise RuleError(f"{where}: type must be one of {', '.join(EVENT_TYPES)} (got {table.get('type')!r})")
    mode = table.get("mode")
    if mode is not None and mode not in MODES.get(etype, ()):
        raise RuleError(f"{where}: mode must be one of {MODES.get(etype, ())} (got {mode!r})")
    phrases = tuple(table.get("phrases", ()))
    regexes = tuple(_safe_regex(p, where) for p in table.get("regex", ()))
    if not phrases and not regexes:
        raise RuleError(f"{where}: needs 'phrases' or 'regex'")
    subject = table.get("subject", "source")
    if subject not in ("source", "target"):
        raise RuleError(f"{where}: subject must be 'source' or 'target' (got {subject!r})")
    confidence = float(table.get("confidence", 0.7))
    if not 0.0 <= confidence <= 1.0:
        raise RuleError(f"{where}: confidence must be between 0 and 1 (got {confidence})")
    return Rule(
        id=str(table.get("id") or f"{origin}#{index}"),
        type=etype,
        mode=mode,
        phrases=phrases,
        confidence=confidence,
        subject=subject,
        statement=bool(table.get("statement", False)),
        unless=frozenset(w.lower() for w in table.get("unless", ())),
        unless_after=frozenset(w.lower() for w in table.get("unless_after", ())),
        priority=int(table.get("priority", 0)),
        needs_actor=_needs_actor(table.get("needs_actor", False), where),
        regexes=regexes,
        origin=origin,
    )


def read_rule_file(path: Path) -> list[Rule]:
    """The rules of one TOML file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{path}: not valid TOML: {exc}") from None
    tables = data.get("rule", [])
    if not isinstance(tables, list):
        raise RuleError(f"{path}: rules must be [[rule]] tables")
    return [_rule(t, str(path), i) for i, t in enumerate(tables)]


def default_rule_files() -> list[Path]:
    """The built-in rule file, then any files named in ``LIBYAEVENTS_RULES_DATA``."""
    files = [DATA / "rules.toml"]
    for part in os.environ.get(ENV_VAR, "").split(os.pathsep):
        if part.strip():
            p = Path(part.strip())
            files.extend(sorted(p.glob("*.toml")) if p.is_dir() else [p])
    return files


class RuleSet:
    """Compiled rules, indexed by the first word of each phrase."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        by_id: dict[str, Rule] = {}
        for rule in rules:
            by_id[rule.id] = rule  # later files replace earlier rules of the same id
        self.rules = list(by_id.values())
        self._exact: dict[str, list[_Compiled]] = {}
        self._prefix: dict[str, list[tuple[str, _Compiled]]] = {}
        self._regex: list[tuple[Rule, re.Pattern[str]]] = []
        self._cands: dict[str, tuple[_Compiled, ...]] = {}
        for rule in self.rules:
            for phrase in rule.phrases:
                for elements in compile_phrase(phrase, f"{rule.origin}: rule {rule.id!r}"):
                    compiled = _Compiled(rule, elements)
                    first = elements[0]
                    for w in first.words:
                        self._exact.setdefault(w, []).append(compiled)
                    for p in first.prefixes:
                        self._prefix.setdefault(p[:3], []).append((p, compiled))
            for rx in rule.regexes:
                self._regex.append((rule, rx))

    @property
    def has_regex(self) -> bool:
        """Whether some rule gives ``regex`` patterns (matched on the text, not on tokens)."""
        return bool(self._regex)

    def candidates(self, low: str) -> tuple[_Compiled, ...]:
        """The compiled phrases that may start at a token whose lower-cased text is ``low``
        (memoised: an article's words are looked up in a dict, once per distinct word)."""
        got = self._cands.get(low)
        if got is None:
            got = tuple(self._exact.get(low, ())) + tuple(
                c for p, c in self._prefix.get(low[:3], ()) if low.startswith(p)
            )
            if len(self._cands) < 200_000:
                self._cands[low] = got
        return got

    def match(self, toks: list[Token], norm: str, start: int, end: int) -> list[Match]:
        """Every match in the tokens of one sentence (``norm[start:end]``), overlaps included."""
        return self.match_at(toks, range(len(toks)), norm, start, end)

    def match_at(self, toks: list[Token], starts: Iterable[int], norm: str, start: int, end: int) -> list[Match]:
        """The matches starting at the token indices ``starts`` of one sentence's tokens
        (indices where :meth:`candidates` is not empty; others cannot start a match), and
        the regex rules' matches in ``norm[start:end]``."""
        out: list[Match] = []
        n = len(toks)
        cache = self._cands
        for i in starts:
            low = toks[i].low
            cands = cache.get(low)
            if cands is None:
                cands = self.candidates(low)
            for compiled in cands:
                j = _match_at(compiled.elements, toks, i, n)
                if j is not None:
                    out.append(Match(compiled.rule, toks[i].start, toks[j - 1].end, i, j - 1))
        for rule, rx in self._regex:
            for m in rx.finditer(norm, start, end):
                first = next((k for k, t in enumerate(toks) if t.end > m.start()), 0)
                last = max((k for k, t in enumerate(toks) if t.start < m.end()), default=first)
                out.append(Match(rule, m.start(), m.end(), first, last))
        return out


def _match_at(elements: tuple[Element, ...], toks: list[Token], i: int, n: int) -> int | None:
    """Index one past the match of ``elements`` at token ``i``, or ``None`` (gaps lazy)."""
    pos = i
    k = 0
    count = len(elements)
    while k < count:
        el = elements[k]
        if el.gap:
            nxt = elements[k + 1]
            for skip in range(MAX_GAP + 1):
                q = pos + skip
                if q >= n:
                    return None
                low = toks[q].low
                if low in ".;!?,":
                    return None
                if low in nxt.words or (nxt.prefixes and nxt.accepts(low)):
                    pos = q + 1
                    break
            else:
                return None
            k += 2
            continue
        if pos >= n:
            return None
        low = toks[pos].low
        if not (low in el.words or (el.prefixes and el.accepts(low))):
            return None
        pos += 1
        k += 1
    return pos


@lru_cache(maxsize=8)
def _load(files: tuple[str, ...]) -> RuleSet:
    rules: list[Rule] = []
    for f in files:
        rules.extend(read_rule_file(Path(f)))
    return RuleSet(rules)


def load_rules(files: Iterable[str | Path] | None = None) -> RuleSet:
    """The compiled rules of ``files`` (default: built-in plus ``LIBYAEVENTS_RULES_DATA``)."""
    paths = tuple(str(p) for p in (files if files is not None else default_rule_files()))
    return _load(paths)
