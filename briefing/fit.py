"""Fit: make the note fit its page limit, in few renders, and say what was left out.

First the normal layout; if it runs over, the tight layout (smaller type and spacing,
within readable bounds); if still over, drop the lowest-priority items — never a
section's only item, never the agreement's headline — choosing how many from the
heights measured in the last layout, then verify. What was dropped is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from briefing.assemble import number_sources
from briefing.audience import Audience
from briefing.models import Brief, FactSet, Section, Trimmed
from briefing.pdf import Rendered, render_pages
from briefing.render import TIGHT, Layout, item_id, render_html

MAX_RENDERS = 5
PROTECTED_RULES = {"agreement-headline"}


@dataclass(frozen=True)
class Fitted:
    """The brief as it fits, its HTML, its layout, and how many renders it took."""

    brief: Brief
    html: str
    rendered: Rendered
    renders: int
    fits: bool


def fit(brief: Brief, facts: FactSet, audience: Audience, user_dir: Path | None,
        allowed_roots: tuple[Path, ...], first_html: str | None = None) -> Fitted:
    """Render, and tighten or trim until the note is within the audience's page limit
    (`first_html`: the brief already rendered in the normal layout, if it was)."""
    limit = audience.page_limit
    renders = 0

    def attempt(b: Brief, layout: Layout, html: str | None = None) -> tuple[str, Rendered]:
        nonlocal renders
        renders += 1
        html = html or render_html(b, audience, user_dir, layout)
        return html, render_pages(html, audience.folder, allowed_roots, limit)

    html, rendered = attempt(brief, Layout(), first_html)
    if rendered.pages <= limit:
        return Fitted(brief, html, rendered, renders, True)
    html, rendered = attempt(brief, TIGHT)
    current = brief
    while rendered.pages > limit and renders < MAX_RENDERS:
        # Free the overflow plus a margin, taking the least important items first.
        need = rendered.overflow * (1.15 if renders <= 2 else 1.5) + 1
        drop = _choose_drops(current, rendered, need)
        if not drop:
            break
        current = _without(current, drop, facts)
        html, rendered = attempt(current, TIGHT)
    return Fitted(current, html, rendered, renders, rendered.pages <= limit)


def _droppable(brief: Brief) -> list[tuple[int, str, int]]:
    """(priority, item id, section index) of items that may go, least important first."""
    out = []
    for si, section in enumerate(brief.sections):
        if len(section.items) <= 1:
            continue
        for item in section.items:
            if item.rule not in PROTECTED_RULES:
                out.append((item.priority, item_id(item), si))
    return sorted(out)


def _choose_drops(brief: Brief, rendered: Rendered, need: float) -> set[str]:
    left = {i: len(s.items) for i, s in enumerate(brief.sections)}
    drop: set[str] = set()
    freed = 0.0
    for _, ident, si in _droppable(brief):
        if freed >= need:
            break
        if left[si] <= 1:
            continue
        left[si] -= 1
        drop.add(ident)
        freed += rendered.item_boxes.get(ident, (0, 12.0))[1]
    return drop


def _without(brief: Brief, drop: set[str], facts: FactSet) -> Brief:
    kept, trimmed = [], list(brief.trimmed)
    for section in brief.sections:
        items = []
        for item in section.items:
            if item_id(item) in drop:
                trimmed.append(Trimmed(section.name, item.rule, item.text,
                                       "dropped to fit the page limit (lowest priority)"))
            else:
                items.append(item)
        kept.append(Section(section.name, tuple(items)))
    sections, sources = number_sources(tuple(kept), facts)
    return replace(brief, sections=sections, sources=sources, trimmed=tuple(trimmed))
