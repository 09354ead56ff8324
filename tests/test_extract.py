"""Extraction and consolidation, stage by stage, on sentences of our own."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from briefing.cues import load_lexicon
from briefing.entities import find_agreements, find_people, find_places, find_quotes
from briefing.figures import find_figures
from briefing.ingest import clean_text, ingest, load_cleaning, split_sentences
from briefing.extract import extract_document
from briefing.models import Document
from briefing.phrasing import format_span, trim_sentence

RULES = Path(__file__).resolve().parent.parent / "rules"


def _analysed(folder: Path, *texts: str):
    """What `analyse` finds in `texts`, written to `folder` as a.txt, b.txt, …"""
    from briefing.pipeline import analyse

    for name, text in zip("abcdefgh", texts):
        (folder / f"{name}.txt").write_text(text)
    return analyse([str(folder)], RULES)


SAMPLE = RULES.parent / "examples" / "relos-2025"
LEX = load_lexicon(RULES)


def _figure_disputes(folder: Path, *texts: str) -> list[list[str]]:
    """The sums sources disagree on in `texts` (each conflict's values, sorted)."""
    from briefing.consolidate import _figure_conflicts

    facts = _analysed(folder, *texts)
    return [sorted(v for v, _ in c.values)
            for c in _figure_conflicts([f for f in facts.facts if f.kind == "figure"])]


def _names(sentence: str) -> list[str]:
    """The names of the agreements found in `sentence`."""
    return [m.name for m in find_agreements(sentence, LEX)]


def test_money_percentages_and_counts_with_what_they_measure():
    found = find_figures("Trade hit £25.5bn, a 40 per cent rise, and Rs 1,000 crore of aid "
                         "bought three squadrons.", LEX)
    assert [(f.amount, f.unit, f.measure) for f in found] == [
        (Decimal("25500000000.0"), "GBP", "trade"), (Decimal(40), "%", "trade"),
        (Decimal(10_000_000_000), "INR", "aid"), (Decimal(3), "squadrons", "quantity")]


def test_a_scale_joined_by_a_hyphen_is_the_sum_s():
    found = find_figures("It announced a US$20-billion partnership and a $1.2-billion tranche.",
                         LEX)
    assert [(f.amount, f.unit) for f in found] == [(20_000_000_000, "USD"),
                                                   (1_200_000_000, "USD")]


def test_model_names_are_not_figures():
    assert find_figures("The F-16 and the A-320 flew.", LEX) == []


def test_people_with_roles_in_both_orders_and_former_roles():
    found = find_people("Foreign Minister Ana Costa met John Reed, the trade minister, and "
                        "then-Deputy Defence Minister Col. Gen. Ivan Petrov.", LEX)
    got = {m.name: dict(m.attrs) for m in found}
    assert got["Ana Costa"]["role"] == "Foreign Minister"
    assert got["John Reed"]["role"] == "trade minister"
    assert got["Ivan Petrov"]["role"] == "Deputy Defence Minister"
    assert got["Ivan Petrov"]["qualifier"] == "former"


def test_agreement_names_and_acronyms_both_ways():
    a = find_agreements("They signed the Comprehensive Economic Partnership Agreement (CEPA).",
                        LEX)
    assert [(m.name, dict(m.attrs)["acronym"]) for m in a] == [
        ("Comprehensive Economic Partnership Agreement", "CEPA")]
    b = find_agreements("The Senate approved the Water Sharing Treaty, or WST, on Monday.", LEX)
    assert [(m.name, dict(m.attrs)["acronym"], dict(m.attrs)["kind"]) for m in b] == [
        ("Water Sharing Treaty", "WST", "treaty")]


def test_quotes_with_speakers():
    q = find_quotes('"We will sign it this year," Foreign Minister Ana Costa said.', LEX)
    assert [(m.name, dict(m.attrs).get("speaker")) for m in q] == [
        ("We will sign it this year", "Foreign Minister Ana Costa")]


def test_cleaning_drops_furniture_and_sentences_keep_offsets():
    cleaning = load_cleaning(RULES)
    body, headline = clean_text("Big Headline Here\n\nlogo\n\nFirst one. Mr. Smith "
                                "came.\n\nLeave Your Comment\n\nsome-slug-line\n\n– ENDS –\n",
                                cleaning)
    assert headline == "Big Headline Here"
    assert body == "First one. Mr. Smith came."
    sentences = split_sentences(body, cleaning)
    assert [s.text for s in sentences] == ["First one.", "Mr. Smith came."]
    assert all(body[s.start:s.end] == s.text for s in sentences)


def test_note_phrasing_helpers():
    assert format_span("2025-12-04", "XXXX-12-05") == "4–5 December 2025"
    assert trim_sentence("According to officials, the pact was signed, he said.") == \
        "The pact was signed."
    # a dateline closed by two hyphens, as some agencies write it
    assert trim_sentence("SEOUL, June 7 (Yonhap) -- A logistics pact took effect Monday.") \
        == "A logistics pact took effect Monday."


def test_one_remark_worded_two_ways_is_a_conflict_with_the_speakers_name(tmp_path):
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text('"Our ports are open to your ships," Defence Minister '
                                    "Ana Costa said on Monday.\n")
    (tmp_path / "b.txt").write_text('"The ports will be open for ships of both navies," '
                                    "said Ana Costa, the defence minister.\n")
    facts = analyse([str(tmp_path)], RULES)
    assert [(c.slot, [v for v, _ in c.values]) for c in facts.conflicts] == [
        ("words of Ana Costa", ["Our ports are open to your ships",
                                "The ports will be open for ships of both navies"])]


def test_two_remarks_on_one_subject_are_no_conflict(tmp_path):
    """Two words in common, apart, are two remarks on one subject; two side by side
    ("the ratification marks") are one remark worded two ways."""
    from briefing.pipeline import analyse

    def conflicts(a: str, b: str) -> list[str]:
        folder = tmp_path / a[:6].replace(" ", "")
        folder.mkdir()
        (folder / "a.txt").write_text(f'"{a}," Trade Minister Ana Costa said on Monday.\n')
        (folder / "b.txt").write_text(f'"{b}," said Ana Costa, the trade minister.\n')
        return [c.slot for c in analyse([str(folder)], RULES).conflicts]

    assert conflicts("Our companies are ready to move from building roads to building ports",
                     "The port is a gateway to a market of 400 million people, and our "
                     "companies see this visit as the moment to move into it") == []
    assert conflicts("The ratification marks another step toward deeper cooperation",
                     "This ratification marks a vital stride in our partnership") == [
        "words of Ana Costa"]


def test_literal_starts_are_what_every_match_starts_with():
    import re

    from briefing.cues import literal_starts

    cases = {"ratif(y|ied)": {"ratify", "ratified"}, "visits?": {"visit", "visits"},
             "(is|are) set": {"is set", "are set"}, "defen[cs]e": {"defence", "defense"},
             "sent (it )?to": {"sent to", "sent it "}, "a|b": {"a", "b"},
             "tariffs?": {"tariff", "tariffs"},
             r"\w+ed": {""}, "(?-i:May)": {"may"}, "(a|b)(c|d)(e|f)(g|h)(i|j)(k|l)(m|n)": {""},
             # lookarounds take no characters; an optional part is there or not
             "(?<!be )(signed|inked)": {"signed", "inked"}, "(still )?being": {"still be", "being"},
             "[3-5] states": {"3 states", "4 states", "5 states"}, r"[1-9]\d": {"1", "2", "3",
             "4", "5", "6", "7", "8", "9"}, r"\d+ states": {""}}
    assert {p: set(literal_starts(p)) for p in cases} == cases
    for pattern, starts in cases.items():
        for text in ("ratified", "ratify", "visit", "defence", "sent to", "sent it to",
                     "tariff", "a", "b", "signed", "May", "acegikm", "inked", "being",
                     "still being", "4 states", "42", "12 states"):
            if re.fullmatch(pattern, text, re.IGNORECASE):
                assert any(text.lower().startswith(s) for s in starts), (pattern, text)


def test_a_literal_alternation_matches_as_the_words_longest_first():
    import re

    from briefing.cues import literal_alternation

    words = ["memorandum", "memorandum of understanding", "MoU", "MOU", "deal", "dealer",
             "a.b", "pact"]
    trie = re.compile(rf"\b(?:{literal_alternation(words)})\b", re.IGNORECASE)
    plain = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                       + r")\b", re.IGNORECASE)
    text = ("The Memorandum of Understanding, a memorandum, the MoU and a mou; a dealer's "
            "deal, an a.b pact, axb and the memorandum of understandings")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert trie.search(text).group() == "Memorandum of Understanding"
    assert re.fullmatch(literal_alternation([]), "") is None


def test_cue_classes_find_what_a_full_scan_finds():
    """The word-start index only skips work: every class and match is what scanning
    each class's regex over the whole sentence gives."""
    from briefing.cues import load_lexicon

    lex = load_lexicon(RULES)
    sentences = [s.text for d in ingest([str(SAMPLE)], RULES).documents for s in d.sentences]
    sentences += ["Co-signed, it was not.", "İstanbul talks: they are still negotiating.",
                  "The deal was sealed and came into force; aid of US$5m, oil and gas.",
                  # cues of no literal start, searched alone (a class's `rests`)
                  "Ramos was to arrive on Monday, but the visit was put off.",
                  "A meeting of the joint trade committee signed off on 5 % of the quota.",
                  "The 25-year concession was signed at a session of the customs board."]
    assert any(r for c in (lex.events, lex.cues, lex.measures) for r in c.rests)
    for classes in (lex.events, lex.cues, lex.modality, lex.tense, lex.measures, lex.terms):
        for text in sentences:
            full = [(n, m.span()) for n, p in zip(classes.names, classes.patterns)
                    for m in p.finditer(text)]
            assert [(n, m.span()) for n, m in classes.find(text)] == full, text
            assert classes.classes(text) == tuple(dict.fromkeys(n for n, _ in full)), text
            assert classes.first(text) == (full[0][0] if full else ""), text


def test_ratification_tally_in_either_form(tmp_path):
    from briefing.pipeline import analyse

    for text, tally in (("The Senate ratified the Water Treaty (WT) by a vote of 61 to 39 "
                         "on Monday.", "61–39"),
                        ("The Senate ratified the Water Treaty (WT) on Monday, approved "
                         "61-39.", "61–39")):
        (tmp_path / "a.txt").write_text(text + "\n")
        frame = next(f for f in analyse([str(tmp_path / "a.txt")], RULES).facts
                     if f.kind == "frame")
        assert (frame.attr("ratified_by"), frame.attr("vote")) == ("Senate", tally), text


def test_hard_wrapped_wire_copy_is_read_as_paragraphs():
    import textwrap

    cleaning = load_cleaning(RULES)
    paragraphs = ["Lower House Ratifies Border Treaty With Neighbour",
                  "The lower house of parliament on Tuesday ratified the Treaty on Border "
                  "Waters with its neighbour by 312 votes to 110, sending it to the Senate "
                  "for a final vote that is scheduled for later this month.",
                  "The treaty sets joint rules for fishing, shipping and flood protection on "
                  "shared rivers and lakes, officials said after the vote."]
    wrapped = "\n\n".join(textwrap.fill(p, 68) for p in paragraphs)
    body, headline = clean_text(wrapped, cleaning)
    assert headline == paragraphs[0]
    assert body == "\n\n".join(paragraphs[1:])
    one_per_line = "\n".join(paragraphs)  # no wrapping: left as it is
    assert clean_text(one_per_line, cleaning) == ("\n\n".join(paragraphs[1:]), paragraphs[0])
    # A full line of capitalised names inside a paragraph goes on in the next, however
    # short: "… with Trade Minister Karim El" / "Fassi."
    lines = ["Morocco's parliament has yet to vote on the treaty, which was signed in Rabat",
             "in June 2026 by Portuguese Foreign Minister Rui Mendonça Lobo and Moroccan",
             "Energy Transition Minister Nadia El Ouazzani with Trade Minister Karim El",
             "Fassi."]
    body, _ = clean_text(textwrap.fill(paragraphs[1], 76) + "\n\n" + "\n".join(lines), cleaning)
    assert body.endswith(" ".join(lines))


def test_markdown_articles_lose_their_marks_not_their_words(tmp_path):
    from briefing.ingest import ingest

    (tmp_path / "a.md").write_text(
        "# Senate **ratifies** the Water Treaty\n\n"
        "The [Senate](https://example.org/senate) ratified the *Water Treaty* on Monday.\n")
    doc = ingest([str(tmp_path / "a.md")], RULES).documents[0]
    assert doc.title == "Senate ratifies the Water Treaty"
    assert doc.text == "The Senate ratified the Water Treaty on Monday."


def test_long_agreement_names_keep_their_of_and_in_parts():
    names = [m.name for m in find_agreements(
        "India signed an MoU on Cooperation in Maritime Security and an MoU on Cooperation "
        "in Ayurveda with the Agreement between the Government of Kenya and the State of "
        "Qatar for the Protection of Investments.", LEX)]
    assert names == ["MoU on Cooperation in Maritime Security", "MoU on Cooperation in Ayurveda",
                     "Agreement between the Government of Kenya and the State of Qatar for the "
                     "Protection of Investments"]


def test_a_url_source_is_fetched_and_read_as_html(tmp_path):
    import http.server
    import threading
    from functools import partial

    from briefing.ingest import ingest

    (tmp_path / "a.html").write_text(
        "<html><head><title>Senate ratifies water treaty</title>"
        '<meta property="article:published_time" content="2025-06-03T10:00:00Z"></head>'
        "<body><nav>Home</nav><article><h1>Senate ratifies water treaty</h1>"
        "<p>The Senate ratified the Water Treaty on Monday after a long debate, with 61 "
        "senators voting in favour and 39 against the measure in the chamber.</p>"
        "</article></body></html>")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/a.html"
        doc = ingest([url], RULES).documents[0]
    finally:
        server.shutdown()
    assert (doc.url, doc.title) == (url, "Senate ratifies water treaty")
    assert doc.text.startswith("The Senate ratified the Water Treaty on Monday")
    assert (str(doc.published), doc.published_how) == ("2025-06-03", "metadata")


def _sample_items() -> list[str]:
    """The Markdown of every item of the sample's notes, as to_html receives it."""
    from briefing.assemble import assemble, resolve_citations
    from briefing.audience import audience_names, load_audience
    from briefing.pipeline import analyse, default_as_of
    from briefing.rules import load_rules

    facts, rules = analyse([str(SAMPLE)], RULES), load_rules(RULES)
    out = []
    for name in audience_names(None):
        aud = load_audience(name)
        brief = assemble(facts, rules, as_of=default_as_of(facts), audience=name,
                         sections=aud.sections, items_per_section=aud.items_per_section)
        out += [resolve_citations(i.text, brief.sources) for sec in brief.sections
                for i in sec.items]
    return out


def test_plain_items_skip_markdown_with_the_same_html():
    """to_html's shortcut for text without mark-up gives what Markdown gives."""
    import html

    from briefing.phrasing import markdown_to_html, to_html

    texts = [s.text for d in ingest([str(SAMPLE)], RULES).documents for s in d.sentences]
    texts += _sample_items()
    texts += ["1986. A year.", "- a dash", "+ plus", "    indented code", "A *stressed* word",
              "snake_case and `code`", "[a](b) link", "Tom & Jerry <b>", "# Heading",
              "Ends with two spaces  ", "100: a colon", "3) three", "x = y ~ z | w {a}",
              "  leading spaces", "Q&A at 5 p.m. — “quoted” (US$5m)", "**Bold** start",
              "a **bold** word", "**a** **b**", "**a**b", "a**b**c", "** spaced **",
              "**unclosed", "***three***", "**a *b* c**", "**x_y**", "**1986.** A year.",
              "* not bold *", "**bold** and *em*", "4–5 December: **Visit** to Delhi."]
    for text in texts:
        assert to_html(text) == markdown_to_html(html.escape(text, quote=False)), text


def test_gazetteer_names_are_found_as_a_longest_first_regex_finds_them():
    """NameIndex gives what `(?<![\\w-])(?:longest|…|shortest)(?![\\w-])` gives."""
    import re

    texts = [s.text for d in ingest([str(SAMPLE)], RULES).documents for s in d.sentences]
    texts += ["South Africa and South Sudan met in Washington, D.C. and the U.S.",
              "Anti-Guinea talks; Guinea-Bissau's envoy; NigerNiger; the EU-UK deal.",
              "The United States of America, the United States and the U.S.A."]
    for table, index in ((LEX.places, LEX.place_names), (LEX.bodies, LEX.body_names)):
        names = sorted(table, key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
        for text in texts:
            assert list(index.finditer(text)) == [
                (m.start(), m.end(), m.group()) for m in pattern.finditer(text)], text


def test_readable_json_is_the_same_json():
    import json

    from briefing.report import dumps_readable

    data = {"a": [1, {"b": [2, 3], "c": {}}, []], "d": "é\n\"x\"", "e": {"f": {"g": [{"h": 1}]}},
            "i": None, "j": 1.5, "k": True}
    for levels in range(6):
        text = dumps_readable(data, levels)
        assert json.loads(text) == data
    assert dumps_readable(data).splitlines()[1] == '  "a": ['


def test_a_long_agreement_name_does_not_keep_a_signing_from_its_date(tmp_path):
    """Names between the verb and the date are not distance: "signed the … Agreement on
    Carbon Credits and Related Matters on March 26, 2025"."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "Singapore and Vietnam signed a Digital Economy Agreement (DEA) and an "
        "Implementation Agreement on Carbon Credits and Related Matters on March 26, 2025, "
        "officials said.\n")
    claims = [f for f in analyse([str(tmp_path)], RULES).facts if f.kind == "claim"]
    assert claims and claims[0].attr("date_signing") == "2025-03-26"


def test_an_html_page_dated_after_this_machines_clock_keeps_its_date():
    from briefing.htmltext import html_to_article

    later = date.today().replace(year=date.today().year + 1)
    page = (f'<html><head><title>Pact signed</title><meta property="article:published_time" '
            f'content="{later.isoformat()}T09:40:00+00:00"></head><body><article><h1>Pact '
            f'signed</h1><p>The two ministers signed the port pact in Lima on Tuesday, '
            f'officials said, after two years of talks between the two governments.</p>'
            f'<p>Ratification by both parliaments is expected next year.</p></article>'
            f'</body></html>')
    assert html_to_article(page).published == later


def test_the_kind_said_again_is_no_second_agreement():
    lex = load_lexicon(RULES)
    assert find_agreements("Status of the Convention as of 17 March 2027:", lex) == []
    assert [m.name for m in find_agreements("The Law of the Sea Convention applies.", lex)] == [
        "Law of the Sea Convention"]


def test_bodies_are_neither_agreements_nor_people():
    """A legislature with its acronym beside "the agreement" is no agreement; a court
    before ", to the president" is no person with a role."""
    lex = load_lexicon(RULES)
    text = ("The agreement still has to be ratified by Mexico's Senate and by Indonesia's "
            "House of Representatives (DPR).")
    assert [m.name for m in find_agreements(text, lex)] == []
    text = ("Opponents vowed to take the battle to the Constitutional Court, to the "
            "president and, if necessary, to the streets.")
    assert [m.name for m in find_people(text, lex)] == []


def test_a_role_with_its_portfolio_and_a_name_in_apposition():
    """"Secretary of Economy Adriana Villaseñor Ruiz", "the Minister of External
    Relations, Ana Lúcia Fernandes, …" are people with roles; a title running on after a
    comma ("Minister of Foreign Affairs, African Cooperation and …") names no one."""
    lex = load_lexicon(RULES)
    people = lambda text: [(m.name, dict(m.attrs)["role"]) for m in find_people(text, lex)]
    assert people("Secretary of Economy Adriana Villaseñor Ruiz signed it.") == [
        ("Adriana Villaseñor Ruiz", "Secretary of Economy")]
    assert people("The Minister of External Relations, Ana Lúcia Fernandes, and the "
                  "Prime Minister, Boris Johnson. ") == [
        ("Ana Lúcia Fernandes", "Minister of External Relations"),
        ("Boris Johnson", "Prime Minister")]
    # a country's possessive is the nationality, said once ("Mexican", not "Mexican
    # Mexico's")
    assert [dict(m.attrs) for m in find_people(
        "Mexico's Secretary of Economy Adriana Villaseñor Ruiz spoke.", lex)] == [
        {"role": "Secretary of Economy", "nationality": "Mexican", "country": "Mexico"}]
    assert people("He met the Minister of Foreign Affairs, African Cooperation and "
                  "Moroccan Expatriates of the Kingdom of Morocco.") == []


def test_an_honorific_is_no_part_of_a_name():
    """"His Excellency Yaw Boateng Ansah, President of …" is Yaw Boateng Ansah."""
    lex = load_lexicon(RULES)
    assert [m.name for m in find_people(
        "His Excellency Yaw Boateng Ansah, President of the Republic of Ghana, will "
        "undertake a State Visit.", lex)] == ["Yaw Boateng Ansah"]


def test_an_honorific_in_initials_and_a_centre_are_no_names():
    """"H.E. Nguyễn Thanh Tùng, Minister of Construction" is Nguyễn Thanh Tùng; the
    "Kenyatta International Convention Centre" is no convention."""
    lex = load_lexicon(RULES)
    assert [m.name for m in find_people(
        "It was signed by H.E. Nguyễn Thanh Tùng, Minister of Construction, for Viet Nam.",
        lex)] == ["Nguyễn Thanh Tùng"]
    assert find_agreements("The forum opens at the Kenyatta International Convention Centre "
                           "(KICC) after the agreement is signed.", lex) == []
    assert find_agreements("The forum opens at the Kenyatta International Convention Centre "
                           "on Thursday, after the agreement is signed.", lex) == []


def test_counted_things_with_words_between():
    """"four offshore patrol vessels" counts vessels; "Fifty thousand tonnes" is no count
    of fifty, and "1.2 million tonnes" one of 1,200,000."""
    lex = load_lexicon(RULES)
    assert [(f.amount, f.unit) for f in find_figures(
        "Ecuador will buy four offshore patrol vessels.", lex)] == [(Decimal(4), "vessels")]
    assert [(f.amount, f.unit) for f in find_figures(
        "Fifty thousand tonnes a month is well below that.", lex)] == [(50000, "tonnes")]
    assert [(f.amount, f.unit) for f in find_figures(
        "The target is 1.2 million tonnes in the first year.", lex)] == [(1200000, "tonnes")]
    # a size, not a count: "two 1,200 MW reactors" are no 1,200 reactors
    assert [(f.amount, f.unit) for f in find_figures(
        "The plant will have two 1,200 MW reactors.", lex) if f.unit == "reactors"] == []


def test_a_kind_word_inside_another_name():
    """"the Antarctic Treaty System" is no treaty; "the Paris Agreement Monday" is."""
    lex = load_lexicon(RULES)
    assert find_agreements("A common commitment to the Antarctic Treaty System.", lex) == []
    assert [m.name for m in find_agreements("They signed the Paris Agreement Monday.",
                                            lex)] == ["Paris Agreement"]


def test_the_gazetteer_is_a_general_list():
    """Seats of government and legislatures are there for every country, not for the
    events the rules were tried on: each country has a `metonyms` field, forty and more
    fill it, and every country but the Vatican has its chambers."""
    from briefing.yamlload import load_yaml

    data = load_yaml(RULES / "gazetteer.yaml")
    countries = {c["name"] for c in data["countries"]}
    assert len(countries) >= 193 and all("metonyms" in c for c in data["countries"])
    assert sum(1 for c in data["countries"] if c["metonyms"]) >= 40
    chambers = {leg.get("country") for leg in data["legislatures"]}
    assert countries - chambers == {"Vatican City"}


def test_a_city_is_where_an_event_is_held_and_may_be_a_first_name():
    """The gazetteer's cities (of most countries, not the events tried) place a signing
    "in Marrakech" in Morocco, as a city, not the government acting; a city that
    begins a person's name ("Milan Radonjić") is no place, and the person is found."""
    data_cities = LEX.places["Marrakech"]
    assert (data_cities.country, data_cities.kind) == ("Morocco", "city")
    text = "It was signed by the Prime Minister of Montenegro, Milan Radonjić, in Marrakech."
    assert "Milan Radonjić" in [m.name for m in find_people(text, LEX)]
    assert [m.text for m in find_places(text, LEX) if dict(m.attrs)["type"] == "city"] \
        == ["Milan", "Marrakech"]  # (extraction drops the first: it begins a name)
    doc = Document("d", "d", "", "", "", date(2026, 11, 1), "dateline", text,
                   split_sentences(text, load_cleaning(RULES)))
    assert [f.value for f in extract_document(doc, LEX) if f.kind == "place"] == [
        "Montenegro", "Marrakech"]
    from briefing.yamlload import load_yaml

    cities = load_yaml(RULES / "gazetteer.yaml")["cities"]
    assert len(cities) >= 150 and sum(len(v) for v in cities.values()) >= 600


def test_a_seat_of_government_is_named_as_itself():
    """"La Paz" is not another spelling of Sucre: a meeting there is held in La Paz, and
    the city stands for Bolivia as its capital does; "Peking" is Beijing."""
    from briefing.entities import find_places

    found = {m.text: (m.name, dict(m.attrs)["country"])
             for m in find_places("Talks in La Paz, The Hague and Peking.", LEX)}
    assert found == {"La Paz": ("La Paz", "Bolivia"), "The Hague": ("The Hague", "Netherlands"),
                     "Peking": ("Beijing", "China")}


def test_an_association_with_an_acronym_is_no_agreement():
    """"the National Rice Growers' Association (ANAR) said the agreement …": a body's
    name before its acronym, beside the word "agreement"."""
    found = find_agreements("Farmers of the National Rice Growers' Association (ANAR) said "
                            "the agreement would ruin them.", LEX)
    assert found == []


def test_a_dispute_over_something_questions_no_figure():
    """The cue class "dispute" is the verb ("officials dispute the figure"), not the noun
    ("disputes over roads have persisted"), which questions no number in the sentence."""
    assert "dispute" in LEX.cues.classes("Officials dispute the figure of 2 million.")
    assert "dispute" not in LEX.cues.classes(
        "The two countries signed a treaty, but disputes over roads have persisted.")


def test_a_vote_tally_said_several_ways():
    """The set phrase "tally" reads "33 ayes and 21 noes" and a count of deputies "in
    favour of the agreement (file No. 24.871) and 21 against"."""
    from briefing.frames import tally

    assert tally("The minutes record **33 ayes and 21 noes**, with three absent.",
                 LEX.phrases) == "33–21"
    assert tally("32 deputies voted in favour of the agreement (legislative file No. 24.871) "
                 "and 21 against, with four absent.", LEX.phrases) == "32–21"
    assert tally("It passed 52 yeas to 47 nays.", LEX.phrases) == "52–47"


def test_a_body_and_its_deal_are_no_agreement():
    """"the EU deal" is the EU's (a body, like "an LNG deal" an event's); "the Brazilian
    Confederation of Agriculture and Livestock (CNA)" beside the word "agreement" is an
    organisation, its acronym no agreement's."""
    assert find_agreements("As in the EU deal, it enters into force country by country.",
                           LEX) == []
    assert find_agreements("The Brazilian Confederation of Agriculture and Livestock (CNA) "
                           "welcomed the agreement.", LEX) == []


def test_people_under_a_plural_role_and_after_a_lower_case_role():
    """"Presidents A and B" names two presidents; "the country's transitional president,
    A, signed" names one, with the role as the rules write it."""
    found = find_people("Presidents Sévérin Akplogan and Abdoul-Karim Zongo signed it.", LEX)
    assert [(m.name, dict(m.attrs)["role"]) for m in found] == [
        ("Sévérin Akplogan", "President"), ("Abdoul-Karim Zongo", "President")]
    found = find_people("Burkina Faso's transitional president, Abdoul-Karim Zongo, signed.",
                        LEX)
    assert [(m.name, dict(m.attrs)["role"]) for m in found] == [("Abdoul-Karim Zongo",
                                                                   "President")]


def test_a_range_of_money_takes_its_scale():
    """"€400–450 million" is a range of millions (its first number took no scale and
    read "€400"); the note shows it as written."""
    found = find_figures("Grid works we estimate at €400–450 million are not included.", LEX)
    assert [(f.text, f.amount, f.unit) for f in found] == [
        ("€400–450 million", Decimal(400_000_000), "EUR")]


@pytest.mark.parametrize("sentence, found", [
    ("Trade reached 1.8 billion USD last year.", [("1.8 billion USD", 1_800_000_000, "USD")]),
    ("The fund holds 300 million EUR and CHF 3 billion.",
     [("300 million EUR", 300_000_000, "EUR"), ("CHF 3 billion", 3_000_000_000, "CHF")]),
    # a code is written in capitals: "try 5" is no sum of Turkish lira
    ("They will try 5 times.", []),
    # the world's currencies, by sign, code and name; "won" after a scale only
    ("It costs 1.65 trillion won, MNT 6.2 trillion and Tk 58,800 crore.",
     [("1.65 trillion won", 1_650_000_000_000, "KRW"), ("MNT 6.2 trillion", 6_200_000_000_000,
                                                      "MNT"),
      ("Tk 58,800 crore", 588_000_000_000, "BDT")]),
    ("Fees: DJF 650 million, BDS$120 million, EC$162 million, S/ 2,100 million.",
     [("DJF 650 million", 650_000_000, "DJF"), ("BDS$120 million", 120_000_000, "BBD"),
      ("EC$162 million", 162_000_000, "XCD"), ("S/ 2,100 million", 2_100_000_000, "PEN")]),
    ("The party won 12 seats and 300 million Tunisian dinars.",
     [("300 million Tunisian dinars", 300_000_000, "TND")]),
])
def test_a_currency_code_stands_before_or_after_its_sum(sentence, found):
    assert [(f.text, f.amount, f.unit) for f in find_figures(sentence, LEX)
            if f.measure != "quantity"] == found


def test_an_agreement_named_after_signed_in_a_capital():
    """"signed in Rabat the Intergovernmental Agreement on the Construction and Operation
    of an Electricity Interconnection": the capital is not the name's, and "of an" goes
    on with it."""
    found = find_agreements(
        "The governments today signed in Rabat the Intergovernmental Agreement on the "
        "Construction and Operation of an Electricity Interconnection.", LEX)
    assert [m.name for m in found] == ["Intergovernmental Agreement on the Construction and "
                                       "Operation of an Electricity Interconnection"]


def test_two_acts_each_with_the_date_written_after_it(tmp_path):
    """"signed in Astana on 9 October 2025 and ratified by Law No. 214 of 26 December
    2025": the first date is the signing's; the ratification has its own after it."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "ASTANA, 10 January 2026 - The Agreement on International Road Transit between "
        "Kazakhstan and Uzbekistan was signed in Astana on 9 October 2025 and ratified by "
        "Law No. 214 of 26 December 2025, the foreign ministry said on Friday.\n\n"
        "The convention on rail freight was signed last September and ratified by the "
        "Senate in March.\n\n"
        "The protocol, signed in Muscat on 27 October 2025, was ratified by Royal Decree "
        "No. 12/2026 issued on 8 January 2026, and entered into force on 1 March 2026.\n")
    claims = [f for f in analyse([str(tmp_path)], RULES).facts if f.kind == "claim"]
    assert [(c.attr("date_signing"), c.attr("date_ratification")) for c in claims] == [
        ("2025-10-09", "2025-12-26"), ("2025-09", "2026-03"), ("2025-10-27", "2026-01-08")]
    assert claims[2].attr("date_entry_into_force") == "2026-03-01"


def test_a_masthead_block_gives_the_outlet_and_the_headline_under_it(tmp_path):
    """The headline is the longest line above the first paragraph, not the day line,
    reference, byline, unit or document kind a masthead carries."""
    from briefing.pipeline import analyse

    body = "The ministry said on Tuesday that the treaty was ratified by parliament.\n"
    texts = {
        "a.txt": "REPUBLIC OF ERUVIA\nMINISTRY OF FOREIGN AFFAIRS\nPublic Affairs Directorate\n\n"
                 "PRESS RELEASE\n\nRef: MFA/PAD/PR/031/2027\nLumen, 24 March 2027\n\n"
                 "PARLIAMENT RATIFIES THE ERUVIA–OSTRALIA EXTRADITION TREATY\n\n" + body,
        "b.txt": "THE LUMEN LEDGER\nNation | Wednesday, March 24, 2027\n\n"
                 "Senate panel sets April 7 hearing on extradition pact\n\n"
                 "By Patricia Reyes, Senate Reporter\n\n" + body,
        "c.txt": "STATE HOUSE, LUMEN\n\nPRESS STATEMENT BY THE SPECIAL ADVISER TO THE "
                 "PRESIDENT ON MEDIA\n\nPRESIDENT ORLA RESCHEDULES STATE VISIT TO OSTRALIA\n\n"
                 "29 September 2026\n\n" + body,
        "d.txt": "JOINT STATEMENT\n\nby the governments of Eruvia and Ostralia on the "
                 "conclusion of negotiations\n\n" + body,
        "e.txt": "MINISTRY OF FOREIGN AFFAIRS OF THE REPUBLIC OF ERUVIA\nWeekly press "
                 "briefing – transcript (excerpt)\n\nDate: Wednesday, 24 March 2027, 11:00\n"
                 "Place: Ministry of Foreign Affairs, Lumen Square 1, Lumen City\n\n" + body,
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text)
    docs = {d.id: (d.outlet, d.title) for d in analyse([str(tmp_path)], RULES).documents}
    assert docs == {
        "a": ("REPUBLIC OF ERUVIA", "PARLIAMENT RATIFIES THE ERUVIA–OSTRALIA EXTRADITION TREATY"),
        "b": ("THE LUMEN LEDGER", "Senate panel sets April 7 hearing on extradition pact"),
        "c": ("STATE HOUSE, LUMEN", "PRESIDENT ORLA RESCHEDULES STATE VISIT TO OSTRALIA"),
        "d": ("", "JOINT STATEMENT"),
        "e": ("MINISTRY OF FOREIGN AFFAIRS OF THE REPUBLIC OF ERUVIA",
              "Weekly press briefing – transcript (excerpt)")}


def test_a_step_still_needed_is_pending_and_a_question_tells_nothing(tmp_path):
    """"The treaty still needs the concurrence of the Senate" says the Senate has not
    ratified; "Question: When will the agreement take effect?" says nothing at all."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "LUMEN, 23 March 2027 - The treaty still needs the concurrence of the Senate before "
        "instruments of ratification can be exchanged.\n\n"
        "The agreement is subject to the approval of the National Assembly.\n\n"
        "Question: When will the agreement take effect?\n\n"
        "The agreement will take effect on 1 May 2027.\n")
    claims = {f.text: f for f in analyse([str(tmp_path)], RULES).facts if f.kind == "claim"}
    assert [c.attr("modality") for c in claims.values()] == ["pending", "pending", "expected"]
    assert not any(text.endswith("?") for text in claims)


def test_a_name_with_its_kind_at_the_other_end_is_the_same_name(tmp_path):
    """"Mutual Legal Assistance Treaty" is "Treaty on Mutual Legal Assistance in Criminal
    Matters" cut short; "Treaty on Shared Border Waters" is not "Treaty on Border Waters"."""
    from briefing.pipeline import analyse

    def conflicts(first: str, second: str) -> list[str]:
        folder = tmp_path / first[:12].replace(" ", "")
        folder.mkdir()
        for name, title in (("a", first), ("b", second)):
            (folder / f"{name}.txt").write_text(
                f"LUMEN, 4 March 2027 - Eruvia and Ostralia signed the {title} on 3 March "
                f"2027, the foreign ministry said.\n\nThe {title} was signed in Lumen.\n")
        return [c.slot for c in analyse([str(folder)], RULES).conflicts]

    assert not any(f.startswith("name of") for f in conflicts(
        "Treaty on Mutual Legal Assistance in Criminal Matters",
        "Mutual Legal Assistance Treaty"))
    assert any(f.startswith("name of") for f in conflicts(
        "Treaty on Shared Border Waters", "Treaty on Border Waters"))


def test_the_way_home_is_not_where_an_event_is(tmp_path):
    """"Wednesday 19 May (Tacna): meeting with regional authorities; return to Chile by
    land": the last day of a visit to Peru is not a visit to Chile."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "Santiago, 12 May 2027\n\nThe President of Chile will make a State Visit to Peru "
        "from 17 to 19 May 2027.\n\nWednesday 19 May (Tacna): visit to the area of the "
        "future electricity interconnection; meeting with regional authorities; return to "
        "Chile by land.\n")
    events = [f for f in analyse([str(tmp_path)], RULES).facts if f.kind == "event"]
    assert events and all(e.items("places")[:1] == ["Peru"] for e in events)


def test_a_named_agreement_introduced_in_a_sentence_of_long_ago_is_background(tmp_path):
    """"In November 2019 … signed a Memorandum of Understanding on Electricity
    Interconnection", written in 2027: another text, recalled — not the event's."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "LIMA, 12 May 2027 - The two presidents will sign a memorandum on the Tacna–Arica "
        "Electricity Interconnection on Monday.\n\n"
        "In November 2019, at the binational cabinet held in Lima, the energy ministers "
        "signed a Memorandum of Understanding on Electricity Interconnection.\n")
    claims = [f for f in analyse([str(tmp_path)], RULES).facts if f.kind == "claim"]
    old = next(c for c in claims if "2019" in c.text)
    assert "background" in old.attr("cues").split(",")
    assert "background" not in claims[0].attr("cues").split(",")


def test_a_name_written_only_where_an_old_text_is_recalled_is_no_variant(tmp_path):
    """One source names the memorandum to be signed, another recalls one of 2019 by a
    shorter name: no question about the memorandum's name."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "LIMA, 12 May 2027 - The presidents will sign the Memorandum of Understanding on "
        "the Tacna–Arica Electricity Interconnection on Monday.\n")
    (tmp_path / "b.txt").write_text(
        "LIMA, 13 May 2027 - The presidents will sign a power-line memorandum on Monday."
        "\n\nIn November 2019 the energy ministers signed a Memorandum of Understanding on "
        "Electricity Interconnection.\n")
    facts = analyse([str(tmp_path)], RULES)
    assert not [c for c in facts.conflicts if c.slot.startswith("name of")]
    assert [f.value for f in facts.facts if f.kind == "frame"] == [
        "Memorandum of Understanding on the Tacna–Arica Electricity Interconnection"]


def test_a_long_heading_in_capitals_is_no_sentence_and_a_broadcast_header_dates_its_text(
        tmp_path):
    """"HEADS OF STATE SIGN THE AGREEMENT ON THE …" (fifteen words) names no agreement
    "THE"; "Friday, 14 May 2027, 08:10–08:30" is when a broadcast went out."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "PRESS SERVICE OF THE PRESIDENT\n\nLumen, 13 May 2027\n\nHEADS OF STATE SIGN THE "
        "AGREEMENT ON THE EASTERN FREE TRADE AND TRANSIT AREA OF THE FOUR REPUBLICS\n\n"
        "Today the Heads of State signed the Agreement on the Eastern Free Trade and "
        "Transit Area.\n")
    (tmp_path / "b.txt").write_text(
        "BUSINESS FM — 102.4\n\"The Trade Hour\" — broadcast transcript\n"
        "Friday, 14 May 2027, 08:10–08:30\n\nPRESENTER: Yesterday four presidents signed a "
        "free trade and transit agreement.\n")
    facts = analyse([str(tmp_path)], RULES)
    assert [f.value for f in facts.facts if f.kind == "agreement"] == [
        "Agreement on the Eastern Free Trade and Transit Area"]
    assert {d.id: str(d.published) for d in facts.documents} == {
        "a": "2027-05-13", "b": "2027-05-14"}


def test_names_of_one_agreement_joined_in_turn_are_one_agreement(tmp_path):
    """"Viet Nam–Costa Rica FTA" is "Costa Rica–Viet Nam FTA" (the same words), which is
    the "Free Trade Agreement between the Republic of Costa Rica and the Socialist
    Republic of Viet Nam": all three are one agreement."""
    from briefing.pipeline import analyse

    for name, title in (("a", "Free Trade Agreement between the Republic of Costa Rica and "
                              "the Socialist Republic of Viet Nam"),
                        ("b", "Costa Rica–Viet Nam Free Trade Agreement"),
                        ("c", "Viet Nam–Costa Rica Free Trade Agreement")):
        (tmp_path / f"{name}.txt").write_text(
            f"SAN JOSE, 16 March 2027 - The {title} was signed in Hanoi on 23 March 2026.\n")
    facts = analyse([str(tmp_path)], RULES)
    assert len([f for f in facts.facts if f.kind == "agreement"]) == 1


@pytest.mark.parametrize("sentence", [
    "The opposition asked the Constitutional Court on May 24 to declare the agreement "
    "unconstitutional.",
    "The court will consider the petition filed by the opposition on June 28.",
    "PRESENTER: The opposition has gone to the Constitutional Court."])
def test_a_case_brought_to_a_court_is_a_legal_challenge(sentence):
    assert "legal_challenge" in LEX.cues.classes(sentence)


def test_a_vote_moved_is_the_parliaments_not_in_the_partner_country(tmp_path):
    """"The parliamentary vote on the Port of Bar agreement with Qatar has been
    postponed to June 22": the Parliament's vote of 15 June, moved — not a vote in Qatar."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "PODGORICA, 8 June 2027 - The Parliament will vote on the port agreement on 15 "
        "June.\n")
    (tmp_path / "b.txt").write_text(
        "PODGORICA, 10 June 2027 - The parliamentary vote on the Port of Bar agreement with "
        "Qatar has been postponed to June 22, the Speaker announced on Wednesday.\n")
    events = [dict(f.attrs) for f in analyse([str(tmp_path)], RULES).facts
              if f.kind == "event"]
    assert [(e["start"], e.get("moved_from"), e.get("body"), e.get("places", ""))
            for e in events] == [("2027-06-22", "2027-06-15", "Parliament", "")]


def test_a_smaller_sum_beside_a_larger_one_is_not_compared(tmp_path):
    """"€420 million over ten years, including €180 million in the first five years":
    the part is no rival of a third source's €450 million."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "PODGORICA, 8 June 2027 - The company will invest EUR 420 million over ten years, "
        "including EUR 180 million in the first five years.\n")
    figures = {f.attr("display"): f.attr("compared")
               for f in analyse([str(tmp_path)], RULES).facts if f.kind == "figure"}
    assert figures == {"€420 million": "yes", "€180 million": ""}


@pytest.mark.parametrize("sentence, modality", [
    ("A hearing by the Senate committee is set for April 7.", "expected"),
    ("A vote is scheduled for Nov. 12, legislative officials said.", "expected"),
    ("A plenary vote is expected before Congress adjourns in June.", "expected"),
    ("The vote is not expected before the Senate adjourns in June.", "")])
def test_a_date_set_for_an_event_is_what_is_expected(sentence, modality):
    assert LEX.modality.first(sentence) == modality


def test_two_counts_of_a_treatys_articles_are_a_question(tmp_path):
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text("LUMEN, 23 March 2027 - The extradition treaty consists of "
                                    "22 articles and covers offences punishable by a year.\n")
    (tmp_path / "b.txt").write_text("LUMEN, 24 March 2027 - The extradition treaty has 24 "
                                    "articles and covers offences punishable by a year.\n")
    conflicts = analyse([str(tmp_path)], RULES).conflicts
    assert [(c.slot, sorted(v for v, _ in c.values)) for c in conflicts] == [
        ("count of articles", ["22 articles", "24 articles"])]


def test_the_treaty_a_headline_describes_is_not_the_one_named_beside_it(tmp_path):
    """Under "… as extradition treaty clears Parliament", "the extradition treaty" is
    not the Mutual Legal Assistance Treaty the article names in passing."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "Gold fugitive tops list as extradition treaty clears Parliament\n\n"
        "LUMEN, 25 March 2027 - When Parliament ratified the extradition treaty with "
        "Ostralia on Tuesday, one name was on every lip.\n\n"
        "The Mutual Legal Assistance Treaty, signed alongside it, has not yet been laid "
        "before Parliament.\n")
    for name in "bc":  # the event's treaty, as the other sources name it
        (tmp_path / f"{name}.txt").write_text(
            "LUMEN, 24 March 2027 - Parliament on Tuesday ratified the Treaty on "
            "Extradition between Eruvia and Ostralia.\n")
    claims = {f.text[:12]: f.attr("agreement") for f in analyse([str(tmp_path)], RULES).facts
              if f.kind == "claim" and "a" in f.doc_ids}
    assert claims == {"LUMEN, 25 Ma": "treaty on extradition",
                      "The Mutual L": "mutual legal assistance treaty"}


def test_figures_dates_companies_and_dollars_of_a_release_from_elsewhere(tmp_path):
    """A dateline in figures ("Hanoi, 06/05/2027 (VPA) —", "Prague, 05.05.2027") dates
    its text, day first where the text writes "12 May"; a company "(HAL)" beside an
    "arrangement" is no agreement; "US$" names no United States; "cannot be signed until
    Parliament approves it" approves nothing."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "Hanoi, 06/05/2027 (VPA) — The ministers will sign the treaty on 12 May.\n\n"
        "The credit covers US$ 215 million and a maintenance support arrangement with "
        "Hindustan Aeronautics Ltd (HAL).\n\n"
        "The loan cannot be signed until Parliament approves it.\n")
    (tmp_path / "b.txt").write_text("PRESS NOTICE\nPrague, 05.05.2027\n\nThe ministers will "
                                    "sign the treaty in Prague next week.\n")
    facts = analyse([str(tmp_path)], RULES)
    assert {d.id: str(d.published) for d in facts.documents} == {
        "a": "2027-05-06", "b": "2027-05-05"}
    assert not [f for f in facts.facts if f.kind == "agreement" and "HAL" in f.text]
    assert not [f for f in facts.facts if f.kind == "place" and f.value == "United States"]
    loan = next(f for f in facts.facts if f.kind == "claim" and f.text.startswith("The loan"))
    assert loan.attr("modality") == "pending"


def test_a_visit_of_no_one_to_nowhere_is_no_event(tmp_path):
    """"The first two aircraft should arrive in the second half of 2029": no visit."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "COLOMBO, 16 June 2027 - The first two aircraft should arrive in the second half "
        "of 2029, the minister told Parliament.\n")
    assert not [f for f in analyse([str(tmp_path)], RULES).facts if f.kind == "event"]


def test_the_treaty_told_of_just_after_an_old_one_is_brought_in_is_the_old_one(tmp_path):
    """"The second step came in 2016, with a treaty on legal assistance. It allowed …
    The two countries exchanged instruments in 2016, and the treaty entered into force
    on 1 February 2017": written in 2027, background — not this treaty's entry into force."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "PRAGUE, 8 May 2027 - The ministers will sign the new treaty on consular matters "
        "next week.\n\nThe second step came in 2016, with a treaty on legal assistance in "
        "criminal matters. It allowed prosecutors to exchange evidence. The two countries "
        "exchanged instruments of ratification in Hanoi on 15 December 2016, and the treaty "
        "entered into force on 1 February 2017.\n")
    claims = {f.text[:14]: f.attr("cues").split(",") for f in analyse([str(tmp_path)], RULES).facts
              if f.kind == "claim"}
    assert "background" in claims["The two countr"]
    assert "background" not in claims["PRAGUE, 8 May "]


@pytest.mark.parametrize("sentence, agenda", [
    ("Energy and the border crossing head the agenda.", True),
    ("Officials said it was not on the agenda.", False),
    ("The pandemic emptied the agenda.", False)])
def test_what_is_not_on_the_agenda_is_no_agenda_item(sentence, agenda):
    assert ("agenda" in LEX.cues.classes(sentence)) is agenda


def test_a_month_takes_no_side_between_two_days(tmp_path):
    """"will enter into force in June" beside "on 7 June" and "on 8 June": the source
    giving the month is counted for neither day."""
    from briefing.pipeline import analyse

    for name, when in (("a", "on 7 June 2027"), ("b", "on 7 June 2027"),
                       ("c", "on 8 June 2027"), ("d", "in June")):
        (tmp_path / f"{name}.txt").write_text(
            f"SUVA, 9 March 2027 - The Convention will now enter into force {when}, the "
            f"secretariat said.\n")
    conflict = next(c for c in analyse([str(tmp_path)], RULES).conflicts
                    if c.slot == "date of the entry into force")
    assert sorted(conflict.values) == [("7 June 2027", ("a", "b")), ("8 June 2027", ("c",))]


def test_the_treaty_formula_of_instruments_approves_nothing():
    text = ("It enters into force after the eighth instrument of ratification, acceptance, "
            "approval or accession.")
    assert "approval" not in [name for name, _ in LEX.events.find(text)]
    assert "approval" in [name for name, _ in LEX.events.find("The Senate gave its approval.")]


def test_a_role_of_two_words_is_not_cut_into_a_role_and_a_name():
    people = find_people('"Too many have not come home," Secretary General Lolohea said.', LEX)
    assert [(p.name, p.attrs) for p in people] == [("Lolohea", (("role", "Secretary General"),))]


def test_a_counterparts_nationality_is_no_place():
    text = "The foreign minister and her Kenyan counterpart will sign it in September."
    assert [p.name for p in find_places(text, LEX)] == []
    assert [p.name for p in find_places("Kenyan farmers will benefit.", LEX)] == ["Kenya"]



def test_a_continent_is_no_country():
    """"South America" names no country (not the United States by its word "America")."""
    text = ("Farmers protested against the EU's trade deal with South America, Latin "
            "America's largest bloc, and North America's rules.")
    assert [p.name for p in find_places(text, LEX)] == []
    assert [p.name for p in find_places("America will sign it.", LEX)] == ["United States"]


@pytest.mark.parametrize("sentence, parties", [
    ("They signed the Thailand-EU Free Trade Agreement.", "Thailand|European Union"),
    ("They signed the EU-Thailand Free Trade Agreement.", "European Union|Thailand"),
    ("They concluded the EU-Mercosur Trade Agreement.", "European Union|Mercosur"),
    ("The Japan-ASEAN Comprehensive Economic Partnership Agreement was signed.",
     "Japan|Association of Southeast Asian Nations"),
])
def test_a_blocs_name_joined_by_a_dash_is_a_party(sentence, parties):
    """A dash joins an agreement's parties ("Thailand-EU"): a bloc after or before it is
    one of them, as after an en dash or a space."""
    found = find_agreements(sentence, LEX)
    assert [dict(m.attrs)["parties"] for m in found] == [parties]

@pytest.mark.parametrize("text, found", [
    ("Trade is worth about NZ$1.9 billion ($1.15 billion) a year.",
     [("NZ$1.9 billion", "NZD", ""), ("$1.15 billion", "USD", "yes")]),
    ("Trade reached A$136 billion and 40 million New Zealand dollars of investment.",
     [("A$136 billion", "AUD", ""), ("40 million New Zealand dollars", "NZD", "")]),
    ("Trade was worth KSh 40.3 billion, or Rs. 65 billion.",
     [("KSh 40.3 billion", "KES", ""), ("Rs. 65 billion", "INR", "")])])
def test_currencies_of_the_rules_and_a_sum_converted_in_brackets(tmp_path, text, found):
    """Every currency facts.yaml lists is read with its sign or its name; a sum given
    again in brackets in another currency is marked converted: compared with sums given
    as such, not with another source's conversion (see `_figure_pairs`)."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(f"WELLINGTON, 22 June 2027 - {text}\n")
    figures = [(f.text, f.attr("unit"), f.attr("converted"))
               for f in analyse([str(tmp_path)], RULES).facts if f.kind == "figure"]
    assert figures == found
    assert all(f.attr("compared") for f in analyse([str(tmp_path)], RULES).facts
               if f.kind == "figure")


def test_a_conversion_is_compared_with_a_sum_given_as_such_not_with_a_conversion(tmp_path):
    """"S/ 2,100 million (approximately US$565 million)" against "US$720 million" is a
    disagreement; "$2.6 billion" and "$2.7 billion", each a conversion, are two rates."""
    from briefing.pipeline import analyse

    def conflicts(a: str, b: str) -> int:
        folder = tmp_path / str(len(list(tmp_path.iterdir())))
        folder.mkdir()
        (folder / "a.txt").write_text(f"LIMA, 15 March 2027 - Total investment in the port "
                                      f"project is estimated at {a}.\n")
        (folder / "b.txt").write_text(f"LA PAZ, 16 March 2027 - Total investment in the port "
                                      f"project is estimated at {b}.\n")
        return len([c for c in analyse([str(folder)], RULES).conflicts
                    if c.slot.startswith("figure")])

    assert conflicts("S/ 2,100 million (approximately US$565 million)", "US$720 million") == 1
    assert conflicts("95 billion baht ($2.6 billion)", "95 billion baht ($2.7 billion)") == 0


def test_advice_is_no_statement_of_fact():
    text = "It should prove it by publishing the memorandum's text before it is signed."
    assert LEX.modality.first(text) == "possible"
    assert LEX.modality.first("It should have been signed last year.") != "possible"


def test_three_words_in_common_make_no_sentence_another_sources(tmp_path):
    """"If it is not ready, it will be signed at the next meeting of the prime
    ministers" (a deputy minister on television) is not the programme's "10:30
    Tête-à-tête meeting of the Prime Ministers"."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text("Talks go on.\n\nIf it is not ready, it will be signed at "
                                    "the next meeting of the prime ministers.\n")
    (tmp_path / "b.txt").write_text("Programme.\n\n10:30 Tête-à-tête meeting of the Prime "
                                    "Ministers.\n")
    claims = [f for f in analyse([str(tmp_path)], RULES).facts if f.kind == "claim"]
    assert [c.doc_ids for c in claims if "next meeting" in c.text] == [("a",)]


def test_a_country_after_its_city_says_where_not_who():
    places = find_places("The agreement was signed in Vaduz, Liechtenstein, on Monday.", LEX)
    assert [(p.name, dict(p.attrs)["type"]) for p in places] == [
        ("Vaduz", "capital"), ("Liechtenstein", "locator")]


def test_the_next_stop_is_not_where_an_event_is(tmp_path):
    """"… due to visit the port of Maputo on Tuesday before leaving for Pretoria": the
    visit is to Maputo; and "lands in Maputo on Sunday" is the coming Sunday."""
    from briefing.pipeline import analyse
    from briefing.timex import tag

    (tmp_path / "a.txt").write_text(
        "MAPUTO, 11 September 2027 - On Tuesday Foreign Minister Ioana Marginean is due to "
        "visit the port of Maputo before leaving for Pretoria.\n")
    events = [dict(f.attrs) for f in analyse([str(tmp_path)], RULES).facts
              if f.kind == "event"]
    assert [e["places"] for e in events] == ["Maputo"]
    assert tag("The minister lands in Maputo on Sunday.", date(2027, 9, 11))[0].value \
        == "2027-09-12"


def test_the_tally_most_sources_give_is_the_votes(tmp_path):
    from briefing.pipeline import analyse

    for name, count in (("a", "57 votes to 22"), ("b", "58 votes to 21"), ("c", "58 votes to 21")):
        (tmp_path / f"{name}.txt").write_text(
            f"RIGA, 10 June 2027 - The Saeima on Thursday ratified the Agreement on the "
            f"Promotion and Protection of Investments by {count}.\n")
    frame = next(f for f in analyse([str(tmp_path)], RULES).facts if f.kind == "frame")
    assert frame.attr("vote") == "58–21"


def test_a_tally_told_as_members_supporting_and_voting_against():
    from briefing.frames import tally

    text = "The law was supported by 58 members of parliament, 21 voted against and 4 abstained."
    assert tally(text, LEX.phrases) == "58–21"


def test_a_pages_byline_dates_it_not_an_images_path(tmp_path):
    """No date in the page's metadata; its byline (which the boilerplate remover drops)
    says 18 May; an image's path says /media/2027/05/: the byline's day."""
    from briefing.pipeline import analyse

    (tmp_path / "a.html").write_text(
        "<html><head><title>Pact signed | The Tribune</title></head><body><article>"
        "<h1>Portugal signs logistics pact with Tunisia</h1>"
        '<p class="byline">By <strong>Rita Figueiredo</strong>, Defence Correspondent · '
        "Tuesday, 18 May 2027, 07:30</p>"
        '<img src="/media/2027/05/bizerte.jpg" alt="The signing">'
        "<p>Defence Minister Nuno Leal signed a mutual logistics support agreement with "
        "Tunisia on Monday at the Bizerte naval base, the centrepiece of a three-day visit.</p>"
        "<p>The agreement allows the two armed forces to supply each other with fuel, food "
        "and spare parts during exercises and port calls.</p></article></body></html>")
    doc = analyse([str(tmp_path)], RULES).documents[0]
    assert (str(doc.published), doc.published_how) == ("2027-05-18", "dateline")


def test_a_nationality_before_a_role_names_a_party_not_a_venue(tmp_path):
    """"The Portuguese Minister will visit the naval base on Tuesday": no visit to
    Portugal; Portugal still counts among the countries the sentence names."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "TUNIS, 17 May 2027 - The Portuguese Minister Nuno Leal will visit the naval base "
        "on Tuesday 18 May 2027.\n")
    facts = analyse([str(tmp_path)], RULES).facts
    claim = next(f for f in facts if f.kind == "claim")
    assert claim.items("countries") == ["Portugal"] and "Portugal" not in claim.items("places")
    assert all("Portugal" not in f.items("places") for f in facts if f.kind == "event")


def test_two_sources_counting_otherwise_do_not_corroborate_each_other(tmp_path):
    from briefing.pipeline import analyse

    for name, count in (("a", "seven"), ("b", "eight")):
        (tmp_path / f"{name}.txt").write_text(
            f"ANKARA, 10 June 2027 - Tanzania and Turkey signed {count} agreements on Tuesday, "
            f"including a loan for the standard-gauge railway, officials said.\n")
    claims = [f for f in analyse([str(tmp_path)], RULES).facts
              if f.kind == "claim" and "agreements" in f.text]
    assert sorted(c.doc_ids for c in claims) == [("a",), ("b",)]


def test_an_outlet_from_a_pages_title_bar_or_a_datelines_agency(tmp_path):
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "Latvian parliament ratifies investment pact\n\nRIGA, June 10 (Baltic Wire Service) "
        "- Latvia's parliament on Thursday ratified an investment treaty with Indonesia.\n")
    (tmp_path / "b.html").write_text(
        "<html><head><title>Port vote postponed to June 22 | Primorske Novine</title></head>"
        "<body><article><h1>Port vote postponed to June 22</h1><p>PODGORICA, 10 June 2027 - "
        "The parliamentary vote on the port agreement has been postponed to June 22, the "
        "Speaker announced on Wednesday evening after a meeting of the collegium.</p><p>The "
        "vote had been set for June 15, and the coalition is one vote short.</p></article>"
        "</body></html>")
    # wire copy wrapped at 72 columns, no headline: the dateline's line opens the text
    (tmp_path / "c.txt").write_text(
        "SAO PAULO, April 21 (Andes Wire) - Vietnamese Prime Minister Nguyen Van\n"
        "Khanh urged Brazilian companies on Wednesday to use a new currency swap\n"
        "line to trade in reais and dong, as he wrapped up an official visit.\n\n"
        "Speaking to about 300 executives at a business forum hosted by the\n"
        "Federation of Industries of the State of Sao Paulo, Khanh said Vietnam\n"
        "wanted Brazilian investment in food processing and renewable energy.\n")
    (tmp_path / "d.html").write_text(
        "<html><head><title>Visa-free regime from 1 June | Embassy of the Republic of "
        "Uzbekistan in Jakarta</title></head><body><article><p>JAKARTA, 20 May 2027 - The "
        "visa waiver agreement enters into force on 1 June, the embassy said.</p></article>"
        "</body></html>")
    read = analyse([str(tmp_path)], RULES).documents
    docs = {d.id: (d.outlet, d.title) for d in read}
    assert docs == {"a": ("Baltic Wire Service", "Latvian parliament ratifies investment pact"),
                    "b": ("Primorske Novine", "Port vote postponed to June 22"),
                    "c": ("Andes Wire", ""),
                    "d": ("Embassy of the Republic of Uzbekistan in Jakarta",
                          "Visa-free regime from 1 June")}
    assert next(d for d in read if d.id == "c").text.startswith(
        "SAO PAULO, April 21 (Andes Wire) - Vietnamese Prime Minister Nguyen Van Khanh urged")


@pytest.mark.parametrize("sentence", [
    "Analysts said the £25bn figure cited by ministers was well below the true cost.",
    "The opposition disputed the figure, calling it inflated and misleading.",
    "Critics say the ministry overstates the savings, which do not add up.",
    "Economists are disputing the figure the ministry gave."])
def test_the_dispute_class_is_a_kind_of_claim_not_the_sample(sentence):
    """The `dispute` cue class reads a figure a source says is wrong, in any event: it
    fires on sentences of our own and on none of the sample's."""
    assert "dispute" in LEX.cues.classes(sentence)
    sample = [s.text for d in ingest([str(SAMPLE)], RULES).documents for s in d.sentences]
    assert not [s for s in sample if "dispute" in LEX.cues.classes(s)]


def test_a_portfolio_of_several_words_joined_by_commas_and_and_is_one_role():
    """"Minister of Family, Labour and Social Policy, Agnieszka Dąbrowska" — a portfolio
    built of the words ministries are named with — is a role and a name, however it
    is joined; the name does not take the portfolio's last word."""
    people = lambda text: [(m.name, dict(m.attrs)["role"]) for m in find_people(text, LEX)]
    assert people("It was signed by Poland's Minister of Family, Labour and Social "
                  "Policy, Agnieszka Dąbrowska.") == [
        ("Agnieszka Dąbrowska", "Minister of Family, Labour and Social Policy")]
    assert people("Deputy Minister of Family, Labour and Social Policy Tomasz Wilczek "
                  "told reporters.") == [
        ("Tomasz Wilczek", "Deputy Minister of Family, Labour and Social Policy")]
    assert people("Minister of Transport and Infrastructure Kagiso Molefhe spoke.") == [
        ("Kagiso Molefhe", "Minister of Transport and Infrastructure")]
    assert people("Chief Executive Officer Jose Emmanuel Dimaculangan said so.") == [
        ("Jose Emmanuel Dimaculangan", "Chief Executive Officer")]


@pytest.mark.parametrize("sentence, modality", [
    ("The Sejm has to pass it, and the Senate has 30 days to consider it.", "pending"),
    ("Poland's Sejm has not voted on it.", "pending"),
    ("The bill has not been scheduled for a first reading.", "pending"),
    ("A bill consenting to ratification has been with the Sejm since 1 March.", "pending"),
    ("The deal cannot take effect until it is ratified by the National Assembly.", "pending"),
    ("The treaty will not enter into force until the agreement is approved.", "pending"),
])
def test_a_chambers_step_still_to_come_is_pending(sentence, modality):
    assert LEX.modality.first(sentence) == modality


@pytest.mark.parametrize("sentence, modality", [
    ("With the exchange of notes completed, citizens can travel without a visa.", ""),
    ("The exchange of diplomatic notes was completed on Monday.", ""),
    ("The treaty awaits the exchange of notes.", "pending"),
])
def test_an_exchange_of_notes_completed_awaits_nothing(sentence, modality):
    assert LEX.modality.first(sentence) == modality


def test_a_ratification_it_waits_for_is_no_ratification(tmp_path):
    """"cannot take effect until it is ratified by the National Assembly": the chamber's
    step is to come (its next step), not done — and no source disagrees on it."""
    facts = _analysed(
        tmp_path,
        "DODOMA, 16 November 2026 - Tanzania and Oman signed the Port Cooperation Agreement "
        "on Monday. It still has to be ratified by the National Assembly.\n",
        "DODOMA, 17 November 2026 - The Port Cooperation Agreement cannot take effect "
        "until it is ratified by the National Assembly.\n")
    frame = next(f for f in facts.facts if f.kind == "frame")
    assert not frame.attr("ratified_by") and frame.attr("next_step") == "National Assembly"
    assert not any("ratification" in c.slot for c in facts.conflicts)


def test_the_executive_sending_a_bill_on_and_a_bill_named_are_no_ratification():
    """"the draft act on the ratification … was adopted by the Council of Ministers and
    submitted to the Sejm" tells the government's step, not the Sejm's; "a bill
    consenting to ratification" is named by what it would do."""
    sent = "The draft act on the ratification of the agreement was adopted by the " \
        "Council of Ministers on 23 February and submitted to the Sejm on 1 March."
    assert "sent_on" in LEX.cues.classes(sent)
    assert "bill_to_ratify" in LEX.cues.classes(
        "A bill consenting to ratification has been with the Sejm since 1 March.")
    assert "sent_on" not in LEX.cues.classes("The Sejm adopted the act on 4 March.")


def test_a_signing_of_long_ago_naming_no_text_or_another_is_background(tmp_path):
    """Written in 2027: "has signed hydrogen agreements with several partners, including
    the 2022 partnership with the EU" names no text of the article's; "concurred in the
    Treaty on Mutual Legal Assistance … signed in Montevideo in 2025" names another; the
    memorandum "signed" in the item of "August 2025", a sentence later, is of then too.
    "The treaty was signed … on 3 May 2021" may be the article's own: not background."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "MANILA, 9 March 2027 - The Senate ratified the Agreement on Social Security "
        "between the Philippines and Poland on Monday.\n\n"
        "The treaty was signed in Lisbon on 3 May 2021.\n\n"
        "Namibia has signed hydrogen agreements with several partners, including the 2022 "
        "partnership with the European Union.\n\n"
        "The Senate also concurred in the Treaty on Mutual Legal Assistance in Criminal "
        "Matters with Uruguay, signed in Montevideo in 2025.\n\n"
        "- August 2025: the President visited Japan. A Memorandum of Understanding on "
        "remote sensing was signed by the two geological agencies.\n")
    claims = [f for f in analyse([str(tmp_path)], RULES).facts if f.kind == "claim"]

    def cues(start: str) -> list[str]:
        return next(c for c in claims if start in c.text).attr("cues").split(",")

    for old in ("Namibia has signed", "The Senate also", "A Memorandum of"):
        assert "background" in cues(old), old
    assert "background" not in cues("ratified the Agreement on Social Security")
    assert "background" not in cues("The treaty was signed")


def test_only_a_sentence_introducing_a_list_lends_it_its_signing():
    """"DOCUMENTS TO BE SIGNED" on its own line and "…signed the following:" lead their
    lists; the last sentence of an item ("… a memorandum was signed …") does not make
    the next item ("- February 2026: the Vice-Minister visited Namibia") a text signed."""

    def items(text: str) -> list[str]:
        doc = Document("d", "d", "", "", "", date(2027, 5, 1), "dateline", text,
                       split_sentences(text, load_cleaning(RULES)))
        return [f.text.strip() for f in extract_document(doc, LEX)
                if f.kind == "claim" and "list_item" in f.attr("cues")]

    assert items("DOCUMENTS TO BE SIGNED\n\n1. Agreement on Air Services.\n") == [
        "1. Agreement on Air Services."]
    assert items("The ministers signed the following documents:\n\n"
                 "1. Agreement on Air Services.\n") == ["1. Agreement on Air Services."]
    assert items("- August 2025: the President visited Japan. A memorandum was signed "
                 "there.\n\n- February 2026: the Vice-Minister visited Namibia.\n") == []


def test_a_departure_day_is_no_visits_first_day_and_an_earliest_date_is_a_bound(tmp_path):
    """"will leave Windhoek on Monday, 17 May, for a state visit to Japan" dates the
    departure, not the visit (18–21 May); "would enter into force on 1 December 2027 at
    the earliest" is a bound, said as one."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "WINDHOEK, 7 May 2027 - President Johannes Haufiku will leave Windhoek on Monday, "
        "17 May, for a state visit to Japan. He will visit Japan from 18 to 21 May.\n\n"
        "On that path the agreement would enter into force on 1 December 2027 at the "
        "earliest.\n")
    events = {e.attr("start"): e for e in analyse([str(tmp_path)], RULES).facts
              if e.kind == "event"}
    assert events["2027-05-17"].attr("event") == "departure"
    assert events["2027-05-18"].attr("event") == "visit"
    assert events["2027-05-18"].attr("end") == "2027-05-21"
    assert events["2027-12-01"].attr("earliest") == "yes"
    assert not events["2027-05-18"].attr("earliest")


def test_a_date_told_in_reported_speech_is_no_former_date():
    """"He said talks were scheduled for May" tells the date; "was scheduled for Monday
    but was postponed" and "had been scheduled for" tell one given up."""
    assert "former_date" not in LEX.cues.classes(
        "He said a second round of talks was scheduled for May in Manila.")
    assert "former_date" in LEX.cues.classes(
        "The vote was scheduled for Monday but was postponed.")
    assert "former_date" in LEX.cues.classes("The visit had been scheduled for 6 October.")


@pytest.mark.parametrize("sentence, found", [
    ("About 52,000 Filipino nationals were registered with ZUS.",
     [("52,000 Filipino nationals", Decimal(52000), "nationals")]),
    ("The deal will create 1.2 million new jobs.", [("1.2 million new jobs", Decimal(1200000), "jobs")]),
    ("But the agreement as described by the two governments leaves workers exposed.", []),
    ("In 2025 workers came.", []),
])
def test_people_an_agreement_is_for_are_counted_in_figures(sentence, found):
    """People in figures, with a nationality or "new" between, are figures of their own
    measure; a number word before a verb and a plural is no count of people."""
    assert [(f.text, f.amount, f.unit) for f in find_figures(sentence, LEX)
            if f.measure == "people"] == found


def test_a_transcripts_speaker_labels_are_no_part_of_what_is_said():
    """"ANCHOR (Maia Tsiklauri): …", "ODHIAMBO: Not tomorrow." lose their labels when two
    lines at least carry one; a single "NEW DELHI: …" dateline keeps its place."""
    cleaning = load_cleaning(RULES)
    body, _ = clean_text("ANCHOR (Maia Tsiklauri): The government published it today.\n\n"
                         "ODHIAMBO: Not tomorrow. The agreement still has to go to "
                         "parliament.\n", cleaning, detect_headline=False)
    assert body == ("The government published it today.\n\nNot tomorrow. The agreement "
                    "still has to go to parliament.")
    body, _ = clean_text("NEW DELHI: The treaty was ratified on Monday.\n\nIt takes effect "
                         "in May.\n", cleaning, detect_headline=False)
    assert body.startswith("NEW DELHI: The treaty")


@pytest.mark.parametrize("sentence, measures", [
    ("Latvia's exports to Indonesia were worth 61 million euros last year and imports "
     "81 million euros.", ["exports", "imports"]),
    ("Exports from Japan were 11.2 billion yen; imports to Japan 8.4 billion yen.",
     ["exports", "imports"]),
    ("Bilateral trade totalled 19.6 billion yen in 2026.", ["trade"]),
    ("Spain's commitment is €18 million, small next to the defence budget of roughly "
     "US$390 million.", ["", "budget"]),
])
def test_exports_and_imports_are_parts_of_trade_and_a_cue_labels_its_own_number(
        sentence, measures):
    """One way's trade is not a second figure for the whole; a cue after a figure that
    labels the next number ("and imports 81 million") is that number's."""
    assert [f.measure for f in find_figures(sentence, LEX)] == measures


def test_an_exchange_of_instruments_is_an_event_of_its_own(tmp_path):
    """"The exchange of the instruments of ratification is scheduled … in Colombo on 21
    April 2027" dates the exchange (not a ratification); "30 days after the exchange of
    notes" is a term, not an exchange; "an exchange of notes in May, so the agreement
    should take effect in June" dates the entry into force the note gives."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "MALÉ, 9 March 2027 - The exchange of the instruments of ratification is scheduled "
        "to take place in Colombo on 21 April 2027.\n\n"
        "The pact takes effect 30 days after the exchange of notes, so not before June.\n")
    (tmp_path / "b.txt").write_text(
        "MANILA, 9 March 2027 - Officials expect an exchange of notes in May, so the "
        "agreement should take effect on 1 July 2027.\n")
    events = {e.attr("start"): e.attr("event") for e in analyse([str(tmp_path)], RULES).facts
              if e.kind == "event"}
    assert events["2027-04-21"] == "exchange"
    assert events["2027-07-01"] == "entry_into_force"
    assert "exchange" not in [v for k, v in events.items() if k.startswith("2027-06")]


def test_buildings_and_roles_are_no_people_and_a_name_goes_on_past_concerning():
    """"…, Government Complex Seoul" and "…, Orbeliani Palace" name where, not who
    (facts.yaml place_words); "the Korean President, the Speaker of …" names no one
    "Korean President"; "… of the Sultanate of Oman concerning Mutual Logistic Support"
    is one name."""
    assert not find_people("Welcome ceremony hosted by the Prime Minister of the Republic "
                           "of Korea, Government Complex Seoul.", LEX)
    assert not find_people("18:00 Meeting with the President of Georgia, Orbeliani Palace.",
                           LEX)
    assert "Korean President" not in [p.name for p in find_people(
        "Kept: a courtesy call on the Korean President, the Speaker of the National "
        "Assembly.", LEX)]
    names = [m.name for m in find_agreements(
        "It is the first use of the Agreement between the Government of the Federal Republic "
        "of Germany and the Government of the Sultanate of Oman concerning Mutual Logistic "
        "Support between their Armed Forces.", LEX)]
    assert names == ["Agreement between the Government of the Federal Republic of Germany "
                     "and the Government of the Sultanate of Oman concerning Mutual "
                     "Logistic Support"]


def test_a_numbered_paragraph_under_no_lead_says_its_own_and_a_dated_signing_is_to_come(
        tmp_path):
    """A release's "1. At the invitation of …, will pay an official visit …" paragraph is
    a claim of its own; "Kept (Monday 19 April): … the signing of two documents",
    written on the 17th, is a signing to come; "more than 150 companies had signed up"
    signs nothing."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "Published: 16 April 2027\n\n"
        "1. At the invitation of the Prime Minister of the Republic of Korea, the Prime "
        "Minister of Mongolia, Sükhbaatar Altangerel, will pay an official visit to the "
        "Republic of Korea from 19 to 20 April 2027.\n\n"
        "Kept (Monday 19 April 2027): talks with the prime minister and the signing of "
        "two documents.\n\n"
        "More than 150 companies had signed up.\n")
    claims = {f.text[:12]: f for f in analyse([str(tmp_path)], RULES).facts
              if f.kind == "claim"}
    assert "visit" in claims["1. At the in"].attr("events")
    assert claims["Kept (Monday"].attr("modality") == "expected"
    assert "signing" not in claims["More than 15"].attr("events")


def test_a_byline_date_between_dashes_dates_the_text():
    from briefing.docdate import find_published

    day, how = find_published("Steppe Policy Notes — 17 April 2027 — by Enkhjin Tuvshin, "
                               "senior fellow\n\nPrime Minister Altangerel leaves on Monday.")
    assert (str(day), how) == ("2027-04-17", "dateline")


def test_a_text_in_force_for_years_and_a_government_named_like_a_chamber(tmp_path):
    """"the EU–Việt Nam FTA (EVFTA), which took effect on August 1, 2020" is recalled,
    not the event's agreement, beside "the EFTA–Viet Nam FTA" to be signed; "the
    Federal Council" in an article on Switzerland is its government, no chamber
    (gazetteer `executives`), and the two blocs' agreements are two texts."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "HANOI, 15 May 2027 - Vietnam and EFTA will sign the EFTA–Viet Nam FTA on 21 June. "
        "The Federal Council on Wednesday approved the signature for Switzerland.\n\n"
        "It will add to the EU–Việt Nam Free Trade Agreement (EVFTA), which took effect on "
        "August 1, 2020.\n")
    facts = analyse([str(tmp_path)], RULES).facts
    agreements = {f.value: f for f in facts if f.kind == "agreement"}
    assert agreements["EU–Việt Nam Free Trade Agreement"].attr("recalled") == "yes"
    assert not agreements["EFTA–Viet Nam FTA"].attr("recalled")
    main = next(f for f in facts if f.kind == "frame" and f.attr("main"))
    assert main.value == "EFTA–Viet Nam FTA"
    authorised = next(f for f in facts if f.kind == "claim" and "Federal Council" in f.text)
    assert not authorised.attr("legislatures")


def test_a_date_in_a_relative_clause_of_a_postponed_visit_is_the_former_one():
    """"has postponed the State Visit … which was scheduled to take place from 17 to 20
    May" gives the date given up; "He said talks were scheduled for May" does not."""
    assert "former_date" in LEX.cues.classes(
        "The President has postponed the State Visit which was scheduled to take place "
        "from 17 to 20 May.")
    assert "former_date" not in LEX.cues.classes("He said talks were scheduled for May.")


def test_a_sum_said_roughly_is_no_second_figure(tmp_path):
    """"about £6 billion" beside "£6.1 billion" is one sum said roughly; "$410 million"
    beside "$420 million" are two."""
    from briefing.pipeline import analyse

    def conflicts(a: str, b: str) -> list:
        folder = tmp_path / a[:8].strip()
        folder.mkdir()
        (folder / "a.txt").write_text(f"LONDON, 15 March 2027 - Bilateral trade between the two "
                                      f"countries was worth {a} last year.\n")
        (folder / "b.txt").write_text(f"BANGKOK, 16 March 2027 - Bilateral trade between the "
                                      f"two countries was worth {b} last year.\n")
        return [c for c in analyse([str(folder)], RULES).conflicts if c.slot.startswith("figure")]

    assert conflicts("about £6 billion", "£6.1 billion") == []
    assert len(conflicts("$410 million", "$420 million")) == 1


def test_a_sum_said_roughly_joins_its_precise_form(tmp_path):
    """"about 1.4 billion USD" and "$1.42 billion" are one figure, carried by both
    sources; "over $1.1 billion" is not "$1.07 billion", which is under it."""
    from briefing.pipeline import analyse

    def figures(a: str, b: str) -> list[tuple[str, tuple[str, ...]]]:
        folder = tmp_path / f"{a}-{b}".replace(" ", "").replace("$", "")
        folder.mkdir()
        (folder / "a.txt").write_text(f"LONDON, 15 March 2027 - Bilateral trade between the two "
                                      f"countries reached {a} last year.\n")
        (folder / "b.txt").write_text(f"BANGKOK, 16 March 2027 - Bilateral trade between the "
                                      f"two countries reached {b} last year.\n")
        return [(f.text, f.doc_ids) for f in analyse([str(folder)], RULES).facts
                if f.kind == "figure" and f.attr("measure") == "trade"]

    assert [(t, len(d)) for t, d in figures("about 1.4 billion USD", "$1.42 billion")] == [
        ("$1.42 billion", 2)]
    assert len(figures("over $1.1 billion", "$1.07 billion")) == 2
    assert len(figures("nearly $1.1 billion", "$1.07 billion")) == 1


def test_a_summit_on_a_range_of_days_starts_on_the_first_and_a_bylines_date():
    """"gather in Kigali on 23–24 April for the 26th Ordinary Summit" starts on the 23rd;
    "17 March 2027 · by Aline Nshimirimana · 6 min read" dates the text."""
    from briefing.docdate import find_published

    text = "EAC heads of state will gather in Kigali on 23–24 April for the 26th Ordinary Summit."
    doc = Document("d", "d", "", "", "", date(2027, 3, 17), "dateline", text,
                   split_sentences(text, load_cleaning(RULES)))
    claim = next(f for f in extract_document(doc, LEX) if f.kind == "claim")
    assert claim.attr("date_summit") == "2027-04-23"
    assert find_published("17 March 2027 · by Aline Nshimirimana · 6 min read\n\nLeaders "
                          "meet in April.") == (date(2027, 3, 17), "dateline")


def test_a_visit_begun_on_the_day_its_source_was_written_is_under_way(tmp_path):
    """"The visit runs from 16 to 18 March 2027", written on the 16th: the visit under
    way keeps its first day."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "BOGOTÁ, 16 March 2027 - The President of Colombia welcomed the King of the "
        "Netherlands. The state visit to Colombia runs from 16 to 18 March 2027.\n")
    events = [e for e in analyse([str(tmp_path)], RULES).facts if e.kind == "event"]
    assert [(e.attr("start"), e.attr("end")) for e in events] == [("2027-03-16", "2027-03-18")]


def test_a_sovereign_named_by_one_name():
    """"King Willem-Alexander", "Sultan Haitham" (facts.yaml sovereigns) are people;
    "King Street" is a street; "King Charles III" keeps its number."""
    people = lambda text: [(m.name, dict(m.attrs)["role"]) for m in find_people(text, LEX)]
    assert people("King Willem-Alexander arrived in Bogotá on Tuesday.") == [
        ("Willem-Alexander", "King")]
    assert people("Sultan Haitham met the delegation.") == [("Haitham", "Sultan")]
    assert people("He walked down King Street.") == []
    assert people("King Charles III spoke.") == [("Charles III", "King")]


def test_a_tally_naming_no_chamber_is_the_one_chambers_when_only_one_is_named(tmp_path):
    """"The Saeima ratified the treaty … by 58 votes to 21" and, in another source, "57
    deputies voted in favour and 22 against": one chamber alone is named, so the second
    tally is its vote too, and the two disagree."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text("RIGA, 10 June 2027 - The Saeima ratified the Investment "
                                    "Protection Agreement (IPA) with Indonesia by 58 votes to "
                                    "21 on Thursday.\n")
    (tmp_path / "b.txt").write_text("RIGA, 11 June 2027 - Latvia ratified the Investment "
                                    "Protection Agreement (IPA) with Indonesia on Thursday: 57 "
                                    "deputies voted in favour and 22 against.\n")
    conflicts = analyse([str(tmp_path)], RULES).conflicts
    assert any(c.slot.startswith("vote count") for c in conflicts)


def test_an_archive_story_is_one_dated_by_itself_a_year_before_the_newest(tmp_path):
    """A wire story whose dateline is five years before the others tells of its own day:
    background. A text whose date is only inferred (from the dates it recalls) is not
    made an archive story by that."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "QUITO, 17 March 2027 (Wire) - Ecuador and Peru will sign a railway agreement on 23 "
        "April.\n")
    (tmp_path / "b.txt").write_text(
        "TUMBES, 27 October 2022 (Wire) - Ecuador and Peru on Thursday signed an agreement "
        "to study a railway.\n")
    facts = analyse([str(tmp_path)], RULES).facts
    old = next(f for f in facts if f.kind == "claim" and f.doc_ids == ("b",))
    new = next(f for f in facts if f.kind == "claim" and f.doc_ids == ("a",))
    assert "background" in old.attr("cues").split(",")
    assert "background" not in new.attr("cues").split(",")


def test_a_date_only_inferred_makes_no_archive_story():
    """An analysis dated only by inference to a date it recalls ("27 October 2022") is no
    archive story; a wire whose dateline gives that date is."""
    from briefing.consolidate import _archived

    def doc(doc_id: str, day: date, how: str) -> Document:
        return Document(doc_id, doc_id, "", "", "", day, how, "text")

    documents = (doc("new", date(2027, 3, 18), "dateline"),
                 doc("wire", date(2022, 10, 27), "dateline"),
                 doc("analysis", date(2022, 10, 27), "inferred"))
    assert _archived(documents) == {"wire"}


def test_a_cue_is_added_once():
    """A fact marked background twice (by a rule's cue and by its recalled date) says
    so once, and keeps the cues it had."""
    from briefing.models import Fact

    fact = Fact("claim", "t", "t", "t", (), (("cues", "done"),))
    once = fact.with_cue("background")
    assert once.attr("cues") == "done,background"
    assert once.with_cue("background") is once
    assert Fact("claim", "t", "t", "t", ()).with_cue("background").attr("cues") == "background"


def test_extraction_leaves_the_collector_as_it_found_it():
    """Extraction pauses the collector's full passes and gives it back as it was."""
    import gc

    from briefing.extract import extract

    doc = Document("d", "d", "", "", "", date(2027, 3, 17), "dateline", "The pact was signed.",
                   split_sentences("The pact was signed.", load_cleaning(RULES)))
    assert gc.isenabled()
    extract((doc,), RULES)
    assert gc.isenabled()
    gc.disable()
    try:
        extract((doc,), RULES)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_consolidation_runs_without_the_collectors_full_passes(monkeypatch):
    """Consolidation, too, pauses the collector (its full passes walked every fact of a
    large run) and gives it back as it was."""
    import gc

    import briefing.consolidate as consolidation
    from briefing.extract import extract

    seen = []
    archived = consolidation._archived
    monkeypatch.setattr(consolidation, "_archived",
                        lambda docs: seen.append(gc.isenabled()) or archived(docs))
    doc = Document("d", "d", "", "", "", date(2027, 3, 17), "dateline", "The pact was signed.",
                   split_sentences("The pact was signed.", load_cleaning(RULES)))
    assert gc.isenabled()
    consolidation.consolidate((doc,), extract((doc,), RULES), RULES)
    assert seen == [False] and gc.isenabled()


@pytest.mark.parametrize("sentence, name", [
    ("They signed the Agreement between the Slovak Republic and the Lao People's Democratic "
     "Republic for the Promotion and Reciprocal Protection of Investments.",
     "Agreement between the Slovak Republic and the Lao People's Democratic Republic for the "
     "Promotion and Reciprocal Protection of Investments"),
    ("The Ulaanbaatar Metro Line 1 Financing Agreement will be signed in June.",
     "Ulaanbaatar Metro Line 1 Financing Agreement"),
    ("They signed the Agreement between Japan and Peru for an Economic Partnership on Monday.",
     "Agreement between Japan and Peru for an Economic Partnership"),
    ("The 2013 Foreign Investment Promotion and Protection Agreement ends in March.",
     "Foreign Investment Promotion and Protection Agreement"),
])
def test_agreement_names_with_a_people_s_republic_a_number_or_for_an(sentence, name):
    assert [m.name for m in find_agreements(sentence, LEX)] == [name]


@pytest.mark.parametrize("sentence", ["Under Article 17 of the Agreement, either party may end it.",
                                      "Articles 39 and 40 of the Convention apply.",
                                      "Under the EU's Trade Agreement, tariffs fall."])
def test_an_article_number_or_a_possessive_makes_no_agreement_name(sentence):
    assert find_agreements(sentence, LEX) == []


def test_a_continents_people_name_no_country():
    """"a Latin American country", "the North American market": no United States."""
    for text in ["its first trade agreement with a Latin American country",
                 "exporters to the North American and South American markets"]:
        assert find_places(text, LEX) == []
    assert [m.name for m in find_places("an American official said", LEX)] == ["United States"]


@pytest.mark.parametrize("sentence, name", [
    ("They signed the Memorandum of Understanding on a Critical Raw Materials Partnership.",
     "Memorandum of Understanding on a Critical Raw Materials Partnership"),
    ("It follows the Joint Declaration of Intent on an Enhanced Strategic Partnership.",
     "Joint Declaration of Intent on an Enhanced Strategic Partnership")])
def test_an_agreement_name_goes_on_past_on_a(sentence, name):
    assert [m.name for m in find_agreements(sentence, LEX)] == [name]


def test_some_of_a_count_is_not_compared_and_exercises_are_counted(tmp_path):
    """"six other cooperation documents" is part of the documents signed, not their
    number; "up to six joint exercises" against "eight exercises" is a disagreement."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text("RIGA, 15 March 2027 - The two ministers signed two "
                                    "agreements and six other documents on Tuesday. The pact "
                                    "allows six joint exercises a year.\n")
    (tmp_path / "b.txt").write_text("VILNIUS, 16 March 2027 - The presidents witnessed the "
                                    "signing of ten documents on Tuesday. The pact allows "
                                    "eight joint exercises a year.\n")
    facts = analyse([str(tmp_path)], RULES)
    assert [c.slot for c in facts.conflicts if c.slot.startswith("count")] == [
        "count of exercises"]


def test_an_act_named_as_the_point_dates_are_counted_from_takes_no_date(tmp_path):
    """"Chile will cut duties on the date of entry into force, … reaching zero on January
    1, 2031": 2031 is no entry into force."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text("SANTIAGO, 5 February 2028 - Chile will eliminate duties "
                                    "on 92 percent of tariff lines on the date of entry into "
                                    "force, and on the rest in three annual cuts, reaching zero "
                                    "on January 1, 2031.\n")
    events = [f for f in analyse([str(tmp_path)], RULES).facts if f.kind == "event"]
    assert not any(f.attr("event") == "entry_into_force" for f in events)


def test_a_text_a_country_is_a_member_of_is_not_the_articles(tmp_path):
    """A wire that never names the FTA it reports, ending "Chile … is a member of the
    Comprehensive and Progressive Agreement for Trans-Pacific Partnership (CPTPP)": its
    "the agreement" is not the CPTPP."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "MANILA, Feb 1 2028 (Wire) - A free trade agreement between the Philippines and Chile "
        "will enter into force on March 1.\n\nThe agreement, signed in Santiago in October "
        "2026, cleared Chile's Congress in November.\n\nChile is a member of the Comprehensive "
        "and Progressive Agreement for Trans-Pacific Partnership (CPTPP).\n")
    (tmp_path / "b.txt").write_text(
        "MANILA, 2 February 2028 - The Philippines–Chile Free Trade Agreement enters into "
        "force on 1 March.\n")
    facts = analyse([str(tmp_path)], RULES).facts
    cptpp = [f for f in facts if f.kind == "agreement" and f.attr("acronym") == "CPTPP"]
    assert cptpp and cptpp[0].attr("recalled") == "yes"
    assert not any(f.kind == "claim" and f.attr("agreement") == cptpp[0].key for f in facts)


@pytest.mark.parametrize("text, outlet", [
    ("# A cable across the Atlantic\n\n*Atlantic Energy Review — Analysis*\n*By Inês F.*\n",
     "Atlantic Energy Review"),
    ("# The easy part is done\n\n**Asia Trade Brief** · Weekly newsletter · 21 September 2027\n",
     "Asia Trade Brief"),
    ("# Title\n\n*By Daniel Okafor*\n", ""),                      # a byline
    ("# Title\n\n*12 March 2027*\n", ""),                          # a date
    ("# Title\n\n*Summit preview: a treaty and some empty chairs?*\n", ""),  # a dek
    ("# Title\n\n*Analysis*\n", ""),                               # the kind of piece
])
def test_a_markdown_article_names_its_outlet_in_emphasis_under_its_title(tmp_path, text, outlet):
    from briefing.ingest import ingest

    (tmp_path / "a.md").write_text(text + "\nThe treaty was signed in Rabat on Monday.\n")
    assert ingest([str(tmp_path)], RULES).documents[0].outlet == outlet


def test_a_speaker_at_the_end_of_a_sentence_keeps_no_full_stop():
    found = find_quotes('"We have no assurance at all where these electrons come from," said '
                        "Left Bloc MP Joana Carvalheira.", LEX)
    assert [dict(m.attrs)["speaker"] for m in found] == ["Left Bloc MP Joana Carvalheira"]


def test_territories_that_sign_texts_in_their_own_name_are_places():
    """A CARICOM member territory, a Pacific state in free association, Greenland: each
    can be a party; "the Strait of Gibraltar" names no party."""
    text = ("Haiti, Montserrat and the Cook Islands did not sign; Greenland did, and a ferry "
            "crosses the Strait of Gibraltar.")
    assert [m.name for m in find_places(text, LEX)] == [
        "Haiti", "Montserrat", "Cook Islands", "Greenland"]


@pytest.mark.parametrize("sentence, entry", [
    # counted from the exchange, whose day the sentence gives: no entry-into-force day
    ("The treaty will enter into force on the thirtieth day after the exchange of "
     "instruments, which will take place in Accra on July 14.", None),
    # …unless it says the day so counted
    ("The treaty will enter into force on the thirtieth day after the exchange, on 30 May.",
     "2027-05-30"),
    # a text's provisions applying from a day is not its entry into force
    ("It enters into force 30 days after the exchange, and its provisions will apply from "
     "1 January 2028.", None),
])
def test_an_entry_into_force_counted_from_another_act(tmp_path, sentence, entry):
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(f"ACCRA, 7 March 2027 - {sentence}\n")
    claim = next(f for f in analyse([str(tmp_path)], RULES).facts if f.kind == "claim")
    assert (claim.attr("date_entry_into_force") or None) == entry


@pytest.mark.parametrize("sentence, hosts", [
    ("At the invitation of Deputy Prime Minister and Minister of Foreign Affairs of Viet Nam "
     "Nguyen Duc Thanh, Minister of Foreign Affairs of the Czech Republic Tomas Vrba paid an "
     "official visit to Viet Nam from 14 to 16 September 2027.", "Nguyen Duc Thanh"),
    ("At the invitation of the Prime Minister of the Republic of Korea, His Excellency Mr. "
     "Sukhbaatar Altangerel, Prime Minister of Mongolia, will pay an official visit to the "
     "Republic of Korea from 19 to 20 April 2027.", ""),
])
def test_the_host_named_with_a_title_after_at_the_invitation_of(tmp_path, sentence, hosts):
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(f"HANOI, 15 September 2027 - {sentence}\n")
    claim = next(f for f in analyse([str(tmp_path)], RULES).facts if f.kind == "claim")
    assert claim.attr("hosts") == hosts


def test_a_strike_threatened_is_a_strike_not_a_meeting(tmp_path):
    """"dockers would stop work for 72 hours from … Saturday 20 March if their demands
    are not met": a strike on the agenda; "not met" is no meeting."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "LOME, 9 March 2027 - The dockers' union said dockers would stop work for 72 hours "
        "from Saturday 20 March if their demands are not met.\n")
    events = [f for f in analyse([str(tmp_path)], RULES).facts if f.kind == "event"]
    assert [(f.attr("event"), f.attr("start")) for f in events] == [("strike", "2027-03-20")]


def test_a_first_line_naming_the_kind_of_document_is_no_outlet(tmp_path):
    from briefing.ingest import ingest

    (tmp_path / "a.txt").write_text(
        "JOINT PRESS STATEMENT\n\nUnited Kingdom and Canada conclude free trade negotiations\n\n"
        "OTTAWA, 9 February 2028 - The two governments concluded negotiations today.\n")
    (tmp_path / "b.txt").write_text(
        "THE HARBOUR REVIEW\n\nPort deal signed after two years of talks\n\n"
        "LOME, 3 March 2027 - The concession was signed today.\n")
    read = {d.id: (d.outlet, d.title) for d in ingest([str(tmp_path)], RULES).documents}
    # the kind of document stands above the headline as a masthead does, naming no one
    assert read == {"a": ("", "United Kingdom and Canada conclude free trade negotiations"),
                    "b": ("THE HARBOUR REVIEW", "Port deal signed after two years of talks")}


@pytest.mark.parametrize("sentence, name, role", [
    ("His Excellency Alassane-Koffi N'Guessan, President of the Republic of Côte d'Ivoire, "
     "will undertake a State Visit.", "Alassane-Koffi N'Guessan",
     "President of the Republic of Côte d'Ivoire"),
    ("Foreign Minister Sean O'Brien said the talks went well.", "Sean O'Brien",
     "Foreign Minister")])
def test_names_and_countries_with_an_apostrophe(sentence, name, role):
    assert [(m.name, dict(m.attrs)["role"]) for m in find_people(sentence, LEX)] == [(name, role)]


def test_a_change_and_an_archive_storys_figure_are_no_rival_levels(tmp_path):
    """"could add $2.5 billion to exports" is a change, not exports of $2.5 billion; a
    story of two years before giving that year's trade is of its own time."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "RIYADH, 15 March 2028 - Bilateral trade between Pakistan and the GCC stood at $22.8 "
        "billion in 2027. Pakistani exports to the GCC reached $4.1 billion last year.\n")
    (tmp_path / "b.txt").write_text(
        "KARACHI, 16 March 2028 - The FTA could add $2.5 billion to Pakistani exports to the "
        "GCC within five years, the chamber said.\n")
    (tmp_path / "c.txt").write_text(
        "ISLAMABAD, 10 March 2026 - Bilateral trade between Pakistan and the GCC was worth "
        "about $17.6 billion in 2025.\n")
    assert [c for c in analyse([str(tmp_path)], RULES).conflicts
            if c.slot.startswith("figure")] == []


def test_an_in_force_date_before_the_signing_is_another_texts(tmp_path):
    """A protocol signed in 2027 to amend a treaty "in force since 16 June 1993": not in
    force since 1993."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "ACCRA, 13 April 2027 - Ghana and Switzerland signed the Protocol amending the "
        "Agreement on Investments on 13 April 2027.\n\nThe Agreement on Investments has been "
        "in force since 16 June 1993.\n")
    (tmp_path / "b.txt").write_text(
        "ZURICH, 14 April 2027 - The Protocol amending the Agreement on Investments was signed "
        "in Accra on 13 April 2027.\n")
    frames = [f for f in analyse([str(tmp_path)], RULES).facts if f.kind == "frame"]
    assert frames and not any(f.attr("in_force_date") < f.attr("signed_date")
                              for f in frames if f.attr("in_force_date"))


def test_a_keynote_delivered_is_no_delivery_and_a_plan_given_up_is_a_former_date():
    events = LEX.events.classes("On 12 October the President will deliver the keynote address "
                                "at the business forum.")
    assert "delivery" not in events
    assert "delivery" in LEX.events.classes("The first frigate will be delivered in 2028.")
    assert "former_date" in LEX.cues.classes("Kalogeropoulos was to arrive in New Delhi on "
                                             "Wednesday evening and hold talks on Thursday.")


def test_a_courtesy_title_without_a_full_stop_is_no_part_of_the_name():
    """British style writes "Mr Stavros Kalogeropoulos": the name is Stavros
    Kalogeropoulos (a note's title had read "Mr Stavros Kalogeropoulos: visit to …")."""
    found = find_people("The Prime Minister, Mr Stavros Kalogeropoulos, will pay an official "
                        "visit to India.", LEX)
    assert [m.name for m in found] == ["Stavros Kalogeropoulos"]


@pytest.mark.parametrize("sentence, found", [
    ("The government will submit the agreement to the Riigikogu in May.", True),
    ("The Romanian side will submit the Agreement to the Parliament of Romania.", True),
    ("The Treaty will be submitted to the Beninese people.", True),
    ("It will be submitted to the two Heads of Government for adoption.", False),
    ("The plenary voted to send the bill back to the Council of Ministers.", False)])
def test_a_submission_to_come_to_a_body_of_any_name(sentence, found):
    """facts.yaml `to_submit`: a body of a kind every country has, or one named by its
    own name — no list of particular legislatures."""
    assert ("to_submit" in LEX.cues.classes(sentence)) == found


@pytest.mark.parametrize("sentence, found", [
    ("The agreement will subsequently be submitted to the Senate.", True),
    ("The government will submit the newly signed transit agreement to parliament.", True),
    ("Government will table the newly signed rail and road transit agreement in June.", True),
    ("The bill was submitted by the Council of Ministers on 28 April.", True),
    ("The association would submit written evidence to the committee next Tuesday.", False),
    ("Each party must submit a national action plan by March.", False)])
def test_a_submission_is_of_a_text(sentence, found):
    """What is submitted is the text ("the agreement", "the bill", "it"), not anyone's
    evidence or plan: those are no submission to parliament on the agenda."""
    assert ("submission" in LEX.events.classes(sentence)) == found


@pytest.mark.parametrize("sentence, term", [
    ("The government signed a 30-year concession for the bulk terminal.", (30, "term")),
    ("The lease of the container terminal runs for 25 years, the ministry said.", (25, "term")),
    ("The agreement is valid for five years and renewable.", (5, "term")),
    ("It cuts the protection (the \"sunset clause\") from twenty years to ten years.",
     (10, "sunset period")),
    ("What the 15-year sunset means for investors", (15, "sunset period")),
    # no term: a duration of something else, or of the old text
    ("The talks lasted 18 months.", None),
    ("The agreement, which took five years to negotiate, was signed on Monday.", None),
    ("It replaces the original 20-year lease.", None),
    ("The 20-year-old treaty is still in force.", None),
    # a visitor's stay
    ("Citizens may stay for a period not exceeding 30 (thirty) days from entry.", (30, "stay")),
    ("Indonesians will be able to spend up to 90 days in Uzbekistan.", (90, "stay")),
    ("The treaty enters into force 30 days after the exchange of notes.", None),
    # how long after its notice a withdrawal takes effect
    ("The withdrawal takes effect six months after notification.", (6, "notice period")),
    ("Withdrawal shall take effect twelve months after receipt of the notice.",
     (12, "notice period")),
])
def test_a_duration_beside_what_it_is_the_term_of(sentence, term):
    found = [(int(f.amount), f.measure) for f in find_figures(sentence, LEX)
             if f.unit in {"years", "months", "weeks", "days"}]
    assert found == ([term] if term else [])


def test_two_terms_of_one_concession_are_a_question_not_a_rounding(tmp_path):
    """"a 30-year concession" and "a 25-year concession" of one terminal disagree: 25 is
    no 30 said roughly, as "about £6 billion" is "£6.1 billion"."""
    from briefing.pipeline import analyse

    def conflicts(a: str, b: str) -> list:
        folder = tmp_path / f"{a[:2]}-{b[:2]}"
        folder.mkdir()
        (folder / "a.txt").write_text(f"LOME, 3 March 2027 - Togo signed a {a} concession for "
                                      "the bulk terminal at the port of Lome.\n")
        (folder / "b.txt").write_text(f"ACCRA, 4 March 2027 - The company signed a {b} "
                                      "concession to run the bulk terminal at the port.\n")
        return [(c.slot, [v for v, _ in c.values]) for c in
                analyse([str(folder)], RULES).conflicts if c.slot.startswith("length")]

    assert conflicts("30-year", "25-year") == [("length of term", ["30 years", "25 years"])]
    assert conflicts("30-year", "30-year") == []


def test_the_other_party_notes_are_exchanged_with_is_elsewhere():
    found = LEX.phrases.finditer("elsewhere", "Manila expects the exchange of diplomatic notes "
                                 "with Prague within the first half of the year.")
    assert [m.group("place") for m in found] == ["Prague"]


def test_where_a_speaker_has_just_been_is_elsewhere():
    """"…, the minister said on his return from Maputo": not where the event is."""
    found = LEX.phrases.finditer("elsewhere", "The agreement will be tabled on 4 June, the "
                                 "minister said on his return from Maputo on Wednesday.")
    assert [m.group("place") for m in found] == ["Maputo"]


def test_two_rates_of_one_fee_are_a_question_and_no_part_of_a_sum(tmp_path):
    """"a single transit fee of about $4.50 a tonne" against "$5.40 per tonne … and a
    flat road charge of US$35 per truck": two rates of one fee disagree; the larger rate
    beside it is another fee's, not a sum the rate is part of."""
    facts = _analysed(
        tmp_path,
        "MAPUTO, 9 March 2027 - Cargo will pay a single rail "
        "transit fee of about $4.50 a tonne under the agreement.\n",
        "LILONGWE, 10 March 2027 - The agreement sets a single "
        "rail transit fee of US$5.40 per tonne and a flat road "
        "transit charge of US$35 per truck.\n",
    )
    conflicts = [(c.slot, [v for v, _ in c.values])
                 for c in facts.conflicts]
    assert conflicts == [("figure of fee", ["$4.50 per tonne", "$5.40 per tonne"])]


def test_a_leader_meeting_a_speaker_or_a_diaspora_holds_no_summit():
    assert "summit" not in LEX.events.classes(
        "On 18 May, President Mbaye will meet the Speaker of the Grand National Assembly.")
    assert "summit" not in LEX.events.classes(
        "The President will also meet members of the Senegalese community.")
    assert "summit" in LEX.events.classes("President Mbaye will meet President Karaca.")
    assert "summit" not in LEX.events.classes(
        "Khoa is scheduled to meet business leaders in New York on Wednesday.")


def test_a_text_signed_years_before_a_visit_is_its_background(tmp_path):
    """A state visit's sources recall "the Trade and Economic Cooperation Agreement
    signed in Dakar in January 2018" and name no other: an earlier text, not the
    visit's agreement heading the note."""
    from briefing.assemble import assemble
    from briefing.rules import load_rules

    facts = _analysed(
        tmp_path,
        "DAKAR, 10 May 2027 - President Ba will pay a state visit to Turkey from 17 to 19 "
        "May. The two presidents will review the Trade and Economic Cooperation Agreement "
        "signed in Dakar in January 2018.\n",
        "ANKARA, 11 May 2027 - The Trade and Economic Cooperation Agreement signed in Dakar "
        "in January 2018 created a joint commission that rarely met. President Ba arrives "
        "in Ankara on 17 May.\n",
    )
    brief = assemble(facts, load_rules(RULES), as_of=date(2027, 5, 12), audience="analyst")
    items = {s.name: [i.text for i in s.items] for s in brief.sections}
    assert not any("Trade and Economic Cooperation" in t for t in items["Agreement"])
    assert any(t.startswith("Earlier text: **Trade and Economic Cooperation Agreement**")
               and "signed in Dakar in January 2018" in t for t in items["Context"])


def test_front_matter_gives_title_outlet_and_date_and_a_correction_note_no_fact(tmp_path):
    from briefing.pipeline import analyse

    (tmp_path / "a.md").write_text(
        '---\ntitle: "Parliament consents to readmission agreement"\npublisher: Parliament '
        "Press Office\ndate: 2027-03-11\n---\n\n# Parliament consents to readmission "
        "agreement\n\nParliament on Thursday consented to the agreement by 98 votes to 67.\n\n"
        "*Correction: An earlier version of this article stated that the vote took place on "
        "Wednesday.*\n")
    facts = analyse([str(tmp_path)], RULES)
    doc = facts.documents[0]
    assert (doc.title, doc.outlet, doc.published, doc.published_how) == (
        "Parliament consents to readmission agreement", "Parliament Press Office",
        date(2027, 3, 11), "metadata")
    assert "---" not in doc.text and "earlier version" not in doc.text


def test_a_text_ready_for_signing_or_that_could_be_signed_is_neither_signed_nor_planned(tmp_path):
    facts = _analysed(
        tmp_path,
        "COLOMBO, 9 March 2027 - The Naval Port Access Arrangement with Australia is ready "
        "for signing, a foreign ministry spokesman said on Tuesday. A fifth round would be "
        "held in Canberra in April, after which the Naval Port Access Arrangement could be "
        "signed, he said.\n",
        "CANBERRA, 10 March 2027 - Australia said on Wednesday that talks on the Naval Port "
        "Access Arrangement with Sri Lanka had not been concluded, a day after Colombo "
        "described the text as ready for signing.\n",
    )
    frames = [f for f in facts.facts if f.kind == "frame"
              and f.attr("type")]
    assert frames and not any(f.attr("signed_date") or f.attr("signing_date") for f in frames)


def test_a_preview_of_a_vote_since_held_and_talks_of_no_one_leave_the_agenda(tmp_path):
    """A preview of the day before ("Parliament will vote on Thursday on …") is
    overtaken by the sources reporting the vote; "a similar deal … is under discussion
    …, due in May" names no talks anyone holds."""
    from briefing.assemble import assemble
    from briefing.rules import load_rules

    facts = _analysed(
        tmp_path,
        "COPENHAGEN, 10 March 2027 - Denmark's parliament will vote on Thursday on the "
        "Readmission Agreement with Ghana, a deal rights groups oppose.\n",
        "COPENHAGEN, 11 March 2027 - Denmark's parliament on Thursday approved the "
        "Readmission Agreement with Ghana by 98 votes to 67. The Readmission Agreement was "
        "signed in Accra on 5 October 2026. A similar deal with Sierra Leone is under "
        "discussion, and the migration strategy is due in May.\n",
    )
    brief = assemble(facts, load_rules(RULES), as_of=date(2027, 3, 12), audience="analyst")
    agenda = [i.text for s in brief.sections if s.name == "Agenda" for i in s.items]
    assert not any("will vote on Thursday" in t or "talks" in t for t in agenda)


@pytest.mark.parametrize("sentence, talks", [
    ("The Commission said it would publish the texts of the negotiated chapters by June 30.",
     False),
    ("The charge could not be changed without reopening talks, a spokesperson said.", False),
    ("Talks will resume in Canberra in April.", True),
    ("The two sides negotiated for three years.", True),
])
def test_a_thing_negotiated_or_talks_a_condition_names_are_no_talks(sentence, talks):
    assert ("talks" in LEX.events.classes(sentence)) == talks


def test_a_treaty_named_after_a_place_is_not_held_there():
    """"the Panama Convention" names where it was adopted, not where its entry into force
    or its signing is; "Japan–Bangladesh …" names its parties, "… Port of Lomé" a port."""
    doc = Document(id="a", path="a.txt", title="", outlet="", url="",
                   published=date(2027, 3, 14), published_how="dateline",
                   text="The Panama Convention on Plastic Pollution enters into force on 10 "
                        "July.",
                   sentences=())
    doc = Document(**{**doc.__dict__, "sentences": split_sentences(doc.text,
                                                                   load_cleaning(RULES))})
    claim = next(f for f in extract_document(doc, LEX) if f.kind == "claim")
    assert "Panama" not in claim.items("places")


@pytest.mark.parametrize("sentence", [
    "The group also urged the government not to sign any defence agreement during the visit.",
    "Farm groups on Tuesday urged senators to reject the trade agreement.",
    "Unions are calling on ministers to block the deal at the Council next Monday.",
])
def test_an_act_urged_is_demanded_neither_done_nor_planned(sentence):
    assert LEX.modality.first(sentence) == "demanded"


@pytest.mark.parametrize("text, unit", [
    ("COLOMBO, 9 March 2027 - Sri Lanka's navy earned 1.4 billion rupees from foreign "
     "vessels in 2026, Sri Lankan officials said.", "LKR"),
    ("NEW DELHI, 9 March 2027 - India will spend 1.4 billion rupees on the port.", "INR"),
    ("MEXICO CITY, 9 March 2027 - Mexico will invest 2 billion pesos in the rail link.",
     "MXN"),
    ("RABAT, 9 March 2027 - The cable to Morocco is estimated at 19.6 billion dirhams.",
     "MAD"),
])
def test_a_currency_word_several_countries_share_is_the_articles_countrys(tmp_path, text, unit):
    facts = _analysed(tmp_path, text + "\n")
    figures = [f for f in facts.facts if f.kind == "figure"]
    assert [f.attr("unit") for f in figures] == [unit]


@pytest.mark.parametrize("sentence, modality", [
    ("But none of the three operators has yet signed a binding capacity booking.", "pending"),
    ("As of last night the law had not been signed.", "pending"),
    ("The minister rejected the criticism.", "asserted"),
    ("The ministry rejected the reports as false.", "denied"),
])
def test_a_signing_not_yet_done_is_pending_and_criticism_rejected_no_denial(sentence, modality):
    assert (LEX.modality.first(sentence) or "asserted") == modality


def test_a_loan_is_a_loan_not_aid_and_reserves_no_imports():
    found = find_figures("The bank approved a senior loan of up to 850 million euros.", LEX)
    assert [f.measure for f in found] == ["loan"]
    found = find_figures("Foreign exchange reserves stood at US$157.8 billion, equivalent to "
                         "financing 6.5 months of imports.", LEX)
    assert [f.measure for f in found] == ["reserves"]


def test_a_count_with_a_models_name_and_a_dateline_with_its_country():
    found = find_figures("Manila will buy 12 M-380 Sparviero advanced jet trainers.", LEX)
    assert [(f.amount, f.unit) for f in found] == [(12, "trainers")]
    assert trim_sentence("CLARK FREEPORT, Philippines, March 5 (Archipelago Press Agency) - "
                         "The Philippines signed the deal.") == "The Philippines signed the deal."


def test_the_parties_to_an_agreement_are_a_group_not_the_agreement():
    assert find_agreements("Under the Parties to the Nauru Agreement vessel day scheme, "
                           "Kiribati sells fishing days.", LEX) == []


def test_the_latest_chambers_act_is_the_news_and_the_other_partys_is_also_ratified(tmp_path):
    """The Czech lower house's vote of 10 March beside "Japan's Diet approved the
    agreement in December 2026": approved by the Chamber of Deputies, also by the Diet
    — not "approved by the Diet on 10 March (112–41)"."""
    facts = _analysed(
        tmp_path,
        "PRAGUE, 10 March 2027 - The Chamber of Deputies on Wednesday approved the "
        "Acquisition and Cross-Servicing Agreement with Japan by 112 votes to 41.\n",
        "TOKYO, 11 March 2027 - Japan's Diet approved the Acquisition and Cross-Servicing "
        "Agreement in December 2026, and Tokyo welcomed the Czech vote.\n",
    )
    frame = next(f for f in facts.facts if f.kind == "frame"
                 and f.attr("main"))
    assert (frame.attr("ratified_by"), frame.attr("ratified_date"), frame.attr("vote")) == (
        "Chamber of Deputies", "2027-03-10", "112–41")
    assert frame.attr("also_ratified") == "Diet=2026-12"


@pytest.mark.parametrize("sentence, held", [
    ("The navy had been consulted throughout the talks, he said.", True),
    ("Monitoring was discussed in committee, according to the report.", True),
    ("The premier held talks with his counterpart on Monday.", True),
    ("The premier will hold talks with his counterpart on Monday.", False),
    ("After the talks, the two governments plan to sign a loan agreement.", False),
])
def test_talks_told_as_held_ask_nothing_of_what_they_will_produce(sentence, held):
    assert ("talks_held" in LEX.cues.classes(sentence)) == held


def test_applications_submitted_for_a_day_and_a_deferral_thought_possible_move_nothing(tmp_path):
    facts = _analysed(
        tmp_path,
        "JAKARTA, 27 May 2027 - The visa waiver agreement enters into force on 1 June 2027. "
        "Applications for e-visas submitted by Indonesian citizens for travel on or after 1 "
        "June 2027 will no longer be processed.\n",
        "MAPUTO, 9 March 2027 - Leaders meet at the summit in Maputo on 17 March 2027. \"It "
        "is possible that leaders sign the declaration but defer the protocol to the August "
        "summit,\" a diplomat said.\n",
    )
    events = {f.attr("start"): f for f in facts.facts
              if f.kind == "event"}
    assert events["2027-06-01"].attr("event") == "entry_into_force"
    assert not any(e.attr("moved") or e.attr("replaced") for e in events.values())


def test_each_act_of_a_gazettes_chain_takes_the_date_written_after_it(tmp_path):
    """"signed in the city of Lima, Republic of Peru, on 16 May 2025, approved by
    Legislative Resolution No. 32412 of 18 March 2027 and ratified by Supreme Decree No.
    019-2027-RE of 6 May 2027, published … on 7 May 2027, entered into force on 13 June
    2027": each date had slid to the act after it."""
    facts = _analysed(
        tmp_path,
        "LIMA, 14 June 2027 - The Agreement between Peru and Germany on Double Taxation, "
        "signed in the city of Lima, Republic of Peru, on 16 May 2025, approved by "
        "Legislative Resolution No. 32412 of 18 March 2027 and ratified by Supreme Decree No. "
        "019-2027-RE of 6 May 2027, published in the Official Gazette on 7 May 2027, entered "
        "into force on 13 June 2027.\n",
    )
    claim = next(f for f in facts.facts
                 if f.kind == "claim" and "Legislative Resolution" in f.text)
    assert [claim.attr(f"date_{e}") for e in (
        "signing", "approval", "ratification", "entry_into_force")] == [
        "2025-05-16", "2027-03-18", "2027-05-06", "2027-06-13"]


def test_a_call_on_a_weekday_demands_nothing():
    assert LEX.modality.first("The presidents spoke in a phone call on Thursday in which they "
                              "agreed to work towards a trade agreement.") != "demanded"
    assert LEX.modality.first("Unions called on the government to reject the deal.") == \
        "demanded"


def test_a_dateline_in_figures_before_a_dash():
    from briefing.docdate import find_published

    assert find_published("Hanoi, 16/6/2027 - The two prime ministers met on Tuesday.",
                          "Title") == (date(2027, 6, 16), "dateline")


def test_a_mastheads_date_before_the_kind_of_piece():
    """"**Correio do Planalto** — Friday, 12 February 2027 — Brief": the date is the
    item's (it had been inferred from "on Thursday" a month later)."""
    from briefing.docdate import find_published

    assert find_published("Text.", "Title", lead="**Correio do Planalto** — Friday, 12 "
                          "February 2027 — Brief\n\nText.") == (date(2027, 2, 12), "dateline")


def test_a_ministry_of_roads_or_construction_is_a_role():
    found = find_people("It was signed by Iran's Minister of Roads and Urban Development "
                        "Farhad Rezaei and Serbia's Minister of Construction, Transport and "
                        "Infrastructure Dragana Milovanović.", LEX)
    assert [(m.name, dict(m.attrs)["role"]) for m in found] == [
        ("Farhad Rezaei", "Minister of Roads and Urban Development"),
        ("Dragana Milovanović", "Minister of Construction, Transport and Infrastructure")]


def test_a_readouts_items_say_what_the_leaders_did(tmp_path):
    """"During the call, the two leaders:" / "- agreed to work towards a trade agreement
    …;": each item is a claim of its own (a list under "The headline:" is not)."""
    facts = _analysed(
        tmp_path,
        "BRASILIA, 11 February 2027 - President Duarte spoke by telephone with President "
        "Wibisono. During the call, the two leaders:\n\n- agreed to work towards a trade "
        "agreement between Indonesia and Mercosur;\n\n- noted that the trade minister will "
        "travel to Brasília on 8 March.\n",
    )
    claims = [f.text for f in facts.facts if f.kind == "claim"]
    assert any(c.startswith("- agreed to work towards a trade agreement") for c in claims)


def test_a_text_signed_long_ago_that_a_party_now_leaves_is_the_news(tmp_path):
    """"notified Senegal that it will withdraw from the Agreement on Fisheries
    Cooperation, signed in Nouakchott on 14 June 1983": the text is the event's, not an
    earlier text recalled."""
    from briefing.pipeline import analyse

    for name, text in (("a", "DAKAR, 3 February 2027 - Mauritania on Tuesday notified Senegal "
                              "that it will withdraw from the Agreement on Fisheries "
                              "Cooperation, signed in Nouakchott on 14 June 1983."),
                       ("b", "NOUAKCHOTT, 4 February 2027 - The withdrawal from the "
                              "Agreement on Fisheries Cooperation, signed on 14 June 1983, "
                              "takes effect on 2 February 2028, the government said.")):
        (tmp_path / f"{name}.txt").write_text(text + "\n")
    frame = next(f for f in analyse([str(tmp_path)], RULES).facts if f.kind == "frame"
                 and f.attr("main"))
    assert frame.attr("signed_date") == "1983-06-14" and not frame.attr("recalled")


def test_a_convention_cited_as_the_law_to_keep_to_is_no_text_of_the_event(tmp_path):
    """"disputes to be resolved in accordance with international law, especially the
    1982 United Nations Convention on the Law of the Sea (UNCLOS)": a norm invoked; it
    had headed a state visit's note, signed on the day of a missile deal."""
    facts = _analysed(
        tmp_path,
        "HANOI, 16 June 2027 - The two sides called for disputes to be resolved peacefully "
        "in accordance with international law, especially the 1982 United Nations "
        "Convention on the Law of the Sea (UNCLOS).\n",
    )
    agreements = [f for f in facts.facts if f.kind == "agreement"]
    assert agreements and all(f.attr("recalled") for f in agreements)


def test_a_meeting_that_could_take_place_or_is_proposed_is_not_confirmed(tmp_path):
    facts = _analysed(
        tmp_path,
        "JAKARTA, 27 May 2027 - An official said the first meeting of the business council "
        "could take place in Samarkand in September, but no date had been fixed.\n",
    )
    events = [f for f in facts.facts if f.kind == "event"]
    assert [(e.attr("start"), e.attr("tentative")) for e in events] == [("2027-09", "yes")]
    assert LEX.modality.first("Senegal has proposed an extraordinary meeting of the joint "
                              "commission in Dakar.") == "possible"


def test_a_text_whose_name_carries_an_old_year_is_invoked_not_the_news(tmp_path):
    """"the powers that the Treaty of Montevideo of 1980 grants": an old framework
    invoked, not the agreement signed this week; "… ratified the 2015 Paris Agreement":
    an act on it, the news."""
    facts = _analysed(
        tmp_path,
        "ASUNCION, 5 March 2027 - Paraguay and Mexico on Thursday signed the Economic "
        "Complementation Agreement No. 84. It uses the powers that the Treaty of Montevideo "
        "of 1980 grants to the member countries.\n",
    )
    agreements = {f.value: f for f in facts.facts
                  if f.kind == "agreement"}
    assert agreements["Treaty of Montevideo"].attr("recalled") == "yes"
    assert find_agreements("Congress ratified the 2015 Paris Agreement on Tuesday.", LEX)[0] \
        .attrs and dict(find_agreements("Congress ratified the 2015 Paris Agreement on "
                                        "Tuesday.", LEX)[0].attrs)["year"] == "2015"


def test_the_first_of_january_of_two_years_are_two_events(tmp_path):
    facts = _analysed(
        tmp_path,
        "ACCRA, 12 June 2027 - Leaders will hold a summit in Accra on 1 January 2035 to "
        "launch the single currency. Ministers will hold a meeting in Abuja on 1 January "
        "2029 to review the roadmap.\n",
    )
    starts = sorted(f.attr("start") for f in facts.facts
                    if f.kind == "event")
    assert starts == ["2029-01-01", "2035-01-01"]


def test_a_cabinets_approval_dates_no_ratification(tmp_path):
    facts = _analysed(
        tmp_path,
        "ACCRA, 15 September 2027 - Ghana and Korea signed the Intergovernmental Agreement "
        "on the Nsuban plant on Tuesday. Cabinet approved the draft Intergovernmental "
        "Agreement in August.\n",
    )
    frames = [f for f in facts.facts if f.kind == "frame"]
    assert frames and not any(f.attr("ratified_date") for f in frames)


def test_unlikely_before_a_date_bounds_it():
    assert "earliest" in LEX.cues.classes(
        "Entry into force is unlikely before the second half of 2027, officials said.")


def test_a_quote_inside_a_longer_one_is_no_second_wording(tmp_path):
    facts = _analysed(
        tmp_path,
        '"The signing was postponed to allow more time for '
        'technical work," Trade Minister Ana Costa said.\n',
        '"More time for technical work," said Ana Costa, the '
        "trade minister.\n",
    )
    assert [c for c in facts.conflicts
            if c.slot.startswith("words")] == []


def test_two_remarks_naming_the_parties_are_no_second_wording(tmp_path):
    """A minister names both countries in every remark: "Brazil and India" in two
    quotes does not make them one remark worded two ways; shared words do."""
    facts = _analysed(
        tmp_path,
        '"Brazil and India are two large nations with a shared interest in a secure sea," '
        "Defence Minister Carlos Vasconcelos said.\n",
        '"This agreement strengthens the partnership between Brazil and India and gives our '
        'navy greater reach," Defence Minister Carlos Vasconcelos said.\n',
        '"Brazil and India share an interest in a secure sea and large nations," Defence '
        "Minister Carlos Vasconcelos said.\n")
    worded = [c for c in facts.conflicts if c.slot.startswith("words")]
    assert [sorted(d for _, docs in c.values for d in docs) for c in worded] == [["a", "c"]]


def test_a_part_of_a_quote_with_its_small_words_changed_is_no_second_wording(tmp_path):
    facts = _analysed(
        tmp_path,
        '"We are two large nations with a shared interest in a stable and secure maritime '
        'environment," Defence Minister Carlos Vasconcelos said.\n',
        '"An interest in a stable and secure maritime environment," Defence Minister '
        "Carlos Vasconcelos said.\n")
    assert [c for c in facts.conflicts if c.slot.startswith("words")] == []


def test_leaving_without_signing_is_no_signing():
    assert "signing" not in LEX.events.classes(
        "The minister left Seoul on Tuesday without signing the minerals pact.")



def test_a_name_of_its_parties_and_kind_only_is_the_agreement_between_them(tmp_path):
    """"the EU FTA", "the Thailand FTA", "UK–Swiss FTA" say only who and what: they are
    the agreement of that kind between those parties that more sources name — one
    frame, and no disagreement over its name."""
    facts = _analysed(
        tmp_path,
        "BANGKOK, 25 November 2026 - Thailand's parliament approved the Thailand-EU Free "
        "Trade Agreement on Wednesday.\n",
        "BANGKOK, 26 November 2026 - The Thailand-EU Free Trade Agreement was approved by "
        "512 votes in favour.\n",
        "BRUSSELS, 25 November 2026 - Thailand has ratified the EU FTA. The Thailand FTA "
        "needs no ratification by the member states.\n")
    frames = [f for f in facts.facts if f.kind == "frame"]
    assert [f.attr("name") for f in frames] == ["Thailand-EU Free Trade Agreement"]
    assert not any(c.slot.startswith("name of") for c in facts.conflicts)


def test_a_place_an_event_is_said_to_be_in_is_named_whole(tmp_path):
    """"a meeting in Dar es Salaam in March": the place is the gazetteer's whole name,
    not its capitalised words ("Dar")."""
    facts = _analysed(
        tmp_path,
        "DODOMA, 16 November 2026 - A joint committee will hold its first meeting in Dar "
        "es Salaam in March 2027, the ministry said.\n")
    event = next(f for f in facts.facts if f.kind == "event")
    assert event.items("places")[0] == "Dar es Salaam"


def test_a_year_a_figure_is_compared_with_is_not_its_year(tmp_path):
    """"$2.3 billion, an increase of 7.4% compared to the previous year": the previous
    year is the change's base; the figure is not of then (so not history)."""
    facts = _analysed(
        tmp_path,
        "ASTANA, 24 November 2026 - In 2025, trade turnover between the Republic of "
        "Kazakhstan and Japan amounted to $2.3 billion, an increase of 7.4% compared to "
        "the previous year.\n")
    figure = next(f for f in facts.facts if f.kind == "figure" and f.text == "$2.3 billion")
    assert figure.attr("year") == ""


def test_two_texts_listed_are_not_one_name():
    """"the Joint Statement on … Partnership and on the Agreement between …": the
    agreement's name begins after "and on the"; a name with "and" inside stays whole."""
    assert _names("Relations rest on the Joint Statement on Strategic Partnership and on "
                 "the Agreement between Kazakhstan and Japan for the Promotion and "
                 "Protection of Investment.") == [
        "Agreement between Kazakhstan and Japan for the Promotion and Protection of "
        "Investment"]
    assert _names("The Economic Partnership and Free Trade Agreement was signed.") == [
        "Economic Partnership and Free Trade Agreement"]
    # …and the other order: a name, then "and the" and the second text's name
    assert _names("The ministers will sign the Consular Agreement between Peru and the "
                 "Republic of Korea and the Protocol on Facilitation of Visa Issuance on "
                 "Tuesday.") == ["Consular Agreement between Peru and the Republic of Korea",
                                 "Protocol on Facilitation of Visa Issuance"]
    # …the second's name with small words inside, and its acronym
    found = find_agreements("They signed the Agreement on Defense Cooperation and the "
                            "Reciprocal Access and Visiting Forces Agreement (RAVFA).", LEX)
    assert [(m.name, dict(m.attrs).get("acronym", "")) for m in found] == [
        ("Agreement on Defense Cooperation", ""),
        ("Reciprocal Access and Visiting Forces Agreement", "RAVFA")]
    assert _names("They signed the Agreement between the Republic of Chile and the "
                 "Republic of Korea on Trade.") == [
        "Agreement between the Republic of Chile and the Republic of Korea on Trade"]


def test_a_treaty_concluded_at_a_place_and_date_is_known_by_the_place(tmp_path):
    """"the Convention on … (Vienna, 23 May 1969)": the bracket dates the text, not
    the accession told of it, and "the Vienna Convention" of another source is that
    text; "the Republic of Peru to the Convention" is no part of its name."""
    facts = _analysed(
        tmp_path,
        "LIMA, 12 March 2027 - On 11 March 2027 Peru's ambassador deposited the instrument "
        "of accession of the Republic of Peru to the Convention on the Law of Treaties "
        "(Vienna, 23 May 1969), the ministry said.\n\nPeru joined the Vienna Convention "
        "this week, officials said.\n")
    agreements = {f.key: f.value for f in facts.facts if f.kind == "agreement"}
    assert list(agreements.values()) == ["Convention on the Law of Treaties"]
    claim = next(f for f in facts.facts if f.kind == "claim" and "deposited" in f.text)
    assert claim.attr("date_accession") == "2027-03-11"


@pytest.mark.parametrize("sentence, amount", [
    ("The defence budget stands at about Rs 7.1 lakh crore.", Decimal("7.1e12")),
    ("The plan costs 2.5 lakh crore rupees.", Decimal("2.5e12")),
    ("Exports touched a record Rs 30,400 crore.", Decimal("3.04e11")),
])
def test_a_lakh_of_crores_is_both_scales(sentence, amount):
    """"Rs 7.1 lakh crore" is 7.1 × 100,000 × 10,000,000 rupees (₹7.1 trillion), not
    7.1 lakh."""
    assert [(f.amount, f.unit) for f in find_figures(sentence, LEX)] == [(amount, "INR")]


@pytest.mark.parametrize("sentence, name", [
    ("Ghana ratified the United Nations Convention on Civil Liability and Compensation for "
     "Damage Arising from Mineral Resource Activities in the Area on Friday.",
     "United Nations Convention on Civil Liability and Compensation for Damage Arising "
     "from Mineral Resource Activities in the Area"),
    ("They signed the Convention on Compensation for Damage Caused by Foreign Aircraft.",
     "Convention on Compensation for Damage Caused by Foreign Aircraft"),
    # …but not a place it was signed in, nor the votes it was approved by
    ("The Agreement on Trade from Bogotá was signed.", "Agreement on Trade"),
    ("The Senate approved the Treaty on Trade by 60 votes.", "Treaty on Trade"),
])
def test_a_name_goes_on_past_arising_from_and_caused_by(sentence, name):
    assert [m.name for m in find_agreements(sentence, LEX)] == [name]


def test_a_joint_exercise_to_come_is_an_event(tmp_path):
    """Forces training together ("the bilateral naval exercise … in September") is on the
    agenda of a defence pact; "the exercise of sovereignty" is no event."""
    assert "exercise" in LEX.events.classes(
        "The two navies will hold the bilateral naval exercise BRINMAR in September.")
    assert "exercise" not in LEX.events.classes(
        "The court ruled on the exercise of sovereignty over the islands.")
    facts = _analysed(
        tmp_path,
        "NEW DELHI, 9 March 2027 - The two ministers agreed to hold the next bilateral "
        "naval exercise in September off Rio de Janeiro, officials said.\n")
    assert [(f.attr("event"), f.attr("start")) for f in facts.facts if f.kind == "event"] \
        == [("exercise", "2027-09")]


def test_who_departs_is_who_the_departure_sentence_names_first():
    """"Vasconcelos is scheduled to call on … Raghavan … before leaving for Brasilia":
    he leaves (for home) — not the host another sentence of the visit names first."""
    from briefing.frames import _leaving
    from briefing.models import Fact

    def claim(text, events):
        return Fact("claim", text, text, text, (), (("events", events),))

    group = [claim("The pact was signed by Indian Defence Minister Suresh Pandey and "
                   "Brazilian Defence Minister Carlos Vasconcelos.", "signing"),
             claim("Vasconcelos is scheduled to call on External Affairs Minister Meenakshi "
                   "Raghavan before leaving for Brasilia on Thursday.", "departure")]
    people = {p: Fact("person", p, p, p, ()) for p in
              ("Suresh Pandey", "Carlos Vasconcelos", "Meenakshi Raghavan")}
    assert _leaving(group, people, set()) == ["Carlos Vasconcelos", "Meenakshi Raghavan"]


def test_a_text_only_recalled_does_not_title_the_note_beside_one_of_now():
    """Three sources recall "a Comprehensive Economic Partnership Agreement" signed two
    years before; one names the investment treaty signed now: that one titles the note."""
    from briefing.assemble import _title
    from briefing.models import Evidence, Fact, FactSet

    def frame(name, docs, **attrs):
        return Fact("frame", name, name.lower(), name,
                    tuple(Evidence(d, 0, 1, "x") for d in docs),
                    tuple(sorted({"name": name, "main": attrs.pop("main", ""), **attrs}.items())))

    old = frame("Comprehensive Economic Partnership Agreement", "abc", main="yes",
                recalled="yes", signed_date="2025-01")
    new = frame("Investment Promotion and Protection Agreement", "a")
    assert _title(FactSet((), (old, new), (), ())) == \
        "Investment Promotion and Protection Agreement"


def test_a_bodys_or_schemes_acronym_before_a_kind_names_no_agreement(tmp_path):
    """"the EDCF arrangement", "the EPS memorandum" where the article spells them out as
    a fund's and a scheme's ("Economic Development Cooperation Fund (EDCF)", "Employment
    Permit System (EPS)"): arrangements on them, not agreements they name."""
    facts = _analysed(
        tmp_path,
        "SEOUL, 13 October 2026 - The leaders witnessed the signing of a framework for the "
        "Economic Development Cooperation Fund (EDCF) and a memorandum on workers under the "
        "Employment Permit System (EPS). Under the EDCF arrangement, Seoul will lend up to "
        "$2.5 billion. The EPS memorandum covers 10,000 workers a year.\n")
    assert not {"EDCF", "EPS"} & {f.key for f in facts.facts if f.kind in ("agreement", "frame")}


def test_an_agreement_one_source_of_several_calls_by_an_acronym_alone_does_not_title():
    """"the MLA convention", in one source of three that name no agreement otherwise: the
    first headline says more than "MLA"."""
    from briefing.assemble import _title
    from briefing.models import Evidence, Fact, FactSet

    docs = tuple(Document(id=i, path=f"{i}.txt", title=t, outlet="", url="",
                          published=date(2026, 10, 14), published_how="dateline", text="x",
                          sentences=())
                 for i, t in (("a", "Senegal and Morocco sign two conventions"),
                              ("b", "Justice brief"), ("c", "Legal cooperation")))
    mla = Fact("frame", "MLA", "MLA", "MLA", (Evidence("b", 0, 1, "x"),),
               (("acronym", "MLA"), ("main", "yes"), ("name", "MLA")))
    assert _title(FactSet(docs, (mla,), (), ())) == "Senegal and Morocco sign two conventions"


@pytest.mark.parametrize("sentence", [
    "Lisbon, 22 July 2026 (Lusa) - Malaysia has signed a contract.",
    "Rabat, 14 October 2026 (APS) - Malaysia has signed a contract.",
    "Santiago de Chile, Nov 4 (EFE).- Malaysia has signed a contract.",
    "Lima, Sept 13 (Andina) Malaysia has signed a contract.",
])
def test_a_datelines_place_as_written_and_its_dash_leave_the_line(sentence):
    """An item does not begin "- Malaysia …" (Markdown would make it a list in a list)."""
    from briefing.phrasing import trim_sentence

    assert trim_sentence(sentence) == "Malaysia has signed a contract."


def test_a_government_to_government_deal_is_no_model_number():
    """"the F-35 deal" names a deal by its model; "G2G deal" (government-to-government)
    names none."""
    assert [m.name for m in find_agreements("They signed the F-35 deal on Monday.", LEX)] \
        == ["F-35 deal"]
    assert find_agreements("Malaysia seals G2G deal with Brazil for four aircraft", LEX) == []


def test_a_text_described_is_that_text_and_a_signing_put_off_alone_is_its_own(tmp_path):
    """Two texts to be signed during a visit; the latest source: "Only the consular
    agreement will be signed …; the planned visa protocol has been put off". "The
    consular agreement" is the text whose name says "consular" (the RoK is the Republic
    of Korea), the put-off is the protocol's and its old day goes with it, and a cabinet
    approving "the signing of" a text has not signed it."""
    from briefing.assemble import assemble, resolve_citations
    from briefing.rules import load_rules

    facts = _analysed(
        tmp_path,
        "FM to visit Seoul to sign consular agreement\n\nSEOUL, Nov. 5 (Yonhap) -- "
        "Vietnamese Foreign Minister Tran Van An will visit Seoul on Dec. 1-2, during which "
        "the two sides will sign the Consular Agreement between Vietnam and the RoK and the "
        "Protocol on Visa Facilitation, the foreign ministry said.\n",
        "Consular agreement and visa protocol to be signed in Seoul\n\nHANOI, 6 November "
        "2026 (VNA) – The Consular Agreement between the Socialist Republic of Viet Nam and "
        "the Republic of Korea and the Protocol on Visa Facilitation are expected to be "
        "signed in Seoul on December 1 during the visit of Foreign Minister Tran Van An.\n",
        "Seoul, Hanoi to sign only consular agreement; visa protocol put off\n\nSEOUL, Nov. "
        "20 (Yonhap) -- Only the consular agreement will be signed when Tran Van An is in "
        "Seoul; the planned visa protocol has been put off for further consultations, the "
        "foreign ministry said on Friday. The cabinet approved the signing of the consular "
        "agreement on Tuesday.\n")
    brief = assemble(facts, load_rules(RULES), as_of=date(2026, 11, 21), audience="executive")
    lines = [resolve_citations(i.text, brief.sources).split(" [")[0]
             for s in brief.sections if s.name == "Agreement" for i in s.items]
    assert lines[:2] == [
        "**Consular Agreement between the Socialist Republic of Viet Nam and the Republic of "
        "Korea**, between Vietnam and South Korea — to be signed 1 December 2026 in Seoul.",
        "**Protocol on Visa Facilitation** — signing postponed; no new date given."]


def test_trade_between_two_other_countries_is_no_disagreement(tmp_path):
    """A three-country event: "trade between Kazakhstan and Uzbekistan … $4.4 billion"
    and "trade between Kyrgyzstan and Uzbekistan … 1.6 billion US dollars" are two
    pairs' trade, not two sums for one; the same pair's two sums still disagree."""
    assert _figure_disputes(
        tmp_path,
        "ASTANA, Nov 18 (Reuters) - Trade between Kazakhstan and Uzbekistan reached about "
        "$4.4 billion in 2025, according to Kazakh statistics.\n",
        "BISHKEK, 12 November 2026 (Kabar) - Trade turnover between Kyrgyzstan and "
        "Uzbekistan in 2025 amounted to about 2.1 billion US dollars, between Kyrgyzstan "
        "and Kazakhstan – about 1.7 billion US dollars.\n",
        "TASHKENT, 6 November 2026 (UzA) - Trade between Uzbekistan and Kyrgyzstan was "
        "about $2.9 billion in 2025, officials said.\n") == [["$2.1 billion", "$2.9 billion"]]


def test_a_quarter_joins_the_day_in_it(tmp_path):
    """"will meet for the first time in the first quarter of 2027" and, later, "will
    hold its first meeting in Rabat on 23 February 2027": one meeting, on its day."""
    facts = _analysed(
        tmp_path,
        "LISBON, 13 October 2026 - The Joint Steering Committee will meet for the first "
        "time in Rabat in the first quarter of 2027, the ministry said.\n",
        "LISBON, 20 November 2026 (Lusa) - The joint steering committee created by the "
        "agreement will hold its first meeting in Rabat on 23 February 2027, the "
        "secretary of state said.\n")
    events = [(f.attr("event"), f.attr("start"), f.attr("body")) for f in facts.facts
              if f.kind == "event"]
    assert events == [("meeting", "2027-02-23", "Joint Steering Committee")]


def test_a_ratification_bill_dates_no_ratification(tmp_path):
    """"is scheduled to debate the ratification bill at its plenary sitting on
    Wednesday, 25 November": the day is the debate's, an event to come — not a
    ratification's, which would leave the agenda without it."""
    facts = _analysed(
        tmp_path,
        "DUSHANBE, 13 November 2026 - The Majlisi Namoyandagon is scheduled to debate the "
        "ratification bill at its plenary sitting on Wednesday, 25 November.\n")
    claim = next(f for f in facts.facts if f.kind == "claim")
    assert (claim.attr("date_debate"), claim.attr("date_ratification")) == ("2026-11-25", "")
    assert [(f.attr("event"), f.attr("start")) for f in facts.facts if f.kind == "event"] == [
        ("debate", "2026-11-25")]


def test_a_name_listing_three_parties_goes_on_past_its_commas():
    """"the Agreement between the Cabinet of Ministers of X, the Government of Y and the
    Government of Z on …": one name, its parties listed; a comma before anything else
    still ends it. A compact is a kind of agreement."""
    assert _names("The parliament ratified the Agreement between the Cabinet of Ministers "
                 "of the Kyrgyz Republic, the Government of the Republic of Kazakhstan and "
                 "the Government of the Republic of Uzbekistan on the joint use of water.") == [
        "Agreement between the Cabinet of Ministers of the Kyrgyz Republic, the Government "
        "of the Republic of Kazakhstan and the Government of the Republic of Uzbekistan"]
    assert _names("They signed the Agreement on Trade, the minister said.") == [
        "Agreement on Trade"]
    assert _names("The Naryn Water-Energy Compact (NWEC) was signed on Friday.") == [
        "Naryn Water-Energy Compact"]


def test_a_tally_is_the_chamber_named_just_before_it(tmp_path):
    """"its Senate passed the ratification law, and Kyrgyzstan's Jogorku Kenesh
    ratified the deal on Nov. 12 by a vote of 71-8": the tally is the Jogorku Kenesh's,
    not the Senate's, which the agreement's line names."""
    facts = _analysed(
        tmp_path,
        "TASHKENT, 6 November 2026 (UzA) - The Senate of the Oliy Majlis today ratified the "
        "Water-Energy Compact (NWEC).\n",
        "ASTANA, Nov 18 (Reuters) - Uzbekistan completed parliamentary approval of the NWEC "
        "on Nov. 6, when its Senate passed the ratification law, and Kyrgyzstan's Jogorku "
        "Kenesh ratified the deal on Nov. 12 by a vote of 71-8.\n")
    claim = next(f for f in facts.facts if f.kind == "claim" and "71-8" in f.text)
    assert claim.attr("tally_by") == "Supreme Council"
    frame = next(f for f in facts.facts if f.kind == "frame" and f.attr("main"))
    assert frame.attr("ratified_by") == "Senate" and frame.attr("vote") == ""


def test_a_committees_report_a_sam_deal_and_a_hearing_on_a_signed_text(tmp_path):
    """"Senate committee clears Korean SAM deal": SAM (surface-to-air missiles) names
    no agreement; "the Senate's defence committee gave a favourable report to the bill
    ratifying the agreement" is no ratification by the Senate; and "a hearing tomorrow
    on the Agreement …, signed in Seoul on 18 June" dates no signing to come."""
    facts = _analysed(
        tmp_path,
        "Lower house backs air defence deal\n\nBUCHAREST, Oct 21 (Reuters) - Romania's "
        "Chamber of Deputies on Wednesday approved the Agreement between the Government of "
        "Romania and the Government of the Republic of Korea on air defence by 241 votes to "
        "62.\n",
        "Press release\n\nBucharest, 26 October 2026 - The minister will take part "
        "tomorrow, Tuesday, 27 October 2026, in the hearing of the Senate committee on the "
        "Agreement between the Government of Romania and the Government of the Republic of "
        "Korea, signed in Seoul on 18 June 2026.\n",
        "Senate committee clears Korean SAM deal\n\nBUCHAREST, 29 October 2026 - The "
        "Senate's defence committee on Tuesday gave a favourable report to the bill ratifying "
        "the agreement, setting up a plenary vote on Monday.\n")
    frames = [f for f in facts.facts if f.kind == "frame"]
    assert [f.value for f in frames] == [
        "Agreement between the Government of Romania and the Government of the Republic of "
        "Korea"]
    assert (frames[0].attr("ratified_by"), frames[0].attr("signing_date")) == (
        "Chamber of Deputies", "")


def test_two_remarks_on_one_subject_are_no_misquote():
    """A senator's two sentences on the deal's money ("… where the money comes from for
    2029 and 2030" / "… a four-billion cheque with no money behind it for 2029 and
    2030") share three words among thirty: two remarks, not one quoted two ways; one
    remark reworded still is."""
    from briefing.consolidate import _quote_conflicts
    from briefing.models import Evidence, Fact

    def quote(text, doc):
        return Fact("quote", text, text, text, (Evidence(doc, 0, 1, text),),
                    (("speaker", "Marius Pop"),))

    assert _quote_conflicts([
        quote("The Constitution says clearly that no budgetary expenditure can be approved "
              "without establishing its source of financing. The Government has not shown us "
              "where the money comes from for 2029 and 2030", "c"),
        quote("We are not against air defence. We are against a four-billion cheque with no "
              "tender and no money behind it for 2029 and 2030", "e")]) == []
    assert len(_quote_conflicts([
        quote("This vote shows that the defence of our airspace is not a party matter. It is "
              "a matter of national survival", "a"),
        quote("Today's vote demonstrates that the defence of the airspace is not a party "
              "issue, but one of national survival", "b")])) == 1


def test_a_signing_of_texts_listed_before_it_and_a_place_of_another_act(tmp_path):
    """"The Malaysia deal follows Kenya's trade pacts with the European Union, signed in
    December 2023": the signing is the pacts', so the claim tells of none; "the
    agreement concluded in Hanoi last month will be signed at the palace on October 20":
    Hanoi is where it was concluded, not where it is signed."""
    from briefing.frames import _TO_SIGN_CUE, place_near

    facts = _analysed(
        tmp_path,
        "NAIROBI, 20 November 2026 - The Malaysia deal follows Kenya's trade pacts with the "
        "European Union, signed in December 2023, and the United Arab Emirates.\n\nThe free "
        "trade agreement concluded in Hanoi last month will be signed at the palace on "
        "December 9.\n")
    claims = {f.text[:20]: f for f in facts.facts if f.kind == "claim"}
    assert "signing" not in claims["NAIROBI, 20 November"].attr("events").split(",")
    assert place_near(claims["The free trade agree"], _TO_SIGN_CUE) == ""


def test_one_countrys_exports_are_no_others(tmp_path):
    """"Indonesia's exports of the products to Egypt were worth about $310 million" and
    "Egyptian exports of tiles to Indonesia amounted to USD 96 million": two countries'
    exports, no disagreement; against "Indonesian exports of the products … US$285
    million" the first is one."""
    assert _figure_disputes(
        tmp_path,
        "CAIRO, Oct 12 (Reuters) - Indonesia's exports of the affected steel products to "
        "Egypt were worth about $310 million in 2025.\n",
        "Cairo, 12 October 2026 - Egyptian exports of ceramic tiles and steel products to "
        "Indonesia amounted to approximately USD 96 million in 2025.\n",
        "JAKARTA, 14 October 2026 (ANTARA) - Indonesian exports of the affected steel "
        "products to Egypt reached US$285 million in 2025.\n") == [
        ["$285 million", "$310 million"]]


def test_a_committees_name_before_on_the_and_two_spellings_of_one_name(tmp_path):
    """"the Senate Committee on Foreign Relations on the Reciprocal Access … Agreement":
    the agreement's name begins after "on the"; "Agreement on Defense Cooperation" and
    "… Defence Cooperation" are one name."""
    from briefing.extract import agreement_key

    assert _names("At the first hearing of the Senate Committee on Foreign Relations on the "
                  "Reciprocal Access and Visiting Forces Agreement (RAVFA), senators asked "
                  "questions.") == ["Reciprocal Access and Visiting Forces Agreement"]
    assert agreement_key("Agreement on Defense Cooperation", "") == \
        agreement_key("Agreement on Defence Cooperation", "")


def test_a_text_of_long_ago_ended_now_is_the_news(tmp_path):
    """"notified the United Kingdom of its decision to terminate the Agreement … signed
    between the two countries in 1999": the 1999 date is the signing's (told long ago);
    the termination, told now, makes the text the news, not an earlier text recalled."""
    facts = _analysed(
        tmp_path,
        "NAIROBI, 9 October 2026 (KNA) - Kenya has formally notified the United Kingdom of "
        "its decision to terminate the Agreement for the Promotion and Protection of "
        "Investments signed between the two countries in 1999.\n")
    agreement = next(f for f in facts.facts if f.kind == "agreement")
    frame = next(f for f in facts.facts if f.kind == "frame")
    assert (agreement.attr("recalled"), frame.attr("recalled")) == ("", "")


def test_talks_agreed_on_and_an_end_approved_conclude_and_ratify_nothing(tmp_path):
    """"have agreed to open negotiations on a new … Agreement (SIPA)": talks to come, not
    an agreement concluded; "the National Assembly approved the withdrawal on October 1"
    and approval "in accordance with the Treaty Making and Ratification Act": no
    ratification of any text."""
    facts = _analysed(
        tmp_path,
        "NAIROBI, 20 October 2026 - Kenya and the United Kingdom have agreed to open "
        "negotiations on a new Sustainable Investment Partnership Agreement (SIPA). The "
        "notice followed approval by the National Assembly on 1 October 2026, in accordance "
        "with the Treaty Making and Ratification Act.\n",
        "Nairobi, 9 October 2026 (KNA) - The minister noted that the National Assembly "
        "approved the withdrawal on October 1 and that the SIPA talks would start in "
        "January.\n")
    frame = next(f for f in facts.facts if f.kind == "frame" and f.attr("acronym") == "SIPA")
    assert (frame.attr("status"), frame.attr("ratified_by")) == ("", "")


def test_a_legal_acts_series_ends_no_sentence():
    """"as provided in Executive Order No. 117, s. 2026, signed on 28 October 2026": one
    sentence ("s." is the act's series), not a fragment "2026, signed on …"."""
    from briefing.ingest import load_cleaning, split_sentences

    text = ("To implement the rates as provided in Executive Order No. 117, s. 2026, signed "
            "on 28 October 2026. Importers shall comply.")
    assert [s.text for s in split_sentences(text, load_cleaning(RULES))] == [
        "To implement the rates as provided in Executive Order No. 117, s. 2026, signed on "
        "28 October 2026.", "Importers shall comply."]


def test_a_weekday_before_a_name_is_no_part_of_it():
    """"signed on Wednesday on the ASEAN Convention on Fair Recruitment (ACFR) a
    declaration": the name begins at "ASEAN"."""
    assert _names("Thailand signed on Wednesday on the ASEAN Convention on Fair Recruitment "
                  "(ACFR) a declaration.") == ["ASEAN Convention on Fair Recruitment"]


def test_a_city_of_an_unknown_country_is_refused_with_its_line(tmp_path):
    import shutil

    from briefing.errors import RuleError

    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    path = rules / "gazetteer.yaml"
    text = path.read_text(encoding="utf-8").replace("\ncities:\n", "\ncities:\n  Atlantis: [Poseidonia]\n")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  Atlantis: [Poseidonia]") + 1
    with pytest.raises(RuleError, match=rf"^{re.escape(str(path))}:{line}:\d+: cities: unknown "
                                        "country 'Atlantis'"):
        load_lexicon(rules)


def test_a_day_given_up_after_instead_of_is_the_former_one():
    """"will now meet in Nairobi on Dec. 14-15 instead of Dec. 3-4": the day after
    "instead of" is given up, the one before it is the meeting's."""
    text = "The working group will now meet in Nairobi on Dec. 14-15 instead of Dec. 3-4."
    doc = Document("d", "d", "", "", "", date(2026, 11, 20), "dateline", text,
                   split_sentences(text, load_cleaning(RULES)))
    claim = next(f for f in extract_document(doc, LEX) if f.kind == "claim")
    assert (claim.attr("date_meeting"), claim.attr("former_meeting")) == ("2026-12-14",
                                                                          "2026-12-03")


def test_a_name_led_by_two_capitals_joined_is_placed():
    """"the Seoul-Nairobi MOU": two capitals joined lead the name, as one place would
    ("the Paris MoU"), so the one memorandum between their countries is meant."""
    found = find_agreements("Daeyang will build the plant under the Seoul-Nairobi MOU.", LEX)
    assert [dict(m.attrs).get("placed") for m in found] == ["Seoul-Nairobi"]
