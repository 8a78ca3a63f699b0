"""Built-in exporters: JSON (one document) and JSON Lines (one article a line).

JSON is the reference format: everything else can be made from it with ``libyaevents
convert``, and :func:`libyaevents.load` reads it back into the models losslessly.
Both write as they go, so memory stays flat however many articles pass.

.. versionadded:: 0.1
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from .. import __version__
from .._models import ArticleResult, Problem
from ..hookspecs import hookimpl
from ..serialization import dump_problem, dump_result


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class JsonExporter:
    """``{"libyaevents": VERSION, "articles": [...], "errors": [...]}``."""

    name = "json"
    suffix = ".json"
    media_type = "application/json"

    def write(self, items: Iterable[ArticleResult | Problem], stream: IO[str]) -> None:
        stream.write('{"libyaevents":' + _dumps(__version__) + ',"articles":[')
        errors: list[Problem] = []
        first = True
        for item in items:
            if isinstance(item, Problem):
                errors.append(item)
                continue
            stream.write(("\n" if first else ",\n") + _dumps(dump_result(item)))
            first = False
        stream.write('\n],"errors":[')
        stream.write(",".join("\n" + _dumps(dump_problem(p)) for p in errors))
        stream.write("\n]}\n")


class JsonLinesExporter:
    """One JSON object a line: ``{"record": "article", ...}`` or ``{"record": "error", ...}``."""

    name = "jsonl"
    suffix = ".jsonl"
    media_type = "application/jsonl"

    def write(self, items: Iterable[ArticleResult | Problem], stream: IO[str]) -> None:
        for item in items:
            if isinstance(item, Problem):
                record = {"record": "error", **dump_problem(item)}
            else:
                record = {"record": "article", **dump_result(item)}
            stream.write(_dumps(record) + "\n")
            stream.flush()


@hookimpl
def register_exporters(register: Any) -> None:
    """Register the JSON and JSON Lines exporters."""
    register(JsonExporter())
    register(JsonLinesExporter())
