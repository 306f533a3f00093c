"""What a note shows wrong beyond its values: template placeholders left unfilled,
headings that only look like a section's, tags Obsidian refuses, Dataview fields
that would decide what is due, task dates the Tasks plugin cannot read, and a merge
conflict left in the body."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from interviewkit.errors import Problem
from interviewkit.notes.contract import CONTRACT_SET, DATE_KEYS, key_meant
from interviewkit.notes.sections import Headings, fenced_lines, has_fences, lines_with
from interviewkit.notes.tasks import Task, holds
from interviewkit.notes.values import as_written, said

if TYPE_CHECKING:
    from interviewkit.notes.front_matter import FrontMatter


def _body_conflict(path: str, fm: FrontMatter) -> list[Problem]:
    """A warning on the first line of a git merge conflict left in the body."""
    from interviewkit.notes.yamlscan import CONFLICT, conflict_line  # loaded with the YAML

    line = conflict_line(fm.body)
    return [] if line is None else [Problem(path, fm.body_first_line + line, CONFLICT, "warning")]


def heading_near_misses(headings: Headings) -> dict[str, str]:
    """Section key -> the first heading written that only looks like one of its own."""
    near: dict[str, str] = {}
    for _, written, key, _ in headings.near:
        near.setdefault(key, written)
    return near


def heading_warnings(path: str, headings: Headings) -> list[Problem]:
    """A warning for each heading that is not one of a section's but looks like one,
    and for each section written twice (see `notes.sections.read_sections`)."""
    return sorted(
        [
            Problem(
                path,
                line,
                f"`{written}` looks like `{alternative}`; add it to `heading_{key}` or rename it"
                if written.startswith("#")
                else f"`{written}` is not a heading, so its text is not read as {alternative}: "
                f"write `## {alternative}`",
                "warning",
            )
            for line, written, key, alternative in headings.near
        ]
        + [
            Problem(
                path,
                line,
                f"`{written}` is written twice (first on line {first}); both are read as one "
                "section: merge them",
                "warning",
            )
            for line, written, first in headings.repeated
        ]
    )


# The placeholders of interviewkit's templates; other `{{…}}` text is the user's own.
_PLACEHOLDER = re.compile(r"\{\{\s*(?:company|role|round|title|date|time)\s*(?::[^}]*)?\}\}")
_CODE_SPAN = re.compile(r"(`+).*?\1")
# A command of the Templater plugin (`<% tp.date.now() %>`), which only Obsidian runs.
_TEMPLATER = re.compile(r"<%.*?%>")


def unfilled_placeholders(
    path: str, values: dict[str, Any], lines: dict[str, int]
) -> list[Problem]:
    """A warning for each front matter value still holding one of the template's
    placeholders (`{{company}}`, `{{role}}`, `{{round}}`, `{{title}}`, `{{date…}}`,
    `{{time…}}`): a note made from the template by hand, or with a plugin that fills
    only some of them; or a Templater command (`<% … %>`) that never ran. For the
    body, see `body_placeholder`."""
    found = []
    for key, value in values.items():
        text = as_written(value) if value is not None else ""
        if (match := _PLACEHOLDER.search(text)) is not None:
            message = (
                f"{key}: {match.group(0)} is a template placeholder left unfilled; "
                "write the value (`interviewkit new` fills them)"
            )
        elif (match := _TEMPLATER.search(text)) is not None:
            message = (
                f"{key}: {said(match.group(0))} is a Templater command that never ran: "
                "in a note, write the value; if this file is a template, keep it in the "
                "folder Templater's settings name, which is not read for interviews"
            )
        else:
            continue
        found.append(Problem(path, lines.get(key, 1), message, "warning"))
    return found


def body_placeholder(path: str, fm: FrontMatter) -> list[Problem]:
    """A warning on the first body line outside code still holding one of the
    template's placeholders (see `unfilled_placeholders`)."""
    if "{{" not in fm.body:
        return []
    body = fm.body.split("\n")
    fenced = fenced_lines(body) if has_fences(fm.body) else None
    for index, line in enumerate(body):
        if fenced is not None and fenced[index]:
            continue
        if (match := _PLACEHOLDER.search(_CODE_SPAN.sub("", line))) is not None:
            return [
                Problem(
                    path,
                    fm.body_first_line + index,
                    f"{match.group(0)} is a template placeholder left unfilled; write the text",
                    "warning",
                )
            ]
    return []


# A first line of a body that looks like a value, not prose: indented, a date, a list.
_LIKE_A_VALUE = re.compile(r"[ \t]+\S|\d{4}-\d{1,2}-\d{1,2}\b|[\[\"']")
# A line of front matter that sets a key, as `company: Acme` does; `findall` gives the keys.
KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)", re.MULTILINE)


def ends_early(path: str, fm: FrontMatter) -> Problem | None:
    """A warning for a note whose front matter ends before its keys do, at a `---`
    typed too many (`type: inter` `---` `view`): the note's keys, or the last key's
    value, follow at the top of the body, before its first heading and up to a second
    `---` (or without one, below a front matter left empty), and nothing of them is
    read."""
    head = fm.body[:2048]
    heading = re.search(r"^#", head, re.MULTILINE)
    top = heading.start() if heading else len(head)
    rules = [rule.start() for rule in re.finditer(r"^---", head[:top], re.MULTILINE)]
    end = rules[-1] if rules else top
    last = fm.yaml.rstrip("\n").rsplit("\n", 1)[-1]
    first = head.split("\n", 1)[0]
    # indented, the line can be nothing else; unindented, only with a --- below it
    if re.fullmatch(r"[\w-]+:\s*", last) and (
        re.match(r"[ \t]+\S", head) or (rules and 0 < len(first.strip()) <= 40)
    ):
        return Problem(  # `offer_deadline:`, `---`, `  2026-12-01`: a value cut off
            path,
            fm.body_first_line,
            f"the front matter ends on the line above, right after `{last.strip()}` with no "
            "value, and this line reads like its value: is that --- one too many?",
            "warning",
        )
    keys = KEY_LINE.findall(head, 0, end)
    if not any(key_meant(key) for key in keys):  # prose, or a rule in it
        return None
    if not rules and not fm.yaml.strip():  # `---` twice at the top, its keys below
        return Problem(
            path,
            fm.body_first_line - 1,
            f"the front matter is empty, yet keys ({', '.join(keys[:3])}) follow it: is "
            "this --- one too many? delete it, and they are read",
            "warning",
        )
    if not rules:  # no --- below: contract keys as written right under it, none above
        block = head.split("\n\n", 1)[0]
        keys = KEY_LINE.findall(block)
        meant = [key for key in keys if key in CONTRACT_SET]  # `Role:` may be prose
        above = set(KEY_LINE.findall(fm.yaml))
        if len(meant) < 2 or not KEY_LINE.match(head) or above & set(meant):
            return None
        return Problem(
            path,
            fm.body_first_line - 1,
            f"the front matter ends here, yet keys ({', '.join(meant[:3])}) follow at once: "
            "is this --- one too many? delete it, and they are read",
            "warning",
        )
    return Problem(
        path,
        fm.body_first_line,
        f"the front matter ends on the line above, yet more keys ({', '.join(keys[:3])}) "
        f"follow, up to the --- on line {fm.body_first_line + head.count(chr(10), 0, end)}: "
        "is that --- one too many? delete it, and they are read",
        "warning",
    )


def body_problems(
    path: str,
    fm: FrontMatter,
    headings: Headings,
    tasks: tuple[Task, ...],
    misses: list[Task] | None = None,
    global_filter: str = "",
) -> tuple[list[Problem], list[Problem]]:
    """The problems (`due` shows them too) and the warnings (for `check`) a usable
    note's body gives: its tasks' due dates, Dataview fields deciding what is due,
    keys below a --- typed too many, its headings, a merge conflict left in it. Both
    readings of a body use it: the whole note's, and a new body's under an
    unchanged front matter (see `notes.note.read_note`)."""
    errors = task_problems(path, tasks, fm) + inline_field_problems(path, fm)
    errors += [_not_a_task(path, miss) for miss in misses or ()]
    errors += stray_due_dates(path, fm, tasks, misses or (), global_filter)
    findings = heading_warnings(path, headings)
    top = fm.body.lstrip("\n")
    second = top.find("\n", 0, 256) + 1  # most bodies: prose or a heading, no rule near
    if (
        _LIKE_A_VALUE.match(fm.body)
        or KEY_LINE.match(top)
        or (second and KEY_LINE.match(top, second))
        or fm.body.find("---", 0, 256) != -1
    ):
        errors += [early] if (early := ends_early(path, fm)) else []  # `due` shows it too
    if "<<<<<<<" in fm.body:
        findings += _body_conflict(path, fm)
    return errors, findings


# A note gives at most this many problems, and as many warnings for `check`: one
# pasted or generated with thousands of broken lines says so in one more line, and
# every listing stays readable.
MOST_PROBLEMS = 50


def at_most(problems: list[Problem], most: int = MOST_PROBLEMS) -> list[Problem]:
    """The first `most` problems by line, and one in place of the rest that counts
    them; an error when any of the rest is one, so `check` fails all the same, and
    naming the first repair `check --fix` makes among them, so it still makes it."""
    if len(problems) <= most:
        return problems
    problems = sorted(problems)
    kept, rest = problems[:most], problems[most:]
    errors = sum(p.severity == "error" for p in rest)
    counted = (
        f"{len(rest)} more problems ({errors} errors)"
        if 0 < errors < len(rest)
        else f"{len(rest)} more {'errors' if errors else 'warnings'}"
    )
    return [
        *kept,
        Problem(
            rest[0].path,
            rest[0].line,
            f"{counted} from this line on are not listed, as a note shows at most "
            f"{most}: mend those above, and the rest are listed",
            "error" if errors else "warning",
            fix=next((p.fix for p in rest if p.fix), ""),
        ),
    ]


def tag_problems(tags: Any) -> list[str]:
    """What Obsidian refuses in the `tags` property: a tag with a space (it becomes
    two, or none) and a tag of digits only (Obsidian needs a letter or a symbol)."""
    items = tags if isinstance(tags, list) else [tags]
    problems = []
    for item in items:
        text = as_written(item).lstrip("#") if item is not None else ""
        if not text:
            continue
        if any(char.isspace() for char in text):
            problems.append(
                f"tags: {said(text)} holds a space, which Obsidian does not allow in a tag; use - or _"
            )
        elif text.replace("/", "").isdigit():
            problems.append(
                f"tags: {said(text)} is only digits, which Obsidian does not read as a tag; add a letter"
            )
    return problems


# A Dataview inline field on a line of its own (`follow_up_on:: 2026-12-04`, maybe as
# a list item), but not a task line, where Tasks keeps its own (`[start:: …]`).
_INLINE_FIELD = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?![-*+][ \t]+\[.\])\**(?P<key>[A-Za-z][\w -]{0,39}?)\**::"
    r"[ \t]*(?P<value>.*?)[ \t]*\r?$",
    re.M,
)
# The contract keys whose values change what is due, and when.
_DECIDE_WHAT_IS_DUE = frozenset({*DATE_KEYS, "followed_up", "people", "outcome"})


def inline_field_problems(path: str, fm: FrontMatter) -> list[Problem]:
    """A warning for each Dataview inline field in the body that names a contract key
    deciding what is due (`follow_up_on:: 2026-12-04`, `Follow up on:: …`): only the
    front matter is read, so without a word its date would be lost."""
    if "::" not in fm.body:
        return []
    problems = []
    for inline in _INLINE_FIELD.finditer(fm.body):
        written = inline.group("key").strip()
        folded = re.sub(r"[ -]+", "_", written.casefold())
        key = key_meant(folded)
        if key not in _DECIDE_WHAT_IS_DUE:  # `Location:: Berlin` is the user's own business
            continue
        line = fm.body_first_line + fm.body.count("\n", 0, inline.start())
        value = inline.group("value")
        problems.append(
            Problem(
                path,
                line,
                f"`{written}:: {value}` is a Dataview inline field, which interviewkit does not "
                f"read: move it into the front matter as `{key}: {value}`",
                "warning",
            )
        )
    return problems


# The marks of a due date the Tasks plugin reads (📆 and 🗓 are rarer spellings of 📅):
# a line holding one before a date (`📅 2026-12-04`, `📅 4.12.2026`) is meant to be
# reminded of; one before anything else (`## 📅 Timeline`, `🗓 2`) is an emoji.
_DUE_MARKS = ("📅", "📆", "🗓")
_MARK_BEFORE_DAY = re.compile(r"[📅📆🗓]\ufe0f?[ \t]*\d{1,4}[-./]\d{1,2}")


def stray_due_dates(
    path: str,
    fm: FrontMatter,
    tasks: tuple[Task, ...],
    misses: list[Task] | tuple = (),
    global_filter: str = "",
) -> list[Problem]:
    """A warning for each line outside code that holds a due date but is no task (the
    box deleted, the line broken in two): its day would pass without a word. With the
    Tasks plugin's global filter, only a line that holds it was meant for a task."""
    body = fm.body
    # most bodies: no mark (`in` is the quick test, `count` reads the whole body), or
    # each on a task's line
    stray = [
        mark
        for mark in _DUE_MARKS
        if mark in body and body.count(mark) != sum(t.text.count(mark) for t in (*tasks, *misses))
    ]
    if not stray:
        return []
    listed = {task.line for task in tasks} | {miss.line for miss in misses}
    fenced = fenced_lines(body.split("\n")) if has_fences(body) else None
    found: dict[int, Problem] = {}
    for mark in stray:
        for index, start, end in lines_with(body, mark):  # each line once, however many marks
            line = fm.body_first_line + index
            text = body[start:end].strip()
            if (
                line not in listed
                and line not in found
                and not (fenced and fenced[index])
                and (not global_filter or holds(text, global_filter))
                and _MARK_BEFORE_DAY.search(text)
            ):
                found[line] = Problem(
                    path,
                    line,
                    f"{said(text)} holds a due date, but is no task, so it is on no list: to "
                    f"be reminded, write it as one, `- [ ] what to do {mark} YYYY-MM-DD`",
                    "warning",
                )
    return [found[line] for line in sorted(found)]


def _not_a_task(path: str, miss: Task) -> Problem:
    """An error for a line written almost like a task, with a due date (see
    `tasks.find_tasks`): neither Obsidian nor the Tasks plugin takes it for one."""
    due = f"due {miss.due}" if miss.due else "with a due date"
    return Problem(
        path,
        miss.line,
        f"{said(miss.text.strip())} is written almost like a task {due}, but is none, so it "
        f"is on no list: write it {said(miss.description.strip())}",
    )


def task_problems(path: str, tasks: tuple[Task, ...], fm: FrontMatter) -> list[Problem]:
    """An error for each task whose due date cannot be read, and a warning for each
    open one without a due date whose words hold a day (`Call back by 2026-12-04`),
    or whose line is continued below by one that does (the line broken before its
    date): none is listed on the day meant."""
    from interviewkit.notes.tasks import due_hint

    problems = []
    lines: dict[int, str] | None = None  # the body's, split once an undated task needs them
    for task in tasks:
        if task.unreadable_due:
            listed = (
                f"until you do, it is listed on its scheduled day, {task.due}"
                if task.due
                else "until you do, it shows only here, among the problems"
            )
            problems.append(
                Problem(
                    path,
                    task.line,
                    f"task {_words(task)}: due date {said(task.unreadable_due)} is not a date "
                    f"the Tasks plugin reads ({due_hint(task.unreadable_due)}); {listed}",
                )
            )
            continue
        if not task.is_open or task.due is not None:
            continue
        if day := _DAY_IN_WORDS.search(task.description):
            problems.append(
                Problem(
                    path,
                    task.line,
                    f"task {_words(task)} names {day[0]} but has no due date, so it is not "
                    f"listed: add `📅 {day[0]}` at its end, as the Tasks plugin writes a due date",
                    "warning",
                )
            )
            continue
        lines = _numbered_body(fm) if lines is None else lines
        if below := _day_below(task, lines):
            problems.append(
                Problem(
                    path,
                    task.line,
                    f"task {_words(task)} has no due date, and the line below it names {below}, "
                    f"which the Tasks plugin does not read there: if it is the due date, add "
                    f"`📅 {below}` at the end of the task's own line",
                    "warning",
                )
            )
    return problems


def _words(task: Task) -> str:
    """A task's words as a message shows them."""
    return said(task.description or "without words")


_NUMBERED_ITEM = re.compile(r"\d+[.)](?:\s|$)")


def _numbered_body(fm: FrontMatter) -> dict[int, str]:
    """The body's lines by their line in the file."""
    return dict(enumerate(fm.body.split("\n"), start=fm.body_first_line))


def _day_below(task: Task, lines: dict[int, str]) -> str | None:
    """The day the line after `task` names, when Markdown reads that line as going on
    with the task's text: not blank, and no list item, heading, quote, table or
    fence of its own; nor one with a due mark, named as a due date outside a task."""
    line = lines.get(task.line + 1, "").strip()
    if not line or line[0] in "-*+#>|`" or _NUMBERED_ITEM.match(line):
        return None
    if any(mark in line for mark in _DUE_MARKS):
        return None
    day = _DAY_IN_WORDS.search(line)
    return day[0] if day else None


# An ISO day among a task's words, not part of a longer run of digits and hyphens
# (`-2026-12-04`, a mark typed over, is a day; `1-2026-12-04-2` is not).
_DAY_IN_WORDS = re.compile(r"(?<!\d)(?<!\d-)\d{4}-\d{2}-\d{2}(?!\d)(?!-\d)")
