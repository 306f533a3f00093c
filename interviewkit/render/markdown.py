"""Obsidian notes: Tasks-format checkboxes and wikilinks back to the interview notes."""

from __future__ import annotations

from datetime import date

from interviewkit.errors import Problem
from interviewkit.render.table import GROUPS
from interviewkit.rules.agenda import Due, state


def wikilink(path: str, label: str) -> str:
    """`[[folder/note|label]]` for a vault-relative Markdown path."""
    target = path[:-3] if path.endswith(".md") else path
    safe = label.replace("|", "-").replace("]", ")").replace("[", "(")
    return f"[[{target}|{safe}]]"


def problems_section(problems: list[Problem]) -> list[str]:
    """A "Problems" section, one item per problem with a wikilink to its note (no
    checkboxes, so Tasks queries leave it alone); nothing without problems."""
    if not problems:
        return []
    lines = ["## Problems", ""]
    for problem in problems:
        link = wikilink(problem.path, problem.path.rsplit("/", 1)[-1].removesuffix(".md"))
        kind = "warning: " if problem.severity == "warning" else ""
        lines.append(f"- {link}, line {problem.line}: {kind}{problem.message}")
    return [*lines, ""]


def due_markdown(actions: list[Due], today: date, problems: list[Problem] = ()) -> str:
    """The `due --format markdown` note: the problems (no checkboxes, so Tasks queries
    leave them alone), then the actions as Tasks-format checkboxes."""
    lines = [f"# Interview actions as of {today.isoformat()}", "", *problems_section(problems)]
    if not actions:
        lines.append("Nothing due.")
    for key, title in GROUPS:
        group = [a for a in actions if state(a, today) == key]
        if not group:
            continue
        lines += [f"## {title}", ""]
        for action in group:
            link = wikilink(action.note, action.note_label)
            lines.append(
                f"- [ ] {action.summary} ({link}) `{action.id}` 📅 {action.day.isoformat()}"
            )
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
