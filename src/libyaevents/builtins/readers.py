"""Built-in readers: plain text, JSON Lines and saved web pages.

Every reader turns bad content into a :class:`~libyaevents.Problem` that names the
file and line, never into an exception, so one bad article does not stop a run.

.. versionadded:: 0.1
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import _inputs
from .._models import Article, Problem
from ..hookspecs import hookimpl


class TextReader:
    """Reads a ``.txt`` file as one article whose id is the file stem."""

    name = "txt"
    suffixes = (".txt",)

    def read(self, path: Path) -> Iterator[Article | Problem]:
        data = path.read_bytes()
        origin = path.name
        if _inputs.looks_binary(data):
            yield Problem("error", "binary file, not text: skipped", origin=origin, article_id=path.stem)
            return
        text, warning = _inputs.decode(data)
        if not text.strip():
            yield Problem("error", "empty text: skipped", origin=origin, article_id=path.stem)
            return
        if warning:
            yield Problem("warning", warning, origin=origin, article_id=path.stem)
        yield Article(id=path.stem, text=text, origin=origin)


class JsonLinesReader:
    """Reads ``.jsonl`` files (and ``-``, standard input): one article a line."""

    name = "jsonl"
    suffixes = (".jsonl", ".ndjson")

    def read(self, path: Path) -> Iterator[Article | Problem]:
        with path.open("rb") as stream:
            yield from self.read_lines(stream, path.name, path.stem)

    def read_lines(self, stream: Any, origin_name: str, stem: str) -> Iterator[Article | Problem]:
        """Read JSON Lines from a binary stream, naming ``origin_name:N`` in problems."""
        for number, raw in enumerate(stream, start=1):
            origin = f"{origin_name}:{number}"
            if isinstance(raw, str):
                raw = raw.encode("utf-8", "surrogateescape")
            if not raw.strip():
                continue
            line, warning = _inputs.decode(raw)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Problem("error", f"line is not JSON ({exc.msg} at column {exc.colno})", origin=origin)
                continue
            yield from _inputs.article_from_record(record, origin=origin, default_id=f"{stem}-{number}", warning=warning)


class HtmlReader:
    """Reads a saved web page: main text, title, date and URL through trafilatura."""

    name = "html"
    suffixes = (".html", ".htm")

    def read(self, path: Path) -> Iterator[Article | Problem]:
        origin = path.name
        data = path.read_bytes()
        if not data.strip():
            yield Problem("error", "empty file: skipped", origin=origin, article_id=path.stem)
            return
        html, warning = _inputs.decode(data)
        if warning:
            yield Problem("warning", warning, origin=origin, article_id=path.stem)
        record = _inputs.html_record(html)
        if not record.get("text", "").strip():
            yield Problem("error", "no main text found in the page: skipped", origin=origin, article_id=path.stem)
            return
        record.setdefault("id", path.stem)
        record["id"] = path.stem
        yield from _inputs.article_from_record(record, origin=origin, default_id=path.stem)


@hookimpl
def register_readers(register: Any) -> None:
    """Register the built-in text, JSON Lines and HTML readers."""
    register(TextReader())
    register(JsonLinesReader())
    register(HtmlReader())
