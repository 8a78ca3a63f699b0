"""Griffe extension: render the Sphinx markup of libyaevents' docstrings as Markdown.

The docstrings are Google style but use a few reStructuredText constructs
(``:class:`~libyaevents.Article```, ````code````, ``.. versionadded:: 0.1``). This
extension rewrites them when the package is loaded, before mkdocstrings parses the
docstrings: roles become inline code (``~`` keeps the last name only, as in Sphinx) and
``versionadded``/``versionchanged`` become an italic line. Also used by the
``fields`` tables of ``taxonomy_tables.py``.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|mod|data|attr|exc|obj|const):`(~?)([^`]+)`")
_DOUBLE = re.compile(r"(?<!`)``(?!`)([^`]+?)``(?!`)")  # not the fences of code blocks
_VERSION = re.compile(r"^(\s*)\.\. version(added|changed):: *(\S+)\s*$", re.MULTILINE)


def rst_to_md(text: str) -> str:
    """Turn the reStructuredText roles, literals and version notes of ``text`` into Markdown."""

    def role(match: re.Match[str]) -> str:
        tilde, target = match.groups()
        shown = target.rsplit(".", 1)[-1] if tilde else target
        return f"`{shown}`"

    text = _ROLE.sub(role, text)
    text = _DOUBLE.sub(r"`\1`", text)
    return _VERSION.sub(
        lambda m: f"{m.group(1)}*{'Added' if m.group(2) == 'added' else 'Changed'} in version {m.group(3)}.*", text
    )


class SphinxRoles(griffe.Extension):
    """Rewrite each docstring as its object is created, before anything parses it."""

    def on_instance(self, *, obj: Any, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = rst_to_md(obj.docstring.value)
