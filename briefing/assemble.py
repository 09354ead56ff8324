"""Assemble: a `FactSet` and the rules → a `Brief` of sections, items and numbered sources.

Every rule is tried on every fact; a fact is placed once in the whole note (the first
placement by priority wins), and claims already told by a placed frame are not told
again. Sources are numbered in order of first citation, after every item is placed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from briefing.models import (Brief, Conflict, Evidence, Fact, FactSet, Item, Section, Source,
                             Trimmed, recalled)
from briefing.phrasing import CITE, format_countries, format_span, say, trim_sentence
from briefing.rules import SECTIONS, Rule
from briefing.timeline import TIMELINE, timeline_items


def conflict_fact(conflict: Conflict) -> Fact:
    """A conflict as a fact rules can place; its evidence names the sources on each side."""
    doc_ids = [d for _, docs in conflict.values for d in docs]
    # A slot reads "<topic> of <about>": what differs ("name", "signing date",
    # "words") and of what or whom — for rules to test and phrase.
    topic, _, about = conflict.slot.partition(" of ")
    attrs = [("slot", conflict.slot), ("topic", topic), ("about", about),
             ("explanation", conflict.explanation),
             ("values", " | ".join(v for v, _ in conflict.values))]
    for n, (value, docs) in enumerate(conflict.values, 1):
        attrs += [(f"value{n}", value), (f"docs{n}", ",".join(docs))]
    return Fact("conflict", conflict.slot, conflict.slot, conflict.slot,
                tuple(Evidence(d, 0, 0, "") for d in dict.fromkeys(doc_ids)),
                tuple(sorted((k, v) for k, v in attrs if v)))


def assemble(facts: FactSet, rules: tuple[Rule, ...], *, as_of: date, audience: str,
             sections: tuple[str, ...] = SECTIONS, items_per_section: int = 0,
             title: str = "") -> Brief:
    """Place facts into sections by rule, order them, and number the sources cited.

    Only the `sections` named are filled, in that order; each keeps at most
    `items_per_section` items (0: no cap), the rest recorded as trimmed.
    """
    published = {d.id: d.published for d in facts.documents}
    pool = _overtaken_by_visit([_as_of(f, as_of, published) for f in facts.facts], facts,
                               as_of) + \
        [conflict_fact(c) for c in facts.conflicts]
    # Within a rule, the facts more sources carry come first, then those that stand on
    # their own (not "It could be signed …"), then those that say more.
    # (Of coming events as well told, the sooner first: an agenda's limit keeps what
    # comes next, not the longest sentence.)
    ranked = sorted(pool, key=lambda f: (
        -f.corroboration, bool(_LEANS_BACK.match(trim_sentence(f.text))),
        # the items of a list keep the list's order
        f.evidence[0].start if "list_item" in f.attr("cues") else 0,
        # (a day before the month it is in: "1 December" says more than "December")
        (f.attr("start")[:7], len(f.attr("start")) != 10, f.attr("start"))
        if f.kind == "event" else ("", False, ""), -len(f.text)))
    by_kind: dict[str, list[Fact]] = {}
    for fact in ranked:
        by_kind.setdefault(fact.kind, []).append(fact)
    # A claim that only leads into a list ("The Agreement provides for:") says nothing
    # without it; its items are claims of their own.
    # Rules of sections this audience leaves out are not matched at all.
    candidates: list[tuple[Rule, Fact]] = [
        (rule, fact) for rule in sorted(rules, key=lambda r: -r.priority)
        if rule.section in sections
        for fact in by_kind.get(rule.kind, ()) if rule.matches(fact)
        and not (fact.kind == "claim" and fact.text.rstrip().endswith(":"))]
    placed: dict[str, list[Item]] = {s: [] for s in sections}
    trimmed: list[Trimmed] = []
    used: set[tuple[str, str]] = set()
    told: set[tuple[str, str]] = set()  # (document, sentence) already told by an item
    # …of which those told in full, by an item that quotes them (a claim, a figure, a
    # quote): a frame's or an event's line sums its sentences up ("signed 8 July in
    # Bridgetown") and shows none of their figures or quotes.
    quoted: set[tuple[str, str]] = set()
    per_rule: dict[str, int] = {}
    seen_text: set[str] = set()
    for rule, fact in candidates:
        ident = (fact.kind, fact.key)
        sentences = {(e.doc_id, e.sentence) for e in fact.evidence if e.sentence}
        # Only evidence that is a whole sentence (a claim) tells that sentence.
        spans = {(e.doc_id, e.sentence) for e in fact.evidence
                 if e.sentence and e.end - e.start == len(e.sentence)}
        if ident in used or rule.section not in placed:
            continue
        # A claim is told when all its sentences are; a figure or a quote, which
        # quotes its sentence, as soon as that sentence is.
        if sentences and (sentences <= told if fact.kind == "claim" else
                          fact.kind in {"figure", "quote"} and sentences & quoted):
            trimmed.append(Trimmed(rule.section, rule.id, fact.text,
                                   "already told by a higher-priority item"))
            continue
        text = say(rule.say, fact)
        if not text or text.lower() in seen_text:
            continue
        if rule.limit and per_rule.get(rule.id, 0) >= rule.limit:
            trimmed.append(Trimmed(rule.section, rule.id, text,
                                   f"rule limit of {rule.limit} items reached"))
            continue
        if items_per_section and len(placed[rule.section]) >= items_per_section:
            # Cut here, not after: an item left out tells nothing, so a sentence it
            # shared stays free for a rule further down.
            trimmed.append(Trimmed(rule.section, rule.id, text, f"over {items_per_section} "
                                   "items for this audience"))
            continue
        used.add(ident)
        told |= sentences if fact.kind in {"figure", "quote"} else spans
        if fact.kind in {"claim", "figure", "quote"}:
            quoted |= sentences if fact.kind in {"figure", "quote"} else spans
        seen_text.add(text.lower())
        per_rule[rule.id] = per_rule.get(rule.id, 0) + 1
        placed[rule.section].append(Item(text, rule.id, rule.priority, (fact,),
                                         when=_when(fact)))
    if TIMELINE in placed:
        placed[TIMELINE] = timeline_items(facts)
    ordered = []
    for name, items in placed.items():
        if name != TIMELINE:  # the timeline keeps its order (by date) and its own cap
            # By date within a priority — but the event's own agreement leads.
            items.sort(key=lambda i: (-i.priority, not i.facts[0].attr("main"), i.when))
        ordered.append(Section(name, tuple(items)))
    sections_out, sources = number_sources(tuple(ordered), facts)
    return Brief(title=title or _title(facts), as_of=as_of, audience=audience,
                 sections=sections_out, sources=sources, conflicts=facts.conflicts,
                 trimmed=tuple(trimmed),
                 dates_inferred=any(d.published_how == "inferred" for d in facts.documents),
                 diagnostics=facts.diagnostics, read=facts.documents)


def _as_of(fact: Fact, as_of: date, published: dict[str, date | None] | None = None) -> Fact:
    """An event whose last day is before the note's date, marked `past`: a visit its
    sources announced that has ended by the time the note is written is no longer on
    the agenda."""
    last = fact.attr("end") or fact.attr("start")
    # A day before the note's, or a month before its month ("talks in September", in a
    # note of 22 November).
    if fact.kind == "event" and len(last) in (7, 10) and not last.startswith("X") \
            and last < as_of.isoformat()[:len(last)]:
        return fact.with_attrs(past="yes")
    # …and what a source expected on a day ahead of it that is now gone ("Parliament will
    # vote again on Thursday, 19 November", written on 29 October, in a note of the
    # 23rd): cue `day_over` (not "On Tuesday, … stated that … are expected": the day it
    # was said)
    days = [v for v in fact.attr("dates").split("|") if len(v) == 10 and v[0].isdigit()]
    written = [p for d in fact.doc_ids if (p := (published or {}).get(d))]
    if fact.kind == "claim" and fact.attr("modality") == "expected" and days and written \
            and all(v < as_of.isoformat() for v in days) \
            and any(v > max(written).isoformat() for v in days):
        return fact.with_cue("day_over")
    return fact


def _overtaken_by_visit(pool: list[Fact], facts: FactSet, as_of: date) -> list[Fact]:
    """What a source expected of a visit or summit that has since ended — texts to be
    signed, talks to be held, a list of them — is overtaken (cue `visit_over`): written
    before the visit began, with no day of its own after the note's, it is no agenda now."""
    visits = sorted((f for f in pool if f.kind == "event"
                     and f.attr("event") in ("visit", "summit") and len(f.attr("start")) == 10),
                    key=lambda f: -f.corroboration)
    # (the visit the sources tell of most, ended — not a minister's trip before a
    # summit still to come)
    if not visits or not visits[0].attr("past") or visits[0].corroboration < 2 \
            or any(not f.attr("past") for f in visits):
        return pool
    began = visits[0].attr("start")
    published = {d.id: d.published for d in facts.documents}
    out = []
    for f in pool:
        events = set(f.attr("events").split(","))
        # (of the visit itself: "… due to be signed … on the first day of the visit";
        # not "will sign a back-to-back contract with the manufacturer", still to come)
        if f.kind == "claim" and f.attr("modality") == "expected" and (
                {"visit", "summit"} & events and {"signing", "statement", "deal", "talks"} & events
                or {"agenda", "list_item"} & set(f.attr("cues").split(","))) \
                and all(published.get(d) and published[d].isoformat() < began
                        for d in f.doc_ids) \
                and not any(len(v) == 10 and v >= as_of.isoformat()
                            for v in f.attr("dates").split("|")):
            f = f.with_cue("visit_over")
        out.append(f)
    return out


# A sentence that opens on a pronoun leans on the one before it.
_LEANS_BACK = re.compile(r"(?:It|They|He|She|One of them)\b")


def _when(fact: Fact) -> str:
    value = fact.attr("start") or fact.attr("signed_date") or fact.attr("dates").split("|")[0]
    return value.replace("XXXX", "9999")


def _title(facts: FactSet) -> str:
    """The note's title: the event's agreement — or its visit or summit, when the sources
    speak of it far more than of the agreement (a state visit where memoranda may be
    signed) or the agreement is only its background — else the first document's
    headline (a deal no source names)."""
    newest = max((d.published for d in facts.documents if d.published), default=None)
    frames = [f for f in facts.facts if f.kind == "frame"]
    # A text whose signing was put off does not title the note beside one signed then
    # ("the training agreement was not signed after all; the memorandum was").
    signed = any(f.attr("signed_date") for f in frames)
    # …nor a text only recalled ("two years after the two countries signed a CEPA") beside
    # one of now.
    frames.sort(key=lambda f: (bool(f.attr("recalled")), not f.attr("main") or signed and
                               f.attr("status").startswith("signing postponed"),
                               -f.corroboration))
    # (a visit held before one put off or called off that as many sources tell of)
    visits = sorted((f for f in facts.facts if f.kind == "event" and f.attr("places") and (
        f.attr("event") == "visit" and f.attr("people") or f.attr("event") == "summit")),
                    key=lambda f: (-f.corroboration, bool(f.attr("replaced"))))
    told = {d for f in facts.facts if f.kind == "claim"
            and {"visit", "summit"} & set(f.attr("events").split(",")) for d in f.doc_ids}
    # The visit, reported by two sources or more (one may name a side trip), as
    # many as report the agreement — or any coming visit, when one source alone names
    # the agreement ("the memorandum to be signed during the visit").
    if visits and frames and (
            visits[0].corroboration >= 2 and _background(frames[0], newest)
            or len(told) > VISIT_TITLE_RATIO * frames[0].corroboration
            and visits[0].corroboration >= max(2, frames[0].corroboration)
            or frames[0].corroboration == 1 and len(facts.documents) > 2):
        v = visits[0]
        place = format_countries(v.attr("places").split("|")[0])
        when = format_span(v.attr("start"), v.attr("end"))
        if v.attr("replaced"):  # "… visit to Osaka, 16 June 2027 (called off)"
            when += " (called off)" if v.attr("called_off") else " (postponed)"
        if v.attr("event") == "summit":
            summit = v.attr("summit")
            return f"{summit[:1].upper() + summit[1:] if summit else 'Summit'} in {place}, {when}"
        return f"{v.attr('people').split('|')[0]}: visit to {place}, {when}"
    if frames and not frames[0].attr("generic") and not (
            frames[0].corroboration == 1 and len(facts.documents) > 2
            and (frames[0].attr("name") or frames[0].value) == frames[0].attr("acronym")):
        # …not a text no source names beyond its kind ("Memorandum of understanding",
        # one of a visit's three), which says less than the first headline; nor one a
        # single source of several calls by an acronym alone ("the MLA convention")
        f = frames[0]
        acronym = f.attr("acronym")
        name = f.attr("name") or f.value
        return f"{name} ({acronym})" if acronym and acronym not in name else name
    return facts.documents[0].title if facts.documents else "Briefing note"


def _background(frame: Fact, newest: date | None) -> bool:
    """Whether an agreement may be the background of a visit the sources report: every
    date it has was two years or more before the newest source, and no step is under
    way ("the 2019 framework agreement" a state visit builds on). A treaty signed long
    ago and ratified this week has a date of now; one with a step to come has a status.
    (A visit is asked for too: an old treaty terminated or challenged in court is the
    subject of its note however old its dates.)"""
    dates = [frame.attr(k) for k in ("signed_date", "signing_date", "ratified_date",
                                     "failed_date", "in_force_date") if frame.attr(k)]
    return bool(dates) and not frame.attr("status") and not frame.attr("next_step") \
        and recalled(dates, newest)


# A visit titles the note when half as many again sources speak of it as of the
# event's agreement.
VISIT_TITLE_RATIO = 1.5


def number_sources(sections: tuple[Section, ...], facts: FactSet
                   ) -> tuple[tuple[Section, ...], tuple[Source, ...]]:
    """Number documents in order of first citation and fill items' citations.

    Item texts keep their [[src:…]] markers; `resolve_citations` turns them into
    numbers when the note is written, so renumbering after a trim stays right.
    """
    documents = {d.id: d for d in facts.documents}
    numbers: dict[str, int] = {}

    def number(doc_id: str) -> int:
        if doc_id not in numbers:
            numbers[doc_id] = len(numbers) + 1
        return numbers[doc_id]

    out = []
    for section in sections:
        items = []
        for item in section.items:
            cited = [number(d) for f in item.facts for d in f.doc_ids if d in documents]
            # Sources named inside the text (a conflict's sides) count as cited too.
            for m in CITE.finditer(item.text):
                cited += [number(d) for d in m.group(1).split(",") if d in documents]
            items.append(replace(item, citations=tuple(sorted(set(cited)))))
        out.append(Section(section.name, tuple(items)))
    sources = tuple(Source(n, documents[d]) for d, n in sorted(numbers.items(),
                                                                 key=lambda kv: kv[1]))
    return tuple(out), sources


def resolve_citations(text: str, sources: tuple[Source, ...]) -> str:
    """Replace [[src:doc,…]] markers with "source 2" / "sources 1, 3"."""
    numbers = {s.document.id: s.number for s in sources}

    def inline(m) -> str:
        nums = sorted({numbers[d] for d in m.group(1).split(",") if d in numbers})
        return f"{'source' if len(nums) == 1 else 'sources'} {', '.join(map(str, nums))}"

    return CITE.sub(inline, text)
