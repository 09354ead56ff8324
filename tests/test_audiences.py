"""Audiences: each renders from one extraction, within its page limit, and looks like a page."""

from __future__ import annotations

import json

import pypdf
import pypdfium2
import pytest

from briefing.audience import audience_names, load_audience
from briefing.errors import TemplateError
from briefing.pipeline import build
from conftest import AS_OF, EXAMPLE, RULES


@pytest.fixture(scope="module")
def all_built(tmp_path_factory):
    out = tmp_path_factory.mktemp("all") / "brief.pdf"
    return build([str(EXAMPLE)], out, audience="all", rules_dir=RULES, as_of=AS_OF)


def test_at_least_three_audiences_each_within_its_page_limit(all_built):
    names = {b.audience for b in all_built.built}
    assert {"executive", "analyst", "press"} <= names
    for b in all_built.built:
        assert len(pypdf.PdfReader(b.pdf).pages) == b.pages <= b.page_limit, b.audience


def test_press_has_no_handling_marking_and_executive_does(all_built):
    text = {b.audience: pypdf.PdfReader(b.pdf).pages[0].extract_text() for b in all_built.built}
    assert "OFFICIAL" not in text["press"]
    assert "OFFICIAL" in text["executive"]


def test_analyst_quotes_evidence(all_built):
    analyst = next(b for b in all_built.built if b.audience == "analyst")
    assert 'class="evidence"' in analyst.pdf.with_suffix(".html").read_text()


def test_page_is_not_blank_and_ink_stays_inside_margins(all_built):
    for b in all_built.built:
        page = pypdfium2.PdfDocument(str(b.pdf))[0]
        image = page.render(scale=1).to_pil().convert("L")
        width, height = image.size
        dark = [(x, y) for y in range(0, height, 2) for x in range(0, width, 2)
                if image.getpixel((x, y)) < 128]
        assert len(dark) > 2000, b.audience  # text, not an empty page
        margin = int(15 / 25.4 * 72)  # the CSS sets 16-17 mm; allow 15 mm
        xs = [x for x, _ in dark]
        ys = [y for _, y in dark]
        assert min(xs) >= margin - 2 and max(xs) <= width - margin + 2, b.audience
        assert min(ys) >= margin - 2, b.audience


def test_one_extraction_serves_every_audience(all_built):
    briefs = [json.loads(b.pdf.with_suffix(".json").read_text()) for b in all_built.built]
    assert len({b["title"] for b in briefs}) == 1


def test_unknown_audience_is_one_clear_error():
    with pytest.raises(TemplateError) as info:
        load_audience("ministers")
    assert str(info.value) == ("unknown audience 'ministers' (expected one of: "
                               f"{', '.join(audience_names())})")


def test_readme_walkthrough_user_folder_overrides_one_block(tmp_path):
    mine = tmp_path / "mine" / "executive"
    mine.mkdir(parents=True)
    (mine / "note.html.j2").write_text(
        '{% extends "base:note.html.j2" %}\n'
        '{% block summary %}<p class="meta">Prepared for the Tuesday meeting.</p>'
        '{% endblock %}\n')
    out = tmp_path / "brief.pdf"
    build([str(EXAMPLE)], out, audience="executive", rules_dir=RULES, as_of=AS_OF,
          templates_dir=tmp_path / "mine")
    html = out.with_suffix(".html").read_text()
    assert "Prepared for the Tuesday meeting." in html
    assert html.count("<h2>") == 4  # the rest is the base note, not a copy
    assert "Prepared for the Tuesday meeting." in pypdf.PdfReader(out).pages[0].extract_text()
