"""MkDocs hook: replace ``<!-- taxonomy:NAME -->`` and ``<!-- fields:MODEL -->`` markers with
tables built from the code.

The tables of event types, modes, contexts and crosswalks are generated from
:mod:`libyaevents.taxonomy` at build time, so the documentation always shows what the
exporters actually write. Markers:

* ``<!-- taxonomy:types -->``: one row per PLOVER type (modes, CAMEO root, quad class,
  default ACLED codes);
* ``<!-- taxonomy:modes -->``: one row per (type, mode) with its CAMEO and ACLED codes;
* ``<!-- taxonomy:contexts -->``: the thematic contexts;
* ``<!-- taxonomy:acled -->``: ACLED event and sub-event types reached, with the PLOVER
  types and modes that lead to each;
* ``<!-- schema:NAME -->``: the members of ``NAME`` in ``docs/formats/libyaevents.schema.json``
  (``root`` for the top level, else a name under ``$defs``);
* ``<!-- fields:Event -->``: the attrs fields of a model of ``libyaevents.__all__`` (name,
  type, default, and the description from its docstring's ``Attributes:`` section).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any



def _sphinx_roles() -> Any:
    """The sibling module sphinx_roles.py (hooks are loaded by path, not as a package)."""
    import importlib.util

    name = "_libyaevents_docs_sphinx_roles"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("sphinx_roles.py"))
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]

_MARKER = re.compile(r"<!-- taxonomy:(\w+) -->")
_FIELDS = re.compile(r"<!-- fields:(\w+) -->")
_SCHEMA = re.compile(r"<!-- schema:(\w+) -->")
_SCHEMA_FILE = Path(__file__).parent.parent / "formats" / "libyaevents.schema.json"

_QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def _row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _types() -> str:
    from libyaevents.taxonomy import EVENT_TYPES, MODES, acled_code, cameo_code, quad_class

    lines = [
        _row("Type", "Modes", "CAMEO", "Quad class", "ACLED event type", "ACLED sub-event type"),
        _row(*["---"] * 6),
    ]
    for t in EVENT_TYPES:
        acled = acled_code(t)
        modes = ", ".join(f"`{m}`" for m in MODES.get(t, ())) or "none"
        q = quad_class(t)
        lines.append(_row(f"`{t}`", modes, f"`{cameo_code(t)}`", f"{q} ({_QUADS[q]})", acled.event_type, acled.sub_event_type))
    return "\n".join(lines)


def _modes() -> str:
    from libyaevents.taxonomy import EVENT_TYPES, MODES, acled_code, cameo_code

    lines = [_row("Type", "Mode", "CAMEO", "ACLED event type", "ACLED sub-event type"), _row(*["---"] * 5)]
    for t in EVENT_TYPES:
        for m in MODES.get(t, ()):
            acled = acled_code(t, m)
            lines.append(_row(f"`{t}`", f"`{m}`", f"`{cameo_code(t, m)}`", acled.event_type, acled.sub_event_type))
    return "\n".join(lines)


def _contexts() -> str:
    from libyaevents.taxonomy import CONTEXTS

    return ", ".join(f"`{c}`" for c in CONTEXTS)


def _acled() -> str:
    from libyaevents.taxonomy import EVENT_TYPES, MODES, acled_code

    reached: dict[tuple[str, str, str], list[str]] = {}
    for t in EVENT_TYPES:
        reached.setdefault(tuple(acled_code(t)), []).append(f"`{t}`")
        for m in MODES.get(t, ()):
            code = tuple(acled_code(t, m))
            if code != tuple(acled_code(t)):
                reached.setdefault(code, []).append(f"`{t}/{m}`")
    lines = [_row("Disorder type", "Event type", "Sub-event type", "From PLOVER"), _row(*["---"] * 4)]
    for (disorder, event_type, sub), sources in sorted(reached.items()):
        lines.append(_row(disorder, event_type, sub, ", ".join(sources)))
    return "\n".join(lines)


_TABLES = {"types": _types, "modes": _modes, "contexts": _contexts, "acled": _acled}


def _attribute_docs(cls: type) -> dict[str, str]:
    """The ``Attributes:`` section of a Google-style docstring, by name."""
    import inspect

    doc = inspect.getdoc(cls) or ""
    out: dict[str, str] = {}
    current = None
    in_section = False
    for line in doc.splitlines():
        if line.strip() == "Attributes:":
            in_section = True
            continue
        if not in_section:
            continue
        if line and not line.startswith(" "):
            break
        m = re.match(r"    (\w+)(?: \(.*?\))?: (.*)", line)
        if m:
            current = m.group(1)
            out[current] = m.group(2).strip()
        elif current and line.strip():
            out[current] += " " + line.strip()
    return out


def _fields(name: str) -> str:
    import attrs

    import libyaevents

    if name not in libyaevents.__all__:
        raise ValueError(f"{name!r} is not in libyaevents.__all__")
    rst_to_md = _sphinx_roles().rst_to_md
    cls = getattr(libyaevents, name)
    docs = {k: rst_to_md(v) for k, v in _attribute_docs(cls).items()}
    lines = [_row("Field", "Type", "Default", "Meaning"), _row(*["---"] * 4)]
    for f in attrs.fields(cls):
        if f.default is attrs.NOTHING:
            default = "required"
        elif isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
            default = f"`{getattr(f.default.factory, '__name__', 'factory')}()`"
        else:
            default = f"`{f.default!r}`"
        kind = str(f.type)
        lines.append(_row(f"`{f.name}`", f"`{kind}`", default, docs.get(f.name, "").replace("|", "\\|")))
    return "\n".join(lines)


def _json_type(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.replace('_', '-')})"
    if "anyOf" in prop:
        return " or ".join(_json_type(p) for p in prop["anyOf"])
    if "const" in prop:
        return f"`{prop['const']!r}`".replace("'", '"')
    kinds = prop.get("type", "any")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    out = []
    for k in kinds:
        if k == "array":
            out.append("list of " + _json_type(prop.get("items", {})))
        elif k == "string" and prop.get("format") == "date":
            out.append("date string")
        else:
            out.append(k)
    text = " or ".join(out)
    if "enum" in prop:
        text += ": " + ", ".join(f"`{e}`" for e in prop["enum"])
    return text


def _schema(name: str) -> str:
    import json

    schema = json.loads(_SCHEMA_FILE.read_text(encoding="utf-8"))
    node = schema if name == "root" else schema["$defs"][name]
    lines = [_row("Member", "Type", "Meaning"), _row(*["---"] * 3)]
    for key, prop in node["properties"].items():
        lines.append(_row(f"`{key}`", _json_type(prop), prop.get("description", "").replace("|", "\\|")))
    return "\n".join(lines)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Replace each taxonomy marker with its generated table."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in _TABLES:
            raise ValueError(f"{page.file.src_path}: unknown taxonomy table {name!r} (known: {sorted(_TABLES)})")
        return _TABLES[name]()

    markdown = _MARKER.sub(replace, markdown)
    markdown = _SCHEMA.sub(lambda m: _schema(m.group(1)), markdown)
    return _FIELDS.sub(lambda m: _fields(m.group(1)), markdown)
