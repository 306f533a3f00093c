"""Shared wording for renderers: relative days, due moments, and what an empty list
owes to the errors above it."""

from __future__ import annotations

from datetime import date, datetime

from interviewkit.errors import Problem
from interviewkit.rules.actions import Action
from interviewkit.rules.agenda import Due


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


def due_text(row: Due) -> str:
    """The due day, with the time for timed actions: `Fri 2026-11-27 15:00`."""
    moment = row.when
    if isinstance(moment, datetime):
        return moment.strftime("%a %Y-%m-%d %H:%M")
    return moment.strftime("%a %Y-%m-%d")


def due_iso(action: Action) -> str:
    """`YYYY-MM-DD` for day actions, an ISO date-time with offset for timed ones."""
    return action.due.isoformat()


def may_hide(problems: list[Problem]) -> str:
    """After "Nothing due": that the errors listed above it may hide what is due (an
    error can leave a whole note out), so an empty list is not read as all clear."""
    from interviewkit.names import counted

    errors = sum(problem.severity == "error" for problem in problems)
    if not errors:
        return ""
    return (
        f" The {counted(errors, 'error')} above may hide what is due: mend "
        f"{'it' if errors == 1 else 'them'}."
    )
