"""Extraction on a Dask cluster, for streams one machine cannot keep up with.

``--jobs N`` (:mod:`libyaevents.parallel`) uses the cores of one machine. Years of
GDELT-sized news need more than one machine, and the teams that process them usually
run a Dask cluster already; this module puts the pipeline on it rather than asking
them to run another engine. Two entry points:

* :func:`extract_on_cluster` streams articles from this process to an existing cluster
  and yields the results in input order, as ``libyaevents extract --scheduler ADDRESS``
  does. Memory here stays bounded: batches go out as the input is read, and only a
  few are out at a time.
* :func:`extract_bag` maps a :class:`dask.bag.Bag` of input records to a bag of result
  dictionaries, for users who already hold their corpus as a bag.

Each worker process builds one :class:`~libyaevents.Pipeline` (per set of options) the
first time it is given work, and keeps it. The workers load the plugins installed where
*they* run, under *their* ``LIBYAEVENTS_*`` environment: install the same libyaevents
and plugins on every worker, or the results will differ from a local run.

Dask is imported only when these functions are called; install it with
``pip install 'libyaevents[dask]'``.

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ._inputs import article_from_record, parse_date
from ._models import Article, ArticleResult, Problem
from ._pipeline import Pipeline, _text_id
from .parallel import DEFAULT_BATCH_SIZE, ordered_batches
from .serialization import dump_problem, dump_result

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import distributed

__all__ = ["extract_bag", "extract_on_cluster"]

_MISSING = "libyaevents.dask needs Dask: pip install 'libyaevents[dask]' ({})"


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise ImportError(_MISSING.format(exc), name="distributed") from exc
    return distributed


def _import_bag() -> Any:
    try:
        import dask.bag
    except ImportError as exc:
        raise ImportError(_MISSING.format(exc), name="dask") from exc
    return dask.bag


# -- the worker side --------------------------------------------------------------

_PIPELINES: dict[tuple[tuple[str, ...], dt.date | None], Pipeline] = {}
_LOCK = threading.Lock()


def _pipeline(disable: tuple[str, ...], published: dt.date | None) -> Pipeline:
    """This process's pipeline for these options, built on first use (one per option set)."""
    key = (tuple(disable), published)
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        with _LOCK:  # a worker with several threads builds it once
            pipeline = _PIPELINES.get(key)
            if pipeline is None:
                pipeline = _PIPELINES[key] = Pipeline(disable=key[0], published=published)
    return pipeline


def _extract_batch(
    articles: list[Article], disable: tuple[str, ...], published: dt.date | None
) -> list[ArticleResult]:
    pipeline = _pipeline(disable, published)
    return [pipeline.extract(article) for article in articles]


def _extract_partition(
    records: Iterable[Any], disable: tuple[str, ...], published: dt.date | None
) -> list[dict[str, Any]]:
    pipeline = _pipeline(disable, published)
    out: list[dict[str, Any]] = []
    for record in records:
        for item in _articles(record):
            if isinstance(item, Problem):
                out.append({"record": "error", **dump_problem(item)})
            else:
                out.append(dump_result(pipeline.extract(item)))
    return out


def _articles(record: Any) -> Iterable[Article | Problem]:
    if isinstance(record, Article):
        return (record,)
    if isinstance(record, dict):
        text = record.get("text")
        default_id = _text_id(text) if isinstance(text, str) else "record"
        origin = record.get("origin") if isinstance(record.get("origin"), str) else None
        return article_from_record(record, origin=origin, default_id=default_id)  # type: ignore[arg-type]
    return article_from_record(record, origin=None, default_id="record")  # type: ignore[arg-type]


# -- the client side --------------------------------------------------------------


def _options(disable: Iterable[str], published: dt.date | str | None) -> tuple[tuple[str, ...], dt.date | None]:
    when = parse_date(published) if isinstance(published, str) else published
    if published is not None and when is None:
        raise ValueError(f"'published' must be a date or YYYY-MM-DD (got {published!r})")
    return tuple(disable), when


def extract_on_cluster(
    articles: Iterable[Article | Problem],
    address: str | distributed.Client,
    *,
    disable: Iterable[str] = (),
    published: dt.date | str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    in_flight: int | None = None,
) -> Iterator[ArticleResult | Problem]:
    """Process ``articles`` on a Dask cluster, yielding results in input order.

    The results are exactly those of ``Pipeline(disable=..., published=...).extract_many(articles)``
    run here, provided the workers have the same plugins installed. The connection is
    made when this function is called (so a wrong address fails at once); the work
    starts when the returned iterator is read, and the client is closed when it ends.

    Args:
        articles: Articles (and Problems, passed through without leaving this process),
            as :meth:`Pipeline.read` yields them. Read lazily: it may be unbounded.
        address: The scheduler's address (``"tcp://10.0.0.5:8786"``), or a
            :class:`distributed.Client` to use (it is left open).
        disable: Names to disable on every worker (as ``--disable``).
        published: Publication date for articles that have none.
        batch_size: Articles per task.
        in_flight: Tasks submitted and not yet yielded, at most (default: twice the
            cluster's threads, at least 4). With ``batch_size``, this bounds memory here.

    Returns:
        An iterator over the results.

    Raises:
        ImportError: Dask is not installed (``pip install 'libyaevents[dask]'``).
        OSError: The scheduler cannot be reached.

    Examples:
        ```python
        from libyaevents.dask import extract_on_cluster

        pipeline = libyaevents.Pipeline()
        results = extract_on_cluster(pipeline.read(["news.jsonl"]), "tcp://scheduler:8786")
        with open("out.jsonl", "w") as out:
            pipeline.export(results, "jsonl", out)
        ```
    """
    distributed = _import_distributed()
    options = _options(disable, published)
    own = not isinstance(address, distributed.Client)
    client = distributed.Client(address, set_as_default=False) if own else address
    if in_flight is None:
        try:
            threads = sum(client.nthreads().values())
        except Exception:  # noqa: BLE001 - only a sizing hint
            threads = 0
        in_flight = max(4, 2 * threads)
    return _stream(client, own, articles, options, batch_size, in_flight)


def _stream(
    client: Any,
    own: bool,
    articles: Iterable[Article | Problem],
    options: tuple[tuple[str, ...], dt.date | None],
    batch_size: int,
    in_flight: int,
) -> Iterator[ArticleResult | Problem]:
    try:
        yield from ordered_batches(
            articles,
            lambda batch: client.submit(_extract_batch, batch, *options, pure=False),
            batch_size=batch_size,
            in_flight=in_flight,
        )
    finally:
        if own:
            client.close()


def extract_bag(
    bag: dask.bag.Bag, *, disable: Iterable[str] = (), published: dt.date | str | None = None
) -> dask.bag.Bag:
    """Map a bag of input records to a bag of result dictionaries.

    Each record is an :class:`~libyaevents.Article` or a dictionary shaped like a JSON
    Lines input line (``id``, ``text``, ``published``, ``title``, ``url``,
    ``publisher``, ``language``, and optionally ``origin``). A record without an ``id``
    gets one derived from its text, as :func:`libyaevents.extract` gives a bare text.

    Each article becomes the dictionary the JSON export holds for it
    (:func:`libyaevents.serialization.dump_result`), in the order of the input. A
    record that cannot be read, or is read with a warning, also gives a dictionary
    ``{"record": "error", "level": ..., "message": ...}``, just before the article when
    there is one: the lines a JSON Lines export would hold, so
    ``bag.map(json.dumps).to_textfiles(...)`` writes files that ``libyaevents convert``
    and :func:`libyaevents.load` read back.

    Nothing runs until the bag is computed, on whichever scheduler computes it.

    Args:
        bag: The input records.
        disable: Names to disable on every worker (as ``--disable``).
        published: Publication date for articles that have none.

    Returns:
        A bag of dictionaries, partitioned as ``bag``.

    Raises:
        ImportError: Dask is not installed (``pip install 'libyaevents[dask]'``).

    Examples:
        ```python
        import json
        import dask.bag as db
        from libyaevents.dask import extract_bag

        records = db.read_text("news-*.jsonl").map(json.loads)
        results = extract_bag(records, published="2024-05-01")
        results.filter(lambda d: d.get("record") != "error").map(json.dumps).to_textfiles("out/*.jsonl")
        ```
    """
    _import_bag()
    disable_t, when = _options(disable, published)
    return bag.map_partitions(_extract_partition, disable_t, when)
