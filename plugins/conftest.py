"""Fixtures shared by the tests of the plugins in this repository: the repository's seeds,
and the seeds run through the real pipeline (for the exporters' tests; hand-built results
come from the ``libyaevents_sample_results`` fixture of ``libyaevents.testing``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from libyaevents import ArticleResult, Problem
from libyaevents.serialization import iter_export
from libyaevents.testing import extract_both_ways

#: The repository's seed articles.
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The repository's ``seeds/`` folder."""
    assert SEEDS.is_dir(), f"{SEEDS} is missing"
    return SEEDS


@pytest.fixture(scope="session")
def seed_results(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[ArticleResult | Problem]:
    """The seeds' results through the real pipeline (all extractors but ml), read back."""
    work = tmp_path_factory.mktemp("seeds")
    extract_both_ways([seeds_dir], "json", work)
    return list(iter_export(work / "direct.out"))
