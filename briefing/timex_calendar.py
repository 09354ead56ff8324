"""Calendar arithmetic for the temporal tagger: years of yearless dates, weekdays by
tense, ISO weeks, month shifts, periods counted from the document date, durations.

Pure functions of dates and numbers; timex_resolve.py decides which one a match needs.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from briefing.timex import normalise_words

# A date without a year within SURE_DAYS of the DCT is the nearest one whatever the tense
# (tense cues misfire more often than news speaks of a date a year away); farther, it is
# the last occurrence in a past clause, the next one in a future clause; with no tense
# cue, the nearest day if within NEAR_DAYS, else the last one (news reports more than it
# announces).
SURE_DAYS = 60
NEAR_DAYS = 92
EVEN_MONTH_DAYS = 45  # a month alone about as far back as ahead: the tense decides
def _fmt_number(n: Any) -> str:
    if isinstance(n, float):
        return f"{n:g}"
    return str(n)


def iso_week(d: dt.date) -> str:
    """TIMEX3 week value of `d`, e.g. 2025-W48."""
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def shift_months(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) moved by `n` months."""
    total = year * 12 + (month - 1) + n
    return total // 12, total % 12 + 1


def year_for(month: int, day: int | None, dct: dt.date, tense: str | None) -> int:
    """The year of a month (and day) written without one, seen from `dct`."""
    def candidate(y: int) -> dt.date:
        return dt.date(y, month, min(day or 15, 28 if month == 2 else 30))
    near = min((dct.year - 1, dct.year, dct.year + 1),
               key=lambda y: abs((candidate(y) - dct).days))
    distance = abs((candidate(near) - dct).days)
    if tense == "former":
        # A plan given up ("originally scheduled for March"): the nearer one, whichever
        # way, as it was made for a time near the writing
        return near
    # A month half a year away is as near one way as the other: the tense tells
    # ("approved the pact in December", written in June, is last December).
    if day is None and tense in ("past", "future"):
        back = dct.year if month <= dct.month else dct.year - 1
        ahead = dct.year if month >= dct.month else dct.year + 1
        if abs(abs((candidate(back) - dct).days) - abs((candidate(ahead) - dct).days)) \
                <= EVEN_MONTH_DAYS:
            return back if tense == "past" else ahead
    # A month alone in a future clause is not one already past this year ("applied
    # provisionally from January", written in June, is next January).
    if day is None and tense == "future" and month < dct.month:
        return dct.year + 1
    if distance <= SURE_DAYS or day is None and near == dct.year:
        return near
    if tense == "future":
        return dct.year if candidate(dct.year) >= dct else dct.year + 1
    if tense == "past":
        return dct.year if candidate(dct.year) <= dct else dct.year - 1
    # A day is named that near ahead ("on January 5"); a month alone, further ahead
    # than SURE_DAYS with no cue that it lies ahead, is more often the one past.
    if distance <= NEAR_DAYS and day is not None:
        return near
    return dct.year if candidate(dct.year) <= dct else dct.year - 1


def resolve_weekday(dct: dt.date, weekday: int, tense: str | None,
                    relative: str | None = None) -> dt.date:
    """The date of `weekday` (1 = Monday) meant in a text written on `dct`.

    "last"/"next" point strictly before/after the DCT, "this" into the DCT's week; a bare
    weekday is the coming one in a future clause ("a visit beginning Thursday") and the
    one just past otherwise ("On Tuesday, the parliament ratified"), the DCT itself when
    it is that weekday.
    """
    back = (dct.isoweekday() - weekday) % 7
    ahead = (weekday - dct.isoweekday()) % 7
    rel = normalise_words(relative) if relative else None
    if rel in ("last", "this past"):
        return dct - dt.timedelta(days=back or 7)
    if rel in ("next", "this coming"):
        return dct + dt.timedelta(days=ahead or 7)
    if rel == "this":
        return dct + dt.timedelta(days=weekday - dct.isoweekday())
    if tense == "future":
        return dct + dt.timedelta(days=ahead)
    return dct - dt.timedelta(days=back)


def period_from(dct: dt.date, unit: str, n: int) -> str:
    """The calendar period `n` units away from `dct`, at the unit's granularity."""
    if unit == "D":
        return (dct + dt.timedelta(days=n)).isoformat()
    if unit in ("W", "WE"):
        return iso_week(dct + dt.timedelta(weeks=n)) + ("-WE" if unit == "WE" else "")
    if unit == "2W":
        return iso_week(dct + dt.timedelta(weeks=2 * n))
    if unit == "M":
        y, m = shift_months(dct.year, dct.month, n)
        return f"{y:04d}-{m:02d}"
    if unit == "Q":
        y, m = shift_months(dct.year, dct.month, 3 * n)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}"
    if unit == "Y":
        return f"{dct.year + n:04d}"
    if unit == "10Y":
        return f"{dct.year // 10 + n:03d}"
    if unit == "100Y":
        return f"{dct.year // 100 + n:02d}"
    return dct.isoformat()  # hours, minutes, seconds: the day is the best we know


# A fractional count is written with the next smaller unit: 2 1/2 years = P2Y6M.
_SMALLER = {"Y": (12, "M"), "D": (24, "TH"), "TH": (60, "TM"), "TM": (60, "TS"),
            "W": (7, "D")}


def duration_value(n: Any, unit: str) -> str:
    """TIMEX3 duration of `n` (or "X") `unit`s: P3Y, PT24H, P20Y for two decades."""
    if isinstance(n, float) and not n.is_integer() and unit in _SMALLER:
        factor, smaller = _SMALLER[unit]
        whole, rest = int(n), round((n - int(n)) * factor)
        big, small = duration_value(whole, unit), duration_value(rest, smaller)
        if "T" in small and "T" not in big:
            return big + small[1:]
        return big + small[small.index("T") + 1 if "T" in small else 1:]
    if isinstance(n, float) and n.is_integer():
        n = int(n)
    if unit.startswith("T"):
        return f"PT{_fmt_number(n)}{unit[1:]}"
    multiplier, letter = (int(unit[:-1]), unit[-1]) if len(unit) > 1 else (1, unit)
    if n == "X":
        return f"PX{letter}"
    return f"P{_fmt_number(n * multiplier)}{letter}"
