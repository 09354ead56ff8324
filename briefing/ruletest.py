"""Rules test themselves: each rule's `examples` must (and must not) produce a match.

An example is a short text; a line holding only `---` separates documents, so an
example can show two sources disagreeing. The text runs through the real extraction
and consolidation, then the rule is tried on every fact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefing.assemble import conflict_fact
from briefing.consolidate import consolidate
from briefing.extract import extract
from briefing.ingest import clean_text, load_cleaning, split_sentences
from briefing.models import Document
from briefing.rules import Rule

EXAMPLE_DATE = date(2025, 6, 15)  # examples are written as if published on this day


@dataclass(frozen=True)
class ExampleResult:
    """One example's outcome."""

    rule: str
    where: str
    text: str
    expected: bool
    matched: bool

    @property
    def ok(self) -> bool:
        """Whether the rule behaved as the example says."""
        return self.expected == self.matched


def example_facts(text: str, rules_dir: Path) -> list:
    """The merged facts (and conflicts, as facts) of an example text."""
    cleaning = load_cleaning(rules_dir)
    docs = []
    for n, part in enumerate(text.split("\n---\n"), 1):
        body, _ = clean_text(part, cleaning)
        docs.append(Document(f"ex{n}", f"example-{n}", "", "", "", EXAMPLE_DATE, "manifest",
                             body, split_sentences(body, cleaning)))
    facts = consolidate(tuple(docs), extract(tuple(docs), rules_dir), rules_dir)
    return list(facts.facts) + [conflict_fact(c) for c in facts.conflicts]


def run_examples(rules: tuple[Rule, ...], rules_dir: Path) -> list[ExampleResult]:
    """Every example of every rule, in file order."""
    results = []
    for rule in rules:
        for expected, texts in ((True, rule.examples_match), (False, rule.examples_no_match)):
            for text in texts:
                matched = any(rule.matches(f) for f in example_facts(text, rules_dir))
                results.append(ExampleResult(rule.id, rule.where, text, expected, matched))
    return results
