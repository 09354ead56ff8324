"""The temporal tagger: the rule file's own examples, the sample articles, calendar logic."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from briefing.errors import BriefingError
from briefing.timex import RULES_PATH, clause_tense, rules, tag
from briefing.timex_calendar import duration_value, resolve_weekday, year_for
from briefing.yamlload import load_yaml

ROOT = Path(__file__).resolve().parents[1]
DCT = dt.date(2025, 12, 2)  # a Tuesday


def _sample_dir() -> Path | None:
    for candidate in (ROOT / "examples" / "relos-2025", ROOT.parent / "shared" / "seeds"):
        if list(candidate.glob("*.txt")):
            return candidate
    return None


SAMPLE = _sample_dir()
needs_sample = pytest.mark.skipif(SAMPLE is None, reason="the sample articles are absent")


def _tags(text: str, dct: dt.date | None = DCT) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


def _sample(prefix: str) -> str:
    return next(SAMPLE.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


# --- the rule file's examples are its tests -------------------------------------------

RAW = load_yaml(RULES_PATH)
EXAMPLES = [(p["name"], text, value) for p in RAW["patterns"]
            for text, value in (p.get("examples") or {}).items()]
COUNTER = [(p["name"], text) for p in RAW["patterns"]
           for text in (p.get("counter_examples") or [])]


@pytest.mark.parametrize("name,text,value", EXAMPLES)
def test_rule_example_is_tagged(name, text, value):
    assert value in [t.value for t in tag(text, DCT)], f"pattern {name}"


@pytest.mark.parametrize("name,text", COUNTER)
def test_rule_counter_example_is_not_tagged(name, text):
    assert tag(text, DCT) == []


# --- the sample articles (DCT 2 December 2025) ----------------------------------------

SAMPLE_TAGS = {
    "000": [
        ("February 18", "DATE", "2025-02-18"), ("last week", "DATE", "2025-W48"),
        ("December 4", "DATE", "2025-12-04"), ("5", "DATE", "2025-12-05"),
        ("decades", "DURATION", "PXY"), ("Tuesday", "DATE", "2025-12-02"),
        ("2018", "DATE", "2018"), ("the coming years", "DURATION", "PXY")],
    "001": [
        ("December 4", "DATE", "2025-12-04"), ("5", "DATE", "2025-12-05"),
        ("future", "DATE", "FUTURE_REF"), ("now", "DATE", "PRESENT_REF")],
    "002": [
        ("December 2", "DATE", "2025-12-02"), ("two days", "DURATION", "P2D"),
        ("December 4", "DATE", "2025-12-04"), ("5", "DATE", "2025-12-05"),
        ("February 18, 2025", "DATE", "2025-02-18"), ("last week", "DATE", "2025-W48"),
        ("2019", "DATE", "2019"), ("September 2025", "DATE", "2025-09"),
        ("2024-25", "DATE", "2024"), ("2030", "DATE", "2030")],
    "003": [
        ("December 4", "DATE", "2025-12-04"), ("5", "DATE", "2025-12-05"),
        ("February 18, 2025", "DATE", "2025-02-18"), ("two-day", "DURATION", "P2D"),
        ("December 4", "DATE", "2025-12-04"),
        ("the last two decades", "DURATION", "P20Y"), ("Friday", "DATE", "2025-11-28"),
        ("December 4", "DATE", "2025-12-04"), ("5", "DATE", "2025-12-05")],
    "004": [
        ("Tuesday", "DATE", "2025-12-02"), ("future", "DATE", "FUTURE_REF"),
        ("now", "DATE", "PRESENT_REF"), ("February 18", "DATE", "2025-02-18"),
        ("the end of November", "DATE", "2025-11"), ("two-day", "DURATION", "P2D"),
        ("Thursday", "DATE", "2025-12-04"), ("summer", "DATE", "2025-SU"),
        ("recently", "DATE", "PAST_REF")],
}


@needs_sample
@pytest.mark.parametrize("prefix", sorted(SAMPLE_TAGS))
def test_sample(prefix):
    assert _tags(_sample(prefix)) == SAMPLE_TAGS[prefix]


@needs_sample
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_sample_has_no_false_dates(prefix):
    text = _sample(prefix)
    for trap in ("Su-57", "S-400", "$65 billion", "$5.4 billion", "$100 billion", "60%",
                 "50 per cent", "50 percent", "25 per cent", "23rd"):
        at = text.find(trap)
        while at >= 0:
            for t in tag(text, DCT):
                assert not (t.start < at + len(trap) and at < t.end), (trap, t)
            at = text.find(trap, at + 1)


@needs_sample
def test_offsets_point_into_the_text_sorted_and_disjoint():
    for path in SAMPLE.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        found = tag(text, DCT)
        for t in found:
            assert text[t.start:t.end] == t.text
        for a, b in zip(found, found[1:]):
            assert a.end <= b.start


# --- behaviour named in the specification ---------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("On Tuesday, the parliament ratified the treaty.", [("Tuesday", "DATE", "2025-12-02")]),
    ("The delegation arrived on Monday.", [("Monday", "DATE", "2025-12-01")]),
    ("The talks will open on Monday.", [("Monday", "DATE", "2025-12-08")]),
    ("a three-day visit beginning Thursday", [("three-day", "DURATION", "P3D"),
                                              ("Thursday", "DATE", "2025-12-04")]),
    ("They met last Friday and meet again next Friday.",
     [("last Friday", "DATE", "2025-11-28"), ("next Friday", "DATE", "2025-12-05")]),
    ("Talks are set for 4–5 December.", [("4", "DATE", "2025-12-04"),
                                         ("5 December", "DATE", "2025-12-05")]),
    ("It fell two days before the vote.", [("two days", "DURATION", "P2D")]),
    ("Profits rose in the third quarter.", [("the third quarter", "DATE", "2025-Q3")]),
    ("Output fell in fiscal 1998 and in the 1990s.", [("fiscal 1998", "DATE", "1998"),
                                                      ("1990s", "DATE", "199")]),
    ("He spoke this morning and leaves tonight.", [("this morning", "TIME", "2025-12-02TMO"),
                                                   ("tonight", "TIME", "2025-12-02TNI")]),
    ("The vote is at 3 p.m. tomorrow.", [("3 p.m.", "TIME", "2025-12-02T15:00"),
                                         ("tomorrow", "DATE", "2025-12-03")]),
    ("It is held every year, weekly and annually.", [("every year", "SET", "P1Y"),
                                                     ("weekly", "SET", "P1W"),
                                                     ("annually", "SET", "P1Y")]),
    ("for a month, 24 hours and a decade ago", [("a month", "DURATION", "P1M"),
                                            ("24 hours", "DURATION", "PT24H"),
                                            ("a decade ago", "DATE", "201")]),
    ("He has been there for 2 1/2 years.", [("2 1/2 years", "DURATION", "P2Y6M")]),
    ("Yesterday and currently and recently", [("Yesterday", "DATE", "2025-12-01"),
                                              ("currently", "DATE", "PRESENT_REF"),
                                              ("recently", "DATE", "PAST_REF")]),
    ("last month, next year, earlier this month",
     [("last month", "DATE", "2025-11"), ("next year", "DATE", "2026"),
      ("earlier this month", "DATE", "2025-12")]),
    ("the past five years", [("the past five years", "DURATION", "P5Y")]),
])
def test_expressions(text, expected):
    assert _tags(text) == expected


@pytest.mark.parametrize("text", [
    "The Su-57 and the S-400 cost $65 billion.", "60% of 2,000 troops", "a Boeing 747",
    "the 23rd summit", "scores of 4-5", "It may rain.", "They march on.", "May I go?",
    "Izvestia daily noted it.", "a 44-year-old man", "700 seats a week",
    "a second term", "prices fall", "The index closed at 1985.4, up from 1979.25."])
def test_refusals(text):
    assert tag(text, DCT) == []


def test_without_a_dct_the_year_is_unknown():
    assert _tags("on December 4, last week and on Tuesday", None) == [
        ("December 4", "DATE", "XXXX-12-04"), ("last week", "DATE", "XXXX-WXX"),
        ("Tuesday", "DATE", "XXXX-XX-XX")]


def test_offsets_survive_unicode_and_crlf():
    text = "Déjà vu\r\n— on 3 March 2020 — «yesterday»"
    found = tag(text, DCT)
    assert [(text[t.start:t.end], t.value) for t in found] == [
        ("3 March 2020", "2020-03-03"), ("yesterday", "2025-12-01")]


# --- calendar and tense mechanisms ----------------------------------------------------

def test_resolve_weekday():
    assert resolve_weekday(DCT, 2, "past") == dt.date(2025, 12, 2)
    assert resolve_weekday(DCT, 2, "future") == dt.date(2025, 12, 2)
    assert resolve_weekday(DCT, 4, "future") == dt.date(2025, 12, 4)
    assert resolve_weekday(DCT, 4, None) == dt.date(2025, 11, 27)
    assert resolve_weekday(DCT, 2, None, "last") == dt.date(2025, 11, 25)
    assert resolve_weekday(DCT, 2, None, "next") == dt.date(2025, 12, 9)
    assert resolve_weekday(DCT, 7, None, "this") == dt.date(2025, 12, 7)


def test_year_for():
    assert year_for(12, 4, DCT, None) == 2025
    assert year_for(1, 5, DCT, None) == 2026          # nearest, a month ahead
    assert year_for(2, 18, DCT, "past") == 2025
    assert year_for(2, 18, DCT, "future") == 2026
    assert year_for(6, 1, DCT, None) == 2025          # far and untensed: the last one


def test_duration_value():
    assert duration_value(2, "10Y") == "P20Y"
    assert duration_value(24, "TH") == "PT24H"
    assert duration_value("X", "D") == "PXD"
    assert duration_value(1.5, "D") == "P1DT12H"


def test_clause_tense():
    text = "Officials said on Friday that talks will begin Monday."
    assert clause_tense(text, text.index("Friday"), text.index("Friday") + 6) == "past"
    assert clause_tense(text, text.index("Monday"), text.index("Monday") + 6) == "future"
    assert clause_tense("Friday.", 0, 6) is None


def _error_for_pattern(tmp_path, pattern: str) -> tuple[str, str]:
    """The error for timex.yaml with one pattern changed, and where it should point:
    the start of that pattern's entry (two lines above its `pattern:` line)."""
    path = tmp_path / "timex.yaml"
    text = RULES_PATH.read_text(encoding="utf-8").replace(
        "pattern: '{set_adverb}'", f"pattern: '{pattern}'")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefingError) as err:
        rules(path)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if pattern in l) - 2
    return str(err.value), f"{path}:{line}:5: "


def test_rule_errors_name_file_line_and_column(tmp_path):
    message, where = _error_for_pattern(tmp_path, "{set_adverbs}")
    assert message.startswith(f"{where}unknown lexicon or regex '{{set_adverbs}}' (known: ")


def test_a_broken_pattern_is_named_though_only_the_whole_is_compiled(tmp_path):
    message, where = _error_for_pattern(tmp_path, "{set_adverb}(unclosed")
    assert message.startswith(f"{where}pattern '")
    assert "is not a valid regex (missing ), unterminated subpattern" in message


@pytest.mark.parametrize("text, value", [
    # "later" counts from the last day the paragraph named, "ago" from the writing
    ("Instruments are to be exchanged on April 28, and it enters into force 30 days later.",
     "2027-05-28"),
    ("It was signed on May 2. Three days later, the minister resigned.", "2027-05-05"),
    ("It was signed on May 2.\n\nThree days later, the minister resigned.", "2027-04-16"),
    ("It was signed on May 2, three days ago.", "2027-04-10"),
])
def test_later_counts_from_the_story_ago_from_the_writing(text, value):
    assert tag(text, dt.date(2027, 4, 13))[-1].value == value


@pytest.mark.parametrize("text, value", [
    # a weekday before a day-first date is one expression, and says the year
    ("talks in Seoul on Tuesday, 13 April 2027, to", "2027-04-13"),
    ("takes effect on Thursday, 1 July.", "2027-07-01"),
    ("on Tuesday 13 July.", "2027-07-13"),
    ("on Tuesday, July 13.", "2027-07-13"),
])
def test_a_weekday_and_a_day_first_date(text, value):
    found = tag(text, dt.date(2027, 3, 22))
    assert [t.value for t in found] == [value]
    assert found[0].text.split()[0].rstrip(",") in ("Tuesday", "Thursday")


@pytest.mark.parametrize("text, dct, values", [
    # a month alone about half a year off either way: the clause's tense decides…
    ("Japan's parliament approved the pact in December.", dt.date(2027, 6, 23), ["2026-12"]),
    ("The parliament will vote on it in December.", dt.date(2027, 6, 23), ["2027-12"]),
    # …but not a reporting verb, nor one outside the quotation
    ("The deputy chairman has said August or September is more realistic.",
     dt.date(2027, 3, 17), ["2027-08", "2027-09"]),
    ('"We are looking at a plenary vote in September, after the recess," he said.',
     dt.date(2027, 3, 17), ["2027-09"]),
    # a day the reporting verb names is past
    ("The ministry said on Tuesday.", dt.date(2027, 6, 23), ["2027-06-22"]),
])
def test_a_month_half_a_year_off(text, dct, values):
    assert [t.value for t in tag(text, dct)] == values


@pytest.mark.parametrize("text, value", [
    # a weekday and a day without the month: the nearby month where they fall together
    ("The committee will hold an open hearing on Tuesday the 22nd.", "2026-09-22"),
    ("It was signed on Wednesday 18th March 2026, in Nairobi.", "2026-03-18"),
])
def test_a_weekday_and_a_day_without_the_month(text, value):
    assert [t.value for t in tag(text, dt.date(2026, 9, 9))] == [value]


@pytest.mark.parametrize("text, dct, value", [
    # an initial's full stop ends no sentence, and "will" tenses the verb after it
    # ("succeed" is no past form)
    ("Ms. Ortiz, 58, will succeed Peter J. Lang Feb. 1, the bank said.",
     dt.date(2026, 10, 26), "2027-02-01"),
    # "be held" is as passive and as future as "be signed"
    ("The next round would be held on April 24.", dt.date(2027, 2, 10), "2027-04-24"),
    # a payment date is ahead of the writing, and nearer than the adjective "reduced"
    ("The reduced dividend is payable Feb. 15 to holders.", dt.date(2026, 10, 20),
     "2027-02-15"),
    # "will be named" stays future though "named" ends in -ed
    ("She will be named head of a mission in December.", dt.date(2027, 3, 4), "2027-12"),
    # a date pencilled in or slated is a plan, not a past act ("-ed" though they end in)
    ("The formal signature is pencilled in for 21 September in Mexico City.",
     dt.date(2026, 12, 1), "2027-09-21"),
    ("A plenary vote is slated for October.", dt.date(2026, 11, 25), "2027-10"),
])
def test_future_cues_date_the_clause(text, dct, value):
    assert [t.value for t in tag(text, dct)][0] == value


@pytest.mark.parametrize("text, dct, value", [
    # a plan given up is for a time near the writing, whichever way: last month's...
    ("The visit, first pencilled in for late October, was pushed back after floods.",
     dt.date(2026, 11, 19), "2026-10"),
    # ...or a month ahead, though the sentence's verb is past
    ("The summit, originally scheduled for March, was postponed to June.",
     dt.date(2026, 11, 19), "2027-03"),
])
def test_a_month_given_up_is_the_nearer_one(text, dct, value):
    assert [t.value for t in tag(text, dct)][0] == value


@pytest.mark.parametrize("text, value", [
    # a quarter long over, told ahead, is next year's...
    ("The first tranche will be paid in the first quarter.", "2027-Q1"),
    # ...but not one told past, nor the last one's results, released ahead
    ("Profits rose in the first quarter.", "2026-Q1"),
    # "are looking at" looks ahead
    ("We are looking at the second quarter, she said.", "2027-Q2"),
    ("It will release second-quarter results in December.", "2026-Q2"),
])
def test_a_quarter_told_ahead(text, value):
    assert [t.value for t in tag(text, dt.date(2026, 11, 20))][0] == value



def test_a_bad_abbreviation_is_named_with_its_line(tmp_path):
    path = tmp_path / "timex.yaml"
    text = RULES_PATH.read_text(encoding="utf-8").replace("abbreviations: [Mr,",
                                                          "abbreviations: [M(r,")
    path.write_text(text, encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "abbreviations: [" in l)
    with pytest.raises(BriefingError, match=rf"^{re.escape(str(path))}:{line}:\d+: tense.abbreviations"):
        rules(path)


@pytest.mark.parametrize("text, expected", [
    # a prenominal duration or quarter leaves the determiner to the noun it modifies
    ("The firm cut its 30-day notice.", [("30-day", "DURATION", "P30D")]),
    ("The bank said its third-quarter profit rose.", [("third-quarter", "DATE", "2025-Q3")]),
    ("The year-ago results were restated.", [("year-ago", "DATE", "2024")]),
    # a possessive is no part of the TIMEX3, "the" is
    ("Sales fell in its fourth quarter.", [("fourth quarter", "DATE", "2025-Q4")]),
    ("Sales fell in the fourth quarter.", [("the fourth quarter", "DATE", "2025-Q4")]),
    # "within" and "over" are signals; "no more than" is the expression's own modifier
    ("It must decide within two weeks after growing over three years.",
     [("two weeks", "DURATION", "P2W"), ("three years", "DURATION", "P3Y")]),
    ("a delay of no more than 60 days", [("no more than 60 days", "DURATION", "P60D")]),
    # a year-ago quarter is one expression, and so is next year's quarter
    ("In the year-ago third quarter, it earned $5 million.",
     [("the year-ago third quarter", "DATE", "2024-Q3")]),
    ("Output may rise as early as next year's first quarter.",
     [("next year's first quarter", "DATE", "2026-Q1")]),
    # "or so" is the expression's own approximation, inside its span
    ("The plant will close over the next year or so.",
     [("the next year or so", "DATE", "2026")]),
    ("A week or so ago the talks stalled for two hours or so.",
     [("A week or so ago", "DATE", "2025-W48"), ("two hours or so", "DURATION", "PT2H")]),
])
def test_span_conventions(text, expected):
    assert _tags(text) == expected


def test_a_quarter_still_ahead_is_not_the_one_reported():
    text = ("Profit rose 8% in the third quarter. The storm will hurt fourth-quarter results. "
            "In the latest quarter, sales fell from a year ago.")
    assert _tags(text, dt.date(2025, 11, 2)) == [
        ("the third quarter", "DATE", "2025-Q3"), ("fourth-quarter", "DATE", "2025-Q4"),
        ("the latest quarter", "DATE", "2025-Q3"), ("a year ago", "DATE", "2024-Q3")]


@pytest.mark.parametrize("text, expected", [
    # "the year" is the writing's year; ended on a date, it is a year's span
    ("Sales for the full year rose, and for the year ended June 30 they fell.",
     [("the full year", "DATE", "2025"), ("the year", "DURATION", "P1Y"),
      ("June 30", "DATE", "2025-06-30")]),
    ("Profit fell in the first nine months of the year.",
     [("the first nine months", "DURATION", "P9M"), ("the year", "DATE", "2025")]),
    ("It aims to cut 600 jobs by year-end and sell the unit by the end of the year.",
     [("year-end", "DATE", "2025"), ("the end of the year", "DATE", "2025")]),
    ("For the week, the index fell.", [("the week", "DATE", "2025-W49")]),
    ("It rose the year before.", []),
])
def test_the_year_is_the_writings(text, expected):
    assert _tags(text) == expected


def test_a_plan_spoken_of_in_the_past_looks_ahead():
    # "were planning" is a plan, not a past event; the plan's days are the coming ones
    text = "Farmers planned a rally in the capital on Saturday and were planning a march on Monday."
    assert [t.value for t in tag(text, dt.date(2027, 1, 8))] == ["2027-01-09", "2027-01-11"]


def test_the_year_named_quarter_is_the_reported_quarter_of_that_year():
    text = "Net rose in the second quarter, from $3 million in the 2024 period."
    assert _tags(text, dt.date(2025, 8, 1)) == [
        ("the second quarter", "DATE", "2025-Q2"), ("the 2024 period", "DATE", "2024-Q2")]


def test_after_the_nine_months_a_year_earlier_is_the_year_before():
    # A report that moves on from its quarter to "the nine months" compares years; a
    # quarter named again brings the quarter back.
    text = ("Net rose in the third quarter from a year earlier. For the nine months, net "
            "fell from $5 million a year earlier and from the 2024 period. In the fourth "
            "quarter, sales rose from a year ago.")
    assert [(t.text, t.value) for t in tag(text, dt.date(2026, 2, 1))] == [
        ("the third quarter", "2025-Q3"), ("a year earlier", "2024-Q3"),
        ("the nine months", "P9M"), ("a year earlier", "2024"),
        ("the 2024 period", "2024"), ("the fourth quarter", "2025-Q4"),
        ("a year ago", "2024-Q4")]


@pytest.mark.parametrize("text, expected", [
    # a part of a month is that month (TimeML: its value, with the part in `mod`)
    ("The plant opens in the second half of April 2027.",
     [("the second half of April 2027", "DATE", "2027-04")]),
    ("Talks will resume in the first half of May.",
     [("the first half of May", "DATE", "2026-05")]),
    ("Voting will end in the last days of March.",
     [("the last days of March", "DATE", "2026-03")]),
    # ... and of a quarter, that quarter
    ("Shipments slowed at the end of the third quarter.",
     [("the end of the third quarter", "DATE", "2025-Q3")]),
    # a half of a year keeps its own value, one expression with its year
    ("Output will rise in the second half of next year.",
     [("the second half of next year", "DATE", "2026-H2")]),
    ("It slowed in the second half of 2027.", [("the second half of 2027", "DATE", "2027-H2")]),
    ("Sales rose in the first half of fiscal 1990.",
     [("the first half of fiscal 1990", "DATE", "1990-H1")]),
    # ... and of a decade, that decade
    ("Prices soared in the last half of the '70s.",
     [("the last half of the '70s", "DATE", "197")]),
    ("The line closed by the end of the 1990s.", [("the end of the 1990s", "DATE", "199")]),
])
def test_a_part_of_a_month_or_quarter_is_that_month_or_quarter(text, expected):
    assert _tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "the following year" counts from the last time named, whatever named it
    ("The mill opened on June 3, 2019, and the following year it closed.",
     [("June 3, 2019", "DATE", "2019-06-03"), ("the following year", "DATE", "2020")]),
    ("In March, a buyer made an offer. The following month, the firm was sold.",
     [("March", "DATE", "2025-03"), ("The following month", "DATE", "2025-04")]),
    ("Shares closed at $4 on Nov. 28, down from the previous Friday.",
     [("Nov. 28", "DATE", "2025-11-28"), ("the previous Friday", "DATE", "2025-11-21")]),
    # "that year", "the next morning": the time the story is at
    ("The port was built in 1974; later that year it flooded.",
     [("1974", "DATE", "1974"), ("later that year", "DATE", "1974")]),
    ("The envoy landed on 9 April 2024 and left the next morning.",
     [("9 April 2024", "DATE", "2024-04-09"), ("the next morning", "DATE", "2024-04-10TMO")]),
    # a coarser time named last leaves the finer part unknown
    ("The plant shut in May 2023, and that same week the union struck.",
     [("May 2023", "DATE", "2023-05"), ("that same week", "DATE", "2023-WXX")]),
])
def test_anaphora_counts_from_the_time_the_story_is_at(text, expected):
    assert _tags(text) == expected


@pytest.mark.parametrize("text, value", [
    # a date right after "effective" is when something takes effect: ahead
    ("The board approved the new fee, effective Feb. 1.", "2026-02-01"),
    # the end a deadline is put off or extended to lies ahead
    ("Officials postponed the vote until Friday.", "2025-12-05"),
    ("The bank has extended the credit line through March.", "2026-03"),
    ("The agency has given the owners until 9 a.m. Friday to reply.", "2025-12-05T09:00"),
    # a plan in the past perfect was overtaken: its time is past
    ("The offer had been due to expire Friday.", "2025-11-28"),
    ("The tender previously had been scheduled to close on Friday.", "2025-11-28"),
])
def test_tense_of_deadlines_and_effective_dates(text, value):
    assert [t.value for t in tag(text, DCT)] == [value]


@pytest.mark.parametrize("text, expected", [
    # a "-long" adjective without a number: one unit, or an unknown number of them
    ("They held a day-long meeting.", [("day-long", "DURATION", "P1D")]),
    ("It ended their decades-long feud.", [("decades-long", "DURATION", "PXY")]),
    # the part of the day says a.m. or p.m.
    ("The ferry leaves at 4 in the morning.", [("4 in the morning", "TIME", "2025-12-02T04:00")]),
    ("The polls close at 8 o'clock in the evening.",
     [("8 o'clock in the evening", "TIME", "2025-12-02T20:00")]),
])
def test_durations_without_a_number_and_hours_of_a_part_of_the_day(text, expected):
    assert _tags(text) == expected


def test_that_day_is_the_day_named_last():
    """"adopted on 27 November 2025 … and signed that day": the anaphor takes the day
    the sentence named before it."""
    assert ("that day", "DATE", "2025-11-27") in _tags(
        "The convention was adopted on 27 November 2025 in Dakar and signed that day.")


@pytest.mark.parametrize("text, value", [
    ("On 10/27/89 the market fell.", "1989-10-27"),            # an American paper
    ("On 10/05/2027, on May 12, they meet.", "2027-10-05"),     # month first, as it writes
    ("On 10/05/2027 they meet, and on 12 May they sign.", "2027-05-10"),  # day first
    ("Hanoi, 06/05/2027 - talks end on 14/05/2027.", "2027-05-06"),
    ("Prague, 13/05/2027", "2027-05-13")])                     # the day cannot be a month
def test_a_date_in_figures_is_read_in_the_order_the_text_writes_dates(text, value):
    assert tag(text, None)[0].value == value


@pytest.mark.parametrize("text", ["The programme shows the signing ceremony on Tuesday.",
                                  "The signing ceremony is on Tuesday."])
def test_a_day_a_programme_or_a_schedule_gives_is_the_coming_one(text):
    # written on Friday 10 September 2027: the coming Tuesday, not the one past
    assert tag(text, dt.date(2027, 9, 10))[0].value == "2027-09-14"


def test_a_month_ahead_in_a_future_clause_is_next_years_and_since_a_month_is_past():
    june = dt.date(2027, 6, 22)
    assert tag("Both sides expect to apply it provisionally from January.", june)[0].value \
        == "2028-01"
    assert tag("It has been on patrol since March and was scheduled to return.", june)[0].value \
        == "2027-03"


def test_a_day_first_date_with_dashes_dates_a_news_item():
    """"News item | 16-03-2027 | Ministry of Foreign Affairs" (a government's page) is
    16 March, and it dates the text."""
    from briefing.docdate import find_published

    assert [t.value for t in tag("News item | 16-03-2027 | Ministry", None)] == ["2027-03-16"]
    assert find_published("News item | 16-03-2027 | Ministry of Foreign Affairs\n\nThe King "
                          "arrived on Tuesday.") == (dt.date(2027, 3, 16), "dateline")


@pytest.mark.parametrize("text, expected", [
    # "a week" after "barely" or "as long as" is a length of time, not a rate
    ("The strike ended barely a week after it began.", [("a week", "DURATION", "P1W")]),
    ("A recount could take as long as a month.", [("a month", "DURATION", "P1M")]),
    # ... as before: a price or a count per unit is none
    ("Tickets cost $40 a month.", []),
])
def test_a_duration_with_an_article_after_barely_or_as_long_as(text, expected):
    assert _tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "couple" counts two with or without its article or its "of"
    ("Over the next couple of years, prices will rise.",
     [("the next couple of years", "DURATION", "P2Y")]),
    ("The repairs took a couple weeks.", [("a couple weeks", "DURATION", "P2W")]),
])
def test_a_couple_is_two(text, expected):
    assert _tags(text) == expected


def test_a_clock_time_then_a_comma_and_its_date_is_one_time():
    assert _tags("The offer expires at 5 p.m. EST, Dec. 12, the company said.") == [
        ("5 p.m. EST, Dec. 12", "TIME", "2025-12-12T17:00")]


@pytest.mark.parametrize("text, expected", [
    # a year read out in words after a month or a season is one date with it
    ("The plant opened in March nineteen eighty-six.",
     [("March nineteen eighty-six", "DATE", "1986-03")]),
    ("Prices last fell this low in the winter of nineteen ninety-one.",
     [("the winter of nineteen ninety-one", "DATE", "1991-WI")]),
    ("It was founded in June nineteen hundred and five.",
     [("June nineteen hundred and five", "DATE", "1905-06")]),
    # ... but a count after the month is no year: the month alone
    ("In October twenty five villages were flooded.", [("October", "DATE", "2025-10")]),
])
def test_a_spoken_year_after_a_month_or_season(text, expected):
    assert _tags(text) == expected


@pytest.mark.parametrize("text, dct, expected", [
    # "the week of" a day is one expression: that day's ISO week
    ("The trial opens the week of March 9, lawyers said.", DCT,
     [("the week of March 9", "DATE", "2026-W11")]),
    ("Ballots go out in the week of 2 June 2025.", DCT,
     [("the week of 2 June 2025", "DATE", "2025-W23")]),
    ("The trial opens the week of March 9.", None, [("the week of March 9", "DATE", "XXXX-WXX")]),
])
def test_the_week_of_a_day_is_that_days_week(text, dct, expected):
    assert _tags(text, dct) == expected


@pytest.mark.parametrize("text, expected", [
    # a weekday in the plural, or every one of them, recurs: a SET
    ("The museum is closed on Mondays.", [("Mondays", "SET", "XXXX-WXX-1")]),
    ("The ferry sails on Friday nights.", [("Friday nights", "SET", "XXXX-WXX-5TNI")]),
    ("The council meets every Thursday evening.",
     [("every Thursday evening", "SET", "XXXX-WXX-4TEV")]),
])
def test_a_weekday_that_recurs_is_a_set(text, expected):
    assert _tags(text) == expected


def test_a_month_alone_two_months_ahead_without_a_cue_is_the_last_one():
    # written on 2 December: "February" with no tense cue is the one past, a day in
    # February that near ahead the coming one; a future cue still looks ahead
    assert year_for(2, None, DCT, None) == 2025
    assert year_for(2, 15, DCT, None) == 2026
    assert _tags("In February, a first round of talks in Oslo.") == [
        ("February", "DATE", "2025-02")]
    assert _tags("In February, talks will open in Oslo.") == [("February", "DATE", "2026-02")]


@pytest.mark.parametrize("text, expected", [
    # the part of the day before "yesterday" or "today" is one TIME with it
    ("At mid-afternoon yesterday, the index was flat.",
     [("mid-afternoon yesterday", "TIME", "2025-12-01TAF")]),
    ("The ferry left late evening today.", [("late evening today", "TIME", "2025-12-02TEV")]),
])
def test_a_part_of_the_day_before_yesterday_or_today(text, expected):
    assert _tags(text) == expected


@pytest.mark.parametrize("text, span, value", [
    ("The session opens on the second Friday of April.", "the second Friday of April",
     "2027-04-09"),
    ("The budget is due on the last Thursday of November 2027.",
     "the last Thursday of November 2027", "2027-11-25"),
    ("They meet on the fifth Monday of February 2027.", "the fifth Monday of February 2027",
     "2027-02"),  # there is none: the month
])
def test_a_weekday_counted_in_its_month_is_one_date(text, span, value):
    """"the second Friday of April" (written 6 March 2027): 9 April, one DATE — not a
    Friday near the writing and a month beside it."""
    found = tag(text, dt.date(2027, 3, 6))
    assert [(t.text, t.value) for t in found if t.type == "DATE"] == [(span, value)]


@pytest.mark.parametrize("text, expected", [
    ("Prices should ease in the coming weeks.", [("the coming weeks", "DURATION", "PXW")]),
    ("Talks will go on in coming months.", [("coming months", "DURATION", "PXM")]),
    ("The fund must pay investors in the weeks ahead.", [("the weeks ahead", "DURATION", "PXW")]),
    ("It will shape the region for the years to come.", [("the years to come", "DURATION", "PXY")]),
])
def test_the_coming_weeks_are_a_span_of_unknown_length(text, expected):
    """Like "the next few weeks": a DURATION whose length is unknown, not FUTURE_REF."""
    assert _tags(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Parliament is elected every four years.", [("every four years", "SET", "P4Y")]),
    ("The board meets every few weeks.", [("every few weeks", "SET", "PXW")]),
    ("The trust pays interest every quarter.", [("every quarter", "SET", "P1Q")]),
])
def test_a_count_or_a_quarter_after_every_is_part_of_the_set(text, expected):
    assert _tags(text) == expected


def test_a_time_zone_without_its_season_stays_in_the_span():
    text = "Polls close at 8 p.m. ET Tuesday, and the count starts at 9 a.m. BST."
    assert _tags(text, dt.date(2027, 5, 5)) == [
        ("8 p.m. ET Tuesday", "TIME", "2027-05-04T20:00"), ("9 a.m. BST", "TIME", "2027-05-05T09:00")]


@pytest.mark.parametrize("text, expected", [
    ("She hopes she one day flies to Mars.", [("one day", "DATE", "FUTURE_REF")]),
    ("The plant may one day reopen.", [("one day", "DATE", "FUTURE_REF")]),
    ("He had been in the job one day.", [("one day", "DURATION", "P1D")]),
])
def test_one_day_before_a_verb_is_some_day(text, expected):
    assert _tags(text) == expected


def test_a_word_only_looked_at_starts_no_scan():
    # "(?!\s+(?:than|that)\b)", "(?<=\bwill\s)": such words never begin a match, and as
    # starters would make the scan try every pattern at each of them
    starters = rules().starters
    assert {"than", "world", "will", "he"}.isdisjoint(starters)
    assert {"the", "last", "early"} <= starters


def test_the_days_of_a_range_take_the_year_said_after_them():
    assert _tags("It was first planned for 23–25 November last year.", dt.date(2027, 2, 2)) == [
        ("23", "DATE", "2026-11-23"), ("25 November", "DATE", "2026-11-25"),
        ("last year", "DATE", "2026")]


@pytest.mark.parametrize("text, value", [
    # "all" is no "'ll", "an open letter" no opening: the past verb tenses the weekday
    ("Groups sent an open letter to all 179 members on Monday urging them to vote no.",
     "2027-03-08"),
    ("We'll meet on Monday.", "2027-03-15"),
])
def test_an_adjective_or_all_is_no_future_cue(text, value):
    assert [v for _, _, v in _tags(text, dt.date(2027, 3, 10))] == [value]


@pytest.mark.parametrize("text, values", [
    ("The 2019 declaration, adopted in August of that year, called for action.",
     ["2019", "2019-08", "2019"]),
    ("In 2015 the company was sold. In March of the following year, prices fell.",
     ["2015", "2016-03", "2016"]),
])
def test_a_month_of_that_year_is_in_the_year_told_before(text, values):
    assert [t.value for t in tag(text, dt.date(2026, 11, 5))] == values


def test_a_title_s_capital_is_no_time():
    """"the Palau Declaration on "The Ocean: Life and Future"": a capitalised "Future"
    in the middle of a sentence is a title's word, no FUTURE_REF."""
    text = 'Leaders adopted the Declaration on "The Ocean: Life and Future" in 2014.'
    assert [t.value for t in tag(text, dt.date(2026, 11, 5))] == ["2014"]
    assert [t.value for t in tag("The future is bright.", dt.date(2026, 11, 5))] == \
        ["FUTURE_REF"]
