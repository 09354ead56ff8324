"""The extraction knowledge in `rules/facts.yaml` and `rules/gazetteer.yaml`, compiled.

Loaded once per rules folder. Code elsewhere asks questions of a `Lexicon` ("which
events does this sentence signal?", "which role precedes this name?"); the words
themselves live in the YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from briefing.errors import RuleError, did_you_mean
from briefing.yamlload import load_yaml, mark_of


def _alternation(patterns, where: str) -> str:
    for p in patterns:
        _check(p, where)
    return "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))


def _check(pattern: str, where: str) -> None:
    """Refuse a pattern that does not parse, or that could backtrack for ever."""
    try:  # parsing finds what compiling would (the combined regex is compiled once)
        nested = _nested_repeat(pattern)
    except re.error as exc:
        raise RuleError(f"{where}: invalid pattern {pattern!r}: {exc}") from None
    if nested:
        # Python's re has no timeout: refuse what can backtrack exponentially.
        raise RuleError(f"{where}: pattern {pattern!r} has a nested quantifier (a repeat, "
                        "or alternatives that can start alike, inside an unbounded "
                        "repeat, like (a+)+ or (ab|a)+), which can take exponential "
                        "time; rewrite it without one")


def _nested_repeat(pattern: str) -> bool:
    """Whether `pattern` repeats, without bound, something that itself repeats."""
    from re import _constants as c  # noqa: PLC0415 - stdlib internals

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
                if inside_unbounded and _overlapping(av[1], c):
                    return True  # (ab|a)+: two ways to take the same text, repeated
                if any(walk(b, inside_unbounded) for b in av[1]):
                    return True
            elif op in (c.ASSERT, c.ASSERT_NOT):
                if walk(av[1], inside_unbounded):
                    return True
        return False

    return walk(_parsed(pattern), False)


def _overlapping(branches, c) -> bool:
    """Whether two alternatives may begin with the same character (or one with none)."""
    firsts = [_first_chars(b, c) for b in branches]
    for i, a in enumerate(firsts):
        for b in firsts[i + 1:]:
            if a is None or b is None or not a or not b or a & b:
                return True
    return False


def _first_chars(items, c) -> set[str] | None:
    """The characters (lower-case) a match of `items` may begin with; None when any,
    or too many to tell; empty when it may match nothing."""
    for op, av in items:
        if op is c.AT:
            continue
        if op is c.LITERAL:
            return {chr(av).lower()}
        if op is c.IN and all(o is c.LITERAL for o, _ in av):
            return {chr(v).lower() for _, v in av}
        if op is c.SUBPATTERN:
            return _first_chars(av[-1], c)
        if op is c.BRANCH:
            out: set[str] = set()
            for branch in av[1]:
                got = _first_chars(branch, c)
                if not got:
                    return None
                out |= got
            return out
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            return _first_chars(av[2], c)
        return None
    return set()


def _word_re(patterns, where: str, flags=re.IGNORECASE) -> re.Pattern:
    """One regex matching any of `patterns` as whole words."""
    return re.compile(rf"(?<![\w-])(?:{_alternation(patterns, where)})(?![\w])", flags)


@lru_cache(maxsize=2048)
def _parsed(pattern: str):
    """The parse tree of `pattern` (read by the checks below; parsed once for both)."""
    from re import _parser as parser  # noqa: PLC0415 - stdlib internals

    return parser.parse(pattern)


def literal_starts(pattern: str) -> frozenset[str]:
    """The literal texts (lower-case) one of which every match of `pattern` starts with;
    "" among them when some match may start with anything.

    "ratif(y|ied)" → {"ratif"}, "visits?" → {"visit"}, "(is|are) set" → {"is set",
    "are set"}, "\\w+ed" → {""}: a cheap look at a sentence's words then rules a class
    out before its regex runs.
    """
    from re import _constants as c  # noqa: PLC0415 - stdlib internals

    def cross(heads: set[str], tails: set[str]) -> set[str]:
        return {(h + t)[:_START_CAP] for h in heads for t in tails}

    def walk(items, heads: set[str]) -> tuple[set[str], bool]:
        """(heads extended by `items`, whether `items` were literal to the end)."""
        for op, av in items:
            if len(heads) > _START_LIMIT:
                return {""}, False
            if all(len(h) >= _START_CAP for h in heads):
                return heads, False
            if op is c.LITERAL:
                heads = cross(heads, {chr(av)})
            elif op is c.AT:
                continue  # \b and the like take no characters
            elif op in (c.ASSERT, c.ASSERT_NOT):
                continue  # a lookaround ("(?<!be )signed") takes none either
            elif op is c.IN and len(chars := _listed(av, c) or "anything else") <= 10:
                heads = cross(heads, chars)
            elif op is c.SUBPATTERN:
                heads, whole = walk(av[-1], heads)
                if not whole:
                    return heads, False
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[:2] == (0, 1):
                # "(still )?being": with the optional part and without it
                got, whole = walk(av[2], set(heads))
                if not whole:
                    return heads | got, False
                heads = heads | got
            elif op is c.BRANCH:
                out, whole = set(), True
                for branch in av[1]:
                    got, done = walk(branch, set(heads))
                    out |= got
                    whole = whole and done
                heads = out
                if not whole:
                    return heads, False
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
                return walk(av[2], heads)[0], False  # once at least; then unknown
            else:
                return heads, False
        return heads, True

    heads, _ = walk(_parsed(pattern), {""})
    return frozenset({""} if len(heads) > _START_LIMIT else {h.lower() for h in heads})


def literal_alternation(words, space: str = "", word_end: str = "") -> str:
    """A regex matching any of the literal `words`, factored as a trie ("chair",
    "chancellor" → "cha(?:ir|ncellor)"), the longest first where one word begins
    another (as alternatives sorted longest first would): Python's regex tries the
    alternatives of a plain list one by one at every position, a trie a letter or two.
    `space`: what a space stands for (itself by default); `word_end`: what follows a
    word ending in a letter or digit ("\\b" for whole words)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict, last: str) -> str:
        branches = [(space if space and ch == " " else re.escape(ch)) + emit(child, ch)
                    for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append(word_end if last.isalnum() else "")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie, "") if trie else "(?!)"


def _listed(items, c) -> set[str] | None:
    """The characters a class like [ab] or [3-9] lists; None when it holds anything
    else (\\d, a negation, a wide range)."""
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < 16:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
    return chars


_START_CAP = 8  # letters of a start worth knowing
_START_LIMIT = 64  # starts one pattern may expand to before it is "anything"


@dataclass(frozen=True)
class CueClasses:
    """Named classes of cue phrases, each one compiled regex, with the literal starts
    of its cues cut to `_HEAD` or `_SHORT_HEAD` letters ("heads").

    Every cue matches at the start of a word, so a class none of whose heads starts a
    word of a sentence cannot match it, and one that can is tried only where its heads
    stand: most classes are ruled out, and the rest matched at a few places, without
    scanning. The cues of a class with no literal start ("\\b[A-Z]\\w+ was to arrive",
    "% of") are its `rests`, one regex searched in full: where it occurs, the class is
    scanned in full. A sentence's words are indexed once for every set of classes of
    the lexicon: by the head `lengths` and the `vocabulary` of heads they all use.
    """

    names: tuple[str, ...]
    patterns: tuple[re.Pattern, ...]
    heads: tuple[frozenset[str], ...]
    rests: tuple[re.Pattern | None, ...]
    lengths: tuple[int, ...]
    vocabulary: frozenset[str]

    @cached_property
    def _by_head(self) -> dict[str, tuple[int, ...]]:
        # Head → the classes (by index) it may start: a sentence's few heads are looked
        # up here, not each class's heads intersected with them (a third of the cues' time).
        out: dict[str, list[int]] = {}
        for i, heads in enumerate(self.heads):
            for h in heads:
                out.setdefault(h, []).append(i)
        return {h: tuple(v) for h, v in out.items()}

    @cached_property
    def _unindexed(self) -> tuple[tuple[int, re.Pattern], ...]:
        return tuple((i, rest) for i, rest in enumerate(self.rests) if rest is not None)

    def _candidates(self, text: str) -> list[tuple[str, re.Pattern, list[int] | None]]:
        """(class, regex, where a match may start — None: anywhere) for every class
        that may occur in `text`, in class order."""
        starts = _word_heads(text, self.lengths, self.vocabulary)
        if starts is None:  # lower-casing moved the offsets: scan every class in full
            return [(n, p, None) for n, p in zip(self.names, self.patterns)]
        at, found = starts
        by_head = self._by_head
        common: dict[int, list[str]] = {}
        for h in found:
            for i in by_head.get(h, ()):
                if i in common:
                    common[i].append(h)
                else:
                    common[i] = [h]
        for i, rest in self._unindexed:
            if rest.search(text):
                common[i] = []  # a cue of no literal start is here: the class in full
        out = []
        for i in sorted(common):
            heads = common[i]
            where = None if not heads else at[heads[0]] if len(heads) == 1 else sorted(
                {k for h in heads for k in at[h]})
            out.append((self.names[i], self.patterns[i], where))
        return out

    def find(self, text: str) -> list[tuple[str, re.Match]]:
        """Every (class, match) found in `text`, in class order (as `finditer` would)."""
        out = []
        for name, pattern, where in self._candidates(text):
            if where is None:
                out.extend((name, m) for m in pattern.finditer(text))
                continue
            end = 0
            for i in where:
                m = pattern.match(text, i) if i >= end else None
                if m:
                    out.append((name, m))
                    end = m.end()
        return out

    def classes(self, text: str) -> tuple[str, ...]:
        """The classes that occur in `text`, in class order."""
        return tuple(n for n, p, where in self._candidates(text) if _occurs(p, text, where))

    def first(self, text: str) -> str:
        """The first class (in file order) that occurs in `text`, or ""."""
        for n, p, where in self._candidates(text):
            if _occurs(p, text, where):
                return n
        return ""


def _occurs(pattern: re.Pattern, text: str, where: list[int] | None) -> bool:
    if where is None:
        return pattern.search(text) is not None
    for i in where:  # a loop, not any(…): asked of every class of every sentence
        if pattern.match(text, i):
            return True
    return False


_WORDY = re.compile(r"\w")
_WORD_START = re.compile(r"(?<![\w-])\w")  # where a cue may match: (?<![\w-]) as in _word_re


_HEAD = 5  # letters of a cue's start worth comparing…
_SHORT_HEAD = 3  # …or, for a shorter start, these


@lru_cache(maxsize=64)
def _word_heads(text: str, lengths: tuple[int, ...], vocabulary: frozenset[str]
                ) -> tuple[dict[str, list[int]], frozenset[str]] | None:
    """Where the words of `text` start, by their first n characters (lower-case) for
    each n of `lengths` that are heads of the `vocabulary`, and those heads; None when
    lower-casing changes the text's length (offsets would not line up). One sentence
    is asked about by several sets of classes in turn, so this is kept a while."""
    low = text.lower()
    if len(low) != len(text):
        return None
    by_first = _lengths_by_first(lengths, vocabulary)
    at: dict[str, list[int]] = {}
    for m in _WORD_START.finditer(low):
        i = m.start()
        for n in by_first.get(low[i], ()):
            key = low[i:i + n]
            if key in vocabulary:
                if key in at:
                    at[key].append(i)
                else:
                    at[key] = [i]
    return at, frozenset(at)


@lru_cache(maxsize=8)
def _lengths_by_first(lengths: tuple[int, ...], vocabulary: frozenset[str]
                      ) -> dict[str, tuple[int, ...]]:
    """For each first character, the lengths of the heads starting with it: a word is
    cut only to those (two lookups a word, not one per length)."""
    out: dict[str, set[int]] = {}
    for h in vocabulary:
        out.setdefault(h[0], set()).add(len(h))
    return {c: tuple(n for n in lengths if n in ns) for c, ns in out.items()}


def _classes(data, key: str, path: Path) -> tuple[list[str], list[re.Pattern],
                                                  list[frozenset[str]], list[re.Pattern | None]]:
    """One table of cue classes: names, regexes, heads and rests (see CueClasses)."""
    table = data.get(key)
    if not isinstance(table, dict):
        raise RuleError(f"{mark_of(data) or path}: '{key}' must map class names to cue lists")
    names, pats, heads, rests = [], [], [], []
    for name, cues in table.items():
        where = str(mark_of(table, name) or path)
        if not isinstance(cues, list) or not all(isinstance(c, str) for c in cues):
            raise RuleError(f"{where}: {key}.{name}: expected a list of cue phrases")
        names.append(str(name))
        pats.append(_word_re(cues, where))
        starts = {c: literal_starts(c) for c in cues}
        rest = [c for c in cues if not all(_WORDY.match(h) for h in starts[c])]
        heads.append(_heads([h for c in cues if c not in rest for h in starts[c]]))
        rests.append(_word_re(rest, where) if rest else None)
    return names, pats, heads, rests


def _plural(word: str) -> str:
    """English plural of an agreement word: treaty → treaties, memorandum → memoranda."""
    if word.endswith("um"):
        return re.escape(word[:-2]) + "(?:a|ums)"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return re.escape(word[:-1]) + "ies"
    return re.escape(word) + "s"


def _heads(starts: list[str]) -> frozenset[str]:
    """A class's heads: its cues' starts (each beginning with a word character) cut to
    `_HEAD` letters, or `_SHORT_HEAD` when shorter."""
    return frozenset(p[:_HEAD] if len(p) >= _HEAD else p[:_SHORT_HEAD] for p in starts)


def _indexed(tables: dict[str, tuple]) -> dict[str, CueClasses]:
    """The lexicon's sets of cue classes, all with one head vocabulary and lengths: a
    sentence's words are then indexed once for all of them."""
    vocabulary = frozenset(h for _, _, heads, _ in tables.values() for hs in heads for h in hs)
    lengths = tuple(sorted({len(h) for h in vocabulary}))
    return {key: CueClasses(tuple(names), tuple(pats), tuple(heads), tuple(rests), lengths,
                            vocabulary)
            for key, (names, pats, heads, rests) in tables.items()}


# The groups the code reads from each set phrase of facts.yaml.
PHRASE_GROUPS = {"tally": ("yes", "no"), "signed_by": ("who",), "destination": ("place",),
                 "speaking_place": ("place",), "elsewhere": ("place",),
                 "summit": ("name",), "meeting_of": ("name",), "topics": ("what",),
                 "purpose": ("what",),
                 "deadline_for": ("what",)}


@dataclass(frozen=True)
class Phrases:
    """The set phrases of facts.yaml, each a list of regexes with the same groups."""

    patterns: dict[str, tuple[re.Pattern, ...]]

    def finditer(self, name: str, text: str) -> list[re.Match]:
        """The matches of phrase `name` in `text`, left to right without overlap; at one
        place the first regex listed (as one regex of alternatives would find them)."""
        found = sorted(((m.start(), i, m) for i, p in enumerate(self.patterns[name])
                        for m in p.finditer(text)), key=lambda x: x[:2])
        out: list[re.Match] = []
        for start, _, m in found:
            if not out or start >= out[-1].end():
                out.append(m)
        return out

    def first(self, name: str, text: str) -> re.Match | None:
        """The leftmost match of phrase `name` in `text`, or None."""
        found = [m for p in self.patterns[name] if (m := p.search(text))]
        return min(found, key=lambda m: m.start()) if found else None


def _phrases(data, path: Path) -> Phrases:
    table = data.get("phrases")
    if not isinstance(table, dict):
        raise RuleError(f"{mark_of(data) or path}: 'phrases' must map phrase names to "
                        "lists of regexes")
    patterns = {}
    for name, groups in PHRASE_GROUPS.items():
        regexes = table.get(name)
        if not isinstance(regexes, list) or not regexes \
                or not all(isinstance(r, str) for r in regexes):
            raise RuleError(f"{mark_of(table, name) or mark_of(table) or path}: "
                            f"phrases.{name}: expected a list of regexes")
        compiled = []
        for i, regex in enumerate(regexes):
            where = mark_of(regexes, i) or path
            _check(regex, str(where))
            pattern = re.compile(regex)
            missing = [g for g in groups if g not in pattern.groupindex]
            if missing:
                raise RuleError(f"{where}: phrases.{name}: the regex needs the group(s) "
                                + ", ".join(f"(?P<{g}>…)" for g in missing))
            compiled.append(pattern)
        patterns[name] = tuple(compiled)
    unknown = sorted(set(table) - set(PHRASE_GROUPS))
    if unknown:
        raise RuleError(f"{mark_of(table, unknown[0]) or path}: phrases.{unknown[0]}: no "
                        f"such phrase (known: {', '.join(PHRASE_GROUPS)})")
    return Phrases(patterns)


@dataclass(frozen=True)
class Place:
    """A country or capital from the gazetteer, with the country it stands for."""

    name: str
    country: str
    kind: str  # country | capital | demonym | seat | feature (a sea, naming no country)


@dataclass(frozen=True)
class Body:
    """A legislature or international organisation from the gazetteer."""

    name: str
    country: str
    chamber: str  # lower | upper | unicameral | both | "" for organisations
    acronym: str = ""


@dataclass(frozen=True)
class ComingEvent:
    """A kind of coming event (facts.yaml `coming_events`): what goes on the agenda when
    a source dates it ahead of its own day, and how a note names it."""

    kind: str  # an `events` cue class
    label: str  # how a note names it: "exchange of instruments"
    place_word: str  # the word before its place ("visit to Lima"); "" when none is shown
    attended: bool  # whether its line names who comes (a vote is a chamber's: no)
    # dated only as the entry into force it names ("the termination will take effect on …")
    takes_effect: bool
    body: bool = False  # a body acts: its line names the chamber or committee
    of_a_text: bool = False  # a text's own step: two texts' are two events


@dataclass(frozen=True, eq=False)  # compared by identity, so it can key caches
class Lexicon:
    """Everything extraction knows, compiled from the rules folder."""

    events: CueClasses
    cues: CueClasses
    modality: CueClasses
    tense: CueClasses
    measures: CueClasses
    terms: CueClasses  # what a duration is the term of ("a 25-year concession")
    # (form, ISO code) in file order: "NZ$" → NZD, "New Zealand dollars" → NZD, "$" → USD
    currency_forms: tuple[tuple[str, str], ...]
    # a word several countries' currencies share ("rupees"), and (country, code) in file
    # order: the article's country decides
    shared_currencies: tuple[tuple[re.Pattern, tuple[tuple[str, str], ...]], ...]
    compared_measures: frozenset[str]  # measures whose sums sources must agree on
    quota_units: frozenset[str]  # one quota told as places, visas or permits
    count_synonyms: dict[str, str]  # a counted thing's other words → its unit
    compared_counts: frozenset[str]  # counted things (lower case) sources must agree on
    # …of which a count under four says which ones ("the two agreements")
    counts_that_say_which: frozenset[str]
    topic_events: frozenset[str]  # events naming a subject, not an act: never dated
    # the kinds of coming event, in the order a sentence telling of two takes its kind
    coming_events: tuple[ComingEvent, ...]
    scales: dict[str, str]  # lower-case word → scale name
    scale_re: str
    roles: tuple[str, ...]  # the role patterns, as written
    role_re: str
    rank_re: str
    qualifiers: dict[str, str]
    agreement_head: re.Pattern
    agreement_plural: re.Pattern  # "memoranda", "treaties": a text about several
    agreement_kinds: dict[str, str]  # lower-case head word → kind
    strict_kinds: frozenset[str]  # kinds a reference means strictly ("the memorandum")
    common_acronyms: frozenset[str]  # acronyms of things, no agreement's name ("SAM")
    name_stopwords: frozenset[str]
    name_breaks: frozenset[str]  # headline verbs a name starts after ("… Sign Agreement …")
    organisation_words: frozenset[str]  # last words of a body's name ("… Administration")
    place_words: frozenset[str]  # words of a building's or an institution's name, no person's
    sovereign_re: str  # titles a sovereign is named by with one name ("King", "Emir")
    nationality_of: re.Pattern  # after a demonym: a person's ("Kenyan counterpart")
    count_units: re.Pattern
    people_units: str
    people_modifiers: str  # words between a number and its people ("new jobs")
    anaphora: re.Pattern
    speech_verbs: str
    host_re: re.Pattern  # a host phrase ending where the host's name (or role) begins
    places: dict[str, Place]  # surface form → place
    place_names: NameIndex
    # a country or an international body → the words of its names, lower case
    country_words: dict[str, frozenset[str]]
    bodies: dict[str, Body]
    body_names: NameIndex
    chambers: dict[tuple[str, str], Body]  # (country, chamber) → its legislature
    # a chamber's name → the countries using it, and "executive:<country>" where it is a
    # government's name
    chamber_homes: dict[str, frozenset[str]]
    # the chambers' names several countries' chambers bear ("National Assembly")
    shared_chambers: frozenset[str]
    # the international organisations (no chamber of a country's): a bloc may be a party
    blocs: frozenset[str]
    legislature_words: re.Pattern  # "'s parliament" after a country: group "word"
    legislature_chamber: dict[str, str]  # lower-case phrase → chamber it means
    phrases: Phrases


# An agreement kind's word as an article writes it: "treaty", "letter of intent", "MoU".
_PLAIN_WORDS = re.compile(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*")


@lru_cache(maxsize=8)
def load_lexicon(rules_dir: Path) -> Lexicon:
    """Compile `facts.yaml` and `gazetteer.yaml` from `rules_dir` (cached)."""
    path = rules_dir / "facts.yaml"
    data = load_yaml(path)
    w = str(path)
    kinds: dict[str, str] = {}
    heads = []
    table = data["agreement_kinds"]
    for kind, words in table.items():
        for i, word in enumerate(words):
            if not isinstance(word, str) or not _PLAIN_WORDS.fullmatch(word):
                # Matched as written (a regex here would never match: it is escaped).
                raise RuleError(f"{mark_of(words, i) or mark_of(table, kind) or path}: "
                                f"agreement_kinds.{kind}: {word!r} must be a word or words "
                                "as written in articles (letters, spaces, - and '), not a "
                                "pattern")
            kinds[word.lower()] = kind
            heads.append(word)
    scales = {}
    for scale, words in data["scales"].items():
        for word in words:
            scales[word.lower()] = scale
    places, bodies, chambers, homes = _gazetteer(rules_dir)
    words = {str(w).lower(): str(chamber) for chamber, ws in
             (data.get("legislature_words") or {}).items() for w in ws}
    forms = _currency_forms(data, path)
    shared = _shared_currencies(data, path, places)
    classes = _indexed({key: _classes(data, key, path) for key in (
        "events", "cues", "modality", "tense", "measures", "terms")})
    return Lexicon(
        **classes,
        # a shared word alone is its first country's until the article says otherwise
        currency_forms=forms + tuple((word, homes[0][1]) for word, homes in shared
                                     if not any(f == word for f, _ in forms)),
        shared_currencies=tuple((re.compile(rf"(?:{w})", re.IGNORECASE), homes)
                                for w, homes in shared),
        compared_measures=frozenset(data.get("compared_measures") or ()),
        quota_units=frozenset(s.lower() for s in data.get("quota_units") or ()),
        count_synonyms={w.lower(): unit.lower() for unit, words in
                        (data.get("count_synonyms") or {}).items() for w in words},
        compared_counts=frozenset(str(c).lower() for c in data.get("compared_counts") or ()),
        counts_that_say_which=frozenset(str(c).lower()
                                        for c in data.get("counts_that_say_which") or ()),
        topic_events=frozenset(data.get("topic_events") or ()),
        coming_events=_coming_events(data, path, classes["events"].names),
        scales=scales,
        scale_re=_alternation([re.escape(s) for s in scales], w),
        roles=tuple(data["roles"]),
        role_re=_alternation(data["roles"], w),
        rank_re=_alternation(data["ranks"], w),
        qualifiers={k.lower(): v for k, v in data["role_qualifiers"].items()},
        agreement_head=re.compile(rf"\b(?:{literal_alternation(heads)})\b", re.IGNORECASE),
        # Words in lower case ("Committee on Treaties" names a body, not several
        # texts); acronyms in any case ("MoUs", "MOUs").
        agreement_plural=re.compile(r"\b(?:" + "|".join(sorted(
            {_plural(w) if w.islower() else f"(?i:{_plural(w.lower())})"
             for words in data["agreement_kinds"].values() for w in words},
            key=len, reverse=True)) + r")\b"),
        agreement_kinds=kinds,
        strict_kinds=frozenset(data.get("strict_kinds") or ()),
        common_acronyms=frozenset(data.get("common_acronyms") or ()),
        name_stopwords=frozenset(s.lower() for s in data["name_stopwords"]),
        name_breaks=frozenset(s.lower() for s in data.get("name_breaks", ())),
        organisation_words=frozenset(s.lower() for s in data.get("organisation_words", ())),
        place_words=frozenset(s.lower() for s in data.get("place_words", ())),
        sovereign_re=_alternation(data.get("sovereigns") or [], w),
        nationality_of=re.compile(r"\s+(?:" + _alternation(data.get("nationality_of") or ["(?!)"], w)
                                  + r")\b", re.IGNORECASE),
        count_units=_word_re(data["count_units"], w),
        people_units=_alternation(data.get("people_units") or ["(?!)"], w),
        people_modifiers=_alternation(data.get("people_modifiers") or ["(?!)"], w),
        anaphora=_word_re(data["anaphora"], w),
        speech_verbs=_alternation(data["speech_verbs"], w),
        # …and the host's title between the phrase and the name ("At the invitation of
        # Deputy Prime Minister and Minister of Foreign Affairs … Nguyễn Đức Thành")
        host_re=re.compile(r"(?:" + (_alternation(data.get("host_phrases") or [], w) or "(?!)")
                           + r")\s+(?:(?!the\s$)[^,.;:]{4,140}\s)?$", re.IGNORECASE),
        places=places,
        place_names=NameIndex.of(places),
        country_words=_country_words(places, bodies),
        bodies=bodies,
        body_names=NameIndex.of(bodies),
        chambers=chambers,
        chamber_homes=homes,
        shared_chambers=frozenset(name for name, where in homes.items() if len(where) > 1),
        blocs=frozenset(b.name for b in bodies.values() if not b.chamber),
        legislature_words=re.compile(r"(?:['’]s)?\s+(?P<word>" + (_alternation(
            [re.escape(w) for w in words], w) if words else "(?!)") + r")\b", re.IGNORECASE),
        legislature_chamber=words,
        phrases=_phrases(data, path),
    )


# The options of a kind of coming event, and the type each takes.
_COMING_OPTIONS = {"label": str, "place": (str, bool), "people": bool, "takes_effect": bool,
                   "body": bool, "of_a_text": bool}


def _coming_events(data, path: Path, events) -> tuple[ComingEvent, ...]:
    """facts.yaml `coming_events`: each kind one of `events`, with its options checked
    (a misspelt kind or option is refused at its line, not ignored)."""
    table = data.get("coming_events")
    if not isinstance(table, dict) or not table:
        raise RuleError(f"{mark_of(data) or path}: 'coming_events' must map kinds of "
                        "event to their options")
    out = []
    for kind, options in table.items():
        where = str(mark_of(table, kind) or path)
        options = {} if options is None else options
        if kind not in events:
            raise RuleError(f"{where}: coming_events.{kind}: no such class in events"
                            f"{did_you_mean(str(kind), events)}")
        if not isinstance(options, dict):
            raise RuleError(f"{where}: coming_events.{kind}: expected a map of options "
                            f"({', '.join(_COMING_OPTIONS)})")
        for name, value in options.items():
            if name not in _COMING_OPTIONS:
                raise RuleError(f"{where}: coming_events.{kind}: no option {name!r}"
                                f"{did_you_mean(str(name), _COMING_OPTIONS)}")
            if not isinstance(value, _COMING_OPTIONS[name]) or value is True and name == "place":
                raise RuleError(f"{where}: coming_events.{kind}.{name}: {value!r} is not "
                                + ("a word or false" if name == "place" else
                                   "text" if name == "label" else "true or false"))
        place = options.get("place", "in")
        out.append(ComingEvent(str(kind), options.get("label", str(kind)),
                               place if place is not False else "",
                               options.get("people", True), options.get("takes_effect", False),
                               options.get("body", False), options.get("of_a_text", False)))
    if not any(k.kind == "visit" for k in out):
        # (an event whose sentences name no other kind is a visit: frames.py)
        raise RuleError(f"{mark_of(data, 'coming_events') or path}: coming_events must "
                        "list visit, the kind of an event no sentence names otherwise")
    return tuple(out)


def _shared_currencies(data, path: Path, places: dict[str, Place]
                       ) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """facts.yaml `shared_currencies`: (word, ((country, code), …)), each country the
    gazetteer's and each code one of `currencies`."""
    table = data.get("shared_currencies") or {}
    codes = set((data.get("currencies") or {}).keys())
    countries = {p.country for p in places.values() if p.kind == "country"}
    out = []
    for word, homes in table.items():
        where = str(mark_of(table, word) or path)
        if not isinstance(homes, dict) or not homes:
            raise RuleError(f"{where}: shared_currencies.{word}: expected a map of "
                            "country to currency code")
        _alternation([str(word)], where)
        for country, code in homes.items():
            if code not in codes:
                raise RuleError(f"{where}: shared_currencies.{word}: no currency {code!r} "
                                "in currencies")
            if countries and country not in countries:
                raise RuleError(f"{where}: shared_currencies.{word}: no country "
                                f"{country!r} in the gazetteer")
        out.append((str(word), tuple((str(c), str(k)) for c, k in homes.items())))
    return out


def _currency_forms(data, path: Path) -> tuple[tuple[str, str], ...]:
    """(form, ISO code) of every currency, in file order, each form checked as a regex
    (figures.py reads them into its money pattern)."""
    table = data.get("currencies")
    if not isinstance(table, dict):
        raise RuleError(f"{mark_of(data) or path}: 'currencies' must map codes to forms")
    out = []
    for code, forms in table.items():
        where = str(mark_of(table, code) or path)
        if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
            raise RuleError(f"{where}: currencies.{code}: expected a list of forms")
        _alternation(forms, where)  # refuses a form that does not parse
        out += [(f, str(code)) for f in forms]
    return tuple(out)


def _country_words(places: dict[str, Place], bodies: dict[str, Body]
                   ) -> dict[str, frozenset[str]]:
    """Each country's name words in every form it is listed by ("Plurinational State
    of Bolivia", "Viet Nam"), and each international body's ("EU", "European Union"):
    what an agreement's name may say of its parties."""
    words: dict[str, set[str]] = {}
    for surface, place in places.items():
        if place.kind == "country":
            words.setdefault(place.country, set()).update(
                re.findall(r"[a-z]+", surface.lower()))
    for surface, body in bodies.items():
        if not body.chamber:
            words.setdefault(body.name, set()).update(re.findall(r"[a-z]+", surface.lower()))
    return {country: frozenset(w) for country, w in words.items()}


@dataclass(frozen=True)
class NameIndex:
    """The names of a gazetteer table, found in text as whole words (case as written),
    the longest where several start at one place, left to right without overlap.

    A dictionary from a name's first word to the names, longest first, not a regex: a
    thousand names take Python's regex compiler a twentieth of a second at every start,
    this a millisecond; a sentence is then looked up a word at a time, and only at the
    words a name can begin with.
    """

    by_word: dict[str, tuple[str, ...]]
    words: re.Pattern  # a word at a word start, beginning as some name begins

    @classmethod
    def of(cls, names) -> "NameIndex":
        """The index of `names` (each starting with a word character)."""
        by_word: dict[str, list[str]] = {}
        for name in names:
            by_word.setdefault(_FIRST_WORD.match(name).group(), []).append(name)
        first = "".join(sorted({w[0] for w in by_word}))
        return cls({k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_word.items()},
                   re.compile(rf"(?<![\w-])(?=[{re.escape(first)}])\w+" if first else "(?!)"))

    def finditer(self, text: str):
        """(start, end, name) for each name in `text`."""
        end = 0
        for m in self.words.finditer(text):
            i = m.start()
            if i < end:
                continue
            for name in self.by_word.get(m.group(), ()):
                j = i + len(name)
                if text.startswith(name, i) and not _WORD_GOES_ON.match(text, j):
                    yield i, j, name
                    end = j
                    break


_FIRST_WORD = re.compile(r"\w+")
_WORD_GOES_ON = re.compile(r"[\w-]")


def _gazetteer(rules_dir: Path) -> tuple[dict[str, Place], dict[str, Body],
                                          dict[tuple[str, str], Body]]:
    path = rules_dir / "gazetteer.yaml"
    if not path.exists():
        return {}, {}, {}
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
        # Another city where the government sits ("La Paz" beside Sucre) stands for the
        # country as its capital does, but a meeting "in La Paz" is held there.
        for seat in c.get("seats", []) or []:
            places.setdefault(seat, Place(seat, name, "capital"))
        for seat in c.get("metonyms", []) or []:
            places.setdefault(seat, Place(seat, name, "seat"))
    # A country's other cities ("signed in Marrakech", "a summit in Sochi"): where an
    # event is held; unlike a capital, not the government that acts.
    cities = data.get("cities") or {}
    for country, names in cities.items():
        if country not in places or places[country].kind != "country":
            raise RuleError(f"{mark_of(cities, country) or path}: cities: unknown country "
                            f"'{country}'")
        for city in names or []:
            places.setdefault(city, Place(city, country, "city"))
    # Seas and the like whose names hold a country's: found as themselves, so the
    # country inside them is not ("Western Indian Ocean" names no India).
    for feature in data.get("features") or []:
        places[feature] = Place(feature, "", "feature")
    bodies: dict[str, Body] = {}
    chambers: dict[tuple[str, str], Body] = {}
    homes: dict[str, set[str]] = {}
    for leg in data.get("legislatures", []):
        body = Body(leg["name"], leg.get("country", ""), leg.get("chamber", ""))
        if body.country and body.chamber in ("unicameral", "lower", "upper"):
            # "Norway's parliament" is the Storting, its only chamber; "Japan's
            # parliament" may be either of two, so is none of them.
            chamber = "both" if body.chamber == "unicameral" else body.chamber
            chambers.setdefault((body.country, chamber), body)
        for alias in [leg["name"], *leg.get("aliases", [])]:
            if body.country:
                homes.setdefault(alias, set()).add(body.country)
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
    # Governments named like another country's chamber ("Federal Council"): the
    # government where the article names its country.
    for gov in data.get("executives") or []:
        homes.setdefault(gov["name"], set()).add(f"executive:{gov['country']}")
    return places, bodies, chambers, {a: frozenset(c) for a, c in homes.items()}
