"""Writing new files: `init` lays out a vault, `new` writes one interview note."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo
from io import StringIO
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, PlainScalarString

from interviewkit.config import CONFIG_NAME, STATE_DIR, Settings, render_config_file
from interviewkit.errors import BadValue, NoteExists, TemplateError
from interviewkit.languages import ADAPTS, AMERICAN, adapted, chosen_settings, clock
from interviewkit.notes.dates import (
    OutOfRange,
    gap_words,
    in_range,
    later,
    repeat_words,
    wall_clock,
    wall_text,
)
from interviewkit.notes.day_words import NEAR_DAYS, leading_day
from interviewkit.notes.front_matter import split_front_matter
from interviewkit.notes.note import MAX_ID, derive_id
from interviewkit.notes.people import nameless, several_in_one
from interviewkit.notes.slugs import MAX_NAME, file_text
from interviewkit.notes.typed_dates import DateNotRead, read_typed
from interviewkit.notes.values import real_offset, time_slot
from interviewkit.write.atomic import CREATE, write_file
from interviewkit.write.templates import (
    check_placeholders,
    fill,
    find_template,
    packaged_templates,
    templates_folder,
)

NOTE_PLACEHOLDERS = {"title", "date", "time", "company", "role", "round"}
# The Obsidian Bases file of ready views `init` writes at the vault's root.
BASE_FILE = "Interviews.base"
LOCAL_STATE_IGNORE = "# interviewkit's local state: the cache and the feed token stay out of git.\ncache/\nserve-token\n*.tmp\n"
_PLAIN_SAFE = re.compile(r"[A-Za-z][A-Za-z0-9 .,'&()/+_-]*")
_YAML11_WORDS = frozenset(["yes", "no", "on", "off", "true", "false", "null", "y", "n"])


@dataclass(frozen=True)
class InitReport:
    """What `init` created and what it left alone because it was there."""

    created: list[str]
    kept: list[str]
    american: bool = False  # en-US chosen for a time zone of the United States


def init_vault(root: Path, settings: Settings, language: str | None) -> InitReport:
    """Create the vault's folder if need be, the config, the local-state ignore file and
    the templates (in `language`; None for the language of the config there is, else
    English, American in a time zone of the United States); never overwrite."""
    from interviewkit.config import machine_country

    if not (root / STATE_DIR).is_dir():
        outer = next((f for f in root.resolve().parents if (f / STATE_DIR).is_dir()), None)
        if outer is not None:  # the outer vault would stop reading the notes in it
            raise BadValue(
                f"{root} is inside the vault {outer} (it holds {STATE_DIR}/): a vault there "
                f"would be read on its own, and {outer} would no longer read the notes in it. "
                f"Use {outer} as it is, or make the new vault outside it (if {outer / STATE_DIR} "
                "was made by mistake, delete it first)"
            )
    configured = (root / STATE_DIR / CONFIG_NAME).is_file()
    american = language is None and not configured and machine_country() == "US"
    if language is None:  # templates missing from a vault set up before: in its language
        language = settings.language if configured else AMERICAN if american else "en"

    created: list[str] = []
    kept: list[str] = []
    state = root / STATE_DIR
    state.mkdir(parents=True, exist_ok=True)
    chosen = chosen_settings(language, Settings().headings())
    wanted: list[tuple[Path, str | Path]] = [
        (state / CONFIG_NAME, render_config_file(chosen=chosen)),
        (state / ".gitignore", LOCAL_STATE_IGNORE),
    ]
    templates = templates_folder(root, settings)
    shipped = sorted(packaged_templates(language).glob("*.md"))
    wanted += [(templates / src.name, src) for src in shipped]
    wanted.append((root / BASE_FILE, packaged_templates() / BASE_FILE))
    for target, source in wanted:
        shown = target.relative_to(root).as_posix()
        if target.exists():
            kept.append(shown)
            continue
        data = source.read_bytes() if isinstance(source, Path) else source.encode("utf-8")
        if language in ADAPTS and isinstance(source, Path):  # as `language` writes it
            data = adapted(data.decode("utf-8"), language).encode("utf-8")
        try:
            write_file(target, data, CREATE)
        except NoteExists:  # made by someone else since we looked: theirs stays
            kept.append(shown)
            continue
        created.append(shown)
    return InitReport(created, kept, american)


_AT = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(Z|[+-]\d{2}:\d{2})?")


def parse_at(
    text: str, zone: tzinfo, date_order: str, today: date | None = None, language: str = "en"
) -> tuple[datetime, str]:
    """`new --at`: `2026-11-27 14:00` (or with a T, or with an offset like `+01:00`,
    or with a time zone's name like `America/New_York`),
    a date alone (09:00), a date and time as people type them (`9.12.2026 14:30`),
    or a day in words (`tomorrow`, `friday`, `next friday`, `in 3 days`: see
    `notes.day_words`, counted from `today` in `zone` unless given) before a time,
    as an aware time in `zone`, and a warning ("" when none). A weekday or a count
    of days is said back with the day it names, as `next friday` is read two ways.

    A wall-clock time the clocks skip is refused, naming the gap; one they show
    twice is taken at its first occurrence, with a warning, unless an offset says
    which one is meant.
    """
    written = " ".join(text.split())
    say_back = False  # a weekday or a count of days: said back with its day (see below)
    if (spoken := leading_day(written, today or datetime.now(zone).date())) is not None:
        day, words, rest = spoken
        written = f"{day.isoformat()} {rest}".strip()
        say_back = words.casefold() not in NEAR_DAYS
    if slot := time_slot(written, zone):
        start, end = (datetime.fromisoformat(moment) for moment in slot)
        minutes = int((end - start).total_seconds() // 60)
        raise BadValue(
            f"--at {text!r} is a time slot: give its start to --at and its length to "
            f"--duration, like --at '{start:%Y-%m-%d %H:%M}' --duration {minutes}"
        )
    match = _AT.fullmatch(written)
    offset = None
    zoned = None
    try:
        if match:
            day_text, hour, minute, offset = match.groups()
            naive = datetime.fromisoformat(f"{day_text}T{int(hour):02d}:{minute}")
        else:  # a date alone, or as people type it (see notes.typed_dates)
            typed = read_typed(written, date_order)
            if typed.words:
                raise BadValue(
                    f"--at {text!r}: give the date and time alone (like 2026-11-27 14:00), "
                    f"without {typed.words!r}"
                )
            if typed.other_weekday:
                raise BadValue(
                    f"--at {text!r}: {typed.day} is a {typed.day:%A}, not {typed.other_weekday}; "
                    "give the date you mean"
                )
            naive = datetime.combine(typed.day, typed.clock or time(9, 0))
            if typed.zone:  # `2026-12-09 14:00 America/New_York`: that zone's 14:00
                zoned = typed.moment()
        in_range(naive.date())
    except OutOfRange as exc:
        raise BadValue(f"--at {text!r}: {exc}") from None
    except DateNotRead as exc:
        raise BadValue(f"--at {text!r}: {exc}") from None
    except ValueError:
        raise BadValue(
            f"--at {text!r}: not a date and time (write it like 2026-11-27 14:00, "
            "tomorrow 14:00 or friday 14:00)"
        ) from None
    said_back = (
        f"--at {text!r} is read as {naive:%A %Y-%m-%d} {clock(naive, language)}; check the day"
        if say_back
        else ""
    )
    if zoned is not None:
        return zoned.astimezone(zone), said_back  # type: ignore[union-attr]
    if offset:
        given = datetime.fromisoformat(f"{naive.isoformat()}{offset}")  # Z, or like +01:00
        try:
            real_offset(given)
        except DateNotRead as exc:
            raise BadValue(f"--at {text!r} {exc}") from None
        return given.astimezone(zone), said_back
    kind = wall_clock(naive, zone)
    if kind == "gap":
        raise BadValue(f"--at {text!r}: {gap_words(naive, zone)}")
    warning = said_back
    if kind == "repeated":
        second = naive.replace(tzinfo=zone, fold=1).isoformat(sep=" ", timespec="minutes")
        repeated = (
            f"--at: {repeat_words(naive, zone)}; the first is taken "
            f"(for the second, pass --at '{second}')"
        )
        warning = f"{said_back}; {repeated}" if said_back else repeated
    return naive.replace(tzinfo=zone), warning


def yaml_text(value: str) -> Any:
    """A string as ruamel.yaml should write it so every YAML reader gets it back exactly."""
    if (
        _PLAIN_SAFE.fullmatch(value)
        and value.strip() == value
        and value.lower() not in _YAML11_WORDS
    ):
        return value
    return DoubleQuotedScalarString(value)


def yaml_scalar(value: str) -> str:
    """A string as the YAML text of one scalar: plain when that reads back exactly,
    else double-quoted (JSON's escapes are YAML's too)."""
    import json

    return (
        value
        if yaml_text(value) == value and type(yaml_text(value)) is str
        else json.dumps(value, ensure_ascii=False)
    )


def _fill_data(node: Any, values: dict[str, str], moment: datetime, language: str) -> Any:
    """Fill placeholders inside string values of the front matter, as data."""
    if isinstance(node, CommentedMap):
        for key in list(node.keys()):
            node[key] = _fill_data(node[key], values, moment, language)
        return node
    if isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            node[index] = _fill_data(item, values, moment, language)
        return node
    if isinstance(node, str) and "{{" in node:
        filled = fill(node, values, moment, language)
        return type(node)(filled) if type(node) is not str else yaml_text(filled)
    return node


@dataclass(frozen=True)
class NewInterview:
    """What `new` is asked to write."""

    company: str
    role: str
    round: str
    start: datetime
    minutes: int
    people: tuple[str, ...]
    template: str
    location: str = ""
    link: str = ""
    invite_uid: str = ""  # set when the note is made from a calendar invitation
    invite_sequence: int = 0


def note_path(settings: Settings, request: NewInterview, folder: str | None = None) -> str:
    """The new note's vault-relative path, from the `note_path` pattern filled with
    display names safe for files (`notes.slugs.file_text`). With `folder` (that of
    the company's latest note), the note goes there, named by the pattern's last part."""
    values = {
        "company": file_text(request.company),
        "role": file_text(request.role, "role"),
        "round": file_text(request.round, "interview"),
        "title": file_text(request.company),
    }
    check_placeholders(settings.note_path, NOTE_PLACEHOLDERS, "config.yaml note_path")
    parts = [file_text(part, "interview") for part in _path_parts(settings, values, request)]
    if folder is not None:
        return f"{folder}/{parts[-1]}.md"
    return "/".join(p for p in [settings.notes_folder.strip("/"), *parts] if p) + ".md"


def _path_parts(settings: Settings, values: dict[str, str], request: NewInterview) -> list[str]:
    """The `note_path` pattern filled, in its parts; the company in the file name (the
    last part) shortened by whole words from its end while that is over `MAX_NAME`,
    so the day and the round stay whole (`2026-12-01 Bundesministerium für Wirtschaft
    second technical`), where cutting the name at `MAX_NAME` would cut the round."""
    parts = fill(settings.note_path, values, request.start).split("/")
    company = values["company"]
    while len(parts[-1]) > MAX_NAME and " " in company:
        company = company.rsplit(" ", 1)[0]
        shorter = {**values, "company": company, "title": company}
        parts[-1] = fill(settings.note_path, shorter, request.start).split("/")[-1]
    return parts


def _usable_text(what: str, value: str) -> None:
    """Refuse a value `new` could not write as text that reads back the same."""
    for char in value:
        if 0xD800 <= ord(char) <= 0xDFFF:
            raise BadValue(
                f"{what} {value!r} is not valid text (the command line was not UTF-8); "
                "pass it as UTF-8"
            )
        if (char < " " and char != "\t") or char == "\x7f":
            raise BadValue(
                f"{what} {value!r} holds the control character U+{ord(char):04X}; remove it"
            )


def new_id(request: NewInterview, taken: Mapping[str, tuple[str, str]]) -> str:
    """The id of a new note (see `notes.note.derive_id`), made unique among `taken`
    (id -> path and folded company of the note holding it) by `-2`, `-3`, ...

    An id held by a note of the same company is that very round (same day and
    round): NoteExists, naming the note."""
    from interviewkit.names import fold

    base = derive_id(request.company, request.start.date(), request.round)
    company = fold(request.company)
    candidate, number = base, 1
    while candidate in taken:
        path, holder = taken[candidate]
        if holder == company:
            raise NoteExists(
                f"{path}: already holds the id {candidate} (same company, day and round); "
                "left as it is"
            )
        number += 1
        suffix = f"-{number}"
        candidate = base[: MAX_ID - len(suffix)].rstrip("-") + suffix
    return candidate


def new_note(
    root: Path,
    settings: Settings,
    request: NewInterview,
    taken: Mapping[str, tuple[str, str]] | None = None,
    folder: str | None = None,
) -> str:
    """Write one interview note from a template; return its vault-relative path.

    `taken` holds the ids already in the vault (see `new_id`); `folder`, when given,
    is where the company's latest note is, and the new one goes beside it."""
    if not request.company.strip():
        raise BadValue("COMPANY cannot be empty")
    _usable_text("COMPANY", request.company)
    _usable_text("--role", request.role)
    _usable_text("--round", request.round)
    _usable_text("--location", request.location)
    if request.link and not re.fullmatch(r"https?://\S+", request.link, re.I):
        raise BadValue(
            f"--link {request.link!r}: not an http(s) URL (like https://meet.example/abc)"
        )
    for person in request.people:
        _usable_text("--person", person)
        if nameless(person):
            raise BadValue(f"--person {person!r} is not a name; give the person's name")
    # `--person 'Ana <ana@x.example>, Bo <bo@x.example>'`: one entry each, as they are read
    people = tuple(
        entry for person in request.people for entry in several_in_one(person) or [person]
    )
    request = replace(request, people=people)
    shown, text = find_template(root, settings, request.template)
    rel = note_path(settings, request, folder)
    target = root / rel
    if target.exists():
        again = f"{request.round or 'interview'} 2"
        raise NoteExists(
            f"{rel}: already exists (same company, day and round); left as it is. For "
            f'another round that day, give it a round of its own, like --round "{again}"'
        )
    fm = split_front_matter(text)
    check_placeholders(fm.yaml, NOTE_PLACEHOLDERS, shown, fm.yaml_first_line)
    check_placeholders(fm.body, NOTE_PLACEHOLDERS, shown, fm.body_first_line)
    title = Path(rel).stem
    values = {
        "title": title,
        "company": request.company,
        "role": request.role,
        "round": request.round or "interview",
    }
    loader = YAML(typ="rt")
    loader.preserve_quotes = True
    loader.width = 4096
    loader.indent(mapping=2, sequence=4, offset=2)
    try:
        data = loader.load(fm.yaml) if fm.present else CommentedMap()
    except YAMLError as exc:
        raise TemplateError(f"{shown}: the front matter is not valid YAML: {exc}") from None
    if data is None:
        data = CommentedMap()
    if not isinstance(data, CommentedMap):
        raise TemplateError(f"{shown}:{fm.yaml_first_line}: the front matter is not a mapping")
    data = _fill_data(data, values, request.start, settings.language)
    end = later(request.start, timedelta(minutes=request.minutes))
    note_id = new_id(request, taken or {})
    people = CommentedSeq(yaml_text(p) for p in request.people)
    contract: list[tuple[str, Any]] = [
        ("type", "interview"),
        ("id", yaml_text(note_id)),
        ("company", yaml_text(request.company)),
        ("role", yaml_text(request.role)),
        ("round", yaml_text(request.round)),
        ("start", PlainScalarString(wall_text(request.start))),
        ("end", PlainScalarString(wall_text(end))),
        ("people", people),
    ]
    optional = [
        ("location", yaml_text(request.location) if request.location else None),
        ("link", yaml_text(request.link) if request.link else None),
        ("invite_uid", yaml_text(request.invite_uid) if request.invite_uid else None),
        ("invite_sequence", request.invite_sequence if request.invite_uid else None),
    ]
    contract += [(key, value) for key, value in optional if value is not None or key in data]
    for position, (key, value) in enumerate(contract):
        if key in data:
            data[key] = value
        else:
            data.insert(min(position, len(data)), key, value)
    out = StringIO()
    loader.dump(data, out)
    body = fill(fm.body, values, request.start, settings.language)
    content = f"---\n{out.getvalue()}---\n{body}"
    if not content.endswith("\n"):
        content += "\n"
    _check_round_trip(content, request)
    _check_readable(rel, content, settings)
    try:
        write_file(target, content.encode("utf-8"), CREATE)
    except NoteExists:
        raise NoteExists(f"{rel}: already exists; left as it is") from None
    return rel


def _check_readable(rel: str, content: str, settings: Settings) -> None:
    """Refuse to write a note that `due` and `check` would not read cleanly."""
    from interviewkit.notes.note import read_note

    reading = read_note(rel, content.encode("utf-8"), settings, True)
    trouble = reading.problems or [p for p in reading.findings if p.severity == "error"]
    if reading.note is None or trouble:
        shown = str(trouble[0]) if trouble else f"{rel}: would not read back as a note"
        raise TemplateError(f"the new note would not read back cleanly: {shown}")


def _check_round_trip(content: str, request: NewInterview) -> None:
    """Refuse to write a note whose values would not read back exactly."""
    fm = split_front_matter(content)
    data = yaml.safe_load(fm.yaml)
    expected = {"company": request.company, "role": request.role, "round": request.round}
    for key, value in expected.items():
        if data.get(key) != value:
            raise TemplateError(f"{key}: {value!r} would not read back exactly; please report this")
    if list(data.get("people") or []) != list(request.people):
        raise TemplateError("people would not read back exactly; please report this")
