"""What the note says about the bundled example (the rules issue's "done when")."""

from __future__ import annotations

import json


def _brief(sample_build):
    pdf, _ = sample_build
    return json.loads(pdf.with_suffix(".json").read_text())


def _section(brief, name):
    return " ".join(i["text"] for s in brief["sections"] if s["name"] == name for i in s["items"])


def test_agreement_line_is_slot_filled(sample_build):
    text = _section(_brief(sample_build), "Agreement")
    for part in ("Reciprocal Exchange of Logistic Support", "(RELOS)", "between India and Russia",
                 "signed 18 February 2025",
                 "in Moscow", "Vinay Kumar (Indian Ambassador)", "Alexander Fomin",
                 "ratified by the State Duma on 2 December 2025", "(unanimously)",
                 "next: approval by the Federation Council"):
        assert part in text, part


def test_agenda_has_the_visit_and_its_topics(sample_build):
    text = _section(_brief(sample_build), "Agenda")
    assert "4–5 December 2025" in text and "New Delhi" in text and "23rd" in text
    for topic in ("Su-57", "S-400"):
        assert topic in text, topic


def test_context_figures_with_what_they_measure(sample_build):
    text = _section(_brief(sample_build), "Context")
    for part in ("**$5.4 billion** (deal value, 2018)", "**$65 billion** (trade)", "**50%** (tariff)"):
        assert part in text, part


def test_open_questions_include_pending_approval_and_naming_discrepancy(sample_build):
    brief = _brief(sample_build)
    items = next(s["items"] for s in brief["sections"] if s["name"] == "Open Questions")
    assert len(items) >= 3
    assert all(i["text"].rstrip().endswith("?") or "?" in i["text"] for i in items)
    text = " ".join(i["text"] for i in items)
    assert "Federation Council" in text
    assert "Reciprocal Exchange of Logistics Agreement" in text  # one source's other name


def test_dates_rest_on_inference_and_say_so(sample_build):
    brief = _brief(sample_build)
    assert brief["dates_inferred"] is True
    assert {s["published_how"] for s in brief["sources"]} == {"inferred"}


def test_no_fact_told_twice(sample_build):
    brief = _brief(sample_build)
    texts = [i["text"] for s in brief["sections"] for i in s["items"]]
    assert len(texts) == len(set(texts))
