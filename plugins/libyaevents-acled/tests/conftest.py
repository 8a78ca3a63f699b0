"""Test input for the exporter: the hand-built results of ``libyaevents.testing``, and the
repository's seeds run through the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from libyaevents import ArticleResult, Problem
from libyaevents.cli import main
from libyaevents.serialization import iter_export
from libyaevents.testing import BENGHAZI, sample_results

__all__ = ["BENGHAZI"]

#: The repository's seed articles.
SEEDS = Path(__file__).resolve().parents[3] / "seeds"


@pytest.fixture
def hand_results() -> list[ArticleResult | Problem]:
    """Two hand-built articles with three events (one unlocated) and a Problem between them."""
    return sample_results()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The repository's ``seeds/`` folder."""
    assert SEEDS.is_dir(), f"{SEEDS} is missing"
    return SEEDS


@pytest.fixture(scope="session")
def seeds_json(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds extracted once per session (every installed extractor but the slow ml)."""
    path = tmp_path_factory.mktemp("seeds") / "seeds.json"
    assert main(["extract", str(seeds_dir), "--format", "json", "-q", "--disable", "ml", "-o", str(path)]) in (0, 1)
    return path


@pytest.fixture(scope="session")
def seed_results(seeds_json: Path) -> list[ArticleResult | Problem]:
    """The seeds' results through the real pipeline, read back."""
    return list(iter_export(seeds_json))
