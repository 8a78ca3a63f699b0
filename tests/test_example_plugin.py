"""The example plugin is found and works, and the plugin tutorial works as written.

`plugins/libyaevents-example` is installed by `make` (as every `plugins/libyaevents-*`).
The last test follows docs/plugins/tutorial.md: it copies the example, applies the
tutorial's renaming table (read from the page itself), installs the new plugin into the
running environment, checks that libyaevents finds and uses it, and uninstalls it.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import libyaevents
from libyaevents import Pipeline

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "plugins" / "libyaevents-example"
TUTORIAL = ROOT / "docs" / "plugins" / "tutorial.md"
TUTORIAL_TESTS = Path(__file__).resolve().parent / "docs_snippets" / "tutorial" / "curfew_tests.py"


@pytest.fixture
def example_only(monkeypatch: pytest.MonkeyPatch) -> Pipeline:
    """A pipeline with the built-ins and, of the installed plugins, the example only."""
    monkeypatch.setenv("LIBYAEVENTS_LOAD_PLUGINS", "example")
    return Pipeline()


def test_discovered_through_its_entry_point() -> None:
    """The example plugin is installed under the `libyaevents` entry-point group."""
    eps = {ep.name: ep.value for ep in importlib.metadata.entry_points(group="libyaevents")}
    assert eps.get("example") == "libyaevents_example"
    # Compare as sets: the order in which entry points are found is not guaranteed.
    names = {p.name for p in libyaevents.get_plugins()}
    assert {"example", "readers", "clean", "resolve", "json"} <= names
    [info] = [p for p in libyaevents.get_plugins() if p.name == "example"]
    assert set(info.extractors) == {"example-keywords"}
    assert set(info.exporters) == {"example-tsv"}
    assert set(info.hooks) == {"register_extractors", "register_exporters"}
    assert not info.builtin


def test_extractor_codes_a_protest(example_only: Pipeline) -> None:
    """A sentence about a sit-in gives a PROTEST/demo event with the sentence as evidence."""
    text = "Oil workers began a sit-in at the Zawiya refinery on Monday. Talks are planned."
    result = example_only.extract(text, published="2024-02-06", id="sit-in-1")
    [event] = result.events
    assert (event.type, event.mode, event.extractor) == ("PROTEST", "demo", "example-keywords")
    [evidence] = event.evidence
    assert evidence.text == "Oil workers began a sit-in at the Zawiya refinery on Monday."
    assert text[evidence.start : evidence.end] == evidence.text
    assert event.trigger is not None and event.trigger.text == "sit-in"


def test_extractor_ignores_other_sentences(example_only: Pipeline) -> None:
    """No keyword, no event."""
    assert example_only.extract("The talks in Geneva resumed.", published="2024-02-06").events == ()


def test_exporter_writes_the_line(example_only: Pipeline) -> None:
    """`example-tsv` writes one line per event: article id, type, evidence."""
    result = example_only.extract("Demonstrators\tgathered in Misrata.", id="m1", published="2024-02-06")
    out = io.StringIO()
    example_only.export([result], "example-tsv", out)
    assert out.getvalue() == "m1\tPROTEST\tDemonstrators gathered in Misrata.\n"


def test_cli_uses_the_exporter(tmp_path: Path) -> None:
    """`libyaevents extract --format example-tsv` writes the plugin's format."""
    source = tmp_path / "a1.txt"
    source.write_text("Hundreds of demonstrators marched in Benghazi.\n", encoding="utf-8")
    done = _cli("extract", str(source), "--format", "example-tsv", env={"LIBYAEVENTS_LOAD_PLUGINS": "example"})
    assert done.returncode == 0, done.stderr
    assert done.stdout == "a1\tPROTEST\tHundreds of demonstrators marched in Benghazi.\n"


# --------------------------------------------------------------------------- the tutorial


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "libyaevents.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def _pip(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pip", *args], capture_output=True, text=True, timeout=300, env=env
    )


def _renames() -> list[tuple[str, str, str]]:
    """The tutorial's renaming table: (file, replace, with)."""
    page = TUTORIAL.read_text(encoding="utf-8")
    table = page.split("<!-- tutorial:renames -->", 1)[1].split("<!-- /tutorial:renames -->", 1)[0]
    rows = []
    for line in table.splitlines():
        cells = re.findall(r"`([^`]*)`", line)
        if len(cells) == 3:
            rows.append((cells[0], cells[1], cells[2]))
    assert len(rows) >= 5, "the renaming table of docs/plugins/tutorial.md was not found"
    return rows


def _section(path: Path, name: str) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split(f"# --8<-- [start:{name}]\n", 1)[1].split(f"# --8<-- [end:{name}]", 1)[0]


def _build_tutorial_plugin(dest: Path) -> Path:
    """Follow the tutorial's steps 1, 2 and 5 into ``dest``; return the plugin folder."""
    # 1. Copy the example and rename its package folder.
    plugin = dest / "libyaevents-curfew"
    shutil.copytree(
        EXAMPLE, plugin, ignore=shutil.ignore_patterns("*.egg-info", "__pycache__", ".pytest_cache", "build", "dist")
    )
    (plugin / "src" / "libyaevents_example").rename(plugin / "src" / "libyaevents_curfew")
    (plugin / "tests" / "test_example.py").unlink()
    # 2. Rename, as the table says; each replacement must apply exactly once.
    for file, old, new in _renames():
        path = plugin / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"tutorial: {old!r} should occur once in {file}"
        path.write_text(text.replace(old, new), encoding="utf-8")
    # 5. The tests the tutorial shows.
    (plugin / "tests" / "test_curfew.py").write_text(_section(TUTORIAL_TESTS, "tests"), encoding="utf-8")
    return plugin


def test_tutorial_table_matches_the_example() -> None:
    """Every line the tutorial tells you to change is in the example plugin."""
    for file, old, _new in _renames():
        path = EXAMPLE / file.replace("libyaevents_curfew", "libyaevents_example")
        assert old in path.read_text(encoding="utf-8"), f"{old!r} not in {path}"


@pytest.mark.slow
def test_tutorial_builds_a_plugin_that_is_found_and_used(tmp_path: Path) -> None:
    """A plugin made by following the tutorial installs, passes its tests, is discovered
    by `libyaevents plugins --json` and codes curfews in an extraction."""
    plugin = _build_tutorial_plugin(tmp_path)
    # 3. Install. Without network: no dependencies (libyaevents is here) and the build
    # backend of this environment (hatchling, from the test extra). A regular install
    # rather than the tutorial's `-e` needs nothing else; discovery works the same way.
    assert importlib.util.find_spec("hatchling") is not None, "the test extra installs hatchling"
    installed = _pip("install", "--no-deps", "--no-index", "--no-build-isolation", "--quiet", str(plugin))
    if installed.returncode != 0:
        pytest.fail(f"pip install failed (is hatchling installed?):\n{installed.stdout}\n{installed.stderr}")
    try:
        # 5. Its own tests pass.
        tests = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(plugin / "tests")],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
        assert tests.returncode == 0, tests.stdout + tests.stderr

        # Discovered: listed with what it registers (compare as sets).
        listed = _cli("plugins", "--json", env={"LIBYAEVENTS_DISABLE_PLUGINS": "ml"})
        plugins = {p["name"]: p for p in json.loads(listed.stdout)}
        assert {"curfew", "example"} <= set(plugins), listed.stderr
        assert set(plugins["curfew"]["extractors"]) == {"curfew-keywords"}
        assert set(plugins["curfew"]["exporters"]) == {"curfew-tsv"}

        # Used: its extractor and its exporter in an extraction.
        source = tmp_path / "sabha.txt"
        source.write_text("A curfew was declared in Sabha after the clashes.\n", encoding="utf-8")
        done = _cli("extract", str(source), "--format", "curfew-tsv", env={"LIBYAEVENTS_LOAD_PLUGINS": "curfew"})
        assert done.returncode == 0, done.stderr
        assert done.stdout == "sabha\tCOERCE\tA curfew was declared in Sabha after the clashes.\n"
        as_json = _cli("extract", str(source), env={"LIBYAEVENTS_LOAD_PLUGINS": "curfew"})
        [article] = json.loads(as_json.stdout)["articles"]
        assert [(e["type"], e["mode"], e["extractor"]) for e in article["events"]] == [
            ("COERCE", "curfew", "curfew-keywords")
        ]
    finally:
        _pip("uninstall", "--yes", "--quiet", "libyaevents-curfew")
    assert "curfew" not in {ep.name for ep in importlib.metadata.entry_points(group="libyaevents")}
