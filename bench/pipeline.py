"""Benchmark (not a test): time of every stage of the pipeline, and the budgets.

Usage: .venv/bin/python bench/pipeline.py [../shared/tempeval] [--large] [--repeat N]

For the bundled sample (examples/relos-2025) it times, in a fresh process, the imports
and every stage of a first build (ingest, extract, consolidate, assemble, render, fit,
PDF — rule files are loaded and compiled by the first stage that needs them, as in a
real run), then the same stages warm; the whole `briefing build` command cold, in a
subprocess; and WeasyPrint alone on the final HTML. For a large corpus, built at run
time from the TimeBank + AQUAINT .tml files (tags stripped, 256 articles) repeated to
1,000 articles and written to a temporary folder (never into the project), it times
the facts on one core: each folder of 256 read as one event (ingest, extract), then
everything consolidated at once. `--large` adds the 10,000-article
run (a few minutes). Budgets, each printed PASS or FAIL:

- the sample built in-process <= 1.3 x WeasyPrint alone rendering its final HTML once
  to PDF (both after imports; the build with its rule files still to load), as the
  median ratio of builds and renders timed side by side (the machine's speed drifts);
  and, since the build keeps a font configuration that makes its render faster than a
  bare call's, our own work (the build less WeasyPrint's time inside that same build)
  <= 0.3 x that time;
- a cold `briefing build` of the sample <= 1.5 s (wall clock, best of 3; the command
  drafts the note in a forked worker while it imports WeasyPrint, so it uses two
  cores); `briefing --help` < 0.2 s;
- fitting to the page limit takes at most 4 renders (every bundled audience);
- the temporal tagger >= 1,000,000 characters/second on one core (bench/timex_speed.py);
- facts for 1,000 articles <= 10 s on one core; 10,000 articles <= 11 x that (--large;
  the 1,000 are timed again after the 10,000 and the mean of the two taken, since the
  machine's speed drifts between runs minutes apart).

Exit status 1 when a budget fails.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLE = ROOT / "examples" / "relos-2025"
RULES = ROOT / "rules"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(HERE))

from tempeval import load_corpus  # noqa: E402  (sibling scripts, not a package)
from timex_speed import GOAL as TIMEX_GOAL, measure as timex_measure  # noqa: E402

BUILD_RATIO = 1.3
COLD_BUILD_S = 1.5
HELP_S = 0.2
MAX_RENDERS = 4
FACTS_1K_S = 10.0
SCALE_10K = 11.0
FOLDER_SIZE = 256  # articles per folder (ingest takes at most 500 sources per call)

results: list[tuple[str, bool, str]] = []


def budget(name: str, ok: bool, detail: str) -> None:
    results.append((name, ok, detail))
    print(f"  [{'PASS' if ok else 'FAIL'}] {name}: {detail}")


# --- the sample, stage by stage, in a fresh process ---------------------------------

# A warm build must not meet texts it has seen: the tagger remembers texts, so each
# warm build reads a copy of the sample with one line of its own added.
_FRESH_COPY = r"""
import shutil, tempfile
def fresh_copy(sample, n):
    folder = Path(tempfile.mkdtemp(prefix="briefing-bench-copy-"))
    for f in Path(sample).iterdir():
        if f.suffix == ".txt":
            (folder / f.name).write_text(f.read_text() + f"\n\n(copy {n})\n")
        elif f.is_file():
            shutil.copy(f, folder / f.name)
    return str(folder)
"""

_STAGES = r"""
import json, sys, time
from pathlib import Path
t = {}
t0 = time.perf_counter()
import briefing.pipeline as P
import briefing.consolidate, briefing.extract, briefing.ingest  # the stages pipeline defers
t['import briefing'] = time.perf_counter() - t0
t0 = time.perf_counter()
import weasyprint
t['import weasyprint'] = time.perf_counter() - t0
from briefing.assemble import assemble
from briefing.audience import BUNDLED_TEMPLATES, load_audience
from briefing.consolidate import consolidate
from briefing.extract import extract
from briefing.fit import fit
from briefing.ingest import ingest
from briefing.models import FactSet
from briefing.pdf import pdf_bytes
from briefing.render import Layout, render_html
from briefing.rules import load_rules
from datetime import datetime, time as dtime

sample, rules_dir, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
""" + _FRESH_COPY + r"""
def stages(sample):
    s = {}
    c = time.perf_counter
    t0 = c(); ing = ingest([sample], rules_dir); s['ingest'] = c() - t0
    t0 = c(); ex = extract(ing.documents, rules_dir); s['extract'] = c() - t0
    t0 = c(); fs = consolidate(ing.documents, ex, rules_dir); s['consolidate'] = c() - t0
    facts = FactSet(fs.documents, fs.facts, fs.conflicts, ing.diagnostics + fs.diagnostics)
    t0 = c()
    rules = load_rules(rules_dir)
    aud = load_audience('executive')
    as_of = P.default_as_of(facts)
    brief = assemble(facts, rules, as_of=as_of, audience=aud.name, sections=aud.sections,
                     items_per_section=aud.items_per_section)
    s['assemble'] = c() - t0
    t0 = c(); render_html(brief, aud, None, Layout()); s['render'] = c() - t0
    t0 = c(); fitted = fit(brief, facts, aud, None, (BUNDLED_TEMPLATES,)); s['fit'] = c() - t0
    t0 = c(); pdf_bytes(fitted.rendered, created=datetime.combine(as_of, dtime(12)))
    s['PDF'] = c() - t0
    return s, fitted
first, fitted = stages(sample)
warm, _ = stages(fresh_copy(sample, 1))
t.update({'first ' + k: v for k, v in first.items()})
t.update({'warm ' + k: v for k, v in warm.items()})
t['renders'] = fitted.renders
t['html'] = fitted.html
print(json.dumps(t))
"""

_COLD_BUILD = r"""
import sys, time
from pathlib import Path
import briefing.pipeline as P
import weasyprint  # noqa: F401  (imports are not the build:
import briefing.consolidate, briefing.extract, briefing.ingest  # noqa: F401,E401  these
# are imported by the build itself, where the command line imports them in its worker)
t0 = time.perf_counter()
r = P.build([sys.argv[1]], Path(sys.argv[3]), audience=sys.argv[4], rules_dir=Path(sys.argv[2]))
print(time.perf_counter() - t0, " ".join(f"{b.audience}={b.renders}:{b.pages}" for b in r.built))
"""


def _python(code: str, *args: str) -> str:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, cwd=ROOT, check=False)
    if done.returncode:
        raise SystemExit(f"bench subprocess failed:\n{done.stderr}")
    return done.stdout.strip()


def _wall(cmd: list[str], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t0)
    return best


_WARM_PAIRS = r"""
import json, sys, time
from pathlib import Path
import briefing.pipeline as P
from weasyprint import HTML, Document
sample, rules, out, n = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
inside = [0.0]  # WeasyPrint's own time within a build: parsing, laying out, writing
def timed(method):
    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            inside[0] += time.perf_counter() - t0
    return wrapper
HTML.__init__, HTML.render = timed(HTML.__init__), timed(HTML.render)
Document.write_pdf = timed(Document.write_pdf)
""" + _FRESH_COPY + r"""
copies = [fresh_copy(sample, i) for i in range(n + 1)]
build = lambda folder: P.build([folder], out, audience="executive", rules_dir=rules)
build(copies.pop())
html, base = out.with_suffix(".html").read_text(), sys.argv[5]
from weasyprint.text.fonts import FontConfiguration
kept = FontConfiguration()
def alone(fonts=None):
    with P.settled_heap():  # the same collector setting the build runs under
        HTML(string=html, base_url=base).render(font_config=fonts).write_pdf()
alone(); alone(kept)
runs = []
for folder in copies:  # interleaved: all three see the machine as it is at that moment
    inside[0] = 0.0
    t0 = time.perf_counter(); build(folder)
    t1 = time.perf_counter(); weasy = inside[0]; alone()
    t2 = time.perf_counter(); alone(kept)
    runs.append((t1 - t0, t2 - t1, time.perf_counter() - t2, weasy))
print(json.dumps(runs))
"""

_COLD_WEASYPRINT = """
import sys, time
from pathlib import Path
from weasyprint import HTML
html = Path(sys.argv[1]).read_text()
t0 = time.perf_counter()
HTML(string=html, base_url=sys.argv[2]).render().write_pdf()
print(time.perf_counter() - t0)
"""


def _median(values: list[float]) -> float:
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def in_process_ratios(html: str, out: Path, repeat: int) -> None:
    """The build against WeasyPrint alone, first and warm, as medians of paired runs.

    This machine's speed drifts by a third within minutes, so each build is timed
    beside a WeasyPrint render at the same moment and the ratios of the pairs are
    compared, not best times taken minutes apart. First: a fresh process builds once,
    another fresh process renders the final HTML once (both after their imports; the
    build loads its rules, WeasyPrint its fonts). Warm: one process alternates the two.
    """
    page = out / "final.html"
    page.write_text(html)
    base = str(ROOT / "templates" / "executive") + "/"
    first = []
    for _ in range(max(5, repeat)):
        built = float(_python(_COLD_BUILD, str(SAMPLE), str(RULES), str(out / "b.pdf"),
                              "executive").split()[0])
        alone = float(_python(_COLD_WEASYPRINT, str(page), base))
        first.append((built, alone))
    runs = json.loads(_python(_WARM_PAIRS, str(SAMPLE), str(RULES), str(out / "w.pdf"),
                              str(max(15, 5 * repeat)), base))
    warm = [(b, a) for b, a, _, _ in runs]
    for name, pairs in (("first in a fresh process", first), ("warm", warm)):
        print(f"  {name}: pipeline.build {_median([b for b, _ in pairs]):.3f} s, "
              f"WeasyPrint alone {_median([a for _, a in pairs]):.3f} s "
              f"(medians of {len(pairs)} pairs)")
    first_ratio = _median([b / a for b, a in first])
    warm_ratio = _median([b / a for b, a in warm])
    budget("in-process build <= 1.3 x WeasyPrint alone",
           max(first_ratio, warm_ratio) <= BUILD_RATIO,
           f"first {first_ratio:.2f} x, warm {warm_ratio:.2f} x (median of paired ratios)")
    # The build keeps a font configuration per template folder, which makes its render
    # faster than a bare call's. Like for like, our own work is the build less the time
    # WeasyPrint spends inside that same build (timed around its two calls), which the
    # budget means to hold within 30% of one render; separate runs would add the
    # machine's drift between them to the difference.
    own = _median([(b - w) / w for b, _, _, w in runs])
    print(f"  warm: WeasyPrint inside the build {_median([w for *_, w in runs]):.3f} s, "
          f"our own work {_median([b - w for b, _, _, w in runs]):.3f} s; "
          f"WeasyPrint alone keeping its font configuration "
          f"{_median([k for _, _, k, _ in runs]):.3f} s")
    budget("our own work <= 0.3 x one render (like for like, warm)", own <= BUILD_RATIO - 1,
           f"{own:.2f} x (median of builds)")


def bench_sample(out: Path, repeat: int) -> None:
    print(f"Sample: {SAMPLE.relative_to(ROOT)} (executive)")
    t = json.loads(_python(_STAGES, str(SAMPLE), str(RULES), str(out / "stages.pdf")))
    html = t.pop("html")
    renders = t.pop("renders")
    names = ["ingest", "extract", "consolidate", "assemble", "render", "fit", "PDF"]
    print(f"  {'stage':<12}{'first (s)':>11}{'warm (s)':>11}")
    for k in ("import briefing", "import weasyprint"):
        print(f"  {k:<23}{t[k]:>11.3f}")
    for k in names:
        print(f"  {k:<12}{t['first ' + k]:>11.3f}{t['warm ' + k]:>11.3f}")
    first = sum(t["first " + k] for k in names if k != "render")  # fit renders itself
    warm = sum(t["warm " + k] for k in names if k != "render")
    print(f"  {'sum':<12}{first:>11.3f}{warm:>11.3f}   (render is inside fit; not added)")

    in_process_ratios(html, out, repeat)

    cold = _wall([str(BIN / "briefing"), "build", str(SAMPLE), "-o", str(out / "c.pdf")])
    helpt = _wall([str(BIN / "briefing"), "--help"])
    budget("cold `briefing build` <= 1.5 s", cold <= COLD_BUILD_S,
           f"{cold:.3f} s wall, best of 3")
    budget("`briefing --help` < 0.2 s", helpt < HELP_S, f"{helpt:.3f} s wall, best of 3")

    every = _python(_COLD_BUILD, str(SAMPLE), str(RULES), str(out / "all.pdf"), "all")
    per = dict(x.split("=") for x in every.split()[1:])
    worst = max(int(v.split(":")[0]) for v in per.values())
    budget("fit: at most 4 renders", worst <= MAX_RENDERS and renders <= MAX_RENDERS,
           ", ".join(f"{a} {v.split(':')[0]} render(s), {v.split(':')[1]} page(s)"
                     for a, v in per.items()))


# --- the temporal tagger ---------------------------------------------------------------

def bench_timex(dirs: list[str]) -> None:
    print("Temporal tagger (bench/timex_speed.py)")
    n, chars, best = timex_measure(dirs, 5)
    budget("timex >= 1,000,000 chars/s", chars / best >= TIMEX_GOAL,
           f"{chars / best:,.0f} chars/s ({n} documents, {chars:,} chars, best of 5)")


# --- facts for a large corpus ------------------------------------------------------------

def write_corpus(texts: list[str], n: int, into: Path) -> list[str]:
    """`n` articles (the texts repeated) as .txt files, in folders of FOLDER_SIZE."""
    folders = []
    for i in range(n):
        folder = into / f"f{i // FOLDER_SIZE:03d}"
        if i % FOLDER_SIZE == 0:
            folder.mkdir(parents=True)
            folders.append(str(folder))
        # A closing line no extractor reads makes every copy a text of its own, so no
        # cache keyed by text (docdate's) is hit by a repeat.
        text = f"{texts[i % len(texts)]}\n\n(copy a{i:05d})\n"
        (folder / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
    return folders


def facts_time(folders: list[str]) -> dict[str, float]:
    """Read each folder as one event (ingest, then extract: as a build does, so the
    tagger's memory of an event's texts, 1,024 of them, spans both), then consolidate
    everything at once (no step may be quadratic in the number of facts)."""
    from briefing.consolidate import consolidate
    from briefing.extract import Extraction, extract
    from briefing.ingest import ingest

    t = {"ingest": 0.0, "extract": 0.0}
    documents, facts = [], []
    for folder in folders:
        t0 = time.perf_counter()
        event = ingest([folder], RULES).documents
        t1 = time.perf_counter()
        facts.extend(extract(event, RULES).facts)
        t["ingest"] += t1 - t0
        t["extract"] += time.perf_counter() - t1
        documents.extend(event)
    t0 = time.perf_counter()
    merged = consolidate(tuple(documents), Extraction(tuple(facts)), RULES)
    t["consolidate"] = time.perf_counter() - t0
    t["total"] = t["ingest"] + t["extract"] + t["consolidate"]
    t["documents"] = len(documents)
    t["facts"] = len(merged.facts)
    t["chars"] = sum(len(d.text) for d in documents)
    return t


def bench_large(dirs: list[str], sizes: list[int]) -> None:
    texts = [d.text for d in load_corpus(dirs)]
    print(f"Large corpus: {len(texts)} TimeBank+AQUAINT articles repeated; one core")
    from briefing.extract import extract
    from briefing.ingest import ingest

    ingest([str(SAMPLE)], RULES)  # rule files load outside the timing
    extract((), RULES)
    got: dict[int, dict] = {}
    # The machine's speed drifts by up to a third within minutes: with the 10,000-article
    # run, the 1,000 is timed again after it, and the 10,000 set against the mean of the
    # two (as the warm build is timed beside a render, not minutes apart).
    runs = list(sizes) + ([1000] if 1000 in sizes and 10000 in sizes else [])
    again = None
    for i, n in enumerate(runs):
        with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
            folders = write_corpus(texts, n, Path(tmp))
            t = facts_time(folders)
        if n in got:
            again = t
        else:
            got[n] = t
        print(f"  {n:>6} articles{' again' if n in got and t is again else ''} "
              f"({t['chars']:,} chars): ingest {t['ingest']:.2f} s, "
              f"extract {t['extract']:.2f} s, consolidate {t['consolidate']:.2f} s = "
              f"{t['total']:.2f} s ({t['facts']:,} merged facts; "
              f"{t['chars'] / t['total']:,.0f} chars/s)")
    if 1000 in got:
        budget("facts for 1,000 articles <= 10 s", got[1000]["total"] <= FACTS_1K_S,
               f"{got[1000]['total']:.2f} s")
    if 1000 in got and 10000 in got:
        base = (got[1000]["total"] + again["total"]) / 2 if again else got[1000]["total"]
        ratio = got[10000]["total"] / base
        budget("facts for 10,000 articles <= 11 x 1,000", ratio <= SCALE_10K,
               f"{got[10000]['total']:.2f} s = {ratio:.2f} x the mean of the two 1,000 runs "
               f"({got[10000]['total'] / got[1000]['total']:.2f} x the first alone)")
    elif 1000 in got:
        print("  (10,000 articles: run with --large)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", default=[str(ROOT.parent / "shared" / "tempeval")])
    parser.add_argument("--large", action="store_true",
                        help="also time 10,000 articles (a few minutes)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=["sample", "timex", "corpus"], action="append",
                        help="run only these parts (repeatable)")
    args = parser.parse_args(argv)
    parts = args.only or ["sample", "timex", "corpus"]
    with tempfile.TemporaryDirectory(prefix="briefing-bench-out-") as out:
        if "sample" in parts:
            bench_sample(Path(out), args.repeat)
    try:  # the tagger and the facts are timed on one core
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass
    if "timex" in parts:
        bench_timex(args.dirs)
    if "corpus" in parts:
        bench_large(args.dirs, [1000, 10000] if args.large else [1000])
    failed = [name for name, ok, _ in results if not ok]
    print(f"{len(results) - len(failed)} of {len(results)} budgets met"
          + (f"; failed: {'; '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
