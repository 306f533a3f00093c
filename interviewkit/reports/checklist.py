"""The "Before you leave" checklist: the note's own, else the template's, else ours."""

from __future__ import annotations

from pathlib import Path

from interviewkit.config import Settings
from interviewkit.errors import TemplateError
from interviewkit.notes.front_matter import split_front_matter
from interviewkit.notes.note import Note
from interviewkit.notes.sections import find_sections, written

DEFAULT_CHECKLIST = (
    "- [ ] Ask for a business card, and the names of everyone else you met\n"
    "- [ ] Ask where they are in the hiring process and what happens next\n"
    "- [ ] Ask whether you may follow up, and from which date, if you hear nothing\n"
    "- [ ] Thank them for their time and for what they told you\n"
    "- [ ] Say you are very interested in the role, without asking about your chances"
)


def note_checklist(note: Note) -> str:
    """The note's own "Before you leave" section, without comments; "" when it has none."""
    return written(note.sections, "before_you_leave")


def template_checklist(root: Path, settings: Settings) -> str:
    """The "Before you leave" section of the vault's note template, else the default."""
    from interviewkit.write.templates import find_template

    try:
        _, text = find_template(root, settings, settings.template)
    except TemplateError:
        return DEFAULT_CHECKLIST
    fm = split_front_matter(text)
    wanted = {"before_you_leave": settings.heading_before_you_leave}
    found = find_sections(fm.body, fm.body_first_line, wanted)
    return written(found, "before_you_leave") or DEFAULT_CHECKLIST
