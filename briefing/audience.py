"""Audiences: who a note is for, read from `templates/<name>/audience.yaml`.

An audience picks the sections and their order, how many items each may carry, the
page limit and size, a handling marking, branding, and the recipients of delivery.
A user's template folder (`--templates DIR`) is searched before the bundled one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import TemplateError
from briefing.rules import SECTIONS
from briefing.timeline import TIMELINE
from briefing.yamlload import load_yaml, mark_of

BUNDLED_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
KEYS = {"name", "description", "sections", "items_per_section", "page_limit", "page_size",
        "marking", "branding", "recipients", "show_evidence"}
BRANDING_KEYS = {"organisation", "colour", "font", "logo"}
LOGO_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg"}


@dataclass(frozen=True)
class Audience:
    """One audience's settings, validated."""

    name: str
    folder: Path
    description: str = ""
    sections: tuple[str, ...] = SECTIONS
    items_per_section: int = 6
    page_limit: int = 1
    page_size: str = "A4"
    marking: str = ""
    organisation: str = ""
    colour: str = "#1f3a5f"
    font: str = ""
    logo: str = ""
    recipients: tuple[str, ...] = ()
    show_evidence: bool = False


def audience_names(user_dir: Path | None = None) -> list[str]:
    """Every audience folder (with an audience.yaml), user's first."""
    names: dict[str, None] = {}
    for root in filter(None, [user_dir, BUNDLED_TEMPLATES]):
        if root.is_dir():
            for p in sorted(root.iterdir()):
                if (p / "audience.yaml").is_file():
                    names[p.name] = None
    return list(names)


def load_audience(name: str, user_dir: Path | None = None) -> Audience:
    """The audience `name`; TemplateError naming the file, line and problem otherwise."""
    roots = [r for r in (user_dir, BUNDLED_TEMPLATES) if r]
    folder = next((r / name for r in roots if (r / name / "audience.yaml").is_file()), None)
    if folder is None or "/" in name or name.startswith("."):
        known = ", ".join(audience_names(user_dir)) or "none"
        raise TemplateError(f"unknown audience '{name}' (expected one of: {known})")
    path = folder / "audience.yaml"
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise TemplateError(f"{path}: expected a mapping of settings")
    problems = []
    for key in data:
        if key not in KEYS:
            problems.append(f"{mark_of(data, key)}: unknown setting '{key}' "
                            f"(expected one of: {', '.join(sorted(KEYS))})")
    sections = data.get("sections", list(SECTIONS))
    if not isinstance(sections, list) or any(s not in (*SECTIONS, TIMELINE) for s in sections):
        problems.append(f"{mark_of(data, 'sections') or path}: sections must be a list of: "
                        f"{', '.join((*SECTIONS, TIMELINE))}")
    for key in ("items_per_section", "page_limit"):
        value = data.get(key, 1)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            problems.append(f"{mark_of(data, key) or path}: {key} must be a whole number ≥ 1")
    if data.get("page_size", "A4") not in {"A4", "Letter"}:
        problems.append(f"{mark_of(data, 'page_size')}: page_size must be A4 or Letter")
    branding = data.get("branding", {}) or {}
    if not isinstance(branding, dict) or set(branding) - BRANDING_KEYS:
        problems.append(f"{mark_of(data, 'branding') or path}: branding may set only: "
                        f"{', '.join(sorted(BRANDING_KEYS))}")
        branding = {}
    # Branding lands in CSS, where HTML escaping does not protect: allow only what a
    # colour or a font list can contain.
    if not re.fullmatch(r"#[0-9A-Fa-f]{3,8}|[a-z]{3,20}", str(branding.get("colour", "#000"))):
        problems.append(f"{mark_of(branding, 'colour') or path}: colour must be #RRGGBB or a "
                        "CSS colour name")
    if not re.fullmatch(r"[\w\s,'\"-]{0,120}", str(branding.get("font", ""))):
        problems.append(f"{mark_of(branding, 'font') or path}: font must be a list of font "
                        "family names")
    logo = str(branding.get("logo", "") or "")
    if logo and (problem := _logo_problem(folder, logo)):
        problems.append(f"{mark_of(branding, 'logo') or path}: {problem}")
    recipients = data.get("recipients", []) or []
    if not isinstance(recipients, list) or not all(isinstance(r, str) and "@" in r
                                                   for r in recipients):
        problems.append(f"{mark_of(data, 'recipients') or path}: recipients must be a list "
                        "of email addresses")
    if problems:
        raise TemplateError("\n".join(problems))
    return Audience(
        name=name, folder=folder, description=str(data.get("description", "")),
        sections=tuple(sections), items_per_section=data.get("items_per_section", 6),
        page_limit=data.get("page_limit", 1), page_size=data.get("page_size", "A4"),
        marking=str(data.get("marking", "")),
        organisation=str(branding.get("organisation", "")),
        colour=str(branding.get("colour", "#1f3a5f")), font=str(branding.get("font", "")),
        logo=logo, recipients=tuple(recipients),
        show_evidence=bool(data.get("show_evidence", False)))


def _logo_problem(folder: Path, logo: str) -> str | None:
    """What is wrong with a branding logo path, if anything. The PDF is mailed: a logo
    must not be a way to pull another file (/etc/passwd, ../x) into it."""
    relative = Path(logo)
    target = (folder / relative).resolve()
    if relative.is_absolute() or not target.is_relative_to(folder.resolve()):
        return (f"logo must be a file inside the audience folder, given relative to it "
                f"(like logo.svg); got '{logo}'")
    if relative.suffix.lower() not in LOGO_SUFFIXES:
        return f"logo must be an SVG, PNG or JPEG image; got '{logo}'"
    if not target.is_file():
        return f"logo file not found: {target}"
    return None
