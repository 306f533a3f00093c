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

# No part holds a bracket and each is bounded (a file name is at most 255 bytes),
# so that a line of a thousand `[[` costs its length, not its square.
_LINK = (
    r"\[\[(?P<target>[^\[\]|#\n]{0,400})(?P<heading>#[^\[\]|\n]{0,400})?"
    r"(?:\|(?P<alias>[^\[\]\n]{0,400}))?\]\]"
)
_WIKILINK = re.compile(_LINK)
_EMBED = re.compile(r"!\[\[[^\[\]\n]{0,800}\]\]|!\[[^\[\]\n]{0,800}\]\([^()\n]{0,2000}\)")
# Obsidian's tags: letters, digits, `_`, `-` and `/` after a `#` that starts a word,
# at least one of them not a digit (`#1` is not a tag, nor is C#); what follows the
# tag in the word (a comma) is kept.
_TAG_WORD = re.compile(r"#(?P<tag>[\w/-]*[^\W\d][\w/-]*)(?P<rest>.*)", re.S)
# `(?<![ \t])`: a blank run is tried from its start only, so a long one costs its length.
BLOCK_ID = re.compile(r"(?<![ \t])[ \t]+\^[A-Za-z0-9-]+$")


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


# The quotes "smart punctuation" (iOS, macOS, word processors) types for `"` and `'`:
# (opening, closing) of each kind, German opening low (`„Acme“`, `‚Acme‘`). YAML
# reads them as part of the text.
_CURLY_PAIRS = (("\u201c\u201e\u201d", "\u201d\u201c"), ("\u2018\u201a\u2019", "\u2019\u2018"))
_CURLY_MARKS = frozenset("\u201c\u201d\u201e\u2018\u2019\u201a")
_CURLY_MARK = re.compile("[\u201c\u201d\u201e\u2018\u2019\u201a]")


def has_curly_quotes(text: str) -> bool:
    """Whether `text` holds a curly quote (most front matter is ASCII, and says so at once)."""
    return not text.isascii() and _CURLY_MARK.search(text) is not None


def curly_quoted(value: Any) -> str | None:
    """The text inside a value written wholly in curly quotes (`“Acme”`, `„Acme“`);
    None for any other value."""
    if not isinstance(value, str) or len(value) < 3 or value[0] not in _CURLY_MARKS:
        return None
    for opening, closing in _CURLY_PAIRS:
        if value[0] in opening and value[-1] in closing and value[1:-1].strip():
            return value[1:-1]
    return None


def plain_text(line: str) -> str:
    """One line of a note as a reader outside Obsidian should see it, its words joined
    by single spaces: links as the text they show, embeds, a block id and trailing
    tags gone, an inline tag as its word."""
    if "[" in line:
        line = _WIKILINK.sub(_shown, _EMBED.sub("", line))
    if "^" in line:
        line = BLOCK_ID.sub("", line.rstrip())
    words = line.split()
    if "#" in line:
        while words and (tag := _TAG_WORD.fullmatch(words[-1])) and not tag.group("rest"):
            words.pop()  # trailing tags file the item; they say nothing to a reader
        words = [
            tag.group("tag") + tag.group("rest") if (tag := _TAG_WORD.fullmatch(word)) else word
            for word in words
        ]
    return " ".join(words)
