"""Renderers for the craft commands: the question bank, the status table, the export."""

from __future__ import annotations

from datetime import date
from typing import Any

from interviewkit.errors import Problem
from interviewkit.names import application_label, join_names
from interviewkit.notes.note import Note
from interviewkit.render.csvfmt import to_csv
from interviewkit.render.jsonfmt import dumps, problems_list
from interviewkit.render.markdown import problems_section, wikilink
from interviewkit.render.safe import inline, printable
from interviewkit.render.table import problems_block
from interviewkit.render.wording import due_iso
from interviewkit.reports.compare import Column
from interviewkit.reports.questions import Question
from interviewkit.reports.status import Row, Totals

STATUS_COLUMNS = (
    "company", "role", "rounds_held", "next_round", "outcome", "last_contact",
    "next_action", "next_action_due", "days_waiting",
)  # fmt: skip


def _place(question_place: Any) -> str:
    return _place_of(question_place.note)


def _place_of(note: Note) -> str:
    """`Acme, onsite, 2026-11-25`."""
    return f"{note.company}, {note.round or 'interview'}, {note.day.isoformat()}"


def questions_table(bank: list[Question], heading: str = "Questions asked") -> str:
    """The question bank for the terminal; `heading` is the vault's own for the
    section questions go under, named when there are none yet."""
    if not bank:
        return f"No questions recorded yet (list them under a '{heading}' heading).\n"
    lines = []
    for question in bank:
        lines.append(f"{question.count}× {question.text}")
        for place in question.asked:
            lines.append(f"    {_place(place)} ({place.note.path})")
            lines += [f"        {line}" for line in place.answer_notes]
        if question.answers:
            lines.append("    Answers to improve:")
            lines += [f"        - {a.text} ({_place_of(a.note)})" for a in question.answers]
        lines.append("")
    return "\n".join(lines)


def questions_markdown(bank: list[Question], root: str = "") -> str:
    """The question bank as an Obsidian note with wikilinks to the interview notes
    (starting at `root`, see `render.markdown.wikilink`)."""
    lines = ["# Question bank", ""]
    if not bank:
        lines.append("No questions recorded yet.")
    for question in bank:
        times = "once" if question.count == 1 else f"{question.count} times"
        lines += [f"## {inline(question.text)}", "", f"Asked {times}.", ""]
        for place in question.asked:
            lines.append(f"- {wikilink(place.note.path, _place(place), root)}")
            lines += [f"    {printable(line)}" for line in place.answer_notes]
        if question.answers:
            lines += ["", "Answers to improve:", ""]
            lines += [
                f"- {inline(a.text)} ({wikilink(a.note.path, _place_of(a.note), root)})"
                for a in question.answers
            ]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def questions_json(bank: list[Question]) -> str:
    """The question bank as a JSON document."""
    return dumps(
        {
            "questions": [
                {
                    "question": q.text,
                    "count": q.count,
                    "asked": [
                        {
                            "company": p.note.company,
                            "round": p.note.round,
                            "date": p.note.day.isoformat(),
                            "note": p.note.path,
                            "note_id": p.note.id,
                            "spelling": p.spelling,
                            "notes": p.answer_notes,
                        }
                        for p in q.asked
                    ],
                    "answers_to_improve": [
                        {"answer": a.text, "note": a.note.path, "company": a.note.company}
                        for a in q.answers
                    ],
                }
                for q in bank
            ]
        }
    )


def status_record(row: Row) -> dict[str, Any]:
    """A status row as plain values."""
    upcoming = row.next_round
    action = row.next_action
    return {
        "company": row.company,
        "role": row.role,
        "rounds_held": row.rounds_held,
        "next_round": f"{upcoming.round or 'interview'} {upcoming.start:%Y-%m-%d %H:%M}"
        if upcoming
        else "",
        "outcome": row.outcome,
        "last_contact": row.last_contact.isoformat() if row.last_contact else "",
        "next_action": action.summary if action else "",
        "next_action_due": due_iso(action) if action else "",
        "days_waiting": row.days_waiting if row.days_waiting is not None else "",
    }


def _totals_lines(t: Totals) -> list[str]:
    days = t.median_days_to_response
    median = "n/a" if days is None else f"{days:g} day" + ("" if days == 1 else "s")
    lines = [
        f"Applications: {t.applications}",
        f"Rounds held: {t.rounds_held}",
        f"Offers: {t.offers}",
        f"Rejections: {t.rejections}",
        f"Withdrawals: {t.withdrawals}",
        f"No response: {t.no_response}",
        f"Company responses: {t.responded} of {t.response_base} ({t.response_share:.0%})"
        + (
            f"; not counting {t.withdrawn_before_response} you withdrew before they answered"
            if t.withdrawn_before_response
            else ""
        ),
        f"Median time from the latest round to the company's answer: {median}",
    ]
    if t.left_out_of_median:
        lines.append(
            f"({t.left_out_of_median} application(s) left out of the median: the day of the "
            "answer is unknown, or before the latest round; `outcome_on` records it)"
        )
    return lines


def _cut(text: str, width: int) -> str:
    """`text` in at most `width` characters, with `…` to show it goes on: cut after a
    whole word, unless that would drop more than half of the room."""
    if len(text) <= width:
        return text
    head = text[: width - 1]
    space = head.rfind(" ")
    return (head[:space] if space > width // 2 else head).rstrip() + "…"


def _after_accepting(rows: list[Row]) -> list[str]:
    """With an offer accepted, the applications still open, to tell and close: each
    would go on asking for follow-ups."""
    taken = [application_label(r.company, r.role) for r in rows if r.outcome == "accepted"]
    still = [application_label(r.company, r.role) for r in rows if r.outcome in _STILL_OPEN]
    if not taken or not still:
        return []
    return [
        f"Offer accepted: {join_names(taken)}. Still open: {', '.join(still)}: tell them, "
        "then record it with `interviewkit outcome COMPANY withdrawn` (`declined` for an offer)"
    ]


_STILL_OPEN = ("pending", "offer")


def status_table(rows: list[Row], t: Totals, problems: list[Problem] = ()) -> str:
    """The status table for the terminal: the problems first, totals below."""
    found = problems_block(list(problems))
    if not rows:  # a table of headers alone would look broken
        return "\n".join([*found, *([""] if found else []), _NO_APPLICATIONS]) + "\n"
    records = [status_record(r) for r in rows]
    headers = [
        "company",
        "role",
        "held",
        "next round",
        "outcome",
        "last contact",
        "next action",
        "due",
        "days waiting",
    ]
    cells = [
        [
            r["company"], r["role"], str(r["rounds_held"]), r["next_round"], r["outcome"],
            r["last_contact"], _cut(r["next_action"], 48), r["next_action_due"][:16], str(r["days_waiting"]),
        ]
        for r in records
    ]  # fmt: skip
    widths = [max([len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    totals = [*_totals_lines(t), *_after_accepting(rows)]
    return "\n".join([*found, *([""] if found else []), *lines, "", *totals]) + "\n"


_NO_APPLICATIONS = (
    "No applications yet: each interview note (type: interview) is a round of one; "
    "`interviewkit new COMPANY` writes the first"
)


def status_json(rows: list[Row], t: Totals, today: date, problems: list[Problem]) -> str:
    """Status as a JSON document, with the problems found in the notes."""
    return dumps(
        {
            "today": today.isoformat(),
            "applications": [status_record(r) for r in rows],
            "totals": {
                "applications": t.applications,
                "rounds_held": t.rounds_held,
                "offers": t.offers,
                "rejections": t.rejections,
                "withdrawals": t.withdrawals,
                "withdrawn_before_response": t.withdrawn_before_response,
                "no_response": t.no_response,
                "responded": t.responded,
                "response_base": t.response_base,
                "response_share": round(t.response_share, 4),
                "median_days_to_response": t.median_days_to_response,
                "left_out_of_median": t.left_out_of_median,
            },
            "problems": problems_list(problems),
        }
    )


def status_csv(rows: list[Row]) -> str:
    """Status rows as guarded CSV (no totals)."""
    return to_csv(STATUS_COLUMNS, [status_record(r) for r in rows])


def _escape_cell(text: str) -> str:
    return inline(text)


def status_markdown(
    rows: list[Row], t: Totals, today: date, problems: list[Problem] = (), root: str = ""
) -> str:
    """Status as an Obsidian note: the problems, the table, totals and a Mermaid funnel."""
    records = [status_record(r) for r in rows]
    problems_lines = problems_section(list(problems), root)
    lines = [f"# Applications as of {today.isoformat()}", "", *problems_lines]
    lines.append("| " + " | ".join(STATUS_COLUMNS) + " |")
    lines.append("|" + "---|" * len(STATUS_COLUMNS))
    for record in records:
        lines.append("| " + " | ".join(_escape_cell(str(record[c])) for c in STATUS_COLUMNS) + " |")
    totals = [*_totals_lines(t), *_after_accepting(rows)]
    lines += ["", *[f"- {line}" for line in totals], "", "## Funnel", ""]
    f = t.funnel
    lines += [
        "```mermaid",
        "flowchart LR",
        f'    A["Applications: {f["applications"]}"] --> B["Interviewed: {f["interviewed"]}"]',
        f'    B --> C["Second round: {f["second round"]}"]',
        f'    C --> D["Offers: {f["offers"]}"]',
        f'    D --> E["Accepted: {f["accepted"]}"]',
        f'    B --> R["Rejected: {f["rejected"]}"]',
        f'    B --> W["Withdrawn: {f["withdrawn"]}"]',
        f'    B --> N["No response: {f["no response"]}"]',
        "```",
    ]
    return "\n".join(lines) + "\n"


COMPARE_WIDTH = 34  # characters per application in the terminal table


def compare_table(columns: list[Column]) -> str:
    """Applications side by side for the terminal, each cell wrapped to its column."""
    import textwrap

    def wrapped(text: str) -> list[str]:
        return [
            piece
            for paragraph in printable(text).split("\n")
            for piece in textwrap.wrap(paragraph, COMPARE_WIDTH) or [""]
        ]

    labels = ["", *(label for label, _ in columns[0].rows)]
    label_width = max(len(label) for label in labels) + 2
    lines = []
    for index, label in enumerate(labels):
        cells = [wrapped(c.heading if index == 0 else c.rows[index - 1][1]) for c in columns]
        for depth in range(max(len(cell) for cell in cells)):
            head = label if depth == 0 else ""
            row = "  ".join(
                (cell[depth] if depth < len(cell) else "").ljust(COMPARE_WIDTH) for cell in cells
            )
            lines.append((head.ljust(label_width) + row).rstrip())
    return "\n".join(lines) + "\n"


def compare_markdown(columns: list[Column]) -> str:
    """Applications side by side as an Obsidian note: one table, a column each."""
    lines = ["# Offers side by side", ""]
    lines.append("| | " + " | ".join(inline(c.heading) for c in columns) + " |")
    lines.append("|---|" + "---|" * len(columns))
    for index, (label, _) in enumerate(columns[0].rows):
        cells = [
            "<br>".join(inline(part) for part in c.rows[index][1].split("\n")) for c in columns
        ]
        lines.append(f"| **{label}** | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
