"""The pipeline: read, clean, find mentions, build events, resolve and merge, export.

A :class:`Pipeline` loads the plugins once and then processes articles one at a
time, so memory does not grow with the number of articles. Each stage calls every
hook implementation and every registered extractor on its own: one that raises is
reported in that article's errors, and the rest go on.

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ._document import Document
from ._inputs import parse_date
from ._models import Actor, Article, ArticleResult, Event, Location, Mention, Problem
from .exceptions import UnknownFormatError
from .plugins import Registry, get_plugin_manager, trace, tracing

__all__ = ["STAGES", "Pipeline", "extract"]

#: The per-article stages, in order: (hook name, extractor method name).
STAGES: tuple[tuple[str, str], ...] = (
    ("libyaevents_clean", "clean"),
    ("libyaevents_find_mentions", "find_mentions"),
    ("libyaevents_build_events", "build_events"),
    ("libyaevents_resolve", "resolve"),
)

_Step = tuple[str, Callable[[Document], Any]]


class Pipeline:
    """The loaded plugins, ready to process any number of articles.

    Args:
        disable: Plugin, extractor, reader or exporter names to leave out (as
            ``--disable NAME``), added to ``LIBYAEVENTS_DISABLE_PLUGINS``.
        published: Publication date for articles that have none.
        load_entrypoints: Load installed plugins (``False``: built-ins only).
        plugin_manager: Use this manager instead of building one.

    Examples:
        ```python
        pipeline = libyaevents.Pipeline()
        for result in pipeline.extract_many(articles):
            print(result.article.id, [e.type for e in result.events])
        ```
    """

    def __init__(
        self,
        *,
        disable: Iterable[str] = (),
        published: dt.date | str | None = None,
        load_entrypoints: bool = True,
        plugin_manager: Any = None,
    ) -> None:
        self.disable = tuple(disable)
        self.published = parse_date(published) if isinstance(published, str) else published
        self.load_entrypoints = load_entrypoints
        #: Problems met while loading plugins (reported once, not per article).
        self.problems: list[Problem] = []
        self.pm = plugin_manager or get_plugin_manager(
            load_entrypoints=load_entrypoints, disable=self.disable, problems=self.problems
        )
        self.registry = Registry.collect(self.pm, disable=self.disable, problems=self.problems)
        self._steps = [self._stage_steps(hook, method) for hook, method in STAGES]
        if tracing():
            self._steps = [[(n, _traced(hook, n, f)) for n, f in steps] for (hook, _), steps in zip(STAGES, self._steps)]

    # -- plugins -----------------------------------------------------------

    @property
    def extractors(self) -> dict[str, Any]:
        """Registered extractors by name."""
        return self.registry.extractors

    @property
    def exporters(self) -> dict[str, Any]:
        """Registered exporters by name."""
        return self.registry.exporters

    @property
    def readers(self) -> dict[str, Any]:
        """Registered readers by name."""
        return self.registry.readers

    def _stage_steps(self, hook_name: str, method: str) -> list[_Step]:
        """The callables of one stage: built-in clean first, hook implementations in
        pluggy's order, registered extractors by ``order``, built-in resolve last."""
        first: list[_Step] = []
        hooks: list[_Step] = []
        last: list[_Step] = []
        for impl in reversed(getattr(self.pm.hook, hook_name).get_hookimpls()):
            step = (impl.plugin_name, _hook_caller(impl.function, impl.argnames))
            if impl.plugin_name == "clean":
                first.append(step)
            elif impl.plugin_name == "resolve":
                last.append(step)
            else:
                hooks.append(step)
        ordered = sorted(
            (e for e in self.registry.extractors.values() if callable(getattr(e, method, None))),
            key=lambda e: (getattr(e, "order", 100), e.name),
        )
        return first + hooks + [(e.name, getattr(e, method)) for e in ordered] + last

    # -- one article -------------------------------------------------------

    def extract(
        self, article: Article | str, *, published: dt.date | str | None = None, id: str | None = None  # noqa: A002
    ) -> ArticleResult:
        """Process one article (or a bare text) and return everything found in it."""
        if isinstance(article, str):
            article = Article(id=id or _text_id(article), text=article)
        when = parse_date(published) if isinstance(published, str) else published
        doc = Document.for_article(article, published=when or self.published)
        for steps in self._steps:
            for name, func in steps:
                self._run(doc, name, func)
        return _finish(doc)

    def _run(self, doc: Document, name: str, func: Callable[[Document], Any]) -> None:
        try:
            result = func(doc)
        except Exception as exc:  # noqa: BLE001 - one failing plugin must not stop the others
            doc.add_problem("error", f"{type(exc).__name__}: {exc}", plugin=name)
            return
        if not result:
            return
        for item in result:
            if isinstance(item, Mention):
                if not doc.is_furniture(item.span.start, item.span.end):
                    doc.mentions.append(item)
            elif isinstance(item, Event):
                if not all(doc.is_furniture(s.start, s.end) for s in item.evidence):
                    doc.events.append(item)

    # -- many articles -----------------------------------------------------

    def extract_many(self, items: Iterable[Article | Problem | str]) -> Iterator[ArticleResult | Problem]:
        """Process articles one at a time, yielding results (and passing Problems through).

        Memory stays flat: nothing is kept between articles.
        """
        for item in items:
            if isinstance(item, Problem):
                yield item
            else:
                yield self.extract(item)

    def read(self, paths: Iterable[str | Path]) -> Iterator[Article | Problem]:
        """Read articles from files, directories (recursively) and ``-`` (stdin, JSON Lines)."""
        by_suffix: dict[str, Any] = {}
        for reader in self.registry.readers.values():
            for suffix in reader.suffixes:
                by_suffix[suffix.lower()] = reader
        for raw in paths:
            if str(raw) == "-":
                reader = self.registry.readers.get("jsonl")
                if reader is None:
                    yield Problem("error", "no JSON Lines reader to read standard input", origin="-")
                    continue
                yield from reader.read_lines(sys.stdin.buffer, "<stdin>", "stdin")
                continue
            path = Path(raw)
            if path.is_dir():
                for child in sorted(p for p in path.rglob("*") if p.is_file()):
                    if child.suffix.lower() in by_suffix:
                        yield from self._read_file(by_suffix[child.suffix.lower()], child)
                continue
            if not path.exists():
                yield Problem("error", "no such file or directory", origin=str(raw))
                continue
            reader = by_suffix.get(path.suffix.lower())
            if reader is None:
                known = ", ".join(sorted(by_suffix))
                yield Problem("error", f"no reader for {path.suffix or 'files without a suffix'} (known: {known})", origin=str(raw))
                continue
            yield from self._read_file(reader, path)

    def _read_file(self, reader: Any, path: Path) -> Iterator[Article | Problem]:
        try:
            yield from reader.read(path)
        except OSError as exc:
            yield Problem("error", f"cannot read: {exc.strerror or exc}", origin=str(path), plugin=reader.name)
        except Exception as exc:  # noqa: BLE001
            yield Problem("error", f"reader failed: {type(exc).__name__}: {exc}", origin=str(path), plugin=reader.name)

    # -- export ------------------------------------------------------------

    def exporter(self, name: str) -> Any:
        """The exporter registered as ``name``.

        Raises:
            UnknownFormatError: No exporter has that name.
        """
        try:
            return self.registry.exporters[name]
        except KeyError:
            known = ", ".join(sorted(self.registry.exporters))
            raise UnknownFormatError(f"unknown format {name!r} (known: {known})") from None

    def export(self, items: Iterable[ArticleResult | Problem], format: str, stream: IO[str]) -> None:  # noqa: A002
        """Write ``items`` to ``stream`` with the exporter registered as ``format``."""
        self.exporter(format).write(items, stream)


def _traced(hook_name: str, name: str, func: Callable[[Document], Any]) -> Callable[[Document], Any]:
    def call(doc: Document) -> Any:
        result = func(doc)
        trace(hook_name, name, result)
        return result

    return call


def _hook_caller(function: Callable[..., Any], argnames: tuple[str, ...]) -> Callable[[Document], Any]:
    """Call a hook implementation with the arguments it asks for."""
    if "doc" in argnames:
        return lambda doc: function(doc=doc)
    return lambda doc: function()


def _text_id(text: str) -> str:
    from .ids import stable_id

    return "text-" + stable_id("text", text)[:8]


def _finish(doc: Document) -> ArticleResult:
    """Collect each actor and place once, with all its mentions, and order the events."""
    actors: dict[str, tuple[Actor, list, list]] = {}
    places: dict[str, tuple[Location, list, list]] = {}
    for m in sorted(doc.mentions, key=lambda m: (m.span.start, m.span.end)):
        table = actors if isinstance(m.entity, Actor) else places
        entry = table.setdefault(m.entity.id, (m.entity, [], []))
        if m.span not in entry[1]:
            entry[1].append(m.span)
        if m.span.text not in entry[2]:
            entry[2].append(m.span.text)
    for event in doc.events:
        for actor in event.source + event.target:
            actors.setdefault(actor.id, (actor, [], []))
        if event.location is not None:
            places.setdefault(event.location.id, (event.location, [], []))
    out_actors = tuple(_with_mentions(e, spans, forms) for e, spans, forms in actors.values())
    out_places = tuple(_with_mentions(e, spans, forms) for e, spans, forms in places.values())
    events = tuple(sorted(doc.events, key=lambda e: (e.evidence[0].start, e.type, e.id)))
    return ArticleResult(
        article=doc.article if doc.article.published or not doc.published else _with_date(doc),
        actors=out_actors,
        locations=out_places,
        events=events,
        errors=tuple(doc.problems),
    )


def _with_mentions(entity: Any, spans: list, forms: list) -> Any:
    import attrs

    aliases = tuple(dict.fromkeys(entity.aliases + tuple(f for f in forms if f != entity.name)))
    return attrs.evolve(entity, aliases=aliases, mentions=tuple(spans))


def _with_date(doc: Document) -> Article:
    import attrs

    return attrs.evolve(doc.article, published=doc.published)


_DEFAULT: Pipeline | None = None


def extract(
    text_or_article: Article | str,
    *,
    published: dt.date | str | None = None,
    id: str | None = None,  # noqa: A002
    disable: Iterable[str] = (),
) -> ArticleResult:
    """Extract actors, places and events from one article or text, in one call.

    The installed plugins are loaded on the first call and kept for the next ones
    (unless ``disable`` is given, which builds a pipeline for this call).

    Args:
        text_or_article: An :class:`~libyaevents.Article`, or the text of one.
        published: Publication date relative dates are resolved against.
        id: Id for a bare text (default: derived from the text).
        disable: Plugin or extractor names to leave out.

    Returns:
        The article's actors, locations, events and errors.

    Examples:
        ```python
        result = libyaevents.extract("Clashes in Tripoli on Friday killed 3 people.",
                                     published="2024-05-12")
        ```
    """
    global _DEFAULT
    if disable or os.environ.get("LIBYAEVENTS_NO_CACHE"):
        return Pipeline(disable=disable).extract(text_or_article, published=published, id=id)
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT.extract(text_or_article, published=published, id=id)
