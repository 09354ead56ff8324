"""The extraction knowledge in `rules/facts.yaml` and `rules/gazetteer.yaml`, compiled.

Loaded once per rules folder. Code elsewhere asks questions of a `Lexicon` ("which
events does this sentence signal?", "which role precedes this name?"); the words
themselves live in the YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefing.errors import RuleError
from briefing.yamlload import load_yaml, mark_of


def _alternation(patterns, where: str) -> str:
    for p in patterns:
        try:  # parsing finds what compiling would (the combined regex is compiled once)
            nested = _nested_repeat(p)
        except re.error as exc:
            raise RuleError(f"{where}: invalid pattern {p!r}: {exc}") from None
        if nested:
            # Python's re has no timeout: refuse what can backtrack exponentially.
            raise RuleError(f"{where}: pattern {p!r} has a nested quantifier (a repeat "
                            "inside an unbounded repeat, like (a+)+), which can take "
                            "exponential time; rewrite it without one")
    return "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))


def _nested_repeat(pattern: str) -> bool:
    """Whether `pattern` repeats, without bound, something that itself repeats."""
    from re import _constants as c, _parser as parser  # noqa: PLC0415 - stdlib internals

    repeats = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT))

    def walk(items, inside_unbounded: bool) -> bool:
        for op, av in items:
            if op in repeats:
                _, high, body = av
                if inside_unbounded and high > 1:
                    return True
                if walk(body, inside_unbounded or high == c.MAXREPEAT):
                    return True
            elif op is c.SUBPATTERN:
                if walk(av[-1], inside_unbounded):
                    return True
            elif op is c.BRANCH:
                if any(walk(b, inside_unbounded) for b in av[1]):
                    return True
            elif op in (c.ASSERT, c.ASSERT_NOT):
                if walk(av[1], inside_unbounded):
                    return True
        return False

    return walk(parser.parse(pattern), False)


def _word_re(patterns, where: str, flags=re.IGNORECASE) -> re.Pattern:
    """One regex matching any of `patterns` as whole words."""
    return re.compile(rf"(?<![\w-])(?:{_alternation(patterns, where)})(?![\w])", flags)


def literal_prefix(pattern: str) -> str:
    """The text every match of `pattern` starts with (lower-case; "" when unsure).

    "ratif(y|ied)" → "ratif", "visits?" → "visit", "(is|are) set" → "": a cheap
    substring test then rules a class out before its regex runs.
    """
    depth = 0
    for ch in pattern:  # a top-level "|" means two starts: no single prefix
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            return ""
    out = []
    for ch in pattern:
        if ch in "?*{":
            return "".join(out[:-1]).lower()  # the last character is optional
        if ch in "\\.^$+[]()|":
            break
        out.append(ch)
    return "".join(out).lower()


@dataclass(frozen=True)
class CueClasses:
    """Named classes of cue phrases, each one compiled regex, with the literal starts
    of its cues (None when one cue has none) to skip classes cheaply."""

    names: tuple[str, ...]
    patterns: tuple[re.Pattern, ...]
    prefixes: tuple[tuple[str, ...] | None, ...]

    def _candidates(self, text: str):
        low = text.lower()
        for name, pattern, starts in zip(self.names, self.patterns, self.prefixes):
            if starts is None or any(p in low for p in starts):
                yield name, pattern

    def find(self, text: str) -> list[tuple[str, re.Match]]:
        """Every (class, match) found in `text`, in class order."""
        return [(n, m) for n, p in self._candidates(text) for m in p.finditer(text)]

    def classes(self, text: str) -> tuple[str, ...]:
        """The classes that occur in `text`, in class order."""
        return tuple(n for n, p in self._candidates(text) if p.search(text))

    def first(self, text: str) -> str:
        """The first class (in file order) that occurs in `text`, or ""."""
        for n, p in self._candidates(text):
            if p.search(text):
                return n
        return ""


def _classes(data, key: str, path: Path) -> CueClasses:
    table = data.get(key)
    if not isinstance(table, dict):
        raise RuleError(f"{mark_of(data) or path}: '{key}' must map class names to cue lists")
    names, pats, starts = [], [], []
    for name, cues in table.items():
        where = str(mark_of(table, name) or path)
        if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
            raise RuleError(f"{where}: {key}.{name}: expected a list of cue phrases")
        names.append(str(name))
        pats.append(_word_re(cues, where))
        prefixes = tuple(literal_prefix(c) for c in cues)
        starts.append(None if "" in prefixes else prefixes)
    return CueClasses(tuple(names), tuple(pats), tuple(starts))


@dataclass(frozen=True)
class Place:
    """A country or capital from the gazetteer, with the country it stands for."""

    name: str
    country: str
    kind: str  # country | capital | demonym | seat


@dataclass(frozen=True)
class Body:
    """A legislature or international organisation from the gazetteer."""

    name: str
    country: str
    chamber: str  # lower | upper | unicameral | both | "" for organisations
    acronym: str = ""


@dataclass(frozen=True, eq=False)  # compared by identity, so it can key caches
class Lexicon:
    """Everything extraction knows, compiled from the rules folder."""

    events: CueClasses
    cues: CueClasses
    modality: CueClasses
    tense: CueClasses
    measures: CueClasses
    currencies: CueClasses
    scales: dict[str, str]  # lower-case word → scale name
    scale_re: str
    role_re: str
    rank_re: str
    qualifiers: dict[str, str]
    agreement_head: re.Pattern
    agreement_kinds: dict[str, str]  # lower-case head word → kind
    name_stopwords: frozenset[str]
    count_units: re.Pattern
    anaphora: re.Pattern
    speech_verbs: str
    places: dict[str, Place]  # surface form → place
    place_re: re.Pattern
    bodies: dict[str, Body]
    body_re: re.Pattern


@lru_cache(maxsize=8)
def load_lexicon(rules_dir: Path) -> Lexicon:
    """Compile `facts.yaml` and `gazetteer.yaml` from `rules_dir` (cached)."""
    path = rules_dir / "facts.yaml"
    data = load_yaml(path)
    w = str(path)
    kinds: dict[str, str] = {}
    heads = []
    for kind, words in data["agreement_kinds"].items():
        for word in words:
            kinds[word.lower()] = kind
            heads.append(re.escape(word))
    scales = {}
    for scale, words in data["scales"].items():
        for word in words:
            scales[word.lower()] = scale
    places, bodies = _gazetteer(rules_dir)
    return Lexicon(
        events=_classes(data, "events", path),
        cues=_classes(data, "cues", path),
        modality=_classes(data, "modality", path),
        tense=_classes(data, "tense", path),
        measures=_classes(data, "measures", path),
        currencies=_classes(data, "currencies", path),
        scales=scales,
        scale_re=_alternation([re.escape(s) for s in scales], w),
        role_re=_alternation(data["roles"], w),
        rank_re=_alternation(data["ranks"], w),
        qualifiers={k.lower(): v for k, v in data["role_qualifiers"].items()},
        agreement_head=re.compile(rf"\b(?:{'|'.join(sorted(heads, key=len, reverse=True))})\b",
                                  re.IGNORECASE),
        agreement_kinds=kinds,
        name_stopwords=frozenset(s.lower() for s in data["name_stopwords"]),
        count_units=_word_re(data["count_units"], w),
        anaphora=_word_re(data["anaphora"], w),
        speech_verbs=_alternation(data["speech_verbs"], w),
        places=places,
        place_re=_names_re(places),
        bodies=bodies,
        body_re=_names_re(bodies),
    )


def _names_re(table: dict) -> re.Pattern:
    """Any name of `table` as a whole word, the longest where several start at one place.

    The names are factored into a trie ("South (?:Africa|Korea|Sudan)"): the same
    matches as the plain alternation sorted longest first (at a position the deepest
    branch is tried first, and only one branch can continue), compiled and scanned
    several times faster than a thousand alternatives.
    """
    trie: dict = {}
    for name in table:
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in node.items() if ch]
        if "" in node:
            branches.append("")  # the name ending here: tried after every longer one
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    body = emit(trie) if trie else "(?!)"
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])")


def _gazetteer(rules_dir: Path) -> tuple[dict[str, Place], dict[str, Body]]:
    path = rules_dir / "gazetteer.yaml"
    if not path.exists():
        return {}, {}
    data = load_yaml(path)
    places: dict[str, Place] = {}
    for c in data.get("countries", []):
        name = c["name"]
        for alias in [name, *c.get("aliases", [])]:
            places.setdefault(alias, Place(name, name, "country"))
        for dem in c.get("demonyms", []):
            places.setdefault(dem, Place(name, name, "demonym"))
        capital = c.get("capital")
        if capital:
            for alias in [capital, *c.get("capital_aliases", [])]:
                places.setdefault(alias, Place(capital, name, "capital"))
        for seat in c.get("metonyms", []) or []:
            places.setdefault(seat, Place(seat, name, "seat"))
    bodies: dict[str, Body] = {}
    for leg in data.get("legislatures", []):
        body = Body(leg["name"], leg.get("country", ""), leg.get("chamber", ""))
        for alias in [leg["name"], *leg.get("aliases", [])]:
            known = bodies.get(alias)
            if known is None:
                bodies[alias] = body
            elif known.country != body.country:
                # A name several countries use ("Senate") names no country by itself.
                bodies[alias] = Body(alias, "", body.chamber)
    for org in data.get("international_organisations", []):
        body = Body(org["name"], "", "", org.get("acronym", "") or "")
        for alias in [org["name"], *(org.get("aliases") or [])]:
            bodies.setdefault(alias, body)
        if body.acronym:
            bodies.setdefault(body.acronym, body)
    return places, bodies
