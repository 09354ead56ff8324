"""Normalisation of tagged temporal expressions into TIMEX3 types and values.

`resolve` receives one pattern match from briefing/timex.py and the document context,
and dispatches on the pattern's `kind`. Calendar arithmetic is anchored on the document
creation time (DCT); without a DCT, the unknown parts are written with X
(`XXXX-12-04`, `XXXX-WXX`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from briefing.timex import Match, Rules, clause_tense, normalise_words
from briefing.timex_calendar import (duration_value, iso_week, period_from, resolve_weekday,
                                     shift_months, year_for)

Found = tuple[int, int, str, str]  # start, end, TIMEX3 type, TIMEX3 value

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass
class Context:
    """What resolution needs beyond the match: the text, the DCT, the rules, and the
    last quarter mentioned (financial reports say "a year earlier" of that quarter).
    Mutable on purpose: it accumulates while one document is scanned."""

    text: str
    dct: dt.date | None
    rules: Rules
    last_quarter: tuple[int | None, int] | None = None
    # A report that has moved from its quarter to a longer span of the year ("for the
    # nine months, net rose … from … a year earlier") compares years: "a year earlier",
    # "the year-ago period" are then the year before, not that quarter of it.
    spans_months: bool = False
    # The times the story last spoke of, at each granularity: "that year", "the following
    # month", "the next morning" count from them.
    last_year: int | None = None
    last_month: tuple[int, int] | None = None
    last_day: tuple[int, dt.date] | None = None  # (where it ends, the day) of the last date
    last_time: tuple[int, int | None, int | None] | None = None  # the last of all: y, m, d


def number_value(surface: str, lexicon: dict[str, Any]) -> Any:
    """The number written in `surface`: digits, a word, "twenty-four", or "X" (vague)."""
    s = normalise_words(surface).replace("-", " ")
    parts = s.split()
    if len(parts) == 2 and "/" in parts[1]:  # "2 1/2"
        num, den = parts[1].split("/")
        return float(parts[0]) + int(num) / int(den)
    try:
        return int(s) if s.isdigit() else float(s)
    except ValueError:
        pass
    if s in lexicon:
        return lexicon[s]
    if all(p in lexicon for p in parts):
        return sum(lexicon[p] for p in parts)
    return "X"


def _span(match: Match) -> tuple[int, int]:
    start, end = match.span("span")
    return (start, end) if start >= 0 else match.m.span()


def _lex(ctx: Context, lexicon: str, surface: str | None) -> Any:
    return ctx.rules.lexicons[lexicon].get(normalise_words(surface)) if surface else None


def _month(ctx: Context, match: Match) -> int | None:
    surface = match.get("month") or match.get("month_full")
    if surface is None:
        return None
    return int(surface) if surface.isdigit() else _lex(ctx, "month", surface.rstrip("."))\
        or _lex(ctx, "month", surface)


def _year(match: Match, name: str = "year") -> int | None:
    y = match.get(name)
    if y is None and name == "year":
        y = match.get("short_year")
        if y is not None:
            return (1900 if int(y) >= 50 else 2000) + int(y)
    return int(y) if y else None


# A month or a day, then "of": "March of [the following year]".
_OF_AFTER_A_DATE = re.compile(r"(?:January|February|March|April|May|June|July|August|September|"
                              r"October|November|December|\d)\s+of\s+$", re.IGNORECASE)
# After a month or a day: "… of that year", "… of the following year".
_OF_THAT_YEAR = re.compile(r",?\s+of\s+(?:that|the\s+same|(?P<step>the\s+(?:following|next|"
                           r"previous|preceding)))\s+year\b", re.IGNORECASE)


def _calendar_date(ctx: Context, match: Match, month: int, day: int | None,
                   year: int | None, start: int, end: int) -> str:
    told = _OF_THAT_YEAR.match(ctx.text, end) if year is None and ctx.last_time else None
    if told:
        # "in August of that year": the year the story last spoke of (or the one after
        # or before it), not the writing's
        step = told["step"].split()[-1].lower() if told["step"] else ""
        year = ctx.last_time[0] + _ANAPHOR_STEP.get(step, 0)
    if year is None:
        if ctx.dct is None:
            return f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
        tense = clause_tense(ctx.text, start, end, ctx.rules, reported=True, former=True)
        if _SINCE.search(ctx.text, max(0, start - 12), start):
            tense = "past"  # "on patrol since March and was scheduled to return": past
        # "said" dates a day it names, not a month alone it reports ("has said August
        # or September is more realistic")
        year = year_for(month, day, ctx.dct, "past" if tense == "report" and day else
                        None if tense == "report" else tense)
        weekday = match.get("weekday")
        if day and weekday:  # "Tuesday 13 July": the year in which that day is a Tuesday
            iso = _lex(ctx, "weekday", weekday)
            fits = [y for y in (year, ctx.dct.year, year - 1, year + 1)
                    if _is_weekday(y, month, day, iso)]
            year = fits[0] if fits else year
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


@lru_cache(maxsize=64)
def _day_first(text: str, rules: Rules) -> bool:
    """Whether `text` writes its dates day first ("12 May 2027", "05.05.2027",
    "28/01/2027") more often than month first ("May 12", "10/27/89"): then "10/05/2027"
    is the tenth of May."""
    names = "|".join(sorted((re.escape(w) for w in rules.lexicons["month"] if w.isalpha()),
                            key=len, reverse=True))
    day = len(re.findall(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{names})\b"
                         rf"|\b\d{{1,2}}\.\d{{1,2}}\.\d{{4}}\b|\b(?:1[3-9]|2\d|3[01])/\d{{1,2}}/\d",
                         text, re.IGNORECASE))
    month = len(re.findall(rf"\b(?:{names})\.?\s+\d{{1,2}}\b(?!\d)"
                           rf"|\b\d{{1,2}}/(?:1[3-9]|2\d|3[01])/\d", text, re.IGNORECASE))
    return day > month


_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)


def _is_weekday(year: int, month: int, day: int, iso: int) -> bool:
    try:
        return dt.date(year, month, day).isoweekday() == iso
    except ValueError:
        return False


def _date(match: Match, ctx: Context) -> list[Found]:
    start, end = _span(match)
    month = _month(ctx, match)
    day = int(match.get("day")) if match.get("day") else None
    if match.pattern.name == "slash-date" and (
            month > 12 or day <= 12 and _day_first(ctx.text, ctx.rules)):
        month, day = day, month  # "13/05/2027"; "10/05/2027" in a text writing "12 May"
    if month > 12:
        return []
    year = _year(match)
    yearrel = match.get("yearrel")
    monthrel = match.get("monthrel")
    if year is None and ctx.dct is not None:
        if yearrel:
            year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[yearrel.lower()]
        elif monthrel:
            rel = normalise_words(monthrel)
            if rel in ("last", "this past"):
                year = ctx.dct.year if month < ctx.dct.month else ctx.dct.year - 1
            elif rel in ("next", "this coming"):
                year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
            else:
                year = ctx.dct.year
    value = _calendar_date(ctx, match, month, day, year, start, end)
    if match.get("hour24"):
        return [(start, end, "TIME", f"{value}T{match.get('hour24')}:{match.get('minute')}")]
    return [(start, end, "DATE", value)]


def _range(match: Match, ctx: Context) -> list[Found]:
    month = _month(ctx, match)
    first, second = match.span("first"), match.span("second")
    day1, day2 = int(match.get("day")), int(match.get("day2"))
    year = _year(match)
    v1 = _calendar_date(ctx, match, month, day1, year, first[0], second[1])
    v2 = v1[:-2] + f"{day2:02d}"
    return [(first[0], first[1], "DATE", v1), (second[0], second[1], "DATE", v2)]


def _time(match: Match, ctx: Context) -> list[Found]:
    start, end = _span(match)
    if match.get("noon"):
        clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[
            match.get("noon").lower()]
    else:
        hour = int(match.get("hour")) % 12
        ampm = (match.get("ampm") or "").lower()
        daypart = (match.get("daypart") or "").lower()
        # "11 at night" is p.m., "2 at night" a.m.: the night runs past midnight.
        if ampm.startswith("p") or daypart in ("afternoon", "evening") or (
                daypart == "night" and hour >= 6):
            hour += 12
        clock = f"{hour:02d}:{match.get('minute') or '00'}"
    if match.get("weekday"):
        day = _weekday_date(match, ctx, start, end)
    elif match.get("month"):
        day = _calendar_date(ctx, match, _month(ctx, match), int(match.get("day")), None,
                             start, end)
    else:
        day = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    return [(start, end, "TIME", f"{day}T{clock}")]


def _weekday_date(match: Match, ctx: Context, start: int, end: int) -> str:
    weekday = _lex(ctx, "weekday", match.get("weekday"))
    rel = normalise_words(match.get("rel") or "")
    if rel.startswith("the "):
        # "the previous Friday", "the following Monday": counted from the day the story
        # is at, not from the writing.
        anchor = ctx.last_day[1] if ctx.last_day else ctx.dct
        if anchor is None:
            return "XXXX-XX-XX"
        return resolve_weekday(anchor, weekday, None,
                               "last" if rel in ("the previous", "the preceding") else "next"
                               ).isoformat()
    if ctx.dct is None:
        return "XXXX-XX-XX"
    if match.get("week_after"):  # "Thursday week": the Thursday after the coming one
        return (resolve_weekday(ctx.dct, weekday, None, "next")
                + dt.timedelta(days=7)).isoformat()
    tense = clause_tense(ctx.text, start, end, ctx.rules)
    return resolve_weekday(ctx.dct, weekday, tense, match.get("rel")).isoformat()


def _weekday(match: Match, ctx: Context) -> list[Found]:
    start, end = _span(match)
    day = _weekday_date(match, ctx, start, end)
    part = _lex(ctx, "part_of_day", match.get("part_of_day"))
    if part:
        # TimeBank tags "Friday night" as a DATE more often than as a TIME.
        return [(start, end, "DATE", f"{day}T{part}")]
    return [(start, end, "DATE", day)]


def _deictic(match: Match, ctx: Context) -> list[Found]:
    start, end = _span(match)
    word = normalise_words(match.get("day_offset") or "")
    offset = ctx.rules.lexicons["day_offset"].get(word, 0)
    part = _lex(ctx, "part_of_day", match.get("part_of_day"))
    this = normalise_words(match.get("this") or "")
    if this == "last":
        offset = -1
    if word == "tonight":
        part = "NI"
    day = (ctx.dct + dt.timedelta(days=offset)).isoformat() if ctx.dct else "XXXX-XX-XX"
    if part:
        return [(start, end, "TIME", f"{day}T{part}")]
    return [(start, end, "DATE", day)]


def _week_of(match: Match, ctx: Context) -> list[Found]:
    """"The week of March 6": the ISO week of that day."""
    start, end = _span(match)
    value = _calendar_date(ctx, match, _month(ctx, match), int(match.get("day")), _year(match),
                           start, end)
    try:
        return [(start, end, "DATE", iso_week(dt.date.fromisoformat(value)))]
    except ValueError:  # no year known, or a day the calendar lacks
        return [(start, end, "DATE", value[:4] + "-WXX")]


def _holiday(match: Match, ctx: Context) -> list[Found]:
    start, end = _span(match)
    year = _year(match)
    fixed = _lex(ctx, "holiday", match.get("holiday"))
    if fixed:
        month, day = (int(x) for x in fixed.split("-"))
        return [(start, end, "DATE", _calendar_date(ctx, match, month, day, year, start, end))]
    month_s, nth, weekday_s = _lex(ctx, "floating_holiday", match.get("floating_holiday")).split("-")
    return [_nth_weekday_of(ctx, start, end, year, int(month_s), nth, int(weekday_s))]


def _nth_weekday(match: Match, ctx: Context) -> list[Found]:
    """"The second Friday of April", "the last Thursday of November 2027"."""
    start, end = _span(match)
    return [_nth_weekday_of(ctx, start, end, _year(match), _month(ctx, match),
                            str(_lex(ctx, "nth", match.get("nth"))),
                            int(_lex(ctx, "weekday", match.get("weekday"))))]


def _nth_weekday_of(ctx: Context, start: int, end: int, year: int | None, month: int,
                    nth: str, weekday: int) -> Found:
    """The `nth` (1–4, or L for the last) `weekday` (ISO, Monday 1) of `month`, in
    `year` or, without one, the year the clause's tense puts it in."""
    if year is None:
        if ctx.dct is None:
            return (start, end, "DATE", f"XXXX-{month:02d}-XX")
        year = year_for(month, 20, ctx.dct, clause_tense(ctx.text, start, end, ctx.rules))
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7)
    if nth == "L":
        while (day + dt.timedelta(days=7)).month == month:
            day += dt.timedelta(days=7)
    else:
        day += dt.timedelta(days=7 * (int(nth) - 1))
    if day.month != month:  # "the fifth Monday of February": no such day
        return (start, end, "DATE", f"{year:04d}-{month:02d}")
    return (start, end, "DATE", day.isoformat())


def _year_kind(match: Match, ctx: Context) -> list[Found]:
    start, end = _span(match)
    return [(start, end, "DATE", f"{_year(match):04d}")]


def _decade(match: Match, ctx: Context) -> list[Found]:
    start, end = _span(match)
    decade = match.get("decade")
    if match.get("decade_word"):
        decade = f"19{_lex(ctx, 'decade_word', match.get('decade_word'))}0"
    elif decade is None:
        decade = "19" + match.get("short_decade")
    return [(start, end, "DATE", decade[:3])]


def _century(match: Match, ctx: Context) -> list[Found]:
    start, end = _span(match)
    n = _lex(ctx, "ordinal", match.get("ordinal"))
    return [(start, end, "DATE", f"{n - 1:02d}")]


def _quarter_value(year: int | None, q: int) -> str:
    return f"{year:04d}-Q{q}" if year is not None else f"XXXX-Q{q}"


# What a quarter past is reported by: its results come out after it.
_RESULTS = re.compile(r"\s+(?:results?|earnings|profits?|figures|sales|revenues?|numbers|"
                      r"data|reports?|loss(?:es)?|growth|output)\b", re.IGNORECASE)


def _quarter(match: Match, ctx: Context) -> list[Found]:
    start, end = _span(match)
    q = _lex(ctx, "quarter_name", match.get("quarter_name"))
    year = _year(match) or _year(match, "fyear")
    if year is None and ctx.dct is not None:
        year = ctx.dct.year
        words = normalise_words(match.m.group(0))
        if "last year" in words:
            year -= 1
        elif "next year" in words:
            year += 1
        elif (q > (ctx.dct.month - 1) // 3 + 1
              and clause_tense(ctx.text, start, end, ctx.rules) != "future"):
            year -= 1  # a quarter not yet begun, spoken of in the past: last year's
        elif (q < (ctx.dct.month - 1) // 3 and not _RESULTS.match(ctx.text, end)
              and clause_tense(ctx.text, start, end, ctx.rules) == "future"):
            # a quarter long over, spoken of ahead ("will be paid in the first quarter",
            # written in November), is next year's; not the last one's results, released
            # ahead ("expects to release third-quarter results in mid-November")
            year += 1
    # Only a quarter already over can be the one a report is about ("the quarter", "a
    # year ago"): "will hurt fourth-quarter results" looks ahead, not at the figures.
    if ctx.dct is None or year is None or (year, q) < _dct_quarter(ctx):
        ctx.last_quarter = (year, q)
        ctx.spans_months = False
    return [(start, end, "DATE", _quarter_value(year, q))]


def _half(match: Match, ctx: Context) -> list[Found]:
    start, end = _span(match)
    h = _lex(ctx, "half_name", match.get("half_name"))
    year = _year(match)
    if year is None and ctx.dct is not None:
        # "of next year" counts from the writing; "of the year" and a bare "the first
        # half" (of a report) are the writing's year.
        rel = (match.get("yearrel") or "the").lower()
        year = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    return [(start, end, "DATE", f"{year:04d}-H{h}" if year else f"XXXX-H{h}")]


def _dct_quarter(ctx: Context, shift: int = 0) -> tuple[int | None, int]:
    if ctx.dct is None:
        return None, 0
    year, month = shift_months(ctx.dct.year, ctx.dct.month, 3 * shift)
    return year, (month - 1) // 3 + 1


def _relative_quarter(match: Match, ctx: Context) -> list[Found]:
    start, end = _span(match)
    words = normalise_words(match.m.group(0))
    if words.startswith("this") or "current" in words:
        year, q = _dct_quarter(ctx)
    else:
        year, q = ctx.last_quarter or _dct_quarter(ctx, -1)
    if not q:
        return [(start, end, "DATE", "XXXX-QX")]
    return [(start, end, "DATE", _quarter_value(year, q))]


def _year_quarter(match: Match, ctx: Context) -> list[Found]:
    """"The 1988 quarter": the quarter the report is about, in the year named (the year
    alone while no quarter was named before)."""
    start, end = _span(match)
    year = _year(match)
    if ctx.spans_months and "quarter" not in match.m.group(0).lower():
        quarter = 0  # "the 1988 period" after "the first nine months": that year
    elif ctx.last_quarter is None:
        quarter = _dct_quarter(ctx, -1)[1] if "quarter" in match.m.group(0).lower() else 0
    else:
        quarter = ctx.last_quarter[1]
    return [(start, end, "DATE", _quarter_value(year, quarter) if quarter else f"{year:04d}")]


def _year_ago(match: Match, ctx: Context) -> list[Found]:
    start, end = _span(match)
    named = _lex(ctx, "quarter_name", match.get("quarter_name"))
    if named:  # "the year-ago third quarter": that quarter, a year before the story's
        if ctx.last_quarter and ctx.last_quarter[0] is not None:
            year = ctx.last_quarter[0]
        else:
            year = ctx.dct.year if ctx.dct else None
        return [(start, end, "DATE", _quarter_value(year - 1 if year else None, named))]
    if ctx.last_quarter and ctx.last_quarter[0] is not None:
        year, q = ctx.last_quarter
        if ctx.spans_months and "quarter" not in match.m.group(0).lower():
            return [(start, end, "DATE", f"{year - 1:04d}")]
        return [(start, end, "DATE", _quarter_value(year - 1, q))]
    if ctx.dct is None:
        return [(start, end, "DATE", "XXXX")]
    return [(start, end, "DATE", f"{ctx.dct.year - 1:04d}")]


def _ago(match: Match, ctx: Context) -> list[Found]:
    start, end = _span(match)
    n = number_value(match.get("number"), ctx.rules.lexicons["number"])
    unit = _lex(ctx, "unit", match.get("unit"))
    direction = normalise_words(match.get("direction"))
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    if n == "X" or isinstance(n, float):
        return [(start, end, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")]
    if (unit == "Y" and n == 1 and ctx.last_quarter and ctx.last_quarter[0] is not None
            and direction in ("ago", "earlier")):
        year, q = ctx.last_quarter
        if ctx.spans_months:
            return [(start, end, "DATE", f"{year + sign:04d}")]
        return [(start, end, "DATE", _quarter_value(year + sign, q))]
    # "Later" and "earlier" count from the time the story is at, the last day it named
    # in the paragraph ("exchanged on April 28, and in force 30 days later"); "ago" and
    # "from now" from the time of writing.
    anchor = ctx.dct
    if direction in ("later", "earlier") and ctx.last_day is not None \
            and not _PARAGRAPH_END.search(ctx.text, ctx.last_day[0], start):
        anchor = ctx.last_day[1]
    if anchor is None:
        return [(start, end, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")]
    return [(start, end, "DATE", period_from(anchor, unit, sign * n))]


_PARAGRAPH_END = re.compile(r"\n\s*\n")


def _duration(match: Match, ctx: Context) -> list[Found]:
    start, end = _span(match)
    if match.get("vague"):
        return [(start, end, "DURATION",
                 duration_value("X", _lex(ctx, "unit", match.get("vague"))))]
    count = match.get("count") or match.get("number")
    # No number: one of the unit ("a day-long meeting").
    n = number_value(count, ctx.rules.lexicons["number"]) if count else 1
    unit = _lex(ctx, "unit", match.get("unit"))
    if unit == "M" and n in (6, 9) and match.m.group(0)[:3].lower() == "the":
        ctx.spans_months = True  # "for the nine months", "in the first six months"
    return [(start, end, "DURATION", duration_value(n, unit))]


def _set(match: Match, ctx: Context) -> list[Found]:
    start, end = _span(match)
    adverb = _lex(ctx, "set_adverb", match.get("set_adverb"))
    if adverb:
        return [(start, end, "SET", adverb)]
    plural = match.get("weekdays")
    weekday = _lex(ctx, "weekday", plural[:-1] if plural else match.get("weekday"))
    if weekday:
        parts = match.get("parts")
        part = _lex(ctx, "part_of_day", parts[:-1] if parts else match.get("part_of_day"))
        return [(start, end, "SET", f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""))]
    month = _lex(ctx, "month_full", match.get("month_full"))
    if month:
        return [(start, end, "SET", f"XXXX-{month:02d}")]
    unit = "Q" if match.get("quarter") else _lex(ctx, "unit", match.get("unit"))
    if match.get("number"):
        n = number_value(match.get("number"), ctx.rules.lexicons["number"])
    else:
        n = 2 if "other" in normalise_words(match.m.group(0)) else 1
    return [(start, end, "SET", duration_value(n, unit))]


def _season(match: Match, ctx: Context) -> list[Found]:
    start, end = _span(match)
    code = _lex(ctx, "season", match.get("season"))
    year = _year(match)
    if year is None:
        if ctx.dct is None:
            return [(start, end, "DATE", f"XXXX-{code}")]
        rel = normalise_words(match.get("seasonrel") or "")
        first, now = SEASON_START[code], ctx.dct.month
        if rel in ("last", "this past"):
            year = ctx.dct.year if first + 3 <= now else ctx.dct.year - 1
        elif rel in ("next", "this coming"):
            year = ctx.dct.year if first > now else ctx.dct.year + 1
        elif (not rel and first > now
              and clause_tense(ctx.text, start, end, ctx.rules) == "past"):
            year = ctx.dct.year - 1
        else:
            year = ctx.dct.year
    return [(start, end, "DATE", f"{year:04d}-{code}")]


def _relative(match: Match, ctx: Context) -> list[Found]:
    start, end = _span(match)
    relative = normalise_words(match.get("relative"))
    shift = _lex(ctx, "relative", relative)
    unit = _lex(ctx, "calendar_unit", match.get("calendar_unit"))
    if unit in ("10Y", "100Y") and relative in ("past", "the past", "last", "the last"):
        return [(start, end, "DURATION", duration_value(1, unit))]  # "the past decade"
    if "following" in relative or "previous" in relative:
        # "the following year" counts from the last year the text named, not the DCT.
        if unit == "Y" and ctx.last_year is not None:
            if _OF_AFTER_A_DATE.search(ctx.text, max(0, start - 30), start):
                shift = 0  # "March of the following year": the year the month was put in
            return [(start, end, "DATE", f"{ctx.last_year + shift:04d}")]
        if unit == "M" and ctx.last_month is not None:
            y, m = shift_months(*ctx.last_month, shift)
            return [(start, end, "DATE", f"{y:04d}-{m:02d}")]
        if unit == "W" and ctx.last_day is not None:
            return [(start, end, "DATE", period_from(ctx.last_day[1], "W", shift))]
    if ctx.dct is None:
        unknown = {"W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX",
                   "Y": "XXXX", "10Y": "XXX", "100Y": "XX"}
        return [(start, end, "DATE", unknown.get(unit, "XXXX-XX-XX"))]
    return [(start, end, "DATE", period_from(ctx.dct, unit, shift))]


_PERIOD_UNIT = {"year": "Y", "month": "M", "week": "W"}


def _the_period(match: Match, ctx: Context) -> list[Found]:
    """"The year" (its end, its first nine months) is the writing's; "the year ended
    June 30" is a year's span, whichever year it was."""
    start, end = _span(match)
    unit = _PERIOD_UNIT[normalise_words(match.get("period") or "year")]
    if match.get("ended"):
        return [(start, end, "DURATION", duration_value(1, unit))]
    if ctx.dct is None:
        return [(start, end, "DATE", {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX"}[unit])]
    return [(start, end, "DATE", period_from(ctx.dct, unit, 0))]


_ANAPHOR_STEP = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}


def _anaphoric(match: Match, ctx: Context) -> list[Found]:
    """"That year", "the same day", "the next morning": the time the story last spoke
    of (TimeML anchors them on it), the writing's when it has spoken of none."""
    start, end = _span(match)
    word = normalise_words(match.get("anaphor"))
    step = _ANAPHOR_STEP.get(normalise_words(match.get("step") or ""), 0)
    year, month, day = ctx.last_time or (
        (ctx.dct.year, ctx.dct.month, ctx.dct.day) if ctx.dct else (None, None, None))
    if year is None:
        return [(start, end, "DATE", {"year": "XXXX", "month": "XXXX-XX",
                                      "week": "XXXX-WXX"}.get(word, "XXXX-XX-XX"))]
    if word == "year":
        return [(start, end, "DATE", f"{year + step:04d}")]
    # The story last spoke of a coarser time ("last October … that same day"): the day
    # or month in it is unknown.
    if word == "week" and day is None:
        return [(start, end, "DATE", f"{year:04d}-WXX")]
    if month is None:
        return [(start, end, "DATE", f"{year:04d}-XX" + ("" if word == "month" else "-XX"))]
    if word == "month":
        y, m = shift_months(year, month, step)
        return [(start, end, "DATE", f"{y:04d}-{m:02d}")]
    if day is None:
        return [(start, end, "DATE", f"{year:04d}-{month:02d}-XX")]
    if word == "week":
        return [(start, end, "DATE", period_from(dt.date(year, month, day), "W", step))]
    value = (dt.date(year, month, day) + dt.timedelta(days=step)).isoformat()
    part = _lex(ctx, "part_of_day", word)
    # A day's part is kept as with a weekday ("Friday night"): a DATE.
    return [(start, end, "DATE", f"{value}T{part}" if part else value)]


# Just before a word, the middle of a sentence: a letter or a comma, then a space.
_MID_SENTENCE = re.compile(r"[a-z,]\s+$")


def _reference(match: Match, ctx: Context) -> list[Found]:
    start, end = _span(match)
    if ctx.text[start:start + 1].isupper() and _MID_SENTENCE.search(ctx.text, max(0, start - 8),
                                                                     start):
        return []  # "The Ocean: Life and Future": a title's capital, no time
    value = _lex(ctx, "reference", match.get("reference"))
    # "the coming weeks" (PXW) is a span of unknown length; "now", "the future" are times
    return [(start, end, "DURATION" if value.startswith("PX") else "DATE", value)]


def _spoken_year(match: Match, ctx: Context) -> list[Found]:
    """"Nineteen ninety-six", "the year two thousand", and a month or a season of one
    ("January nineteen ninety-seven", "the winter of nineteen ninety-four")."""
    start, end = _span(match)
    year = _spoken_year_number(match, ctx.rules.lexicons["number"])
    month = _month(ctx, match)
    if year is None:
        if month is None:
            return []  # "twenty five percent" is no year
        # "in May twenty five people were hurt": the month alone
        month_start = match.span("edge")[0] if match.get("edge") else start
        month_end = match.span("month_full")[1]
        return [(month_start, month_end, "DATE",
                 _calendar_date(ctx, match, month, None, None, month_start, month_end))]
    if month is not None:
        return [(start, end, "DATE", f"{year:04d}-{month:02d}")]
    season = _lex(ctx, "season", match.get("season"))
    return [(start, end, "DATE", f"{year:04d}-{season}" if season else f"{year:04d}")]


def _spoken_year_number(match: Match, numbers: dict[str, Any]) -> int | None:
    if match.get("hundreds"):
        n = number_value(match.get("number"), numbers)
        # "nineteen hundred and five" is 1905; "nineteen five" no year
        least = 1 if "hundred" in match.m.group(0).lower() else 10
        if not isinstance(n, int) or not least <= n <= 99:
            return None
        century = 19 if match.get("hundreds").lower() == "nineteen" else 20
        return century * 100 + n
    more = match.get("more")
    n = number_value(more, numbers) if more else 0
    if not isinstance(n, int) or n > 99:
        return None
    return 2000 + n


def _weekend(match: Match, ctx: Context) -> list[Found]:
    """The weekend just past (or under way), or the coming one in a future clause."""
    start, end = _span(match)
    if ctx.dct is None:
        return [(start, end, "DATE", "XXXX-WXX-WE")]
    day = ctx.dct
    if clause_tense(ctx.text, start, end, ctx.rules) == "future":
        day += dt.timedelta(days=(6 - day.isoweekday()) % 7)
    elif day.isoweekday() < 6:
        day -= dt.timedelta(days=day.isoweekday())
    return [(start, end, "DATE", iso_week(day) + "-WE")]


def _weekday_day(match: Match, ctx: Context) -> list[Found]:
    """"Tuesday the 22nd": of the months around the writing, the nearest 22nd that is a
    Tuesday (none: the weekday alone is not enough to date it)."""
    start, end = _span(match)
    if ctx.dct is None:
        return []
    iso, day = _lex(ctx, "weekday", match.get("weekday")), int(match.get("day"))
    months = [shift_months(ctx.dct.year, ctx.dct.month, n) for n in (-1, 0, 1, 2)]
    fits = [dt.date(y, m, day) for y, m in months if _is_weekday(y, m, day, iso)]
    if not fits:
        return []
    best = min(fits, key=lambda d: abs((d - ctx.dct).days))
    return [(start, end, "DATE", best.isoformat())]


RESOLVERS: dict[str, Callable[[Match, Context], list[Found]]] = {
    "date": _date, "range": _range, "time": _time, "weekday": _weekday,
    "deictic": _deictic, "holiday": _holiday, "year": _year_kind, "decade": _decade,
    "century": _century, "quarter": _quarter, "half": _half,
    "relative_quarter": _relative_quarter, "year_ago": _year_ago, "ago": _ago,
    "duration": _duration, "set": _set, "season": _season, "relative": _relative,
    "reference": _reference, "spoken_year": _spoken_year, "weekend": _weekend,
    "weekday_day": _weekday_day, "the_period": _the_period,
    "year_quarter": _year_quarter, "anaphoric": _anaphoric, "week_of": _week_of,
    "nth_weekday": _nth_weekday,
}


def resolve(match: Match, ctx: Context) -> list[Found]:
    """The TIMEX3s (span, type, value) that one pattern match stands for."""
    found = RESOLVERS[match.pattern.kind](match, ctx)
    for _, end, type_, value in found:
        if type_ not in ("DATE", "TIME"):
            continue
        m = _CALENDAR.match(value)
        if m is None:
            continue
        ctx.last_year = int(m.group(1))
        ctx.last_time = (ctx.last_year, None, None)
        if m.group(2):
            ctx.last_month = (ctx.last_year, int(m.group(2)))
            ctx.last_time = (ctx.last_year, int(m.group(2)), None)
        if m.group(3):
            try:
                ctx.last_day = (end, dt.date(ctx.last_year, int(m.group(2)), int(m.group(3))))
                ctx.last_time = (ctx.last_year, int(m.group(2)), int(m.group(3)))
            except ValueError:  # a day the calendar lacks ("February 30")
                pass
    return found


# A time on the calendar (year, month, day; quarters and weeks name a year too), which
# the story is then at.
_CALENDAR = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?![\dX])")
