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

Speed (``benchmarks/bench_gazetteer.py --stages`` shows where the time goes): what
depends on a string alone is worked out once and kept across articles (what a key's
surface form names, ``_Key.memo``, and for keys of multi-word aliases the answer itself,
stored in the automaton; the fuzzy answer for a folded name, an LRU of ``FUZZY_CACHE``;
the organisation name inside a capitalised run; a token's shape); hits travel as plain
tuples and lists, and a hit no context rule can change skips the rules; the metonym
pattern runs only around government words, the organisation-name scan only around
organisation nouns and the name pass only around capitalised words that no exact hit
covers and that are no stop words, each found with a pattern the regex engine can skip
through. Each shortcut gives what the plain scan gives (``tests/test_scans.py``).

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate, chain, compress, islice, zip_longest
from operator import itemgetter, lt, sub
from typing import Any

import ahocorasick
from rapidfuzz import fuzz, process

from libyaevents import Document, Mention, Span
from libyaevents.ids import stable_id

from ._data import ActorEntry, GazetteerData, PlaceEntry
from ._text import PARTICLES, fold, latin, lower_keep_offsets, lower_words, surname_forms, words_only

__all__ = ["Gazetteer", "Hit"]

#: The country the news is about. Its bare name is read as a place: the Libyan state has
#: been divided since 2014, and the text names who acts (the GNU, the LNA...).
HOME = "LBY"

# Alias classes
ACRONYM, SINGLE, MULTI = 0, 1, 2

#: Folded names whose fuzzy answer is remembered across articles (an LRU: memory stays flat).
FUZZY_CACHE = 100_000

#: How a mention was found (Mention.how), with the score each gets.
SCORES = {"new": 0.6, "exact": 1.0, "demonym": 0.9, "metonym": 0.85, "patronymic": 0.95, "surname": 0.9, "fuzzy": 0.0}

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
    "in to from across into inside near within throughout via toward towards at outside around on "
    "through over reached reach entered enter off visit visited visiting between among for".split()
)
_SUBJECT_BLOCKERS = _PREPS | frozenset("and or the a an of".split())
_SUBJECT_BLOCKERS_BUT_AND = _SUBJECT_BLOCKERS - {"and", "or"}
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
_CONNECTORS = frozenset({"of", "and", "for", "on", "the"})
_FUNCTION = frozenset(
    """the a an in on at for but and or if as by from to with this that these those it its after before during
    while when where according both all some several many other new""".split()
)
_ARMED_HEADS = frozenset(
    "Brigade Brigades Battalion Battalions Militia Militias Army Forces Corps Division Regiment Front "
    "Apparatus Room Guard Guards Unit Units".split()
)
_ORG_HEADS = _ARMED_HEADS | frozenset(
    "Council Committee Department Authority Movement Party Commission Agency Assembly Congress "
    "Organization Organisation Association Union Federation Foundation Institute".split()
)
# Heads whose names go on with "on X" ("the Committee on Foreign Affairs").
_DELIBERATING = frozenset("Committee Commission Council Conference Forum Assembly".split())
# Capitalised words that end a name: "the Libyan Army on Monday", "Brigade of June 2019".
_CALENDAR = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December".split()
)
_ORG_GENERIC = frozenset(
    """Military Security Armed Special Central National Supreme High General Joint Presidential Revolutionary
    Revolutionaries Popular Local Municipal Interim Transitional Operations Defence Defense Interior Elite Rapid
    Support Border Coast Air Naval Navy Infantry Republican Public Executive Shura Regional State Federal
    Islamic Arab African European International United Libyan Foreign Human Rights Emergency Political
    Electoral Constitutional Drafting Steering Sovereign""".split()
)
_GOV_WORDS = ("government", "authorities", "administration", "cabinet", "executive")


def _find_all(text: str, word: str) -> Iterable[int]:
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)
_HEAD_WORD = re.compile(r"\b(?:" + "|".join(sorted(_ORG_HEADS, key=len, reverse=True)) + r")\b")
_PLACE_HEADS = frozenset(
    """Street Road Square Hospital University Airport Port Field Mountains Mountain Valley Sea Gulf Desert River
    Island Islands Province District Region City Town Village Camp Prison Hotel Mosque Church Stadium Market
    Tower Palace Base Barracks Checkpoint Crossing Oilfield Terminal Refinery Bridge Highway Center Centre
    Company Corporation Bank News Times Post Review Press Radio TV Television Channel Network Agency Day""".split()
)
_PERSON_TITLES = frozenset(
    """spokesman spokeswoman spokesperson commander colonel col general gen brigadier brig major maj captain capt
    lieutenant lt sergeant mr mrs ms dr minister head chief leader director mayor official envoy ambassador
    congressman congresswoman mp lawmaker sheikh imam president deputy chairman chairwoman activist journalist
    resident coordinator member representative prosecutor judge officer commissioner governor premier emir
    king prince militant fighter doctor said told according colleague brother son daughter father wife
    husband cousin""".split()
)
_PERSON_AFTER = re.compile(
    r"(?:,\s+(?:a|an|the|who|whose|head|chief|commander|spokesman|director|deputy|member|leader)\b"
    r"|\s+(?:said|says|told|added|stated|explained|confirmed|noted|stressed|announced|warned|insisted)\b)"
)
_GIVEN_NAMES = frozenset(
    """mohammed mohamed muhammad mohammad mohamad ahmed ahmad ali omar umar othman osman abdul abdel abd abdallah
    abdullah abdulla abdelhamid abdulhamid abdelrahman abdulrahman abdurrahman abdelaziz abdulaziz abdelkader
    abdelbari abdelhadi abdulmenam abdelmenam mustafa mostafa moustafa ibrahim hassan hasan hussein husein
    hussain salem salim saleh salah salaheddin salahaddin khaled khalid khalil khalifa youssef yousef yusuf
    younis yunus faraj nasr fathi ziad milad hamed hamid hamad hammad mahmoud mahmud musa moussa mousa
    ismail ismael idris idriss idrees jamal jamel kamal kamel karim kareem naji nouri nuri fawzi fouad fuad
    fayez faiz tarek tariq taher tahir walid waleed hisham hesham majdi magdi mansour mansur marwan mahdi
    mehdi murad mourad nabil nader nasser nasir rami ramadan ramzi rida reda saad saeed said sami samir
    suleiman sulaiman sultan tawfik tawfiq wael wissam yasser yasin yassin zakaria zakariya abubakr
    abubaker bashir basheer emad imad essam issam fadel fadil ghassan haitham hatem hafez jalal jibril
    jumaa juma khairi lotfi lutfi mabrouk masoud miftah mukhtar muftah najib osama usama qasim qassem ayoub ayyub
    aisha fatima fatma khadija mariam maryam najla salwa zahra hanan hana amal""".split()
)
_OFFICE_WORDS = frozenset(
    """secretary general chief envoy special representative spokesman spokeswoman spokesperson head
    president commander office mission delegation ambassador high commissioner director coordinator
    deputy acting s""".split()
)
_LEADING_NAME = re.compile(r"(?:[A-Z]\.){2,4}|[A-Z]{2,6}\b")
_FORCES_AFTER = re.compile(r"(?:'s|’s)?\s+(?:forces|troops|loyalists|militias?|fighters)\b")
_CAPS_WORDS = frozenset("is us it in on at as or an am be we he no so to do go me my of up if by".split())

# Capitalised word runs for the fuzzy and surname passes: tokens with a capital first
# letter (after an optional al-/el- prefix), joined by spaces and lowercase particles.
_CAPITALS = "A-ZÀ-ÖØ-ÞĀ-ſ"
_CAP = rf"(?:(?:al|el|ad|an|ar|as|ash|at|az|ad-d|ath)-)?[{_CAPITALS}][\w'’-]*"
_PART = r"(?:von|van|der|den|de|di|du|da|del|della|la|le|bin|ben|ibn|bint|abu|al|el|ul|ould)"
_RUN = re.compile(rf"(?<![\w-])(?:{_PART}\s+){{0,2}}{_CAP}(?:[ ](?:{_PART}[ ]){{0,2}}{_CAP})*")
_TOKEN = re.compile(r"\S+")
_ORG_RUN = re.compile(rf"(?<![\w-]){_CAP}(?:[ ](?:(?:of|and|for|on|the)[ ]){{0,2}}{_CAP})*")


def _stop_words_after_initial(words: Iterable[str]) -> str:
    """A pattern, to follow a capital, for the rest of a whole word of ``words`` in title
    case or capitals ("The", "THE"), not after a hyphen or apostrophe (not "al-The")."""
    groups: dict[str, set[str]] = {}
    for word in words:
        groups.setdefault(word[0].upper(), set()).update((word[1:], word[1:].upper()))
    branches = "|".join(
        f"(?<={re.escape(first)})(?:{'|'.join(map(re.escape, sorted(rest, key=len, reverse=True)))})"
        for first, rest in sorted(groups.items())
    )
    return rf"(?<![-'’].)(?:{branches})(?![\w'’-])"


# The capital of a word that may stand in a run (_CAP) and is no stop word, in a text
# where the exact hits are blanked out (_masked): where the name pass looks for names.
_OPEN_WORD = re.compile(rf"[{_CAPITALS}](?<!\w.)(?!{_stop_words_after_initial(_NAME_STOP)})")


def _by_initial(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` grouped by first letter ("B(?:rigade|attalion)|C(?:...)").

    A pattern that opens with a literal letter in every branch lets the regex engine jump
    to the next letter that starts one; a plain ``Brigade|Council|...`` is tried at every
    position of the text, several times slower.
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in groups.items())


# Where an organisation noun may stand: the noun with a capital, not inside a word
# (checked in _org_runs).
_HEAD_SCAN = re.compile(f"(?:{_by_initial(_ORG_HEADS)})\\b")


_NUMBER_AFTER = re.compile(r" \d{1,4}\b")
_POSSESSOR = re.compile(r"['’]s?$")


_FIRST = itemgetter(0)
_SECOND = itemgetter(1)
_SPAN = itemgetter(0, 1)


@lru_cache(maxsize=65536)
def _org_body(run: str) -> tuple[int, int, bool, str] | None:
    """Where an organisation's name stands in a capitalised run (``_ORG_RUN``), if it has one.

    Returns the name's start and end in ``run``, whether a number after it may belong to it
    ("Infantry Brigade 12"; ``"generic"`` when the name is a unit's kind that only its
    number makes a name) and its kind (``armed_group`` or ``organization``). A function of
    the run alone, so it is cached across articles.
    """
    if _HEAD_WORD.search(run) is None:
        return None
    words = []
    pos = 0
    for w in run.split(" "):  # runs hold single spaces only
        words.append((pos, pos + len(w), w))
        pos += len(w) + 1
    heads = [j for j, w in enumerate(words) if w[2].rstrip("’'") in _ORG_HEADS]
    if not heads:
        return None
    i = 0
    while i < heads[0] and (words[i][2].lower() in _FUNCTION or words[i][2] in _CONNECTORS):
        i += 1
    for j in range(i, heads[0]):
        if words[j][2] in _CONNECTORS:
            i = j + 1  # "Ali Ahmed of the Forces of X": the name starts after "of the"
    while i < heads[0] and _POSSESSOR.search(words[i][2]):
        i += 1  # "Fezzan's Supreme Council": the possessor is not in the name
    # the name runs to the last head, or on through "of/for X" after it ("on X" only
    # after a body that deliberates: "Committee on Defence", not "Army on Monday")
    last = heads[-1]
    k = last + 1
    while k + 1 < len(words) and words[k + 1][2][:1].isupper() and words[k + 1][2] not in _CALENDAR and (
        words[k][2] in ("of", "for") or words[k][2] == "on" and words[k - 1][2] in _DELIBERATING
        or words[k][2] == "and" and k > last + 1  # "Council of Tribes and Towns of Fezzan"
    ):
        k += 2
        while k < len(words) and words[k][2][:1].isupper():
            k += 1
    body = words[i:max(k, last + 1)]
    while body and body[-1][2] in _CONNECTORS:
        body.pop()
    names = [w[2].rstrip("’'") for w in body if w[2] not in _CONNECTORS]
    if len(names) < 2:
        return None
    # "Infantry Brigade" alone is a kind of unit; with its number after it, it is one.
    generic = all(w in _ORG_GENERIC or w in _ORG_HEADS for w in names) and len(names) < 3
    if generic and body[-1][2] not in _ARMED_HEADS:
        return None
    kind = "armed_group" if any(w[2] in _ARMED_HEADS for w in body) else "organization"
    return body[0][0], body[-1][1], "generic" if generic else body[-1][2] in _ORG_HEADS, kind


def _org_runs(text: str) -> Iterable[tuple[int, int]]:
    """The spans of ``_ORG_RUN.finditer(text)`` that hold an organisation noun (and a few
    that do not), found from the nouns.

    A run holds only word characters, apostrophes, hyphens and spaces, so a scan that
    starts after a full stop, comma or line break, or where the last scan stopped, finds
    the runs a scan of the whole text finds; each noun's run is the first that ends after it.
    """
    done = 0
    for head in _HEAD_SCAN.finditer(text):
        h = head.start()
        if h < done or (h and (text[h - 1].isalnum() or text[h - 1] == "_")):
            continue
        lo = max(text.rfind(".", done, h), text.rfind(",", done, h), text.rfind("\n", done, h)) + 1
        for run in _ORG_RUN.finditer(text, max(lo, done)):
            done = run.end()
            if done > h:
                yield run.span()
                break
        else:
            return


class Hit:
    """A stretch of text and what it names, before it becomes a :class:`~libyaevents.Mention`.

    Attributes:
        start: Offset of the first character.
        end: Offset one past the last character.
        actors: Actor rows the words may name.
        places: Place rows the words may name.
        how: Why it matched.
        score: How sure.

    ``actors`` and ``places`` may be shared between hits (the exact pass remembers what a
    surface form names): replace them, never change them in place.

    Only the hits the context rules and the name pass work on are made ``Hit`` objects:
    the exact pass yields candidates, and what the article names ends up in records (see
    :meth:`Gazetteer.find`), both plain tuples and lists, cheaper to build by the thousand.
    """

    __slots__ = ("start", "end", "actors", "places", "how", "score")

    def __init__(self, start: int, end: int, actors: list, places: list, how: str = "exact",
                 score: float = 1.0) -> None:
        self.start = start
        self.end = end
        self.actors = actors
        self.places = places
        self.how = how
        self.score = score

    def __repr__(self) -> str:
        return f"Hit({self.start}, {self.end}, {self.actors!r}, {self.places!r}, {self.how!r})"


# Context patterns, compiled once
_COUNTRY_AFTER = re.compile(r",?\s+(?:in\s+)?(?:(?:northern|southern|eastern|western|north|south|east|west)\s+)?"
                            r"([A-Z][\w-]+)")
_COUNTRY_BEFORE = re.compile(r"([A-Z][\w-]+)(?:'s|’s)\s+(?:\w+\s+)?$|([A-Z][\w-]+)\s+(?:city|port|town)\s+of\s+$")
_NAMES_BEFORE = re.compile(r"([A-Z][\w'-]+)\s+(?:([A-Z][\w'-]+)\s+)?$")
_PREFIXED = re.compile(r"(?:al|el|ad|as|ash|at|az|an|ar)-[A-Z]")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)[\s,]*$")
_CREDIT = re.compile(r"(?i)(?:reporting|writing|editing|photo)\s+by\s*$")
_OF_BEFORE = re.compile(r"(\w+)\s+of\s+(?:the\s+)?$")
_COORDINATED = re.compile(r"\s*(?:,|and|or)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}")
_TITLE_WORD = re.compile(r" [A-Z][a-z]")


class _Key:
    """One key of the automaton: the aliases it stands for, and what a surface form of it
    names, worked out once per distinct surface and kept (``memo``).

    What a surface names is ``(actors, places, demonyms, plain)``: ``plain`` is the one
    entry to report when no context rule can apply (a place no rule reads, an actor that
    is no person and no office), else None. A key of multi-word aliases only names the
    same whatever the case, so that answer is worked out when the key is made and stored
    in the automaton beside it (``value``): most hits then need no lookup at all.
    """

    __slots__ = ("cands", "context", "klen", "memo", "office", "special", "trim", "value")

    #: Surface forms remembered per key (bounded, so memory stays flat on any input).
    MEMO_MAX = 16

    def __init__(self, key: str, cands: tuple, special: frozenset[str]) -> None:
        self.klen = len(key)
        self.cands = cands
        self.special = special  # ids of the places a context rule reads
        # a name ending in punctuation ("Foo (Bar)"): the text's hit may need trimming
        self.trim = key[-2:-1] in (" ", "_")
        # short all-caps acronyms that are English words (IS, US): the line decides
        self.context = any(cls == ACRONYM and len(alias) <= 3 and alias.lower() in _CAPS_WORDS
                           for alias, cls, _, _ in cands)
        # "UN envoy": the office may name its organisation too (_office_of reads it)
        words = key.split()
        self.office = len(words) >= 2 and words[-1] in _OFFICE_WORDS
        self.memo: dict[str, tuple[list, list, list, Any]] = {}
        fixed = None
        if not self.trim and all(cls == MULTI for _, cls, _, _ in cands):
            actors, places, _, plain = self._names("", "", 0, 0)
            if actors or places:
                fixed = (actors, places, "exact", plain)
        #: What the automaton yields for this key: (length - 1, the fixed answer or None, the key).
        self.value = (self.klen - 1, fixed, self)

    def resolve(self, surface: str, text: str, start: int, end: int) -> tuple[list, list, list, Any]:
        """What ``surface`` (the hit ``text[start:end]``) names, remembered for the next time."""
        found = self._names(surface, text, start, end)
        if not self.context and len(self.memo) < self.MEMO_MAX:
            self.memo[surface] = found
        return found

    def _names(self, surface: str, text: str, start: int, end: int) -> tuple[list, list, list, Any]:
        """The actors, places (most likely first) and demonym actors ``surface`` may name,
        and the entry to report as it is if no context rule applies."""
        actors: list = []
        places: list = []
        demonyms: list = []
        for alias, cls, entry, demonym in self.cands:
            if cls != MULTI and surface != alias and not _case_ok(alias, cls, surface):
                continue
            if cls == ACRONYM and len(alias) <= 3 and alias.lower() in _CAPS_WORDS and \
                    _caps_line(text, start, end):
                continue
            if demonym:
                demonyms.append(entry)
            elif entry.__class__ is ActorEntry:
                actors.append(entry)
            else:
                places.append(entry)
        if len(places) > 1:
            places.sort(key=_place_rank)
        return actors, places, demonyms, self._plain(actors, places)

    def _plain(self, actors: list, places: list) -> Any:
        """The entry to report as found when no context rule can change it, else None."""
        if not actors and len(places) == 1 and places[0].id not in self.special:
            return places[0]
        if not places and len(actors) == 1 and actors[0].kind != "person" and not self.office:
            return actors[0]  # (the caller still checks for "UN-backed")
        return None


def _place_rank(p: PlaceEntry) -> tuple:
    """Which place a name means first: Libya's, a country, the larger, the earlier row."""
    return (p.country != "LBY", not p.is_country, -p.population, p.order)


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
        return True
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
        new_names: Also report people and organisations the tables lack, when the
            text shows them to be such ("spokesman Ali Ahmed", "the Zawiya Martyrs
            Brigade"), under a UUIDv5 id of the name.
    """

    def __init__(self, data: GazetteerData, *, fuzzy: bool = True, new_names: bool = True) -> None:
        self.data = data
        self.fuzzy = fuzzy
        self.new_names = new_names
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
                for variant in _variants(alias, entry.kind):
                    self._add_key(variant, entry, False)
            if entry.country != "LBY":  # "Libyan forces" says too little in Libya's news
                for alias in entry.demonyms:
                    self._add_key(alias, entry, True)
        for place in data.places.values():
            if place.is_country and place.country and place.country not in self.countries_by_code:
                self.countries_by_code[place.country] = place
            for alias in (place.name, *place.aliases):
                self._add_key(alias, place, False)
        self._build_names()
        self._build_forces()
        self._build_metonyms()
        self._build_fuzzy()
        self._build_homonyms()
        for key, cands in self._keys.items():
            self.automaton.add_word(key, _Key(key, tuple(cands), self._context_places).value)
        if self._keys:
            self.automaton.make_automaton()
        self._unknown: dict[tuple[str, str], ActorEntry] = {}

    @classmethod
    def from_data(cls, data: GazetteerData, **kwargs: Any) -> Gazetteer:
        """Compile ``data``."""
        return cls(data, **kwargs)

    # -- building ------------------------------------------------------------

    def _add_key(self, alias: str, entry: Any, demonym: bool) -> None:
        alias = " ".join(alias.split())
        if len(alias) < 2:
            return
        key = " " + words_only(lower_keep_offsets(alias)) + " "
        if not key.strip():
            return
        cands = self._keys[key]
        if not any(c[2] is entry and c[3] == demonym and c[0] == alias for c in cands):
            cands.append((alias, _alias_class(alias), entry, demonym))

    def _build_names(self) -> None:
        # (first token, surname form) -> person, for "Khaled Khalifa Haftar" and middle names.
        self.first_last: dict[tuple[str, str], ActorEntry | None] = {}
        # surname form -> persons, for a bare surname with no full mention in the article
        self.surnames: dict[str, list[ActorEntry]] = defaultdict(list)
        first_names: set[str] = set(_GIVEN_NAMES)
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
                    if name == person.name and form not in seen:
                        seen.add(form)
                        self.surnames[form].append(person)
        self.first_names = frozenset(first_names)

    def _build_forces(self) -> None:
        # person id -> the group the tables call "<person> forces" / "forces loyal to <person>"
        self.forces: dict[str, ActorEntry] = {}
        by_alias: dict[str, ActorEntry] = {}
        for person in self.persons:
            for alias in (person.name, *person.aliases):
                by_alias.setdefault(fold(alias), person)
        for entry in self.data.actors.values():
            if entry.kind not in ("group", "armed_group"):
                continue
            for alias in (entry.name, *entry.aliases):
                m = re.fullmatch(r"(?:pro-)?(.+?)(?:'s)? (?:forces|troops|loyalists|militias?|fighters)"
                                 r"|forces loyal to (.+)", alias)
                if not m:
                    continue
                person = by_alias.get(fold(m[1] or m[2]))
                if person is not None:
                    self.forces.setdefault(person.id, entry)

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
        # how far before a government word a "KEY[-based] government" match may start;
        # None (scan every text whole) if a key holds a government word itself
        self._metonym_reach: int | None = max(map(len, keys), default=0) + len("-based")
        if any(word in k.lower() for k in keys for word in _GOV_WORDS):
            self._metonym_reach = None
        # metonym keys that are place names, folded for lookup from a place hit
        self._metonym_places = {fold(k): k for k in self.metonyms if k[:1].isupper()}

    def _build_fuzzy(self) -> None:
        # (initial of first token, initial of last token) -> (folded aliases, entries)
        buckets: dict[tuple[str, str], tuple[list[str], list[Any]]] = {}
        for entry in (*self.data.actors.values(), *self.data.places.values()):
            if (isinstance(entry, ActorEntry) and entry.kind == "state") or \
                    (isinstance(entry, PlaceEntry) and entry.is_country):
                continue  # country names are common words of English: exact matching covers them
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
        self._fuzzy_best = lru_cache(maxsize=FUZZY_CACHE)(self._fuzzy_best_uncached)

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
        # Per place, worked out once: has a homonym abroad; is a capital or a seat of
        # government (which may speak for its government: "Tripoli said").
        self._homonym_ids = frozenset(p.id for p in self.data.places.values() if fold(p.name) in self.homonyms)
        self._seats: dict[str, tuple[bool, str | None]] = {}
        for p in self.data.places.values():
            key = self._metonym_places.get(fold(p.name))
            if p.is_capital or key is not None:
                self._seats[p.id] = (p.is_capital, key)
        self._context_places = self._homonym_ids | frozenset(self._seats)

    # -- the pass over one document -------------------------------------------

    def find(self, doc: Document, *, extractor: str = "gazetteer") -> list[Mention]:
        """Every actor and place mention in ``doc``, in text order, furniture excluded.

        Hits travel as plain tuples and lists, not objects: a candidate is ``(start, end,
        actors, places, how, plain)`` (``plain``: the entry to report if no context rule
        applies, see :class:`_Key`) and a record of what the article names is ``[start,
        end, entry, score, how]``; only the hits the context rules read become :class:`Hit`.
        """
        original = doc.text
        if not original:
            return []
        text = latin(original)  # same length: offsets hold for the original
        words = lower_words(text)  # words[i] is text[i], lower-cased, or a space
        cands = self._exact(text, " " + words + " ")
        day = doc.published or _estimate_day(text) or _day_from_roles(cands)
        cands.extend(self._metonym_hits(text, words, day))
        cands.sort(key=_FIRST)
        if self.new_names:
            new = self._new_orgs(text, cands)
            if new:
                cands.extend(new)
                cands.sort(key=_FIRST)
        covered = bytearray(len(text) + 1)
        chosen = _choose(cands)
        out, people = self._settle(chosen, text, day, covered)
        furniture = _furniture_mask(doc, len(text))
        if self.fuzzy or self.surnames:
            for hit in self._name_pass(text, _masked(text, chosen), covered, furniture, people, day):
                _keep(hit, out, people)
        out.sort(key=_SPAN)
        people.sort(key=_SPAN)
        self._resolve_surnames(text, people)
        mentions, groups = self._mentions(original, out, furniture, extractor)
        data = doc.data.setdefault(extractor, {})
        data["groups"] = groups
        data["state_places"] = self._state_places(mentions)
        return mentions

    def _state_places(self, mentions: list[Mention]) -> dict[str, Any]:
        """The country (a Location) of each state named as an actor, by actor id: where a
        state that hosts a meeting is ("Turkey received a delegation": in Turkey)."""
        out: dict[str, Any] = {}
        for m in mentions:
            entity = m.entity
            if getattr(entity, "kind", None) == "state" and entity.id not in out:
                place = self.countries_by_code.get(entity.country)
                if place is not None:
                    out[entity.id] = place.entity
        return out

    def _exact(self, text: str, padded: str) -> list[tuple]:
        """Every word-bounded alias in ``padded`` (the text as :func:`lower_words` gives it,
        with a space either side) that keeps the case rule of its alias: candidates."""
        cands: list[tuple] = []
        append = cands.append
        for last, (k, fixed, key) in self.automaton.iter(padded):
            # padded[i] is text[i - 1]; the key holds one space either side of the name
            if fixed is not None:  # multi-word aliases only: the same answer in any case
                append((last - k, last - 1, *fixed))
                continue
            start = last - k
            end = last - 1
            if key.trim:
                while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".'’":
                    end -= 1
            surface = text[start:end]
            actors, places, demonyms, plain = key.memo.get(surface) or key.resolve(surface, text, start, end)
            if actors or places:
                append((start, end, actors, places, "exact", plain))
            elif demonyms:
                m = _DEMONYM_CTX.match(text, end)
                if m is not None:
                    stop = end if m["coord"] else m.end()
                    append((start, stop, demonyms, (), "demonym", _not_person(demonyms[0])))
        return cands

    def _metonym_hits(self, text: str, low: str, day: dt.date | None) -> list[tuple]:
        """"The Tripoli government", "the government in Tripoli": ``_metonym_re`` matches, as candidates.

        Every match holds a government word, so the regex runs only around those words
        (found with ``str.find`` in ``low``, the text lower-cased), and yields what
        ``finditer`` over the whole text would.
        """
        if self._metonym_re is None:
            return []
        found = sorted((i, i + len(word)) for word in _GOV_WORDS for i in _find_all(low, word))
        if not found:
            return []
        if self._metonym_reach is None:  # a key holds a government word: scan it all
            matches: Iterable[re.Match[str]] = self._metonym_re.finditer(text)
        else:
            matches = self._metonym_windows(text, low, found)
        hits = []
        for m in matches:
            key = m["k1"] or m["k2"]
            actor = self._metonym_actor(key, day)
            if actor is None:
                continue
            hits.append((m.start(), m.end(), (actor,), (), "metonym", _not_person(actor)))
        return hits

    def _settle(self, chosen: list[tuple], text: str, day: dt.date | None,
                covered: bytearray) -> tuple[list[list], list[list]]:
        """What the chosen candidates name, after the context rules: records, and apart the
        records of people (the surname passes read them). Marks each candidate ``covered``."""
        out: list[list] = []
        people: list[list] = []
        contextualise = self._contextualise
        for start, end, actors, places, how, plain in chosen:
            covered[start:end] = b"\x01" * (end - start)
            if plain is not None and (how != "exact" or text[end:end + 1] != "-"):
                out.append([start, end, plain, SCORES[how], how])
                continue
            found: list[Hit] = []
            contextualise(Hit(start, end, actors, places, how, SCORES[how]), text, day, found)
            for hit in found:
                _keep(hit, out, people)
        return out, people

    def _metonym_windows(self, text: str, low: str, found: list[tuple[int, int]]) -> Iterable[re.Match[str]]:
        last = 0
        reach = self._metonym_reach
        regex = self._metonym_re
        for g, word_end in found:
            if g < last:
                continue
            # "KEY[-based] GOVERNMENT" ends with this word: it starts at most ``reach``
            # before the spaces ahead of the word
            j = g
            while j > last and text[j - 1].isspace():
                j -= 1
            m = regex.search(text, max(last, j - reach), word_end + 1)
            if m is None and low.startswith("government", g):
                m = regex.match(text, g)  # "government in KEY" starts here
            if m is not None:
                yield m
                last = m.end()

    def _metonym_actor(self, key: str, day: dt.date | None) -> ActorEntry | None:
        rules = self.metonyms.get(key) or self.metonyms.get(key.lower()) or ()
        for rule in rules:
            if rule.holds_on(day):
                return self.data.actor(rule.actor)
        return None

    # -- context rules on one chosen hit -------------------------------------

    def _contextualise(self, hit: Hit, text: str, day: dt.date | None, out: list[Hit]) -> None:
        """Apply the context rules to one chosen hit; append what it names to ``out``.

        The hit itself is reused (and changed) where the rule keeps its span.
        """
        if hit.how != "exact":
            out.append(hit)
            return
        places = hit.places
        if places and (len(places) > 1 or places[0].id in self._homonym_ids):
            places = self._pick_places(places, text, hit)
        actors = hit.actors
        if len(actors) > 1:
            actors = _pick_actors(actors, day)
        end = hit.end
        if actors and not places and text.startswith("-", end) and _MODIFIER_SUFFIX.match(text, end):
            return  # "UN-backed", "Turkish-made": a modifier, not a party
        place = places[0] if places else None
        if place is not None and not actors:
            seat = self._seats.get(place.id)
            if seat is not None:
                is_capital, key = seat
                # A capital (or a seat of government) that speaks is its government.
                if _SPEECH_VERB.match(text, end) and \
                        not _prev_is_prep(text, hit.start, _SUBJECT_BLOCKERS_BUT_AND):
                    actor = None
                    if key is not None:
                        actor = self._metonym_actor(key, day)
                    if actor is None and place.country:
                        actor = self.states_by_country.get(place.country)
                    if actor is not None:
                        out.append(Hit(hit.start, end, [actor], (), how="metonym", score=SCORES["metonym"]))
                        return
                # A foreign capital's possessive is its state ("Moscow's bid").
                if is_capital and place.country != "LBY" and _POSSESSIVE.match(text, end):
                    state = self.states_by_country.get(place.country or "")
                    if state is not None:
                        out.append(Hit(hit.start, end, [state], (), how="metonym", score=SCORES["metonym"]))
                        return
            hit.actors, hit.places = (), (place,)
            out.append(hit)
            return
        if place is not None:
            # A country: a place after in/to/from, as a possessor or a modifier ("Libya's
            # coast", "Libya deployment plan", "Comoros-flagged"); the state alone as the
            # subject of a verb; elsewhere both.
            if place.is_country:
                states = [a for a in actors if a.kind == "state"]
                if states:
                    role = _country_role(text, hit.start, end)
                    if place.country == HOME and not (role == "actor" and _coordinated_state(text, hit.start, end)):
                        # Libya is where the news happens, except as a party beside another
                        # state ("Italy and Libya signed a memorandum")
                        hit.actors, hit.places = (), (place,)
                        out.append(hit)
                        return
                    if role == "place":
                        hit.actors, hit.places = (), (place,)
                    elif role == "actor":
                        hit.actors, hit.places = (states[0],), ()
                    else:
                        hit.actors, hit.places = (states[0],), ()
                        out.append(hit)
                        hit = Hit(hit.start, end, (), (place,))
                    out.append(hit)
                    return
            # Same words for an actor and a place: the actor when it is an acronym or a
            # multi-word name, else the place.
            surface = text[hit.start:end]
            if " " in surface or surface.isupper():
                hit.actors, hit.places = (actors[0],), ()
            else:
                hit.actors, hit.places = (), (place,)
            out.append(hit)
            return
        if actors:
            person = actors[0]
            if person.kind == "person":
                better = self._patronymic(text, hit, person)
                if better is not None:
                    out.append(better)
                    return
                if person.id in self.forces:
                    forces = self._forces_of(text, hit, person)
                    if forces is not None:
                        out.append(forces)
                        return
            c = text[hit.start:hit.start + 2]
            if c.isupper() and len(c) == 2:  # "UN Secretary-General": the organisation acts
                inner = self._office_of(text, hit, person)
                if inner is not None:
                    out.append(inner)
                    return
            hit.actors, hit.places = (person,), ()
            out.append(hit)

    def _office_of(self, text: str, hit: Hit, actor: ActorEntry) -> Hit | None:
        """"UN Secretary-General", "EU envoy": an office names its organisation too."""
        surface = text[hit.start:hit.end]
        m = _LEADING_NAME.match(surface)
        if not m or m.end() >= len(surface):
            return None
        rest = surface[m.end():].strip(" -").lower().replace("-", " ").split()
        if not rest or not all(w in _OFFICE_WORDS for w in rest):
            return None
        found = self.automaton.get(" " + words_only(lower_keep_offsets(m[0])) + " ", None)
        if not found:
            return None
        for alias, cls, entry, demonym in found[2].cands:
            if not demonym and isinstance(entry, ActorEntry) and entry is not actor and \
                    _case_ok(alias, cls, m[0]):
                return Hit(hit.start, hit.start + len(m[0]), [entry], [], how="exact")
        return None

    def _forces_of(self, text: str, hit: Hit, person: ActorEntry) -> Hit | None:
        """"Gadhafi forces", "Haftar's troops": the forces of a person, when the tables have them."""
        m = _FORCES_AFTER.match(text, hit.end)
        if m is None:
            return None
        group = self.forces.get(person.id)
        if group is None:
            return None
        return Hit(hit.start, m.end(), [group], [], how="exact")

    def _pick_places(self, places: list[PlaceEntry], text: str, hit: Hit) -> list[PlaceEntry]:
        """Order the places a name may mean: the country the text points at, Libya, the larger."""
        ranked = sorted(places, key=_place_rank) if len(places) > 1 else places
        if len(places) == 1 and fold(places[0].name) not in self.homonyms:
            return ranked
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
        m = _COUNTRY_AFTER.match(text[hit.end:hit.end + 40])
        if m and m[1].lower() in self._country_words:
            return self._country_words[m[1].lower()]
        before = text[max(0, hit.start - 40):hit.start]
        m = _COUNTRY_BEFORE.search(before)
        if m:
            word = (m[1] or m[2]).lower()
            return self._country_words.get(word)
        return None

    def _homonym_abroad(self, place: PlaceEntry, country: str) -> bool:
        return country in self.homonyms.get(fold(place.name), ())

    def _patronymic(self, text: str, hit: Hit, person: ActorEntry) -> Hit | None:
        """"Khaled Khalifa Haftar": First + Middle + Surname where First + Surname is known."""
        if hit.start < 3 or text[hit.start - 1] != " " or not text[hit.start - 2].isalpha():
            return None
        surface = text[hit.start:hit.end]
        toks = fold(surface).split()
        if not toks:
            return None
        surnames = surname_forms(surface) if len(toks) >= 2 else [" ".join(toks)]
        before = text[max(0, hit.start - 60):hit.start]
        m = _NAMES_BEFORE.search(before)
        if not m:
            return None
        if len(toks) <= 2 and surface.split()[0] not in ("al", "el") or len(toks) == 1:
            word = m[2] or m[1]
            pos = m.start(2) if m[2] else m.start(1)
            first = fold(word)
            own = {fold(n).split()[0] for n in (person.name, *person.aliases) if " " in n}
            if len(toks) <= 2 and self.first_last.get((first, " ".join(toks))) is None and first in _GIVEN_NAMES \
                    and first not in own and (len(toks) == 1 or toks[0] in PARTICLES):
                offset = hit.start - len(before)
                name = text[offset + pos:hit.end]
                return Hit(offset + pos, hit.end, [self._new_entry(name, "person")], [], how="new",
                           score=SCORES["new"])
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

    def _name_pass(self, text: str, masked: str, covered: bytearray, furniture: bytearray | None,
                   people: list[list], day: dt.date | None) -> list[Hit]:
        """Bare surnames, garbled names and new people in the capitalised runs (``_RUN``)
        the exact pass left open.

        A run can yield something only if it holds a capitalised word that no exact hit
        covers and that is no stop word, so those words are found first, with one regex
        scan of ``masked``, the text with the covered characters blanked out (:func:`_masked`); each run
        holding one is then read from the text as a scan of the whole text reads it
        (:func:`_run_restart`), in text order, once. ``tests/test_scans.py`` checks the
        runs read against the full scan.
        """
        table = self._article_surnames(text, people)
        out: list[Hit] = []
        done = 0  # the full scan is between runs here, and every run before it is read
        for word in _OPEN_WORD.finditer(masked):
            q = word.start()
            if q < done:
                continue
            lo = _run_restart(text, q, done)
            if lo == q:  # most often a run starts at the word itself
                run = _RUN.match(text, q)
                if run is not None:
                    self._read_run(text, run, covered, furniture, table, day, out)
                    done = run.end()
                    continue
            for run in _RUN.finditer(text, lo):
                self._read_run(text, run, covered, furniture, table, day, out)
                done = run.end()
                if done > q:
                    break
            else:
                break  # no run from here to the end
        return out

    def _read_run(self, text: str, run: re.Match[str], covered: bytearray, furniture: bytearray | None,
                  table: dict, day: dt.date | None, out: list[Hit]) -> None:
        """The name pass on one capitalised run: its segments matched, new people found."""
        rs, re_ = run.span()
        if covered[rs] and covered[re_ - 1]:
            return
        if furniture is not None and furniture.find(1, rs, re_) >= 0:
            return
        words = run.group()
        if " " not in words and words.isprintable():
            # one word: only a bare surname of the tables or the article can match
            n, stop = _token_shape(words)
            if stop or n <= 0:
                return
            folded = fold(words[:n])
            if folded not in table and folded not in self.surnames:
                return
        if words.isprintable():  # single spaces only: split, no regex
            tokens = []
            pos = rs
            for w in words.split(" "):
                if w:
                    tokens.append((pos, pos + len(w)))
                pos += len(w) + 1
        else:
            tokens = [(t.start() + rs, t.end() + rs) for t in _TOKEN.finditer(words)]
        for seg in _segments(text, tokens, covered):
            found_here = self._match_segment(text, seg, covered, table, day)
            for hit in found_here:
                if hit.how == "fuzzy" and hit.actors and hit.actors[0].kind == "person":
                    for form in surname_forms(text[hit.start:hit.end]):
                        table.setdefault(form, []).append((hit.start, hit.actors[0]))
            out.extend(found_here)
            if self.new_names:
                person = self._new_person(text, seg, covered)
                if person is not None:
                    out.append(person)

    # -- people and organisations the tables lack ---------------------------

    def _new_entry(self, name: str, kind: str) -> ActorEntry:
        entry = self._unknown.get((name, kind))
        if entry is None:
            entry = ActorEntry(stable_id("actor", fold(name)), name, kind, None, (), (), (), 10**9)
            if len(self._unknown) < 20000:
                self._unknown[(name, kind)] = entry
        return entry

    def _new_person(self, text: str, seg: list[tuple[int, int]], covered: bytearray) -> Hit | None:
        """A run of 2-4 capitalised words that the text shows to be a person."""
        if not 2 <= len(seg) <= 4:
            return None
        toks = [(s, e) for s, e in seg if not covered[s]]
        if len(toks) != len(seg):
            return None
        start, end = toks[0][0], toks[-1][1]
        words = [text[s:e] for s, e in toks]
        if any(w in PARTICLES or w.isupper() or w in _ORG_HEADS or w in _PLACE_HEADS for w in words):
            return None
        if any(not w[:1].isupper() and not _PREFIXED.match(w) for w in words):
            return None
        before = text[max(0, start - 40):start]
        prev = _WORD_BEFORE.search(before)
        prev_word = prev[1].lower().rstrip(".") if prev else ""
        line_start = not before.split("\n")[-1].strip(" ,")[:-len(prev[1])].strip() if prev else True
        if prev_word == "by" and (line_start or _CREDIT.search(before)):
            return None  # a byline or a credit
        evidence = (
            fold(words[0]).split()[0] in self.first_names
            or prev_word in _PERSON_TITLES
            or _PERSON_AFTER.match(text, end) is not None
        )
        if not evidence:
            return None
        name = " ".join(words)
        for s, e in toks:
            covered[s:e] = b"\x01" * (e - s)
        return Hit(start, end, [self._new_entry(name, "person")], [], how="new", score=SCORES["new"])

    def _new_orgs(self, text: str, cands: list[tuple]) -> list[tuple]:
        """Capitalised names with an organisation noun ("the Zawiya Martyrs Brigade",
        "Council of Elders of Derna", "Infantry Brigade 12"), as candidates.

        ``cands`` (sorted by start) are the candidates found so far: a name a known actor
        makes up is no new organisation."""
        out: list[tuple] = []
        starts: list[int] | None = None
        for run_start, run_end in _org_runs(text):
            body = _org_body(text[run_start:run_end])
            if body is None:
                continue
            rel_start, rel_end, numbered, kind = body
            start, end = run_start + rel_start, run_start + rel_end
            if numbered:
                number = _NUMBER_AFTER.match(text[end:end + 6])
                if number:
                    end += number.end()
                elif numbered == "generic":
                    continue  # "Infantry Brigade" with no number names no unit
            if starts is None:
                starts = list(map(_FIRST, cands))
            if self._known_inside(text, start, end, cands, starts):
                continue
            entry = self._new_entry(text[start:end], kind)
            out.append((start, end, (entry,), (), "new", entry))
        return out

    @staticmethod
    def _known_inside(text: str, start: int, end: int, cands: list[tuple], starts: list[int]) -> bool:
        """Whether a known actor names this organisation ("GNA Special Forces", "the LNA's 106 Brigade").

        ``cands`` are sorted by start, ``starts`` their starts; demonyms do not count.
        """
        for h_start, h_end, actors, _, how, _ in cands[bisect_left(starts, start):bisect_right(starts, end)]:
            if actors and how != "demonym" and start <= h_start and h_end <= end:
                if h_start == start and h_end == end:
                    return True
                rest = text[h_end:end].replace("’s", " ").replace("'s", " ").split()
                if h_start == start and all(w in _ORG_GENERIC or w in _ORG_HEADS or w.isdigit() for w in rest):
                    return True
                if h_end == end:
                    return True
        return False

    def _article_surnames(self, text: str, people: list[list]) -> dict[str, list[tuple[int, ActorEntry]]]:
        """Surname forms of the people named in full so far (their records) -> (offset, person),
        in text order."""
        table: dict[str, list[tuple[int, ActorEntry]]] = defaultdict(list)
        for start, end, person, _, _ in people:
            for form in _table_forms(text[start:end], person.name):
                table[form].append((start, person))
        for entries in table.values():
            if len(entries) > 1:
                entries.sort(key=_FIRST)
        return table

    def _match_segment(self, text: str, seg: list[tuple[int, int]], covered: bytearray,
                       table: dict, day: dt.date | None) -> list[Hit]:
        n = len(seg)
        if n == 1:  # one word: only a bare surname can match
            start, end = seg[0]
            if text[start:end] in PARTICLES:
                return []
            hit = self._lookup(text, start, end, 1, table, day)
            if hit is None:
                return []
            covered[start:end] = b"\x01" * (end - start)
            return [hit]
        out: list[Hit] = []
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
                hit = self._lookup(text, start, end, size, table, day, preceded=i > 0)
                if hit is not None:
                    out.append(hit)
                    for j in range(i, i + size):
                        used[j] = True
                    covered[start:end] = b"\x01" * (end - start)
        return out

    def _lookup(self, text: str, start: int, end: int, size: int, table: dict,
                day: dt.date | None, *, preceded: bool = False) -> Hit | None:
        folded = fold(text[start:end])
        if not folded:
            return None
        # A surname standing alone.
        if size <= 3 and (folded in table or folded in self.surnames):
            person = _nearest(table.get(folded, ()), start)
            if person is None and size == 1 and len(folded) >= 5 and folded not in self.first_names:
                person = _prominent(self.surnames.get(folded, ()), day)
            if person is not None:
                return Hit(start, end, [person], (), how="surname", score=SCORES["surname"])
        if not self.fuzzy or size < 2:
            return None
        best = self._fuzzy_best(folded)
        if best is None:
            return None
        toks, alias, score, entry = best
        if preceded and entry.__class__ is ActorEntry and entry.kind == "person" and \
                not fold(entry.name).endswith(toks[0]) and \
                all(fold(n) != alias for n in (entry.name, *entry.aliases)):
            return None  # "Karl von der Leiden": a surname after another given name is someone else
        if entry.__class__ is ActorEntry:
            return Hit(start, end, [entry], (), how="fuzzy", score=score / 100.0)
        return Hit(start, end, (), [entry], how="fuzzy", score=score / 100.0)

    def _fuzzy_best_uncached(self, folded: str) -> tuple[list[str], str, float, Any] | None:
        """The alias a folded name is a garbled form of, by ``fuzz.ratio`` and token checks.

        Depends on ``folded`` alone, so :meth:`find` keeps the answers (``_fuzzy_best``,
        a bounded LRU cache shared by all articles).
        """
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
        if folded.startswith(alias) or alias.startswith(folded):
            return None  # "French Republican" is another word, not a garbled "French Republic"
        if not _tokens_agree(toks, alias.split()):
            return None
        return toks, alias, score, entries[index]

    # -- surnames --------------------------------------------------------------

    def _resolve_surnames(self, text: str, people: list[list]) -> None:
        """A bare surname is the person named in full nearest before it (``people``: the
        records of people, changed in place)."""
        table = self._article_surnames(text, people)
        for record in people:
            start, end, person, _, how = record
            if how != "exact" and how != "surname":
                continue
            entries = table.get(fold(text[start:end]))
            if not entries:
                continue
            nearest = _nearest(entries, start)
            if nearest is not None and nearest is not person:
                record[2:] = nearest, SCORES["surname"], "surname"

    # -- output ----------------------------------------------------------------

    def _mentions(self, text: str, records: list[list], furniture: bytearray | None,
                  extractor: str) -> tuple[list[Mention], list[Mention]]:
        """Mentions of the records (sorted by span), and apart from them the generic groups
        named in lower case ("migrants")."""
        out: list[Mention] = []
        groups: list[Mention] = []
        build = _mention
        last_start = last_end = -1
        last_id = None
        ids: set[str] | None = None  # the entities reported for the same words, when more than one
        for start, end, entry, score, how in records:
            if furniture is not None and furniture.find(1, start, end) >= 0:
                continue
            if start != last_start or end != last_end:
                last_start, last_end, last_id, ids = start, end, entry.id, None
            else:  # the same words again ("Russia" the state, then the place): each entity once
                if ids is None:
                    ids = {last_id}
                if entry.id in ids:
                    continue
                ids.add(entry.id)
            surface = text[start:end]
            mention = build(start, end, surface, entry.entity, score, how, extractor)
            if entry.__class__ is ActorEntry and entry.kind == "group" and _common_noun(entry, surface):
                groups.append(mention)
            else:
                out.append(mention)
        return out, groups


# -- helpers -------------------------------------------------------------------


def _keep(hit: Hit, out: list[list], people: list[list]) -> None:
    """Record what ``hit`` names (``[start, end, entry, score, how]``) in ``out``, and in
    ``people`` too if it is a person."""
    entry = hit.actors[0] if hit.actors else hit.places[0] if hit.places else None
    if entry is None:
        return
    record = [hit.start, hit.end, entry, hit.score, hit.how]
    out.append(record)
    if entry.__class__ is ActorEntry and entry.kind == "person":
        people.append(record)


def _not_person(entry: Any) -> Any:
    """``entry``, to report as found, unless it is a person (the surname passes read those)."""
    return None if entry.__class__ is ActorEntry and entry.kind == "person" else entry


def _mention_checked(start: int, end: int, surface: str, entity: Any, score: float, how: str,
                     extractor: str) -> Mention:
    return Mention(span=Span(start, end, surface), entity=entity, score=score, how=how, extractor=extractor)


def _fast_mention_builder() -> Any:
    """A Mention builder that does not re-run the attrs validators: every value the matcher
    passes is built valid (offsets from the scan, entities validated when the tables were
    read). It fills the slots through their descriptors, about 3.5x faster than the
    constructor."""
    new = object.__new__
    span_start, span_end, span_text = (Span.__dict__[f].__set__ for f in ("start", "end", "text"))
    set_span, set_entity, set_score, set_how, set_extractor = (
        Mention.__dict__[f].__set__ for f in ("span", "entity", "score", "how", "extractor"))

    def build(start: int, end: int, surface: str, entity: Any, score: float, how: str,
              extractor: str) -> Mention:
        span = new(Span)
        span_start(span, start)
        span_end(span, end)
        span_text(span, surface)
        mention = new(Mention)
        set_span(mention, span)
        set_entity(mention, entity)
        set_score(mention, float(score))
        set_how(mention, how)
        set_extractor(mention, extractor)
        return mention

    return build


def _pick_mention_builder() -> Any:
    """Use the fast builder only if it gives exactly what the validating constructor gives."""
    from libyaevents import Location

    loc = Location(id="x", name="X", lat=1.0, lon=2.0)
    try:
        build = _fast_mention_builder()
        fast = build(0, 1, "X", loc, 1, "exact", "t")
        slow = _mention_checked(0, 1, "X", loc, 1, "exact", "t")
        if fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow):
            return build
    except Exception:  # noqa: BLE001 - attrs internals changed: stay on the safe path
        pass
    return _mention_checked


_mention = _pick_mention_builder()

_ACRO_TOKEN = re.compile(r"\b[A-Z]{2,4}\b")


def _variants(alias: str, kind: str) -> list[str]:
    """An alias and the spellings news uses for it: "U.N." for "UN", "Tebus" for "Tebu"."""
    out = [alias]
    if _ACRO_TOKEN.search(alias):
        dotted = _ACRO_TOKEN.sub(lambda m: ".".join(m[0]) + ".", alias)
        out.append(dotted.replace(". ", ". ").replace("..", "."))
    if kind == "group" and " " not in alias and alias[:1].isupper() and not alias.endswith("s") \
            and not alias.isupper():
        out.append(alias + "s")
    return out



def _choose(cands: list[tuple]) -> list[tuple]:
    """Longest first, then leftmost; a candidate overlapping one already chosen is dropped.

    ``cands`` are sorted by start. Candidates interact only with those they overlap, so
    the rule is applied to each group of overlapping candidates on its own; the groups
    are found with C-level iteration (a running maximum of the ends), and most
    candidates, in no group, are kept as they are.
    """
    n = len(cands)
    if n < 2:
        return cands
    reach = accumulate(map(_SECOND, cands), max)  # the furthest end so far
    # candidate i joins the group before it when it starts before that group's end
    joins = list(compress(range(1, n), map(lt, islice(map(_FIRST, cands), 1, None), reach)))
    if not joins:
        return cands
    chosen: list[tuple] = []
    done = 0
    i = 0
    while i < len(joins):
        j = i
        while j + 1 < len(joins) and joins[j + 1] == joins[j] + 1:
            j += 1
        first, last = joins[i] - 1, joins[j] + 1  # the group is cands[first:last]
        chosen.extend(cands[done:first])
        chosen.extend(_choose_overlapping(cands[first:last]))
        done = last
        i = j + 1
    chosen.extend(cands[done:])
    return chosen


def _choose_overlapping(group: list[tuple]) -> list[tuple]:
    """:func:`_choose` for one group of overlapping candidates (sorted by start), in text order."""
    if len(group) == 2:  # the common case: one name inside or across another
        a, b = group
        return [a if a[1] - a[0] >= b[1] - b[0] else b]
    taken: list[tuple[int, int]] = []
    chosen: list[tuple] = []
    for cand in sorted(group, key=_longest_first):
        s, e = cand[0], cand[1]
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        chosen.append(cand)
    chosen.sort(key=_FIRST)
    return chosen


def _longest_first(cand: tuple) -> tuple[int, int]:
    return cand[0] - cand[1], cand[0]


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
        n, stop = _token_shape(word)
        if stop or n <= 0 or covered.find(1, s, s + n) >= 0:
            if cur:
                segs.append(cur)
                cur = []
            continue
        cur.append((s, s + n))
        if n < len(word):  # punctuation ended the name
            segs.append(cur)
            cur = []
    if cur:
        segs.append(cur)
    return segs


def _masked(text: str, chosen: list[tuple]) -> str:
    """``text`` with the characters of the ``chosen`` candidates (sorted, disjoint) replaced
    by hyphens: same length, and no capital of a covered word is left.

    Built with C-level iteration (``map``, ``zip``, ``str.join``), not a Python step a hit.
    A hyphen can stand inside a word (``_OPEN_WORD``), so a word the mask cuts short is
    never taken for a whole stop word.
    """
    starts = list(map(_FIRST, chosen))
    ends = list(map(_SECOND, chosen))
    gaps = map(text.__getitem__, map(slice, [0, *ends], [*starts, len(text)]))
    blanks = map("-".__mul__, map(sub, ends, starts))
    return "".join(chain.from_iterable(zip_longest(gaps, blanks, fillvalue="")))


def _run_restart(text: str, q: int, done: int) -> int:
    """A position in ``[done, q]`` where a scan of the whole text with ``_RUN`` is between
    two runs, so that a scan from there finds the runs the full scan finds.

    ``done`` is one (the name pass has read every run before it). So is ``q`` when the
    character before it cannot stand in a run, or when the word before it is lower case
    and no particle (a run holds only capitalised words and particles), and so is the
    place after the last full stop or comma before ``q``.
    """
    if q <= done:
        return done
    c = text[q - 1]
    if c == " ":
        i = text.rfind(" ", done, q - 1)
        word = text[i + 1:q - 1]
        if i >= 0 and word.isascii() and word.isalpha() and word.islower() and word not in PARTICLES:
            return q
    elif not (c.isalnum() or c in "_'’-" or c.isspace()):
        return q
    return max(done, text.rfind(".", done, q) + 1, text.rfind(",", done, q) + 1)


@lru_cache(maxsize=65536)
def _token_shape(word: str) -> tuple[int, bool]:
    """The length of a token without a possessive or trailing punctuation, and whether
    it is a stop word that ends a name."""
    e = len(word)
    while e > 0 and not word[e - 1].isalnum():
        e -= 1
    if e - 2 > 0 and word[e - 2:e] in ("'s", "’s"):
        e -= 2
    return e, word.lower().strip(".,;:") in _NAME_STOP


def _furniture_mask(doc: Document, n: int) -> bytearray | None:
    """1 for every character of page furniture, or None if the page has none: a stretch
    ``start:end`` is furniture when ``mask.find(1, start, end) >= 0`` (it overlaps some, as
    :meth:`libyaevents.Document.is_furniture` says)."""
    if not doc.furniture:
        return None
    mask = bytearray(n + 1)
    for span in doc.furniture:
        start, end = max(0, span.start), min(span.end, n)
        if end > start:
            mask[start:end] = b"\x01" * (end - start)
    return mask


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


_POSSESSIVE = re.compile(r"(?:'s|’s|')\s+[^\W\d_]")
_MODIFIER_SUFFIX = re.compile(
    r"-(?:backed|based|recogni[sz]ed|aligned|affiliated|allied|linked|supported|sponsored|flagged|born|"
    r"registered|made|owned|funded|trained|controlled|held|led|run|style|era)\b"
)
_VERBISH = re.compile(
    r"\s*(?:,\s*(?:which|who)\b|(?:is|was|are|were|has|have|had|will|would|can|could|should|must|may|might|"
    r"did|does|do|also|has|not|never|then|later|now|already|still|again|on\s+\w+day|sent|sold|gave|took|made|"
    r"met|told|said|held|led|won|lost|began|brought|bought|built|fought|kept|left|paid|put|ran|saw|set|shot|"
    r"spent|struck|threw|withdrew|drew|sought|hit|became|came|went|got|let|cut|broke|chose|rose|understood)\b|"
    r"[a-z]+ed\b|"
    r"(?!news\b|affairs\b|bus\b|gas\b|status\b|crisis\b|process\b)[a-z]{3,}s\b)"
)
_GEO_OF = frozenset(
    """east west north south centre center part parts coast city capital border borders region regions
    territory territories rest heart interior areas area outskirts south-east south-west north-east
    north-west southeast southwest northeast northwest shores waters airspace soil people flag""".split()
)
_ATTRIB = re.compile(r"\s+([a-z][a-z-]+)")
_BORDER_WITH = re.compile(r"(?:border|borders|bordering|frontier)\s+(?:with\s+)?$", re.IGNORECASE)


_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")


def _estimate_day(text: str) -> dt.date | None:
    """For an undated article: 1 July of the latest year it names, if any."""
    years = [int(y) for y in _YEAR.findall(text)]
    if not years:
        return None
    return dt.date(max(years), 7, 1)


@lru_cache(maxsize=65536)
def _table_forms(surface: str, name: str) -> tuple[str, ...]:
    """Surname forms a full mention ``surface`` of the person ``name`` lends to later bare surnames."""
    if len(fold(surface).split()) < 2:
        return ()
    inner = set(fold(name).split()[:-1])
    # "Saif al-Islam": "Islam" stands inside the name, it is no surname
    return tuple(f for f in dict.fromkeys((*surname_forms(surface), *surname_forms(name)))
                 if f.split()[-1] not in inner)


def _common_noun(entry: ActorEntry, surface: str) -> bool:
    """Whether a group is named by a common noun ("migrants", "Foreign fighters")."""
    low = surface.lower()
    if surface.islower():
        return True
    return any(a.islower() and a.lower() == low for a in entry.aliases)


def _day_from_roles(cands: list[tuple]) -> dt.date | None:
    """For an undated article: a day on which most of the people it names held their roles."""
    spans = []
    for cand in cands:
        for a in cand[2]:
            if a.kind == "person" and a.roles:
                spans.append([(r.start or dt.date(1900, 1, 1), r.end or dt.date.today()) for r in a.roles])
    if not spans:
        return None
    points = sorted({d for person in spans for s, e in person for d in (s, e)})
    best, best_n = None, 0
    for d in points:
        n = sum(any(s <= d <= e for s, e in person) for person in spans)
        if n > best_n or (n == best_n and best is not None and d > best):
            best, best_n = d, n
    if best is None:
        return None
    # the middle of what the covering intervals share, away from their boundaries
    cover = [(s, e) for person in spans for s, e in person if s <= best <= e]
    lo, hi = max(s for s, _ in cover), min(e for _, e in cover)
    return lo + (hi - lo) / 2 if lo <= hi else best


# Words after a country name that do not make it a modifier ("Libya desk").
_FUNCTION_AFTER = frozenset(
    "and or to in on at for with from of by as against over about after before during amid that which who "
    "while despite into not".split()
)


_AND_BEFORE = re.compile(r"[A-Z][\w'’-]+\s+and\s+$")
_AND_AFTER = re.compile(r"\s+and\s+(?:the\s+)?[A-Z]")


def _coordinated_state(text: str, start: int, end: int) -> bool:
    """Whether a country name is coordinated with another capitalised name ("Italy and
    Libya", "Libya and Turkey"): the two act together."""
    return _AND_BEFORE.search(text, max(0, start - 30), start) is not None or _AND_AFTER.match(text, end) is not None


def _country_role(text: str, start: int, end: int) -> str:
    """How a country name is used: ``place``, ``actor`` or ``both`` (when unclear)."""
    if _MODIFIER_SUFFIX.match(text, end) or _POSSESSIVE.match(text, end):
        return "place"
    if text[end:end + 1] == ":" or _prev_is_prep(text, start, _PREPS, walk=True):
        return "place"
    before = text[max(0, start - 30):start]
    if _BORDER_WITH.search(before):
        return "place"
    m = _OF_BEFORE.search(before)
    if m and m[1].lower() in _GEO_OF:
        return "place"
    # skip a coordination to find what follows: "Russia and Turkey have..."
    pos = end
    for _ in range(3):
        m = _COORDINATED.match(text[pos:pos + 60])
        if not m:
            break
        pos += m.end()
    if _VERBISH.match(text, pos) or _SPEECH_VERB.match(text, pos):
        return "actor"
    if pos == end and _TITLE_WORD.match(text[pos:pos + 3]):
        return "place"  # part of a longer name or a title-case headline: "Libya Times"
    m = _ATTRIB.match(text, pos)
    if m and m[1] not in _FUNCTION_AFTER:
        return "place"  # "Libya deployment plan", "Libya desk" (not "warned Turkey against")
    return "both"


def _caps_line(text: str, start: int, end: int) -> bool:
    """Whether the line around ``start:end`` is in capitals (a headline)."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    line = text[ls:le if le >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 12 and not any(c.islower() for c in letters)
