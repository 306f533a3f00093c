"""Contract keys written under another name (`date:` and `time:` for `start`,
`duration:` for `end`, `interviewers:` for `people`): which of them `check --fix`
writes under the contract's own name, and as what.

A synonym is renamed only when the front matter lacks the key it stands for in any
case: beside a `people: []` an `interviewers:` list may be the user's own business,
and which of the two is right is theirs to say. Outcomes are never renamed, as a
`status:` is as often the user's own pipeline (`status: applied`) as an outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from interviewkit.notes.contract import SYNONYMS
from interviewkit.notes.dates import later, wall_text
from interviewkit.notes.values import (
    as_written,
    duration_of,
    end_on_start_day,
    parse_when,
    written_zone,
)

# Keys holding the time of day of a `date:` beside them.
TIME_KEYS = ("time", "uhrzeit")
# Keys holding how long the interview lasts, in minutes when written as a number alone.
LENGTH_KEYS = frozenset({"duration", "length", "dauer"})
_KEPT = frozenset({"outcome"})


@dataclass(frozen=True)
class Rename:
    """One synonym to write under its contract key: `written` is the value written in
    its place (None keeps the value as it is), `merged` a key whose line goes with it
    (the `time:` whose time is now in `start`)."""

    key: str
    meant: str
    written: str | None = None
    merged: str | None = None

    @property
    def said(self) -> str:
        """What `check --fix` says it did."""
        if self.written is None:
            return f"renamed {self.key} to {self.meant}"
        both = f"{self.key} and {self.merged}" if self.merged else self.key
        return f"{both} written as `{self.meant}: {self.written}`"

    @property
    def offer(self) -> str:
        """What a warning says `check --fix` would do."""
        if self.written is None:
            return "`check --fix` renames it"
        return f"`check --fix` writes `{self.meant}: {self.written}` in its place"


def renames(values: dict[str, Any], zone: ZoneInfo, date_order: str) -> dict[str, Rename]:
    """Each contract key the front matter holds only under a synonym -> how to write
    it under its own name; the first synonym in the note counts. A `start` or an
    `end` whose value cannot be read as one is left for the user. A `start` of a day
    alone takes the `time:` beside it (see `time_beside_start`)."""
    written = {key.casefold() for key in values if isinstance(key, str)}
    plan: dict[str, Rename] = {}
    if (beside := time_beside_start(values, zone, date_order)) is not None:
        plan["start"] = beside
    ends_last = sorted(
        values.items(), key=lambda item: SYNONYMS.get(str(item[0]).casefold()) == "end"
    )
    for key, value in ends_last:  # an end counts from a start perhaps renamed too
        meant = SYNONYMS.get(key.casefold()) if isinstance(key, str) else None
        if meant is None or meant in _KEPT or meant in written or meant in plan:
            continue
        if value is None or value == "" or value == []:
            continue
        if meant == "start":
            rename = _start(key, values, zone, date_order)
        elif meant == "end":
            rename = _end(key, values, plan.get("start"), zone, date_order)
        else:
            rename = Rename(key, meant)
        if rename is not None:
            plan[meant] = rename
    return plan


def time_beside_start(values: dict[str, Any], zone: ZoneInfo, date_order: str) -> Rename | None:
    """A `start` of a day alone and the `time:` beside it, written as one ISO start;
    None for any other."""
    start, time_key = values.get("start"), time_key_of(values)
    if time_key is None or start is None or start == "":
        return None
    try:
        if parse_when(start, zone, date_order)[1]:
            return None  # it has a time of its own
        moment, has_time, _ = parse_when(
            f"{as_written(start)} {as_written(values[time_key])}", zone, date_order
        )
    except (ValueError, TypeError):
        return None
    return Rename("start", "start", wall_text(moment), time_key) if has_time else None


def time_key_of(values: dict[str, Any]) -> str | None:
    """The key holding a time of day beside a day (`time:`), if one holds anything."""
    return next(
        (k for k in values if isinstance(k, str) and k.casefold() in TIME_KEYS and values[k]),
        None,
    )


def start_under(
    key: str, time_key: str | None, values: dict[str, Any], zone: ZoneInfo, date_order: str
) -> tuple[datetime, bool]:
    """The start a day held under another key (`date:`) gives with the `time:` beside
    it (`time_key`, see `time_key_of`), and whether it has a time; ValueError when
    they do not read as one."""
    clock = as_written(values[time_key]) if time_key else ""
    moment, has_time, _ = parse_when(f"{as_written(values[key])} {clock}".strip(), zone, date_order)
    return moment, has_time


def _start(key: str, values: dict[str, Any], zone: ZoneInfo, date_order: str) -> Rename | None:
    """A `date:` renamed `start`; with a `time:` beside it, the two written as one ISO
    start. None when they do not read as a start."""
    time_key = time_key_of(values)
    try:
        moment, has_time = start_under(key, time_key, values, zone, date_order)
    except ValueError:
        return None
    if time_key is None:
        return Rename(key, "start")  # as written: the typed-date repair then writes ISO
    if not has_time:
        return None
    return Rename(key, "start", wall_text(moment), time_key)


def _end(
    key: str, values: dict[str, Any], start_rename: Rename | None, zone: ZoneInfo, date_order: str
) -> Rename | None:
    """A `duration:` written as the end it gives, or an `end_time:` renamed `end`.
    None without a start to count from, or a value that reads as no end."""
    value = values[key]
    if start_rename is not None:
        start_value = start_rename.written or values[start_rename.key]
    else:
        start_value = values.get("start")
    try:
        start = parse_when(start_value, zone, date_order)[0]
    except (ValueError, TypeError):
        return None
    number = as_written(value).isdecimal() and not isinstance(value, bool)
    span = duration_of(f"{as_written(value)} min" if number else value)  # `45`: minutes
    if key.casefold() in LENGTH_KEYS or span is not None:
        if span is None:
            return None
        own = written_zone(start_value, zone)  # an end is read in the start's zone
        return Rename(key, "end", wall_text(later(start, span).astimezone(own)))
    return Rename(key, "end") if _reads_as_end(value, start.date(), zone, date_order) else None


def _reads_as_end(value: Any, day: date, zone: ZoneInfo, date_order: str) -> bool:
    """Whether `value` is a date-time, or a time on the start's day (`15:00`)."""
    if end_on_start_day(value, day, zone) is not None:
        return True
    try:
        return parse_when(value, zone, date_order)[1]
    except (ValueError, TypeError):
        return False
