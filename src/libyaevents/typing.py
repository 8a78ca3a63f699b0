"""The shapes of what plugins register: readers, extractors and exporters.

These are :class:`typing.Protocol` classes: a plugin's object need not inherit from
them, it only needs the attributes and methods they name.

.. versionadded:: 0.1
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:  # pragma: no cover
    from ._document import Document
    from ._models import Article, ArticleResult, Problem

__all__ = ["Exporter", "Extractor", "Reader"]


@runtime_checkable
class Reader(Protocol):
    """**Protocol:** turns an input file into articles.

    Attributes:
        name: Unique name (``"jsonl"``).
        suffixes: File suffixes it reads, lower case with the dot (``(".jsonl",)``).
    """

    name: str
    suffixes: tuple[str, ...]

    def read(self, path: Path) -> Iterator[Article | Problem]:
        """Yield the articles of ``path``, and a Problem for each part that is bad."""
        ...  # pragma: no cover


@runtime_checkable
class Extractor(Protocol):
    """**Protocol:** takes part in the pipeline's stages.

    Only ``name`` is required. Define any of the stage methods ``clean(doc)``,
    ``find_mentions(doc)``, ``build_events(doc)`` and ``resolve(doc)``; the first
    returns nothing, ``find_mentions`` returns a list of mentions and
    ``build_events`` a list of events (or ``None``), ``resolve`` edits ``doc``.
    An optional integer ``order`` (default 100) sorts extractors within a stage.

    Attributes:
        name: Unique name, used by ``--disable`` and in error records.
    """

    name: str


@runtime_checkable
class Exporter(Protocol):
    """**Protocol:** writes results in one format.

    Attributes:
        name: The format name (``--format NAME``).
        suffix: File suffix of the output (``".geojson"``).
        media_type: IANA media type (``"application/geo+json"``).
    """

    name: str
    suffix: str
    media_type: str

    def write(self, items: Iterable[ArticleResult | Problem], stream: IO[str]) -> None:
        """Write every item to ``stream`` (text mode)."""
        ...  # pragma: no cover

