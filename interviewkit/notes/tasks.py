"""Task lines, read and ticked the way the Obsidian Tasks plugin does."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from interviewkit.notes.dates import in_range
from interviewkit.notes.markup import BLOCK_ID
from interviewkit.notes.sections import fenced_lines, has_fences, lines_with

_TASK = re.compile(
    r"^(?P<prefix>[ \t]*(?:>[ \t]?)*[ \t]*)(?P<marker>[-*+]|\d{1,9}[.)])[ \t]+"
    r"\[(?P<status>[^\]])\][ \t]+(?P<body>\S.*)$"
)
_DUE_EMOJI = re.compile(r"(?:📅|📆|🗓)\ufe0f?[ \t]*(\d{4}-\d{2}-\d{2})")
_DUE_DATAVIEW = re.compile(r"[\[(]due::[ \t]*(\d{4}-\d{2}-\d{2})[ \t]*[\])]")
# The day a task is planned for (Tasks' scheduled date): without a due date, it is
# the day the task is listed on.
_SCHEDULED = re.compile(
    r"⏳\ufe0f?[ \t]*(\d{4}-\d{2}-\d{2})|[\[(]scheduled::[ \t]*(\d{4}-\d{2}-\d{2})[ \t]*[\])]"
)
# A due marker followed by anything: when it is not a date the Tasks plugin reads,
# the task has no due date, and that is worth saying.
_DUE_WRITTEN = re.compile(r"(?:📅|📆|🗓)\ufe0f?[ \t]*(\S*)|[\[(]due::[ \t]*([^\])]*)[\])]")
_LOOSE_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# `(?<![ \t])`: a blank run is tried from its start only, so a long one costs its length.
DONE_MARK = re.compile(
    r"(?<![ \t])[ \t]*(?:✅\ufe0f?[ \t]*\d{4}-\d{2}-\d{2}|\[completion::[^\]]*\])"
)
_OTHER_FIELDS = re.compile(
    r"(?:[➕🛫⏳✅❌]\ufe0f?[ \t]*\d{4}-\d{2}-\d{2})|[⏫🔼🔽⏬🔺]\ufe0f?|(?:🆔|⛔)\ufe0f?[ \t]*[\w,-]*"
    r"|\[[\w-]+::[^\]]*\]"
    # a recurrence rule runs up to the next field's emoji
    r"|(?:🔁|🏁)\ufe0f?[^📅📆🗓➕🛫⏳✅❌⏫🔼🔽⏬🔺🆔⛔🔁🏁]*"
)
# Done (`x`, and `X` as Obsidian users write it) and cancelled (`-`); the Tasks plugin
# takes any other status (`[ ]`, `[/]`, `[>]`, `[?]`, `[!]`) for one still to do.
CLOSED_STATUSES = frozenset("xX-")


@dataclass(slots=True, frozen=True)
class Task:
    """One task line: where it is, its status, its due date and how its fields are written."""

    line: int
    text: str
    status: str
    due: date | None  # the due date, else the scheduled one: the day it is listed on
    dataview: bool
    key: str
    description: str
    unreadable_due: str = ""  # what follows a due marker when it is not a YYYY-MM-DD date

    @property
    def is_open(self) -> bool:
        """True for a task still to do: any status but done and cancelled."""
        return self.status not in CLOSED_STATUSES


def has_task_fields(body: str) -> bool:
    """Whether a checkbox item's text carries a field of the Tasks plugin (a date, a
    recurrence, a priority): then it is a task, whatever section it sits in."""
    return bool(_DUE_WRITTEN.search(body) or DONE_MARK.search(body) or _OTHER_FIELDS.search(body))


def describe(body: str) -> str:
    """A task's words without its date fields, priority and block id."""
    # Each field is looked for only when the line holds what it begins with: every
    # field's mark but `[…::…]` is past ASCII, and `str.isascii` answers at once.
    if "✅" in body or "[completion::" in body:
        body = DONE_MARK.sub("", body)
    if not body.isascii() or "due::" in body:
        body = _DUE_WRITTEN.sub("", body)
    if not body.isascii() or "::" in body:
        body = _OTHER_FIELDS.sub("", body)
    if "^" in body:
        body = BLOCK_ID.sub("", body)
    return " ".join(body.split())


def task_key(description: str) -> str:
    """8 hex digits of a hash of the task's words alone (`describe`), folded: the key
    survives ticking the task and changing its dates, priority or recurrence."""
    import hashlib  # only notes with tasks pay for loading it

    normal = " ".join(unicodedata.normalize("NFKC", description).casefold().split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:8]


def _parse_day(text: str) -> date | None:
    try:
        return in_range(date.fromisoformat(text))
    except ValueError:
        return None


def holds(text: str, tag: str) -> re.Match[str] | None:
    """Where `tag` stands in `text` as a whole tag or word (`#task`, not `#tasks`)."""
    return re.search(rf"(?<![\w#/-]){re.escape(tag)}(?![\w/-])", text)


# A line written like a task, but not one the Tasks plugin reads: `-[ ]`, `- []`,
# `- [ ]Call`, `- [  ]` (with a due date, a reminder lost without a word).
_ALMOST_TASK = re.compile(
    r"(?P<prefix>[ \t]*(?:>[ \t]?)*[ \t]*)(?P<marker>[-*+]|\d{1,9}[.)])[ \t]*"
    r"\[(?P<status>[ xX/]{0,3})\][ \t]*(?P<body>\S.*)$"
)


def _almost(line: str, number: int) -> Task | None:
    """The line as a task not read (status ""; its description the line as a task
    would be written), when it is written almost like one and holds a due date; else
    None."""
    near = _ALMOST_TASK.match(line)
    due = _DUE_WRITTEN.search(near.group("body")) if near else None
    if near is None or due is None:
        return None
    written = due.group(1) if due.group(1) is not None else due.group(2)
    status = near.group("status").strip()[:1] or " "
    return Task(
        line=number,
        text=line,
        status="",
        due=_parse_day(written.strip()),
        dataview=due.group(1) is None,
        key="",
        description=f"{near['prefix']}{near['marker']} [{status}] {near['body']}",
    )


def find_tasks(
    body: str, first_line: int, global_filter: str = "", misses: list[Task] | None = None
) -> list[Task]:
    """Every task line outside fenced code, with 1-based file lines; keys are unique per
    note. With a `global_filter` (the Tasks plugin's), only lines holding it are tasks,
    and it is no part of their words (nor of their keys). A line written almost like a
    task, with a due date, is added to `misses` (its status "", its due date as read)."""
    if "[" not in body or (global_filter and global_filter not in body):
        return []
    fenced = fenced_lines(body.split("\n")) if has_fences(body) else None
    tasks: list[Task] = []
    used: dict[str, int] = {}
    for line_index, start, end in lines_with(body, "["):
        if fenced is not None and fenced[line_index]:
            continue
        line = body[start:end]
        match = _TASK.match(line)
        if not match:
            if (
                misses is not None
                and (not global_filter or holds(line, global_filter))
                and (miss := _almost(line, first_line + line_index))
            ):
                misses.append(miss)
            continue
        body_text = match.group("body").rstrip(" \t")
        if global_filter:
            found = holds(body_text, global_filter)
            if found is None:
                continue
            body_text = (body_text[: found.start()] + body_text[found.end() :]).strip(" \t")
        dataview = _DUE_DATAVIEW.search(body_text)
        emoji = _DUE_EMOJI.search(body_text)
        due_text = dataview.group(1) if dataview else emoji.group(1) if emoji else None
        due = _parse_day(due_text) if due_text else None
        unreadable = ""
        if due is None:
            written = _DUE_WRITTEN.search(body_text)
            if written:
                unreadable = (
                    written.group(1) if written.group(1) is not None else written.group(2).strip()
                ) or "nothing"
            if scheduled := _SCHEDULED.search(body_text):  # without a due date that reads
                due = _parse_day(scheduled.group(1) or scheduled.group(2))
        description = describe(body_text)
        key = task_key(description)
        used[key] = used.get(key, 0) + 1
        if used[key] > 1:
            key = f"{key}-{used[key]}"
        tasks.append(
            Task(
                line=first_line + line_index,
                text=line,
                status=match.group("status"),
                due=due,
                dataview=bool(dataview) or (not emoji and "::" in body_text),
                key=key,
                description=description,
                unreadable_due=unreadable,
            )
        )
    return tasks


def due_hint(written: str) -> str:
    """How to write a due date the Tasks plugin reads, from what was written."""
    loose = _LOOSE_DATE.fullmatch(written)
    if loose and len(written) == 10 and not _parse_day(written):
        try:
            date.fromisoformat(written)
            return "the year must be from 1900 to 2200"
        except ValueError:
            pass
    if loose:
        with_zeros = f"{loose[1]}-{int(loose[2]):02d}-{int(loose[3]):02d}"
        if _parse_day(with_zeros):
            return f"write {with_zeros}"
    return "write it as YYYY-MM-DD, like 2026-12-01"


def with_status(line: str, status: str) -> str:
    """The task line with its checkbox holding `status` (`x`, ` `)."""
    match = _TASK.match(line)
    if not match:
        raise ValueError("not a task line")
    start, end = match.span("status")
    return line[:start] + status + line[end:]


def tick(line: str, on: date, dataview: bool) -> str:
    """The task line marked done on `on`, with the done date in the task's own format."""
    ticked = with_status(line, "x")
    mark = f"[completion:: {on.isoformat()}]" if dataview else f"✅ {on.isoformat()}"
    # Tasks puts two spaces before a Dataview field: with one, Live Preview hides it.
    gap = "  " if dataview else " "
    trailing = ticked[len(ticked.rstrip()) :]
    content = ticked.rstrip()
    block = BLOCK_ID.search(content)
    if block:
        return f"{content[: block.start()]}{gap}{mark}{block.group(0)}{trailing}"
    return f"{content}{gap}{mark}{trailing}"
