"""Shared fixtures: the bundled example built once per test session."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "relos-2025"
RULES = ROOT / "rules"
AS_OF = date(2025, 12, 3)

# Pin what drifts: timezone and reproducible-build epoch.
os.environ["TZ"] = "UTC"
os.environ.setdefault("SOURCE_DATE_EPOCH", "1764763200")


@pytest.fixture(scope="session")
def sample_facts():
    """The example's merged facts."""
    from briefing.pipeline import analyse

    return analyse([str(EXAMPLE)], RULES)


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """The example built for the executive audience into a temporary folder."""
    from briefing.pipeline import build

    out = tmp_path_factory.mktemp("brief") / "brief.pdf"
    result = build([str(EXAMPLE)], out, audience="executive", rules_dir=RULES, as_of=AS_OF)
    return out, result
