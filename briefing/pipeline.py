"""The orchestrator: sources → brief, reading top to bottom like the flow in DESIGN.md.

ingest → extract → consolidate → assemble (rules) → render (templates) → fit → write.
Extraction runs once however many audiences are rendered.
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from briefing.assemble import assemble
from briefing.audience import BUNDLED_TEMPLATES, Audience, audience_names, load_audience
from briefing.fit import Fitted, fit
from briefing.models import Brief, Diagnostic, FactSet
from briefing.pdf import check_writable, pdf_bytes, write_atomic
from briefing.render import Layout, render_html, render_markdown, render_text
from briefing.report import brief_to_json, dumps_readable
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
    # Imported here, not above: the command line analyses in a forked worker while it
    # imports WeasyPrint, so the process that renders never pays for these modules.
    from briefing.consolidate import consolidate
    from briefing.extract import extract
    from briefing.ingest import ingest

    ingested = ingest(sources, rules_dir)
    extraction = extract(ingested.documents, rules_dir)
    facts = consolidate(ingested.documents, extraction, rules_dir)
    return FactSet(facts.documents, facts.facts, facts.conflicts,
                   ingested.diagnostics + facts.diagnostics)


def default_as_of(facts: FactSet) -> date:
    """The note's date when none is given: the latest publication date, else today (the
    day of SOURCE_DATE_EPOCH when set, so a reproducible build does not read the clock).

    A date inferred from a text's own dates can be years off; one more than a month
    after the latest date a source writes out (a dateline, metadata, a manifest) is not
    trusted to date the note.
    """
    dates = [d.published for d in facts.documents if d.published]
    certain = [d.published for d in facts.documents
               if d.published and d.published_how != "inferred"]
    if certain:
        limit = max(certain) + timedelta(days=31)
        return max(d for d in dates if d <= limit)
    if dates:
        return max(dates)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return datetime.fromtimestamp(int(epoch), timezone.utc).date() if epoch.isdigit() \
        else date.today()


def build(sources: list[str], output: Path, *, audience: str = "executive",
          rules_dir: Path, templates_dir: Path | None = None, as_of: date | None = None,
          pdf_variant: str | None = None, overlap: bool = False) -> BuildResult:
    """Build the note for one audience (or "all") and write PDF, HTML, JSON, MD, TXT.

    With `overlap` (the command line's choice), everything before WeasyPrint — rules,
    analysis, assembly, the first HTML — runs in a forked process while this one
    imports WeasyPrint: a cold start's two slowest steps on two cores, not in turn.
    """
    check_writable(output)
    with settled_heap():
        names = audience_names(templates_dir) if audience == "all" else [audience]
        plan = (tuple(sources), rules_dir, tuple(names), templates_dir, as_of)
        facts, as_of, drafts = (_beside_weasyprint(draft_notes, plan) if overlap
                                else draft_notes(*plan))
        built = []
        for draft in drafts:
            pdf = output if len(drafts) == 1 else output.with_name(
                f"{output.stem}-{draft.audience.name}{output.suffix}")
            built.append(write_draft(draft, facts, as_of, pdf, templates_dir, pdf_variant))
        return BuildResult(tuple(built), facts, facts.diagnostics)


@dataclass(frozen=True)
class Draft:
    """One audience's note as assembled, with its HTML in the normal layout (unfitted)."""

    audience: Audience
    brief: Brief
    html: str


def draft_notes(sources: tuple[str, ...], rules_dir: Path, names: tuple[str, ...],
                templates_dir: Path | None, as_of: date | None
                ) -> tuple[FactSet, date, tuple[Draft, ...]]:
    """Everything before WeasyPrint: the facts, the note's date, a draft per audience."""
    rules = load_rules(rules_dir)
    audiences = [load_audience(n, templates_dir) for n in names]
    facts = analyse(list(sources), rules_dir)
    as_of = as_of or default_as_of(facts)
    return facts, as_of, tuple(draft_note(facts, rules, a, as_of, templates_dir)
                               for a in audiences)


def draft_note(facts: FactSet, rules, aud: Audience, as_of: date,
               templates_dir: Path | None) -> Draft:
    """One audience's note assembled by the rules and rendered to HTML."""
    brief = assemble(facts, rules, as_of=as_of, audience=aud.name, sections=aud.sections,
                     items_per_section=aud.items_per_section)
    return Draft(aud, brief, render_html(brief, aud, templates_dir, Layout()))


def _beside_weasyprint(work, args):
    """`work(*args)` in a forked worker while WeasyPrint is imported here; in turn with
    one core or where fork is missing (the result is the same either way)."""
    import multiprocessing

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    if cores < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return work(*args)
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    try:
        future = executor.submit(work, *args)
        import weasyprint  # noqa: F401 - the point: imported while the worker works

        return future.result()
    except BrokenProcessPool:  # the worker died (killed, out of memory): do it here
        return work(*args)
    finally:
        executor.shutdown(wait=False, cancel_futures=True)


def fitted_note(facts: FactSet, rules, aud: Audience, as_of: date,
                templates_dir: Path | None) -> tuple[Brief, Fitted]:
    """One audience's note, assembled and fitted: (as assembled, as it fits)."""
    draft = draft_note(facts, rules, aud, as_of, templates_dir)
    return draft.brief, _fit(draft, facts, templates_dir)


def _fit(draft: Draft, facts: FactSet, templates_dir: Path | None) -> Fitted:
    roots = tuple(r for r in (templates_dir, BUNDLED_TEMPLATES) if r)
    return fit(draft.brief, facts, draft.audience, templates_dir, roots, first_html=draft.html)


def write_note(facts: FactSet, rules, aud: Audience, as_of: date, pdf: Path,
               templates_dir: Path | None, pdf_variant: str | None = None) -> Built:
    """Assemble, fit and write one audience's note to `pdf` (and its siblings)."""
    draft = draft_note(facts, rules, aud, as_of, templates_dir)
    return write_draft(draft, facts, as_of, pdf, templates_dir, pdf_variant)


def write_draft(draft: Draft, facts: FactSet, as_of: date, pdf: Path,
                templates_dir: Path | None, pdf_variant: str | None = None) -> Built:
    """Fit a draft to its page limit and write it to `pdf` (and its siblings)."""
    fitted = _fit(draft, facts, templates_dir)
    write_outputs(pdf, fitted, draft.audience, as_of, pdf_variant)
    aud = draft.audience
    return Built(aud.name, pdf, fitted.rendered.pages, aud.page_limit, fitted.renders,
                 len(fitted.brief.trimmed) - len(draft.brief.trimmed), fitted.brief)


def write_outputs(pdf: Path, fitted: Fitted, aud: Audience, as_of: date,
                  variant: str | None) -> None:
    """The PDF and, beside it, .html, .json, .md and .txt — each written atomically, and
    only once the PDF exists in memory, so a failed render replaces none of them."""
    pdf_data = pdf_bytes(fitted.rendered, created=datetime.combine(as_of, time(12)),
                         variant=variant)
    report = brief_to_json(fitted.brief, pages=fitted.rendered.pages,
                           renders=fitted.renders, fits=fitted.fits)
    write_atomic(pdf.with_suffix(".html"), fitted.html)
    write_atomic(pdf.with_suffix(".json"), dumps_readable(report))
    write_atomic(pdf.with_suffix(".md"), render_markdown(fitted.brief, aud))
    write_atomic(pdf.with_suffix(".txt"), render_text(fitted.brief, aud))
    write_atomic(pdf, pdf_data)
