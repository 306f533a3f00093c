"""Shared wording for renderers: relative days and action labels."""

from __future__ import annotations

from datetime import date, datetime

from ..rules import Action


def relative_day(day: date, today: date) -> str:
    """`3 days late`, `yesterday`, `today`, `tomorrow`, `in 4 days`."""
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == -1:
        return "1 day late"
    if delta < 0:
        return f"{-delta} days late"
    if delta == 1:
        return "tomorrow"
    return f"in {delta} days"


def due_text(action: Action) -> str:
    """The due day, with the time for timed actions: `Fri 2026-11-27 15:00`."""
    if isinstance(action.due, datetime):
        return action.due.strftime("%a %Y-%m-%d %H:%M")
    return action.due.strftime("%a %Y-%m-%d")


def due_iso(action: Action) -> str:
    """`YYYY-MM-DD` for day actions, an ISO date-time with offset for timed ones."""
    return action.due.isoformat()


def note_label(action: Action) -> str:
    """`Acme (Engineer), onsite` for listings."""
    note = action.note
    who = f"{note.company} ({note.role})" if note.role else note.company
    return f"{who}, {note.round}" if note.round else who
