"""Frames: the structured slots of an agreement and of an upcoming visit or summit.

An agreement frame gathers, across every source, its name and acronym, when, where and
by whom it was signed, which body ratified it and when, and the next step. Each slot
keeps the sources behind each value; two sources giving two values for one slot make a
`Conflict`, explained when the publication dates account for it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

from briefing.cues import ComingEvent, Phrases
from briefing.entities import JOINING_WORDS
from briefing.extract import ACTS_AFTER_SIGNING, STOPS, agreement_key
from briefing.models import Conflict, Document, Evidence, Fact, recalled, surname
from briefing.phrasing import format_date, format_span

_FULL_DATE = re.compile(r"^(\d{4}|XXXX)-\d\d-\d\d$")
def tally(text: str, phrases: Phrases) -> str:
    """The recorded vote a sentence gives ("312–110"; "71 votes to none": "71–0"), or ""."""
    m = phrases.first("tally", text)
    if not m:
        return ""
    no = m["no"]
    return f"{m['yes']}–{no if no[:1].isdigit() else 0}"


def build_frames(documents: tuple[Document, ...], facts: list[Fact], claims: list[Fact],
                 phrases: Phrases, country_words: dict[str, frozenset[str]],
                 coming: tuple[ComingEvent, ...], shared_chambers: frozenset[str] = frozenset()
                 ) -> tuple[list[Fact], list[Conflict]]:
    """Agreement frames, their next steps, event frames (facts of kind "frame", "step"
    and "event") and the conflicts found. `country_words`: each country's name words in
    all its forms (the gazetteer's), which an agreement's name may use for its parties;
    `shared_chambers`: the chambers' names several countries' chambers bear ("National
    Assembly", "Parliament"), which the note names with their country; `coming`: the
    kinds of coming event (facts.yaml `coming_events`)."""
    published = {d.id: d.published for d in documents}
    frames: list[Fact] = []
    conflicts: list[Conflict] = []
    people = {f.key: f for f in facts if f.kind == "person"}
    # Whose chamber is whose ("People's Majlis" → Maldives): the gazetteer's, on its facts.
    chambers = {f.value: f.attr("country") for f in facts
                if f.kind == "organisation" and f.attr("country")}
    by_agreement: dict[str, list[Fact]] = defaultdict(list)  # one pass, not one per agreement
    for c in claims:
        by_agreement[c.attr("agreement")].append(c)
    # The event's agreement leads the section; the others are mostly background.
    agreements = [f for f in facts if f.kind == "agreement"]
    main = event_agreement(agreements, claims)
    for agreement in agreements:
        about = by_agreement.get(agreement.key, [])
        frame, found, steps = _agreement_frame(agreement, about, people, published,
                                               phrases, country_words, chambers,
                                               shared_chambers)
        if agreement.key == main:
            frame = frame.with_attrs(main="yes")
        frames += [frame, *steps]
        conflicts.extend(found)
    events = _event_frames(claims, people, published, conflicts, phrases, coming)
    visits = [e for e in events if e.attr("event") == "visit"]
    if visits and max(visits, key=lambda e: e.corroboration).attr("replaced"):
        # The visit they were to be signed during (the one most sources tell of) is
        # postponed: so is their signing
        frames = [f.with_attrs(status="to be signed during the visit, which is postponed")
                  if f.attr("status") == "to be signed during the visit" else f
                  for f in frames]
    # A signing on a day of a visit since moved goes with the visit: "to be signed on 24
    # November", in a state visit of 24–26 November now set for March.
    # (not a day of the new span too: a visit moved a day, "1–3" to "2–4 December")
    moved = [(e.attr("moved_from"), e.attr("moved_from_end") or e.attr("moved_from"),
              e.attr("start"), e.attr("end") or e.attr("start"))
             for e in visits if e.attr("moved_from")]
    frames = [f.with_attrs(signing_date="", signing_place="",
                           status="to be signed during the visit, which is postponed")
              if f.attr("signing_date") and any(
                  a <= f.attr("signing_date") <= b and not c <= f.attr("signing_date") <= d
                  for a, b, c, d in moved) else f
              for f in frames]
    # …else a signing put off is put off alone ("will sign only the consular agreement
    # during the visit, with the visa protocol put off")
    frames = [f.with_attrs(status="signing postponed; no new date given")
              if f.attr("put_off") and f.attr("status") in (
                  "to be signed during the visit", "to be signed at the summit") else f
              for f in frames]
    return frames + events, conflicts


def event_agreement(agreements: list[Fact], claims: list[Fact]) -> str:
    """The key of the agreement the event is about: the one most sources name, then
    the one most sentences are about; "" when two are level on both."""
    docs: dict[str, set[str]] = defaultdict(set)
    # A text only recalled (named in sentences of long ago) is the event's only when
    # no other is named.
    current = [f for f in agreements if not f.attr("recalled")] or agreements
    for f in current:
        docs[f.key].update(f.doc_ids)
    about: dict[str, int] = defaultdict(int)
    for c in claims:
        about[c.attr("agreement")] += 1
        if c.attr("agreement") in docs and c.attr("modality") == "asserted" \
                and {"signing", "agreement_reached"} & set(_events(c)):
            # a source telling of it signed names it, however it calls it ("the
            # memorandum signed in Cairo on Tuesday")
            docs[c.attr("agreement")].update(c.doc_ids)
    ranked = sorted(docs, key=lambda k: (-len(docs[k]), -about[k], k))
    if len(ranked) > 1 and (len(docs[ranked[0]]), about[ranked[0]]) == \
            (len(docs[ranked[1]]), about[ranked[1]]):
        return ""
    return ranked[0] if ranked else ""


def _cues(claim: Fact) -> list[str]:
    """The cue classes of a claim ("done", "failed", …)."""
    return claim.attr("cues").split(",")


def _events(claim: Fact) -> list[str]:
    """The events a claim tells of ("signing", "ratification", …)."""
    return claim.attr("events").split(",")


def _docs(evidence) -> tuple[str, ...]:
    return tuple(dict.fromkeys(e.doc_id for e in evidence))


def _same_date(a: str, b: str) -> bool:
    """Two date values agree if equal, or equal once an unknown year is ignored."""
    return a == b or (a[4:] == b[4:] and "XXXX" in (a[:4], b[:4]))


def _agreement_frame(agreement: Fact, claims: list[Fact], people: dict[str, Fact],
                     published: dict[str, date | None], phrases: Phrases,
                     country_words: dict[str, frozenset[str]], chambers: dict[str, str],
                     shared_chambers: frozenset[str] = frozenset()
                     ) -> tuple[Fact, list[Conflict], list[Fact]]:
    """One agreement's slots from the claims about it, the conflicts among them, and
    its next step (a fact of kind "step": which body acts next, and the sentence)."""
    slots: dict[str, str] = {"name": agreement.value, "type": agreement.attr("kind"),
                             "acronym": agreement.attr("acronym"),
                             # named by its kind alone ("Memorandum of understanding")
                             "generic": "" if agreement.attr("core") or agreement.attr(
                                 "acronym") or agreement.attr("unnamed") else "yes",
                             # named only where a text of long ago is recalled ("rest on
                             # the Treaty of Friendship … signed in Vientiane in 1997")
                             "recalled": agreement.attr("recalled")}
    conflicts: list[Conflict] = []
    # An agreement no source names ("the Belgium–Congo agreement") has no variants.
    # Its parties' names in any form ("the Socialist Republic of Viet Nam") say nothing
    # a name without them does not.
    countries = {p for c in claims for p in c.items("countries")} | set(
        agreement.items("parties"))
    names = {} if agreement.attr("unnamed") else _name_variants(
        agreement, {w for p in countries for w in country_words.get(p, p.lower().split())}
        | set(agreement.items("country_words")))
    # Two names in one source are its long and short forms, not a disagreement; nor is a
    # short form ("Submarine Cables Convention") only sources using the long one use.
    shown = {n: docs for n, docs in names.items() if not _short_form(n, names)
             and n not in agreement.items("cut_names")}
    if len(shown) > 1 and len({d for docs in shown.values() for d in docs}) > 1:
        conflicts.append(Conflict(f"name of {slots['acronym'] or agreement.value}",
                                  tuple(shown.items())))
    if names:
        # the name most sources use; of as many, one without its parties ("Agreement on
        # Mutual Logistic Support", not "Agreement between the Government of …
        # concerning Mutual Logistic Support"), then the longest
        slots["name"] = max(names, key=lambda n: (len(names[n]), " between " not in n
                                                   and _short_form(n, names), len(n)))
    label = slots["acronym"] or slots["name"]
    evidence = list(agreement.evidence)
    evidence += _signing(slots, claims, people, published, conflicts, label, phrases)
    evidence += _ratification(slots, claims, published, conflicts, phrases, chambers,
                              shared_chambers)
    evidence += _stopped(slots, claims, published)
    if not slots.get("signed_date") and not slots.get("ratified_by") \
            and slots["type"] in _ADOPTED_KINDS:
        # A declaration is adopted, not signed: "Forum Leaders … on 10 September 2026
        # adopted the Koror Declaration …" (no chamber's act)
        adopted = [c for c in _reported(claims, "approval", done=True)
                   if not _legislature(c) and "background" not in _cues(c)]
        days = {v: d for v, d in _date_votes(adopted, published, ("approval",)).items()
                if len(v) == 10}
        if days:
            slots["adopted_date"] = max(days, key=lambda v: (len(days[v]), v))
            evidence += [e for c in adopted for e in c.evidence]
            day = _day(slots["adopted_date"])
            if all(published.get(d) and day and (published[d] - day).days > 180
                   for d in agreement.doc_ids):
                # "last year's summit … adopted the Nairobi Declaration", half a year
                # and more before every source: the background of the news
                slots["recalled"] = "yes"
    counts: dict[str, int] = defaultdict(int)
    for c in claims:
        for p in c.items("countries"):
            counts[p] += 1
    # With more than two countries named, a party is named in at least two of its
    # sentences: a country mentioned in passing ("a conflict over Taiwan") is not one.
    parties = _votes(p for c in claims for p in c.items("countries"))
    if len(parties) > 2:
        parties = [p for p in parties if counts[p] >= 2]
    multilateral = any("multilateral" in _cues(c) for c in claims)
    named = agreement.items("parties")
    if len(named) == 2 and set(named) != set(parties[:2]):
        slots["parties"] = "|".join(named)  # the name says ("Australia-European Union …")
    elif len(parties) >= 2 and not multilateral:
        # Between whom: the two countries the agreement's sentences name most — and a
        # third or more that two sentences telling of its signing name beside them
        # ("Croatia, Hungary and Serbia signed an agreement on Thursday").
        signers = [set(c.items("countries")) for c in claims if "signed_done" in _cues(c)
                   and c.attr("modality") == "asserted" and "background" not in _cues(c)]
        more = [p for p in parties[2:] if sum(
            {p, *parties[:2]} <= named_there for named_there in signers) >= 2]
        slots["parties"] = "|".join(parties[:2] + more)
    reached = [c for c in claims if "agreement_reached" in _events(c)
               and c.attr("modality") == "asserted" and c.attr("tense") == "past"
               and "whether" not in _cues(c)]
    if not slots.get("signed_date") and reached and not slots.get("status"):
        # "concluded negotiations on Thursday": agreed, not yet signed.
        # (The day may sit nearer "agreement" or "negotiations" than the verb.)
        days = _date_votes(reached, published, ("agreement_reached", "deal", "talks"))
        when = max(days, key=lambda v: (len(days[v]), len(v))) if days else ""
        slots["status"] = f"concluded {format_date(when)}".strip() if when else "concluded"
        evidence += [e for c in reached for e in c.evidence]
    elif not slots.get("signed_date") and not slots.get("signing_date") and any(
            "negotiating" in _cues(c) for c in claims):
        slots["status"] = "under negotiation"  # what an unsigned agreement's line says
    elif not slots.get("signed_date") and (joined := _date_votes(
            [c for c in claims if "accession" in _events(c) and c.attr("tense") == "past"
             and c.attr("modality") in ("asserted", "possible")], published, ("accession",))):
        # "deposited its instrument of accession … on 11 March": a party by accession
        when = max(joined, key=lambda v: (len(joined[v]), len(v)))
        slots["status"] = f"acceded {format_date(when)}"
    elif not slots.get("signed_date") and not slots.get("signing_date"):
        # "On the occasion of the visit, it is expected that the Agreement … will be
        # signed": no day of its own, the occasion's (the Agenda dates the visit).
        # (not "at the summit, where officials signed a … framework agreement setting
        # out how the money will be managed": signed, whatever the clause after expects)
        occasion = next((e for c in claims if c.attr("modality") == "expected"
                         and "signing" in _events(c) and "signed_done" not in _cues(c)
                         for e in ("visit", "summit") if e in _events(c)), "")
        # …unless a source doubts it ("whether the border agreement is also signed
        # depends on whom you ask", "could be left for the return visit")
        doubted = any("signing" in _events(c) and (
            "whether" in _cues(c) or c.attr("modality") == "denied"
            or c.attr("modality") == "possible" and not c.attr("refers_back"))
            for c in claims)
        if occasion and not doubted and slots.get("status") != "signed" \
                and not slots.get("status", "").startswith("dropped"):
            if slots.get("status", "").startswith("signing postponed"):
                # put off since: so the visit is, or the signing alone (known once the
                # visit's frame is: build_frames)
                slots["put_off"] = "yes"
            slots["status"] = "to be signed " + ("during the visit" if occasion == "visit"
                                                 else "at the summit")
    if not slots["recalled"] and slots.get("signed_date") and not any(
            slots.get(k) for k in _NEWS_SLOTS) and all(
            recalled([slots["signed_date"]], published.get(d)) for d in agreement.doc_ids) \
            and not any(ACTS_AFTER_SIGNING & set(_events(c)) and not {"background", "long_ago"}
                        & set(_cues(c)) for c in claims):
        # A text whose one act the sources tell is its signing two years or more before
        # each of them ("the Trade and Economic Cooperation Agreement signed in Dakar in
        # January 2018", recalled ahead of a visit) is the background of the news —
        # unless a source tells of an act on it now ("Mauritania notified Senegal that it
        # will withdraw from the 1983 agreement").
        slots["recalled"] = "yes"
    step_claim = slots.pop("next_step_claim", "")
    frame = Fact("frame", slots["name"], agreement.key, slots["name"], tuple(evidence),
                 tuple(sorted((k, v) for k, v in slots.items() if v)))
    steps = [Fact("step", c.text, f"step:{agreement.key}", slots["next_step"], c.evidence,
                  (("agreement", label), ("body", slots["next_step"])))
             for c in claims if c.key == step_claim][:1]
    return frame, conflicts, steps


# Kinds of text adopted by those who make them, with no signature.
_ADOPTED_KINDS = frozenset({"declaration", "communiqué", "roadmap"})


# The slots of an agreement's frame that tell of an act after its signing.
_NEWS_SLOTS = ("ratified_date", "ratified_by", "in_force_date", "status", "next_step",
               "failed_date", "stopped", "signing_date", "moved", "replaced")


def _signed_by(claim: Fact, named: list[str], phrases: Phrases) -> list[str]:
    """Who signed: the people named after "signed … by", not those looking on; all the
    people in the sentence when it has no "by"."""
    # (not those "in the presence of" whom it was signed)
    looking = [w.end() for w in _LOOKING_ON.finditer(claim.text)]
    named = [p for p in named if not any(
        0 <= claim.text.find(surname(p), at) - at < 120 for at in looking)]
    m = phrases.first("signed_by", claim.text)
    if not m:
        return named
    after = [p for p in named if p in m["who"] or surname(p) in m["who"]]
    return after or named


_LOOKING_ON = re.compile(r"\b(?:in the presence of|witnessed by|attended by)\b", re.IGNORECASE)


def _reported(claims: list[Fact], event: str, *, done: bool) -> list[Fact]:
    """Claims of `event` that report it done (asserted or pending a next step), or not."""
    return [c for c in claims if event in _events(c)
            and (c.attr("modality") == "asserted"
                 # Pending: one step done, the next awaited — unless all it sets out
                 # are conditions ("once signed, it must be approved by …").
                 or c.attr("modality") == "pending" and (
                     "conditions" not in _cues(c)
                     or "done" in _cues(c))
                 # …and the step done is this one ("ratified by the Sejm, it now moves
                 # to the Senate"), not the one awaited ("awaiting ratification").
                 and (event not in _DONE_CUE or _DONE_CUE[event] in _cues(c))
                 # "The pact, signed in Muscat on Thursday, will come into force once …":
                 # the signing is done whatever the rest of the sentence awaits.
                 or event == "signing" and "done" in _cues(c)
                 and c.attr("modality") != "possible") == done]


def _signing(slots: dict[str, str], claims: list[Fact], people: dict[str, Fact],
             published: dict[str, date | None], conflicts: list[Conflict],
             label: str, phrases: Phrases) -> list[Evidence]:
    """Fill signed_date, signed_place and signatories; return the evidence used.

    Initialled is not signed: sources saying only that make the agreement's status
    "initialled", and against others saying "signed", a conflict.
    """
    # "was initialled … and will be signed once approved": initialled, whatever the
    # sentence expects next.
    initialled = [c for c in claims if "initialled" in _cues(c)
                  and "initialled_done" in _cues(c)
                  and "signed_done" not in _cues(c)
                  # …not a draft initialled years before ("in Hanoi in November 2019")
                  and "background" not in _cues(c) and not all(
                      recalled(c.items("dates"), published.get(d)) for d in c.doc_ids)]
    # "the ceremony, where they were to sign the deal, was called off": not signed —
    # unless the delay is only feared ("could be delayed for months").
    put_off = [c for c in claims if "signing" in _events(c)
               and "rescheduled" in _cues(c) and not c.attr("anchor_signing")
               and "done" not in _cues(c) and "hedge" not in _cues(c)
               and c.attr("modality") != "possible"]
    # "A defence memorandum that X had expected to sign … has been taken off the list":
    # dropped, however the sentence tells what was expected
    dropped = [c for c in claims if "signing" in _events(c) and "dropped" in _cues(c)
               and "signed_done" not in _cues(c)]
    # (not a signing the sentence dates long ago, where sources tell this text initialled
    # now: "it will replace the agreement on air transport signed … in 1996")
    # (nor a text told initialled in passing: "the pact India initialled with Ghana
    # earlier this month allows 14 weekly flights")
    signed = [c for c in _reported(claims, "signing", done=True)
              if c not in initialled and c not in put_off and "law_signed" not in _cues(c)
              and not ({"initialled_done", "initialled"} & set(_cues(c))
                       and "signed_done" not in _cues(c))
              and not (initialled and c.attr("date_signing") and all(
                  recalled([c.attr("date_signing")], published.get(d)) for d in c.doc_ids))]
    # A later source saying it is not signed yet ("Malawi and Tanzania have not yet
    # signed their agreement …, adding that the two presidents would now sign it … on
    # Dec. 11") outweighs earlier reports of a signing: they disagree.
    unsigned = [c for c in claims if "signing" in _events(c) and _NOT_SIGNED.search(c.text)
                and c.attr("modality") != "possible"]
    if signed and unsigned and not initialled and _all_before(signed, unsigned, published):
        conflicts.append(Conflict(f"status of {label}", (
            ("signed", tuple(dict.fromkeys(d for c in signed for d in c.doc_ids))),
            ("not yet signed", tuple(dict.fromkeys(d for c in unsigned for d in c.doc_ids))))))
        signed = []
    if initialled:
        # (a source saying "signed", not one naming "the signing": "declined to comment
        # before the signing")
        by_signed = tuple(dict.fromkeys(d for c in signed for d in c.doc_ids
                                        if {"signed_done", "done"} & set(_cues(c))))
        by_initialled = tuple(dict.fromkeys(d for c in initialled for d in c.doc_ids))
        if by_signed and len(set(by_signed) | set(by_initialled)) > 1:
            # Often within one article ("Luanda says signed; Doha says initialled").
            conflicts.append(Conflict(f"status of {label}", (
                ("signed", by_signed), ("initialled, not yet signed", by_initialled))))
            if len(set(by_initialled) - set(by_signed)) > len(set(by_signed)):
                # (the line says what most sources say: one report of a signing
                # against three of an initialling dates no signing)
                signed = []
                slots["status"] = "initialled, not yet signed"
        elif not signed:
            slots["status"] = "initialled, not yet signed"
    dates = _date_votes(signed, published, ("signing",))
    # Of a text many states sign, one state's signature later — "Tanzania on Tuesday
    # signed the … Convention, becoming the 13th member state to do so" — is no date of
    # the text's signing, when other sources date that.
    first = min((v for v in dates if len(v) == 10), default="")
    later = [c for c in signed if "multilateral" in _cues(c) and len(c.items("countries")) == 1
             and c.attr("date_signing") > first]
    if first and later and len(dates) > 1:
        dates = _date_votes([c for c in signed if c not in later], published, ("signing",)) \
            or dates
    days = {v: d for v, d in dates.items() if len(v) == 10}
    # A month a year or a month off the day given ("in December 2018" beside "on 9
    # December 2019") is a disagreement still; a month the day falls in ("in June", "on 7
    # June") is none, and one far off ("a letter of intent in March 2025") tells of
    # another text.
    months_apart = {v: d for v, d in dates.items() if len(v) == 7
                    and not any(k.startswith(v) for k in days)
                    and any(_months_between(k, v) in (1, 12) for k in days)}
    dates = days or dates  # "signed in February 2024" when no source gives the day
    if dates:
        slots["signed_date"] = max(dates, key=lambda v: (len(dates[v]), not v.startswith("X")))
        distinct = _distinct_dates({**dates, **months_apart})
        if _disputed(distinct):
            conflicts.append(Conflict(f"signing date of {label}", tuple(distinct.items())))
    evidence: list[Evidence] = []
    places: dict[str, set[str]] = {}  # place → the sources placing the signing there
    for c in signed:
        evidence.extend(c.evidence)
        place = place_near(c)
        if place:
            places.setdefault(place, set()).update(c.doc_ids)
        signatories = _signed_by(c, [p for p in c.items("people") if p in people],
                                 phrases)
        if len(signatories) >= 2 and "signatories" not in slots:
            slots["signatories"] = "|".join(f"{p}={_role(people[p])}" for p in signatories)
    if places:
        # Where most sources place it: "signed … to build a pipeline linking … to the
        # Trans Adriatic Pipeline in Albania" against three sources' "signed in Skopje"
        # (the first told wins a tie)
        slots.setdefault("signed_place", max(places, key=lambda p: len(places[p])))
    if "signed_date" not in slots:
        evidence += _planned_signing(slots, claims, published, conflicts, label)
        told = {d for c in signed if "signed_done" in _cues(c) and c.attr("modality") == "asserted"
                and c.attr("tense") != "future" and not {"background", "long_ago"} & set(_cues(c))
                for d in c.doc_ids}
        if len(told) >= 2 and not slots.get("signing_date") and not slots.get("status"):
            # "was one of nine documents signed during … visit", in two sources, no day
            slots["status"] = "signed"
        if dropped:
            slots["status"] = "dropped from the texts to be signed"
            slots.pop("signing_date", None)
            evidence += [e for c in dropped for e in c.evidence]
        elif put_off and not slots.get("status"):
            # (a source moving it to a new day gives one: "reset for December 9"; one
            # recalling the day given up, "originally planned for Oct. 20", gives none)
            undated = [c for c in put_off if not _after_own(c.attr("date_signing"), c, published)
                       and "former_date" not in _cues(c)]
            if slots.get("signing_date") and _latest(undated, published) > _latest(
                    [c for c in claims if c not in put_off
                     and c.attr("date_signing") == slots["signing_date"]], published):
                # the day given before it was put off ("to be signed on 1 December",
                # then "the protocol put off for further consultations"): no new day
                slots.pop("signing_date")
            slots["status"] = "signing postponed" + (
                "" if slots.get("signing_date") else "; no new date given")
            evidence += [e for c in put_off for e in c.evidence]
    return evidence


def _after_own(value: str, claim: Fact, published: dict[str, date | None]) -> bool:
    """Whether `value` is a day or month after every known day of the claim's sources."""
    return bool(value) and _DAY_OR_MONTH.match(value) is not None and _after(
        value, [published.get(d) for d in claim.doc_ids])


def _latest(claims: list[Fact], published: dict[str, date | None]) -> date:
    """The day of the latest source telling any of `claims` (date.min if none is dated)."""
    return max((d for c in claims for doc in c.doc_ids if (d := published.get(doc))),
               default=date.min)


# The cue class (rules/facts.yaml) that says an act is done by its verb ("ratified",
# not "to be ratified").
_DONE_CUE = {"ratification": "ratified_done", "approval": "approved_done",
             "signing": "signed_done"}


_NOT_SIGNED = re.compile(r"\b(?:(?:has|have|had)\s+not\s+(?:yet\s+)?(?:been\s+)?|not\s+yet\s+"
                         r"(?:been\s+)?)signed\b", re.IGNORECASE)
_MAY_SIGN = re.compile(r"\b(?:could|might|may)\s+(?:(?:still|also|then|only|soon)\s+)?"
                       r"(?:be\s+)?sign", re.IGNORECASE)


def _planned_signing(slots: dict[str, str], claims: list[Fact],
                     published: dict[str, date | None], conflicts: list[Conflict],
                     label: str) -> list[Evidence]:
    """An unsigned agreement's coming signing — "is expected to be signed … when they
    meet in Lima on October 9" — dated by the date the sentence binds to the
    signing, else its one coming date; the date most sources give wins."""
    if any(c.attr("modality") == "denied" and "signing" in _events(c) for c in claims):
        return []  # "denied that it would be signed during the visit": not planned
        # (not "ruled out any popular vote": a denial of another act)
    votes: dict[str, set[str]] = defaultdict(set)
    planned = []
    # The days a source says were given up ("postponed the signing that had been
    # scheduled for later this month"; not "will sign on Dec. 9", the day it is reset
    # for): no vote of that source's for them.
    given_up = {(d, c.attr("date_signing")) for c in claims if c.attr("date_signing") and (
        "former_date" in _cues(c) or "rescheduled" in _cues(c)
        and c.attr("modality") != "expected") for d in c.doc_ids}
    # A source moving it to a new day gives up the day it names beside (scheduled for
    # November 27, "postponed by one week to December 4"): for the sources no later.
    moved = [(c.attr("date_signing"), when, _latest([c], published)) for c in claims
             if "rescheduled" in _cues(c) and c.attr("modality") == "expected"
             and _FULL_DATE.match(c.attr("date_signing"))
             for when in c.items("dates") if when != c.attr("date_signing")
             and _FULL_DATE.match(when) and when < c.attr("date_signing")]
    for c in _reported(claims, "signing", done=False):
        # (a signing still awaited, and dated: "have not yet signed …, adding that the
        # two presidents would now sign it in Mtwara on Dec. 11")
        awaited = c.attr("modality") == "pending" and _FULL_DATE.match(c.attr("date_signing")) \
            and _after(c.attr("date_signing"), [published.get(d) for d in c.doc_ids])
        if c.attr("modality") != "expected" and not awaited or _MAY_SIGN.search(c.text) \
                or "former_date" in _cues(c):
            # "could sign": a possibility, not a plan — also where another verb of the
            # sentence is planned ("a fifth round would be held in April, after which
            # the agreement could be signed"); nor is the day given up ("had been due
            # to be signed on October 20")
            continue
        if c.attr("anchor_signing") and not c.attr("date_signing"):
            continue  # "a ceasefire … on 30 November, the third day following the signing"
        anchors = [published.get(d) for d in c.doc_ids]
        coming = {v for v in c.items("dates")
                  if _DAY_OR_MONTH.match(v) and _after(v, anchors)}
        if c.attr("date_signing") and c.attr("date_signing") not in coming and \
                _FULL_DATE.match(c.attr("date_signing")):
            # "the hearing tomorrow on the Agreement …, signed in Seoul on 18 June": the
            # signing the sentence dates is past; its coming day is another act's
            continue
        # (a sentence's one coming date dates its signing only if it is no "by" date
        # for something else: "seek accreditation for the signing ceremony by Friday, 4th
        # December")
        when = c.attr("date_signing") if c.attr("date_signing") in coming else (
            next(iter(coming)) if len(coming) == 1 and not _BY_DATE.search(c.text) else "")
        if when:
            planned.append((when, c))
            votes[when].update(d for d in c.doc_ids if not any(
                (d, g) in given_up for g in (when, when[:7])) and not any(
                old == when and new != when and _latest([c], published) <= by
                for new, old, by in moved))
    votes = {v: d for v, d in votes.items() if d}
    # A day gone by when a later source gave another is given up ("next Friday, the
    # 13th", then "would now sign it … on Dec. 11", written on the 20th).
    newest = max((published.get(d) for ds in votes.values() for d in ds
                  if published.get(d)), default=None)
    if newest:
        votes = {v: d for v, d in votes.items()
                 if not (len(v) == 10 and v < newest.isoformat())} or votes
    if not votes:
        return []
    # A month counts for the days in it ("in September", "on Sept. 21").
    support = {v: set(d).union(*(votes[m] for m in votes if len(m) == 7 and v.startswith(m)))
               for v, d in votes.items()}
    slots["signing_date"] = min(votes, key=lambda v: (-len(support[v]), -len(v), v))
    days = _distinct_dates({v: tuple(sorted(d)) for v, d in votes.items() if len(v) == 10})
    # Days apart ("on 20 October" / "on 21 October"), or months apart ("next month" /
    # "in September"), from different sources.
    months: dict[str, str] = {}
    for v in sorted(votes, key=lambda v: (-len(support[v]), -len(v))):
        months.setdefault(v[:7], v)
    by_month = {v: tuple(sorted(support[v])) for v in months.values()}
    # A source may report both days itself ("the programme shows Tuesday … in Baku, the
    # deputy prime minister has said Wednesday"): another giving one alone disagrees.
    told_apart = len(days) > 1 and len({frozenset(d) for d in days.values()}) > 1
    disputed = days if _disputed(days) or told_apart else \
        by_month if _disputed(by_month) else {}
    if disputed:
        conflicts.append(Conflict(f"signing date of {label}", tuple(
            sorted(disputed.items(), key=lambda kv: (-len(kv[1]), kv[0])))))
    # where the sources giving the day chosen say, first ("reset for Dec. 9 in Nairobi",
    # not "was to be signed in Kuala Lumpur")
    chosen = sorted(planned, key=lambda wc: wc[0] != slots["signing_date"])
    place = next((p for _, c in chosen for p in [place_near(c, _TO_SIGN_CUE)] if p), "")
    if place:
        slots["signing_place"] = place
    return [e for _, c in planned for e in c.evidence]



def _stopped(slots: dict[str, str], claims: list[Fact],
             published: dict[str, date | None]) -> list[Evidence]:
    """Fill `stopped` (the act: suspension, termination, withdrawal) and `stopped_date`
    when two sources or more report the agreement suspended, terminated or left — as
    done, not threatened, asked for or allowed ("may suspend", "should withdraw"), and
    not as history (every date two years or more back). The date is one the sources
    give for the act on or before their own day (not when it takes effect)."""
    for event in STOPS:
        done = [c for c in _reported(claims, event, done=True)
                if c.attr("tense") != "future" and not recalled(
                    [v for v in c.items("dates") if v[:4].isdigit()],
                    min(filter(None, (published.get(d) for d in c.doc_ids)), default=None))]
        if len({d for c in done for d in c.doc_ids}) < 2:
            continue
        slots["stopped"] = event
        # (a notice delivered is the act: "delivered on 2 March 2028 … the diplomatic
        # note by which Colombia notifies termination")
        days = _votes(v for c in done for v in [c.attr(f"date_{event}") or (
                          c.attr("date_delivery") if _NOTICE.search(c.text) else "")] if v
                      and any(p and v <= p.isoformat() and not recalled([v], p)
                              for p in map(published.get, c.doc_ids)))
        if days:
            slots["stopped_date"] = days[0]
        return [e for c in done for e in c.evidence]
    return []


_NOTICE = re.compile(r"\b(?:notice|note|notification)\b", re.IGNORECASE)


# Cue classes of a sentence that tells of no chamber's ratification or approval: a vote
# that failed or was put off, the executive sending the text on or approving it, a step
# not needed, a court asked to undo it, a committee's vote, a conference adopting the
# text (see `_ratification`).
_NO_CHAMBERS_ACT = frozenset({"failed", "rescheduled", "not_needed", "sent_on",
                              "legal_challenge", "committee", "cabinet_approved",
                              "text_adopted", "required_act", "whether"})


def _ratification(slots: dict[str, str], claims: list[Fact],
                  published: dict[str, date | None], conflicts: list[Conflict],
                  phrases: Phrases, chambers: dict[str, str],
                  shared_chambers: frozenset[str] = frozenset()) -> list[Evidence]:
    """Fill ratified_by/_date, unanimous, vote, also_ratified, next_step; record a
    "set to ratify" against "ratified" conflict; return the evidence used."""
    # A vote that sent the bill back or rejected it ratified nothing; nor the executive
    # sending it on ("adopted by the Council of Ministers and submitted to the Sejm"),
    # nor a court asked to undo it ("filed a petition … to declare its approval void"),
    # nor a committee's vote on the bill ("the … Committee of the Chamber approved the
    # bill ratifying the agreement");
    # nor one "on the bill to ratify", said with no verb of ratifying done.
    # Nor a threshold set out ("enters into force once five countries ratify it").
    # (not a condition still to be met: "must first be ratified by the Croatian
    # Parliament and approved in India before it takes effect")
    ratified = [c for c in _reported(claims, "ratification", done=True)
                if not _NO_CHAMBERS_ACT & set(_cues(c))
                and ("ratified_done" in _cues(c) and not (
                        "conditions" in _cues(c) and c.attr("tense") == "future")
                     or "bill_to_ratify" not in _cues(c) and "conditions" not in _cues(c))]
    if not any(_legislature(c) for c in ratified):
        # "the Federal Senate approved the agreement in April": a legislature approving
        # it, said as done, is its ratification when no sentence says "ratified" — and
        # the note says "approved", as the sources do.
        approved = [c for c in _reported(claims, "approval", done=True)
                    if _legislature(c) and c.attr("modality") == "asserted"
                    and c.attr("tense") == "past" and c not in ratified
                    # "voted on the draft resolution approving the Agreement": the
                    # verb of approving done, not a text named by what it would do
                    and "approved_done" in _cues(c)
                    and not _NO_CHAMBERS_ACT & set(_cues(c))
                    # nor its approving an end ("approved the withdrawal on October 1")
                    and not set(STOPS) & set(_events(c))]
        if approved:
            slots["ratified_verb"] = "approved"
        ratified += approved
    # The vote's date may sit in a sentence that says "approved" or "plenary session".
    voted = ratified + [c for c in _reported(claims, "approval", done=True)
                        + _reported(claims, "vote", done=True) if c not in ratified
                        and not (_NO_CHAMBERS_ACT - {"failed", "legal_challenge"})
                        & set(_cues(c))]
    evidence: list[Evidence] = []
    others: dict[str, str] = {}
    # The chamber whose act is the latest (of acts as recent, the one most sources
    # report) is the news; another's is "also ratified": "Japan's Diet approved the
    # agreement in December 2026" beside the Czech lower house's vote of 10 March.
    reporting: dict[str, set[str]] = defaultdict(set)
    latest: dict[str, str] = {}
    for c in ratified:
        if body := _legislature(c):
            reporting[body].update(c.doc_ids)
            latest[body] = max(latest.get(body, ""), c.attr("date_ratification")
                               or c.attr("date_approval"))
    if reporting and "ratified_by" not in slots:
        slots["ratified_by"] = max(reporting, key=lambda b: (latest[b], len(reporting[b])))
    for c in ratified:
        evidence.extend(c.evidence)
        body = _legislature(c)
        if body and slots.setdefault("ratified_by", body) != body \
                and not slots["ratified_by"].endswith(" " + body):
            # Another party's chamber: "the Seimas ratified the treaty in March" (not the
            # same one named short: "our Assembly has already ratified it", of the
            # National Assembly that did)
            others.setdefault(body, c.attr("date_ratification") or c.attr("date_approval"))
        if "unanimous" in _cues(c):
            slots["unanimous"] = "yes"
    if others:
        slots["also_ratified"] = "|".join(f"{b}={d}" for b, d in others.items())
    body = slots.get("ratified_by", "")
    homes = {c.items("countries")[0] for c in ratified
             if _legislature(c) == body and len(c.items("countries")) == 1}
    if body and len(homes) == 1 and (body in shared_chambers or not chambers.get(body)):
        # "Djibouti's National Assembly approved the agreement": a name many countries'
        # chambers bear, named with the one country its sentences give (not the
        # gazetteer's guess from another sentence)
        slots["ratified_country"] = homes.pop()
    failed = [c for c in claims if "failed" in _cues(c) and _legislature(c)
              and c.attr("modality") == "asserted" and "committee" not in _cues(c)]
    # A tally naming no chamber, in a source telling of a vote that failed, is that
    # vote's ("got 33 votes in favour and 20 against"), not a ratification's. (It is
    # not shown as the failed vote's: "voted 121 to 98 to return the bill" counts the
    # votes for returning it, which read as votes for the treaty would mislead.)
    failed_docs = {d for c in failed for d in c.doc_ids}

    def of_failed(c: Fact) -> bool:
        return "failed" in _cues(c) or not _legislature(c) and bool(
            set(c.doc_ids) & failed_docs)

    mine = [c for c in voted if _legislature(c) in ("", slots.get("ratified_by"))
            and not of_failed(c)]
    _tally(slots, "vote", mine, phrases, conflicts)
    for other in others:
        # The other chamber's vote told two ways ("voted 119 to 31" / "by 127 votes to
        # 23") is asked about too; the line shows no tally of it.
        _tally({"ratified_by": other, "name": slots.get("name", ""),
                "acronym": slots.get("acronym", "")}, "vote",
               [c for c in voted if _legislature(c) == other and not of_failed(c)],
               phrases, conflicts)
    dates = _date_votes(mine, published, ("ratification", "approval", "vote"))
    dates = {v: d for v, d in dates.items() if len(v) == 10} or dates
    signed = slots.get("signed_date", "")
    if len(signed) == 10:
        # (no chamber ratifies a text before it is signed, nor on the day: that day is
        # another act's, or a weekday read in the wrong week)
        dates = {v: d for v, d in dates.items()
                 if (v > signed if len(v) == 10 else v >= signed[:len(v)])} or dates
    if dates and (slots.get("ratified_by") or ratified):
        # (not "Cabinet approved the draft in August", with no chamber's act reported)
        # the date most sources give; of two as many give, the earlier (a chamber's own
        # vote comes before the steps that follow it)
        slots["ratified_date"] = min(dates, key=lambda v: (-len(dates[v]), v))
    if failed:  # "the Senate fell short of the votes needed to approve it"
        slots["failed_in"] = _legislature(failed[0])
        days = _date_votes(failed, published, ("vote", "approval", "ratification"))
        if days:
            slots["failed_date"] = max(days, key=lambda v: (len(days[v]), len(v)))
        evidence += [e for c in failed for e in c.evidence]
    for c in claims:
        # …not "whether the payment obligation requires parliamentary consent": a
        # question someone asks, not a step set
        body = _legislature(c, prefer="upper") if c.attr("modality") == "pending" \
            and "whether" not in _cues(c) else ""
        # (nor a chamber that has acted: "approved …, although the accord still faces a
        # constitutional review" of the lower house that approved it)
        if body and body != slots.get("ratified_by") and body not in others \
                and "next_step" not in slots:
            slots["next_step"] = body
            slots["next_step_claim"] = c.key
    # In force, said as done and dated ("entered into force on March 1").
    in_force = [c for c in claims if "entry_into_force" in _events(c)
                and c.attr("modality") == "asserted" and c.attr("tense") == "past"
                and "one_side_in_force" not in _cues(c)]
    days = {v: d for v, d in _date_votes(in_force, published, ("entry_into_force",)).items()
            if len(v) == 10}  # the day it took effect, not a month near the words
    signed = slots.get("signed_date", "")
    if len(signed) == 10:
        # In force before it was signed: another text's date ("the underlying agreement
        # … has been in force since 16 June 1993", of a protocol signed in 2027)
        days = {v: d for v, d in days.items() if v >= signed}
    if days:
        slots["in_force_date"] = max(days, key=lambda v: (len(days[v]), len(v)))
        evidence += [e for c in in_force for e in c.evidence]
        # A month another source gives that is not the day's ("entered into force last
        # month", against "enters into force today, 1 March") disagrees with it.
        day = slots["in_force_date"]
        months = {v: d for v, d in _date_votes(in_force, published, ("entry_into_force",)
                                               ).items()
                  if len(v) == 7 and not v.startswith("X") and not day.startswith(v)
                  and set(d) - set(days[day])}
        if months:
            month = max(months, key=lambda v: len(months[v]))
            conflicts.append(Conflict("date of the entry into force", (
                (day, tuple(dict.fromkeys(days[day]))), (month, tuple(dict.fromkeys(
                    months[month]))))))
        # In force: no approval is still to come (a source saying one is, disagrees).
        slots.pop("next_step", None)
        slots.pop("next_step_claim", None)
    # "still has to be ratified on the Sri Lankan side", when the Majlis of the Maldives
    # has ratified: the other party's step, not a report of this one's before the vote.
    ratifier = chambers.get(slots.get("ratified_by", ""), "")
    # Nor is a wish of long standing ("have campaigned for years for the treaty to be
    # ratified") a status.
    expected = [c for c in claims if "to_ratify" in _cues(c) and "background" not in _cues(c)
                and not (ratifier and c.items("countries")
                         and ratifier not in c.items("countries"))]
    done = ratified or (in_force if days else [])
    # A vote that failed leaves the text to be ratified: no source is behind.
    conflict = _status_conflict(slots, expected, done, published,
                                "ratified" if ratified else "in force") if done and \
        expected and not failed else None
    if conflict:
        conflicts.append(conflict)
    return evidence


def _short_form(name: str, names: dict[str, tuple[str, ...]]) -> bool:
    """Whether `name` says part of what another of `names` says, and only sources that
    use that other name use it — or the other is the formal name with its parties
    ("Agreement between the Government of … concerning Mutual Logistic Support" for
    "Agreement on Mutual Logistic Support"), or it says three words of it or more, or a
    source uses both."""
    words = set(agreement_key(name, "").split()) - JOINING_WORDS
    longer = [n for n in names if n != name and words <= set(agreement_key(n, "").split())]
    # …or it says enough of it to be its usual short name ("Agreement on the Avoidance of
    # Double Taxation" for "… for the Avoidance of Double Taxation and the Prevention of
    # Fiscal Evasion"), whoever uses it
    # (…or a source that writes the other, at twice the length, names it so too: "The
    # Protocol to the Treaty … (the "Free Movement Protocol")"; not "Treaty on Shared
    # Border Waters" beside "Treaty on Border Waters", another name)
    return bool(longer) and (set(names[name]) <= {d for n in longer for d in names[n]}
                             or any(" between " in f" {n} " for n in longer)
                             or len(words - _KIND_WORDS) >= 3
                             or any(set(names[name]) & set(names[n]) and len(
                                 set(agreement_key(n, "").split()) - JOINING_WORDS)
                                 >= 2 * len(words) for n in longer))


_SENATORS = re.compile(r"\bsenators?\b", re.IGNORECASE)


def _tally(slots: dict[str, str], slot: str, claims: list[Fact], phrases: Phrases,
           conflicts: list[Conflict]) -> None:
    """Fill `slot` with the recorded vote most sources give ("312–110"; the first given,
    when as many give each); two sources giving different ones for a named chamber are
    a conflict (a tally in a sentence naming none — "won 24 votes" — may be another
    chamber's)."""
    tallies: dict[str, list[str]] = defaultdict(list)
    given: dict[str, set[str]] = {}
    # …unless one chamber alone is named: then "33 deputies voted in favour, 39 against"
    # is its vote too.
    one_chamber = len({_legislature(c) for c in claims} - {""}) == 1
    chamber = slots.get("ratified_by", "")
    for c in claims:
        count = tally(c.text, phrases)
        # "Senators voted 51-24" counts a senate, not the other party's Parliament
        # (nor its tally the headline's, when the headline's chamber is no senate)
        senators = _SENATORS.search(c.text) and "senat" not in chamber.lower()
        # …nor is another chamber's that the sentence names before it
        other = chamber and c.attr("tally_by") not in ("", chamber)
        if count and not (senators and not _legislature(c)) and not other:
            given.setdefault(count, set()).update(c.doc_ids)
            if _legislature(c) or one_chamber:
                tallies[count] += c.doc_ids
    if given and slot not in slots:
        slots[slot] = max(given, key=lambda v: len(given[v]))  # max keeps the first of ties
    counted = {v: tuple(dict.fromkeys(d)) for v, d in tallies.items()}
    if _disputed(counted):  # "49 votes to 24" / "47 to 26", from different sources
        conflicts.append(Conflict(f"vote count of {slots.get('acronym') or slots['name']}",
                                  tuple(sorted(counted.items(), key=lambda kv: -len(kv[1])))))


def _name_variants(agreement: Fact, countries: set[str] = frozenset()
                   ) -> dict[str, tuple[str, ...]]:
    """Full names sources used for one agreement, with the sources using each.

    Spelling variants (Logistic/Logistics) and a lower-case kind word after the name
    ("… Support agreement") are one name; a bare acronym ("XYZ pact") or the kind
    alone ("Free Trade Agreement") is no name.
    """
    readings = [r.rpartition("=") for r in agreement.items("names")]
    if not readings:
        readings = [(agreement.value, "=", d) for d in agreement.doc_ids]
    by_norm: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    acronym = agreement.attr("acronym")
    kind = agreement_key(agreement.attr("kind"), "")
    # the name of the place it was concluded at ("Cape Town Convention") is another
    # name for it, as its acronym is
    alias = agreement_key(agreement.attr("alias"), "")
    for name, _, doc in readings:
        name = re.sub(r"(\s[a-z]+)+$", "", name.strip("'‘’\" "))
        if len(name.split()) < 2 or (acronym and name.split()[0].upper() == acronym) \
                or agreement_key(name, "") in (kind, alias):
            continue  # "ABC pact", "a Free Trade Agreement": no name of its own
        # The same words in another order ("between Spain and Colombia") are one name.
        by_norm[" ".join(sorted(agreement_key(name, "").split()))][name].append(doc)
    out = {}
    for variants in by_norm.values():
        best = max(variants, key=lambda n: len(variants[n]))
        out[best] = tuple(dict.fromkeys(d for ds in variants.values() for d in ds))
    # A name shortened by its first words ("Visiting Forces Agreement" for "Status of
    # Visiting Forces Agreement"), or by its last ("Dakar Convention" for "Dakar
    # Convention on Shared Fish Stocks", "Agreement on Labour Mobility" for "… Mobility
    # and the Regulated Recruitment of Workers"), is the same name, not a second one; a
    # word put in the middle ("Treaty on Shared Border Waters") makes another.
    # Nor is one that leaves out its parties ("Agreement on Defence Cooperation" for
    # "Agreement between the Republic of Chile and Australia on Defence Cooperation").
    # ("the" joins no name's words: "MoU on Sabah-Mindanao" shortens "… on the Sabah–…")
    words = {n: [w for w in agreement_key(n, "").split() if w != "the"] for n in out}
    parties = countries | PARTY_WORDS
    # Names that say nothing but their parties and their kind, however they write them
    # ("UK–Swiss FTA", "UK–Switzerland FTA"), are one name: no disagreement.
    initials = "".join(w[0] for w in kind.split())
    kind_words = set(kind.split()) | {initials} | _KIND_WORDS
    stems = {p[:5] for p in countries if len(p) >= 5}
    plain = [n for n in out if all(w in kind_words or w in parties or w + "s" in parties
                                   or w[:5] in stems for w in words[n])]
    if len(plain) > 1:
        # the kind spelt out ("… Free Trade Agreement", not "… FTA"), then the most used
        keep = max(plain, key=lambda n: (initials not in words[n], len(out[n]), len(n)))
        for n in plain:
            if n != keep:
                out[keep] = tuple(dict.fromkeys(out[keep] + out.pop(n)))
    for short in sorted(out, key=len):
        n_short = len(words[short])
        longer = next((n for n in out if n != short and len(words[n]) > n_short
                       and (words[n][-n_short:] == words[short]
                            or words[n][:n_short] == words[short]
                            or _spelt(short, n) == words[n][:len(_spelt(short, n))]
                            or _subject_cut(words[short], words[n])
                            or _same_words(short, n, parties))), None)
        if longer:
            # The fuller name is kept, unless it differs by its parties' formal names
            # only ("… between the United Mexican States and the Republic of
            # Indonesia"): then the one more sources use.
            keep, drop = (short, longer) if len(out[short]) > len(out[longer]) and \
                _same_words(longer, short, parties) else (longer, short)
            out[keep] = tuple(dict.fromkeys(out[keep] + out.pop(drop)))
    return out


def _spelt(short: str, long: str) -> list[str]:
    """The words of `short`, its acronyms spelt out as in `long`, less "the"."""
    return [w for w in name_words(short, long) if w != "the"]


def _subject_cut(short: list[str], long: list[str]) -> bool:
    """Whether the subject of `short` (its words but the kind and the words joining
    it, "on", "for") begins or ends the subject of `long`, the kind put at the other
    end: "Mutual Legal Assistance Treaty" for "Treaty on Mutual Legal Assistance in
    Criminal Matters"."""
    def subject(words: list[str]) -> list[str]:
        rest = [w for w in words if w not in _KIND_WORDS]
        while rest and rest[0] in NAME_GOES_ON:
            rest = rest[1:]
        return rest

    if (short[-1] in _KIND_WORDS) == (long[-1] in _KIND_WORDS):
        return False  # the kind in the same place: "Treaty on (Shared) Border Waters"
    a, b = subject(short), subject(long)
    return 2 <= len(a) < len(b) and (b[:len(a)] == a or b[-len(a):] == a)


def _same_words(short: str, long: str, parties: set[str]) -> bool:
    """`short` says what `long` says, but for its parties and the words an acronym of
    it spells ("MOU on Konza Phase II" / "Memorandum of Understanding on Phase II of
    Konza")."""
    words = set(name_words(short, long))
    long_words = set(agreement_key(long, "").split())
    # A country's adjective names it too ("Argentine" for Argentina).
    stems = {w[:5] for w in parties if len(w) >= 5}

    def party(w: str) -> bool:  # "United Mexican States" names Mexico
        return w in parties or w[:5] in stems or w[:-1] in parties

    if not {w for w in words - parties - _KIND_WORDS if not party(w)}:
        # A name of its parties only ("Agreement between the Government of X and the
        # Government of Y"): cut before its subject, so the longer one is the same.
        return True
    return all(party(w) for w in words ^ long_words)


def name_words(short: str, long: str) -> list[str]:
    """The words of the name `short`, each acronym in it ("FTA", "MOU") spelt out as
    the words of `long` whose initials it is."""
    long_words = agreement_key(long, "").split()
    out = []
    for token in agreement_key(short, "").split():
        run = next((long_words[i:i + len(token)] for i in range(len(long_words))
                    if "".join(w[0] for w in long_words[i:i + len(token)]) == token),
                   None) if len(token) >= 2 and _written_as_acronym(token, short) else None
        out += run or [token]
    return out


def _written_as_acronym(token: str, name: str) -> bool:
    """Whether `token` stands in `name` as an acronym: "FTA", "MOU", "MoU" (two
    capitals), not the word "Pact"."""
    return any(sum(c.isupper() for c in w) >= 2
               for w in re.findall(rf"\b{re.escape(token)}\b", name, re.IGNORECASE))


_KIND_WORDS = frozenset("agreement treaty convention accord pact memorandum protocol "
                        "arrangement framework".split())
# Words that name an agreement's parties besides their countries' names, or join them
# to the rest ("… between the Republic of X and Y on …").
PARTY_WORDS = frozenset("between and the of on for republic government kingdom state "
                         "federal united democratic people commonwealth".split())
# Words after which a name goes on past its kind: "Convention on …", "Treaty of …".
NAME_GOES_ON = frozenset(("on", "for", "of", "between", "concerning", "regarding"))


def _date_votes(claims: list[Fact], published: dict[str, date | None],
                events: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Full dates of past events (the date nearest the event's verb), with the sources
    giving each; a date after the source's own publication cannot be when something
    already happened."""
    votes: dict[str, list[str]] = defaultdict(list)
    for c in claims:
        for v in {c.attr(f"date_{e}") for e in events} - {""}:
            for doc in _docs(c.evidence):
                when = published.get(doc)
                if _DAY_OR_MONTH.match(v) and "Q" not in v and "H" not in v and (
                        v.startswith("X") or when is None or v <= when.isoformat()):
                    votes[v].append(doc)
    return {v: tuple(dict.fromkeys(d)) for v, d in votes.items()}


_SIGN_CUE = re.compile(r"\b(?:signed|inked|sign|signing|concluded)\b", re.I)
_BY_DATE = re.compile(r"\bby\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:the\s+)?"
                      r"(?:\d|(?:January|February|March|April|May|June|July|August|September|"
                      r"October|November|December)\b)")
# A past participle just before "in X": the act that place is of.
_OTHER_ACT = re.compile(r"\b([a-z]+ed)\s+$")
# …of a signing to come ("the agreement concluded in Hanoi will be signed at the Casa de
# Nariño": not where it was concluded)
_TO_SIGN_CUE = re.compile(r"\b(?:signed|inked|sign|signing)\b", re.I)


def place_near(claim: Fact, cue: re.Pattern = _SIGN_CUE) -> str:
    """The gazetteer place written "in X" nearest the signing verb ("protested in A …
    signed off in B" → B), or nearest `cue`."""
    places = set(claim.items("places"))
    cues = [m.start() for m in cue.finditer(claim.text)] or [0]
    best, distance = "", 10**6
    for m in re.finditer(r"\bin ([A-Z][\w-]+(?: [A-Z][\w-]+)?)", claim.text):
        other = _OTHER_ACT.search(claim.text, 0, m.start())
        if other and not cue.fullmatch(other.group(1)):
            continue  # "concluded in Hanoi", "held in Astana": another act's place
        if m.group(1) in places:
            d = min(abs(m.start() - c) for c in cues)
            if d < distance:
                best, distance = m.group(1), d
    return best


def _disputed(values: dict[str, tuple[str, ...]]) -> bool:
    """Two values are a disagreement only when different sources give them."""
    sides = list(values.values())
    return any(not set(a) & set(b) for i, a in enumerate(sides) for b in sides[i + 1:])


def _months_between(a: str, b: str) -> int:
    """How many months apart two ISO dates' months are ("2019-12-09", "2018-12" → 12)."""
    if not (a[:4].isdigit() and b[:4].isdigit()):
        return -1
    return abs((int(a[:4]) * 12 + int(a[5:7])) - (int(b[:4]) * 12 + int(b[5:7])))


def _distinct_dates(dates: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for v in sorted(dates, key=lambda v: v.startswith("X")):
        same = next((k for k in out if _same_date(k, v)), None)
        if same:
            out[same] = tuple(dict.fromkeys(out[same] + dates[v]))
        else:
            out[v] = dates[v]
    return out


def _whole_place(m: re.Match, claim: Fact) -> str:
    """The place a phrase caught, whole where the gazetteer's name goes on past its
    capitalised words ("meeting in Dar" → "Dar es Salaam", "Port of Spain")."""
    place, at = m["place"], m.start("place")
    return max((p for p in claim.items("capitals") + claim.items("places")
                if p.startswith(place + " ") and claim.text.startswith(p, at)),
               key=len, default=place)


def _legislature(claim: Fact, prefer: str = "") -> str:
    """The chamber a claim names (an international organisation ratifies nothing):
    the first, or with `prefer` the last ("moves from the lower house to the Senate")."""
    bodies = claim.items("legislatures")
    return bodies[-1] if prefer and bodies else (bodies[0] if bodies else "")


def _role(person: Fact) -> str:
    role = person.attr("role")
    if person.attr("qualifier") == "former":
        return f"then-{role}"
    return f"{person.attr('nationality')} {role}".strip()


def _status_conflict(slots: dict[str, str], expected: list[Fact], done: list[Fact],
                     published: dict[str, date | None], state: str = "ratified"
                     ) -> Conflict | None:
    """"Set to ratify" against "has ratified" (or "is in force"): explained when the
    first was written earlier."""
    early = tuple(dict.fromkeys(d for c in expected for d in _docs(c.evidence)))
    late = tuple(dict.fromkeys(d for c in done for d in _docs(c.evidence) if d not in early))
    when = slots.get("ratified_date" if state == "ratified" else "in_force_date", "")
    dated = [published.get(d) for d in early]
    explanation = ""
    # A month ("approved … in April") is after a source of the month before
    if when and (_FULL_DATE.match(when) or re.fullmatch(r"\d{4}-\d\d", when)) \
            and not when.startswith("X") and all(dated):
        if all(p.isoformat() < when for p in dated):
            event = "the vote" if state == "ratified" else "its entry into force"
            explanation = (f"written before {event} of {format_date(when)}: an earlier "
                           "report, not a disagreement")
    elif not all(dated):
        explanation = ("gives no date of its own; its wording suggests it was written "
                       "before the vote")
    if not early or not late:
        return None  # one source saying both is not a disagreement between sources
    name = slots.get("acronym") or slots.get("name", "")
    return Conflict(f"ratification status of {name}",
                    (("to be ratified", early), (state, late)), explanation)


def _event_frames(claims: list[Fact], people: dict[str, Fact],
                  published: dict[str, date | None], conflicts: list[Conflict],
                  phrases: Phrases, coming: tuple[ComingEvent, ...]) -> list[Fact]:
    """Upcoming visits and summits: their dates, place and who comes, merged by date.

    Only dates after the reporting source's own date count as the event's: a sentence
    saying "approved on December 2, two days before the visit on December 4-5" dates
    the visit to the 4th and 5th.
    """
    of = {k.kind: k for k in coming}
    dated = tuple(k.kind for k in coming if not k.takes_effect)
    by_start: dict[str, list[Fact]] = defaultdict(list)
    future: dict[int, list[str]] = {}
    for c in claims:
        dates = _coming_dates(c, published, dated)
        if dates is None:
            continue
        future[id(c)] = dates
        if dates:
            by_start[dates[0]].append(c)
    # A day of no year said ("XXXX-05-17") is the one of that month and day the others
    # date, when one does; two years' 1 January are two events.
    for k in [k for k in by_start if k.startswith("XXXX")]:
        known = [j for j in by_start if not j.startswith("XXXX") and j[4:] == k[4:]]
        if len(known) == 1:
            by_start[known[0]] += by_start.pop(k)
    # "in October" and "on October 14" are one visit: a month joins its days, of its
    # kind (talks "in the first half of December" join the talks of 8–9 December, not a
    # strike on the 1st; an exercise "planned for December" no visit on the 2nd).
    def kinds_of(key: str) -> set[str]:
        return {e for c in by_start[key] for e in _event_kinds(c, _events(c), future[id(c)],
                                                               dated)}

    for month in [k for k in by_start if len(k) == 7]:
        days = [k for k in by_start if len(k) == 10 and k[4:7] == month[4:7] and (
            k[:4] == month[:4] or "XXXX" in (k[:4], month[:4]))]
        day = next((k for k in days if kinds_of(k) & kinds_of(month)), None)
        if day:
            by_start[day] += by_start.pop(month)
    # …and so a quarter or a half ("in the first quarter of 2027", "on 23 February 2027")
    for part in [k for k in by_start if re.fullmatch(r"\d{4}-[QH]\d", k)]:
        months = _PART_MONTHS[part[5:]]
        day = next((k for k in sorted(by_start) if len(k) == 10 and k[:4] == part[:4]
                    and int(k[5:7]) in months), None)
        if day:
            by_start[day] += by_start.pop(part)
    frames = []
    for start, group in by_start.items():
        dates = sorted({v for c in group for v in future[id(c)] if len(v) == 10} or
                       {v for c in group for v in future[id(c)]},
                       key=lambda v: (v[5:], v.startswith("X"), v))  # v: one order, always
        # The kind of event is the one the start date belongs to; else the first named.
        of_kind = [_event_kinds(c, _events(c), future[id(c)], dated) for c in group]
        kinds = [e for e in dated if any(e in k and c.attr(f"date_{e}")[5:] == dates[0][5:]
                                         for c, k in zip(group, of_kind))] or \
            [e for e in dated if any(e in k for k in of_kind)]
        if kinds[:1] == ["departure"] and len({v[5:] for v in dates}) > 1:
            kinds = kinds[1:]  # "leaves on the 17th for a visit from the 18th": the visit
        if "submission" in kinds and not any(
                c.items("legislatures") or _TO_A_LEGISLATURE.search(c.text) for c in group):
            # "applications submitted by Indonesian citizens for travel on or after 1
            # June": no text goes before any legislature (the day is the entry into
            # force's)
            kinds = [k for k in kinds if k != "submission"]
            if not kinds:
                continue
        stop = next((k.kind for k in coming if k.takes_effect
                     and any(k.kind in _events(c) for c in group)), "")
        if kinds[:1] == ["entry_into_force"] and stop:
            kinds = [stop]  # "the termination (suspension) will take effect on …"
        # Where the sentence says it happens ("summit in Yokohama", "travel to
        # Valparaiso") beats a capital merely named nearby.
        # Nor is a capital speaking for its government, nor a place the sentence says
        # the event is not in (facts.yaml `elsewhere`: "return to Chile by land").
        not_here = {m["place"] for c in group for name in ("speaking_place", "elsewhere")
                    for m in phrases.finditer(name, c.text)}
        not_here |= {s.split(" ", 1)[1] for s in not_here if " " in s}  # "Thursday Astana"
        capitals = {p for c in group for p in c.items("capitals") if p not in not_here}
        said = [_whole_place(m, c) for c in group for m in phrases.finditer("destination", c.text)
                if m["place"] not in _MONTHS]
        # "visit to Peru" and "visit to Lima": the city is the more precise. (A place a
        # move names comes first: "will now take place on 9 December in Luanda".)
        places = [c.attr("moved_place") for c in group if c.attr("moved_place")][:1] or \
            sorted(said, key=lambda p: p not in capitals)[:1]
        places += _votes(p for c in group for p in c.items("capitals") if p not in not_here) + \
            _votes(p for c in group for p in c.items("places") if p not in not_here)
        # A summit named in a sentence that sends the traveller elsewhere ("the summit in
        # Yokohama on August 20 before travelling to Kenya") is not this visit's.
        here = [c for c in group if not places or places[0] in c.text
                or not phrases.first("destination", c.text)]
        # "the 23rd annual summit", "the TICAD summit"
        ordinal = next((n if n.lower().endswith("summit") else f"{n} summit"
                        for c in here for m in phrases.finditer("summit", c.text)
                        for n in [m["name"]]), "")
        hosts = {h for c in group for h in c.items("hosts")}
        # Of the country visited: a host, not the visitor ("Prime Minister Fawzy held
        # talks with the visiting Prime Minister of Japan" in Cairo).
        country_of = dict(pair.split("=", 1) for c in group
                          for pair in c.items("place_countries") if "=" in pair)
        visited = country_of.get(places[0], "") if places else ""
        # Who comes: not a host, nor whoever only tells of the event ("…, Otieno said").
        told = {surname(p) for c in group for p in c.items("speakers")} - {
            surname(p) for c in group for p in c.items("people")
            if p not in c.items("speakers")}
        # (a surname in a place's name is no one's: "Ortuño Paz" is not in "La Paz")
        named = [p for p in people if p not in hosts and surname(p) not in told and any(
            re.search(rf"\b{re.escape(surname(p))}\b", _unplaced(c)) for c in group)]
        bodies = _votes(b for c in group for b in c.items("bodies"))
        topics, purpose = (_read(phrases, name, group) for name in ("topics", "purpose"))
        if kinds[:1] == ["deadline"]:  # "a new deadline of January 31 to complete the …"
            purpose = _read(phrases, "deadline_for", group)
        if kinds[:1] == ["meeting"]:  # "the Joint Corridor Committee will hold its first …"
            bodies = [m["name"] for c in group for m in phrases.finditer("meeting_of", c.text)]
        if kinds[:1] in (["submission"], ["vote"], ["hearing"], ["debate"], ["session"]):
            # submitted to (voted in, heard by) a legislature, not a ministry or a bloc's
            # commission ("hearing on NL–EC treaty resumes")
            bodies = _votes(b for c in group for b in c.items("legislatures"))
        end = _end_by_sources(group, future, dates, kinds[0] if kinds else "visit", conflicts,
                              published)
        # The sources that give the day itself: "in June" beside "on 7 June" takes no
        # side when another source says 8 June.
        dated_by = "|".join(dict.fromkeys(
            d for c in group if any(v[5:] == dates[0][5:] for v in future[id(c)])
            for d in c.doc_ids))
        kind = of[kinds[0] if kinds else "visit"]
        # the text it is of, where its sentences name one ("the MLAT takes effect on 1
        # December"): two texts' entries into force are two events
        texts = _votes(c.attr("agreement") for c in group if c.attr("agreement"))
        slots = {"event": kind.kind, "label": kind.label, "place_word": kind.place_word,
                 "agreement": texts[0] if texts and kind.of_a_text else "",
                 "attended": "yes" if kind.attended else "", "start": dates[0], "topics": topics,
                 "dated_by": dated_by,
                 # the days a source says it was moved from ("after being moved from Dec 3")
                 "former": "|".join(dict.fromkeys(v for c in group for e in kinds[:1]
                                                  for v in c.items(f"former_{e}"))),
                 # …and the place it was moved to ("… on 9 December in Luanda")
                 "moved_place": next((c.attr("moved_place") for c in group
                                      if c.attr("moved_place")), ""),
                 "purpose": purpose,
                 "body": bodies[0] if kind.body and bodies else "",
                 "end": end,
                 "places": "|".join(dict.fromkeys(places)), "summit": ordinal,
                 "people": "|".join(_leaving(group, people, hosts) if kinds[:1] == [
                     "departure"] else _visitors_first(dict.fromkeys(_votes(
                         p for c in group for p in c.items("people")
                         if p in people and p not in hosts and surname(p) not in told)
                         + named), people, visited))}
        home = people[slots["people"].split("|")[0]].attr("country") \
            if slots["people"] else ""
        if slots["event"] == "visit" and home and places and \
                country_of.get(places[0], places[0]) == home:
            # "Mongolian PM …, Mongolia's Foreign Ministry, … visit to Korea": one does
            # not visit one's own country.
            abroad = [p for p in places if country_of.get(p, p) != home]
            slots["places"] = "|".join(dict.fromkeys(abroad + places))
        # The countries its places are in: a visit "to Australia" put off is the one
        # rescheduled "with stops in Canberra and Sydney"
        slots["lands"] = "|".join(dict.fromkeys(
            country_of[p] for p in slots["places"].split("|") if p in country_of))
        evidence = tuple(e for c in group for e in c.evidence)
        # Moved here ("will now take place on 24–26 November"), or moved away from here
        # ("postponed the visit, originally 6–8 October"): the new date, or the old.
        told = [set(_cues(c)) for c in group]
        former = any("former_date" in t for t in told)
        spans = {future[id(c)][-1] for c in group
                 if "former_date" in _cues(c) and len(future[id(c)]) > 1}
        # (not "it is possible that leaders … defer the protocol to the August summit":
        # a summit no one has moved)
        moved_by = [t for t, c in zip(told, group) if c.attr("modality") != "possible"]
        if former and (not end or not spans or end in spans):
            # "had been due to visit on Monday and Tuesday" dates the visit given up,
            # whatever else its day's sources say; not a visit "initially scheduled
            # from 19 to 21 April" that the others end on the 20th
            slots["replaced"] = "yes"
        elif any("rescheduled" in t and "former_date" not in t for t in moved_by):
            slots["moved"] = "yes"
        elif any("rescheduled" in t for t in moved_by) and not former:
            slots["replaced"] = "yes"
        if slots.get("replaced") and any(_CALLED_OFF.search(c.text) for c in group):
            slots["called_off"] = "yes"
        # "would enter into force on 1 December at the earliest": the bound is the last
        # date's ("a vote in May would put entry into force in August at the earliest"
        # bounds August, not the vote)
        if told and all("earliest" in t and c.items("dates")[-1:] == future[id(c)][:1]
                        for t, c in zip(told, group)):
            slots["earliest"] = "yes"
        if all(c.attr("modality") in ("possible", "demanded") for c in group) \
                and not slots.get("earliest"):  # (a bound says it is no date set)
            # "could take place in Samarkand in September", "has proposed a meeting
            # … before the end of March": not set
            slots["tentative"] = "yes"
        if slots["event"] == "visit" and not (slots["places"] or slots["people"]):
            continue  # "the first two should arrive in the second half of 2029": aircraft
        if slots["event"] == "talks" and not any(slots[k] for k in (
                "places", "people", "topics", "purpose", "body")):
            # "a similar deal with Sierra Leone is under discussion …, due in May": talks
            # no one holds anywhere on anything are no date on the agenda
            continue
        frames.append(Fact("event", group[0].text, f"event:{start}", dates[0], evidence,
                           tuple(sorted((k, v) for k, v in slots.items() if v))))
    return _within_others(_superseded(_rescheduled(_dated_two_ways(frames, conflicts,
                                                                   published), published),
                                      published))


# Where a submission goes, when no legislature of the gazetteer is named.
_TO_A_LEGISLATURE = re.compile(r"\b(?:parliament|legislature|congress|assembly|senate|"
                               r"house|chamber|cabinet|council of ministers)\b", re.IGNORECASE)
# A plan given up, not put off: "the Osaka leg … has been cancelled".
_CALLED_OFF = re.compile(r"\b(?:cancel(?:l?ed|s|l?ing)?|call(?:ed|s)? off|scrapped|axed)\b",
                         re.IGNORECASE)


def _unplaced(claim: Fact) -> str:
    """A claim's text less the places it names."""
    text = claim.text
    for place in sorted(set(claim.items("places")) | set(claim.items("capitals")), key=len,
                        reverse=True):
        text = text.replace(place, " ")
    return text


def _first_place(f: Fact) -> str:
    """Where an event is said to be, first ("" when nowhere)."""
    return next(iter(f.items("places")), "")


def _read(phrases: Phrases, name: str, claims: list[Fact]) -> str:
    """What phrase `name` reads (its group "what") in the first claim that has it."""
    return next((m["what"] for c in claims if (m := phrases.first(name, c.text))), "")


def _end_by_sources(group: list[Fact], future: dict[int, list[str]], dates: list[str],
                    kind: str, conflicts: list[Conflict],
                    published: dict[str, date | None]) -> str:
    """The last day of an event its sources agree on; two sources ending it on
    different days ("12–14 October" / "a two-day visit on 12–13 October") are a conflict,
    and the end most sources give is kept ("" for a single day)."""
    start = dates[0]
    # Cut short ("will now end on Wednesday 25 November"): the day the latest source
    # telling of the cut gives, whatever the earlier ends.
    cuts = [c for c in group if c.attr("ends_on") and c.attr("ends_on")[5:] >= start[5:]]
    if cuts:
        return max(cuts, key=lambda c: _latest([c], published)).attr("ends_on")
    ends: dict[str, list[str]] = defaultdict(list)
    # "initially scheduled from 19 to 21 April", beside "will now run from 19 to 20
    # April": the end given up is no source's end.
    for c in [c for c in group if "former_date" not in _cues(c)] or group:
        last = max((v for v in future[id(c)] if len(v) == 10 and v[5:] > start[5:]),
                   default="", key=lambda v: v[5:])
        if last:
            ends[last].extend(c.doc_ids)
    by_end = {v: tuple(dict.fromkeys(d)) for v, d in ends.items()}
    if _disputed(by_end):
        ranked = sorted(by_end.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        conflicts.append(Conflict(f"dates of the {kind.replace('_', ' ')}",
                                  tuple((format_span(start, v), d) for v, d in ranked)))
        return ranked[0][0]
    return dates[-1] if dates[-1][5:] != start[5:] else ""


def _leaving(group: list[Fact], people: dict[str, Fact], hosts: set[str]) -> list[str]:
    """Who departs: the people the sentences telling of the departure name, the first
    named first ("Vasconcelos will call on … before leaving for Brasilia": he leaves,
    for home, whoever else the visit's other sentences name)."""
    told = [c for c in group if "departure" in _events(c)]
    found = sorted((i, m.start(), p) for i, c in enumerate(told) for p in people
                   if p not in hosts
                   for m in [re.search(rf"\b{re.escape(surname(p))}\b", c.text)] if m)
    return list(dict.fromkeys(p for _, _, p in found))


def _visitors_first(names, people: dict[str, Fact], visited: str) -> list[str]:
    """The people of an event: those known to come from elsewhere first, then those of
    no known country, those of the country visited (its hosts) last."""
    def rank(p: str) -> int:
        country = people[p].attr("country")
        if not visited or not country:
            return 1
        return 2 if country == visited else 0
    return sorted(names, key=rank)


def _dated_two_ways(frames: list[Fact], conflicts: list[Conflict],
                    published: dict[str, date | None]) -> list[Fact]:
    """One event the sources date differently is one event and a conflict (the dates
    most sources give are kept): a visit told with two spans, or with its start told
    two ways, or its talks dated just after it; a vote or a hearing up to two weeks
    apart; any other kind of event a week apart."""
    out = list(frames)
    for f in frames:
        if f not in out:
            continue
        others = [g for g in out if g is not f and _same_event(f, g, published)]
        if not others:
            continue
        # (of as many sources, a day said before a month: "on October 29, 2027" before
        # "by the end of April 2027")
        group = sorted([f, *others], key=lambda x: (-len(x.doc_ids), not x.attr("moved"),
                                                     len(x.attr("start")) != 10,
                                                     x.attr("start")))
        moved = [g for g in group if g.attr("moved")]
        if not moved and any(g.attr("replaced") for g in group):
            # "initially planned to begin on 1 December" beside "from 2 to 4 December":
            # the day given up, and the day it was moved to (not a day only sources
            # older than the move give: "pencilled in for 8 December")
            moved = [g for g in group if not g.attr("replaced")]
            if moved and _all_before(moved, [g for g in group if g.attr("replaced")],
                                     published):
                moved = []
        if len(moved) > 1:
            # Moved twice ("brought forward to 27 November", then "postponed by a week,
            # to Friday, 4 December"): the latest source's move is the news, when all
            # the others' sources were written before it.
            last = max(moved, key=lambda g: _latest([g], published) or date.min)
            if _all_before([g for g in moved if g is not last], [last], published):
                moved = [last]
        stale = [g for g in group if g not in moved]
        if moved and stale and (_all_before(stale, moved, published)
                                or any(g.attr("replaced") for g in stale)):
            # "brought forward by one day": the dates the earlier reports gave are the
            # old ones, not a second account of the new.
            new, old = moved[0], min(stale, key=lambda x: x.attr("start"))
            kept = new.with_attrs(moved_from=old.attr("start"), moved_from_end=old.attr("end")) \
                if not new.attr("moved_from") or old.attr("start") < new.attr("moved_from") \
                else new  # (a later day of the span given up, "Kraków on December 9", is
            # no earlier date than its start, already found)
            out = [kept if g is new else g for g in out if g is new or g not in group]
            continue
        # The last day of another source's span ("on Wednesday, the final day of the
        # visit, he will travel to …" beside "7–9 June") is a day of it, not another
        # date for it; a day inside the span may be a later start ("due to call at Duqm
        # on 20 May" beside "from 18 to 21 May"), and stays a question.
        within = [g for g in group if not g.attr("end") and len(g.attr("start")) == 10
                  and any(h.attr("end") == g.attr("start") for h in group)]
        if within and len(group) - len(within) == 1:
            out = [g for g in out if g not in within]
            continue
        spans = any(g.attr("end") for g in group)
        if any(m.attr("moved") and m.attr("event") == f.attr("event")
               and (all(g.attr("start") < m.attr("start") for g in group)
                    and _all_before(group, [m], published)
                    # (…or a day the mover's own source gives up)
                    or any(g.attr("replaced") for g in group)
                    and _told_before(group, m, published))
               for m in out if m not in group):
            # two days told before a later source moved the event past both ("30
            # November" / "1 December", then "would now enter into force on 7 December"):
            # no question left between them
            out = [g for g in out if g not in group[1:]]
            continue
        told = [set(g.items("dated_by")) or set(g.doc_ids) for g in group]
        if len(set().union(*told)) == 1:
            # one source alone giving both (a deadline to register "no later than 16
            # November", another for postal votes "no later than 20 November"): two
            # events, or a leg of one — no disagreement between sources
            continue
        conflicts.append(Conflict(
            f"{'dates' if spans else 'date'} of the "
            f"{group[0].attr('event').replace('_', ' ')}",
            tuple((format_span(g.attr("start"), g.attr("end")),
                   tuple(g.items("dated_by")) or g.doc_ids) for g in group)))
        kept = group[0]
        if any(g.attr("moved") for g in group):  # either account says it was moved here
            kept = kept.with_attrs(moved="yes")
        out = [kept if g is group[0] else g for g in out if g not in group[1:]]
    return out


def _all_before(earlier: list[Fact], later: list[Fact],
                published: dict[str, date | None]) -> bool:
    """Whether every source of `earlier` was written before every source of `later`."""
    a = [published.get(d) for f in earlier for d in f.doc_ids]
    b = [published.get(d) for f in later for d in f.doc_ids]
    return all(a) and all(b) and max(a) < min(b)


def _told_before(group: list[Fact], mover: Fact, published: dict[str, date | None]) -> bool:
    """Whether every source of `group` but the mover's own was written before it."""
    own = set(mover.doc_ids)
    days = [published.get(d) for g in group for d in g.doc_ids if d not in own]
    start = [published.get(d) for d in own]
    return all(days) and all(start) and (not days or max(days) < min(start))


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _same_event(f: Fact, g: Fact, published: dict[str, date | None] | None = None) -> bool:
    """Whether two event frames with different starts are one event told two ways."""
    a, b = _day(f.attr("start")), _day(g.attr("start"))
    if {f.attr("event"), g.attr("event")} <= set(STOPS) and f.attr("event") == g.attr("event"):
        # a treaty ends once: "by the end of April 2027" and "on October 29, 2027" are
        # one withdrawal dated two ways
        a, b = a or _day(f.attr("start") + "-01"), b or _day(g.attr("start") + "-01")
    if a is None or b is None or a == b:
        return False
    kinds = {f.attr("event"), g.attr("event")}
    if _other_texts(f.attr("agreement"), g.attr("agreement")):
        return False  # the extradition treaty's entry into force is not the MLAT's
    if kinds == {"visit", "talks"}:
        return _talks_of_visit(*(sorted((f, g), key=lambda x: x.attr("event") != "visit")))
    if len(kinds) > 1:
        return False
    if kinds <= {"visit", "summit"}:
        return _one_visit(f, g)
    # A vote, a hearing or a meeting (of one body, or one not named) dated up to two
    # weeks apart is one sitting; of two bodies, two. Any other event, a week.
    if len({f.attr("body"), g.attr("body")} - {""}) > 1:
        return False
    if kinds == {"meeting"} and set(f.items("dated_by") or f.doc_ids) & set(
            g.items("dated_by") or g.doc_ids):
        # one source dating two meetings ("the committee's session … on 26 November",
        # "the government … at its session on 3 December") tells of two
        return False
    # A treaty ends (or is suspended) once: two dates for it are one event told two ways;
    # so are two entries into force a month or two apart that no source gives both of.
    if kinds <= {"vote", "hearing"} or kinds in ({"meeting"}, {"referendum"}):
        near = 14
    elif len(kinds) == 1 and kinds <= set(STOPS):
        near = 366
    elif kinds == {"entry_into_force"} and not set(f.doc_ids) & set(g.doc_ids):
        near = 62
    else:
        near = 7
    # A date and the one it moved to are two (the old is dropped); two new dates for
    # one postponed vote are one event dated two ways — and so is a day a later source
    # gives beside the new one ("rescheduled … to Friday 15 January", then "now
    # expected on 22 January").
    moved, other = (f, g) if f.attr("moved") else (g, f)
    later = bool(published) and not other.attr("moved") and moved.attr("moved") and \
        _all_before([moved], [other], published) and moved.attr("start") < other.attr("start")
    return abs((a - b).days) <= near and (
        bool(f.attr("moved")) == bool(g.attr("moved")) or later)


def _one_visit(f: Fact, g: Fact) -> bool:
    """Two spans that overlap, with a person or a place in common ("13–15 April" /
    "14–16 April"); or a day inside a span at the same first place ("due to call at
    Duqm on 20 May" / "at Duqm from 18 to 21 May"); or, from different sources, two
    days up to a week apart with the same first place and a person in common (the
    minister's visit to Baku "on 28 April" / "on 30 April"), or two summits so."""
    if not f.attr("end") and not g.attr("end"):
        a, b = _day(f.attr("start")), _day(g.attr("start"))
        # (a summit is its place's: "the next ordinary summit … in Windhoek" on 17 or on
        # 14 August, whoever comes)
        people = set(f.items("people")) & set(g.items("people")) or \
            f.attr("event") == g.attr("event") == "summit"
        return bool(a and b and abs((a - b).days) <= 7 and people
                    and _first_place(f) == _first_place(g) != ""
                    and not set(f.doc_ids) & set(g.doc_ids))
    if not (f.attr("end") and g.attr("end")):
        one, span = (f, g) if g.attr("end") else (g, f)
        return bool(span.attr("end")) and _first_place(one) == \
            _first_place(span) != "" and \
            span.attr("start") < one.attr("start") <= span.attr("end")
    shared = (set(f.items("places")) & set(g.items("places"))
              | set(f.items("people")) & set(g.items("people")))
    return bool(shared and f.attr("start") <= g.attr("end")
                and g.attr("start") <= f.attr("end"))


def _talks_of_visit(visit: Fact, talks: Fact) -> bool:
    """"will hold talks with Beridze in Tbilisi on Wednesday" beside a visit to Tbilisi
    on Monday and Tuesday: the visitor's talks, one to three days after its end."""
    people = set(visit.items("people")) & set(talks.items("people"))
    end = _day(visit.attr("end")) or _day(visit.attr("start"))
    day = _day(talks.attr("start"))
    return (_first_place(visit) == _first_place(talks)
            and bool(people) and end is not None and day is not None
            and 0 < (day - end).days <= 3)


def _within_others(frames: list[Fact]) -> list[Fact]:
    """A day inside another event's span, of the same kind and with a person in common
    ("will also visit … on August 30" during the visit of August 29-30), is that event."""
    def inside(f: Fact, g: Fact) -> bool:
        people = set(f.items("people")) & set(g.items("people"))
        # …or a day of it said with nobody and nowhere of its own ("the session on the
        # 19th"), or at its place.
        anonymous = not f.attr("people") and (
            not f.attr("places") or _first_place(f) ==
            _first_place(g))
        return (f is not g and f.attr("event") == g.attr("event") and (bool(people) or anonymous)
                and g.attr("end") != "" and g.attr("start") < f.attr("start") <= g.attr("end"))

    def finer(f: Fact, g: Fact) -> bool:
        """Whether `g` dates `f`, a quarter or a half of a year, more finely, at its
        place ("in Madrid in the first quarter of 2027", "in March")."""
        return (f is not g and f.attr("event") == g.attr("event")
                and _first_place(f) == _first_place(g)
                and _in_period(g.attr("start"), f.attr("start")))
    return [f for f in frames if not any(inside(f, g) or finer(f, g) for g in frames)]


_PERIOD = re.compile(r"(\d{4})-(Q[1-4]|H[12])")


def _in_period(value: str, period: str) -> bool:
    """Whether a month or a day ("2027-03") lies in a quarter or a half ("2027-Q1")."""
    m = _PERIOD.fullmatch(period)
    if not m or not re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", value) or value[:4] != m[1]:
        return False
    month = int(value[5:7])
    first = {"Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10, "H1": 1, "H2": 7}[m[2]]
    return first <= month < first + (3 if m[2][0] == "Q" else 6)


def _brought_forward(old: Fact, new: Fact, published: dict[str, date | None]) -> bool:
    """Whether `old` is a later day, within two weeks, that a move told after all its
    sources brought forward to `new`'s."""
    a, b = _day(old.attr("start")), _day(new.attr("start"))
    # (any later day a source says was given up: "replaces the session previously
    # scheduled for 28 January 2027")
    return bool(a and b and 0 < (a - b).days and (
        old.attr("replaced") or (a - b).days <= 14 and _all_before([old], [new], published)))


def _superseded(frames: list[Fact], published: dict[str, date | None]) -> list[Fact]:
    """A day inside the span a later source moves the event away from is no event of
    its own: "the delegation will return to La Paz on 26 November" (a visit cut
    short), then "the state visit, planned for 24–27 November, is postponed"."""
    out = list(frames)
    for new in [f for f in frames if f.attr("moved_from")]:
        start, end = new.attr("moved_from"), new.attr("moved_from_end") or new.attr("moved_from")
        # (a stop of its own, somewhere the event is not, stays: "a tour of Pangyo Techno
        # Valley was moved up to Tuesday morning")
        out = [f for f in out if f is new or not (
            f.attr("event") == new.attr("event") and len(f.attr("start")) == 10
            and start <= f.attr("start") <= end and _all_before([f], [new], published)
            and set(f.items("places")) <= set(new.items("places")))]
    return out


def _anonymous(event: Fact) -> bool:
    """Whether an event is told with no place, no one and no body of its own."""
    return not (event.attr("places") or event.attr("people") or event.attr("body"))


def _rescheduled(frames: list[Fact], published: dict[str, date | None] | None = None
                 ) -> list[Fact]:
    """An event given a new date replaces the same event (kind, and a place, a person
    or a body in common) at its earlier date, which it keeps as `moved_from`; so does an
    event moved that names none of them ("the parliamentary vote … has been postponed
    to June 22") the one earlier event of its kind."""
    out = list(frames)
    for new in [f for f in frames if f.attr("moved")]:
        bare = _anonymous(new)

        def here(f: Fact) -> bool:
            """At the same place: a stop elsewhere is another event (a tour of Pangyo
            brought forward to the 20th is not the Busan port visit dropped on the
            21st), unless the move names its new place."""
            return not (_first_place(f) and _first_place(new)) \
                or _first_place(f) == _first_place(new) or bool(new.attr("moved_place"))

        def same(f: Fact) -> bool:
            shared = (set(f.items("places")) & set(new.items("places"))
                      | set(f.items("lands")) & set(new.items("lands"))
                      | set(f.items("people")) & set(new.items("people"))
                      | {f.attr("body")} & {new.attr("body")} - {""})
            # (an earlier one told with nothing of its own is the one moved, too: "a
            # hearing on 3 December", then "the … hearing, previously set for 3 December,
            # has been postponed to 8 December")
            # (…and so is one on the day the move is said to be from, of whatever kind,
            # with someone or somewhere in common: "travel to Maputo on 2 December to meet
            # his counterpart", then "the meeting …, announced for Wednesday, 2 December in
            # Maputo, will now take place on 9 December in Luanda")
            if f.attr("start") in new.items("former") and shared and here(f):
                return True
            return f.attr("event") == new.attr("event") and (
                bool(shared) or bare or _anonymous(f) or f.attr("start") in new.items("former"))

        # Its earlier date ends before the new one begins: a span overlapping the new
        # one ("23–25 November" beside "24–26 November") is the new date told two ways.
        # (A day given up whose "end" is the new start was read from "initially set for
        # November 10, will now take place on November 17": no span, the old day.)
        # (…or, brought forward, a day up to two weeks after it that only sources
        # written before the move give: "pencilled in for 8 December", then "postponed
        # by a week, to Friday, 4 December")
        old = sorted((f for f in out if f is not new and not f.attr("moved") and same(f)
                      and ((f.attr("end") or f.attr("start")) < new.attr("start")
                           or f.attr("replaced") and f.attr("end") == new.attr("start")
                           or published and _brought_forward(f, new, published)
                           and here(f))),
                     key=lambda f: f.attr("start"))
        # (the one on the day a source says it was moved from, when one is)
        old = [f for f in old if f.attr("start") in new.items("former")] or old
        if old and (not (bare or any(_anonymous(f) for f in old)) or len(old) == 1):
            out = [f for f in out if f not in old]
            end = "" if old[0].attr("end") == new.attr("start") else old[0].attr("end")
            # (a day it was moved from already known is the later-told: "brought forward
            # to 27 November", not the 8 December first pencilled in)
            moved = new if new.attr("moved_from") else \
                new.with_attrs(moved_from=old[0].attr("start"), moved_from_end=end)
            if bare:  # who acts and where, from the event as first announced
                moved = moved.with_attrs(**{k: old[0].attr(k) for k in ("body", "places")})
            elif new.attr("event") == "visit" and old[0].attr("people") and not set(
                    old[0].items("people")) & set(new.items("people")):
                # …and who travels where, as first announced, not whoever told of the
                # move ("The visit is not cancelled; it is reprogrammed … for the first
                # quarter of 2027," said the Foreign Minister)
                moved = moved.with_attrs(
                    people=old[0].attr("people"),
                    places="|".join(dict.fromkeys(old[0].items("places") + new.items("places"))))
            out[out.index(new)] = moved
    return out


def _event_kinds(c: Fact, events: list[str], dates: list[str], kinds: tuple[str, ...]
                 ) -> list[str]:
    """The `kinds` of coming event a claim tells of, of its `events`, given its coming
    `dates`."""
    return [e for e in kinds if e in events
            # a submission its sentence dates, not by a date another act has
            and (e != "submission" or c.attr("date_submission") in dates and not any(
                c.attr(f"date_{o}") == c.attr("date_submission")
                for o in events if o != "submission"))
            # "on the date of entry into force, and … reaching zero on January 1, 2031":
            # the point counted from, not dated by the sentence's other dates
            and not (c.attr(f"anchor_{e}") and not c.attr(f"date_{e}"))]


def _coming_dates(c: Fact, published: dict[str, date | None], coming: tuple[str, ...]
                  ) -> list[str] | None:
    """The dates of the coming event a claim tells of (one of the kinds `coming`) — its
    start first, then days that end it — or None when it tells of none (nothing coming,
    or a past act)."""
    if c.attr("modality") == "demanded":
        return None  # "calling on ministers to block the deal next Monday": a demand
    if _NOT_ON.search(c.text):
        return None  # "Withdrawal will not take effect in April 2027": a day denied
    events = _events(c)
    if c.attr("modality") == "possible" or c.attr("modality") == "expected" and \
            "hope" in _cues(c):
        # "hoped it would enter into force by January": a hope, not a date set ("will
        # take effect on March 2" is one); "threatened a referendum, and … could not
        # afford a fight": no referendum called.
        # ("If both timetables hold, that would put entry into force in July at the
        # earliest": a bound worked out, kept as one)
        events = [e for e in events if e not in ("entry_into_force", "referendum")
                  or e == "entry_into_force" and "earliest" in _cues(c)]
    moved = "rescheduled" in _cues(c)
    # A deadline set in the past tense ("agreed on Friday to a new deadline of January
    # 31") still lies ahead; so does a vote a past act set up ("gave a favourable report
    # to the bill, setting up a plenary vote on Monday": facts.yaml `sets_up`), on a day
    # after its dated source's (not "has spoken of a vote in late June").
    anchors = [published.get(d) for d in c.doc_ids]
    set_ahead = "deadline" in events and _after(c.attr("date_deadline"), anchors) or \
        "vote" in events and "sets_up" in _cues(c) and None not in anchors and \
        _FULL_DATE.match(c.attr("date_vote")) is not None and _after(c.attr("date_vote"), anchors)
    # (nor an act the sentence dates after its source's day, whatever its tense reads:
    # "Lisbon maintains that Maputo's suspension … only takes effect on 4 February 2027,
    # 90 days after the note verbale was received")
    # (a day written with its year: not "from 1 January of the following calendar
    # year", a year counted from another act)
    dated_ahead = None not in anchors and any(
        _FULL_DATE.match(c.attr(f"date_{e}")) and _after(c.attr(f"date_{e}"), anchors)
        and c.attr(f"date_{e}")[:4] in c.text
        for e in events if e in coming and e in ("entry_into_force", *STOPS))
    # (…nor a day given up that lies ahead: "replaces the session previously scheduled
    # for 28 January 2027" marks that day's meeting as replaced)
    if not (set(coming) & set(events)) or c.attr("tense") == "past" and \
            c.attr("modality") == "asserted" and not moved and not set_ahead \
            and not dated_ahead and "former_date" not in _cues(c):
        return None
    anchors = [published.get(d) for d in c.doc_ids]
    dates = sorted(v for v in c.items("dates") if _DAY_OR_MONTH.match(v)
                   and _after(v, anchors))
    # A submission to parliament is an event of its own only when the sentence dates
    # it ("will submit the agreement to the Diet at the session that opens in January"),
    # not by the date of another act ("signed in September and then submitted").
    kinds = _event_kinds(c, events, dates, coming)
    # An act the sentence dates before its source's day is past, whatever later date it
    # gives ("met the President … on 12 March, and she will return … next month": no
    # meeting next month)
    # (not a visit under way, begun before and ending after: "from 27 to 29 March")
    kinds = [e for e in kinds if not (_FULL_DATE.match(c.attr(f"date_{e}"))
                                      and c.attr(f"date_{e}") not in dates
                                      and not _after(c.attr(f"date_{e}"), anchors)
                                      and not any(_ends(c.attr(f"date_{e}"), d) for d in dates))] \
        if not moved and "former_date" not in _cues(c) else kinds
    if not kinds:
        return None
    if "entry_into_force" in kinds and c.attr("date_entry_into_force") in dates:
        # "an exchange of notes in May, so the agreement should take effect in June":
        # the day it takes effect is the one the note gives.
        kinds = [e for e in kinds if e != "exchange"]
    # A date the sentence binds to the event ("vote on the pact in May, while the
    # assembly's session starts on May 20") is the event's; other dates in the
    # sentence only end it ("on December 4-5").
    # Of two acts it dates, the one whose date is written first is the sentence's ("The
    # visit will now take place from December 8 to 10. … the final vote on the 2027
    # budget on December 7": the visit's)
    told = c.items("dates")
    bound = sorted((v for e in kinds for v in [c.attr(f"date_{e}")] if v in dates),
                   key=told.index)
    # A visit under way ("paid a state visit from 27 to 29 March", written on the
    # 28th) keeps its start: begun before the source's day, said as under way.
    begun = sorted(v for e in kinds for v in [c.attr(f"date_{e}")]
                   if v and v not in dates and c.attr("tense") != "future"
                   and all(a is None or v <= a.isoformat() for a in anchors)
                   and any(_ends(v, d) for d in dates))
    if begun and not bound:
        dates, bound = [begun[0]] + [d for d in dates if _ends(begun[0], d)], [begun[0]]
    others = {c.attr(f"date_{e}") for e in events if e not in coming}
    if dates and not any(c.attr(f"date_{e}") for e in kinds) and set(dates) <= others:
        # "ratified … by 140 votes to 29, clearing the way for it to take effect on
        # January 1": the coming date is the entry into force's, not the vote's.
        return None
    if not bound:
        return dates
    # A date the sentence gives another act ("exchange notes in early July, which would
    # put entry into force in early August") ends nothing.
    elsewhere = {c.attr(f"date_{e}") for e in ("exchange", "entry_into_force")} - {bound[0]}
    # …nor does the day given up ("originally planned for 21 April, has been brought
    # forward to 20 April")
    elsewhere |= {v for e in kinds for v in c.items(f"former_{e}")}
    return [bound[0]] + [v for v in dates if _ends(bound[0], v) and v not in elsewhere]


# A day said not to be the event's ("will not take effect in April 2027"; not "will not
# take effect until 29 October", which gives it).
_NOT_ON = re.compile(r"\b(?:will|would|shall|does|did|can)\s*(?:\s+not|n[’']t)\s+(?:take\s+effect|"
                     r"enter\s+into\s+force|come\s+into\s+force|take\s+place|be\s+held)\s+"
                     r"(?:in|on)\b", re.IGNORECASE)


_MONTHS = frozenset("January February March April May June July August September October "
                    "November December Monday Tuesday Wednesday Thursday Friday Saturday "
                    "Sunday".split())
# An event's date may be a day, a month, a quarter or a half ("the second half of
# next year").
_DAY_OR_MONTH = re.compile(r"^(\d{4}|XXXX)-(\d\d(-\d\d)?|Q[1-4]|H[12])$")


# The months of a quarter or a half of a year (TIMEX3 "2027-Q1", "2027-H2").
_PART_MONTHS = {"Q1": range(1, 4), "Q2": range(4, 7), "Q3": range(7, 10), "Q4": range(10, 13),
                "H1": range(1, 7), "H2": range(7, 13)}


def _other_texts(a: str, b: str) -> bool:
    """Whether two agreement keys name two texts for sure: both names (an acronym may be
    either's), sharing no word but their kinds' and the small ones ("treaty on
    extradition", "treaty on mutual legal assistance in criminal matter")."""
    if not a or not b or a == b or a.isupper() or b.isupper():
        return False
    small = _KIND_WORDS | {"on", "of", "the", "and", "for", "in", "between", "to"}
    return not (set(a.split()) - small) & (set(b.split()) - small)


def _ends(start: str, value: str) -> bool:
    """Whether day `value` can be the last day of an event starting on day `start`."""
    if len(start) != 10 or len(value) != 10 or value <= start or start.startswith("X"):
        return False
    try:
        return date.fromisoformat(value) - date.fromisoformat(start) <= timedelta(days=10)
    except ValueError:
        return False


def _after(value: str, anchors: list[date | None]) -> bool:
    """Whether a date value lies after every known anchor (unknown anchors allow it)."""
    if value.startswith("X"):
        return True
    return all(a is None or value > a.isoformat() for a in anchors)


def _votes(values) -> list[str]:
    counts: dict[str, int] = defaultdict(int)
    for v in values:
        counts[v] += 1
    return sorted(counts, key=lambda v: -counts[v])
