"""libyaevents-rules: PLOVER events from trigger rules kept as data.

The plugin registers one extractor, ``rules`` (``order = 100``, after the gazetteer's
mentions). Its ``build_events`` turns each sentence's trigger phrases into events with
source, target, location, date, counts and contexts (:mod:`libyaevents_rules.extract`);
its ``resolve`` merges what one article states twice. The rules are TOML files
(:mod:`libyaevents_rules.rules`, ``docs/plugins/rules.md``): the built-in
``data/rules.toml`` plus any named in ``LIBYAEVENTS_RULES_DATA``.

.. versionadded:: 0.1
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import libyaevents

from .extract import Settings, build_events
from .resolve import merge_restatements
from .rules import RuleSet, load_rules

__all__ = ["RulesExtractor", "Settings", "load_rules", "register_extractors"]
__version__ = "0.1.0"


class RulesExtractor:
    """The ``rules`` extractor.

    Args:
        rule_files: Rule files to use instead of the built-in file plus
            ``LIBYAEVENTS_RULES_DATA``.
        settings: Which events to emit and how to default dates (see
            :class:`~libyaevents_rules.extract.Settings`).
    """

    name = "rules"
    order = 100

    def __init__(self, rule_files: Iterable[str | Path] | None = None, settings: Settings | None = None) -> None:
        self._files = None if rule_files is None else tuple(str(p) for p in rule_files)
        self.settings = settings or Settings()
        self._ruleset: RuleSet | None = None

    @property
    def ruleset(self) -> RuleSet:
        """The compiled rules (loaded on first use, then kept by this extractor)."""
        if self._ruleset is None:
            self._ruleset = load_rules(self._files)
        return self._ruleset

    def build_events(self, doc: libyaevents.Document) -> list[libyaevents.Event]:
        """Events stated in the document's sentences."""
        return build_events(doc, self.ruleset, self.settings)

    def resolve(self, doc: libyaevents.Document) -> None:
        """Merge restatements of one event (headline and lead, statement and quote)."""
        doc.events[:] = merge_restatements(doc.events)


@libyaevents.hookimpl
def register_extractors(register) -> None:  # type: ignore[no-untyped-def]
    """Register the ``rules`` extractor."""
    register(RulesExtractor())
