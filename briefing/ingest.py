"""Ingest: sources (files, folders, URLs, sources.yaml) → cleaned `Document`s.

Reading is the only I/O here. Decoding tries UTF-8, then Windows-1252; binary files
are skipped with a diagnostic. Page furniture is removed by the patterns in
`rules/cleaning.yaml`; sentences keep their character offsets into the cleaned text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from briefing.errors import SourceError
from briefing.models import Diagnostic, Document, Sentence
from briefing.yamlload import load_yaml, mark_of

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
MAX_SOURCE_BYTES = 5_000_000
MAX_SOURCES = 500
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF")


@dataclass(frozen=True)
class Ingested:
    """The documents read, in input order, and what was skipped or doubted."""

    documents: tuple[Document, ...]
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True)
class _Entry:
    """One source to read, with whatever its manifest said about it."""

    location: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: date | None = None
    explicit: bool = True  # named by the user or a manifest: failure is an error


@dataclass(frozen=True)
class Cleaning:
    """The compiled contents of `rules/cleaning.yaml`."""

    furniture: re.Pattern
    sentence_end: re.Pattern
    abbreviations: frozenset[str]
    heading_max_words: int
    list_lead: re.Pattern
    speaker_label: re.Pattern
    # cleaning.yaml `document_kinds`, as a line that is only one ("JOINT PRESS STATEMENT")
    document_kind: re.Pattern = re.compile(r"(?!)")


@lru_cache(maxsize=8)
def load_cleaning(rules_dir: Path) -> Cleaning:
    """Compile `rules_dir/cleaning.yaml` once."""
    path = rules_dir / "cleaning.yaml"
    data = load_yaml(path)
    try:
        furniture = re.compile(
            "|".join(f"(?:{p})" for p in data["furniture"]), re.IGNORECASE)
    except (re.error, KeyError, TypeError) as exc:
        raise SourceError(f"{mark_of(data) or path}: furniture: {exc}") from None
    abbreviations = frozenset(str(data.get("abbreviations", "")).split())
    # A sentence may end at . ! ? (plus closing quotes) followed by space and an
    # upper-case letter, digit or opening quote; split_sentences then refuses ends
    # after an abbreviation or a single initial.
    sentence_end = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
    leads = data.get("list_leads") or []
    try:
        list_lead = re.compile("|".join(f"(?:{p})" for p in leads) or r"(?!)", re.IGNORECASE)
    except re.error as exc:
        raise SourceError(f"{mark_of(data, 'list_leads') or path}: list_leads: {exc}") from None
    try:
        speaker = re.compile(data.get("speaker_label") or r"(?!)")
    except re.error as exc:
        raise SourceError(f"{mark_of(data, 'speaker_label') or path}: speaker_label: {exc}") \
            from None
    kinds = "|".join(re.escape(k).replace(r"\ ", r"\s+")
                     for k in data.get("document_kinds") or []) or r"(?!)"
    document_kind = re.compile(rf"(?i)(?:joint\s+)?(?:{kinds})s?\b[\W\d]*")
    return Cleaning(furniture, sentence_end, abbreviations,
                    int(data.get("heading_max_words", 14)), list_lead, speaker, document_kind)


def ingest(sources: list[str], rules_dir: Path) -> Ingested:
    """Read every source into a `Document`; raise `SourceError` if none can be read."""
    cleaning = load_cleaning(rules_dir)
    diagnostics: list[Diagnostic] = []
    entries = [e for s in sources for e in _expand(s, diagnostics)]
    if len(entries) > MAX_SOURCES:
        raise SourceError(f"{len(entries)} sources given; the limit is {MAX_SOURCES}")
    documents: list[Document] = []
    seen_ids: set[str] = set()
    for entry in entries:
        doc = _read(entry, cleaning, diagnostics)
        if doc is None:
            continue
        doc_id = doc.id
        n = 2
        while doc_id in seen_ids:
            doc_id, n = f"{doc.id}-{n}", n + 1
        seen_ids.add(doc_id)
        documents.append(replace(doc, id=doc_id))
    if not documents:
        raise SourceError(f"{', '.join(sources)}: no readable articles "
                          f"(expected {', '.join(sorted(ARTICLE_SUFFIXES))} files)")
    return Ingested(_date_from_cluster(documents), tuple(diagnostics))


def _date_from_cluster(documents: list[Document]) -> tuple[Document, ...]:
    """Articles about one event date each other: a year or a window one article makes
    certain helps date the others. Dates from a manifest, metadata or a dateline stay."""
    from briefing.docdate import infer_published_cluster

    open_ = [i for i, d in enumerate(documents) if d.published_how in {"inferred", "unknown"}]
    if len(documents) < 2 or not open_:
        return tuple(documents)
    inferred = infer_published_cluster(
        [d.text for d in documents], [d.title for d in documents],
        [d.published if d.published_how in {"manifest", "metadata"} else None
         for d in documents])
    out = list(documents)
    for i in open_:
        day, how = inferred[i]
        if day is not None:
            out[i] = replace(documents[i], published=day, published_how="inferred")
    return tuple(out)


def _expand(source: str, diagnostics: list[Diagnostic]) -> list[_Entry]:
    """A source argument → the entries to read (a folder's manifest or its files)."""
    if source.startswith(("http://", "https://")):
        return [_Entry(source, url=source)]
    path = Path(source)
    if path.name == "sources.yaml" or path.suffix in {".yaml", ".yml"}:
        return _manifest(path)
    if path.is_dir():
        manifest = path / "sources.yaml"
        if manifest.is_file():
            return _manifest(manifest)
        files = sorted(p for p in path.iterdir()
                       if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        if not files:
            raise SourceError(f"{path}: no articles in this folder "
                              f"(expected {', '.join(sorted(ARTICLE_SUFFIXES))} files)")
        return [_Entry(str(p), explicit=False) for p in files]
    if not path.exists():
        raise SourceError(f"{path}: no such file or folder")
    return [_Entry(str(path))]


def _manifest(path: Path) -> list[_Entry]:
    """Entries of a `sources.yaml`: a list under `sources:` of {file|url, title, …}."""
    data = load_yaml(path)
    items = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise SourceError(f"{mark_of(data) or path}: expected a 'sources:' list")
    entries = []
    for i, item in enumerate(items):
        where = mark_of(items, i)
        if isinstance(item, str):
            item = {"file": item}
        if not isinstance(item, dict) or not (item.get("file") or item.get("url")):
            raise SourceError(f"{where}: expected a mapping with 'file' or 'url'")
        unknown = set(item) - {"file", "url", "title", "outlet", "published"}
        if unknown:
            raise SourceError(f"{where}: unknown key '{sorted(unknown)[0]}' "
                              "(expected file, url, title, outlet, published)")
        published = item.get("published")
        if isinstance(published, str):
            try:
                published = date.fromisoformat(published)
            except ValueError:
                raise SourceError(f"{mark_of(item, 'published')}: published must be "
                                  f"YYYY-MM-DD, got {published!r}") from None
        elif published is not None and not isinstance(published, date):
            raise SourceError(f"{mark_of(item, 'published')}: published must be YYYY-MM-DD")
        location = item.get("file") or item.get("url")
        if item.get("file"):
            file = path.parent / str(item["file"])
            if not file.is_file():
                raise SourceError(f"{mark_of(item, 'file')}: '{item['file']}' not found "
                                  f"beside {path.name}")
            location = str(file)
        entries.append(_Entry(location, str(item.get("title") or ""),
                              str(item.get("outlet") or ""), str(item.get("url") or ""),
                              published))
    return entries


def _read(entry: _Entry, cleaning: Cleaning, diagnostics: list[Diagnostic]) -> Document | None:
    """Fetch or read one entry and clean it; None (with a diagnostic) if it is no article."""
    where = entry.location
    try:
        raw = _fetch(entry.location) if entry.location.startswith(("http://", "https://")) \
            else _read_file(Path(entry.location))
    except SourceError as exc:
        if entry.explicit:
            raise
        diagnostics.append(Diagnostic("ingest", f"skipped: {exc}", where))
        return None
    if raw.startswith(_BINARY_MAGIC) or b"\x00" in raw[:4096]:
        problem = "binary content, not an article"
        if entry.explicit:
            raise SourceError(f"{where}: {problem}")
        diagnostics.append(Diagnostic("ingest", f"skipped: {problem}", where))
        return None
    text = _decode(raw, where, diagnostics)
    meta_title = meta_outlet = ""
    meta_date = guessed = None
    bylines = ""
    is_html = where.lower().endswith((".html", ".htm")) or bool(
        re.match(r"\s*(<!doctype html|<html)", text[:200], re.IGNORECASE))
    if is_html:
        from briefing.htmltext import html_to_article

        article = html_to_article(text)
        text, meta_title, meta_outlet, meta_date, guessed = (
            article.text, article.title, article.outlet, article.published, article.guessed)
        bylines = article.byline
    else:
        meta, text = front_matter(text)
        meta_title, meta_outlet, meta_date = meta.get("title", ""), meta.get("outlet", ""), \
            meta.get("published")
        if where.lower().endswith((".md", ".markdown")) or _MARKDOWN_HEADING.match(text):
            # A .txt written in Markdown ("# Title", "**bold**") is read as Markdown.
            meta_outlet = meta_outlet or _markdown_outlet(text, cleaning)
            text = markdown_to_text(text)
    body, headline = clean_text(text, cleaning)
    if not (entry.outlet or meta_outlet):
        meta_outlet, headline = _masthead(headline, body, cleaning)
    if not (entry.outlet or meta_outlet):
        # "RIGA, June 10 (Baltic Wire Service) - …": the agency the dateline names
        agency = _AGENCY.search(body[:300])
        meta_outlet = agency.group("agency") if agency else ""
    if not body.strip():
        problem = "no article text after cleaning"
        if entry.explicit and not entry.title:
            raise SourceError(f"{where}: {problem}")
        diagnostics.append(Diagnostic("ingest", f"skipped: {problem}", where))
        return None
    title = entry.title or meta_title or headline
    published, how = entry.published, "manifest"
    if published is None and meta_date is not None:
        published, how = meta_date, "metadata"
    if published is None:
        from briefing.docdate import find_published

        published, how = find_published(body, title, lead=f"{bylines}\n{text}" if bylines
                                        else text)
        if guessed is not None and how != "dateline" and (guessed.month, guessed.day) != (
                1, 1) and (published is None or abs((guessed - published).days) <= 366):
            # A date the page shows somewhere, found by searching it whole, beats a
            # guess from the text's own dates; the text's dateline or byline beats it,
            # and so does the text's guess when the page's is a year off. A year alone,
            # which the search gives as 1 January ("a UNESCO World Heritage site since
            # 2003"), is no day.
            published, how = guessed, "metadata"
    stem = Path(where.rstrip("/")).stem or "source"
    doc_id = re.sub(r"[^A-Za-z0-9_-]+", "-", stem)[:24].strip("-") or \
        hashlib.sha256(raw).hexdigest()[:8]
    return Document(id=doc_id, path=where, title=title, outlet=entry.outlet or meta_outlet,
                    url=entry.url, published=published, published_how=how, text=body,
                    sentences=split_sentences(body, cleaning))


def _read_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise SourceError(f"{path}: {size} bytes is over the limit of "
                              f"{MAX_SOURCE_BYTES} bytes per article")
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror})") from None


def _fetch(url: str) -> bytes:
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=20) as response:  # noqa: S310 - http(s) only
            raw = response.read(MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        raise SourceError(f"{url}: cannot fetch ({exc})") from None
    if len(raw) > MAX_SOURCE_BYTES:
        raise SourceError(f"{url}: over the limit of {MAX_SOURCE_BYTES} bytes per article")
    return raw


_MD_MARKUP = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),            # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),          # links → their text
    (re.compile(r"^\s{0,3}#{1,6}\s+", re.M), ""),           # heading marks
    # List marks stay ("1. ", "- "): a numbered item is read as one of a list's items.
    (re.compile(r"^\s{0,3}[*+]\s+", re.M), "- "),          # bullets, one way
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),                # quotation marks
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),               # strong
    (re.compile(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"`([^`]*)`"), r"\1"),                     # code
]


# The line under a Markdown title that names the publication in emphasis: "*Atlantic
# Energy Review — Analysis*", "**Asia Trade Brief** · Weekly newsletter · 21 September".
_EMPHASIS_LINE = re.compile(r"\s*(\*\*?|__?)(?P<name>[^*_\n]{2,80}?)\1")


def _markdown_outlet(text: str, cleaning: Cleaning) -> str:
    """The outlet a Markdown article names in emphasis on the first line under its title
    (before " — ", " · " or " | "); not a byline ("*By …*") nor a date."""
    lines = [line for line in text.splitlines() if line.strip()]
    at = next((i for i, line in enumerate(lines[:3]) if line.startswith("# ")), None)
    if at is None or at + 1 >= len(lines):
        return ""
    m = _EMPHASIS_LINE.match(lines[at + 1])
    if not m:
        return ""
    name = re.split(r"\s+[—–|·-]\s+", m.group("name").strip())[0].strip()
    # …nor a dek ("Kigali summit preview: …?"), a byline with its role ("Lucia Benková,
    # Senior Fellow, …"), a description ("A weekly newsletter from …") or a kind of piece
    if not name or re.search(r"\d|[?:,]", name) or re.match(r"(?i)(?:by|an?)\s", name) \
            or cleaning.document_kind.fullmatch(name):
        return ""
    return name


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
# Front matter's names for a source's slots (Jekyll's, Hugo's, a scraper's).
_FRONT_KEYS = {"title": ("title", "headline"),
               "outlet": ("outlet", "publisher", "publication", "source", "site", "site_name"),
               "published": ("date", "published", "pubdate", "publish_date", "published_at")}


def front_matter(text: str) -> tuple[dict, str]:
    """A text's YAML front matter ("---\ntitle: …\npublisher: …\ndate: 2027-03-11\n---")
    as {title, outlet, published} (the ones it gives), and the text after it. Front
    matter that does not parse as a mapping is left in the text."""
    import yaml

    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        data = yaml.safe_load(m.group("yaml"))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    found: dict = {}
    for slot, keys in _FRONT_KEYS.items():
        value = next((data[k] for k in keys if data.get(k)), None)
        if slot == "published":
            value = _front_date(value)
        elif value is not None:
            value = str(value).strip()
        if value:
            found[slot] = value
    return found, text[m.end():]


def _front_date(value) -> date | None:
    """A front-matter date: YAML's own (2027-03-11) or an ISO string with a time."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def markdown_to_text(text: str) -> str:
    """A Markdown article as plain text: marks dropped, link texts kept, URLs not."""
    for pattern, replacement in _MD_MARKUP:
        text = pattern.sub(replacement, text)
    return text


def _decode(raw: bytes, where: str, diagnostics: list[Diagnostic]) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, else Latin-1 — and say so."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for codec in ("cp1252", "latin-1"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        diagnostics.append(Diagnostic("ingest", f"not UTF-8; read as {codec}", where, "info"))
        return text
    raise AssertionError("latin-1 decodes every byte string")


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")


def clean_text(text: str, cleaning: Cleaning, *,
               detect_headline: bool = True) -> tuple[str, str]:
    """Drop furniture lines and repeated lines; return (body, headline or "").

    The headline is the first line when it reads as a title (short, no final full
    stop); it is removed from the body, as is any repeat of it. With
    `detect_headline=False` no line is taken as a headline: cleaning a body again
    gives the same body.
    """
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text.replace("\r\n", "\n")
                                                     .replace("\r", "\n")))
    lines = []
    seen: set[str] = set()
    for line in _unwrap(text):
        line = _SPACES.sub(" ", line).strip()
        if not line or cleaning.furniture.fullmatch(line):
            continue
        if line in seen:  # a headline or pull-quote printed twice
            continue
        seen.add(line)
        lines.append(line)
    # A transcript's turns ("ANCHOR (Maia Tsiklauri): …", "ODHIAMBO: Not tomorrow."):
    # the label is no part of what is said. Two turns at least, so a dateline
    # ("NEW DELHI: …") or a headline with a colon stays.
    labelled = [cleaning.speaker_label.match(line) for line in lines]
    if sum(1 for m in labelled if m) >= 2:
        lines = [line[m.end():] if m and line[m.end():] else line
                 for line, m in zip(lines, labelled)]
    headline = ""
    if detect_headline and lines and _is_heading(lines[0], cleaning) and len(lines) > 1:
        headline = lines.pop(0)
    return "\n\n".join(lines), headline


def _unwrap(text: str) -> list[str]:
    """Lines of `text` with hard-wrapped paragraphs joined back into one line each.

    Wire copy is often wrapped at a fixed width (~70 characters) with blank lines
    between paragraphs. A line goes on in the next one when it runs to near the text's
    widest line (in a text no wider than a wrap width), or when the next line starts
    in lower case after a line with no closing punctuation. Texts with one paragraph
    per line are left as they are.
    """
    raw = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    width = max((len(line) for line in raw), default=0)
    wrapped = 40 <= width <= 120
    out: list[str] = []
    previous = ""  # the previous line as written, not as joined
    joined = False  # the previous line went on from the one before it
    for line in raw:
        # A full line of capitalised words is a headline, unless it is inside a
        # paragraph ("… and Moroccan Energy Transition Minister Nadia El" / "Ouazzani.")
        # or opens one after a dateline ("SAO PAULO, April 21 (Andes Wire) - Vietnamese
        # Prime Minister Nguyen Van" / "Khanh urged …").
        full = wrapped and len(previous) >= 0.75 * width and (
            joined or not title_case(previous) or _AGENCY.match(previous))
        lower = line[:1].islower() and not previous.endswith(_CLOSERS)
        joined = bool(out and previous and line and (full or lower))
        if joined:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        previous = line
    return out


_CLOSERS = (".", "!", "?", ":", "”", '"', "’")


def title_case(line: str, share: float = 0.7) -> bool:
    """A headline ("Peru Ratifies Trade Pact with Chile"): most longer words (`share`
    of them) capitalised and no closing full stop — it ends where it ends."""
    words = [w for w in line.split() if len(w) > 3]
    return (len(words) >= 2 and not line.endswith(".")
            and sum(w[0].isupper() for w in words) >= share * len(words))


_MARKDOWN_HEADING = re.compile(r"\s*#{1,6} \S")


def _masthead(headline: str, body: str, cleaning: Cleaning) -> tuple[str, str]:
    """(outlet, headline): a first line in capitals ("THE HARBOUR REVIEW", "REPUBLIC OF
    GHANA") above the article's headline is the outlet's masthead. The headline is the
    longest line of four words or more above the first paragraph, leaving out what a
    masthead carries besides: a day or reference line ("Nation | Wednesday, March 24,
    2027", "Ref: MFA/PAD/PR/031/2027"), a byline, a bracketed note, the kind of
    document ("PRESS STATEMENT BY …"); a unit's name
    ("Public Affairs Directorate") or an author's is shorter than the headline. The
    headline stays in the body, as headings do. A first line that names the kind of
    document ("JOINT PRESS STATEMENT", "ANALYSIS") stands above the headline as a
    masthead does, but names no outlet. Otherwise ("", headline)."""
    if not (headline.isupper() and len(headline.split()) <= 10):
        return "", headline
    found = ""
    for line in body.split("\n\n")[:10]:
        words = len(line.split())
        end = line.rstrip("\"'”’")
        if (end.endswith((".", "!", ":", ";")) or end.endswith("?") and words > 24
                or words > 40 or _LIST_ITEM.match(line)):
            break  # the first paragraph or list: the headline stood above it
        if (words >= max(4, len(found.split())) and not _NOT_HEADLINE.match(line)
                and not _DAY_LINE.search(line)):
            found = line
    if not found:
        return "", headline
    return ("" if cleaning.document_kind.fullmatch(headline) else headline), found


# A dateline's agency: place, date, "(Agency)", a dash.
_AGENCY = re.compile(r"(?m)^[^\W\d_][^\n,]{1,40},[^\n()]{3,30}"
                     r"\((?P<agency>[A-Z][^()\n\d]{1,40})\)\s*[-–—]")

# Lines under a masthead that are no headline: bylines, references, bracketed notes,
# a field of a form ("Place: Ministry of Foreign Affairs, Tallinn"),
# the kind of document ("PRESS STATEMENT BY THE SPECIAL ADVISER …"), a line going on
# from the one above ("by the European Commission and …"); a line with a year, a
# reference number or a slug's bars is the day line.
_NOT_HEADLINE = re.compile(r"(?:By|Posted|Published|Updated|Ref)\b|[\[(a-z]|[A-Z][a-z]+:\s"
                           r"|(?i:press\s+(?:release|statement|briefing))\b")
_DAY_LINE = re.compile(r"\b(?:1[89]|20)\d\d\b|\d/\d| \| ")


def _is_heading(line: str, cleaning: Cleaning) -> bool:
    return (len(line.split()) <= max(cleaning.heading_max_words, 24)
            and not line.rstrip("\"'”’").endswith((".", ":", ";", ","))
            and len(line) < 200)


def _inside_quote(text: str) -> bool:
    """Whether `text` leaves a double quotation open (curly or straight quotes)."""
    return text.count("“") > text.count("”") or (
        "“" not in text and text.count('"') % 2 == 1)


_LIST_ITEM = re.compile(r"(?:\d{1,2}[.)]|[-•*–])\s+\S")


def split_sentences(text: str, cleaning: Cleaning) -> tuple[Sentence, ...]:
    """Sentences with offsets into `text`; short unpunctuated heading lines are skipped."""
    out = []
    pos = 0
    for para in text.split("\n\n"):
        start = text.index(para, pos) if para else pos
        pos = start + len(para)
        listed = bool(_LIST_ITEM.match(para) or cleaning.list_lead.fullmatch(para))
        # A table's row is no heading, however short ("| Mozambique | Plenary vote moved
        # from 3 December to 9 December |"); a rule of dashes is nothing.
        tabled = para.startswith("|") and para.count("|") >= 2
        if tabled and not re.search(r"[^\W\d_]", para):
            continue
        unpunctuated = not para.rstrip("\"'”’)").endswith((".", "!", "?", ":"))
        if not para or (not listed and not tabled and unpunctuated and (
                len(para.split()) <= cleaning.heading_max_words
                or para.isupper() and len(para.split()) <= 40)):
            continue  # a heading (in capitals, of any length); a list's item is kept
        cut = start
        for m in cleaning.sentence_end.finditer(para):
            word = para[:m.start()].rsplit(None, 1)[-1] if para[:m.start()].strip() else ""
            word = word.lstrip("(\"'“‘")
            if m.group()[0] == "." and (word in cleaning.abbreviations or re.fullmatch(
                    r"[A-Z]|(?:[A-Za-z]\.)+[A-Za-z]", word)):
                continue
            if listed and m.start() <= 3:
                continue  # "1. Agreement on …": the number's full stop ends nothing
            if _inside_quote(text[cut:start + m.start() + 1]):
                continue  # a quotation of several sentences stays one sentence
            end = start + m.start() + len(m.group().rstrip())
            out.append(Sentence(cut, end, text[cut:end]))
            cut = start + m.end()
        if cut < pos:
            out.append(Sentence(cut, pos, text[cut:pos]))
    return tuple(s for s in out if s.text.strip())
