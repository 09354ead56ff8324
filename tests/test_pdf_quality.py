"""The PDF as a reader and a document system see it: footnote calls, footnote labels and
links, metadata, bookmarks, fonts, tagging, reproducible bytes, logo, page size."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

import pypdf
import pypdfium2
import pypdfium2.raw as pdfium_raw
import pytest

from briefing.audience import BUNDLED_TEMPLATES, load_audience
from briefing.errors import TemplateError
from briefing.pipeline import build
from conftest import AS_OF, EXAMPLE, RULES

URL = "https://news.example.org/2025/12/relos-logistics-pact"
SECTIONS = ["Agreement", "Agenda", "Context", "Open Questions"]
SUFFIXES = (".pdf", ".html", ".json", ".md", ".txt")

# The bundled example, with a URL for the first article and an outlet for the second;
# the last two stay without title or outlet.
MANIFEST = f"""\
sources:
  - file: 000_9a179c9fdcd98e99.txt
    title: "Deepening Defense Ties: India and Russia Forge Ahead with New Logistics Pact as Putin Visit Nears"
    url: {URL}
  - file: 001_c3eb367cff035f57.txt
    title: "Russia Ratifies Defence Pact with India Ahead of Putin Visit"
    outlet: Example Wire
  - file: 002_05c51c1002f25a6f.txt
    title: "Russia seals RELOS pact ahead of Putin’s visit to India – What is it?"
  - file: 003_4593571038911afd.txt
  - file: 004_efe71e66eb6ca486.txt
"""


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sources")
    for article in EXAMPLE.glob("*.txt"):
        shutil.copy(article, folder)
    (folder / "sources.yaml").write_text(MANIFEST)
    return folder


def _build_all(sources: Path, out: Path, **options) -> dict[str, Path]:
    result = build([str(sources)], out, audience="all", rules_dir=RULES, as_of=AS_OF,
                   **options)
    return {b.audience: b.pdf for b in result.built}


@pytest.fixture(scope="module")
def built(sources, tmp_path_factory) -> dict[str, Path]:
    """Every audience's PDF, by audience name."""
    return _build_all(sources, tmp_path_factory.mktemp("first") / "brief.pdf")


@pytest.fixture(scope="module")
def executive(built) -> pypdf.PdfReader:
    return pypdf.PdfReader(built["executive"])


def _text(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)


# --- footnote calls and footnotes ------------------------------------------------------


def _brief(pdf: Path) -> dict:
    return json.loads(pdf.with_suffix(".json").read_text())


def test_consecutive_footnote_calls_are_separated_by_commas(built):
    pdf = built["executive"]
    text = _text(pdf)
    cited = [i["citations"] for s in _brief(pdf)["sections"] for i in s["items"]]
    several = [c for c in cited if len(c) >= 3]
    assert several  # the headline cites every source
    for citations in several:
        # Footnote calls (first citations) and repeated numbers alike: "1,2,3,4,5".
        assert ",".join(map(str, citations)) in text, citations
        assert "".join(map(str, citations)) not in text, citations


def test_no_footnote_call_is_left_alone_on_a_line(built):
    for audience, pdf in built.items():
        lines = [line.strip() for line in _text(pdf).splitlines()]
        assert [line for line in lines if re.fullmatch(r"[\d,]+", line)] == [], audience


def _number(pdf: Path, document_id: str) -> int:
    return next(s["number"] for s in _brief(pdf)["sources"] if s["id"] == document_id)


def test_untitled_articles_are_named_by_their_opening_words(built):
    pdf = built["executive"]
    text = _text(pdf)
    n = _number(pdf, "003_4593571038911afd")
    assert re.search(rf"(?m)^{n}\. Untitled article beginning “New Delhi: The lower house "
                     r"of the Russian Parliament is…”, \d+ \w+ 2025", text)
    n = _number(pdf, "004_efe71e66eb6ca486")
    assert re.search(rf"(?m)^{n}\. Untitled article beginning “On Tuesday, Russia’s "
                     r"parliament ratified a major military cooperation agreement…”", text)
    assert ".txt" not in text
    assert "Untitled article beginning “New Delhi: The lower house of the Russian " \
           "Parliament is…”" in pdf.with_suffix(".md").read_text()


def test_untitled_label_of_a_short_or_empty_text():
    from briefing.render import untitled_label

    assert untitled_label("Moscow : Talks ended.", "a/001.txt") == \
        "Untitled article beginning “Moscow: Talks ended.”"
    assert untitled_label("", "a/001.txt") == "001.txt"


def test_footnote_with_a_url_is_a_live_link_over_the_url(built, executive):
    text = _text(built["executive"])
    n = _number(built["executive"], "001_c3eb367cff035f57")
    assert re.search(rf"(?m)^{n}\. Example Wire, “Russia Ratifies Defence Pact with India "
                     r"Ahead of Putin Visit”, \d+ \w+ 2025", text)
    links = [a.get_object() for a in executive.pages[0].get("/Annots", [])]
    assert [(a["/Subtype"], a["/A"]["/S"], a["/A"]["/URI"]) for a in links] == \
        [("/Link", "/URI", URL)]
    # The clickable area is where the URL is printed, in the footnote.
    left, y1, right, y2 = (float(v) for v in links[0]["/Rect"])
    page = pypdfium2.PdfDocument(str(built["executive"]))[0]
    shown = page.get_textpage().get_text_bounded(left, min(y1, y2), right, max(y1, y2))
    assert shown.strip() == URL


# --- document properties ----------------------------------------------------------------


def test_metadata_names_the_note_its_author_and_its_date(built, executive):
    assert dict(executive.metadata) == {
        "/Producer": f"WeasyPrint {__import__('weasyprint').__version__}",
        "/Title": _brief(built["executive"])["title"],
        "/Author": "Briefing Unit",
        "/Subject": "Briefing note for executive audience, as of 3 December 2025",
        "/Keywords": "executive, Agreement, Agenda, Context, Open Questions",
        "/Creator": f"briefing {__import__('briefing').__version__}",
        "/CreationDate": "D:20251203",
    }


def test_one_bookmark_per_section(built):
    for audience, pdf in built.items():
        outline = pypdf.PdfReader(pdf).outline
        expected = list(load_audience(audience).sections)
        assert [entry.title for entry in outline] == expected, audience
        assert expected[:4] == SECTIONS


def test_every_font_is_embedded_and_nothing_is_attached(built):
    for audience, pdf in built.items():
        reader = pypdf.PdfReader(pdf)
        fonts = 0
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                if "/DescendantFonts" in font:
                    font = font["/DescendantFonts"][0].get_object()
                descriptor = font["/FontDescriptor"].get_object()
                assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), \
                    (audience, font.get("/BaseFont"))
                fonts += 1
            assert all(a.get_object()["/Subtype"] == "/Link" for a in page.get("/Annots", []))
        assert fonts >= 3, audience  # regular, bold, italic
        assert reader.attachments == {}
        names = reader.trailer["/Root"].get("/Names")
        assert names is None or "/EmbeddedFiles" not in names.get_object()


@pytest.fixture(scope="module")
def tagged(sources, tmp_path_factory) -> pypdf.PdfReader:
    out = tmp_path_factory.mktemp("ua") / "brief.pdf"
    build([str(sources)], out, audience="executive", rules_dir=RULES, as_of=AS_OF,
          pdf_variant="pdf/ua-1")
    return pypdf.PdfReader(out)


def test_pdf_ua_is_tagged_and_still_one_page(tagged, executive):
    root = tagged.trailer["/Root"]
    assert root["/MarkInfo"] == {"/Marked": True}
    assert root["/StructTreeRoot"].get_object()["/Type"] == "/StructTreeRoot"
    assert root["/ViewerPreferences"] == {"/DisplayDocTitle": True}
    assert len(tagged.pages) == 1
    assert "/StructTreeRoot" not in executive.trailer["/Root"]  # tagging is what ua adds


def test_a_file_identifier_only_where_the_variant_asks_for_one(tagged, executive):
    """PDF/UA (and PDF/A) want /ID; a plain PDF goes without (writing one costs a fifth
    of the write). The identifier names the note rather than being drawn at random."""
    ident = tagged.trailer["/ID"]
    assert len(ident) == 2 and len(ident[0]) == 32
    assert "/ID" not in executive.trailer


# --- reproducible bytes -------------------------------------------------------------------


def test_same_inputs_and_date_give_identical_files(sources, built, tmp_path):
    again = _build_all(sources, tmp_path / "second" / "brief.pdf")
    assert again.keys() == built.keys()
    for audience, pdf in built.items():
        for suffix in SUFFIXES:
            first, second = pdf.with_suffix(suffix), again[audience].with_suffix(suffix)
            assert first.read_bytes() == second.read_bytes(), (audience, suffix)


def test_the_command_lines_overlap_changes_no_byte(sources, built, tmp_path):
    """`briefing build` drafts in a forked worker while WeasyPrint is imported: the
    files are the same as drafted in turn, and the worker is another process."""
    from briefing.pipeline import _beside_weasyprint

    again = _build_all(sources, tmp_path / "overlap" / "brief.pdf", overlap=True)
    for audience, pdf in built.items():
        for suffix in SUFFIXES:
            assert pdf.with_suffix(suffix).read_bytes() == \
                again[audience].with_suffix(suffix).read_bytes(), (audience, suffix)
    if len(os.sched_getaffinity(0)) > 1:
        assert _beside_weasyprint(os.getpid, ()) != os.getpid()


def test_the_process_that_renders_does_not_import_the_analysis():
    """The command line's worker analyses while the command imports WeasyPrint; what
    only analysis needs is imported there, so it is not on the cold start's path."""
    import subprocess

    analysis = ("briefing.ingest", "briefing.extract", "briefing.consolidate",
                "briefing.cues", "briefing.frames", "briefing.timex", "markdown")
    done = subprocess.run(
        [sys.executable, "-c", "import sys, briefing.pipeline; "
         f"print(' '.join(m for m in {analysis!r} if m in sys.modules))"],
        capture_output=True, text=True, check=True)
    assert done.stdout.split() == []


def test_fonts_are_kept_per_template_folder():
    """A warm font configuration renders faster; one folder's @font-face fonts must not
    reach another audience's note, so each folder keeps its own."""
    from briefing.pdf import _fonts

    executive, press = BUNDLED_TEMPLATES / "executive", BUNDLED_TEMPLATES / "press"
    assert _fonts(executive) is _fonts(executive)
    assert _fonts(executive) is not _fonts(press)


def _dies_in_a_worker(parent: int) -> str:
    if os.getpid() != parent:
        os._exit(3)  # as a worker killed for memory would
    return "drafted here"


def test_a_worker_that_dies_leaves_the_drafting_to_the_command():
    from briefing.pipeline import _beside_weasyprint

    assert _beside_weasyprint(_dies_in_a_worker, (os.getpid(),)) == "drafted here"


def test_pdf_bytes_do_not_depend_on_the_clock_or_leak_source_date_epoch(built, monkeypatch):
    """With fontTools subsetting (no HarfBuzz-subset) every font is stamped with the time,
    unless SOURCE_DATE_EPOCH is set: pdf_bytes sets it for the write, then removes it."""
    from datetime import datetime

    import weasyprint.pdf.fonts
    from fontTools.misc import timeTools

    from briefing.pdf import pdf_bytes, render_pages

    html = built["executive"].with_suffix(".html").read_text()
    folder = BUNDLED_TEMPLATES / "executive"
    rendered = render_pages(html, folder, (BUNDLED_TEMPLATES,), 1)
    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    created = datetime(2025, 12, 3, 12)
    outputs = []
    for now in (1.8e9, 1.9e9):
        monkeypatch.setattr(timeTools, "time", SimpleNamespace(time=lambda now=now: now))
        outputs.append(pdf_bytes(rendered, created=created))
        assert "SOURCE_DATE_EPOCH" not in os.environ
    assert outputs[0] == outputs[1]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    pdf_bytes(rendered, created=created)
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"


# --- branding and page size --------------------------------------------------------------


def _emblems(pdf: Path) -> list[tuple[float, float]]:
    """Width and height of every vector path roughly the size of the 7 mm masthead logo
    (WeasyPrint draws an SVG image as paths in the page, not as an image XObject)."""
    page = pypdfium2.PdfDocument(str(pdf))[0]
    out = []
    for obj in page.get_objects():
        if obj.type == pdfium_raw.FPDF_PAGEOBJ_PATH:
            left, bottom, right, top = obj.get_bounds()
            if 15 < right - left < 25 and 15 < top - bottom < 25:
                out.append((round(left), round(page.get_height() - top)))
    return out


def test_executive_logo_is_drawn_in_the_masthead(built):
    # Its outer ring, at the left margin (17 mm = 48 pt), on the masthead line (~16 mm).
    assert _emblems(built["executive"]) == [(48, 45)]
    assert _emblems(built["press"]) == []  # press has no logo


def _user_audience(tmp_path: Path, **changes: str) -> Path:
    """A user templates folder with a copy of the executive audience, settings changed."""
    folder = tmp_path / "mine" / "executive"
    shutil.copytree(BUNDLED_TEMPLATES / "executive", folder)
    text = (folder / "audience.yaml").read_text()
    for pattern, replacement in changes.items():
        text, count = re.subn(pattern, replacement, text, flags=re.M)
        assert count == 1, pattern
    (folder / "audience.yaml").write_text(text)
    return folder.parent


@pytest.mark.parametrize("logo", ["/etc/passwd", "../../x.png", "../analyst/audience.yaml"])
def test_logo_outside_the_audience_folder_is_refused_at_load(tmp_path, logo):
    user = _user_audience(tmp_path, **{r"^  logo: .*$": f"  logo: {logo}"})
    path = user / "executive" / "audience.yaml"
    line = path.read_text().splitlines().index(f"  logo: {logo}") + 1
    with pytest.raises(TemplateError) as info:
        load_audience("executive", user)
    assert str(info.value) == (f"{path}:{line}:3: logo must be a file inside the audience "
                               f"folder, given relative to it (like logo.svg); got '{logo}'")


def test_logo_that_is_missing_or_not_an_image_is_refused(tmp_path):
    user = _user_audience(tmp_path, **{r"^  logo: .*$": "  logo: audience.yaml"})
    path = user / "executive" / "audience.yaml"
    with pytest.raises(TemplateError, match=r"audience.yaml:\d+:3: logo must be an SVG, PNG "
                                            r"or JPEG image; got 'audience.yaml'$"):
        load_audience("executive", user)
    path.write_text(path.read_text().replace("logo: audience.yaml", "logo: seal.png"))
    with pytest.raises(TemplateError) as info:
        load_audience("executive", user)
    assert str(info.value).endswith(f": logo file not found: {path.parent / 'seal.png'}")


def test_letter_audience_renders_on_letter_paper(sources, tmp_path):
    user = _user_audience(tmp_path, **{r"^page_size: A4$": "page_size: Letter"})
    out = tmp_path / "out" / "brief.pdf"
    result = build([str(sources)], out, audience="executive", rules_dir=RULES,
                   templates_dir=user, as_of=AS_OF)
    reader = pypdf.PdfReader(out)
    assert [float(v) for v in reader.pages[0].mediabox] == [0, 0, 612, 792]
    assert len(reader.pages) == result.built[0].pages == 1
    assert _emblems(out) == [(48, 45)]  # the copied logo, served from the user folder
