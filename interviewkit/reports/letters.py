"""Letter drafts: a thank-you or a follow-up per person met, and mailto: links.

A letter copies only what was written to be sent: the items under "To mention in
the thank-you", never other sections, task lines or nested notes. Names are put
on one line, and an address that could smuggle in another recipient is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from urllib.parse import quote

from interviewkit.errors import NoteNotFound, TemplateError
from interviewkit.names import pick
from interviewkit.notes.listitems import top_level_items
from interviewkit.notes.note import Note, split_front_matter
from interviewkit.notes.people import Person
from interviewkit.notes.yamlscan import YamlFailure, load_mapping
from interviewkit.write.templates import check_placeholders, fill, moment_format

LETTER_PLACEHOLDERS = {
    "person", "first_name", "last_name", "honorific", "company", "role", "round", "date",
    "points", "next_steps", "follow_up_on", "decision_by", "follow_up_sentence", "me",
}  # fmt: skip
NO_POINTS = "- (write here what you want to mention from the conversation)"
LETTER_DAY = "dddd D MMMM"  # how `follow_up_sentence` writes a day, as the shipped templates do
_TASK_ITEM = re.compile(r"^\[.\][ \t]")
_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
_SPECIALS = re.compile(r'[()<>\[\]:;@\\,."]')
SEPARATOR = "-" * 72


@dataclass(frozen=True)
class Letter:
    """One drafted letter."""

    person: Person
    subject: str
    body: str

    def as_text(self) -> str:
        """The letter with its To and Subject lines."""
        to = (
            recipient(self.person)
            if self.person.email
            else f"{one_line(self.person.name)} (no address recorded)"
        )
        return f"To: {to}\nSubject: {one_line(self.subject)}\n\n{self.body}"

    def mailto(self) -> str:
        """An RFC 6068 mailto: URL; line breaks become %0D%0A, so decoding yields CRLF."""
        address = quote(self.person.email, safe="@")
        subject = quote(self.subject, safe="")
        body = quote(self.body.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")
        return f"mailto:{address}?subject={subject}&body={body}"


def one_line(text: str) -> str:
    """Text with every run of blanks and line breaks made one space: a name can never
    start a header line of its own."""
    return " ".join(text.split())


def recipient(person: Person) -> str:
    """An RFC 5322 address with a UTF-8 display name (RFC 6532), quoted when needed."""
    name = one_line(person.name)
    if not name or name == person.email:
        return person.email
    if _SPECIALS.search(name):
        name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{name} <{person.email}>"


def points_of(note: Note) -> list[str]:
    """The items to mention in the thank-you: top-level items only, no task lines."""
    section = note.sections.get("thank_you_points")
    if section is None:
        return []
    return [
        f"- {one_line(item.text)}"
        for item in top_level_items(section.text)
        if not _TASK_ITEM.match(item.text)
    ]


def follow_up_sentence(note: Note) -> str:
    """The sentence a follow-up letter leans on: the agreed date, else the date they
    hoped to decide by, else nothing."""
    if note.follow_up_on:
        day = moment_format(datetime.combine(note.follow_up_on, time()), LETTER_DAY)
        return f"You kindly said I could get in touch if I had not heard back by {day}."
    if note.decision_by:
        day = moment_format(datetime.combine(note.decision_by, time()), LETTER_DAY)
        return f"You mentioned that you hoped to decide by {day}."
    return ""


def choose_people(note: Note, to: str | None, people: list[Person] | None = None) -> list[Person]:
    """The people to write to: `--to` picks one, else everyone, else the company's team.

    `people` are the note's people with what other rounds know of them (default: as written)."""
    people = list(note.people) if people is None else people
    if to is None:
        return people or [Person(f"{note.company} team")]
    if not people:
        raise NoteNotFound(f"--to {to!r}: nobody is recorded in `people` of {note.path}")
    return [pick(to, people, lambda p: (p.name, p.email), "person")]


def draft_letters(
    note: Note, template_text: str, shown: str, people: list[Person], me: str
) -> list[Letter]:
    """Fill the letter template once per person."""
    fm = split_front_matter(template_text)
    try:
        meta, _ = load_mapping(fm.yaml) if fm.present else ({}, {})
    except YamlFailure as exc:
        raise TemplateError(f"{shown}:{fm.yaml_first_line + exc.line}: {exc.message}") from None
    subject_template = meta.get("subject")
    if not isinstance(subject_template, str) or not subject_template.strip():
        raise TemplateError(f"{shown}:1: a letter template needs a `subject:` in its front matter")
    check_placeholders(fm.yaml, LETTER_PLACEHOLDERS, shown, fm.yaml_first_line)
    check_placeholders(fm.body, LETTER_PLACEHOLDERS, shown, fm.body_first_line)
    points = "\n".join(points_of(note))
    moment = note.start.replace(tzinfo=None)
    letters = []
    for person in people:
        named = bool(note.people)  # else the one letter goes to the company's team
        values: dict[str, str | date] = {
            "person": one_line(person.name),
            "first_name": one_line(person.first_name if named else person.name),
            "last_name": one_line(person.last_name if named else person.name),
            "honorific": one_line(person.honorific),
            "company": one_line(note.company),
            "role": one_line(note.role) or "open",
            "round": one_line(note.round),
            "points": points or NO_POINTS,
            "next_steps": one_line(note.next_steps),
            "follow_up_on": note.follow_up_on or "the date we agreed",
            "decision_by": note.decision_by or "",
            "follow_up_sentence": follow_up_sentence(note),
            "me": one_line(me),
        }
        subject = " ".join(fill(subject_template, values, moment).split())
        # a placeholder left empty leaves no double space behind in the prose
        body = _GAP.sub(" ", fill(fm.body.lstrip("\n"), values, moment))
        letters.append(Letter(person, subject, body.rstrip("\n") + "\n"))
    return letters


def letters_text(letters: list[Letter]) -> str:
    """Letters one after another, separated by a line of dashes."""
    return f"\n{SEPARATOR}\n\n".join(letter.as_text() for letter in letters)
