"""Applications side by side: rounds, people, what felt right, the ratings, `decision_by`
and `offer_deadline`.

For weighing offers: the advice asks what the industry, the culture, room to grow,
what you would learn, the people and your own enthusiasm say about each. The
ratings are the optional front matter keys `fit_industry`, `fit_culture`,
`fit_growth`, `fit_learning`, `fit_people` and `enthusiasm` (1 to 5); for each,
the latest round that has a value counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from interviewkit.notes.contract import RATINGS
from interviewkit.notes.sections import written
from interviewkit.rules.applications import Application
from interviewkit.vocabulary import OFFER_OUTCOMES

RATING_LABELS = {
    "fit_industry": "Industry",
    "fit_culture": "Culture",
    "fit_growth": "Growth",
    "fit_learning": "Learning",
    "fit_people": "People",
    "enthusiasm": "Enthusiasm",
}


@dataclass(frozen=True)
class Column:
    """What `compare` shows of one application, row by row (label, text)."""

    heading: str
    rows: tuple[tuple[str, str], ...]


def offers(apps: list[Application]) -> list[Application]:
    """The applications that reached an offer (offered, accepted or declined)."""
    return [app for app in apps if app.outcome in OFFER_OUTCOMES]


def column(app: Application) -> Column:
    """One application's column."""
    notes = app.notes
    rounds = "; ".join(f"{n.round or 'interview'} {n.day.isoformat()}" for n in notes)
    people = "; ".join(dict.fromkeys(p.name for n in notes for p in (*n.people, *n.met_only)))
    steps = next((n.next_steps for n in reversed(notes) if n.next_steps), "")
    fit = "\n".join(text for n in notes if (text := written(n.sections, "fit")))
    rows: list[tuple[str, str]] = [
        ("Outcome", app.outcome),
        ("Rounds", rounds),
        ("People met", people or "—"),
        ("Next steps", steps or "—"),
        ("Fit", fit or "—"),
    ]
    for key in RATINGS:
        value = next((n.ratings[key] for n in reversed(notes) if key in n.ratings), None)
        rows.append((RATING_LABELS[key], f"{value}/5" if value else "—"))
    deadline = next((n.decision_by for n in reversed(notes) if n.decision_by), None)
    rows.append(("Decision by", deadline.isoformat() if deadline else "—"))
    answer_by = next((n.offer_deadline for n in reversed(notes) if n.offer_deadline), None)
    rows.append(("Answer by", answer_by.isoformat() if answer_by else "—"))
    heading = f"{app.company} ({app.role})" if app.role else app.company
    return Column(heading, tuple(rows))
