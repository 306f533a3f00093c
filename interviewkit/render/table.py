"""Human-readable tables for the terminal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from interviewkit.errors import Problem
from interviewkit.render.safe import printable
from interviewkit.render.wording import due_text, relative_day
from interviewkit.rules.agenda import Due, state

GROUPS = (("overdue", "Overdue"), ("today", "Today"), ("upcoming", "Upcoming"))
Style = Callable[..., str]


def _plain(text: str, **_: object) -> str:
    return text


def problems_block(problems: list[Problem], style: Style | None = None) -> list[str]:
    """`Problems (N)` and one `path:line: message` line each, or nothing."""
    style = style or _plain
    if not problems:
        return []
    return [style(f"Problems ({len(problems)})", bold=True, fg="red")] + [
        f"  {printable(str(problem))}" for problem in problems
    ]


def due_table(
    actions: list[Due], today: date, style: Style | None = None, problems: list[Problem] = ()
) -> str:
    """The problems first, then actions grouped Overdue / Today / Upcoming, two lines
    each: what, then the id.

    `style` (click.style) colours the text; without it the table is plain.
    """
    style = style or _plain
    lines: list[str] = problems_block(list(problems), style)
    if not actions:
        return (
            "\n".join([*lines, *([""] if lines else []), f"Nothing due as of {today.isoformat()}."])
            + "\n"
        )
    colours = {"overdue": "red", "today": "yellow", "upcoming": "green"}
    for key, title in GROUPS:
        group = [a for a in actions if state(a, today) == key]
        if not group:
            continue
        if lines:
            lines.append("")
        lines.append(style(f"{title} ({len(group)})", bold=True, fg=colours[key]))
        for action in group:
            when = relative_day(action.day, today)
            lines.append(
                f"  {due_text(action):<20} {style(f'{when:<13}', fg=colours[key])} "
                f"{printable(action.summary)}"
            )
            fallback = f" · fallback: {action.fallback}" if action.fallback else ""
            fallback += f" · warning: {action.warning}" if action.warning else ""
            lines.append(
                f"  {'':<20} {'':<13} {style(printable(action.label), dim=True)}"
                f" · {style(printable(action.id), dim=True)}{printable(fallback)}"
            )
    return "\n".join(lines) + "\n"
