"""Letter drafts: a thank-you or a follow-up per person met, and mailto: links."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from interviewkit.errors import NoteNotFound, TemplateError
from interviewkit.names import pick
from interviewkit.notes.listitems import top_level_items
from interviewkit.notes.note import Note, Person, split_front_matter
from interviewkit.notes.yamlscan import YamlFailure, load_mapping
from interviewkit.write.templates import check_placeholders, fill

LETTER_PLACEHOLDERS = {
    "person", "first_name", "company", "role", "round", "date",
    "points", "next_steps", "follow_up_on", "me",
}  # fmt: skip
SEPARATOR = "-" * 72


@dataclass(frozen=True)
class Letter:
    """One drafted letter."""

    person: Person
    subject: str
    body: str

    def as_text(self) -> str:
        """The letter with its To and Subject lines."""
        to = str(self.person) if self.person.email else f"{self.person.name} (no address recorded)"
        return f"To: {to}\nSubject: {self.subject}\n\n{self.body}"

    def mailto(self) -> str:
        """An RFC 6068 mailto: URL; line breaks become %0D%0A, so decoding yields CRLF."""
        address = quote(self.person.email, safe="@")
        subject = quote(self.subject, safe="")
        body = quote(self.body.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")
        return f"mailto:{address}?subject={subject}&body={body}"


def choose_people(note: Note, to: str | None) -> list[Person]:
    """The people to write to: `--to` picks one, else everyone, else the company's team."""
    people = list(note.people)
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
    section = note.sections.get("important_points")
    points = (
        "\n".join(f"- {item.text}" for item in top_level_items(section.text)) if section else ""
    )
    moment = note.start.replace(tzinfo=None)
    letters = []
    for person in people:
        values = {
            "person": person.name,
            "first_name": person.first_name
            if person.email or person in note.people
            else person.name,
            "company": note.company,
            "role": note.role or "open",
            "round": note.round or "interview",
            "points": points or "- (write the points you want to mention)",
            "next_steps": note.next_steps,
            "follow_up_on": note.follow_up_on.isoformat()
            if note.follow_up_on
            else "the date we agreed",
            "me": me,
        }
        subject = " ".join(fill(subject_template, values, moment).split())
        body = fill(fm.body.lstrip("\n"), values, moment)
        letters.append(Letter(person, subject, body.rstrip("\n") + "\n"))
    return letters


def letters_text(letters: list[Letter]) -> str:
    """Letters one after another, separated by a line of dashes."""
    return f"\n{SEPARATOR}\n\n".join(letter.as_text() for letter in letters)
