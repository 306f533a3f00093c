"""Vault settings: defaults, the `.interviewkit/config.yaml` file, validation with file:line."""

from __future__ import annotations

import contextlib
import functools
import os
import stat
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from interviewkit.errors import ConfigError
from interviewkit.vocabulary import FEED_KINDS

STATE_DIR = ".interviewkit"
CONFIG_NAME = "config.yaml"


@dataclass(frozen=True)
class Settings:
    """Every setting of a vault, at its default unless the config file says otherwise."""

    timezone: str = ""
    notes_folder: str = "interviews"
    note_path: str = "{{company}}/{{date:YYYY-MM-DD}}-{{round}}"
    templates_folder: str = "templates"
    template: str = "interview"
    interview_minutes: int = 60
    name: str = ""
    vault_name: str = ""
    within_days: int = 7
    prepare_days_before: int = 1
    thank_you_hours: int = 24
    reflect_days: int = 2
    follow_up_after_decision_business_days: int = 2
    follow_up_default_business_days: int = 7
    follow_up_again_days: int = 7
    follow_up_limit: int = 2
    heading_people_met: str = "People met"
    heading_next_steps: str = "Hiring process and next steps"
    heading_important_points: str = "Important points"
    heading_questions_asked: str = "Questions asked"
    heading_answers_to_improve: str = "Answers to improve"
    heading_fit: str = "Fit"
    heading_before_you_leave: str = "Before you leave"
    feed_name: str = "Interviews"
    feed_include: str = "follow-up,thank-you"
    feed_output: str = ""
    feed_redact: bool = False
    feed_alarm_minutes: int | None = None

    @property
    def zone(self) -> ZoneInfo:
        """The vault's time zone."""
        return ZoneInfo(self.timezone or "UTC")

    def headings(self) -> dict[str, str]:
        """Section key -> heading text, for every configured section heading."""
        return _headings(self)

    def feed_kinds(self) -> tuple[str, ...]:
        """The configured feed kinds as a tuple."""
        return parse_kinds(self.feed_include)


@functools.lru_cache(maxsize=8)
def _headings(settings: Settings) -> dict[str, str]:
    return {
        f.name.removeprefix("heading_"): getattr(settings, f.name)
        for f in fields(settings)
        if f.name.startswith("heading_")
    }


# Why each setting exists; `init` writes these as comments above each key.
EXPLANATIONS: dict[str, str] = {
    "timezone": "IANA time zone for times written without an offset (default: this machine's zone)",
    "notes_folder": "folder, inside the vault, where `new` writes notes",
    "note_path": "file name pattern for new notes, inside the notes folder, without .md",
    "templates_folder": "folder of note and letter templates; interviewkit never reads notes there",
    "template": "template `new` uses when --template is not given",
    "interview_minutes": "length of an interview when a note has no `end`",
    "name": "your name, used to sign drafted letters",
    "vault_name": "Obsidian vault name, for obsidian:// links (default: the vault folder's name)",
    "within_days": "how far ahead `due` looks by default; overdue actions always show",
    "prepare_days_before": "prepare for an interview this many days before it",
    "thank_you_hours": "send the thank-you letter within this many hours of the interview's end",
    "reflect_days": "reflect on your answers and on fit this many days after the interview",
    "follow_up_after_decision_business_days": (
        "follow up this many business days after the day they said they would decide"
    ),
    "follow_up_default_business_days": (
        "with no agreed date, follow up this many business days after the interview"
    ),
    "follow_up_again_days": "after a follow-up with no answer, follow up again this many days later",
    "follow_up_limit": "stop suggesting follow-ups after this many",
    "heading_people_met": "section heading: the people you met",
    "heading_next_steps": "section heading: the hiring process and next steps",
    "heading_important_points": "section heading: the important points discussed",
    "heading_questions_asked": "section heading: the questions you were asked",
    "heading_answers_to_improve": "section heading: answers you want to improve",
    "heading_fit": "section heading: how the company felt and whether it fits",
    "heading_before_you_leave": "section heading: the checklist for the end of the interview",
    "feed_name": "calendar name shown by calendar apps",
    "feed_include": "comma-separated kinds in the feed: " + ", ".join(FEED_KINDS),
    "feed_output": "file `feed` writes when --output is not given (default: standard output)",
    "feed_redact": "leave names, addresses, next steps and paths out of the feed",
    "feed_alarm_minutes": "add a reminder this many minutes before each feed event (default: none)",
}

_DEFAULTS = Settings()


def system_timezone(environ: dict[str, str] | None = None) -> str:
    """Best guess at this machine's IANA zone name, falling back to UTC."""
    env = os.environ if environ is None else environ
    candidates = [env.get("TZ", "").lstrip(":")]
    try:
        link = os.readlink("/etc/localtime")
        if "zoneinfo/" in link:
            candidates.append(link.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for name in candidates:
        if name and _is_zone(name):
            return name
    return "UTC"


def _is_zone(name: str) -> bool:
    if name.startswith(("/", ".")) or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def parse_kinds(text: str) -> tuple[str, ...]:
    """Split a comma list of feed kinds, refusing unknown ones with ValueError."""
    kinds = tuple(k.strip() for k in text.split(",") if k.strip())
    unknown = [k for k in kinds if k not in FEED_KINDS]
    if unknown:
        raise ValueError(f"unknown kind {unknown[0]!r} (choose from {', '.join(FEED_KINDS)})")
    return kinds


def _convert(name: str, value: Any) -> Any:
    """Turn a raw YAML value into the setting's type, or raise ValueError saying why."""
    default = getattr(_DEFAULTS, name)
    if name == "feed_alarm_minutes":
        if value is None:
            return None
        return _as_int(value, minimum=0)
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        raise ValueError(f"{value!r} is not true or false")
    if isinstance(default, int):
        return _as_int(value, minimum=1 if name.endswith(("limit", "minutes")) else 0)
    if value is None:
        return default
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not text")
    if name == "timezone" and value and not _is_zone(value):
        import difflib

        close = difflib.get_close_matches(value, sorted(available_timezones()), n=1)
        hint = f"; did you mean {close[0]}?" if close else " (use a name like Europe/Paris)"
        raise ValueError(f"{value!r} is not a known IANA time zone{hint}")
    if name.startswith("heading_") and not value.strip():
        raise ValueError("a heading cannot be empty")
    if name == "feed_include":
        parse_kinds(value)
    if name in ("notes_folder", "templates_folder") and (
        value.startswith("/") or ".." in Path(value).parts
    ):
        raise ValueError(f"{value!r} must be a folder inside the vault")
    return value


def _as_int(value: Any, minimum: int) -> int:
    text = str(value).strip()
    if isinstance(value, bool) or not text.isdigit():
        raise ValueError(f"{value!r} is not a whole number")
    number = int(text)
    if number < minimum:
        raise ValueError(f"{number} is below the minimum of {minimum}")
    return number


class Remembered(Protocol):
    """Somewhere to keep the values read from a config file, keyed by its stat."""

    def get(self, info: os.stat_result) -> dict[str, Any] | None: ...

    def put(self, info: os.stat_result, values: dict[str, Any]) -> None: ...


def load_settings(
    root: Path, environ: dict[str, str] | None = None, remembered: Remembered | None = None
) -> Settings:
    """Read `<root>/.interviewkit/config.yaml` if present; validate every key.

    With `remembered`, values read from an unchanged file before are used again
    instead of parsing it.
    """
    path = root / STATE_DIR / CONFIG_NAME
    try:
        info = path.stat()
    except OSError:
        info = None
    values: dict[str, Any] = {}
    if info is not None and stat.S_ISREG(info.st_mode):
        known = remembered.get(info) if remembered else None
        values = _read_values(path) if known is None else known
        if remembered and known is None:
            remembered.put(info, values)
    settings = replace(_DEFAULTS, **values)
    if not settings.timezone:
        settings = replace(settings, timezone=system_timezone(environ))
    return settings


def _read_values(path: Path) -> dict[str, Any]:
    """The validated values a config file sets, or ConfigError naming file and line."""
    from interviewkit.notes.yamlscan import YamlFailure, load_mapping

    shown = f"{STATE_DIR}/{CONFIG_NAME}"
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{shown}:1: cannot read the settings: {exc}") from None
    try:
        data, lines = load_mapping(text)
    except YamlFailure as exc:
        raise ConfigError(f"{shown}:{exc.line + 1}: {exc.message}") from None
    known = [f.name for f in fields(Settings)]
    values: dict[str, Any] = {}
    for key, raw in data.items():
        line = lines.get(key, 0) + 1
        if key not in known:
            import difflib

            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean {close[0]}?)" if close else " (see `interviewkit init`)"
            raise ConfigError(f"{shown}:{line}: unknown setting {key!r}{hint}")
        try:
            values[key] = _convert(key, raw)
        except ValueError as exc:
            raise ConfigError(f"{shown}:{line}: {key}: {exc}") from None
    return values


def render_config_file() -> str:
    """The commented config that `init` writes: every setting, at its default."""
    out = [
        "# interviewkit settings. Every key is optional; uncomment one to change it.",
        "# An unknown key or a bad value is reported with this file's name and line.",
        "",
    ]
    for f in fields(Settings):
        default = getattr(_DEFAULTS, f.name)
        if f.name == "timezone":
            shown = system_timezone()
        elif default is None:
            shown = "null"
        elif isinstance(default, bool):
            shown = "true" if default else "false"
        elif isinstance(default, int):
            shown = str(default)
        else:
            shown = f'"{default}"'
        out.append(f"# {EXPLANATIONS[f.name]}")
        out.append(f"# {f.name}: {shown}")
        out.append("")
    return "\n".join(out)
