"""The working state of one article while the pipeline's stages run over it.

A :class:`Document` is the only mutable object in the pipeline. Each stage hook
receives it, reads what earlier stages left and adds its own findings: the clean stage
marks page furniture and sentences, the find-mentions stage adds :class:`Mention`
records, the build-events stage adds :class:`Event` records, and the resolve stage
merges them. The text itself is never changed, so every offset stays valid.

.. versionadded:: 0.1
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator
from typing import Any

import attrs

from ._models import Article, Event, Mention, Problem, Span
from .text import fold

__all__ = ["Document"]


@attrs.define
class Document:
    """One article being processed.

    Attributes:
        article: The article as read (immutable).
        published: The publication date the stages resolve dates against: the
            article's own, or one the clean stage read from the text (a dateline).
        furniture: Spans of page furniture (menus, share buttons, sidebars, other
            stories' headlines) that no extractor may read events or actors from.
        sentences: Sentence spans of the body, in text order, furniture excluded.
        mentions: Actor and location mentions found so far.
        events: Events built so far.
        problems: Errors and warnings about this article.
        data: Scratch space that cooperating plugins share, keyed by plugin name.
    """

    article: Article
    published: dt.date | None = None
    furniture: list[Span] = attrs.Factory(list)
    sentences: list[Span] = attrs.Factory(list)
    mentions: list[Mention] = attrs.Factory(list)
    events: list[Event] = attrs.Factory(list)
    problems: list[Problem] = attrs.Factory(list)
    data: dict[str, Any] = attrs.Factory(dict)
    _search_text: str | None = attrs.field(default=None, init=False, repr=False)

    @classmethod
    def for_article(cls, article: Article, *, published: dt.date | None = None) -> Document:
        """Start processing ``article``; ``published`` fills a missing publication date."""
        return cls(article=article, published=article.published or published)

    @property
    def text(self) -> str:
        """The article's text, exactly as given."""
        return self.article.text

    @property
    def search_text(self) -> str:
        """The text folded for matching (:func:`libyaevents.text.fold`): the same length
        as :attr:`text`, so offsets found in it are valid in the original.

        Look-alike Cyrillic letters, curly quotes, dashes and non-breaking spaces become
        plain ASCII; case is kept. Match on this, slice spans from :attr:`text`.
        """
        if self._search_text is None:
            self._search_text = fold(self.article.text)
        return self._search_text

    def span(self, start: int, end: int) -> Span:
        """The span ``text[start:end]``."""
        return Span(start, end, self.article.text[start:end])

    def mark_furniture(self, start: int, end: int) -> None:
        """Mark ``text[start:end]`` as page furniture."""
        if end > start:
            self.furniture.append(self.span(start, end))

    def is_furniture(self, start: int, end: int | None = None) -> bool:
        """Whether the stretch ``start:end`` overlaps page furniture."""
        end = start + 1 if end is None else end
        return any(s.start < end and s.end > start for s in self.furniture)

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence that contains ``offset``, if any."""
        i = bisect.bisect_right(self.sentences, offset, key=_start) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def mentions_in(self, start: int, end: int) -> Iterator[Mention]:
        """Mentions lying inside ``start:end``, in text order."""
        inside = [m for m in self.mentions if m.span.start >= start and m.span.end <= end]
        yield from sorted(inside, key=lambda m: m.span.start)

    def add_problem(self, level: str, message: str, *, plugin: str | None = None) -> None:
        """Record an error or warning about this article."""
        self.problems.append(
            Problem(
                level=level,
                message=message,
                origin=self.article.origin,
                article_id=self.article.id,
                plugin=plugin,
            )
        )


def _start(span: Span) -> int:
    return span.start
