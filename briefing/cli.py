"""The command line: one command per job, thin, with imports deferred so --help is instant.

The project's own errors (BriefingError) become one line on stderr and exit 1; usage
errors exit 2 (click); anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import atexit
import gc
import json
import sys
from pathlib import Path

import click

from briefing.errors import BriefingError

DEFAULT_RULES = Path(__file__).resolve().parent.parent / "rules"


def _fail(exc: BriefingError) -> None:
    click.echo(f"briefing: error: {exc}", err=True)
    sys.exit(1)


class _Group(click.Group):
    """Turns BriefingError raised by any command into one line and exit 1."""

    def invoke(self, ctx):  # noqa: D102 - click hook
        # On the way out of the process, the collector would walk the whole heap once
        # more (WeasyPrint's is large): a third of a second spent freeing what the
        # operating system frees anyway. Frozen at exit, it is not walked.
        atexit.unregister(gc.freeze)
        atexit.register(gc.freeze)
        try:
            return super().invoke(ctx)
        except BriefingError as exc:
            _fail(exc)


def _parse_date(value: str | None, what: str):
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{what} must be YYYY-MM-DD, got {value!r}") from None


@click.group(cls=_Group)
@click.version_option(package_name="briefing")
def main() -> None:
    """Turn news articles about one event into a one-page briefing note (PDF)."""


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("-o", "--output", default="out/brief.pdf", show_default=True,
              help="PDF to write; the .html and .json are written beside it.")
@click.option("--audience", default="executive", show_default=True,
              help="Audience template folder, or 'all'.")
@click.option("--rules", "rules_dir", default=str(DEFAULT_RULES), help="Rules folder.")
@click.option("--templates", "templates_dir", default=None,
              help="Your template folder; blocks it defines override the bundled ones.")
@click.option("--as-of", "as_of", default=None, help="Date of the note (YYYY-MM-DD).")
@click.option("--pdf-variant", default=None, help="e.g. pdf/ua-1 for a tagged PDF.")
def build(sources, output, audience, rules_dir, templates_dir, as_of, pdf_variant) -> None:
    """Build the brief from SOURCE files, folders or URLs."""
    from briefing import pipeline

    result = pipeline.build(
        list(sources), Path(output), audience=audience, rules_dir=Path(rules_dir),
        templates_dir=Path(templates_dir) if templates_dir else None,
        as_of=_parse_date(as_of, "--as-of"), pdf_variant=pdf_variant, overlap=True)
    for line in result.report_lines():
        click.echo(line, err=True)


@main.command()
@click.argument("file")
@click.option("--dct", required=True, help="Document creation time, YYYY-MM-DD.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the default shape).")
def timex(file, dct, as_json) -> None:
    """Tag the temporal expressions of FILE (or - for stdin)."""
    from briefing.timex import tag

    anchor = _parse_date(dct, "--dct")
    if file == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise BriefingError(f"{file}: cannot read as UTF-8 text ({exc})") from None
    found = [t.as_dict() for t in tag(text, anchor)]
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=1))
    else:
        for t in found:
            click.echo(f"{t['start']}\t{t['end']}\t{t['type']}\t{t['value']}\t{t['text']}")


@main.command()
@click.argument("pdf", type=click.Path(dir_okay=False))
@click.option("--audience", required=True, help="Audience whose recipients get it.")
@click.option("--to", "to", multiple=True, help="Recipient (repeatable); overrides the audience's.")
@click.option("--dry-run", is_flag=True, help="Write the message as .eml to out/, send nothing.")
@click.option("--templates", "templates_dir", default=None, help="Your template folder.")
def send(pdf, audience, to, dry_run, templates_dir) -> None:
    """Email BRIEF.pdf to the audience's recipients (SMTP from BRIEFING_SMTP_* env)."""
    from briefing.deliver import send_brief

    for line in send_brief(Path(pdf), audience, list(to), dry_run=dry_run,
                           templates_dir=Path(templates_dir) if templates_dir else None):
        click.echo(line, err=True)


@main.group()
def rules() -> None:
    """Check, test and describe the section rules."""


@rules.command("check")
@click.argument("directory", default=str(DEFAULT_RULES))
def rules_check(directory) -> None:
    """Validate every rule file; all problems are listed at once."""
    from briefing.cues import load_lexicon
    from briefing.ingest import load_cleaning
    from briefing.rules import load_rules
    from briefing.timex import rules as timex_rules

    found = load_rules(Path(directory))
    # The cue phrases, the tagger's rules and the cleaning rules load (and compile) too:
    # an error there would otherwise show only when a build reads them.
    load_lexicon(Path(directory))
    load_cleaning(Path(directory))
    if (Path(directory) / "timex.yaml").exists():
        timex_rules(Path(directory) / "timex.yaml")
    click.echo(f"{len(found)} rules OK in {directory}")


@rules.command("test")
@click.argument("directory", default=str(DEFAULT_RULES))
def rules_test(directory) -> None:
    """Run every rule's examples (must match / must not match)."""
    from briefing.rules import load_rules
    from briefing.ruletest import run_examples

    results = run_examples(load_rules(Path(directory)), Path(directory))
    failed = [r for r in results if not r.ok]
    for r in failed:
        want = "should match" if r.expected else "should not match"
        click.echo(f"{r.where}: rule '{r.rule}': example {want}: {r.text!r}", err=True)
    click.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    if failed:
        sys.exit(1)


@rules.command("schema")
def rules_schema() -> None:
    """Print the JSON Schema of rule files (for editors)."""
    from briefing.rules import json_schema

    click.echo(json.dumps(json_schema(), indent=2))


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--rules", "rules_dir", default=str(DEFAULT_RULES), help="Rules folder.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def facts(sources, rules_dir, as_json) -> None:
    """Print the merged facts of SOURCES, with evidence and conflicts."""
    from briefing.pipeline import analyse
    from briefing.report import fact_to_json

    found = analyse(list(sources), Path(rules_dir))
    data = {"documents": [{"id": d.id, "path": d.path, "title": d.title,
                           "published": d.published.isoformat() if d.published else None,
                           "published_how": d.published_how} for d in found.documents],
            "facts": [fact_to_json(f) for f in found.facts],
            "conflicts": [{"slot": c.slot, "explanation": c.explanation,
                           "values": [{"value": v, "documents": list(d)} for v, d in c.values]}
                          for c in found.conflicts]}
    if as_json:
        click.echo(json.dumps(data, indent=1, ensure_ascii=False))
        return
    for f in found.facts:
        click.echo(f"{f.kind:12} {f.corroboration}× {f.value[:100]}")
    for c in found.conflicts:
        click.echo(f"conflict     {c.slot}: " + " | ".join(v for v, _ in c.values))


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--audience", default="executive", show_default=True)
@click.option("--rules", "rules_dir", default=str(DEFAULT_RULES), help="Rules folder.")
@click.option("--templates", "templates_dir", default=None, help="Your template folder.")
@click.option("--as-of", "as_of", default=None, help="Date of the note (YYYY-MM-DD).")
def explain(sources, audience, rules_dir, templates_dir, as_of) -> None:
    """For each item: the rule that placed it, its facts and evidence; then what was left out."""
    from briefing.explain import explain_lines

    for line in explain_lines(list(sources), audience, Path(rules_dir),
                              Path(templates_dir) if templates_dir else None,
                              _parse_date(as_of, "--as-of")):
        click.echo(line)


@main.command()
@click.argument("manifest", type=click.Path(dir_okay=False))
@click.option("--rules", "rules_dir", default=str(DEFAULT_RULES), help="Rules folder.")
@click.option("--templates", "templates_dir", default=None, help="Your template folder.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: one per core).")
def batch(manifest, rules_dir, templates_dir, jobs) -> None:
    """Build the brief of every event in MANIFEST (YAML), for each audience it lists."""
    from briefing.batch import load_manifest, print_summary, run_batch

    events = load_manifest(Path(manifest))
    rows = run_batch(events, Path(rules_dir), Path(templates_dir) if templates_dir else None,
                     jobs=jobs, progress=sys.stderr.isatty())
    print_summary(rows)
    if any(not r.ok for r in rows):
        sys.exit(1)
