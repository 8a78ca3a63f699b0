"""Test input for the exporter: hand-built results, and the repository's seeds run through
the real pipeline.

The hand-built results do not depend on which extractor plugins are installed: an
article with an ASSAULT in Benghazi and an ACCUSE event without a location, an article
(no date, no URL) with a CONSULT visit in Rome, and a Problem between them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from libyaevents import (
    Actor,
    Article,
    ArticleResult,
    Contexts,
    Count,
    Event,
    EventDate,
    Location,
    Problem,
    Role,
    Span,
)
from libyaevents.cli import main
from libyaevents.ids import event_id
from libyaevents.serialization import iter_export

#: The repository's seed articles (absent when the plugin is tested on its own).
SEEDS = Path(__file__).resolve().parents[3] / "seeds"

BENGHAZI_TEXT = (
    "Shelling by the Libyan National Army hit a market in Benghazi on Thursday, killing three "
    "civilians and wounding five, medics said. The Government of National Unity accused the LNA "
    "of war crimes."
)
ROME_TEXT = "Prime Minister Abdul Hamid Dbeibah visited Rome last week and met Italian officials."

LNA = Actor(id="lna", name="Libyan National Army", kind="armed_group", aliases=("LNA",), country="LBY")
GNU = Actor(id="gnu", name="Government of National Unity", kind="government", country="LBY")
CIVILIANS = Actor(id="civilians-libya", name="Civilians (Libya)", kind="group", country="LBY")
DBEIBAH = Actor(
    id="dbeibah",
    name="Abdul Hamid Dbeibah",
    kind="person",
    country="LBY",
    roles=(Role("Prime Minister", organization="gnu", start=dt.date(2021, 3, 15)),),
)
ITALY = Actor(id="italy", name="Italy", kind="state", country="ITA")

BENGHAZI = Location(
    id="gn:88319",
    name="Benghazi",
    lat=32.11486,
    lon=20.06859,
    country="LBY",
    admin1="LY-BA",
    feature_class="P",
    feature_code="PPLA",
    geonames_id=88319,
    radius_km=15.0,
)
ROME = Location(
    id="gn:3169070",
    name="Rome",
    lat=41.89193,
    lon=12.51133,
    country="ITA",
    admin1="IT-62",
    feature_class="P",
    feature_code="PPLC",
    geonames_id=3169070,
    radius_km=20.0,
)


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span.of(text, start, start + len(words))


def _benghazi_result() -> ArticleResult:
    text = BENGHAZI_TEXT
    article = Article(
        id="benghazi-shelling",
        text=text,
        title="Three civilians killed in Benghazi shelling",
        url="https://www.libyaobserver.ly/news/benghazi-shelling",
        published=dt.date(2024, 5, 10),
        publisher="Libya Observer",
    )
    first = _span(text, text.split(". ")[0] + ".")
    second = _span(text, "The Government of National Unity accused the LNA of war crimes.")
    assault = Event(
        id=event_id(article.id, "ASSAULT", [first]),
        type="ASSAULT",
        mode="heavy-weapons",
        evidence=(first,),
        source=(LNA,),
        target=(CIVILIANS,),
        location=BENGHAZI,
        date=EventDate(dt.date(2024, 5, 9), dt.date(2024, 5, 9), "day", span=_span(text, "Thursday")),
        fatalities=3,
        injured=5,
        counts=(Count("fatalities", 3, _span(text, "three")), Count("injured", 5, _span(text, "five"))),
        contexts=Contexts(claimed_by=("medics",), themes=("military",)),
        confidence=0.8,
        extractor="hand",
        trigger=_span(text, "Shelling"),
    )
    accuse = Event(
        id=event_id(article.id, "ACCUSE", [second]),
        type="ACCUSE",
        mode="allege",
        evidence=(second,),
        source=(GNU,),
        target=(LNA,),
        confidence=0.6,
        extractor="hand",
    )
    return ArticleResult(
        article=article,
        actors=(LNA, GNU, CIVILIANS),
        locations=(BENGHAZI,),
        events=(assault, accuse),
    )


def _rome_result() -> ArticleResult:
    text = ROME_TEXT
    article = Article(id="dbeibah-rome", text=text)
    evidence = _span(text, text)
    consult = Event(
        id=event_id(article.id, "CONSULT", [evidence]),
        type="CONSULT",
        mode="visit",
        evidence=(evidence,),
        source=(DBEIBAH,),
        target=(ITALY,),
        location=ROME,
        date=EventDate(dt.date(2024, 5, 6), dt.date(2024, 5, 12), "week", span=_span(text, "last week")),
        confidence=0.7,
        extractor="hand",
    )
    return ArticleResult(article=article, actors=(DBEIBAH, ITALY), locations=(ROME,), events=(consult,))


@pytest.fixture
def hand_results() -> list[ArticleResult | Problem]:
    """Two hand-built articles with three events (one unlocated) and a Problem between them."""
    problem = Problem(level="error", message="could not read", origin="bad.jsonl:3")
    return [_benghazi_result(), problem, _rome_result()]


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The repository's ``seeds/`` folder (the test is skipped where it is absent)."""
    if not SEEDS.is_dir():
        pytest.skip("the repository's seeds/ folder is not here")
    return SEEDS


@pytest.fixture(scope="session")
def seeds_json(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds extracted once per session by ``libyaevents extract --format json``."""
    path = tmp_path_factory.mktemp("seeds") / "seeds.json"
    assert main(["extract", str(seeds_dir), "--format", "json", "-q", "-o", str(path)]) in (0, 1)
    return path


@pytest.fixture(scope="session")
def seed_results(seeds_json: Path) -> list[ArticleResult | Problem]:
    """The seeds' results through the real pipeline (every installed plugin), read back."""
    return list(iter_export(seeds_json))
