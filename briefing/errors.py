"""The project's own exceptions: invalid user input, reported as one line, exit 1.

Anything else raised is a bug and keeps its traceback.
"""


def did_you_mean(word: str, choices) -> str:
    """"; did you mean 'x'?" for the choice closest to a misspelt `word`, else ""."""
    import difflib  # only when a rule is wrong: every command imports this module

    close = difflib.get_close_matches(str(word), list(choices), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


class BriefingError(Exception):
    """Base: a problem with the user's input or configuration (CLI: one line, exit 1)."""


class SourceError(BriefingError):
    """Raised by ingest: a source file or manifest cannot be read as an article."""


class RuleError(BriefingError):
    """Raised by rule loading: every problem in the rule files, one per line."""


class TemplateError(BriefingError):
    """Raised by rendering: a template is missing, invalid or breaks the sandbox."""


class OutputError(BriefingError):
    """Raised when an output file cannot be written."""


class DeliveryError(BriefingError):
    """Raised by delivery: SMTP refused, timed out, or is misconfigured."""
