"""The ``gazetteer`` extractor object that the pipeline calls.

.. versionadded:: 0.1
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from libyaevents import Document, Mention

from ._data import data_files, load
from ._definite import definite_mentions
from ._matcher import Gazetteer

__all__ = ["GazetteerExtractor", "gazetteer"]

_COMPILED: dict[tuple, Gazetteer] = {}
_LOCK = threading.Lock()


def gazetteer(extra: Iterable[str | Path] = (), *, fuzzy: bool = True) -> Gazetteer:
    """The compiled gazetteer for the shipped tables, ``$LIBYAEVENTS_GAZETTEER_DATA`` and ``extra``.

    Compiled on first use and kept for the process (one per set of files).
    """
    files = data_files(extra)
    data = load(files)
    key = (id(data), fuzzy)
    with _LOCK:
        compiled = _COMPILED.get(key)
        if compiled is None:
            compiled = _COMPILED[key] = Gazetteer(data, fuzzy=fuzzy)
        return compiled


class GazetteerExtractor:
    """Finds actors and places by name (see :mod:`libyaevents_gazetteer`).

    Nothing is read when the object is made: the tables are read and compiled the
    first time an article is processed.

    Args:
        extra: More table files or folders, read after the shipped ones and
            ``$LIBYAEVENTS_GAZETTEER_DATA``.
        fuzzy: Match garbled names too (on by default).

    Attributes:
        name: ``"gazetteer"``.
        order: ``10``: runs before extractors that read mentions.
    """

    name = "gazetteer"
    order = 10

    def __init__(self, extra: Iterable[str | Path] = (), *, fuzzy: bool = True) -> None:
        self.extra = tuple(extra)
        self.fuzzy = fuzzy
        self._gazetteer: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        """The compiled gazetteer, built on first use."""
        if self._gazetteer is None:
            self._gazetteer = gazetteer(self.extra, fuzzy=self.fuzzy)
        return self._gazetteer

    def find_mentions(self, doc: Document) -> list[Mention]:
        """Every actor and place the article names, with offsets, outside furniture, and
        the definite descriptions ("the bank") of institutions named before them."""
        found = self.gazetteer.find(doc, extractor=self.name)
        return found + definite_mentions(doc.search_text, found, self.name)
