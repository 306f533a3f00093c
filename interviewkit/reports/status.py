"""The status of every application: rounds, outcome, last contact, what is next, totals."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from interviewkit.config import Settings
from interviewkit.notes.note import Note
from interviewkit.rules.actions import Action, actions_or_failure, sort_key
from interviewkit.rules.applications import Application, Applications
from interviewkit.vocabulary import COMPANY_ANSWERS, OFFER_OUTCOMES


@dataclass(frozen=True)
class Row:
    """One application's line in the status table."""

    company: str
    role: str
    rounds_held: int
    next_round: Note | None
    outcome: str
    last_contact: date | None
    next_action: Action | None
    days_waiting: int | None


@dataclass(frozen=True)
class Totals:
    """Figures over the whole search."""

    applications: int
    rounds_held: int
    offers: int
    rejections: int
    withdrawals: int
    responded: int
    median_days_to_response: float | None
    left_out_of_median: int
    funnel: dict[str, int]
    withdrawn_before_response: int = 0
    no_response: int = 0

    @property
    def response_base(self) -> int:
        """The applications a response is counted against: all but those you withdrew
        before the company answered."""
        return self.applications - self.withdrawn_before_response

    @property
    def response_share(self) -> float:
        """Share of those applications the company answered."""
        return self.responded / self.response_base if self.response_base else 0.0


# The days the company answered, by note path, for the notes given (where known;
# `usecases.answer_days` asks git).
ResponseDays = Callable[[list[Note]], dict[str, date]]


def _last_contact(app: Application, now: datetime) -> date | None:
    days = [n.day for n in app.notes if n.start < now]
    for n in app.notes:
        days += [d for d in (n.thank_you_sent, *n.followed_up) if d is not None]
    return max(days, default=None)


def application_rows(
    notes: list[Note], settings: Settings, now: datetime, today: date, failures: list | None = None
) -> tuple[list[Row], Applications]:
    """One row per application, sorted by company and role; a bug in the rules for one
    note is added to `failures` and costs that note's actions only."""
    failures = [] if failures is None else failures
    apps = Applications(notes)
    first_action: dict[int, Action] = {}
    for note in notes:
        key = id(apps.of(note))
        for action in actions_or_failure(note, apps, settings, now, failures):
            if key not in first_action or sort_key(action) < sort_key(first_action[key]):
                first_action[key] = action
    rows = []
    for app in apps.all:
        held = [n for n in app.notes if n.start < now]
        upcoming = [n for n in app.notes if n.start >= now]
        last = _last_contact(app, now)
        waiting = (today - last).days if app.outcome == "pending" and last else None
        rows.append(
            Row(
                company=app.company,
                role=app.role,
                rounds_held=len(held),
                next_round=upcoming[0] if upcoming else None,
                outcome=app.outcome,
                last_contact=last,
                next_action=first_action.get(id(app)),
                days_waiting=waiting,
            )
        )
    return rows, apps


def company_responded(app: Application) -> bool:
    """True when the company answered: an offer, an acceptance or refusal of it, a
    rejection, or a later round. Your own withdrawal is not their answer, and
    no_response never is."""
    if app.outcome == "no_response":
        return False
    return app.outcome in COMPANY_ANSWERS or len(app.notes) > 1


def totals(apps: Applications, now: datetime, response_days: ResponseDays | None) -> Totals:
    """Totals, the funnel and the median days from the latest round held to the
    company's answer.

    Applications withdrawn before any answer leave the response figures; the
    median counts the applications the company answered with an outcome (the day
    of an invitation to a later round is not known)."""
    all_apps = apps.all
    held_counts = [sum(n.start < now for n in app.notes) for app in all_apps]
    outcomes = [app.outcome for app in all_apps]
    answered_apps = [company_responded(app) for app in all_apps]
    withdrawn_first = sum(
        app.outcome == "withdrawn" and not answered
        for app, answered in zip(all_apps, answered_apps, strict=True)
    )
    waits: list[int] = []
    left_out = 0
    counted = [
        app
        for app, held in zip(all_apps, held_counts, strict=True)
        if app.outcome in COMPANY_ANSWERS and held
    ]
    undated = [app.latest for app in counted if app.latest.outcome_on is None]
    from_git = response_days(undated) if response_days and undated else {}
    for app in counted:
        latest_held = [n for n in app.notes if n.start < now][-1]
        answered = app.latest.outcome_on or from_git.get(app.latest.path)
        if answered is None or answered < latest_held.day:  # no day, or none that can be
            left_out += 1  # (a note committed with its outcome before the round, say)
            continue
        waits.append((answered - latest_held.day).days)
    funnel = {
        "applications": len(all_apps),
        "interviewed": sum(h >= 1 for h in held_counts),
        "second round": sum(h >= 2 for h in held_counts),
        "offers": sum(o in OFFER_OUTCOMES for o in outcomes),
        "accepted": outcomes.count("accepted"),
        "rejected": outcomes.count("rejected"),
        "withdrawn": outcomes.count("withdrawn"),
        "no response": outcomes.count("no_response"),
    }
    return Totals(
        applications=len(all_apps),
        rounds_held=sum(held_counts),
        offers=funnel["offers"],
        rejections=funnel["rejected"],
        withdrawals=funnel["withdrawn"],
        responded=sum(answered_apps),
        median_days_to_response=statistics.median(waits) if waits else None,
        left_out_of_median=left_out,
        funnel=funnel,
        withdrawn_before_response=withdrawn_first,
        no_response=funnel["no response"],
    )
