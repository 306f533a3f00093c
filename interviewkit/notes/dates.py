"""The years interviewkit works with: dates outside them are errors, never crashes.

A note that says `decision_by: 9999-12-31` (a natural "never") would otherwise
make date arithmetic overflow; bounding every date read keeps every sum in range.
"""

from __future__ import annotations

from datetime import date

FIRST_YEAR, LAST_YEAR = 1900, 2200


class OutOfRange(ValueError):
    """A date that reads, but lies outside the years interviewkit works with."""


def in_range(day: date) -> date:
    """`day`, or OutOfRange when it is before 1900 or after 2200."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise OutOfRange(f"date out of range ({FIRST_YEAR} to {LAST_YEAR})")
    return day
