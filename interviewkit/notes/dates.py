"""Dates and times: the years interviewkit works with, and wall clocks across
daylight-saving changes.

Dates outside the years are errors, never crashes.

A note that says `decision_by: 9999-12-31` (a natural "never") would otherwise
make date arithmetic overflow; bounding every date read keeps every sum in range.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo

FIRST_YEAR, LAST_YEAR = 1900, 2200
# Interviews are seldom set, and answers seldom promised, further ahead than this: a
# day beyond it is more likely a typo in the year (2027 for 2026), which would hold
# back the reminders that depend on it as long.
FAR_AHEAD_DAYS = 183


class OutOfRange(ValueError):
    """A date that reads, but lies outside the years interviewkit works with."""


def in_range(day: date) -> date:
    """`day`, or OutOfRange when it is before 1900 or after 2200."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise OutOfRange(f"date out of range ({FIRST_YEAR} to {LAST_YEAR})")
    return day


def later(moment: datetime, delta: timedelta) -> datetime:
    """`moment` plus `delta` of real elapsed time, in `moment`'s zone.

    Python adds a timedelta to an aware datetime on the wall clock, so across a
    daylight-saving change an hour-long interview would last two hours or none.
    """
    return (moment.astimezone(UTC) + delta).astimezone(moment.tzinfo)


def wall_clock(naive: datetime, zone: tzinfo) -> str | None:
    """What is odd about a wall-clock time in `zone`: "gap" when the clocks skip it,
    "repeated" when they show it twice, else None."""
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    back = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    return "repeated" if back == naive else "gap"


def gap_words(naive: datetime, zone: tzinfo) -> str:
    """`02:30 does not exist on 2026-03-29 in Europe/Berlin; clocks go from 02:00 to 03:00`."""
    first = naive.replace(tzinfo=zone, fold=0)
    jump = naive.replace(tzinfo=zone, fold=1).utcoffset() - first.utcoffset()
    start = naive.replace(second=0, microsecond=0)
    while wall_clock(start - timedelta(minutes=1), zone) == "gap":
        start -= timedelta(minutes=1)
    return (
        f"{naive:%H:%M} does not exist on {naive:%Y-%m-%d} in {zone}; clocks go from "
        f"{start:%H:%M} to {start + jump:%H:%M}"
    )


def repeat_words(naive: datetime, zone: tzinfo) -> str:
    """`02:30 on 2026-10-25 happens twice in Europe/Berlin (+02:00, then +01:00)`."""
    offsets = [naive.replace(tzinfo=zone, fold=fold).isoformat()[-6:] for fold in (0, 1)]
    return (
        f"{naive:%H:%M} on {naive:%Y-%m-%d} happens twice in {zone} "
        f"({offsets[0]}, then {offsets[1]})"
    )


def wall_text(moment: datetime) -> str:
    """`2026-11-27T14:00` in the moment's own zone, the year always in four digits;
    with its offset (`2026-10-25T02:30+01:00`) only when the clocks show that wall
    time twice, as nothing else could say which one is meant."""
    wall = moment.replace(tzinfo=None)
    text = f"{wall.year:04d}-{wall.month:02d}-{wall.day:02d}T{wall.hour:02d}:{wall.minute:02d}"
    if moment.tzinfo is not None and wall_clock(wall, moment.tzinfo) == "repeated":
        text += moment.isoformat()[-6:]
    return text
