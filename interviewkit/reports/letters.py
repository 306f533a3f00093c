"""Letter drafts: a thank-you or a follow-up per person met, and mailto: links.

A letter copies only what was written to be sent: the items under "To mention in
the thank-you", never other sections, task lines or nested notes. Names are put
on one line, and an address that could smuggle in another recipient is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from interviewkit.config import Settings
from interviewkit.errors import NoteNotFound, TemplateError
from interviewkit.names import pick
from interviewkit.notes.front_matter import split_front_matter
from interviewkit.notes.listitems import top_level_items
from interviewkit.notes.markup import plain_text
from interviewkit.notes.note import Note
from interviewkit.notes.people import Person, team_address
from interviewkit.notes.yamlscan import YamlFailure, load_mapping
from interviewkit.vocabulary import THANK_YOU_AFTER
from interviewkit.write.templates import check_placeholders, fill

LETTER_PLACEHOLDERS = {
    "person", "first_name", "last_name", "honorific", "company", "role", "round", "date",
    "points", "next_steps", "follow_up_on", "decision_by", "follow_up_sentence", "me",
    "salutation",
}  # fmt: skip
# How a letter greets someone without an honorific, and whom a template's own
# salutation mapping does not cover.
_BY_FIRST_NAME = "Dear {{first_name}},"
# The words a letter falls back to, and the sentences it builds, as a template's front
# matter may give them in its own language (these are the English ones).
WORDS = {
    "team": "{{company}} team",  # who a letter goes to when nobody is recorded
    # by the honorific's first word, as written before the name: see `_salutation`
    "salutation": {
        **dict.fromkeys(
            ("mr", "mrs", "ms", "mx", "dr", "prof"), "Dear {{honorific}} {{last_name}},"
        ),
        **dict.fromkeys(("sir", "dame"), "Dear {{honorific}} {{first_name}},"),
        "other": _BY_FIRST_NAME,
        "team": "Dear {{person}},",
    },
    "no_points": "- (write here what you want to mention from the conversation)",
    "no_role": "open",
    "agreed_date": "the date we agreed",
    "follow_up_agreed": "You kindly said I could get in touch if I had not heard back by "
    "{{follow_up_on:dddd D MMMM}}.",
    "follow_up_hoped": "You mentioned that you hoped to decide by {{decision_by:dddd D MMMM}}.",
}
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


def template_for(kind: str, outcome: str) -> str:
    """The name of the template a letter of `kind` uses, for an application whose
    outcome is `outcome` (see `vocabulary.THANK_YOU_AFTER`)."""
    return THANK_YOU_AFTER.get(outcome, kind) if kind == "thank-you" else kind


def points_of(note: Note) -> list[str]:
    """The items to mention in the thank-you: top-level items only, no task lines, as
    they read outside Obsidian (see `notes.markup.plain_text`)."""
    section = note.sections.get("thank_you_points")
    if section is None:
        return []
    return [
        f"- {text}"
        for item in top_level_items(section.text)
        if not _TASK_ITEM.match(item.text) and (text := one_line(plain_text(item.text)))
    ]


def choose_people(note: Note, to: str | None, people: list[Person] | None = None) -> list[Person]:
    """The people to write to: `--to` picks one, else everyone recorded (none: the
    letter goes to the company's team, as the template words it).

    `people` are the note's people with what other rounds know of them (default: as written)."""
    people = list(note.people) if people is None else people
    if to is None:
        return people
    if not people:
        raise NoteNotFound(f"--to {to!r}: nobody is recorded in `people` of {note.path}")
    return [pick(to, people, lambda p: (p.name, p.email), "person")]


def _words(meta: dict, shown: str) -> dict[str, object]:
    """The template's own words (its front matter) over the English ones."""
    words: dict[str, object] = dict(WORDS)
    for key in WORDS:
        value = meta.get(key)
        if value is None:
            continue
        text_ok = isinstance(value, str)
        map_ok = key == "salutation" and isinstance(value, dict)
        if map_ok and all(isinstance(v, str) for v in value.values()):
            words[key] = {str(k).casefold(): v for k, v in value.items()}
        elif text_ok:
            words[key] = value
        else:
            raise TemplateError(f"{shown}:1: `{key}:` must be text" + (
                " or a mapping of honorifics to salutations" if key == "salutation" else ""
            ))  # fmt: skip
    return words


def _salutation(words: dict[str, object], person: Person | None) -> str:
    """The salutation for `person` (None: the team). A mapping picks by the honorific's
    first word (`frau`, `herr`, `dr`), else `other`; `team` when nobody is recorded."""
    chosen = words["salutation"]
    if isinstance(chosen, str):
        return chosen
    key = "team" if person is None else (person.honorific.split() or [""])[0].rstrip(".")
    by_key: dict = chosen  # type: ignore[assignment]
    return by_key.get(key.casefold()) or by_key.get("other") or _BY_FIRST_NAME


def draft_letters(
    note: Note,
    template_text: str,
    shown: str,
    people: list[Person],
    me: str,
    language: str = "en",
) -> list[Letter]:
    """Fill the letter template once per person (once, to the team, for none), with
    month and day names in `language`."""
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
    words = _words(meta, shown)
    points = "\n".join(points_of(note))
    moment = note.start.replace(tzinfo=None)
    common: dict[str, str | date] = {
        "company": one_line(note.company),
        "round": one_line(note.round),
        "next_steps": one_line(plain_text(note.next_steps)),
        "decision_by": note.decision_by or "",
        "me": one_line(me),
    }

    def said(text: object, values: dict[str, str | date]) -> str:
        return fill(str(text), values, moment, language)

    common["role"] = one_line(note.role) or said(words["no_role"], common)
    common["follow_up_on"] = note.follow_up_on or said(words["agreed_date"], common)
    common["points"] = points or said(words["no_points"], common)
    sentence = "follow_up_agreed" if note.follow_up_on else "follow_up_hoped"
    common["follow_up_sentence"] = (
        said(words[sentence], common) if note.follow_up_on or note.decision_by else ""
    )
    recipients: list[Person | None] = list(people) or [None]
    team = Person(one_line(said(words["team"], common)))
    letters = []
    for person in recipients:
        who = person or team
        # someone known by an address alone, or a team's address (`Recruiting
        # <recruiting@…>`), is greeted as the team is, not as "Dear a@b" or "Dear Recruiting"
        named = (
            person
            if person is not None and person.name != person.email and not team_address(person.email)
            else None
        )
        greeted = named or team
        values = dict(common)
        values.update(
            person=one_line(greeted.name),
            first_name=one_line(greeted.first_name if named else greeted.name),
            last_name=one_line(greeted.last_name if named else greeted.name),
            honorific=one_line(greeted.honorific),
        )
        values["salutation"] = one_line(said(_salutation(words, named), values))
        subject = " ".join(fill(subject_template, values, moment, language).split())
        # a placeholder left empty leaves no double space behind in the prose
        body = _GAP.sub(" ", fill(fm.body.lstrip("\n"), values, moment, language))
        letters.append(Letter(who, subject, body.rstrip("\n") + "\n"))
    return letters


def letter_warnings(
    note: Note, kind: str, text: str, letters: list[Letter], settings: Settings, mailto: bool
) -> list[str]:
    """What a draft lacks, drafted from template `text` for `note`: the points to
    mention, the people to address, a signature, an address for each person."""
    warnings = []
    if kind == "thank-you" and not points_of(note) and "{{points" in text:
        warnings.append(
            f'{note.path}: nothing under "{settings.heading_thank_you_points[0]}", so the '
            "letter holds a placeholder; list there what you want to mention"
        )
    if note.people_only_in_section:
        how = " (`check --fix` does it)" if note.names_met else ""
        warnings.append(
            f"{note.path}: `people` is empty, so the letter goes to the team, though "
            f'"{settings.heading_people_met[0]}" lists whom you met; add them to `people` to '
            f"address each of them{how}"
        )
    if not settings.name and "{{me" in text:
        warnings.append(
            "no `name` in .interviewkit/config.yaml, so the letter is not signed; "
            "set name: to sign it"
        )
    if note.people:
        warnings += [
            f"no usable e-mail address for {letter.person.name}"
            + ("; the URL has no recipient" if mailto else "")
            for letter in letters
            if not letter.person.email
        ]
    return warnings


def letters_text(letters: list[Letter]) -> str:
    """Letters one after another, separated by a line of dashes."""
    return f"\n{SEPARATOR}\n\n".join(letter.as_text() for letter in letters)
