"""The documentation is tested: hooks, public names and CLI options are all documented,
the code the docs show runs, and the JSON Schema describes real exports.

Style after datasette's ``tests/test_docs.py``: the docs are read as text and compared
with the code, so adding a hook, a public name or an option without documenting it
fails here.
"""

from __future__ import annotations

import argparse
import inspect
import io
import json
import re
import runpy
from pathlib import Path

import attrs
import pytest

import libyaevents
from libyaevents import hookspecs
from libyaevents.cli import _parser

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = Path(__file__).resolve().parent / "docs_snippets"
SNIPPET_BASES = (ROOT, SNIPPETS)  # mkdocs.yml: pymdownx.snippets base_path
SCHEMA_PATH = DOCS / "formats" / "libyaevents.schema.json"
# The ml plugin loads a sentence-embedding model (many seconds per process): these tests
# check that the docs' code runs and that exports match the schema, not the model.
SLOW_PLUGINS = ("ml",)

_INCLUDE = re.compile(r'^[ \t]*--8<--[ \t]+"([^"]+)"[ \t]*$', re.MULTILINE)


def _pages() -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in DOCS.rglob("*.md") if "_hooks" not in p.parts}


def _hook_names() -> list[str]:
    return sorted(
        name
        for name, func in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(func, f"{hookspecs.PROJECT}_spec")
    )


# --------------------------------------------------------------------------- hooks


@pytest.fixture(scope="module")
def hooks_page() -> str:
    return (DOCS / "plugins" / "hooks.md").read_text(encoding="utf-8")


def test_hookspecs_found() -> None:
    """The hook list read from the module matches the plugin manager's."""
    from libyaevents.plugins import get_plugin_manager

    pm = get_plugin_manager(load_entrypoints=False)
    assert set(_hook_names()) == {n for n in dir(pm.hook) if not n.startswith("_")}
    assert len(_hook_names()) >= 7


@pytest.mark.parametrize("name", _hook_names())
def test_hook_has_docstring(name: str) -> None:
    """Every hook says when it is called, what it receives and what it returns."""
    doc = inspect.getdoc(getattr(hookspecs, name)) or ""
    assert len(doc.splitlines()[0]) > 10, f"hook {name} needs a summary line"
    assert "Args:" in doc and "Returns:" in doc, f"hook {name} needs Args: and Returns: sections"


@pytest.mark.parametrize("name", _hook_names())
def test_hook_is_documented(name: str, hooks_page: str) -> None:
    """Every hook has a `## name(args)` heading with its exact arguments, and its docstring."""
    args = ", ".join(inspect.signature(getattr(hookspecs, name)).parameters)
    assert f"\n## {name}({args})\n" in hooks_page, f"docs/plugins/hooks.md lacks '## {name}({args})'"
    assert f"::: libyaevents.hookspecs.{name}\n" in hooks_page


def test_hook_headings_are_hooks(hooks_page: str) -> None:
    """No heading documents a hook that no longer exists."""
    documented = set(re.findall(r"^## (\w+)\(", hooks_page, re.MULTILINE))
    assert documented == set(_hook_names())


# --------------------------------------------------------------------------- API


@pytest.fixture(scope="module")
def api_pages() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((DOCS / "reference" / "api").glob("*.md")))


@pytest.mark.parametrize("name", libyaevents.__all__)
def test_public_name_in_api_reference(name: str, api_pages: str) -> None:
    """Every name of libyaevents.__all__ has a `::: libyaevents.NAME` entry."""
    assert re.search(rf"^::: libyaevents\.{re.escape(name)}$", api_pages, re.MULTILINE), (
        f"add '::: libyaevents.{name}' to a page of docs/reference/api/"
    )


@pytest.mark.parametrize(
    "module",
    ["plugins", "serialization", "testing", "taxonomy", "typing", "ids", "exceptions", "parallel", "dask", "text"],
)
def test_public_module_in_api_reference(module: str, api_pages: str) -> None:
    """Every public module is rendered on an API page."""
    assert re.search(rf"^::: libyaevents\.{module}$", api_pages, re.MULTILINE)


def test_every_public_module_is_listed() -> None:
    """A new public module of the package is added to the API reference (and to the list above)."""
    known = {"plugins", "serialization", "testing", "taxonomy", "typing", "ids", "exceptions", "parallel", "dask", "text"}
    known |= {"hookspecs", "cli"}  # the hook reference and the CLI page document these
    package = Path(libyaevents.__file__).parent
    public = {p.stem for p in package.glob("*.py") if not p.stem.startswith("_")}
    assert public <= known, f"document the new modules {sorted(public - known)}"


# --------------------------------------------------------------------------- CLI


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = _parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def _cli_sections() -> dict[str, str]:
    text = (DOCS / "reference" / "cli.md").read_text(encoding="utf-8")
    parts = re.split(r"^## (\w+)\s*$", text, flags=re.MULTILINE)
    return {"": parts[0], **dict(zip(parts[1::2], parts[2::2]))}


def _cli_cases() -> list[tuple[str, str]]:
    cases = [("", "--version")]
    for command, sub in _subcommands().items():
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            if action.option_strings:
                cases += [(command, opt) for opt in action.option_strings]
            else:
                cases.append((command, action.metavar or action.dest))
    return cases


def test_every_command_has_a_section() -> None:
    """Each subcommand of `libyaevents` has its own `## command` section."""
    assert set(_subcommands()) <= set(_cli_sections())


@pytest.mark.parametrize(("command", "option"), _cli_cases())
def test_cli_option_is_documented(command: str, option: str) -> None:
    """Every option and positional argument of every command is on the CLI page."""
    section = _cli_sections().get(command, "")
    assert f"`{option}" in section, f"docs/reference/cli.md, section {command or 'top'}, lacks `{option}`"


# --------------------------------------------------------------------------- snippets


def _snippet_files() -> list[Path]:
    return sorted(SNIPPETS.glob("*.py"))


@pytest.mark.parametrize("path", _snippet_files(), ids=lambda p: p.name)
def test_snippet_runs(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Each file of code shown in the docs runs, in a fresh working directory."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LIBYAEVENTS_DISABLE_PLUGINS", ",".join(SLOW_PLUGINS))
    monkeypatch.setattr("libyaevents._pipeline._DEFAULT", None)  # extract() caches a pipeline
    runpy.run_path(str(path), run_name="__main__")


def _resolve(include: str) -> tuple[Path, str | None]:
    name, _, section = include.partition(":")
    for base in SNIPPET_BASES:
        if (base / name).is_file():
            return base / name, section or None
    raise AssertionError(f"snippet file {name!r} not found under {[str(b) for b in SNIPPET_BASES]}")


def _includes() -> list[tuple[str, str]]:
    return sorted({(p.relative_to(DOCS).as_posix(), inc) for p, text in _pages().items() for inc in _INCLUDE.findall(text)})


@pytest.mark.parametrize(("page", "include"), _includes())
def test_snippet_include_resolves(page: str, include: str) -> None:
    """Every `--8<-- "file:section"` names an existing file and section."""
    path, section = _resolve(include)
    if section:
        text = path.read_text(encoding="utf-8")
        assert f"--8<-- [start:{section}]" in text and f"--8<-- [end:{section}]" in text, (
            f"{page}: section {section!r} missing in {path}"
        )


def test_every_snippet_file_is_shown() -> None:
    """No snippet file is left out of the docs (its tests would test nothing shown)."""
    used = {_resolve(inc)[0] for _, inc in _includes()}
    files = set(_snippet_files()) | set(SNIPPETS.glob("*.json")) | set(SNIPPETS.glob("*/*.py"))
    assert files <= used, f"not included anywhere: {sorted(str(f) for f in files - used)}"


# --------------------------------------------------------------------------- JSON schema


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _validator(schema: dict, ref: str | None = None):  # type: ignore[no-untyped-def]
    import jsonschema
    if ref is not None:
        schema = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": ref}
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _errors(validator, instance) -> list[str]:  # type: ignore[no-untyped-def]
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in validator.iter_errors(instance)]


_SCHEMA_MODELS = {
    "span": (libyaevents.Span, set()),
    "role": (libyaevents.Role, set()),
    "actor": (libyaevents.Actor, set()),
    "location": (libyaevents.Location, set()),
    "event_date": (libyaevents.EventDate, set()),
    "count": (libyaevents.Count, set()),
    "contexts": (libyaevents.Contexts, set()),
    "event": (libyaevents.Event, {"codes"}),
    "problem": (libyaevents.Problem, set()),
    "article": (libyaevents.Article, {"actors", "locations", "events", "errors"}),
}


@pytest.mark.parametrize("name", sorted(_SCHEMA_MODELS))
def test_schema_follows_the_models(name: str, schema: dict) -> None:
    """The schema names exactly the fields of each model (plus what the export adds)."""
    cls, extra = _SCHEMA_MODELS[name]
    expected = {f.name for f in attrs.fields(cls)} | extra
    assert set(schema["$defs"][name]["properties"]) == expected


def test_schema_enums_follow_the_taxonomy(schema: dict) -> None:
    """Event types, actor kinds and date precisions in the schema are the code's."""
    from libyaevents.taxonomy import EVENT_TYPES

    defs = schema["$defs"]
    assert defs["event"]["properties"]["type"]["enum"] == list(EVENT_TYPES)
    assert defs["actor"]["properties"]["kind"]["enum"] == list(libyaevents.ACTOR_KINDS)
    assert defs["event_date"]["properties"]["precision"]["enum"] == list(libyaevents.DATE_PRECISIONS)


def test_docs_example_export_is_valid(schema: dict) -> None:
    """The export shown in the docs is valid and reads back into the models."""
    path = SNIPPETS / "example_export.json"
    assert _errors(_validator(schema), json.loads(path.read_text(encoding="utf-8"))) == []
    export = libyaevents.load(path)
    assert [r.article.id for r in export.articles] == ["zawiya-1"]


class _RichPlugin:
    """Fills every field of an event, so the schema is checked on all of them."""

    @libyaevents.hookimpl
    def libyaevents_build_events(self, doc):  # type: ignore[no-untyped-def]
        import datetime as dt

        from libyaevents import Actor, Contexts, Count, Event, EventDate, Location, Mention, Role
        from libyaevents.ids import event_id

        s = doc.sentences[0]
        actor = Actor(
            id="gnu", name="Government of National Unity", kind="government", country="LBY",
            roles=[Role("government", start=dt.date(2021, 3, 15))],
        )
        place = Location(id="gn:2210247", name="Tripoli", lat=32.88743, lon=13.18733, country="LBY",
                         admin1="LY-TB", feature_class="P", feature_code="PPLC", geonames_id=2210247)
        doc.mentions.append(Mention(doc.span(s.start, s.start + 3), actor, how="exact", extractor="rich"))
        return [
            Event(
                id=event_id(doc.article.id, "ASSAULT", [s]), type="ASSAULT", mode="clash", evidence=[s],
                source=[actor], target=[actor], location=place,
                date=EventDate(dt.date(2024, 1, 12), dt.date(2024, 1, 12), "day", doc.span(s.start, s.start + 3)),
                fatalities=2, injured=5, counts=[Count("fatalities", 2, doc.span(s.start, s.start + 3))],
                contexts=Contexts(negated=True, claimed_by=["the ministry"], themes=["military"]),
                confidence=0.7, extractor="rich", trigger=doc.span(s.start, s.start + 3),
            )
        ]


def test_real_exports_are_valid(schema: dict, seeds_dir: Path) -> None:
    """Real JSON and JSON Lines exports (seeds, a rich event, a bad input) match the schema."""
    from libyaevents import Problem
    from libyaevents.testing import make_article, registered

    with registered(_RichPlugin(), name="rich", entrypoints=True, disable=SLOW_PLUGINS) as pipeline:
        items = list(pipeline.extract_many(pipeline.read([seeds_dir])))
        items.append(pipeline.extract(make_article("GNU forces clashed in Tripoli.", url="https://example.org/a")))
        items.append(Problem("error", "line is not JSON", origin="bad.jsonl:2"))
        as_json, as_jsonl = io.StringIO(), io.StringIO()
        pipeline.export(items, "json", as_json)
        pipeline.export(items, "jsonl", as_jsonl)
    assert _errors(_validator(schema), json.loads(as_json.getvalue())) == []
    line_validator = _validator(schema, "#/$defs/jsonl_line")
    lines = as_jsonl.getvalue().splitlines()
    assert len(lines) == len(items)
    for line in lines:
        assert _errors(line_validator, json.loads(line)) == []
