"""Obsidian notes: Tasks-format checkboxes and wikilinks back to the interview notes."""

from __future__ import annotations

import re
from datetime import date

from interviewkit.errors import Problem
from interviewkit.languages import clock
from interviewkit.render.safe import inline, link_target, printable
from interviewkit.render.table import GROUPS
from interviewkit.render.wording import may_hide
from interviewkit.rules.agenda import Due, state
from interviewkit.vocabulary import DUE_LIST_TITLE

_BREAKS_IN_LABEL = re.compile(r"\s+")
# The kinds that get a checkbox in `Due.md`, whose tick `due -o` records as `done`
# would. A task is listed as a link to its own note, not copied as a second checkbox
# (Tasks queries would show it twice); the other kinds have nothing to record.
CHECKBOX_KINDS = frozenset({"thank-you", "follow-up"})


def wikilink(path: str, label: str, root: str = "") -> str:
    """`[[folder/note|label]]` for a vault-relative Markdown path, safe whatever the
    path and label hold; `root` is the vault's folder inside the Obsidian vault
    (`Job search/`, see `vault.person_notes.place_in_obsidian`)."""
    target = link_target(root + (path[:-3] if path.endswith(".md") else path))
    safe = _BREAKS_IN_LABEL.sub(" ", printable(label))
    safe = safe.replace("|", "-").replace("]", ")").replace("[", "(")
    return f"[[{target}|{safe}]]"


def _code(text: str) -> str:
    """Text for inside a Markdown code span: one line, no backticks."""
    return printable(re.sub(r"\s+", " ", text)).replace("`", "'")


def problems_section(problems: list[Problem], root: str = "") -> list[str]:
    """A "Problems" section, one item per problem with a wikilink to its note (no
    checkboxes, so Tasks queries leave it alone); nothing without problems. A folder,
    or a file Obsidian does not open as a note, is named as text: a link to it would
    make a new note when clicked."""
    if not problems:
        return []
    lines = ["## Problems", ""]
    for problem in problems:
        kind = "warning: " if problem.severity == "warning" else ""
        if problem.path.lower().endswith(".md"):
            label = problem.path.rsplit("/", 1)[-1].removesuffix(".md")
            where = f"{wikilink(problem.path, label, root)}, line {problem.line}"
        else:
            where = f"`{_code(problem.path)}`"
        lines.append(f"- {where}: {kind}{inline(problem.message)}")
    return [*lines, ""]


def _caveats(action: Due) -> list[tuple[str, str]]:
    """What the table and the JSON say beside an action: why its day is a fallback,
    and a warning that it may be wrong."""
    return [
        (what, said)
        for what, said in (("fallback", action.fallback), ("warning", action.warning))
        if said
    ]


def due_markdown(
    actions: list[Due],
    today: date,
    problems: list[Problem] = (),
    root: str = "",
    language: str = "en",
) -> str:
    """The `due --format markdown` note: the problems (no checkboxes, so Tasks queries
    leave them alone), then the actions: a Tasks-format checkbox for each one `done`
    records (see CHECKBOX_KINDS), a bullet for the others; links start at `root`
    (see `wikilink`), and a deadline's time is written as `language` writes it."""
    lines = [
        f"{DUE_LIST_TITLE} {today.isoformat()}",
        "",
        *problems_section(problems, root),
    ]
    if not actions:
        lines.append(f"Nothing due.{may_hide(problems)}")
    for key, title in GROUPS:
        group = [a for a in actions if state(a, today) == key]
        if not group:
            continue
        lines += [f"## {title}", ""]
        for action in group:
            link = wikilink(action.note, action.note_label, root)
            summary = inline(action.summary)
            if "T" in action.due:  # a deadline with a time: say it, Tasks dates have none
                summary += f" by {clock(action.when, language)}"
            if action.kind in CHECKBOX_KINDS:
                lines.append(
                    f"- [ ] {summary} ({link}) `{_code(action.id)}` 📅 {action.day.isoformat()}"
                )
            else:  # your own task stays in its note; the rest is nothing `done` records
                lines.append(
                    f"- {summary} ({link}) `{_code(action.id)}`, due {action.day.isoformat()}"
                )
            # below the item, where the Tasks plugin and the ticks `due -o` reads skip them
            lines += [f"  - {what}: {inline(said)}" for what, said in _caveats(action)]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
