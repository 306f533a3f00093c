"""Dates and times as people type them, from a closed grammar.

ISO 8601 (`2026-12-09`, `2026-12-09T14:30`) is what Obsidian, Dataview and Bases
read, and is read without a word. This grammar runs only when that fails, and
reads a few more forms, each with a warning that says how to write it:

- `2026-12-9`, `2026/12/09`, `2026.12.09` (year first), `20261209` (ISO's basic form);
- `9.12.2026` (day.month.year, as written in German-speaking countries);
- `9 Dec 2026`, `Dec 9, 2026`, `December 9th 2026`, `Wed, Dec 9, 2026`;
- `9. Dezember 2026`, `9. Dez. 2026`, `Mittwoch, 9. Dezember 2026`, `9. März 2026`;
- after a date, a time: `14:30`, `2:30pm`, `14:30 Uhr`, `14.30 Uhr`, `14.30`, `14:30h`,
  `14h30`, `14h`, a bare hour after `at` or `um` (`at 11`, `um 14`), and `noon`
  (`12 noon`, `mittags`);
- `12/9/2026` only with the setting `date_order: dmy` or `mdy`.

A date either way may be followed by words without digits, as in `2026-12-04
(they said)`: the date is read, with a warning that the words are left out and
belong after ` # `, where YAML keeps them as a comment.

It refuses what it would have to guess: a date without a year, a two-digit
year, and words such as `tomorrow` or `next Friday`. Nothing here guesses, unlike
python-dateutil, which fills in a missing year and picks an order for 12/9/2026.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, tzinfo

MONTHS = {
    **dict.fromkeys(("jan", "january", "januar", "jän", "jänner"), 1),
    **dict.fromkeys(("feb", "february", "februar"), 2),
    **dict.fromkeys(("mar", "march", "mär", "märz", "mrz", "maerz"), 3),
    **dict.fromkeys(("apr", "april"), 4),
    **dict.fromkeys(("may", "mai"), 5),
    **dict.fromkeys(("jun", "june", "juni"), 6),
    **dict.fromkeys(("jul", "july", "juli"), 7),
    **dict.fromkeys(("aug", "august"), 8),
    **dict.fromkeys(("sep", "sept", "september"), 9),
    **dict.fromkeys(("oct", "october", "okt", "oktober"), 10),
    **dict.fromkeys(("nov", "november"), 11),
    **dict.fromkeys(("dec", "december", "dez", "dezember"), 12),
}
WEEKDAY_NUMBERS = {
    **dict.fromkeys(("mon", "monday", "mo", "montag"), 0),
    **dict.fromkeys(("tue", "tues", "tuesday", "di", "dienstag"), 1),
    **dict.fromkeys(("wed", "wednesday", "mi", "mittwoch"), 2),
    **dict.fromkeys(("thu", "thur", "thurs", "thursday", "do", "donnerstag"), 3),
    **dict.fromkeys(("fri", "friday", "fr", "freitag"), 4),
    **dict.fromkeys(("sat", "saturday", "sa", "samstag", "sonnabend"), 5),
    **dict.fromkeys(("sun", "sunday", "so", "sonntag"), 6),
}  # Monday is 0, as `date.weekday` counts
WEEKDAYS = frozenset(WEEKDAY_NUMBERS)
RELATIVE = frozenset(
    (
        "today", "tomorrow", "yesterday", "next", "last", "this", "in", "ago", "week", "weeks",
        "heute", "morgen", "gestern", "übermorgen", "nächsten", "nächste", "kommenden",
    )
)  # fmt: skip
ORDERS = ("dmy", "mdy")

_MONTH = r"(?P<month>[A-Za-zÄÖÜäöü]{3,9})\.?"
_TIME = re.compile(
    r"(?:^|[\sT,]+)(?P<at>um\s+|at\s+|à\s+)?(?P<hour>\d{1,2})"
    r"(?:(?P<sep>[:.h])(?P<minute>\d{2})h?|(?P<hours>h))?\s*(?P<suffix>[ap]\.?m\.?|uhr)?$",
    re.I,
)
_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.I))
    for name, pattern in (
        ("ymd", r"(?P<year>\d{4})[-/.](?P<mon>\d{1,2})[-/.](?P<day>\d{1,2})"),
        ("basic", r"(?P<year>\d{4})(?P<mon>\d{2})(?P<day>\d{2})"),
        ("dmy-dots", r"(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})"),
        ("short-year", r"\d{1,2}\.\d{1,2}\.\d{2}|\d{1,2}/\d{1,2}/\d{2}"),
        ("no-year-dots", r"(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.?"),
        ("slashes", r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})"),
        ("day-month", rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+{_MONTH},?\s+(?P<year>\d{{4}})"),
        ("month-day", rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"),
        ("no-year-words", rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+{_MONTH}"),
        ("no-year-words", rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"),
    )
)  # fmt: skip
_WEEKDAY = re.compile(r"^(?P<word>[A-Za-zäöü]{2,10})\.?,?\s+")
# Noon after a date (`at noon`, `12 noon`, `12 Uhr mittags`). Midnight is not read: it
# could be the start or the end of the day written, so it is left to the user.
_NOON = re.compile(
    r"(?:[\s,T]+(?:at|um))?(?:[\s,T]+12(?:[:.]00)?(?:\s*uhr)?)?[\s,T]+(?:noon|midday|mittags?)\.?$",
    re.I,
)


class DateNotRead(ValueError):
    """A value that is not a date this grammar reads, with what to write instead."""


@dataclass(frozen=True)
class Typed:
    """A date (and maybe a time) read from a non-ISO form, and its ISO spelling."""

    day: date
    clock: time | None
    words: str = ""  # what followed the date and was left out
    on_start_day: bool = False  # a time alone, read on the day of `start`
    zone: str = ""  # the time zone named after the time (`14:00 America/New_York`)
    other_weekday: str = ""  # a weekday written before the date that is not its own
    own_zone: str = ""  # the vault's zone, named by the abbreviation it has then (`PST`)

    @property
    def iso(self) -> str:
        """`2026-12-09`, `2026-12-09T14:30`, or with the UTC offset of the zone named
        (`2026-12-09T14:30-05:00`): what Obsidian needs."""
        if self.clock is None:
            return self.day.isoformat()
        moment = self.moment()
        return moment.isoformat(timespec="minutes")  # type: ignore[call-arg]

    @property
    def fixed(self) -> str:
        """The value as it should be written: the ISO date, with the words left out
        kept as a YAML comment after it."""
        return f"{self.iso} # {self.words}" if self.words else self.iso

    @property
    def warning(self) -> str:
        """What `check` says of the form: how it was read, and what to write."""
        if self.other_weekday:
            return (
                f"read as {self.iso}, a {self.day:%A}, though it says {self.other_weekday}: "
                f"check which day is meant, and write its date alone (like {self.iso}); "
                "`check --fix` leaves it to you"
            )
        if self.on_start_day:
            own = f", in the vault's time zone, which {self.own_zone} stands for" * bool(
                self.own_zone
            )
            return (
                f"a time alone{own}: read as {self.iso}, on the day of start; Obsidian, "
                f"Dataview and Bases need `{self.iso}`"
            )
        if self.zone:
            return (
                f"read as {self.clock:%H:%M} in {self.zone}, {self.iso}; Obsidian, Dataview "
                f"and Bases need `{self.iso}`"
            )
        if self.own_zone:
            return (
                f"read as {self.iso} in the vault's time zone, which {self.own_zone} stands "
                f"for; Obsidian, Dataview and Bases need `{self.iso}` (the zone left out, as "
                "it is the vault's)"
            )
        if self.words:
            return (
                f"read as {self.iso}, leaving out {self.words!r}; write `{self.fixed}`: "
                "Obsidian, Dataview and Bases need the date alone, and YAML keeps the "
                "words after ` #` as a comment"
            )
        return f"read as {self.iso}; Obsidian, Dataview and Bases need `{self.iso}`"

    def moment(self) -> datetime | date:
        """The day, or the time: aware in the zone named, else naive."""
        if self.clock is None:
            return self.day
        if self.zone:
            from zoneinfo import ZoneInfo

            return datetime.combine(self.day, self.clock, ZoneInfo(self.zone))
        return datetime.combine(self.day, self.clock)


def _plain(text: str) -> str:
    """`text` as the grammar reads it: without the quotes around it, each run of
    blanks one space."""
    return " ".join(text.strip().strip("\"'").split())


def read_typed(text: str, date_order: str = "") -> Typed:
    """Read `text` by the grammar above, or DateNotRead saying what is wrong."""
    value = _plain(text)
    try:
        return _read_form(value, date_order)
    except DateNotRead:
        raise
    except ValueError:
        typed = _before_words(value, date_order)
        if typed is None:
            raise
        return typed


def _before_words(value: str, date_order: str) -> Typed | None:
    """The date that `value` starts with, when words without digits follow it. The
    longest start the grammar knows decides: read, or DateNotRead when it refuses it
    (so `14:00 CET (from the mail)` is not read as 14:00 without its zone)."""
    for cut in reversed([space.start() for space in re.finditer(r"\s", value[:61])]):
        words = value[cut:].strip()
        if not words or any(ch.isdigit() for ch in words):
            continue
        try:
            typed = _read_form(value[:cut].rstrip(" ,;:-–—"), date_order)
        except DateNotRead:
            raise
        except ValueError:
            continue
        if typed.clock is not None and words in _UTC_NAMES:  # `14:00 UTC`
            return replace(typed, zone="UTC")
        if typed.clock is not None and _ZONE_NAME.fullmatch(words):  # `14:00 America/New_York`
            if not _is_zone(words):
                raise DateNotRead(
                    f"names a time zone this machine does not know ({words}); write its "
                    f"name as the tz database does, like America/New_York, or the offset, "
                    f"like {typed.iso}+01:00"
                )
            return replace(typed, zone=words)
        return replace(typed, words=words)
    return None


# A time zone's name in the tz database: Area/Location, like Europe/Berlin.
_ZONE_NAME = re.compile(r"[A-Za-z][A-Za-z_-]*(?:/[A-Za-z][A-Za-z_-]*)+")


def _is_zone(name: str) -> bool:
    """Whether `name` is a time zone this machine knows, like Europe/Berlin."""
    from interviewkit.config import is_zone

    return is_zone(name)


def _read_form(value: str, date_order: str) -> Typed:
    """`value`, spaces already collapsed, read as one of the grammar's forms."""
    if len(value) > 60:  # no date is this long; and the patterns stay linear on any input
        raise ValueError(value[:60])
    words = {word.strip(".,").casefold() for word in value.split()}
    undated = not any(ch.isdigit() for ch in value[-4:])
    if undated and (words & RELATIVE or words <= WEEKDAYS):  # `next Friday`, `Friday`
        raise DateNotRead("is a relative date; write the day itself, like 2026-12-09")
    weekday = _WEEKDAY.match(value)
    named = ""
    if weekday and weekday.group("word").casefold() in WEEKDAYS:
        named = weekday.group("word")
        value = value[weekday.end() :]
    clock = None
    if noon := _NOON.search(value):
        clock, value = time(12), value[: noon.start()]
    elif (timed := _TIME.search(value)) and timed.start() > 0 and _after_a_date(timed):
        clock = _clock(timed)
        value = value[: timed.start()].rstrip(" ,T")
    for name, pattern in _FORMS:
        match = pattern.fullmatch(value)
        if match:
            day = _day(name, match, date_order)
            if named and WEEKDAY_NUMBERS[named.casefold()] != day.weekday():
                return Typed(day, clock, other_weekday=named)
            return Typed(day, clock)
    _refuse_zone_word(value, date_order)
    raise ValueError(value)  # no form of the grammar: the caller says what to write


def time_alone(value: object) -> time | None:
    """The time of day `value` is when it is a time and nothing else (`15:00`, `3pm`,
    `15.30 Uhr`, `15h`), else None: what people write as an interview's end."""
    if not isinstance(value, str):
        return None
    timed = _TIME.fullmatch(_plain(value))
    if timed is None or not _names_a_time(timed):
        return None
    try:
        return _clock(timed)
    except DateNotRead:
        return None


def _names_a_time(timed: re.Match[str]) -> bool:
    """Whether a `_TIME` match says it is a time (`14:30`, `14h`, `2pm`, `14 Uhr`, `at
    11`, `um 14`), not a bare number that may be part of a date."""
    return timed["sep"] in (":", "h", "H") or bool(timed["hours"] or timed["suffix"] or timed["at"])


def _after_a_date(timed: re.Match[str]) -> bool:
    """Whether a `_TIME` match after a date says it is a time: as `_names_a_time`, or
    hours and minutes parted by a dot (`2026-12-09 14.00`), which alone could be a
    day and month (`12.12`), but not after a date."""
    return _names_a_time(timed) or timed["sep"] == "."


# A zone named by letters after a time (`14:00 CET`, `2pm PST`, `9:30 UTC`).
_ZONE_WORD = re.compile(r"\s+(?P<zone>[A-Z]{2,5})$")
# Names of UTC, which is one offset all year (unlike CET or PST): read as a zone's
# name after a time is.
_UTC_NAMES = frozenset(("UTC", "GMT", "Z"))
# Where the common abbreviations are used, named as the tz database names a place
# there: what to write instead of the abbreviation, which changes with the seasons.
_PLACES = {
    **dict.fromkeys(("PST", "PDT", "PT"), "America/Los_Angeles"),
    **dict.fromkeys(("MST", "MDT", "MT"), "America/Denver"),
    **dict.fromkeys(("CST", "CDT", "CT"), "America/Chicago"),
    **dict.fromkeys(("EST", "EDT", "ET"), "America/New_York"),
    **dict.fromkeys(("CET", "CEST", "MEZ", "MESZ"), "Europe/Berlin"),
    **dict.fromkeys(("WET", "WEST"), "Europe/Lisbon"),
    **dict.fromkeys(("EET", "EEST"), "Europe/Athens"),
    **dict.fromkeys(("BST",), "Europe/London"),
    **dict.fromkeys(("AEST", "AEDT"), "Australia/Sydney"),
}


def in_own_zone(text: str, date_order: str, local: tzinfo) -> Typed | None:
    """`text`, a date and time followed by a zone's abbreviation, read as a time in
    `local` (the vault's zone) when that is the abbreviation `local` has then, or its
    season's twin (`14:00 PST`, `PDT` or `PT` in a Los Angeles vault, `MEZ` in a Berlin
    one): written where the vault is, it names no other offset than the vault's. None
    for any other text; DateNotRead when the date itself is wrong."""
    if (abbreviated := _abbreviated(_plain(text))) is None:
        return None
    before, written = abbreviated
    try:
        typed = _read_form(before, date_order)
    except DateNotRead:
        raise
    except ValueError:
        return None
    if typed.clock is None:
        return None
    if not _own_abbreviation(written, local, datetime.combine(typed.day, typed.clock)):
        return None
    return replace(typed, own_zone=written)


def time_in_own_zone(value: object, day: date, local: tzinfo) -> tuple[time, str] | None:
    """A time alone followed by the abbreviation `local` has at that time on `day`, or
    its season's twin (`3pm PST` in a Los Angeles vault): the time and the
    abbreviation, as `in_own_zone` reads a date and time; None for anything else."""
    if not isinstance(value, str) or not value.rstrip()[-1:].isalpha():
        return None  # an ISO end ends in a digit: no search
    if (abbreviated := _abbreviated(_plain(value))) is None:
        return None
    before, written = abbreviated
    clock = time_alone(before)
    if clock is None or not _own_abbreviation(written, local, datetime.combine(day, clock)):
        return None
    return clock, written


def _abbreviated(value: str) -> tuple[str, str] | None:
    """(what comes before it, the abbreviation) for a `value` that ends in a zone's
    abbreviation (`14:00 CET`, `2pm PST`); None for any other, and for AM, PM and
    the names of UTC, which are read as they are."""
    found = _ZONE_WORD.search(value)
    if found is None or found["zone"] in ("AM", "PM") or found["zone"] in _UTC_NAMES:
        return None
    return value[: found.start()], found["zone"]


def _own_abbreviation(written: str, local: tzinfo, wall: datetime) -> bool:
    """Whether `written` (`PST`) is the abbreviation `local` has at the `wall` time,
    or its season's twin (`PDT`, `PT`)."""
    twins = {name for name, place in _PLACES.items() if place == _PLACES.get(written)}
    return local.tzname(wall) in twins | {written}


def _refuse_zone_word(value: str, date_order: str) -> None:
    """DateNotRead when `value` is a date and time this grammar reads, followed by a
    zone's abbreviation: CET or PST names no single offset as people use it (CET is
    CEST in summer, and PST is often written for Pacific time all year), so it is
    not guessed; the message shows the time with the name of a place that keeps
    that zone, which the grammar reads, or else with an offset."""
    if (abbreviated := _abbreviated(value)) is None:
        return
    before, written = abbreviated
    try:
        typed = read_typed(before, date_order)
    except ValueError:
        return
    if typed.clock is not None:
        place = _PLACES.get(written)
        instead = (
            f"write the name of a place that keeps it, like {typed.day} {typed.clock:%H:%M} "
            f"{place}, or the offset"
            if place
            else f"write the offset, like {typed.iso}+01:00"
        )
        raise DateNotRead(
            f"names its time zone by an abbreviation ({written}), which is not read; "
            f"{instead}, or leave the zone out to use the vault's timezone setting"
        )


def _clock(match: re.Match[str]) -> time:
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    suffix = (match.group("suffix") or "").replace(".", "").casefold()
    if suffix in ("am", "pm"):
        if not 1 <= hour <= 12:
            raise DateNotRead(f"has {hour} with {suffix}; write the time like 14:30")
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if hour > 23 or minute > 59:
        raise DateNotRead("has a time that does not exist; write it like 14:30")
    return time(hour, minute)


def _month(name: str) -> int:
    number = MONTHS.get(name.casefold())
    if number is None:
        raise DateNotRead(f"has {name!r}, which is not a month name; write it like 2026-12-09")
    return number


def _day(name: str, match: re.Match[str], date_order: str) -> date:
    if name == "short-year":
        raise DateNotRead("has a two-digit year; write the year in full, like 2026-12-09")
    if name in ("no-year-dots", "no-year-words"):
        day = int(match.group("day"))
        month = _month(match.group("month")) if name == "no-year-words" else int(match["mon"])
        try:  # a leap year, so that 29 February is a day
            shown = f": YYYY-{date(2000, month, day):%m-%d}"
        except ValueError:
            shown = ", like 2026-12-09"
        raise DateNotRead(f"has no year; add the year{shown}")
    if name == "slashes":
        first, second = int(match.group("a")), int(match.group("b"))
        if date_order not in ORDERS:
            raise DateNotRead(_which_order(int(match.group("year")), first, second))
        day, month = (first, second) if date_order == "dmy" else (second, first)
        if month > 12:
            raise DateNotRead(
                f"has no month {month} in the order `date_order: {date_order}` sets; write "
                "it like 2026-12-09"
            )
    elif name in ("day-month", "month-day"):
        day, month = int(match.group("day")), _month(match.group("month"))
    else:
        day, month = int(match.group("day")), int(match.group("mon"))
    return calendar_day(int(match.group("year")), month, day)


def _which_order(year: int, first: int, second: int) -> str:
    """Why a date with slashes is not read without `date_order`, and how to fix it:
    when only one order can be a month (`25/11/2026`), that order and its day."""
    if first > 12 and second > 12:
        return "has no month in either order; write it like 2026-12-09"
    if first > 12 or second > 12:
        order, day, month = ("dmy", first, second) if first > 12 else ("mdy", second, first)
        iso = calendar_day(year, month, day).isoformat()  # or why it is no day
        return (
            f"is read only with `date_order: {order}` in .interviewkit/config.yaml (the "
            f"other order has no month {max(first, second)}); set it, or write it like {iso}"
        )
    return (
        "could be day/month or month/day; write it like 2026-12-09, or set "
        "`date_order: dmy` or `date_order: mdy` in .interviewkit/config.yaml"
    )


def calendar_day(year: int, month: int, day: int) -> date:
    """The day, or DateNotRead saying why there is none (`2026-11-31`: November has 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        pass
    if 1 <= month <= 12 and day > 28:
        import calendar

        days = calendar.monthrange(year, month)[1]
        raise DateNotRead(
            f"is not a day of the calendar: {calendar.month_name[month]} {year} has {days} "
            "days; write it like 2026-12-09"
        )
    raise DateNotRead("is not a day of the calendar; write it like 2026-12-09")
