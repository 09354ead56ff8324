"""Named things in a sentence: people with roles, bodies, places, agreements, quotes.

All spans are relative to the sentence passed in; extract.py shifts them into the
document. Patterns are built from the `Lexicon` (rules/facts.yaml, gazetteer.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from briefing.cues import Lexicon, literal_alternation, literal_starts

# In any Latin script: "Lúcia", "Muñoz", "Đức" (a capital, then letters not ASCII
# capitals; ß-ÿ are Latin-1's small letters).
_UPPER = r"[^\W\d_a-zß-ÿ]"
_LOWER = r"[^\W\d_A-Z]"
# …and an elided first letter: "N'Guessan", "O'Brien", "D’Souza".
_NAME_WORD = rf"(?:(?:[A-Z][’'])?{_UPPER}{_LOWER}+(?:-{_UPPER}?{_LOWER}+)?|[A-Z]\.)"
# Particles inside names: "Ramon de la Cruz", "Ursula von der Leyen", "Mohammed bin Salman".
_PARTICLE = r"(?:de|da|del|della|der|di|do|dos|du|la|le|van|von|bin|binti|al|el|ibn|St\.)"
# A sovereign's number ends a name ("King Frederik X", "Charles III").
_NAME = (rf"{_NAME_WORD}(?:(?:\s(?:{_PARTICLE}\s){{0,2}}{_NAME_WORD}){{1,3}}"
         rf"|\s(?:[IVX]{{1,4}})(?![\w.]))")
# "… Agreement on Wednesday": a weekday or month is not part of a name.
_CALENDAR_WORD = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
                  r"February|March|April|May|June|July|August|September|October|November|"
                  r"December)\b")
_ACRONYM = r"[A-Za-z][A-Za-z&\-]{1,10}[A-Z]"


@dataclass(frozen=True)
class Mention:
    """A named thing found in a sentence: kind, span, canonical name, attributes."""

    kind: str
    start: int
    end: int
    text: str
    name: str
    attrs: tuple[tuple[str, str], ...] = ()


@lru_cache(maxsize=4)
def _role_starts(lex: Lexicon) -> re.Pattern | None:
    """What every role starts with (lower-case; None when some role may start with
    anything): a sentence containing none of them names no person with a role."""
    starts = {s for role in lex.roles for s in literal_starts(role)}
    return None if "" in starts or not starts else re.compile(literal_alternation(starts))


@lru_cache(maxsize=4)
def _person_patterns(lex: Lexicon) -> tuple[re.Pattern, ...]:
    qual = "|".join(re.escape(q) for q in sorted(lex.qualifiers, key=len, reverse=True))
    role = rf"(?P<qual>(?:{qual})\s?)?(?P<role>(?:[A-Z][\w'’.-]*\s){{0,3}}?(?:{lex.role_re}))"
    # Starting only where a word starts: tried at every letter, the role's alternatives
    # made this the slowest pattern of extraction.
    # "Prime Minister of Georgia Irakli Beridze": the role's country between the two
    # (find_people keeps the match only when a country is there).
    rank_name = (rf"(?:(?P<rank>(?:{lex.rank_re})(?:\s(?:{lex.rank_re}))?)\s)?"
                 rf"(?P<name>{_NAME})\b")
    before = re.compile(
        rf"(?<!\w){role}(?:\sof\s(?:the\s)?(?P<of>(?:(?:[A-Z][\w'’-]*|of|the)\s){{0,4}}?"
        rf"[A-Z][\w'’-]*),?)?,?\s{rank_name}")
    plain = re.compile(rf"(?<!\w){role},?\s{rank_name}")
    # Only the role is case-blind ("the trade minister"); the name must be capitalised.
    after = re.compile(
        rf"(?P<name>{_NAME}),\s(?:the\s)?(?P<qual>(?i:{qual})\s?)?"
        rf"(?P<role>(?i:(?:[\w'’-]+\s){{0,3}}?(?:{lex.role_re}))(?:\sof\s(?:the\s)?[A-Z][\w'’ -]{{2,40}}?)?)"
        # …not when a name follows the role: "X, the Prime Minister of Y, Z" is Z's.
        rf"(?!,\s{_NAME}\b)"
        r"(?=[,.;:)]|\s(?:said|says|told|during|on|in|and)\b)")
    # Two people under one plural role: "Presidents A and B", "Foreign Ministers A and B".
    pair = re.compile(rf"(?<!\w)(?P<role>(?:[A-Z][\w'’.-]*\s){{0,2}}?(?:{lex.role_re}))s\s"
                      rf"(?P<a>{_NAME})\sand\s(?P<b>{_NAME})\b")
    # A role in lower case set off by commas before its name ("the country's transitional
    # president, A, …"), the comma after the name or the sentence's end closing it.
    # Found from the name back to the role (a role searched for at every letter tripled
    # find_people).
    apposed = re.compile(rf",\s(?:(?P<rank>{lex.rank_re})\s)?(?P<name>{_NAME})(?:,|\.?$)")
    # A sovereign named by one name ("King Willem-Alexander", "Queen Máxima", "Sultan
    # Haitham"): facts.yaml `sovereigns`; two names or more are `before`'s.
    sovereign = re.compile(rf"(?<!\w)(?P<role>{lex.sovereign_re})\s(?P<name>{_NAME_WORD})"
                           rf"(?![\w'’-]|\s(?:{_PARTICLE}\s)?{_NAME_WORD})") \
        if lex.sovereign_re else None
    return before, after, plain, pair, apposed, sovereign


_WORD_START = re.compile(r"(?<![\w'’-])\w")


@lru_cache(maxsize=4)
def _role_before(lex: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    """A role in any case, matched whole from a word's start ("president", "foreign
    minister"); a qualifier just before it ("former ")."""
    qual = "|".join(re.escape(q) for q in sorted(lex.qualifiers, key=len, reverse=True))
    return (re.compile(rf"(?i:{lex.role_re})"),
            re.compile(rf"(?<![\w-])(?:{qual})\s?$", re.IGNORECASE))


def _role_ending(text: str, end: int, lex: Lexicon) -> tuple[str, str] | None:
    """(qualifier, role) of a role that ends `text` at `end` ("… transitional president"
    → ("", "president"); "the former minister" → ("former", "minister")), the longest
    such role; None when no role ends there."""
    role, qual = _role_before(lex)
    for w in _WORD_START.finditer(text, max(0, end - 60), end):
        if role.fullmatch(text, w.start(), end):
            q = qual.search(text, max(0, w.start() - 12), w.start())
            return (q.group() if q else ""), text[w.start():end]
    return None


def find_people(sentence: str, lex: Lexicon) -> list[Mention]:
    """People named with a role, in either order; "then-"/"former" kept as a qualifier."""
    starts = _role_starts(lex)
    if starts is not None and not starts.search(sentence.lower()):
        return []  # every pattern needs a role; this one search is far cheaper than they
    before, after, plain, pair, apposed, sovereign = _person_patterns(lex)
    out: list[Mention] = []
    for m in before.finditer(sentence):
        if m.group("of") and not _country_split(m, lex):
            # "Minister of External Relations Ana …": no country there — read it as a
            # role and a name, if it is one.
            m = plain.match(sentence, m.start())
            if m is None:
                continue
        name = m.group("name")
        start = m.start("rank") if m.group("rank") else m.start("name")
        if not m.groupdict().get("of") and sentence[:start].rstrip().endswith(",") \
                and not _APPOSITION_END.match(sentence, m.end("name")):
            continue  # "Minister of Foreign Affairs, African Cooperation and …": a title
        if _starts_with_place(name, lex) or _looks_like_body(name, lex) \
                or name.split()[0].lower() in lex.name_stopwords:
            continue  # "…, Their Majesties The King": a name does not start with "their"
        place = None
        if "of" in m.groupdict() and m.group("of"):
            place, name = _country_split(m, lex)
        role = _clean_role(m.group("role"), lex)
        first, _, rest = name.partition(" ")
        if rest and _role_before(lex)[0].fullmatch(f"{role} {first}"):
            role, name = f"{role} {first}", rest  # "Secretary General Lolohea", not "General …"
        person = _person(m, name, role, m.group("qual"), lex, m.group("rank"))
        if place and not dict(person.attrs).get("country"):
            person = replace(person, attrs=person.attrs + (("country", place.country),))
        out.append(person)
    for m in after.finditer(sentence):
        name = m.group("name")
        if not name[0].isupper() or any(p.start <= m.start("name") < p.end for p in out) \
                or " by " in f" {m.group('role')} " or _looks_like_body(name, lex) \
                or name.split()[-1].lower() in lex.organisation_words \
                or _starts_with_place(name, lex) or _DAY_NOT_NAME.search(name):
            # "the Royal Castle, hosted by the President": a place, not a person; "the
            # Constitutional Court, to the president": a body; "Last Tuesday, Uruguay's
            # ambassador": a day; "the Korean President, the Speaker of …": a role
            continue
        role = _clean_role(m.group("role"), lex)
        # "H.E. Nguyễn Thanh Tùng, Minister of …": no initial "E." glued to an honorific
        if re.fullmatch(r"[A-Z]\.", name.split()[0]) and m.start("name") > 0 \
                and sentence[m.start("name") - 1] in ".":
            name = name.split(" ", 1)[1] if len(name.split()) > 2 else name
        # "His Excellency Yaw Boateng Ansah, President of …": the honorific is a rank
        rank = re.match(rf"(?:{lex.rank_re})\s+", name)
        if rank and len(name[rank.end():].split()) >= 2:
            name = name[rank.end():]
        out.append(_person(m, name, role, m.group("qual"), lex,
                           rank.group().strip() if rank else None, name_span=True))
    for m in pair.finditer(sentence):
        # "Presidents Sévérin Akplogan and Abdoul-Karim Zongo": one role, two people
        role = _clean_role(m.group("role"), lex)
        for g in ("a", "b"):
            if not any(p.start <= m.start(g) < p.end for p in out):
                out.append(Mention("person", m.start(g), m.end(g), m.group(g), m.group(g),
                                   (("role", role),)))
    for m in apposed.finditer(sentence):
        # "Burkina Faso's transitional president, Abdoul-Karim Zongo, signed …"
        name = m.group("name")
        found = _role_ending(sentence, m.start(), lex)
        if not found or any(p.start <= m.start("name") < p.end for p in out) \
                or _looks_like_body(name, lex) or _DAY_NOT_NAME.search(name) \
                or _starts_with_place(name, lex):
            continue
        qual, said = found
        role = next((r for r in lex.roles if r.lower() == said.lower()),
                    said)  # as the rules write it: "President"
        out.append(_person(m, name, role, qual, lex, m.group("rank"), name_span=True))
    for m in sovereign.finditer(sentence) if sovereign else ():
        name = m.group("name")
        if any(p.start <= m.start("name") < p.end for p in out) or name in lex.places \
                or _looks_like_body(name, lex) or _DAY_NOT_NAME.search(name):
            continue
        out.append(Mention("person", m.start("name"), m.end("name"), name, name,
                           (("role", m.group("role")),)))
    return sorted(out, key=lambda p: p.start)


# A name set off by commas after its role ends the apposition: "the Secretary of
# Economy, Adriana Villaseñor Ruiz, and …".
_APPOSITION_END = re.compile(r"\s*(?:[,.;:)]|$)")


def _starts_with_place(name: str, lex: Lexicon) -> bool:
    """Whether a name begins with a country, a capital or a people ("Uruguay's
    ambassador"): no person's. A city may be a first name ("Milan Radonjić")."""
    place = lex.places.get(name.split()[0])
    return place is not None and place.kind != "city"


def _country_split(m, lex: Lexicon):
    """(country, name) of "President of the United Republic of Tanzania Amina Said": the
    longest run of words after "of" that names a country, and the two words or more
    after it; None when no country is named there."""
    words = f"{m.group('of')} {m.group('name')}".split()
    for k in range(len(words) - 2, 0, -1):
        found = lex.places.get(" ".join(words[:k]))
        if found and found.kind == "country":
            return found, " ".join(words[k:])
    return None


@lru_cache(maxsize=4)
def _role_after(lex: Lexicon) -> re.Pattern:
    """A role just after a nationality ("Portuguese Defence Minister", "Kenyan President")."""
    return re.compile(rf"\s+(?:[A-Z][\w-]*\s+){{0,2}}?(?:{lex.role_re})\b")


def _person(m, name, role, qual, lex, rank, name_span=False) -> Mention:
    qualifier = lex.qualifiers.get((qual or "").strip().lower(), "")
    role, nationality = _split_nationality(role, lex)
    attrs = [("role", role)]
    if nationality:
        attrs += [("nationality", nationality), ("country", lex.places[nationality].country)]
    if qualifier:
        attrs.append(("qualifier", qualifier))
    if rank:
        attrs.append(("rank", rank))
    s, e = (m.start("name"), m.end("name")) if name_span else m.span()
    return Mention("person", s, e, m.group()[s - m.start():e - m.start()], name, tuple(attrs))


def _clean_role(role: str, lex: Lexicon) -> str:
    words = role.split()
    # Drop leading words that are not part of a title ("Foreign Office spokesperson" keeps
    # both; "and Prime Minister" loses "and").
    while words and words[0].lower() in {"and", "by", "the", "with", "said", "of", "as"}:
        words.pop(0)
    return " ".join(words)


def _split_nationality(role: str, lex: Lexicon) -> tuple[str, str]:
    """"Kenyan Ambassador" → ("Ambassador", "Kenyan"): nationality is kept apart so one
    person's roles merge across sources that do and do not state it."""
    first, _, rest = role.partition(" ")
    place = lex.places.get(first)
    if rest and place and place.kind == "demonym":
        return rest, first
    # "Mexico's Secretary of Economy" → ("Secretary of Economy", "Mexican")
    owner = re.fullmatch(r"(.+?)['’]s", first)
    place = lex.places.get(owner.group(1)) if owner and rest else None
    if place and place.kind == "country" and _demonyms(lex).get(place.country):
        return rest, _demonyms(lex)[place.country]
    return role, ""


@lru_cache(maxsize=4)
def _demonyms(lex: Lexicon) -> dict[str, str]:
    """Each country's first demonym in the gazetteer ("Mexico" → "Mexican")."""
    out: dict[str, str] = {}
    for word, place in lex.places.items():
        if place.kind == "demonym":
            out.setdefault(place.country, word)
    return out


def _looks_like_body(name: str, lex: Lexicon) -> bool:
    """Whether a name is a body's or a building's ("Council of Ministers", "Government
    Complex Seoul"), no person's: facts.yaml `place_words`."""
    return name in lex.bodies or any(w.lower() in lex.place_words for w in name.split())


def find_bodies(sentence: str, lex: Lexicon, places: list[Mention]) -> list[Mention]:
    """Legislatures and international organisations from the gazetteer, and a
    legislature named by its country ("Norway's parliament" → the Storting), the
    country being one of `places` (find_places of the sentence)."""
    out = []
    for start, end, name in lex.body_names.finditer(sentence):
        out.append(_body(lex.bodies[name], start, end, name))
    for place in places:
        said = lex.legislature_words.match(sentence, place.end)
        if dict(place.attrs).get("type") not in ("country", "demonym") or not said:
            continue
        chamber = lex.legislature_chamber[said.group("word").lower()]
        body = lex.chambers.get((dict(place.attrs)["country"], chamber))
        if body and not any(m.start < said.end() and place.start < m.end for m in out):
            out.append(_body(body, place.start, said.end(),
                             sentence[place.start:said.end()]))
    # "…cleared the Dutch parliament: the lower house approved it in September": a
    # chamber named by its kind alone is of the one country the sentence names.
    countries = {dict(p.attrs)["country"] for p in places
                 if dict(p.attrs).get("type") in ("country", "demonym")}
    if len(countries) == 1:
        country = countries.pop()
        for m in _BARE_CHAMBER.finditer(sentence):
            chamber = lex.legislature_chamber.get(m.group(1).lower())
            body = lex.chambers.get((country, chamber)) if chamber in ("lower", "upper") \
                else None
            if body and not any(o.start < m.end() and m.start() < o.end for o in out):
                out.append(_body(body, m.start(1), m.end(1), m.group(1)))
    return sorted(out, key=lambda m: m.start)


# The short name a text's full name is given: '(hereinafter "the … Agreement")',
# '(hereinafter referred to as the "Agreement")'.
_HEREINAFTER = re.compile(r"[^()]{0,120}?\(\s*hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?"
                          r"(?:the\s+)?[\"“‘']?(?:the\s+)?(?P<short>[^\"”’')]{3,80}?)[\"”’']?\s*\)")
# A text that amends another, named before it: "the Protocol amending the Convention …".
_AMENDING = re.compile(r"(?P<lead>(?P<kind>Protocol|Agreement|Amendment)\s+(?:amending|to\s+amend)"
                       r"\s+(?:the\s+)?)$")
_BARE_CHAMBER = re.compile(r"\bthe\s+((?:lower|upper)\s+(?:house|chamber))\b", re.IGNORECASE)


def _body(body, start: int, end: int, text: str) -> Mention:
    attrs = tuple((k, v) for k, v in (("country", body.country), ("chamber", body.chamber),
                                      ("acronym", body.acronym)) if v)
    return Mention("organisation", start, end, text, body.name, attrs)


def find_places(sentence: str, lex: Lexicon) -> list[Mention]:
    """Countries, capitals, seats of government and demonyms (as their country)."""
    out = []
    for start, end, name in lex.place_names.finditer(sentence):
        place = lex.places[name]
        if place.kind == "feature" or sentence.startswith("$", end):
            continue  # "the Indian Ocean": no place of the event's, and no India; "US$"
        if place.kind == "demonym" and lex.nationality_of.match(sentence, end):
            continue  # "her Kenyan counterpart": a person's country, not a place named
        kind = place.kind
        if kind == "demonym" and _role_after(lex).match(sentence, end):
            kind = "nationality"  # "the Portuguese Minister will visit …": a party, no venue
        if kind == "country" and out and out[-1].end + 2 == start \
                and sentence[out[-1].end:start] == ", " \
                and dict(out[-1].attrs).get("type") in ("capital", "seat"):
            kind = "locator"  # "in Vaduz, Liechtenstein": where, not who is party
        out.append(Mention("place", start, end, name, place.name,
                           (("country", place.country), ("type", kind))))
    return out


def _names_a_thing(acronym: str, lex: Lexicon) -> bool:
    """Whether an acronym before a kind word names what the text is about or who makes
    it, not the text ("an LNG deal", "the EU deal", "the SAM deal")."""
    return bool(lex.events.classes(acronym)) or acronym in lex.bodies \
        or acronym in lex.common_acronyms


# What a party to an agreement is called in its full name ("the Government of …").
_PARTY_NOUN = (r"(?:Government|Cabinet|Council of Ministers|Republic|Kingdom|State|Sultanate|"
               r"Federation|Principality|Emirate|Commonwealth|Grand Duchy|United)\b")


@lru_cache(maxsize=4)
def _agreement_patterns(lex: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    head = f"(?i:{lex.agreement_head.pattern})"
    # A capitalised word, or a list of them ("Development, Financing and Operation")
    word = r"[A-Z][\w'’–-]*(?:(?:,\s[A-Z][\w'’–-]*)+(?=\s(?:and|or)\s(?:the\s)?[A-Z]))?"
    # …a number inside it ("Ulaanbaatar Metro Line 1 Financing Agreement"; not "Article
    # 17 of the Agreement"), and "for an" ("… for an Economic Partnership (… EPA)")
    cap = rf"(?:{word}|of|on|for|and|the|in|to|de|(?<=for\s)an?|(?<!['’]s\s)\d{{1,4}}[A-Z]?(?=\s[A-Z]))"
    named = re.compile(
        rf"(?<![\w–-])(?P<name>(?:[A-Z][\w'’–-]*\s)(?:{cap}\s){{0,14}}?(?:{head}|[A-Z][\w-]*))"
        rf"(?:\s(?P<tail>{head}))?\s?\((?:the\s)?(?P<acr>{_ACRONYM})\)"
        rf"|(?<![\w–-])(?P<name2>(?:(?:[A-Z][\w'’–-]*\s)(?:{cap}\s){{0,10}}?)?(?:{head})(?:\s(?:{head}))*"
        # "Memorandum of Understanding on Geothermal Cooperation": a capitalised tail.
        # ("the Protocol to the Treaty Establishing the African Economic Community
        # Relating to Free Movement of Persons …": a protocol is to its treaty)
        rf"(?:\s(?:on|for|of|between|concerning|against|(?<=Protocol\s)to)\s(?:the\s|an?\s)?(?!{_CALENDAR_WORD}){word}"
        # "… between the Government of the Republic of Kenya and the State of Qatar"
        # "… of the Sultanate of Oman concerning Mutual Logistic Support", "… against
        # Cybercrime"
        # "… on Mutual Exemption from Visa Requirements for Holders of …"
        # "… between the Cabinet of Ministers of the Kyrgyz Republic, the Government of
        # the Republic of Kazakhstan and …": a list of parties goes on after a comma
        rf"(?:(?:\s|,\s(?=the\s{_PARTY_NOUN}))(?:(?:and|of|for|the|in|on|concerning|regarding|against|(?:(?<=ing\s)|(?<=ed\s))(?:from|by)|(?<=ion\s)from|(?<=Relating\s)to)\s|(?<=of\s)(?:an?|their|its)\s|(?:(?<=for\s)|(?<=on\s))an?\s)*(?!{_CALENDAR_WORD}){word})*)?)(?:,\s(?:or|known as)\s(?P<acr2>{_ACRONYM})|\s\((?:the\s)?(?P<acr3>{_ACRONYM})\))?")
    bare = re.compile(rf"\b(?P<acr>[A-Za-z]{{0,3}}[A-Z]{{2,8}})\s(?P<head>{head})")
    return named, bare


_FILLER = frozenset("of on in for the and to between with at by".split())


def _countries_named(name: str, lex: Lexicon) -> dict[str, str]:
    """word (lower case) → country, for each word of `name` naming a country or its
    people ("French" → France; "Bulgaria–France" → both)."""
    out = {}
    # Names of several words too ("EU–New Zealand FTA"), whatever dash joins them
    for _, _, surface in lex.place_names.finditer(re.sub(r"[-–—]", " ", name)):
        place = lex.places[surface]
        if place.kind in ("country", "demonym"):
            for word in re.findall(r"[^\W\d_]+", surface):
                if word[0].isupper():  # not "of", "the" of "Republic of the Philippines"
                    out[word.lower()] = place.country
    return out


def _parties_between(name: str, lex: Lexicon) -> list[str]:
    """The two parties a name says it is between, when one is no state ("Peace
    Agreement between the Government of the Republic of Chad and the Movement for …"):
    the state's country, and the other as named; [] when the name says no such two."""
    m = _BETWEEN.search(name)
    if not m:
        return []
    out, states = [], 0
    for phrase in (m.group(1), _SUBJECT_AFTER.split(m.group(2))[0]):
        bare = _GOVERNMENT_OF.sub("", phrase)
        place = lex.places.get(bare) or lex.places.get("the " + bare)
        if place and place.kind == "country":
            out.append(place.country)
            states += 1
        elif bare in lex.bodies:
            out.append(lex.bodies[bare].name)
            states += 1
        else:
            out.append(phrase)
    return out if states == 1 and len(set(out)) == 2 else []


# "between the Government of the Republic of Chad and the Movement for Justice and
# Refoundation of Chad": the second party runs to the end (its name may hold "and"),
# or to what the text is about ("… on the Cessation of Hostilities").
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(.+?)\s+and\s+((?:the\s+)?[A-Z].*)$")
_SUBJECT_AFTER = re.compile(r"\s+(?:on|concerning|regarding|relating\s+to)\s+(?:the\s+)?(?=[A-Z])")
_GOVERNMENT_OF = re.compile(r"^(?:the\s+)?(?:Governments?|State)\s+of\s+(?:the\s+)?")

_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]+)")
# Words that join a name's parts, which a title capitalises without ending it
# ("Agreement Between the …", "… of Oman concerning Mutual Logistic Support").
JOINING_WORDS = _FILLER | {"concerning", "regarding", "as", "or"}
_CALENDAR = re.compile(_CALENDAR_WORD)
# A day before a comma is no person ("Last Tuesday, Uruguay's ambassador …"); a month may
# be a name ("Theresa May", "April Ryan"), a weekday is not.
_DAY_NOT_NAME = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                           r"|^(?:Last|Next|This|Early|Late|Mid)\b")


# Not a model's number ("the F-35 deal"): "G2G" (government-to-government), "B2B".
_NO_MODEL = re.compile(r"\b[A-Z]2[A-Z]\b")
# A dash between two capitalised words of an agreement's name joins its parties.
_PARTY_DASH = re.compile(r"(?<=\w)[-–—](?=[A-Z])")


# What a state accedes to, named after its accession: "… to the Southern African Customs
# Union Agreement", "… to the World Trade Organization".
_ACCEDING_TO = re.compile(r"\sto\s(?:the\s)?[A-Z][\w'’-]*(?:\s(?:(?:of|on|and|for|the)\s)*[A-Z][\w'’-]*)*")


def find_agreements(sentence: str, lex: Lexicon) -> list[Mention]:
    """Agreements by name, with the acronym when given "(ACRONYM)" or ", or ACRONYM"."""
    if not lex.agreement_head.search(sentence):
        return []  # every name below needs a kind word ("agreement", "treaty") near it
    named, bare = _agreement_patterns(lex)
    out: list[Mention] = []
    pending: list[Mention] = []  # a second text listed in a name, found on its own
    covered = 0  # where the last name found ends, when it ran past its match
    for m in named.finditer(sentence):
        if m.start() < covered:
            continue  # "… to the Southern African Customs Union Agreement": the name's
        acronym = m.group("acr") or m.group("acr2") or ""
        if m.group("acr3") and m.group("name2")[:1].isupper() and _acronym_of(
                m.group("acr3"), m.group("name2")):
            # "the Intergovernmental Agreement on … in the Republic of Kenya (the IGA)": a
            # name too long for the first pattern ("the agreement (EPA)" names nothing)
            acronym = m.group("acr3")
        # The name runs up to the acronym's bracket or comma, head words included.
        end = m.start("acr") if m.group("acr") else m.end("name2")
        name = sentence[m.start():end].rstrip(" (,")
        joined_to = None if acronym else _ACCEDING_TO.match(sentence, m.end())
        if joined_to and re.search(r"\bAccession\b", name, re.I):
            # "the Treaty on the Accession of the Republic of Mozambique to the Southern
            # African Customs Union Agreement": what the state joins is in the name
            name += joined_to.group()
        else:
            joined_to = None
        after = _NEXT_WORD.match(sentence, joined_to.end() if joined_to else m.end())
        if after and (after.group(1).lower() in lex.organisation_words or (
                after.group(1).lower() not in JOINING_WORDS and not _CALENDAR.fullmatch(
                    after.group(1)) and after.group(1) not in lex.places)):
            # "the Kenyatta International Convention Centre", "the Antarctic Treaty
            # System": the kind word is inside another name
            continue
        words = name.split()
        breaks = [i for i, w in enumerate(words) if w.lower() in lex.name_breaks]
        if breaks:
            words = words[breaks[-1] + 1:]
        if len(words) > 3 and re.fullmatch(r"[A-Z]{2,8}", words[0]) and words[1] == "and":
            words = words[2:]  # "the IGA and the State Loan Agreement": the second text's
        # "approval by the Senate of the Republic of the Convention on …": a body's name,
        # then "of the", then the agreement's (not "Council of Europe Convention on …").
        head_at = next((i for i, w in enumerate(words) if lex.agreement_head.fullmatch(w)),
                       len(words))
        # "the Joint Statement on … Partnership and on the Agreement between …": two
        # texts listed; the agreement's name begins after "and".
        joined = [i for i in range(1, head_at) if words[i] == "and" and set(
            words[i + 1:head_at]) <= {"on", "of", "for", "the"}]
        if joined:
            words, head_at = words[joined[-1] + 1:], head_at - joined[-1] - 1
        # "the Consular Agreement between X and Y and the Protocol on Visas": two texts
        # listed; the first's name ends before "and", the second is found on its own
        # (also just after the first's kind: "the Joint Political Declaration and the
        # Framework Agreement on …").
        second = next((i for i in range(head_at + 1, len(words) - 1)
                       if words[i] == "and" and _second_text(words[i + 1:], lex)), None)
        span_end = covered = joined_to.end() if joined_to else m.end()
        if second is not None:
            at = sentence.find(" and " + " ".join(words[second + 1:second + 3]), m.start())
            if at > 0:
                span_end = at
                pending = [replace(x, start=x.start + at + 5, end=x.end + at + 5)
                           for x in find_agreements(sentence[at + 5:], lex)]
                words = words[:second]
                acronym = ""  # "(RAVFA)" after the second name is the second's
        # "signed in Rome the Agreement on …": a place before "the" is not the name's.
        # (…and "signed in Rabat the Intergovernmental Agreement on …")
        # (…and a country acceding "to the Convention on …": "accession of the Oriental
        # Republic of Uruguay to the Convention")
        the = max((i for i in range(1, head_at) if words[i] == "the"), default=0)
        # (…and a body signing: "signed for Mexico by the Secretariat of Economy the
        # Memorandum of Understanding on …")
        if the and (all(w in lex.places for w in words[:the]) or words[the - 1] == "to"
                    and " ".join(words[:the - 1]) in lex.places
                    or _looks_like_body(words[0], lex)):
            words, head_at = words[the + 1:], head_at - the - 1
        # (…or "on the": "the Senate Committee on Foreign Relations on the Reciprocal
        # Access … Agreement")
        cuts = [i for i in range(1, head_at - 1) if words[i] in ("of", "on")
                and words[i + 1] == "the"]
        if cuts and (_looks_like_body(words[0], lex) or any(
                end == len(" ".join(words[:cuts[-1]]))
                for _, end, _ in lex.body_names.finditer(" ".join(words[:cuts[-1]])))
                or all(w in lex.places for w in words[:cuts[-1]])):
            # "… by the Honourable Chamber of Senators of the Agreement …": a body's
            # name, "of the", then the agreement's; "signing in Dhaka of the … Agreement":
            # a place's
            words = words[cuts[-1] + 1:]
        year = ""  # the year the name carries: "the 1982 … Convention", "Treaty of … of 1980"
        while words and (words[0].lower() in lex.name_stopwords
                         or re.fullmatch(r"\d+[A-Z]?", words[0])
                         # "signed on Wednesday on the ASEAN Convention …"
                         or _DAY_NOT_NAME.fullmatch(words[0])):
            if re.fullmatch(r"(?:19|20)\d\d", words[0]):
                year = words[0]
            words.pop(0)  # "The 2013 Foreign Investment … Agreement": no year in the name
        of_year = _OF_YEAR.match(sentence, m.end()) or _YEAR_BEFORE.search(
            sentence, max(0, m.start() - 6), m.start())
        year = year or (of_year.group(1) if of_year else "")
        name = " ".join(words).strip("'‘’\"")
        if acronym and not lex.agreement_head.search(name) and _after_role(
                sentence, m.start(), lex):
            continue  # "senator Paulo Mendonça Reis (PSD-PR)": a person and a party
        if acronym and (not lex.agreement_head.search(
                sentence[max(0, m.start() - 40):m.end() + 25])
                or words and words[-1].lower() in lex.organisation_words
                or (name in lex.bodies or acronym in lex.bodies
                    or any(w.lower() in lex.organisation_words for w in words))
                and not lex.agreement_head.search(name)):
            # "Ministry of External Affairs (MEA)", "… Administration (FMV)", "the House
            # of Representatives (DPR)": bodies; "a Framework Arrangement on loans from
            # the Economic Development Cooperation Fund (EDCF)": the acronym is the fund's
            continue
        if not acronym and (len(words) < 2 or not name[:1].isupper() or not (
                lex.agreement_head.findall(name)[-1:] and
                lex.agreement_head.findall(name)[-1][:1].isupper()
                or re.search(r"\d", _NO_MODEL.sub("", name)))) \
                or re.search(r"(?<!People)['’]s\b", name[:_first_head(name, lex)]):
            # "the agreement", "Under the agreement", "the EU's trade deal": no name
            # ("Lao People's Democratic Republic" is one; nor is a possessive in what
            # the text is about: "… on the Restructuring of Malawi's Official Debt").
            # A name without an acronym ends in a capitalised kind ("… Treaty") or
            # carries a model number ("the F-35 deal").
            continue
        if not acronym and len(words) == 4 and words[1:3] == ["of", "the"] \
                and lex.agreement_head.fullmatch(words[3]):
            continue  # "Status of the Convention", "Text of the Treaty": the one named before
        if _PART_OF.match(name):
            continue  # "Chapter IV of the Protocol", "Article 17 of the Agreement": a part
        if re.match(r"(?:Parties|States|Members) to (?:the )?", name):
            continue  # "the Parties to the Nauru Agreement": a group of states, a body
        if not acronym and len(words) == 2 and re.fullmatch(r"[A-Z]{2,8}", words[0]) \
                and not words[1].isupper():
            if _names_a_thing(words[0], lex):
                continue  # "an LNG deal": a deal on what an event cue names, not its name;
                # "the EU Deal": a body's
            acronym = words[0]  # "the XYZ pact": the name is the acronym ("PARIS TREATY": no)
        if acronym.lower() in lex.agreement_kinds:
            acronym = ""  # "… Free Trade Agreement (FTA)": the kind's acronym, not the name's
        # (the kind is the acceding text's: a Treaty on the Accession … to the … Agreement)
        head = lex.agreement_head.findall(
            name.removesuffix(joined_to.group()) if joined_to else
            name + " " + (m.group("tail") or ""))
        if re.match(r"(?:Protocol|Annex)\s+to\s", name):
            head = head[:1]  # "Protocol to the Treaty Establishing …": a protocol
        kind = lex.agreement_kinds.get(head[-1].lower(), "agreement") if head else "agreement"
        start = m.start()
        amending = _AMENDING.search(sentence, 0, m.start())
        if amending and name.startswith(sentence[amending.end():m.end()].split()[0]):
            # "the Protocol amending the Convention between …": the protocol is the
            # text, named with the one it amends (a text of its own, not the convention)
            name, start = sentence[amending.start("lead"):m.start()] + name, amending.start("lead")
            kind = lex.agreement_kinds.get(amending["kind"].lower(), kind)
        # What names this one apart from its kind ("EU-Thailand", "Defence Cooperation"):
        # two names sharing it may be one agreement.
        core = " ".join(w for w in re.findall(r"[^\W_]*[^\W\d_][^\W_]*", lex.agreement_head.sub(" ", name))
                        if len(w) > 1 and w.lower() not in _FILLER)
        # The countries the name names ("Bulgaria–France", "the French Republic"), and
        # the words that name them: two names of one agreement may name them two ways.
        # (A headline's capitals name them too: "TUNISIA–ESTONIA CONVENTION".)
        named = _countries_named(name.title() if name.isupper() else name, lex)
        # Its parties, where the name says them: countries and international bodies
        # ("Australia-European Union Free Trade Agreement"), a dash joining them as a
        # space would ("Thailand-EU", "EU-Mercosur": a name is found after no hyphen)
        bodies = [(i, lex.bodies[n].name)
                  for i, _, n in lex.body_names.finditer(_PARTY_DASH.sub(" ", name))
                  if not lex.bodies[n].chamber]
        parties = [p for _, p in sorted([(name.lower().find(w), c) for w, c in named.items()]
                                        + bodies)]
        if len(set(parties)) < 2:
            parties = _parties_between(name, lex) or parties
        attrs = [("kind", kind), ("core", core), ("countries", "|".join(sorted(set(named.values())))),
                 ("country_words", "|".join(sorted(named))),
                 ("parties", "|".join(dict.fromkeys(parties)))]
        if acronym:
            attrs.append(("acronym", acronym.upper()))
        # A treaty is known by where it was concluded: "the Convention on International
        # Interests in Mobile Equipment (Cape Town, 16 November 2001)" is the Cape Town
        # Convention.
        concluded = CONCLUDED_AT.match(sentence, span_end)
        hereinafter = _HEREINAFTER.match(sentence, span_end)
        if concluded and concluded["place"] in lex.places and head:
            attrs.append(("alias", f"{concluded['place']} {head[-1].title()}"))
        elif hereinafter and lex.agreement_head.search(hereinafter["short"]):
            # "… at the Port of Mtwara (hereinafter "the Mtwara Port Access and Transit
            # Agreement")": the short name the text gives itself
            attrs.append(("alias", hereinafter["short"]))
        # …and so is one that puts its place first ("the Doha Peace Agreement"): the
        # rest ("Peace Agreement") may begin its full name ("Peace Agreement between …"),
        # and a kind's acronym ("the Paris MoU") may stand for it.
        name_split = name.split()
        for n in (3, 2, 1):
            led = " ".join(name_split[:n])
            place = lex.places.get(led)
            # (…or two capitals joined: "the Seoul-Nairobi MOU")
            joined = [lex.places.get(p) for p in re.split(r"[-–]", led)] if n == 1 else []
            if len(name_split) > n and (place and place.kind == "capital" or len(joined) == 2
                                        and all(p and p.kind == "capital" for p in joined)):
                attrs.append(("placed", led))
                break
        if year:
            attrs.append(("year", year))
        if " between " in name and _SUBJECT_IN_LOWER_CASE.match(sentence, span_end):
            # "the Agreement between the Government of … and the Government of the United
            # States of America on cooperation in the field of …": the name goes on in
            # lower case, so this is but its start — no other name for the text
            attrs.append(("cut", "yes"))
        out.append(Mention("agreement", start, span_end, sentence[start:span_end], name,
                           tuple(attrs)))
        out += pending  # (in the sentence's order: the second text after the first)
        pending = []
    for m in bare.finditer(sentence):
        if any(a.start <= m.start() < a.end for a in out) or m.group("acr") in lex.places \
                or _names_a_thing(m.group("acr"), lex):
            continue  # "the EU deal", "the US deal" name no agreement; nor "an LNG deal"
        kind = lex.agreement_kinds.get(m.group("head").lower(), "agreement")
        out.append(Mention("agreement", m.start(), m.end(), m.group(), m.group("acr").upper(),
                           (("kind", kind), ("acronym", m.group("acr").upper()))))
    return out + pending


def _first_head(name: str, lex: Lexicon) -> int:
    """Where the name's first kind word ends ("Memorandum of Understanding" → after
    "Memorandum"), or its length when it has none."""
    m = lex.agreement_head.search(name)
    return m.end() if m else len(name)


# A name's subject told on in lower case: " on cooperation in …".
_SUBJECT_IN_LOWER_CASE = re.compile(r"\s+(?:on|concerning|regarding|for)\s+(?:the\s+)?[a-z]")


# A part of a text, named by its number: "Chapter IV of the Protocol", "Annex 2 to …".
_PART_OF = re.compile(r"(?:Chapter|Article|Annex|Part|Section|Title|Paragraph|Clause)s?\s+"
                      r"(?:[IVXLC]+|\d+[A-Za-z]?)\s+(?:of|to)\s")


# Where a long name's subject begins: "… on the Status of Their Armed Forces (SOFA)"
_SUBJECT = re.compile(r"\b(?:on|for|concerning|regarding)\s(?:the\s)?(\w)")


@lru_cache(maxsize=4)
def _role_before_name(lex: Lexicon) -> re.Pattern:
    return re.compile(rf"\b(?i:{lex.role_re})\s+$")


def _after_role(sentence: str, at: int, lex: Lexicon) -> bool:
    """Whether a role, in any case, stands just before `at` ("senator Paulo …")."""
    return _role_before_name(lex).search(sentence, max(0, at - 60), at) is not None


def _acronym_of(acronym: str, name: str) -> bool:
    """Whether a bracketed acronym after a long name is the name's, not its last party's:
    it starts as the name or its subject does ("Intergovernmental Agreement on … (the
    IGA)", "Agreement … on the Status of Their Armed Forces (SOFA)"; not "Peace Agreement
    between the Government … and the Movement for Justice and Refoundation of Chad
    (MJRT)")."""
    firsts = {name[:1]} | {m.group(1) for m in _SUBJECT.finditer(name)}
    return acronym[:1].upper() in {f.upper() for f in firsts}


def _second_text(words: list[str], lex: Lexicon) -> bool:
    """Whether `words` (after an "and" in a name) begin a second text's name: an
    article, a few capitalised words (and the small words joining them), then a
    capitalised kind ("the Protocol on", "the Reciprocal Access and Visiting Forces
    Agreement"), not a party ("the Republic of Korea")."""
    if words[:1] and words[0] in ("the", "a", "an"):
        words = words[1:]
    for i, w in enumerate(words[:7]):
        if i and w in ("and", "of", "on", "for"):
            continue  # "the Reciprocal Access and Visiting Forces Agreement"
        if not w[:1].isupper():
            return False
        if lex.agreement_head.fullmatch(w):
            return True
    return False


# The bracket after a treaty's name giving where and when it was concluded, or when:
# "(Cape Town, 16 November 2001)", "(Paris, December 12, 2015)", "(23 May 1969)".
CONCLUDED_AT = re.compile(r"\s*\((?:(?P<place>[^\W\d_][\w .'’-]{0,30}),\s*)?(?:\d{1,2}\s+)?"
                          r"[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?\d{4}\)")
_OF_YEAR = re.compile(r",?\s+of\s+((?:1[6-9]|20)\d\d)\b")
_YEAR_BEFORE = re.compile(r"\b((?:1[6-9]|20)\d\d)\s+$")

_QUOTE = re.compile(r"[\"“](?P<q>[^\"“”]{12,}?)[\"”]|(?<!\w)[‘'](?P<q2>[^‘’']{12,}?)[’'](?!\w)")


@lru_cache(maxsize=4)
def _speaker_patterns(lex: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    verbs = lex.speech_verbs
    # "the Department of Foreign Affairs and Trade said": joining words inside a name.
    who = (r"(?P<who>(?:the\s)?[A-Z][\w'’.-]*(?:\s(?:(?:of|and|for|the)\s){0,2}"
           r"[A-Z][\w'’.-]*){0,6}\s?)")
    who2 = who.replace("?P<who>", "?P<who2>")
    after = re.compile(rf"^\W*(?:{verbs})\s{who}|^\W*{who2}\s(?:{verbs})\b")
    before = re.compile(rf"{who}(?:,[^,]{{0,60}},)?\s(?:{verbs})\b[^\"“‘]{{0,40}}$")
    return after, before


@lru_cache(maxsize=4)
def _role_speaker(lex: Lexicon) -> re.Pattern:
    """A speaker named only by role: "the Kazakh ecology minister said …"."""
    return re.compile(rf"\b[Tt]he\s(?P<who>(?:[A-Z][a-z]+\s)?(?i:(?:[a-z]+\s)?(?:{lex.role_re})))"
                      rf"(?:,[^,]{{0,60}},)?\s(?:{lex.speech_verbs})\b[^\"“‘]{{0,40}}$")


_PRONOUNS = frozenset("he she they it we i you one someone".split())


def find_quotes(sentence: str, lex: Lexicon) -> list[Mention]:
    """Quoted words of at least a few words, with the speaker named beside them."""
    after, before = _speaker_patterns(lex)
    out = []
    for m in _QUOTE.finditer(sentence):
        quote = (m.group("q") or m.group("q2")).strip().rstrip(",;:")
        if len(quote.split()) < 5:
            continue  # a scare-quoted phrase ("strategic and comprehensive"), not a quotation
        speaker = ""
        tail = after.search(sentence[m.end():m.end() + 120])
        head = before.search(sentence[max(0, m.start() - 160):m.start()])
        for hit in (tail, head):
            who = hit and (hit.group("who") or hit.groupdict().get("who2"))
            if who and who.strip().lower() not in _PRONOUNS:
                # "…, said Left Bloc MP Joana Carvalheira.": the full stop is not the name's
                speaker = re.sub(r"(?<=[a-z]{2})\.$", "", who.strip().removeprefix("the ").strip())
                break
        if not speaker:  # "the ecology minister said": consolidation finds who that is
            by_role = _role_speaker(lex).search(sentence[max(0, m.start() - 160):m.start()])
            speaker = by_role.group("who").strip() if by_role else ""
        out.append(Mention("quote", m.start(), m.end(), m.group(), quote,
                           (("speaker", speaker),) if speaker else ()))
    return out
