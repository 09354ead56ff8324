"""Render: a `Brief` and an audience → the note's HTML (and Markdown and plain text).

Templates are Jinja, sandboxed (users edit them), autoescaped and strict about undefined
names. Lookup goes: the user's folder for the audience, the bundled audience folder,
then the base; `base:NAME` always reaches the bundled base, so an audience extends it
and overrides only the blocks it changes.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

from jinja2 import (ChoiceLoader, FileSystemLoader, PrefixLoader, StrictUndefined,
                    TemplateError as JinjaTemplateError, TemplateNotFound,
                    TemplateSyntaxError)
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup

from briefing import __version__
from briefing.assemble import resolve_citations
from briefing.audience import BUNDLED_TEMPLATES, Audience
from briefing.errors import TemplateError
from briefing.models import Brief, Source
from briefing.phrasing import as_of_text, format_date, to_html

NOTE = "note.html.j2"
DEFAULT_FONT = "'DejaVu Serif', 'Liberation Serif', Georgia, serif"


@dataclass(frozen=True)
class Layout:
    """Spacing the fitter may tighten, within bounds the CSS keeps readable."""

    base_size: float = 9.0
    leading: float = 1.26
    gap: float = 2.4
    item_gap: float = 0.8


TIGHT = Layout(base_size=8.4, leading=1.2, gap=1.6, item_gap=0.4)


@lru_cache(maxsize=16)
def environment(audience: Audience, user_dir: Path | None) -> ImmutableSandboxedEnvironment:
    """The sandboxed template environment for one audience (one per process, so its
    compiled templates are reused; Jinja re-reads a template whose file changed)."""
    base = FileSystemLoader(str(BUNDLED_TEMPLATES / "base"))
    search = []
    if user_dir:
        search += [FileSystemLoader(str(user_dir / audience.name)), FileSystemLoader(str(user_dir))]
    search += [FileSystemLoader(str(audience.folder)), PrefixLoader({"base": base}, delimiter=":"), base]
    env = ImmutableSandboxedEnvironment(loader=ChoiceLoader(search), autoescape=True,
                                        undefined=StrictUndefined)
    env.filters["css_string"] = css_string
    return env


def css_string(value: str) -> Markup:
    """A value as a quoted CSS string (HTML escaping does not apply inside <style>)."""
    escaped = "".join(c if c.isalnum() or c in " .,;:!?()—–-_/'" else f"\\{ord(c):x} "
                      for c in str(value))
    return Markup(f'"{escaped}"')


def item_id(item) -> str:
    """A stable identifier of an item in the HTML, so layout can be measured per item."""
    import hashlib

    return hashlib.sha1(f"{item.rule}\0{item.text}".encode()).hexdigest()[:12]


def footnote_parts(source: Source) -> list[str]:
    """What a footnote says of a source: outlet or title (else the article's opening
    words), then the date, last."""
    doc = source.document
    parts = [doc.outlet or doc.title or untitled_label(doc.text, doc.path)]
    if doc.outlet and doc.title:
        parts.append(f"“{doc.title}”")
    if doc.published:
        day = format_date(doc.published.isoformat())
        parts.append(f"{day} (inferred)" if doc.published_how == "inferred" else day)
    else:
        parts.append("undated")
    return parts


def footnote_text(source: Source) -> str:
    """A footnote as one line of text (the URL is added by whoever prints it)."""
    return ", ".join(footnote_parts(source))


def untitled_label(text: str, path: str, words: int = 10) -> str:
    """How a reader recognises an article with neither title nor outlet: its opening
    words (a file name means nothing to them); the file name only if there is no text."""
    opening = re.sub(r"\s+([:;,.!?])", r"\1", " ".join(text.split()[:words + 1]))
    head = opening.split()[:words]
    if not head:
        return Path(path).name
    opening = " ".join(head)
    if len(text.split()) > words:
        opening = opening.rstrip(".,;:") + "…"
    return f"Untitled article beginning “{opening}”"


def _citations(brief: Brief):
    """HTML for each item's citations: a footnote at a source's first citation, its
    number alone after; consecutive calls separated by a superscript comma ("1,2,5")."""
    first_done: set[int] = set()

    def cite(numbers) -> Markup:
        out = []
        for n in numbers:
            if n in first_done:
                out.append(f'<sup class="ref">{n}</sup>')
                continue
            first_done.add(n)
            src = brief.sources[n - 1]
            *label, day = map(html.escape, footnote_parts(src))
            # The date stays whole: "(inferred)" alone on a line reads as a stray note.
            text = ", ".join([*label, f'<span class="date">{day}</span>'])
            url = src.document.url
            if url.startswith(("http://", "https://")):
                link = html.escape(url, quote=True)
                text += f', <a href="{link}">{html.escape(url)}</a>'
            out.append(f'<span class="fn" data-n="{n}">{text}</span>')
        # The word joiner keeps the calls on the line of the word they follow.
        calls = '<sup class="sep">,</sup>'.join(out)
        return Markup(f'<span class="calls">\u2060{calls}</span>' if out else "")

    return cite


def render_html(brief: Brief, audience: Audience, user_dir: Path | None = None,
                layout: Layout = Layout()) -> str:
    """The note as HTML, ready for WeasyPrint."""
    env = environment(audience, user_dir)
    cite = _citations(brief)
    sections = []
    for name in audience.sections:
        section = next(s for s in brief.sections if s.name == name)
        items = [SimpleNamespace(
            html=Markup(to_html(resolve_citations(i.text, brief.sources))) + cite(i.citations),
            rule=i.rule, id=item_id(i), text=i.text, priority=i.priority,
            citations=i.citations, notes=Markup(""),
            evidence=_evidence(i) if audience.show_evidence else "") for i in section.items]
        sections.append(SimpleNamespace(name=name, items=items))
    keywords = ", ".join(dict.fromkeys(
        [brief.audience, *(s.name for s in sections if s.items)]))
    try:
        template = env.get_template(NOTE)
        return template.render(brief=brief, audience=audience, sections=sections,
                               uncited=uncited_text(brief) if brief.uncited else "",
                               as_of_text=as_of_text(brief.as_of), keywords=keywords,
                               generator=f"briefing {__version__}",
                               font=audience.font or DEFAULT_FONT, base_size=layout.base_size,
                               leading=layout.leading, gap=layout.gap,
                               item_gap=layout.item_gap)
    except TemplateSyntaxError as exc:
        raise TemplateError(f"{exc.filename or exc.name}:{exc.lineno}: {exc.message}") from None
    except TemplateNotFound as exc:
        raise TemplateError(f"template '{exc.name}' not found for audience "
                            f"'{audience.name}'") from None
    except SecurityError as exc:
        raise TemplateError(f"{_where()}: blocked by the template sandbox: {exc}") from None
    except JinjaTemplateError as exc:
        raise TemplateError(f"{_where()}: {exc}") from None


def _where() -> str:
    """The template file and line being rendered when an error was raised."""
    import sys
    import traceback

    tb = sys.exc_info()[2]
    for frame, lineno in reversed(list(traceback.walk_tb(tb))):
        name = frame.f_code.co_filename
        if name.endswith((".j2", ".html", ".css")):
            return f"{name}:{lineno}"
    return "template"


def _evidence(item, limit: int = 160) -> str:
    """The first evidence sentence behind a slot-filled item (a frame, an event), short.

    An item that already is a sentence (a claim, a figure, a quote) is its own evidence.
    """
    if item.rule == "timeline":  # a dated line, not a claim to back
        return ""
    for fact in item.facts:
        if fact.kind in {"claim", "figure", "quote"}:
            continue
        for e in fact.evidence:
            if e.sentence and e.sentence not in item.text:
                text = e.sentence
                return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
    return ""


def render_markdown(brief: Brief, audience: Audience) -> str:
    """The note as Markdown, sources as numbered references (for email and chat)."""
    lines = [f"# {brief.title}", "", f"*Briefing note · as of {as_of_text(brief.as_of)}"
             f" · for {audience.name}*", ""]
    if audience.marking:
        lines[2:2] = [f"**{audience.marking}**", ""]
    for name in audience.sections:
        section = next(s for s in brief.sections if s.name == name)
        lines += [f"## {name}", ""]
        for item in section.items:
            refs = "".join(f"[^{n}]" for n in item.citations)
            lines.append(f"- {resolve_citations(item.text, brief.sources)}{refs}")
        if not section.items:
            lines.append("- *Nothing in the sources for this section.*")
        lines.append("")
    for src in brief.sources:
        url = f" <{src.document.url}>" if src.document.url else ""
        lines.append(f"[^{src.number}]: {footnote_text(src)}{url}")
    if brief.uncited:
        lines += ["", f"*{uncited_text(brief)}*"]
    return "\n".join(lines) + "\n"


def uncited_text(brief: Brief) -> str:
    """One line naming the sources read that the note does not cite."""
    names = "; ".join(footnote_text(Source(0, d)) for d in brief.uncited)
    return f"Also read, not cited: {names}."


def render_text(brief: Brief, audience: Audience) -> str:
    """The note as plain text (Markdown emphasis removed)."""
    md = render_markdown(brief, audience)
    md = re.sub(r"\*\*(.+?)\*\*|\*(.+?)\*", lambda m: m.group(1) or m.group(2), md)
    md = re.sub(r"\[\^(\d+)\]:", r"[\1]", md)
    md = re.sub(r"\[\^(\d+)\]", r"[\1]", md)
    md = re.sub(r"^#+ (.*)$", lambda m: m.group(1).upper(), md, flags=re.M)
    return md
