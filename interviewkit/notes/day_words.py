"""Days named in words, counted from today, as people type them on the command line.

`new --at "friday 14:00"`, `done acme thank-you --on yesterday`: on the command
line today is known when the words are read, and the note gets the ISO day, so
nothing goes stale. In a note's own values no such word is read (see
`notes.typed_dates`): `follow_up_on: friday` would mean another day next week.

The words, in English and German, case aside:

- `yesterday`, `today`, `tomorrow`; `vorgestern`, `gestern`, `heute`, `morgen`,
  `übermorgen`;
- a weekday, alone or after `this` (`diesen`): that day this week, today
  included (`friday` on a Friday is today);
- `next friday` (`nächsten Freitag`, `kommenden Freitag`): the first Friday after
  today, as GNU `date` reads it, so on a Tuesday the Friday three days on;
- `last friday` (`letzten Freitag`): the latest Friday before today;
- `in 3 days`, `in 2 weeks` (`in 3 Tagen`); `3 days ago` (`vor 3 Tagen`); the
  count may be a word: `in a week`, `two days ago`, `vor einer Woche`, `in zwei Tagen`.

Anything else is not a day in words, and the caller says what to write.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from interviewkit.notes.typed_dates import WEEKDAY_NUMBERS, time_alone

NEAR_DAYS = {
    "vorgestern": -2,
    "yesterday": -1,
    "gestern": -1,
    "today": 0,
    "heute": 0,
    "tomorrow": 1,
    "morgen": 1,
    "übermorgen": 2,
}
_THIS = frozenset(("this", "diesen", "diese", "dieser"))
_NEXT = frozenset(("next", "nächsten", "nächste", "nächster", "kommenden", "kommende"))
_LAST = frozenset(("last", "letzten", "letzte", "letzter", "vergangenen", "vergangene"))
_UNITS = {
    **dict.fromkeys(("day", "days", "tag", "tage", "tagen"), 1),
    **dict.fromkeys(("week", "weeks", "woche", "wochen"), 7),
}
_COUNT = re.compile(r"\d{1,3}")
# Counts written as words (`in a week`, `vor einer Woche`, `two days ago`).
_COUNT_WORDS = {
    **dict.fromkeys(("a", "an", "one", "ein", "eine", "einer", "einem", "einen"), 1),
    **dict.fromkeys(("two", "zwei"), 2),
    **dict.fromkeys(("three", "drei"), 3),
}
# The most words a day in words takes (`in 3 days`, `vor 2 Wochen`).
MOST_WORDS = 3


def day_in_words(words: str, today: date) -> date | None:
    """The day `words` name, counted from `today`, or None when they name none."""
    said = [word.strip(".,").casefold() for word in words.split()]
    if len(said) == 1 and said[0] in NEAR_DAYS:
        return today + timedelta(days=NEAR_DAYS[said[0]])
    if said and said[-1] in WEEKDAY_NUMBERS and len(said) <= 2:
        ahead = (WEEKDAY_NUMBERS[said[-1]] - today.weekday()) % 7  # 0 to 6 days on
        if len(said) == 1 or said[0] in _THIS:
            return today + timedelta(days=ahead)
        if said[0] in _NEXT:
            return today + timedelta(days=ahead or 7)
        if said[0] in _LAST:
            return today - timedelta(days=(7 - ahead) % 7 or 7)
        return None
    if len(said) == 3 and (count := _count(said[1])) and said[2] in _UNITS:
        days = count * _UNITS[said[2]]
        if said[0] == "in":
            return today + timedelta(days=days)
        if said[0] == "vor":
            return today - timedelta(days=days)
    if len(said) == 3 and (count := _count(said[0])) and said[1] in _UNITS and said[2] == "ago":
        return today - timedelta(days=count * _UNITS[said[1]])
    return None


def _count(word: str) -> int | None:
    """The count a word says: digits (`3`), or a word (`a`, `two`, `einer`)."""
    return int(word) if _COUNT.fullmatch(word) else _COUNT_WORDS.get(word)


# A time slot after the day (`friday 14:00-15:00`), for `new --at` to name as one.
_SLOT = re.compile(r"\d{1,2}:\d{2}[ \t]*[-–][ \t]*\d{1,2}:\d{2}")


def leading_day(text: str, today: date) -> tuple[date, str, str] | None:
    """(the day, its words, the rest) when `text` is a day in words, alone or before
    a time of day, as in `next friday 14:00`. A weekday before a date is not one:
    `Mittwoch, 9. Dezember 2026` is that date (see `notes.typed_dates`)."""
    words = text.split()
    for count in range(min(MOST_WORDS, len(words)), 0, -1):
        day = day_in_words(" ".join(words[:count]), today)
        rest = " ".join(words[count:])
        if day is not None and (not rest or time_alone(rest) is not None or _SLOT.fullmatch(rest)):
            return day, " ".join(words[:count]), rest
    return None
