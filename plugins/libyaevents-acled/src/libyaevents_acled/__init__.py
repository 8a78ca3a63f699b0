"""ACLED-style CSV exporter: one row per event, in ACLED's columns and value conventions.

The columns are ACLED's since its March 2023 change (:data:`COLUMNS`), in ACLED's
order, so rows can be appended to an ACLED export and read by the tools written for
it. Codes come from the event and the PLOVER-to-ACLED crosswalk in
:mod:`libyaevents.taxonomy`; actor type codes (``inter1``/``inter2``) from the actors'
kinds. Every value is derived from the input alone (no clock), so the same input gives
the same file. The mapping, with what ACLED would code differently, is documented in
``docs/formats/acled.md``.

.. versionadded:: 0.1
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import unicodedata
from collections.abc import Iterable
from typing import IO, Any
from urllib.parse import urlsplit

import pycountry

import libyaevents
from libyaevents import Actor, ArticleResult, Event, Problem
from libyaevents.taxonomy import acled_code, cameo_code

__all__ = [
    "COLUMNS",
    "DEFAULT_COUNTRY",
    "INTER_LABELS",
    "AcledCsvExporter",
    "event_row",
    "inter_code",
    "register_exporters",
]

__version__ = "0.1.0"

#: ACLED's columns (2023 and later), in ACLED's order.
COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

#: ACLED's actor type codes (``inter1``, ``inter2``).
INTER_LABELS: dict[int, str] = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}

#: The country of an event without a location (libyaevents reads news about Libya).
DEFAULT_COUNTRY = "LBY"

# ACLED's regions for Libya's neighbourhood and frequent partners (ACLED's own names).
_ACLED_REGION: dict[str, str] = {
    **dict.fromkeys(("DZA", "EGY", "LBY", "MAR", "SDN", "TUN"), "Northern Africa"),
    **dict.fromkeys(("TCD", "CMR", "CAF", "COD", "COG", "GAB"), "Middle Africa"),
    **dict.fromkeys(("NER", "NGA", "MLI", "BFA", "SEN", "GHA", "MRT"), "Western Africa"),
    **dict.fromkeys(("SSD", "ETH", "ERI", "SOM", "KEN", "UGA"), "Eastern Africa"),
    **dict.fromkeys(
        ("TUR", "SAU", "ARE", "QAT", "ISR", "JOR", "LBN", "SYR", "IRQ", "KWT", "PSE", "YEM", "IRN"),
        "Middle East",
    ),
    **dict.fromkeys(
        (
            "ITA",
            "GRC",
            "MLT",
            "ESP",
            "PRT",
            "FRA",
            "DEU",
            "BEL",
            "NLD",
            "CHE",
            "AUT",
            "GBR",
            "CYP",
            "RUS",
            "UKR",
        ),
        "Europe",
    ),
    **dict.fromkeys(("USA", "CAN"), "North America"),
}

_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def _ascii(text: str) -> str:
    """``"Banghāzī"`` -> ``"Banghazi"``: drop diacritics and apostrophe-like marks."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "’ʻʿʾ'")
    return kept


def _country(alpha3: str) -> Any:
    return pycountry.countries.get(alpha_3=alpha3)


def _country_name(alpha3: str) -> str:
    country = _country(alpha3)
    if country is None:
        return ""
    return getattr(country, "common_name", None) or country.name


def _admin1_name(code: str | None) -> str:
    if not code:
        return ""
    subdivision = pycountry.subdivisions.get(code=code)
    return _ascii(subdivision.name) if subdivision is not None else ""


def inter_code(
    actor: Actor, event: Event, result: ArticleResult | None = None, *, country: str = DEFAULT_COUNTRY
) -> int:
    """ACLED's actor type code (1-8) for ``actor`` in ``event``.

    * ``state``/``government``: 1 (State forces) in its own country, 8 (External/Other
      forces) abroad, as ACLED codes foreign state forces;
    * ``armed_group``: 3 (Political militias), ACLED's usual code for Libya's armed groups;
    * ``igo``: 8;
    * ``person``: the code of the organization of a role held on the event's date, when
      the article names it; for another office holder 1 at home and 8 abroad; else 7;
    * ``group``, ``organization``, ``media``: 7 (Civilians), except the acting side of a
      PROTEST: 6 (Protesters), or 5 (Rioters) for a riot.

    Args:
        actor: The actor.
        event: The event it takes part in.
        result: The article's results, to find the organization of a person's role.
        country: ISO alpha-3 code of the event's country.
    """
    if actor.kind in ("state", "government"):
        return 1 if actor.country in (None, country) else 8
    if actor.kind == "armed_group":
        return 3
    if actor.kind == "igo":
        return 8
    if actor.kind == "person":
        day = event.date.start if event.date else (result.article.published if result else None)
        known = (*(result.actors if result else ()), *event.source, *event.target)
        by_id = {a.id: a for a in known}
        roles = actor.roles_on(day)
        for role in roles:
            org = by_id.get(role.organization or "")
            if org is not None and org.kind != "person":
                return inter_code(org, event, result, country=country)
        if roles:  # an office holder whose organization the article does not name
            return 1 if actor.country in (None, country) else 8
    if event.type == "PROTEST" and any(a.id == actor.id for a in event.source):
        return 5 if event.mode == "riot" else 6
    return 7


def _event_date(event: Event, result: ArticleResult) -> tuple[dt.date | None, int | None]:
    """The date ACLED would record, and its time precision (1 day, 2 week, 3 month)."""
    date = event.date
    if date is None:
        published = result.article.published
        return (published, 2) if published else (None, None)
    middle = date.start + dt.timedelta(days=(date.end - date.start).days // 2)
    precision = _TIME_PRECISION[date.precision]
    if precision == 1 and date.end != date.start:
        precision = 2 if (date.end - date.start).days <= 7 else 3
    return middle, precision


def _geo_precision(event: Event) -> int | None:
    loc = event.location
    if loc is None:
        return None
    code = loc.feature_code or ""
    if code.startswith(("PCL", "ADM1")) or loc.radius_km > 100:
        return 3
    if code.startswith("ADM") or loc.radius_km > 25:
        return 2
    return 1


def _source(result: ArticleResult) -> str:
    article = result.article
    if article.publisher:
        return article.publisher
    if article.url:
        host = urlsplit(article.url).hostname or ""
        return host.removeprefix("www.")
    return ""


def _tags(event: Event, result: ArticleResult) -> str:
    tags = ["libyaevents", f"plover={event.type}"]
    if event.mode:
        tags.append(f"mode={event.mode}")
    tags.append(f"cameo={cameo_code(event.type, event.mode)}")
    if event.injured is not None:
        tags.append(f"injured={event.injured}")
    if event.fatalities is None:
        tags.append("fatalities=no report")
    tags.append(f"confidence={event.confidence:.2f}")
    for flag in ("negated", "future", "hypothetical"):
        if getattr(event.contexts, flag):
            tags.append(flag)
    for claimant in event.contexts.claimed_by:
        tags.append(f"claimed by={claimant}")
    tags.append(f"article={result.article.id}")
    tags.append(f"event={event.id}")
    return "; ".join(t.replace(";", ",") for t in tags)


def event_id_cnty(event: Event, country: str) -> str:
    """``"LBY"`` (the event's country) followed by 8 hex digits of a hash of the event id."""
    digest = hashlib.sha256(event.id.encode("utf-8")).hexdigest()[:8].upper()
    return f"{country}{digest}"


def event_row(event: Event, result: ArticleResult) -> dict[str, Any]:
    """One event as a row: :data:`COLUMNS` to values (``""`` where nothing is known)."""
    loc = event.location
    country = (loc.country if loc is not None else None) or DEFAULT_COUNTRY
    acled = acled_code(event.type, event.mode)
    day, time_precision = _event_date(event, result)
    sources = list({a.id: a for a in event.source}.values())
    targets = list({a.id: a for a in event.target}.values())
    inter1 = inter_code(sources[0], event, result, country=country) if sources else None
    inter2 = inter_code(targets[0], event, result, country=country) if targets else None
    if inter1 is None and inter2 is not None:  # ACLED fills actor1 first
        sources, targets, inter1, inter2 = targets, [], inter2, None
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    interaction = "" if not codes else int(f"{codes[0]}{codes[1] if len(codes) > 1 else 0}")
    target_codes = [inter_code(a, event, result, country=country) for a in event.target]
    civilian = acled.event_type == "Violence against civilians" or (
        acled.disorder_type == "Political violence" and 7 in target_codes
    )
    country_record = _country(country)
    published = result.article.published
    stamp_day = published or (event.date.start if event.date else None)
    row: dict[str, Any] = {
        "event_id_cnty": event_id_cnty(event, country),
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else "",
        "time_precision": time_precision or "",
        "disorder_type": acled.disorder_type,
        "event_type": acled.event_type,
        "sub_event_type": acled.sub_event_type,
        "actor1": sources[0].name if sources else "",
        "assoc_actor_1": "; ".join(a.name for a in sources[1:]),
        "inter1": inter1 or "",
        "actor2": targets[0].name if targets else "",
        "assoc_actor_2": "; ".join(a.name for a in targets[1:]),
        "inter2": inter2 or "",
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": int(country_record.numeric) if country_record is not None else "",
        "region": _ACLED_REGION.get(country, ""),
        "country": _country_name(country),
        "admin1": _admin1_name(loc.admin1) if loc is not None else "",
        "admin2": "",
        "admin3": "",
        "location": loc.name if loc is not None else "",
        "latitude": f"{loc.lat:.4f}" if loc is not None else "",
        "longitude": f"{loc.lon:.4f}" if loc is not None else "",
        "geo_precision": _geo_precision(event) or "",
        "source": _source(result),
        "source_scale": "",
        "notes": " ".join(dict.fromkeys(span.text.strip() for span in event.evidence)),
        "fatalities": event.fatalities or 0,
        "tags": _tags(event, result),
        "timestamp": int(
            dt.datetime(stamp_day.year, stamp_day.month, stamp_day.day, tzinfo=dt.timezone.utc).timestamp()
        )
        if stamp_day
        else "",
    }
    return row


class AcledCsvExporter:
    """Writes a CSV with ACLED's header and one row per event, as the articles arrive."""

    name = "acled-csv"
    suffix = ".csv"
    media_type = "text/csv"

    def write(self, items: Iterable[ArticleResult | Problem], stream: IO[str]) -> None:
        """Write the header, then a row for every event of ``items``.

        Problems have no row in ACLED's layout and are left out (the JSON export keeps
        them). Rows end with CRLF, as RFC 4180 and Python's ``csv`` module default to.
        """
        writer = csv.DictWriter(stream, fieldnames=COLUMNS)
        writer.writeheader()
        for item in items:
            if isinstance(item, Problem):
                continue
            for event in item.events:
                writer.writerow(event_row(event, item))


@libyaevents.hookimpl
def register_exporters(register: Any) -> None:
    """Register the ``acled-csv`` exporter."""
    register(AcledCsvExporter())
