"""Obsidian's property types for the note contract, in `.obsidian/types.json`.

Obsidian keeps one type per property name for the whole vault. Without one,
`start` shows as text and a date key as text too, so the Properties view cannot
offer a date picker, and Bases and Dataview sort them as text. `init` adds the
contract's types there; a type the vault already has is never changed (the user,
or another plugin, chose it).
"""

from __future__ import annotations

import json
from pathlib import Path

from interviewkit.notes.contract import RATINGS
from interviewkit.write.atomic import NOTE, write_file

TYPES_FILE = "types.json"
CONTRACT_TYPES = {
    "start": "datetime",
    "end": "datetime",
    **dict.fromkeys(
        ("decision_by", "follow_up_on", "thank_you_sent", "outcome_on", "offer_deadline"), "date"
    ),
    "people": "multitext",
    "followed_up": "multitext",
    "tags": "tags",
    **dict.fromkeys(RATINGS, "number"),
}


class TypesUnreadable(ValueError):
    """A `types.json` that is not the JSON object Obsidian writes: it is left alone."""


def add_property_types(obsidian: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """Add the contract's types missing from `<obsidian>/types.json` (the `.obsidian`
    folder). Gives the names added, in the contract's order, and (name, type) for each
    contract property the vault types otherwise, which is left as it is. Written
    atomically, keeping the file's other content; nothing is written when nothing is
    missing."""
    path = obsidian / TYPES_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    try:
        data = json.loads(text) if text.strip() else {}
    except json.JSONDecodeError as exc:
        raise TypesUnreadable(f"{path}:{exc.lineno}: not JSON ({exc.msg}); left as it is") from None
    types = data.setdefault("types", {}) if isinstance(data, dict) else None
    if not isinstance(types, dict):
        raise TypesUnreadable(f"{path}:1: `types` is not a JSON object; left as it is")
    added = [name for name in CONTRACT_TYPES if name not in types]
    differing = [
        (name, str(types[name]))
        for name in CONTRACT_TYPES
        if name in types and types[name] != CONTRACT_TYPES[name]
    ]
    if added:
        types.update({name: CONTRACT_TYPES[name] for name in added})
        data_text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        write_file(path, data_text.encode("utf-8"), NOTE)
    return added, differing
