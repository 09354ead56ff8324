"""The brief as JSON: what a script, a test or `briefing explain` reads."""

from __future__ import annotations

import json

from briefing.assemble import resolve_citations
from briefing.models import Brief, Fact


def fact_to_json(fact: Fact) -> dict:
    """A fact with its evidence (document, span, sentence)."""
    return {"kind": fact.kind, "text": fact.text, "key": fact.key, "value": fact.value,
            "attrs": dict(fact.attrs), "sources": fact.corroboration,
            "evidence": [{"doc": e.doc_id, "start": e.start, "end": e.end,
                          "sentence": e.sentence} for e in fact.evidence]}


def brief_to_json(brief: Brief, **layout) -> dict:
    """Sources with numbers (and those read but not cited), sections with items (text,
    citations, rule, priority, facts), conflicts, what was trimmed, diagnostics, and the
    layout figures given."""
    numbers = {s.document.id: s.number for s in brief.sources}
    return {
        "title": brief.title, "as_of": brief.as_of.isoformat(), "audience": brief.audience,
        "dates_inferred": brief.dates_inferred,
        "sources": [{"number": s.number, "id": s.document.id, "path": s.document.path,
                     "title": s.document.title, "outlet": s.document.outlet,
                     "url": s.document.url,
                     "published": s.document.published.isoformat() if s.document.published
                     else None, "published_how": s.document.published_how}
                    for s in brief.sources],
        "uncited": [{"id": d.id, "path": d.path, "title": d.title, "outlet": d.outlet}
                    for d in brief.uncited],
        "sections": [{"name": sec.name, "items": [
            {"text": resolve_citations(i.text, brief.sources), "citations": list(i.citations),
             "rule": i.rule, "priority": i.priority, "facts": [fact_to_json(f) for f in i.facts]}
            for i in sec.items]} for sec in brief.sections],
        "conflicts": [{"slot": c.slot, "explanation": c.explanation, "values": [
            {"value": v, "sources": sorted(numbers[d] for d in docs if d in numbers),
             "documents": list(docs)} for v, docs in c.values]} for c in brief.conflicts],
        "trimmed": [{"section": t.section, "rule": t.rule, "text": t.text, "reason": t.reason}
                    for t in brief.trimmed],
        "diagnostics": [str(d) for d in brief.diagnostics],
        "layout": layout,
    }


def dumps_readable(obj, levels: int = 4, indent: int = 0) -> str:
    """JSON with the outer `levels` of nesting one entry a line and what is deeper on
    that line: a brief reads as with indent=2 (a section, then an item a line), but it
    is written by the C encoder, which indent= turns off (2 ms a brief, then)."""
    pad = " " * (indent + 2)
    if levels and isinstance(obj, dict) and obj:
        return "{\n" + ",\n".join(
            f"{pad}{json.dumps(str(k), ensure_ascii=False)}: "
            f"{dumps_readable(v, levels - 1, indent + 2)}" for k, v in obj.items()
        ) + "\n" + " " * indent + "}"
    if levels and isinstance(obj, list) and obj:
        return "[\n" + ",\n".join(
            pad + dumps_readable(v, levels - 1, indent + 2) for v in obj
        ) + "\n" + " " * indent + "]"
    return json.dumps(obj, ensure_ascii=False)
