"""Recurring tasks as the Obsidian Tasks plugin writes them: the next occurrence.

A task with `🔁 every week` (or `[repeat:: every week]`) is not simply done: when it
is ticked, the plugin writes the next occurrence on the line above. Its reference
date (due, else scheduled, else start) moves to the next date the rule gives,
counted from that date, or from the day it was done with `when done`; the task's
other dates move by as many days; the new line has no done date. A month that is
too short for the day gives its last day (31 January, every month: 28 February).

The rules read are the plugin's everyday ones, listed in `RULES`; any other is
refused by name (`RuleNotRead`), so a recurrence is never dropped.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from interviewkit.notes.tasks import DONE_MARK, with_status

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RULES = (
    "every day",
    "every N days",
    "every week",
    "every N weeks",
    "every week on Monday (or a list: Monday, Thursday)",
    "every weekday",
    "every month",
    "every N months",
    "every month on the 15th",
    "every month on the last",
    "every year",
    "any of these followed by `when done`",
)
_RULE = re.compile(
    r"every(?: (?P<count>\d+))? (?P<unit>day|days|week|weeks|weekday|month|months|year|years)"
    r"(?: on (?:the )?(?P<on>[a-z0-9, ]+?))?(?P<when_done> when done)?",
)
_DAY_OF_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")
# Task fields: emoji, or Dataview inline fields.
_EMOJI_FIELD = re.compile(r"(?P<mark>📅|📆|🗓|⏳|🛫)\ufe0f?[ \t]*(?P<day>\d{4}-\d{2}-\d{2})")
_DATAVIEW_FIELD = re.compile(
    r"\[(?P<key>due|scheduled|start)::[ \t]*(?P<day>\d{4}-\d{2}-\d{2})[ \t]*\]"
)
_EMOJI_RULE = re.compile(r"🔁\ufe0f?[ \t]*(?P<rule>[^📅📆🗓➕🛫⏳✅❌⏫🔼🔽⏬🔺🆔⛔🏁\[\]]*)")
_DATAVIEW_RULE = re.compile(r"\[repeat::[ \t]*(?P<rule>[^\]]*)\]")
_MARK_KEYS = {"📅": "due", "📆": "due", "🗓": "due", "⏳": "scheduled", "🛫": "start"}


class RuleNotRead(ValueError):
    """A recurrence rule outside the grammar above; nothing may be written for it."""


@dataclass(frozen=True)
class Rule:
    """A recurrence rule, read."""

    unit: str  # day, week, weekday, month, year
    count: int = 1
    weekdays: tuple[int, ...] = ()  # Monday = 0, for `every week on …`
    day_of_month: int | None = None  # 0 for `on the last`
    when_done: bool = False


def recurrence_of(line: str) -> str | None:
    """The recurrence rule a task line holds, as written (None when it holds none)."""
    found = _DATAVIEW_RULE.search(line) or _EMOJI_RULE.search(line)
    return found.group("rule").strip() if found else None


def read_rule(text: str) -> Rule:
    """A rule as `RULES` lists them; RuleNotRead for anything else."""
    written = " ".join(text.casefold().split())
    match = _RULE.fullmatch(written)
    if match is None:
        raise RuleNotRead(text)
    unit = match["unit"].rstrip("s") if match["unit"] != "days" else "day"
    count = int(match["count"] or 1)
    if count < 1 or (match["count"] and unit in ("weekday",)):
        raise RuleNotRead(text)
    rule = Rule(unit, count, when_done=bool(match["when_done"]))
    on = match["on"]
    if on is None:
        return rule
    if unit == "week" and count == 1:
        names = [n.strip() for n in re.split(r",|\band\b", on) if n.strip()]
        if names and all(n in DAYS for n in names):
            return Rule(
                "week", 1, tuple(sorted({DAYS.index(n) for n in names})), None, rule.when_done
            )
    if unit == "month" and count == 1:
        if on == "last":
            return Rule("month", 1, (), 0, rule.when_done)
        day = _DAY_OF_MONTH.fullmatch(on)
        if day and 1 <= int(day[1]) <= 31:
            return Rule("month", 1, (), int(day[1]), rule.when_done)
    raise RuleNotRead(text)


def _add_months(day: date, months: int, on: int | None = None) -> date:
    """`day` plus whole months, on day `on` of that month (0: the last; None: the same
    day), a month too short for it giving its last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    wanted = day.day if on is None else (last if on == 0 else on)
    return date(year, month, min(wanted, last))


def next_day(rule: Rule, after: date) -> date:
    """The next date `rule` gives after `after`."""
    if rule.unit == "day":
        return after + timedelta(days=rule.count)
    if rule.unit == "week" and not rule.weekdays:
        return after + timedelta(weeks=rule.count)
    if rule.unit in ("week", "weekday"):
        allowed = rule.weekdays or (0, 1, 2, 3, 4)
        day = after + timedelta(days=1)
        while day.weekday() not in allowed:
            day += timedelta(days=1)
        return day
    if rule.unit == "month":
        if rule.day_of_month is None:
            return _add_months(after, rule.count)
        same = _add_months(after, 0, rule.day_of_month)
        return same if same > after else _add_months(after, 1, rule.day_of_month)
    return _add_months(after, 12 * rule.count)  # year


def next_occurrence(line: str, done_on: date) -> str | None:
    """The line Tasks writes above a recurring task ticked on `done_on`: open, its
    dates moved, no done date. None for a task without a recurrence, or without a
    date to count from; RuleNotRead for a rule outside the grammar."""
    written = recurrence_of(line)
    if written is None:
        return None
    rule = read_rule(written)
    dates: dict[str, date] = {}
    for match in _DATAVIEW_FIELD.finditer(line):
        dates.setdefault(match["key"], date.fromisoformat(match["day"]))
    for match in _EMOJI_FIELD.finditer(line):
        dates.setdefault(_MARK_KEYS[match["mark"]], date.fromisoformat(match["day"]))
    reference = next((dates[k] for k in ("due", "scheduled", "start") if k in dates), None)
    if reference is None:
        return None
    moved = next_day(rule, done_on if rule.when_done else reference)
    shift = moved - reference

    def moved_field(match: re.Match[str]) -> str:
        new = date.fromisoformat(match["day"]) + shift
        return match.group(0).replace(match["day"], new.isoformat())

    undone = with_status(DONE_MARK.sub("", line), " ")
    return _DATAVIEW_FIELD.sub(moved_field, _EMOJI_FIELD.sub(moved_field, undone))
