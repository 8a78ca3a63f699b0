"""Run every benchmark in this folder, one after the other (``make bench`` calls this).

Each ``bench_*.py`` runs in its own process with its default settings and prints its
own numbers; this script only adds a header and the time each took. ``--quick`` is
passed on to the benchmarks that accept it (``bench_scale.py`` then skips its
100k-article memory step). Any other arguments name the benchmarks to run::

    python benchmarks/run.py                 # all of them
    python benchmarks/run.py --quick scale   # bench_scale.py only, quick

Benchmarks print numbers; none asserts a timing. The exit status is 1 if one failed.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: Benchmarks that understand ``--quick``.
QUICK = {"bench_scale.py"}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    quick = "--quick" in args
    wanted = {a.removeprefix("bench_").removesuffix(".py") for a in args if a != "--quick"}
    scripts = [p for p in sorted(HERE.glob("bench_*.py")) if not wanted or p.stem.removeprefix("bench_") in wanted]
    failed = []
    for script in scripts:
        cmd = [sys.executable, str(script)] + (["--quick"] if quick and script.name in QUICK else [])
        print(f"\n### {script.name}{' --quick' if len(cmd) > 2 else ''}", flush=True)
        start = time.perf_counter()
        code = subprocess.call(cmd, cwd=HERE.parent)
        print(f"### {script.name}: {'ok' if code == 0 else f'FAILED ({code})'} in {time.perf_counter() - start:.0f} s",
              flush=True)
        if code:
            failed.append(script.name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
