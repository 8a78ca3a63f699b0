"""From sentences and mentions to events: triggers, arguments, place, date, counts, contexts.

For each sentence of the body (page furniture is never read), the rules find trigger
phrases; each kept trigger becomes one event whose arguments are read from the
sentence's structure and the mentions the gazetteer found:

* **source and target**: in the active voice the subject (the actor mentions left of
  the trigger in its clause: the nearest one and the one opening the clause) acts on
  the first actor right of it ("X met Y", "X called on Y to"); an agent phrase ("by
  X": "Y was attacked by X", "the abduction of Y by X", "a demonstration called by X")
  names the source and makes the subject the target; "forces loyal to X" and "X's
  forces" name X; hosting rules ("Y received a delegation of X") swap the roles; two
  sides of a clash ("clashes between X and Y") are both sources and both targets. An
  apposition after a name ("Osama Hamad, backed by ...") is skipped. Media are never
  sources; "anti-X" is not X; headline passives ("Two soldiers killed in ...") and
  nominal triggers of harm after "in/during" ("killed in Tuesday's attack on Y") do not
  make the subject the source; an unnamed agent ("by unknown assailants") leaves the
  source empty. When no named actor fills the source or the target, the gazetteer's
  generic groups (``doc.data["gazetteer"]["groups"]``: "migrants", "protesters") may.
  With no actor named before the trigger, the subject of the previous sentence carries
  over ("He said...", "The army confirmed...").
* **location**: the place governed by in/at/near/around/outside/into... nearest the
  trigger, a specific place before a whole country; else the closest place in the
  sentence; else the dateline's place ("TRIPOLI (Reuters) -", "Cairo- ").
* **date**: the date expression nearest the trigger in the sentence; else the last one
  in the paragraph before it; else the publication day.
* **counts**: dead, wounded, arrested, migrants stated in the sentence.
* **contexts**: negated, future, hypothetical, claimed (with the claimant).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress, repeat

from libyaevents import Actor, Contexts, Count, Event, EventDate, Location, Mention, Span
from libyaevents.ids import event_id

from .counts import CountExpr, find_counts
from .counts import is_first as _count_first
from .counts import is_hint as _count_hint
from .dates import DateExpr, find_dates
from .dates import is_first as _date_first
from .dates import is_hint as _date_hint
from .rules import Match, RuleSet
from .text import Token, token_columns

__all__ = ["Settings", "build_events"]

NAME = "rules"
_new_tuple = tuple.__new__
MAX_EVIDENCE = 600

# Tokens that end a clause (the source is looked for after the last one before the
# trigger, the target before the first one after it).
_BOUNDARY = frozenset(
    ";  but while whereas although though after before when because since following unless until meanwhile".split()
)
_COMMA_CONJ = frozenset("and but while which who whom where as after before when following amid most some many".split())
# A mention right after one of these is not the subject of the clause.
_NOT_SUBJECT_PREP = frozenset(
    "with against from on at for into toward towards between than told across over under about among "
    "including involving like via near around outside inside behind beyond in to".split()
)
# "loyal to X", "units from X", "a statement by X": the preposition does not hide X.
_TIES_TO = frozenset("loyal allied close linked affiliated aligned attached belonging".split())
_OF_ACTOR = frozenset(
    "units unit forces force troops fighters members elements militiamen militias militia brigades battalions "
    "soldiers men gunmen statement communique spokesman spokesperson official officials delegation delegations "
    "envoy envoys convoy convoys team".split()
)
# Words a noun phrase may hold before a nominal trigger ("in Tuesday's deadly attack on").
_NP_FILL = frozenset(
    "the a an its their his her this that these those new fresh renewed heavy deadly recent latest fierce "
    "overnight twin double suspected alleged apparent major massive brutal mounting growing widespread mass "
    "ongoing continuing continued angry violent peaceful popular".split()
)
_IN_EVENT = frozenset("in during amid by".split())
_HARM = frozenset("ASSAULT COERCE PROTEST".split())
_MATERIAL = frozenset("ASSAULT COERCE PROTEST MOBILIZE RETREAT".split())
_VICTIM = frozenset("killed wounded injured hurt slain arrested detained abducted kidnapped captured executed".split())
_AFTER_VICTIM = frozenset("in during by when after as near at on while amid ,".split())
_PARTICIPLES = frozenset("driven taken beaten stolen thrown broken overthrown".split())
_HAVE = frozenset("have has had having 've".split())
# "by unknown assailants": an agent the gazetteer does not name.
_AGENT_WORDS = frozenset(
    "unknown unidentified masked armed suspected gunmen assailants attackers militants militiamen kidnappers "
    "protesters demonstrators residents youths fighters rebels troops soldiers dozens hundreds thousands scores".split()
)
_ANTI = re.compile(r"\b[Aa]nti[\s-]*$")
_PREP_BEFORE = re.compile(
    r"(?<![Ll]oyal )(?<![Aa]llied )\b(?:[Ww]ith|[Aa]gainst|[Ff]rom|[Oo]n|[Aa]t|[Ff]or|[Ii]nto|[Tt]o|[Bb]y|[Bb]etween|[Tt]han|"
    r"[Tt]old|[Oo]ver|[Uu]nder|[Aa]bout|[Aa]mong|[Ii]ncluding|[Ll]ike|[Vv]ia|[Nn]ear|[Ii]n)\s+(?:the\s+)?$"
)
# Verbs that judge or report an event named by a noun ("condemned the attack"): their
# subject is not the event's agent.
_STANCE = frozenset(
    "condemned condemns condemn denounced denounces deplored deplores criticised criticized criticises "
    "criticizes welcomed welcomes praised praises hailed hails investigating investigated investigates "
    "reported reports documented documents mourned mourns regretted denied denies deny denying concern "
    "concerned alarm alarmed warned warns warning".split()
)
_TAKE_PART = frozenset("part involved participated participating role engaged joined".split())
# An unnamed subject after a verb of saying ("said the coast guard had ...").
_UNNAMED = frozenset("the a an some several dozens hundreds unknown unidentified armed".split())
_SAY_CLAUSE = frozenset("said says say stated added noted stressed".split())
_JOIN = re.compile(r"[\s,]*(?:and\s+|as well as\s+)?(?:the\s+)?")
_NOT_AGENT = frozenset(
    "backed supported accompanied headed chaired recognised recognized published reported quoted cited "
    "broadcast owned run funded financed sponsored co-sponsored hosted replaced".split()
)
_BE = frozenset("was were been being is are be get got gets become became".split())
_ADVERB_OK = frozenset("also reportedly allegedly initially later then still already not never all both".split())
_NEG = frozenset("not never no neither nor without failed".split())
_FUTURE = frozenset("will shall 'll planned plans plan scheduled upcoming proposed preparing prepares intends intend aims expected set".split())
_HYPO = frozenset("could might may would should if unless whether possible possibly potential".split())
_PRONOUNS = frozenset("he she they it we i his her their its this".split())
_GOVERN = frozenset("in at near around outside inside into across throughout within toward towards to off".split())
_GOVERN_OF = frozenset(
    "city town village outskirts suburbs suburb south north east west centre center area region port capital "
    "district oasis province streets coast coasts shores coastline waters".split()
)
_DATELINE = re.compile(r"\s*(?:,[^-:\n]{1,40}?)?\s*(?:\([^)\n]{1,40}\)\s*)?(?:[A-Z]{2,12}\s*)?(?:-{1,2}|:)")
_ASIDE = re.compile(
    r",\s+(?:which|who|whom|whose|backed\s+by|supported\s+by|led\s+by|headed\s+by|based\s+in)\b[^,;.]{0,120},"
)
_OBJECT_PREP = frozenset(("against", "on"))
# Nouns a trigger noun can modify without stating an event: "the troop deployment bill",
# "a protest movement", "the ceasefire committee" name a document, a group or a body.
_DOC_HEADS = frozenset(
    "bill bills law laws legislation motion motions draft drafts proposal proposals plan plans resolution "
    "resolutions strategy policy helicopter helicopters movement movements committee committees commission "
    "council forum".split()
)
# What ``#number`` in ``unless_after`` stands for: a number or a word that opens a quantity.
_QUANTITY = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "hundred hundreds thousand thousands dozens scores tens about around some nearly almost approximately "
    "roughly over more up".split()
)
_QUESTION = re.compile(r"\?[\"'”’)\s]*$")
_LEAD_END = re.compile(r"[.!?][\"'”’)]?$")
_ACCORDING = re.compile(r"according\s+to\s+(?:the\s+)?$")
_CLAIM = re.compile(r"\bclaim(?:s|ed|ing)?\b", re.IGNORECASE)
_ACCORDING_ANY = re.compile(r"according", re.IGNORECASE)
# Verbs of saying after which the clause is reported speech: not the event's subject.
_SUBORDINATORS = frozenset("after before when while since because although though until unless following".split())
_SAY = frozenset(
    "said says say stated told added announced confirmed reported claimed claims noted stressed saying adding "
    "noting stressing claiming".split()
)


@dataclass
class Settings:
    """Choices of the event builder, measured on the development articles."""

    emit_negated: bool = False
    emit_hypothetical: bool = False
    emit_future: bool = True
    inherit_date: bool = True
    default_to_published: bool = True
    carry_subject: bool = True
    inherit_location: bool = False
    clause_evidence: bool = True


@dataclass
class _Sentence:
    span: Span
    toks: list[Token]
    paragraph: int
    dates: list[DateExpr] = field(default_factory=list)
    counts: list[CountExpr] = field(default_factory=list)
    sources: tuple[Actor, ...] = ()
    ends: list[int] = field(default_factory=list)  # token ends, for bisect
    date_windows: list[int] = field(default_factory=list)  # where a date may start
    count_windows: tuple[tuple[int, int], ...] | None = None
    _asides: list[tuple[int, int]] | None = None
    _claims: tuple[str, ...] | None = None
    claim_word: bool = True  # may the sentence hold "claim(s/ed/ing)"?
    _bounds: list[int] | None = None

    def bounds(self) -> list[int]:
        """Indices of the tokens that end a clause (see :func:`_clause`), computed once
        for all the triggers of the sentence."""
        if self._bounds is None:
            toks = self.toks
            n = len(toks)
            self._bounds = [
                k for k, t in enumerate(toks)
                if t.low in _BOUNDARY or (t.low == "," and k + 1 < n and toks[k + 1].low in _COMMA_CONJ)
            ]
        return self._bounds

    def tok_index(self, offset: int) -> int:
        """Index of the first token ending after ``offset``."""
        return bisect_right(self.ends, offset)

    def asides(self, norm: str) -> list[tuple[int, int]]:
        """Parentheticals of the sentence (", which is based in X,", ", backed by Y,")."""
        if self._asides is None:
            self._asides = (
                [m.span() for m in _ASIDE.finditer(norm, self.span.start, self.span.end)]
                if "," in self.span.text else []
            )
        return self._asides


def _paragraph_ids(text: str, sentences: list[Span]) -> list[int]:
    ids = []
    para = 0
    prev_end = None
    for s in sentences:
        if prev_end is not None and "\n" in text[prev_end : s.start]:
            para += 1
        ids.append(para)
        prev_end = s.end
    return ids


_VERB_ENDS = ("ed", "es")
# Types whose events have names ("the Berlin Conference", "the Skhirat Agreement").
_NAMED_EVENTS = frozenset(("CONSULT", "AGREE"))


def _in_name(text: str, toks: list[Token], match: Match, sentence: str) -> bool:
    """Whether a capitalised trigger inside a sentence is part of a name ("Finance
    Minister", "the Security Council"): a capitalised word next to it, in a sentence
    that is not written in title case. Meetings and agreements have names that are
    events themselves ("the International Conference on Libya")."""
    f = match.first_token
    if not text[toks[f].start].isupper() or match.rule.type in _NAMED_EVENTS:
        return False
    prev = text[toks[f - 1].start : toks[f - 1].end] if f else ""
    nxt = text[toks[f + 1].start : toks[f + 1].end] if f + 1 < len(toks) else ""
    # "Ministry of Finance", "Council for Defence": a capitalised word before "of"/"for"
    of_name = f > 1 and toks[f - 1].low in ("of", "for") and text[toks[f - 2].start].isupper()
    return (
        (prev[:1].isupper() and prev.isalpha() and f > 1) or (nxt[:1].isupper() and nxt.isalpha()) or of_name
    ) and not _title_case(sentence)


# Participles that describe a noun before them when "of" follows ("two men accused of
# smuggling", "a commander suspected of war crimes").
_DESCRIBING = frozenset("accused suspected charged convicted".split())


_DEICTIC = frozenset("this it that which".split())
_RANKING = frozenset("first second third fourth fifth latest only last biggest largest worst deadliest heaviest".split())


def _since_anchor(toks: list[Token], match: Match) -> bool:
    """Whether a noun trigger only dates something ("the worst violence since the
    signing of the ceasefire", "since the 2011 uprising")."""
    k = match.first_token - 1
    while k >= 0 and (toks[k].low in _NP_FILL or toks[k].low[:1].isdigit()):
        k -= 1
    return k >= 0 and toks[k].low == "since" and not toks[match.first_token].low.endswith("ed")


def _opens_clause(text: str, toks: list[Token], match: Match, lo: int) -> bool:
    """Whether a noun trigger is the subject its clause opens with ("The International
    Conference on Libya is scheduled"): it has no actor to carry from the last sentence."""
    f = match.first_token
    if toks[f].low.endswith("ed"):
        return False
    return all(toks[k].low in _NP_FILL or text[toks[k].start].isupper() for k in range(lo, f))


def _predicate_restatement(toks: list[Token], match: Match) -> bool:
    """Whether the trigger is the predicate of "this/it is the first/latest/deadliest ..."
    ("This is the first such military operation since 2019", "It was the deadliest
    attack in years"): a comment on an event the story has told, not a new one."""
    f = match.first_token
    window = [t.low for t in toks[max(0, f - 7) : f]]
    if "such" in window and "as" not in window[window.index("such") :] and not toks[f].low.endswith("ed"):
        return True  # "such a large-scale mobilisation", "such attacks": of a kind, told before
    for i, w in enumerate(window[:-2]):
        if w in _DEICTIC and window[i + 1] in _BE and window[i + 2] == "the" and any(
            x in _RANKING or x.endswith("est") for x in window[i + 3 :]
        ):
            return True
    return False


def _result_of(toks: list[Token], match: Match, matches: list[Match]) -> Match | None:
    """The event an "-ing" clause after a comma tells the result of ("X struck the convoy,
    killing 8": the strike), if the sentence has one before it."""
    f = match.first_token
    if f < 2 or toks[f - 1].low != "," or not toks[f].low.endswith("ing"):
        return None
    before = [o for o in matches if o is not match and o.last_token < f - 1]
    return before[-1] if before else None


def _reduced_relative(text: str, toks: list[Token], match: Match) -> bool:
    """Whether a one-word trigger is a participle describing the common noun before it
    ("individuals accused of trafficking"), not a verb with a subject ("X accused Y of",
    "X was accused of")."""
    f = match.first_token
    if f != match.last_token or toks[f].low not in _DESCRIBING or f == 0 or f + 1 >= len(toks):
        return False
    if toks[f + 1].low != "of":
        return False
    prev = toks[f - 1]
    word = text[prev.start : prev.end]
    return word.isalpha() and word.islower() and prev.low not in _BE and prev.low not in _HAVE and prev.low not in ("also", "and", "reportedly")


def _title_case(text: str) -> bool:
    """Whether most longer words of ``text`` are capitalised (a headline)."""
    words = [w for w in text.split() if len(w) > 3 and w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _select(matches: list[Match], toks: list[Token], text: str = "") -> list[Match]:
    """Drop vetoed matches, then keep non-overlapping ones (priority, then length).

    An ``unless`` word two words before the trigger does not veto it across a name
    ("the GNA attacked": "the" belongs to "GNA", not to "attacked")."""
    ok = []
    n = len(toks)
    for m in matches:
        rule, f = m.rule, m.first_token
        unless = rule.unless
        if unless and ((f > 0 and toks[f - 1].low in unless) or (
            f > 1 and toks[f - 2].low in unless and not text[toks[f - 1].start : toks[f - 1].start + 1].isupper()
        )):
            continue
        if m.last_token + 1 < n and toks[m.last_token + 1].low in _DOC_HEADS and not toks[m.last_token].low.endswith(_VERB_ENDS):
            continue  # "the troop deployment bill": a noun modifying another, no event
        if rule.unless_after and m.last_token + 1 < n:
            k = m.last_token + 1
            after = toks[k].low
            if after in rule.unless_after and not (k + 1 < n and _date_hint(toks[k + 1].low) and after in ("on", "in")):
                continue  # (but "attacked on Sunday": a date, not what was attacked)
            if "#number" in rule.unless_after and (after in _QUANTITY or after[:1].isdigit()):
                continue
            # "the fight against illegal migration": the veto reads past "against"/"on".
            if toks[k].low in _OBJECT_PREP and k + 1 < n:
                k += 1 + (toks[k + 1].low == "the" and k + 2 < n)
                if toks[k].low in rule.unless_after:
                    continue
        ok.append(m)
    if len(ok) == 1:
        return ok
    ok.sort(key=lambda m: (-m.rule.priority, -(m.last_token - m.first_token), m.first_token))
    kept: list[Match] = []
    for m in ok:
        if any(not (m.last_token < k.first_token or m.first_token > k.last_token) for k in kept):
            # Same words: a second rule of another type may still read them.
            if not any(k.rule.type == m.rule.type or k.first_token == m.first_token and k.last_token == m.last_token for k in kept):
                same = [k for k in kept if not (m.last_token < k.first_token or m.first_token > k.last_token)]
                if all(k.first_token == m.first_token and k.last_token == m.last_token for k in same):
                    kept.append(m)
            continue
        kept.append(m)
    kept.sort(key=lambda m: m.first_token)
    return kept


def _clause(sent: _Sentence, first: int, last: int) -> tuple[int, int]:
    """Token range ``[lo, hi)`` of the clause around the trigger ``first..last``: from
    after the last boundary before it (a comma before "and"/"but" only when that word
    stands before the trigger) to the first boundary after it."""
    bounds = sent.bounds()
    toks = sent.toks
    lo = 0
    i = bisect_left(bounds, first) - 1
    while i >= 0:
        k = bounds[i]
        if toks[k].low != "," or k + 1 < first:
            lo = k + 1
            break
        i -= 1
    i = bisect_right(bounds, last)
    hi = bounds[i] if i < len(bounds) else len(toks)
    return lo, hi


def _tok_index(toks: list[Token], offset: int) -> int:
    for k, t in enumerate(toks):
        if t.end > offset:
            return k
    return len(toks)


class _Args:
    """Arguments of one trigger in one sentence."""

    def __init__(
        self, sent: _Sentence, match: Match, actors: list[Mention], norm: str, verbs: tuple[int, ...] = ()
    ) -> None:
        self.sent = sent
        self.match = match
        self.toks = sent.toks
        self.actors = actors
        self.norm = norm
        self.lo, self.hi = _clause(sent, match.first_token, match.last_token)
        trig = self.toks[match.first_token].start
        # Parentheticals (", which is based in X,", ", backed by Y,") the trigger is not in.
        self.asides = [(a, b) for a, b in sent.asides(norm) if not a <= trig < b]
        self.actors = [a for a in actors if not self.aside(a)] if self.asides else actors
        # Other triggers read as verbs earlier in the clause ("X intercepted Y and
        # returned them"): an actor after one of them is its object, not our subject.
        # Its object ends at the next comma ("X condemned the crime, in which Y attacked").
        self.verbs = []
        for k in verbs:
            if self.lo <= k < match.first_token:
                end = next((j for j in range(k + 1, match.first_token) if self.toks[j].low == ","), match.first_token)
                self.verbs.append((k, end))

    def aside(self, m: Mention) -> bool:
        return any(a <= m.span.start < b for a, b in self.asides)

    def relative(self) -> bool:
        """Whether the trigger's clause is a relative clause on "which" whose verb is the
        trigger (", which it said killed two"), not an aside before it (", which
        controls the east, attacked")."""
        toks = self.toks
        return toks[self.lo].low == "which" and not any(
            toks[j].low == "," for j in range(self.lo + 1, self.match.first_token)
        )

    def own_subject(self) -> bool:
        """Whether the trigger opens a subordinate clause as its subject ("after clashes
        erupted", "when fighting broke out"): the main clause's subject is not its source."""
        toks = self.toks
        return (
            toks[self.lo - 1].low in _SUBORDINATORS and not toks[self.match.first_token].low.endswith("ing")
            and _opens_clause(self.norm, toks, self.match, self.lo)
        )

    def _of_actor(self, m: Mention) -> bool:
        """Whether "from X" / "by X" follows "units", "a statement (on paper)"...: X acts."""
        k = self.sent.tok_index(m.span.start) - 1  # the preposition
        while k > 0 and self.toks[k].low != "from" and self.toks[k].low != "by":
            k -= 1  # "from the X"
        return any(self.toks[j].low in _OF_ACTOR for j in range(max(self.lo, k - 6), k))

    def _prev_words(self, m: Mention, n: int = 2) -> list[str]:
        k = self.sent.tok_index(m.span.start)
        words = [t.low for t in self.toks[max(0, k - n - 1) : k] if t.low != "the"]
        return words[-n:]

    def roles(self) -> tuple[list[Actor], list[Actor], bool]:
        """(sources, targets, passive)."""
        toks, match = self.toks, self.match
        trig_start = toks[match.first_token].start
        trig_end = toks[match.last_token].end
        clause_start = toks[self.lo].start if self.lo < len(toks) else trig_start
        clause_end = toks[self.hi - 1].end if self.hi > 0 else trig_end
        left = [m for m in self.actors if clause_start <= m.span.start and m.span.end <= trig_start]
        if match.last_token > match.first_token + 1 and toks[match.last_token].low.endswith("ed") and not toks[
            match.first_token
        ].low.endswith("ed"):
            # "a delegation from X arrived": who stands inside a noun-to-verb phrase is its subject
            left += [m for m in self.actors if trig_start < m.span.start and m.span.end <= toks[match.last_token].start]
        inside = [m for m in self.actors if toks[match.first_token].end <= m.span.start and m.span.end <= toks[match.last_token].start]
        right = [m for m in self.actors if trig_end <= m.span.start and m.span.end <= clause_end]
        if inside and toks[match.first_token].low.endswith("ed") and not toks[match.last_token].low.endswith("ed"):
            right = inside + right  # "warned Turkey against": the object stands inside a verb-first phrase
        # Reported speech: "X said that Y attacked": the subject is right of the saying verb.
        say = [k for k in range(self.lo, match.first_token) if toks[k].low in _SAY]
        if say:
            cut = toks[say[-1]].end
            inner = [m for m in left if m.span.start >= cut]
            if inner:
                left = inner
            elif match.rule.type in _MATERIAL and not match.rule.statement:
                # "X said the coast guard had exchanged fire", "X said on Wednesday that at
                # least 11 civilians were killed": an unnamed subject, not X ("X said it
                # had attacked": the pronoun is X).
                between = [toks[j].low for j in range(say[-1] + 1, match.first_token)]
                k = say[-1] + 1
                if k < match.first_token and toks[k].low == "that":
                    k += 1
                if not any(w in _PRONOUNS for w in between) and toks[say[-1]].low in _SAY_CLAUSE and (
                    "that" in between or k < match.first_token and toks[k].low in _UNNAMED
                ):
                    left = []  # (who "announced" or "confirmed" an operation is its author)
        before = [toks[k].low for k in range(max(self.lo, match.first_token - 3), match.first_token)]
        first_low = toks[match.first_token].low
        last_low = toks[match.last_token].low
        passive = (
            any(w in _BE for w in before[-2:]) and first_low.endswith(("ed", "en", "t", "n"))
            # "Two soldiers killed in an ambush", "IS driven out of Derna": a headline's
            # passive without its "were".
            or last_low in _VICTIM and match.last_token + 1 < len(toks) and toks[match.last_token + 1].low in _AFTER_VICTIM
            or first_low in _PARTICIPLES and not any(w in _HAVE for w in before)
        )
        passive_form = passive or toks[match.first_token].low.endswith(("ion", "ing", "ed")) or match.first_token == match.last_token
        # Agent phrase: "by X" right of the trigger ("attacked by X", "the abduction
        # of Y by X", "a demonstration called by X").
        agent: list[Mention] = []
        rest = list(right)
        reach = 10 if passive_form else 4
        by = next(
            (k for k in range(match.last_token + 1, min(self.hi, match.last_token + 1 + reach))
             if toks[k].low == "by" and toks[k - 1].low not in _NOT_AGENT
             # "programmes in the regions affected by X": "by" belongs to another participle.
             and not (k - 1 > match.last_token + 2 and toks[k - 1].low.endswith(("ed", "en")))),
            None,
        )
        if by is not None:
            by_end = toks[by].end
            after = [m for m in right if m.span.start >= by_end]
            if after and self.sent.tok_index(after[0].span.start) - by <= 12:
                agent = [after[0]]
                end = after[0].span.end
                for m in after[1:]:
                    if re.fullmatch(r"[\s,]*(?:and\s+)?(?:the\s+)?", self.norm[end : m.span.start]):
                        agent.append(m)
                        end = m.span.end
                rest = [m for m in right if m not in agent and m.span.start < by_end]
            elif by + 1 < self.hi and toks[by + 1].low in _AGENT_WORDS:
                # "... by unknown assailants", "by dozens of residents": an agent the
                # gazetteer does not name. Not the subject, nor the previous sentence's.
                rest = [m for m in right if m.span.start < by_end]
                targets = [m.entity for m in self._subject(left)] if passive else [m.entity for m in rest[:1]]
                return [], _uniq(targets), True
        # A nominal trigger of harm inside a prepositional phrase ("were killed in
        # Tuesday's attack on Y", "was arrested during a raid"): the clause's subject
        # did not do it (a meeting is different: "X spoke during a meeting with Y").
        k = match.first_token - 1
        while k >= self.lo and (
            toks[k].low in _NP_FILL or toks[k].low in ("'", "s") or toks[k + 1].low == "'"
            or (k > match.first_token - 3 and toks[k].low.endswith("ed"))  # "in reported air strikes"
            or (k > match.first_token - 3 and self.norm[toks[k].start].isupper())  # "in the Zuwara shooting"
        ):
            k -= 1
        nominal = not toks[match.first_token].low.endswith("ed")
        # "X condemned the drone strike on Y", "X is investigating the killing of Y": X
        # judges or reports the event, X did not do it (nor suffer it).
        stance = not agent and match.rule.type in _MATERIAL and nominal and any(
            toks[j].low in _STANCE for j in range(max(self.lo, match.first_token - 5), match.first_token)
        )
        if stance or (
            not agent and match.rule.type in _HARM and match.rule.mode != "clash" and k >= self.lo and toks[k].low in _IN_EVENT and k < match.first_token
            and nominal and (k == self.lo or toks[k - 1].low not in _TAKE_PART)
        ):
            objects = [m for m in rest if self._prev_words(m, 1) in (["on"], ["against"], ["with"], ["between"], ["and"], ["of"])][:2]
            targets = [m.entity for m in objects]
            if not stance and any(toks[j].low in _BE for j in range(self.lo, k)):
                targets = [m.entity for m in self._subject(left)] + targets
            return [], _uniq(targets), True
        of_after = last_low == "of" or (
            match.last_token + 1 < len(toks) and toks[match.last_token + 1].low == "of" and not last_low.endswith(("ed", "s"))
        )
        if of_after and match.rule.mode == "visit" and rest:
            # "the arrival of X", "the visit of X": X travels; who hails it is no party
            return [rest[0].entity], [], False
        subject = self._subject(left)
        if not subject and self.lo > 0 and not self.relative() and not self.own_subject():
            # The subject of the whole sentence; not for "..., which killed two": the
            # relative pronoun stands for a thing, not for that subject; nor for "after
            # clashes erupted": the clause has its own subject.
            whole = [m for m in self.actors if m.span.end <= toks[self.lo].start]
            subject = self._subject(whole)[:1]
        if self.match.rule.mode == "clash" and not agent:
            between = [m for m in rest if self._prev_words(m, 1) in (["between"], ["and"], ["with"], ["against"])]
            if between:
                sides = _uniq([m.entity for m in subject] + [m.entity for m in between])
                return sides, sides, False
        if agent:
            sources = [m.entity for m in agent]
            targets = [m.entity for m in subject] if passive else [m.entity for m in rest[:1]]
            if not passive and not targets and subject:
                targets = [m.entity for m in subject]
            return _uniq(sources), _uniq(targets), True
        if passive:
            return [], _uniq([m.entity for m in subject]), True
        # Not "according to X", nor the agent of another participle ("a deal mediated by X").
        objects = [m for m in rest if (w := self._prev_words(m, 2))[-2:] != ["according", "to"] and w[-1:] != ["by"]][:1]
        if objects:
            # "X met with Y and Z": every actor joined to the first by "and" or commas.
            k_end = objects[0].span.end
            for m in rest:
                if m.span.start > k_end and re.fullmatch(r"[\s,]*(?:and\s+)?(?:the\s+)?", self.norm[k_end : m.span.start]):
                    objects.append(m)
                    k_end = m.span.end
        sources = [m.entity for m in subject]
        targets = [m.entity for m in objects]
        if match.rule.subject == "target":
            sources, targets = targets, sources
        return _uniq(sources), _uniq(targets), False

    def _subject(self, left: list[Mention]) -> list[Mention]:
        cands = []
        norm = self.norm
        if self.verbs:
            left = [m for m in left if not any(k < self.sent.tok_index(m.span.start) < end for k, end in self.verbs)]
        for m in left:
            if m.entity.kind == "media":
                continue  # "(Reuters) -", "told the Libya Herald": a medium reports, it does not act
            if norm[m.span.end : m.span.end + 1] == ":":
                continue  # "Libya: Haftar bans ...": a headline's topic, not its subject
            prev = self._prev_words(m, 2)
            if prev:
                last = prev[-1]
                if last in _NOT_SUBJECT_PREP or last == "by":
                    # "loyal to X", "units from X", "a statement by X" name X as the actor.
                    if last == "to":
                        if not (len(prev) > 1 and prev[-2] in _TIES_TO):
                            continue
                    elif last not in ("from", "by") or not self._of_actor(m):
                        continue
                if prev[-2:] == ["according", "to"]:
                    continue
            k = self.sent.tok_index(m.span.end - 1) + 1
            if (
                k + 1 < self.match.first_token and self.toks[k].low in _BE
                and self.toks[k + 1].low.endswith(("ed", "en"))
            ):
                continue  # "migrants were killed in ... strikes": the patient of another verb
            cands.append(m)
        # "Libyan forces", "Italian minister": a demonym is the weakest subject.
        strong = [m for m in cands if m.how != "demonym"]
        if strong:
            cands = strong
        if not cands:
            return []
        # Appositions: "X, backed by Y," -- drop what stands inside commas after the first.
        nearest = cands[-1]
        if nearest is cands[0]:
            return [nearest]
        # "X, Y and Z attacked": the actors joined to the nearest one by commas and "and".
        chain = [nearest]
        for m in reversed(cands[:-1]):
            if not _JOIN.fullmatch(norm, m.span.end, chain[-1].span.start):
                break
            chain.append(m)
        if chain[-1] is cands[0]:
            return chain[::-1]
        out = [cands[0]]
        between = norm[cands[0].span.end : nearest.span.start]
        # "X, the head of Y, announced": Y in apposition. "X condemned the crime, in
        # which planes of Y struck": Y in the trigger's own comma segment.
        trig = self.toks[self.match.first_token].start
        apposition = between.count(",") == 1 and "," in norm[nearest.span.end : trig]
        if not apposition and "backed by" not in between:
            out.extend(chain[::-1])
        return out


def _with_groups(
    sent: _Sentence, match: Match, actors: list[Mention], groups: list[Mention], norm: str,
    sources: list[Actor], targets: list[Actor], verbs: tuple[int, ...],
) -> tuple[list[Actor], list[Actor]]:
    """Fill an empty source or target with the generic groups of the sentence: the
    roles are read again with the groups among the actors, and only groups are taken."""
    both = sorted(actors + groups, key=lambda m: (m.span.start, -m.span.end))
    g_src, g_tgt, _ = _Args(sent, match, both, norm, verbs).roles()
    ids = {m.entity.id for m in groups}
    if not sources:
        sources = [a for a in g_src if a.id in ids and all(a.id != t.id for t in targets)]
    if not targets:
        have = {a.id for a in sources}
        targets = [a for a in g_tgt if a.id in ids and a.id not in have]
        if targets and match.rule.type in _MEETING:
            # "met protesters", "talks with tribal elders" name a party; "discussed ways to
            # combat trafficking networks" names a topic.
            near = {m.entity.id for m in groups if 0 < sent.tok_index(m.span.start) - match.last_token <= 2
                    or sent.tok_index(m.span.start) > 0 and sent.toks[sent.tok_index(m.span.start) - 1].low == "with"}
            targets = [a for a in targets if a.id in near]
    return sources, targets


_MEETING = frozenset(("CONSULT", "AGREE", "COOPERATE"))


def _lead_actor(norm: str, mentions: list[Mention]) -> Actor | None:
    """The first actor of a sentence that can be its subject: not a medium, not after a
    preposition ("told the Libya Herald", "talks with X")."""
    for m in mentions:
        if m.entity.kind == "media":
            continue
        if _PREP_BEFORE.search(norm, max(0, m.span.start - 24), m.span.start):
            continue
        return m.entity
    return None


def _uniq(actors: Iterable[Actor]) -> list[Actor]:
    seen: set[str] = set()
    out = []
    for a in actors:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out


def _contexts(
    sent: _Sentence, match: Match, lo: int, norm: str, actors: list[Mention], matches: list[Match] = ()
) -> Contexts:
    """Negation, future, hypothesis and claims of one trigger (``matches``: all the
    sentence's triggers, for infinitives of purpose)."""
    toks = sent.toks
    first = match.first_token
    window = [t.low for t in toks[max(lo, first - 4) : first]]
    near = window[-2:]
    ws = set(window)
    negated = not ws.isdisjoint(_NEG) or ("'" in ws and "t" in ws)
    future = (
        not ws.isdisjoint(_FUTURE) or near[-1:] == ["to"] or near == ["to", "be"] or "going" in near
        # "an operation will be carried out": the future word inside the trigger
        or any(toks[k].low in _FUTURE for k in range(first + 1, match.last_token))
    )
    if not future and first > 1 and toks[first - 1].low in ("and", "or") and any(
        toks[k].low == "to" for k in range(max(lo, first - 8), first - 1)
    ):
        # "to track down terrorists and expel mercenaries": the second infinitive of a
        # pair reads as the first (the aim check below sees the "to")
        future = True
        near = ["to"]
    if not future:
        # "talks will be held", "a meeting between X and Y is scheduled": in the trigger's
        # own clause only ("suspended operations and work will not resume": after a verb,
        # "and" opens another clause).
        verb = toks[match.first_token].low.endswith("ed") or toks[match.last_token].low.endswith("ed")
        for t in toks[match.last_token + 1 : match.last_token + 7]:
            if t.low in _FUTURE_AFTER:
                future = True
                break
            if t.low in _CLAUSE_BREAK and (verb or t.low not in ("and", "or")):
                break
    if future and (window[-2:] == ["to", "have"] or window[-3:-1] == ["to", "have"]):
        future = False
    if not negated and match.rule.type in _CANCELLABLE:
        # "the visit was cancelled", "talks have been postponed": it did not take place.
        after = []
        for t in toks[match.last_token + 1 : match.last_token + 9]:
            if t.low in _BOUNDARY or t.low == ",":  # "and" may join the meeting's parties
                break
            after.append(t.low)
        aux = next((i for i, w in enumerate(after) if w in _BE or w in _HAVE), None)
        if aux is not None:
            verb = after[aux + 1 : aux + 3]
            negated = any(w in _CANCELLED for w in verb) or verb[-2:] == ["called", "off"] or verb[-1:] == ["called"] and after[aux + 3 : aux + 4] == ["off"]
    hypo = not ws.isdisjoint(_HYPO) or (lo < first - 4 and any(t.low == "if" for t in toks[lo : first - 4]))
    if not hypo and not toks[first].low.endswith("ed") and any(
        toks[k].low in _REQUESTING for k in range(max(lo, first - 6), first)
    ):
        # "demanding the release of", "called for the immediate withdrawal", "incited
        # killing": what is asked for or stirred up, not what happened
        hypo = True
    if not negated and match.rule.type != "REJECT":
        # "X denied (reports) that its members were involved in the kidnapping": what is
        # denied is not told as having happened.
        deny = next((k for k in range(first - 1, -1, -1) if toks[k].low in _DENY or toks[k].low in ",;"), None)
        if deny is not None and toks[deny].low in _DENY and any(toks[k].low == "that" for k in range(deny + 1, first)):
            negated = True  # (up to a comma: "..., saying the GNA attacked" is a claim)
    if any(toks[k].low in _ANYONE for k in range(lo, first)):
        hypo, future = True, False  # "anyone who reopens the channel will face prosecution": no one did
    if not hypo and future and near[-1:] == ["to"]:
        # The verb that governs the infinitive, past an object of up to three words
        # ("forced them to retreat", "managed to enter"): it tells whether it happened.
        gov = next((toks[k].low for k in range(first - 2, max(lo, first - 5) - 1, -1) if toks[k].low not in _OBJECT_FILL), "")
        if gov in _IMPLICATIVE:
            future = False  # it happened
        elif gov in _FAILED:
            future, negated = False, True  # "failed to reach": it did not
        else:
            # "in an attempt to capture X", "hoping to reach", "a campaign to drive
            # them out": an aim, not an event (plans keep their future context). So is
            # the purpose of another event of the clause ("took to the streets to
            # protest against", "met X to discuss", "called on Y to release").
            hypo = any(t.low in _AIM for t in toks[max(lo, first - 8) : first - 1]) or any(
                o is not match and lo <= o.first_token and o.last_token < first - 1 for o in matches
            )
            future = not hypo
    if sent._claims is None:
        according = []
        if _ACCORDING_ANY.search(norm, sent.span.start, sent.span.end):
            for m in actors:
                before = norm[max(sent.span.start, m.span.start - 14) : m.span.start].lower()
                if _ACCORDING.search(before):
                    according.append(m.entity.name)
        sent._claims = tuple(according)
    claimed: list[str] = list(sent._claims)
    if not claimed and sent.claim_word and _CLAIM.search(norm, sent.span.start, sent.span.end):
        text = norm[sent.span.start : sent.span.end].lower()
        left = [m for m in actors if m.span.start < toks[match.first_token].start]
        claim_at = text.find("claim")
        claimers = [m for m in actors if abs(m.span.start - sent.span.start - claim_at) < 80]
        pick = (claimers or left)[:1]
        claimed = [m.entity.name for m in pick]
    return _context(negated, future, hypo, tuple(dict.fromkeys(claimed)))


_AIM = frozenset(
    "attempt attempts attempted effort efforts bid bids hoping hope hopes hoped seeking seek seeks sought "
    "pressure need needs needed try tries tried trying intend intends intended intending want wants wanted "
    "wish wishes wished aim aims aimed aiming campaign operation offensive negotiations talks time".split()
)
# Verbs whose infinitive happened ("managed to enter", "forced them to retreat",
# "began to withdraw") or did not ("failed to reach").
_IMPLICATIVE = frozenset(
    "managed manages forced forces compelled compels obliged began begun begins started starts continued "
    "continues succeeded proceeded went voted".split()
)
_FAILED = frozenset("failed fails".split())
# Words between such a verb and "to": an object pronoun or a short noun phrase.
_OBJECT_FILL = frozenset("them him her it us the its their his rebels forces troops residents".split())
# Meetings that a later "was cancelled" undoes.
_CANCELLABLE = frozenset(("CONSULT", "AGREE", "PROTEST"))
_CANCELLED = frozenset("canceled cancelled postponed scrapped aborted".split())
_DENY = frozenset("denied denies deny denying".split())
# Verbs whose object names what is asked for, not what happened.
_REQUESTING = frozenset(
    "demand demands demanded demanding call calls called calling urge urges urged urging seek seeks sought "
    "seeking request requests requested requesting incite incites incited inciting".split()
)
# Generic subjects: "anyone who", "whoever": a condition, not an event.
_ANYONE = frozenset("anyone anybody whoever".split())
# Where a clause ends, for the words read after a trigger.
_CLAUSE_BREAK = frozenset(", ; and but while whereas until unless".split())
_CONTEXTS: dict[tuple, Contexts] = {}
_FUTURE_AFTER = frozenset("will scheduled planned due expected".split())


def _context(negated: bool, future: bool, hypo: bool, claimed: tuple[str, ...]) -> Contexts:
    """A shared (frozen) Contexts: most events have one of a few."""
    key = (negated, future, hypo, claimed)
    ctx = _CONTEXTS.get(key)
    if ctx is None:
        ctx = Contexts(negated=negated, future=future, hypothetical=hypo, claimed_by=claimed)
        if len(_CONTEXTS) < 4096:
            _CONTEXTS[key] = ctx
    return ctx


# Killing words after which one named person or "a soldier" counts as one death.
_KILL_ONE = frozenset("killed killing murdered murder slain executed assassinated assassination died succumbed".split())
# "killed a number of civilians", "a group of": no single victim.
_NOT_ONE = frozenset("number dozen group series total few handful lot couple".split())


def _one_killed(toks: list[Token], match: Match, targets: list[Actor]) -> bool:
    """Whether a killing with no number states one death, as ACLED counts a named
    person killed: "X was assassinated", "the killing of X" (one person as the target),
    "gunmen killed a soldier", "a fighter was killed"."""
    f, last = match.first_token, match.last_token
    if toks[f].low not in _KILL_ONE or any(toks[k].low.startswith("attempt") for k in range(f, last + 1)):
        return False  # "an assassination attempt" may have killed no one
    if len(targets) == 1 and targets[0].kind == "person":
        return True
    after = [t.low for t in toks[last + 1 : last + 4]]
    if after[:1] in (["a"], ["an"]) and _NOT_ONE.isdisjoint(after):
        return True
    # "a fighter was killed", "an officer has been killed"
    before = [t.low for t in toks[max(0, f - 5) : f]]
    return (
        bool(before) and before[-1] in ("was", "been")
        and any(w in ("a", "an") for w in before[:-1]) and _NOT_ONE.isdisjoint(before)
        and not any(w in ("and", ",") for w in before)
    )


def _location(
    sent: _Sentence, match: Match, places: list[Mention], norm: str, lo: int, hi: int,
    focus: Location | None = None,
) -> Location | None:
    if not places:
        return focus
    toks = sent.toks
    trig = toks[match.first_token].start
    clause_start = toks[lo].start if lo < len(toks) else sent.span.start
    clause_end = toks[hi - 1].end if hi > 0 else sent.span.end

    def governed(m: Mention) -> bool:
        k = sent.tok_index(m.span.start)
        prev = [t.low for t in toks[max(0, k - 3) : k] if t.low not in ("the", "'", "s")]
        if not prev:
            return False
        if prev[-1] in _GOVERN or (prev[-1] in ("southern", "northern", "eastern", "western", "central") and len(prev) > 1 and prev[-2] in _GOVERN):
            return True
        return prev[-1] == "of" and len(prev) > 1 and prev[-2] in _GOVERN_OF

    def is_country(m: Mention) -> bool:
        return (getattr(m.entity, "feature_code", None) or "").startswith("PCL")

    def dist(m: Mention) -> tuple[int, int]:
        inside = clause_start <= m.span.start < clause_end
        # Where comes after the verb more often than before it: a place before the
        # trigger counts as twice as far.
        gap = m.span.start - trig
        return (0 if inside else 1, gap if gap >= 0 else -2 * gap)

    gov = sorted((m for m in places if governed(m)), key=dist)
    closest = sorted(places, key=dist)
    ranked = (
        [m for m in gov if not is_country(m) and dist(m)[0] == 0]
        + [m for m in gov if not is_country(m)]
        + [m for m in closest if not is_country(m) and dist(m)[0] == 0]
        + [m for m in gov if dist(m)[0] == 0]
        + [m for m in closest if not is_country(m) and _subject_place(sent, m)]
    )
    if ranked:
        return ranked[0].entity
    if focus is not None:
        return focus
    return closest[0].entity


def _subject_place(sent: _Sentence, m: Mention) -> bool:
    """Whether a place opens its sentence as its subject ("Ajdabiya is under rebel control
    but has been under attack"): where the sentence happens, whatever clause the trigger is in."""
    k = sent.tok_index(m.span.start)
    if not (k == 0 or k == 1 and sent.toks[0].low == "the"):
        return False
    after = sent.tok_index(m.span.end - 1) + 1
    return after < len(sent.toks) and (sent.toks[after].low in _BE or sent.toks[after].low in _HAVE)


def _dateline(doc, norm: str, places: list[Mention]) -> Location | None:
    """The place of a dateline ("TRIPOLI (Reuters) -", "Cairo- ", "Kufra, 24 April 2018:")."""
    for sent in doc.sentences[:8]:
        for m in places:
            if sent.start <= m.span.start <= sent.start + 1 and _DATELINE.match(norm, m.span.end, min(len(norm), m.span.end + 80)):
                return m.entity
    return None


def _focus(doc, norm: str, places: list[Mention]) -> Location | None:
    """The article's first place named after in/at/near...: where its story happens."""
    lead = []
    for s in doc.sentences:
        if len(s.text.split()) >= 8 and _LEAD_END.search(s.text):
            lead.append(s)
            if len(lead) == 3:
                break
    for m in places:
        if (getattr(m.entity, "feature_code", None) or "").startswith("PCL"):
            continue
        if not any(s.start <= m.span.start < s.end for s in lead):
            continue
        before = norm[max(0, m.span.start - 40) : m.span.start].lower()
        if re.search(r"\b(?:in|at|near|around|outside)\s+(?:the\s+)?$", before) and not re.search(
            r"\b(?:report\w*|said|says|speaking|told|writes|wrote|correspondent)\b", before
        ):
            return m.entity
    return None


def _event_date(
    sent: _Sentence, match: Match, future: bool, published: dt.date | None, norm: str, make_date, last_date: DateExpr | None,
    settings: Settings,
) -> tuple[EventDate | None, DateExpr | None]:
    dates = sent.dates
    trig = sent.toks[match.first_token].start
    cut = -1  # where the reporting clause before the event ends
    if future and dates:
        # A date in the reporting clause before "that" ("announced on Thursday that an
        # operation will be carried out") is past: only the others are read as future.
        cut = next((t.start for t in reversed(sent.toks[: match.first_token]) if t.low == "that" or t.low in _SAY), -1)
        ahead = find_dates(norm, sent.span.start, sent.span.end, published, future=True, starts=sent.date_windows)
        dates = [d for d in dates if d.end <= cut] + [d for d in ahead if d.start > cut]
    # "work will not resume until Monday": the end of another, future, happening
    dates = [
        d for d in dates
        if not (_UNTIL.search(norm, max(0, d.start - 8), d.start + 6) and _WILL.search(norm, min(trig, d.start), d.start))
    ]
    if dates:
        best = min(dates, key=lambda d: (d.precision == "year" and len(dates) > 1, min(abs(d.start - trig), abs(d.end - trig))))
        first, last = best.first, best.last
        future = future and best.start > cut
        if not future and published is not None and first > published:
            return None, best
        if not future and published is not None and last > published:
            last = max(first, published)
        return make_date(first, last, best.precision, best.start, best.end), best
    if settings.inherit_date and last_date is not None:
        return make_date(last_date.first, last_date.last, last_date.precision, last_date.start, last_date.end), None
    if settings.default_to_published and published is not None and not future:
        return make_date(published, published, "day", None, None), None
    return None, None


_UNTIL = re.compile(r"\b(?:until|till)\s", re.IGNORECASE)
_WILL = re.compile(r"\b(?:will|won't|shall)\b", re.IGNORECASE)


def _evidence(doc, sent: _Sentence, match: Match, lo: int, hi: int, split: bool) -> Span:
    s = sent.span
    if split and hi > lo:
        start, end = sent.toks[lo].start, sent.toks[hi - 1].end
        if end - start >= 25:
            s = doc.span(start, end)
    if s.end - s.start <= MAX_EVIDENCE:
        return s
    half = MAX_EVIDENCE // 2 - 10
    start = max(s.start, match.start - half)
    end = min(s.end, match.end + half)
    while start > s.start and not doc.text[start - 1].isspace():
        start += 1
    while end < s.end and not doc.text[end].isspace():
        end -= 1
    return doc.span(start, end)


def _starts(
    starts: list[int], flags: list[int], first: int, hits: list[int], lo: int, hi: int, before: int, after: int
) -> list[int]:
    """Offsets of the tokens flagged ``first`` from ``before`` tokens before each hint
    token in ``hits`` (indices into the article's tokens, whose offsets are ``starts``,
    all in ``lo..hi-1``) to ``after`` after it."""
    out: list[int] = []
    done = lo
    for k in hits:
        a = max(done, k - before)
        b = min(hi, k + after + 1)
        for i in range(a, b):
            if flags[i] & first:
                out.append(starts[i])
        done = max(done, b)
    return out


def _hint_flags(ruleset: RuleSet) -> dict[str, int]:
    flags = getattr(ruleset, "_hint_flags", None)
    if flags is None:
        flags = {}
        ruleset._hint_flags = flags  # type: ignore[attr-defined]
    return flags


_TRIGGER, _DATE_HINT, _COUNT_HINT, _DATE_FIRST, _COUNT_FIRST = 1, 2, 4, 8, 16
_UNSET = object()


def _seconds(ruleset: RuleSet) -> dict[str, tuple[frozenset[str], tuple[str, ...]] | None]:
    seconds = getattr(ruleset, "_second_words", None)
    if seconds is None:
        seconds = {}
        ruleset._second_words = seconds  # type: ignore[attr-defined]
    return seconds


def _second_words(ruleset: RuleSet, low: str) -> tuple[frozenset[str], tuple[str, ...]] | None:
    """The words and prefixes one of which must follow ``low`` for a phrase starting at
    it to match; ``None`` when some phrase is one word long or goes on with a gap."""
    words: set[str] = set()
    prefixes: list[str] = []
    for compiled in ruleset.candidates(low):
        if len(compiled.elements) < 2 or compiled.elements[1].gap:
            return None
        words |= compiled.elements[1].words
        prefixes.extend(p for p in compiled.elements[1].prefixes if p not in prefixes)
    return frozenset(words), tuple(prefixes)


def _flags(ruleset: RuleSet, low: str) -> int:
    return (
        (_TRIGGER if ruleset.candidates(low) else 0)
        | (_DATE_HINT if _date_hint(low) else 0)
        | (_COUNT_HINT if _count_hint(low) else 0)
        | (_DATE_FIRST if _date_first(low) else 0)
        | (_COUNT_FIRST if _count_first(low) else 0)
    )


def _inside_actor(places: list[Mention], actors: list[Mention]) -> set[int]:
    """Indices of the places that stand inside an actor mention's span."""
    if not actors:
        return set()
    spans = sorted((a.span.start, a.span.end) for a in actors)
    starts = [a for a, _ in spans]
    reach = []
    best = -1
    for _, b in spans:
        best = max(best, b)
        reach.append(best)
    out = set()
    for i, m in enumerate(places):
        k = bisect_right(starts, m.span.start)
        if k and reach[k - 1] >= m.span.end:
            out.add(i)
    return out


def build_events(doc, ruleset: RuleSet, settings: Settings | None = None) -> list[Event]:
    """The events of one document.

    The article is read once: one pass over its tokens finds the words that can start
    a trigger, and those that can belong to a date or a count; sentences with no
    trigger word are only bookkept (their dates and subject carry over), and the date
    and count recognisers only run around their hint words.
    """
    settings = settings or Settings()
    if not doc.sentences:
        return []
    text = doc.text
    norm = doc.search_text
    all_lows, all_starts, all_ends = token_columns(norm)
    flags_of = _hint_flags(ruleset)
    flags = list(map(flags_of.get, all_lows))
    if None in flags:
        for k, f in enumerate(flags):
            if f is None:
                low = all_lows[k]
                f = flags_of.get(low)
                if f is None:
                    f = flags_of[low] = _flags(ruleset, low)
                flags[k] = f
    # The few tokens with a flag, by kind: each sentence takes its own by bisection.
    trig_all: list[int] = []
    date_all: list[int] = []
    count_all: list[int] = []
    seconds = _seconds(ruleset)
    last_k = len(flags) - 1
    for k in compress(range(len(flags)), flags):
        f = flags[k]
        if f & _TRIGGER:
            # Most phrases have a second word: a token whose next word none of them can
            # take ("the" not before "attack") starts no match, in any sentence.
            need = seconds.get(all_lows[k], _UNSET)
            if need is _UNSET:
                need = seconds[all_lows[k]] = _second_words(ruleset, all_lows[k])
            if need is None or k < last_k and (
                all_lows[k + 1] in need[0] or (need[1] and any(all_lows[k + 1].startswith(p) for p in need[1]))
            ):
                trig_all.append(k)
        if f & _DATE_HINT:
            date_all.append(k)
        if f & _COUNT_HINT:
            count_all.append(k)
    mentions = sorted(doc.mentions, key=lambda m: (m.span.start, -m.span.end))
    # "anti-LNA militias" are the LNA's enemies: such a mention names no actor of the event.
    actor_m = [
        m for m in mentions
        if isinstance(m.entity, Actor) and not (m.span.start > 3 and _ANTI.search(norm, max(0, m.span.start - 6), m.span.start))
    ]
    # Generic groups named by a common noun ("migrants", "protesters"): the gazetteer keeps
    # them apart from the article's actors; they fill a role no named actor fills.
    gaz = doc.data.get("gazetteer")
    groups = sorted(gaz.get("groups") or (), key=lambda m: m.span.start) if isinstance(gaz, dict) else []
    group_starts = [m.span.start for m in groups]
    all_places = [m for m in mentions if isinstance(m.entity, Location)]
    inside = _inside_actor(all_places, actor_m)
    place_m = [m for i, m in enumerate(all_places) if i not in inside]
    actor_starts = [m.span.start for m in actor_m]
    place_starts = [m.span.start for m in place_m]
    # Places that only stand inside an actor's name ("the Tripoli government") or name
    # a state acting as an actor ("Turkey received..."): a last resort for where.
    inner_m = [m for i, m in enumerate(all_places) if i in inside]
    dateline = _dateline(doc, norm, place_m)
    focus = dateline or _focus(doc, norm, place_m)
    by_name = {m.entity.name: m.entity for m in all_places}

    def seat_place(s_actors: list[Mention], targets: list[Actor], args: _Args) -> Location | None:
        """A visit to "the Tripoli government" happens in Tripoli, when no place is said."""
        ids = {t.id for t in targets}
        clause = (sent.toks[args.lo].start, sent.toks[args.hi - 1].end) if args.hi > args.lo else (0, 0)
        if any(clause[0] <= m.span.start < clause[1] for m in s_places):
            return None
        for m in s_actors:
            if m.entity.id in ids:
                for word in re.findall(r"[A-Z][a-z]+", m.span.text):
                    if word in by_name and word != m.entity.name:
                        return by_name[word]
        return None

    state_places = (gaz.get("state_places") or {}) if isinstance(gaz, dict) else {}

    def host_place(actors: list[Actor]) -> Location | None:
        """The country of a host state ("Turkey received a delegation": in Turkey), as a
        place the article names or, else, as the gazetteer's country for that state."""
        for a in actors:
            if a.kind == "state":
                place = by_name.get(a.name) or state_places.get(a.id)
                if place is not None:
                    return place
        return None
    # Events of one article share their dates and evidence spans: build each once.
    dates_made: dict[tuple, EventDate] = {}
    spans_made: dict[tuple[int, int], Span] = {}

    def span_of(start: int, end: int) -> Span:
        got = spans_made.get((start, end))
        if got is None:
            got = spans_made[start, end] = doc.span(start, end)
        return got

    def event_date(first: dt.date, last: dt.date, precision: str, start: int | None, end: int | None) -> EventDate:
        key = (first, last, precision, start, end)
        got = dates_made.get(key)
        if got is None:
            got = dates_made[key] = EventDate(first, last, precision, None if start is None else span_of(start, end))
        return got

    paras = _paragraph_ids(text, doc.sentences)
    published = doc.published
    events: list[Event] = []
    prev: _Sentence | None = None
    last_date: DateExpr | None = None
    last_para = -1
    regex_rules = ruleset.has_regex
    for span, para in zip(doc.sentences, paras):
        if para != last_para:
            last_date = None
            last_para = para
        lo_t = bisect_left(all_starts, span.start)
        hi_t = bisect_left(all_starts, span.end)
        trig_hits = trig_all[bisect_left(trig_all, lo_t) : bisect_left(trig_all, hi_t)]
        if trig_hits and lo_t:
            trig_hits = [k - lo_t for k in trig_hits]
        date_hits = date_all[bisect_left(date_all, lo_t) : bisect_left(date_all, hi_t)]
        count_hits = count_all[bisect_left(count_all, lo_t) : bisect_left(count_all, hi_t)]
        a_lo = bisect_left(actor_starts, span.start)
        a_hi = bisect_left(actor_starts, span.end)
        s_actors = [m for m in actor_m[a_lo:a_hi] if m.span.end <= span.end]
        s_groups = []
        if groups:
            g_lo = bisect_left(group_starts, span.start)
            g_hi = bisect_left(group_starts, span.end)
            s_groups = [m for m in groups[g_lo:g_hi] if m.span.end <= span.end]
        date_windows = _starts(all_starts, flags, _DATE_FIRST, date_hits, lo_t, hi_t, 6, 0) if date_hits else []
        if not trig_hits and not regex_rules:
            # No word here can start a trigger: keep only what later sentences read.
            sent = _Sentence(span, [], para)
            if date_windows:
                sent.dates = find_dates(norm, span.start, span.end, published, starts=date_windows)
                if sent.dates:
                    last_date = sent.dates[-1]
            lead = _lead_actor(norm, s_actors)
            if lead is not None:
                sent.sources = (lead,)
            elif prev is not None and prev.paragraph == para:
                sent.sources = prev.sources
            prev = sent
            continue
        sent = _Sentence(span, list(map(_new_tuple, repeat(Token), zip(all_lows[lo_t:hi_t], all_starts[lo_t:hi_t], all_ends[lo_t:hi_t]))), para)
        sent.ends = all_ends[lo_t:hi_t]
        sent.claim_word = "laim" in span.text
        sent.date_windows = date_windows
        sent.dates = find_dates(norm, span.start, span.end, published, starts=date_windows) if date_windows else []
        matches = _select(ruleset.match_at(sent.toks, trig_hits, norm, span.start, span.end), sent.toks, norm)
        p_lo = bisect_left(place_starts, span.start)
        p_hi = bisect_left(place_starts, span.end)
        s_places = [m for m in place_m[p_lo:p_hi] if m.span.end <= span.end]
        # Spans of the named actors of the sentence: a trigger inside one is
        # part of a name.
        s_names = [(m.span.start, m.span.end) for m in s_actors if m.span.end - m.span.start > 3] if matches else []
        if matches and _QUESTION.search(span.text):
            matches = []  # "Who is fighting whom?": a question reports no event
        if matches:
            sent.counts = find_counts(
                norm, span.start, span.end, _starts(all_starts, flags, _COUNT_FIRST, count_hits, lo_t, hi_t, 5, 0)
            ) if count_hits else []
        # Triggers read as past-tense verbs ("intercepted"), by their last token.
        verbs = tuple(
            m.last_token for m in matches
            if sent.toks[m.first_token].low.endswith("ed")
            and (m.first_token == 0 or (sent.toks[m.first_token - 1].low not in _NP_FILL and sent.toks[m.first_token - 1].low not in _BE))
        ) if len(matches) > 1 else ()
        sent_events: list[Event] = []
        for match in matches:
            if s_names and any(a <= match.start and match.end <= b for a, b in s_names):
                continue  # "the Political Dialogue Forum", "the Joint Operations Room": a name, not an event
            if _in_name(norm, sent.toks, match, span.text):
                continue  # "Finance Minister X said": a name the gazetteer does not know
            if match.rule.statement and sent.toks[match.first_token].low.endswith("ing") and any(
                o.rule.type == "PROTEST" and o.last_token < match.first_token for o in matches
            ):
                continue  # "protesters gathered ..., demanding X": what the protest demands
            if _predicate_restatement(sent.toks, match):
                continue  # "This is the first such operation since 2019": said of an event told already
            if _since_anchor(sent.toks, match):
                continue  # "since the signing of the ceasefire": a time anchor, not news
            result_of = _result_of(sent.toks, match, matches)
            if result_of is not None and result_of.rule.type == match.rule.type:
                continue  # "drones struck the convoy, killing 8": the strike, its toll (counts are the sentence's)
            if _reduced_relative(norm, sent.toks, match):
                continue  # "two men accused of trafficking": a description, not an accusation
            if match.rule.needs_actor and not any(
                match.end <= m.span.start and sent.tok_index(m.span.start) - match.last_token <= 3
                for m in (s_actors + s_groups if match.rule.needs_actor == "any" else s_actors)
            ):
                continue  # "received reports": no one was received
            args = _Args(sent, match, s_actors, norm, verbs)
            if args.relative() and any(o.rule.type == match.rule.type and o.last_token < args.lo for o in matches):
                continue  # "the drone strike on X, which killed two": the strike, told again
            # Contexts first: an event that is not emitted needs no arguments.
            ctx = _contexts(sent, match, args.lo, norm, s_actors, matches)
            if match.rule.type == "REJECT" or match.rule.statement:
                ctx = _context(False, ctx.future, ctx.hypothetical, ctx.claimed_by)
            if ctx.negated and not settings.emit_negated:
                continue
            if ctx.hypothetical and not ctx.future and not settings.emit_hypothetical:
                continue
            if ctx.future and not settings.emit_future:
                continue
            sources, targets, passive = args.roles()
            if result_of is not None and sent_events:
                # "X seized Y, killing 8": the participle's subject is the main clause's
                # (the first event's first source: a clash lists both sides)
                sources = list(sent_events[0].source[:1])
                targets = [t for t in targets if t.id not in {a.id for a in sources}]
            if s_groups and (not sources or not targets) and any(
                sent.toks[args.lo].start <= m.span.start < sent.toks[args.hi - 1].end for m in s_groups
            ):
                sources, targets = _with_groups(sent, match, s_actors, s_groups, norm, sources, targets, verbs)
            actor_word = next((m for m in s_groups if m.span.start <= match.start < m.span.end), None)
            if actor_word is not None:
                # "after protesters shut down the pipeline": the trigger names who acts.
                sources = [actor_word.entity]
                targets = [t for t in targets if t.id != actor_word.entity.id]
            if not sources and settings.carry_subject and prev is not None and not passive and not _opens_clause(
                norm, sent.toks, match, args.lo
            ):
                left_actors = [m for m in s_actors if m.span.end <= match.start]
                if not left_actors and prev.sources:
                    sources = list(prev.sources)
                    targets = [t for t in targets if t.id not in {s.id for s in sources}]
            location = None
            if match.rule.type == "CONSULT" and match.rule.subject == "target" and host_place(sources + targets):
                location = host_place(targets if match.rule.subject == "target" else sources)
            if location is None and match.rule.type == "CONSULT":
                location = seat_place(s_actors, targets, args)
            places_here = [m for m in s_places if not args.aside(m)] or s_places
            location = location or _location(sent, match, places_here, norm, args.lo, args.hi, focus)
            if location is None:
                inner = [m for m in inner_m if span.start <= m.span.start and m.span.end <= span.end]
                location = _location(sent, match, inner, norm, args.lo, args.hi) or dateline
            date, _ = _event_date(sent, match, ctx.future, published, norm, event_date, last_date, settings)
            fatalities = injured = None
            counts: list[Count] = []
            if match.rule.type in ("ASSAULT", "COERCE", "PROTEST", "RETREAT"):
                for c in sent.counts:
                    counts.append(Count(c.kind, c.value, doc.span(c.start, c.end)))
                if match.rule.type == "ASSAULT":
                    fatalities = next((c.value for c in sent.counts if c.kind == "fatalities"), None)
                    injured = next((c.value for c in sent.counts if c.kind == "injured"), None)
                    if fatalities is None and not ctx.future and _one_killed(sent.toks, match, targets):
                        fatalities = 1
            confidence = match.rule.confidence * (1.0 if sources else 0.85) * (0.8 if ctx.future else 1.0)
            split = settings.clause_evidence and any(
                o is not match and o.rule.type == match.rule.type and not (args.lo <= o.first_token < args.hi)
                for o in matches
            )
            evidence = _evidence(doc, sent, match, args.lo, args.hi, split)
            events.append(
                Event(
                    id=event_id(doc.article.id, match.rule.type, [evidence]),
                    type=match.rule.type,
                    mode=match.rule.mode,
                    evidence=(evidence,),
                    source=tuple(sources),
                    target=tuple(t for t in targets if t.id not in {s.id for s in sources} or match.rule.mode == "clash"),
                    location=location,
                    date=date,
                    fatalities=fatalities,
                    injured=injured,
                    counts=tuple(counts),
                    contexts=ctx,
                    confidence=round(min(1.0, confidence), 3),
                    extractor=NAME,
                    trigger=doc.span(match.start, match.end),
                )
            )
            sent_events.append(events[-1])
            if sources and not sent.sources:
                sent.sources = tuple(sources)
        if not sent.sources:
            # The first actor before the first trigger (after it, it is an object).
            lead = _lead_actor(norm, [m for m in s_actors if not matches or m.span.end <= matches[0].start])
            if lead is not None:
                sent.sources = (lead,)
            elif prev is not None and prev.paragraph == para:
                sent.sources = prev.sources
        if sent.dates:
            last_date = sent.dates[-1]
        prev = sent
    return events
