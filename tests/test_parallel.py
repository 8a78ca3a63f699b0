"""``--jobs N`` writes the same bytes as one process, reads its input lazily, and keeps
Problems where they were read."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from concurrent.futures import Future
from pathlib import Path

import pytest

from .conftest import load_corpus

from libyaevents import Article, Pipeline, Problem
from libyaevents.cli import main
from libyaevents.parallel import extract_parallel, ordered_batches

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"




@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """300 synthetic articles (enough for the pool to start) with a bad record every 97 lines."""
    return load_corpus().write_jsonl(tmp_path_factory.mktemp("corpus") / "generated.jsonl", 300, broken=True)


#: The ML plugin, when installed, loads torch in every process: tens of seconds for
#: nothing these tests need (the seeds tests below still run it).
NO_ML = ("--disable", "ml")


def _run(tmp_path: Path, name: str, *args: str) -> bytes:
    out = tmp_path / name
    main(["extract", *args, "-q", "-o", str(out)])
    return out.read_bytes()


def assert_same(one: bytes, two: bytes) -> None:
    """Equal bytes, or a message showing where they part."""
    if one != two:
        at = next((i for i, (a, b) in enumerate(zip(one, two)) if a != b), min(len(one), len(two)))
        raise AssertionError(
            f"outputs differ at byte {at} (sizes {len(one)}, {len(two)}):\n"
            f"  {one[max(0, at - 200):at + 200]!r}\n  {two[max(0, at - 200):at + 200]!r}"
        )


def _done(value):
    future: Future = Future()
    future.set_result(value)
    return future


def test_seeds_jobs_2_identical(tmp_path):
    """The seeds give the same bytes with --jobs 2 as with --jobs 1."""
    one = _run(tmp_path, "one.json", str(SEEDS), "--jobs", "1")
    two = _run(tmp_path, "two.json", str(SEEDS), "--jobs", "2")
    assert_same(one, two)
    assert b'"articles"' in one


def test_seeds_through_the_pool_identical():
    """With one article per batch the seeds really go through two workers, and come back in order."""
    pipeline = Pipeline()
    serial = list(pipeline.extract_many(pipeline.read([SEEDS])))
    parallel = list(extract_parallel(pipeline.read([SEEDS]), jobs=2, batch_size=1))
    assert parallel == serial
    assert len(serial) == 5


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_generated_jobs_2_identical(tmp_path, generated, fmt):
    """A generated set with bad lines gives the same bytes with --jobs 2, errors in place."""
    one = _run(tmp_path, f"one.{fmt}", str(generated), "-f", fmt, "--jobs", "1", *NO_ML)
    two = _run(tmp_path, f"two.{fmt}", str(generated), "-f", fmt, "--jobs", "2", *NO_ML)
    assert_same(one, two)
    assert one.count(b'"level":"error"') >= 3


def test_problems_keep_their_place():
    """Problems never go to a worker and come out exactly where they were read."""
    items = []
    for i in range(50):
        items.append(Article(id=f"a{i}", text=f"text {i}"))
        if i % 7 == 0:
            items.append(Problem("error", f"bad line {i}", origin=f"x.jsonl:{i}"))
    items += [Problem("warning", "w", origin="end")] * 30  # a long run of Problems at the end
    sent: list[Article] = []

    def submit(batch):
        assert all(isinstance(a, Article) for a in batch)
        sent.extend(batch)
        return _done([("done", a.id) for a in batch])

    out = list(ordered_batches(items, submit, batch_size=4, in_flight=3))
    expected = [i if isinstance(i, Problem) else ("done", i.id) for i in items]
    assert out == expected
    assert len(sent) == 50


def test_read_ahead_is_bounded():
    """An endless input is read only a bounded distance ahead of what has been yielded."""
    consumed = itertools.count()

    def endless():
        for i in consumed:
            yield Article(id=f"a{i}", text="x")

    results = ordered_batches(endless(), lambda batch: _done(list(batch)), batch_size=8, in_flight=4)
    taken = list(itertools.islice(results, 100))
    results.close()
    assert len(taken) == 100
    assert next(consumed) <= 100 + 8 * 4 + 1


def test_pool_on_endless_input_stops():
    """The pool reads an endless input lazily (Pool.imap would read it all and never return)."""
    text = (SEEDS / "000_3c860288cf888c50.txt").read_text(encoding="utf-8")
    read = itertools.count()

    def endless():
        for i in read:
            yield Article(id=f"a{i}", text=text)

    results = extract_parallel(endless(), jobs=2, batch_size=4, in_flight=4, disable=["ml"])
    taken = list(itertools.islice(results, 40))
    results.close()
    assert [r.article.id for r in taken] == [f"a{i}" for i in range(40)]
    assert next(read) <= 40 + 2 * 4 + 4 * 4 + 1


def test_small_input_starts_no_workers(monkeypatch):
    """An input too small to give each worker a batch runs in this process."""
    from libyaevents import parallel

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    pipeline = Pipeline()
    out = list(extract_parallel(pipeline.read([SEEDS]), jobs=2))
    assert [r.article.id for r in out] == sorted(p.stem for p in SEEDS.glob("*.txt"))
