"""The rule language: loading reports every problem precisely; examples run as tests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from briefing.errors import RuleError
from briefing.rules import SECTIONS, json_schema, load_rules
from briefing.ruletest import run_examples

RULES = Path(__file__).resolve().parent.parent / "rules"


def _rules_dir(tmp_path: Path, text: str) -> Path:
    (tmp_path / "sections").mkdir(parents=True)
    (tmp_path / "sections" / "a.yaml").write_text(text)
    return tmp_path


def test_every_bundled_rule_example_behaves():
    results = run_examples(load_rules(RULES), RULES)
    assert len(results) >= 20
    failed = [f"{r.rule}: {r.text}" for r in results if not r.ok]
    assert failed == []


def test_bundled_rules_cover_the_four_sections():
    assert {r.section for r in load_rules(RULES)} == set(SECTIONS)


def test_all_problems_reported_with_file_line_and_did_you_mean(tmp_path):
    folder = _rules_dir(tmp_path, """rules:
  - id: one
    section: Agenda
    when: {kind: figrue}
    say: "x"
    priority: 1
  - id: two
    section: Agendas
    when: {kind: claim, modalty: [expected]}
    say: "x"
    priority: high
""")
    with pytest.raises(RuleError) as info:
        load_rules(folder)
    path = folder / "sections" / "a.yaml"
    assert str(info.value).splitlines() == [
        f"{path}:4:12: rule 'one': unknown fact kind 'figrue' (expected one of: frame, step, event, "
        "claim, figure, quote, conflict, person, organisation, place, agreement, timex); "
        "did you mean 'figure'?",
        f"{path}:11:5: rule 'two': 'priority' must be a whole number",
        f"{path}:8:5: rule 'two': unknown section 'Agendas' (expected one of: Agreement, "
        "Agenda, Context, Open Questions); did you mean 'Agenda'?",
        f"{path}:9:25: rule 'two': unknown condition 'modalty' (expected one of: kind, events, "
        "not_events, modality, tense, cue, not_cue, measure, has, has_any, lacks, attrs, "
        "about_agreement, min_sources, max_sources); did you mean 'modality'?",
    ]


def test_duplicate_ids_and_duplicate_keys_rejected(tmp_path):
    folder = _rules_dir(tmp_path, """rules:
  - {id: a, section: Agenda, when: {kind: claim}, say: x, priority: 1}
  - {id: a, section: Agenda, when: {kind: claim}, say: x, priority: 1}
""")
    with pytest.raises(RuleError, match=r"a\.yaml:3:5: rule 'a': duplicate id \(first defined at "):
        load_rules(folder)
    folder2 = _rules_dir(tmp_path / "b", "rules:\n  - id: a\n    id: b\n")
    with pytest.raises(RuleError, match=r"a\.yaml:3:5: duplicate key 'id' \(first at line 2\)"):
        load_rules(folder2)


def test_bad_say_template_is_named(tmp_path):
    folder = _rules_dir(tmp_path, """rules:
  - {id: a, section: Agenda, when: {kind: claim}, say: "{{ f.text ", priority: 1}
""")
    with pytest.raises(RuleError, match=r"rule 'a': 'say' is not a valid template: line 1"):
        load_rules(folder)


def test_a_rule_whose_example_fails_is_reported(tmp_path):
    folder = _rules_dir(tmp_path, """rules:
  - id: wrong
    section: Context
    when: {kind: figure, measure: [tariff]}
    say: "{{ f.display }}"
    priority: 1
    examples:
      match: ["Trade reached $3 billion."]
""")
    for extra in ("facts.yaml", "cleaning.yaml", "gazetteer.yaml", "timex.yaml"):
        (folder / extra).write_text((RULES / extra).read_text())
    results = run_examples(load_rules(folder), folder)
    assert [(r.rule, r.ok) for r in results] == [("wrong", False)]


def test_schema_is_json_and_lists_conditions():
    schema = json_schema()
    when = schema["properties"]["rules"]["items"]["properties"]["when"]["properties"]
    assert {"kind", "events", "modality", "cue", "min_sources"} <= set(when)
    json.dumps(schema)


def test_yaml_reads_on_no_yes_as_words_not_booleans():
    from briefing.yamlload import load_yaml

    assert load_yaml("x.yaml", "a: [on, off, yes, No, true, False]\n") == {
        "a": ["on", "off", "yes", "No", True, False]}


def test_rules_check_reads_the_cue_phrases_too(tmp_path):
    """A broken facts.yaml is found by `briefing rules check`, not first by a build."""
    import shutil

    from click.testing import CliRunner

    from briefing.cli import main

    shutil.copytree(RULES, tmp_path / "rules")
    facts = tmp_path / "rules" / "facts.yaml"
    broken = facts.read_text().replace("deadline:     ['deadlines?'",
                                       r'deadline:     ["dead\wlines?"', 1)
    assert broken != facts.read_text()
    facts.write_text(broken)
    result = CliRunner().invoke(main, ["rules", "check", str(tmp_path / "rules")])
    assert result.exit_code == 1
    assert "facts.yaml:" in result.output and "invalid YAML" in result.output


def test_a_set_phrase_without_its_group_is_refused_at_its_line(tmp_path):
    """The set phrases of facts.yaml are read by the groups the code names: a regex
    without one is refused where it is written, not found missing by a build."""
    import shutil

    from briefing.cues import load_lexicon

    shutil.copytree(RULES, tmp_path / "rules")
    facts = tmp_path / "rules" / "facts.yaml"
    text = facts.read_text()
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "(?P<who>" in l)
    facts.write_text(text.replace("(?P<who>", "(", 1))
    with pytest.raises(RuleError, match=rf"facts.yaml:{line}:\d+: phrases.signed_by: .*who"):
        load_lexicon(tmp_path / "rules")


def test_set_phrases_fill_the_slots(tmp_path):
    """What the phrases of facts.yaml read fills the note's slots: a vote's tally, where
    a visit goes, and why."""
    from briefing.pipeline import analyse

    (tmp_path / "a.txt").write_text(
        "LIMA, 3 May 2027 - The Senate ratified the Water Treaty by 61 votes to 39 on "
        "Tuesday. President Ana Ruiz will travel to Cusco on 20 May to sign a port "
        "agreement.\n")
    facts = analyse([str(tmp_path)], RULES).facts
    frame = next(f for f in facts if f.kind == "frame")
    event = next(f for f in facts if f.kind == "event")
    assert frame.attr("vote") == "61–39"
    assert (event.attr("places").split("|")[0], event.attr("purpose")) == (
        "Cusco", "sign a port agreement")


def _with_elections(rules: Path, entry: str) -> None:
    """Add a cue class `election` to facts.yaml's events and `entry` (a line, or "") to
    its coming events."""
    facts = rules / "facts.yaml"
    text = facts.read_text()
    assert "\nevents:\n" in text and "\ncoming_events:\n" in text
    facts.write_text(text.replace("\nevents:\n", "\nevents:\n  election: ['elections?', 'polls']\n", 1)
                     .replace("\ncoming_events:\n", f"\ncoming_events:\n{entry}", 1))


@pytest.mark.parametrize("entry, line", [
    ("  election: {people: false}\n", "**14 February 2027**: election in Ecuador."),
    ("  election: {label: general election, place: across}\n",
     "**14 February 2027**: general election across Ecuador."),
    ("", None),  # a cue class alone is no kind of coming event
])
def test_a_kind_of_coming_event_is_a_rule_edit(tmp_path, entry, line):
    """A new kind of event on the agenda takes facts.yaml only: its cue class, and a
    line in `coming_events` saying how the note names it — no code."""
    import shutil

    from briefing.assemble import assemble, resolve_citations
    from briefing.pipeline import analyse

    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    _with_elections(rules, entry)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "QUITO, 2 November 2026 (Reuters) - Ecuador will hold general elections on 14 "
        "February 2027, the electoral council said. President Elena Vaca is expected to "
        "stand again in the elections.\n")
    brief = assemble(analyse([str(tmp_path / "in")], rules), load_rules(rules),
                     as_of=date(2026, 11, 3), audience="executive")
    agenda = [resolve_citations(i.text, brief.sources).split(" [")[0]
              for s in brief.sections if s.name == "Agenda" for i in s.items]
    assert (line in agenda) if line else not any("14 February 2027" in a for a in agenda), agenda


@pytest.mark.parametrize("entry, message", [
    ("  elections: {people: false}\n", r"coming_events.elections: no such class in events; "
                                       r"did you mean 'election'\?"),
    ("  election: {peeple: false}\n", r"coming_events.election: no option 'peeple'; "
                                      r"did you mean 'people'\?"),
    ("  election: {people: 'no one'}\n", r"coming_events.election.people: 'no one' is not "
                                         r"true or false"),
    ("  election: {place: true}\n", r"coming_events.election.place: True is not a word or "
                                    r"false"),
])
def test_a_wrong_kind_of_coming_event_is_refused_at_its_line(tmp_path, entry, message):
    """A misspelt kind or option in `coming_events` is refused where it stands, not
    silently ignored (the event would just never reach the agenda)."""
    import shutil

    from briefing.cues import load_lexicon

    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    _with_elections(rules, entry)
    line = next(i for i, l in enumerate((rules / "facts.yaml").read_text().splitlines(), 1)
                if l == entry.rstrip("\n"))
    with pytest.raises(RuleError, match=rf"facts.yaml:{line}:\d+: {message}"):
        load_lexicon(rules)


def test_coming_events_without_visit_are_refused(tmp_path):
    """An event whose sentences name no other kind is a visit: a table without visit is
    refused at its line, not a build that fails later."""
    import shutil

    from briefing.cues import load_lexicon

    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    facts = rules / "facts.yaml"
    text = facts.read_text()
    assert "\n  visit:            {place: to}\n" in text
    facts.write_text(text.replace("\n  visit:            {place: to}\n", "\n", 1))
    line = next(i for i, l in enumerate(facts.read_text().splitlines(), 1)
                if l == "coming_events:")
    with pytest.raises(RuleError, match=rf"facts.yaml:{line}:\d+: coming_events must list visit"):
        load_lexicon(rules)
