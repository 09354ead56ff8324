"""`briefing explain`: why each line of the note is there, and what was left out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing.assemble import resolve_citations
from briefing.audience import load_audience
from briefing.pipeline import analyse, default_as_of, fitted_note
from briefing.rules import load_rules


def explain_lines(sources: list[str], audience_name: str, rules_dir: Path,
                  templates_dir: Path | None, as_of: date | None) -> list[str]:
    """The explanation as lines of text (the fit runs too, so trims are real)."""
    rules = load_rules(rules_dir)
    audience = load_audience(audience_name, templates_dir)
    facts = analyse(sources, rules_dir)
    _, fitted = fitted_note(facts, rules, audience, as_of or default_as_of(facts),
                            templates_dir)
    brief = fitted.brief
    rule_where = {r.id: r.where for r in rules}
    numbers = {s.document.id: s.number for s in brief.sources}
    lines = [f"{brief.title} — as of {brief.as_of} — {audience.name}", ""]
    for section in brief.sections:
        lines.append(f"== {section.name}")
        for item in section.items:
            lines.append(f"- {resolve_citations(item.text, brief.sources)}")
            lines.append(f"    rule {item.rule} ({rule_where.get(item.rule, '?')}), "
                         f"priority {item.priority}, sources {list(item.citations)}")
            for fact in item.facts:
                lines.append(f"    fact {fact.kind}: {fact.value[:90]} "
                             f"({fact.corroboration} source(s))")
                for e in list(dict.fromkeys((e.doc_id, e.sentence) for e in fact.evidence))[:4]:
                    if e[1]:
                        lines.append(f"      [{numbers.get(e[0], e[0])}] “{e[1][:140]}”")
        lines.append("")
    lines.append("== Left out")
    for t in brief.trimmed:
        lines.append(f"- [{t.section}] {t.rule}: {t.reason}: {t.text[:100]}")
    for s in brief.sources:
        d = s.document
        lines.append(f"[{s.number}] {d.path} — published {d.published or 'unknown'} "
                     f"({d.published_how})")
    return lines
