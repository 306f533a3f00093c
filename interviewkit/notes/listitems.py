"""List items inside a section: top-level items and what is nested under each."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interviewkit.notes.sections import fenced_lines, strip_comments

# Every pattern here runs in linear time: trailing blanks are stripped in code,
# never matched after a lazy group (which costs the square of a long blank run).
_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+(?P<text>.*)$")


@dataclass
class Item:
    """A top-level list item and the lines nested under it (indentation made relative)."""

    text: str
    nested: list[str] = field(default_factory=list)


def _width(indent: str) -> int:
    return len(indent.replace("\t", "    "))


def top_level_items(section_text: str) -> list[Item]:
    """The section's top-level list items, each with its nested lines, comments removed."""
    lines = strip_comments(section_text).splitlines()
    inside = fenced_lines(lines)
    widths = [
        _width(m.group("indent"))
        for line, fenced in zip(lines, inside, strict=True)
        if not fenced and (m := _ITEM.match(line))
    ]
    if not widths:
        return []
    top = min(widths)
    items: list[Item] = []
    for line, fenced in zip(lines, inside, strict=True):
        match = None if fenced else _ITEM.match(line)
        if match and _width(match.group("indent")) == top:
            text = match.group("text").rstrip(" \t")
            if text:
                items.append(Item(text))
            continue
        if items and line.strip() and _width(line[: len(line) - len(line.lstrip())]) > top:
            items[-1].nested.append(line)
    for item in items:
        if item.nested:
            cut = min(_width(n[: len(n) - len(n.lstrip())]) for n in item.nested)
            item.nested = [n.replace("\t", "    ")[cut:].rstrip() for n in item.nested]
    return items
