"""libyaevents-example: a minimal plugin to copy (one extractor, one exporter).

The extractor ``example-keywords`` emits a PROTEST event for every sentence that names
a sit-in or demonstrators; the exporter ``example-tsv`` writes one line per event. The
lines to change when you copy this plugin are marked ``# Change this ... in your plugin``.

libyaevents finds this module through the entry point in ``pyproject.toml``
(``[project.entry-points.libyaevents] example = "libyaevents_example"``) and calls the
functions below that carry ``@libyaevents.hookimpl``.
"""

from __future__ import annotations

# --8<-- [start:imports]
import re
from collections.abc import Iterable
from typing import IO, Any

import libyaevents
from libyaevents import ArticleResult, Document, Event, Problem
from libyaevents.ids import event_id

# --8<-- [end:imports]

__all__ = ["KeywordExtractor", "TsvExporter", "register_exporters", "register_extractors"]

# --8<-- [start:settings]
# Change these in your plugin: the words to look for, and the event they signal.
KEYWORDS = ("sit-in", "demonstrators")
EVENT_TYPE = "PROTEST"  # one of libyaevents.taxonomy.EVENT_TYPES
MODE = "demo"  # one of libyaevents.taxonomy.MODES[EVENT_TYPE], or None
# Change these names in your plugin: they must be unique among installed plugins.
EXTRACTOR_NAME = "example-keywords"
EXPORTER_NAME = "example-tsv"
# --8<-- [end:settings]

# One linear-time pattern: the keywords as whole words, any case.
_PATTERN = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in KEYWORDS) + r")\b", re.IGNORECASE)


# --8<-- [start:extractor]
class KeywordExtractor:
    """Emit an event for every sentence that contains one of :data:`KEYWORDS`.

    An extractor is any object with a ``name`` and one or more stage methods
    (``clean``, ``find_mentions``, ``build_events``, ``resolve``); this one takes part
    in the build-events stage only.
    """

    name = EXTRACTOR_NAME
    #: Extractors of one stage run in ascending order (default 100).
    order = 100

    def build_events(self, doc: Document) -> list[Event]:
        """Return one event per matching sentence, the sentence as its evidence."""
        events = []
        # The clean stage has already split the body into sentences and left out the
        # page furniture (menus, share buttons, other stories' headlines).
        for sentence in doc.sentences:
            match = _PATTERN.search(sentence.text)
            if match is None:
                continue
            start = sentence.start + match.start()
            events.append(
                Event(
                    id=event_id(doc.article.id, EVENT_TYPE, [sentence]),
                    type=EVENT_TYPE,
                    mode=MODE,
                    evidence=(sentence,),
                    trigger=doc.span(start, start + len(match.group())),
                    confidence=0.3,  # a keyword is weak evidence: say so
                    extractor=self.name,
                )
            )
        return events


# --8<-- [end:extractor]


# --8<-- [start:exporter]
class TsvExporter:
    """Write one line per event: article id, event type, evidence text (tab-separated)."""

    name = EXPORTER_NAME  # what `--format` takes
    suffix = ".tsv"
    media_type = "text/tab-separated-values"

    def write(self, items: Iterable[ArticleResult | Problem], stream: IO[str]) -> None:
        """Write the events of each article as it arrives, so memory stays flat."""
        for item in items:
            if isinstance(item, Problem):  # errors have no events; skip them
                continue
            for event in item.events:
                evidence = " ".join(span.text for span in event.evidence)
                stream.write(f"{item.article.id}\t{event.type}\t{_one_line(evidence)}\n")


def _one_line(text: str) -> str:
    """Keep a field on one line and inside its column."""
    return " ".join(text.split())


# --8<-- [end:exporter]


# --8<-- [start:hooks]
@libyaevents.hookimpl
def register_extractors(register: Any) -> None:
    """Called once per pipeline: hand libyaevents our extractor."""
    register(KeywordExtractor())


@libyaevents.hookimpl
def register_exporters(register: Any) -> None:
    """Called once per pipeline: hand libyaevents our output format."""
    register(TsvExporter())


# --8<-- [end:hooks]
