"""Score briefing's temporal tagger against TimeML (.tml) files, TempEval-3 style.

Usage: .venv/bin/python bench/tempeval.py ../shared/tempeval [--json] [--errors N]

Metrics follow TempEval-3 task A: strict span match (exact offsets), relaxed span match
(any overlap, one-to-one), and, over the relaxed-matched pairs, the type and the value
attributes (P = correct/system, R = correct/gold). The DCT inside <DCT> is the anchor and
is never scored; only TIMEX3 elements inside <TEXT> are gold.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_]+)\s*=\s*"([^"]*)"')
_DCT = re.compile(r"<DCT>.*?<TIMEX3[^>]*?value=\"([^\"]+)\"", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


@dataclass(frozen=True)
class GoldTimex:
    """A gold TIMEX3: offsets into the tag-stripped TEXT, its type and its value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class GoldDoc:
    """One TimeML document: its name, creation time, raw text and gold TIMEX3s."""

    name: str
    dct: dt.date | None
    text: str
    timexes: tuple[GoldTimex, ...]


def parse_tml(source: str, name: str = "") -> GoldDoc:
    """Strip the tags of a TimeML document's <TEXT>, keeping gold TIMEX3 offsets."""
    m = _DCT.search(source)
    dct = None
    if m:
        try:
            dct = dt.date.fromisoformat(m.group(1)[:10])
        except ValueError:
            dct = None
    body = _TEXT.search(source)
    raw = body.group(1) if body else ""
    out: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict]] = []
    gold: list[GoldTimex] = []
    pos = 0
    for tag in _TAG.finditer(raw):
        chunk = html.unescape(raw[pos:tag.start()])
        out.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, element, attrs, selfclosing = tag.groups()
        if element != "TIMEX3" or selfclosing:
            continue
        if not closing:
            open_timex.append((length, dict(_ATTR.findall(attrs))))
        elif open_timex:
            start, attributes = open_timex.pop()
            gold.append(GoldTimex(start, length, "", attributes.get("type", ""),
                                  attributes.get("value", "")))
    chunk = html.unescape(raw[pos:])
    out.append(chunk)
    text = "".join(out)
    gold = [GoldTimex(g.start, g.end, text[g.start:g.end], g.type, g.value)
            for g in sorted(gold, key=lambda g: g.start)]
    return GoldDoc(name, dct, text, tuple(gold))


@dataclass
class Counts:
    """Running totals from which every TempEval-3 figure is derived."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0
    false_positives: list = field(default_factory=list)
    false_negatives: list = field(default_factory=list)
    wrong: list = field(default_factory=list)


def match_relaxed(gold: list, system: list) -> list[tuple[int, int]]:
    """Pair gold and system spans that overlap, one-to-one, in text order."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if si not in used and s.start < g.end and g.start < s.end:
                pairs.append((gi, si))
                used.add(si)
                break
    return pairs


def score_document(doc: GoldDoc, system: list, counts: Counts) -> None:
    """Add one document's comparison to `counts` (and remember its errors)."""
    gold = list(doc.timexes)
    counts.gold += len(gold)
    counts.system += len(system)
    gold_spans = {(g.start, g.end) for g in gold}
    counts.strict += sum((s.start, s.end) in gold_spans for s in system)
    pairs = match_relaxed(gold, system)
    counts.relaxed += len(pairs)
    matched_g = {gi for gi, _ in pairs}
    matched_s = {si for _, si in pairs}
    for gi, si in pairs:
        g, s = gold[gi], system[si]
        counts.type_correct += g.type == s.type
        counts.value_correct += g.value == s.value
        if g.value != s.value or g.type != s.type or (g.start, g.end) != (s.start, s.end):
            counts.wrong.append((doc.name, g.text, g.type, g.value, s.text, s.type, s.value))
    for si, s in enumerate(system):
        if si not in matched_s:
            counts.false_positives.append((doc.name, _context(doc.text, s.start, s.end),
                                           s.type, s.value))
    for gi, g in enumerate(gold):
        if gi not in matched_g:
            counts.false_negatives.append((doc.name, _context(doc.text, g.start, g.end),
                                           g.type, g.value))


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return f"{left}[{text[start:end]}]{right}"


def _prf(correct: int, system: int, gold: int) -> dict:
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def metrics(counts: Counts) -> dict:
    """The TempEval-3 figures for `counts`."""
    return {
        "gold": counts.gold, "system": counts.system,
        "strict": _prf(counts.strict, counts.system, counts.gold),
        "relaxed": _prf(counts.relaxed, counts.system, counts.gold),
        "type": _prf(counts.type_correct, counts.system, counts.gold),
        "value": _prf(counts.value_correct, counts.system, counts.gold),
        "type_accuracy": round(counts.type_correct / counts.relaxed, 4) if counts.relaxed else 0.0,
        "value_accuracy": round(counts.value_correct / counts.relaxed, 4) if counts.relaxed else 0.0,
    }


def load_corpus(dirs: list[str]) -> list[GoldDoc]:
    """Every .tml file under `dirs` (recursively), parsed, in a stable order."""
    docs = []
    for d in dirs:
        root = Path(d)
        files = [root] if root.is_file() else sorted(root.rglob("*.tml"))
        for path in files:
            docs.append(parse_tml(path.read_text(encoding="utf-8"), path.name))
    return docs


def evaluate(docs: list[GoldDoc], tag) -> tuple[Counts, float]:
    """Run `tag` on every document; return the counts and tag()'s characters/second."""
    counts = Counts()
    elapsed = 0.0
    chars = 0
    for doc in docs:
        t0 = time.perf_counter()
        system = tag(doc.text, doc.dct)
        elapsed += time.perf_counter() - t0
        chars += len(doc.text)
        score_document(doc, system, counts)
    return counts, (chars / elapsed if elapsed else 0.0)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", help="directories (or files) of .tml documents")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print N sample false positives, false negatives, wrong values")
    args = parser.parse_args(argv)
    from briefing.timex import tag

    docs = load_corpus(args.dirs)
    tag(docs[0].text if docs else "", None)  # load the rules outside the timing
    counts, speed = evaluate(docs, tag)
    result = metrics(counts) | {"documents": len(docs), "chars_per_second": round(speed)}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{len(docs)} documents, {counts.gold} gold, {counts.system} system TIMEX3")
        print(f"{'':10} {'P':>7} {'R':>7} {'F1':>7}")
        for key in ("strict", "relaxed", "type", "value"):
            m = result[key]
            print(f"{key:10} {m['precision']:7.4f} {m['recall']:7.4f} {m['f1']:7.4f}")
        print(f"type accuracy {result['type_accuracy']:.4f}, "
              f"value accuracy {result['value_accuracy']:.4f}")
        print(f"tag(): {speed:,.0f} characters/second")
    if args.errors:
        for title, rows in (("FALSE POSITIVES", counts.false_positives),
                            ("FALSE NEGATIVES", counts.false_negatives),
                            ("WRONG SPAN/TYPE/VALUE (gold | system)", counts.wrong)):
            print(f"\n== {title} ({len(rows)})")
            for row in rows[:args.errors]:
                print("  " + " | ".join(str(x) for x in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
