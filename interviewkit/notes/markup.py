"""Obsidian's own markup in notes, and what it stands for once text leaves Obsidian.

- Wikilinks: `[[Target]]`, `[[Folder/Target]]`, `[[Target|Shown]]`, `[[Target#Heading]]`.
  A link stands for what it shows: the text after `|` when there is one, else the
  name of the note it points to (without its folders). In front matter they are
  quoted, as Obsidian writes them in properties; written without quotes, YAML
  reads `[[Acme]]` as a list holding a list (`[["Acme"]]`), and `unquoted` gives
  back the link that was meant, so the note can say so on its line and still be read.
- Embeds (`![[diagram.png]]`, `![](image.png)`), tags (`#ask-later`) and block ids
  (`^a1b2`) mean something inside the vault only: `plain_text` drops them, or keeps
  an inline tag's word, so that a letter reads as a person would write it.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

_LINK = r"\[\[(?P<target>[^\]|#]*)(?P<heading>#[^\]|]*)?(?:\|(?P<alias>[^\]]*))?\]\]"
_WIKILINK = re.compile(_LINK)
_EMBED = re.compile(r"!\[\[[^\]]*\]\]|!\[[^\]]*\]\([^)]*\)")
# Obsidian's tags: after a blank or the line's start, letters, digits, `_`, `-` and
# `/`, at least one of them not a digit (`#1` is not a tag, nor is C#).
_TAG = r"(?<!\S)#[\w/-]*[^\W\d][\w/-]*"
_TRAILING_TAGS = re.compile(rf"(?:^|\s+){_TAG}(?:\s+{_TAG})*\s*$")
_INLINE_TAG = re.compile(r"(?<!\S)#(?P<word>[\w/-]*[^\W\d][\w/-]*)")
_BLOCK_ID = re.compile(r"\s+\^[A-Za-z0-9-]+\s*$")


class Link(NamedTuple):
    """A wikilink: the note it points to, and the text it stands for."""

    target: str
    shown: str


def _shown(found: re.Match[str]) -> str:
    alias = (found.group("alias") or "").strip()
    if alias:
        return alias
    target = found.group("target").strip()
    if target:
        return target.rsplit("/", 1)[-1].strip()
    return (found.group("heading") or "").lstrip("#^").strip()  # [[#Heading]]


def parse_link(text: str) -> Link | None:
    """The wikilink TEXT is, when it is one to a note (blanks around it allowed)."""
    found = _WIKILINK.fullmatch(text.strip())
    if found is None or not found.group("target").strip():
        return None
    shown = _shown(found)
    return Link(found.group("target").strip(), shown) if shown else None


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


def plain_text(line: str) -> str:
    """One line of a note as a reader outside Obsidian should see it: links as the
    text they show, embeds, block ids and trailing tags gone, an inline tag as its word."""
    if "[" in line:
        line = _EMBED.sub("", line)
        line = _WIKILINK.sub(_shown, line)
    if "^" in line:
        line = _BLOCK_ID.sub("", line)
    if "#" in line:
        line = _TRAILING_TAGS.sub("", line)
        line = _INLINE_TAG.sub(lambda found: found.group("word"), line)
    return line
