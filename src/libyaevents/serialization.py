"""The one place models become JSON-ready dictionaries and come back.

One :class:`cattrs.Converter` serves every exporter and :func:`load`. Dates are ISO
8601 strings; tuples become lists. Each event also carries its CAMEO and ACLED codes
(derived from the taxonomy, ignored when read back), so the JSON export is useful on
its own.

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import attrs
import cattrs

from ._models import Actor, Article, ArticleResult, Event, Location, Problem
from .exceptions import ExportError
from .taxonomy import acled_code, cameo_code, quad_class

__all__ = [
    "Export",
    "converter",
    "dump_event",
    "dump_problem",
    "dump_result",
    "iter_export",
    "load",
    "load_result",
]

#: The converter every exporter uses.
converter = cattrs.Converter()
converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())
converter.register_structure_hook(dt.date, lambda v, _: dt.date.fromisoformat(v))
converter.register_structure_hook(float, lambda v, _: float(v))

_ARTICLE_FIELDS = tuple(a.name for a in attrs.fields(Article))
_DERIVED_EVENT_KEYS = ("codes",)


def dump_event(event: Event) -> dict[str, Any]:
    """An event as a dictionary, with its CAMEO and ACLED codes added under ``codes``."""
    data = converter.unstructure(event)
    acled = acled_code(event.type, event.mode)
    data["codes"] = {
        "cameo": cameo_code(event.type, event.mode),
        "quad_class": quad_class(event.type),
        "acled_disorder_type": acled.disorder_type,
        "acled_event_type": acled.event_type,
        "acled_sub_event_type": acled.sub_event_type,
    }
    return data


def dump_problem(problem: Problem) -> dict[str, Any]:
    """A problem as a dictionary."""
    return converter.unstructure(problem)


def dump_result(result: ArticleResult) -> dict[str, Any]:
    """An article's results as the dictionary the JSON export holds.

    The article's own fields come first (``id``, ``text``, ``title``...), then
    ``actors``, ``locations``, ``events`` and ``errors``.
    """
    data = converter.unstructure(result.article)
    data["actors"] = [converter.unstructure(a) for a in result.actors]
    data["locations"] = [converter.unstructure(loc) for loc in result.locations]
    data["events"] = [dump_event(e) for e in result.events]
    data["errors"] = [dump_problem(p) for p in result.errors]
    return data


def load_result(data: dict[str, Any]) -> ArticleResult:
    """Read back what :func:`dump_result` wrote."""
    article = converter.structure({k: data[k] for k in _ARTICLE_FIELDS if k in data}, Article)
    events = []
    for raw in data.get("events", []):
        raw = {k: v for k, v in raw.items() if k not in _DERIVED_EVENT_KEYS}
        events.append(converter.structure(raw, Event))
    return ArticleResult(
        article=article,
        actors=tuple(converter.structure(a, Actor) for a in data.get("actors", [])),
        locations=tuple(converter.structure(loc, Location) for loc in data.get("locations", [])),
        events=tuple(events),
        errors=tuple(converter.structure(p, Problem) for p in data.get("errors", [])),
    )


@attrs.frozen
class Export:
    """A saved export read back: its version, articles and errors."""

    version: str
    articles: tuple[ArticleResult, ...]
    errors: tuple[Problem, ...]


def iter_export(source: str | Path | IO[str]) -> Iterator[ArticleResult | Problem]:
    """Yield the articles and errors of a JSON or JSON Lines export, in order.

    Raises:
        ExportError: The file is neither a libyaevents JSON nor JSON Lines export.
    """
    if isinstance(source, (str, Path)):
        with open(source, encoding="utf-8") as stream:
            yield from iter_export(stream)
        return
    name = getattr(source, "name", "<stream>")
    head = source.read(1)
    while head and head.isspace():
        head = source.read(1)
    rest = source.read()
    text = head + rest
    try:
        if text.startswith('{"libyaevents"') or (text.startswith("{") and '"articles"' in text[:200]):
            data = json.loads(text)
            if isinstance(data, dict) and "articles" in data:
                for item in data["articles"]:
                    yield load_result(item)
                for problem in data.get("errors", []):
                    yield converter.structure(problem, Problem)
                return
        for line in text.split("\n"):
            if not line.strip():
                continue
            record = json.loads(line)
            kind = record.pop("record", "article")
            yield converter.structure(record, Problem) if kind == "error" else load_result(record)
    except (json.JSONDecodeError, KeyError, TypeError, ValueError, cattrs.BaseValidationError) as exc:
        raise ExportError(f"{name}: not a libyaevents export ({type(exc).__name__}: {exc})") from exc


def load(source: str | Path | IO[str]) -> Export:
    """Read a JSON (or JSON Lines) export back into the models, losslessly.

    Args:
        source: A path or an open text stream.

    Returns:
        The export's version, articles and errors.

    Examples:
        ```python
        export = libyaevents.load("out.json")
        for result in export.articles:
            print(result.article.id, len(result.events))
        ```
    """
    if isinstance(source, (str, Path)):
        with open(source, encoding="utf-8") as stream:
            return load(stream)
    text = source.read()
    version = ""
    if text.lstrip().startswith("{"):
        try:
            head = json.loads(text)
            version = str(head.get("libyaevents", "")) if isinstance(head, dict) else ""
        except json.JSONDecodeError:
            pass  # JSON Lines: each line is a record
    articles, errors = [], []
    for item in iter_export(io.StringIO(text)):
        (errors if isinstance(item, Problem) else articles).append(item)
    return Export(version=version, articles=tuple(articles), errors=tuple(errors))
