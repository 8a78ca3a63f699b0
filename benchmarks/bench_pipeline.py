"""Throughput of the whole default pipeline next to ``dateparser.search.search_dates`` alone.

Generates N varied synthetic news articles (default 2,000) deterministically from
templates (a fixed random seed: the same articles on every run), then times

1. the default pipeline -- clean, gazetteer mentions, rules events with their dates,
   counts and contexts, resolve -- over every article, in this process; and
2. ``dateparser.search.search_dates`` alone over the same texts (all of them, or a
   deterministic sample with ``--dateparser-sample``: its per-article rate is what is
   compared).

Usage::

    .venv/bin/python benchmarks/bench_pipeline.py [--articles 2000] [--dateparser-sample 300]
        [--with-ml]

The issue requires the pipeline to be at least 10x faster than search_dates alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time

ACTORS = [
    "the Libyan National Army", "the Government of National Unity", "the Presidential Council",
    "Khalifa Haftar", "Abdul Hamid Dbeibah", "the Rada Special Deterrence Force", "the 444 Brigade",
    "the Stability Support Apparatus", "the Libyan Coast Guard", "UNSMIL", "the European Union",
    "Turkey", "Egypt", "the Interior Ministry", "the House of Representatives", "Italy",
]
PLACES = [
    "Tripoli", "Benghazi", "Misrata", "Sirte", "Derna", "Sebha", "Zawiya", "Tobruk", "Ajdabiya",
    "Ghat", "Kufra", "Bani Walid", "Tarhuna", "Gharyan", "Zuwara", "Ubari", "Rome", "Cairo",
]
WHEN = [
    "on Thursday", "last Friday", "yesterday", "earlier this month", "on Saturday", "in April last year",
    "on June 23", "this week", "two days ago", "on 14 August", "late on Sunday", "in October",
]
EVENTS = [
    "{a} clashed with {b} in {p} {w}, leaving {n} dead and {m} wounded.",
    "{a} took control of the border crossing near {p} {w}.",
    "Forces loyal to {a} shelled residential areas of {p} {w}, killing {n} people.",
    "{a} arrested {n} suspected smugglers in {p} {w}.",
    "{a} banned all military convoys across the country without its approval.",
    "{a} met with {b} in {p} {w} to discuss the political process.",
    "{a} called on {b} to respect the ceasefire agreed in {p}.",
    "{a} accused {b} of violating the truce {w}.",
    "{a} denied any coordination with {b}.",
    "Hundreds of residents protested in {p} {w} against power cuts.",
    "{a} received a delegation of {b} in {p} {w}.",
    "An air strike hit a depot near {p} {w}; the death toll rose to {n}.",
    "{a} deployed reinforcements to {p} after {b} mobilised troops nearby.",
    "{a} released {n} prisoners in {p} {w} under a deal brokered by {b}.",
    "The coast guard intercepted about {n}0 migrants off {p} {w} and returned them to shore.",
    "{a} will hold talks with {b} in {p} next week, officials said.",
]
FILLER = [
    "The situation remained tense, residents said.",
    "Officials did not respond to requests for comment.",
    "Libya has been in turmoil since the 2011 uprising.",
    "The country's oil output has fallen sharply in recent months.",
    "Analysts say the move could complicate efforts to hold elections.",
]
FURNITURE = ["Share on Facebook", "Tags: Libya, security", "Next Post", "Related Articles"]


def make_articles(n: int, seed: int = 7) -> list[tuple[str, str, dt.date]]:
    """N articles: (id, text, publication date), the same on every run."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        published = dt.date(2015, 1, 1) + dt.timedelta(days=rnd.randrange(3650))
        paragraphs = []
        head = rnd.choice(EVENTS).format(
            a=rnd.choice(ACTORS), b=rnd.choice(ACTORS), p=rnd.choice(PLACES), w="", n=rnd.randint(2, 40),
            m=rnd.randint(2, 90),
        )
        paragraphs.append(head.rstrip(".").replace(" ,", ",").title())
        if rnd.random() < 0.5:
            paragraphs.append(f"{rnd.choice(PLACES).upper()} (Reuters) - " + rnd.choice(FILLER))
        for _ in range(rnd.randint(4, 12)):
            sentence = rnd.choice(EVENTS if rnd.random() < 0.7 else FILLER)
            paragraphs.append(
                sentence.format(
                    a=rnd.choice(ACTORS), b=rnd.choice(ACTORS), p=rnd.choice(PLACES), w=rnd.choice(WHEN),
                    n=rnd.randint(2, 40), m=rnd.randint(2, 90),
                )
            )
        if rnd.random() < 0.4:
            paragraphs.extend(rnd.sample(FURNITURE, 2))
        text = "\n\n".join(p[:1].upper() + p[1:] for p in paragraphs)
        out.append((f"bench-{i:05d}", text, published))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--dateparser-sample", type=int, default=300,
                    help="articles timed with search_dates (0: all); its per-article rate is compared")
    ap.add_argument("--with-ml", action="store_true", help="keep the ml extractor in the pipeline")
    args = ap.parse_args(argv)

    import libyaevents
    from libyaevents import Article

    articles = make_articles(args.articles)
    chars = sum(len(t) for _, t, _ in articles)
    disable = () if args.with_ml else ("ml", "example-keywords")

    t0 = time.perf_counter()
    pipeline = libyaevents.Pipeline(disable=disable)
    names = sorted(pipeline.extractors)
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_events = n_dated = 0
    for aid, text, published in articles:
        result = pipeline.extract(Article(id=aid, text=text, published=published))
        n_events += len(result.events)
        n_dated += sum(1 for e in result.events if e.date is not None)
    pipe_s = time.perf_counter() - t0
    pipe_rate = len(articles) / pipe_s

    from dateparser.search import search_dates

    sample = articles if args.dateparser_sample in (0, None) else articles[: args.dateparser_sample]
    t0 = time.perf_counter()
    found = 0
    for _, text, published in sample:
        base = dt.datetime.combine(published, dt.time())
        hits = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
        found += len(hits or ())
    dp_s = time.perf_counter() - t0
    dp_rate = len(sample) / dp_s

    print(f"articles: {len(articles)} ({chars / len(articles):.0f} characters on average), extractors: {', '.join(names)}")
    print(f"pipeline (plugin load {load:.2f} s): {pipe_s:.2f} s, {pipe_rate:.1f} articles/s, "
          f"{n_events} events, {n_dated} dated")
    print(f"dateparser.search.search_dates alone on {len(sample)} of the same articles: {dp_s:.2f} s, "
          f"{dp_rate:.2f} articles/s, {found} date expressions")
    ratio = pipe_rate / dp_rate
    print(f"pipeline / search_dates throughput: {ratio:.1f}x ({'meets' if ratio >= 10 else 'FAILS'} the 10x target)")
    return 0 if ratio >= 10 else 1


if __name__ == "__main__":
    sys.exit(main())
