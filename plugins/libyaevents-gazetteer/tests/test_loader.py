"""The tables: formats, roles, user files, laziness and cost."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap

import pytest

import libyaevents_gazetteer as lg
from libyaevents_gazetteer._data import GazetteerData, parse_role



def test_roles_are_parsed_with_bounds():
    """A role's start is the first day of its period and its end the last."""
    role = parse_role("Prime Minister @ gnu [2021-03..2022]")
    assert role.title == "Prime Minister" and role.organization == "gnu"
    assert role.start == dt.date(2021, 3, 1) and role.end == dt.date(2022, 12, 31)
    assert parse_role("Envoy [..]").organization is None


def test_bad_role_is_reported():
    """A role that does not follow the format raises ValueError naming it."""
    with pytest.raises(ValueError, match="TITLE @ ORG_ID"):
        parse_role("Prime Minister 2021")


def test_actor_rows_become_actors_with_roles(fixture_data):
    """Rows become Actor objects; demonyms are kept apart and roles pick by date."""
    data = fixture_data()
    haftar = data.actors["fathi-bashagha"].entity
    assert haftar.kind == "person" and haftar.country == "LBY"
    assert [r.organization for r in haftar.roles_on(dt.date(2022, 6, 1))] == ["gns"]
    italy = data.actors["state-ita"]
    assert italy.demonyms == ("Italian",) and "Italian" in italy.entity.aliases


def test_place_rows_become_locations(fixture_data):
    """Place rows carry coordinates, codes and radius."""
    loc = fixture_data().places["gn:2210247"].entity
    assert (loc.name, loc.country, loc.feature_code, loc.geonames_id) == ("Tripoli", "LBY", "PPLC", 2210247)
    assert loc.radius_km == 25.0


def test_user_file_extends_and_overrides(tmp_path, monkeypatch):
    """Files named in LIBYAEVENTS_GAZETTEER_DATA are read after the shipped ones; the same id wins."""
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "id\tname\tkind\tcountry\taliases\troles\tnote\n"
        "zawiya-coffee-brigade\tZawiya Coffee Brigade\tarmed_group\tLBY\tCoffee Brigade\t\tinvented\n",
        encoding="utf-8",
    )
    places = tmp_path / "dir"
    places.mkdir()
    (places / "p.tsv").write_text(
        "id\tname\taliases\tlat\tlon\tcountry\tadmin1\tfeature_class\tfeature_code\tgeonames_id\tpopulation"
        "\tradius_km\tsource\nx:qasr-test\tQasr Testa\t\t30.1\t15.2\tLBY\t\tP\tPPL\t\t\t3\tuser\n",
        encoding="utf-8",
    )
    monkeypatch.setenv(lg.ENV_VAR, os.pathsep.join([str(extra), str(places)]))
    files = lg.data_files()
    assert files[-2][0] == extra and files[-1][0] == places / "p.tsv"
    data = lg.load(files)
    assert "zawiya-coffee-brigade" in data.actors and "x:qasr-test" in data.places


def test_unreadable_rows_are_skipped(tmp_path, caplog):
    """A bad row is logged and skipped; the others load."""
    f = tmp_path / "places_bad.tsv"
    f.write_text(
        "id\tname\taliases\tlat\tlon\tcountry\tadmin1\tfeature_class\tfeature_code\tgeonames_id\tpopulation"
        "\tradius_km\tsource\nx:a\tA\t\tnot-a-number\t1\t\t\t\t\t\t\t\t\nx:b\tB\t\t1\t1\t\t\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    data = GazetteerData()
    data.read(f)
    assert list(data.places) == ["x:b"]
    assert "row skipped" in caplog.text


def test_import_reads_nothing_and_loading_is_light():
    """Importing the plugin reads no table; loading and compiling everything stays under
    50 MB (its time is measured by benchmarks/bench_gazetteer.py, not asserted here)."""
    code = textwrap.dedent(
        """
        import resource
        import libyaevents_gazetteer as lg
        assert not lg._data._CACHE, "tables read at import"
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        lg.gazetteer()
        print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    peak = float(out.stdout)
    assert peak < 50e6, f"loading used {peak / 1e6:.1f} MB"


def test_entry_point_registers_the_extractor():
    """The plugin registers one extractor named gazetteer with order 10."""
    got = []
    lg.register_extractors(got.append)
    assert [(e.name, e.order) for e in got] == [("gazetteer", 10)]
    assert callable(got[0].find_mentions)


def test_fixture_folder_exists(fixtures_dir):
    assert (fixtures_dir / "actors.tsv").is_file()
