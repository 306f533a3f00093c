"""Finding a note's front matter in a file's bytes, without YAML: the text decoded
(or why it cannot be), the block split from the body, and the front matter an editor
wrote where no reader looks for it (below blank lines, between dashes that Smart
Punctuation typed, in TOML, in UTF-16) told apart, so that `notes.note` can read it
as meant or say why it does not."""

from __future__ import annotations

import re
from dataclasses import dataclass

from interviewkit.errors import Problem
from interviewkit.notes.markup import parse_link
from interviewkit.notes.typed_dates import MONTHS
from interviewkit.vocabulary import DUE_LIST_TITLE, FIX_BLANK_LINES, FIX_WINDOWS_1252

BOM = "\ufeff"
MAX_FRONT_MATTER = 1024 * 1024
# `type: interview`, bare or in quotes (curly ones too, see `notes.note._curly_quoted`),
# or as a list of that one word (`type: [interview]`, see `notes.note_type.listed_type`).
_TYPE_LINE = re.compile(
    r"^type[ \t]*:[ \t]*(?:\[[ \t]*)?['\"\u201c\u201d\u201e\u2018\u2019\u201a]?interview"
    r"['\"\u201c\u201d\u2018\u2019]?[ \t]*\]?[ \t]*(?:#.*)?$",
    re.M | re.I,
)
TYPE_BYTES = re.compile(  # also `type: [interview]`, as the list Obsidian's tags make
    rb"^type[ \t]*:[ \t]*(?:\[[ \t]*)?(?:['\"]|\xe2\x80[\x98\x99\x9a\x9c\x9d\x9e])?interview",
    re.M | re.I,
)


@dataclass(frozen=True)
class FrontMatter:
    """Where the YAML block sits in a note. Line numbers are 1-based file lines."""

    present: bool
    closed: bool
    yaml: str
    yaml_first_line: int
    body: str
    body_first_line: int


_OPEN = re.compile(r"---[ \t]*(?:\n|$)")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)


def split_front_matter(text: str) -> FrontMatter:
    """Split a note into its YAML block and body; tolerant of BOM, CRLF and `---` rules below.

    The YAML and the body come back with `\n` line ends.
    """
    if text.startswith(BOM):
        text = text[1:]
    if "\r\n" in text:  # a lone "\r" is an ordinary character, as it is to the editor
        text = text.replace("\r\n", "\n")
    elif "\r" in text and "\n" not in text:  # CR-only line ends (classic Mac OS)
        text = text.replace("\r", "\n")
    opening = _OPEN.match(text)
    if not opening:
        return FrontMatter(False, False, "", 0, text, 1)
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        yaml_text = text[opening.end() :]
        return FrontMatter(True, False, yaml_text.rstrip("\n"), 2, "", 2 + yaml_text.count("\n"))
    yaml_text = text[opening.end() : closing.start()]
    body_start = closing.end() + 1
    body_line = 2 + yaml_text.count("\n") + 1
    return FrontMatter(True, True, yaml_text.rstrip("\n"), 2, text[body_start:], body_line)


_COMPANY_LINE = re.compile(rb"^company[ \t]*:(.*)$", re.M)


def company_line(data: bytes) -> str:
    """The company an unusable note names on a `company:` line, found without YAML."""
    match = _COMPANY_LINE.search(data, 0, 1 << 16)
    if not match:
        return ""
    value = match.group(1).decode("utf-8", "replace")
    comment = value.find(" #")
    if comment >= 0:
        value = value[:comment]
    value = value.strip().strip("'\"")
    link = parse_link(value)
    return link.shown if link else value.strip("[]{}'\" \t")


def typed_bytes(data: bytes) -> bool:
    """Cheap test on a file's first bytes: front matter with a `type: interview` line?"""
    return data.startswith((b"---", b"\xef\xbb\xbf---")) and typed_above_rule(data)


def typed_above_rule(data: bytes) -> bool:
    """True when a `type: interview` line comes before the first line starting with
    `---` after the opening one: the front matter ends there at the latest, so the
    body of a long note is not searched."""
    end = data.find(b"\n---", 3)
    return bool(TYPE_BYTES.search(data, 0, len(data) if end < 0 else end))


# The keys, as written on a line of their own, that make front matter outside the notes
# folder a round that lacks its `type: interview`: a company and a start, as a meeting
# note has too, and a key that only an interview round has, or the tag `interview`
# (`tags: [interview]`, or `- interview` below `tags:`).
_ROUND_LINE = re.compile(
    rb"^(company|start|round|thank_you_sent|follow_up_on|decision_by|followed_up|"
    rb"outcome_on|offer_deadline|type)[ \t]*:"
    rb"|^(tags)[ \t]*:[^\n]*\binterview\b|^[ \t]+-[ \t]*['\"]?#?(interview)\b",
    re.M | re.I,
)


def untyped_round(data: bytes) -> list[str]:
    """What makes front matter (outside the notes folder, without `type: interview`)
    look like an interview round's, in the order written: a `company`, a `start`, and
    a key that only a round has or the tag `interview`; empty for any other, and for
    front matter with a `type` of its own."""
    end = data.find(b"\n---", 3)
    end = end if end > 0 else 4096
    if data.find(b"tart", 0, end) < 0 and data.find(b"TART", 0, end) < 0:
        return []  # no start, as in most notes: no search
    keys = [
        (m.group(1) or b"the tag interview").decode().lower()
        for m in _ROUND_LINE.finditer(data, 0, end)
    ]
    if "type" in keys or "company" not in keys or "start" not in keys or len(set(keys)) < 3:
        return []  # a type of its own (`type: meeting`) says what the note is
    return list(dict.fromkeys(keys))


def looks_like_interview(front_matter_text: str) -> bool:
    """Cheap test, no YAML parse: does the block have a `type: interview` line?"""
    return bool(_TYPE_LINE.search(front_matter_text))


# A file that begins with one of these is UTF-16 text, as Windows Notepad saves
# "Unicode" (little-endian) and "Unicode big endian".
_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
UTF16_NOT_READ = (
    'is saved as UTF-16 (Notepad\'s "Unicode"), which Obsidian and interviewkit do not '
    "read: save it as UTF-8 (`check --fix` does); until then this note is not read"
)


def utf16_text(data: bytes) -> str | None:
    """The text of a file saved as UTF-16 with its byte order mark; None for any other."""
    if not data.startswith(_UTF16_MARKS):
        return None
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError:
        return None


def decode(path: str, data: bytes) -> str | Problem:
    """UTF-8 text of a file, or why it is none: binary, or not UTF-8, then at the line
    of its first byte that is not, with what that byte is in the Windows-1252 that
    some editors save. (UTF-16 is told apart before, see `notes.note._read`.)"""
    if b"\x00" in data[:8192]:
        return Problem(path, 1, "is a binary file (save it as UTF-8 Markdown)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        byte = data[exc.start : exc.start + 1]
        shown = byte.decode("cp1252", "replace")
        known = shown != "\ufffd" and shown.isprintable()
        guess = f" ({shown!r} in Windows-1252, as some editors save it)" if known else ""
        mended = windows_1252_mended(data) is not None
        return Problem(
            path,
            data.count(b"\n", 0, exc.start) + 1,
            f"is not UTF-8 text: byte 0x{byte.hex().upper()} on this line{guess}; save the "
            "file as UTF-8"
            + (" (`check --fix` does, reading such bytes as Windows-1252)" if mended else ""),
            fix=FIX_WINDOWS_1252 if mended else "",
        )


# Control characters no note holds: text that has them read as Windows-1252 is not.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def windows_1252_mended(data: bytes) -> tuple[str, str] | None:
    """The text of a file that is not UTF-8 because some of its bytes are Windows-1252
    (as Notepad saved "ANSI" text in the Americas and Western Europe, or as text
    pasted from such a file): those bytes read so, the rest as UTF-8; and the
    characters read so, each once. None when a byte is neither, or the text would
    hold a control character."""
    parts, read_so, at = [], "", 0
    while True:
        try:
            parts.append(data[at:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            parts.append(data[at : at + exc.start].decode("utf-8"))
            try:  # the bytes UTF-8 could not read: one, or a sequence cut short
                chars = data[at + exc.start : at + exc.end].decode("cp1252")
            except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: no character there
                return None
            parts.append(chars)
            read_so += "".join(dict.fromkeys(c for c in chars if c not in read_so))
            at += exc.end
    text = "".join(parts)
    return None if _CONTROL.search(text) else (text, read_so)


NO_FRONT_MATTER = (
    "has no front matter, so nothing is due from it: if it is an interview, begin it "
    "with these lines, as `new` does: `---`, `type: interview`, `company: Name`, "
    "`start: 2026-11-27T14:00`, `---` (if it is another kind of note, any front matter "
    "without `type: interview`, such as `tags: [prep]`, says so)"
)
# A day in a file name or a first line, as people date interview notes by hand.
_DAY_WRITTEN = re.compile(
    r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4})\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?P<after>[A-Za-zÄÖÜäöü]{3,9})\.?,?\s+\d{4}\b"
    r"|\b(?P<before>[A-Za-zÄÖÜäöü]{3,9})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"
)


def dated_without_front_matter(path: str, text: str) -> bool:
    """Whether a note without front matter in the notes folder is dated in its file
    name or its first line, as an interview noted by hand is; the list `due
    --format markdown` writes is not counted."""
    first = text.lstrip("\ufeff").split("\n", 1)[0][:200]
    if first.startswith(DUE_LIST_TITLE):
        return False
    for where in (path.rsplit("/", 1)[-1], first):
        for match in _DAY_WRITTEN.finditer(where):
            month = match.group("after") or match.group("before")
            if month is None or month.casefold() in MONTHS:
                return True
    return False


# A note opening with an en or em dash, as Smart Punctuation (iOS, macOS) types two
# hyphens: `---` becomes `—-`.
_DASH_STARTS = tuple(
    bom + dash for bom in (b"", b"\xef\xbb\xbf") for dash in (b"\xe2\x80\x93", b"\xe2\x80\x94")
)
_DASH_LINE = re.compile(rb"(?:\xe2\x80[\x93\x94]|-){1,3}")
_KEY_BYTES = re.compile(rb"^[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|\r?$)", re.M)
DASHED = (
    "the front matter opens with dashes where Obsidian needs three hyphens, `---` (Smart "
    "Punctuation types `—-` for them), so Obsidian shows none of its properties; read "
    "as meant; `check --fix` writes `---`"
)


def _dashed_rule(line: bytes) -> bool:
    """A line of dashes that stands for `---`: one to three hyphens or en or em dashes,
    at least one a dash (or `---` itself), then blanks."""
    bare = line.rstrip(b" \t\r")
    return bare == b"---" or (b"\xe2" in bare and _DASH_LINE.fullmatch(bare) is not None)


def front_matter_dashed(data: bytes, in_notes_folder: bool) -> bytes | None:
    """`data` with `---` for the dashes around its front matter (see `plain_rules`),
    when what they hold says it is an interview note's: a type line, or in the notes
    folder two keys or more (text between two rules is none); else None."""
    plain = plain_rules(data)
    if plain is None or typed_above_rule(plain):
        return plain
    end = plain.find(b"\n---", 3)
    keys = len(_KEY_BYTES.findall(plain, 0, end if end > 0 else 4096))
    return plain if in_notes_folder and keys >= 2 else None


def plain_rules(data: bytes) -> bytes | None:
    """`data` with `---` for the lines of dashes that open and close its front matter,
    when the first begins with an en or em dash (`—-`); None for any other (most
    notes: told by their first bytes), and when no line closes it."""
    if not data.startswith(_DASH_STARTS):
        return None
    lines = data.split(b"\n")
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    if not _dashed_rule(lines[0][len(bom) :]):
        return None
    for number in range(1, len(lines)):
        if _dashed_rule(lines[number]):
            for at, lead in ((0, bom), (number, b"")):
                lines[at] = lead + b"---" + (b"\r" if lines[at].endswith(b"\r") else b"")
            return b"\n".join(lines)
    return None


# How a note starts when its front matter may be written where no reader looks for it.
ODD_STARTS = frozenset(b" \t\r\n+")
_BLANKS_THEN_OPEN = re.compile(rb"(?:[ \t]*\r?\n)+(?=---[ \t]*\r?\n)")
_TOML_TYPE = re.compile(rb"^type[ \t]*=[ \t]*['\"]?interview", re.M | re.I)


def blank_lines_first(data: bytes) -> int:
    """How many bytes of blank lines come before an interview note's front matter
    (no reader looks for it there); 0 when there are none, or it is no such note."""
    blanks = _BLANKS_THEN_OPEN.match(data)
    return blanks.end() if blanks and TYPE_BYTES.search(data) else 0


def front_matter_not_first(path: str, data: bytes) -> Problem | None:
    """The error for an interview note whose front matter Obsidian and interviewkit
    do not read: below blank lines, or written in TOML between `+++`."""
    if blanks := blank_lines_first(data):
        line = data[:blanks].count(b"\n") + 1
        return Problem(
            path,
            line,
            f"front matter must begin on the first line: delete the blank lines above the "
            f"--- on line {line} (`check --fix` does); until then this note is not read",
            fix=FIX_BLANK_LINES,
        )
    if data.startswith(b"+++") and _TOML_TYPE.search(data):
        return Problem(
            path,
            1,
            "front matter in TOML (+++) is not read: write it in YAML between --- lines "
            "(`key: value`); until then this note is not read",
        )
    return None
