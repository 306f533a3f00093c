"""Validate .ics bytes: two strict parsers written by others, plus wire-format checks."""

from __future__ import annotations

import re

import vobject
from ical.calendar_stream import IcsCalendarStream


def validate(data: bytes) -> list[dict[str, str]]:
    """Assert the feed is valid; return each VEVENT's unfolded properties."""
    text = data.decode("utf-8")
    # Wire format: CRLF everywhere, lines folded at 75 octets.
    assert "\n" not in text.replace("\r\n", "")
    assert text.endswith("\r\n")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75, line
    # Parsers written by others, in their strict modes.
    calendar = IcsCalendarStream.calendar_from_ics(text)
    parsed = vobject.readOne(text, validate=True)
    unfolded = re.sub(r"\r\n[ \t]", "", text)
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in unfolded.split("\r\n"):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT" and current is not None:
            events.append(current)
            current = None
        elif current is not None and ":" in line and not line.startswith(("BEGIN:", "END:")):
            name, value = line.split(":", 1)
            current.setdefault(name, value)
    assert len(calendar.events) == len(events) == len(getattr(parsed, "vevent_list", []))
    uids = [e["UID"] for e in events]
    assert len(set(uids)) == len(uids), "UIDs must be unique"
    for event in events:
        assert re.fullmatch(r"\d{8}T\d{6}Z", event["DTSTAMP"]), event["DTSTAMP"]
        start = next(k for k in event if k.startswith("DTSTART"))
        end = next(k for k in event if k.startswith("DTEND"))
        if "VALUE=DATE" in start:
            assert "VALUE=DATE" in end and re.fullmatch(r"\d{8}", event[start])
        else:
            assert "TZID=" in start or event[start].endswith("Z"), "no floating times"
        assert event[end] > event[start]
    header = unfolded.split("BEGIN:VTIMEZONE")[0].split("BEGIN:VEVENT")[0]
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in header
    assert "X-PUBLISHED-TTL:PT1H" in header
    assert "METHOD" not in header
    return events
