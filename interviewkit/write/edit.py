"""Byte-preserving edits of a note's front matter and task lines, written atomically.

ruamel.yaml's round-trip loader tells where each key and list item sits; the
edit itself replaces or inserts whole lines, so every other byte (BOM, CRLF,
comments, quoting, key order, flow lists, the final newline) stays as it was.
"""

from __future__ import annotations

import json
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from interviewkit.errors import EditConflict
from interviewkit.notes.front_matter import BOM
from interviewkit.write.atomic import NOTE, write_file

# Linear time: the key ends at a non-blank character, so no lazy group is followed
# by a run of blanks (which would cost the square of a long blank run).
_KEY_LINE = re.compile(
    r"^(?P<lead>(?P<key>[^\s#:](?:[^:\n]*[^\s:])?|\"[^\"]*\"|'[^']*')[ \t]*:)"
    r"(?P<rest>.*?)(?P<eol>\r?\n)?$",
    re.S,
)
_ITEM_PREFIX = re.compile(r"^(?P<prefix>[ \t]*-[ \t]+)")
# Where a YAML comment may start (`C# Developer` holds none); inside quotes it is
# text, but an edit that would drop it is refused all the same.
_COMMENT = re.compile(r"(?:^|\s)#")


# Characters some tools take for line breaks. A note's lines end at "\n" only, but
# YAML readers also break lines at these, so a front matter holding one could be
# edited at the wrong line: such a front matter is refused.
_OTHER_BREAKS = re.compile("\r(?!\n)|[\x85\u2028\u2029]")


def split_lines(text: str) -> list[str]:
    """`text` cut after each "\n" and nowhere else, each line keeping its ending.

    Unlike `str.splitlines`, a lone "\r", a form feed or a Unicode line separator
    is an ordinary character inside a line.
    """
    lines = text.split("\n")
    last = lines.pop()
    cut = [line + "\n" for line in lines]
    if last:
        cut.append(last)
    return cut


@dataclass
class NoteText:
    """A note's text split into lines that keep their own endings."""

    lines: list[str]
    close: int

    @classmethod
    def parse(cls, text: str) -> NoteText:
        """Split `text`; the front matter must open on line 1 and close."""
        lines = split_lines(text)
        if not lines or lines[0].removeprefix(BOM).rstrip() != "---":
            raise EditConflict("the note has no front matter to edit")
        for index in range(1, len(lines)):
            if lines[index].rstrip() in ("---", "..."):
                for number, line in enumerate(lines[:index], start=1):
                    if _OTHER_BREAKS.search(line):  # a "\r" before its "\n" is no break
                        raise EditConflict(
                            f"line {number} of the front matter holds a line separator other "
                            "than a newline; remove it, then try again"
                        )
                return cls(lines, index)
        raise EditConflict("the note's front matter is never closed")

    @property
    def text(self) -> str:
        """The whole note, joined back."""
        return "".join(self.lines)

    @property
    def eol(self) -> str:
        """The line ending the front matter uses."""
        first = self.lines[0]
        ending = first[len(first.rstrip("\r\n")) :]
        return ending or "\n"

    def mapping(self) -> CommentedMap:
        """The front matter as ruamel.yaml round-trip data, with positions."""
        try:
            # ruamel.yaml only says where keys and items are; tabs, which it refuses in
            # places the reader accepts (`key: value\t# note`), become spaces of the
            # same width, so every position stays where it is.
            data = YAML(typ="rt").load("".join(self.lines[1 : self.close]).replace("\t", " "))
        except YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problem = (getattr(exc, "problem", None) or "not valid YAML").split(" with value")[0]
            where = f"line {mark.line + 2}: " if mark is not None else ""
            raise EditConflict(
                f"{where}the front matter cannot be edited safely: {problem} "
                "(`interviewkit check` names what to fix)"
            ) from None
        if data is None:
            return CommentedMap()
        if not isinstance(data, CommentedMap):
            raise EditConflict("the front matter is not a mapping of keys to values")
        return data

    def span(self, data: CommentedMap, key: str) -> tuple[int, int]:
        """File line indexes [start, end) of a top-level key and its value."""
        keys = list(data.keys())
        start = data.lc.key(key)[0] + 1
        position = keys.index(key)
        end = self.close
        if position + 1 < len(keys):
            end = data.lc.key(keys[position + 1])[0] + 1
        while end - 1 > start and (
            not self.lines[end - 1].strip() or self.lines[end - 1].startswith("#")
        ):
            end -= 1
        return start, end


def _split_comment(rest: str) -> tuple[str, str]:
    """Split what follows `key:` into the value text and a trailing ` # comment`."""
    stripped = rest.lstrip()
    lead = len(rest) - len(stripped)
    if stripped[:1] in ("'", '"'):
        quote = stripped[0]
        index = 1
        while index < len(stripped):
            if quote == '"' and stripped[index] == "\\":
                index += 2
                continue
            if stripped[index] == quote:
                if quote == "'" and stripped[index + 1 : index + 2] == "'":
                    index += 2
                    continue
                break
            index += 1
        tail = stripped[index + 1 :]
        match = re.match(r"[ \t]+#.*$", tail)
        return rest[: lead + index + 1], match.group(0) if match else ""
    match = re.search(r"(?<![ \t])[ \t]+#.*$", rest)  # from a blank run's start only
    if match:
        return rest[: match.start()], match.group(0)
    return rest, ""


def set_key(text: str, key: str, value: str, after: str | None = None) -> str:
    """Set a top-level scalar key to `value` (YAML text); add it when missing."""
    note = NoteText.parse(text)
    data = note.mapping()
    eol = note.eol
    if key in data:
        start, end = note.span(data, key)
        line = note.lines[start]
        match = _KEY_LINE.match(line)
        if not match:
            raise EditConflict(f"cannot find where {key!r} is written")
        line_eol = match.group("eol") or ""
        written, comment = _split_comment(match.group("rest"))
        _refuse_anchor_or_tag(key, written)
        if end - start != 1:
            comment = ""
        # The key lies inside the front matter, so a closing line always follows it.
        note.lines[start:end] = [f"{match.group('lead')} {value}{comment}{line_eol or eol}"]
    else:
        where = note.close
        if after is not None and after in data:
            where = note.span(data, after)[1]
        note.lines.insert(where, f"{key}: {value}{eol}")
    return note.text


def set_item(text: str, key: str, index: int, written: str, value: str) -> str:
    """Replace item `index` of a top-level list, written as `written`, by `value`
    (YAML text), where it stands: on its own `- ` line, or inside a one-line
    `[flow, list]`."""
    note = NoteText.parse(text)
    data = note.mapping()
    items = data.get(key)
    if not isinstance(items, CommentedSeq) or index >= len(items):
        raise EditConflict(f"cannot find item {index + 1} of {key!r}")
    line_index, column = items.lc.item(index)
    line_index += 1  # the front matter starts on the note's second line
    line = note.lines[line_index]
    for quote in ("", '"', "'"):
        shown = f"{quote}{written}{quote}"
        if line.startswith(shown, column):
            note.lines[line_index] = line[:column] + value + line[column + len(shown) :]
            return note.text
    raise EditConflict(f"cannot find where item {index + 1} of {key!r} is written")


def replace_item(text: str, key: str, index: int, *values: str) -> str:
    """Replace item `index` of a top-level `- item` list, all the lines it spans (a
    mapping spans several), by one `- value` line per value (YAML text). Refused
    when the item holds a comment, which the new lines would drop, or does not start
    on a `- ` line of its own."""
    note = NoteText.parse(text)
    data = note.mapping()
    items = data.get(key)
    if not isinstance(items, CommentedSeq) or index >= len(items):
        raise EditConflict(f"cannot find item {index + 1} of {key!r}")
    start = items.lc.item(index)[0] + 1  # the front matter starts on the second line
    first = _ITEM_PREFIX.match(note.lines[start])
    if first is None or start <= data.lc.key(key)[0] + 1:
        raise EditConflict(f"item {index + 1} of {key!r} is not on a `- ` line of its own")
    dash = first.group("prefix").index("-")  # the next item's dash stands below this one
    limit, end = note.span(data, key)[1], start + 1
    while end < limit and not (
        not note.lines[end][:dash].strip() and note.lines[end][dash:].startswith("-")
    ):
        end += 1
    while end - 1 > start and not note.lines[end - 1].strip():  # blank lines stay
        end -= 1
    spanned = note.lines[start:end]
    if any(_COMMENT.search(line) for line in spanned):
        raise EditConflict(
            f"item {index + 1} of {key!r} holds a comment, which the new lines would drop"
        )
    eol = spanned[-1][len(spanned[-1].rstrip("\r\n")) :] or note.eol
    note.lines[start:end] = [f"{first.group('prefix')}{value}{eol}" for value in values]
    return note.text


def rename_key(text: str, old: str, new: str) -> str:
    """Rename top-level key `old` to `new` on its own line, keeping its quoting."""
    note = NoteText.parse(text)
    data = note.mapping()
    if old not in data or new in data:
        raise EditConflict(f"cannot rename {old!r} to {new!r} here")
    start, _ = note.span(data, old)
    line = note.lines[start]
    match = _KEY_LINE.match(line)
    if not match or match.group("key").strip("'\"") != old:
        raise EditConflict(f"cannot find where {old!r} is written")
    written = match.group("key")
    renamed = written.replace(old, new) if written[:1] in "'\"" else new
    note.lines[start] = renamed + line[len(written) :]
    return note.text


def drop_key(text: str, key: str) -> tuple[str, str]:
    """Delete top-level key `key` and the lines its value spans; with the comment that
    ended its line (` # Berlin time`), for the caller to keep elsewhere. Refused when a
    value of several lines holds a comment."""
    note = NoteText.parse(text)
    data = note.mapping()
    if key not in data:
        raise EditConflict(f"cannot find {key!r} to remove")
    start, end = note.span(data, key)
    comment = ""
    if end - start == 1 and (match := _KEY_LINE.match(note.lines[start])):
        comment = _split_comment(match.group("rest").rstrip("\r\n"))[1]
    elif any(_COMMENT.search(line) for line in note.lines[start:end]):
        raise EditConflict(f"{key!r} holds a comment, which removing it would drop")
    del note.lines[start:end]
    return note.text, comment


# An item that is the same text written plain inside a flow list's brackets.
_PLAIN_ITEM = re.compile(r"\w[\w .:/+-]*(?<! )")


def _flow_item(text: str) -> str:
    """`text` as one item of a flow list: plain when it can be, else double-quoted
    (JSON's escapes are YAML's too)."""
    return text if _PLAIN_ITEM.fullmatch(text) else json.dumps(text, ensure_ascii=False)


def flow_list(items: list[str]) -> str:
    """Texts as the YAML of a one-line list, `[Ana Ruiz, "Dana Lee, Recruiter"]`."""
    return "[" + ", ".join(map(_flow_item, items)) + "]"


def append_to_list(text: str, key: str, value: str, one_line_items: list[str] | None = None) -> str:
    """Add `value` (YAML text) to a top-level list, keeping the list's own style. A
    key holding one value on its line becomes a list of `one_line_items` (what the
    caller reads that value as) and `value`; without them, it is refused."""
    note = NoteText.parse(text)
    data = note.mapping()
    eol = note.eol
    if key not in data:
        note.lines.insert(note.close, f"{key}:{eol}{_item_prefix(note, data)}{value}{eol}")
        return note.text
    items = data[key]
    start, end = note.span(data, key)
    match = _KEY_LINE.match(note.lines[start])
    if not match:
        raise EditConflict(f"cannot find where {key!r} is written")
    written, comment = _split_comment(match.group("rest"))
    _refuse_anchor_or_tag(key, written)
    line_eol = match.group("eol") or eol
    if items is None and end - start == 1:  # `key:`, `key: ~`, `key: null # none`
        note.lines[start] = f"{match.group('lead')} [{value}]{comment}{line_eol}"
        return note.text
    if items is None:
        raise EditConflict(f"{key} is written over several lines; make it a list and try again")
    if not isinstance(items, CommentedSeq):
        if one_line_items is None or end - start != 1 or isinstance(items, CommentedMap):
            raise EditConflict(
                f"{key} is not a list; make it one (like [2026-11-27]) and try again"
            )
        # `key: 2026-11-20`, or a list typed without its brackets: the items the
        # caller read there, in brackets, then the new one
        listed = ", ".join([*map(_flow_item, one_line_items), value])
        note.lines[start] = f"{match.group('lead')} [{listed}]{comment}{line_eol}"
        return note.text
    if items.fa.flow_style() or not items:
        if end - start == 1:
            inner = written.strip()[1:-1].strip()
            joined = f"{inner}, {value}" if inner else value
            note.lines[start] = f"{match.group('lead')} [{joined}]{comment}{line_eol}"
            return note.text
        closing = _flow_end(note.lines[end - 1])
        if closing is None:
            raise EditConflict(
                f"cannot find where the list {key!r} ends; add {value} to it by hand"
            )
        body, tail = closing
        separator = ", " if items else ""
        note.lines[end - 1] = f"{body}{separator}{value}]{tail}"
        return note.text
    last = items.lc.item(len(items) - 1)[0] + 1
    prefix_match = _ITEM_PREFIX.match(note.lines[last])
    prefix = prefix_match.group("prefix") if prefix_match else "  - "
    # the item's line lies inside the front matter, so it ends in "\n"
    note.lines.insert(last + 1, f"{prefix}{value}{eol}")
    return note.text


def _flow_end(line: str) -> tuple[str, str] | None:
    """The line that closes a flow list written over several lines, `  2026-11-22] # two`,
    cut into what comes before its `]` (blanks trimmed) and what comes after it
    (blanks, a comment, the line end); None when the `]` cannot be told apart."""
    comment = line.find("#")
    code = line if comment < 0 else line[:comment]
    close = code.rfind("]")
    if close < 0 or code[close + 1 :].strip():
        return None
    return code[:close].rstrip(" \t"), line[close + 1 :]


def _refuse_anchor_or_tag(key: str, written: str) -> None:
    """An anchored value may be shared by aliases, and a tagged one has its own type:
    neither is changed behind the user's back."""
    if written.strip()[:1] in ("&", "!"):
        raise EditConflict(f"{key} has an anchor or a tag ({written.strip()}); edit it by hand")


def _item_prefix(note: NoteText, data: CommentedMap) -> str:
    """The `  - ` a note already uses for block list items, so a new list matches."""
    for value in data.values():
        if isinstance(value, CommentedSeq) and value and not value.fa.flow_style():
            line = note.lines[value.lc.item(0)[0] + 1]
            match = _ITEM_PREFIX.match(line)
            if match:
                return match.group("prefix")
    return "  - "


def replace_line(text: str, line_number: int, new_line: str) -> str:
    """Replace the content of 1-based line `line_number`, keeping its line ending.
    Only a body line is ever replaced (a task: the first line of a note opens its
    front matter), so a BOM, which can only lead the first line, is never in the way."""
    lines = split_lines(text)
    old = lines[line_number - 1]
    ending = old[len(old.rstrip("\r\n")) :]
    lines[line_number - 1] = f"{new_line}{ending}"
    return "".join(lines)


def insert_line_before(text: str, line_number: int, new_line: str) -> str:
    """Insert `new_line` before 1-based line `line_number`, with that line's ending."""
    lines = split_lines(text)
    old = lines[line_number - 1]
    ending = old[len(old.rstrip("\r\n")) :] or ("\r\n" if "\r\n" in text else "\n")
    lines.insert(line_number - 1, f"{new_line}{ending}")
    return "".join(lines)


def _refuse_special(path: Path, target: Path) -> None:
    """Refuse notes that a write by rename would change in ways nobody asked for."""
    info = target.stat()
    if info.st_nlink > 1:
        raise EditConflict(
            f"{path}: has {info.st_nlink} hard links, and an edit would leave the others "
            "unchanged; edit it by hand (nothing written)"
        )
    if not info.st_mode & stat.S_IWUSR:
        raise EditConflict(f"{path}: is read-only; make it writable first (nothing written)")


def write_atomically(path: Path, before: bytes, after: bytes) -> None:
    """Replace the note with `after` unless it no longer holds `before`; keep its permissions."""
    target = path.resolve()

    def unchanged() -> None:
        try:
            current = target.read_bytes()
        except OSError as exc:
            raise EditConflict(f"{path}: cannot read: {exc.strerror}") from None
        if current != before:
            raise EditConflict(
                f"{path}: changed on disk while it was being edited; nothing written"
            )

    unchanged()
    _refuse_special(path, target)
    try:
        write_file(target, after, NOTE, before_rename=unchanged)
    except OSError as exc:
        raise EditConflict(f"{path}: cannot write: {exc.strerror}") from None
    if target.read_bytes() != after:
        raise EditConflict(f"{path}: the file read back differs from what was written")
