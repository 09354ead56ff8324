"""Extract: each `Document` → typed `Fact`s, every one with its evidence span.

Per sentence it finds time expressions, figures, people, bodies, places, agreements,
quotes, and the claim the sentence makes (its events, tense and modality). The
knowledge is in rules/facts.yaml and rules/gazetteer.yaml; this module only applies it.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from contextlib import contextmanager
from datetime import date
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from briefing.cues import Lexicon, load_lexicon
from briefing.entities import (CONCLUDED_AT, Mention, find_agreements, find_bodies,
                               find_people, find_places, find_quotes)
from briefing.figures import find_figures, format_amount
from briefing.ingest import title_case
from briefing.models import Diagnostic, Document, Evidence, Fact, Sentence, Timex, recalled
from briefing.timex import tag

# "NAIROBI, March 3 (Reuters) - ", and the agency's tag alone: "Lima, Sept 13 (Andina) ".
_LINE_START = re.compile(r"^", re.MULTILINE)
# The place in any script ("BOGOTÁ, 2 October 2026 — ").
_DATELINE = re.compile(r"[^\W\d_a-z](?:[^\W\d_]|[ .'’-]){1,40},\s[^\n]{0,40}?(?:\s[-–—:]\s"
                       r"|\s\([A-Z][A-Za-z .]{1,20}\)\s)")


@dataclass(frozen=True)
class Extraction:
    """Facts per document, in document order, and what extraction noticed."""

    facts: tuple[Fact, ...]
    diagnostics: tuple[Diagnostic, ...] = ()


def extract(documents: tuple[Document, ...], rules_dir: Path) -> Extraction:
    """Read the facts of every document."""
    lex = load_lexicon(rules_dir)
    facts: list[Fact] = []
    with collector_paused() as sweep:
        for doc in documents:
            facts.extend(extract_document(doc, lex))
            sweep()
    return Extraction(tuple(facts))


@contextmanager
def collector_paused():
    """Run the block without the collector's full passes; yield a sweep of the youngest
    objects, to call after each document (its few cycles go, the facts kept stay).
    Consolidation runs under it too.

    Extraction allocates many small objects and frees them by reference counting (facts
    hold no cycles), but the full collections it triggered walked every fact already
    kept: 10,000 articles took 11–12 × what 1,000 take instead of 10 ×.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield (lambda: gc.collect(0)) if was_on else (lambda: 0)
    finally:
        if was_on:
            gc.enable()


def extract_document(doc: Document, lex: Lexicon) -> list[Fact]:
    """The facts of one document; claims link to the agreement the article is about."""
    timexes = tag(doc.text, doc.published)
    # A dateline's date ("VILNIUS, June 5 - …") says when the article was written, not
    # when anything in its first sentence happened.
    # It opens the text or a line near its top (under a masthead or a headline).
    dateline = next(filter(None, (_DATELINE.match(doc.text, m.start())
                                  for m in _LINE_START.finditer(doc.text, 0, 400))), None)
    if dateline:
        timexes = [t for t in timexes
                   if not dateline.start() <= t.start < dateline.end()]
    # Each sentence is given the expressions that start inside it (they are in order):
    # filtering all of them for every sentence grew with the square of a long text.
    starts = [t.start for t in timexes]
    # (each sentence knows the acts the one before told of: "The hearing … did not take
    # place. The Committee has rescheduled it to Thursday, 26 November.")
    told: list[list[Fact]] = []
    for s in doc.sentences:
        before = next((f.items("events") for f in (told[-1] if told else ())
                       if f.kind == "claim"), ())
        told.append(_sentence_facts(doc, s, lex, timexes[bisect_left(starts, s.start):
                                                         bisect_left(starts, s.end)], before))
    per_sentence = _local_currencies(told, lex)
    # "the EDCF arrangement" where the article spells EDCF out as a body's ("Economic
    # Development Cooperation Fund (EDCF)"): that body's arrangement, no agreement's name.
    bodies = {m.group(2) for m in _ACRONYM_OF.finditer(doc.text)
              if m.group(1).lower() in lex.organisation_words}
    if bodies:
        per_sentence = [[f.with_attrs(agreement="") if f.kind == "claim"
                         and f.attr("agreement") in bodies else f for f in fs
                         if not (f.kind == "agreement" and f.key in bodies)]
                        for fs in per_sentence]
    # What an article is about is not what its background recalls ("already has a
    # trade deal with Chile, in force since 2014"; "a year after the two sides signed a
    # Framework Agreement that entered into force in October 2022", written in 2028).
    agreements = [f for fs in per_sentence for f in fs if f.kind == "agreement"
                  and not any("background" in c.attr("cues").split(",")
                              for c in fs if c.kind == "claim")
                  and not recalled(_days(fs), doc.published) and not _member_of(doc, f)
                  and not _cited_as_law(doc, f)
                  and not _old_by_name(f, doc, _tells_an_act(fs))]
    headline = _headline_agreements(doc, lex)
    main = _main_agreement(headline) or _main_agreement(agreements)
    acronyms = {f.key for f in agreements if f.attr("acronym")}
    # Once named, an agreement is often called by its acronym alone ("XYZ was signed").
    bare = re.compile(r"\b(" + "|".join(map(re.escape, sorted(acronyms))) + r")\b",
                      re.IGNORECASE) if acronyms else None
    as_written = per_sentence  # an item's own claim, before its list's lead replaces it
    per_sentence = _inherit_list_lead(doc.text, doc.sentences, per_sentence, doc.published)
    # "The pact" in an article naming none may be the event's agreement — unless the
    # article is about several ("signed seven memoranda").
    several = lex.agreement_plural.search(doc.text) is not None
    kinds = {f.key: f.attr("kind") for f in agreements + headline}
    names: dict[str, set[str]] = defaultdict(set)  # key → the words of its names
    for f in agreements + headline:
        names[f.key] |= set(agreement_key(f.value, "").split())
    # A chamber's name that is a government's in a country the article names, and of no
    # chamber there, is that government ("the Federal Council" in an article on
    # Switzerland, not Austria's or Germany's upper house): gazetteer `executives`.
    named_countries = {f.attr("country") for fs in per_sentence for f in fs
                       if f.kind == "place" and f.attr("country")}
    foreign = {f.value for fs in per_sentence for f in fs if f.kind == "organisation"
               and f.attr("chamber") and any(
                   f"executive:{c}" in (homes := lex.chamber_homes.get(f.value, frozenset()))
                   for c in named_countries) and not homes & named_countries}
    out: list[Fact] = list(headline)
    recalling = False  # the sentence before brought in a text of long ago
    told_long_ago = False  # the sentence before told of long ago only
    previous_end = 0
    for sentence, facts, written in zip(doc.sentences, per_sentence, as_written):
        named = [f for f in facts if f.kind == "agreement"]
        by_acronym = bare.search(sentence.text) if bare else None
        # "the pact", "signed it": asked only of a sentence naming no agreement
        pointing = not named and not by_acronym and lex.anaphora.search(sentence.text)
        # "formalised it in a framework agreement signed in 1998": an indefinite article
        # in a sentence of long ago brings in another text — background, not this one.
        # So is a named one ("In November 2019 … signed a Memorandum of Understanding
        # on Electricity Interconnection"): the event's own is not introduced anew.
        # And "the treaty entered into force on 1 February 2017" soon after it (no
        # sentence of these days between) is that text still. A sentence with no date
        # of its own in the paragraph of one of long ago is of then too ("- August
        # 2025: the President visited Japan. … a memorandum … was signed").
        own_days = _days(facts)
        # "notified the UK of its decision to terminate the Agreement … signed in 1999":
        # a text of long ago, ended now — the news, not its history (an end the sentence
        # dates long ago is history still)
        ended_now = any(f.kind == "claim" and f.attr("modality") != "possible" and any(
            e in STOPS and not (f.attr(f"date_{e}") and recalled(
                [f.attr(f"date_{e}")], doc.published))
            for e in f.attr("events").split(",")) for f in facts)
        long_ago = recalled(own_days, doc.published) and not ended_now
        then = long_ago or not own_days and told_long_ago and \
            "\n" not in doc.text[previous_end:sentence.start]
        other = then and (bool(pointing or named) and _introduced(lex).search(
            sentence.text) is not None or bool(pointing) and recalling)
        recalling = other or recalling and (long_ago or not own_days)
        told_long_ago, previous_end = then, sentence.end
        if other:
            pointing = None
        # A signing of long ago naming no text ("has signed hydrogen agreements with
        # several partners, including the 2022 partnership with the EU"; "the
        # Colombia-Spain treaty was signed in 2005" may be the article's own), or naming
        # another than the article's ("concurred in the Treaty on … with Uruguay, signed
        # in Montevideo in 2025"), is background too.
        history = long_ago and not other and not pointing and not by_acronym and (
            bool(main) and named and all(f.key != main for f in named)
            or not named and not lex.agreement_head.search(sentence.text))
        kind = pointed_kind(pointing.group(), lex) if pointing else ""
        # "the memorandum" is no free trade agreement the article names in passing; nor
        # is "the extradition treaty", under a headline about one, the treaty on legal
        # assistance it names
        # "It amends the Convention signed at Accra on 12th June, 2015": of a protocol
        # amending a text, that text's kind points at the text amended, no other
        amended = bool(main and kind and kind != kinds.get(main) and "amending" in names[main])
        fits = not main or fits_kind(kind, kinds.get(main, ""), lex.strict_kinds) and not (
            pointing and _described_otherwise(pointing.group(), doc.title, names[main], lex)
            or amended)
        in_force = any(f.kind == "claim" and "entry_into_force" in f.attr("events").split(",")
                       for f in written)
        signed_then = any(f.kind == "claim" and not _SIGNED.isdisjoint(
            f.attr("events").split(",")) for f in written)
        acted = _tells_an_act(facts)
        refers = named[0].key if named else by_acronym.group(1).upper() if by_acronym else (
            main if main and pointing and fits else "")
        for f in facts:
            if f.kind == "claim" and foreign and set(f.items("legislatures")) & foreign:
                f = f.with_attrs(legislatures="|".join(
                    b for b in f.items("legislatures") if b not in foreign))
            if f.kind == "claim" and (
                    other or history and not _SIGNED.isdisjoint(f.attr("events").split(","))):
                f = f.with_cue("background")
            elif f.kind == "claim" and long_ago and (
                    named and refers != main or not (named or by_acronym or pointing)) and recalled(
                    [v for k in ("date_signing", "date_agreement_reached")
                     if (v := f.attr(k))], doc.published):
                # "The Japan–Thailand Economic Partnership Agreement was signed in April
                # 2007": another text's signing of long ago, told, but not as news (the
                # article's own text's, a treaty now before a court, is what it is about)
                f = f.with_cue("long_ago")
            elif f.kind == "agreement" and (other or long_ago and f.key != main and (
                    in_force or signed_then) or _member_of(doc, f) or _cited_as_law(doc, f)
                    or _old_by_name(f, doc, acted)):
                # its name is no variant of the event's; nor is a text in force for years
                # ("the EU–Việt Nam FTA, which took effect on August 1, 2020"), or one
                # signed then ("in June 2025, when … signed the Road Improvement Loan
                # Agreement"), what the event is about
                f = f.with_attrs(recalled="yes")
            if f.kind == "claim" and refers:
                f = f.with_attrs(agreement=refers)
            elif f.kind == "claim" and pointing and (not main or not fits) and not several \
                    and not amended:
                # "the pact" in an article that never names one: the event's agreement,
                # which consolidation knows from the other articles.
                # …and the words each phrase describes its text by ("a consular
                # agreement … a visa protocol": consular|visa), the one nearest a
                # signing put off first ("sign only the consular agreement, with the
                # visa protocol put off")
                put_off = [m.start() for name, m in lex.cues.find(sentence.text)
                           if name == "rescheduled"]
                phrases = sorted((m for m in lex.anaphora.finditer(sentence.text)),
                                 key=lambda m: min((abs(m.start() - p) for p in put_off),
                                                   default=0))
                f = f.with_attrs(refers_back="yes", refers_kind=kind, refers_words="|".join(
                    " ".join(ws) for m in phrases if (ws := describing_words(m.group(), lex))))
            out.append(f)
    return out


def _signs_others(text: str, cue: re.Match, lex: Lexicon) -> bool:
    """Whether a signing cue tells of texts in the plural just before it, set off by a
    comma ("trade pacts with the European Union, signed in December 2023")."""
    m = _SIGNED_AFTER_COMMA.match(text, cue.start())
    if not m:
        return False
    before = text[max(0, cue.start() - 70):cue.start()]
    plural = list(lex.agreement_plural.finditer(before))
    return bool(plural) and not lex.agreement_head.search(before, plural[-1].end())


_SIGNED_AFTER_COMMA = re.compile(r"(?<=,\s)signed\b")


def _tally_by(text: str, mentions: list[Mention], lex: Lexicon) -> str:
    """In a sentence naming two chambers or more, the one a recorded vote is of: the
    last named before it ("its Senate passed the law, and the Jogorku Kenesh ratified
    the deal on Nov. 12 by a vote of 71-8": the Jogorku Kenesh's). "" otherwise."""
    chambers = [m for m in mentions if m.kind == "organisation" and dict(m.attrs).get("chamber")]
    if len({m.name for m in chambers}) < 2:
        return ""
    count = lex.phrases.first("tally", text)
    before = [m for m in chambers if count and m.end <= count.start()]
    return before[-1].name if before else ""


def _trader(text: str, end: int, lex: Lexicon) -> str:
    """Whose exports (or imports) a figure counts: the country of the last nationality
    word or possessive before it ("Indonesian shipments … $310 million", "Indonesia's
    shipments …", "Egyptian exports of tiles … USD 96 million"): one country's exports are
    no other's. "" when none is named."""
    found = [(lex.places[n], text[b:b + 2]) for _, b, n in lex.place_names.finditer(text[:end])]
    return next((p.country for p, after in reversed(found)
                 if p.kind == "demonym" or after in ("'s", "’s")), "")


def _between(text: str, end: int, lex: Lexicon) -> str:
    """The countries a figure is between, by the last "between" before it in its
    sentence ("trade between Kyrgyzstan and Uzbekistan … 1.6 billion US dollars, between
    Kyrgyzstan and Kazakhstan – about 1.7 billion"): two sums of trade between two other
    pairs of countries are no disagreement. "" when that names no two countries."""
    at = text.rfind("between ", 0, end)
    if at < 0:
        return ""
    segment = text[at:end]
    # "between [the] X and [the] Y", each a place: not "between US$480 million and …"
    found = [(a, b, lex.places[n]) for a, b, n in lex.place_names.finditer(segment)]
    pair = next(((p, q) for (a1, b1, p), (a2, _, q) in zip(found, found[1:])
                 if _BETWEEN_FIRST.fullmatch(segment, 0, a1)
                 and _BETWEEN_AND.fullmatch(segment, b1, a2)), None)
    if not pair or "feature" in (pair[0].kind, pair[1].kind) or \
            pair[0].country == pair[1].country:
        return ""
    return "|".join(sorted((pair[0].country, pair[1].country)))


_BETWEEN_FIRST = re.compile(r"between\s+(?:the\s+)?")
_BETWEEN_AND = re.compile(r"\s+and\s+(?:the\s+)?")


def _described_otherwise(words: str, title: str, named: set[str], lex: Lexicon) -> bool:
    """Whether a phrase pointing at an agreement ("the extradition treaty") describes
    it by words the names of the article's agreement (their words, `named`) lack, one
    of them describing an agreement in the headline too ("… as extradition treaty
    clears Parliament"). A word of the name among them ("a military access agreement"
    for the Reciprocal Access Agreement) makes it that agreement."""
    described = describing_words(words, lex)
    return bool(described) and not set(described) & named and any(
        re.search(rf"\b{w}\w*\s+{lex.agreement_head.pattern}", title, re.IGNORECASE)
        for w in described)


def describing_words(words: str, lex: Lexicon) -> list[str]:
    """The words a phrase pointing at an agreement describes it by, as agreement keys
    write them ("the consular agreement" → ["consular"]); the words just before the
    kind only ("the ratification of the Treaty" describes none)."""
    head = lex.agreement_head.search(words)
    if not head:
        return []
    before = re.split(r"\b(?:the|a|an|of|this|that|its|their)\b", words[:head.start()],
                      flags=re.IGNORECASE)[-1]
    return [w for w in agreement_key(before, "").split() if len(w) >= 4]


def pointed_kind(words: str, lex: Lexicon) -> str:
    """The kind of agreement a referring phrase names ("the memorandum" → memorandum;
    "the partnership", a strict kind's own word), or "" ("the pact", "signed it")."""
    head = lex.agreement_head.findall(words)
    if not head:
        last = words.rsplit(None, 1)[-1].lower() if words.strip() else ""
        return last if last in lex.strict_kinds else ""
    return lex.agreement_kinds.get(head[-1].lower(), "")


def fits_kind(pointed: str, kind: str, strict: frozenset[str]) -> bool:
    """Whether a phrase pointing at a `pointed` kind of text may mean an agreement of
    `kind`: a strict kind (facts.yaml `strict_kinds`: "the memorandum") only that kind;
    any other word may be loose ("the deal" for a treaty, "the treaty" for a convention)."""
    return pointed not in strict or kind == pointed


_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_RANGE_DASH = re.compile(r"\s?[–-]\s?")
_RANGE_TO = re.compile(r"\s+(?:to|until|till|through)\s+")
# The events of a text's making: told of long ago, they are the background's.
_SIGNED = frozenset({"signing", "agreement_reached"})
# The acts on a text after its signing, and all the acts a sentence may tell of one.
# The acts that stop a text, in the order a note names them when several are told.
STOPS = ("suspension", "termination", "withdrawal")
ACTS_AFTER_SIGNING = frozenset({"ratification", "approval", "accession", "entry_into_force",
                                "termination", "suspension", "vote", "submission", "exchange"})
_ACTS = _SIGNED | ACTS_AFTER_SIGNING

_CONVERSION = re.compile(r"\s*\((?:about|around|some|roughly|approximately|or|c\.|~)?\s*")

# A rate's unit just after its sum ("$4.50 a tonne", "per truck"), not a time's ("$2
# billion a year" is a level).
_PER = re.compile(r"\s+(?:a|an|per|each)\s+(?:\d+[- ]?(?:foot|feet|ft)\s+)?"  # "per 40-foot container"
                  r"(?!(?:year|month|week|day|quarter|annum|side|party)s?\b)(?P<per>[a-z]+)\b", re.IGNORECASE)
_RANGE = re.compile(r"\d\s?[–-]\s?\D{0,3}\d")
# "could rise by US$2.5 billion", "could add $2.5 billion", "an increase of 12%": a
# change, not the level
_CHANGE = re.compile(r"\b(?:by|add|adds|added|adding)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+|"
                     r"more\s+than\s+|up\s+to\s+)?$|\b(?:rise|increase|growth|drop|fall|decline|"
                     r"boost|gain)s?\s+of\s+$", re.IGNORECASE)
# "six other documents", "two more vessels": some of a count, not the count
_SOME_MORE = re.compile(r"\b(?:other|more|additional|remaining|further)\b", re.IGNORECASE)


@lru_cache(maxsize=4)
def _introduced(lex: Lexicon) -> re.Pattern:
    """An agreement brought in with an indefinite article ("a framework agreement")."""
    return re.compile(r"\b(?:a|an)\s(?:[\w-]+\s){0,3}?" + lex.agreement_head.pattern,
                      re.IGNORECASE)


_LIST_ITEM = re.compile(r"(?:\d{1,2}[.)]|[-•*–])\s+")
_NUMBERED_PARAGRAPH = re.compile(r"\d{1,2}\.\s+(?:\S+\s+){20}")
def _ahead(facts: list[Fact], published: date | None) -> bool:
    """Whether the claim among `facts` gives a day after `published`."""
    return published is not None and any(
        _DAY.fullmatch(v) and v > published.isoformat()
        for f in facts if f.kind == "claim" for v in f.items("dates"))


_DATED_ITEM = re.compile(r"[-•*–]\s+(?:\*\*)?(?:\d{1,2}(?:\s?[-–]\s?\d{1,2})?\s+[A-Z][a-z]{2,8}\.?"
                         r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:\s?[-–]\s?\d{1,2})?)\b"
                         r"(?:,?\s+\d{4})?(?:\*\*)?\s*[:—–-]")
# A line of words between two sentences: a heading (a dateline, with its digits, is not).
_HEADING_BETWEEN = re.compile(r"^[^\d\n]*[^\W\d][^\d\n]*$", re.MULTILINE)
# (a colon of words, not of a time: "at 00:00 on Monday" leads no list)
_LEAD_COLON = re.compile(r"(?<!\d):(?!\d)")
_ITEM_EVENTS = ("signing", "agreement_reached", "deal", "statement")


# A lead whose items are what its actors did: "the two leaders:", "the ministers:".
_ACTORS_LEAD = re.compile(r"\b(?:leaders|sides|parties|presidents|ministers|delegations|"
                          r"heads of (?:state|government))\s*:\s*$", re.IGNORECASE)


def _inherit_list_lead(text: str, sentences, per_sentence: list[list[Fact]],
                       published: date | None = None) -> list[list[Fact]]:
    """Items of a list ("1. Agreement on …") say what they are through the sentence
    that leads into the list ("…signed the following agreements:"): each item becomes
    a claim with the lead's events, modality and tense, and the cue "list_item"."""
    out = []
    lead: Fact | None = None
    actors = False  # the lead names who did what its items say ("the two leaders:")
    last_end = 0
    for sentence, facts in zip(sentences, per_sentence):
        if _HEADING_BETWEEN.search(text, last_end, sentence.start):
            lead, actors = None, False  # a heading between ("## Context"): not the lead's
        last_end = sentence.end
        if not _LIST_ITEM.match(sentence.text):
            # A lead introduces its list ("…signed the following agreements:", "List
            # of Outcomes: …") or heads it on a line of its own ("DOCUMENTS TO BE
            # SIGNED"); a sentence going on inside an item ("- August 2025: … A
            # memorandum was signed …") or a paragraph leads no next item.
            leads = _LEAD_COLON.search(sentence.text) is not None \
                or text[sentence.start - 1:sentence.start] in ("", "\n") \
                and text[sentence.end:sentence.end + 1] in ("", "\n") \
                and not sentence.text.rstrip().endswith((".", "!", "?"))
            lead = next((f for f in facts if f.kind == "claim"), None) if leads else None
            actors = leads and _ACTORS_LEAD.search(sentence.text) is not None
            out.append(facts)
            continue
        # An item is one of the texts the lead speaks of: it takes the lead's signing
        # (or agreeing), not its visit or its dates. A release's numbered paragraph,
        # under no lead, says its own ("1. At the invitation of …, the Prime Minister of
        # Mongolia will pay an official visit … from 19 to 20 April 2027.").
        events = [e for e in lead.attr("events").split(",") if e in _ITEM_EVENTS] \
            if lead is not None else []
        if not events and (_NUMBERED_PARAGRAPH.match(sentence.text) or actors
                           or _DATED_ITEM.match(sentence.text) and _ahead(facts, published)
                           # (…nor an item under no lead that moves an event: "- The …
                           # committee debate, announced for 26 November, has been moved
                           # to Wednesday 2 December")
                           or lead is None and any(
                               f.kind == "claim" and "rescheduled" in f.attr("cues").split(",")
                               for f in facts)):
            # …nor does an item of what the actors a lead names did ("During the call,
            # the two leaders:" / "- agreed to work towards a trade agreement …;"), nor
            # a diary's dated item of days to come under a heading ("What's next" / "- 9
            # Dec: AfDB loan signing in Abidjan")
            out.append(facts)
            continue
        facts = [f for f in facts if f.kind != "claim"]
        if events:
            e = Evidence(lead.evidence[0].doc_id, sentence.start, sentence.end, sentence.text)
            facts.append(Fact("claim", sentence.text, f"item {sentence.text.lower()}",
                              sentence.text, (e,), _attrs(
                                  events=",".join(events), modality=lead.attr("modality"),
                                  tense=lead.attr("tense"), cues="list_item")))
        out.append(facts)
    return out


def _headline_agreements(doc: Document, lex: Lexicon) -> list[Fact]:
    """Agreements the headline names ("Chile–Korea FTA: what changes for exporters"):
    what the article is about, though its sentences may say only "the agreement".

    The headline is the title and the heading lines above the first sentence; a line
    in capitals or in title case ("Senate Ratifies Border Treaty") is passed over,
    since there a name cannot be told from the words around it.
    """
    first = doc.sentences[0].start if doc.sentences else len(doc.text)
    # (offset of the line in the text, or None for a title the text no longer holds)
    lines = [(None, doc.title)] + [(m.start(), m.group())
                                   for m in re.finditer(r"[^\n]+", doc.text[:first])]
    out: list[Fact] = []
    seen: set[str] = set()
    for at, line in lines:
        if at is not None:
            at += len(line) - len(line.lstrip())
        line = line.strip()
        if line in seen or line.isupper() or title_case(line, share=0.8) \
                or not lex.agreement_head.search(line):
            continue
        seen.add(line)
        for m in find_agreements(line, lex):
            key = agreement_key(m.name, dict(m.attrs).get("acronym", ""))
            # Evidence: the name's span in the headline line, or (0, 0) with the title.
            span = (at + m.start, at + m.end) if at is not None else (0, 0)
            out.append(Fact("agreement", m.text, key, m.name,
                            (Evidence(doc.id, *span, line),), m.attrs))
    return out


def _main_agreement(agreements: list[Fact]) -> str:
    """The agreement an article is about: the one it names most often."""
    counts: dict[str, int] = {}
    for f in agreements:
        counts[f.key] = counts.get(f.key, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else ""


def _attrs(**kw) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, str(v)) for k, v in kw.items() if v not in ("", None)))


_PAIR = re.compile(r"[A-Z][^\W\d_]*(?:[–-][A-Z][^\W\d_]*)+")


def agreement_key(name: str, acronym: str) -> str:
    """One key for an agreement however it is written: its acronym, else its name.

    Plural and singular word forms ("Logistic"/"Logistics") and American and British
    spellings ("Defense"/"Defence") collapse, so two names for one agreement land on one
    key when no acronym links them; so do the two orders of a pair of parties
    ("Chile–Korea FTA", "Korea–Chile FTA").
    """
    if acronym:
        return acronym.upper()
    name = _PAIR.sub(lambda m: " ".join(sorted(re.split(r"[–-]", m.group()))), name)
    words = [_SPELLING.get(w, w) for w in re.findall(r"[a-z]+", name.lower())]
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words)


# American and British spellings of one word ("Agreement on Defense Cooperation",
# "… Defence Cooperation"): one name.
_SPELLING = {"defense": "defence", "labor": "labour", "program": "programme",
             "organization": "organisation", "harmonization": "harmonisation",
             "center": "centre", "authorization": "authorisation"}


def _sentence_facts(doc: Document, s: Sentence, lex: Lexicon,
                    timexes: list[Timex], before: tuple[str, ...] = ()) -> list[Fact]:
    text = s.text

    def ev(start: int, end: int) -> tuple[Evidence, ...]:
        return (Evidence(doc.id, s.start + start, s.start + end, text),)

    facts: list[Fact] = []
    inside = _join_parts([t for t in timexes if s.start <= t.start and t.end <= s.end],
                         doc.text)
    for t in inside:
        facts.append(Fact("timex", t.text, t.value, t.value,
                          (Evidence(doc.id, t.start, t.end, text),), _attrs(type=t.type)))
    cues = lex.cues.classes(text)
    disputed = "dispute" in cues
    figures = find_figures(text, lex)
    # "$4.50 a tonne", "US$35 per truck": a rate, not a sum — compared with rates of the
    # same thing only, and no part of a larger sum beside it.
    per = {id(f): m.group("per").lower() if m else ""
           for f in figures for m in [_PER.match(text, f.end)]}
    for f in figures:
        value = f"{f.amount.normalize():f} {f.unit}"
        if per[id(f)]:
            value += f" per {per[id(f)]}"
        # "€420 million over ten years, including €180 million in the first five": a
        # smaller sum beside a larger one of its kind is a part of it, or a figure of
        # another time, which the sentence tells apart: it is not compared.
        part = not per[id(f)] and any(g.unit == f.unit and g.measure == f.measure
                                      and g.amount > f.amount and not per[id(g)]
                                      for g in figures)
        # "NZ$1.9 billion ($1.15 billion)", "TRY 6.4 billion (about US$153 million)": the
        # same sum in another currency — compared with sums given as such, not with
        # another conversion (two exchange rates are no disagreement).
        converted = any(g.end <= f.start and _CONVERSION.fullmatch(text, g.end, f.start)
                        for g in figures)
        if disputed:
            # A source questioning a figure does not corroborate it: keyed apart.
            value += " disputed"
        ranged = _RANGE.search(f.text) is not None
        if ranged:
            value += " range"  # "€2.3–2.8 billion" is not "€2.3 billion"
        # Keyed by amount and unit only: two sources calling one loan a "deal" and "aid"
        # still report one figure (its measure is then the majority's).
        facts.append(Fact("figure", f.text, value, value, ev(f.start, f.end),
                          _attrs(measure=f.measure, unit=f.unit, disputed="yes" if disputed else "",
                                 converted="yes" if converted else "",
                                 compared="yes" if not ranged and not part
                                 and not _SOME_MORE.search(f.text)
                                 and not _CHANGE.search(text, 0, f.start) and (
                                     f.measure in lex.compared_measures
                                     or per[id(f)] and f.unit != "%"  # a rate: "$1,150 per container"
                                     or f.measure in lex.terms.names
                                     or f.unit in lex.compared_counts) else "",
                                 # a range ("€400–450 million") and people ("52,000
                                 # Filipino nationals") as written
                                 display=f.text if ranged or f.measure in ("people", "quota")
                                 else _display(f.amount, f.unit, per[id(f)], lex),
                                 per=per[id(f)], between=_between(text, f.start, lex),
                                 trader=_trader(text, f.start, lex)
                                 if f.measure in ("exports", "imports") else "",
                                 year=_past_year(inside, doc, s.start + f.start))))
    people = find_people(text, lex)
    # (a city that begins a person's name is no place: "Milan Radonjić")
    places = [p for p in find_places(text, lex) if not (
        dict(p.attrs).get("type") == "city"
        and any(m.start <= p.start < m.end and m.name.startswith(p.text) for m in people))]
    mentions: list[Mention] = (people + find_bodies(text, lex, places)
                               + places + find_agreements(text, lex)
                               + find_quotes(text, lex))
    for m in mentions:
        key = m.name
        if m.kind == "agreement":
            key = agreement_key(m.name, dict(m.attrs).get("acronym", ""))
        elif m.kind == "quote":
            key = " ".join(re.findall(r"\w+", m.name.lower()))
        facts.append(Fact(m.kind, m.text, key, m.name, ev(m.start, m.end), m.attrs))
    claim = _claim(doc, s, lex, inside, mentions, cues, before)
    if claim:
        facts.append(claim)
    return facts


def _days(facts: list[Fact]) -> list[str]:
    """The dates (ISO values) a sentence's facts tag."""
    return [f.value for f in facts if f.kind == "timex" and f.attr("type") == "DATE"]


def _local_currencies(per_sentence: list[list[Fact]], lex: Lexicon) -> list[list[Fact]]:
    """Sums in a currency word several countries share ("1.4 billion rupees") are in
    the currency of the country the article names most among them (facts.yaml
    `shared_currencies`): Sri Lankan rupees in a story on Sri Lanka."""
    figures = [f for fs in per_sentence for f in fs if f.kind == "figure"]
    if not figures:
        return per_sentence
    named = Counter(f.attr("country") for fs in per_sentence for f in fs
                    if f.kind == "place" and f.attr("country"))
    changed: dict[int, Fact] = {}
    for f in figures:
        for word, homes in lex.shared_currencies:
            if f.attr("unit") != homes[0][1] or not word.search(f.text) or \
                    re.search(r"[A-Z]{3}|[^\w\s.,–-]", f.text):  # a code or a sign says
                continue
            country, code = max(homes, key=lambda h: named[h[0]])  # ties: the first
            if code != f.attr("unit") and named[country] > named[homes[0][0]]:
                changed[id(f)] = _in_currency(f, code, lex)
            break
    return [[changed.get(id(f), f) for f in fs] for fs in per_sentence] if changed \
        else per_sentence


def _display(amount: Decimal, unit: str, per: str, lex: Lexicon) -> str:
    """A figure as the note shows it: "$5.4 billion", a rate "$4.50 per tonne"."""
    return format_amount(amount, unit, lex) + (f" per {per}" if per else "")


def _in_currency(figure: Fact, code: str, lex: Lexicon) -> Fact:
    """A figure fact with its sum in currency `code`."""
    old = figure.attr("unit")
    value = figure.value.replace(f" {old}", f" {code}", 1)
    display = figure.attr("display")
    if display != figure.text:
        display = _display(Decimal(value.split()[0]), code, figure.attr("per"), lex)
    return Fact(figure.kind, figure.text, value, value, figure.evidence, tuple(sorted(
        {**dict(figure.attrs), "unit": code, "display": display}.items())))


# A year a figure is compared with ("an increase of 7.4% compared to the previous year",
# "up from 2019"): the base of a change, not when the figure was.
_BASE_BEFORE = re.compile(r"\b(?:compared\s+(?:to|with)|from|than|over|versus|vs\.?)\s+"
                          r"(?:in\s+)?$", re.IGNORECASE)


_BASE_BETWEEN = re.compile(r"\b(?:from|than|compared\s+(?:to|with)|versus|vs\.?)\s",
                           re.IGNORECASE)


# A body's name spelt out before its acronym: its last word, and the acronym.
_ACRONYM_OF = re.compile(r"\b([A-Z][a-z]+)\s+\(([A-Z]{2,8})\)")


def _past_year(timexes: list[Timex], doc: Document, at: int) -> str:
    """The year written near a figure (at offset `at`) when that is two or more years
    before the article ("a $66 billion contract lost in 2021"): a figure from then is
    history. Years far from the figure date something else in the sentence."""
    if doc.published is None:
        return ""
    years = [int(t.value[:4]) for t in timexes if t.type == "DATE" and t.value[:4].isdigit()
             and abs(t.start - at) <= 60
             and not _BASE_BEFORE.search(doc.text, max(0, t.start - 30), t.start)
             # (nor one after the base the figure is set against: "28 weekly
             # frequencies, up from seven under a 2011 memorandum")
             and not (t.start > at and _BASE_BETWEEN.search(doc.text, at, t.start))]
    old = [y for y in years if y <= doc.published.year - 2]
    return str(max(old)) if old and len(old) == len(years) else ""


def _join_parts(timexes: list[Timex], text: str) -> list[Timex]:
    """"the second half" + "of" + "next year" → the second half of that year: the
    tagger tags the two apart (as TimeBank does); the claim needs the one date."""
    out = list(timexes)
    for i, (part, year) in enumerate(zip(timexes, timexes[1:])):
        if (re.fullmatch(r"\d{4}-(?:H[12]|Q[1-4]|\d\d)", part.value)
                and re.fullmatch(r"\d{4}", year.value)
                and re.fullmatch(r"\s+of\s+", text[part.end:year.start])):
            out[i] = Timex(part.start, year.end, text[part.start:year.end], part.type,
                           year.value + part.value[4:])
            out[i + 1] = None
    return [t for t in out if t is not None]


def _row_as_sentence(text: str) -> str:
    """A table's row read as a sentence: "| 8–10 Dec | Verhoeven visit to Ecuador |" →
    "8–10 Dec: Verhoeven visit to Ecuador" (other text as it is)."""
    if not text.startswith("|"):
        return text
    cells = [c.strip() for c in text.strip().strip("|").split("|") if c.strip()]
    return ": ".join(cells[:2]) + "".join("; " + c for c in cells[2:]) if cells else text


def _claim(doc: Document, s: Sentence, lex: Lexicon, timexes: list[Timex],
           mentions: list[Mention], cues: tuple[str, ...],
           before: tuple[str, ...] = ()) -> Fact | None:
    """The sentence as a claim: its events, cue classes (`cues`), modality and tense
    (None when it has neither an event nor a cue); `before`: the events of the sentence
    before, which "it" in a move may be."""
    if _ASKED.search(s.text):
        return None  # "Question: When will the agreement take effect?" tells nothing
    found = lex.events.find(s.text)  # once: the classes and where each cue stands
    moved_it = _MOVED_IT.search(s.text) if not found and before and "rescheduled" in cues \
        else None
    if moved_it:
        # "The Committee has rescheduled it to Thursday, 26 November": the act the
        # sentence before told of, moved
        act = next((e for e in before if e not in lex.topic_events), "")
        found = [(act, _PRONOUN.search(s.text, moved_it.start(1)))] if act else []
    # "The Malaysia deal follows Kenya's trade pacts with the European Union, signed in
    # December 2023, …": that signing is of the other texts the sentence lists.
    found = [(e, m) for e, m in found if not (e == "signing" and _signs_others(s.text, m, lex))]
    events = tuple(dict.fromkeys(name for name, _ in found))
    if not events and not cues:
        return None
    modality = lex.modality.first(s.text) or "asserted"
    if modality == "conditional":  # facts.yaml: an act set in a condition, possible
        modality = "possible"
    tense = _tense(s.text, lex, modality)
    names = lambda kind: "|".join(dict.fromkeys(m.name for m in mentions if m.kind == kind))
    dates = "|".join(t.value for t in timexes if t.type in {"DATE", "TIME"})
    # A cue word inside an agreement's name ("… Preferential Trade Agreement on Tuesday")
    # is no event, and a subject ("cuts tariffs") no act: neither takes the date from
    # the signing beside it.
    named = [(m.start, m.end) for m in mentions if m.kind == "agreement"]
    # Where a name starts with its one place ("Panama Convention", "Kyoto Protocol"),
    # not with its parties ("Japan–Bangladesh …") nor ending on a port ("… of Lomé").
    places_at = [m for m in mentions if m.kind == "place"]
    named_after = set()
    for m in mentions:
        at = s.text.find(m.name, m.start) if m.kind == "agreement" else -1
        inside = [p for p in places_at if at >= 0 and at <= p.start < at + len(m.name)]
        if len(inside) == 1 and inside[0].start == at:
            named_after.add(at)
    # Nor do the numbers of laws between an act and its date count in the distance:
    # "approved by Legislative Resolution No. 32412 of 18 March 2027".
    acts = [(e, m) for e, m in found if e not in lex.topic_events
            and not any(a <= m.start() < b for a, b in named)]
    event_dates = _event_dates(s, lex, timexes, acts, named + [
        m.span() for m in _LAW_NUMBER.finditer(s.text)])
    if "rescheduled" in cues or "former_date" in cues:
        moves = _moved_to(s, lex, timexes, acts)
        event_dates.update(moves)
        if moves:
            # "originally planned for 21 April, has been brought forward to 20 April":
            # the date the sentence gives the event is the new one, not the one given up
            # ("which had been set for next Wednesday, will take place on Wednesday 2
            # December": moved, too)
            cues = tuple(c for c in cues if c != "former_date")
            if "rescheduled" not in cues and any(k.startswith("date_") for k in moves):
                cues += ("rescheduled",)
    # "due to run from Tuesday 24 to Thursday 26 November, will now end on Wednesday 25
    # November": cut short, the event ends on that day
    cut = next((t.value for t in timexes if t.type == "DATE" and _DAY.fullmatch(t.value)
                and _NOW_ENDS.search(s.text, 0, t.start - s.start)), "")
    if cut:
        event_dates["ends_on"] = cut
    days = [t.value for t in timexes if t.type == "DATE" and _DAY.fullmatch(t.value)]
    if modality == "asserted" and "signing" in events and doc.published and days and all(
            v > doc.published.isoformat() for v in days):
        # "Kept (Monday 19 April): … the signing of two documents", written on the 17th:
        # a signing to come, however the sentence is worded.
        modality, tense = "expected", "future"
    # Its words, and its numbers however short: "on 7 June" and "on 8 June", "by 61
    # votes to 39" and "by 59 to 41" are two claims, not one told twice.
    key = " ".join(sorted(set(re.findall(r"[a-z0-9]{4,}|\d+", s.text.lower()))))
    return Fact("claim", _row_as_sentence(s.text), key, s.text,
                (Evidence(doc.id, s.start, s.end, s.text),),
                _attrs(events=",".join(events), cues=",".join(cues),
                       modality=modality, tense=tense,
                       dates=dates, bodies=names("organisation"), people=names("person"),
                       hosts="|".join(dict.fromkeys(
                           m.name for m in mentions if m.kind == "person"
                           and lex.host_re.search(s.text[max(0, m.start - 180):m.start]))),
                       speakers="|".join(dict.fromkeys(
                           [m.name for m in mentions if m.kind == "person"
                            and _speaker_re(lex).match(s.text, m.end)]
                           # "Ms Otieno also confirmed …": a person named by surname
                           + [t.group(1) for t in _TITLED.finditer(s.text)
                              if _speaker_re(lex).match(s.text, t.end())])),
                       legislatures="|".join(dict.fromkeys(
                           m.name for m in mentions if m.kind == "organisation"
                           and dict(m.attrs).get("chamber"))),
                       tally_by=_tally_by(s.text, mentions, lex),
                       # "the Portuguese Minister": a party's people, not where it is;
                       # nor "the Panama Convention", named after where it was adopted
                       places="|".join(dict.fromkeys(
                           m.name for m in mentions if m.kind == "place"
                           and dict(m.attrs).get("type") != "nationality"
                           and m.start not in named_after)),
                       capitals="|".join(dict.fromkeys(
                           m.name for m in mentions if m.kind == "place"
                           and dict(m.attrs).get("type") == "capital")),
                       countries="|".join(dict.fromkeys(
                           dict(m.attrs)["country"] for m in mentions if m.kind == "place"
                           and dict(m.attrs).get("type") in {"country", "demonym", "nationality"})),
                       # Each place's country ("Cairo=Egypt"), and each person's, where
                       # known: a visit's host is of the country visited.
                       place_countries="|".join(dict.fromkeys(
                           f"{m.name}={dict(m.attrs)['country']}" for m in mentions
                           if m.kind in {"place", "person"} and dict(m.attrs).get("country"))),
                       **event_dates))


def _moved_to(s: Sentence, lex: Lexicon, timexes: list[Timex],
              found: list[tuple[str, re.Match]]) -> dict[str, str]:
    """The new day of an event put off or moved to it, however far its cue stands ("The
    signing of …, scheduled for November 27 in Doha, has been postponed by one week to
    December 4"): the date of the event told just before the move (else just after);
    and, as `former_<event>`, the days written before the move, given up."""
    starts = {t.start - s.start: t for t in timexes if t.type == "DATE"
              and _DAY_OR_MONTH_VALUE.fullmatch(t.value)}
    out: dict[str, str] = {}
    for name, m in lex.cues.find(s.text):
        if name == "former_date" and m.group().lower().startswith(("rather", "instead")):
            # (the day given up inside the cue, "rather than on 5 December", or just
            # after it, "on Dec. 14-15 instead of Dec. 3-4")
            old = next((t for at, t in starts.items() if m.start() < at < m.end()), None) \
                or next((t for at, t in starts.items() if m.end() <= at <= m.end() + 2), None)
            before = [(c.start(), e) for e, c in found if c.end() <= m.start()]
            # (its first day told between the act and the cue: "8-11 February 2027")
            new = min((t for at, t in starts.items() if before and max(before)[0] < at
                       < m.start()), default=None, key=lambda t: (len(t.value) != 10, t.start))
            if old is not None and new is not None and new.value != old.value and before:
                out[f"date_{max(before)[1]}"] = new.value
                out[f"former_{max(before)[1]}"] = old.value
            continue
        if name == "former_date":
            # "the hearing, which had been set for next Wednesday, will take place on
            # Wednesday 2 December": the day just after the cue is given up, the day a
            # "will take place on" gives after it is the new one
            old = min((t for at, t in starts.items() if m.end() <= at <= m.end() + 25),
                      default=None, key=lambda t: t.start)
            new = next((t for at, t in sorted(starts.items()) if old and at > old.end - s.start
                        and _NEW_ON.search(s.text, old.end - s.start, at)), None)
            # (…or the day told before: "will examine the budget on Tuesday, 24 November,
            # after the session originally planned for 12 November was postponed")
            new = new or max((t for at, t in starts.items() if old and at < m.start()
                              and _AFTER_GIVEN_UP.fullmatch(s.text, t.end - s.start, m.start())),
                             default=None, key=lambda t: t.start)
            # (the act told before the cue, else just after it: "which had been due to
            # vote on 1 December")
            told = [(c.start(), e) for e, c in found if c.end() <= m.start()] or [
                (-c.start(), e) for e, c in found
                if old and m.end() <= c.start() < old.start - s.start]
            if new is not None and told:
                out[f"date_{max(told)[1]}"] = new.value
                out[f"former_{max(told)[1]}"] = old.value
                # (…and its new place: "will now take place on 9 December in Luanda")
                there = _NEW_PLACE.match(s.text, new.end - s.start)
                if there and there["place"] in lex.places:
                    out["moved_place"] = there["place"]
            continue
        to = _MOVED_TO.match(s.text, m.end()) if name == "rescheduled" else None
        new = starts.get(to.end()) if to else None
        given_up = starts.get(m.end() + 1) if name == "rescheduled" and m.group().endswith(
            " from") else None
        if new is None and given_up is not None:
            # "would take place on Thursday, Dec 10, …, after being moved from Dec 3":
            # the day given up, of the event told before
            before = [(c.start(), e) for e, c in found if c.end() <= m.start()]
            if before:
                out[f"former_{max(before)[1]}"] = given_up.value
            continue
        if new is None:
            continue
        before = [(c.start(), e) for e, c in found if c.end() <= m.start()]
        # (…or the one told as what is put off: "postponed the signing of … to Dec. 4")
        within = [(c.start(), e) for e, c in found if m.end() <= c.start() < to.end()]
        after = [(c.start(), e) for e, c in found if c.start() >= new.end - s.start]
        # (the sentence's subject, when an act opens it: "The ministerial meeting in
        # Doha at which … were expected to sign …, has been postponed by a week, to
        # Friday, 4 December")
        opening = [(at, e) for at, e in before if _OPENING.fullmatch(s.text, 0, at)]
        event = opening[0][1] if opening else max(before)[1] if before else \
            min(within)[1] if within else min(after)[1] if after else ""
        if event:
            out[f"date_{event}"] = new.value
            # (…or just after the new: "to Dec. 4 from Nov. 26")
            since = _FROM_DAY.match(s.text, new.end - s.start)
            out[f"former_{event}"] = "|".join(
                t.value for at, t in starts.items() if t.value != new.value and (
                    at < to.end() or since and at == since.end()))
    return out


_AND = re.compile(r"\band\b")
_LATER = re.compile(r"\b(?:later|afterwards|thereafter)$", re.IGNORECASE)
_BREAK = re.compile(r"\s+(?:recess|break|holidays?|vacation)\b", re.IGNORECASE)
# A time counted from a later-told act: "two weeks after", "three days before".
_OFFSET = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|a\s+few|"
                     r"several)\s+(?:days?|weeks?|months?|years?)\s+(?:after|before|following)\b",
                     re.IGNORECASE)

# Between a date and an act told after it: the date is another's, the act before or
# after it ("on 3 March, two days after the treaty was signed").
_BEFORE_AFTER = re.compile(r"\b(?:before|after|prior\s+to|ahead\s+of|since|until)\b")

_NOW_ENDS = re.compile(r"\bnow\s+(?:end|finish|conclude)s?\s+(?:a\s+day\s+early\s+)?(?:on\s+)?"
                       r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?$")

_PRONOUN = re.compile(r"\b(?:it|them)\b")
# "rescheduled it to …": the pronoun names the act moved (group 1).
_MOVED_IT = re.compile(r"\b(?:rescheduled|postponed|moved|deferred|put off|pushed back|"
                       r"brought forward)\s+(it|them)\s+(?:to|until|till)\b", re.IGNORECASE)
# After a put-off: how far, then the day it goes to ("pushed back a week to December 4").
_MOVED_TO = re.compile(r"(?:\s+(?:it|them))?"  # "rescheduled it to"
                       r"(?:\s+(?:the|its|a)\s+[^.;,]{0,140}?)?"  # "postponed the signing of … to"
                       # "…, initially scheduled for Thursday 19 November 2026, to"
                       r"(?:,\s+(?:initially|originally|previously|first)\s+(?:scheduled|set|"
                       r"planned|due)\s+(?:for|on)\s+[^.;,]{1,40},)?"
                       r"(?:\s+from\s+[^.;]{0,40}?)?"  # "rescheduled from 4 December 2026 to"
                       r"\s+(?:(?:by\s+)?(?:one|an?|two|three|four|five|six|\d+|several|a\s+few)"
                       r"\s+(?:days?|weeks?|months?),?\s+)?(?:to|until|till)\s+")
_FROM_DAY = re.compile(r"\s+from\s+")
# The words before an act that opens its sentence: "The ministerial …", "Its first …".
_OPENING = re.compile(r"\W*(?:(?:The|A|An|Its|This|That)\s+)?(?:[\w'’-]+\s+){0,3}")
_NEW_PLACE = re.compile(r",?\s+(?:in|at)\s+(?P<place>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)")
# A new day told after the one given up: "…, will take place on Wednesday 2 December".
# (…"will instead open on December 1", "now due to open in Kuala Lumpur on 1 December")
_NEW_ON = re.compile(r"\b(?:(?:will|would|shall)\s+(?:now\s+|instead\s+)?|now\s+due\s+to\s+)"
                     r"(?:take\s+place|be\s+held|go\s+ahead|\w+)"
                     r"(?:\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?\s+(?:on|in)\s+"
                     r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
                     r"(?:the\s+)?$")  # "…, will now vote on 13 January 2027"

# Between a new day and the cue of the one given up: ", after the session".
_AFTER_GIVEN_UP = re.compile(r",?\s+(?:after|replacing)\s+(?:the|a|its)\s+[\w-]+(?:\s+[\w-]+)?\s+")

_DAY_OR_MONTH_VALUE = re.compile(r"\d{4}-\d\d(?:-\d\d)?")

_LAW_NUMBER = re.compile(r"\b(?:No|Nr)\.?\s*[\w./-]*\d[\w./-]*")

# A question asked in the text's own voice (not quoted): it ends with its question mark.
# A question, or a quoted one ("… Why give the Swiss what it refused the Emiratis?"
# asked …): it asserts nothing.
_ASKED = re.compile(r"\?\s*$|\?[\"”’']\s*,?\s*(?:asked|wondered)\b")

_TITLED = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+([A-Z][\w'’-]+)")


@lru_cache(maxsize=4)
def _speaker_re(lex: Lexicon) -> re.Pattern:
    """Just after a name, the verb that makes it the sentence's speaker ("Ms Otieno also
    confirmed that the President will travel …"), not its subject."""
    return re.compile(rf"(?:,[^,]{{0,60}},)?\s+(?:also\s+|later\s+)?(?:{lex.speech_verbs})\b")


@lru_cache(maxsize=4)
def _said_re(lex: Lexicon) -> re.Pattern:
    """A speech verb just before a date: "…, the ministry said on Thursday"."""
    return re.compile(rf"(?:{lex.speech_verbs})\s+(?:on\s+|late\s+|early\s+|this\s+)?$")


def _event_dates(s: Sentence, lex: Lexicon, timexes: list[Timex],
                 found: list[tuple[str, re.Match]],
                 names: list[tuple[int, int]] = ()) -> dict[str, str]:
    """For each event cue, the full date written nearest it ("signed on 18 May" → the
    signing's date), so a sentence naming two dates gives each event its own. The
    agreements' names between a cue and a date (`names`, spans in the sentence) do not
    count in the distance: "signed the … Agreement on Carbon Credits on Wednesday"."""
    said = _said_re(lex)
    # A bracket after a name dates the text itself, not an act told of it: "accession
    # … to the Convention on International Interests in Mobile Equipment (Cape Town, 16
    # November 2001)".
    # (a place and a date, or a date alone — not "(signed on 9 October)", which tells
    # an act)
    own = [(m.start(), m.end()) for _, b in names for m in [CONCLUDED_AT.match(s.text, b)] if m]
    # "…, the ministry said on Thursday": that date is when it was said, not done.
    # (Nor does a holiday naming a break: "before the Christmas recess"; nor a time
    # counted from an act the sentence does not date: "enters into force thirty days
    # later" is no day thirty days after the article's.)
    days = [t for t in timexes if t.type == "DATE" and len(t.value) in (7, 10)
            and not said.search(s.text[max(0, t.start - s.start - 30):t.start - s.start])
            and not any(a <= t.start - s.start < b for a, b in own)
            and not _BREAK.match(s.text, t.end - s.start)
            and not _LATER.search(t.text)]

    def gap(start: int, end: int) -> int:
        """Characters from `start` to `end` (in the sentence; negative when `end` comes
        first) outside agreement names."""
        if end < start:
            return -gap(end, start)
        return end - start - sum(max(0, min(b, end) - max(a, start)) for a, b in names)

    def distance(cue: re.Match, t: Timex) -> float:
        ts, te = t.start - s.start, t.end - s.start
        # A date after the verb binds more tightly ("signed on 18 May"); one before it
        # across an "and" is the other verb's ("to close the EPC in the first quarter
        # and to break ground … on 22 January").
        # (…nor is one after "before": "to have a vote before we adjourn sine die on
        # June 2" bounds the vote, it does not date it)
        if ts >= cue.end():
            return gap(cue.end(), ts) * (3 if _BEFORE_AFTER.search(s.text, cue.end(), ts) else 1)
        return gap(te, cue.start()) * (3 if _AND.search(s.text, te, cue.start()) else 1.5)

    def follows(cue: re.Match) -> Timex | None:
        """The date written just after `cue`, before any other cue ("signed … on 9
        October", "ratified by Law No. 214 of 26 December")."""
        after = [t for t in days if t.start - s.start >= cue.end()
                 and gap(cue.end(), t.start - s.start) < 45]
        first = min(after, default=None, key=lambda t: t.start)
        if first is None or any(cue.end() <= c.start() < first.start - s.start
                                for _, c in found):
            return None
        return first

    out: dict[str, str] = {}
    # "debate the ratification bill at its sitting on 25 November": a cue naming a bill
    # dates no act of its own; the date is the debate's.
    found = [(e, c) for e, c in found if not _NAMES_A_BILL.match(s.text, c.end())] or found
    # "will debate the memorandum … Malawi signed with its creditors on Tuesday, December
    # 1": an act done, told of the object of one to come, dates nothing of that one's.
    found = [(e, c) for e, c in found if not (_DONE_FORM.fullmatch(c.group()) and any(
        o.end() < c.start() and _WILL.search(s.text, max(0, o.start() - 12), o.start())
        and not _DONE_FORM.fullmatch(o.group()) for _, o in found)
        and not _AUXILIARY.search(s.text, max(0, c.start() - 12), c.start()))] or found
    for event, cue in found:
        if _ANCHOR.search(s.text, 0, cue.start()) or _COUNTED_FROM.match(s.text, cue.end()) \
                and not _THAT_IS.search(s.text, cue.end()):
            # "within six months of entry into force": a reference point, which the
            # sentence's other dates do not date
            out.setdefault(f"anchor_{event}", "yes")
            continue
        best = min(days, default=None, key=lambda t: distance(cue, t))
        own = follows(cue)
        if own is not None and gap(cue.end(), own.start - s.start) <= 4:
            # "…, published on 7 May 2027, entered into force on 13 June 2027": the
            # date just after its verb is its own, whatever date ends the clause before
            best = own
        if own is not None and best is not None and best is not own and any(
                follows(c) is best for _, c in found if c is not cue):
            # "signed in Astana on 9 October and ratified by Law No. 214 of 26
            # December": the first date is the signing's; the ratification has its own.
            best = own
        if best is None:
            continue
        if best.end - s.start <= cue.start() and _BEFORE_AFTER.search(
                s.text, best.end - s.start, cue.start()):
            continue  # "initiated on 14 April 2026, before the Agreement was signed"
        if best.start - s.start >= cue.end() and _OFFSET.search(
                s.text, cue.end(), best.start - s.start):
            continue  # "The vote came two weeks after the government presented its
            # budget on … Sept. 15": the day counted from is another act's
        if best is not own and any(
                c.start() > cue.end() and s.text[c.start() - 2:c.start()] == ", "
                and follows(c) is best for _, c in found):
            # "approves, for ratification, the Agreement …, signed in Lisbon on 12 March
            # 2026": the date of a text's own act told after it, not this one's
            continue
        # "from December 8 to 10" dates a span (a visit, a meeting), no act on a text:
        # "will now run from December 8 to 10, …, delaying the signing"
        # ("from December 7 to December 8" is a move, not a range)
        ranged = [t for t in days for a, b in ((t, best), (best, t)) if a.end <= b.start
                  and _RANGE_TO.fullmatch(s.text, a.end - s.start, b.start - s.start)
                  and (a.text.isdigit() or b.text.isdigit())]
        if ranged and event in _ACTS:
            continue
        # "on 23–24 April", "from December 8 to 10": the range's first day is the
        # event's start
        best = next((t for t in days if t.end <= best.start and (_RANGE_DASH.fullmatch(
            s.text, t.end - s.start, best.start - s.start) or t in ranged)), best)
        ts, te = best.start - s.start, best.end - s.start
        if not (-80 < gap(cue.end(), ts) < 80 or 0 <= gap(te, cue.start()) < 60):
            continue
        # …and the event must be (about) the nearest to that date: in "hearings would
        # begin in April" April is the hearings', not an earlier "vote"'s. A date written
        # just after its act is that act's, whatever follows ("ratified by Royal Decree
        # No. 12/2027 issued on 8 February, and entered into force …").
        if best is own or distance(cue, best) <= min(distance(c, best) for _, c in found) + 15:
            out.setdefault(f"date_{event}", best.value)
    # "On the afternoon of 15 October, at the Presidential Palace …, EVN and EDL signed
    # the …": a sentence's one date, opening it, is its first act's, however far.
    # (not an act told after "since" or "after": "On Saturday, 24 October, residents
    # protested …, the first opposition since the treaty was signed")
    # (nor one the sentence's act is for: "On Monday, the Council of Ministers decided to
    # forward the agreement to the Federal Parliament for ratification")
    opening = _OPENING_DATE.match(s.text)
    acts = sorted(((c.start(), e) for e, c in found if e in _ACTS))
    if opening and len(days) == 1 and days[0].start - s.start == opening.end("at") \
            and acts and not any(k.startswith("date_") for k in out) \
            and not _BEFORE_AFTER.search(s.text, days[0].end - s.start, acts[0][0]) \
            and not _FOR_ACT.search(s.text, 0, acts[0][0]):
        out[f"date_{acts[0][1]}"] = days[0].value
    return out


# An act a sentence is for, or about to: "… for ratification", "… to sign".
_FOR_ACT = re.compile(r"\b(?:for|to)\s+(?:the\s+|its\s+|their\s+)?$", re.IGNORECASE)
# A sentence opening on its date: "On 15 October, …", "On the afternoon of 15 October, …".
_OPENING_DATE = re.compile(r"\W*On\s+(?:the\s+(?:morning|afternoon|evening)\s+of\s+)?(?P<at>)")


# A verb's form telling an act done ("signed", "ratified"), the auxiliary that makes it
# a passive or a perfect ("was signed", "has ratified"), and one to come ("will debate").
_DONE_FORM = re.compile(r"[a-z]+ed", re.IGNORECASE)
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|to)\s+$")
_WILL = re.compile(r"\b(?:will|shall)\s+$")

# A cue naming a bill ("the ratification bill", "the ratification law").
_NAMES_A_BILL = re.compile(r"\s+(?:bill|law|act|statute)s?\b", re.IGNORECASE)
# "enter into force on the thirtieth day after the exchange of instruments, which will
# take place … on July 14": its day is counted from another act's, not the date written.
_COUNTED_FROM = re.compile(r"\s+(?:on|from)\s+the\s+[\w-]+\s+day\s+(?:after|following|from)\b"
                           r"|\s+(?:\d+|[a-z]+(?:-[a-z]+)?)\s+days\s+(?:after|following|from)\b",
                           re.IGNORECASE)
# …unless the sentence gives the day so counted ("…, that is, on 28 May 2027", "on the
# thirtieth day after the exchange, on 30 May")
_THAT_IS = re.compile(r"\b(?:that is|i\.e\.|namely)\b|,\s+on\s+(?:\d{1,2}\s+[A-Z]|[A-Z][a-z]+\.?\s+\d)")


# A text a country "is a member of" is a bloc it belongs to, not the event's text.
_MEMBER_OF = re.compile(r"\bmembers?\s+of\s+(?:the\s+)?$")


def _member_of(doc: Document, agreement: Fact) -> bool:
    """Whether the agreement is named as what a country is a member of ("is a member of
    the Comprehensive and Progressive Agreement for Trans-Pacific Partnership")."""
    e = agreement.evidence[0]
    return _MEMBER_OF.search(doc.text, max(0, e.start - 40), e.start) is not None


# A text cited as the law an act must keep to ("in accordance with international law,
# especially the 1982 United Nations Convention on the Law of the Sea"): a norm the
# sources invoke, not the event's text.
# …and, of any kind, a text whose article something is made under: "a deal made under
# Article 6.2 of the 2015 Paris Agreement" (not "Article 7 of the Framework Agreement
# provides …", the text's own clause told).
_UNDER_ARTICLE = re.compile(r"\b(?:under|pursuant\s+to|in\s+accordance\s+with)\s+articles?\s+"
                            r"\d+(?:\.\d+)*(?:\s*\(\w+\))?\s+of\s+(?:the\s+)?(?:\d{4}\s+)?$",
                            re.IGNORECASE)
_AS_LAW = re.compile(r"\b(?:in\s+accordance\s+with|consistent\s+with|in\s+line\s+with|"
                     r"in\s+conformity\s+with|respect\s+for|compliance\s+with|principles\s+of|"
                     r"as\s+provided\s+(?:for\s+)?(?:in|by)|under)\s+(?:international\s+law,?\s+"
                     r"(?:including|especially|in\s+particular|notably)\s+)?(?:the\s+)?"
                     r"(?:\d{4}\s+)?$", re.IGNORECASE)


def _tells_an_act(facts: list[Fact]) -> bool:
    """Whether a sentence's facts tell of an act on a text ("… ratified the 2015 Paris
    Agreement")."""
    return any(f.kind == "claim" and not _ACTS.isdisjoint(f.attr("events").split(","))
               for f in facts)


def _old_by_name(agreement: Fact, doc: Document, acted: bool) -> bool:
    """Whether the agreement's name carries a year two or more before the article ("the
    1982 United Nations Convention on the Law of the Sea", "the Treaty of Montevideo of
    1980") in a sentence telling of no act on it: a text of long ago, invoked."""
    year = agreement.attr("year")
    return bool(year and doc.published and not acted
                and int(year) <= doc.published.year - 2)


def _cited_as_law(doc: Document, agreement: Fact) -> bool:
    """Whether the agreement is named as the law something keeps to (`_AS_LAW`) in a
    sentence that tells of no act on it."""
    e = agreement.evidence[0]
    return _AS_LAW.search(doc.text, max(0, e.start - 80), e.start) is not None \
        and agreement.attr("kind") == "convention" \
        or _UNDER_ARTICLE.search(doc.text, max(0, e.start - 80), e.start) is not None


# An event named as the point another is counted from takes no date of its own:
# "within six months of", "on the date of", "upon", "from the day of" entry into force,
# "on the third day following" the signing.
_ANCHOR = re.compile(r"\b(?:within\s+[\w ]{1,25}?\s+(?:of|after)|(?:on|from|upon|at|as\s+of)"
                     r"\s+(?:the\s+)?(?:date|day)\s+of|upon|on)\s+(?:the\s+|its\s+)?$"
                     # "Speaking after the signing, the minister said: 'Today …'"
                     r"|\b(?:after|following)\s+the\s+$"
                     r"|\b(?:days?|weeks?|months?)\s+(?:after|following|before)\s+"
                     r"(?:(?:the|its)\s+(?:[\w-]+\s+)?)?$")


def _tense(text: str, lex: Lexicon, modality: str) -> str:
    """past, present or future, from the sentence's cues (a claim of what may happen —
    "could be signed" — is about the future)."""
    if modality in {"expected", "pending"} or (
            modality == "possible" and re.search(r"\b(?:could|may|might|would)\s+(?:not\s+)?be\b|"
                                                r"\b(?:could|may|might)\s+\w+\b(?<!ed)", text)):
        return "future"
    classes = lex.tense.classes(text)
    if "past" in classes and "future" not in classes:
        return "past"
    if "future" in classes and "past" not in classes:
        return "future"
    return "past" if _PAST_FORM.search(text) else "present"


# A word in -ed, but not one used as an adjective after a determiner or a preposition
# ("on shared stocks", "the limited scope") nor a capitalised name ("United"). The
# lookahead first: ten lookbehinds tried at every position took five times as long.
_PAST_FORM = re.compile(r"\b(?=[a-z]+ed\b)(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bof )(?<!\bon )"
                        r"(?<!\bfor )(?<!\bwith )(?<!\bin )(?<!\bits )(?<!\btheir )[a-z]+ed\b")
