"""Batch: many briefs in one run, one per event, each for the audiences it lists.

The manifest (YAML, paths relative to it):

    events:
      - name: grain-pact                # letters, digits, - and _; unique
        sources: [articles/grain]         # files, folders or URLs, as for `build`
        audiences: [executive, press]     # default: [executive]
        output: out/grain                 # folder; default: out/NAME
        as_of: 2025-12-03                 # optional

Each event is analysed once (`pipeline.analyse`) and rendered for each of its
audiences, in a worker process (one per core by default), writing
`OUTPUT/AUDIENCE.pdf` and, beside it, .html .json .md .txt. One event's bad input
fails that event only; the run's exit status says whether any failed.
"""

from __future__ import annotations

import os
import re
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefing.errors import BriefingError
from briefing.yamlload import load_yaml, mark_of

EVENT_KEYS = ("name", "sources", "audiences", "output", "as_of")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")


@dataclass(frozen=True)
class Event:
    """One event of the manifest, its paths made absolute."""

    name: str
    sources: tuple[str, ...]
    audiences: tuple[str, ...]
    output: Path
    as_of: date | None = None


@dataclass(frozen=True)
class Row:
    """One line of the summary: an event for one audience, or the event's failure."""

    event: str
    audience: str
    pages: int | None
    trimmed: int | None
    status: str
    pdf: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def load_manifest(path: Path) -> list[Event]:
    """The manifest's events; BriefingError naming file:line:col on the first problem."""
    data = load_yaml(path)
    where = mark_of(data) or path
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise BriefingError(f"{where}: expected a mapping with an 'events:' list")
    unknown = sorted(set(data) - {"events"})
    if unknown:
        raise BriefingError(f"{mark_of(data, unknown[0]) or where}: unknown key "
                            f"'{unknown[0]}' (expected events)")
    items = data["events"]
    if not items:
        raise BriefingError(f"{mark_of(data, 'events') or where}: 'events' is empty")
    base = path.parent
    events: list[Event] = []
    seen: dict[str, object] = {}
    for i, item in enumerate(items):
        at = mark_of(items, i) or where
        if not isinstance(item, dict):
            raise BriefingError(f"{at}: an event must be a mapping with name and sources")
        bad = sorted(set(item) - set(EVENT_KEYS))
        if bad:
            raise BriefingError(f"{mark_of(item, bad[0]) or at}: unknown key '{bad[0]}' "
                                f"(expected {', '.join(EVENT_KEYS)})")
        name = item.get("name")
        if not isinstance(name, str) or not _NAME.match(name):
            raise BriefingError(f"{mark_of(item, 'name') or at}: name must be letters, "
                                f"digits, '-' or '_' (got {name!r})")
        if name in seen:
            raise BriefingError(f"{mark_of(item, 'name') or at}: duplicate event name "
                                f"'{name}' (first at {seen[name]})")
        seen[name] = at
        events.append(Event(name, _sources(item, at, base), _audiences(item, at),
                            base / str(item.get("output") or f"out/{name}"),
                            _as_of(item, at)))
    return events


def _strings(item: dict, key: str, at) -> list[str] | None:
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(
            isinstance(v, str) and v.strip() for v in value):
        raise BriefingError(f"{mark_of(item, key) or at}: {key} must be a non-empty list "
                            "of strings")
    return value


def _sources(item: dict, at, base: Path) -> tuple[str, ...]:
    values = _strings(item, "sources", at)
    if values is None:
        raise BriefingError(f"{at}: event '{item['name']}' needs 'sources'")
    return tuple(v if v.startswith(("http://", "https://")) else str(base / v)
                 for v in values)


def _audiences(item: dict, at) -> tuple[str, ...]:
    values = _strings(item, "audiences", at) or ["executive"]
    return tuple(dict.fromkeys(values))


def _as_of(item: dict, at) -> date | None:
    value = item.get("as_of")
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise BriefingError(f"{mark_of(item, 'as_of') or at}: as_of must be YYYY-MM-DD, "
                            f"got {value!r}") from None


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    message = text[0] if text else ""
    if isinstance(exc, BriefingError):
        return message
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def build_event(event: Event, rules_dir: Path, templates_dir: Path | None) -> list[Row]:
    """Analyse one event once and write its note for each audience (runs in a worker)."""
    from briefing import pipeline

    with pipeline.settled_heap():
        return _build_event(event, rules_dir, templates_dir)


def _build_event(event: Event, rules_dir: Path, templates_dir: Path | None) -> list[Row]:
    from briefing import pipeline
    from briefing.audience import load_audience
    from briefing.rules import load_rules

    try:
        rules = load_rules(rules_dir)
        audiences = [load_audience(a, templates_dir) for a in event.audiences]
        facts = pipeline.analyse(list(event.sources), rules_dir)
    except Exception as exc:  # noqa: BLE001 - one event's failure is reported, not raised
        return [Row(event.name, ",".join(event.audiences), None, None,
                    f"error: {_one_line(exc)}")]
    as_of = event.as_of or pipeline.default_as_of(facts)
    rows = []
    for aud in audiences:
        try:
            built = pipeline.write_note(facts, rules, aud, as_of,
                                        event.output / f"{aud.name}.pdf", templates_dir)
            rows.append(Row(event.name, aud.name, built.pages, built.trimmed_to_fit, "ok",
                            str(built.pdf)))
        except Exception as exc:  # noqa: BLE001
            rows.append(Row(event.name, aud.name, None, None, f"error: {_one_line(exc)}"))
    return rows


def run_batch(events: list[Event], rules_dir: Path, templates_dir: Path | None = None, *,
              jobs: int | None = None, progress: bool = False) -> list[Row]:
    """Build every event, `jobs` at a time in worker processes; rows in manifest order."""
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(events)))
    results: dict[int, list[Row]] = {}
    bar = _progress(len(events)) if progress else None
    try:
        if jobs == 1:
            for i, event in enumerate(events):
                results[i] = build_event(event, rules_dir, templates_dir)
                _advance(bar, event, results[i])
        else:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                futures = {pool.submit(build_event, e, rules_dir, templates_dir): i
                           for i, e in enumerate(events)}
                for future in as_completed(futures):
                    i = futures[future]
                    try:
                        results[i] = future.result()
                    except Exception as exc:  # noqa: BLE001 - a worker died
                        results[i] = [Row(events[i].name, ",".join(events[i].audiences),
                                          None, None, f"error: {_one_line(exc)}")]
                    _advance(bar, events[i], results[i])
    finally:
        if bar is not None:
            bar[0].stop()
    return [row for i in range(len(events)) for row in results[i]]


def _progress(total: int):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, \
        TimeElapsedColumn

    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=Console(stderr=True), transient=True)
    task = progress.add_task("events", total=total)
    progress.start()
    return progress, task


def _advance(bar, event: Event, rows: list[Row]) -> None:
    if bar is None:
        return
    progress, task = bar
    failed = any(not r.ok for r in rows)
    progress.update(task, advance=1,
                    description=f"{event.name}: {'failed' if failed else 'done'}")


def print_summary(rows: list[Row], file=None) -> None:
    """The table of every event and audience: pages, items trimmed, status."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="briefing batch", title_justify="left")
    for column, justify in (("event", "left"), ("audience", "left"), ("pages", "right"),
                            ("trimmed", "right"), ("status", "left")):
        table.add_column(column, justify=justify, overflow="fold")
    for r in rows:
        table.add_row(r.event, r.audience, "" if r.pages is None else str(r.pages),
                      "" if r.trimmed is None else str(r.trimmed), r.status)
    console = Console(file=file)
    if not console.is_terminal:  # a file or a pipe: wide enough for one-line statuses
        console = Console(file=file, width=160)
    console.print(table)
    failed = sum(1 for r in rows if not r.ok)
    console.print(f"{len(rows) - failed} note(s) built, {failed} failed")
