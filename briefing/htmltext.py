"""HTML articles → plain text and metadata, with trafilatura's boilerplate remover.

Only text leaves this module: scripts, styles, images and links are never passed on,
so nothing in an article can make the renderer fetch or embed a file.
"""

from __future__ import annotations

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


def html_to_article(html: str) -> HtmlArticle:
    """Extract the article body (paragraphs separated by newlines) and its metadata."""
    import trafilatura
    from trafilatura.settings import set_date_params

    # htmldate refuses dates after today's: a page stamped ahead of this machine's clock
    # (or an embargoed release) then got a date guessed from elsewhere in the page.
    dates = {**set_date_params(True), "max_date": _LATEST}
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, include_images=False,
                                      include_links=False, deduplicate=True,
                                      date_extraction_params=dates)
    if doc is None:
        return HtmlArticle("", "", "", None)
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    published = None
    raw_date = get("date")
    if raw_date:
        try:
            published = date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            published = None
    return HtmlArticle(text=str(get("text") or ""), title=str(get("title") or ""),
                       outlet=str(get("sitename") or ""), published=published)
