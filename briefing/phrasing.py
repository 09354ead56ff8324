"""How an item reads: a rule's `say` snippet (Jinja → Markdown → HTML).

Snippets run in a sandbox with the matched fact as `f` (its attributes readable as
`f.role`, `f.signed_date` …) and a few filters that write dates, people and sentences
the way a note does. Article text is escaped before Markdown sees it, so nothing in an
article can become HTML.
"""

from __future__ import annotations

import html
import re
from datetime import date
from functools import lru_cache

from jinja2 import StrictUndefined, TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment

MONTHS = ("January February March April May June July August September October "
          "November December").split()

# Attribution and clutter a placed sentence loses ("…, X said.", "According to …, ").
_TRIM = [
    re.compile(r"^(?:\d{1,2}[.)]|[-•*–])\s+"),  # a list item's number or bullet
    # A dateline that opens an article: "NAIROBI, August 21 (Reuters) - ", "… (Yonhap) -- ",
    # "CLARK FREEPORT, Philippines, March 5 (Archipelago Press Agency) - ".
    re.compile(r"^[A-Z][A-Z .'/-]{2,40},?\s(?:[A-Z][A-Za-z .'-]{2,30},\s)?"
               r"(?:(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?"
               r"|\d{1,2} [A-Z][a-z]{2,8}\.?(?:,? \d{4})?)\s?)?"
               r"(?:\([^)]{1,30}\)|/[^/]{1,20}/)?\s?(?:--|[-–—:])\s"),
    # …and one with the place as written: "Lima, Sept 13 (Andina) ", "Lisbon, 22 July 2026
    # (Lusa) - ", "Santiago de Chile, Nov 4 (EFE).- ".
    re.compile(r"^[A-Z][A-Za-z .'/-]{2,40}, (?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}\.?)"
               r"(?:,? \d{4})? \([A-Z][A-Za-z .]{1,20}\)(?:\.?\s?(?:--|[-–—]))?\s"),
    re.compile(r"^(?:According to|As per) [^,]{3,80}, ", re.I),
    re.compile(r"^(?:Meanwhile|However|Moreover|Furthermore|In addition|Also|Yet|Still|"
               r"Despite this|Separately|In turn|Notably),\s", re.I),
    re.compile(r",\s(?:he|she|they|it|[A-Z][\w.'’ -]{2,60}) (?:said|says|noted|added|"
               r"stated|told [\w ]+)\.?$"),
    re.compile(r"^It is learnt that ", re.I),
    re.compile(r"^(?:Experts|Analysts|Officials) (?:believe|say|said|point out) that ", re.I),
]
# Marks a source citation to be numbered after assembly: [[src:docA,docB]].
CITE = re.compile(r"\[\[src:([^\]]*)\]\]")


class FactView:
    """Read-only view of a fact for templates: attributes by name, "" when absent."""

    def __init__(self, fact):
        self._fact = fact

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        if name in {"text", "value", "key", "kind"}:
            return getattr(self._fact, name)
        if name == "sources":
            return self._fact.corroboration
        if name == "sentence":
            return self._fact.evidence[0].sentence if self._fact.evidence else ""
        return self._fact.attr(name)

    def __str__(self) -> str:
        return self._fact.value


def format_date(value: str) -> str:
    """TIMEX3 value → note style: 2025-02-18 → 18 February 2025; XXXX-12-04 → 4 December."""
    part = re.fullmatch(r"(\d{4})-(Q[1-4]|H[12])", value or "")
    if part:
        year, which = part.groups()
        names = {"H1": "first half", "H2": "second half", "Q1": "first quarter",
                 "Q2": "second quarter", "Q3": "third quarter", "Q4": "fourth quarter"}
        return f"{names[which]} of {year}"
    m = re.fullmatch(r"(\d{4}|XXXX)-(\d\d)(?:-(\d\d))?", value or "")
    if not m:
        return value or ""
    year, month, day = m.groups()
    parts = [str(int(day))] if day else []
    parts.append(MONTHS[int(month) - 1])
    if year != "XXXX":
        parts.append(year)
    return " ".join(parts)


def format_span(start: str, end: str) -> str:
    """Two dates as one span, as an item opens: "4–5 December 2025", "Second half of 2025"."""
    text = _span(start, end)
    return text[:1].upper() + text[1:]


def _span(start: str, end: str) -> str:
    if not end:
        return format_date(start)
    if end.startswith("XXXX") and not start.startswith("XXXX"):
        end = start[:4] + end[4:]  # "4–5 December": the end shares the start's year
    a, b = format_date(start).split(" "), format_date(end).split(" ")
    if len(a) >= 2 and len(b) >= 2 and a[1:] == b[1:]:
        return f"{a[0]}–{' '.join(b)}"
    return f"{format_date(start)} – {format_date(end)}"


def format_people(value: str) -> str:
    """"A=role|B=role" → "A (role) and B (role)"; a date in place of a role is written
    as a note writes dates ("Seimas=2025-03" → "Seimas (March 2025)")."""
    people = []
    for entry in value.split("|"):
        name, _, role = entry.partition("=")
        role = format_date(role)
        people.append(f"{name} ({role})" if role else name)
    return " and ".join([", ".join(people[:-1]), people[-1]] if len(people) > 2 else people)


_TAKES_THE = re.compile(r"\b(?:Republic|Kingdom|States|Emirates|Islands|Federation|Union|"
                        r"Association|Community|Council)\b"
                        r"|^(?:Philippines|Netherlands|Bahamas|Gambia|Maldives|Comoros|"
                        r"Seychelles|Vatican)$")


def format_countries(value: str) -> str:
    """"Japan|Philippines" → "Japan and the Philippines" (the article where English
    puts one)."""
    names = [f"the {n}" if _TAKES_THE.search(n) else n for n in value.split("|") if n]
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 2 else names)


def trim_sentence(text: str) -> str:
    """A sentence without leading connectives and trailing attribution."""
    for pattern in _TRIM:
        text = pattern.sub("", text).strip()
    text = text.rstrip(" ,;:")
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!", "”", "\"", "’")) else text + "."


def cite(doc_ids) -> str:
    """A citation marker, numbered once all items are placed."""
    if isinstance(doc_ids, str):
        doc_ids = [doc_ids]
    return f"[[src:{','.join(doc_ids)}]]"


@lru_cache(maxsize=1)
def environment() -> ImmutableSandboxedEnvironment:
    """The sandbox `say` snippets run in: no autoescape (output is Markdown, escaped
    before conversion), strict about undefined names."""
    env = ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
    env.filters.update(date=format_date, people=format_people, trim=trim_sentence,
                       countries=format_countries,
                       article=lambda w: f"{'an' if str(w)[:1].lower() in 'aeiou' else 'a'} {w}",
                       lower_first=lambda s: s[:1].lower() + s[1:] if s else s)
    env.globals.update(span=format_span, cite=cite)
    return env


def check_snippet(source: str) -> str:
    """"" if `source` compiles as a snippet, else the error (for rule validation)."""
    try:
        _compiled(source)  # compiled once: validation and rendering share it
    except TemplateSyntaxError as exc:
        return f"line {exc.lineno}: {exc.message}"
    return ""


@lru_cache(maxsize=256)
def _compiled(source: str):
    return environment().from_string(source)


def say(source: str, fact, **extra) -> str:
    """Render a rule's snippet for `fact`: Markdown text on one line."""
    text = _compiled(source).render(f=FactView(fact), **extra)
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _markdown():
    """One converter, reset per item: building one costs more than converting."""
    import markdown  # noqa: PLC0415 - most items never need it (see to_html); 20 ms

    return markdown.Markdown()


def to_html(markdown_text: str) -> str:
    """Markdown of one item → inline HTML; any HTML in it arrives as text."""
    escaped = html.escape(markdown_text, quote=False)
    if _PLAIN.fullmatch(_BOLD.sub(r"\1", escaped)) and not _BLOCK_START.match(escaped) \
            and escaped == escaped.strip():
        # What Markdown would give, at a hundredth of the cost.
        return _BOLD.sub(r"<strong>\1</strong>", escaped)
    return markdown_to_html(escaped)


# Text Markdown leaves as it is, but for **bold** (the mark rules use most): no other
# mark-up character, no entity, one line, no start that opens a block (a list item
# "1. ", "- ", a code block's indent), no edge spaces.
_PLAIN = re.compile(r"[^\\`*_\[\]<>#&\n]*")
_BOLD = re.compile(r"\*\*([^*\s](?:[^*]*[^*\s])?)\*\*")
_BLOCK_START = re.compile(r"\s*(?:[-+*]|\d+[.)])(?:\s|$)|\s{4}")


def markdown_to_html(escaped: str) -> str:
    """Already-escaped Markdown of one item → inline HTML, by the Markdown library."""
    out = _markdown().reset().convert(escaped)
    return re.sub(r"^<p>(.*)</p>$", r"\1", out, flags=re.S)


def as_of_text(day: date) -> str:
    """A date as the note prints it."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
