"""The command line: one command per job, thin, with imports deferred so --help is instant.

The project's own errors (BriefingError) become one line on stderr and exit 1; usage
errors exit 2 (click); anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from briefing.errors import BriefingError

DEFAULT_RULES = Path(__file__).resolve().parent.parent / "rules"
DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _fail(exc: BriefingError) -> None:
    click.echo(f"briefing: error: {exc}", err=True)
    sys.exit(1)


class _Group(click.Group):
    """Turns BriefingError raised by any command into one line and exit 1."""

    def invoke(self, ctx):  # noqa: D102 - click hook
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
        as_of=_parse_date(as_of, "--as-of"), pdf_variant=pdf_variant)
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
