"""The rule language: load, validate and match the section rules in `rules/sections/`.

A rule says which facts it takes (`when`), which section it fills, how the item reads
(`say`, a Jinja snippet giving Markdown), its `priority`, and `examples` that must and
must not match. Every problem in every file is collected and reported at once as
`FILE:LINE:COL: rule 'ID': what is wrong (expected …)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from briefing.errors import BriefingError, RuleError, did_you_mean
from briefing.models import Fact
from briefing.yamlload import load_yaml, mark_of

SECTIONS = ("Agreement", "Agenda", "Context", "Open Questions")
FACT_KINDS = ("frame", "step", "event", "claim", "figure", "quote", "conflict", "person",
              "organisation", "place", "agreement", "timex")
RULE_KEYS = {"id": str, "description": str, "section": str, "when": dict, "say": str,
             "priority": int, "limit": int, "examples": dict}
_TYPE_NAMES = {str: "text", int: "a whole number", dict: "a mapping"}
REQUIRED = ("id", "section", "when", "say", "priority")
# Condition → what it tests. Lists mean "any of"; `not_*` mean "none of".
WHEN_KEYS = {
    "kind": "fact kind (one of FACT_KINDS)",
    "events": "claim events, any of", "not_events": "claim events, none of",
    "modality": "modality, any of", "tense": "tense, any of",
    "cue": "cue classes (rules/facts.yaml cues), any of", "not_cue": "cue classes, none of",
    "measure": "what a figure measures, any of", "has": "attributes that must be present",
    "has_any": "attributes of which at least one must be present",
    "lacks": "attributes that must be absent", "attrs": "attribute → value or list",
    "about_agreement": "a claim about an agreement (true/false)",
    "min_sources": "at least this many sources", "max_sources": "at most this many sources",
}
LIST_CONDITIONS = {"events", "not_events", "modality", "tense", "cue", "not_cue", "measure",
                   "has", "has_any", "lacks"}


@dataclass(frozen=True)
class Rule:
    """One validated rule. `when` is kept as plain data; `where` is its file position."""

    id: str
    description: str
    section: str
    when: tuple[tuple[str, Any], ...]
    say: str
    priority: int
    limit: int
    examples_match: tuple[str, ...]
    examples_no_match: tuple[str, ...]
    where: str

    @property
    def kind(self) -> str:
        """The fact kind this rule takes (every rule names one)."""
        return dict(self.when)["kind"]

    def matches(self, fact: Fact) -> bool:
        """Whether `fact` satisfies every condition of `when`."""
        for test in self._tests:  # a loop, not all(…): asked of every fact, every build
            if not test(fact):
                return False
        return True

    @cached_property
    def _tests(self) -> tuple[Callable[[Fact], bool], ...]:
        # Compiled once: rules are matched against every fact of their kind, each build.
        return tuple(_compile_test(name, value) for name, value in self.when)


def _compile_test(name: str, want: Any) -> Callable[[Fact], bool]:
    """One condition of `when` as a test of a fact."""
    if name == "kind":
        return lambda f: f.kind == want
    if name in {"events", "not_events", "cue", "not_cue"}:
        attr, wanted, hit = ("events" if "events" in name else "cues"), frozenset(want), \
            not name.startswith("not_")
        return lambda f: (not wanted.isdisjoint(f.attr(attr).split(","))) == hit
    if name in {"modality", "tense", "measure"}:
        wanted = frozenset(want)
        return lambda f: f.attr(name) in wanted
    if name == "has":
        return lambda f: all(f.attr(a) for a in want)
    if name == "has_any":
        return lambda f: any(f.attr(a) for a in want)
    if name == "lacks":
        return lambda f: not any(f.attr(a) for a in want)
    if name == "attrs":
        pairs = tuple((k, tuple(v) if isinstance(v, list) else (v,)) for k, v in want.items())
        return lambda f: all(f.attr(k) in vs for k, vs in pairs)
    if name == "about_agreement":
        return lambda f: bool(f.attr("agreement")) == want
    if name == "min_sources":
        return lambda f: f.corroboration >= want
    if name == "max_sources":
        return lambda f: f.corroboration <= want
    raise AssertionError(f"unvalidated condition {name}")


@lru_cache(maxsize=8)
def load_rules(rules_dir: Path) -> tuple[Rule, ...]:
    """Every rule in `rules_dir/sections/*.yaml`, validated; RuleError lists all problems."""
    folder = rules_dir / "sections"
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        raise RuleError(f"{folder}: no rule files (expected sections/*.yaml)")
    problems: list[str] = []
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in files:
        try:
            data = load_yaml(path)
        except BriefingError as exc:
            problems.append(str(exc))
            continue
        items = data.get("rules") if isinstance(data, dict) else None
        if not isinstance(items, list):
            problems.append(f"{mark_of(data) or path}: expected a top-level 'rules:' list")
            continue
        for i, raw in enumerate(items):
            rule = _validate(raw, mark_of(items, i), problems)
            if rule is None:
                continue
            if rule.id in seen:
                problems.append(f"{rule.where}: rule '{rule.id}': duplicate id "
                                f"(first defined at {seen[rule.id]})")
                continue
            seen[rule.id] = rule.where
            rules.append(rule)
    if problems:
        raise RuleError("\n".join(problems))
    return tuple(rules)


def _validate(raw: Any, where, problems: list[str]) -> Rule | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: expected a rule (a mapping with id, section, when, say)")
        return None
    rid = raw.get("id", "?")
    before = len(problems)

    def problem(key, message):
        problems.append(f"{mark_of(raw, key, where) if key else where}: rule '{rid}': {message}")

    for key in raw:
        if key not in RULE_KEYS:
            problem(key, f"unknown key '{key}' (expected one of: {', '.join(RULE_KEYS)})"
                    + did_you_mean(key, RULE_KEYS))
        elif not isinstance(raw[key], RULE_KEYS[key]) or (
                RULE_KEYS[key] is int and isinstance(raw[key], bool)):
            problem(key, f"'{key}' must be {_TYPE_NAMES[RULE_KEYS[key]]}")
    for key in REQUIRED:
        if key not in raw:
            problem(None, f"missing '{key}'")
    if isinstance(raw.get("section"), str) and raw["section"] not in SECTIONS:
        problem("section", f"unknown section '{raw['section']}' (expected one of: "
                f"{', '.join(SECTIONS)})" + did_you_mean(raw["section"], SECTIONS))
    when = raw.get("when") if isinstance(raw.get("when"), dict) else {}
    for key, value in when.items():
        at = mark_of(when, key, where)
        if key not in WHEN_KEYS:
            problems.append(f"{at}: rule '{rid}': unknown condition '{key}' (expected one of: "
                            f"{', '.join(WHEN_KEYS)})" + did_you_mean(key, WHEN_KEYS))
        elif key == "kind" and value not in FACT_KINDS:
            problems.append(f"{at}: rule '{rid}': unknown fact kind '{value}' (expected one "
                            f"of: {', '.join(FACT_KINDS)})" + did_you_mean(value, FACT_KINDS))
        elif key in LIST_CONDITIONS and not (isinstance(value, list) and all(
                isinstance(v, str) for v in value)):
            problems.append(f"{at}: rule '{rid}': '{key}' must be a list of names")
        elif key in {"min_sources", "max_sources"} and (
                not isinstance(value, int) or isinstance(value, bool)):
            problems.append(f"{at}: rule '{rid}': '{key}' must be a whole number")
        elif key == "about_agreement" and not isinstance(value, bool):
            problems.append(f"{at}: rule '{rid}': 'about_agreement' must be true or false")
        elif key == "attrs" and not isinstance(value, dict):
            problems.append(f"{at}: rule '{rid}': 'attrs' must map attribute names to values")
    if "kind" not in when and "when" in raw:
        problem("when", "'when' must name a fact 'kind'")
    if isinstance(raw.get("say"), str):
        from briefing.phrasing import check_snippet

        error = check_snippet(raw["say"])
        if error:
            problem("say", f"'say' is not a valid template: {error}")
    examples = raw.get("examples") if isinstance(raw.get("examples"), dict) else {}
    for key in examples:
        if key not in {"match", "no_match"}:
            problems.append(f"{mark_of(examples, key, where)}: rule '{rid}': unknown key "
                            f"'{key}' in examples (expected match, no_match)")
    if len(problems) > before:
        return None
    return Rule(id=str(rid), description=str(raw.get("description", "")),
                section=raw["section"], when=tuple(when.items()), say=raw["say"],
                priority=raw["priority"], limit=int(raw.get("limit", 0)),
                examples_match=tuple(str(e) for e in examples.get("match", []) or []),
                examples_no_match=tuple(str(e) for e in examples.get("no_match", []) or []),
                where=str(where))


def json_schema() -> dict:
    """A JSON Schema for rule files, for editors to validate and complete them."""
    list_of_names = {"type": "array", "items": {"type": "string"}}
    when_props: dict[str, Any] = {k: {"description": d, **list_of_names}
                                  for k, d in WHEN_KEYS.items() if k in LIST_CONDITIONS}
    when_props["kind"] = {"enum": list(FACT_KINDS), "description": WHEN_KEYS["kind"]}
    when_props["attrs"] = {"type": "object", "description": WHEN_KEYS["attrs"]}
    when_props["about_agreement"] = {"type": "boolean"}
    when_props["min_sources"] = {"type": "integer", "minimum": 1}
    when_props["max_sources"] = {"type": "integer", "minimum": 1}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "briefing section rules",
        "type": "object", "required": ["rules"], "additionalProperties": False,
        "properties": {"rules": {"type": "array", "items": {
            "type": "object", "additionalProperties": False, "required": list(REQUIRED),
            "properties": {
                "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
                "description": {"type": "string"},
                "section": {"enum": list(SECTIONS)},
                "when": {"type": "object", "required": ["kind"],
                         "additionalProperties": False, "properties": when_props},
                "say": {"type": "string", "description": "Jinja snippet giving Markdown"},
                "priority": {"type": "integer"},
                "limit": {"type": "integer", "minimum": 0},
                "examples": {"type": "object", "additionalProperties": False, "properties": {
                    "match": list_of_names, "no_match": list_of_names}},
            }}}},
    }
