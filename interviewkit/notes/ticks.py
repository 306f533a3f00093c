"""Ticks in a `Due.md` note that `due --format markdown -o` wrote: which of its
checkboxes the user ticked (in Obsidian, with or without the Tasks plugin), so the
next run can record them as `done` would before writing the list again."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# A line `due` writes for an action `done` records: `- [ ] … `id` 📅 2026-11-26`.
_CHECKBOX = re.compile(r"^- \[(?P<status>[^\]])\] .*`(?P<id>[^`\s]+:[^`\s]+)`")
_DUE_ON = re.compile(r"📅\ufe0f?[ \t]*(\d{4}-\d{2}-\d{2})")
_DONE_ON = re.compile(r"✅\ufe0f?[ \t]*(\d{4}-\d{2}-\d{2})|\[completion::[ \t]*(\d{4}-\d{2}-\d{2})")
_PROBLEMS = "## Problems"


@dataclass(frozen=True)
class Tick:
    """One ticked checkbox: the action, the day Tasks wrote as done (if any), the line,
    and the due day the line showed (an action that comes back, like a second
    follow-up, keeps its id: the day tells the occurrences apart)."""

    action_id: str
    done_on: date | None
    line: int
    due_on: str = ""


def ticked(text: str) -> list[Tick]:
    """The ticked checkboxes of a `Due.md` text, in order, the Problems section aside."""
    found: list[Tick] = []
    in_problems = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("## "):
            in_problems = line.strip() == _PROBLEMS
            continue
        match = _CHECKBOX.match(line)
        if in_problems or match is None or match["status"] not in "xX":
            continue
        written = _DONE_ON.search(line)
        day = None
        if written:
            try:
                day = date.fromisoformat(written.group(1) or written.group(2))
            except ValueError:
                day = None
        due = _DUE_ON.search(line)
        found.append(Tick(match["id"], day, number, due.group(1) if due else ""))
    return found
