#!/usr/bin/env python3
"""Validate the gazetteer actor dictionary (``data/actors.tsv`` + ``data/states.tsv``).

Checks:
  * header line and exactly 7 tab-separated columns per row;
  * ``id`` is a lowercase slug and unique across all files;
  * ``kind`` is one of the allowed kinds;
  * ``country`` is empty or an ISO 3166-1 alpha-3 code known to pycountry;
  * aliases: no empty/padded entries, ``~`` only as a prefix, no parentheses,
    no all-lowercase alias except for kind ``group`` and web domains, no
    generic stop-phrase; no alias (or
    canonical name) shared by two rows (single words compared exactly, since
    the matcher is case-sensitive for them; multi-word forms case-insensitively);
  * roles: ``TITLE @ ORG_ID [START..END]`` separated by ``;``, ORG_ID empty or
    an existing id, dates ``YYYY``/``YYYY-MM``/``YYYY-MM-DD`` that parse, START <= END.

Usage: python tools/check_actors.py [FILE ...]   (default: data/actors.tsv data/states.tsv)
Exit status 1 if any error is found.
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pycountry

DATA = Path(__file__).resolve().parent.parent / "src" / "libyaevents_gazetteer" / "data"
HEADER = ["id", "name", "kind", "country", "aliases", "roles", "note"]
KINDS = {"person", "government", "armed_group", "organization", "igo", "state", "media", "group"}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ROLE_RE = re.compile(
    r"^(?P<title>[^@\[\];|]+?)\s*@\s*(?P<org>[a-z0-9-]*)\s*\[(?P<start>[0-9-]*)\.\.(?P<end>[0-9-]*)\]$"
)
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Generic phrases that must never be aliases on their own (compared case-insensitively).
STOP = {
    "army", "the army", "government", "the government", "council", "the council",
    "coast guard", "coastguard", "militia", "militias", "forces", "police", "ministry",
    "parliament", "the parliament", "president", "prime minister", "minister",
    "authorities", "the authorities", "state", "union", "commission", "the commission",
    "court", "bank", "the bank", "agency", "mission", "the mission", "congress",
}
ISO3 = {c.alpha_3 for c in pycountry.countries}


def parse_date(s: str, lineinfo: str, errors: list[str]):
    m = DATE_RE.match(s)
    if not m:
        errors.append(f"{lineinfo}: bad date {s!r}")
        return None
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        date(y, mo, d)
    except ValueError:
        errors.append(f"{lineinfo}: invalid date {s!r}")
        return None
    return (y, int(m.group(2) or 0), int(m.group(3) or 0))


def alias_key(a: str) -> str:
    a = a.lstrip("~")
    return a if " " not in a else a.casefold()


def load(path: Path, errors: list[str]):
    rows = []
    header_seen = False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{n}"
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen:
            if cols != HEADER:
                errors.append(f"{where}: expected header {HEADER}, got {cols}")
            header_seen = True
            continue
        if len(cols) != len(HEADER):
            errors.append(f"{where}: {len(cols)} columns, expected {len(HEADER)}")
            continue
        rows.append((where, dict(zip(HEADER, cols))))
    if not header_seen:
        errors.append(f"{path}: no header")
    return rows


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or [DATA / "actors.tsv", DATA / "states.tsv"]
    errors: list[str] = []
    rows = []
    for f in files:
        rows.extend(load(f, errors))

    ids: dict[str, str] = {}
    for where, r in rows:
        if not ID_RE.match(r["id"]):
            errors.append(f"{where}: bad id {r['id']!r}")
        if r["id"] in ids:
            errors.append(f"{where}: duplicate id {r['id']!r} (first at {ids[r['id']]})")
        ids.setdefault(r["id"], where)

    surface = defaultdict(list)  # key -> [(where, id, form)]
    kinds = Counter()
    n_roles = 0
    for where, r in rows:
        rid = r["id"]
        for col in HEADER:
            if r[col] != r[col].strip():
                errors.append(f"{where}: column {col} has leading/trailing spaces")
        if not r["name"]:
            errors.append(f"{where}: empty name")
        if "|" in r["name"] or "~" in r["name"]:
            errors.append(f"{where}: name contains | or ~")
        if r["kind"] not in KINDS:
            errors.append(f"{where}: bad kind {r['kind']!r}")
        kinds[r["kind"]] += 1
        if r["country"] and r["country"] not in ISO3:
            errors.append(f"{where}: unknown ISO3 country {r['country']!r}")
        if r["kind"] == "state" and not r["country"]:
            errors.append(f"{where}: state without country")
        surface[alias_key(r["name"])].append((where, rid, r["name"]))
        seen_in_row = set()
        if r["aliases"]:
            for a in r["aliases"].split("|"):
                if not a or a != a.strip():
                    errors.append(f"{where}: empty or padded alias in {r['aliases']!r}")
                    continue
                body = a[1:] if a.startswith("~") else a
                if not body or "~" in body:
                    errors.append(f"{where}: misplaced ~ in alias {a!r}")
                    continue
                if a in seen_in_row:
                    errors.append(f"{where}: alias {a!r} repeated in row")
                seen_in_row.add(a)
                if body.casefold() in STOP:
                    errors.append(f"{where}: generic alias {a!r}")
                if "(" in body or ")" in body:
                    errors.append(f"{where}: parentheses in alias {a!r} (aliases are literal surface forms)")
                is_domain = "." in body and " " not in body
                if (r["kind"] != "group" and body == body.lower()
                        and not any(ch.isdigit() for ch in body) and not is_domain):
                    errors.append(f"{where}: all-lowercase alias {a!r} (only allowed for kind group)")
                if body == r["name"]:
                    errors.append(f"{where}: alias {a!r} repeats the canonical name")
                k = alias_key(a)
                if k != alias_key(r["name"]):
                    surface[k].append((where, rid, a))
        if r["roles"]:
            for role in r["roles"].split(";"):
                role = role.strip()
                m = ROLE_RE.match(role)
                if not m:
                    errors.append(f"{where}: bad role syntax {role!r}")
                    continue
                n_roles += 1
                org = m.group("org")
                if org and org not in ids:
                    errors.append(f"{where}: role org {org!r} is not an id")
                if org == rid:
                    errors.append(f"{where}: role points at its own row")
                s = parse_date(m.group("start"), where, errors) if m.group("start") else None
                e = parse_date(m.group("end"), where, errors) if m.group("end") else None
                if s and e and s > e:
                    errors.append(f"{where}: role start after end in {role!r}")

    for k, hits in surface.items():
        owners = {rid for _, rid, _ in hits}
        if len(owners) > 1:
            desc = ", ".join(f"{rid} ({w}: {form!r})" for w, rid, form in hits)
            errors.append(f"surface form {k!r} on several rows: {desc}")

    for e in errors:
        print("ERROR", e)
    total = sum(kinds.values())
    n_alias = sum(len(v) for v in surface.values())
    print(f"{total} rows in {len(files)} file(s); {n_alias} surface forms; {n_roles} roles")
    print("by kind: " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
