"""Throughput of the whole default pipeline next to ``dateparser.search.search_dates`` alone.

Generates N varied synthetic news articles (default 2,000) deterministically from
templates (a fixed random seed: the same articles on every run), then times

1. the default pipeline -- clean, gazetteer mentions, rules events with their dates,
   counts and contexts, resolve -- over every article, in this process, plugin loading
   included; and
2. ``dateparser.search.search_dates`` alone (``languages=["en"]``, its fast path) over
   the same texts (all of them by default, or the first ``--dateparser-sample``); and,
   for context, ``search_dates`` as called by default (no ``languages``: it detects the
   language of each text) on the first ``--default-sample`` articles (200).

Both are timed in CPU seconds of this process (``time.process_time``), which a busy
shared machine does not distort as it does wall time (also printed); the verdict uses
the CPU rates.

Two corpus shapes (``--shape``):

``news`` (default)
    articles shaped like the news the library reads -- 1,200 to 3,500 characters,
    about a third of the sentences stating an event, the rest background, quotes and
    reactions (about 5 events per 1,000 characters, as the evaluation articles give).
``dense``
    short articles (about 800 characters) in which 70 % of the sentences state an
    event: the worst case for the rules, whose cost is per event.

Then, if ``../shared/eval`` is there (``--eval-dir``), it compares dates on the seed
articles: for each gold event with a date, does the pipeline's event on the anchor carry
a date the scorer accepts, and does the ``search_dates`` result nearest the anchor in
its sentence. The texts are read there at run time only.

Usage::

    .venv/bin/python benchmarks/bench_pipeline.py [--articles 2000] [--shape news|dense]
        [--dateparser-sample 0] [--with-ml] [--eval-dir ../shared/eval]

The issue requires the pipeline to be at least 10x faster than search_dates alone, with
dates on the seeds at least as good.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import random
import sys
import time
from pathlib import Path

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
    # Background, quotes and reactions: the bulk of a real story.
    "The country has been split between rival administrations in the east and the west for years.",
    "\"We are doing everything we can to keep the city safe,\" a local official told reporters.",
    "Residents described long queues at petrol stations and frequent power cuts across the region.",
    "The United Nations has repeatedly warned that the political deadlock risks a return to war.",
    "Oil revenues, the main source of income, are managed by the central bank in the capital.",
    "Several local councils have complained that salaries have not been paid for months.",
    "The government said in a statement that it was monitoring the situation closely.",
    "Human rights groups have documented abuses in detention centres run by armed groups.",
    "Prices of bread and fuel have risen sharply, adding to public frustration.",
    "Observers noted that the two sides had exchanged accusations in the media for weeks.",
    "The spokesman declined to give further details, citing the ongoing investigation.",
    "Schools and shops reopened in most neighbourhoods, according to local media.",
    "Diplomats said a new round of negotiations could take place before the end of the year.",
    "The region lies on one of the main smuggling routes towards the Mediterranean coast.",
    "Many families who fled the fighting have still not returned to their homes.",
    "Local radio stations broadcast appeals for calm throughout the evening.",
    "The committee is expected to publish its findings once the review is complete.",
    "Economists warn that the budget cannot be sustained without reforms to fuel subsidies.",
    "Footage shared on social media showed smoke rising over the district.",
    "The European Union is the country's largest trading partner for oil and gas.",
]
FURNITURE = ["Share on Facebook", "Tags: Libya, security", "Next Post", "Related Articles"]


def make_articles(n: int, seed: int = 7, shape: str = "dense") -> list[tuple[str, str, dt.date]]:
    """N articles: (id, text, publication date), the same on every run.

    ``dense``: 5 to 13 sentences, 70 % of them events; ``news``: 1,200 to 3,500
    characters, a third of the sentences events, the rest background.
    """
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

        def sentence(p_event: float) -> str:
            return rnd.choice(EVENTS if rnd.random() < p_event else FILLER).format(
                a=rnd.choice(ACTORS), b=rnd.choice(ACTORS), p=rnd.choice(PLACES), w=rnd.choice(WHEN),
                n=rnd.randint(2, 40), m=rnd.randint(2, 90),
            )

        if shape == "news":
            target = rnd.randint(1200, 3500)
            size = sum(len(p) for p in paragraphs)
            while size < target:
                para = " ".join(sentence(0.33) for _ in range(rnd.randint(1, 3)))
                paragraphs.append(para)
                size += len(para) + 2
        else:
            for _ in range(rnd.randint(4, 12)):
                paragraphs.append(sentence(0.7))
        if rnd.random() < 0.4:
            paragraphs.extend(rnd.sample(FURNITURE, 2))
        text = "\n\n".join(p[:1].upper() + p[1:] for p in paragraphs)
        out.append((f"bench-{i:05d}", text, published))
    return out


def _load_scorer(eval_dir: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("_shared_score", eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def compare_dates(pipeline, eval_dir: Path) -> tuple[int, int, int] | None:  # type: ignore[no-untyped-def]
    """(gold events with a date, pipeline right, search_dates right) on the seed articles.

    The pipeline is right when one of its events of a gold type whose evidence overlaps
    an anchor (else any event there) has a date the scorer accepts; search_dates is right
    when, of its results in the sentence holding the anchor, the one nearest the anchor
    is a day the scorer accepts. Reads the texts from ``eval_dir`` at run time only.
    """
    gold_path, texts_path = eval_dir / "gold-seeds.json", eval_dir / "seeds.jsonl"
    if not (gold_path.exists() and texts_path.exists() and (eval_dir / "score.py").exists()):
        return None
    from dateparser.search import search_dates

    from libyaevents import Article, Document

    score = _load_scorer(eval_dir)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    records = {}
    for line in texts_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            records[r["id"]] = r
    n = ours = theirs = 0
    for ga in gold["articles"]:
        r = records.get(ga["id"])
        if r is None:
            continue
        text = r["text"]
        published = dt.date.fromisoformat(ga.get("published") or r["published"])
        article = Article(id=r["id"], text=text, published=published)
        result = pipeline.extract(article)
        doc = Document.for_article(article)
        for name, func in pipeline._steps[0]:  # the clean stage: sentences
            pipeline._run(doc, name, func)
        base = dt.datetime.combine(published, dt.time())
        for ge in ga["events"]:
            if not ge.get("date"):
                continue
            spans = []
            for anchor in ge["anchors"]:
                i = text.find(anchor)
                if i >= 0:
                    spans.append((i, i + len(anchor)))
            if not spans:
                continue
            n += 1
            on = [e for e in result.events if any(s.start < b and a < s.end for s in e.evidence for a, b in spans)]
            typed = [e for e in on if e.type in ge["types"]] or on
            ours += any(
                e.date is not None
                and score.date_matches({"date": {"start": e.date.start.isoformat(), "end": e.date.end.isoformat()}}, ge)
                for e in typed
            )
            a0, a1 = spans[0]
            sent = next((s for s in doc.sentences if s.start <= a0 < s.end), None)
            start, end = (sent.start, sent.end) if sent else (max(0, a0 - 300), min(len(text), a1 + 300))
            chunk = text[start:end]
            hits = search_dates(
                chunk, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
            ) or []
            best = None
            for expr, when in hits:
                k = chunk.find(expr)
                if k < 0:
                    continue
                dist = 0 if a0 <= start + k < a1 else min(abs(start + k - a0), abs(start + k - a1))
                if best is None or dist < best[0]:
                    best = (dist, when.date())
            if best is not None:
                day = best[1].isoformat()
                theirs += bool(score.date_matches({"date": {"start": day, "end": day}}, ge))
    return n, ours, theirs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--shape", choices=("news", "dense"), default="news")
    ap.add_argument("--dateparser-sample", type=int, default=0,
                    help="articles timed with search_dates (0: all, the default); its per-article rate is compared")
    ap.add_argument("--default-sample", type=int, default=200,
                    help="articles also timed with search_dates as called by default (no languages=; it detects "
                         "the language of each text): a second, easier comparison (0: skip)")
    ap.add_argument("--with-ml", action="store_true", help="keep the ml extractor in the pipeline")
    ap.add_argument("--eval-dir", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval",
                    help="where gold-seeds.json, seeds.jsonl and score.py are (the dates comparison)")
    args = ap.parse_args(argv)

    articles = make_articles(args.articles, shape=args.shape)
    chars = sum(len(t) for _, t, _ in articles)
    disable = () if args.with_ml else ("ml", "example-keywords")

    # The whole default pipeline in this process: imports and plugin loading included.
    w0, c0 = time.perf_counter(), time.process_time()
    import libyaevents
    from libyaevents import Article

    pipeline = libyaevents.Pipeline(disable=disable)
    names = sorted(pipeline.extractors)
    load_w, load_c = time.perf_counter() - w0, time.process_time() - c0
    n_events = n_dated = 0
    for aid, text, published in articles:
        result = pipeline.extract(Article(id=aid, text=text, published=published))
        n_events += len(result.events)
        n_dated += sum(1 for e in result.events if e.date is not None)
    pipe_w, pipe_c = time.perf_counter() - w0, time.process_time() - c0
    pipe_rate = len(articles) / pipe_c

    # Where the pipeline's time goes: each step, in CPU ms per article (a second pass).
    spent: dict[str, float] = {}
    original = pipeline._steps

    def timed(label, func):  # type: ignore[no-untyped-def]
        def run(doc):  # type: ignore[no-untyped-def]
            t = time.process_time()
            try:
                return func(doc)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - t
        return run

    pipeline._steps = [[(name, timed(name, func)) for name, func in steps] for steps in original]
    c1 = time.process_time()
    for aid, text, published in articles:
        pipeline.extract(Article(id=aid, text=text, published=published))
    second = time.process_time() - c1
    pipeline._steps = original

    from dateparser.search import search_dates

    search_dates("warm up on Monday", languages=["en"])  # its own lazy loading, outside the timing
    sample = articles if args.dateparser_sample in (0, None) else articles[: args.dateparser_sample]
    w0, c0 = time.perf_counter(), time.process_time()
    found = 0
    for _, text, published in sample:
        base = dt.datetime.combine(published, dt.time())
        hits = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
        found += len(hits or ())
    dp_w, dp_c = time.perf_counter() - w0, time.process_time() - c0
    dp_rate = len(sample) / dp_c

    print(f"articles: {len(articles)} ({args.shape} shape, {chars / len(articles):.0f} characters on average), "
          f"extractors: {', '.join(names)}")
    print(f"pipeline, whole process (imports and plugin load {load_c:.2f} s CPU included): {pipe_c:.2f} s CPU "
          f"({pipe_w:.2f} s wall), {pipe_rate:.1f} articles/s, {1e3 / pipe_rate:.2f} ms/article, "
          f"{n_events} events ({1e3 * n_events / chars:.1f} per 1,000 characters), {n_dated} dated")
    print("  per step (second pass, CPU ms/article): " + ", ".join(
        f"{name} {1e3 * sec / len(articles):.2f}" for name, sec in sorted(spent.items(), key=lambda kv: -kv[1]))
        + f", core rest {1e3 * (second - sum(spent.values())) / len(articles):.2f}")
    print(f"dateparser.search.search_dates alone on {len(sample)} of the same articles: {dp_c:.2f} s CPU "
          f"({dp_w:.2f} s wall), {dp_rate:.2f} articles/s, {1e3 / dp_rate:.1f} ms/article, {found} date expressions")
    ratio = pipe_rate / dp_rate
    print(f"pipeline / search_dates throughput (CPU): {ratio:.1f}x ({'meets' if ratio >= 10 else 'FAILS'} the 10x target)")
    if args.default_sample:
        # The same function as a user calls it without telling it the language: it then
        # detects the language of every text (slower, and it finds fewer English dates).
        default = articles[: args.default_sample]
        c0 = time.process_time()
        found_default = 0
        for _, text, published in default:
            base = dt.datetime.combine(published, dt.time())
            found_default += len(search_dates(text, settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or ())
        default_rate = len(default) / (time.process_time() - c0)
        print(f"search_dates as called by default (language detection) on {len(default)} articles: "
              f"{1e3 / default_rate:.1f} ms/article, {found_default} date expressions; pipeline / that: "
              f"{pipe_rate / default_rate:.1f}x (for context: the verdict above uses the faster English-only call)")
    dates_ok = True
    got = compare_dates(pipeline, args.eval_dir)
    if got is None:
        print(f"dates on the seeds: skipped ({args.eval_dir} not found)")
    else:
        n, ours, theirs = got
        dates_ok = ours >= theirs
        print(f"dates on the seeds ({n} gold events with a date): pipeline right on {ours}, "
              f"search_dates (nearest result in the anchor's sentence) right on {theirs} "
              f"({'at least as good' if dates_ok else 'WORSE'})")
    return 0 if ratio >= 10 and dates_ok else 1


if __name__ == "__main__":
    sys.exit(main())
