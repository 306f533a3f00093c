"""Stable JSON documents for scripts. Keys and their meaning are documented in the README."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from ..errors import Problem
from ..rules import Action, state
from .wording import due_iso


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def dumps(document: dict[str, Any]) -> str:
    """A JSON object with its keys in a fixed order, one top-level key per line and
    one list item per line: readable, diff-friendly, and fast to write."""
    parts = []
    for key, value in document.items():
        if isinstance(value, list) and value:
            items = ",\n    ".join(_compact(item) for item in value)
            parts.append(f"  {_compact(key)}: [\n    {items}\n  ]")
        else:
            parts.append(f"  {_compact(key)}: {_compact(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def problems_list(problems: list[Problem]) -> list[dict[str, Any]]:
    """Problems as `{"note", "line", "message"}` objects."""
    return [{"note": p.path, "line": p.line, "message": p.message} for p in problems]


def due_document(
    actions: list[Action], today: date, timezone: str, problems: list[Problem]
) -> dict[str, Any]:
    """The `due --format json` document."""
    return {
        "today": today.isoformat(),
        "timezone": timezone,
        "actions": [
            {
                "id": a.id,
                "kind": a.kind,
                "due": due_iso(a),
                "state": state(a, today),
                "note": a.note.path,
                "note_id": a.note.id,
                "company": a.note.company,
                "role": a.note.role,
                "round": a.note.round,
                "summary": a.summary,
            }
            for a in actions
        ],
        "problems": problems_list(problems),
    }
