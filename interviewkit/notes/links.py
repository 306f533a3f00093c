"""Obsidian wikilinks in front matter values: `"[[Target]]"`, `"[[Folder/Target]]"`,
`"[[Target|Shown]]"` and `"[[Target#Heading]]"`, as Obsidian writes them in properties.

A link stands for what it shows: the text after `|` when there is one, else the
name of the note it points to (without its folders). Written without quotes, YAML
reads `[[Acme]]` as a list holding a list (`[["Acme"]]`); `unquoted` gives back the
link that was meant, so the note can say so on its line and still be read.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

_WIKILINK = re.compile(r"^\[\[(?P<target>[^\]|#]+)(?:#[^\]|]*)?(?:\|(?P<alias>[^\]]+))?\]\]$")


class Link(NamedTuple):
    """A wikilink: the note it points to, and the text it stands for."""

    target: str
    shown: str


def parse_link(text: str) -> Link | None:
    """The wikilink TEXT is, when it is one (blanks around it allowed)."""
    found = _WIKILINK.match(text.strip())
    if found is None:
        return None
    target = found.group("target").strip()
    shown = (found.group("alias") or "").strip() or target.rsplit("/", 1)[-1].strip()
    return Link(target, shown) if shown else None


def unquoted(value: Any) -> str | None:
    """`[[…]]` when VALUE is what YAML makes of a wikilink written without quotes (a
    list holding one list of one text); else None."""
    if (
        isinstance(value, list)
        and len(value) == 1
        and isinstance(value[0], list)
        and len(value[0]) == 1
        and isinstance(value[0][0], str)
    ):
        text = f"[[{value[0][0].strip()}]]"
        return text if parse_link(text) else None
    return None
