"""Hostile and broken input: every problem is one line `briefing: error: …`, exit 1,
no traceback; nothing in an article or template can fetch, embed or execute anything."""

from __future__ import annotations

import http.server
import re
import shutil
import threading
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import ingest as ingest_mod
from briefing.cli import main
from briefing.errors import BriefingError, SourceError

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
EXAMPLE = ROOT / "examples" / "relos-2025"
ARTICLE = EXAMPLE / "000_9a179c9fdcd98e99.txt"
SUFFIXES = ".htm, .html, .markdown, .md, .txt"


def run(*args: str):
    """Invoke the CLI; return (exit code, stderr)."""
    result = CliRunner().invoke(main, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stderr


def one_error(args, expected: str | re.Pattern) -> str:
    """Assert the command fails with exactly one `briefing: error:` line matching."""
    code, err = run(*args)
    lines = err.strip().splitlines()
    assert code == 1, err
    assert len(lines) == 1, err
    assert "Traceback" not in err
    line = lines[0]
    assert line.startswith("briefing: error: "), line
    message = line[len("briefing: error: "):]
    if isinstance(expected, str):
        assert message == expected
    else:
        assert expected.search(message), message
    return message


# --- articles -----------------------------------------------------------------


def test_unreadable_articles_are_one_line_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\t\n   \r\n")
    pdf = tmp_path / "fake.txt"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    png = tmp_path / "image.md"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"some text\x00\x00\x01 with NULs")
    out = str(tmp_path / "out" / "brief.pdf")
    one_error(["build", str(empty), "-o", out], f"{empty}: no article text after cleaning")
    one_error(["build", str(blank), "-o", out], f"{blank}: no article text after cleaning")
    for binary in (pdf, png, nul):
        one_error(["build", str(binary), "-o", out], f"{binary}: binary content, not an article")
    # In a folder (not named explicitly) they are skipped; with nothing left: one line.
    folder = tmp_path / "folder"
    folder.mkdir()
    for f in (empty, blank, pdf, png):
        shutil.copy(f, folder / f.name)
    one_error(["build", str(folder), "-o", out],
              f"{folder}: no readable articles (expected {SUFFIXES} files)")
    assert not (tmp_path / "out").exists()


def test_folder_without_articles_and_missing_path(tmp_path):
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (folder / "sub").mkdir()
    (folder / "sub" / "a.txt").write_text("An article in a subfolder is not read.")
    out = str(tmp_path / "brief.pdf")
    one_error(["build", str(folder), "-o", out],
              f"{folder}: no articles in this folder (expected {SUFFIXES} files)")
    missing = tmp_path / "nope.txt"
    one_error(["build", str(missing), "-o", out], f"{missing}: no such file or folder")
    one_error(["build", str(tmp_path / "gone"), "-o", out],
              f"{tmp_path / 'gone'}: no such file or folder")


def test_manifest_naming_a_missing_file(tmp_path):
    shutil.copy(ARTICLE, tmp_path / "a.txt")
    manifest = tmp_path / "sources.yaml"
    manifest.write_text("sources:\n  - file: a.txt\n  - title: Gone\n    file: missing.txt\n")
    one_error(["build", str(manifest), "-o", str(tmp_path / "brief.pdf")],
              f"{manifest}:4:5: 'missing.txt' not found beside sources.yaml")
    # The folder form reads the same manifest.
    one_error(["build", str(tmp_path), "-o", str(tmp_path / "brief.pdf")],
              f"{manifest}:4:5: 'missing.txt' not found beside sources.yaml")


def test_oversized_article_is_refused_with_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_mod, "MAX_SOURCE_BYTES", 100)
    big = tmp_path / "big.txt"
    big.write_text("The pact was ratified. " * 10)  # 230 bytes
    one_error(["build", str(big), "-o", str(tmp_path / "brief.pdf")],
              f"{big}: 230 bytes is over the limit of 100 bytes per article")
    # In a folder, an oversized file is skipped with a diagnostic, the others are read.
    shutil.copy(ARTICLE, tmp_path / "ok.txt")
    monkeypatch.setattr(ingest_mod, "MAX_SOURCE_BYTES", 50_000)
    (tmp_path / "big.txt").write_text("x " * 40_000)
    got = ingest_mod.ingest([str(tmp_path)], RULES)
    assert [d.id for d in got.documents] == ["ok"]
    assert any("over the limit of 50000 bytes" in d.message for d in got.diagnostics)


# --- injection: one build of hostile articles ------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server hook
        type(self).requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(b"\x89PNG\r\n\x1a\n")

    def log_message(self, *args):  # silence
        pass


@pytest.fixture(scope="module")
def trap_server():
    """An HTTP server on 127.0.0.1 that records every request it receives."""
    _Recorder.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Recorder.requests
    server.shutdown()
    server.server_close()


HOSTILE_HTML = """<!DOCTYPE html>
<html><head><title>Duma ratifies logistics pact with India</title>
<meta name="date" content="2025-12-02">
<style>body {{ background: url({url}/style-bg.png) }} p::after {{ content: "INJECTED-CSS" }}</style>
<link rel="attachment" href="file:///etc/passwd">
<link rel="stylesheet" href="{url}/evil.css">
<script>alert(1); document.write("INJECTED-JS")</script>
</head><body><article>
<h1>Duma ratifies logistics pact with India</h1>
<p>The Russian State Duma on Tuesday ratified the Reciprocal Exchange of Logistic Support
agreement with India, days ahead of President Vladimir Putin's state visit to New Delhi
on December 4-5 for the annual summit, officials in Moscow said.</p>
<img src="{url}/x.png" alt="pact">
<script>alert(1)</script>
<p>Talks on defence supplies and energy exports are expected to dominate the agenda of the
summit, according to officials in New Delhi who briefed reporters on Monday.</p>
<p>The agreement, signed on February 18, sets procedures for the deployment of military
units, warships and aircraft and for the support each side provides to the other.</p>
</article></body></html>
"""

HOSTILE_TEXT = """Pact <script>alert(3)</script> ratified

Talks on defence supplies and energy exports are expected to dominate the agenda <script>alert(1)</script> with <img src="{url}/y.png"> and <link rel="attachment" href="file:///etc/passwd"> at the summit.

President Vladimir Putin will pay a state visit to New Delhi on December 4-5 for the annual summit <script>alert(2)</script>.
"""

CP1252 = ("Minister Lopez\r\n\r\n"
          "“We have ratified the agreement,” said the minister of the café "
          "association in Paris on Monday. The décision was expected.\r\n")


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory, trap_server):
    """One build of a normal article, a hostile HTML article, a hostile text article
    and a cp1252 article."""
    from briefing.pipeline import build

    url, _ = trap_server
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.html").write_text(HOSTILE_HTML.format(url=url))
    (folder / "hostile.txt").write_text(HOSTILE_TEXT.format(url=url))
    (folder / "cp1252.txt").write_bytes(CP1252.encode("cp1252"))
    shutil.copy(ARTICLE, folder / "article.txt")
    out = folder / "out" / "brief.pdf"
    sources = [str(folder / n) for n in ("hostile.html", "hostile.txt", "cp1252.txt")]
    from datetime import date

    result = build(sources, out, audience="executive", rules_dir=RULES,
                   as_of=date(2025, 12, 3))
    return folder, out, result


def test_cp1252_article_is_decoded_and_said_so(hostile_build):
    folder, _, result = hostile_build
    doc = next(d for d in result.facts.documents if d.path.endswith("cp1252.txt"))
    assert "“We have ratified the agreement,” said" in doc.text
    assert "café" in doc.text and "décision" in doc.text
    assert doc.title == "Minister Lopez"
    assert any(d.message == "not UTF-8; read as cp1252" and d.where.endswith("cp1252.txt")
               for d in result.diagnostics)


def test_hostile_markup_is_neither_live_nor_fetched(hostile_build, trap_server):
    folder, out, result = hostile_build
    _, requests = trap_server
    assert result.built and result.built[0].pages >= 1
    html_doc = next(d for d in result.facts.documents if d.path.endswith("hostile.html"))
    # The HTML article's text is text: no script, style, image or link survives ingest.
    for marker in ("alert(", "INJECTED", "<script", "<img", "<link", "etc/passwd", "{"):
        assert marker not in html_doc.text, marker
    assert "ratified the Reciprocal Exchange" in html_doc.text
    text_doc = next(d for d in result.facts.documents if d.path.endswith("hostile.txt"))
    assert "<script>alert(1)</script>" in text_doc.text  # literal text stays text …

    note = out.with_suffix(".html").read_text()
    # … and reaches the note only escaped.
    assert "&lt;script&gt;" in note
    lowered = note.lower()
    assert "<script" not in lowered
    # The one image is the audience's own logo, from its template folder.
    assert re.findall(r"<img\b[^>]*\bsrc=\"([^\"]*)\"", lowered) == ["logo.svg"]
    assert not re.search(r"<link[^>]*attachment", lowered)
    assert "etc/passwd" not in lowered or "&lt;link" in lowered
    assert "injected" not in lowered
    for suffix in (".md", ".txt"):  # plain outputs carry the text, never as markup to render
        assert "INJECTED" not in out.with_suffix(suffix).read_text()

    reader = pypdf.PdfReader(out)
    root = reader.trailer["/Root"]
    names = root.get("/Names")
    assert names is None or "/EmbeddedFiles" not in names.get_object()
    assert not reader.attachments
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            assert annot.get_object().get("/Subtype") != "/FileAttachment"
        for xobject in (page["/Resources"].get("/XObject") or {}).values():
            assert xobject.get_object().get("/Subtype") != "/Image"
    text = "".join(p.extract_text() for p in reader.pages)
    assert "root:" not in text and "INJECTED" not in text
    assert requests == []


def test_url_fetcher_serves_only_template_assets_and_data(tmp_path, trap_server):
    from briefing.pdf import _fetcher

    url, requests = trap_server
    assets = tmp_path / "templates"
    assets.mkdir()
    (assets / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    fetcher = _fetcher((assets,))
    refused = [outside.as_uri(), "file:///etc/passwd", f"{url}/logo.png",
               "https://example.invalid/x.png", (assets / ".." / "secret.txt").as_uri(),
               (assets / "missing.svg").as_uri(), "ftp://127.0.0.1/x"]
    for target in refused:
        with pytest.raises(ValueError, match="only template assets are allowed"):
            fetcher.fetch(target)
    assert requests == []
    got = fetcher.fetch("data:text/plain;base64,aGVsbG8=")
    body = got.read() if hasattr(got, "read") else got.get("string")
    assert body == b"hello"
    got = fetcher.fetch((assets / "logo.svg").as_uri())
    body = got.read() if hasattr(got, "read") else got.get("string") or got["file_obj"].read()
    assert b"<svg" in body


# --- templates ----------------------------------------------------------------


def _user_templates(tmp_path: Path, block: str) -> Path:
    folder = tmp_path / "mytemplates"
    (folder / "executive").mkdir(parents=True)
    (folder / "executive" / "note.html.j2").write_text(
        '{% extends "base:note.html.j2" %}\n'
        "{% block summary %}\n"
        f"{block}\n"
        "{% endblock %}\n")
    return folder


@pytest.mark.parametrize("expr", ["{{ ''.__class__.__mro__ }}",
                                  "{{ cycler.__init__.__globals__ }}",
                                  "{{ brief.__class__.__init__.__globals__ }}"])
def test_template_escaping_the_sandbox_is_refused(tmp_path, expr):
    folder = _user_templates(tmp_path, expr)
    template = folder / "executive" / "note.html.j2"
    message = one_error(["build", str(EXAMPLE), "-o", str(tmp_path / "out" / "brief.pdf"),
                         "--templates", str(folder), "--as-of", "2025-12-03"],
                        re.compile(r"sandbox|unsafe|blocked"))
    assert message.startswith(f"{template}:3: "), message
    assert not (tmp_path / "out" / "brief.pdf").exists()


@pytest.mark.parametrize("name", ["/etc/passwd", "../../../etc/passwd",
                                  "../../../../../../../../etc/passwd"])
def test_template_including_a_file_outside_is_refused(tmp_path, name):
    folder = _user_templates(tmp_path, f'{{% include "{name}" %}}')
    message = one_error(["build", str(EXAMPLE), "-o", str(tmp_path / "brief.pdf"),
                         "--templates", str(folder), "--as-of", "2025-12-03"],
                        re.compile(rf"template '{re.escape(name)}' not found"))
    assert "root:" not in message


def test_template_syntax_error_names_file_and_line(tmp_path):
    folder = _user_templates(tmp_path, "{% if %}")
    template = folder / "executive" / "note.html.j2"
    one_error(["build", str(EXAMPLE), "-o", str(tmp_path / "brief.pdf"),
               "--templates", str(folder)],
              re.compile(rf"^{re.escape(str(template))}:3: "))


# --- rules and configuration ------------------------------------------------------


@pytest.fixture()
def rules_copy(tmp_path):
    target = tmp_path / "rules"
    shutil.copytree(RULES, target)
    return target


def _break(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_malformed_rule_yaml(rules_copy, tmp_path):
    agenda = rules_copy / "sections" / "agenda.yaml"
    _break(agenda, "    priority: 100\n", "    priority: [100\n")
    one_error(["rules", "check", str(rules_copy)],
              re.compile(rf"^{re.escape(str(agenda))}:\d+:\d+: invalid YAML: "))
    one_error(["build", str(ARTICLE), "--rules", str(rules_copy), "-o",
               str(tmp_path / "b.pdf")],
              re.compile(rf"^{re.escape(str(agenda))}:\d+:\d+: invalid YAML: "))


def test_duplicate_key_in_rules(rules_copy):
    agenda = rules_copy / "sections" / "agenda.yaml"
    _break(agenda, "    priority: 100\n", "    priority: 100\n    priority: 90\n")
    one_error(["rules", "check", str(rules_copy)],
              f"{agenda}:8:5: duplicate key 'priority' (first at line 7)")


def test_wrong_type_in_rules(rules_copy):
    agenda = rules_copy / "sections" / "agenda.yaml"
    _break(agenda, "    priority: 100\n", "    priority: high\n")
    one_error(["rules", "check", str(rules_copy)],
              re.compile(rf"^{re.escape(str(agenda))}:7:\d+: .*priority"))


def test_wrong_type_in_cleaning(rules_copy, tmp_path):
    cleaning = rules_copy / "cleaning.yaml"
    text = cleaning.read_text()
    cleaning.write_text(re.sub(r"(?m)^furniture:", "furniture: 12\nold_furniture:", text, 1))
    one_error(["build", str(ARTICLE), "--rules", str(rules_copy), "-o",
               str(tmp_path / "b.pdf")],
              re.compile(rf"^{re.escape(str(cleaning))}:\d+:\d+: furniture"))


def test_alias_bomb_is_refused(rules_copy, tmp_path):
    cleaning = rules_copy / "cleaning.yaml"
    bomb = ('lol1: &l1 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
            + "".join(f"lol{i}: &l{i} [{', '.join([f'*l{i-1}'] * 9)}]\n" for i in range(2, 10)))
    cleaning.write_text(cleaning.read_text() + bomb)
    one_error(["build", str(ARTICLE), "--rules", str(rules_copy), "-o",
               str(tmp_path / "b.pdf")],
              re.compile(rf"^{re.escape(str(cleaning))}:\d+:\d+: invalid YAML: "
                         r"aliases \(\*name\) are not allowed$"))
    # (load_rules caches per folder within a process: use a fresh copy.)
    other = shutil.copytree(RULES, tmp_path / "rules2")
    agenda = other / "sections" / "agenda.yaml"
    agenda.write_text(agenda.read_text() + "extra: &x {a: 1}\nmore: *x\n")
    one_error(["rules", "check", str(other)],
              re.compile(rf"^{re.escape(str(agenda))}:\d+:7: invalid YAML: aliases"))


@pytest.mark.parametrize("pattern", ["(a+)+$", "(x*)*y", "(?=(a+)+)b", "(\\w+\\s?)+$",
                                     "([a-z]+)*z", "(a|aa)+$", "(a|a)*c"])
def test_catastrophic_cue_pattern_is_refused_at_load(rules_copy, tmp_path, pattern):
    facts = rules_copy / "facts.yaml"
    _break(facts, "  signing:      [",
           f"  signing:      ['{pattern.replace(chr(92), chr(92))}', ")
    message = one_error(["build", str(ARTICLE), "--rules", str(rules_copy), "-o",
                         str(tmp_path / "b.pdf")],
                        re.compile(rf"^{re.escape(str(facts))}:\d+:\d+: "))
    assert repr(pattern) in message and "nested" in message, message


def test_ordinary_cue_patterns_still_load():
    from briefing.cues import _alternation

    ok = ["sign(ing)?", "ratif(y|ied|ies|ying|ication)", "(came|come) into force",
          "deliver(ed|ies|y|ing)?", "shipments?", "[0-9]+ (units|pieces)", "a{2,3}b",
          r"\(\w+\)", "(?:a|b)c+", "(?:ab|cd)+e", "(?:[ab]|c)*d"]
    assert _alternation(ok, "x.yaml:1:1")


def test_invalid_cue_regex(rules_copy, tmp_path):
    facts = rules_copy / "facts.yaml"
    _break(facts, "  signing:      [", "  signing:      ['sign(ed', ")
    one_error(["build", str(ARTICLE), "--rules", str(rules_copy), "-o",
               str(tmp_path / "b.pdf")],
              re.compile(rf"^{re.escape(str(facts))}:\d+:\d+: invalid pattern 'sign\(ed'"))


@pytest.mark.parametrize("word", [r"framework(?= agreement\b)", "accords?", "deal 2"])
def test_an_agreement_kind_written_as_a_pattern_is_refused_at_its_line(rules_copy, tmp_path,
                                                                        word):
    """Agreement kinds are words matched as written: a pattern there would never match
    (it is escaped), so it is refused where it stands, not left dead."""
    facts = rules_copy / "facts.yaml"
    _break(facts, "  pact: ['pact']", f"  pact: ['pact', '{word}']")
    line = next(i for i, l in enumerate(facts.read_text().splitlines(), 1)
                if l.startswith("  pact:"))
    message = one_error(["build", str(ARTICLE), "--rules", str(rules_copy), "-o",
                         str(tmp_path / "b.pdf")],
                        re.compile(rf"^{re.escape(str(facts))}:{line}:\d+: agreement_kinds.pact: "))
    assert repr(word) in message and "not a pattern" in message, message


# --- output -------------------------------------------------------------------


def test_output_under_a_regular_file(tmp_path):
    blocker = tmp_path / "somefile.txt"
    blocker.write_text("I am a file")
    one_error(["build", str(ARTICLE), "-o", str(blocker / "brief.pdf"), "--as-of",
               "2025-12-03"],
              f"{blocker}: cannot write here (a file, not a folder)")
    assert blocker.read_text() == "I am a file"


def test_an_unwritable_output_is_refused_before_any_work(tmp_path, monkeypatch):
    from briefing import pipeline
    from briefing.errors import OutputError

    def no_work(*args):
        raise AssertionError("drafted before the output was checked")

    monkeypatch.setattr(pipeline, "draft_notes", no_work)
    blocker = tmp_path / "somefile.txt"
    blocker.write_text("I am a file")
    with pytest.raises(OutputError, match=re.escape(f"{blocker}: cannot write here")):
        pipeline.build([str(ARTICLE)], blocker / "brief.pdf", rules_dir=RULES)
    (tmp_path / "brief.pdf").mkdir()
    with pytest.raises(OutputError, match="a folder is there"):
        pipeline.build([str(ARTICLE)], tmp_path / "brief.pdf", rules_dir=RULES)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf", "somefile.txt"]


def test_failed_build_leaves_previous_pdf_intact(hostile_build, monkeypatch):
    from datetime import date

    import weasyprint

    from briefing.pipeline import build

    folder, out, _ = hostile_build
    before = out.read_bytes()

    def boom(self, *args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(weasyprint.Document, "write_pdf", boom)
    with pytest.raises(RuntimeError, match="disk on fire"):
        build([str(folder / "article.txt")], out, audience="executive", rules_dir=RULES,
              as_of=date(2025, 12, 3))
    assert out.read_bytes() == before
    assert not list(out.parent.glob("*.tmp")) and not list(out.parent.glob(".*.tmp"))


def test_write_atomic_cleans_up_when_replace_fails(tmp_path):
    from briefing.errors import OutputError
    from briefing.pdf import write_atomic

    target = tmp_path / "brief.pdf"
    target.mkdir()  # a folder where the file should go: os.replace fails
    with pytest.raises(OutputError, match=re.escape(f"{target}: cannot write")):
        write_atomic(target, b"%PDF")
    assert list(tmp_path.iterdir()) == [target]


# --- never crash ----------------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400) | st.lists(
    st.sampled_from(["The pact was signed on May 5, 2024.", "“Yes,” he said.", "\n", "\n\n",
                     " ", "Dr. Smith", "U.S.", "$5.4 billion", "Mr.", "é", "\u00a0", "\r",
                     "\ufeff", "\x00", "Advertisement", "President Maria Lopez", "?", "!",
                     '"', "“", "”", "A", "e\u0301", "ﬁ", "Ⅻ", "۵", "next Tuesday"]),
    max_size=40).map("".join)

HYPOTHESIS = settings(max_examples=60, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow])


def _body_only(text: str, cleaning) -> str:
    """clean_text's body without headline detection: a headline line is put back."""
    body, headline = ingest_mod.clean_text(text, cleaning)
    return body


@HYPOTHESIS
@given(TEXT)
def test_cleaning_and_splitting_never_crash(text):
    cleaning = ingest_mod.load_cleaning(RULES)
    body, headline = ingest_mod.clean_text(text, cleaning)
    assert "\r" not in body and "\x00" not in body
    again, _ = ingest_mod.clean_text(body, cleaning, detect_headline=False)
    assert again == body
    sentences = ingest_mod.split_sentences(body, cleaning)
    last = 0
    for s in sentences:
        assert 0 <= s.start <= s.end <= len(body)
        assert s.start >= last
        assert body[s.start:s.end] == s.text
        last = s.end


@HYPOTHESIS
@given(TEXT)
def test_extraction_never_crashes_and_offsets_point_into_the_text(text):
    from datetime import date

    from briefing.cues import load_lexicon
    from briefing.extract import extract_document
    from briefing.models import Document

    cleaning = ingest_mod.load_cleaning(RULES)
    body, _ = ingest_mod.clean_text(text, cleaning)
    doc = Document("d", "d.txt", "", "", "", date(2025, 12, 3), "manifest", body,
                   ingest_mod.split_sentences(body, cleaning))
    sentences = {s.text for s in doc.sentences}
    for fact in extract_document(doc, load_lexicon(RULES)):
        for ev in fact.evidence:
            assert ev.doc_id == "d"
            assert 0 <= ev.start <= ev.end <= len(body)
            # Evidence sits in a sentence — or, for an agreement a headline names, in a
            # heading line above the first sentence.
            assert ev.sentence in sentences or fact.kind == "agreement" and (
                ev.sentence in body.split("\n") and body[ev.start:ev.end] == fact.text)
            assert body[ev.start:ev.end] in ev.sentence
            if fact.kind != "claim":
                assert body[ev.start:ev.end] == fact.text, (fact, body)


def test_cli_error_is_not_a_traceback_for_project_errors(tmp_path):
    # BriefingError subclasses all take the one-line path.
    assert issubclass(SourceError, BriefingError)
    code, err = run("build", str(tmp_path / "x.txt"), "-o", str(tmp_path / "o.pdf"))
    assert code == 1 and err.count("\n") == 1
