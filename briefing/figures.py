"""Figures: money with currency and scale, percentages, counted things and terms.

"$5.4 billion" → 5400000000 USD; "£25.5bn" → 25500000000 GBP; "Rs 1,000 crore" →
10000000000 INR; "50 per cent" → 50 %; "five units" → 5 units; "a 25-year concession" →
25 years. What a figure measures (trade, tariff, deal value …) comes from the nearest
cue in the sentence; what a duration is the term of, from the words beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from briefing.cues import Lexicon

SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
         "lakh": 10**5, "crore": 10**7}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
                "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
                "a dozen": 12, "dozens of": 24}


_DIGIT = re.compile(r"\d")
# A number word, whole ("ten", not "tension"; "a dozen", not "a"): a count or a term
# in words needs one.
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
                          + r")(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """One figure found in a sentence, with its span relative to the sentence."""

    start: int
    end: int
    text: str
    amount: Decimal
    unit: str  # ISO currency, "%", or a counted noun
    measure: str


@lru_cache(maxsize=4)
def _patterns(lex: Lexicon) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    number = r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    # facts.yaml's currencies: signs and codes stand before the sum ("NZ$1.9 billion"),
    # words and codes after it ("40 million New Zealand dollars", "1.8 billion USD"); the
    # longest form first. "¥" is yen's and yuan's both (the sentence tells, in _currency).
    # A code is one in capitals only: "try 5" is no sum of lira.
    forms = sorted((f for f, _ in lex.currency_forms), key=len, reverse=True)
    named = [f for f in forms if re.search(r"[a-z]{3}", f)]  # "dollars?", "Swiss francs?"
    codes = f"(?-i:{'|'.join(f for f in forms if re.fullmatch(r'[A-Z]{3}', f))})"
    symbols = "|".join([f for f in forms if f not in named and not re.fullmatch(r"[A-Z]{3}", f)]
                       + ["¥", codes])
    words = "|".join(named + [codes])
    money = re.compile(
        # "€400–450 million": the range's scale is its first number's too
        rf"(?<![\w.])(?P<cur>{symbols})\s?(?P<num>{number})(?:\s?[–-]\s?(?:{symbols})?(?:{number}))?"
        # "Rs 7.1 lakh crore": one scale of another (a lakh of crores); "a US$20-billion
        # partnership": joined by a hyphen
        rf"(?:[\s-]?(?P<scale>{lex.scale_re})(?:\s(?P<of>{lex.scale_re}))?\b)?"
        rf"|(?<![\w.])(?P<num2>{number})\s?(?:(?P<scale2>{lex.scale_re})(?:\s(?P<of2>{lex.scale_re}))?)?\s"
        rf"(?P<cur2>{words})\b",
        re.IGNORECASE)
    percent = re.compile(rf"(?<![\w.])(?P<num>{number})\s?(?:%|per ?cent\b|percent\b)",
                         re.IGNORECASE)
    words = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    # "four offshore patrol vessels": up to two words may describe what is counted, or
    # four with a model's name ("12 M-380 Sparviero advanced jet trainers", "two Gowind
    # 2500 multi-purpose corvettes")
    # …and its scale ("1.2 million tonnes a year")
    count = re.compile(rf"(?<![\w$€£₹.,-])(?P<num>{number}|{words})"
                       r"(?:\s(?P<scale>million|thousand|billion)(?=\s+(?:[a-z][a-z-]*\s+){0,2}"
                       + lex.count_units.pattern + r"))?"
                       rf"(?:[ -](?:more|additional|new|"
                       rf"remaining|further|other))?\s(?:(?:(?!(?:{lex.scale_re}|hundred|thousand|"
                       r"[kMGT]Wh?|km|kg|kV|mm|cm|tonnes?|tons?|barrels?|litres?|metres?|miles?)\b)"
                       r"[a-z][a-z-]*\s){0,2}?|(?-i:[A-Z][\w-]*\d[\w-]*\s(?:[A-Z][a-z]+\s)?"
                       # "16 Rafale F4 aircraft"
                       r"|[A-Z][a-z]+\s\d{2,5}[A-Z]?\s|[A-Z][a-z]+\s[A-Z]{1,2}\d{1,3}[A-Z]?\s)"
                       r"(?:[a-z][a-z-]*\s){0,2}?)(?P<unit>"
                       + lex.count_units.pattern + ")", re.IGNORECASE)
    # "52,000 Filipino nationals", "1.2 million new jobs": people in figures, what stands
    # between a nationality (capitalised) or facts.yaml `people_modifiers`; never "two
    # governments leaves workers".
    people = re.compile(rf"(?<![\w$€£₹.,-])(?P<num>{number})(?:\s(?P<scale>million|thousand))?\s"
                        rf"(?:(?:[A-Z][\w'’-]*|{lex.people_modifiers})\s){{0,2}}?"
                        rf"(?P<unit>(?i:{lex.people_units}))\b")
    return money, percent, count, people


def _amount(num: str) -> Decimal | None:
    num = num.lower()
    if num in NUMBER_WORDS:
        return Decimal(NUMBER_WORDS[num])
    try:
        return Decimal(num.replace(",", ""))
    except InvalidOperation:
        return None


_YUAN_CONTEXT = re.compile(r"\b(?:yuan|renminbi|RMB|China|Chinese|Beijing)\b")


def _currency(lex: Lexicon, text: str, sentence: str = "") -> str:
    """The ISO code of a sum's currency as written ("NZ$", "euros", "Swiss francs")."""
    text = text.strip()
    if text.startswith("¥"):
        # The sign is shared by yen and yuan; the sentence says which.
        return "CNY" if _YUAN_CONTEXT.search(sentence) else "JPY"
    return _code(lex, text)


@lru_cache(maxsize=1024)
def _code(lex: Lexicon, text: str) -> str:
    # Kept: a currency's few spellings recur, and each is tried against every form.
    # A form's look-behind ("(?<=illion )won") is context, not part of the word
    return next((code for form, code in lex.currency_forms
                 if re.fullmatch(_LOOKBEHIND.sub("", form), text, re.IGNORECASE)),
                text.upper().rstrip("."))


_LOOKBEHIND = re.compile(r"\(\?<[=!][^)]*\)")


def find_figures(sentence: str, lex: Lexicon) -> list[Figure]:
    """Money, percentages and counts in one sentence, with what each measures."""
    digits = _DIGIT.search(sentence) is not None
    if not digits and not _NUMBER_WORD.search(sentence):
        return []  # money and percentages need a digit; counts a digit or a number word
    money, percent, count, people = _patterns(lex)
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in money.finditer(sentence) if digits else ():
        num = m.group("num") or m.group("num2")
        amount = _amount(num)
        if amount is None:
            continue
        scale_word = (m.group("scale") or m.group("scale2") or "").lower()
        # A bare "m"/"b" must touch the number ("$5m"), or it is the next word.
        scale = lex.scales.get(scale_word, "")
        amount *= SCALE.get(scale, 1)
        if of := (m.group("of") or m.group("of2") or "").lower():
            amount *= SCALE.get(lex.scales.get(of, ""), 1)
        cur_text = m.group("cur") or m.group("cur2")
        found.append(Figure(m.start(), m.end(), m.group().strip(), amount,
                            _currency(lex, cur_text, sentence), _measure(sentence, m, lex)))
        taken.append(m.span())
    for m in percent.finditer(sentence) if digits else ():
        amount = _amount(m.group("num"))
        if amount is not None and free(*m.span()):
            found.append(Figure(m.start(), m.end(), m.group(), amount, "%",
                                _measure(sentence, m, lex)))
            taken.append(m.span())
    for m in count.finditer(sentence):
        amount = _amount(m.group("num"))
        if amount is not None and free(*m.span()) and not _is_year(m.group("num")) \
                and not _MODEL_BEFORE.search(sentence, 0, m.start()):
            amount *= SCALE.get(m.group("scale") or "", 1)
            unit = m.group("unit").lower()
            unit = lex.count_synonyms.get(unit, unit)  # "16 fighter jets", "18 aircraft"
            quota = unit in lex.quota_units  # (one unit for a quota, however told)
            found.append(Figure(m.start(), m.end(), m.group(), amount,
                                "places" if quota else unit, "quota" if quota else "quantity"))
            taken.append(m.span())
    for m in _DURATION.finditer(sentence):
        amount = _amount(m.group("num"))
        term = _term(sentence, m, lex)
        if amount is not None and term and free(*m.span()):
            found.append(Figure(m.start(), m.end(), m.group(), amount,
                                m.group("unit").lower() + "s", term))
            taken.append(m.span())
    for m in people.finditer(sentence) if digits else ():
        amount = _amount(m.group("num"))
        if amount is not None and free(*m.span()) and not _is_year(m.group("num")):
            amount *= SCALE.get(m.group("scale") or "", 1)
            found.append(Figure(m.start(), m.end(), m.group(), amount,
                                m.group("unit").lower(), "people"))
            taken.append(m.span())
    return sorted(found, key=lambda f: f.start)


# The units of a term (see _term): stated exactly, never rounded ("25 years" is no "30").
TERM_UNITS = frozenset({"years", "months", "weeks", "days"})

# A duration: "25-year", "ten years", "18 months", "30 (thirty) days" (not "20-year-old").
_DURATION = re.compile(r"(?<![\w$€£₹.,-])(?P<num>\d{1,3}|" + "|".join(
    w for w in NUMBER_WORDS if " " not in w) + r")(?:\s\([a-z -]+\))?[- ]"
    r"(?P<unit>year|month|week|day)(?P<plural>s)?\b(?!-old)", re.IGNORECASE)
# …said of the old text or of another account: "from twenty years", "instead of 20
# years", "the original 30-year lease", "25 years, not 30 years".
_NOT_THIS_TERM = re.compile(r"\b(?:from|instead\s+of|rather\s+than|(?<!longer\s)(?<!more\s)than|"
                            r"compared\s+(?:with|to)|not|previous|original|old|existing|"
                            r"current)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
# Between a term's thing and its duration: "the concession runs for 25 years", "valid
# for five years", "the sunset clause") from twenty years to ten years", "the lease of
# the container terminal runs for 25 years" (what it is of: a verb must follow), "stay in
# Uzbekistan for up to 30 days", "stay for a period not exceeding 30 (thirty) days".
_TERM_GAP = re.compile(
    r"(?:\s+(?:for|of|on|over|with)\s+(?:(?:the|an?)\s+)?(?:[\w'’-]+\s+){0,2}[\w'’-]+"
    r"(?=\s+(?:runs?|lasts?|is|was|will|would|remains?)\b))?"
    r"(?:[\"”’)]*\s+(?:clause|period|term|runs?|running|lasts?|lasting|will|would|is|was|be|"
    r"are|were|valid|remains?|in|force|run|last|initially|an?|initial|extended|set|cut|"
    r"reduced|shortened|lengthened)\b)*(?:\s+in\s+[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)?"
    r"[\"”’)]*\s+(?:(?:for|of|to|at)\s+(?:a\s+(?:period|term|maximum)\s+(?:of\s+)?)?"
    r"(?:(?:not\s+exceeding|up\s+to|no\s+more\s+than|at\s+most)\s+)?"
    r"|(?:not\s+exceeding|up\s+to|no\s+more\s+than|longer\s+than)\s+"
    r"|from\s+[\w-]+\s+(?:years?|months?)\s+to\s+)", re.IGNORECASE)


def _term(sentence: str, m: re.Match, lex: Lexicon) -> str:
    """The thing a duration is the term of (facts.yaml `terms`), or "": named just after
    it ("a 25-year concession", one word between at most) or just before it ("the
    concession runs for 25 years") — not a duration said of an old text."""
    if _NOT_THIS_TERM.search(sentence, 0, m.start()):
        return ""
    for name, cue in lex.terms.find(sentence):
        if cue.start() >= m.end():
            if not m.group("plural") and re.fullmatch(r"(?:-long)?\s+(?:[\w-]+\s+)?",
                                                      sentence[m.end():cue.start()]):
                return name
        elif _TERM_GAP.fullmatch(sentence, cue.end(), m.start()) or (
                _TAKES_EFFECT.fullmatch(sentence, cue.end(), m.start())
                and _COUNTED.match(sentence, m.end())):
            return name
    return ""


# "the withdrawal takes effect six months after notification": a delay counted from an
# act, said with no preposition before it
_TAKES_EFFECT = re.compile(r"\s+(?:will\s+|would\s+|shall\s+)?(?:takes?|take|taking)\s+effect\s+"
                           r"(?:only\s+)?", re.IGNORECASE)
# A number just after a name inside a sentence is a model's, not a count: "two Gowind
# 2500 corvettes" (not "Some 4,500 fighters", which starts the sentence).
_MODEL_BEFORE = re.compile(r"\S\s+[A-Z][\w-]*\s$")

_COUNTED = re.compile(r"\s+(?:after|from|following)\b", re.IGNORECASE)


def _is_year(num: str) -> bool:
    return len(num) == 4 and num.isdigit() and 1800 <= int(num) <= 2100


# A cue's own number, within three words after it: "imports 81 million euros",
# "imports from Japan reached $1.1 billion".
_LABELS_NEXT = re.compile(r"\s*(?:[^\W\d][\w'’-]*\s+){0,3}?(?:[A-Z]{0,3}[$€£¥₹]\s?)?\d")


def _measure(sentence: str, m: re.Match, lex: Lexicon) -> str:
    """The measure class whose cue lies nearest the figure (within the sentence); not
    a cue after the figure that labels a number of its own ("exports were worth 61
    million euros and imports 81 million euros": the 61 million are exports)."""
    best, best_dist = "", 10**9
    for name, cue in lex.measures.find(sentence):
        if name == "quantity":
            continue
        if cue.start() >= m.end() and _LABELS_NEXT.match(sentence, cue.end()):
            continue
        dist = cue.start() - m.end() if cue.start() >= m.end() else m.start() - cue.end()
        dist = max(dist, 0)
        if dist < best_dist:
            best, best_dist = name, dist
    return best if best_dist < 80 else ""


# A currency form that is a sign ("\$", "A\$", "€"), not a code or a word; and a
# regex escape, undone to print it.
_SIGN = re.compile(r"[A-Z]{0,2}\\\$|[^\w\s\\]")
_ESCAPE = re.compile(r"\\(.)")


def format_amount(amount: Decimal, unit: str, lex: Lexicon) -> str:
    """A figure as a reader writes it: "$5.4 billion", "A$136 billion", "CHF 1 billion",
    "50%", "5 units". A currency's sign is its first form in facts.yaml that is a sign
    ("$", "A$", "₹"), else its code; "¥", which yen and yuan share, is theirs."""
    if unit == "%":
        return f"{_trim(amount)}%"
    sign = _sign(lex, unit)
    if sign is None:
        return f"{_trim(amount)} {unit[:-1] if amount == 1 and unit in TERM_UNITS else unit}"
    for name, size in (("trillion", 10**12), ("billion", 10**9), ("million", 10**6)):
        if amount >= size:
            return f"{sign}{_trim(amount / size)} {name}"
    if amount < 1000 and amount != amount.to_integral_value():
        return f"{sign}{amount:,.2f}"  # "$4.50", not "$4.5": a small sum keeps its cents
    return f"{sign}{_trim(amount)}"


@lru_cache(maxsize=256)
def _sign(lex: Lexicon, unit: str) -> str | None:
    """What a sum in `unit` is written with ("$", "CHF "); None when `unit` is no
    currency. Kept: the forms of every currency are read to find it."""
    forms = [f for f, code in lex.currency_forms if code == unit]
    if not forms:
        return None
    return "¥" if unit in ("JPY", "CNY") else next(
        (_ESCAPE.sub(r"\1", f) for f in forms if _SIGN.fullmatch(f)), unit + " ")


def _trim(d: Decimal) -> str:
    text = f"{d:,.2f}".rstrip("0").rstrip(".")
    return text
