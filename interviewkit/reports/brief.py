"""The brief: a one-page preparation sheet for the next round, from the earlier ones."""

from __future__ import annotations

from interviewkit.languages import hours, long_day
from interviewkit.names import names_separator
from interviewkit.notes.note import Note
from interviewkit.notes.sections import written
from interviewkit.render.markdown import wikilink
from interviewkit.render.safe import inline
from interviewkit.reports.checklist import note_checklist
from interviewkit.reports.questions import question_bank
from interviewkit.rules.applications import Applications, company_key

RECORDED_SECTIONS = (
    ("people_met", "People met"),
    ("next_steps", "Hiring process and next steps"),
    ("important_points", "Important points"),
    ("questions_asked", "Questions asked"),
    ("answers_to_improve", "Answers to improve"),
)


def _people(note: Note) -> str:
    """The people met, in `people` and on a card under People met only, as one line of
    Markdown that nothing in their names can break (parted by semicolons when one has a
    title, which a comma parts from the name); "" without any."""
    people = [inline(str(person)) for person in (*note.people, *note.met_only)]
    return names_separator(people).join(people)


def _when(note: Note, language: str) -> str:
    start, end = note.start, note.end
    return f"{long_day(start, language)}, {hours(start, end, language)} ({start.tzname()})"


def build_brief(
    note: Note, notes: list[Note], fallback_checklist: str, root: str = "", language: str = "en"
) -> str:
    """The brief for one round, as Markdown; `fallback_checklist` serves when the note
    has none, and `language` says how its day and times are written (see `languages.clock`)."""
    apps = Applications(notes)
    app = apps.of(note)
    title = f"{note.company}, {note.round}" if note.round else note.company
    role = f" ({note.role})" if note.role else ""
    lines = [f"# Brief: {inline(title + role)}", ""]
    lines.append(f"- **When**: {_when(note, language)}")
    if note.location:
        lines.append(f"- **Where**: {inline(note.location)}")
    if note.link:
        lines.append(f"- **Join**: <{note.link}>")  # no blank, < > or quote: see notes.note
    lines.append(f"- **People**: {_people(note) or 'not known yet'}")
    if note.next_steps:
        lines.append(f"- **Next steps**: {inline(note.next_steps)}")
    lines.append(f"- **Note**: {wikilink(note.path, note.label, root)}")
    lines.append("")
    checklist = note_checklist(note) or fallback_checklist
    lines += ["## Before you leave", "", checklist, ""]
    earlier = [n for n in app.notes if n.start < note.start]
    lines += ["## Earlier rounds", ""]
    if not earlier:
        lines += ["This is the first round of this application.", ""]
    for past in earlier:
        heading = f"### {inline(past.round or 'interview')}, {past.day.isoformat()}"
        lines += [heading, "", f"Note: {wikilink(past.path, past.label, root)}", ""]
        if met := _people(past):
            lines.append(f"- **People**: {met}")
        if past.next_steps:
            lines.append(f"- **Next steps**: {inline(past.next_steps)}")
        if past.thank_you_sent:
            lines.append(f"- **Thank-you sent**: {past.thank_you_sent.isoformat()}")
        if met or past.next_steps or past.thank_you_sent:
            lines.append("")
        for key, name in RECORDED_SECTIONS:
            text = written(past.sections, key)
            if text:
                lines += [f"#### {name}", "", text, ""]
    lines += _felt(earlier)
    lines += _asked_elsewhere(note, notes)
    return "\n".join(lines).rstrip("\n") + "\n"


ELSEWHERE = 5  # how many questions from other companies the brief shows


def _felt(earlier: list[Note]) -> list[str]:
    """The "Fit" notes of the application's earlier rounds."""
    felt = [(past, written(past.sections, "fit")) for past in earlier]
    felt = [(past, text) for past, text in felt if text]
    if not felt:
        return []
    lines = ["## How the earlier rounds felt", ""]
    for past, text in felt:
        lines += [f"### {inline(past.round or 'interview')}, {past.day.isoformat()}", "", text, ""]
    return lines


def _asked_elsewhere(note: Note, notes: list[Note]) -> list[str]:
    """The questions most asked at other companies (by count, then how recently),
    each with the better answers tied to it."""
    here = company_key(note)
    ranked = []
    for question in question_bank(notes):
        elsewhere = [place for place in question.asked if company_key(place.note) != here]
        if elsewhere:
            latest = max(place.note.start.timestamp() for place in elsewhere)
            ranked.append((-len(elsewhere), -latest, question.text.casefold(), question, elsewhere))
    if not ranked:
        return []
    lines = ["## Asked elsewhere", ""]
    for _, _, _, question, elsewhere in sorted(ranked, key=lambda row: row[:3])[:ELSEWHERE]:
        where = ", ".join(sorted({inline(place.note.company) for place in elsewhere}))
        times = "once" if len(elsewhere) == 1 else f"{len(elsewhere)} times"
        lines.append(f"- **{inline(question.text)}** ({times}: {where})")
        lines += [f"  - Better: {inline(answer.text)}" for answer in question.answers]
    return [*lines, ""]
