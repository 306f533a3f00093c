"""Text from notes made safe to show: on a terminal, and inside Markdown.

A company name is the user's own text, but a note can come from anywhere (a
shared vault, a synced folder, an invitation), and what it holds must not drive
the terminal (escape sequences, OSC 52 writing the clipboard) or add lines,
checkboxes, table rows, links or HTML to a Markdown output.
"""

from __future__ import annotations

import re

# C0 controls but tab, newline and a carriage return ending a line (CSV's rows end
# in CRLF), DEL, and C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")
_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\x85\x0b\x0c]+\s*")
_MARKDOWN = re.compile(r"([\[\]<|])")
# Characters that end or redirect an Obsidian wikilink target, or break a path in one.
_LINK_BREAKERS = re.compile(r"[\[\]|#^\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` with every control character but tab, newline and the CR of a CRLF shown
    as `\\x1b`."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def inline(text: str) -> str:
    """A value for one line of Markdown: line breaks collapsed, markup characters
    escaped (`[`, `]`, `<`, `|`, ...), a leading `#` escaped, controls shown."""
    flat = _BREAKS.sub(" ", text)
    escaped = _MARKDOWN.sub(r"\\\1", printable(flat))
    return "\\" + escaped if escaped.startswith("#") else escaped


def link_target(path: str) -> str:
    """A vault path as a wikilink target: characters that would break the link are
    replaced by `-` (Obsidian finds a note by its name; the link then names a file
    that does not exist rather than another note)."""
    return _LINK_BREAKERS.sub("-", path)
