"""On a real local Dask cluster, ``--scheduler`` and :func:`libyaevents.dask.extract_bag`
give exactly the serial results."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import load_corpus

from libyaevents import Pipeline, Problem
from libyaevents.cli import main
from libyaevents.serialization import dump_result

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")

from libyaevents.dask import extract_bag, extract_on_cluster

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
#: The ML plugin, when installed, loads torch in every worker: tens of seconds for
#: nothing these tests need (tests/test_parallel.py runs it across processes).
NO_ML = ("ml",)




@pytest.fixture(scope="module")
def cluster():
    """A scheduler and two single-threaded worker processes on loopback."""
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """300 synthetic articles with a bad record every 97 lines."""
    return load_corpus().write_jsonl(tmp_path_factory.mktemp("corpus") / "generated.jsonl", 300, broken=True)


def _run(tmp_path: Path, name: str, *args: str) -> tuple[int, bytes]:
    out = tmp_path / name
    code = main(["extract", *args, "-q", "-o", str(out)])
    return code, out.read_bytes()


def assert_same(one: bytes, two: bytes) -> None:
    """Equal bytes, or a message showing where they part."""
    if one != two:
        at = next((i for i, (a, b) in enumerate(zip(one, two)) if a != b), min(len(one), len(two)))
        raise AssertionError(
            f"outputs differ at byte {at} (sizes {len(one)}, {len(two)}):\n"
            f"  {one[max(0, at - 200):at + 200]!r}\n  {two[max(0, at - 200):at + 200]!r}"
        )


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_cli_scheduler_identical(tmp_path, cluster, generated, fmt):
    """``extract --scheduler`` writes the serial bytes, errors and order included."""
    paths = [str(SEEDS), str(generated)]
    code1, serial = _run(tmp_path, f"serial.{fmt}", *paths, "-f", fmt, "--disable", "ml")
    code2, dist = _run(
        tmp_path, f"dask.{fmt}", *paths, "-f", fmt, "--disable", "ml", "--scheduler", cluster.scheduler_address
    )
    assert_same(serial, dist)
    assert code1 == code2 == 1  # the generated set has bad lines
    assert serial.count(b'"level":"error"') >= 3


def test_extract_on_cluster_with_client(cluster):
    """A Client can be passed instead of an address; small batches still come back in order."""
    pipeline = Pipeline(disable=NO_ML)
    serial = list(pipeline.extract_many(pipeline.read([SEEDS])))
    with distributed.Client(cluster, set_as_default=False) as client:
        out = list(extract_on_cluster(pipeline.read([SEEDS]), client, disable=NO_ML, batch_size=1, in_flight=2))
        assert client.status == "running"  # left open: it is the caller's
    assert out == serial


def test_extract_bag_of_articles(cluster, generated):
    """A bag of Articles gives the dictionaries of the serial JSON export, in order."""
    pipeline = Pipeline(disable=NO_ML)
    articles = [a for a in pipeline.read([SEEDS, generated]) if not isinstance(a, Problem)]
    expected = [dump_result(r) for r in pipeline.extract_many(articles)]
    with distributed.Client(cluster, set_as_default=False) as client:
        bag = extract_bag(db.from_sequence(articles, npartitions=5), disable=NO_ML)
        got = bag.compute(scheduler=client)
    assert got == expected


def _no_origin(value):
    if isinstance(value, dict):
        return {k: _no_origin(v) for k, v in value.items() if k != "origin"}
    if isinstance(value, list):
        return [_no_origin(v) for v in value]
    return value


def test_extract_bag_of_records(tmp_path):
    """A bag of JSON Lines records gives the lines of the serial JSON Lines export.

    Bad records become error dictionaries where they stood. Origins differ (a bag has
    no file and line), so they are left out of the comparison.
    """
    records = list(load_corpus().articles(40, seed=7))
    records[3] = {"id": "empty", "text": "  "}
    records[11] = ["not", "an", "object"]
    records[20]["published"] = "not a date at all"
    source = tmp_path / "records.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    _, serial = _run(tmp_path, "serial.jsonl", str(source), "-f", "jsonl", "--disable", "ml")
    expected = []
    for line in serial.decode("utf-8").splitlines():
        record = json.loads(line)
        if record.pop("record") == "error":
            record = {"record": "error", **record}
        expected.append(_no_origin(record))
    got = extract_bag(db.from_sequence(records, npartitions=3), disable=NO_ML).compute(scheduler="sync")
    assert _no_origin(got) == expected
    assert [d.get("record") for d in got].count("error") == 3


def test_extract_bag_gives_ids_to_records_without_one():
    """A record without an id gets the id a bare text would get."""
    import libyaevents

    text = "Clashes in Tripoli on Friday killed 3 people."
    (got,) = extract_bag(db.from_sequence([{"text": text}]), disable=NO_ML).compute(scheduler="sync")
    assert got["id"] == libyaevents.extract(text, disable=NO_ML).article.id


def test_import_libyaevents_does_not_import_dask():
    """Importing libyaevents (even libyaevents.dask) loads no Dask module."""
    code = (
        "import sys, libyaevents, libyaevents.cli, libyaevents.parallel, libyaevents.dask\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("module", ["distributed", "dask.bag"])
def test_missing_dask_names_the_extra(monkeypatch, module):
    """Without Dask, both entry points say which extra to install."""
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(ImportError, match=r"pip install 'libyaevents\[dask\]'"):
        if module == "distributed":
            extract_on_cluster([], "tcp://127.0.0.1:1")
        else:
            extract_bag(object())


def test_cli_without_dask_is_a_usage_error(monkeypatch, tmp_path, capsys):
    """``--scheduler`` without Dask exits 2 and names the extra."""
    monkeypatch.setitem(sys.modules, "distributed", None)
    code = main(["extract", str(SEEDS), "-q", "-o", str(tmp_path / "x.json"), "--scheduler", "tcp://127.0.0.1:1"])
    assert code == 2
    assert "libyaevents[dask]" in capsys.readouterr().err
