"""Scale benchmark: throughput of the default pipeline against its floor and its peers,
scaling with ``--jobs``, and peak memory as the input grows.

Run ``python benchmarks/bench_scale.py`` (``--quick`` skips the 100k-article memory
step and samples the slow peers; ``--help`` for the rest). Everything is measured in one
run on one deterministic corpus (:mod:`corpus`), so the numbers compare. Nothing here
asserts: it prints a table, and ``--json FILE`` saves the numbers.

What is measured:

* **pipeline**: ``Pipeline().extract_many`` over articles already in memory, with
  whatever plugins are installed (``libyaevents plugins`` lists them).
* **end to end**: ``libyaevents extract FILE.jsonl -f jsonl`` in a fresh process,
  reading, extracting and writing, with ``--jobs 1`` and ``--jobs 2``.
* **floor**: one pyahocorasick pass over each (lower-cased) text with the gazetteer's
  names: the least any dictionary-based extractor of those names must spend.
* **peers**: spaCy's ``PhraseMatcher`` with the same names (``spacy.blank("en")``,
  tokenizer only, no model), and ``dateparser.search.search_dates``.
* **peak memory**: the peak RSS (``VmHWM``) of ``libyaevents extract - -f jsonl``
  reading 1k, 10k and 100k articles from a pipe.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# Peak RSS of the process that runs it, in MiB (Linux VmHWM; ru_maxrss elsewhere).
_PEAK = (
    "import resource, sys\n"
    "from libyaevents.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "try:\n"
    "    kb = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
    "except OSError:\n"
    "    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (1024 if sys.platform == 'darwin' else 1)\n"
    "sys.stderr.write('PEAK_KB %d\\n' % kb)\n"
    "sys.exit(code)\n"
)


def _rate(name: str, n: int, nbytes: int, seconds: float, note: str = "") -> dict:
    return {
        "what": name,
        "articles": n,
        "seconds": round(seconds, 3),
        "articles_per_s": round(n / seconds, 1) if seconds else None,
        "mb_per_s": round(nbytes / seconds / 1e6, 2) if seconds else None,
        "note": note,
    }


def _time(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def _texts(n: int) -> list[str]:
    return [record["text"] for record in corpus.articles(n)]


def bench_pipeline(n: int, disable: Sequence[str] = ()) -> dict:
    """The default pipeline over ``n`` articles already in memory."""
    import libyaevents
    from libyaevents import Article

    pipeline = libyaevents.Pipeline(disable=disable)
    articles = [
        Article(id=r["id"], text=r["text"], title=r.get("title"), publisher=r.get("publisher"))
        for r in corpus.articles(n)
    ]
    nbytes = sum(len(a.text.encode("utf-8")) for a in articles)
    pipeline.extract(articles[0])  # lazy imports and caches, outside the timing
    events = 0

    def run() -> None:
        nonlocal events
        for result in pipeline.extract_many(articles):
            events += len(result.events)

    seconds = _time(run)
    plugins = ", ".join(sorted(pipeline.extractors)) or "no extractor plugin"
    return _rate("pipeline (in memory)", n, nbytes, seconds, f"extractors: {plugins}; {events} events")


def bench_floor(texts: Sequence[str], names: Sequence[str]) -> dict:
    """One Aho-Corasick pass of the names over each lower-cased text."""
    import ahocorasick

    build_start = time.perf_counter()
    automaton = ahocorasick.Automaton()
    for index, name in enumerate(names):
        automaton.add_word(name.lower(), index)
    automaton.make_automaton()
    build = time.perf_counter() - build_start
    hits = 0

    def run() -> None:
        nonlocal hits
        for text in texts:
            for _ in automaton.iter(text.lower()):
                hits += 1

    seconds = _time(run)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    return _rate("floor: pyahocorasick", len(texts), nbytes, seconds,
                 f"{len(names)} names, built in {build * 1000:.0f} ms; {hits} raw hits")


def bench_spacy(texts: Sequence[str], names: Sequence[str]) -> dict:
    """spaCy PhraseMatcher (LOWER) with the same names, on a blank English pipeline."""
    try:
        import spacy
        from spacy.matcher import PhraseMatcher
    except ImportError:
        return {"what": "peer: spaCy PhraseMatcher", "articles": len(texts), "note": "spaCy not installed: skipped"}
    nlp = spacy.blank("en")
    build_start = time.perf_counter()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("NAME", list(nlp.tokenizer.pipe(names)))
    build = time.perf_counter() - build_start
    hits = 0

    def run() -> None:
        nonlocal hits
        for doc in nlp.tokenizer.pipe(texts):
            hits += len(matcher(doc))

    seconds = _time(run)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    return _rate(f"peer: spaCy {spacy.__version__} PhraseMatcher", len(texts), nbytes, seconds,
                 f"tokenizer + matcher, built in {build * 1000:.0f} ms; {hits} matches")


def bench_dateparser(texts: Sequence[str], sample: int | None) -> dict:
    """``dateparser.search.search_dates(text, languages=["en"])`` on each text (or a sample)."""
    import dateparser
    from dateparser.search import search_dates

    chosen = list(texts) if not sample or sample >= len(texts) else list(texts[:: max(1, len(texts) // sample)])
    search_dates(chosen[0], languages=["en"])  # its lazy loading, outside the timing
    found = 0

    def run() -> None:
        nonlocal found
        for text in chosen:
            found += len(search_dates(text, languages=["en"]) or ())

    seconds = _time(run)
    nbytes = sum(len(t.encode("utf-8")) for t in chosen)
    note = f"{found} dates"
    if len(chosen) < len(texts):
        note += f"; measured on every {len(texts) // len(chosen)}th article ({len(chosen)} of {len(texts)})"
    return _rate(f"peer: dateparser {dateparser.__version__} search_dates", len(chosen), nbytes, seconds, note)


def _cli(args: Sequence[str], *, stdin_lines: int | None = None) -> tuple[float, int]:
    """Run ``libyaevents`` in a fresh process; return (seconds, peak RSS in KiB)."""
    cmd = [sys.executable, "-c", _PEAK, *args]
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdin=subprocess.PIPE if stdin_lines else subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT
    )
    stderr: list[bytes] = []
    reader = threading.Thread(target=lambda: stderr.append(proc.stderr.read()), daemon=True)
    reader.start()
    if stdin_lines:
        assert proc.stdin is not None
        try:
            for line in corpus.jsonl_lines(stdin_lines, seed=1):
                proc.stdin.write(line.encode("utf-8"))
        finally:
            proc.stdin.close()
    proc.wait()
    reader.join()
    seconds = time.perf_counter() - start
    text = b"".join(stderr).decode("utf-8", "replace")
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}):\n{text[-2000:]}")
    peak = next(int(line.split()[1]) for line in text.splitlines() if line.startswith("PEAK_KB"))
    return seconds, peak


def _disabled(disable: Sequence[str]) -> list[str]:
    return [arg for name in disable for arg in ("--disable", name)]


def bench_jobs(path: Path, n: int, nbytes: int, jobs: int, disable: Sequence[str] = ()) -> dict:
    """End to end: read the JSON Lines file, extract, write JSON Lines, in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        seconds, peak = _cli(["extract", str(path), "-f", "jsonl", "-q", "-o", os.path.join(tmp, "out.jsonl"),
                              "--jobs", str(jobs), *_disabled(disable)])
    row = _rate(f"end to end, --jobs {jobs}", n, nbytes, seconds, "includes startup, reading, writing")
    row["peak_mib_parent"] = round(peak / 1024, 1)
    return row


def bench_memory(n: int, disable: Sequence[str] = ()) -> dict:
    """Peak RSS of ``libyaevents extract - -f jsonl`` reading ``n`` articles from a pipe."""
    seconds, peak = _cli(["extract", "-", "-f", "jsonl", "-q", "-o", os.devnull, *_disabled(disable)], stdin_lines=n)
    return {"what": "peak memory, JSON Lines from stdin", "articles": n, "seconds": round(seconds, 1),
            "peak_mib": round(peak / 1024, 1)}


def _print(row: dict) -> None:
    parts = [f"{row['what']:<44}", f"{row['articles']:>7} art"]
    if row.get("articles_per_s") is not None:
        parts.append(f"{row['articles_per_s']:>9.1f} art/s {row['mb_per_s']:>7.2f} MB/s {row['seconds']:>8.2f} s")
    if "peak_mib" in row:
        parts.append(f"peak {row['peak_mib']:>7.1f} MiB {row['seconds']:>8.1f} s")
    if "peak_mib_parent" in row:
        parts.append(f"parent peak {row['peak_mib_parent']:.0f} MiB")
    if row.get("note"):
        parts.append(f"  ({row['note']})")
    print("  ".join(parts), flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="libyaevents scale benchmark (prints numbers, asserts nothing)")
    parser.add_argument("--quick", action="store_true", help="skip the 100k memory step; sample the slow peers")
    parser.add_argument("--sizes", default="2000,20000", help="throughput corpus sizes (default 2000,20000)")
    parser.add_argument("--memory", default="1000,10000,100000", help="peak-memory sizes (default 1000,10000,100000)")
    parser.add_argument("--dateparser-sample", type=int, default=2000,
                        help="articles search_dates runs on per size at most (default 2000; 0: all)")
    parser.add_argument("--disable", action="append", default=[], metavar="NAME",
                        help="leave a plugin out of every run, as the CLI's --disable (repeatable)")
    parser.add_argument("--json", metavar="FILE", help="also write the numbers here")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    memory = [int(s) for s in args.memory.split(",") if s]
    sample = args.dateparser_sample
    if args.quick:
        memory = [m for m in memory if m < 100_000]
        sample = min(sample or 200, 200)

    import libyaevents

    names = corpus.names()
    print(f"libyaevents {libyaevents.__version__}, Python {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} CPUs; {len(names)} names "
          f"({'gazetteer TSV files' if corpus.DATA_DIR.is_dir() else 'built-in list'})"
          + (f"; disabled: {', '.join(args.disable)}" if args.disable else ""), flush=True)
    rows: list[dict] = []

    def add(row: dict) -> None:
        rows.append(row)
        _print(row)

    for n in sizes:
        print(f"\n== {n} articles ==", flush=True)
        texts = _texts(n)
        add(bench_pipeline(n, args.disable))
        add(bench_floor(texts, names))
        add(bench_spacy(texts, names))
        add(bench_dateparser(texts, sample))
        with tempfile.TemporaryDirectory() as tmp:
            path = corpus.write_jsonl(Path(tmp) / f"{n}.jsonl", n)
            nbytes = sum(len(t.encode("utf-8")) for t in texts)
            for jobs in (1, 2):
                add(bench_jobs(path, n, nbytes, jobs, args.disable))
    if memory:
        print("\n== peak memory ==", flush=True)
        for n in memory:
            add(bench_memory(n, args.disable))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
