"""Shared fixtures: a pipeline with built-ins only, and paths to the seeds.

The core's tests run the default pipeline (gazetteer and rules, when installed) but
not the ml plugin, which loads a neural model per process and has its own tests:
``LIBYAEVENTS_DISABLE_PLUGINS=ml`` is set here, before any test or subprocess starts,
unless the caller set the variable already.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("LIBYAEVENTS_DISABLE_PLUGINS", "ml")

import pytest

from libyaevents import Pipeline

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def seeds_dir() -> Path:
    """The five seed articles shipped with the project."""
    return ROOT / "seeds"


@pytest.fixture
def core_pipeline() -> Pipeline:
    """A pipeline with the built-in plugins only (no installed plugins)."""
    return Pipeline(load_entrypoints=False)
