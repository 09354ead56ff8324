"""briefing: a rule-based briefing-note generator (articles → one-page PDF)."""

__version__ = "0.1.0"
