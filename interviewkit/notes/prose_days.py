"""Days named in a note's own words (`They decide by Friday 11 December`), found only
to point at the key that would make them count: nothing here sets a date of the
note. A day written without a year is taken in the year that puts it on or after
the interview; days before the interview, or four months after it, are left out,
and so is a lower-case `may` (`we may 4`: a verb, most likely)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from interviewkit.notes.typed_dates import MONTHS

# A month's name, so that a weekday before a day (`Friday 11 December`) is passed over
_WORD = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_NAMED = re.compile(
    r"(?<![\d-])(?P<iso>\d{4}-\d{2}-\d{2})(?!\d)"
    rf"|\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(?P<m1>{_WORD})\b\.?"
    r"(?:,?\s+(?P<y1>\d{4})\b)?"
    rf"|\b(?P<m2>{_WORD})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}})\b)?"
)
_HORIZON = timedelta(days=120)


def days_named(text: str, interview: date) -> tuple[date, ...]:
    """The days `text` names from the interview's day to four months after it, in
    the order written, each once."""
    found: list[date] = []
    for match in _NAMED.finditer(text):
        day = _day_of(match, interview)
        if day is not None and interview <= day <= interview + _HORIZON and day not in found:
            found.append(day)
    return tuple(found)


def _day_of(match: re.Match[str], interview: date) -> date | None:
    if match["iso"]:
        try:
            return date.fromisoformat(match["iso"])
        except ValueError:
            return None
    word = match["m1"] or match["m2"]
    if word == "may":
        return None
    month = MONTHS[word.casefold()]
    number, year = int(match["d1"] or match["d2"]), match["y1"] or match["y2"]
    years = (int(year),) if year else (interview.year, interview.year + 1)
    for candidate in years:
        try:
            day = date(candidate, month, number)
        except ValueError:
            return None
        if year or day >= interview:
            return day
    return None
