"""PDF: HTML → pages with WeasyPrint, counted after every render, written atomically.

WeasyPrint gets a URL fetcher that serves only files inside the template folders (a
logo, a font) and data: URLs: nothing from the network, no other local file, so no
article or template can pull a file into the PDF that is then emailed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from briefing.errors import OutputError


@dataclass(frozen=True)
class Rendered:
    """One layout of the note: its pages and, per item, the height it took and its page
    (measured only when the note runs over its page limit: only then is anything cut)."""

    document: object  # weasyprint.Document
    pages: int
    item_boxes: dict[str, tuple[int, float]]  # data-id → (page index, height in px)
    overflow: float  # height of everything laid out past the page limit, px


@lru_cache(maxsize=16)
def _fetcher(allowed_roots: tuple[Path, ...]):
    """The URL fetcher for these roots: made once (a class and a fetcher per render
    cost a millisecond, a fiftieth of our own work on a build)."""
    from weasyprint.urls import URLFetcher

    roots = tuple(r.resolve() for r in allowed_roots)

    class TemplateAssetFetcher(URLFetcher):
        """Serves data: URLs and files under the template folders; refuses all else."""

        def fetch(self, url, headers=None):  # noqa: D102 - WeasyPrint hook
            parsed = urlparse(url)
            if parsed.scheme == "data":
                return super().fetch(url, headers)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                if any(path.is_relative_to(r) for r in roots) and path.is_file():
                    return super().fetch(url, headers)
            raise ValueError(f"refused to fetch {url!r}: only template assets are allowed")

    return TemplateAssetFetcher(allowed_protocols={"file", "data"}, allow_redirects=False,
                                timeout=1)


@lru_cache(maxsize=16)
def _fonts(base_dir: Path):
    """One WeasyPrint font configuration per template folder, kept for the process.

    A new one per render (WeasyPrint's default) starts Pango's font caches cold: a
    warm one lays out and writes a page about a fifth faster. Per folder, because a
    template's @font-face rules register fonts in it, and another audience's note must
    not find them.
    """
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def render_pages(html: str, base_dir: Path, allowed_roots: tuple[Path, ...],
                 page_limit: int) -> Rendered:
    """Lay out `html`; measure each item (li[data-id]) and what spills past the limit."""
    from weasyprint import HTML

    # WeasyPrint reports refused fetches as warnings; they are expected, not news.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    document = HTML(string=html, base_url=str(base_dir) + "/",
                    url_fetcher=_fetcher(allowed_roots)).render(
                        font_config=_fonts(base_dir))
    boxes: dict[str, tuple[int, float]] = {}
    overflow = 0.0
    for index, page in enumerate(document.pages if len(document.pages) > page_limit else ()):
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is None or getattr(box, "element_tag", "") not in {"li", "h2", "span"}:
                continue
            item_id = element.get("data-id")
            height = box.margin_height()
            if item_id and box.element_tag == "li":
                page_, h = boxes.get(item_id, (index, 0.0))
                boxes[item_id] = (page_, h + height)
            if index >= page_limit and box.element_tag in {"li", "h2"}:
                overflow += height
    return Rendered(document, len(document.pages), boxes, overflow)


def pdf_bytes(rendered: Rendered, *, created: datetime, variant: str | None = None) -> bytes:
    """The PDF's bytes: identical for identical inputs and `created` (the as-of date).

    The creation date in the PDF comes from the note's <meta name=dcterms.created>.
    A file identifier is written only for a `variant` (PDF/A and PDF/UA ask for one;
    plain PDF 1.7 does not, and writing one makes pydyf serialise and compress every
    object twice, a fifth of the write); it is derived from the note, not drawn at
    random. Font subsetting by fontTools (WeasyPrint's fallback without
    HarfBuzz-subset) stamps the current time into each font unless SOURCE_DATE_EPOCH
    is set: it is set to `created` for the duration of the write (a value the caller
    set is respected) and then restored.
    """
    options: dict = {}
    if variant:
        options["pdf_identifier"] = _identifier(rendered.document, created, variant)
        from weasyprint.pdf import VARIANTS

        if variant not in VARIANTS:
            raise OutputError(f"unknown PDF variant '{variant}' (expected one of: "
                              f"{', '.join(sorted(VARIANTS))})")
        options["pdf_variant"] = variant  # WeasyPrint tags the PDF for pdf/ua-*
    epoch = str(int(created.replace(tzinfo=timezone.utc).timestamp()))
    with _source_date_epoch(epoch):
        return rendered.document.write_pdf(**options)


def _identifier(document, created: datetime, variant: str | None) -> bytes:
    """A PDF file identifier that names the note: same note, same day, same identifier."""
    meta = document.metadata
    key = "\0".join([meta.title or "", *meta.authors, meta.description or "",
                     created.isoformat(), variant or ""])
    return hashlib.sha256(key.encode()).hexdigest()[:32].encode()


_ENVIRON_LOCK = threading.Lock()


@contextmanager
def _source_date_epoch(epoch: str):
    """SOURCE_DATE_EPOCH=`epoch` inside the block unless already set; as before after."""
    with _ENVIRON_LOCK:
        if "SOURCE_DATE_EPOCH" in os.environ:
            yield
            return
        os.environ["SOURCE_DATE_EPOCH"] = epoch
        try:
            yield
        finally:
            os.environ.pop("SOURCE_DATE_EPOCH", None)


def write_pdf(rendered: Rendered, target: Path, *, created: datetime,
              variant: str | None = None) -> None:
    """Write the PDF atomically, with creation date `created`."""
    write_atomic(target, pdf_bytes(rendered, created=created, variant=variant))


def check_writable(target: Path) -> None:
    """Fail now, in one line, if `target` cannot be written, rather than after the
    second of work before it. Nothing is made: a build that fails leaves no folder."""
    if target.is_dir():
        raise OutputError(f"{target}: cannot write (a folder is there)")
    blocker = _nearest_existing(target)
    if blocker is not None and not os.access(blocker, os.W_OK | os.X_OK):
        raise OutputError(f"{target.parent}: cannot write here (permission denied)")


def write_atomic(target: Path, data: bytes | str) -> None:
    """Write to a temporary file beside `target`, then rename: never a half-written file."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, tmp = _temp_beside(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write ({exc.strerror})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _temp_beside(target: Path) -> tuple[int, str]:
    """A new temporary file in `target`'s folder (made if missing): (descriptor, path)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        return tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        _nearest_existing(target)
        raise OutputError(f"{target.parent}: cannot write here ({exc.strerror})") from None


def _nearest_existing(target: Path) -> Path | None:
    """The nearest folder above `target` that exists; OutputError when it is a file."""
    found = next((p for p in (target.parent, *target.parent.parents) if p.exists()), None)
    if found is not None and not found.is_dir():
        raise OutputError(f"{found}: cannot write here (a file, not a folder)")
    return found
