"""Where the pipeline's time goes: seconds per stage step (each plugin and extractor),
for the core's own work, and optionally a cProfile listing.

Run ``python benchmarks/profile_pipeline.py`` (2,000 articles of the shared corpus,
installed plugins). ``--plugins-from-source gazetteer,rules`` registers plugins from
``plugins/libyaevents-NAME/src`` without installing them (built-ins plus those only);
``--cprofile 30`` prints the 30 functions with the most own time; ``--pyinstrument``
prints a call tree instead (if pyinstrument is installed).

The step timing wraps each step of :class:`libyaevents.Pipeline` (the callables it
runs, in order); "core: document + finish" is the rest of ``Pipeline.extract``:
making the Document, filtering furniture, and collecting each actor and place once.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import io
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus


def build_pipeline(from_source: Sequence[str]):  # type: ignore[no-untyped-def]
    """The installed pipeline, or built-ins plus the named plugins from source."""
    import libyaevents
    from libyaevents.plugins import get_plugin_manager

    if not from_source:
        return libyaevents.Pipeline()
    pm = get_plugin_manager(load_entrypoints=False)
    for name in from_source:
        sys.path.insert(0, str(HERE.parent / "plugins" / f"libyaevents-{name}" / "src"))
        pm.register(importlib.import_module(f"libyaevents_{name.replace('-', '_')}"), name=name)
    return libyaevents.Pipeline(plugin_manager=pm)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=2000, help="articles (default 2000)")
    parser.add_argument("--plugins-from-source", default="", metavar="NAMES")
    parser.add_argument("--cprofile", type=int, default=0, metavar="N", help="print the top N functions by own time")
    parser.add_argument("--pyinstrument", action="store_true", help="print a pyinstrument call tree")
    args = parser.parse_args(argv)
    from libyaevents import Article
    from libyaevents.plugins import get_plugins

    pipeline = build_pipeline([p for p in args.plugins_from_source.split(",") if p])
    articles = [Article(id=r["id"], text=r["text"]) for r in corpus.articles(args.n)]
    pipeline.extract(articles[0])  # lazy imports and data, outside the timing

    spent: dict[str, float] = defaultdict(float)
    stages = ("clean", "find_mentions", "build_events", "resolve")
    original = pipeline._steps
    pipeline._steps = [
        [(name, _timed(f"{stage:<13} {name}", func, spent)) for name, func in steps]
        for stage, steps in zip(stages, original)
    ]
    start = time.perf_counter()
    for result in pipeline.extract_many(articles):
        pass
    total = time.perf_counter() - start
    pipeline._steps = original
    plugins = ", ".join(sorted(p.name for p in get_plugins(pipeline.pm, all=True)))
    print(f"{args.n} articles in {total:.2f} s: {args.n / total:.0f} articles/s  (plugins: {plugins})")
    steps_total = sum(spent.values())
    rows = sorted(spent.items(), key=lambda kv: -kv[1]) + [("core: document + finish", total - steps_total)]
    for name, seconds in rows:
        print(f"  {name:<40} {seconds:8.3f} s  {100 * seconds / total:5.1f} %  {1e3 * seconds / args.n:7.3f} ms/article")

    if args.cprofile:
        profiler = cProfile.Profile()
        profiler.enable()
        for result in pipeline.extract_many(articles):
            pass
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(args.cprofile)
        print(out.getvalue())
    if args.pyinstrument:
        from pyinstrument import Profiler

        with Profiler(interval=0.0005) as profiler:
            for result in pipeline.extract_many(articles):
                pass
        print(profiler.output_text(unicode=True, color=False, short_mode=True))
    return 0


def _timed(label: str, func, spent: dict[str, float]):  # type: ignore[no-untyped-def]
    def timed(doc):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return func(doc)
        finally:
            spent[label] += time.perf_counter() - start

    return timed


if __name__ == "__main__":
    sys.exit(main())
