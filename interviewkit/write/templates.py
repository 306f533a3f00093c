"""Templates: finding them, and filling Obsidian-style `{{placeholders}}`."""

from __future__ import annotations

import re
from datetime import date, datetime
from importlib import resources
from pathlib import Path

from interviewkit.config import Settings
from interviewkit.errors import TemplateError

_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][\w-]*)\s*(?::([^}]*))?\}\}")
_MOMENT_TOKENS = re.compile(r"\[[^\]]*\]|YYYY|YY|MMMM|MMM|MM|M|DD|D|dddd|ddd|HH|H|hh|h|mm|ss|A|a")
DATE_PLACEHOLDERS = frozenset({"date", "time"})


def moment_format(moment: datetime, pattern: str) -> str:
    """Format with moment.js tokens, as Obsidian's Templates plugin does (English names)."""

    def token(match: re.Match[str]) -> str:
        text = match.group(0)
        hour12 = moment.hour % 12 or 12
        values = {
            "YYYY": f"{moment.year:04d}",
            "YY": f"{moment.year % 100:02d}",
            "MMMM": moment.strftime("%B"),
            "MMM": moment.strftime("%b"),
            "MM": f"{moment.month:02d}",
            "M": str(moment.month),
            "DD": f"{moment.day:02d}",
            "D": str(moment.day),
            "dddd": moment.strftime("%A"),
            "ddd": moment.strftime("%a"),
            "HH": f"{moment.hour:02d}",
            "H": str(moment.hour),
            "hh": f"{hour12:02d}",
            "h": str(hour12),
            "mm": f"{moment.minute:02d}",
            "ss": f"{moment.second:02d}",
            "A": "AM" if moment.hour < 12 else "PM",
            "a": "am" if moment.hour < 12 else "pm",
        }
        return text[1:-1] if text.startswith("[") else values[text]

    return _MOMENT_TOKENS.sub(token, pattern)


def placeholders(text: str) -> list[tuple[int, str]]:
    """(0-based line, name) of every placeholder in a template text."""
    found = []
    for index, line in enumerate(text.splitlines()):
        found.extend((index, m.group(1)) for m in _PLACEHOLDER.finditer(line))
    return found


def fill(text: str, values: dict[str, str | date], moment: datetime | None) -> str:
    """Replace placeholders; `{{date}}`/`{{time}}` (with a format or not) use `moment`,
    and a value that is a date takes a format too (`{{follow_up_on:dddd D MMMM}}`)."""

    def one(match: re.Match[str]) -> str:
        name, pattern = match.group(1), match.group(2)
        if name in DATE_PLACEHOLDERS and moment is not None:
            default = "YYYY-MM-DD" if name == "date" else "HH:mm"
            return moment_format(moment, pattern.strip() if pattern else default)
        value = values[name]
        if isinstance(value, date):
            day = datetime.combine(value, datetime.min.time())
            return moment_format(day, pattern.strip() if pattern else "YYYY-MM-DD")
        return value

    return _PLACEHOLDER.sub(one, text)


def check_placeholders(text: str, known: set[str], shown: str, first_line: int = 1) -> None:
    """Raise TemplateError naming the file and line of the first unknown placeholder."""
    for index, name in placeholders(text):
        if name not in known:
            listed = ", ".join("{{" + k + "}}" for k in sorted(known))
            raise TemplateError(
                f"{shown}:{first_line + index}: unknown placeholder {{{{{name}}}}} (known: {listed})"
            )


def packaged_templates() -> Path:
    """The default templates shipped with interviewkit."""
    shipped = Path(str(resources.files("interviewkit"))) / "default_templates"
    if shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parents[2] / "templates"


def find_template(root: Path, settings: Settings, name: str) -> tuple[str, str]:
    """(path to show, text) of a template: the vault's own first, then the shipped one."""
    file_name = name if name.endswith(".md") else f"{name}.md"
    if "/" in file_name or "\\" in file_name or file_name.startswith("."):
        raise TemplateError(f"{name!r} is not a template name (use a name like interview)")
    own = root / settings.templates_folder / file_name
    for path, shown in (
        (own, f"{settings.templates_folder}/{file_name}"),
        (packaged_templates() / file_name, f"(built-in) {file_name}"),
    ):
        if path.is_file():
            try:
                return shown, path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise TemplateError(f"{shown}:1: cannot read the template: {exc}") from None
    available = sorted(
        p.stem
        for folder in (root / settings.templates_folder, packaged_templates())
        if folder.is_dir()
        for p in folder.glob("*.md")
    )
    raise TemplateError(
        f"unknown template {name!r} (available: {', '.join(sorted(set(available)))})"
    )
