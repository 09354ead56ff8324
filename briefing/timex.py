"""The temporal tagger: find TIMEX3 expressions in text and normalise them.

The words and patterns live in `rules/timex.yaml`; this module holds the mechanisms.
All patterns are compiled into ONE alternation (each wrapped in a named group), so the
text is scanned once; at each position the first pattern that matches wins, which is
why the rule file lists longer patterns first. Values are computed in
`briefing.timex_resolve` against the document creation time (DCT) and, for weekdays
and dates without a year, the tense of the surrounding clause.

Ranges ("December 4-5", "4–5 December", "from December 4 to 5") are tagged as two
DATEs, "December 4" and "5" (resp. "4" and "5 December"), the way TimeBank annotates a
range: each endpoint is its own TIMEX3 and the range itself is not one.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from briefing.cues import literal_alternation
from briefing.errors import BriefingError
from briefing.models import Timex
from briefing.yamlload import load_yaml, mark_of

RULES_PATH = Path(__file__).resolve().parents[1] / "rules" / "timex.yaml"

_PLACEHOLDER = re.compile(r"\{(\w+)(?::(\w+))?\}")
_NAMED_GROUP = re.compile(r"\(\?P<(\w+)>")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
# A match may not start inside a word, a number, an amount or a model name ("F-16").
_LEFT_GUARD = r"(?<![\w$€£#\-/.,'])"
# ... nor end inside one, nor before a percent sign or a decimal part ("closed at 2082.1"
# is an index, not a year).
_RIGHT_GUARD = r"(?![\w%]|\.[0-9])"


@dataclass(frozen=True)
class Pattern:
    """One rule of `patterns:`: its name, resolver kind and group numbers."""

    name: str
    kind: str
    group: str                      # name of its wrapping group in the master regex
    groups: tuple[tuple[str, int], ...]  # (local name, group index in master regex)
    examples: dict
    counter_examples: tuple

    @cached_property
    def index(self) -> dict[str, tuple[int, ...]]:
        """Group indexes by local name; "day" also finds "day_2", the second use of
        {day} in one template (made once per pattern, not per match)."""
        out: dict[str, list[int]] = {}
        for local, idx in self.groups:
            base = re.sub(r"_\d+$", "", local)
            out.setdefault(local, []).append(idx)
            if base != local:
                out.setdefault(base, []).append(idx)
        return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True, eq=False)  # compared by identity, so it can key caches
class Rules:
    """The compiled rule file."""

    lexicons: dict[str, dict[str, Any]]
    patterns: dict[str, Pattern]
    master: re.Pattern
    tense_cues: re.Pattern
    former_cue: re.Pattern          # a plan given up ("originally scheduled for")
    abbreviation: re.Pattern        # a word whose full stop ends no sentence ("Mr.")
    window_before: int
    window_after: int
    year_cue_before: re.Pattern
    year_count_after: re.Pattern
    ambiguous_months: frozenset
    month_cue_before: re.Pattern
    ambiguous_seasons: frozenset
    season_cue_before: re.Pattern
    article_cue_before: re.Pattern
    set_nouns: frozenset
    set_name_before: re.Pattern
    triggers: re.Pattern            # words every match contains (and numbers)
    starters: frozenset             # words a match may start with
    max_prefix: int                 # how far before a trigger a match may start
    raw_dateline: dict              # document-date rules, for briefing/docdate.py


_RULES: Rules | None = None


def normalise_words(s: str) -> str:
    """Lower-case and collapse white space and hyphens-with-spaces, for lexicon look-up."""
    return " ".join(s.lower().split())


def _lexicon_regex(name: str, entries: dict) -> str:
    words = [str(k) for k in entries]
    if name == "number":
        # "twenty-four", "twenty four": tens combined with units, before the plain words.
        tens = [w for w, v in entries.items() if isinstance(v, int) and 20 <= v <= 90]
        units = [w for w, v in entries.items()
                 if isinstance(v, int) and 1 <= v <= 9 and w not in ("a", "an")]
        compound = rf"(?:{'|'.join(tens)})[\s-](?:{'|'.join(units)})"
        return compound + "|[0-9]+(?:\\.[0-9]+)?|" + _alternation(words)
    return _alternation(words)


def _alternation(words: list[str]) -> str:
    """A regex matching any of `words` (longest first), factored as a trie: a plain
    alternation of 30 month spellings costs 30 comparisons at every position. A space
    in a word is any run of spaces; a word ends where a word does."""
    return literal_alternation(words, space=r"\s+", word_end=r"\b")


def _compile(raw: Any, path: str) -> Rules:
    if not isinstance(raw, dict):
        raise BriefingError(f"{path}: expected a mapping with lexicons, regexes, patterns")
    lexicons = {name: {normalise_words(str(k)): v for k, v in entries.items()}
                for name, entries in raw.get("lexicons", {}).items()}
    fragments = {name: _lexicon_regex(name, entries) for name, entries in lexicons.items()}
    fragments.update(raw.get("regexes", {}))
    alternatives = []
    group_names: list[tuple[str, str, Any]] = []
    bodies: list[tuple[str, str, Any]] = []  # name, regex, where: to locate a bad one
    for i, spec in enumerate(raw.get("patterns", [])):
        where = mark_of(raw["patterns"], i)
        try:
            name, template, _ = spec["name"], spec["pattern"], spec["kind"]
        except (KeyError, TypeError):
            raise BriefingError(f"{where}: a pattern needs name, kind and pattern") from None
        prefix = f"g{i}_"
        body = _NAMED_GROUP.sub(lambda m: f"(?P<{prefix}{m.group(1)}>", template)

        used: dict[str, int] = {}

        def expand(m: re.Match, prefix=prefix, where=where, used=used) -> str:
            lexicon, alias = m.group(1), m.group(2) or m.group(1)
            used[alias] = used.get(alias, 0) + 1
            if used[alias] > 1:  # a fragment used twice keeps its first name for look-ups
                alias = f"{alias}_{used[alias]}"
            if lexicon not in fragments:
                raise BriefingError(f"{where}: unknown lexicon or regex '{{{lexicon}}}' "
                                    f"(known: {', '.join(sorted(fragments))})")
            return f"(?P<{prefix}{alias}>{fragments[lexicon]})"

        body = _PLACEHOLDER.sub(expand, body)
        alternatives.append(f"(?P<p{i}>{body})")
        group_names.append((f"p{i}", name, spec))
        bodies.append((name, body, where))
    try:
        master = re.compile(_LEFT_GUARD + "(?:" + "|".join(alternatives) + ")" + _RIGHT_GUARD,
                            re.I)
    except re.error as whole:
        # Only now each pattern on its own, to say which one is wrong (compiling them all
        # twice would double the tagger's loading time).
        for name, body, where in bodies:
            try:
                re.compile(body, re.I)
            except re.error as exc:
                raise BriefingError(f"{where}: pattern '{name}' is not a valid regex "
                                    f"({exc})") from None
        raise BriefingError(f"{path}: the patterns do not compile together ({whole})") \
            from None
    patterns = {}
    for group, name, spec in group_names:
        prefix = "g" + group[1:] + "_"
        local = tuple((g[len(prefix):], idx) for g, idx in master.groupindex.items()
                      if g.startswith(prefix))
        patterns[group] = Pattern(name, spec["kind"], group, local,
                                  dict(spec.get("examples", {}) or {}),
                                  tuple(spec.get("counter_examples", []) or []))
    scan = raw["scan"]
    trigger_words = [w for name in scan["trigger_lexicons"] for w in lexicons[name]]
    trigger_words += [normalise_words(w) for w in scan["trigger_words"]]
    triggers = re.compile(r"(?<![\w'])(?:'?[0-9]|(?:" + _alternation(trigger_words) + "))",
                          re.I)
    vocabulary = {w.split()[0] for entries in lexicons.values() for w in entries}
    for spec in raw.get("patterns", []):
        literal = re.sub(r"\(\?P<\w+>|\{[^}]*\}|\\[A-Za-z]", " ",
                         _without_lookarounds(spec["pattern"]))
        vocabulary.update(w.lower() for w in re.findall(r"[A-Za-z]+", literal))
    tense = raw["tense"]
    cues = re.compile(rf"(?P<future>{tense['future']})|(?P<report>{tense.get('report', '(?!)')})"
                      rf"|(?P<past>{tense['past']})", re.I)
    abbreviations = tense.get("abbreviations", [])
    if not isinstance(abbreviations, list) or not all(
            isinstance(w, str) and re.fullmatch(r"[A-Za-z.]+", w) for w in abbreviations):
        raise BriefingError(f"{mark_of(tense, 'abbreviations') or path}: tense.abbreviations "
                            "must be a list of words (letters and full stops)")
    abbreviation = re.compile(
        r"(?<![\w.])(?:[A-Z]|" + "|".join(re.escape(w) for w in abbreviations) + r")$")
    return Rules(
        lexicons=lexicons, patterns=patterns, master=master, tense_cues=cues,
        former_cue=re.compile(rf"(?:{tense.get('former', '(?!)')})(?:\s+(?:for|on|in|to|as|at))?"
                              r"\s+(?:the\s+)?$", re.I),
        abbreviation=abbreviation,
        window_before=int(tense["window_before"]), window_after=int(tense["window_after"]),
        year_cue_before=re.compile(raw["year_guard"]["cue_before"], re.I),
        year_count_after=re.compile(raw["year_guard"]["count_after"]),
        ambiguous_months=frozenset(raw["month_guard"]["ambiguous"]),
        month_cue_before=re.compile(raw["month_guard"]["cue_before"], re.I),
        ambiguous_seasons=frozenset(raw["month_guard"]["ambiguous_seasons"]),
        season_cue_before=re.compile(raw["season_guard"]["cue_before"], re.I),
        article_cue_before=re.compile(raw["duration_guard"]["article_cue_before"], re.I),
        set_nouns=frozenset(raw["set_guard"]["nouns"]),
        set_name_before=re.compile(raw["set_guard"]["name_before"]),
        triggers=triggers, starters=frozenset(vocabulary), max_prefix=int(scan["max_prefix"]),
        raw_dateline=_dateline_rules(raw.get("dateline", {})))


def _without_lookarounds(pattern: str) -> str:
    """`pattern` without its look-ahead and look-behind groups: a word only looked at
    ("ago" in "(?!\\s+ago)") never starts a match, and as a starter would only make the
    scan try the patterns at every "to", "he" or "world" of the text."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i) and (i == 0 or pattern[i - 1] != "\\"):
            depth, j = 0, i
            while j < len(pattern):
                if pattern[j] == "\\":
                    j += 2
                    continue
                depth += {"(": 1, ")": -1}.get(pattern[j], 0)
                j += 1
                if depth == 0:
                    break
            i = j
            out.append(" ")
            continue
        out.append(pattern[i])
        i += 1
    return "".join(out)


def _dateline_rules(cfg: dict) -> dict:
    return {"window": int(cfg.get("window", 300)),
            "compiled": [re.compile(p) for p in cfg.get("patterns", [])],
            "agency_re": re.compile(cfg.get("agency", r"(?!)")),
            "month_end_re": re.compile(cfg.get("month_end", r"(?!)"))}


def rules(path: Path | str | None = None) -> Rules:
    """The compiled rules (loaded once, lazily, from `rules/timex.yaml` by default)."""
    global _RULES
    if path is not None:
        return _compile(load_yaml(path), str(path))
    if _RULES is None:
        _RULES = _compile(load_yaml(RULES_PATH), str(RULES_PATH))
    return _RULES


def clause_tense(text: str, start: int, end: int, compiled: Rules | None = None,
                 reported: bool = False, former: bool = False) -> str | None:
    """'past', 'future' or None: the tense cue nearest to text[start:end] in its sentence;
    with `reported`, 'report' where that cue is a reporting verb ("said"), else past;
    with `former`, 'former' for a plan given up just before ("first pencilled in for
    late October")."""
    r = compiled or rules()
    if former and r.former_cue.search(text, max(0, start - 40), start):
        return "former"
    tense = _clause_tense(text, start, end, r)
    return "past" if tense == "report" and not reported else tense


@lru_cache(maxsize=4096)
def _clause_tense(text: str, start: int, end: int, r: Rules) -> str | None:
    # Asked of each expression by dating (twice: alone, then with the event's other
    # articles) and by normalisation: answered once.
    left = text[max(0, start - r.window_before):start]
    cuts = _sentence_ends(left, r)
    if cuts:
        left = left[cuts[-1].end():]
    right = text[end:end + r.window_after]
    cuts = _sentence_ends(right, r)
    if cuts:
        right = right[:cuts[0].start()]
    # A quotation ends its clause: the reporting verb after it ("…in September," he
    # said) does not tense what was said.
    right = right.split("”", 1)[0].split('"', 1)[0]
    best, best_distance = None, None
    for m in r.tense_cues.finditer(left):
        distance = len(left) - m.end()
        if best_distance is None or distance <= best_distance:
            best, best_distance = m.lastgroup, distance
    m = r.tense_cues.search(right)
    # The verb usually comes first ("fell 50 cents on Friday to close"), so a cue after
    # the expression counts only when there is none before, or when it is much nearer
    # and in the same clause ("on December 2, arrives two days before" is two clauses).
    if m and (best_distance is None or (2 * m.start() + 10 < best_distance
                                        and "," not in right[:m.start()])):
        best = m.lastgroup
    return best


def _sentence_ends(s: str, r: Rules) -> list[re.Match]:
    """Where sentences end in `s`: a full stop after an abbreviation or an initial ("Mr.",
    "Daniel P. Davison") does not, or the clause around a date loses its verb."""
    return [m for m in _SENTENCE_END.finditer(s)
            if m.group()[0] != "." or not r.abbreviation.search(s, max(0, m.start() - 8),
                                                                  m.start())]


def weekday_number(surface: str) -> int | None:
    """ISO weekday (1 = Monday) named in `surface`, if any."""
    words = rules().lexicons["weekday"]
    for word in re.findall(r"[a-z]+", surface.lower()):
        if word in words:
            return words[word]
    return None


class Match:
    """The groups of one pattern match, by their names in the rule file."""

    def __init__(self, m: re.Match, pattern: Pattern) -> None:
        self.m = m
        self.pattern = pattern
        # "day_2" is the second use of {day} in one template: look-ups by "day" see
        # whichever of them took part in the match.
        self._idx = pattern.index

    def _index(self, name: str) -> int | None:
        for idx in self._idx.get(name, ()):
            if self.m.start(idx) >= 0:
                return idx
        return None

    def get(self, name: str) -> str | None:
        """Text of group `name`, or None when it did not take part in the match."""
        idx = self._index(name)
        return self.m.group(idx) if idx is not None else None

    def span(self, name: str) -> tuple[int, int]:
        """Offsets of group `name` (-1, -1 when absent)."""
        idx = self._index(name)
        return self.m.span(idx) if idx is not None else (-1, -1)


def _refused(text: str, match: Match, r: Rules) -> bool:
    """Guards the regex cannot express: bare years that are counts, verbs 'may'/'march'."""
    name = match.pattern.name
    start = match.m.start()
    before = text[max(0, start - 20):start]
    if name == "year" and match.m.group(0).isdigit():
        after = text[match.m.end():match.m.end() + 30]
        if r.year_count_after.match(after) and not r.year_cue_before.search(before):
            return True
    season = match.get("season")
    if (season and season.lower() in r.ambiguous_seasons and match.get("seasonrel") is None
            and match.get("edge") is None and not r.season_cue_before.search(before)):
        return True  # "prices fall", "spring water"
    number = match.get("number")
    if (name == "duration-span" and number and number.lower() in ("a", "an")
            and match.m.group(0).lower().startswith(number.lower())
            and not r.article_cue_before.search(before)):
        return True  # "700 seats a week" is a rate
    adverb = match.get("set_adverb")
    if (adverb and adverb.lower() in r.set_nouns and r.set_name_before.search(before)
            and not re.search(r"[.!?]\s+\S+\s+$", before)):
        return True  # a newspaper
    for group in ("month", "month_full"):
        word = match.get(group)
        if word is None:
            continue
        if not word[0].isupper() and not word.isdigit():
            return True
        if (name == "month" and match.get("edge") is None
                and word.lower() in r.ambiguous_months
                and not r.month_cue_before.search(before)):
            return True  # "May I…", "March on": a bare ambiguous month needs "in", "by"…
    return False


_WORD = re.compile(r"[A-Za-z]+")


def _scan(text: str, r: Rules):
    """The master regex's matches, leftmost first, as `finditer` would give them.

    Trying every pattern at every word is slow (the patterns start with optional
    prefixes), so the scan looks for trigger words first (one of which every match
    contains) and tries the patterns only at the trigger and at the few words just before
    it that can start a match ("the", "last", "early" …). Those words are found once for
    the text, and each is tried once however many triggers follow it.
    """
    starters = [m.start() for m in _WORD.finditer(text) if m.group().lower() in r.starters]
    tried: dict[int, re.Match | None] = {}
    pos = 0
    for trigger in r.triggers.finditer(text):
        at = trigger.start()
        if at < pos:
            continue
        found = None
        # A word cut by the window's edge is not tried: a match never starts mid-word.
        i = bisect_left(starters, max(pos, at - r.max_prefix))
        while i < len(starters) and starters[i] < at:
            start = starters[i]
            m = tried[start] if start in tried else tried.setdefault(
                start, r.master.match(text, start))
            if m is not None and m.end() > at:
                found = m
                break
            i += 1
        if found is None:
            found = r.master.match(text, at)
        if found is not None:
            pos = found.end()
            yield found


def tag(text: str, dct: dt.date | None) -> list[Timex]:
    """Find and normalise the temporal expressions of `text` against creation date `dct`.

    Returns Timex objects sorted by start, non-overlapping, with offsets into `text`.
    """
    from briefing.timex_resolve import Context, resolve

    r = rules()
    ctx = Context(text=text, dct=dct, rules=r)
    found: list[Timex] = []
    for match in _matches(text, r):
        for start, end, type_, value in resolve(match, ctx):
            found.append(Timex(start, end, text[start:end], type_, value))
    return _year_after_range(found, text)


# "23–25 November last year": a range's days, tagged apart, and the year said after them
_YEAR_SAID = re.compile(r"(?:last|next|this)\s+year", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:[–-]|to|and|until)\s*")


def _year_after_range(found: list[Timex], text: str) -> list[Timex]:
    """The days of a range followed by "last year" ("23–25 November last year", "5-6
    March next year") are in that year, as a single day so followed is."""
    for i in range(1, len(found) - 1):
        last, year = found[i], found[i + 1]
        if (year.type == "DATE" and len(year.value) == 4 and _YEAR_SAID.fullmatch(year.text)
                and not text[last.end:year.start].strip()
                and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", last.value)):
            first = found[i - 1]
            days = [i, i - 1] if (re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", first.value)
                                  and _RANGE_JOIN.fullmatch(text, first.end, last.start)) else [i]
            for k in days:
                t = found[k]
                found[k] = Timex(t.start, t.end, t.text, t.type, year.value + t.value[4:])
    return found


def forget() -> None:
    """Forget the texts tagged so far (a benchmark times the tagging, not the memory)."""
    _matches.cache_clear()
    _clause_tense.cache_clear()


@lru_cache(maxsize=1024)
def _matches(text: str, r: Rules) -> tuple[Match, ...]:
    """The expressions of `text` before normalisation, which needs the creation date.

    Finding them is most of the tagger's time and depends on the text alone: a
    document is tagged once without a date (to date it) and once with (to extract its
    facts), and the two share this."""
    found = []
    for m in _scan(text, r):
        match = Match(m, r.patterns[m.lastgroup])
        if not _refused(text, match, r):
            found.append(match)
    return tuple(found)
