"""Shared helpers for readers: decoding bytes, parsing dates, validating records.

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from ._models import Article, Problem

__all__ = ["article_from_record", "decode", "html_record", "looks_binary", "parse_date"]

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` looks like a binary file (a NUL byte near the start)."""
    return b"\x00" in data[:8192]


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode bytes as UTF-8, else cp1252, else latin-1; return the text and a warning."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        where = f"byte {exc.start}"
    for encoding in ("cp1252", "latin-1"):
        try:
            return data.decode(encoding), f"not UTF-8 ({where}): read as {encoding}"
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def parse_date(value: Any) -> dt.date | None:
    """Parse a publication date: ISO 8601 first, then dateparser; ``None`` if neither."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    m = _ISO.match(value.strip())
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    if len(value) > 64:
        return None
    import dateparser  # imported lazily: it is slow to import

    parsed = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None


_OPTIONAL_STR = ("title", "url", "publisher", "language")


def article_from_record(
    record: Any, *, origin: str, default_id: str, warning: str | None = None
) -> Iterator[Article | Problem]:
    """Turn one JSON object into an Article, or Problems naming ``origin``."""
    if not isinstance(record, dict):
        yield Problem("error", f"expected a JSON object, got {type(record).__name__}", origin=origin)
        return
    raw_id = record.get("id", default_id)
    art_id = str(raw_id) if raw_id is not None and str(raw_id).strip() else default_id
    text = record.get("text")
    if not isinstance(text, str):
        yield Problem(
            "error", f"'text' must be a string, got {type(text).__name__}", origin=origin, article_id=art_id
        )
        return
    if not text.strip():
        yield Problem("error", "empty text: skipped", origin=origin, article_id=art_id)
        return
    fields: dict[str, Any] = {}
    for name in _OPTIONAL_STR:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            yield Problem(
                "warning", f"'{name}' must be a string, got {type(value).__name__}: ignored", origin=origin, article_id=art_id
            )
            continue
        if value:
            fields[name] = value
    published = None
    if record.get("published") not in (None, ""):
        published = parse_date(record.get("published"))
        if published is None:
            yield Problem(
                "warning",
                f"publication date {record.get('published')!r} does not parse: read without it",
                origin=origin,
                article_id=art_id,
            )
    if warning:
        yield Problem("warning", warning, origin=origin, article_id=art_id)
    yield Article(id=art_id, text=text, published=published, origin=origin, **fields)


def html_record(html: str) -> dict[str, Any]:
    """Extract main text, title, date and URL from a web page with trafilatura."""
    import trafilatura  # imported lazily: only HTML inputs need it

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None:
        return {}
    if not isinstance(doc, dict):  # newer trafilatura returns a Document
        doc = doc.as_dict()
    out = {"text": doc.get("text") or ""}
    for key_in, key_out in (("title", "title"), ("date", "published"), ("url", "url"), ("sitename", "publisher")):
        if doc.get(key_in):
            out[key_out] = doc[key_in]
    return out
