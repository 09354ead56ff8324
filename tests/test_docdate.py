"""Document dates: datelines, inference from a text's own dates, and clusters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.docdate import find_published, gather_evidence, infer_published_cluster

ROOT = Path(__file__).resolve().parents[1]


def _sample_texts() -> list[str] | None:
    for candidate in (ROOT / "examples" / "relos-2025", ROOT.parent / "shared" / "seeds"):
        paths = sorted(candidate.glob("*.txt"))
        if paths:
            return [p.read_text(encoding="utf-8") for p in paths]
    return None


SAMPLE = _sample_texts()
needs_sample = pytest.mark.skipif(SAMPLE is None, reason="the sample articles are absent")
D = dt.date


@pytest.mark.parametrize("text,expected", [
    ("MOSCOW, October 26 /TASS/. The chamber, elected in 2021, voted.",
     (D(2021, 10, 26), "inferred")),
    ("New Delhi, Dec 3 (PTI) The minister said the pact of March 1, 2024 holds.",
     (D(2024, 12, 3), "inferred")),
    ("WASHINGTON (Reuters) - March 3, 2024: The senate voted.", (D(2024, 3, 3), "dateline")),
    ("2023-06-30\nThe board met.", (D(2023, 6, 30), "dateline")),
    ("Markets\nPublished: December 2, 2025\nShares rose.", (D(2025, 12, 2), "dateline")),
    ("Port pact explained\n\nMarch 16, 2025\n\nThe pact, signed on Friday, covers ports.",
     (D(2025, 3, 16), "dateline")),
    ("Port pact explained\nSunday, 16 March 2025\nThe pact was signed on Friday.",
     (D(2025, 3, 16), "dateline")),
    ("Markets\nPublished: Sunday, March 16, 2025\nShares rose.", (D(2025, 3, 16), "dateline")),
    ("CANBERRA, 12 September 2025 - The talks ended on Friday.", (D(2025, 9, 12), "dateline")),
    # "since 2000" bounds a span: it is no year the article may be from.
    ("MANILA, Feb 2 (Reuters) - The visit was announced on Thursday. Japan has lent "
     "$20 billion since 2000.", (D(2023, 2, 2), "inferred")),
    ("Nairobi, 3 March 2025: The talks ended.", (D(2025, 3, 3), "dateline")),
    # Another calendar's date, then ours in brackets; a date in figures after a wide
    # space; a time after a dash.
    ("NEWS SERVICE\n\nKathmandu, Asoj 16, 2083 (2 October 2026)\n\nThe Cabinet decided.",
     (D(2026, 10, 2), "dateline")),
    ("Ministry of Labour\n\nPress release                    21.10.2026\n\nTalks ended.",
     (D(2026, 10, 21), "dateline")),
    ("PRESS AGENCY\nTuesday 17 November 2026 - 16:05 CET\nPolitics\n\nThe visit moved.",
     (D(2026, 11, 17), "dateline")),
    # A date in figures after "Published:", or after a short masthead's words, read day
    # first as the text writes its other dates.
    ("SEAFOOD REPORT\n\nPublished: 20/11/2026 | Updated: 20/11/2026 16:40\n\nTalks "
     "slipped.", (D(2026, 11, 20), "dateline")),
    ("Commission - Daily News\nDaily News 09/10/2026\n\nThe protocol, which expired on 31 "
     "August 2026, was initialled today.", (D(2026, 10, 9), "dateline")),
    # A translator's note in brackets before the dateline is not counted in its window.
    ("[Monitoring translation from Spanish. Source: Agencia de Noticias, state news agency, "
     "website. Original headline: \"" + "Presidente reprograma la visita " * 6 + "\".]\n\n"
     "President reschedules visit\n\nLa Paz, 19 November 2026 (APN).- The President "
     "decided to postpone the visit.", (D(2026, 11, 19), "dateline")),
    # Places in any script; a release's number before its place and date; a byline
    # that ends in its date.
    ("BOGOTÁ, 2 October 2026 — The ministry confirmed the visit.",
     (D(2026, 10, 2), "dateline")),
    ("SÃO PAULO, May 4, 2026 - Talks ended.", (D(2026, 5, 4), "dateline")),
    ("MINISTRY OF TRADE\n\nPRESS RELEASE No. 214 - Bogotá, 19 September 2026\n\nTalks "
     "ended on 18 September 2026.", (D(2026, 9, 19), "dateline")),
    ("# A guide\n\n*Posted by Ana Ruiz, partner, Ruiz & Co — 5 October 2026*\n\n"
     "Clients ask.", (D(2026, 10, 5), "dateline")),
    # A weekday before the date; a byline or masthead line that ends in its date.
    ("MANILA, Tuesday, August 4, 2026 — The committee will meet.", (D(2026, 8, 4), "dateline")),
    ("NAIROBI, Monday 12 April 2027 — The President left.", (D(2027, 4, 12), "dateline")),
    ("THE CHRONICLE\n\nBy Ann Lee\nNairobi, Friday, 2 April 2027\n\nThe visit was announced "
     "on 1 March 2027.", (D(2027, 4, 2), "dateline")),
    ("Minerals and money\nBy Kim Lee, fellow\nThe Harbour Review — 9 April 2027\n\nTalks "
     "ended.", (D(2027, 4, 9), "dateline")),
    ("# Fish law\n\n*Fisheries Watch — blog — Saturday, 20 March 2027*\n\nThe convention "
     "enters into force on 15 June 2027.", (D(2027, 3, 20), "dateline")),
    # A place with its country; a release's "For immediate release:"; a masthead's date
    # before its section.
    ("SWAKOPMUND, Namibia, March 11, 2027 (CWS) - The treaty was signed on Thursday.",
     (D(2027, 3, 11), "dateline")),
    ("PRESS RELEASE\nRef: MWT/PR/2027/014\nFor immediate release: 12 March 2027\n\nThe "
     "ministers signed on 11 March 2027.", (D(2027, 3, 12), "dateline")),
    ("THE WINDHOEK COURIER\nWednesday, 17 March 2027 | National News\n\nThe vote was "
     "on Tuesday.", (D(2027, 3, 17), "dateline")),
    ("DIÁRIO DA ECONOMIA\nMarkets & Companies | 21 October 2027, 07:45\n\nThe deal was "
     "signed on Wednesday.", (D(2027, 10, 21), "dateline")),
    ("THE CARIBBEAN OBSERVER\nBridgetown, Barbados | Wednesday, June 10, 2026 | REGIONAL\n\n"
     "The summit opens next month.", (D(2026, 6, 10), "dateline")),
    ("NEWSDESK\nRegional Briefs\nFriday 12 June 2026, 06:00 AST\n\nThe summit opens next "
     "month.", (D(2026, 6, 12), "dateline")),
    ("QazNews Agency\nPolitics | Energy\n15.04.2027, 10:05 (Astana time)\n\nThe presidents "
     "signed it yesterday.", (D(2027, 4, 15), "dateline")),
    ("# Peru–Costa Rica: the protocol arrives\n\n**Latin Trade Monitor** · Briefing · 21 June "
     "2027\n\nIt enters into force next week.", (D(2027, 6, 21), "dateline")),
    # An agency's dateline with an ordinal day, and a comma before the year.
    ("ABU DHABI, 16th November, 2026 (WAM) -- The two countries signed an agreement.",
     (D(2026, 11, 16), "dateline")),
    ("DOHA, March 4th, 2027 (QNA) - The ministers met.", (D(2027, 3, 4), "dateline")),
    # A masthead's date, a dash, then its time: "Friday, November 6th 2026 - 09:12 UTC"
    ("Lithium deal on hold\n\nFriday, November 6th 2026 - 09:12 UTC\n\nThe signing was "
     "called off on Wednesday.", (D(2026, 11, 6), "dateline")),
    # A byline, a wide space, then the date and time.
    ("PH, Chile seal extradition treaties\n\nBy Ana Reyes  October 16, 2026, 6:42 pm\n\n"
     "MANILA – The two countries on Thursday exchanged the instruments of ratification.",
     (D(2026, 10, 16), "dateline")),
    ("Mazhilis ratifies tax treaty\n\nBy Assel Nurova in Business on 19 November 2026\n\n"
     "ASTANA – The Mazhilis on Wednesday ratified the agreement.", (D(2026, 11, 19), "dateline")),
    ("Residents petition MPs\n\nBy Amina Otieno | Thu, Oct 22nd 2026 | 3 min read\n\n"
     "Residents have petitioned MPs.", (D(2026, 10, 22), "dateline")),
    # A full stop after the place and after the date, then the agency: Kazinform's.
    ("ASTANA. October 12. KAZINFORM – Kazakhstan and Vietnam have initialled a new "
     "agreement replacing the one of 1996; signing is planned for November 2026.",
     (D(2026, 10, 12), "inferred")),
    # The agency after a comma; a line with only the place and the day.
    ("Accra, Oct. 13, GNA – Parliament on Tuesday night ratified the treaty signed in March "
     "2026.", (D(2026, 10, 13), "inferred")),
    ("PM to visit Poland on Nov 13-14\n\nHIMALAYAN NEWS SERVICE\nKathmandu, October 29\n\n"
     "Prime Minister Ghimire will pay an official visit in November 2026.",
     (D(2026, 10, 29), "inferred")),
    # An agency's dateline with no comma before the year.
    ("CANBERRA, Nov 12 2026 (AAP) - Australian beef producers will gain access from "
     "January 1, after the last holdout signed off on the deal last Thursday.",
     (D(2026, 11, 12), "dateline")),
    # A byline whose date ends in a time zone in brackets.
    ("Visa protocol could cut waiting times\n\nBy Lan Pham | The City Times | Tuesday, Nov "
     "17, 2026 14:05 (GMT+7)\n\nHCMC – Business people may soon face shorter queues, the "
     "minister said on Monday.", (D(2026, 11, 17), "dateline")),
    # A full stop after the date: TASS's "MOSCOW, September 2. /TASS/."
    ("MOSCOW, September 2. /TASS/. The agreement signed on 22 April 2026 enters into force "
     "on October 1.", (D(2026, 9, 2), "inferred")),
    # A release's "Date:" line with an ordinal and a comma before the year.
    ("PRESS RELEASE\nRef: MFA/PR/2027/058\nDate: 26th April, 2027\n\nThe visit is on "
     "17th May.", (D(2027, 4, 26), "dateline")),
    # A masthead that ends in its issue number.
    ("# THE HERALD\n\n*Independent daily* — **Wednesday, 10 March 2027** — No. 4,417\n\n"
     "The deal was halted on 9 March 2027.", (D(2027, 3, 10), "dateline")),
    ("THE COURIER\nEnglish-language daily — Friday, April 16, 2027 — Vol. XXIII, No. 74 — "
     "GEL 3.00\n\nThe visit is next week.", (D(2027, 4, 16), "dateline")),
    # A masthead's day line without a year: the year comes from elsewhere.
    ("THE CITY POST\nSaturday, June 21\n\nThe deal was initialled on 17 June 2025.",
     (D(2025, 6, 21), "inferred")),
    # A sentence that ends in a date is no dateline.
    ("The ministers met in Paris and signed the accord on 3 March 2025.",
     (D(2025, 3, 3), "inferred")),
    ("The committee approved the bill on 14 March 2022.", (D(2022, 3, 14), "inferred")),
    ("On Friday the ministers signed the deal, agreed on 1 June 2023.",
     (D(2023, 6, 2), "inferred")),
    ("The ministers will meet to discuss trade.", (None, "unknown")),
    # A month is no day to date a text by ("voted in March" was not written on the 1st).
    ("The lower house voted on the treaty in March 2022.", (None, "unknown")),
    ("Talks were held on Friday.", (None, "unknown")),
])
def test_find_published(text, expected):
    assert find_published(text) == expected


def test_a_dateline_without_any_year_is_unknown():
    assert find_published("PARIS, May 4 (AFP) - Ministers met.") == (None, "unknown")


def test_evidence_bounds():
    ev = gather_evidence("The deal signed on 1 June 2023 will take effect on 1 July 2023. "
                         "It was debated on Tuesday.")
    assert (ev.lower, ev.upper, ev.past_weekdays, ev.year) == (
        D(2023, 6, 1), D(2023, 7, 1), (2,), 2023)


@needs_sample
def test_sample_one_by_one():
    assert [find_published(t) for t in SAMPLE] == [
        (None, "unknown"), (None, "unknown"), (D(2025, 12, 2), "inferred"),
        (D(2025, 11, 28), "inferred"), (None, "unknown")]


@needs_sample
def test_sample_as_a_cluster():
    assert infer_published_cluster(SAMPLE) == [
        (D(2025, 12, 2), "inferred"), (D(2025, 12, 2), "inferred"),
        (D(2025, 12, 2), "inferred"), (D(2025, 11, 28), "inferred"),
        (D(2025, 12, 2), "inferred")]


def test_cluster_without_any_date_stays_unknown():
    assert infer_published_cluster(["Talks were held.", "Ministers will meet."]) == [
        (None, "unknown"), (None, "unknown")]


def test_a_byline_date_that_cleaning_drops_still_dates_the_article(tmp_path):
    from briefing.ingest import ingest

    (tmp_path / "a.txt").write_text(
        "SAIGON REVIEW\n\nPorts deal opens a gateway\n\nBy Lan Pham\nPublished 20 September "
        "2026\n\nHANOI — Negotiators wrapped up talks on a trade deal on Friday.\n")
    doc, = ingest([str(tmp_path)], ROOT / "rules").documents
    assert (doc.published, doc.published_how) == (D(2026, 9, 20), "dateline")
    assert "Published" not in doc.text  # still furniture: dropped from the facts


def test_the_note_is_not_dated_by_an_inferred_date_long_after_every_written_one(tmp_path):
    from briefing.pipeline import analyse, default_as_of

    (tmp_path / "a.txt").write_text("LIMA, 3 March 2025 - The ministers met on Monday.\n")
    # No dateline: dated by its latest past date, which a wrong tense puts years later.
    (tmp_path / "b.txt").write_text("The bonds, which were issued on 1 June 2031, were "
                                    "sold on 2 March 2025.\n")
    facts = analyse([str(tmp_path)], ROOT / "rules")
    inferred = {d.id: d.published for d in facts.documents}
    assert inferred["b"] > D(2025, 4, 3)  # the premise: a date far after the dateline
    assert default_as_of(facts) == D(2025, 3, 3)


def test_a_text_dated_by_an_old_event_it_recalls_takes_the_clusters_date():
    texts = ["ABU DHABI, 13 May 2027 - The two central banks signed a swap on Thursday.",
             "The swap builds on a memorandum the banks signed on 4 December 2025, "
             "officials said."]
    assert infer_published_cluster(texts)[1][0] != D(2025, 12, 4)


def test_a_text_whose_full_dates_are_history_takes_the_others_year():
    """Its only full date is long past ("relations since January 26, 1992"): its days
    without a year ("on December 9-10") are of the year the others are written in, so
    it is dated among them, not by 1992."""
    texts = ["TOKYO, November 24, 2026 - The president will visit Japan on December 8-10.",
             "ASTANA - The president will pay a state visit to Japan on December 9-10. The "
             "two countries established diplomatic relations on January 26, 1992."]
    assert infer_published_cluster(texts)[1] == (D(2026, 11, 24), "inferred")


def test_a_guess_months_from_every_other_texts_date_takes_theirs():
    """No text writes its date out; three are dated by acts of 12–13 February. The
    fourth reports a ratification of January, something "on Saturday" and a conference
    in November: its own guess (the Saturday before November) is months from all the
    others, so their date within its bounds is taken."""
    texts = ["Ghana deposited its instrument of ratification on 12 February 2027, "
             "officials said.",
             "The instrument was deposited at the UN on 12 February 2027, the ministry said.",
             "The ministry confirmed on 13 February 2027 that the convention was ratified.",
             "Parliament ratified the convention on 26 January 2027. Officials celebrated "
             "on Saturday. The first conference of the parties will be held in November "
             "2027."]
    assert find_published(texts[3]) == (D(2027, 10, 30), "inferred")
    assert infer_published_cluster(texts)[3] == (D(2027, 2, 12), "inferred")


def test_an_archive_storys_dateline_keeps_its_month_and_day():
    """"ABU DHABI, June 10 (…) -" among stories of November: months older, but its day
    is written — only its year is inferred (it was dated to the others' day)."""
    texts = ["DUBAI, 19 November 2027 - Ministers said on Thursday they had concluded "
             "the talks.",
             "MONTEVIDEO, 18 November 2027 - The bloc and the Emirates concluded talks.",
             "ABU DHABI, June 10 (Gulf Wire) - Negotiators ended a fifth round of talks on "
             "Thursday without a breakthrough, and agreed to meet again in September."]
    assert infer_published_cluster(texts)[2] == (D(2027, 6, 10), "inferred")


@pytest.mark.parametrize("text", [
    "5 March 2027 — Kuala Lumpur — The port operator said on Thursday it had signed.",
    "March 5, 2027 — Kuala Lumpur — The port operator said on Thursday it had signed."])
def test_a_dateline_with_the_date_before_the_place(text):
    assert find_published(text) == (dt.date(2027, 3, 5), "dateline")
