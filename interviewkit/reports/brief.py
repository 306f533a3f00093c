"""The brief: a one-page preparation sheet for the next round, from the earlier ones."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from interviewkit.config import Settings
from interviewkit.errors import Ambiguous, NoteNotFound, TemplateError
from interviewkit.notes.note import Note, split_front_matter
from interviewkit.notes.sections import find_sections, strip_comments
from interviewkit.render.markdown import wikilink
from interviewkit.rules.applications import Applications
from interviewkit.vault.reader import resolve_note
from interviewkit.write.templates import find_template

DEFAULT_CHECKLIST = (
    "- [ ] Ask for a business card, and the names of everyone else you met\n"
    "- [ ] Ask where they are in the hiring process and what happens next\n"
    "- [ ] Ask whether you may follow up, and from which date, if you hear nothing\n"
    "- [ ] Thank them for their time and for what they told you"
)
RECORDED_SECTIONS = (
    ("people_met", "People met"),
    ("next_steps", "Hiring process and next steps"),
    ("important_points", "Important points"),
    ("questions_asked", "Questions asked"),
    ("answers_to_improve", "Answers to improve"),
)


def match_company(notes: list[Note], name: str) -> str:
    """The company a name means: an exact match ignoring case, else a unique part of one."""
    known = sorted({n.company.casefold(): n.company for n in notes}.values(), key=str.casefold)
    wanted = name.strip().casefold()
    exact = [c for c in known if c.casefold() == wanted]
    if exact:
        return exact[0]
    partial = [c for c in known if wanted and wanted in c.casefold()]
    if len(partial) == 1:
        return partial[0]
    if partial:
        raise Ambiguous(f"{name}: matches more than one company: {', '.join(partial)}")
    raise NoteNotFound(
        f"{name}: no note, id or company by that name (companies: {', '.join(known)})"
    )


def choose_round(root: Path, cwd: Path, notes: list[Note], target: str, after: datetime) -> Note:
    """The round to brief: TARGET as a path, then an id, then a company name."""
    try:
        return resolve_note(root, cwd, notes, target)
    except NoteNotFound:
        return round_for_company(notes, target, after)


def template_checklist(root: Path, settings: Settings) -> str | None:
    """The "Before you leave" section of the vault's note template, if it has one."""
    try:
        _, text = find_template(root, settings, settings.template)
    except TemplateError:
        return None
    fm = split_front_matter(text)
    wanted = {"before_you_leave": settings.heading_before_you_leave}
    section = find_sections(fm.body, fm.body_first_line, wanted).get("before_you_leave")
    if section is None or section.empty:
        return None
    return strip_comments(section.text).strip()


def round_for_company(notes: list[Note], company: str, after: datetime) -> Note:
    """A company's next round starting at or after `after`, else its latest round."""
    chosen = match_company(notes, company).casefold()
    rounds = sorted(
        (n for n in notes if n.company.casefold() == chosen), key=lambda n: (n.start, n.path)
    )
    upcoming = [n for n in rounds if n.start >= after]
    return upcoming[0] if upcoming else rounds[-1]


def _section(note: Note, key: str) -> str:
    section = note.sections.get(key)
    return "" if section is None or section.empty else strip_comments(section.text).strip()


def _when(note: Note) -> str:
    start, end = note.start, note.end
    day = f"{start:%A} {start.day} {start:%B %Y}"
    return f"{day}, {start:%H:%M}–{end:%H:%M} ({start.tzname()})"


def build_brief(note: Note, notes: list[Note], template_checklist: str | None) -> str:
    """The brief for one round, as Markdown."""
    apps = Applications(notes)
    app = apps.of(note)
    title = f"{note.company}, {note.round}" if note.round else note.company
    lines = [f"# Brief: {title}" + (f" ({note.role})" if note.role else ""), ""]
    lines.append(f"- **When**: {_when(note)}")
    lines.append(
        "- **People**: "
        + (", ".join(str(p) for p in note.people) if note.people else "not known yet")
    )
    if note.next_steps:
        lines.append(f"- **Next steps**: {note.next_steps}")
    lines.append(f"- **Note**: {wikilink(note.path, note.label)}")
    lines.append("")
    checklist = _section(note, "before_you_leave") or template_checklist or DEFAULT_CHECKLIST
    lines += ["## Before you leave", "", checklist, ""]
    earlier = [n for n in app.notes if n.start < note.start]
    lines += ["## Earlier rounds", ""]
    if not earlier:
        lines += ["This is the first round of this application.", ""]
    for past in earlier:
        heading = f"### {past.round or 'interview'}, {past.day.isoformat()}"
        lines += [heading, "", f"Note: {wikilink(past.path, past.label)}", ""]
        if past.people:
            lines.append("- **People**: " + ", ".join(str(p) for p in past.people))
        if past.next_steps:
            lines.append(f"- **Next steps**: {past.next_steps}")
        if past.thank_you_sent:
            lines.append(f"- **Thank-you sent**: {past.thank_you_sent.isoformat()}")
        if past.people or past.next_steps or past.thank_you_sent:
            lines.append("")
        for key, name in RECORDED_SECTIONS:
            text = _section(past, key)
            if text:
                lines += [f"#### {name}", "", text, ""]
    return "\n".join(lines).rstrip("\n") + "\n"
