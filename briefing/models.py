"""The typed data that flows between stages.

Every stage takes one of these and returns another; all are frozen so a stage can
never change what an earlier stage produced. Offsets always index `Document.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Severity = Literal["info", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """Something a stage noticed but could work around: it travels with the result."""

    stage: str
    message: str
    where: str = ""
    severity: Severity = "warning"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document, as a character span into `Document.text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    """One cleaned article.

    `published_how` says where `published` came from: "manifest", "metadata",
    "dateline", "inferred" or "unknown" — the brief says when dates rest on inference.
    """

    id: str
    path: str
    title: str
    outlet: str
    url: str
    published: date | None
    published_how: str
    text: str
    sentences: tuple[Sentence, ...] = ()


@dataclass(frozen=True)
class Timex:
    """A temporal expression: span, surface text, TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str

    def as_dict(self) -> dict:
        """The JSON shape of `briefing timex --json`."""
        return {"start": self.start, "end": self.end, "text": self.text,
                "type": self.type, "value": self.value}


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: a span in one document and the sentence around it."""

    doc_id: str
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class Fact:
    """One typed fact read from one place (before consolidation) or merged (after).

    kind: timex, figure, person, organisation, place, agreement, quote, claim.
    `key` is the normalised identity used to merge facts across sources; `value` the
    normalised value (ISO date, "5.4e9 USD", a canonical name); `attrs` the rest
    (role, tense, modality, event, acronym, speaker …) as sorted (name, value) pairs.
    """

    kind: str
    text: str
    key: str
    value: str
    evidence: tuple[Evidence, ...]
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, name: str, default: str = "") -> str:
        """The value of attribute `name`, or `default`."""
        # Rules and frames ask each fact for its attributes many times over: the map is
        # kept on the fact. By hand, not by cached_property, whose lock (Python 3.11)
        # cost as much as making the fact.
        found = self.__dict__.get("_attr_map")
        if found is None:
            found = self.__dict__["_attr_map"] = dict(self.attrs)
        return found.get(name, default)

    def items(self, name: str) -> list[str]:
        """The values of list attribute `name` ("Chile|Peru" → ["Chile", "Peru"])."""
        return [v for v in self.attr(name).split("|") if v]

    def with_attrs(self, **changes: str) -> Fact:
        """This fact with some attributes set (a new fact: facts are frozen)."""
        attrs = tuple(sorted({**dict(self.attrs), **changes}.items()))
        return Fact(self.kind, self.text, self.key, self.value, self.evidence, attrs)

    def with_cue(self, cue: str) -> Fact:
        """This fact with cue class `cue` among its `cues` (once)."""
        cues = self.attr("cues")
        if cue in cues.split(","):
            return self
        return self.with_attrs(cues=f"{cues},{cue}" if cues else cue)

    @property
    def doc_ids(self) -> tuple[str, ...]:
        """The documents this fact was read in, in first-seen order, once each."""
        return tuple(dict.fromkeys(e.doc_id for e in self.evidence))

    @property
    def corroboration(self) -> int:
        """How many distinct sources carry this fact."""
        return len(self.doc_ids)


@dataclass(frozen=True)
class Conflict:
    """Sources giving different values for one slot, and what explains it if anything."""

    slot: str
    values: tuple[tuple[str, tuple[str, ...]], ...]  # (value, doc ids saying it)
    explanation: str = ""


@dataclass(frozen=True)
class FactSet:
    """Facts merged across documents, with the conflicts found between them."""

    documents: tuple[Document, ...]
    facts: tuple[Fact, ...]
    conflicts: tuple[Conflict, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True)
class Item:
    """One line of the brief: its text, the rule that placed it and what backs it."""

    text: str
    rule: str
    priority: int
    facts: tuple[Fact, ...]
    citations: tuple[int, ...] = ()  # source numbers, filled after assembly
    when: str = ""  # ISO date the item is about, for ordering within a section


@dataclass(frozen=True)
class Section:
    """A titled list of items."""

    name: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Source:
    """A cited document with its footnote number."""

    number: int
    document: Document


@dataclass(frozen=True)
class Trimmed:
    """An item that matched but was left out of the note, and why."""

    section: str
    rule: str
    text: str
    reason: str


@dataclass(frozen=True)
class Brief:
    """The note before rendering: sections of items citing numbered sources."""

    title: str
    as_of: date
    audience: str
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    conflicts: tuple[Conflict, ...] = ()
    trimmed: tuple[Trimmed, ...] = ()
    dates_inferred: bool = False
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    read: tuple[Document, ...] = ()  # every source read, cited or not

    @property
    def uncited(self) -> tuple[Document, ...]:
        """The sources read that no line of the note cites (said, so none is lost)."""
        cited = {s.document.id for s in self.sources}
        return tuple(d for d in self.read if d.id not in cited)


_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})


def surname(name: str) -> str:
    """The name a person is called by alone: the last word, less "Jr." and the like."""
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(",") in _SUFFIXES:
        words.pop()
    return words[-1].rstrip(",") if words else ""


def recalled(dates: list[str], published: date | None) -> bool:
    """Whether every one of `dates` (ISO values) is two years or more before
    `published`, the day its source was written: what it tells is background."""
    years = [int(v[:4]) for v in dates if v[:4].isdigit()]
    return bool(published and years) and max(years) <= published.year - 2
