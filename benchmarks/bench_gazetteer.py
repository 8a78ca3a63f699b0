"""Benchmark: the gazetteer plugin's throughput next to a bare Aho-Corasick scan.

Generates N synthetic articles (default 2,000; deterministic seed) from sentence
templates filled with names drawn from the gazetteer's own tables plus ordinary
capitalised words, garbled spellings and page furniture, then times in the same run:

* **scan**: a bare pyahocorasick automaton over the same names (every alias of every
  table, lower-cased), iterating every hit over the lower-cased text: the floor any
  dictionary matcher pays;
* **plugin**: ``GazetteerExtractor.find_mentions(doc)`` on each cleaned document:
  exact pass, context rules, fuzzy and surname passes, Mention objects.

Prints articles/s, MB/s and ms/article for both and the ratio (target: plugin within 3x
of the scan; the best of ``--repeat`` runs counts, and the plugin's first run, with its
caches cold, is shown too). ``--stages`` prints the time spent in each step of the
plugin; ``--profile`` the top of a cProfile of the plugin run (by own and by total time).

Usage: python benchmarks/bench_gazetteer.py [-n 2000] [--seed 7] [--repeat 3] [--stages] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import random
import sys
import time

import ahocorasick

from libyaevents import Article, Document
from libyaevents.builtins.clean import libyaevents_clean
from libyaevents_gazetteer import GazetteerExtractor, load
from libyaevents_gazetteer._text import lower_keep_offsets

TEMPLATES = [
    "{person} met {person2} in {place} on {day} to discuss the ceasefire and the {org} budget.",
    "Forces of the {org} clashed with fighters near {place} on {day}, killing {n} people, officials said.",
    "The {org} said in a statement that {person} had visited {place} and {place2} earlier this week.",
    "{country} announced it would send aid to {place}, where {n} families were displaced by the fighting.",
    "According to {person}, the talks in {place} between the {org} and the {org2} were positive.",
    "Residents of {place} reported heavy shelling overnight, and {org} units moved toward {place2}.",
    "The {demonym} government welcomed the agreement, while {person2} warned of new delays in {place}.",
    "Spokesman {given} {surname} told reporters that {n} migrants were intercepted off {place}.",
    "{surname_only} later said the operation around {place} was over and that the roads were open.",
    "Analysts at the {word} {word2} Institute in London said oil output from {place} fell by {n} percent.",
    "The {word} {word2} Foundation and the {word3} Trust funded a clinic in {place}, its director said.",
    "{garbled} arrived in {place} with a delegation from the {org}, local media reported on {day}.",
    "Mr {word} {word2}, a teacher from {place}, said electricity had been cut for {n} hours in a row.",
    "Heavy rain flooded streets in {place} and {place2}, and the {org} sent rescue teams on {day}.",
]
WORDS = (
    "Northgate Riverside Harbour Summit Meridian Atlas Granite Willow Beacon Falcon Orchard Crescent "
    "Kingsley Ashford Brampton Carlisle Dunmore Everton Fairfax Glenwood Hartley Ivy Juniper Kestrel"
).split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
FURNITURE = ["Home\nNews\nPolitics\n", "Share on Facebook Share on Twitter\n", "", "", ""]
TAILS = ["\n\nRelated Posts\nOther story about {place}\nAnother headline", "", "\n\nTags: Libya, {org}"]


def _garble(name: str, rnd: random.Random) -> str:
    chars = list(name)
    if len(chars) > 8:
        i = rnd.randrange(2, len(chars) - 2)
        if chars[i].isalpha():
            chars[i] = rnd.choice("aeiouy")
    return "".join(chars)


def make_articles(n: int, seed: int) -> list[Article]:
    """``n`` varied synthetic articles, the same for the same seed."""
    rnd = random.Random(seed)
    data = load()
    people = [a for a in data.actors.values() if a.kind == "person"]
    orgs = [a for a in data.actors.values() if a.kind in ("armed_group", "government", "igo", "organization")]
    states = [a for a in data.actors.values() if a.kind == "state" and a.demonyms]
    places = [p for p in data.places.values() if p.country == "LBY"] or list(data.places.values())
    countries = [p for p in data.places.values() if p.is_country]

    def name_of(entry) -> str:
        return rnd.choice((entry.name, *entry.aliases)) if entry.aliases and rnd.random() < 0.4 else entry.name

    articles = []
    for k in range(n):
        sentences = []
        for _ in range(rnd.randint(6, 14)):
            person, person2 = rnd.choice(people), rnd.choice(people)
            state = rnd.choice(states)
            fill = {
                "person": person.name, "person2": name_of(person2), "place": name_of(rnd.choice(places)),
                "place2": rnd.choice(places).name, "org": name_of(rnd.choice(orgs)),
                "org2": rnd.choice(orgs).name, "country": rnd.choice(countries).name,
                "demonym": rnd.choice(state.demonyms), "given": rnd.choice(WORDS),
                "surname": rnd.choice(WORDS) + "i", "surname_only": person.name.split()[-1],
                "garbled": _garble(person.name, rnd), "word": rnd.choice(WORDS),
                "word2": rnd.choice(WORDS), "word3": rnd.choice(WORDS), "day": rnd.choice(DAYS),
                "n": rnd.randint(2, 400),
            }
            sentences.append(rnd.choice(TEMPLATES).format(**fill))
        paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
        text = rnd.choice(FURNITURE) + "\n\n".join(paragraphs) + rnd.choice(TAILS).format(
            place=rnd.choice(places).name, org=rnd.choice(orgs).name)
        published = dt.date(2011, 1, 1) + dt.timedelta(days=rnd.randrange(0, 5400))
        articles.append(Article(id=f"bench-{k}", text=text, published=published))
    return articles


def bare_automaton() -> ahocorasick.Automaton:
    """Every alias of every table in one automaton, nothing else."""
    data = load()
    auto = ahocorasick.Automaton()
    for entry in (*data.actors.values(), *data.places.values()):
        for alias in (entry.name, *entry.aliases, *getattr(entry, "demonyms", ())):
            key = lower_keep_offsets(alias)
            auto.add_word(key, (len(key), entry.id))
    auto.make_automaton()
    return auto


def run_scan(auto: ahocorasick.Automaton, docs: list[Document]) -> int:
    hits = 0
    for doc in docs:
        for _ in auto.iter(doc.text.lower()):
            hits += 1
    return hits


def run_plugin(extractor: GazetteerExtractor, docs: list[Document]) -> int:
    found = 0
    for doc in docs:
        found += len(extractor.find_mentions(doc))
    return found


def best_of(repeat: int, func, *args) -> tuple[float, int, float]:
    """Best time of ``repeat`` runs, the result, and the first run's time (cold caches)."""
    best, result, first = float("inf"), 0, None
    for _ in range(repeat):
        t = time.perf_counter()
        result = func(*args)
        took = time.perf_counter() - t
        best = min(best, took)
        first = took if first is None else first
    return best, result, first


STAGES = ("_exact", "_metonym_hits", "_new_orgs", "_contextualise", "_name_pass", "_resolve_surnames",
          "_mentions")


def stage_times(extractor: GazetteerExtractor, docs: list[Document]) -> dict[str, float]:
    """Seconds spent in each step of ``Gazetteer.find`` over ``docs`` (one run, timers on)."""
    import libyaevents_gazetteer._matcher as matcher

    gaz = extractor.gazetteer
    spent: dict[str, float] = dict.fromkeys((*STAGES, "_choose"), 0.0)
    saved = {}

    def timed(name, func):
        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - t
        return wrapper

    for name in STAGES:
        saved[name] = getattr(gaz, name)
        setattr(gaz, name, timed(name, saved[name]))
    choose = matcher._choose
    matcher._choose = timed("_choose", choose)
    try:
        t = time.perf_counter()
        run_plugin(extractor, docs)
        spent["total"] = time.perf_counter() - t
    finally:
        for name in STAGES:
            delattr(gaz, name)
        matcher._choose = choose
    return spent


def fuzzy_on_other_text(extractor: GazetteerExtractor, patterns: list[str], limit: int = 3_000_000) -> None:
    """Run the plugin over files of unrelated English and list every fuzzy match (each one is wrong)."""
    import glob

    chars, files, wrong = 0, 0, []
    for pattern in patterns:
        for path in sorted(glob.glob(pattern, recursive=True)):
            try:
                text = open(path, encoding="utf-8").read()[:20000]  # noqa: SIM115
            except (OSError, UnicodeDecodeError):
                continue
            files += 1
            chars += len(text)
            doc = Document.for_article(Article(id="other", text=text))
            wrong += [(path, m.span.text, m.entity.name) for m in extractor.find_mentions(doc) if m.how == "fuzzy"]
            if chars > limit:
                break
    print(f"fuzzy matches in {files} files ({chars:,} characters) of unrelated English: {len(wrong)}")
    for item in wrong[:20]:
        print("   ", item)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=2000, help="number of articles (default 2000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each; the best counts")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of the plugin run")
    ap.add_argument("--stages", action="store_true", help="print the time spent in each step of the plugin")
    ap.add_argument("--no-match-corpus", metavar="GLOB", action="append", default=[],
                    help="English text about other things (e.g. '.venv/lib/python3.11/site-packages/**/*.rst'): "
                         "count the fuzzy matches there, where there should be none")
    args = ap.parse_args(argv)

    t = time.perf_counter()
    extractor = GazetteerExtractor()
    extractor.gazetteer  # noqa: B018 - load and compile outside the timed runs
    load_s = time.perf_counter() - t
    articles = make_articles(args.n, args.seed)
    docs = []
    for article in articles:
        doc = Document.for_article(article)
        libyaevents_clean(doc)
        docs.append(doc)
    chars = sum(len(a.text) for a in articles)
    auto = bare_automaton()

    scan_s, scan_hits, _ = best_of(args.repeat, run_scan, auto, docs)
    plugin_s, mentions, first_s = best_of(args.repeat, run_plugin, extractor, docs)
    ratio = plugin_s / scan_s
    mb = chars / 1e6
    n = len(docs)
    print(f"articles: {n}  characters: {chars:,}  (seed {args.seed})")
    print(f"load+compile (first use): {load_s:.3f} s")
    print(f"bare Aho-Corasick scan: {scan_s:.3f} s  {n / scan_s:,.0f} articles/s  "
          f"{mb / scan_s:.2f} MB/s  {1000 * scan_s / n:.3f} ms/article  ({scan_hits:,} raw hits)")
    print(f"gazetteer plugin:       {plugin_s:.3f} s  {n / plugin_s:,.0f} articles/s  "
          f"{mb / plugin_s:.2f} MB/s  {1000 * plugin_s / n:.3f} ms/article  ({mentions:,} mentions; "
          f"first run, cold caches: {first_s:.3f} s)")
    print(f"plugin / scan: {ratio:.2f}x  (target <= 3x): {'OK' if ratio <= 3 else 'SLOWER THAN TARGET'}")
    if args.stages:
        spent = stage_times(extractor, docs)
        total = spent.pop("total")
        print(f"where the plugin's time goes (one run with timers, {total:.3f} s):")
        for name, took in sorted(spent.items(), key=lambda kv: -kv[1]):
            print(f"    {name:18s} {took:.3f} s  {100 * took / total:4.1f}%")
        rest = total - sum(spent.values())
        print(f"    {'(rest of find)':18s} {rest:.3f} s  {100 * rest / total:4.1f}%")
    if args.no_match_corpus:
        fuzzy_on_other_text(extractor, args.no_match_corpus)
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        run_plugin(extractor, docs)
        prof.disable()
        stats = pstats.Stats(prof, stream=sys.stdout)
        stats.sort_stats("tottime").print_stats(25)
        stats.sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
