"""Vault settings: one record per setting, and everything else made from those records.

`SPEC` lists every setting once: its name, kind, default, a one-line `help` (the
comment `init` writes) and a `why` (the README's table), with its allowed values
or range. The `Settings` class, its defaults, the commented `config.yaml`, the
validation of `.interviewkit/config.yaml` (with file:line and did-you-mean
messages) and the README table are all made from `SPEC`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
import re
import stat
from collections.abc import Callable
from datetime import time
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from interviewkit.errors import ConfigError
from interviewkit.names import did_you_mean
from interviewkit.vocabulary import FEED_KINDS, LANGUAGES

STATE_DIR = ".interviewkit"
CONFIG_NAME = "config.yaml"


def system_timezone(environ: dict[str, str] | None = None) -> str:
    """Best guess at this machine's IANA zone name, falling back to UTC."""
    return detect_timezone(environ)[0]


def detect_timezone(
    environ: dict[str, str] | None = None,
    localtime: str = "/etc/localtime",
    timezone_file: str = "/etc/timezone",
) -> tuple[str, bool]:
    """This machine's IANA zone name, and False when none was found and it is UTC
    only by default (from $TZ, then the /etc/localtime link, then /etc/timezone)."""
    env = os.environ if environ is None else environ
    candidates = [env.get("TZ", "").lstrip(":")]
    try:
        link = os.readlink(localtime)
        if "zoneinfo/" in link:
            candidates.append(link.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    with contextlib.suppress(OSError):
        candidates.append(Path(timezone_file).read_text(encoding="utf-8").strip())
    for name in candidates:
        if name and is_zone(name):
            return name, True
    return "UTC", False


@functools.lru_cache(maxsize=8)  # `init` asks for the language, the config and its report
def zone_country(zone: str) -> str:
    """The country a time zone is in (`Europe/Berlin` gives DE) as the time zone
    database's `zone.tab` says, from this machine's zone files or the tzdata package;
    "" when neither names it (UTC, or an old alias such as US/Eastern)."""
    import zoneinfo

    places = [Path(folder) / "zone.tab" for folder in zoneinfo.TZPATH]
    with contextlib.suppress(ImportError):
        import tzdata

        places.append(Path(tzdata.__file__).parent / "zoneinfo" / "zone.tab")
    for place in places:
        try:
            lines = place.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for line in lines:
            fields = line.split("\t")  # country, coordinates, zone, comment; or a # comment
            if len(fields) >= 3 and fields[2] == zone and not line.startswith("#"):
                return fields[0]
        return ""
    return ""


def is_zone(name: str) -> bool:
    """True for the name of a time zone this machine knows."""
    if name.startswith(("/", ".")) or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


# Converters: a raw YAML value (already resolved to text, bool, None or a list)
# becomes the setting's value, or ValueError says why not.


def _text(value: Any, setting: Setting) -> str:
    if value is None:
        return setting.default
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not text")
    if setting.choices and value not in setting.choices:
        hint = did_you_mean(value, setting.choices)
        raise ValueError(f"{value!r} is not one of {', '.join(setting.choices)}{hint}")
    return value


def _whole(value: Any, setting: Setting) -> int | None:
    if value is None and setting.optional:
        return None
    text = str(value).strip()
    if isinstance(value, bool) or not text.isdigit():
        raise ValueError(f"{value!r} is not a whole number")
    number = int(text)
    if setting.minimum is not None and number < setting.minimum:
        raise ValueError(f"{number} is below the minimum of {setting.minimum}")
    if setting.maximum is not None and number > setting.maximum:
        raise ValueError(f"{number} is above the maximum of {setting.maximum}")
    return number


def _flag(value: Any, setting: Setting) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(f"{value!r} is not true or false")


def _zone(value: Any, setting: Setting) -> str:
    text = _text(value, setting)
    if text and not is_zone(text):
        hint = (
            did_you_mean(text, sorted(available_timezones())) or " (use a name like Europe/Paris)"
        )
        raise ValueError(f"{text!r} is not a known IANA time zone{hint}")
    return text


def _folder(value: Any, setting: Setting) -> str:
    text = _text(value, setting)
    if text.startswith("/") or ".." in Path(text).parts:
        raise ValueError(f"{text!r} must be a folder inside the vault")
    return text


def _heading(value: Any, setting: Setting) -> tuple[str, ...]:
    """One heading, or a list of alternatives (the first is the one written)."""
    items = value if isinstance(value, list) else [value]
    texts = []
    for item in items:
        text = _text(item, setting)
        if not text.strip():
            raise ValueError("a heading cannot be empty")
        if text not in texts:
            texts.append(text)
    if not texts:
        raise ValueError("a heading cannot be empty")
    return tuple(texts)


def _list(value: Any, setting: Setting) -> tuple[str, ...]:
    """A YAML list, or one comma-separated text; each item checked against the choices."""
    if value is None:
        return setting.default
    if isinstance(value, str):
        items = [item.strip() for item in value.split(",")]
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        items = value
    else:
        raise ValueError(f"{value!r} is not a list")
    items = [item.strip() for item in items if item.strip()]
    for item in items:
        if setting.choices and item not in setting.choices:
            hint = did_you_mean(item, setting.choices)
            raise ValueError(
                f"unknown item {item!r} (choose from {', '.join(setting.choices)}){hint}"
            )
    return tuple(items)


_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def _time_of_day(value: Any, setting: Setting) -> time:
    text = str(value).strip() if isinstance(value, str | int) else ""
    match = _TIME.fullmatch(text)
    if not match:
        raise ValueError(f"{value!r} is not a time of day (write it like 09:30)")
    return time(int(match.group(1)), int(match.group(2)))


def _code(pattern: str, what: str, example: str, more: str = "") -> Callable[[Any, Setting], str]:
    shape = re.compile(pattern)

    def convert(value: Any, setting: Setting) -> str:
        text = _text(value, setting)
        if text and not shape.fullmatch(text):
            raise ValueError(f"{text!r} is not {what} (like {example}){more}")
        return text

    return convert


CONVERTERS: dict[str, Callable[[Any, Setting], Any]] = {
    "text": _text,
    "whole number": _whole,
    "true or false": _flag,
    "time zone": _zone,
    "folder": _folder,
    "heading": _heading,
    "list": _list,
    "time of day": _time_of_day,
    "country code": _code(r"[A-Z]{2}", "a two-letter ISO 3166 country code", "DE"),
    "language code": _code(r"[a-z]{2,3}", "a two-letter ISO 639 language code", "de"),
    "date order": _code(
        r"dmy|mdy",
        "dmy or mdy",
        "dmy",
        "; it only says how to read 12/9/2026: dates written year first, like 2026/12/09, "
        "need no setting",
    ),
    "holiday calendar": lambda value, setting: _holiday_calendar(value, setting),
}
PYTHON_TYPES = {
    "heading": tuple,
    "whole number": int,
    "true or false": bool,
    "list": tuple,
    "time of day": time,
}


@dataclasses.dataclass(frozen=True)
class Setting:
    """One setting: everything known about it, in one place."""

    name: str
    kind: str  # a key of CONVERTERS
    default: Any
    help: str  # one line: the comment above the key in `init`'s config.yaml
    why: str  # the README table's explanation
    group: str  # "notes", "rules", "headings", "letters", "feed"
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    optional: bool = False  # null is allowed and means "none"
    computed: Callable[[dict[str, str] | None], Any] | None = None  # a default found at run time
    computed_as: str = ""  # how the README names a computed default
    # a value `init` suggests in a comment, worked out on this machine ("" for none)
    suggestion: Callable[[dict[str, str] | None], str] | None = None
    # a value `init` writes, worked out on this machine ("" for none), and what the
    # comment after it says; vaults without the key keep the default
    initial: Callable[[dict[str, str] | None], str] | None = None
    initial_as: str = ""

    def convert(self, value: Any) -> Any:
        """The raw YAML value as this setting's value, or ValueError saying why not."""
        return CONVERTERS[self.kind](value, self)

    def shown_default(self) -> str:
        """The default as YAML text, for the config file and the README."""
        return self.computed_as if self.computed is not None else _yaml(self.default)


def _holiday_calendar(value: Any, setting: Setting) -> str:
    """`DE-BY`: a country the holidays package knows, and one of its regions."""
    code = _code(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?", "a country and region code", "DE-BY")(
        value, setting
    )
    if not code:
        return code
    import holidays  # only when the setting is used

    country, _, region = code.partition("-")
    supported = holidays.list_supported_countries()
    if country not in supported:
        raise ValueError(f"{country!r} is not a country the holidays package knows (like DE)")
    if region and region not in supported[country]:
        listed = ", ".join(f"{country}-{r}" for r in supported[country][:12])
        raise ValueError(f"{code!r}: {region!r} is not a region of {country} (like {listed})")
    return code


def machine_country(environ: dict[str, str] | None = None) -> str:
    """The country of this machine's time zone (see `zone_country`), else ""."""
    zone, found = detect_timezone(environ)
    return zone_country(zone) if found else ""


def zone_holidays(environ: dict[str, str] | None = None) -> str:
    """The country of this machine's time zone when the holidays package knows its
    public holidays (`America/New_York` gives US), else "": `init` writes it, so
    that a follow-up worked out in business days skips them."""
    country = machine_country(environ)
    if not country:
        return ""
    import holidays  # only when a country was found

    return country if country in holidays.list_supported_countries() else ""


def _locale_country(environ: dict[str, str] | None) -> str:
    """The country of this machine's locale (`de_DE.UTF-8` gives DE), else ""."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        match = re.match(r"[a-z]{2,3}_([A-Z]{2})", env.get(name, ""))
        if match:
            return match.group(1)
    return ""


def _yaml(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(value) + "]"
    if isinstance(value, time):
        return f'"{value:%H:%M}"'
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _heading_setting(key: str, default: str, what: str) -> Setting:
    return Setting(
        f"heading_{key}",
        "heading",
        (default,),
        f"section heading: {what}; a list gives alternatives, the first is written",
        "match the heading your notes already use (any level, any case)",
        "headings",
    )


SPEC: tuple[Setting, ...] = (
    Setting(
        "timezone", "time zone", "", "IANA time zone for times written without an offset",
        "times written without an offset are wall-clock times in this zone", "notes",
        computed=system_timezone, computed_as="this machine's zone",
    ),
    Setting(
        "date_order", "date order", "",
        "how to read a date written with slashes, like 12/9/2026: dmy or mdy (default: refuse it)",
        "12/9/2026 is 12 September in most of the world and December 9 in the US", "notes",
    ),
    Setting(
        "my_emails", "list", (),
        "your own e-mail addresses, left out of `people` when `new --from-invite` reads an invitation",
        "an invitation lists you among its attendees; you did not meet yourself", "notes",
    ),
    Setting(
        "notes_folder", "folder", "interviews", "folder, inside the vault, where `new` writes notes",
        "keeps interview notes together; files outside it need `type: interview`", "notes",
    ),
    Setting(
        "tasks_global_filter", "text", "",
        "only task lines holding this tag (like #task) count as tasks, as with the Tasks plugin's global filter",
        "set it to your Tasks global filter, so both see the same tasks", "notes",
    ),
    Setting(
        "note_path", "text", "{{company}}/{{date:YYYY-MM-DD}} {{company}} {{round}}",
        "file name pattern for new notes, inside the notes folder, without .md",
        "one file per round, in date order in a folder listing, and a name the Quick Switcher and [[links]] tell apart", "notes",
    ),
    Setting(
        "templates_folder", "folder", "templates",
        "folder of note and letter templates; interviewkit never reads notes there",
        "the same folder Obsidian's Templates plugin can use", "notes",
    ),
    Setting(
        "template", "text", "interview", "template `new` uses when --template is not given",
        "a different template per kind of round, if you like", "notes",
    ),
    Setting(
        "max_note_mib", "whole number", 5,
        "a file larger than this many MiB is never read whole, only its first bytes",
        "an interview note is small; a large .md is an export, and reading it whole could "
        "exhaust memory", "notes", minimum=1, maximum=1024,
    ),
    Setting(
        "interview_minutes", "whole number", 60, "length of an interview when a note has no `end`",
        "the thank-you deadline counts from the interview's end", "rules", minimum=1,
        maximum=24 * 60,
    ),
    Setting(
        "within_days", "whole number", 7,
        "how far ahead `due` looks by default; overdue actions always show",
        "a week ahead is what you can act on; `--all` shows the rest", "rules", minimum=0,
        maximum=36600,
    ),
    Setting(
        "prepare_days_before", "whole number", 1, "prepare for an interview this many days before it",
        "a day ahead leaves time to reread your earlier rounds", "rules", minimum=0,
        maximum=366,
    ),
    Setting(
        "thank_you_hours", "whole number", 24,
        "send the thank-you letter within this many hours of the interview's end",
        "a thank-you letter helps most when it arrives within a day", "rules", minimum=0,
        maximum=24 * 366,
    ),
    Setting(
        "reflect_days", "whole number", 2,
        "reflect on your answers and on fit this many days after the interview",
        "far enough from the interview to judge calmly, close enough to remember", "rules",
        minimum=0,
        maximum=366,
    ),
    Setting(
        "follow_up_after_decision_business_days", "whole number", 2,
        "follow up this many business days after the day they said they would decide",
        "give them a little slack after the day they said they would decide", "rules", minimum=0,
        maximum=261,
    ),
    Setting(
        "follow_up_default_business_days", "whole number", 7,
        "with no agreed date, follow up this many business days after the interview",
        "with no date agreed, a week and a half of silence is a fair time to ask", "rules",
        minimum=0,
        maximum=261,
    ),
    Setting(
        "follow_up_again_days", "whole number", 7,
        "after a follow-up with no answer, follow up again this many days later",
        "one polite reminder a week later; companies get distracted", "rules", minimum=0,
        maximum=366,
    ),
    Setting(
        "holidays", "holiday calendar", "",
        "public holidays that are not business days: a country, and a region if you like, "
        "as the holidays package names them (DE-BY, US-NY, GB-ENG; default: none)",
        "a follow-up should not fall on 25 December or on a regional holiday", "rules",
        suggestion=lambda environ: _locale_country(environ),
        initial=zone_holidays,
        initial_as='from this machine\'s time zone; add a region (like US-NY), or "" for none',
    ),
    Setting(
        "follow_up_limit", "whole number", 2, "stop suggesting follow-ups after this many",
        "after two unanswered follow-ups, more would not help", "rules", minimum=1,
        maximum=100,
    ),
    Setting(
        "close_after_days", "whole number", 14,
        "this many days after the last follow-up, ask whether to record no_response",
        "after two weeks of silence past the last reminder, the answer is the silence; "
        "closing it keeps the list of open applications honest", "rules", minimum=1,
        maximum=366,
    ),
    _heading_setting("people_met", "People met", "the people you met"),
    _heading_setting("next_steps", "Hiring process and next steps", "the hiring process and next steps"),
    _heading_setting("important_points", "Important points", "the important points discussed"),
    _heading_setting("questions_asked", "Questions asked", "the questions you were asked"),
    _heading_setting("answers_to_improve", "Answers to improve", "answers you want to improve"),
    _heading_setting("fit", "Fit", "how the company felt and whether it fits"),
    _heading_setting("thank_you_points", "To mention in the thank-you", "what the thank-you letter should mention (the only section a letter copies)"),
    _heading_setting("before_you_leave", "Before you leave", "the checklist for the end of the interview"),
    Setting(
        "name", "text", "", "your name, used to sign drafted letters",
        "letters are signed with it", "letters",
    ),
    Setting(
        "language", "text", "en",
        "language of the templates, and of the month and day names {{date:…}} writes",
        "`init --language de` writes German notes and letters, `en-US` American dates and "
        "times (in the brief, `Due.md` and the feed's titles too); the rules and messages "
        "stay English",
        "letters", choices=LANGUAGES,
    ),
    Setting(
        "vault_name", "text", "",
        "Obsidian vault name, for obsidian:// links (default: the folder name of the Obsidian vault the notes are in)",
        "links in the feed open the note in the right Obsidian vault", "feed",
    ),
    Setting(
        "feed_name", "text", "Interviews", "calendar name shown by calendar apps",
        "the name your calendar app shows for the subscription", "feed",
    ),
    Setting(
        "feed_include", "list", ("follow-up", "thank-you", "decide"),
        "kinds of events in the feed: " + ", ".join(FEED_KINDS),
        "follow-ups, thank-you deadlines and the day to answer an offer are what a calendar "
        "should remind you of", "feed",
        choices=FEED_KINDS,
    ),
    Setting(
        "feed_output", "text", "", "file `feed` writes when --output is not given (default: standard output)",
        "a fixed place for a committed or published feed", "feed",
    ),
    Setting(
        "feed_redact", "true or false", False,
        "leave names, addresses, next steps and paths out of the feed",
        "for a feed published where others might read it", "feed",
    ),
    Setting(
        "feed_alarm_minutes", "whole number", None,
        "add a reminder this many minutes before each feed event (default: none)",
        "calendar reminders, if you want them on top of `due`", "feed", minimum=0,
        maximum=4 * 7 * 24 * 60, optional=True,
    ),
    Setting(
        "feed_alarm_time", "time of day", time(9, 0),
        "when alarms are on, the time an all-day event's reminder goes off, on its day",
        "a reminder the evening before a day-long deadline would come too early", "feed",
    ),
)  # fmt: skip

BY_NAME: dict[str, Setting] = {setting.name: setting for setting in SPEC}


class _SettingsMethods:
    """What every `Settings` can say besides its values."""

    __slots__ = ()

    @property
    def zone(self) -> ZoneInfo:
        """The vault's time zone."""
        return ZoneInfo(self.timezone or "UTC")  # type: ignore[attr-defined]

    def headings(self) -> dict[str, tuple[str, ...]]:
        """Section key -> its heading's alternatives (the first is the one written)."""
        return _headings(self)

    def feed_kinds(self) -> tuple[str, ...]:
        """The kinds of events the feed includes."""
        return self.feed_include  # type: ignore[attr-defined]


Settings = dataclasses.make_dataclass(
    "Settings",
    [(s.name, PYTHON_TYPES.get(s.kind, str), dataclasses.field(default=s.default)) for s in SPEC]
    # the settings whose value was worked out on this machine, not read from the file
    + [("computed", frozenset, dataclasses.field(default=frozenset(), compare=False))],
    bases=(_SettingsMethods,),
    frozen=True,
)
Settings.__module__ = __name__
Settings.__doc__ = "Every setting of a vault, at its default unless the config file says otherwise."


@functools.lru_cache(maxsize=8)
def _headings(settings: Any) -> dict[str, tuple[str, ...]]:
    return {
        s.name.removeprefix("heading_"): getattr(settings, s.name)
        for s in SPEC
        if s.group == "headings"
    }


def parse_kinds(text: str) -> tuple[str, ...]:
    """Split a comma list of feed kinds, refusing unknown ones with ValueError."""
    return BY_NAME["feed_include"].convert(text)


class Remembered(Protocol):
    """Somewhere to keep the values read from a config file, keyed by its stat."""

    def get(self, info: os.stat_result) -> dict[str, Any] | None: ...

    def put(self, info: os.stat_result, values: dict[str, Any]) -> None: ...


def load_settings(
    root: Path, environ: dict[str, str] | None = None, remembered: Remembered | None = None
) -> Any:
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
    computed = []
    for setting in SPEC:
        if setting.computed is not None and not values.get(setting.name):
            values[setting.name] = setting.computed(environ)
            computed.append(setting.name)
    return Settings(**values, computed=frozenset(computed))


def require_timezone(settings: Any, command: str, environ: dict[str, str] | None = None) -> None:
    """Refuse (ConfigError) to run `command` when the vault's zone was not set in the
    config file: its times would then move with the machine that runs it."""
    if "timezone" not in settings.computed:
        return
    zone, found = detect_timezone(environ)
    fix = (
        f"add `timezone: {zone}` (this machine's zone) to it"
        if found
        else "add your zone to it, like `timezone: Europe/Paris` (this machine's is not known)"
    )
    raise ConfigError(
        f"{STATE_DIR}/{CONFIG_NAME}: {command} needs the `timezone` setting, so that the same "
        f"notes give the same times on every machine; {fix}"
    )


def _read_values(path: Path) -> dict[str, Any]:
    """The validated values a config file sets, or ConfigError naming file and line."""
    from interviewkit.notes.yamlscan import (
        CONFLICT,
        YamlFailure,
        conflict_line,
        load_mapping_and_repeats,
    )

    shown = f"{STATE_DIR}/{CONFIG_NAME}"
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{shown}:1: cannot read the settings: {exc}") from None
    try:
        data, lines, repeats = load_mapping_and_repeats(text)
    except YamlFailure as exc:
        conflict = conflict_line(text)
        if conflict is not None:
            raise ConfigError(f"{shown}:{conflict + 1}: {CONFLICT}") from None
        raise ConfigError(f"{shown}:{exc.line + 1}: {exc.message}") from None
    if repeats:  # YAML readers disagree on which one wins
        key, first, again = repeats[0]
        raise ConfigError(
            f"{shown}:{again + 1}: {key} is written twice (first on line {first + 1}); keep one"
        )
    values: dict[str, Any] = {}
    for key, raw in data.items():
        line = lines.get(key, 0) + 1
        setting = BY_NAME.get(key)
        if setting is None:
            import difflib

            close = difflib.get_close_matches(key, list(BY_NAME), n=1)
            hint = f" (did you mean {close[0]}?)" if close else " (see `interviewkit init`)"
            raise ConfigError(f"{shown}:{line}: unknown setting {key!r}{hint}")
        try:
            values[key] = setting.convert(raw)
        except ValueError as exc:
            raise ConfigError(f"{shown}:{line}: {key}: {exc}") from None
    return values


def render_config_file(
    environ: dict[str, str] | None = None, chosen: dict[str, Any] | None = None
) -> str:
    """The config that `init` writes: every setting, commented out at its default,
    except those worked out on this machine (the time zone) and those `chosen`
    (as for a language), which are written out."""
    chosen = chosen or {}
    out = [
        "# interviewkit settings. Every key is optional; uncomment one to change it.",
        "# An unknown key or a bad value is reported with this file's name and line.",
        "",
    ]
    for setting in SPEC:
        out.append(f"# {setting.help}")
        if setting.name in chosen:
            out.append(f"{setting.name}: {_yaml(chosen[setting.name])}")
        elif setting.computed is not None:  # set, so that every machine reads the notes alike
            out.append(f"{setting.name}: {setting.computed(environ)}")
        elif setting.initial is not None and (found := setting.initial(environ)):
            out.append(f"{setting.name}: {_yaml(found)}  # {setting.initial_as}")
        elif setting.suggestion is not None and (suggested := setting.suggestion(environ)):
            out.append(
                f"# {setting.name}: {_yaml(suggested)}  # suggested from this machine's locale"
            )
        else:
            out.append(f"# {setting.name}: {setting.shown_default()}")
        out.append("")
    return "\n".join(out)


def settings_table() -> str:
    """The README's table of every setting, made from SPEC."""
    rows = ["| setting | default | what it does | why |", "|---|---|---|---|"]
    for setting in SPEC:
        default = setting.shown_default()
        if setting.computed is None:
            default = f"`{default}`"
        rows.append(f"| `{setting.name}` | {default} | {setting.help} | {setting.why} |")
    return "\n".join(rows) + "\n"
