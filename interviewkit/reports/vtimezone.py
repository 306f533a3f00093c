"""VTIMEZONE components made from zoneinfo, as RFC 5545 reads them.

An observance's DTSTART is the onset of a change in the local time *before* it
(so DTSTART minus TZOFFSETFROM is the instant of the change). Changes that
follow one yearly rule (a month, the n-th or last weekday, a local time) become
an RRULE, with UNTIL when the rule stops within the span; the others become
RDATEs. Many calendar clients resolve a well-known TZID by name and never read
the component, so `tests/test_vtimezone.py` checks every onset against zoneinfo.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY = timedelta(days=1)
_MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class Change:
    """One change of a zone's offset or name: the instant, and the time before and after."""

    instant: datetime  # UTC
    offset_from: timedelta
    offset_to: timedelta
    name: str
    daylight: bool  # the time after the change is summer time

    @property
    def onset(self) -> datetime:
        """The local time, before the change, at which it happens (naive)."""
        return (self.instant + self.offset_from).replace(tzinfo=None)

    def rule(self) -> tuple[int, str, timedelta]:
        """(month, BYDAY such as `-1SU` or `2SU`, local time of day) of this change."""
        onset = self.onset
        weekday = WEEKDAYS[onset.weekday()]
        last = onset.day + 7 > calendar.monthrange(onset.year, onset.month)[1]
        which = "-1" if last else str((onset.day - 1) // 7 + 1)
        clock = onset - datetime.combine(onset.date(), datetime.min.time())
        return onset.month, which + weekday, clock

    @property
    def kind(self) -> tuple[timedelta, timedelta, str, bool]:
        """Offsets, name and daylight flag: changes alike in these share an observance."""
        return self.offset_from, self.offset_to, self.name, self.daylight


def _state(zone: ZoneInfo, instant: datetime) -> tuple[timedelta, str, bool]:
    local = instant.astimezone(zone)
    dst = local.dst()
    return local.utcoffset(), local.tzname() or "", bool(dst and dst > timedelta(0))


def changes(zone: ZoneInfo, first: date, last: date) -> list[Change]:
    """Every change of `zone` from `first` to `last`, to the minute, in order."""
    found = []
    moment = datetime.combine(first, datetime.min.time(), tzinfo=UTC)
    end = datetime.combine(last, datetime.min.time(), tzinfo=UTC)
    state = _state(zone, moment)
    while moment < end:
        step = min(moment + _DAY, end)
        after = _state(zone, step)
        if after != state:
            low, high = moment, step  # the change is in (low, high]
            while high - low > _MINUTE:
                middle = low + (high - low) / 2
                middle = middle.replace(second=0, microsecond=0)
                if middle <= low:
                    middle = low + _MINUTE
                if _state(zone, middle) == state:
                    low = middle
                else:
                    high = middle
            now = _state(zone, high)
            found.append(Change(high, state[0], now[0], now[1], now[2]))
            state = now
        moment = step
    return found


def _offset_name(change: Change) -> str:
    return "DAYLIGHT" if change.daylight else "STANDARD"


def vtimezone(name: str, first: date, last: date) -> Timezone:
    """The VTIMEZONE of IANA zone `name` for events from `first` to `last`.

    It starts with the time in force at `first` (an onset there, with the same
    offset before and after), then every change up to `last`.
    """
    zone = ZoneInfo(name)
    start = datetime.combine(first, datetime.min.time(), tzinfo=UTC)
    offset, tzname, daylight = _state(zone, start)
    initial = Change(start, offset, offset, tzname, daylight)
    found = changes(zone, first, last)
    component = Timezone()
    component.add("tzid", name)
    component.add_component(_observance(initial, [initial], None))
    for group, until in _groups(found):
        component.add_component(_observance(group[0], group, until))
    return component


def _groups(found: list[Change]) -> list[tuple[list[Change], datetime | bool | None]]:
    """Changes grouped for one observance each: runs of one rule in consecutive years
    (with the UNTIL instant, or None when the run reaches the last year found), and
    the rest by kind (False: written as RDATEs)."""
    by_kind: dict[tuple, list[Change]] = {}
    for change in found:
        by_kind.setdefault(change.kind, []).append(change)
    last_year = max((c.instant.year for c in found), default=0)
    groups: list[tuple[list[Change], datetime | bool | None]] = []
    for same in by_kind.values():
        runs: list[list[Change]] = []
        for change in same:
            run = runs[-1] if runs else None
            if (
                run
                and run[-1].rule() == change.rule()
                and run[-1].onset.year + 1 == change.onset.year
            ):
                run.append(change)
            else:
                runs.append([change])
        loose = [run[0] for run in runs if len(run) == 1]
        for run in runs:
            if len(run) > 1:
                ongoing = run[-1].instant.year >= last_year
                groups.append((run, None if ongoing else run[-1].instant))
        if loose:
            groups.append((loose, False))
    groups.sort(key=lambda pair: pair[0][0].instant)
    return groups


def _observance(
    first: Change, group: list[Change], until: datetime | bool | None
) -> TimezoneStandard | TimezoneDaylight:
    observance = TimezoneDaylight() if first.daylight else TimezoneStandard()
    observance.add("tzname", first.name)
    observance.add("tzoffsetfrom", first.offset_from)
    observance.add("tzoffsetto", first.offset_to)
    observance.add("dtstart", first.onset)
    if until is False:
        if len(group) > 1:
            observance.add("rdate", [change.onset for change in group[1:]])
    elif len(group) > 1:
        month, byday, _ = first.rule()
        rule: dict[str, object] = {"freq": "yearly", "bymonth": month, "byday": byday}
        if isinstance(until, datetime):
            rule["until"] = until
        observance.add("rrule", rule)
    return observance
