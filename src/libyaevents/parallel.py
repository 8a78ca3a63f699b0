"""Parallel extraction on one machine: a process pool whose output equals one process's.

:func:`extract_parallel` is what ``libyaevents extract --jobs N`` runs. It keeps three
promises:

* **The same bytes as one process, order included.** Articles go out in batches and
  come back in input order; Problems (unreadable lines, missing files) never leave this
  process and are put back exactly where they were read.
* **Bounded memory for an unbounded input.** The input is read lazily and at most
  ``in_flight`` batches are out at a time, so a 100-million-line JSON Lines stream
  needs no more memory than a thousand lines. (:meth:`multiprocessing.pool.Pool.imap`
  and :meth:`concurrent.futures.Executor.map` both read the whole input ahead.)
* **Worker startup is paid once, and only when it pays.** Each worker builds its
  :class:`~libyaevents.Pipeline` once, when it starts (loading plugins and their data
  can take seconds), while this process reads ahead. An input too small to give every
  worker a batch runs in this process without starting any.

Workers are started with ``spawn``, the same on Linux, macOS and Windows: they load the
installed plugins afresh (as ``LIBYAEVENTS_*`` environment variables say), so plugins
registered by hand in this process (``pm.register``) are not in them.

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Protocol

from ._models import Article, ArticleResult, Problem
from ._pipeline import Pipeline

__all__ = ["extract_parallel", "ordered_batches"]

#: Articles sent to a worker at a time.
DEFAULT_BATCH_SIZE = 32


class _Future(Protocol):
    def result(self) -> Sequence[ArticleResult]: ...


# -- the worker side --------------------------------------------------------

_WORKER: Pipeline | None = None
_WORKER_ERROR: BaseException | None = None


def _init(disable: tuple[str, ...], published: dt.date | None) -> None:
    """Build this worker's pipeline once; a failure is re-raised with the first batch."""
    global _WORKER, _WORKER_ERROR
    # Ctrl-C reaches every process of the group: let the parent alone handle it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _WORKER = Pipeline(disable=disable, published=published)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, not lost in a dead worker
        _WORKER_ERROR = exc


def _work(articles: list[Article]) -> list[ArticleResult]:
    if _WORKER is None:
        raise RuntimeError("the worker could not build its pipeline") from _WORKER_ERROR
    return [_WORKER.extract(article) for article in articles]


# -- ordering and bounding ----------------------------------------------------


def ordered_batches(
    items: Iterable[Article | Problem],
    submit: Callable[[list[Article]], _Future],
    *,
    batch_size: int,
    in_flight: int,
) -> Iterator[ArticleResult | Problem]:
    """Run batches of articles through ``submit`` and yield results in input order.

    The engine behind :func:`extract_parallel` and :func:`libyaevents.dask.extract_on_cluster`.
    ``items`` is read lazily; a batch is submitted when it holds ``batch_size``
    articles, and at most ``in_flight`` batches are submitted and not yet yielded, so
    memory is bounded by ``in_flight * batch_size`` articles and their results.
    Problems are not submitted: each is yielded where it stood in ``items``.

    Args:
        items: Articles and Problems, as :meth:`Pipeline.read` yields them.
        submit: Starts work on a list of articles and returns a future whose
            ``result()`` is the list of their results, in the same order.
        batch_size: Articles per batch.
        in_flight: Batches submitted and not yet yielded, at most.
    """
    pending: deque[tuple[list[Article | Problem], _Future | None]] = deque()
    batch: list[Article | Problem] = []
    articles: list[Article] = []
    try:
        for item in items:
            batch.append(item)
            if not isinstance(item, Problem):
                articles.append(item)
            # A long run of Problems is cut too, so it cannot grow without bound.
            if len(articles) >= batch_size or len(batch) >= 4 * batch_size:
                pending.append((batch, submit(articles) if articles else None))
                batch, articles = [], []
                while len(pending) >= in_flight:
                    yield from _merge(*pending.popleft())
        if batch:
            pending.append((batch, submit(articles) if articles else None))
        while pending:
            yield from _merge(*pending.popleft())
    finally:
        for _, future in pending:  # stopped early (or failed): drop what is still queued
            cancel = getattr(future, "cancel", None)
            if cancel is not None:
                cancel()


def _merge(batch: list[Article | Problem], future: _Future | None) -> Iterator[ArticleResult | Problem]:
    results = iter(future.result() if future is not None else ())
    for item in batch:
        yield item if isinstance(item, Problem) else next(results)


# -- the pool -------------------------------------------------------------------


def extract_parallel(
    items: Iterable[Article | Problem],
    *,
    jobs: int,
    disable: Iterable[str] = (),
    published: dt.date | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    in_flight: int | None = None,
) -> Iterator[ArticleResult | Problem]:
    """Process ``items`` with ``jobs`` worker processes, yielding results in input order.

    The results are exactly those of ``Pipeline(disable=..., published=...).extract_many(items)``.

    Args:
        items: Articles (and Problems, passed through) as :meth:`Pipeline.read` yields.
        jobs: Number of worker processes (1: run in this process).
        disable: Names to disable in every worker.
        published: Publication date for articles that have none.
        batch_size: Articles sent to a worker at a time.
        in_flight: Batches out at a time, at most (default ``4 * jobs``): with
            ``batch_size``, this bounds memory.

    Raises:
        RuntimeError: A worker could not build its pipeline (the cause is chained).
        concurrent.futures.process.BrokenProcessPool: A worker died (killed, out of memory).

    Examples:
        ```python
        pipeline = libyaevents.Pipeline()
        results = extract_parallel(pipeline.read(["news.jsonl"]), jobs=4)
        pipeline.export(results, "jsonl", sys.stdout)
        ```
    """
    disable = tuple(disable)
    if jobs <= 1:
        yield from Pipeline(disable=disable, published=published).extract_many(items)
        return
    it = iter(items)
    head = list(itertools.islice(it, jobs * batch_size))
    if len(head) < jobs * batch_size:  # the whole input: not worth starting workers
        yield from Pipeline(disable=disable, published=published).extract_many(head)
        return
    ctx: Any = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init, initargs=(disable, published))
    try:
        yield from ordered_batches(
            itertools.chain(head, it),
            lambda batch: pool.submit(_work, batch),
            batch_size=batch_size,
            in_flight=in_flight or 4 * jobs,
        )
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
