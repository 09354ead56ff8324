"""`briefing batch`: many events in one run; one event's bad input fails only that event."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.batch import load_manifest
from briefing.cli import main
from briefing.errors import BriefingError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "relos-2025"

ARTICLE = """Ministers sign trade pact

GENEVA, March 3, 2025 — The trade ministers of two neighbouring countries signed a
trade agreement on Monday in Geneva. The agreement cuts tariffs on farm goods by 20 per
cent. It now moves to both parliaments for final approval, which is expected in June.
"""


def _manifest(tmp_path: Path) -> Path:
    second = tmp_path / "second"
    second.mkdir()
    for name in sorted(p.name for p in EXAMPLE.glob("*.txt"))[:2]:
        shutil.copy(EXAMPLE / name, second / name)
    (second / "pact.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    manifest = tmp_path / "events.yaml"
    manifest.write_text(f"""events:
  - name: sample
    sources: [{EXAMPLE}]
    audiences: [executive, press]
    as_of: 2025-12-03
  - name: second
    sources: [second]
    output: out/second-event
  - name: broken
    sources: [empty]
""", encoding="utf-8")
    return manifest


def test_batch_builds_good_events_and_reports_the_broken_one(tmp_path):
    manifest = _manifest(tmp_path)
    result = CliRunner().invoke(main, ["batch", str(manifest), "--jobs", "2"])
    assert result.exit_code == 1, result.output
    out = result.output
    for event in ("sample", "second", "broken"):
        assert event in out
    assert "error:" in out and "empty" in out
    assert "3 note(s) built, 1 failed" in out
    for pdf in (tmp_path / "out/sample/executive.pdf", tmp_path / "out/sample/press.pdf",
                tmp_path / "out/second-event/executive.pdf"):
        assert pdf.read_bytes().startswith(b"%PDF")
        report = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
        assert report["sections"]
    assert not (tmp_path / "out/broken").exists()


def test_batch_all_good_exits_0_in_process(tmp_path):
    manifest = tmp_path / "one.yaml"
    manifest.write_text(f"events:\n  - name: only\n    sources: [{EXAMPLE}]\n",
                        encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(manifest), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "1 note(s) built, 0 failed" in result.output
    assert (tmp_path / "out/only/executive.pdf").is_file()


@pytest.mark.parametrize("text, message", [
    ("events: []\n", "1:1: 'events' is empty"),
    ("event:\n  - name: a\n", "1:1: expected a mapping with an 'events:' list"),
    ("events:\n  - name: a\n    sources: [x]\n    colour: red\n", "4:5: unknown key 'colour'"),
    ("events:\n  - name: a b\n    sources: [x]\n", "2:5: name must be"),
    ("events:\n  - name: a\n    sources: []\n", "3:5: sources must be a non-empty list"),
    ("events:\n  - name: a\n", "2:5: event 'a' needs 'sources'"),
    ("events:\n  - {name: a, sources: [x]}\n  - {name: a, sources: [y]}\n",
     "3:6: duplicate event name 'a'"),
    ("events:\n  - name: a\n    sources: [x]\n    as_of: soon\n", "4:5: as_of must be"),
])
def test_manifest_errors_name_file_line_and_column(tmp_path, text, message):
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefingError) as err:
        load_manifest(path)
    assert f"{path}:{message}" in str(err.value)
    result = CliRunner().invoke(main, ["batch", str(path)])
    assert result.exit_code == 1
    assert message in result.output
