"""Benchmark (not a test): characters per second of briefing.timex.tag on TimeML text.

Usage: .venv/bin/python bench/timex_speed.py [../shared/tempeval] [--repeat N]
The goal is at least 1,000,000 characters/second on one core.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tempeval import load_corpus  # noqa: E402  (a sibling script, not a package)

GOAL = 1_000_000  # characters/second on one core


def measure(dirs: list[str], repeat: int = 5) -> tuple[int, int, float]:
    """Tag every document `repeat` times: (documents, characters, best seconds)."""
    from briefing.timex import forget, tag

    docs = [(d.text, d.dct) for d in load_corpus(dirs)]
    chars = sum(len(text) for text, _ in docs)
    tag("warm-up: rules load outside the timing, on 2 December", None)
    best = float("inf")
    for _ in range(repeat):
        forget()  # each run finds every expression anew
        t0 = time.perf_counter()
        for text, dct in docs:
            tag(text, dct)
        best = min(best, time.perf_counter() - t0)
    return len(docs), chars, best


def main(argv: list[str] | None = None) -> int:
    """Tag every document `--repeat` times and print the best characters/second."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", default=["../shared/tempeval"])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    n, chars, best = measure(args.dirs, args.repeat)
    print(f"{n} documents, {chars:,} characters, best of {args.repeat}: "
          f"{best:.3f} s = {chars / best:,.0f} characters/second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
