"""Readers: every input shape, and bad input reported by file and line without stopping."""

from __future__ import annotations

import datetime as dt
import json

from libyaevents import Article, Problem


def _read(pipeline, *paths):
    return list(pipeline.read([str(p) for p in paths]))


def test_txt_id_is_stem(tmp_path, core_pipeline) -> None:
    """A .txt file is one article whose id is the file stem."""
    (tmp_path / "story-1.txt").write_text("Clashes in Sirte.", encoding="utf-8")
    (article,) = _read(core_pipeline, tmp_path / "story-1.txt")
    assert article == Article(id="story-1", text="Clashes in Sirte.", origin="story-1.txt")


def test_mixed_jsonl(tmp_path, core_pipeline) -> None:
    """Bad lines get errors naming file:line; good lines are read; a bad date only warns."""
    lines = [
        json.dumps({"id": "a", "text": "Fine.", "published": "2024-02-03", "title": "T"}),
        "{not json",
        json.dumps({"id": "b", "text": 42}),
        json.dumps({"id": "c", "text": "   "}),
        json.dumps({"id": "d", "text": "Dated oddly.", "published": "the day after"}),
        json.dumps(["a", "list"]),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read(core_pipeline, path)
    articles = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [a.id for a in articles] == ["a", "d"]
    assert articles[0].published == dt.date(2024, 2, 3) and articles[0].title == "T"
    assert articles[1].published is None
    assert [(p.origin, p.level) for p in problems] == [
        ("mixed.jsonl:2", "error"),
        ("mixed.jsonl:3", "error"),
        ("mixed.jsonl:4", "error"),
        ("mixed.jsonl:5", "warning"),
        ("mixed.jsonl:6", "error"),
    ]
    assert "not JSON" in problems[0].message
    assert "'text' must be a string" in problems[1].message


def test_binary_and_empty_files(tmp_path, core_pipeline) -> None:
    """A binary file and an empty text are errors naming the file; others are still read."""
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Real text.", encoding="utf-8")
    items = _read(core_pipeline, tmp_path)
    assert [(type(i).__name__, getattr(i, "origin", None)) for i in items] == [
        ("Problem", "a.txt"),
        ("Problem", "b.txt"),
        ("Article", "c.txt"),
    ]
    assert "binary" in items[0].message


def test_cp1252_read_with_warning(tmp_path, core_pipeline) -> None:
    """Bytes in cp1252 are read, with a warning record."""
    (tmp_path / "w.txt").write_bytes("Martyrs\u2019 Square in Tripoli \u2013 caf\xe9".encode("cp1252"))
    warning, article = _read(core_pipeline, tmp_path / "w.txt")
    assert warning.level == "warning" and "cp1252" in warning.message
    assert article.text == "Martyrs\u2019 Square in Tripoli \u2013 caf\xe9"


def test_directory_recursive_and_sorted(tmp_path, core_pipeline) -> None:
    """Directories are read recursively, in a stable order, skipping unknown suffixes."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Two.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    assert [a.id for a in _read(core_pipeline, tmp_path)] == ["1", "2"]


def test_missing_file_and_unknown_suffix(tmp_path, core_pipeline) -> None:
    """A missing path and an unknown suffix are errors, not exceptions."""
    (tmp_path / "x.csv").write_text("x", encoding="utf-8")
    items = _read(core_pipeline, tmp_path / "nope.txt", tmp_path / "x.csv")
    assert all(isinstance(i, Problem) and i.level == "error" for i in items)
    assert "no such file" in items[0].message and "no reader" in items[1].message


def test_html_main_text(tmp_path, core_pipeline) -> None:
    """A saved web page gives its main text, title and date, without the menu."""
    body = " ".join(["Forces loyal to the government clashed with a militia in Zawiya on Sunday."] * 3)
    html = f"""<html><head><title>Clashes in Zawiya</title>
    <meta property="article:published_time" content="2024-03-10">
    <link rel="canonical" href="https://example.org/zawiya"></head>
    <body><nav><ul><li>Home</li><li>Politics</li></ul></nav>
    <article><h1>Clashes in Zawiya</h1><p>{body}</p><p>{body}</p></article>
    <footer>Copyright 2024</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    (article,) = [i for i in _read(core_pipeline, tmp_path / "page.html") if isinstance(i, Article)]
    assert article.id == "page"
    assert "clashed with a militia" in article.text and "Politics" not in article.text
    assert article.title == "Clashes in Zawiya"
    assert article.published == dt.date(2024, 3, 10)


def test_large_input_of_any_shape_is_fast(core_pipeline) -> None:
    """1 MB of one repeated character, or of dots and spaces, goes through (no backtracking)."""
    for text in ("a" * 1_000_000, ". " * 500_000, "\n" * 1_000_000, ("Word " * 200_000)):
        result = core_pipeline.extract(Article(id="big", text=text))
        assert result.article.id == "big"
