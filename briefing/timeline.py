"""The dated timeline of an event, for audiences that list "Timeline" among their sections.

Built from what consolidation already knows — the agreement's signing and ratification
dates, the coming visits and votes, and each claim's dated events — one line per date
and kind of event, oldest first. Each line cites the sources behind it.
"""

from __future__ import annotations

import re

from briefing.models import Fact, FactSet, Item
from briefing.phrasing import format_date, format_span, trim_sentence

TIMELINE = "Timeline"
MAX_ENTRIES = 8
# Past events a claim may date, and how its line names them.
PAST_EVENTS = {
    "signing": "signed", "agreement_reached": "agreed", "ratification": "ratified",
    "approval": "approved", "submission": "submitted", "vote": "voted",
    "entry_into_force": "in force", "delivery": "delivered", "sanction": "sanctions",
    "tariff": "tariffs", "withdrawal": "withdrew",
}
_DATED = re.compile(r"^\d{4}-\d\d(-\d\d)?$")


def timeline_items(facts: FactSet) -> list[Item]:
    """The timeline's lines as items (rule "timeline"), oldest first: every dated slot
    of a frame or event, then claims' past events on days nothing else covers."""
    entries: dict[tuple[str, str], Item] = {}
    published = {d.id: d.published for d in facts.documents}

    def add(when: str, kind: str, text: str, fact: Fact, end: str = "") -> None:
        if _DATED.match(when) and (when, kind) not in entries:
            day = format_span(when, end) if end else format_date(when)
            entries[(when, kind)] = Item(f"**{day}** — {text}", "timeline", 5, (fact,),
                                         when=when)

    for f in facts.facts:
        if f.kind == "frame":
            name = f.attr("acronym") or f.attr("name")
            place = f" in {f.attr('signed_place')}" if f.attr("signed_place") else ""
            add(f.attr("signed_date"), "signing", f"{name} signed{place}", f)
            if f.attr("ratified_by"):
                add(f.attr("ratified_date"), "ratification",
                    f"{name} {f.attr('ratified_verb') or 'ratified'} by the "
                    f"{f.attr('ratified_by')}", f)
            for entry in f.items("also_ratified"):
                body, _, when = entry.partition("=")
                add(when, f"ratification:{body}", f"{name} ratified by the {body}", f)
        elif f.kind == "event":
            # the words facts.yaml `coming_events` gives its kind ("visit to Lima"), or
            # the summit a visit is for ("the 5th annual summit in Lima")
            word = "in" if f.attr("summit") else f.attr("place_word")
            where = f" in the {f.attr('body')}" if f.attr("body") else \
                f" {word} {f.attr('places').split('|')[0]}" if word and f.attr("places") else ""
            add(f.attr("start"), f.attr("event"), f"{f.attr('summit') or f.attr('label')}{where}",
                f, f.attr("end"))
    covered = {when for when, _ in entries}
    extra: list[Item] = []
    for f in facts.facts:
        if f.kind != "claim" or f.attr("tense") != "past" or f.attr("modality") != "asserted" \
                or "rescheduled" in f.attr("cues").split(","):
            continue  # (an act put off or moved was not done on the day it names)
        for event, label in PAST_EVENTS.items():
            when = f.attr(f"date_{event}")
            newest = max((p for d in f.doc_ids if (p := published.get(d))), default=None)
            if (when and _DATED.match(when) and when not in covered
                    and (newest is None or when <= newest.isoformat())):
                covered.add(when)
                extra.append(Item(f"**{format_date(when)}** — {label}: "
                                  f"{_short(trim_sentence(f.text))}", "timeline", 4, (f,),
                                  when=when))
                break  # one line per claim
    room = max(0, MAX_ENTRIES - len(entries))
    return sorted([*entries.values(), *extra[:room]], key=lambda i: i.when)


def _short(text: str, limit: int = 110) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
