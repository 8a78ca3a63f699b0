"""The GeoJSON exporter writes RFC 7946 that validators, shapely and geopandas accept."""

from __future__ import annotations

import io
import json
from pathlib import Path

import geojson_validator
import pytest
import shapely.geometry
from libyaevents_geojson import PROPERTIES, GeoJsonExporter

from libyaevents import Pipeline
from libyaevents.builtins.json_export import JsonExporter
from libyaevents.cli import main
from libyaevents.testing import convert_results, extract_both_ways


def export(items) -> str:
    stream = io.StringIO()
    GeoJsonExporter().write(items, stream)
    return stream.getvalue()


def check_valid(text: str) -> dict:
    """Parse ``text`` and run geojson-validator's structure and geometry checks on it."""
    data = json.loads(text)
    assert geojson_validator.validate_structure(data, check_crs=True) == {}
    if data["features"]:
        report = geojson_validator.validate_geometries(data)
        assert report["invalid"] == {}
        assert report["problematic"] == {}
    return data


def test_registered_through_the_entry_point():
    """An ordinary Pipeline finds the exporter under the name ``geojson``."""
    exporter = Pipeline().exporter("geojson")
    assert (exporter.name, exporter.suffix, exporter.media_type) == (
        "geojson",
        ".geojson",
        "application/geo+json",
    )


def test_hand_built_results_are_valid_geojson(libyaevents_sample_results):
    """Two located events become two valid Point features; the unlocated one and the Problem are skipped."""
    data = check_valid(export(libyaevents_sample_results))
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data
    assert [f["properties"]["type"] for f in data["features"]] == ["ASSAULT", "CONSULT"]
    for feature in data["features"]:
        assert feature["geometry"]["type"] == "Point"
        assert feature["id"] == feature["properties"]["event_id"]
        assert list(feature["properties"]) == list(PROPERTIES)
        assert all(not isinstance(v, (dict, list)) for v in feature["properties"].values())


def test_benghazi_is_at_lon_20_lat_32(libyaevents_sample_results):
    """Coordinates are [lon, lat], rounded to 6 places: Benghazi lies at about 20.07 E, 32.12 N."""
    data = check_valid(export(libyaevents_sample_results))
    benghazi = next(f for f in data["features"] if f["properties"]["location_name"] == "Benghazi")
    lon, lat = benghazi["geometry"]["coordinates"]
    assert lon == pytest.approx(20.07, abs=0.01)
    assert lat == pytest.approx(32.12, abs=0.01)
    point = shapely.geometry.shape(benghazi["geometry"])
    libya_bbox = shapely.geometry.box(9.3, 19.5, 25.2, 33.2)  # W, S, E, N
    assert libya_bbox.contains(point)
    rome = next(f for f in data["features"] if f["properties"]["location_name"] == "Rome")
    assert shapely.geometry.shape(rome["geometry"]).within(shapely.geometry.box(12, 41.5, 13, 42.5))
    for feature in data["features"]:
        for value in feature["geometry"]["coordinates"]:
            assert round(value, 6) == value


def test_properties_carry_the_event(libyaevents_sample_results):
    """Codes, dates, actors, counts, evidence and the article's fields are all there, flat."""
    data = check_valid(export(libyaevents_sample_results))
    props = data["features"][0]["properties"]
    assert props["cameo"] == "194"
    assert props["acled_event_type"] == "Explosions/Remote violence"
    assert props["acled_sub_event_type"] == "Shelling/artillery/missile attack"
    assert (props["date_start"], props["date_end"], props["date_precision"]) == (
        "2024-05-09",
        "2024-05-09",
        "day",
    )
    assert props["source"] == "Libyan National Army"
    assert props["target"] == "Civilians (Libya)"
    assert (props["fatalities"], props["injured"]) == (3, 5)
    assert props["geonames_id"] == 88319
    assert props["evidence"].startswith("Shelling by the Libyan National Army")
    assert props["article_id"] == "benghazi-shelling"
    assert props["url"].startswith("https://")
    assert props["published"] == "2024-05-10"
    assert props["claimed_by"] == "medics"
    assert props["negated"] is False
    rome = data["features"][1]["properties"]
    assert rome["url"] is None and rome["published"] is None and rome["date_precision"] == "week"


def test_empty_input_is_an_empty_collection():
    """No events still gives a valid, empty FeatureCollection."""
    assert check_valid(export([]))["features"] == []


def test_geopandas_opens_it(libyaevents_sample_results, tmp_path):
    """geopandas (through GDAL/OGR, as QGIS does) reads the file as a layer of points."""
    import geopandas
    import pyogrio  # noqa: F401 - the engine geopandas reads with
    path = tmp_path / "events.geojson"
    path.write_text(export(libyaevents_sample_results), encoding="utf-8")
    frame = geopandas.read_file(path, engine="pyogrio")
    assert len(frame) == 2
    assert frame.crs is not None and frame.crs.to_epsg() == 4326
    assert set(PROPERTIES) - {"event_id"} <= set(frame.columns) | {"event_id"}
    assert list(frame.geometry.geom_type) == ["Point", "Point"]
    assert frame.geometry.iloc[0].x == pytest.approx(20.07, abs=0.01)
    assert frame.geometry.iloc[0].y == pytest.approx(32.12, abs=0.01)
    assert frame["fatalities"].iloc[0] == 3


def test_seeds_export_is_valid(seed_results):
    """The seeds through the real pipeline give valid GeoJSON, each feature inside its bounds."""
    data = check_valid(export(seed_results))
    located = [e for r in seed_results if not hasattr(r, "level") for e in r.events if e.location is not None]
    assert len(data["features"]) == len(located)
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_convert_gives_what_extract_gives(seeds_dir, tmp_path):
    """``convert`` of a saved JSON export writes the same bytes as ``extract --format geojson``."""
    direct, converted = extract_both_ways([seeds_dir], "geojson", tmp_path)
    assert converted == direct
    check_valid(direct.decode("utf-8"))


def test_convert_round_trips_the_hand_built_results(libyaevents_sample_results, tmp_path: Path):
    """The hand-built results saved as JSON and converted give the exporter's own output."""
    assert convert_results(libyaevents_sample_results, "geojson", tmp_path) == export(libyaevents_sample_results)
