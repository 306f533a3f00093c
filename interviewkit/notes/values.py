"""Reading one front matter value: a date or date-time as typed (ISO first, the
grammar of `notes.typed_dates` only when that fails), a line of text, a thank-you
mark, a link to a daily note; and quoting a value in a message."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from interviewkit.notes.dates import (
    OutOfRange,
    gap_words,
    in_range,
    later,
    repeat_words,
    wall_clock,
)
from interviewkit.notes.markup import parse_link, unquoted
from interviewkit.notes.typed_dates import (
    DateNotRead,
    Typed,
    calendar_day,
    in_own_zone,
    read_typed,
    time_alone,
    time_in_own_zone,
)
from interviewkit.vocabulary import FIX_TYPED_DATE

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}")
# A date-time with nothing after it, so no offset or zone: `2026-11-27T14:00`.
_WALL_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?")


def _typed_in(text: str, date_order: str, zone: ZoneInfo) -> Typed:
    """`read_typed`, and a time followed by the abbreviation the vault's `zone` has
    then read in that zone (see `typed_dates.in_own_zone`), where another is refused."""
    try:
        return read_typed(text, date_order)
    except DateNotRead:
        if (typed := in_own_zone(text, date_order, zone)) is None:
            raise
        return typed


def parse_when(value: Any, zone: ZoneInfo, date_order: str = "") -> tuple[datetime, bool, str]:
    """A front matter date or date-time as an aware datetime, whether it had a time,
    and what is odd about it ("" when nothing): a wall-clock time the clocks skip
    is read as zoneinfo reads it (02:30 in a one-hour gap is 03:30 after it), and
    one they show twice as its first occurrence."""
    if isinstance(value, datetime):
        moment, has_time = value, True
    elif isinstance(value, date):
        moment, has_time = datetime.combine(value, time(9, 0)), False
    elif isinstance(value, str):
        text = value.strip()
        typed = None
        if _DAY.fullmatch(text):
            moment, has_time = datetime.combine(date.fromisoformat(text), time(9, 0)), False
        elif _DATE_TIME.match(text):
            try:
                moment, has_time = datetime.fromisoformat(text), True
            except ValueError:
                typed = _typed_in(text, date_order, zone)
            else:
                real_offset(moment)
        else:
            typed = _typed_in(text, date_order, zone)  # the grammar, only when ISO fails
        if typed is not None:
            has_time = typed.clock is not None
            moment = (
                typed.moment()  # aware, in the zone named after the time
                if typed.zone
                else datetime.combine(typed.day, typed.clock or time(9, 0))
            )
    else:
        raise ValueError
    in_range(moment.date())
    odd = f"{said(text)} is {typed.warning}" if isinstance(value, str) and typed is not None else ""
    if moment.tzinfo is None:
        kind = wall_clock(moment, zone)
        naive, moment = moment, moment.replace(tzinfo=zone).astimezone(UTC)
        if kind == "gap":
            odd = _also(odd, f"{gap_words(naive, zone)}; read as {moment.astimezone(zone):%H:%M}")
        elif kind == "repeated":
            second = naive.replace(tzinfo=zone, fold=1).isoformat(timespec="minutes")
            odd = _also(
                odd,
                f"{repeat_words(naive, zone)}; read as the first (for the second, write {second})",
            )
    # through UTC: `astimezone` returns a time already in `zone` as it is, unnormalised
    return moment.astimezone(UTC).astimezone(zone), has_time, odd


# A day and a time slot, `2026-12-09 14:00-15:00` or `2026-12-09 14:00 – 15:00`.
# Python's ISO reader takes the second time for a UTC offset (-15:00), which would
# move the interview to another day without a word.
_SLOT = re.compile(
    r"(\d{4}-\d{2}-\d{2})([T ])(\d{1,2}):(\d{2})([ \t]*)([-–])([ \t]*)(\d{1,2})(?::(\d{2}))?"
)


def time_slot(value: Any, zone: tzinfo) -> tuple[str, str] | None:
    """(start, end) as ISO date-times when `value` is a day and a time slot, the end
    after the start; None for anything else. A second time that can be a UTC offset
    (a hyphen, no spaces, up to 12:00) is one after a T, as ISO 8601 reads
    `2026-12-09T14:00-05:00`, and after a space when `zone` is at that offset then
    (`2027-11-07 01:30-05:00`, the second 01:30 in New York); a second time before
    the first is never a slot."""
    if not isinstance(value, str) or len(value) < 19:  # most values: a plain date-time
        return None
    match = _SLOT.fullmatch(value.strip())
    if match is None:
        return None
    day, sep, hour, minute, before, dash, after, end_hour, end_minute = match.groups("00")
    start, end = (int(hour), int(minute)), (int(end_hour), int(end_minute))
    if not (start < end < (24, 0) and minute < "60" and end_minute < "60"):
        return None
    first = f"{day}T{start[0]:02d}:{minute}"
    if dash == "-" and not before + after and len(end_hour) == 2 and end <= (12, 0):
        offset = -timedelta(hours=end[0], minutes=end[1])
        naive = datetime.fromisoformat(first)
        if sep == "T" or offset in {naive.replace(tzinfo=zone, fold=f).utcoffset() for f in (0, 1)}:
            return None
    return first, f"{day}T{end[0]:02d}:{end_minute}"


# The UTC offsets places use run from -12:00 to +14:00, in quarter hours.
_OFFSETS = (timedelta(hours=-12), timedelta(hours=14))


def real_offset(moment: datetime) -> None:
    """Nothing, or DateNotRead when `moment` has a UTC offset no place uses
    (`2026-12-09 14:00-15` is a time slot to a person, and 14:00 at UTC-15:00 to
    Python)."""
    offset = moment.utcoffset()
    if offset is None:
        return
    if _OFFSETS[0] <= offset <= _OFFSETS[1] and not offset % timedelta(minutes=15):
        return
    sign, size = ("-", -offset) if offset < timedelta(0) else ("+", offset)
    hours, rest = divmod(int(size.total_seconds()) // 60, 60)
    raise DateNotRead(
        f"has a UTC offset no place uses ({sign}{hours:02d}:{rest:02d}); write the place's "
        "offset, like +01:00, or leave it out to use the vault's timezone setting"
    )


def end_on_start_day(value: Any, day: date, zone: tzinfo | None = None) -> Typed | None:
    """An `end` written as a time alone (`15:00`, `3pm`), read on the day of start;
    with `zone`, the zone the end is read in, also one followed by the abbreviation
    that zone has then (`3pm PST` in Los Angeles)."""
    if not isinstance(value, str) or len(value) > 16:  # an ISO date and time is longer
        return None
    clock = time_alone(value) if len(value) <= 12 else None
    if clock is not None:
        return Typed(day, clock, on_start_day=True)
    own = time_in_own_zone(value, day, zone) if zone is not None else None
    return None if own is None else Typed(day, own[0], on_start_day=True, own_zone=own[1])


# A length of time as people write it for an interview's `end`: `90 min`, `1h`,
# `1.5 hours`, `1h30`, `1 Std.`, `45 Minuten`.
_DURATION = re.compile(
    r"(?:(?P<hours>\d{1,2}(?:[.,]\d{1,2})?)[ \t]*(?:h|hrs?|hours?|std\.?|stunden?)"
    r"(?:[ \t]*(?P<and>\d{1,2})[ \t]*(?:m|mins?|minutes?|minuten)?)?"
    r"|(?P<minutes>\d{1,3})[ \t]*(?:m|mins?|minutes?|minuten))",
    re.I,
)


def duration_of(value: Any) -> timedelta | None:
    """The length of time `value` writes (`90 min`, `1h30`), if that is all it is."""
    if not isinstance(value, str) or len(value) > 24 or "-" in value or ":" in value:
        return None  # an ISO end, most often: no search
    match = _DURATION.fullmatch(value.strip())
    if match is None:
        return None
    if match["minutes"]:
        minutes = int(match["minutes"])
    else:
        minutes = round(float(match["hours"].replace(",", ".")) * 60) + int(match["and"] or 0)
    return timedelta(minutes=minutes) if 0 < minutes <= 24 * 60 else None


def written_zone(value: Any, zone: tzinfo) -> tzinfo:
    """The zone a start was written in: its UTC offset (`2026-12-09T10:00-05:00`) or the
    zone named after its time (`10:00 America/New_York`), else the vault's `zone`. An
    end written without one is read in it, as the person who wrote both meant."""
    if isinstance(value, datetime):
        return value.tzinfo or zone
    if not isinstance(value, str) or _WALL_TIME.fullmatch(value):  # most starts
        return zone
    if _DATE_TIME.match(text := value.strip()):
        try:
            return datetime.fromisoformat(text).tzinfo or zone
        except ValueError:
            pass
    try:
        named = read_typed(text).zone
    except ValueError:
        return zone
    return ZoneInfo(named) if named else zone


def end_of_length(value: Any, start: datetime, zone: tzinfo) -> datetime | None:
    """The end that an `end` written as a length of time gives (`90 min`: the start
    plus 90 minutes); None when it is no length of time, or when it also reads as a
    time after the start (`15h` is 15:00, though `1h` is an hour)."""
    span = duration_of(value)
    if span is None:
        return None
    alone = end_on_start_day(value, start.date())
    if alone is not None:
        try:
            if parse_when(alone.iso, zone)[0].timestamp() > start.timestamp():
                return None
        except ValueError:
            pass
    return later(start, span)


def typed_fix(value: Any, date_order: str, zone: ZoneInfo | None = None) -> str:
    """FIX_TYPED_DATE when `check --fix` rewrites `value` to ISO (see `typed_form`): not
    when its weekday and its date disagree, as only the user knows which is right."""
    return fix_of(typed_form(value, date_order, zone))


def fix_of(typed: Typed | None) -> str:
    """`typed_fix` for a value already read by the grammar."""
    return FIX_TYPED_DATE if typed is not None and not typed.other_weekday else ""


def item_warning(typed: Typed) -> str:
    """`Typed.warning` for a list item, which has no room for a comment."""
    if not typed.words:
        return typed.warning
    return (
        f"read as {typed.iso}, leaving out {said(typed.words)}; write `{typed.iso}` alone (a "
        "list of dates is no place for words: keep them in the note's body)"
    )


def _also(first: str, second: str) -> str:
    return f"{first}; {second}" if first else second


def parse_day(value: Any, date_order: str = "") -> date:
    """A front matter date (a date-time keeps its day), or ValueError (DateNotRead
    with what to write, for text the grammar refuses). ISO first; the grammar of
    `notes.typed_dates` only when that fails."""
    if isinstance(value, datetime):
        return in_range(value.date())
    if isinstance(value, date):
        return in_range(value)
    if isinstance(value, str):
        text = value.strip()
        if _DAY.fullmatch(text):
            try:
                day = date.fromisoformat(text)
            except ValueError:
                day = calendar_day(*map(int, text.split("-")))  # raises, saying why
            return in_range(day)
        if _DATE_TIME.match(text):
            try:
                return in_range(datetime.fromisoformat(text).date())
            except ValueError:
                pass
        return in_range(read_typed(text, date_order).day)
    raise ValueError


_LIST_SEPARATOR = re.compile(r"[,;]")


def dates_on_one_line(value: Any, date_order: str = "") -> list[str] | None:
    """The dates of a list written without its brackets, as people type one
    (`followed_up: 2026-11-28, 2026-11-30`): two or more parts between commas or
    semicolons, each a date `parse_day` reads; else None (`Dec 9, 2026` is one
    date, as its parts are not dates)."""
    if not isinstance(value, str) or not _LIST_SEPARATOR.search(value):
        return None
    parts = [part.strip() for part in _LIST_SEPARATOR.split(value)]
    if len(parts) < 2 or not all(parts):
        return None
    try:
        for part in parts:
            parse_day(part, date_order)
    except ValueError:
        return None
    return parts


def typed_form(value: Any, date_order: str = "", zone: ZoneInfo | None = None) -> Typed | None:
    """How the grammar read a date written in another form than ISO (None for ISO,
    for values that are not text, and for text it does not read); with the vault's
    `zone`, a time followed by its abbreviation is read too (see `_typed_in`)."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _DAY.fullmatch(text) or (_DATE_TIME.match(text) and _iso_moment(text)):
        return None
    try:
        return read_typed(text, date_order) if zone is None else _typed_in(text, date_order, zone)
    except ValueError:
        return None


def day_form(value: Any, date_order: str = "") -> Typed | None:
    """`typed_form` for a key that holds a day (`follow_up_on`, `thank_you_sent`): a
    time written after the date joins the words left out, so `3.12.2026 14:00` is
    to be written `2026-12-03 # 14:00`, as a date property holds a day alone."""
    typed = typed_form(value, date_order)
    if typed is None or typed.clock is None:
        return typed
    said_time = " ".join((f"{typed.clock:%H:%M}", typed.zone, typed.words)).split()
    return replace(typed, clock=None, zone="", words=" ".join(said_time))


def _iso_moment(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def text_value(value: Any) -> str | None:
    """A text key's value as text ("" when empty); None for a list or a mapping."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value).strip()
    if isinstance(value, date):
        return value.isoformat()
    return None


# Values of `thank_you_sent` that count as sent without an error, though not a date.
SENT_WORDS = re.compile(r"(?i)(?:true|yes|x|sent|done)")
# Values of `thank_you_sent` that say it is not sent yet (compared without case or
# the spaces and `.!?` around them): read as empty, so the reminder stays.
_NOT_SENT = frozenset(
    {"", "false", "no", "-", "none", "null", "~", "n", "nope", "not yet", "not sent", "todo",
     "to do", "pending", "tbd", "open", "later", "nein", "noch nicht", "offen", "ausstehend"}
)  # fmt: skip

# What people write in a date key for a day they do not know yet (compared without
# case or the spaces around them): read as absent, with a warning to leave it empty.
NOT_KNOWN = frozenset(
    {"tbd", "tba", "tbc", "?", "??", "-", "--", "unknown", "n/a", "na", "none", "not yet",
     "pending", "open", "later", "offen", "unbekannt", "noch offen", "k.a."}
)  # fmt: skip


def not_read(exc: ValueError, example: str) -> str:
    """Why a date was not read: out of range, what the grammar says, or not a date."""
    if isinstance(exc, OutOfRange):
        return f"is a {exc}"
    if isinstance(exc, DateNotRead):
        return str(exc)
    return f"is not a date (write it like {example})"


def said(value: Any) -> str:
    """A value as messages quote it (`repr`), cut short when it is long: a value pasted
    by mistake (a whole mail, a long number) must not flood the terminal."""
    text = repr(value)
    if len(text) <= 80:
        return text
    whole = value if isinstance(value, str) else text
    return f"{whole[:60] + '…'!r} ({len(whole)} characters)"


def as_written(value: Any) -> str:
    """A front matter value as the text it was written as, for messages."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def thank_you_mark(raw: Any, date_order: str = "") -> tuple[date | None, bool]:
    """`thank_you_sent` as (the day, if readable; whether it counts as sent).

    A readable date, `true`, `yes`, `x` or any other text counts as sent; empty,
    null, `false`, `no`, `-` and words that say it is still to do (`not yet`,
    `TODO`, `pending`) do not.
    """
    if raw is None or raw is False:
        return None, False
    if raw is True:
        return None, True
    try:
        return parse_day(raw, date_order), True
    except ValueError:
        return None, as_written(raw).casefold().strip(" \t.!?") not in _NOT_SENT


def linked_day(value: Any) -> tuple[str, bool] | None:
    """(the ISO day, whether quoted) when `value` is a link to a daily note, as
    Obsidian users often write a date: `"[[2026-12-04]]"`, `"[[Daily/2026-12-04|Fri]]"`,
    or the same without quotes, which YAML reads as a list."""
    if isinstance(value, str):
        if not value.lstrip().startswith("[["):  # most values: no link at all
            return None
        written = None
    elif (written := unquoted(value)) is None:
        return None
    link = parse_link(written or value)
    if link is None:
        return None
    name = link.target.split("#", 1)[0].rsplit("/", 1)[-1].removesuffix(".md").strip()
    return (name, written is None) if _DAY.fullmatch(name) else None
