"""The command line: formats, exit codes, convert, plugins, stdin."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from libyaevents.cli import main


@pytest.fixture(autouse=True)
def builtins_only(monkeypatch):
    """These tests are about the command, not the installed extractors: built-ins only."""
    monkeypatch.setenv("LIBYAEVENTS_LOAD_PLUGINS", "")


def test_extract_seeds_json(tmp_path, seeds_dir) -> None:
    """extract writes one article per seed, with the fields the scorer reads."""
    out = tmp_path / "out.json"
    assert main(["extract", str(seeds_dir), "--format", "json", "-o", str(out), "-q"]) == 0
    data = json.loads(out.read_text())
    assert data["libyaevents"] and data["errors"] == []
    assert len(data["articles"]) == 5
    for article in data["articles"]:
        assert {"id", "text", "actors", "locations", "events", "errors"} <= set(article)


def test_convert_json_to_json_same_articles(tmp_path, seeds_dir) -> None:
    """convert of a JSON export to JSON gives the same articles."""
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["extract", str(seeds_dir), "-o", str(first), "-q"]) == 0
    assert main(["convert", str(first), "--format", "json", "-o", str(second)]) == 0
    assert json.loads(first.read_text())["articles"] == json.loads(second.read_text())["articles"]


def test_bad_input_exit_1_rest_written(tmp_path, capsys) -> None:
    """Some bad input: exit 1, the rest written, errors in the output and on stderr."""
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": "ok", "text": "Clashes in Sirte."}\n{broken\n', encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["extract", str(path), "-o", str(out)]) == 1
    data = json.loads(out.read_text())
    assert [a["id"] for a in data["articles"]] == ["ok"]
    assert [e["origin"] for e in data["errors"]] == ["mixed.jsonl:2"]
    assert "mixed.jsonl:2" in capsys.readouterr().err


def test_unknown_format_is_usage_error(tmp_path, seeds_dir) -> None:
    """An unknown format exits 2."""
    assert main(["extract", str(seeds_dir), "--format", "nope", "-q"]) == 2


def test_usage_error_exit_2() -> None:
    """A missing argument exits 2 (argparse)."""
    with pytest.raises(SystemExit) as info:
        main(["extract"])
    assert info.value.code == 2


def test_bad_published_is_usage_error(seeds_dir) -> None:
    """--published must be a date."""
    assert main(["extract", str(seeds_dir), "--published", "soon-ish", "-q"]) == 2


def test_published_fills_missing_date(tmp_path) -> None:
    """--published sets the date of inputs that have none."""
    (tmp_path / "a.txt").write_text("Clashes in Sirte on Friday.", encoding="utf-8")
    out = tmp_path / "o.json"
    assert main(["extract", str(tmp_path / "a.txt"), "--published", "2024-05-04", "-o", str(out), "-q"]) == 0
    assert json.loads(out.read_text())["articles"][0]["published"] == "2024-05-04"


def test_jsonl_format_streams_one_line_per_article(tmp_path, seeds_dir) -> None:
    """--format jsonl writes one article per line."""
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(seeds_dir), "--format", "jsonl", "-o", str(out), "-q"]) == 0
    lines = out.read_text().splitlines()
    assert len(lines) == 5 and all(json.loads(l)["record"] == "article" for l in lines)


def test_stdin_dash() -> None:
    """'-' reads JSON Lines from standard input."""
    import os

    proc = subprocess.run(
        [sys.executable, "-m", "libyaevents.cli", "extract", "-", "-q"],
        env={**os.environ, "LIBYAEVENTS_LOAD_PLUGINS": ""},
        input='{"id": "s1", "text": "Protest in Tripoli."}\n',
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert [a["id"] for a in json.loads(proc.stdout)["articles"]] == ["s1"]


def test_plugins_json(capsys) -> None:
    """plugins --json lists objects with at least a name."""
    assert main(["plugins", "--json", "--all"]) in (0, 1)
    rows = json.loads(capsys.readouterr().out)
    assert {"json", "readers"} <= {r["name"] for r in rows}


def test_disable_exporter(seeds_dir) -> None:
    """--disable json removes the json format."""
    assert main(["extract", str(seeds_dir), "--disable", "json", "-q"]) == 2
