"""The ``libyaevents`` command: extract, convert and list plugins.

Exit codes: 0 when every article was processed, 1 when some input or plugin had
errors (the rest is still written, and the errors are listed in the output and on
stderr), 2 for a usage error.

.. versionadded:: 0.1
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from . import __version__
from ._inputs import parse_date
from ._models import ArticleResult, Problem
from ._pipeline import Pipeline
from .exceptions import ExportError, UnknownFormatError
from .plugins import get_plugin_manager, get_plugins
from .serialization import iter_export

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="libyaevents", description="Event data (who did what to whom, where, when) from news about Libya."
    )
    parser.add_argument("--version", action="version", version=f"libyaevents {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser("extract", help="extract events from files, folders or - (JSON Lines on stdin)")
    ex.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .jsonl, .html files, folders, or -")
    ex.add_argument("-f", "--format", default="json", help="output format: any registered exporter (default json)")
    ex.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    ex.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (default 1)")
    ex.add_argument("--scheduler", metavar="ADDRESS", help="run on this Dask scheduler (needs the dask extra)")
    ex.add_argument(
        "--disable", action="append", default=[], metavar="NAME", help="leave out a plugin, extractor or exporter (repeatable)"
    )
    ex.add_argument("--published", metavar="DATE", help="publication date for inputs that have none (YYYY-MM-DD)")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no error lines on stderr")

    cv = sub.add_parser("convert", help="re-export a saved JSON or JSON Lines export in another format")
    cv.add_argument("export", metavar="EXPORT", help="a libyaevents JSON or JSON Lines export")
    cv.add_argument("-f", "--format", required=True, help="output format")
    cv.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    cv.add_argument("--disable", action="append", default=[], metavar="NAME", help="leave out a plugin (repeatable)")

    pl = sub.add_parser("plugins", help="list installed plugins and what each registers")
    pl.add_argument("--json", action="store_true", help="as a JSON list of objects")
    pl.add_argument("--all", action="store_true", help="include the built-in plugins")
    return parser


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    if path is None or path == "-":
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        yield stream


class _Watch:
    """Passes items through, counting errors, reporting them and drawing progress."""

    def __init__(self, items: Iterable[ArticleResult | Problem], *, quiet: bool, progress: bool) -> None:
        self.items = items
        self.quiet = quiet
        self.progress = progress and not quiet
        self.errors = 0
        self.articles = 0

    def __iter__(self) -> Iterator[ArticleResult | Problem]:
        for item in self.items:
            problems = [item] if isinstance(item, Problem) else list(item.errors)
            if not isinstance(item, Problem):
                self.articles += 1
            for p in problems:
                if p.level == "error":
                    self.errors += 1
                if not self.quiet:
                    self._clear()
                    print(f"libyaevents: {p}", file=sys.stderr)
            if self.progress:
                print(f"\r{self.articles} articles, {self.errors} errors", end="", file=sys.stderr, flush=True)
            yield item
        self._clear()

    def _clear(self) -> None:
        if self.progress:
            print("\r\033[K", end="", file=sys.stderr, flush=True)


def _extract(args: argparse.Namespace) -> int:
    published = None
    if args.published:
        published = parse_date(args.published)
        if published is None:
            print(f"libyaevents: error: --published {args.published!r} is not a date", file=sys.stderr)
            return 2
    if args.jobs < 1:
        print("libyaevents: error: --jobs must be at least 1", file=sys.stderr)
        return 2
    pipeline = Pipeline(disable=args.disable, published=published)
    try:
        exporter = pipeline.exporter(args.format)
    except UnknownFormatError as exc:
        print(f"libyaevents: error: {exc}", file=sys.stderr)
        return 2
    items: Iterable[ArticleResult | Problem] = list(pipeline.problems)
    articles = pipeline.read(args.paths)
    if args.scheduler:
        from .dask import extract_on_cluster

        try:
            results: Iterable[ArticleResult | Problem] = extract_on_cluster(
                articles, args.scheduler, disable=args.disable, published=published
            )
        except (ImportError, OSError) as exc:
            print(f"libyaevents: error: --scheduler {args.scheduler}: {exc}", file=sys.stderr)
            return 2
    elif args.jobs > 1:
        from .parallel import extract_parallel

        results = extract_parallel(articles, jobs=args.jobs, disable=args.disable, published=published)
    else:
        results = pipeline.extract_many(articles)
    watch = _Watch(_chain(items, results), quiet=args.quiet, progress=sys.stderr.isatty())
    with _output(args.output) as stream:
        exporter.write(watch, stream)
    return 1 if watch.errors else 0


def _chain(*parts: Iterable[Any]) -> Iterator[Any]:
    for part in parts:
        yield from part


def _convert(args: argparse.Namespace) -> int:
    pipeline = Pipeline(disable=args.disable)
    try:
        exporter = pipeline.exporter(args.format)
    except UnknownFormatError as exc:
        print(f"libyaevents: error: {exc}", file=sys.stderr)
        return 2
    try:
        items = list(iter_export(args.export))
    except (OSError, ExportError) as exc:
        print(f"libyaevents: error: {exc}", file=sys.stderr)
        return 1
    with _output(args.output) as stream:
        exporter.write(items, stream)
    return 0


def _plugins(args: argparse.Namespace) -> int:
    problems: list[Problem] = []
    pm = get_plugin_manager(problems=problems)
    infos = get_plugins(pm, all=args.all)
    if args.json:
        rows = [
            {
                "name": i.name,
                "version": i.version,
                "builtin": i.builtin,
                "hooks": list(i.hooks),
                "readers": list(i.readers),
                "extractors": list(i.extractors),
                "exporters": list(i.exporters),
            }
            for i in infos
        ]
        print(json.dumps(rows, indent=2))
    else:
        for i in infos:
            parts = [f"{k}: {', '.join(v)}" for k, v in (("readers", i.readers), ("extractors", i.extractors), ("exporters", i.exporters)) if v]
            print(f"{i.name} {i.version or ''}{' (built-in)' if i.builtin else ''}  {'; '.join(parts)}")
    for p in problems:
        print(f"libyaevents: {p}", file=sys.stderr)
    return 1 if problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    handler = {"extract": _extract, "convert": _convert, "plugins": _plugins}[args.command]
    try:
        return handler(args)
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    except KeyboardInterrupt:  # pragma: no cover
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
