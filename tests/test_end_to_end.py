"""The whole pipeline on the bundled example: one page, four sections, cited sources."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pypdf
import pytest

SECTIONS = ["Agreement", "Agenda", "Context", "Open Questions"]


def test_one_page_with_extractable_text(sample_build):
    pdf, _ = sample_build
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Reciprocal Exchange" in text


def test_four_headings_in_order(sample_build):
    pdf, _ = sample_build
    text = pypdf.PdfReader(pdf).pages[0].extract_text().upper()
    positions = [text.find(s.upper()) for s in SECTIONS]
    assert all(p >= 0 for p in positions), positions
    assert positions == sorted(positions)


def test_every_item_cites_a_source_that_is_a_footnote(sample_build):
    pdf, _ = sample_build
    brief = json.loads(pdf.with_suffix(".json").read_text())
    numbers = {s["number"] for s in brief["sources"]}
    items = [i for s in brief["sections"] for i in s["items"]]
    assert items
    for item in items:
        assert item["citations"], item["text"]
        assert set(item["citations"]) <= numbers
    assert numbers == set(range(1, len(numbers) + 1))
    # Each source's footnote is in the PDF, at the foot: "N. <title or file>, <date>".
    text = pypdf.PdfReader(pdf).pages[0].extract_text()
    for source in brief["sources"]:
        label = source["title"] or "Untitled article"
        assert re.search(rf"(?m)^{source['number']}\. {re.escape(label[:30])}", text), label


def test_sources_numbered_in_order_of_first_citation(sample_build):
    pdf, _ = sample_build
    brief = json.loads(pdf.with_suffix(".json").read_text())
    order = []
    for section in brief["sections"]:
        for item in section["items"]:
            for n in item["citations"]:
                if n not in order:
                    order.append(n)
    # Within an item citations are sorted, so first citations appear in ascending order.
    assert order == sorted(order)


def test_html_md_and_txt_written_beside_the_pdf(sample_build):
    pdf, _ = sample_build
    for suffix in (".html", ".json", ".md", ".txt"):
        assert pdf.with_suffix(suffix).stat().st_size > 500, suffix
    assert "## Open Questions" in pdf.with_suffix(".md").read_text()


@pytest.mark.parametrize("event,seeds", [
    # A quote's speaker was once "Ana Lucia Fernandes" or a stray "Relations Ana".
    ("initialled-or-signed", ("1", "2", "3", "4")),
    # Two dates of one day and month in different years, sorted on day and month alone,
    # once picked a different start for an entry into force.
    ("convention-thirtieth-ratification", ("1", "6")),
])
def test_the_facts_do_not_depend_on_the_hash_seed(event, seeds):
    """Set and dict order must never choose a fact: the same sources give the same
    facts in processes with different string hashes."""
    import os
    import subprocess
    import sys

    folder = Path(__file__).parent / "fixtures" / "events" / event
    outputs = {
        subprocess.run([sys.executable, "-m", "briefing", "facts", str(folder), "--json"],
                       capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in seeds}
    assert len(outputs) == 1
