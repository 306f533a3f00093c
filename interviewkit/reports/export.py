"""Export: one row per interview note, for a spreadsheet or as proof of job-search activity."""

from __future__ import annotations

from datetime import date

from interviewkit.notes.note import Note
from interviewkit.rules.applications import Applications

COLUMNS = (
    "company", "role", "round", "start", "end", "people", "round_outcome",
    "application_outcome", "thank_you_sent", "followed_up", "outcome_on", "note",
)  # fmt: skip


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def export_rows(notes: list[Note], since: date | None = None) -> list[dict[str, str]]:
    """Every interview note (scheduled ones too) from `since` on, oldest first."""
    apps = Applications(notes)
    rows = []
    for note in sorted(notes, key=lambda n: (n.start, n.path)):
        if since and note.day < since:
            continue
        rows.append(
            {
                "company": note.company,
                "role": note.role,
                "round": note.round,
                "start": note.start.isoformat(timespec="minutes"),
                "end": note.end.isoformat(timespec="minutes"),
                "people": "; ".join(str(p) for p in note.people),
                "round_outcome": note.outcome,
                "application_outcome": apps.of(note).outcome,
                # marked sent without a day (`yes`): not to be read as unsent
                "thank_you_sent": _day(note.thank_you_sent)
                or ("sent" if note.thank_you_done else ""),
                "followed_up": "; ".join(d.isoformat() for d in note.followed_up),
                "outcome_on": _day(note.outcome_on),
                "note": note.path,
            }
        )
    return rows
