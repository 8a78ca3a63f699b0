"""The matcher: every name of the gazetteer found in one pass, then context rules.

Steps, per article:

1. **Exact pass.** One Aho-Corasick automaton (pyahocorasick) holds every alias,
   lower-cased. One scan of the lower-cased text yields every hit; a hit counts when it
   is word-bounded and passes the case rule of its alias (multi-word: any case, but
   with a capital if the alias has one; single word: its capitals kept, so the agency
   "Nova" is not the word "nova"; all-caps acronyms: exactly). Hits are then chosen
   longest first, without overlap, so a name inside a longer name does not count.
2. **Context rules** on the chosen hits: a demonym names its state only before a
   government noun ("the Italian coast guard"); a place qualifying "government" names
   the government seated there on the publication date (``metonyms.tsv``); a capital
   that says or denies something names its state; a country after "in/to/from" is a
   place, elsewhere both a state and a place; "Khaled Khalifa Haftar" is Khaled, not
   Khalifa; a place name with a homonym abroad is dropped when the text says so.
3. **Fuzzy pass** over capitalised word sequences the exact pass left alone: rapidfuzz
   ``fuzz.ratio`` on folded names, against aliases of the same first and last initial,
   with a length-aware threshold and token checks ("Khalifa Haphtar", "von Der Laen").
4. **Surnames**: a bare surname is the person named in full nearest before it in the
   article (after it, for a headline); failing that, the best-known person of that
   surname on the publication date.

.. versionadded:: 0.1
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import ahocorasick
from rapidfuzz import fuzz, process

from libyaevents import Document, Mention, Span

from ._data import ActorEntry, GazetteerData, PlaceEntry
from ._text import PARTICLES, fold, lower_keep_offsets, surname_forms

__all__ = ["Gazetteer", "Hit"]

# Alias classes
ACRONYM, SINGLE, MULTI = 0, 1, 2

#: How a mention was found (Mention.how), with the score each gets.
SCORES = {"exact": 1.0, "demonym": 0.9, "metonym": 0.85, "patronymic": 0.95, "surname": 0.9, "fuzzy": 0.0}

_GOV_NOUNS = (
    r"governments?|authorities|administration|forces|army|military|navy|coast\s*guards?|coastguards?"
    r"|ministers?|ministry|officials?|delegations?|embassy|embassies|ambassadors?|envoys?|president|premier"
    r"|diplomats?|troops|soldiers|warships?|air\s+force|consulate|counterparts?|parliament|cabinet|police"
    r"|intelligence|leadership|presidency|chancellor|king|emir|spokes(?:man|woman|person)|mission|side"
)
_GOV_MODS = (
    r"foreign|interior|defen[cs]e|prime|deputy|vice|justice|economy|energy|oil|naval|military|security"
    r"|border|intelligence|armed|special|top|senior|federal|acting|former|then|new|caretaker|transitional"
)
# After a demonym: optional coordination ("Turkish and Italian governments"), up to two
# modifiers, a government noun.
_DEMONYM_CTX = re.compile(
    rf"(?P<coord>(?:\s*,\s*[A-Z][\w-]+|\s+and\s+[A-Z][\w-]+){{0,3}})\s+(?:(?:{_GOV_MODS})\s+){{0,2}}"
    rf"(?:{_GOV_NOUNS})\b",
    re.IGNORECASE,
)
_SPEECH_VERB = re.compile(
    r"\s*(?:,\s*)?(?:(?:has|have|had|also|later|quickly|swiftly|officially|publicly|strongly|firmly|again|"
    r"immediately|on\s+\w+day)\s+){0,2}(?:said|says|announced|announces|denied|denies|accused|accuses|"
    r"rejected|rejects|welcomed|welcomes|condemned|condemns|warned|warns|urged|urges|called\s+(?:on|for)|"
    r"calls\s+(?:on|for)|stated|states|insisted|insists|claimed|claims|responded|confirmed|confirms|"
    r"criticized|criticised|criticizes|criticises|demanded|demands|blamed|blames|dismissed|dismisses|"
    r"protested|summoned|recalled|expressed|voiced|declared|declares|threatened|threatens|agreed|signed|"
    r"hailed|hails|denounced|denounces|refused|refuses|objected)\b"
)
_PREPS = frozenset(
    "in to from across into inside near within throughout via toward towards at of outside around "
    "through over reached reach entered enter off visit visited visiting between among for".split()
)
_SUBJECT_BLOCKERS = _PREPS | frozenset("and or the a an".split())
_NAME_STOP = frozenset(
    """the a an in on at for but and or if as by from to with this that these those it its he she they we
    his her their our after before during while when where according mr mrs ms dr sir president prime
    minister general gen field marshal lieutenant lt colonel col commander chief head foreign interior
    defence defense ministry major maj brigadier brig admiral adm sheikh king prince emir chairman deputy
    spokesman spokeswoman secretary ambassador envoy special representative monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september october november
    december however meanwhile also last next more most some many several both each all other another
    there here what which who whom whose why how not no yes one two three first second new old said
    says libyan libya north south east west eastern western southern northern central""".split()
)
_CAPS_WORDS = frozenset("is us it in on at as or an am be we he no so to do go me my of up if by".split())

# Capitalised word runs for the fuzzy and surname passes: tokens with a capital first
# letter (after an optional al-/el- prefix), joined by spaces and lowercase particles.
_CAP = r"(?:(?:al|el|ad|an|ar|as|ash|at|az|ad-d|ath)-)?[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]*"
_PART = r"(?:von|van|der|den|de|di|du|da|del|della|la|le|bin|ben|ibn|bint|abu|al|el|ul|ould)"
_RUN = re.compile(rf"(?<![\w-])(?:{_PART}\s+){{0,2}}{_CAP}(?:[ ](?:{_PART}[ ]){{0,2}}{_CAP})*")
_TOKEN = re.compile(r"\S+")


class Hit:
    """A stretch of text and what it names, before it becomes a :class:`~libyaevents.Mention`.

    Attributes:
        start: Offset of the first character.
        end: Offset one past the last character.
        actors: Actor rows the words may name.
        places: Place rows the words may name.
        how: Why it matched.
        score: How sure.
    """

    __slots__ = ("start", "end", "actors", "places", "how", "score", "demonym")

    def __init__(self, start: int, end: int, actors: list, places: list, how: str = "exact",
                 score: float = 1.0, demonym: bool = False) -> None:
        self.start, self.end, self.actors, self.places = start, end, actors, places
        self.how, self.score, self.demonym = how, score, demonym

    def __repr__(self) -> str:
        return f"Hit({self.start}, {self.end}, {self.actors!r}, {self.places!r}, {self.how!r})"


def _alias_class(alias: str) -> int:
    if " " in alias:
        return MULTI
    letters = [c for c in alias if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return ACRONYM
    return SINGLE


def _case_ok(alias: str, cls: int, surface: str) -> bool:
    """Whether ``surface`` (the text) honours the capitals of ``alias``."""
    if cls == ACRONYM:
        return surface == alias
    if cls == MULTI:
        return surface[0].isupper() or not any(c.isupper() for c in alias) or any(c.isupper() for c in surface)
    first = alias[0]
    if (first.isupper() or not first.isalpha()) and surface[0].isalpha() and not surface[0].isupper():
        return False
    for ca, cs in zip(alias, surface):
        if ca.isupper() and not cs.isupper():
            return False
    return True


class Gazetteer:
    """The compiled gazetteer: automaton, fuzzy index, surname tables and rules.

    Build it with :meth:`from_data`; :meth:`find` turns a document into mentions.

    Args:
        data: The tables read by :func:`libyaevents_gazetteer.load`.
        fuzzy: Run the fuzzy pass.
    """

    def __init__(self, data: GazetteerData, *, fuzzy: bool = True) -> None:
        self.data = data
        self.fuzzy = fuzzy
        self.automaton = ahocorasick.Automaton()
        self._keys: dict[str, list[tuple[str, int, Any, bool]]] = defaultdict(list)
        self.states_by_country: dict[str, ActorEntry] = {}
        self.countries_by_code: dict[str, PlaceEntry] = {}
        self.persons: list[ActorEntry] = []
        for entry in data.actors.values():
            if entry.kind == "state" and entry.country and entry.country not in self.states_by_country:
                self.states_by_country[entry.country] = entry
            if entry.kind == "person":
                self.persons.append(entry)
            for alias in (entry.name, *entry.aliases):
                self._add_key(alias, entry, False)
            for alias in entry.demonyms:
                self._add_key(alias, entry, True)
        for place in data.places.values():
            if place.is_country and place.country and place.country not in self.countries_by_code:
                self.countries_by_code[place.country] = place
            for alias in (place.name, *place.aliases):
                self._add_key(alias, place, False)
        for key, cands in self._keys.items():
            self.automaton.add_word(key, (len(key), tuple(cands)))
        if self._keys:
            self.automaton.make_automaton()
        self._build_names()
        self._build_metonyms()
        self._build_fuzzy()
        self._build_homonyms()

    @classmethod
    def from_data(cls, data: GazetteerData, **kwargs: Any) -> Gazetteer:
        """Compile ``data``."""
        return cls(data, **kwargs)

    # -- building ------------------------------------------------------------

    def _add_key(self, alias: str, entry: Any, demonym: bool) -> None:
        alias = " ".join(alias.split())
        if len(alias) < 2:
            return
        key = lower_keep_offsets(alias)
        cands = self._keys[key]
        if not any(c[2] is entry and c[3] == demonym and c[0] == alias for c in cands):
            cands.append((alias, _alias_class(alias), entry, demonym))

    def _build_names(self) -> None:
        # (first token, surname form) -> person, for "Khaled Khalifa Haftar" and middle names.
        self.first_last: dict[tuple[str, str], ActorEntry | None] = {}
        # surname form -> persons, for a bare surname with no full mention in the article
        self.surnames: dict[str, list[ActorEntry]] = defaultdict(list)
        first_names: set[str] = set()
        for person in self.persons:
            seen: set[str] = set()
            for name in (person.name, *person.aliases):
                toks = fold(name).split()
                if len(toks) < 2:
                    continue
                first_names.add(toks[0])
                for form in surname_forms(name):
                    key = (toks[0], form)
                    if key in self.first_last and self.first_last[key] is not person:
                        self.first_last[key] = None  # ambiguous: two people
                    else:
                        self.first_last[key] = person
                    if form not in seen:
                        seen.add(form)
                        self.surnames[form].append(person)
        self.first_names = frozenset(first_names)

    def _build_metonyms(self) -> None:
        self.metonyms: dict[str, list] = defaultdict(list)
        for rule in self.data.metonyms:
            self.metonyms[rule.key].append(rule)
        keys = sorted(self.metonyms, key=len, reverse=True)
        gov = r"(?:government|authorities|administration|cabinet|executive)\b"
        if keys:
            alt = "|".join(
                re.escape(k) if k[:1].isupper() else "(?i:" + re.escape(k) + ")" for k in keys
            )
            self._metonym_re: re.Pattern[str] | None = re.compile(
                rf"\b(?P<k1>{alt})(?:[- ](?i:based))?\s+(?i:{gov})"
                rf"|\b(?i:government)\s+(?i:(?:based\s+)?in)\s+(?P<k2>{alt})\b"
            )
        else:
            self._metonym_re = None
        # metonym keys that are place names, folded for lookup from a place hit
        self._metonym_places = {fold(k): k for k in self.metonyms if k[:1].isupper()}

    def _build_fuzzy(self) -> None:
        # (initial of first token, initial of last token) -> (folded aliases, entries)
        buckets: dict[tuple[str, str], tuple[list[str], list[Any]]] = {}
        for entry in (*self.data.actors.values(), *self.data.places.values()):
            if isinstance(entry, ActorEntry) and entry.kind == "state":
                continue  # state names are short and common: exact matching covers them
            names = [entry.name, *entry.aliases]
            if isinstance(entry, ActorEntry) and entry.kind == "person":
                names += [f for f in surname_forms(entry.name) if " " in f]
            for alias in names:
                toks = fold(alias).split()
                if len(toks) < 2 or len(toks) > 5:
                    continue
                folded = " ".join(toks)
                if len(folded.replace(" ", "")) < 8:
                    continue
                key = (toks[0][0], toks[-1][0])
                strings, entries = buckets.setdefault(key, ([], []))
                strings.append(folded)
                entries.append(entry)
        self._fuzzy = buckets

    def _build_homonyms(self) -> None:
        # Country names and demonyms (lower-cased) -> country code, to read "Tripoli, Lebanon".
        self._country_words: dict[str, str] = {}
        for code, state in self.states_by_country.items():
            for alias in (state.name, *state.aliases, *state.demonyms):
                if " " not in alias:
                    self._country_words.setdefault(alias.lower(), code)
        for code, place in self.countries_by_code.items():
            self._country_words.setdefault(place.name.lower(), code)
        # Place names (folded) that also name a place abroad, with those countries.
        homonyms: dict[str, set[str]] = defaultdict(set)
        for name, code in self.data.homonyms:
            homonyms[fold(name)].add(code)
        self.homonyms = {k: frozenset(v) for k, v in homonyms.items()}

    # -- the pass over one document -------------------------------------------

    def find(self, doc: Document, *, extractor: str = "gazetteer") -> list[Mention]:
        """Every actor and place mention in ``doc``, in text order, furniture excluded."""
        text = doc.text
        if not text:
            return []
        low = lower_keep_offsets(text)
        day = doc.published
        hits = self._exact(text, low)
        hits.extend(self._metonym_hits(text, day))
        chosen = _choose(hits, len(text))
        furniture = sorted((s.start, s.end) for s in doc.furniture)
        covered = bytearray(len(text) + 1)
        out: list[Hit] = []
        for hit in chosen:
            if hit.demonym and not hit.actors:
                continue
            for i in range(hit.start, hit.end):
                covered[i] = 1
            out.extend(self._contextualise(hit, text, day))
        if self.fuzzy or self.surnames:
            out.extend(self._name_pass(text, covered, furniture, out, day))
        out.sort(key=lambda h: (h.start, h.end))
        self._resolve_surnames(text, out, day)
        return self._mentions(text, out, furniture, extractor)

    def _exact(self, text: str, low: str) -> list[Hit]:
        hits: list[Hit] = []
        n = len(text)
        for last, (klen, cands) in self.automaton.iter(low):
            start = last - klen + 1
            end = last + 1
            if (start > 0 and low[start - 1].isalnum()) or (end < n and low[end].isalnum()):
                continue
            surface = text[start:end]
            actors: list = []
            places: list = []
            demonyms: list = []
            for alias, cls, entry, demonym in cands:
                if not _case_ok(alias, cls, surface):
                    continue
                if cls == ACRONYM and len(alias) <= 3 and _caps_line(text, start, end) and \
                        alias.lower() in _CAPS_WORDS:
                    continue
                if demonym:
                    demonyms.append(entry)
                elif isinstance(entry, ActorEntry):
                    actors.append(entry)
                else:
                    places.append(entry)
            if actors or places:
                hits.append(Hit(start, end, actors, places))
            elif demonyms:
                m = _DEMONYM_CTX.match(text, end)
                if m is not None:
                    stop = end if m["coord"] else m.end()
                    hits.append(Hit(start, stop, demonyms, [], how="demonym", score=SCORES["demonym"],
                                    demonym=True))
        return hits

    def _metonym_hits(self, text: str, day: dt.date | None) -> list[Hit]:
        if self._metonym_re is None:
            return []
        hits = []
        for m in self._metonym_re.finditer(text):
            key = m["k1"] or m["k2"]
            actor = self._metonym_actor(key, day)
            if actor is None:
                continue
            hits.append(Hit(m.start(), m.end(), [actor], [], how="metonym", score=SCORES["metonym"]))
        return hits

    def _metonym_actor(self, key: str, day: dt.date | None) -> ActorEntry | None:
        rules = self.metonyms.get(key) or self.metonyms.get(key.lower()) or ()
        for rule in rules:
            if rule.holds_on(day):
                return self.data.actor(rule.actor)
        return None

    # -- context rules on one chosen hit -------------------------------------

    def _contextualise(self, hit: Hit, text: str, day: dt.date | None) -> list[Hit]:
        if hit.how != "exact":
            return [hit]
        places = hit.places
        if places:
            places = self._pick_places(places, text, hit)
        actors = _pick_actors(hit.actors, day) if hit.actors else []
        states = [a for a in actors if a.kind == "state"]
        place = places[0] if places else None
        # A capital (or a seat of government) that speaks is its government.
        if place is not None and not actors and (place.is_capital or fold(place.name) in self._metonym_places):
            if _SPEECH_VERB.match(text, hit.end) and not _prev_is_prep(text, hit.start, _SUBJECT_BLOCKERS - {"and", "or"}):
                actor = None
                key = self._metonym_places.get(fold(place.name))
                if key is not None:
                    actor = self._metonym_actor(key, day)
                if actor is None and place.country:
                    actor = self.states_by_country.get(place.country)
                if actor is not None:
                    return [Hit(hit.start, hit.end, [actor], [], how="metonym", score=SCORES["metonym"])]
        # A country: after in/to/from it is a place; elsewhere both the state and the place.
        if states and place is not None and place.is_country:
            if _prev_is_prep(text, hit.start, _PREPS, walk=True):
                return [Hit(hit.start, hit.end, [], [place])]
            return [Hit(hit.start, hit.end, [states[0]], []), Hit(hit.start, hit.end, [], [place])]
        if actors and place is not None:
            # Same words for an actor and a place: the actor when it is an acronym or a
            # multi-word name, else the place.
            surface = text[hit.start:hit.end]
            if " " in surface or surface.isupper():
                return [Hit(hit.start, hit.end, actors[:1], [])]
            return [Hit(hit.start, hit.end, [], [place])]
        if actors:
            person = actors[0]
            if person.kind == "person":
                better = self._patronymic(text, hit, person)
                if better is not None:
                    return [better]
            return [Hit(hit.start, hit.end, actors[:1], [], how=hit.how, score=hit.score)]
        if place is not None:
            return [Hit(hit.start, hit.end, [], [place])]
        return []

    def _pick_places(self, places: list[PlaceEntry], text: str, hit: Hit) -> list[PlaceEntry]:
        """Order the places a name may mean: the country the text points at, Libya, the larger."""
        ranked = sorted(places, key=lambda p: (p.country != "LBY", not p.is_country, -p.population, p.order))
        said = self._country_said(text, hit)
        if said is not None:
            there = [p for p in ranked if p.country == said]
            if there:
                return there
            if ranked[0].country != said and self._homonym_abroad(ranked[0], said):
                return []
        return ranked

    def _country_said(self, text: str, hit: Hit) -> str | None:
        """The country named right after or before a place: "Tripoli, Lebanon", "Lebanon's Tripoli"."""
        m = re.match(r",?\s+(?:in\s+)?(?:(?:northern|southern|eastern|western|north|south|east|west)\s+)?"
                     r"([A-Z][\w-]+)", text[hit.end:hit.end + 40])
        if m and m[1].lower() in self._country_words:
            return self._country_words[m[1].lower()]
        before = text[max(0, hit.start - 40):hit.start]
        m = re.search(r"([A-Z][\w-]+)(?:'s|’s)\s+(?:\w+\s+)?$|([A-Z][\w-]+)\s+(?:city|port|town)\s+of\s+$", before)
        if m:
            word = (m[1] or m[2]).lower()
            return self._country_words.get(word)
        return None

    def _homonym_abroad(self, place: PlaceEntry, country: str) -> bool:
        return country in self.homonyms.get(fold(place.name), ())

    def _patronymic(self, text: str, hit: Hit, person: ActorEntry) -> Hit | None:
        """"Khaled Khalifa Haftar": First + Middle + Surname where First + Surname is known."""
        surface = text[hit.start:hit.end]
        toks = fold(surface).split()
        if not toks:
            return None
        surnames = surname_forms(surface) if len(toks) >= 2 else [" ".join(toks)]
        before = text[max(0, hit.start - 60):hit.start]
        m = re.search(r"([A-Z][\w'-]+)\s+(?:([A-Z][\w'-]+)\s+)?$", before)
        if not m:
            return None
        candidates = []
        if len(toks) >= 2:
            candidates.append((m[2] or m[1], m.start(2) if m[2] else m.start(1)))
        else:
            if m[2]:
                candidates.append((m[1], m.start(1)))
            candidates.append((m[2] or m[1], m.start(2) if m[2] else m.start(1)))
        offset = hit.start - len(before)
        for word, pos in candidates:
            first = fold(word)
            for form in surnames:
                other = self.first_last.get((first, form))
                if other is not None and (other is not person or len(toks) == 1):
                    return Hit(offset + pos, hit.end, [other], [], how="patronymic", score=SCORES["patronymic"])
        return None

    # -- fuzzy and surname pass -----------------------------------------------

    def _name_pass(self, text: str, covered: bytearray, furniture: list[tuple[int, int]],
                   found: list[Hit], day: dt.date | None) -> list[Hit]:
        table = self._article_surnames(text, found)
        out: list[Hit] = []
        for run in _RUN.finditer(text):
            if covered[run.start()] and covered[run.end() - 1]:
                continue
            if _in_spans(run.start(), run.end(), furniture):
                continue
            tokens = [(t.start() + run.start(), t.end() + run.start())
                      for t in _TOKEN.finditer(run.group())]
            for seg in _segments(text, tokens, covered):
                out.extend(self._match_segment(text, seg, covered, table, day))
        return out

    def _article_surnames(self, text: str, found: list[Hit]) -> dict[str, list[tuple[int, ActorEntry]]]:
        """Surname forms of the people named in full so far -> (offset, person), in text order."""
        table: dict[str, list[tuple[int, ActorEntry]]] = defaultdict(list)
        for hit in found:
            if not hit.actors or hit.actors[0].kind != "person":
                continue
            person = hit.actors[0]
            surface = text[hit.start:hit.end]
            if len(fold(surface).split()) < 2:
                continue
            for form in {*surname_forms(surface), *surname_forms(person.name)}:
                table[form].append((hit.start, person))
        for entries in table.values():
            entries.sort(key=lambda e: e[0])
        return table

    def _match_segment(self, text: str, seg: list[tuple[int, int]], covered: bytearray,
                       table: dict, day: dt.date | None) -> list[Hit]:
        out: list[Hit] = []
        n = len(seg)
        used = [False] * n
        for size in range(min(n, 5), 0, -1):
            for i in range(0, n - size + 1):
                if any(used[i:i + size]):
                    continue
                start, end = seg[i][0], seg[i + size - 1][1]
                first_word = text[seg[i][0]:seg[i][1]]
                last_word = text[seg[i + size - 1][0]:seg[i + size - 1][1]]
                if last_word in PARTICLES or (first_word in PARTICLES and size < 2):
                    continue
                hit = self._lookup(text, start, end, size, table, day)
                if hit is not None:
                    out.append(hit)
                    for j in range(i, i + size):
                        used[j] = True
                    for k in range(start, end):
                        covered[k] = 1
        return out

    def _lookup(self, text: str, start: int, end: int, size: int, table: dict,
                day: dt.date | None) -> Hit | None:
        surface = text[start:end]
        folded = fold(surface)
        if not folded:
            return None
        # A surname standing alone.
        if size <= 3 and folded in table or (size <= 3 and folded in self.surnames):
            person = _nearest(table.get(folded, ()), start)
            if person is None and size == 1 and len(folded) >= 5 and folded not in self.first_names:
                person = _prominent(self.surnames.get(folded, ()), day)
            if person is not None:
                return Hit(start, end, [person], [], how="surname", score=SCORES["surname"])
        if not self.fuzzy or size < 2:
            return None
        toks = folded.split()
        if len(toks) < 2:
            return None
        bucket = self._fuzzy.get((toks[0][0], toks[-1][0]))
        if not bucket:
            return None
        strings, entries = bucket
        cutoff = 88.0 if len(folded) < 12 else 85.0 if len(folded) < 17 else 83.0
        best = process.extractOne(folded, strings, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff)
        if best is None:
            return None
        alias, score, index = best
        if not _tokens_agree(toks, alias.split()):
            return None
        entry = entries[index]
        hit = Hit(start, end, [entry], [], how="fuzzy", score=score / 100.0) if isinstance(entry, ActorEntry) \
            else Hit(start, end, [], [entry], how="fuzzy", score=score / 100.0)
        return hit

    # -- surnames --------------------------------------------------------------

    def _resolve_surnames(self, text: str, hits: list[Hit], day: dt.date | None) -> None:
        """A bare surname is the person named in full nearest before it."""
        table = self._article_surnames(text, hits)
        for hit in hits:
            if not hit.actors or hit.actors[0].kind != "person" or hit.how not in ("exact", "surname"):
                continue
            folded = fold(text[hit.start:hit.end])
            if len(folded.split()) >= 2 and not any(folded == f for f in table if " " in f):
                continue
            entries = table.get(folded)
            if not entries:
                continue
            person = _nearest(entries, hit.start)
            if person is not None and person is not hit.actors[0]:
                hit.actors = [person]
                hit.how = "surname"
                hit.score = SCORES["surname"]

    # -- output ----------------------------------------------------------------

    def _mentions(self, text: str, hits: list[Hit], furniture: list[tuple[int, int]],
                  extractor: str) -> list[Mention]:
        out: list[Mention] = []
        seen: set[tuple[int, int, str]] = set()
        for hit in hits:
            if _in_spans(hit.start, hit.end, furniture):
                continue
            entry = hit.actors[0] if hit.actors else hit.places[0] if hit.places else None
            if entry is None:
                continue
            key = (hit.start, hit.end, entry.id)
            if key in seen:
                continue
            seen.add(key)
            out.append(Mention(span=Span(hit.start, hit.end, text[hit.start:hit.end]), entity=entry.entity,
                               score=hit.score, how=hit.how, extractor=extractor))
        return out


# -- helpers -------------------------------------------------------------------


def _choose(hits: list[Hit], n: int) -> list[Hit]:
    """Longest first, then leftmost; a hit overlapping one already chosen is dropped."""
    taken = bytearray(n + 1)
    chosen: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if 1 in taken[hit.start:hit.end]:
            continue
        taken[hit.start:hit.end] = b"\x01" * (hit.end - hit.start)
        chosen.append(hit)
    chosen.sort(key=lambda h: h.start)
    return chosen


def _pick_actors(actors: list[ActorEntry], day: dt.date | None) -> list[ActorEntry]:
    if len(actors) < 2:
        return actors
    return sorted(actors, key=lambda a: (not (a.roles and a.holds_role_on(day)), a.order))


def _prominent(persons: Iterable[ActorEntry], day: dt.date | None) -> ActorEntry | None:
    persons = list(persons)
    if not persons:
        return None
    active = [p for p in persons if p.roles and p.holds_role_on(day)]
    if len(active) >= 1:
        return min(active, key=lambda p: p.order)
    if len(persons) == 1:
        return persons[0]
    return None


def _nearest(entries: Iterable[tuple[int, ActorEntry]], offset: int) -> ActorEntry | None:
    entries = list(entries)
    if not entries:
        return None
    before = [e for e in entries if e[0] < offset]
    if before:
        return before[-1][1]
    return entries[0][1]


def _tokens_agree(query: list[str], alias: list[str]) -> bool:
    """Token checks behind a fuzzy score: same initials, and no token wholly different."""
    if abs(len(query) - len(alias)) > 1:
        return False
    if query[0][0] != alias[0][0] or query[-1][0] != alias[-1][0]:
        return False
    if len(query) == len(alias):
        return all(q[0] == a[0] and fuzz.ratio(q, a) >= 50 for q, a in zip(query, alias))
    return fuzz.ratio(query[-1], alias[-1]) >= 60


def _segments(text: str, tokens: list[tuple[int, int]], covered: bytearray) -> list[list[tuple[int, int]]]:
    """Split a run of capitalised tokens at covered tokens and at stop words."""
    segs: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    for s, e in tokens:
        word = text[s:e]
        # strip a possessive or trailing punctuation from the token
        while e > s and not text[e - 1].isalnum():
            e -= 1
        if e - 2 > s and text[e - 2:e] in ("'s", "’s"):
            e -= 2
        if e <= s or 1 in covered[s:e] or word.lower().strip(".,;:") in _NAME_STOP:
            if cur:
                segs.append(cur)
                cur = []
            continue
        cur.append((s, e))
        if e < s + len(word):  # punctuation ended the name
            segs.append(cur)
            cur = []
    if cur:
        segs.append(cur)
    return segs


def _in_spans(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    if not spans:
        return False
    i = bisect.bisect_right(spans, (end, end))
    for s, e in spans[max(0, i - 8):i]:
        if s < end and e > start:
            return True
    return False


_PREV_WORD = re.compile(r"([A-Za-z]+)[\s,]*$")


def _prev_is_prep(text: str, start: int, preps: frozenset[str], *, walk: bool = False) -> bool:
    """Whether the word before ``start`` is one of ``preps``; with ``walk``, across
    coordinations ("in Libya and Tunisia", "to Italy, Malta and Greece")."""
    pos = start
    for _ in range(5 if walk else 1):
        m = _PREV_WORD.search(text, max(0, pos - 40), pos)
        if not m:
            return False
        word = m[1].lower()
        if word in preps:
            return True
        if not walk:
            return False
        if word in ("and", "or"):
            m2 = _PREV_WORD.search(text, max(0, m.start(1) - 40), m.start(1))
            if not m2 or not m2[1][:1].isupper():
                return False
            pos = m2.start(1)
            continue
        if m[1][:1].isupper() and "," in text[m.end(1):pos]:
            pos = m.start(1)
            continue
        return False
    return False


def _caps_line(text: str, start: int, end: int) -> bool:
    """Whether the line around ``start:end`` is in capitals (a headline)."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    line = text[ls:le if le >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 12 and not any(c.islower() for c in letters)
