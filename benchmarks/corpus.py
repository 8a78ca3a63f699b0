"""A deterministic synthetic corpus of Libya news articles, shared by every benchmark.

Article ``i`` of seed ``s`` is always the same text, whatever ``n`` is and on every
machine (each article has its own :class:`random.Random` seeded with ``"s:i"``), so
``articles(100_000)`` streams without holding the corpus in memory and two runs
measure the same input. Texts are 500 to 3,000 characters of varied sentences built
from templates: actors, places, dates, counts, quotes, and now and then the page
furniture (menus, share lines, datelines, "Related posts") that scraped pages carry.

Use it from a benchmark (``sys.path`` must hold ``benchmarks/``, as it does when a
script in that folder runs)::

    from corpus import articles, write_jsonl, names

    for record in articles(2_000):         # dicts: id, text, published, title, ...
        ...
    write_jsonl("/tmp/20k.jsonl", 20_000)  # the same records as JSON Lines
    names()                                # the gazetteer's names, for matchers

or from the shell: ``python benchmarks/corpus.py 10000 -o /tmp/10k.jsonl``.

The texts are realistic in shape, not in content: they exercise every stage and the
matchers at the speeds real news would, but they are no gold standard.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

__all__ = ["BROKEN_EVERY", "DATA_DIR", "article", "articles", "jsonl_lines", "names", "write_jsonl"]

#: Where the gazetteer plugin keeps its TSV files (used by :func:`names` when present).
DATA_DIR = (
    Path(__file__).resolve().parent.parent / "plugins" / "libyaevents-gazetteer" / "src" / "libyaevents_gazetteer" / "data"
)

#: With ``broken=True``, one line in this many is a bad record (not JSON, empty text...).
BROKEN_EVERY = 97

PLACES = (
    "Tripoli", "Benghazi", "Misrata", "Sirte", "Sabha", "Zawiya", "Derna", "Tobruk", "Ajdabiya",
    "Gharyan", "Zintan", "Kufra", "Ubari", "Ghadames", "Ras Lanuf", "Brega", "Bani Walid", "Tarhuna",
    "Zuwara", "Sabratha", "Al Bayda", "Murzuq", "Ghat", "Jufra", "Sharara oil field", "Abu Salim",
    "Tajoura", "Janzour", "Mitiga airport", "Al-Khums", "Zliten", "Marj", "Shahat", "Awbari",
)
ACTORS = (
    "the Government of National Unity", "the Libyan National Army", "Khalifa Haftar",
    "Abdul Hamid Dbeibah", "the Presidential Council", "the House of Representatives",
    "UNSMIL", "the Radaa Special Deterrence Force", "the 444th Brigade", "the Stability Support Apparatus",
    "the National Oil Corporation", "the Central Bank of Libya", "Mohamed al-Menfi", "Aguila Saleh",
    "the Government of National Stability", "Osama Hamad", "Saddam Haftar", "the Tebu community",
    "local elders", "the Interior Ministry", "the Libyan Coast Guard", "Wagner Group fighters",
    "Turkish advisers", "the European Union", "the African Union", "Egypt", "Tunisia", "Italy",
    "the United States", "Russia", "the High Council of State", "Hannah Tetteh", "Stephanie Williams",
    "armed men", "protesters", "residents", "migrants", "a militia from Zawiya",
)
VERBS_CLASH = ("clashed with", "attacked", "shelled", "fired on", "ambushed", "raided the positions of")
VERBS_TALK = ("met", "held talks with", "received", "called on", "urged", "criticised", "accused",
              "signed an agreement with", "welcomed", "condemned")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
PUBLISHERS = ("Libya Observer", "Libya Herald", "Libya Review", "Al Wasat", "Libya Update", "Reuters")
FURNITURE = ("Home", "Menu", "Share on Facebook", "Tweet", "Search", "Politics", "Advertisement", "Print")
TAILS = ("Related posts", "Read more", "Tags: Libya, Tripoli, politics", "Next Post", "You may also like")

TEMPLATES = (
    "Clashes broke out in {place} on {day} between {actor} and {actor2}, killing {n} people and injuring {m}.",
    "{Actor} {clash} {actor2} near {place} {when}, according to local sources.",
    "At least {n} people were killed when {actor} {clash} {actor2} in {place}.",
    "{Actor} {talk} {actor2} in {place} on {date} to discuss the elections.",
    "In a statement issued on {day}, {actor} {talk} {actor2} over the situation in {place}.",
    "Hundreds of protesters gathered in {place} {when} demanding the resignation of {actor}.",
    "{Actor} said the security situation in {place} was stable after {n} days of fighting.",
    "\"We will not accept any attack on {place},\" a spokesman for {actor} told reporters.",
    "{Actor} announced the reopening of the road between {place} and {place2} on {date}.",
    "The National Oil Corporation declared force majeure at {place} after {actor} blocked the port.",
    "Residents of {place} reported heavy gunfire overnight, and {n} civilians were wounded.",
    "{Actor} arrested {n} people suspected of smuggling fuel near {place} {when}.",
    "The Libyan Coast Guard intercepted {n} migrants off {place} and returned them to {place2}.",
    "Talks between {actor} and {actor2} resumed in {place} under the auspices of UNSMIL.",
    "{Actor} deployed reinforcements to {place} {when}, raising fears of a new round of fighting.",
    "A car bomb exploded in {place} on {date}, killing {n} and injuring {m}, officials said.",
    "Flooding in {place} displaced {big} families, and {actor} sent humanitarian aid.",
    "The Central Bank of Libya said on {day} that revenues had fallen by {n} percent.",
    "{Actor} rejected the proposal, calling it an attempt to divide {place} and {place2}.",
    "Drone strikes hit {place} {when}; {actor} blamed {actor2} for the attack.",
)


def _when(rng: random.Random) -> str:
    return rng.choice(("yesterday", "last week", "on " + rng.choice(DAYS), "earlier this month",
                       "on " + _date(rng), "late on " + rng.choice(DAYS), "this morning"))


def _date(rng: random.Random) -> str:
    month = rng.choice(MONTHS)
    return rng.choice((f"{rng.randint(1, 28)} {month}", f"{month} {rng.randint(1, 28)}"))


def _sentence(rng: random.Random) -> str:
    actor, actor2 = rng.sample(ACTORS, 2)
    place, place2 = rng.sample(PLACES, 2)
    text = rng.choice(TEMPLATES).format(
        actor=actor, actor2=actor2, Actor=actor[0].upper() + actor[1:], place=place, place2=place2,
        clash=rng.choice(VERBS_CLASH), talk=rng.choice(VERBS_TALK), day=rng.choice(DAYS), date=_date(rng),
        when=_when(rng), n=rng.randint(2, 40), m=rng.randint(1, 90), big=rng.randint(100, 5000),
    )
    return text


def article(i: int, *, seed: int = 0) -> dict:
    """Article ``i`` of the corpus with ``seed``: a dict as a JSON Lines input holds."""
    rng = random.Random(f"{seed}:{i}")
    target = rng.randint(500, 3000)
    published = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randint(0, 4000))
    lines: list[str] = []
    if rng.random() < 0.3:  # a scraped page: menu lines and a dateline under the headline
        lines += rng.sample(FURNITURE, rng.randint(1, 4))
    title = _sentence(rng).rstrip(".")
    lines.append(title)
    if rng.random() < 0.3:
        lines.append(f"{published:%B} {published.day}, {published.year}")
    size = sum(len(x) + 1 for x in lines)
    while size < target:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))
        lines.append(paragraph)
        size += len(paragraph) + 2
    if rng.random() < 0.2:
        lines.append(rng.choice(TAILS))
        lines.append(_sentence(rng).rstrip("."))
    text = "\n\n".join(lines)
    if len(text) > 3000:  # cut at a sentence end, keeping at least 500 characters
        cut = text.rfind(". ", 500, 3000)
        text = text[: cut + 1] if cut > 0 else text[:3000]
    record: dict = {"id": f"syn-{seed}-{i:07d}", "text": text, "title": title}
    kind = rng.random()
    if kind < 0.85:
        record["published"] = published.isoformat()
    elif kind < 0.9:
        record["published"] = f"{published:%B} {published.day}, {published.year}"  # not ISO: dateparser
    record["publisher"] = rng.choice(PUBLISHERS)
    return record


def articles(n: int, *, seed: int = 0, start: int = 0) -> Iterator[dict]:
    """Yield articles ``start`` to ``start + n - 1``, one at a time (constant memory)."""
    for i in range(start, start + n):
        yield article(i, seed=seed)


def jsonl_lines(n: int, *, seed: int = 0, broken: bool = False) -> Iterator[str]:
    """The corpus as JSON Lines (each with its newline).

    With ``broken=True``, one line in :data:`BROKEN_EVERY` is replaced by a bad record
    (truncated JSON, empty text, a non-object, a bad date) so readers yield Problems.
    """
    bad = ('{"id": "broken", "text": "unterminated', '{"id": "empty", "text": "   "}', "[1, 2, 3]",
           None)
    for i, record in enumerate(articles(n, seed=seed)):
        if broken and i % BROKEN_EVERY == BROKEN_EVERY - 1:
            kind = bad[(i // BROKEN_EVERY) % len(bad)]
            if kind is None:  # a readable article with an unreadable date: a warning, then the article
                record["published"] = "not a date at all"
            else:
                yield kind + "\n"
                continue
        yield json.dumps(record, ensure_ascii=False) + "\n"


def write_jsonl(path: str | Path, n: int, *, seed: int = 0, broken: bool = False) -> Path:
    """Write ``n`` articles to ``path`` as JSON Lines and return the path."""
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.writelines(jsonl_lines(n, seed=seed, broken=broken))
    return path


#: Used by :func:`names` when the gazetteer's data files are absent.
BUILTIN_NAMES = tuple(PLACES) + tuple(a.removeprefix("the ") for a in ACTORS)


def names() -> list[str]:
    """Every name and alias in the gazetteer's TSV files, else :data:`BUILTIN_NAMES`.

    The files are read as they are (header row, ``#`` comments); the ``name`` and
    ``aliases`` (``|`` or ``;`` separated) columns are taken. Deduplicated, sorted.
    """
    found: set[str] = set()
    for tsv in sorted(DATA_DIR.glob("*.tsv")) if DATA_DIR.is_dir() else ():
        header: list[str] | None = None
        for line in tsv.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            row = dict(zip(header, cells))
            for key in ("name", "aliases"):
                for value in row.get(key, "").replace(";", "|").split("|"):
                    value = value.strip().lstrip("~").strip()
                    if len(value) >= 2:
                        found.add(value)
    return sorted(found) if found else sorted(set(BUILTIN_NAMES))


def _main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("-o", "--output", help="JSON Lines file (default stdout)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--broken", action="store_true", help="mix in bad records")
    args = parser.parse_args(argv)
    if args.output:
        write_jsonl(args.output, args.n, seed=args.seed, broken=args.broken)
    else:
        sys.stdout.writelines(jsonl_lines(args.n, seed=args.seed, broken=args.broken))
    return 0


if __name__ == "__main__":
    sys.exit(_main())
