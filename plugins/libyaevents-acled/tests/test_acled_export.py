"""The ACLED-style CSV has ACLED's columns, in order, with ACLED's value conventions."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from libyaevents_acled import COLUMNS, AcledCsvExporter

from libyaevents import Pipeline
from libyaevents.builtins.json_export import JsonExporter
from libyaevents.cli import main
from libyaevents.testing import convert_results, extract_both_ways
from libyaevents.taxonomy import ACLED_DISORDER

#: ACLED's columns as the issue and ACLED's 2023 column guide list them.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]  # fmt: skip


def export(items) -> str:
    stream = io.StringIO(newline="")
    AcledCsvExporter().write(items, stream)
    return stream.getvalue()


def read_rows(text: str) -> list[dict[str, str]]:
    """Read the CSV back with the csv module and check its shape and value ranges."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert reader.fieldnames == ACLED_COLUMNS
    rows = list(reader)
    for row in rows:
        assert None not in row and all(v is not None for v in row.values())  # no ragged rows
        assert row["event_id_cnty"][:3].isalpha() and row["event_id_cnty"][:3].isupper()
        assert row["disorder_type"] in ACLED_DISORDER
        assert row["time_precision"] in ("", "1", "2", "3")
        assert row["geo_precision"] in ("", "1", "2", "3")
        for code in ("inter1", "inter2"):
            assert row[code] == "" or 1 <= int(row[code]) <= 8
        assert int(row["fatalities"]) >= 0
        if row["event_date"]:
            assert dt.date.fromisoformat(row["event_date"]).year == int(row["year"])
        if row["latitude"]:
            assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180
    return rows


def test_registered_through_the_entry_point():
    """An ordinary Pipeline finds the exporter under the name ``acled-csv``."""
    exporter = Pipeline().exporter("acled-csv")
    assert (exporter.name, exporter.suffix, exporter.media_type) == ("acled-csv", ".csv", "text/csv")
    assert list(COLUMNS) == ACLED_COLUMNS


def test_one_row_per_event(libyaevents_sample_results):
    """Three events give three rows, the Problem none; the header is ACLED's."""
    rows = read_rows(export(libyaevents_sample_results))
    assert [r["tags"].split("; ")[1] for r in rows] == ["plover=ASSAULT", "plover=ACCUSE", "plover=CONSULT"]


def test_benghazi_shelling_row(libyaevents_sample_results):
    """The ASSAULT in Benghazi is coded as ACLED would code shelling of civilians."""
    row = read_rows(export(libyaevents_sample_results))[0]
    assert row["event_id_cnty"].startswith("LBY")
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2024-05-09", "2024", "1")
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (
        "Political violence",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"]) == (
        "Libyan National Army",
        "3",
        "Civilians (Libya)",
        "7",
    )
    assert row["interaction"] == "37"
    assert row["civilian_targeting"] == "Civilian targeting"
    assert (row["iso"], row["region"], row["country"], row["admin1"]) == (
        "434",
        "Northern Africa",
        "Libya",
        "Banghazi",
    )
    assert (row["location"], row["latitude"], row["longitude"], row["geo_precision"]) == (
        "Benghazi",
        "32.1149",
        "20.0686",
        "1",
    )
    assert row["source"] == "Libya Observer"
    assert row["notes"].startswith("Shelling by the Libyan National Army")
    assert row["fatalities"] == "3"
    assert "injured=5" in row["tags"] and "cameo=194" in row["tags"]
    assert row["timestamp"] == str(int(dt.datetime(2024, 5, 10, tzinfo=dt.timezone.utc).timestamp()))


def test_unlocated_and_foreign_events(libyaevents_sample_results):
    """An event without a place keeps blank coordinates; one in Rome is Italy's, with a week's precision."""
    _, accuse, consult = read_rows(export(libyaevents_sample_results))
    assert accuse["country"] == "Libya" and accuse["location"] == accuse["latitude"] == ""
    assert accuse["fatalities"] == "0" and "fatalities=no report" in accuse["tags"]
    assert (accuse["inter1"], accuse["inter2"], accuse["interaction"]) == ("1", "3", "13")
    assert consult["event_id_cnty"].startswith("ITA")
    assert (consult["iso"], consult["country"], consult["region"]) == ("380", "Italy", "Europe")
    assert consult["event_date"] == "2024-05-09" and consult["time_precision"] == "2"  # middle of the week
    assert consult["interaction"] == "18"  # a Libyan office holder abroad (8) meets Italy (1)
    assert consult["source"] == "" and consult["timestamp"] != ""


def test_identical_across_runs(libyaevents_sample_results):
    """The same input gives the same bytes, ids and timestamps included."""
    assert export(libyaevents_sample_results) == export(libyaevents_sample_results)


def test_pandas_reads_it(libyaevents_sample_results):
    """pandas reads the file with ACLED's columns and numeric codes."""
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(io.StringIO(export(libyaevents_sample_results)))
    assert list(frame.columns) == ACLED_COLUMNS
    assert frame["fatalities"].tolist() == [3, 0, 0]
    assert frame["iso"].tolist() == [434, 434, 380]
    assert frame["interaction"].tolist() == [37, 13, 18]
    assert frame["latitude"].iloc[0] == pytest.approx(32.12, abs=0.01)


def test_empty_input_is_a_header():
    """No events still gives ACLED's header."""
    assert read_rows(export([])) == []


def test_seeds_export_reads_back(seed_results):
    """The seeds through the real pipeline give a CSV with ACLED's columns, one row per event."""
    rows = read_rows(export(seed_results))
    events = sum(len(r.events) for r in seed_results if not hasattr(r, "level"))
    assert len(rows) == events


def test_convert_gives_what_extract_gives(seeds_dir, tmp_path):
    """``convert`` of a saved JSON export writes the same bytes as ``extract --format acled-csv``."""
    direct, converted = extract_both_ways([seeds_dir], "acled-csv", tmp_path)
    assert converted == direct
    read_rows(direct.decode("utf-8"))


def test_convert_round_trips_the_hand_built_results(libyaevents_sample_results, tmp_path: Path):
    """The hand-built results saved as JSON and converted give the exporter's own output."""
    assert convert_results(libyaevents_sample_results, "acled-csv", tmp_path) == export(libyaevents_sample_results)
