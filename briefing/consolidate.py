"""Consolidate: facts from many documents → one `FactSet`.

The same fact read in several sources becomes one fact with all its evidence (its
corroboration is the number of sources). Variants are unified: a person named in full
once and by surname elsewhere, near-identical sentences reported by several outlets.
Where sources give different values for one slot, a `Conflict` records who says what —
and whether the publication dates explain it (frames.py builds the slots).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from briefing.cues import Phrases, load_lexicon
from briefing.extract import Extraction, agreement_key, collector_paused, fits_kind
from briefing.figures import NUMBER_WORDS, TERM_UNITS
from briefing.frames import (NAME_GOES_ON, PARTY_WORDS, build_frames, event_agreement,
                             name_words, place_near, tally)
from briefing.models import Conflict, Document, Fact, FactSet, surname

# Claims whose content words overlap this much (Jaccard) are one claim reported twice.
NEAR_DUPLICATE = 0.5
_MIN_SHARED = 4
_STOP = frozenset("that this with from have been will their which about after before "
                  "also into more than were said says other both such when where while "
                  "would could should there these those".split())


def consolidate(documents: tuple[Document, ...], extraction: Extraction,
                rules_dir: Path) -> FactSet:
    """Merge facts across documents, derive the event frames, and record conflicts (the
    set phrases of `rules_dir`/facts.yaml read a vote's tally, who signed, where …).

    Like extraction, it runs without the collector's full passes: each walked every fact
    of the run (10,000 articles' consolidation took 11–13 × what 1,000's take)."""
    with collector_paused():
        return _consolidate(documents, extraction, load_lexicon(rules_dir))


def _consolidate(documents: tuple[Document, ...], extraction: Extraction,
                 lex) -> FactSet:
    phrases = lex.phrases
    archive = _archived(documents)
    facts = _from_the_archive(_without_actors(list(extraction.facts), documents), archive)
    facts = _without_bodies(facts, documents, lex.organisation_words)
    facts = _unify_speakers(_unify_agreements(_unify_people(facts), lex.country_words))
    facts = _unnamed_agreement(_resolve_references(facts, lex.strict_kinds, archive),
                               lex.strict_kinds, lex.blocs)
    merged = _merge_rounded(_merge_exact(facts))
    claims = _merge_near_duplicates([f for f in merged if f.kind == "claim"], phrases)
    others = [f for f in merged if f.kind != "claim"]
    frames, conflicts = build_frames(documents, others, claims, phrases, lex.country_words,
                                     lex.coming_events, lex.shared_chambers)
    claims = _overtaken(_signed_elsewhere(claims, frames, lex.blocs), frames, documents)
    conflicts += _quote_conflicts([f for f in others if f.kind == "quote"],
                                  frozenset(w for ws in lex.country_words.values() for w in ws))
    conflicts += _figure_conflicts([f for f in others if f.kind == "figure"], archive,
                                   lex.counts_that_say_which)
    return FactSet(documents, tuple(frames + others + claims), tuple(conflicts),
                   extraction.diagnostics)


def _without_bodies(facts: list[Fact], documents: tuple[Document, ...],
                    organisation_words: frozenset[str]) -> list[Fact]:
    """An "agreement" that is only an acronym a source spells out as a body's name ("the
    Official Creditor Committee (OCC)", then a headline's "OCC deal done") is no text:
    dropped, and claims about it are about none."""
    bare = {f.key for f in facts if f.kind == "agreement" and f.value == f.attr("acronym")}
    if not bare:
        return facts
    bodies = {m.group(2) for d in documents for m in _SPELT_OUT.finditer(d.text)
              if m.group(2) in bare and m.group(1).split()[-1].lower() in organisation_words}
    if not bodies:
        return facts
    return [f.with_attrs(agreement="") if f.kind == "claim" and f.attr("agreement") in bodies
            else f for f in facts if not (f.kind == "agreement" and f.key in bodies)]


# A name in capitals, then its acronym in brackets: "the Official Creditor Committee (OCC)"
_SPELT_OUT = re.compile(
    r"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|on|the)\s+)*){1,8})\(([A-Z]{2,8})\)")


_OPENING_PLACE = re.compile(r"In ([A-Z][\w-]+(?: [A-Z][\w-]+)?), ")


def _archived(documents: tuple[Document, ...]) -> set[str]:
    """The sources written a year or more before the newest: archive stories — by a
    date the source writes out (a dateline, its metadata), not one inferred from the
    dates it tells of, which may be its history's."""
    newest = max((d.published for d in documents if d.published), default=None)
    return {d.id for d in documents if newest and d.published
            and d.published_how != "inferred" and (newest - d.published).days >= 365}


def _from_the_archive(facts: list[Fact], archive: set[str]) -> list[Fact]:
    """What an archive story (a source of `archive`) tells ("Ecuador and Peru on
    Thursday signed an agreement to carry out a feasibility study", written five years
    before) is background."""
    if not archive:
        return facts
    return [f.with_cue("background") if f.kind == "claim" and set(f.doc_ids) <= archive
            else f for f in facts]


def _without_actors(facts: list[Fact], documents: tuple[Document, ...]) -> list[Fact]:
    """"CAF letter of intent" where a source writes "CAF's loan": an acronym that owns
    things is a body's (a bank's), and a text it names by that alone is no agreement of
    that name — nor are sentences using the acronym about one."""
    named = {f.key for f in facts if f.kind == "agreement" and f.key == f.attr("acronym")
             and f.value.split()[0] == f.key}
    actors = {a for a in named if any(re.search(rf"\b{re.escape(a)}['’]s\b", d.text)
                                      for d in documents)}
    if not actors:
        return facts
    return [f.with_attrs(agreement="") if f.kind == "claim" and f.attr("agreement") in actors
            else f for f in facts if not (f.kind == "agreement" and f.key in actors)]


def _overtaken(claims: list[Fact], frames: list[Fact],
               documents: tuple[Document, ...]) -> list[Fact]:
    """A signing expected by a source written on or before the day others report the
    event's agreement signed ("a formal signing is expected at a later date", in a wire
    of the signing day) was overtaken: cue `overtaken`, so no rule asks "Will it be
    signed?" of a text the note says was. (Not a text initialled, whose signing is still
    to come whatever others say.) So was a vote a preview expects ("parliament will vote
    on Thursday") by the day others report the text approved — not a ratification still
    to follow the vote ("will be ratified by supreme decree")."""
    main = next((f for f in frames if f.kind == "frame" and f.attr("main")), None)
    if main is None:
        return claims
    days = {act: day for act, slot in _OVERTAKEN_BY.items()
            if len(day := main.attr(slot)) == 10}
    # A deal reached or signed is no deal to be reached: "the deal would help Emirati
    # firms" asks no "Will a deal be reached?" (cue `deal_reached`)
    reached = bool(main.attr("signed_date")) or main.attr("status").startswith("concluded")
    if not days and not reached:
        return claims
    published = {d.id: d.published for d in documents}
    out = []
    for c in claims:
        events = c.attr("events").split(",")
        if reached and "deal" in events and c.attr("agreement") in ("", main.key) \
                and c.attr("modality") in ("expected", "possible") \
                and not {"signing", "talks", "delivery"} & set(events):
            c = c.with_cue("deal_reached")
        day = max((days[e] for e in events if e in days), default="")
        if day and c.attr("agreement") in ("", main.key) \
                and c.attr("modality") in ("expected", "possible") \
                and not ("signing" in events and "initialled" in c.attr("cues").split(",")) \
                and all(published.get(d) and published[d].isoformat() <= day
                        for d in c.doc_ids):
            c = c.with_cue("overtaken")
        out.append(c)
    return out


# The acts a frame's slot reports done: a source expecting one, written by that day,
# was overtaken.
_OVERTAKEN_BY = {"signing": "signed_date", "vote": "ratified_date"}


def _signed_elsewhere(claims: list[Fact], frames: list[Fact],
                     blocs: frozenset[str] = frozenset()) -> list[Fact]:
    """A signing told as done in a third country, of no text of the event's ("Just last
    month, in Astana, the Prime Minister signed a memorandum … with Kazakhstan", in a
    note on a visit to Korea), is background: the event's parties are the main
    agreement's, and where it was signed is the place named nearest the verb."""
    main = next((f for f in frames if f.kind == "frame" and f.attr("main")), None)
    home = set(main.items("parties")) if main else set()
    if len(home) < 2 or home & blocs:
        # A bloc's members are not listed: "signed off in Montevideo" is in one of
        # Mercosur's, no third country.
        return claims
    out = []
    for c in claims:
        # "In Astana, the two governments signed …": where, said first
        opening = _OPENING_PLACE.match(c.text)
        where = place_near(c) or (opening.group(1) if opening else "")
        country = dict(p.split("=", 1) for p in c.items("place_countries") if "=" in p
                       ).get(where, "")
        # …or one with a third party ("In January, Ghana signed a new investment treaty
        # with the United Arab Emirates", in a note on a treaty with Switzerland)
        partner = next((p for surface, p in (x.split("=", 1) for x in c.items("place_countries")
                                             if "=" in x)
                        if p not in home and re.search(
                            rf"\bwith\s+(?:the\s+)?{re.escape(surface)}\b", c.text)), "")
        if (country and country not in home or partner) and c.attr("agreement") != main.key \
                and "signing" in c.attr("events").split(",") \
                and c.attr("modality") == "asserted" and c.attr("tense") == "past":
            c = c.with_cue("background")
        out.append(c)
    return out


def _resolve_references(facts: list[Fact], strict: frozenset[str],
                        archive: set[str]) -> list[Fact]:
    """Claims saying "the pact" in articles that name no agreement: the event's
    agreement (the one most articles name, then most sentences), when one leads — not
    in an article of a year or more before the newest (an archive story's "the agreement
    signed today" is its own day's: the sources of `archive`)."""
    agreements = [f for f in facts if f.kind == "agreement"]
    main = event_agreement(agreements, [f for f in facts if f.kind == "claim"])
    if not main:
        return facts
    kinds = {f.key: f.attr("kind") for f in agreements}
    # The year a text of long ago recalled by name was made ("the Treaty of Friendship,
    # Commerce and Navigation of 1895"): a signing told done, dated later, is another
    # text's (not one to come: "the upgrade protocol … slated to be signed on 24 January")
    made = {f.key: f.attr("year") for f in agreements if f.attr("recalled")}
    words = {f.key: set(f.key.split()) for f in agreements}
    # how many sources name each (of texts recalled, none: "the Vienna Convention on
    # Consular Relations" is not "the consular agreement")
    sources: dict[str, set[str]] = defaultdict(set)
    for f in agreements:
        if not f.attr("recalled"):
            sources[f.key].update(f.doc_ids)
    known = set().union(*words.values()) if words else set()
    # …and when the sentences pointing back tell of it signed since, they are all
    # about another text ("The agreement was signed in Tokyo on 17 March")
    newer = {key for key, year in made.items() if year and any(
        f.attr("refers_back") and f.attr("agreement") in ("", key)
        and "signed_done" in f.attr("cues").split(",")
        and f.attr("date_signing")[:4].isdigit() and f.attr("date_signing")[:4] > year
        for f in facts)}
    if newer:
        facts = [f.with_attrs(agreement="") if f.kind == "claim" and f.attr("refers_back")
                 and f.attr("agreement") in newer else f for f in facts]
    out = []
    for f in facts:
        if f.attr("refers_back") and not f.attr("agreement") and not (
                set(f.doc_ids) <= archive):
            # "the memorandum" where the event's agreement is a treaty: the one
            # memorandum named, if one is; "the consular agreement" where it is a visa
            # protocol: the one agreement whose name has "consular" (a sentence
            # describing two texts so is about neither alone)
            fitting = [main] if fits_kind(f.attr("refers_kind"), kinds[main], strict) else [
                k for k, kind in kinds.items() if kind == f.attr("refers_kind")]
            # (words no name has, "a planned visa facilitation protocol", say nothing);
            # of two, the one a signing put off is nearest (extract lists it first)
            described = list(dict.fromkeys(
                max(named, key=lambda k: (len(sources[k]), k))
                for ws in f.items("refers_words") if (said := set(ws.split()) & known)
                and (named := [k for k in sources if said <= words[k]])))
            if len(described) > 1 and "rescheduled" in f.attr("cues").split(","):
                described = described[:1]
            if len(described) == 1 and main not in described:
                fitting = described
            if len(fitting) == 1 and fitting[0] not in newer:
                f = f.with_attrs(agreement=fitting[0])
        out.append(f)
    return out


_KIND_NOUN = re.compile(r"\b(agreement|deal|pact|accord|treaty|arrangement|memorandum)\b",
                        re.IGNORECASE)


def _unnamed_agreement(facts: list[Fact], strict: frozenset[str],
                       blocs: frozenset[str] = frozenset()) -> list[Fact]:
    """An agreement no source names ("signed a government-to-government agreement with
    Sweden on Tuesday"): when no agreement is named at all and two sources or more tell
    of one signed or reached, it is "the Romania–Sweden agreement", by the word the
    sources use most and the two countries they name most, and their sentences about
    "the agreement" are about it. So is a memorandum the sources tell of where the
    agreements they name are of other kinds ("signed a memorandum ending the tariff
    war", beside the free trade agreement of 2005)."""
    # (a text of long ago recalled by its name — "the Treaty of Friendship, Commerce and
    # Navigation of 1895" — names no agreement of the news)
    kinds = {f.attr("kind") for f in facts if f.kind == "agreement" and not f.attr("recalled")}
    refs = [f for f in facts if f.kind == "claim" and f.attr("refers_back")
            and not f.attr("agreement") and (not kinds or f.attr("refers_kind") and not any(
                fits_kind(f.attr("refers_kind"), k, strict) for k in kinds))]
    acts = [f for f in refs if {"signing", "agreement_reached"} & set(f.attr("events").split(","))
            and f.attr("modality") == "asserted"]
    if len({d for f in acts for d in f.doc_ids}) < 2:
        return facts
    nouns = Counter(m.group(1).lower() for f in refs for m in _KIND_NOUN.finditer(f.text))
    # Between whom: the countries and blocs the sentences telling of the act itself name
    # ("Mercosur and the United Arab Emirates … concluded negotiations on a free trade
    # agreement"), else those of the sentences about "the deal" (which name members:
    # "Brazil's sugar … under the deal").
    told = [f for f in facts if f.kind == "claim" and f.attr("modality") == "asserted"
            and {"signing", "agreement_reached"} & set(f.attr("events").split(","))
            and not {"background", "long_ago"} & set(f.attr("cues").split(","))]
    countries = Counter(c for f in told for c in {*f.items("countries"), *(
        b for b in f.items("bodies") if b in blocs)})
    if len(countries) < 2 or countries.most_common(2)[1][1] < 2:
        countries = Counter(c for f in refs for c in f.items("countries"))
    if not nouns or len(countries) < 2:
        return facts
    kind = nouns.most_common(1)[0][0]
    top = [c for c, _ in countries.most_common(2)]
    # …and a third or more that two sentences telling of the act name beside them
    # ("Greece, Bulgaria and Romania on Thursday signed …")
    top += [c for c, n in countries.most_common()[2:] if sum(
        {c, *top} <= {*f.items("countries"), *f.items("bodies")} for f in told) >= 2]
    name = f"{'–'.join(sorted(top))} {kind}"
    key = agreement_key(name, "")
    agreement = Fact("agreement", name, key, name, tuple(e for f in acts for e in f.evidence),
                     (("kind", refs[0].attr("refers_kind") if kinds else "agreement"),
                      ("unnamed", "yes")))
    linked = {id(f) for f in refs}  # by identity: comparing facts field by field is slow
    return [f.with_attrs(agreement=key) if id(f) in linked else f for f in facts] + [agreement]


def _merge(group: list[Fact]) -> Fact:
    """One fact from several readings: the first reading's text, all the evidence, and
    each attribute's most frequent value."""
    first = group[0]
    if len(group) == 1:
        return first
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for f in group:
        for k, v in f.attrs:
            votes[k][v] += 1
    # An agreement is recalled when most of its readings recall it (those that do not
    # vote against): a treaty most sources tell of now is the news, however many also
    # recall its signing of 1994.
    if first.kind == "agreement" and votes["recalled"]["yes"] * 2 <= len(group):
        votes.pop("recalled", None)
    # …and a figure is of a year when most of its readings date it: "$20 billion" of a
    # partnership launched now is not the one "announced … in November 2022" that one
    # source recalls beside it.
    if first.kind == "figure" and sum(votes["year"].values()) * 2 <= len(group):
        votes.pop("year", None)
    attrs = tuple(sorted((k, max(vs, key=lambda v: (vs[v], len(v)))) for k, vs in votes.items()))
    evidence = tuple(e for f in group for e in f.evidence)
    merged = Fact(first.kind, first.text, first.key, first.value, evidence, attrs)
    if first.kind == "agreement":
        # Keep every name each source used: two names for one agreement is news. Not a
        # name written only where a text of long ago is recalled ("in 2019 … signed a
        # Memorandum on Electricity Interconnection"): that may be another text.
        told = [f for f in group if not f.attr("recalled")] or group
        merged = merged.with_attrs(names="|".join(f"{f.value}={d}" for f in told
                                                  for d in f.doc_ids),
                                   # (…and those a source goes on writing in lower case:
                                   # but their start, no other name to ask about)
                                   cut_names="|".join(dict.fromkeys(f.value for f in group
                                                              if f.attr("cut"))))
    return merged


def _merge_exact(facts: list[Fact]) -> list[Fact]:
    groups: dict[tuple[str, str], list[Fact]] = {}
    for f in facts:
        groups.setdefault((f.kind, f.key.lower()), []).append(f)
    return [_merge(g) for g in groups.values()]


def _unify_people(facts: list[Fact]) -> list[Fact]:
    """Give every person mention the fullest name known for them ("Mr. X" → "Ann X")."""
    full: dict[str, str] = {}
    for f in facts:
        if f.kind == "person" and len(f.key.split()) >= 2:
            full.setdefault(surname(f.key), f.key)
    out = []
    for f in facts:
        if f.kind == "person":
            last = surname(f.key)
            if last in full and full[last] != f.key:
                f = Fact(f.kind, f.text, full[last], full[last], f.evidence, f.attrs)
        out.append(f)
    return out


def _unify_speakers(facts: list[Fact]) -> list[Fact]:
    """A quote's speaker as the person's name ("Lower House Speaker X Y" → "X Y"; "the
    Kazakh ecology minister" → the one person with that role and nationality)."""
    names = sorted({f.key for f in facts if f.kind == "person"})  # sorted: one answer
    surnames = {surname(n): n for n in names}
    # one pattern for every surname: a pattern each, over every quote, was the step's cost
    any_surname = re.compile(r"\b(" + "|".join(map(re.escape, sorted(
        surnames, key=len, reverse=True))) + r")\b") if surnames else None
    roles: dict[str, set[str]] = defaultdict(set)
    for f in facts:
        if f.kind == "person" and f.attr("role"):
            role = f.attr("role").lower()
            roles[role].add(f.key)
            roles[f"{f.attr('nationality')} {role}".strip().lower()].add(f.key)
    out = []
    for f in facts:
        speaker = f.attr("speaker") if f.kind == "quote" else ""
        if speaker:
            # The longest name written out, else the surname written last ("Minister
            # Ana Lúcia Fernandes": Fernandes, not a stray "Ana").
            known = max((n for n in names if n in speaker), key=len, default=None)
            if not known:
                hits = [(m.start(), surnames[m.group(1)])
                        for m in any_surname.finditer(speaker)] if any_surname else []
                known = max(hits)[1] if hits else None
            by_role = roles.get(speaker.lower(), set())
            if not known and len(by_role) == 1:
                known = next(iter(by_role))
            if known and known != speaker:
                f = f.with_attrs(speaker=known)
        out.append(f)
    return out


def _quote_conflicts(quotes: list[Fact], names: frozenset[str] = frozenset()
                     ) -> list[Conflict]:
    """One speaker quoted in different words by different sources: say so, since a
    minister may repeat the words. Words naming countries (`names`) link no two
    remarks: a minister names both parties in every one ("Brazil and Chile …")."""
    by_speaker: dict[str, list[Fact]] = defaultdict(list)
    for q in quotes:
        if q.attr("speaker"):
            by_speaker[q.attr("speaker")].append(q)
    conflicts = []
    for speaker, said in by_speaker.items():
        for i, a in enumerate(said):
            for b in said[i + 1:]:
                if set(a.doc_ids) & set(b.doc_ids):
                    continue
                if _within(a.value, b.value) or _within(b.value, a.value):
                    continue  # "more time for technical work" is part of the longer quote
                wa, wb = _words(a.value) - names, _words(b.value) - names
                if wa <= wb or wb <= wa:
                    continue  # a part of the other, its small words put differently
                # Three content words in common, or two side by side ("the ratification
                # marks …" / "this ratification marks …"), and yet not the same words:
                # one remark, worded two ways. Two words apart are two remarks on one
                # subject ("our companies are ready to move …" / "our companies see the
                # visit as the moment to move …").
                # (Three among many are two remarks on one subject too: "… no money for
                # 2029 and 2030" in two different sentences of one senator.)
                overlap = len(wa & wb) / max(1, len(wa | wb))
                # Nor do two years side by side ("for 2029 and 2030") make one wording.
                if (len(wa & wb) >= 3 and overlap >= 0.2 or {
                        p for p in _pairs(a.value) & _pairs(b.value)
                        if not names & set(p) and not any(w.isdigit() for w in p)}) \
                        and overlap < 0.9:
                    conflicts.append(Conflict(f"words of {speaker}",
                                              ((a.value, a.doc_ids), (b.value, b.doc_ids))))
    return conflicts


# A word in more figures' sentences than this says nothing about which thing they count.
_COMMON_WORD = 50


def _figure_pairs(figures: list[Fact]) -> list[tuple[Fact, Fact]]:
    """Pairs of figures that may give one thing's sum: a measure the rules say sources
    must agree on (`compared_measures`), in one currency and year, or a count of a thing
    they name (`compared_counts`: "four patrol vessels" / "six patrol vessels"), in
    sentences about the same thing (two content words shared: "bilateral trade", "loan …
    Mombasa railway"), amounts within a factor of four; none disputed, and not both
    converted from another currency ("95 billion baht ($2.6 billion)"), nor between two
    pairs of countries ("trade between Kazakhstan and Uzbekistan", "… between Kyrgyzstan
    and Uzbekistan") or two countries' exports ("Indonesian shipments …", "Egyptian
    exports …"). Pairs are found
    through the words they share, so the cost follows the pairs that could match, not
    the square of the figures."""
    candidates = [f for f in figures if f.attr("compared") and not f.attr("disputed") and (
        re.fullmatch(r"[A-Z]{3}", f.attr("unit")) or f.attr("measure") in ("quantity", "quota")
        or f.attr("unit") in TERM_UNITS)]
    # The words of the sentences, less those of the figure ("$5 billion"): sums alike
    # in their scale are not about the same thing for that.
    words = [_words(" ".join(e.sentence for e in f.evidence)) - _words(f.text)
             for f in candidates]
    by_word: dict[tuple, list[int]] = defaultdict(list)
    for i, (f, ws) in enumerate(zip(candidates, words)):
        for w in ws:
            # (a rate is one thing whatever word measures it: "a fee of $1,150 per
            # container", "a tariff of 1,250 US dollars per container")
            measure = "rate" if f.attr("per") else f.attr("measure")
            by_word[(measure, f.attr("unit"), f.attr("per"), f.attr("year"), w)].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for holders in by_word.values():
        if len(holders) <= _COMMON_WORD:
            for n, i in enumerate(holders):
                for j in holders[n + 1:]:
                    shared[i, j] += 1
    pairs = []
    for (i, j), count in sorted(shared.items()):
        a, b = candidates[i], candidates[j]
        low, high = sorted((_sum(a), _sum(b)))
        if count >= 2 and 0 < low and high <= 4 * low \
                and not (a.attr("converted") and b.attr("converted")) \
                and not any(a.attr(k) and b.attr(k) and a.attr(k) != b.attr(k)
                            for k in ("between", "trader")):
            pairs.append((a, b))
    return pairs


def _merge_rounded(facts: list[Fact]) -> list[Fact]:
    """A sum said roughly ("about 1.4 billion USD") is the same figure as its precise
    form ("$1.42 billion") in another sentence about the same thing: one figure, the
    precise one, carried by the sources of both — not two lines for one sum."""
    into: dict[int, Fact] = {}  # id of the rough figure → the precise one it joins
    for a, b in _figure_pairs([f for f in facts if f.kind == "figure"]):
        if _rounded(a, b):
            rough, precise = sorted((a, b), key=_significant)
            if _bound(rough) * (_sum(precise) - _sum(rough)) >= 0:
                into.setdefault(id(rough), precise)
    if not into:
        return facts
    joined: dict[int, list[Fact]] = defaultdict(list)
    for f in facts:
        if id(f) in into:
            joined[id(into[id(f)])].append(f)
    out = []
    for f in facts:
        if id(f) in into and id(into[id(f)]) not in into:
            continue  # told by the precise figure
        more = tuple(e for g in joined.get(id(f), ()) for e in g.evidence)
        out.append(Fact(f.kind, f.text, f.key, f.value, f.evidence + more, f.attrs)
                   if more else f)
    return out


_BOUND = re.compile(r"\b(?:(?P<low>over|more than|above|exceeding|upwards of)"
                    r"|(?P<high>nearly|almost|under|less than|below|just short of))\s+$",
                    re.IGNORECASE)


def _bound(figure: Fact) -> int:
    """+1 when the sum is said as a floor ("over 1.1 billion dollars": not 1.07), -1 as a
    ceiling ("nearly €100 million": not 104), 0 when neither."""
    for e in figure.evidence:
        at = e.sentence.find(figure.text)
        m = _BOUND.search(e.sentence, 0, at) if at > 0 else None
        if m:
            return 1 if m.group("low") else -1
    return 0


def _figure_conflicts(figures: list[Fact], archive: set[str] = frozenset(),
                      which: frozenset[str] = frozenset()) -> list[Conflict]:
    """Sources giving different sums for one thing (see `_figure_pairs`). A figure one
    only the sources of the other give is not a disagreement, nor one of a few things
    ("the two agreements"), nor a sum said roughly; an archive story's figure (a source
    a year or more older) is of its own time ("trade was $17.6 billion in 2025")."""
    conflicts = []
    for a, b in _figure_pairs(figures):
        da, db = set(a.doc_ids) - archive, set(b.doc_ids) - archive
        # A source giving both sums tells of the disagreement; it takes no side.
        if not da - db or not db - da:
            continue
        if a.attr("measure") == "quantity" and min(_sum(a), _sum(b)) < 4 \
                and a.attr("unit") in which:
            continue  # "the two agreements", "three projects": which, not how many
        if _rounded(a, b):
            continue  # "£6 billion" is "£6.1 billion" said roughly, not another sum
        what = f"count of {a.attr('unit')}" if a.attr("measure") == "quantity" else \
            f"length of {a.attr('measure')}" if a.attr("unit") in TERM_UNITS else \
            f"figure of {a.attr('measure')}"
        conflicts.append(Conflict(what, (
            (a.attr("display") or a.text, a.doc_ids), (b.attr("display") or b.text, b.doc_ids))))
    return conflicts


_WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _significant(figure: Fact) -> int:
    """How many significant digits the sum is written with ("£6 billion": 1, "£6.1
    billion": 2, "$410 million": 2 — a whole number's trailing zeros say nothing)."""
    m = _WRITTEN_NUMBER.search(figure.text)
    if not m:
        return 1
    written = m.group().replace(",", "")
    digits = written.replace(".", "").lstrip("0")
    if "." not in written:
        digits = digits.rstrip("0")
    return len(digits) or 1


def _rounded(a: Fact, b: Fact) -> bool:
    """Whether the sum written with fewer digits is the other rounded to them. A term is
    stated exactly: "25 years" is no "30 years" said roughly."""
    if a.attr("unit") in TERM_UNITS:
        return False
    coarse, fine = sorted((a, b), key=_significant)
    n = _significant(coarse)
    if n == _significant(fine):
        return False
    value = _sum(fine)
    # (within a tenth: "$15.5 billion" is "$20 billion" to one digit, yet no one rounds
    # it so)
    return value != 0 and float(f"{value:.{n}g}") == _sum(coarse) \
        and abs(_sum(coarse) - value) <= value / 10


def _sum(figure: Fact) -> float:
    try:
        return float(figure.value.split()[0])
    except (ValueError, IndexError):
        return 0.0


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _unify_agreements(facts: list[Fact],
                      party_words: dict[str, frozenset[str]] | None = None) -> list[Fact]:
    """Give an agreement named without its acronym the acronym's key, when its
    initials spell the acronym ("Treaty on Border Waters" → TBW) or its words are
    mostly those of the acronym's full name; claims about it follow, and so do claims
    that use the acronym alone in a source that never spelled it out."""
    # (its name as spelt out: the longest a source gives, not "SAMPI" alone)
    named = {f.key: f.value for f in sorted(
        (f for f in facts if f.kind == "agreement" and f.attr("acronym")),
        key=lambda f: len(f.value))}
    # An acronym one source spells out names the agreement in every source.
    bare = re.compile(r"\b(" + "|".join(map(re.escape, sorted(named))) + r")\b") \
        if named else None
    # An acronym's own words, less its kind and its parties ("Reciprocal Access")
    cores: dict[str, frozenset[str]] = defaultdict(frozenset)
    for f in facts:
        if f.kind == "agreement" and f.attr("acronym"):
            cores[f.key] |= _words(f.attr("core")) - _words(f.attr("countries").replace("|", " "))
    # Its parties: the countries and blocs its name gives ("EU–Việt Nam FTA" is not the
    # "EFTA–Viet Nam FTA")
    parties = {f.key: set(f.items("countries")) | set(f.items("parties")) for f in facts
               if f.kind == "agreement" and f.attr("acronym")}
    full_words = {a: _words(full) for a, full in named.items()}
    rename: dict[str, str] = {}
    for f in facts:
        if f.kind != "agreement" or f.attr("acronym") or f.key in rename:
            continue
        words = _words(f.value)
        # …all in a longer name, and no other acronym's: the same text named in full
        # ("Agreement between the Kingdom of Thailand and Japan on Defence Cooperation and
        # Reciprocal Access" and the RAA)
        within = [a for a, core in cores.items() if len(core) >= 2 and core <= words]
        # …or its own words all in one acronym's full name ("Status of Forces Agreement"
        # and the "Agreement … on the Status of Their Armed Forces (SOFA)")
        mine_core = _words(f.attr("core"))
        inside = [a for a in named if len(mine_core) >= 2 and mine_core <= full_words[a]]
        mine = set(f.items("countries")) | set(f.items("parties"))
        for acronym, full in named.items():
            theirs = parties[acronym]
            if mine and theirs and not (mine <= theirs or theirs <= mine):
                continue  # "EU–New Zealand FTA" is not the Australia–EU one
            # …or its acronyms spelt out ("EU–Australia FTA": European Union …)
            overlap = max(len(ws & full_words[acronym]) / max(1, len(ws | full_words[acronym]))
                          for ws in (words, _words(" ".join(name_words(f.value, full)))))
            if _initials(f.value) == acronym or overlap >= 0.6 or within == [acronym] \
                    or inside == [acronym]:
                rename[f.key] = acronym
                break
    rename.update(_short_names(facts, rename))
    rename.update(_aliases(facts, rename))
    rename.update(_same_words(facts, rename))
    described = _subject_after(facts, rename)  # (a description, no name of its own)
    rename.update(described)
    rename.update(_generic_names(facts, rename, party_words))
    values = {f.key: f.value for f in facts if f.kind == "agreement"}
    out = []
    for f in facts:
        if f.kind == "agreement" and f.key in rename:
            target = rename[f.key]
            # (a description, or a nickname of a place and a kind's acronym — "Paris
            # MoU", "Seoul-Nairobi MOU" — is no other name to ask about)
            nickname = f.attr("placed") and _KIND_ACRONYM.fullmatch(
                f.value[len(f.attr("placed")) + 1:])
            value = values.get(target, f.value) if f.key in described or nickname \
                else f.value
            f = replace(f.with_attrs(acronym=target) if target in named else f, key=target,
                        value=value)
        elif f.kind == "claim" and f.attr("agreement") in rename:
            f = f.with_attrs(agreement=rename[f.attr("agreement")])
        elif f.kind == "claim" and not f.attr("agreement") and bare:
            hit = bare.search(f.text)
            if hit:
                f = f.with_attrs(agreement=hit.group(1))
        out.append(f)
    return out


def _same_words(facts: list[Fact], rename: dict[str, str]) -> dict[str, str]:
    """Names whose words are all in another's, two of them besides the kind words
    (its `core`), an acronym counting as the words it spells ("Agreement on Defence Cooperation",
    "Australia-Chile Defence Cooperation Agreement" → "Agreement between the Republic of
    Chile and Australia on Defence Cooperation"; "EU-Thailand FTA" → "EU-Thailand Free
    Trade Agreement") → the one with the most words, if only one contains them."""
    names: dict[str, tuple[str, set[str], set[str]]] = {}
    readings: dict[str, list[Fact]] = defaultdict(list)
    countries: dict[str, tuple[set[str], set[str]]] = {}  # key → (countries, their words)
    for f in facts:
        if f.kind == "agreement" and not f.attr("acronym") and f.key not in rename:
            readings[f.key].append(f)
            names.setdefault(f.key, (f.value, set(agreement_key(f.value, "").split()),
                                     set(agreement_key(f.attr("core"), "").split())))
            countries.setdefault(f.key, (set(f.items("countries")),
                                         set(f.items("country_words"))))
    # Only names holding every core word can be wider: looked up, not all compared.
    holding: dict[str, set[str]] = defaultdict(set)
    for key, (_, words, _) in names.items():
        for w in words:
            holding[w].add(key)
    out = {}
    # The same words in another order ("between the Kingdom of Spain and the Republic of
    # Colombia" / "between the Republic of Colombia and the Kingdom of Spain") name one
    # text: all go to the first of them.
    by_words: dict[frozenset[str], list[str]] = defaultdict(list)
    for key, (_, words, core) in names.items():
        if len(core) >= 2:
            by_words[frozenset(words)].append(key)
    for keys in by_words.values():
        out.update({k: min(keys) for k in keys if k != min(keys)})
    for key, (name, _, core) in names.items():
        if len(core) < 2 or key in out:
            continue
        wider = []
        # Countries may be named two ways ("France", "the French Republic"): the words
        # that name them are compared as countries, not as words.
        mine, my_words = countries[key]
        needed = core - PARTY_WORDS - my_words or core - PARTY_WORDS or core
        for other in set.intersection(*(holding.get(w, set()) for w in needed)):
            long, long_words, _ = names[other]
            theirs, their_words = countries[other]
            if not mine <= theirs:
                continue
            # Words naming the parties ("Government", "Republic") may differ.
            # (An acronym spelt out may name them too: "RoK", the Republic of Korea.)
            words = set(name_words(name, long)) - (PARTY_WORDS - long_words) - my_words \
                - their_words
            long_words = long_words - their_words
            # (The same words written out at more length count as wider too.)
            if other != key and words <= long_words and (
                    len(long_words) > len(words) or len(long) > len(name)) \
                    and not any(_own_subject(f, long) for f in readings[key]):
                wider.append(other)

        def narrower(k: str, o: str) -> bool:  # fewer words, or the same words said shorter
            # (the words naming their parties aside: "Kenya–UK Agreement for …" is
            # narrower than "Agreement between the Government of the Republic of Kenya
            # and the Government of the United Kingdom … for …")
            mine, theirs = names[k][1] - countries[k][1], names[o][1] - countries[o][1]
            return mine < theirs or (
                mine == theirs and len(names[k][0]) < len(names[o][0]))

        widest = {out.get(k, k) for k in wider if not any(narrower(k, o) for o in wider)}
        if len(widest) == 1:
            out[key] = widest.pop()
    # Followed to the end: "Viet Nam–Costa Rica FTA" → "Costa Rica–Viet Nam FTA" (the
    # same words) → "Free Trade Agreement between the Republic of Costa Rica and …".
    for key in out:
        seen = {key}
        while out[key] in out and out[key] not in seen:
            seen.add(out[key])
            out[key] = out[out[key]]
    return out


# A kind said by its acronym ("MoU", "FTA": two capitals or more), after the place a
# text was made; the name's kind is then that acronym's (facts.yaml `agreement_kinds`).
_KIND_ACRONYM = re.compile(r"(?:[a-z]*[A-Z]){2,}[a-z]*")


def _short_names(facts: list[Fact], rename: dict[str, str]) -> dict[str, str]:
    """A name cut after its kind word ("the Dakar Convention") → the one full name
    that goes on from it ("Dakar Convention on Shared Fish Stocks"); so is one led by the
    place it was made ("Doha Peace Agreement" → "Peace Agreement between …", the rest
    two words at least: "Paris Agreement" is no "Agreement between …")."""
    by_first: dict[str, dict[str, str]] = defaultdict(dict)  # first word → key → name
    for f in facts:
        if f.kind == "agreement":
            name = f.value.lower()
            by_first[name.split(" ", 1)[0]][rename.get(f.key, f.key)] = name
    out = {}
    for f in facts:
        if f.kind != "agreement" or f.attr("acronym") or f.key in rename or f.key in out:
            continue
        start = f.value.lower() + " "
        if f.attr("placed") and f.value.count(" ") - f.attr("placed").count(" ") >= 2:
            start = start[len(f.attr("placed")) + 1:]
        elif f.attr("placed") and _KIND_ACRONYM.fullmatch(f.value[len(f.attr("placed")) + 1:]):
            # "Paris MoU": the one "Memorandum of Understanding between …" (not "Paris
            # Agreement", a name of its own)
            start = f.attr("kind") + " "
        longer = {k for k, name in by_first[start.split(" ", 1)[0]].items()
                  if k != f.key and name.startswith(start)
                  and name[len(start):].split(" ", 1)[0] in NAME_GOES_ON}
        if len(longer) == 1 and not _own_subject(f, by_first[start.split(" ", 1)[0]][
                next(iter(longer))]):
            out[f.key] = longer.pop()
    return out


# A name's subject in lower case after it: "a Joint Declaration of Intent on vocational
# training" is another text than the "Joint Declaration of Intent on a Strategic
# Partnership for …" (not "a memorandum of understanding on agriculture", the
# "Memorandum … on Agricultural Cooperation …").
_LOWER_SUBJECT = re.compile(r"\s+(?:on|for|concerning|regarding)\s+(?:the\s+)?"
                            r"(?P<words>[a-z]{3,}(?:\s+[a-z]{3,}){0,2})")


def _subject_after(facts: list[Fact], rename: dict[str, str]) -> dict[str, str]:
    """A name that is a party and a kind only, its subject told after it in lower case
    ("the African Union Protocol on the free movement of persons") → the one other name
    whose own words that subject holds (the "Free Movement Protocol")."""
    agreements = [f for f in facts if f.kind == "agreement"]
    out = {}
    for f in agreements:
        if f.key in rename or f.key in out:
            continue
        parties = {w.lower() for p in f.items("parties") for w in p.split()}
        core = set(f.attr("core").lower().split())
        if not parties or not core or not core <= parties:
            continue
        said = set()
        for e in f.evidence:
            at = e.sentence.find(f.text)
            m = _LOWER_SUBJECT.match(e.sentence, at + len(f.text)) if at >= 0 else None
            if m:
                said |= {w[:5] for w in m["words"].split()}
        held = {rename.get(g.key, g.key) for g in agreements if g.key != f.key and (
            words := {w[:5] for w in g.attr("core").lower().split() if len(w) > 2})
            and len(words) >= 2 and words <= said}
        if len(held) == 1:
            out[f.key] = held.pop()
    return out


def _own_subject(f: Fact, other: str) -> bool:
    """Whether a reading of a short agreement's name, its kind's words only, is followed
    by a subject of its own, in lower case, that shares no word with the name `other`
    (not "… Convention … for signature")."""
    if len(f.value.split()) > 4:
        return False
    stems = {w[:5] for w in re.findall(r"[a-z]{3,}", other.lower())} | {
        "signa", "ratif", "appro", "consi", "adopt"}
    for e in f.evidence:
        at = e.sentence.find(f.text)
        m = _LOWER_SUBJECT.match(e.sentence, at + len(f.text)) if at >= 0 else None
        if m and not {w[:5] for w in m["words"].split()} & stems:
            return True
    return False


def _aliases(facts: list[Fact], rename: dict[str, str]) -> dict[str, str]:
    """A name a source gives the place a text was concluded at ("Cape Town Convention",
    where another spells out "the Convention on … (Cape Town, 16 November 2001)") → the
    full name, when one full name has that alias."""
    full: dict[str, set[str]] = defaultdict(set)
    for f in facts:
        if f.kind == "agreement" and f.attr("alias"):
            full[agreement_key(f.attr("alias"), "")].add(rename.get(f.key, f.key))
    return {f.key: next(iter(full[f.key])) for f in facts
            if f.kind == "agreement" and f.key not in rename and not f.attr("acronym")
            and len(full.get(f.key, ())) == 1 and f.key not in full[f.key]}


def _generic_names(facts: list[Fact], rename: dict[str, str],
                   party_words: dict[str, frozenset[str]] | None = None) -> dict[str, str]:
    """A "name" that is only its kind ("concluded a Free Trade Agreement") → the
    agreement of that kind most sources name ("Chile–Korea FTA"), if one leads. So is
    one that is only its kind and its parties ("the EU FTA", "the Thailand FTA", "Free
    Trade Agreement between the Kingdom of Thailand and the European Union"): → the
    one of that kind between them (and maybe others) more sources name, if one leads."""
    sources: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    parties: dict[str, set[str]] = defaultdict(set)
    generic: list[Fact] = []
    described: list[Fact] = []
    for f in facts:
        if f.kind != "agreement" or not f.attr("kind"):
            continue
        if f.key == agreement_key(f.attr("kind"), ""):
            generic.append(f)
            continue
        key = rename.get(f.key, f.key)
        sources[f.attr("kind")][key].update(f.doc_ids)
        parties[key].update(f.items("parties"))
        if f.key not in rename and f.items("parties") and not f.attr("year") \
                and _only_parties(f, party_words or {}):
            described.append(f)
    out = {}
    for f in generic:
        ranked = sorted(((len(d), k) for k, d in sources[f.attr("kind")].items()), reverse=True)
        if ranked and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
            out[f.key] = ranked[0][1]
    for f in described:
        mine = set(f.items("parties"))
        ranked = sorted(((len(d), k) for k, d in sources[f.attr("kind")].items()
                         if k != f.key and mine <= parties[k]), reverse=True)
        if ranked and ranked[0][0] > len(sources[f.attr("kind")][f.key]) and (
                len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
            out[f.key] = ranked[0][1]
    # Names that all say only the kind and the same parties, and no other name of that
    # kind between them ("Egypt–EAEU Free Trade Agreement", "Free Trade Agreement between
    # the Arab Republic of Egypt and the Eurasian Economic Union", as many sources each):
    # one text, named as most sources (then at most length) name it.
    alike: dict[tuple[str, frozenset[str]], set[str]] = defaultdict(set)
    for f in described:
        if f.key not in out:
            alike[f.attr("kind"), frozenset(f.items("parties"))].add(f.key)
    for (kind, mine), keys in alike.items():
        others = [k for k in sources[kind] if k not in keys and mine <= parties[k]]
        if len(keys) > 1 and not others:
            best = max(keys, key=lambda k: (len(sources[kind][k]), len(k), k))
            out.update({k: best for k in keys if k != best})
    for key in out:  # followed to the end (each step to more sources: no loop)
        while out[key] in out:
            out[key] = out[out[key]]
    return out


def _only_parties(agreement: Fact, party_words: dict[str, frozenset[str]]) -> bool:
    """Whether an agreement's name says nothing but its kind and its parties."""
    named = set(agreement.items("country_words"))
    for p in agreement.items("parties"):
        named |= party_words.get(p, frozenset())
    core = {w.lower() for w in agreement.attr("core").split()}
    return bool(core) and core <= named | PARTY_WORDS


def _within(part: str, whole: str) -> bool:
    """Whether quote `part` is said inside quote `whole` (case and punctuation aside)."""
    words = lambda t: " ".join(re.findall(r"\w+", t.lower()))
    return words(part) in words(whole)


def _pairs(text: str) -> frozenset[tuple[str, str]]:
    """The pairs of content words that stand side by side in `text`."""
    words = [w for w in re.findall(r"[a-z0-9]{4,}", text.lower()) if w not in _STOP]
    return frozenset(zip(words, words[1:]))


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]{4,}", text.lower()) if w not in _STOP)


# Numbers in a claim's words, in figures or words ("7", "seven"): two sources giving
# none in common tell of other counts. Dates are no counts ("10 June 2027").
_COUNTED = re.compile(r"(?<![\w.,])(?:\d+(?:[.,]\d+)*|" + "|".join(sorted(
    NUMBER_WORDS, key=len, reverse=True)) + r")(?![\w.,]\d)", re.IGNORECASE)


def _counts(text: str) -> frozenset[str]:
    """The numbers `text` counts with, less the years and days of its dates."""
    months = _month_words()
    out = set()
    for m in _COUNTED.finditer(text):
        number = m.group().lower()
        before = text[max(0, m.start() - 12):m.start()].split()[-1:]
        after = text[m.end():m.end() + 12].split()[:1]
        if re.fullmatch(r"(?:19|20)\d\d", number) or any(
                w.strip(".,").lower() in months for w in before + after):
            continue
        out.add(number)
    return frozenset(out)


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    """Month names as the tagger's rules write them ("june", "jun.")."""
    from briefing.timex import rules

    return frozenset(w.rstrip(".") for w in rules().lexicons["month"])


def _dated_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two claims' dates (ISO days and months) tell of other days: days
    disjoint, or a month one gives ("in June") where the other gives a day of it ("on 8
    June") — the month takes no side, so it must not corroborate the day."""
    day_a, day_b = {v for v in a if len(v) == 10}, {v for v in b if len(v) == 10}
    if day_a and day_b:
        return day_a.isdisjoint(day_b)
    day, month = (day_b, a) if day_b else (day_a, b)
    return bool(day) and bool({v for v in month if len(v) == 7} & {v[:7] for v in day})


def _merge_near_duplicates(claims: list[Fact], phrases: Phrases) -> list[Fact]:
    """Cluster claims from different documents whose words overlap enough.

    Exact prefix filtering (as in all-pairs similarity search): two word sets can
    reach a Jaccard overlap of NEAR_DUPLICATE only if they share one of the rarest
    |w| - ceil(t·|w|) + 1 words of each, so only those words are indexed; the cost
    grows with the pairs that could match, not with the square of the claims.
    """
    words = [_words(c.text) for c in claims]
    docs = [frozenset(c.doc_ids) for c in claims]
    # Days written out: the same sentence with another day is a disagreement to show,
    # not a corroboration ("enters into force on 14 June" / "… on 15 June").
    days = [frozenset(v for v in c.attr("dates").split("|") if len(v) in (7, 10))
            for c in claims]
    # …nor one with another tally ("by 61 votes to 39" / "by 59 votes to 41"), nor one
    # counting otherwise ("signed seven agreements" / "signed eight agreements"). Read
    # only for the pairs that could match: most claims are in none, and these two
    # readings were half of this function's time.
    tallies: dict[int, str] = {}
    counts: dict[int, frozenset[str]] = {}

    def tally_of(i: int) -> str:
        if i not in tallies:
            tallies[i] = tally(claims[i].text, phrases)
        return tallies[i]

    def counts_of(i: int) -> frozenset[str]:
        if i not in counts:
            counts[i] = _counts(claims[i].text)
        return counts[i]

    frequency: dict[str, int] = defaultdict(int)
    for ws in words:
        for w in ws:
            frequency[w] += 1
    index: dict[str, list[int]] = defaultdict(list)
    parent = list(range(len(claims)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, ws in enumerate(words):
        rarest = sorted(ws, key=lambda w: (frequency[w], w))
        prefix = rarest[:len(ws) - math.ceil(NEAR_DUPLICATE * len(ws)) + 1]
        seen: set[int] = set()
        for w in prefix:
            for j in index[w]:
                if j in seen:
                    continue
                seen.add(j)
                if not docs[i].isdisjoint(docs[j]) or _dated_apart(days[i], days[j]):
                    continue  # one source does not corroborate itself, nor another day
                union = len(ws | words[j])
                shared = len(ws & words[j])
                # Three words in common ("meeting of the prime ministers") make no
                # sentence another's, however short both are.
                if not (union and shared >= _MIN_SHARED and shared / union >= NEAR_DUPLICATE):
                    continue
                if tally_of(i) and tally_of(j) and tally_of(i) != tally_of(j) or (
                        counts_of(i) and counts_of(j) and counts_of(i).isdisjoint(counts_of(j))):
                    continue
                parent[root(j)] = root(i)
            index[w].append(i)
    clusters: dict[int, list[Fact]] = defaultdict(list)
    for i, c in enumerate(claims):
        clusters[root(i)].append(c)
    return [_merge(sorted(g, key=lambda f: len(f.text), reverse=True))
            for g in clusters.values()]
