"""Shared fixtures: a pipeline with built-ins only, and paths to the seeds.

The core's tests run the default pipeline (gazetteer and rules, when installed) but
not the ml plugin, which loads a neural model per process and has its own tests:
``LIBYAEVENTS_DISABLE_PLUGINS=ml`` is set for each test here (and so for the
subprocesses it starts), unless the caller set the variable already. It is set per test,
not for the session, so the ml plugin's own tests in the same run still see it.
"""

from __future__ import annotations

import os
from pathlib import Path


import pytest

from libyaevents import Pipeline

ROOT = Path(__file__).resolve().parent.parent


def load_corpus():  # type: ignore[no-untyped-def]
    """The synthetic corpus generator of ``benchmarks/corpus.py``, as a module."""
    import importlib.util
    import sys

    name = "libyaevents_bench_corpus"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "corpus.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(autouse=True)
def _without_ml(monkeypatch: pytest.MonkeyPatch) -> None:
    """Leave the slow ml plugin out of the core's tests (see the module docstring)."""
    if "LIBYAEVENTS_DISABLE_PLUGINS" not in os.environ:
        monkeypatch.setenv("LIBYAEVENTS_DISABLE_PLUGINS", "ml")


@pytest.fixture
def seeds_dir() -> Path:
    """The five seed articles shipped with the project."""
    return ROOT / "seeds"


@pytest.fixture
def core_pipeline() -> Pipeline:
    """A pipeline with the built-in plugins only (no installed plugins)."""
    return Pipeline(load_entrypoints=False)
