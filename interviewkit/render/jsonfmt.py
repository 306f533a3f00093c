"""Stable JSON documents for scripts. Keys and their meaning are documented in the README."""

from __future__ import annotations

import json
from datetime import date
from json.encoder import encode_basestring as _text
from typing import Any

from interviewkit.errors import Problem
from interviewkit.rules.agenda import STATES, Due, state


class EncodedItems(list):
    """List items already written as compact JSON: `dumps` copies them as they are."""


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def dumps(document: dict[str, Any]) -> str:
    """A JSON object with its keys in a fixed order, one top-level key per line and
    one list item per line: readable, diff-friendly, and fast to write."""
    parts = []
    for key, value in document.items():
        if isinstance(value, list) and value:
            items = ",\n    ".join(
                value if isinstance(value, EncodedItems) else map(_compact, value)
            )
            parts.append(f"  {_compact(key)}: [\n    {items}\n  ]")
        else:
            parts.append(f"  {_compact(key)}: {_compact(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def problems_list(problems: list[Problem]) -> list[dict[str, Any]]:
    """Problems as `{"note", "line", "severity", "message"}` objects."""
    return [
        {"note": p.path, "line": p.line, "severity": p.severity, "message": p.message}
        for p in problems
    ]


def due_document(
    rows: list[Due], today: date, timezone: str, problems: list[Problem]
) -> dict[str, Any]:
    """The `due --format json` document. Its actions are written field by field (the
    same text `json.dumps` gives), as they can number in the tens of thousands."""
    states = {name: _text(name) for name in STATES}
    return {
        "today": today.isoformat(),
        "timezone": timezone,
        "actions": EncodedItems(
            f'{{"id": {_text(r.id)}, "kind": {_text(r.kind)}, "due": {_text(r.due)}, '
            f'"state": {states[state(r, today)]}, '
            f'"note": {_text(r.note)}, "note_id": {_text(r.note_id)}, '
            f'"company": {_text(r.company)}, "role": {_text(r.role)}, "round": {_text(r.round)}, '
            f'"summary": {_text(r.summary)}, '
            f'"fallback": {_text(r.fallback) if r.fallback else "null"}, '
            f'"warning": {_text(r.warning) if r.warning else "null"}}}'
            for r in rows
        ),
        "problems": problems_list(problems),
    }
