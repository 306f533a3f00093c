"""Human-readable tables for the terminal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from interviewkit.errors import Problem
from interviewkit.render.safe import printable
from interviewkit.render.wording import due_text, may_hide, relative_day
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


# Where an action's text starts: after the day (20 columns) and how late (13).
TEXT_COLUMN = 2 + 20 + 1 + 13 + 1
# Narrower than this, the text would wrap a word or two at a time: it is not wrapped.
NARROWEST_TEXT = 24


def _wrapped(text: str, width: int | None) -> list[str]:
    """`text` as the lines of the text column, for a table `width` columns wide (None:
    one line). Words are never broken, so an id stays whole even when it is longer
    than the column."""
    if width is None or width - TEXT_COLUMN < NARROWEST_TEXT:
        return [text]
    import textwrap

    return textwrap.wrap(
        text, width - TEXT_COLUMN, break_long_words=False, break_on_hyphens=False
    ) or [""]


def due_table(
    actions: list[Due],
    today: date,
    style: Style | None = None,
    problems: list[Problem] = (),
    width: int | None = None,
) -> str:
    """The problems first, then actions grouped Overdue / Today / Upcoming: what, then
    the application, round and id to copy.

    `style` (click.style) colours the text; without it the table is plain. With a
    `width`, the text is wrapped to fit it (ids are never split); without, each
    part stays on one line.
    """
    style = style or _plain
    lines: list[str] = problems_block(list(problems), style)
    if not actions:
        nothing = f"Nothing due as of {today.isoformat()}.{may_hide(problems)}"
        return "\n".join([*lines, *([""] if lines else []), nothing]) + "\n"
    colours = {"overdue": "red", "today": "yellow", "upcoming": "green"}
    pad = " " * TEXT_COLUMN
    for key, title in GROUPS:
        group = [a for a in actions if state(a, today) == key]
        if not group:
            continue
        if lines:
            lines.append("")
        lines.append(style(f"{title} ({len(group)})", bold=True, fg=colours[key]))
        for action in group:
            when = relative_day(action.day, today)
            summary = _wrapped(printable(action.summary), width)
            lines.append(
                f"  {due_text(action):<20} {style(f'{when:<13}', fg=colours[key])} {summary[0]}"
            )
            lines += [pad + line for line in summary[1:]]
            fallback = f" · fallback: {action.fallback}" if action.fallback else ""
            fallback += f" · warning: {action.warning}" if action.warning else ""
            where = f"{printable(action.label)} · {printable(action.id)}{printable(fallback)}"
            lines += [pad + line for line in _wrapped(where, width)]
    return "\n".join(lines) + "\n"
