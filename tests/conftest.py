"""Shared fixtures: a pipeline with built-ins only, and paths to the seeds."""

from __future__ import annotations

from pathlib import Path

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
