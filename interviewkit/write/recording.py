"""Recording what was done: `done` and `outcome` turned into safe edits of one note."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from interviewkit.config import Settings
from interviewkit.errors import Ambiguous, BadValue, EditConflict, NoteNotFound, NothingToRecord
from interviewkit.notes.contract import misspellings
from interviewkit.notes.front_matter import (
    plain_rules,
    split_front_matter,
)
from interviewkit.notes.note import Note
from interviewkit.notes.recurrence import RULES, RuleNotRead, next_occurrence
from interviewkit.notes.tasks import Task, tick
from interviewkit.notes.yamlscan import YamlFailure, load_mapping
from interviewkit.rules.actions import RECORDABLE, note_actions
from interviewkit.rules.applications import Applications
from interviewkit.vocabulary import OUTCOMES
from interviewkit.write import edit

if TYPE_CHECKING:  # reading invitations loads the e-mail package: only `new` needs it
    from interviewkit.notes.invite import Invite

HOW_TO_CLOSE = {
    "people": "add the people you met to `people:` in {path}; the action closes by itself",
    "debrief": (
        "write the points discussed and the questions asked under their headings in {path};"
        " the action closes by itself"
    ),
    "reflect": (
        "write whether it fits under the Fit heading and the answers you would give better"
        " under Answers to improve in {path}; the action closes by itself"
    ),
    "prepare": "nothing to record: it closes by itself when the interview in {path} starts",
    "decide": (
        "record your answer with `interviewkit outcome {path} accepted` (or declined);"
        " the action closes by itself"
    ),
}


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
    """The front matter's values and the body; YamlFailure when the YAML is not read
    whole (`_apply` reads the note's before any edit asks for them)."""
    fm = split_front_matter(text)
    values, _ = load_mapping(fm.yaml)
    return values, fm.body


def _refuse_misspelt(note: Note, text: str, keys: set[str]) -> None:
    """Refuse to add a key while the note holds a misspelling of it: the note would
    end up with both, and the misspelt one would stay wrong."""
    fm = split_front_matter(text)
    try:
        values, lines = load_mapping(fm.yaml)
    except YamlFailure:
        return  # the edit itself reports what is wrong with the front matter
    misspelt = misspellings(values)
    for written, meant in misspelt:  # in the order they are written
        if meant in keys:
            line = fm.yaml_first_line + lines[written]
            alone = [m for _, m in misspelt].count(meant) == 1  # else --fix cannot choose
            raise EditConflict(
                f"{note.path}:{line}: {written!r} looks like a misspelling of {meant}; "
                f"rename it to {meant}{' (`check --fix` does)' if alone else ''}, then try "
                "again (nothing written)"
            )


def _apply(
    root: Path,
    note: Note,
    change: Callable[[str], str],
    keys: set[str],
    expect: Callable[[dict], dict] | None = None,
) -> None:
    """Edit one note: change the text, check nothing but `keys` moved and that they now
    hold what `expect` (given the old values) says, then write atomically."""
    path = root / note.path
    try:
        before = path.read_bytes()
        text = before.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EditConflict(f"{note.path}: cannot read: {exc}") from None
    if plain_rules(before) is not None:
        raise EditConflict(
            f"{note.path}:1: the front matter opens with dashes, not `---`; write `---` "
            "(`interviewkit check --fix` does), then try again (nothing written)"
        )
    _refuse_misspelt(note, text, keys)
    try:  # what the note holds now, read whole, so the edit can be checked against it
        old_values, old_body = _front_matter_values(text)
    except YamlFailure as exc:  # a mistake, an alias: the reader reads around it, an edit not
        from interviewkit.notes.yamlscan import read_around_mistakes
        from interviewkit.vocabulary import FIX_NO_BREAK_SPACE, FIX_QUOTE_VALUE

        fm = split_front_matter(text)
        line, said = fm.yaml_first_line + exc.line, exc.message
        with contextlib.suppress(YamlFailure):  # would `check --fix` mend it?
            mended = {m.fix for m in read_around_mistakes(fm.yaml)[3] if m.line == exc.line}
            if FIX_NO_BREAK_SPACE in mended:
                said = (
                    "a no-break or zero-width space where YAML takes only a plain one; write a "
                    "plain one (`interviewkit check --fix` does)"
                )
            elif FIX_QUOTE_VALUE in mended:
                said += "; quote it (`interviewkit check --fix` does)"
        raise EditConflict(
            f"{note.path}:{line}: {said}, then try again (nothing written)"
        ) from None
    try:
        after_text = change(text)
    except EditConflict as exc:
        line = re.match(r"line (\d+): ", str(exc))
        where = f"{note.path}:{line.group(1)}" if line else note.path
        reason = str(exc)[line.end() :] if line else str(exc)
        raise EditConflict(f"{where}: {reason}") from None
    try:
        new_values, new_body = _front_matter_values(after_text)
    except YamlFailure as exc:
        raise EditConflict(
            f"{note.path}: the edit would break the front matter: {exc.message}"
        ) from None
    moved = {
        k for k in old_values.keys() | new_values.keys() if old_values.get(k) != new_values.get(k)
    }
    if moved - keys:
        raise EditConflict(
            f"{note.path}: the edit would change {sorted(moved - keys)}; nothing written"
        )
    if keys and old_body != new_body:
        raise EditConflict(f"{note.path}: the edit would change the body; nothing written")
    wanted = expect(old_values) if expect else {}
    wrong = sorted(k for k, v in wanted.items() if new_values.get(k) != v)
    if wrong:
        raise EditConflict(
            f"{note.path}:{note.line_of(wrong[0])}: {wrong[0]} is written in a form this edit "
            "cannot change safely; change it by hand (nothing written)"
        )
    edit.write_atomically(path, before, after_text.encode("utf-8"))


def _follow_ups_written(values: dict, date_order: str) -> list:
    """The items of `followed_up` as written: its list, the dates of a list typed on
    one line without brackets, or its one value (what `done` adds a day after)."""
    from interviewkit.notes.values import dates_on_one_line

    items = values.get("followed_up")
    if isinstance(items, list):
        return items
    if items is None or items == "":
        return []
    return dates_on_one_line(items, date_order) or [str(items)]


def record_done(root: Path, settings: Settings, notes: list[Note], action_id: str, on: date) -> str:
    """Mark one open action as done in its note; what was done, for the terminal."""
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
    if kind == "close":  # the silence is the answer
        return record_outcome(root, note, "no_response", on)
    if kind in ("thank-you", "follow-up") and on < note.day:
        raise BadValue(
            f"--on {day} is before the interview on {note.day.isoformat()}; "
            "give the day you sent it"
        )
    if kind == "thank-you":
        _apply(
            root,
            note,
            lambda t: edit.set_key(t, "thank_you_sent", day),
            {"thank_you_sent"},
            lambda old: {"thank_you_sent": day},
        )
        return f"{note.path}: thank_you_sent: {day}"
    if kind == "follow-up" and on in note.followed_up:  # `done` run twice, say
        raise NothingToRecord(
            f"{action_id}: a follow-up on {day} is recorded in {note.path} already; a second "
            "the same day is not recorded, as it would count towards the follow-up limit"
        )
    if kind == "follow-up":
        order = settings.date_order
        _apply(
            root,
            note,
            lambda t: edit.append_to_list(
                t, "followed_up", day, _follow_ups_written(_front_matter_values(t)[0], order)
            ),
            {"followed_up"},
            lambda old: {"followed_up": [*_follow_ups_written(old, order), day]},
        )
        return f"{note.path}: followed_up += {day}"
    task = action.task
    if task is None:
        raise NoteNotFound(f"{action_id}: not a task in {note.path}")
    try:
        following = next_occurrence(task.text, on)
    except RuleNotRead as exc:
        raise BadValue(
            f"{note.path}:{task.line}: the recurrence {str(exc)!r} is not one interviewkit "
            f"can work out (it reads: {'; '.join(RULES)}); tick it in Obsidian, where the "
            "Tasks plugin writes the next one (nothing written)"
        ) from None
    where: list[int] = []

    def tick_task(text: str) -> str:
        where.append(task_line_now(text, note, task))
        ticked = edit.replace_line(text, where[0], tick(task.text, on, task.dataview))
        return ticked if following is None else edit.insert_line_before(ticked, where[0], following)

    _apply(root, note, tick_task, set())
    if following is None:
        return f"{note.path}:{where[0]}: task done on {day}"
    return (
        f"{note.path}:{where[0] + 1}: task done on {day}; the next one is on line {where[0]}: "
        f"{following.strip()}"
    )


def task_line_now(text: str, note: Note, task: Task) -> int:
    """The 1-based line that holds `task` in the note's text as it is now.

    When the task's text is on as many lines as when the note was read, it is the
    same occurrence of that text as then (the line it was read from, if nothing
    moved). A task whose text is now on more or fewer lines is refused rather than
    guessed: the note changed around it.
    """
    # A task is a body line: never the first line, the only one a BOM can lead.
    lines = [line.removesuffix("\n").removesuffix("\r") for line in edit.split_lines(text)]
    holding = [number for number, line in enumerate(lines, start=1) if line == task.text]
    twins = [t.line for t in note.tasks if t.text == task.text]
    if len(holding) == len(twins):
        return holding[twins.index(task.line)]
    found = "no line" if not holding else f"{len(holding)} lines"
    raise EditConflict(  # `_apply` puts the note's path in front of the line
        f"line {task.line}: the note changed since it was read, and the task "
        f"{task.description or task.text.strip()!r} is now on {found}; "
        "tick it by hand or run `interviewkit due` again (nothing written)"
    )


def record_outcome(
    root: Path, note: Note, value: str, on: date, deadline: date | None = None
) -> str:
    """Set a note's outcome, and the day it was learnt in `outcome_on` next to it; for
    an offer, `deadline` (the day to answer by) goes in `offer_deadline` after those."""
    outcome = value.strip().casefold()
    if outcome not in OUTCOMES:
        raise BadValue(f"{value!r} is not an outcome (choose from {', '.join(OUTCOMES)})")
    if deadline is not None and outcome != "offer":
        raise BadValue(f"--deadline is the day to answer an offer by; {outcome} has none")
    day = on.isoformat()
    wanted = {"outcome": outcome, "outcome_on": day}
    if deadline is not None:
        wanted["offer_deadline"] = deadline.isoformat()

    def change(text: str) -> str:
        after = None  # outcome stays where it is written, or goes last; the rest follow it
        for key, written in wanted.items():
            text = edit.set_key(text, key, written, after=after)
            after = key
        return text

    _apply(root, note, change, set(wanted), lambda old: wanted)
    said = f"outcome: {outcome} (outcome_on: {day}"
    said += f", offer_deadline: {wanted['offer_deadline']})" if deadline else ")"
    return f"{note.path}: {said}"


def record_rescheduled(root: Path, note: Note, invite: Invite) -> list[str]:
    """Bring a note made from an invitation up to date with a later copy of it:
    start, end, location, link, the people newly invited and the SEQUENCE, each
    on its own line, nothing else touched. An older copy is refused (exit 7).

    Returns one line per change (none when nothing changed)."""
    from interviewkit.notes.dates import wall_text
    from interviewkit.write.scaffold import yaml_scalar

    if invite.sequence < note.invite_sequence:
        raise EditConflict(
            f"{note.path}: this invitation (SEQUENCE {invite.sequence}) is older than the one "
            f"the note has (SEQUENCE {note.invite_sequence}); nothing changed"
        )
    wanted: dict[str, tuple[str, object, str]] = {}  # key -> (YAML text, value read, shown)
    for key, now, then in (
        ("start", invite.start, note.start),
        ("end", invite.end, note.end),
    ):
        if now.timestamp() != then.timestamp():
            text = wall_text(now)
            wanted[key] = (text, text, f"{key}: {wall_text(then)} -> {text}")
    for key, now, then in (
        ("location", invite.location, note.location),
        ("link", invite.link, note.link),
    ):
        if now and now != then:
            wanted[key] = (yaml_scalar(now), now, f"{key}: {then or '(none)'} -> {now}")
    if invite.sequence != note.invite_sequence:
        value = str(invite.sequence)
        wanted["invite_sequence"] = (
            value,
            value,
            f"invite_sequence: {note.invite_sequence} -> {value}",
        )
    known = {p.email.casefold() for p in note.people if p.email} | {p.key for p in note.people}
    added = [p for p in invite.people if p.email.casefold() not in known and p.key not in known]
    if not wanted and not added:
        return []

    def change(text: str) -> str:
        for key, (written, _, _) in wanted.items():
            after = {"end": "start", "link": "location", "invite_sequence": "invite_uid"}.get(key)
            text = edit.set_key(text, key, str(written), after=after)
        for person in added:
            text = edit.append_to_list(text, "people", yaml_scalar(str(person)))
        return text

    def expect(old: dict) -> dict:
        result = {key: value for key, (_, value, _) in wanted.items()}
        if added:
            result["people"] = [*(old.get("people") or []), *(str(p) for p in added)]
        return result

    _apply(root, note, change, set(wanted) | ({"people"} if added else set()), expect)
    return [shown for _, _, shown in wanted.values()] + [f"people: + {p}" for p in added]
