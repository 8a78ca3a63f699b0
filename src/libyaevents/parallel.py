"""Parallel extraction on one machine: a process pool whose output equals one process's.

Each worker builds its own :class:`~libyaevents.Pipeline` once; articles go out in
chunks and come back in input order (``imap``), so ``--jobs N`` writes the same bytes
as ``--jobs 1``. Input is consumed lazily, so memory stays bounded.

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Any

from ._models import Article, ArticleResult, Problem
from ._pipeline import Pipeline

__all__ = ["extract_parallel"]

_WORKER: Pipeline | None = None


def _init(disable: tuple[str, ...], published: dt.date | None) -> None:
    global _WORKER
    _WORKER = Pipeline(disable=disable, published=published)


def _work(item: Article | Problem) -> ArticleResult | Problem:
    if isinstance(item, Problem):
        return item
    assert _WORKER is not None
    return _WORKER.extract(item)


def extract_parallel(
    items: Iterable[Article | Problem],
    *,
    jobs: int,
    disable: Iterable[str] = (),
    published: dt.date | None = None,
    chunksize: int = 8,
) -> Iterator[ArticleResult | Problem]:
    """Process ``items`` with ``jobs`` worker processes, yielding results in input order.

    Args:
        items: Articles (and Problems, passed through) as :meth:`Pipeline.read` yields.
        jobs: Number of worker processes (1: run in this process).
        disable: Names to disable in every worker.
        published: Publication date for articles that have none.
        chunksize: Articles sent to a worker at a time.
    """
    if jobs <= 1:
        yield from Pipeline(disable=disable, published=published).extract_many(items)
        return
    ctx: Any = multiprocessing.get_context("spawn")
    with ctx.Pool(jobs, initializer=_init, initargs=(tuple(disable), published)) as pool:
        yield from pool.imap(_work, items, chunksize=chunksize)
