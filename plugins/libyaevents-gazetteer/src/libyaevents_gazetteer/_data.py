"""Reading the gazetteer's tables: actors, places and metonyms, shipped and user-supplied.

The tables are plain UTF-8 TSV files (see ``data/README.md`` and ``data/PLACES.md``).
Nothing is read at import time: :func:`load` parses them on first use and keeps the
result for the life of the process. Rows are kept as small slotted records; the
:class:`~libyaevents.Actor` and :class:`~libyaevents.Location` objects that
mentions carry are built on demand, once per entry.

Which file holds what is told by its name in the shipped ``data/`` folder
(``actors*.tsv``/``states*.tsv``, ``places*.tsv``, ``metonyms*.tsv``) and by its header
line for user files, so a user file may have any name. When two rows share an ``id``,
the later one wins: user files (``LIBYAEVENTS_GAZETTEER_DATA``) are read last, so they
can correct or extend any shipped row.

.. versionadded:: 0.1
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import os
import re
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from libyaevents import Actor, Location, Role

__all__ = [
    "DATA_DIR",
    "ENV_VAR",
    "ActorEntry",
    "GazetteerData",
    "MetonymRule",
    "PlaceEntry",
    "data_files",
    "load",
    "parse_role",
    "reset",
]

log = logging.getLogger(__name__)

#: The folder of the shipped tables.
DATA_DIR = Path(__file__).resolve().parent / "data"

#: Environment variable naming extra table files or folders (``os.pathsep``-separated).
ENV_VAR = "LIBYAEVENTS_GAZETTEER_DATA"

ACTOR_COLUMNS = ("id", "name", "kind", "country", "aliases", "roles", "note")
PLACE_COLUMNS = (
    "id", "name", "aliases", "lat", "lon", "country", "admin1", "feature_class",
    "feature_code", "geonames_id", "population", "radius_km", "source",
)
METONYM_COLUMNS = ("key", "start", "end", "actor", "note")

_ROLE = re.compile(r"^\s*(?P<title>[^@\[\]]+?)\s*(?:@\s*(?P<org>[^\s\[\]]*)\s*)?\[(?P<start>[0-9-]*)\s*\.\.\s*(?P<end>[0-9-]*)\]\s*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class ActorEntry:
    """One row of an actors table.

    Attributes:
        id: The row's id.
        name: Canonical name.
        kind: One of :data:`libyaevents.ACTOR_KINDS`.
        country: ISO alpha-3 code or ``None``.
        aliases: Other names (demonym markers removed).
        demonyms: The ``~`` aliases: adjectival forms that name the actor only before
            a government noun ("Italian government").
        roles: Positions held, with dates.
        order: Row number across every table read (earlier rows are more prominent).
    """

    __slots__ = ("id", "name", "kind", "country", "aliases", "demonyms", "roles", "order", "_entity")

    def __init__(self, id: str, name: str, kind: str, country: str | None, aliases: tuple[str, ...],  # noqa: A002
                 demonyms: tuple[str, ...], roles: tuple[Role, ...], order: int) -> None:
        self.id, self.name, self.kind, self.country = id, name, kind, country
        self.aliases, self.demonyms, self.roles, self.order = aliases, demonyms, roles, order
        self._entity: Actor | None = None

    @property
    def entity(self) -> Actor:
        """The :class:`~libyaevents.Actor` for this row, built once."""
        if self._entity is None:
            aliases = tuple(dict.fromkeys(a for a in self.aliases + self.demonyms if a != self.name))
            self._entity = Actor(id=self.id, name=self.name, kind=self.kind, aliases=aliases,
                                 country=self.country, roles=self.roles)
        return self._entity

    def holds_role_on(self, day: dt.date | None) -> bool:
        """Whether any role of this actor is held on ``day``."""
        return any(r.holds_on(day) for r in self.roles)

    def __repr__(self) -> str:
        return f"ActorEntry({self.id!r}, {self.name!r})"


class PlaceEntry:
    """One row of a places table (the columns of ``data/PLACES.md``)."""

    __slots__ = ("id", "name", "aliases", "lat", "lon", "country", "admin1", "feature_class",
                 "feature_code", "geonames_id", "population", "radius_km", "order", "_entity")

    def __init__(self, row: dict[str, str], order: int) -> None:
        self.id = row["id"]
        self.name = row["name"]
        self.aliases = _split_aliases(row.get("aliases", ""))[0]
        self.lat = float(row["lat"])
        self.lon = float(row["lon"])
        self.country = row.get("country") or None
        self.admin1 = row.get("admin1") or None
        self.feature_class = row.get("feature_class") or None
        self.feature_code = row.get("feature_code") or None
        gid = row.get("geonames_id") or ""
        self.geonames_id = int(gid) if gid.strip().isdigit() else None
        pop = row.get("population") or ""
        self.population = int(float(pop)) if pop.strip() else 0
        radius = row.get("radius_km") or ""
        self.radius_km = float(radius) if radius.strip() else 10.0
        self.order = order
        self._entity: Location | None = None

    @property
    def entity(self) -> Location:
        """The :class:`~libyaevents.Location` for this row, built once."""
        if self._entity is None:
            self._entity = Location(
                id=self.id, name=self.name, lat=self.lat, lon=self.lon,
                aliases=tuple(a for a in self.aliases if a != self.name), country=self.country,
                admin1=self.admin1, feature_class=self.feature_class, feature_code=self.feature_code,
                geonames_id=self.geonames_id, radius_km=self.radius_km,
            )
        return self._entity

    @property
    def is_country(self) -> bool:
        """Whether the row is a country (feature code ``PCLI`` and its kin)."""
        return (self.feature_code or "").startswith("PCL")

    @property
    def is_capital(self) -> bool:
        """Whether the row is a national capital (``PPLC``)."""
        return self.feature_code == "PPLC"

    def __repr__(self) -> str:
        return f"PlaceEntry({self.id!r}, {self.name!r})"


class MetonymRule:
    """A place (or a word such as "eastern") that stands for a government in a period.

    Attributes:
        key: A place name or alias ("Tripoli") or a lowercase word ("eastern").
        start: First day the rule holds, or ``None``.
        end: Last day the rule holds, or ``None``.
        actor: Id (or canonical name) of the actor meant.
    """

    __slots__ = ("key", "start", "end", "actor")

    def __init__(self, key: str, start: dt.date | None, end: dt.date | None, actor: str) -> None:
        self.key, self.start, self.end, self.actor = key, start, end, actor

    def holds_on(self, day: dt.date | None) -> bool:
        """Whether the rule applies to an article published on ``day``."""
        if day is None:
            return self.end is None  # undated: the current government
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def __repr__(self) -> str:
        return f"MetonymRule({self.key!r}, {self.start}, {self.end}, {self.actor!r})"


class GazetteerData:
    """Every table read, by id.

    Attributes:
        actors: Actor rows by id.
        places: Place rows by id.
        metonyms: Metonym rules, in file order.
        files: The files read, in order.
    """

    def __init__(self) -> None:
        self.actors: dict[str, ActorEntry] = {}
        self.places: dict[str, PlaceEntry] = {}
        self.metonyms: list[MetonymRule] = []
        #: (place name, ISO alpha-3 code of another country with a place of that name)
        self.homonyms: list[tuple[str, str]] = []
        self.files: list[Path] = []
        self._order = 0

    # -- reading ---------------------------------------------------------

    def read(self, path: Path, kind: str | None = None) -> None:
        """Read one table; ``kind`` (``actors``/``places``/``metonyms``/``homonyms``) or its header decides."""
        rows = _rows(path)
        try:
            header = next(rows)
        except StopIteration:
            return
        kind = kind or _kind_of(header)
        if kind is None:
            log.warning("gazetteer: %s: header %r is not an actors, places or metonyms table; skipped",
                        path, "\t".join(header))
            return
        self.files.append(path)
        for lineno, values in rows:
            row = dict(zip(header, values))
            try:
                if kind == "actors":
                    self._add_actor(row)
                elif kind == "homonyms":
                    self.homonyms.append((row["name"].strip(), row["country"].strip()))
                elif kind == "places":
                    self._order += 1
                    entry = PlaceEntry(row, self._order)
                    self.places[entry.id] = entry
                else:
                    self._add_metonym(row)
            except (KeyError, ValueError, TypeError) as exc:
                log.warning("gazetteer: %s:%d: row skipped: %s", path, lineno, exc)

    def _add_actor(self, row: dict[str, str]) -> None:
        aliases, demonyms = _split_aliases(row.get("aliases", ""))
        roles = tuple(r for r in (parse_role(x) for x in (row.get("roles") or "").split(";")) if r)
        kind = (row.get("kind") or "group").strip()
        country = (row.get("country") or "").strip() or None
        self._order += 1
        entry = ActorEntry(row["id"].strip(), row["name"].strip(), kind, country, aliases, demonyms,
                           roles, self._order)
        entry.entity  # noqa: B018 - validate the row now (kind, country) rather than mid-article
        self.actors[entry.id] = entry

    def _add_metonym(self, row: dict[str, str]) -> None:
        start = _parse_date(row.get("start") or "", last=False)
        end = _parse_date(row.get("end") or "", last=True)
        self.metonyms.append(MetonymRule(row["key"].strip(), start, end, row["actor"].strip()))

    # -- lookups ---------------------------------------------------------

    def actor(self, ref: str) -> ActorEntry | None:
        """The actor with id ``ref``, else the first whose canonical name is ``ref``."""
        entry = self.actors.get(ref)
        if entry is not None:
            return entry
        for entry in self.actors.values():
            if entry.name == ref:
                return entry
        return None


def _kind_of(header: list[str]) -> str | None:
    cols = set(header)
    if {"lat", "lon", "name", "id"} <= cols:
        return "places"
    if {"id", "name", "kind"} <= cols:
        return "actors"
    if {"key", "actor"} <= cols:
        return "metonyms"
    if {"name", "country"} <= cols and "id" not in cols:
        return "homonyms"
    return None


def _rows(path: Path) -> Iterator:
    """Yield the header (a list of column names), then ``(line number, values)``."""
    header_seen = False
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            values = [v.strip() for v in line.split("\t")]
            if not header_seen:
                header_seen = True
                yield values
                continue
            yield lineno, values


def _split_aliases(value: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split ``a|b|~c`` into plain aliases ``(a, b)`` and demonyms ``(c,)``."""
    plain: list[str] = []
    demonyms: list[str] = []
    for alias in value.split("|"):
        alias = alias.strip()
        if not alias:
            continue
        if alias.startswith("~"):
            if alias[1:].strip():
                demonyms.append(alias[1:].strip())
        else:
            plain.append(alias)
    return tuple(dict.fromkeys(plain)), tuple(dict.fromkeys(demonyms))


def _parse_date(value: str, *, last: bool) -> dt.date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the first (or last) day it covers."""
    value = value.strip()
    if not value:
        return None
    m = _DATE.match(value)
    if not m:
        raise ValueError(f"date must be YYYY, YYYY-MM or YYYY-MM-DD (got {value!r})")
    year = int(m[1])
    if m[3]:
        return dt.date(year, int(m[2]), int(m[3]))
    if m[2]:
        month = int(m[2])
        return dt.date(year, month, calendar.monthrange(year, month)[1] if last else 1)
    return dt.date(year, 12, 31) if last else dt.date(year, 1, 1)


def parse_role(value: str) -> Role | None:
    """Parse ``TITLE @ ORG_ID [START..END]`` into a :class:`~libyaevents.Role`.

    Dates may be ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a start is read as the first
    day of the period and an end as the last. Either may be empty.

    Examples:
        >>> parse_role("Prime Minister @ gnu [2021-03..]").start
        datetime.date(2021, 3, 1)
    """
    value = value.strip()
    if not value:
        return None
    m = _ROLE.match(value)
    if not m:
        raise ValueError(f"role must look like 'TITLE @ ORG_ID [START..END]' (got {value!r})")
    return Role(
        title=m["title"].strip(),
        organization=(m["org"] or "").strip() or None,
        start=_parse_date(m["start"], last=False),
        end=_parse_date(m["end"], last=True),
    )


def _shipped_files(folder: Path) -> list[tuple[Path, str]]:
    """The shipped tables in load order: main table first, then its ``_*`` companions."""
    out: list[tuple[Path, str]] = []
    for kind, stems in (("places", ("places",)), ("actors", ("actors", "states")), ("metonyms", ("metonyms",)),
                        ("homonyms", ("homonyms",))):
        for stem in stems:
            main = folder / f"{stem}.tsv"
            if main.is_file():
                out.append((main, kind))
            out.extend((p, kind) for p in sorted(folder.glob(f"{stem}_*.tsv")))
    return out


def _user_files(value: str | None) -> list[Path]:
    out: list[Path] = []
    for part in (value or "").split(os.pathsep):
        part = part.strip()
        if not part:
            continue
        path = Path(part).expanduser()
        if path.is_dir():
            out.extend(sorted(path.glob("*.tsv")))
        elif path.is_file():
            out.append(path)
        else:
            log.warning("gazetteer: %s=%s: no such file or directory", ENV_VAR, part)
    return out


def data_files(extra: Iterable[str | Path] = ()) -> list[tuple[Path, str | None]]:
    """Every table :func:`load` reads, in order: shipped, then ``$LIBYAEVENTS_GAZETTEER_DATA``, then ``extra``."""
    files: list[tuple[Path, str | None]] = list(_shipped_files(DATA_DIR))
    files.extend((p, None) for p in _user_files(os.environ.get(ENV_VAR)))
    for p in extra:
        files.extend((q, None) for q in _user_files(str(p)))
    return files


_CACHE: dict[tuple, GazetteerData] = {}
_LOCK = threading.Lock()


def load(files: Iterable[tuple[Path, str | None]] | None = None) -> GazetteerData:
    """Read the tables (default: :func:`data_files`), once per process and set of files."""
    files = list(files) if files is not None else data_files()
    key = tuple((str(p), k, _mtime(p)) for p, k in files)
    with _LOCK:
        data = _CACHE.get(key)
        if data is None:
            data = GazetteerData()
            for path, kind in files:
                data.read(path, kind)
            _CACHE[key] = data
        return data


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def reset() -> None:
    """Forget every table read (for tests, or after editing a file in a running process)."""
    with _LOCK:
        _CACHE.clear()
