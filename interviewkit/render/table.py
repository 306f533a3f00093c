"""Human-readable tables for the terminal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from interviewkit.render.wording import due_text, relative_day
from interviewkit.rules.agenda import Due, state

GROUPS = (("overdue", "Overdue"), ("today", "Today"), ("upcoming", "Upcoming"))
Style = Callable[..., str]


def _plain(text: str, **_: object) -> str:
    return text


def due_table(actions: list[Due], today: date, style: Style | None = None) -> str:
    """Actions grouped Overdue / Today / Upcoming, two lines each: what, then the id.

    `style` (click.style) colours the text; without it the table is plain.
    """
    style = style or _plain
    if not actions:
        return f"Nothing due as of {today.isoformat()}.\n"
    colours = {"overdue": "red", "today": "yellow", "upcoming": "green"}
    lines: list[str] = []
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
                f"  {due_text(action):<20} {style(f'{when:<13}', fg=colours[key])} {action.summary}"
            )
            fallback = f" · {style('fallback: ' + action.fallback)}" if action.fallback else ""
            fallback += f" · {style('warning: ' + action.warning)}" if action.warning else ""
            lines.append(
                f"  {'':<20} {'':<13} {style(action.label, dim=True)}"
                f" · {style(action.id, dim=True)}{fallback}"
            )
    return "\n".join(lines) + "\n"
