"""The ``ml`` extractor: classify every sentence, add what the rules missed, weigh what they found.

Runs in the build-events stage after the rules (``order = 200``; the rules extractor
has the default 100). For one article it encodes all sentences in one batch and asks
the head for a probability per PLOVER type and ``NONE``. Then, sentence by sentence:

* **The rules found an event there** (an event of another extractor whose evidence
  overlaps the sentence): when the head's most probable label is the event's type,
  the event's confidence rises, ``c + (1 - c)·AGREE_GAIN·p``; when it is another
  label, it falls, ``c·(1 - DISAGREE_LOSS·p)``. The event is replaced in
  ``doc.events`` with :func:`attrs.evolve`; no new event is added, so the ml
  extractor never duplicates a rule event.
* **The rules found nothing there**: when the most probable label is an event type
  with probability at least the threshold, and the sentence names at least one
  actor (a gazetteer mention), an event of that type is added with
  ``extractor="ml"``, the sentence as evidence, arguments from the sentence's
  mentions (:func:`arguments`) and confidence ``ML_CONFIDENCE·p``.

The per-sentence predictions are left in ``doc.data["ml"]`` for other plugins.

Environment: ``LIBYAEVENTS_ML_HEAD`` (a head file to use instead of the shipped one),
``LIBYAEVENTS_ML_THRESHOLD`` (a probability, default :data:`DEFAULT_THRESHOLD`), and
those of :mod:`libyaevents_ml.encoder`.

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
from libyaevents import Contexts, Document, Event, EventDate, Span
from libyaevents.ids import event_id
from libyaevents.taxonomy import EVENT_TYPES

__all__ = [
    "AGREE_GAIN",
    "DEFAULT_THRESHOLD",
    "DISAGREE_LOSS",
    "HEAD_ENV",
    "ML_CONFIDENCE",
    "MLExtractor",
    "THRESHOLD_ENV",
    "arguments",
    "default_head_path",
]

#: Environment variable naming a head file (``libyaevents-ml train ... -o HEAD``).
HEAD_ENV = "LIBYAEVENTS_ML_HEAD"
#: Environment variable overriding the probability threshold for new events.
THRESHOLD_ENV = "LIBYAEVENTS_ML_THRESHOLD"
#: Least probability of the top label for the ml extractor to add an event. Chosen on
#: the evaluation scorer as the lowest value that does not lower event precision
#: (docs/plugins/ml.md gives the sweep).
DEFAULT_THRESHOLD = 0.95
#: New ml events get this share of the head's probability as confidence, so that they
#: rank below rule events the head agrees with.
ML_CONFIDENCE = 0.75
#: How far agreement moves a rule event's confidence towards 1 (times the probability).
AGREE_GAIN = 0.5
#: How far disagreement moves a rule event's confidence towards 0 (times the probability).
DISAGREE_LOSS = 0.4
#: Sentences longer than this are not used as evidence (the scorer ignores evidence over 600).
MAX_EVIDENCE = 600
#: Sentences with fewer words than this are not classified as new events (labels, bylines).
MIN_WORDS = 5


def default_head_path() -> Path:
    """The head shipped with the plugin (``libyaevents_ml/data/head.npz``)."""
    return Path(str(resources.files("libyaevents_ml") / "data" / "head.npz"))


class MLExtractor:
    """Sentence classifier extractor (see the module docstring).

    Args:
        threshold: Least probability for a new event (default: ``LIBYAEVENTS_ML_THRESHOLD``
            or :data:`DEFAULT_THRESHOLD`).
        head_path: Head file (default: ``LIBYAEVENTS_ML_HEAD`` or the shipped head).
        encoder: An object with ``encode(list[str]) -> array`` and ``name``, ``dim``
            (default: the configured sentence-transformers model, loaded on first use).
        head: A :class:`~libyaevents_ml.head.SoftmaxHead` to use instead of a file.
    """

    name = "ml"
    order = 200

    def __init__(
        self,
        *,
        threshold: float | None = None,
        head_path: str | Path | None = None,
        encoder: Any = None,
        head: Any = None,
    ) -> None:
        if threshold is None:
            env = os.environ.get(THRESHOLD_ENV, "").strip()
            threshold = float(env) if env else DEFAULT_THRESHOLD
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be between 0 and 1 (got {threshold})")
        self.threshold = threshold
        self._head_path = head_path
        self._encoder = encoder
        self._head = head
        self._lock = threading.Lock()
        self._warned = False

    # -- loading (lazy) ----------------------------------------------------

    def _load(self) -> tuple[Any, Any, str | None]:
        """The encoder and head, loaded on first use, and a warning to report once, if any."""
        with self._lock:
            if self._encoder is None:
                from .encoder import get_encoder

                self._encoder = get_encoder()
            if self._head is None:
                from .head import load_head

                path = self._head_path or os.environ.get(HEAD_ENV, "").strip() or default_head_path()
                if not Path(path).is_file():
                    raise FileNotFoundError(
                        f"no classifier head at {path}: train one with 'libyaevents-ml train LABELLED.jsonl "
                        f"-o HEAD' and point {HEAD_ENV} at it"
                    )
                head = load_head(path)
                bad = sorted(set(head.labels) - set(EVENT_TYPES) - {"NONE"})
                if bad:
                    raise ValueError(f"head {path} has labels that are not PLOVER types or NONE: {', '.join(bad)}")
                self._head = head
            enc, head = self._encoder, self._head
        if head.dim != enc.dim:
            raise ValueError(
                f"the classifier head expects {head.dim}-dimensional embeddings (model "
                f"{head.meta.get('model', '?')!r}) but the model {enc.name!r} gives {enc.dim}: retrain the "
                f"head on this model with 'libyaevents-ml train LABELLED.jsonl -o HEAD' and set {HEAD_ENV}"
            )
        warning = None
        trained_on = head.meta.get("model")
        if trained_on and trained_on != enc.name and not self._warned:
            self._warned = True
            warning = (
                f"the classifier head was trained on embeddings of {trained_on!r}, not of {enc.name!r}; "
                "its predictions may be meaningless: retrain it with 'libyaevents-ml train'"
            )
        return enc, head, warning

    # -- the stage ---------------------------------------------------------

    def classify(self, texts: list[str]) -> list[dict[str, float]]:
        """Probabilities of each label for each text (loads the model on first use)."""
        enc, head, _ = self._load()
        probs = head.predict_proba(enc.encode(texts))
        return [dict(zip(head.labels, map(float, row))) for row in probs]

    def build_events(self, doc: Document) -> list[Event]:
        sentences = [s for s in doc.sentences if s.text.strip()]
        if not sentences:
            return []
        enc, head, warning = self._load()
        if warning:
            doc.add_problem("warning", warning, plugin=self.name)
        probs = head.predict_proba(enc.encode([_clean(s.text) for s in sentences]))
        labels = head.labels
        predictions = []
        new: list[Event] = []
        for sent, row in zip(sentences, probs):
            top = int(row.argmax())
            label, p = labels[top], float(row[top])
            predictions.append((sent, label, p))
            found = [i for i, e in enumerate(doc.events) if e.extractor != self.name and _overlaps(e, sent)]
            if found:
                for i in found:
                    doc.events[i] = _weigh(doc.events[i], label, p)
                continue
            if label == "NONE" or p < self.threshold:
                continue
            event = self._new_event(doc, sent, label, p)
            if event is not None:
                new.append(event)
        doc.data[self.name] = {"model": enc.name, "predictions": predictions}
        return new

    def _new_event(self, doc: Document, sent: Span, label: str, p: float) -> Event | None:
        if len(sent.text) > MAX_EVIDENCE or len(sent.text.split()) < MIN_WORDS:
            return None
        args = arguments(doc, sent)
        if not args["source"] and not args["target"]:
            return None  # no actor named in the sentence
        return Event(
            id=event_id(doc.article.id, label, [sent]),
            type=label,
            evidence=(sent,),
            source=args["source"],
            target=args["target"],
            location=args["location"],
            date=args["date"],
            contexts=Contexts(future=bool(_FUTURE.search(sent.text))),
            confidence=round(ML_CONFIDENCE * p, 4),
            extractor=self.name,
        )


def _clean(text: str) -> str:
    return " ".join(text.split())


def _overlaps(event: Event, sent: Span) -> bool:
    return any(s.start < sent.end and sent.start < s.end for s in event.evidence)


def _weigh(event: Event, label: str, p: float) -> Event:
    """Raise or lower a rule event's confidence by the head's verdict on its sentence."""
    c = event.confidence
    if label == event.type:
        c = c + (1.0 - c) * AGREE_GAIN * p
    else:
        c = c * (1.0 - DISAGREE_LOSS * p)
    return attrs.evolve(event, confidence=round(min(1.0, max(0.0, c)), 4))


# ---------------------------------------------------------------------------
# Arguments from the sentence's mentions
# ---------------------------------------------------------------------------

_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|got)\b", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)
_COORD = re.compile(r"^\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?$", re.IGNORECASE)
_FUTURE = re.compile(
    r"\b(?:will|shall|is (?:due|expected|scheduled|set) to|are (?:due|expected|scheduled|set) to|plans? to|"
    r"intends? to|to be held)\b",
    re.IGNORECASE,
)


def arguments(doc: Document, sent: Span) -> dict[str, Any]:
    """Source, target, location and date for an event stated by ``sent``.

    News media are left out: in a sentence they are who reports ("told Al Jazeera"),
    so a sentence naming no other actor gives no event.

    * **source**: the first actor named; with "between A and B" or "A and B"
      coordinated at the start, both. In a passive sentence ("was attacked by X")
      the actor after "by" is the source and the first actor the target.
    * **target**: the next actor named after the sources.
    * **location**: the first place named in the sentence.
    * **date**: from :func:`sentence_date`.
    """
    mentions = list(doc.mentions_in(sent.start, sent.end))
    actors = []
    seen: set[str] = set()
    for m in mentions:
        # a news outlet named in a sentence is who reports, not who acts ("told Al Jazeera")
        if m.is_actor and m.entity.kind != "media" and m.entity.id not in seen:
            seen.add(m.entity.id)
            actors.append(m)
    place = next((m.entity for m in mentions if not m.is_actor), None)
    source: list[Any] = []
    target: list[Any] = []
    text = doc.text
    agent = None
    if len(actors) >= 2 and _PASSIVE.search(text[sent.start : actors[0].span.start + 200]):
        for m in actors[1:]:
            if _BY_BEFORE.search(text[max(sent.start, m.span.start - 12) : m.span.start]):
                agent = m
                break
    if agent is not None:
        source = [agent.entity]
        target = [next(m.entity for m in actors if m is not agent)]
    elif actors:
        source = [actors[0].entity]
        rest = actors[1:]
        while rest and _COORD.match(text[actors[len(source) - 1].span.end : rest[0].span.start]):
            source.append(rest[0].entity)
            rest = rest[1:]
        if rest:
            target = [rest[0].entity]
    return {
        "source": tuple(source),
        "target": tuple(target),
        "location": place,
        "date": sentence_date(doc, sent, future=bool(_FUTURE.search(sent.text))),
    }


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_WORDS = re.compile(
    r"\b(?P<last>last\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?P<today>today|tonight|this\s+morning|this\s+afternoon|this\s+evening)\b"
    r"|\b(?P<yesterday>yesterday|last\s+night)\b",
    re.IGNORECASE,
)


def _rules_dates(doc: Document, sent: Span, future: bool) -> EventDate | None | bool:
    """The date the rules plugin's recogniser reads in ``sent``, when that plugin is installed.

    Returns ``False`` when the rules plugin (or the part of it used here) is not
    available, so that the caller falls back to its own reading.
    """
    try:
        from libyaevents_rules.dates import find_dates  # type: ignore[import-not-found]
    except Exception:  # noqa: BLE001 - optional: any failure means "not available"
        return False
    try:
        found = find_dates(doc.search_text, sent.start, sent.end, doc.published, future=future)
    except Exception:  # noqa: BLE001 - an internal API that changed: fall back
        return False
    for d in found:
        first, last = d.first, d.last
        if not future and doc.published is not None:
            if first > doc.published:
                continue
            last = min(last, doc.published)
        return EventDate(first, max(first, last), d.precision, Span.of(doc.text, d.start, d.end))
    return None


def sentence_date(doc: Document, sent: Span, *, future: bool = False) -> EventDate | None:
    """When the sentence says the event happened, resolved against the publication date.

    With the rules plugin installed, its date recogniser reads the sentence (the first
    date expression, never after publication for a past event). Otherwise only the
    words whose meaning needs no parser are read: a weekday ("on Thursday", the last
    such day on or before publication, a week earlier for "last Thursday" on a
    Thursday), "today"/"this morning" (the publication date) and "yesterday"/"last
    night" (the day before). Anything else, or no publication date: ``None``.
    """
    from_rules = _rules_dates(doc, sent, future)
    if from_rules is not False:
        return from_rules  # type: ignore[return-value]
    pub = doc.published
    if pub is None:
        return None
    m = _DAY_WORDS.search(sent.text)
    if m is None:
        return None
    span = Span(sent.start + m.start(), sent.start + m.end(), m.group(0))
    if m.group("wd"):
        wanted = _WEEKDAYS.index(m.group("wd").lower())
        back = (pub.weekday() - wanted) % 7
        if m.group("last") and back == 0:
            back = 7
        day = pub - dt.timedelta(days=back)
    elif m.group("today"):
        day = pub
    else:
        day = pub - dt.timedelta(days=1)
    return EventDate(start=day, end=day, precision="day", span=span)
