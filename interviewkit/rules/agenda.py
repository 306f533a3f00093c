"""The agenda: what `due` lists, as plain rows.

Each action becomes a row of plain values (text and numbers, no note objects),
so the rows of a company's notes can be kept in the cache and reused while those
notes are unchanged. A company's rows depend only on its own notes and the
settings: every cross-note rule (rounds, outcomes, later rounds) stays within one
company; the warnings that look across companies (a like name, an offer accepted
elsewhere) are added to the rows afterwards. "Now" is applied when rows are
selected, through whether each interview has started (`rules.actions.open_at`)
and whether a row has lapsed (a thank-you after a final outcome is owed until its
deadline, then no more). One thing is left out to keep the rows few: preparing
for interviews that had already started when the rows were worked out. So rows
worked out at one moment serve any later moment, and an earlier one (`due
--today` in the past) works them out again.
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple
from zoneinfo import ZoneInfo

from interviewkit.config import Settings
from interviewkit.errors import Problem
from interviewkit.names import application_label, fold_role
from interviewkit.notes.dates import FAR_AHEAD_DAYS
from interviewkit.rules.actions import candidate_actions, open_at, sort_key
from interviewkit.rules.applications import Applications

if TYPE_CHECKING:
    from interviewkit.notes.note import Note


class Due(NamedTuple):
    """One action as `due` shows it."""

    # The first four fields are the order: day, day actions first, company, id.
    ordinal: int  # the due day as a proleptic Gregorian ordinal
    moment: float  # 0 for day actions, else the due moment as a POSIX timestamp
    company_key: str  # the company, folded (see `names.fold`)
    id: str
    kind: str
    due: str  # ISO date, or date-time with its UTC offset
    note: str  # the note's vault-relative path
    note_id: str
    company: str
    role: str
    round: str
    summary: str
    start: float  # when the interview starts, as a POSIX timestamp
    fallback: str  # why the due date is a fallback (see `rules.actions.Action`), else ""
    expires: float = float("inf")  # when it lapses though nothing was recorded (POSIX)
    # set when a note of the same company cannot be read, or (for a follow-up) a
    # later round at a like name or an offer accepted elsewhere may end it
    warning: str = ""

    @property
    def day(self) -> date:
        """The day the action is due, in the vault's zone."""
        return date.fromordinal(self.ordinal)

    @property
    def when(self) -> date | datetime:
        """The due day, or the due moment (aware) for timed actions."""
        return datetime.fromisoformat(self.due) if "T" in self.due else date.fromisoformat(self.due)

    @property
    def note_label(self) -> str:
        """`Acme onsite`: the note's short name, as in `Note.label`."""
        return f"{self.company} {self.round}".strip()

    @property
    def label(self) -> str:
        """`Acme (Engineer), onsite` for listings."""
        who = application_label(self.company, self.role)
        return f"{who}, {self.round}" if self.round else who


def warn_rows(rows: list[tuple], unusable: dict[str, list[str]]) -> list[tuple]:
    """The rows, each of a company with unusable notes (folded name -> their paths)
    warning that a later round there may change it."""
    if not unusable:
        return rows
    company = Due._fields.index("company_key")
    warnings = unreadable_warnings(unusable)
    return [
        (*row[:-1], warnings[row[company]]) if row[company] in warnings else row for row in rows
    ]


def unreadable_warnings(unusable: dict[str, list[str]]) -> dict[str, str]:
    """The warning for each company (folded name) with unusable notes (their paths)
    that name it: any action of the company may be wrong, as `due` and the feed say."""
    return {
        key: f"{', '.join(sorted(paths))} cannot be read; a later round there may change this"
        for key, paths in unusable.items()
    }


# The most words of a company name compared as part of a longer one.
_MOST_WORDS = 8


# The kinds a later round of the same application ends (see `rules.actions`).
ENDED_BY_A_LATER_ROUND = ("follow-up", "close")


def warn_superseded(rows: list[tuple], latest: dict[str, tuple[int, str]]) -> list[tuple]:
    """The rows, each follow-up (or question whether the silence is the answer) of a
    company warning as `superseded` says."""
    warnings = superseded(latest)
    if not warnings:
        return rows
    company, kind = Due._fields.index("company_key"), Due._fields.index("kind")
    return [
        (*row[:-1], warnings[row[company]])
        if row[company] in warnings and row[kind] in ENDED_BY_A_LATER_ROUND and not row[-1]
        else row
        for row in rows
    ]


def superseded(latest: dict[str, tuple[int, str]]) -> dict[str, str]:
    """A warning for each company (folded name) whose follow-ups a later round at a
    company of a like name, one of the names holding the other as whole words
    (`Acme`, `Acme GmbH`), would end if the two were written the same: they would be
    one application. `latest` maps each company to its latest round's day (ordinal)
    and note's path."""
    later: dict[str, tuple[int, str]] = {}
    for key in latest:  # each pair found from its longer name's runs of words
        words = key.split()
        for start in range(len(words)):
            for end in range(start + 1, min(len(words), start + _MOST_WORDS) + 1):
                part = " ".join(words[start:end])
                if part == key or part not in latest:
                    continue
                first, second = sorted((key, part), key=latest.__getitem__)
                if latest[second][0] > latest[first][0]:
                    later[first] = max(later.get(first, latest[second]), latest[second])
    return {
        key: (
            f"{path} holds a later round ({date.fromordinal(day)}) at a company of a like "
            "name: if it is the same application, write the company the same way in both "
            "notes, and this reminder ends"
        )
        for key, (day, path) in later.items()
    }


# (path, line, key, day as an ordinal, role): a day a note records something done on;
# the role, as written, only for an offer accepted (the key "accepted"), else "".
Recorded = tuple[str, int, str, int, str]


def latest_rounds(
    by_company: Iterable[tuple[str, Iterable[Recorded]]],
) -> dict[str, tuple[int, str]]:
    """Each company's latest round, as `superseded` takes them: its day (ordinal) and
    note, from the start days the notes record (see `recorded_days`), given as (folded
    company, the days its notes record)."""
    latest = {}
    for key, recorded in by_company:
        starts = [(ordinal, path) for path, _, what, ordinal, _ in recorded if what == "start"]
        if starts:
            latest[key] = max(starts)
    return latest


# The kinds an offer accepted elsewhere makes moot.
_ENDED_BY_ACCEPTING = (*ENDED_BY_A_LATER_ROUND, "decide")


class Accepted(NamedTuple):
    """An offer accepted: the end of the day it was accepted (POSIX), that day, the
    company as written and folded, and the role as written ("" when the note has none)."""

    moment: float
    day: date
    name: str
    key: str
    role: str


def accepted_offers(
    recorded: Iterable[Recorded], company_of: Callable[[str], tuple[str, str]], zone: ZoneInfo
) -> list[Accepted]:
    """The offers accepted, earliest first, from the days the notes record (see
    `recorded_days`); `company_of` gives a note's folded company and its name as
    written, by path."""
    from interviewkit.rules.actions import end_of_day

    accepted = []
    for path, _, what, ordinal, role in recorded:
        if what == "accepted":
            day = date.fromordinal(ordinal)
            key, name = company_of(path)
            accepted.append(Accepted(end_of_day(day, zone).timestamp(), day, name, key, role))
    return sorted(accepted)


def accepted_elsewhere(
    accepted: list[Accepted], key: str, kind: str, start: float, note_id: str, role: str = ""
) -> str:
    """The warning for a follow-up, a question whether the silence is the answer, or
    an offer to decide on, of the application for `role` at company `key`, from the
    round `note_id` that started at `start` (POSIX), when an offer of another
    application was accepted after that round (the earliest such, of `accepted` as
    `accepted_offers` gives them): the job search it was part of is over.

    An offer for another role at the same company counts when both roles are
    written and differ (see `names.fold_role`): without one, it may be this one."""
    if not accepted or kind not in _ENDED_BY_ACCEPTING:
        return ""
    after = bisect.bisect_right(accepted, start, key=lambda offer: offer.moment)
    offer = next((offer for offer in accepted[after:] if _another(offer, key, role)), None)
    if offer is None:
        return ""
    name = offer.name if offer.key != key else f"{offer.name} ({offer.role})"
    if kind == "decide":
        return (
            f"you accepted the offer from {name} on {offer.day}: tell them you decline "
            f"this one, and record it with `interviewkit outcome {note_id} declined`"
        )
    return (
        f"you accepted the offer from {name} on {offer.day}: rather than follow up, "
        f"tell them, and record it with `interviewkit outcome {note_id} withdrawn`"
    )


def _another(offer: Accepted, key: str, role: str) -> bool:
    """Whether the offer accepted is of another application than that for `role` at
    company `key`."""
    if offer.key != key:
        return True
    return bool(offer.role and role) and fold_role(offer.role) != fold_role(role)


def warn_accepted(rows: list[tuple], accepted: list[Accepted]) -> list[tuple]:
    """The rows, each follow-up, silence question or offer of an application that an
    offer accepted elsewhere ends warning so (see `accepted_elsewhere`)."""
    if not accepted:
        return rows
    fields = ("company_key", "kind", "start", "note_id", "role")
    company, kind, start, note_id, role = (Due._fields.index(field) for field in fields)
    warned = []
    for row in rows:
        if (
            row[kind] in _ENDED_BY_ACCEPTING  # most rows: no call at all
            and not row[-1]
            and (
                said := accepted_elsewhere(
                    accepted, row[company], row[kind], row[start], row[note_id], row[role]
                )
            )
        ):
            row = (*row[:-1], said)
        warned.append(row)
    return warned


def recorded_days(notes: Iterable[Note]) -> list[Recorded]:
    """The days the notes record a thank-you sent, a follow-up made or an outcome
    learnt on, from the interview's own day: each might yet be a day still to come
    (see `still_to_come`). Earlier days are an error of their own (see `notes.note`).
    And each interview's own day, which might be too far ahead to be right, and the
    day of each offer accepted (see `accepted_offers`)."""
    found = []
    for note in notes:
        day = note.day.toordinal()
        found.append((note.path, note.line_of("start"), "start", day, ""))
        if note.outcome == "accepted":
            accepted = max(note.outcome_on or note.day, note.day).toordinal()
            found.append((note.path, note.line_of("outcome"), "accepted", accepted, note.role))
        for key in ("thank_you_sent", "outcome_on"):
            when = getattr(note, key)
            if when is not None and when.toordinal() >= day:
                found.append((note.path, note.line_of(key), key, when.toordinal(), ""))
        line = note.line_of("followed_up")
        found += [
            (note.path, line, "followed_up", d.toordinal(), "")
            for d in note.followed_up
            if d.toordinal() >= day
        ]
    return found


_COUNTS_AS = {
    "thank_you_sent": "the thank-you counts as sent",
    "followed_up": "this follow-up counts as made",
    "outcome_on": "the outcome counts as known",
}


def still_to_come(recorded: Iterable[Recorded], now: datetime) -> list[Problem]:
    """An error for each day recorded as done that is still to come at `now`: a typo
    such as 2026-12-28 for 2026-11-28 would otherwise hide a reminder without a word;
    and a warning for an interview more than `FAR_AHEAD_DAYS` ahead, whose reminders a
    typo in the year would hold back as long. (`--today D` compares with the first
    moment after D, which counts as D here.)"""
    today = (now - timedelta(microseconds=1)).date()
    problems = []
    for path, line, key, ordinal, _ in recorded:
        if key == "start":
            if ordinal - today.toordinal() > FAR_AHEAD_DAYS:
                problems.append(
                    Problem(
                        path,
                        line,
                        f"start: {date.fromordinal(ordinal)} is "
                        f"{ordinal - today.toordinal()} days ahead (today is {today}): if "
                        "the year is a typo, write the right one, or nothing is due from this "
                        "interview until then",
                        "warning",
                    )
                )
        elif key in _COUNTS_AS and ordinal > today.toordinal():
            problems.append(
                Problem(
                    path,
                    line,
                    f"{key}: {date.fromordinal(ordinal)} is a day still to come (today is "
                    f"{today}); write the day it happened. Until then {_COUNTS_AS[key]}",
                )
            )
    return problems


def company_rows(
    notes: list[Note], settings: Settings, now: datetime
) -> tuple[list[tuple], float, list[Recorded]]:
    """The rows of some notes as plain tuples (what the cache keeps), the moment after
    which they serve (the latest start of an interview left without its preparing
    row; minus infinity when none was left out), and the days they record things
    done on (see `recorded_days`).

    Pass whole companies: a company's rules look at all of its rounds.
    """
    apps = Applications(notes)
    rows = []
    serves_after = float("-inf")
    for note in notes:
        start = note.start.timestamp()
        prepare = not note.start < now
        if not prepare:
            serves_after = max(serves_after, start)
        # Interned, the many copies of a name are written to the cache once.
        company = sys.intern(note.company)
        role = sys.intern(apps.of(note).role)  # the application's, in its first spelling
        round_name = sys.intern(note.round)
        for action in candidate_actions(note, apps, settings, prepare):
            ordinal, moment, key, action_id = sort_key(action)
            rows.append(
                (
                    ordinal,
                    moment,
                    sys.intern(key),
                    action_id,
                    action.kind,
                    action.due.isoformat(),
                    note.path,
                    note.id,
                    company,
                    role,
                    round_name,
                    action.summary,
                    start,
                    action.fallback,
                    action.expires.timestamp() if action.expires is not None else float("inf"),
                    "",
                )
            )
    return rows, serves_after, recorded_days(notes)


_KIND = Due._fields.index("kind")
_START = Due._fields.index("start")
_EXPIRES = Due._fields.index("expires")


def open_rows(rows: Iterable[tuple], now: datetime) -> list[Due]:
    """The rows open at `now`, in order: by day, day actions first, then company and id."""
    moment = now.timestamp()
    selected = [
        Due._make(row)
        for row in rows
        if open_at(row[_KIND], row[_START] < moment) and moment < row[_EXPIRES]
    ]
    selected.sort()
    return selected


def holds_until(rows: Iterable[tuple], now: datetime) -> float:
    """The moment (POSIX) up to which the rows open at `now`, and their states, stay
    as they are: the next interview start or lapse after `now`, or the next midnight
    in the zone of `now`, whichever comes first."""
    from interviewkit.rules.actions import end_of_day

    midnight = end_of_day(now.date(), now.tzinfo)  # type: ignore[arg-type]
    # In a zone whose clocks jump at midnight, take the earlier reading of it.
    until = min(midnight.timestamp(), midnight.replace(fold=1).timestamp())
    moment = now.timestamp()
    for row in rows:
        for change in (row[_START], row[_EXPIRES]):  # when it opens, when it lapses
            if moment <= change < until:
                until = change
    return until


STATES = ("overdue", "today", "upcoming")


def state(row: Due, today: date) -> str:
    """`overdue`, `today` or `upcoming` (see STATES), comparing the due day with `today`."""
    delta = row.ordinal - today.toordinal()
    if delta < 0:
        return "overdue"
    return "today" if delta == 0 else "upcoming"


def within_horizon(rows: list[Due], today: date, days: int | None) -> list[Due]:
    """Overdue rows and those due up to `days` ahead; all of them when `days` is None."""
    if days is None:
        return rows
    limit = (today + timedelta(days=days)).toordinal()
    return [row for row in rows if row.ordinal <= limit]
