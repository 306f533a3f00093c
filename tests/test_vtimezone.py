"""The VTIMEZONE guard: calendar parsers resolve a TZID by name and ignore the
component's body, so only this test catches an onset an hour (or a day) out."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from interviewkit.reports.vtimezone import vtimezone

ZONES = [
    "Europe/Berlin",
    "Europe/London",
    "Europe/Dublin",
    "America/New_York",
    "America/Santiago",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Asia/Kolkata",
    "UTC",
]
FIRST, LAST = date(2024, 1, 1), date(2029, 1, 1)


def zoneinfo_transitions(name: str) -> dict[datetime, timedelta]:
    """Instant (UTC) -> offset after, for each change of offset in the span, found by
    stepping an hour at a time and then a minute at a time, without the generator."""
    zone = ZoneInfo(name)
    found = {}
    moment = datetime.combine(FIRST, datetime.min.time(), tzinfo=UTC)
    end = datetime.combine(LAST, datetime.min.time(), tzinfo=UTC)
    hour, minute = timedelta(hours=1), timedelta(minutes=1)
    while moment < end:
        if moment.astimezone(zone).utcoffset() != (moment + hour).astimezone(zone).utcoffset():
            instant = moment + minute
            while instant.astimezone(zone).utcoffset() == moment.astimezone(zone).utcoffset():
                instant += minute
            found[instant] = instant.astimezone(zone).utcoffset()
        moment += hour
    return found


def _local_onsets(observance) -> list[datetime]:
    """DTSTART, its RRULE's repeats up to UNTIL (a UTC instant, as RFC 5545 wants it
    in VTIMEZONE) or the span's end, and its RDATEs: local times before the change."""
    start = observance.decoded("dtstart")
    local = [start]
    if "RRULE" in observance:
        rule = observance["RRULE"]
        until = rule.get("UNTIL")
        text = rule.to_ical().decode()
        parts = ";".join(part for part in text.split(";") if not part.startswith("UNTIL="))
        if until:
            stop = until[0].replace(tzinfo=None) + observance.decoded("tzoffsetfrom")
        else:
            stop = datetime.combine(LAST, datetime.min.time())
        local = rrulestr(parts, dtstart=start).between(start, stop, inc=True)
    rdates = observance.get("RDATE", [])
    for group in rdates if isinstance(rdates, list) else [rdates]:
        local += [item.dt for item in group.dts]
    return local


def onsets(name: str) -> tuple[dict[datetime, timedelta], list]:
    """Instant (UTC) -> TZOFFSETTO for every onset the VTIMEZONE gives, read back by
    icalendar and expanded by dateutil, and the observances."""
    text = vtimezone(name, FIRST, LAST).to_ical().decode()
    calendar = Calendar.from_ical(f"BEGIN:VCALENDAR\r\n{text}END:VCALENDAR\r\n")
    component = calendar.walk("VTIMEZONE")[0]
    observances = component.walk("STANDARD") + component.walk("DAYLIGHT")
    found = {}
    for observance in observances:
        before = observance.decoded("tzoffsetfrom")
        after = observance.decoded("tzoffsetto")
        if before == after:  # the opening observance changes nothing
            continue
        for onset in _local_onsets(observance):
            found[(onset - before).replace(tzinfo=UTC)] = after
    return found, observances


@pytest.mark.parametrize("name", ZONES)
def test_every_onset_matches_zoneinfo(name):
    expected = zoneinfo_transitions(name)
    got, observances = onsets(name)
    assert got == expected
    # the opening observance gives the offset in force when the span starts
    opening = min(observances, key=lambda o: o.decoded("dtstart"))
    assert (
        opening.decoded("tzoffsetto")
        == datetime.combine(FIRST, datetime.min.time(), tzinfo=UTC)
        .astimezone(ZoneInfo(name))
        .utcoffset()
    )


def test_rules_become_rrules_and_the_rest_rdates():
    text = vtimezone("Europe/Berlin", FIRST, LAST).to_ical().decode()
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in text
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in text
    assert "RDATE" not in text
    # DTSTART is the onset in the time before the change
    assert "DTSTART:20240331T020000" in text and "DTSTART:20241027T030000" in text
    # Santiago's April change is the first Sunday on or after the 2nd: in 2028 (April
    # 2 is a Sunday) that is the first Sunday, in others too, so one rule holds here
    santiago = vtimezone("America/Santiago", FIRST, LAST).to_ical().decode()
    assert "TZOFFSETFROM:-0300\r\nTZOFFSETTO:-0400" in santiago
