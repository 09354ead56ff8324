"""The orchestrator: sources → brief, reading top to bottom like the flow in DESIGN.md.

ingest → extract → consolidate → assemble (rules) → render (templates) → fit → write.
Extraction runs once however many audiences are rendered.
"""

from __future__ import annotations

import gc
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from pathlib import Path

from briefing.assemble import assemble
from briefing.audience import BUNDLED_TEMPLATES, Audience, audience_names, load_audience
from briefing.consolidate import consolidate
from briefing.extract import extract
from briefing.fit import Fitted, fit
from briefing.ingest import ingest
from briefing.models import Brief, Diagnostic, FactSet
from briefing.pdf import pdf_bytes, write_atomic
from briefing.render import render_markdown, render_text
from briefing.report import brief_to_json
from briefing.rules import load_rules


@dataclass(frozen=True)
class Built:
    """One audience's note as written: where, how many pages, what was trimmed."""

    audience: str
    pdf: Path
    pages: int
    page_limit: int
    renders: int
    trimmed_to_fit: int
    brief: Brief


@dataclass(frozen=True)
class BuildResult:
    """Every note written by one build, and the diagnostics of the run."""

    built: tuple[Built, ...]
    facts: FactSet
    diagnostics: tuple[Diagnostic, ...]

    def report_lines(self) -> list[str]:
        """What the command tells the user on stderr."""
        lines = [f"warning: {d}" for d in self.diagnostics if d.severity == "warning"]
        for b in self.built:
            trimmed = f", {b.trimmed_to_fit} item(s) trimmed to fit" if b.trimmed_to_fit else ""
            lines.append(f"{b.pdf}: {b.pages} page(s) for {b.audience}{trimmed}")
        return lines


@contextmanager
def settled_heap():
    """Run the block with every object alive at its start out of the collector's sight.

    A build allocates many short-lived objects, which trigger collections; each full
    collection walked the whole heap — WeasyPrint's and the rules' objects, which live
    for the process — and took a third of the time of extraction. Frozen, they are not
    walked; unfrozen after, they are collectable again as before.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def analyse(sources: list[str], rules_dir: Path) -> FactSet:
    """The facts of the sources, merged: the part shared by every audience."""
    ingested = ingest(sources, rules_dir)
    extraction = extract(ingested.documents, rules_dir)
    facts = consolidate(ingested.documents, extraction)
    return FactSet(facts.documents, facts.facts, facts.conflicts,
                   ingested.diagnostics + facts.diagnostics)


def default_as_of(facts: FactSet) -> date:
    """The note's date when none is given: the latest publication date, else today (the
    day of SOURCE_DATE_EPOCH when set, so a reproducible build does not read the clock)."""
    dates = [d.published for d in facts.documents if d.published]
    if dates:
        return max(dates)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return datetime.fromtimestamp(int(epoch), timezone.utc).date() if epoch.isdigit() \
        else date.today()


def build(sources: list[str], output: Path, *, audience: str = "executive",
          rules_dir: Path, templates_dir: Path | None = None, as_of: date | None = None,
          pdf_variant: str | None = None) -> BuildResult:
    """Build the note for one audience (or "all") and write PDF, HTML, JSON, MD, TXT."""
    with settled_heap():
        return _build(sources, output, audience, rules_dir, templates_dir, as_of, pdf_variant)


def _build(sources, output, audience, rules_dir, templates_dir, as_of, pdf_variant):
    rules = load_rules(rules_dir)
    names = audience_names(templates_dir) if audience == "all" else [audience]
    audiences = [load_audience(n, templates_dir) for n in names]
    facts = analyse(sources, rules_dir)
    as_of = as_of or default_as_of(facts)
    built = []
    for aud in audiences:
        pdf = output if len(audiences) == 1 else output.with_name(
            f"{output.stem}-{aud.name}{output.suffix}")
        built.append(write_note(facts, rules, aud, as_of, pdf, templates_dir, pdf_variant))
    return BuildResult(tuple(built), facts, facts.diagnostics)


def fitted_note(facts: FactSet, rules, aud: Audience, as_of: date,
                templates_dir: Path | None) -> tuple[Brief, Fitted]:
    """One audience's note, assembled and fitted: (as assembled, as it fits)."""
    brief = assemble(facts, rules, as_of=as_of, audience=aud.name, sections=aud.sections,
                     items_per_section=aud.items_per_section)
    roots = tuple(r for r in (templates_dir, BUNDLED_TEMPLATES) if r)
    return brief, fit(brief, facts, aud, templates_dir, roots)


def write_note(facts: FactSet, rules, aud: Audience, as_of: date, pdf: Path,
               templates_dir: Path | None, pdf_variant: str | None = None) -> Built:
    """Assemble, fit and write one audience's note to `pdf` (and its siblings)."""
    brief, fitted = fitted_note(facts, rules, aud, as_of, templates_dir)
    write_outputs(pdf, fitted, aud, as_of, pdf_variant)
    return Built(aud.name, pdf, fitted.rendered.pages, aud.page_limit, fitted.renders,
                 len(fitted.brief.trimmed) - len(brief.trimmed), fitted.brief)


def write_outputs(pdf: Path, fitted: Fitted, aud: Audience, as_of: date,
                  variant: str | None) -> None:
    """The PDF and, beside it, .html, .json, .md and .txt — each written atomically, and
    only once the PDF exists in memory, so a failed render replaces none of them."""
    pdf_data = pdf_bytes(fitted.rendered, created=datetime.combine(as_of, time(12)),
                         variant=variant)
    report = brief_to_json(fitted.brief, pages=fitted.rendered.pages,
                           renders=fitted.renders, fits=fitted.fits)
    write_atomic(pdf.with_suffix(".html"), fitted.html)
    write_atomic(pdf.with_suffix(".json"), json.dumps(report, indent=2, ensure_ascii=False))
    write_atomic(pdf.with_suffix(".md"), render_markdown(fitted.brief, aud))
    write_atomic(pdf.with_suffix(".txt"), render_text(fitted.brief, aud))
    write_atomic(pdf, pdf_data)
