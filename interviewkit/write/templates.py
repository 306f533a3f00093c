"""Templates: finding them, and filling Obsidian-style `{{placeholders}}`."""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from importlib import resources
from pathlib import Path

from interviewkit.config import Settings
from interviewkit.errors import TemplateError
from interviewkit.languages import ADAPTS, adapted

_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][\w-]*)\s*(?::([^}]*))?\}\}")
_MOMENT_TOKENS = re.compile(r"\[[^\]]*\]|YYYY|YY|MMMM|MMM|MM|M|DD|D|dddd|ddd|HH|H|hh|h|mm|ss|A|a")
DATE_PLACEHOLDERS = frozenset({"date", "time"})


_ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_ENGLISH_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _names(moment: datetime, language: str) -> tuple[str, str, str, str]:
    """(month, short month, weekday, short weekday) of `moment` in `language`: English
    as Obsidian writes it, other languages from the Unicode CLDR data Babel ships."""
    if ADAPTS.get(language, language) == "en":  # American English too
        month, day = _ENGLISH_MONTHS[moment.month - 1], _ENGLISH_DAYS[moment.weekday()]
        return month, month[:3], day, day[:3]
    from babel.dates import get_day_names, get_month_names

    return (
        get_month_names("wide", locale=language)[moment.month],
        get_month_names("abbreviated", locale=language)[moment.month],
        get_day_names("wide", locale=language)[moment.weekday()],
        get_day_names("abbreviated", locale=language)[moment.weekday()],
    )


def moment_format(moment: datetime, pattern: str, language: str = "en") -> str:
    """Format with moment.js tokens, as Obsidian's Templates plugin does; month and
    day names in `language`."""
    month, short_month, day, short_day = _names(moment, language)

    def token(match: re.Match[str]) -> str:
        text = match.group(0)
        hour12 = moment.hour % 12 or 12
        values = {
            "YYYY": f"{moment.year:04d}",
            "YY": f"{moment.year % 100:02d}",
            "MMMM": month,
            "MMM": short_month,
            "MM": f"{moment.month:02d}",
            "M": str(moment.month),
            "DD": f"{moment.day:02d}",
            "D": str(moment.day),
            "dddd": day,
            "ddd": short_day,
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


def fill(
    text: str, values: dict[str, str | date], moment: datetime | None, language: str = "en"
) -> str:
    """Replace placeholders; `{{date}}`/`{{time}}` (with a format or not) use `moment`,
    and a value that is a date takes a format too (`{{follow_up_on:dddd D MMMM}}`),
    with month and day names in `language`."""

    def one(match: re.Match[str]) -> str:
        name, pattern = match.group(1), match.group(2)
        if name in DATE_PLACEHOLDERS and moment is not None:
            default = "YYYY-MM-DD" if name == "date" else "HH:mm"
            return moment_format(moment, pattern.strip() if pattern else default, language)
        value = values[name]
        if isinstance(value, date):
            day = datetime.combine(value, datetime.min.time())
            return moment_format(day, pattern.strip() if pattern else "YYYY-MM-DD", language)
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


def packaged_templates(language: str = "en") -> Path:
    """The default templates shipped with interviewkit, in `language` (English ones
    at the top, the others in a folder named by the language code)."""
    shipped = Path(str(resources.files("interviewkit"))) / "default_templates"
    if not shipped.is_dir():
        shipped = Path(__file__).resolve().parents[2] / "templates"
    language = ADAPTS.get(language, language)  # American English: the English ones, adapted
    return shipped if language == "en" else shipped / language


def templates_folder(root: Path, settings: Settings) -> Path:
    """The vault's templates folder: as the setting spells it or, when no folder is
    spelt so, the one whose name differs only in case (`Templates`), which the walk
    skips too and macOS and Windows take for the same folder."""
    wanted = root / settings.templates_folder.strip("/")
    if wanted.is_dir() or not wanted.parent.is_dir():
        return wanted
    folded = wanted.name.casefold()
    try:
        with os.scandir(wanted.parent) as entries:
            same = sorted(e.name for e in entries if e.name.casefold() == folded and e.is_dir())
    except OSError:  # a folder it cannot list: the setting as spelt
        return wanted
    return wanted.parent / same[0] if same else wanted


def find_template(root: Path, settings: Settings, name: str) -> tuple[str, str]:
    """(path to show, text) of a template: the vault's own first, then the shipped one."""
    file_name = name if name.endswith(".md") else f"{name}.md"
    if "/" in file_name or "\\" in file_name or file_name.startswith("."):
        raise TemplateError(f"{name!r} is not a template name (use a name like interview)")
    folder = templates_folder(root, settings)
    own = folder / file_name
    language = settings.language
    places = [(own, f"{folder.relative_to(root).as_posix()}/{file_name}")]
    if language != "en":
        places.append(
            (packaged_templates(language) / file_name, f"(built-in, {language}) {file_name}")
        )
    places.append((packaged_templates() / file_name, f"(built-in) {file_name}"))
    for path, shown in places:
        if path.is_file():
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise TemplateError(f"{shown}:1: cannot read the template: {exc}") from None
            return shown, text if path == own else adapted(text, language)
    raise TemplateError(
        f"unknown template {name!r} (available: {', '.join(note_templates(root, settings))})"
    )


def note_templates(root: Path, settings: Settings) -> list[str]:
    """The names of the note templates, the vault's and the shipped ones (the letter
    templates left out), for `new --template`."""
    from interviewkit.vocabulary import LETTER_TEMPLATES

    folders = (templates_folder(root, settings), packaged_templates())
    names = {p.stem for folder in folders if folder.is_dir() for p in folder.glob("*.md")}
    return sorted(names - LETTER_TEMPLATES)
