"""libyaevents-gazetteer: who and where in news about Libya, from a dictionary.

The plugin registers one extractor, ``gazetteer`` (``order = 10``), whose
``find_mentions(doc)`` finds the actors and places an article names and resolves each
to an entry of the gazetteer's tables, with an id and, for places, coordinates. The
tables ship in ``data/`` and users extend them with their own TSV files named in
``LIBYAEVENTS_GAZETTEER_DATA``. See ``docs/plugins/gazetteer.md``.

.. versionadded:: 0.1
"""

from __future__ import annotations

from typing import Any

import libyaevents

from ._data import DATA_DIR, ENV_VAR, GazetteerData, data_files, load, parse_role, reset
from ._extractor import GazetteerExtractor, gazetteer

__all__ = [
    "DATA_DIR",
    "ENV_VAR",
    "GazetteerData",
    "GazetteerExtractor",
    "data_files",
    "gazetteer",
    "load",
    "parse_role",
    "register_extractors",
    "reset",
]


@libyaevents.hookimpl
def register_extractors(register: Any) -> None:
    """Register the ``gazetteer`` extractor."""
    register(GazetteerExtractor())
