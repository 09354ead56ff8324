"""When was a document written? Datelines first, then inference from its own dates.

`find_published` reads one text; `infer_published_cluster` reads the documents of one
event together, filling the year a text leaves out from the dates the others make
certain. The inference is deliberately conservative: it answers only when the text's
past-tense dates (a lower bound), future-tense dates (an upper bound) and weekdays
("On Tuesday, ... ratified") support one date, and says "unknown" otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from briefing.timex import clause_tense, rules, tag as _tag_uncached, weekday_number

_FULL = re.compile(r"^(\d{4}|XXXX)-(\d\d)(?:-(\d\d))?$")
# Dating one cluster reads each text up to four times (alone, then with the cluster's
# year); tagging without a creation date depends on the text only, so it is done once.
_CACHE_TEXTS = 1024


@lru_cache(maxsize=_CACHE_TEXTS)
def _tag_no_dct(text: str) -> tuple:
    return tuple(_tag_uncached(text, None))


def tag(text: str, dct: dt.date | None):
    """The tagger's expressions of `text` (memoised when there is no creation date)."""
    return _tag_no_dct(text) if dct is None else _tag_uncached(text, dct)


@dataclass(frozen=True)
class Evidence:
    """What a text says about its own date: bounds and weekdays, by tense."""

    lower: dt.date | None          # latest past-tense date
    upper: dt.date | None          # earliest future-tense date (publication is before)
    past_weekdays: tuple[int, ...]
    year: int | None               # the year the text's dates are in, if it names one
    lower_day: bool = False        # the latest past date names its day ("in March" does not)


def _dateline(text: str, title: str, lead: str = "") -> str | None:
    """The surface of the date in the text's dateline (or in its title), if any;
    `lead` is the text as read, before page furniture ("Published 20 May 2026") went."""
    cfg = rules().raw_dateline
    # (counted after an editor's note in brackets that opens the text: "[Monitoring
    # translation from Spanish. Source: …]")
    note = _NOTE.match(text)
    head = text[:int(cfg["window"]) + (note.end() if note else 0)]
    for source in (head, lead[:int(cfg["window"])], title):
        for pattern in cfg["compiled"]:
            m = pattern.search(source)
            if m:
                return m.group("date")
    m = cfg["agency_re"].search(head)
    if m:
        near = head[m.start():m.end() + 150]
        for t in tag(near, None):
            if t.type == "DATE" and _FULL.match(t.value) and _FULL.match(t.value).group(3):
                return t.text
    return None


_NOTE = re.compile(r"\s*\[[^\]\n]{20,600}\]")


def _dateline_year(value: str, text: str) -> int | None:
    """The year of a dateline that gives only month and day ("HANOI, March 13").

    Candidates are the years the text names and the year after each (an article
    reports last year's figures), never after today ("by 2030" is a target); a text
    naming none gives the last seven years. The candidate whose calendar puts a
    weekday the text reports in the past ("signed on Wednesday") on the dateline's day
    or the day before wins; otherwise the latest year the text names. A year that
    would date the article before an event it reports in the past is never chosen.
    """
    this_year = dt.date.today().year
    found = tag(text, None)
    named = {y for y in _named_years(found, text) if y <= this_year}
    # Years named only in future clauses ("in force by January 2026") are targets:
    # they bound nothing, so the year before each is a candidate too.
    candidates = sorted({y for n in named for y in (n - 1, n, n + 1) if y <= this_year}
                        or set(range(this_year - 6, this_year + 1)), reverse=True)
    past_named = {int(t.value[:4]) for t in found if t.value[:4].isdigit()
                  and t.type == "DATE" and clause_tense(text, t.start, t.end) != "future"}
    evidence = gather_evidence(text)
    past = evidence.past_weekdays
    month, day = int(value[5:7]), int(value[8:10]) if len(value) >= 10 else 1

    def fits(year: int) -> int:
        try:
            written = dt.date(year, month, day)
        except ValueError:
            return -1
        if evidence.lower and written < evidence.lower:
            return -1  # written before something it reports as done: impossible
        weekday = written.isoweekday()
        return sum(2 if weekday == wd else (weekday - wd) % 7 == 1 for wd in past)

    best = max(candidates, key=lambda y: (fits(y), y in past_named, y in named, y))
    return best if past or named else None


def _named_years(found, text: str = "") -> set[int]:
    """Years the text's dates are in; not those that only bound a span ("loans since
    2000", "between 2022 and 2027"): an article naming them may be of any later year."""
    return {int(t.value[:4]) for t in found if t.value[:4].isdigit() and t.type == "DATE"
            and not _BOUND_BEFORE.search(text[max(0, t.start - 25):t.start])}


_BOUND_BEFORE = re.compile(r"\b(?:since|from|between|after|until|till|through)\s+"
                           r"(?:(?:the\s+)?(?:early|mid|late|end\s+of)\s+)?$", re.IGNORECASE)


def _point(value: str, year: int | None, month_end: bool) -> dt.date | None:
    m = _FULL.match(value)
    if not m:
        return None
    y = int(m.group(1)) if m.group(1).isdigit() else year
    if y is None:
        return None
    month = int(m.group(2))
    if m.group(3):
        return dt.date(y, month, int(m.group(3)))
    if month_end:
        nxt = dt.date(y + (month == 12), month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(y, month, 1)


@lru_cache(maxsize=_CACHE_TEXTS)
def gather_evidence(text: str, year_hint: int | None = None,
                    hint_first: bool = False) -> Evidence:
    """The bounds and weekdays `text` gives for its own date. Dates written without a
    year ("on December 9") are in the latest year of its full dates, else `year_hint`;
    with `hint_first`, in `year_hint` (the others' year, when its full dates are all
    history: "relations established on January 26, 1992")."""
    cfg = rules().raw_dateline
    found = tag(text, None)
    full_years = [int(t.value[:4]) for t in found
                  if re.match(r"^\d{4}-\d\d-\d\d$", t.value)]
    year = year_hint if hint_first and year_hint else \
        max(full_years) if full_years else year_hint
    lower = upper = None
    lower_day = False
    weekdays = []
    for t in found:
        if t.type not in ("DATE", "TIME"):
            continue
        tense = clause_tense(text, t.start, t.end)
        if tense is None:
            continue
        wd = weekday_number(t.text)
        if wd is not None and t.value.startswith("XXXX-XX-XX"):
            if tense == "past" and not re.search(r"(?i)\b(?:last|next)\b", t.text):
                weekdays.append(wd)
            continue
        point = _point(t.value, year, tense == "past" and bool(cfg["month_end_re"].search(t.text)))
        if point is None:
            continue
        if tense == "past":
            if lower is None or point > lower or point == lower and _FULL.match(t.value).group(3):
                lower_day = bool(_FULL.match(t.value).group(3))
            lower = max(lower, point) if lower else point
        else:
            upper = min(upper, point) if upper else point
    if lower and upper and upper <= lower:
        upper = None  # contradictory reading (a wrong year guess): drop the weaker bound
    return Evidence(lower, upper, tuple(weekdays), year, lower_day)


def _decide(ev: Evidence) -> dt.date | None:
    """One date consistent with the evidence, or None when nothing pins it down."""
    if ev.past_weekdays:
        wd = ev.past_weekdays[0]
        if ev.upper and ev.lower and (ev.upper - ev.lower).days > 7:
            # Far from the last dated event: the weekday is in the week before the
            # upcoming date. Without a past date to stand on this is a guess (an
            # upper bound of "October" says little), so it is not made.
            day = ev.upper - dt.timedelta(days=1)
            day -= dt.timedelta(days=(day.isoweekday() - wd) % 7)
            return day if day >= ev.lower else None
        if ev.lower:
            return ev.lower + dt.timedelta(days=(wd - ev.lower.isoweekday()) % 7)
        return None
    # The latest past day written ("approved on 13 April"); not a month's first day
    # ("voted in March" says nothing of when it was written).
    return ev.lower if ev.lower_day else None


def find_published(text: str, title: str = "", lead: str = "") -> tuple[dt.date | None, str]:
    """(date, how) for one document; how is 'dateline', 'inferred' or 'unknown'.
    `lead`: the text as read, with the furniture cleaning drops (a byline's date)."""
    return _find(text, title, None, lead)


def _find(text: str, title: str, year_hint: int | None,
          lead: str = "") -> tuple[dt.date | None, str]:
    surface = _dateline(text, title, lead)
    if surface:
        # "Sunday, 16 March 2025": the weekday is tagged too; the calendar date counts.
        # Read where the text writes it when it does: "06/05/2027" is day first in a
        # text that writes "12 May".
        values = [t.value for t in tag(text, None) if t.text == surface][:1] or \
            [t.value for t in tag(surface, None) if _FULL.match(t.value)]
        year, how = None, "dateline"
        if values and values[0].startswith("XXXX"):
            # "HANOI, March 13": the day is written, the year is our inference.
            year, how = year_hint or _dateline_year(values[0], text), "inferred"
        point = _point(values[0], year, False) if values else None
        if point:
            return point, how
    day = _decide(gather_evidence(text, year_hint))
    return (day, "inferred") if day else (None, "unknown")


def _month_and_day_written(day: dt.date, late: dt.date) -> tuple[dt.date, str]:
    """A dateline's month and day ("ABU DHABI, June 10 (…) -") are written, only its
    year is inferred: an archive story months older than the others keeps its day (it
    is not re-dated to theirs), in the latest year not after them."""
    while day > late:
        day = _point(f"{day.year - 1}-{day:%m-%d}", None, False) or day.replace(day=28)
    return day, "inferred"


def infer_published_cluster(texts: list[str], titles: list[str] | None = None,
                            certain: list[dt.date | None] | None = None
                            ) -> list[tuple[dt.date | None, str]]:
    """Dates of several documents about one event, each helped by the others.

    The year the dated documents agree on (those that write it out first) fills in the
    texts that name none, and overrules a year inferred for a dateline that gives
    none; a text that still gives only bounds takes the commonest date of the others
    within them, and one that gives only a weekday ("on Thursday") the first such day
    from the date most of the others give. `certain`: dates known from outside the
    text (a page's metadata, a manifest), which count as written ones.
    """
    titles = titles or [""] * len(texts)
    certain = certain or [None] * len(texts)
    first = [(known, "dateline") if known else find_published(t, title)
             for t, title, known in zip(texts, titles, certain)]
    # Years a document writes out outweigh years inferred for the others.
    written = Counter(d.year for d, how in first if d and how == "dateline")
    years = written or Counter(d.year for d, _ in first if d)
    if not years:
        return first
    # Tied (each text inferring its own): the latest — a brief is about recent news.
    top = max(years.values())
    year = max(y for y, n in years.items() if n == top)
    results = [r if r[0] and (r[1] == "dateline" or r[0].year == year)
               else _find(t, title, year) for t, title, r in zip(texts, titles, first)]
    # A text's own guess more than a month after every written date, or a season
    # before them all, is no better than none (it dated the text by an old event it
    # recalls): the others' dates decide it below.
    written_days = [d for d, how in results if d and how == "dateline"]
    # …written dates, that is, of these days: an archive story of five years before
    # among them widens nothing
    written_days = [d for d in written_days if (max(written_days) - d).days < 365] \
        if written_days else []
    if written_days:
        late = max(written_days) + dt.timedelta(days=31)
        early = min(written_days) - dt.timedelta(days=92)
        results = [_month_and_day_written(d, late) if d and how != "dateline" and
                   _dateline(t, title) else
                   (None, "unknown") if d and how != "dateline" and not early <= d <= late
                   else (d, how) for t, title, (d, how) in zip(texts, titles, results)]
    elif sum(1 for d, _ in results if d) >= 3:
        # No date written out: a text's guess months from every other's (a weekday put
        # in the week before a conference it mentions for November, among stories of
        # February) is no better than none; the others' dates decide it below.
        dated = sorted(d for d, _ in results if d)
        results = [(None, "unknown") if d and _alone(d, dated) else (d, how)
                   for d, how in results]
    known = Counter(d for d, _ in results if d)
    out = []
    for text, (day, how) in zip(texts, results):
        if day is None:
            ev = gather_evidence(text, year)
            fits = _within(known, ev)
            if not fits and ev.year != year:
                # Its own dates disagree read in the year of its history: its days
                # without a year are of the others' year.
                ev = gather_evidence(text, year, hint_first=True)
                fits = _within(known, ev)
            if fits and (ev.lower or ev.upper):
                day, how = fits[0], "inferred"
            elif ev.past_weekdays and known:
                # Coverage of the same event, saying only "on Thursday": the first such
                # weekday on or after the day most other sources were written (the
                # earliest of those tied) — not after a later commentary's.
                anchor = min(known, key=lambda d: (-known[d], d))
                day = anchor + dt.timedelta(days=(ev.past_weekdays[0] - anchor.isoweekday()) % 7)
                how = "inferred"
        out.append((day, how))
    return out


def _alone(day: dt.date, dated: list[dt.date]) -> bool:
    """Whether `day`, one of the sorted `dated`, is more than a month from all others."""
    i, j = bisect_left(dated, day), bisect_right(dated, day)
    return j - i == 1 and all(abs((day - d).days) > 31 for d in dated[max(0, i - 1):i]
                              + dated[j:j + 1])


def _within(known: Counter, ev: Evidence) -> list[dt.date]:
    """The dates of `known`, commonest first, that `ev`'s bounds allow."""
    return [d for d, _ in known.most_common()
            if (ev.lower is None or d >= ev.lower) and (ev.upper is None or d < ev.upper)]
