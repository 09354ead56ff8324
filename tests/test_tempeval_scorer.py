"""The TempEval-3 scorer (bench/tempeval.py) on small hand-written TimeML fixtures."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from briefing.models import Timex

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "tml"


def _load_scorer():
    spec = importlib.util.spec_from_file_location("tempeval", ROOT / "bench" / "tempeval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["tempeval"] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


tempeval = _load_scorer()


def test_parse_strips_tags_and_keeps_gold_offsets():
    doc = tempeval.parse_tml((FIXTURES / "harbour.tml").read_text(), "harbour.tml")
    assert doc.dct == dt.date(2021, 3, 10)
    assert doc.text == ("\nThe harbour board met on Tuesday and said the new quay, planned "
                        "for three years, will open in June. Fees rose 5% & more since 2019.\n")
    assert [(g.text, g.type, g.value) for g in doc.timexes] == [
        ("Tuesday", "DATE", "2021-03-09"), ("three years", "DURATION", "P3Y"),
        ("June", "DATE", "2021-06"), ("2019", "DATE", "2019")]
    for g in doc.timexes:
        assert doc.text[g.start:g.end] == g.text


def test_the_dct_is_not_gold():
    doc = tempeval.parse_tml((FIXTURES / "sub" / "orchard.tml").read_text())
    assert doc.dct == dt.date(2022, 10, 3)
    assert "October 3, 2022" not in doc.text
    assert [g.text for g in doc.timexes] == ["this autumn", "last week"]


def test_load_corpus_is_recursive_and_sorted():
    names = [d.name for d in tempeval.load_corpus([str(FIXTURES)])]
    assert names == ["harbour.tml", "orchard.tml"]


def _fake_tagger(answers):
    return lambda text, dct: answers[text]


def test_metrics_strict_relaxed_type_value():
    doc = tempeval.parse_tml((FIXTURES / "harbour.tml").read_text(), "harbour.tml")
    text = doc.text
    system = [
        Timex(26, 33, "Tuesday", "DATE", "2021-03-09"),          # exact, right value
        Timex(65, 80, "for three years", "DURATION", "P3Y"),     # overlap only
        Timex(95, 99, "June", "DATE", "2020-06"),                # exact, wrong value
        Timex(111, 113, "5%", "DATE", "2005"),                   # false positive
    ]
    counts, _ = tempeval.evaluate([doc], _fake_tagger({text: system}))
    m = tempeval.metrics(counts)
    assert (counts.gold, counts.system, counts.strict, counts.relaxed) == (4, 4, 2, 3)
    assert m["strict"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert m["relaxed"] == {"precision": 0.75, "recall": 0.75, "f1": 0.75}
    assert m["value"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert m["type_accuracy"] == 1.0
    assert [fp[1] for fp in counts.false_positives] == [
        " will open in June. Fees rose [5%] & more since 2019. "]
    assert [fn[3] for fn in counts.false_negatives] == ["2019"]


def test_relaxed_matching_is_one_to_one():
    gold = [Timex(0, 10, "", "DATE", "x")]
    system = [Timex(0, 4, "", "DATE", "x"), Timex(5, 10, "", "DATE", "x")]
    assert tempeval.match_relaxed(gold, system) == [(0, 0)]


def test_main_prints_json(capsys):
    assert tempeval.main([str(FIXTURES), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["documents"], result["gold"]) == (2, 6)
    assert result["strict"]["recall"] == 1.0
    assert result["value"]["recall"] == pytest.approx(5 / 6, abs=1e-4)
    assert result["chars_per_second"] > 0


def test_main_prints_errors(capsys):
    tempeval.main([str(FIXTURES), "--errors", "5"])
    out = capsys.readouterr().out
    assert "orchard.tml | this autumn | DATE | FUTURE_REF | this autumn | DATE | 2022-FA" in out
