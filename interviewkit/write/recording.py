"""Recording what was done: `done` and `outcome` turned into safe edits of one note."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from interviewkit.config import Settings
from interviewkit.errors import Ambiguous, BadValue, EditConflict, NoteNotFound, NothingToRecord
from interviewkit.notes.note import Note, split_front_matter
from interviewkit.notes.tasks import tick
from interviewkit.notes.yamlscan import YamlFailure, load_mapping
from interviewkit.rules.actions import RECORDABLE, note_actions
from interviewkit.rules.applications import Applications
from interviewkit.vocabulary import OUTCOMES
from interviewkit.write import edit

HOW_TO_CLOSE = {
    "people": "add the people you met to `people:` in {path}; the action closes by itself",
    "debrief": (
        "write the points discussed and the questions asked under their headings in {path};"
        " the action closes by itself"
    ),
    "reflect": "write how it felt and whether it fits under the Fit heading in {path}",
    "prepare": "nothing to record: it closes by itself when the interview in {path} starts",
}


@dataclass(frozen=True)
class Recorded:
    """What an edit did, for the message the CLI prints."""

    path: str
    message: str


def split_action_id(action_id: str) -> tuple[str, str, str]:
    """`note-id:kind` or `note-id:task:hash` -> (note id, kind, task hash)."""
    if ":task:" in action_id:
        note_id, key = action_id.rsplit(":task:", 1)
        return note_id, "task", key
    if ":" not in action_id:
        raise BadValue(f"{action_id!r} is not an action id (like acme-2026-11-27-onsite:thank-you)")
    note_id, kind = action_id.rsplit(":", 1)
    return note_id, kind, ""


def _front_matter_values(text: str) -> tuple[dict, str]:
    fm = split_front_matter(text)
    try:
        values, _ = load_mapping(fm.yaml)
    except YamlFailure as exc:
        raise EditConflict(f"the edit would break the front matter: {exc.message}") from None
    return values, fm.body


def _apply(root: Path, note: Note, change: Callable[[str], str], keys: set[str]) -> None:
    """Edit one note: change the text, check nothing but `keys` moved, write atomically."""
    path = root / note.path
    try:
        before = path.read_bytes()
        text = before.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EditConflict(f"{note.path}: cannot read: {exc}") from None
    after_text = change(text)
    old_values, old_body = _front_matter_values(text)
    new_values, new_body = _front_matter_values(after_text)
    moved = {
        k for k in old_values.keys() | new_values.keys() if old_values.get(k) != new_values.get(k)
    }
    if moved - keys:
        raise EditConflict(
            f"{note.path}: the edit would change {sorted(moved - keys)}; nothing written"
        )
    if keys and old_body != new_body:
        raise EditConflict(f"{note.path}: the edit would change the body; nothing written")
    edit.write_atomically(path, before, after_text.encode("utf-8"))


def record_done(
    root: Path, settings: Settings, notes: list[Note], action_id: str, on: date
) -> Recorded:
    """Mark one open action as done in its note."""
    note_id, kind, _ = split_action_id(action_id)
    matches = [n for n in notes if n.id == note_id]
    if not matches:
        raise NoteNotFound(f"{action_id}: no interview note has the id {note_id!r}")
    if len(matches) > 1:
        paths = ", ".join(n.path for n in matches)
        raise Ambiguous(
            f"{action_id}: the id {note_id!r} is used by {paths} (give each its own id)"
        )
    note = matches[0]
    if kind in HOW_TO_CLOSE:
        raise NothingToRecord(f"{action_id}: {HOW_TO_CLOSE[kind].format(path=note.path)}")
    apps = Applications(notes)
    open_here = {a.id: a for a in note_actions(note, apps, settings, None)}
    action = open_here.get(action_id)
    if action is None:
        listed = ", ".join(sorted(a.id for a in open_here.values() if a.kind in RECORDABLE))
        listed = listed or "nothing to record"
        raise NoteNotFound(f"{action_id}: not open in {note.path} (open there: {listed})")
    day = on.isoformat()
    if kind == "thank-you":
        _apply(root, note, lambda t: edit.set_key(t, "thank_you_sent", day), {"thank_you_sent"})
        return Recorded(note.path, f"{note.path}: thank_you_sent: {day}")
    if kind == "follow-up":
        _apply(root, note, lambda t: edit.append_to_list(t, "followed_up", day), {"followed_up"})
        return Recorded(note.path, f"{note.path}: followed_up += {day}")
    task = action.task
    if task is None:
        raise NoteNotFound(f"{action_id}: not a task in {note.path}")
    _apply(
        root,
        note,
        lambda t: edit.replace_line(t, task.line, tick(task.text, on, task.dataview)),
        set(),
    )
    return Recorded(note.path, f"{note.path}:{task.line}: task done on {day}")


def record_outcome(root: Path, note: Note, value: str, on: date) -> Recorded:
    """Set a note's outcome, and the day it was learnt in `outcome_on` next to it."""
    outcome = value.strip().casefold()
    if outcome not in OUTCOMES:
        raise BadValue(f"{value!r} is not an outcome (choose from {', '.join(OUTCOMES)})")
    day = on.isoformat()

    def change(text: str) -> str:
        return edit.set_key(
            edit.set_key(text, "outcome", outcome), "outcome_on", day, after="outcome"
        )

    _apply(root, note, change, {"outcome", "outcome_on"})
    return Recorded(note.path, f"{note.path}: outcome: {outcome} (outcome_on: {day})")
