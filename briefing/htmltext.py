"""HTML articles → plain text and metadata, with trafilatura's boilerplate remover.

Only text leaves this module: scripts, styles, images and links are never passed on,
so nothing in an article can make the renderer fetch or embed a file.
"""

from __future__ import annotations

import html as entities
import re
from dataclasses import dataclass
from datetime import date


_LATEST = "2999-12-31"


@dataclass(frozen=True)
class HtmlArticle:
    """The main text of a page and what its metadata says."""

    text: str
    title: str
    outlet: str
    published: date | None
    guessed: date | None = None  # found by searching the whole page, not its metadata
    byline: str = ""  # the page's byline and date lines, which the body leaves out


def html_to_article(html: str) -> HtmlArticle:
    """Extract the article body (paragraphs separated by newlines) and its metadata."""
    import trafilatura
    from trafilatura.settings import set_date_params

    # htmldate refuses dates after today's: a page stamped ahead of this machine's clock
    # (or an embargoed release) then got a date guessed from elsewhere in the page.
    # Only the page's own metadata: htmldate's extensive search reads dates from anywhere
    # (an image's path "/media/2027/05/…" dated a page of 18 May to 1 May), and the
    # text's dateline or byline, read after, knows better.
    dates = {**set_date_params(False), "max_date": _LATEST}
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, include_images=False,
                                      include_links=False, deduplicate=True,
                                      date_extraction_params=dates)
    if doc is None:
        return HtmlArticle("", "", "", None)
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    published = _day(get("date"))
    guessed = None
    if published is None:
        from htmldate import find_date

        guessed = _day(find_date(html, extensive_search=True, original_date=True,
                                 max_date=_LATEST))
    title, outlet = str(get("title") or ""), str(get("sitename") or "")
    if not outlet:
        # "Port of Bar vote postponed … | Primorske Novine": the page's own title says
        page_title = _page_title(html)
        head, bar, tail = page_title.rpartition(" | ")
        if bar and head and 0 < len(tail.split()) <= 10:  # "Embassy of the Republic of … in Jakarta"
            outlet = tail
            title = title if title and title != page_title else head
    return HtmlArticle(text=str(get("text") or ""), title=title,
                       outlet=outlet, published=published,
                       guessed=guessed, byline=_bylines(html) if published is None else "")


def _page_title(html: str) -> str:
    """The text of the page's <title>, as written."""
    m = re.search(r"<title[^>]*>(.*?)</title>", html, re.IGNORECASE | re.DOTALL)
    return " ".join(entities.unescape(m.group(1)).split()) if m else ""


def _bylines(html: str) -> str:
    """The text of the page's byline, date and <time> elements, one a line: "By Rita
    Figueiredo · Tuesday, 18 May 2027, 07:30" dates a page the boilerplate remover cut
    it from."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    found = tree.xpath(
        "//time | //*[contains(concat(' ', normalize-space(@class), ' '), ' byline ') or "
        "contains(@class, 'date') or contains(@class, 'dateline') or "
        "contains(@class, 'published')]")
    lines = (" ".join(el.text_content().split()) for el in found[:10])
    return "\n".join(line for line in lines if 0 < len(line) < 200)


def _day(raw) -> date | None:
    try:
        return date.fromisoformat(str(raw)[:10]) if raw else None
    except ValueError:
        return None
