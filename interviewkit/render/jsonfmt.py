"""Stable JSON documents for scripts. Keys and their meaning are documented in the README."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from ..errors import Problem
from ..rules import Action, state
from .wording import due_iso


def dumps(document: Any) -> str:
    """JSON with sorted-free, fixed key order, two-space indent and a final newline."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


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
