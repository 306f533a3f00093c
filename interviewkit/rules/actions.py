"""The rules: notes, settings and "now" become due actions. Pure: no clock, no disk."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from interviewkit.config import Settings
from interviewkit.names import application_label, join_names
from interviewkit.notes.dates import later
from interviewkit.rules.applications import Applications, company_key

if TYPE_CHECKING:
    from interviewkit.notes.note import Note
    from interviewkit.notes.tasks import Task

RECORDABLE = frozenset({"thank-you", "follow-up", "close", "task"})
# Whether an action is open depends on "now" only through whether its interview has
# started: preparing is for before it, tasks are open either way, the rest come after.
BEFORE_START = frozenset({"prepare"})
EITHER_SIDE = frozenset({"task"})


def open_at(kind: str, started: bool) -> bool:
    """True when an action of this kind is open, given whether its interview has started."""
    return kind in EITHER_SIDE or (kind in BEFORE_START) != started


@dataclass(slots=True, eq=False)
class Action:
    """Something owed after (or before) an interview, and when."""

    id: str
    kind: str
    due: date | datetime
    note: Note
    summary: str
    sequence: int = 0
    task: Task | None = None
    fallback: str = ""  # why the due date is a fallback, when a value it needs is unreadable
    # The moment after which it is no longer owed though nothing was recorded: a
    # thank-you after a final outcome stays owed until its deadline, then lapses.
    expires: datetime | None = None
    in_feed: bool = True  # the feed has no clock: see `candidate_actions`

    @property
    def day(self) -> date:
        """The day the action is due, in the vault's zone."""
        return self.due.date() if isinstance(self.due, datetime) else self.due


def end_of_day(day: date, zone: ZoneInfo) -> datetime:
    """The first moment after `day` ends in `zone`: what `--today DAY` compares with."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)


def add_business_days(day: date, count: int, calendar: str = "") -> date:
    """`day` plus `count` business days: Monday to Friday, less the public holidays of
    `calendar` (the `holidays` setting, like `DE-BY`; none when empty)."""
    while count > 0:
        day += timedelta(days=1)
        if is_business_day(day, calendar):
            count -= 1
    return day


def is_business_day(day: date, calendar: str) -> bool:
    """Monday to Friday, and not a public holiday of `calendar`."""
    return day.weekday() < 5 and not (calendar and day in _holidays(calendar, day.year))


def next_business_day(day: date, calendar: str) -> date:
    """`day` itself when it is a business day, else the next one."""
    while not is_business_day(day, calendar):
        day += timedelta(days=1)
    return day


@functools.lru_cache(maxsize=64)
def _holidays(calendar: str, year: int) -> frozenset[date]:
    """The public holidays of one year, built once per run (the package is imported only
    for vaults that set `holidays`)."""
    import holidays

    country, _, region = calendar.partition("-")
    return frozenset(holidays.country_holidays(country, subdiv=region or None, years=year))


def _round_name(note: Note) -> str:
    return note.round or "interview"


# The values a follow-up's day may be counted from, when one was passed over: its
# key in `Note.unreadable`, what it is, and why.
_PASSED_OVER = (
    ("followed_up", "follow-up date", "unreadable"),
    ("followed_up_early", "follow-up date", "before the interview"),
    ("follow_up_on", "agreed date", "unreadable"),
    ("decision_by", "decision date", "unreadable"),
)


def _passed_over(note: Note, values: tuple[tuple[str, str, str], ...]) -> list[str]:
    """What was passed over of `values` (rows of `_PASSED_OVER`), in words."""
    return [
        f"{what} {note.unreadable[key]!r} {why}"
        for key, what, why in values
        if key in note.unreadable
    ]


def follow_up_due(note: Note, settings: Settings) -> tuple[date, str] | None:
    """When to follow up next, and the fallback text when an unreadable value was
    passed over; None once the limit of follow-ups is reached (unreadable entries
    of `followed_up` count towards it)."""
    if len(note.followed_up) + note.followed_up_unreadable >= settings.follow_up_limit:
        return None
    calendar = settings.holidays
    if note.followed_up:  # a day count: a non-business day moves to the next business day
        again = note.followed_up[-1] + timedelta(days=settings.follow_up_again_days)
        return next_business_day(again, calendar), ""
    skipped = _passed_over(note, _PASSED_OVER)
    if note.follow_up_on:
        due, rule = note.follow_up_on, "the agreed date"
    elif note.decision_by:
        days = settings.follow_up_after_decision_business_days
        due, rule = (
            add_business_days(note.decision_by, days, calendar),
            f"{days} business days after the decision date",
        )
    else:
        days = settings.follow_up_default_business_days
        due, rule = (
            add_business_days(note.day, days, calendar),
            f"{days} business days after the interview",
        )
        if note.next_steps_days:  # they named a day, and it went into the words
            named = " and ".join(f"{day:%a} {day.isoformat()}" for day in note.next_steps_days)
            skipped.append(
                f"your next steps name {named}, but no date key holds it: write the day "
                "they said you may follow up in follow_up_on, or the day they decide in "
                "decision_by"
            )
    return due, f"{'; '.join(skipped)}; using {rule}" if skipped else ""


def close_due(note: Note, settings: Settings) -> tuple[date, str]:
    """When to ask whether a silent application is over: `close_after_days` after the
    last follow-up, moved to a business day; and the fallback text when no follow-up
    date could be read (then it counts from the interview)."""
    if note.followed_up:
        since, fallback = note.followed_up[-1], ""
    else:
        since = note.day
        skipped = _passed_over(note, _PASSED_OVER[:2])  # the follow-ups' own dates
        fallback = "; ".join([*skipped, "counting from the interview"])
    return next_business_day(
        since + timedelta(days=settings.close_after_days), settings.holidays
    ), fallback


def note_actions(
    note: Note, apps: Applications, settings: Settings, now: datetime | None
) -> list[Action]:
    """Every open action of one note. With `now=None`, the feed's view: every action
    open before or after the interview starts."""
    if now is None:
        return [a for a in candidate_actions(note, apps, settings) if a.in_feed]
    started = note.start < now
    actions = candidate_actions(note, apps, settings, prepare=not started)
    return [
        a for a in actions if open_at(a.kind, started) and (a.expires is None or now < a.expires)
    ]


def actions_or_failure(
    note: Note, apps: Applications, settings: Settings, now: datetime | None, failures: list
) -> list[Action]:
    """`note_actions`, except that a bug in the rules costs this note only: its actions
    are left out and the failure is added to `failures` as a problem on the note."""
    try:
        return note_actions(note, apps, settings, now)
    except Exception as exc:
        from interviewkit.errors import tool_failure

        failures.append(tool_failure(note.path, "working out the actions of", exc))
        return []


def _empty_sections(note: Note, keys: tuple[str, ...], headings: dict[str, tuple[str, ...]]) -> str:
    """`Fit is empty`, `Important points and Questions asked are empty`, naming each of
    the sections (by its heading) that has no content yet; "" when all have some. A
    heading that only looks like a section's is named, so the user sees why its text
    does not count (`Questions they asked me` is not read as Questions asked)."""
    empty = [key for key in keys if note.section_empty(key)]
    plain = [headings[key][0] for key in empty if key not in note.near_headings]
    said = [f"{' and '.join(plain)} {'is' if len(plain) == 1 else 'are'} empty"] if plain else []
    said += [
        f"`{note.near_headings[key]}` is not read as {headings[key][0]}: rename it, or add it "
        f"to heading_{key}"
        if note.near_headings[key].startswith("#")
        else f"`{note.near_headings[key]}` is not a heading: write `## {headings[key][0]}`"
        for key in empty
        if key in note.near_headings
    ]
    return "; ".join(said)


def candidate_actions(
    note: Note, apps: Applications, settings: Settings, prepare: bool = True
) -> list[Action]:
    """The actions of one note open before or after its start (see `open_at`);
    without `prepare`, leave out preparing for it."""
    app = apps.of(note)
    outcome = app.outcome
    final = app.is_final
    withdrawn = outcome == "withdrawn"
    # once you took the job, notes kept for the next interviews have none to serve
    hired = outcome == "accepted"
    actions: list[Action] = []

    def add(
        kind: str, due: date | datetime, summary: str, sequence: int = 0, fallback: str = ""
    ) -> None:
        actions.append(
            Action(f"{note.id}:{kind}", kind, due, note, summary, sequence, None, fallback)
        )

    role = apps.of(note).role  # the application's, in its first spelling
    if prepare:
        earlier = apps.earlier_rounds(note, limit=3)
        summary = f"Prepare for the {_round_name(note)} at {application_label(note.company, role)}"
        if earlier:
            count = apps.count_earlier(note)
            listed = ", ".join(f"{_round_name(n)} {n.day.isoformat()}" for n in earlier)
            more = f" and {count - len(earlier)} more" if count > len(earlier) else ""
            summary += f"; keep your answers consistent with earlier rounds: {listed}{more}"
        add("prepare", note.day - timedelta(days=settings.prepare_days_before), summary)
    headings = settings.headings()
    if not note.people and not withdrawn:
        summary = f"Write down the names of the people you met at {note.company}"
        if note.names_met:
            summary = (
                f"Add {join_names(list(note.names_met))} to `people` in the front matter: "
                f"{headings['people_met'][0]} lists them, but the thank-you reads `people` "
                "(`check --fix` adds them)"
            )
        elif note.people_only_in_section:
            summary = (
                f"Add the people you met at {note.company} to `people` in the front matter: "
                f"{headings['people_met'][0]} lists them, but the thank-you reads `people`"
            )
        add("people", note.day, summary)
    missing = _empty_sections(note, ("important_points", "questions_asked"), headings)
    if not (withdrawn or hired) and missing:
        add(
            "debrief",
            note.day,
            f"Write down the points discussed and the questions asked at {note.company}"
            f" ({missing})",
        )
    if not note.thank_you_done:  # owed whether or not you want the job (see below)
        names = join_names([p.name for p in note.people]) or f"the {note.company} team"
        fallback = ""
        if "end" in note.unreadable:
            fallback = (
                f"end {note.unreadable['end']!r} unreadable; "
                f"using {settings.interview_minutes} minutes after the start"
            )
        deadline = later(note.end, timedelta(hours=settings.thank_you_hours))
        add(
            "thank-you",
            deadline,
            f"Send a thank-you letter to {names}",
            fallback=fallback,
        )
        if final:  # after a final outcome, owed until the deadline, then it lapses
            decided = app.latest.outcome_on
            actions[-1].expires = deadline
            # the feed has no clock: it shows it only when the outcome came in time
            actions[-1].in_feed = decided is not None and decided <= deadline.date()
    missing = _empty_sections(note, ("answers_to_improve", "fit"), headings)
    if not (withdrawn or hired) and missing:
        add(
            "reflect",
            note.day + timedelta(days=settings.reflect_days),
            f"Reflect on your answers and on fit at {note.company} ({missing})",
        )
    if outcome == "pending" and not apps.has_later_round(note):
        next_follow_up = follow_up_due(note, settings)
        if next_follow_up is not None:
            due, fallback = next_follow_up
            done_before = len(note.followed_up) + note.followed_up_unreadable
            again = " again" if done_before else ""
            add(
                "follow-up",
                due,
                f"Follow up{again} with {application_label(note.company, role)}",
                done_before,
                fallback,
            )
        else:  # the follow-ups are spent: ask whether the silence is the answer
            due, fallback = close_due(note, settings)
            count = len(note.followed_up) + note.followed_up_unreadable
            add(
                "close",
                due,
                f"No answer from {application_label(note.company, role)} after {count} "
                f"follow-up{'s' if count != 1 else ''}: record no_response if it is over",
                fallback=fallback,
            )
    if outcome == "offer" and note.offer_deadline is not None:
        add(
            "decide",
            note.offer_deadline,
            f"Decide on the offer from {application_label(note.company, role)}: "
            "record accepted or declined",
        )
    for task in note.tasks:
        if task.is_open and task.due is not None:
            actions.append(
                Action(
                    f"{note.id}:task:{task.key}",
                    "task",
                    task.due,
                    note,
                    task.description or "Task",
                    task=task,
                )
            )
    return actions


def sort_key(action: Action) -> tuple[int, float, str, str]:
    """Order actions by day (as an ordinal), day actions before timed ones, then company
    and id: the same order every run."""
    moment = action.due.timestamp() if isinstance(action.due, datetime) else 0.0
    return action.day.toordinal(), moment, company_key(action.note), action.id
