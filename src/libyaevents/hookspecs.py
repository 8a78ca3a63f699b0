"""The whole plugin contract: every hook libyaevents calls, and when.

A plugin is a module or object whose functions carry the :data:`hookimpl` marker and
the name of one of the hooks below. It may accept any or all of a hook's arguments.
Plugins are found through the ``libyaevents`` entry-point group (see
:mod:`libyaevents.plugins`).

Two families of hooks:

* **Registration hooks** (``register_*``) are called once, when a
  :class:`~libyaevents.Pipeline` is built. Each receives a ``register`` callback; the
  core validates what is registered, refuses a name registered twice, and records
  which plugin registered it, so ``--disable NAME`` and ``libyaevents plugins`` work
  per reader, extractor and exporter.
* **Stage hooks** (``libyaevents_clean``, ``libyaevents_find_mentions``,
  ``libyaevents_build_events``, ``libyaevents_resolve``) are called once per article,
  in that order, with the article's :class:`~libyaevents.Document`. The core calls
  each implementation on its own, so one that raises is reported in the article's
  errors and the others go on. Registered extractors' methods of the same names run
  in the same stage, after the hook implementations of that stage.

No hook is ``firstresult``: every implementation's result is collected.

.. versionadded:: 0.1
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

import pluggy

if TYPE_CHECKING:  # pragma: no cover - typing only
    from ._document import Document
    from ._models import Event, Mention
    from .typing import Exporter, Extractor, Reader

__all__ = [
    "PROJECT",
    "hookimpl",
    "hookspec",
    "libyaevents_build_events",
    "libyaevents_clean",
    "libyaevents_find_mentions",
    "libyaevents_resolve",
    "register_exporters",
    "register_extractors",
    "register_readers",
]

#: The pluggy project name; also the entry-point group.
PROJECT = "libyaevents"

_F = TypeVar("_F", bound=Callable[..., Any])

hookspec = pluggy.HookspecMarker(PROJECT)
#: Mark a function as a hook implementation: ``@libyaevents.hookimpl``.
#: Accepts pluggy's options (``tryfirst``, ``trylast``, ``wrapper``...).
hookimpl = cast(Callable[..., Any], pluggy.HookimplMarker(PROJECT))


# ---------------------------------------------------------------------------
# Registration hooks: called once per Pipeline
# ---------------------------------------------------------------------------


@hookspec
def register_readers(register: Callable[[Reader], None]) -> None:
    """Register readers that turn input files into articles.

    Called once when a :class:`~libyaevents.Pipeline` is built. The core picks a
    reader for each input path by its suffix (``.txt``, ``.jsonl``, ``.html``...),
    the last registered winning, so a plugin can replace a built-in reader.

    Args:
        register: Call ``register(reader)`` once per reader. A reader is any object
            with ``name``, ``suffixes`` and ``read(path)`` (see
            :class:`libyaevents.typing.Reader`); ``read`` yields
            :class:`~libyaevents.Article` records, or :class:`~libyaevents.Problem`
            records for what cannot be read, and never raises for bad content.

    Returns:
        Nothing; what counts is what was registered.

    Examples:
        ```python
        @libyaevents.hookimpl
        def register_readers(register):
            register(MyCsvReader())
        ```
    """


@hookspec
def register_extractors(register: Callable[[Extractor], None]) -> None:
    """Register extractors: named objects that take part in the pipeline's stages.

    Called once when a :class:`~libyaevents.Pipeline` is built. An extractor is any
    object with a ``name`` and one or more of the stage methods ``clean(doc)``,
    ``find_mentions(doc)``, ``build_events(doc)`` and ``resolve(doc)`` (see
    :class:`libyaevents.typing.Extractor`). Each method is called in its stage, once
    per article; extractors of one stage run in ascending ``order`` (an optional
    integer attribute, default 100), then by name. An extractor disabled by name
    (``--disable NAME``) is skipped.

    Args:
        register: Call ``register(extractor)`` once per extractor.

    Returns:
        Nothing.

    Examples:
        ```python
        @libyaevents.hookimpl
        def register_extractors(register):
            register(KeywordExtractor())
        ```
    """


@hookspec
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register exporters: the output formats of ``extract --format NAME`` and ``convert``.

    Called once when a :class:`~libyaevents.Pipeline` is built. An exporter is any
    object with ``name``, ``suffix``, ``media_type`` and ``write(items, stream)`` (see
    :class:`libyaevents.typing.Exporter`). ``items`` is an iterable of
    :class:`~libyaevents.ArticleResult` and :class:`~libyaevents.Problem` records in
    input order; an exporter that can write as it goes should, so memory stays flat.

    Args:
        register: Call ``register(exporter)`` once per exporter.

    Returns:
        Nothing.
    """


# ---------------------------------------------------------------------------
# Stage hooks: called once per article, in this order
# ---------------------------------------------------------------------------


@hookspec
def libyaevents_clean(doc: Document) -> None:
    """Mark what is not the article's own text, and split the body into sentences.

    First stage. Implementations call ``doc.mark_furniture(start, end)`` for menus,
    share buttons, tags, "Next Post" links and sidebar headlines of other stories,
    may set ``doc.published`` from a dateline when the input had no date, and may
    replace ``doc.sentences``. The text is never modified: offsets stay valid. The
    built-in ``clean`` plugin runs first, so later implementations find furniture
    and sentences already marked and may refine them.

    Args:
        doc: The article's working state.

    Returns:
        Nothing; the hook works on ``doc``.
    """


@hookspec
def libyaevents_find_mentions(doc: Document) -> list[Mention] | None:
    """Find the actors and places the article names.

    Second stage. Each returned :class:`~libyaevents.Mention` carries a span into
    ``doc.text`` and a resolved :class:`~libyaevents.Actor` or
    :class:`~libyaevents.Location`. Mentions inside page furniture are dropped by the
    core. Implementations may also append to ``doc.mentions`` directly.

    Args:
        doc: The article's working state, cleaned.

    Returns:
        A list of mentions, or ``None``.
    """


@hookspec
def libyaevents_build_events(doc: Document) -> list[Event] | None:
    """Build events from the sentences and the mentions found so far.

    Third stage. Each returned :class:`~libyaevents.Event` has at least one evidence
    span; use :func:`libyaevents.ids.event_id` for its id. Events whose evidence lies
    in page furniture are dropped by the core.

    Args:
        doc: The article's working state, with ``doc.mentions`` filled.

    Returns:
        A list of events, or ``None``.
    """


@hookspec
def libyaevents_resolve(doc: Document) -> None:
    """Resolve and merge: settle coreference, fill missing arguments, merge duplicates.

    Last stage before export. Implementations edit ``doc.mentions`` and
    ``doc.events`` in place. The built-in ``resolve`` plugin runs last
    (``trylast``): it merges events that state the same happening (same type, same
    sentence or same arguments) into one carrying every evidence span, then assigns
    content-derived ids.

    Args:
        doc: The article's working state, with mentions and events.

    Returns:
        Nothing.
    """
