"""The people of a note as it reads them: the `people` key, however it is written, and
the cards under People met that complete it, with what stops a letter reaching
someone said on the line where it is written (`notes.people` reads one person)."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from interviewkit.errors import Problem
from interviewkit.names import counted, join_names
from interviewkit.notes.found import Found, needs_quotes
from interviewkit.notes.front_matter import FrontMatter
from interviewkit.notes.markup import unquoted
from interviewkit.notes.people import (
    Person,
    addresses_in,
    comma_parted,
    details_met,
    left_out_of_one_line,
    merged,
    nameless,
    one_line_form,
    parse_person,
    several_in_one,
    split_scalar,
    surname_first,
    two_names,
)
from interviewkit.notes.sections import Headings, blank_comments
from interviewkit.notes.values import said, text_value
from interviewkit.vocabulary import FIX_PEOPLE_ENTRY, FIX_PEOPLE_FROM_MET, FIX_QUOTE_LINK

if TYPE_CHECKING:
    from interviewkit.notes.note import Note

_FLOW_PEOPLE = re.compile(r"^people[ \t]*:[ \t]*\[[^'\"]*\][ \t]*(?:#.*)?$")


def read_people(raw: Any, fm: FrontMatter, found: Found) -> list[Person]:
    """The `people` entries, with what is wrong with how they are written."""
    if raw is None or raw == "":
        return []
    if link := unquoted(raw):  # people: [[Name]]
        found.error("people", needs_quotes("people", f'people: ["{link}"]'), FIX_QUOTE_LINK)
        return [parse_person(link)]
    if isinstance(raw, list):
        people = _people_listed(raw, fm, found)
    else:
        people = _people_in_one_text(raw, found)
    if len(people) > 1:
        people = _once_each(people, found.warn)
    return _people_to_write_to(people, found)


def _people_in_one_text(raw: Any, found: Found) -> list[Person]:
    """The people of a `people` value written as one text, not a list."""
    text = text_value(raw)
    if text is None or (text and nameless(text)):
        found.error("people", f"people: {said(raw)} is not a name; left out")
        return []
    if "," in text:
        listed = comma_parted(text)
        found.error(
            "people",
            "people holds commas: write people as a YAML list, one `- Name, Title <email>` "
            "line per person; until then each comma parts two people, unless a title "
            "alone follows it (`Dana Lee, Recruiter`)"
            + (
                f"; `check --fix` makes it a list of the {counted(len(listed), 'person')} read"
                if listed
                else ""
            ),
            FIX_PEOPLE_ENTRY if listed else "",
        )
        people = split_scalar(text)
    elif entries := several_in_one(text):
        found.warn(
            "people",
            f"people should be a list (one `- Name <email>` line per person); read as "
            f"{len(entries)} people (`check --fix` makes it a list of them)",
            FIX_PEOPLE_ENTRY,
        )
        people = [parse_person(entry) for entry in entries]
    else:
        found.warn(
            "people",
            "people should be a list (one `- Name <email>` line per person); read as one",
        )
        people = [parse_person(text, in_list=False)] if text else []
    return people


def _people_listed(raw: list, fm: FrontMatter, found: Found) -> list[Person]:
    """The people of a `people` list, item by item."""
    lines = found.lines
    people = []
    for item in raw:
        text = text_value(item)
        if text is None and (text := unquoted(item)):
            found.error("people", needs_quotes("people", f'- "{text}"'), FIX_QUOTE_LINK)
        if text is None and isinstance(item, dict) and (text := one_line_form(item)):
            lost = left_out_of_one_line(item)
            how = (
                f"`check --fix` would lose {', '.join(lost)}: move that to People met, then run it"
                if lost
                else "`check --fix` does it"
            )
            found.warn(
                "people",
                f"people: write each person on one line, as `- {text}`: Obsidian cannot "
                f"edit a list of mappings; read as that ({how})",
                "" if lost else FIX_PEOPLE_ENTRY,
            )
        if text is None or (text and nameless(text)):
            found.error("people", f"people: {said(item)} is not a name; left out")
        elif entries := several_in_one(text):
            found.warn(
                "people",
                f"people: {said(text)} holds {len(entries)} people; read as one each: "
                "write one `- Name <email>` line per person (`check --fix` does it)",
                FIX_PEOPLE_ENTRY,
            )
            people += [parse_person(entry) for entry in entries]
        elif (
            text.count("@") > 1
            and len(addresses_in(text)) > 1
            and (person := parse_person(text)).email
        ):
            found.error(
                "people",
                f"people: {said(text)} holds several addresses; no letter goes to "
                f"{person.first_name} until you write one `- Name <email>` line per person",
            )
            people.append(replace(person, email=""))
        elif text:
            people.append(person := parse_person(text))
            if surname_first(text, person):
                named = " ".join(filter(None, (person.honorific, person.title, person.bare_name)))
                found.warn(
                    "people",
                    f"people: {said(text)} is read as {person.name}, whose title is "
                    f"{person.title}; if {person.title} is the first name, write "
                    f"`- {named}` (a comma parts the name from a title)",
                )
    line = (
        fm.yaml.split("\n")[lines.get("people", 0) - fm.yaml_first_line]
        if "people" in lines
        else ""
    )
    flow = _FLOW_PEOPLE.match(line)
    split = any(not a.email and b.email for a, b in itertools.pairwise(people))
    if flow and split:  # `[Alex Kim, Talent Partner <alex@x.example>]`
        found.warn(
            "people",
            "people is a [flow, list]: there a comma always starts a new person, so "
            "`Name, Title <email>` reads as two; write one `- Name, Title <email>` line per person",
        )
    return people


def _people_to_write_to(people: list[Person], found: Found) -> list[Person]:
    """`people` with a bare address left out when it is also a named person's (so they
    get one letter), and a warning for each person a letter, as written, cannot reach
    or would greet wrongly."""
    named = {p.email.casefold(): p.name for p in people if p.email and p.name != p.email}
    for person in people[:]:
        if person.email and person.name == person.email and person.email.casefold() in named:
            found.warn(
                "people",
                f"people: {said(person.email)} is also {named[person.email.casefold()]}'s "
                "address; left out, so they get one letter (delete the line)",
            )
            people.remove(person)
        elif person.bad_email:
            found.warn(
                "people",
                f"people: {said(person.bad_email)} is not an e-mail address a letter can use "
                "(one address, no commas or spaces); left out",
            )
        elif two_names(person):
            found.warn(
                "people",
                f"people: {said(person.name)} looks like two people; write one line each, so "
                "each gets a letter that greets them",
            )
        elif person.email and person.name == person.email:
            found.warn(
                "people",
                f"people: {said(person.email)} is an address without a name; write it as "
                f"`- Name <{person.email}>`, so a letter greets them by name (until then it "
                "greets the team)",
            )
    return people


def _once_each(people: list[Person], warn) -> list[Person]:
    """`people` with anyone written twice (the same name, honorifics and case aside)
    kept once, their details merged, so nobody gets two letters; a warning says so."""
    first: dict[str, int] = {}
    once: list[Person] = []
    for person in people:
        if person.key in first:
            index = first[person.key]
            once[index] = merged([once[index], person])
            warn("people", f"people: {said(person.name)} is written twice; read as one person")
        else:
            first[person.key] = len(once)
            once.append(person)
    return once


def people_met(
    written: tuple[Person, ...],
    headings: Headings,
    lines: dict[str, int],
    findings: list[Problem],
    path: str,
) -> dict[str, Any]:
    """The note's fields that come from the people as the front matter writes them
    (`written`) and the People met section: `people` with the details its cards give
    them (see `people.details_met`); `people_written` when those changed anything;
    with `people` empty, `names_met`, the names there `check --fix` can add; and
    `met_only`, whoever has a card there and is not in `people`. What cannot be put
    to use is said in `findings`, on the section's lines; the names `check --fix`
    can add, on the `people` line (the section's, without one)."""
    section = headings.found.get("people_met")
    if section is None or section.empty:
        return {"people": written, "people_written": (), "names_met": (), "met_only": ()}
    text = (
        blank_comments(section.text)
        if "<!--" in section.text or "%%" in section.text
        else section.text
    )
    people, warnings, others = details_met(list(written), section.heading, text, section.line + 1)
    findings += [Problem(path, at, message, "warning") for at, message in warnings]
    names = tuple(person.name for person in others) if not written else ()  # `names_met`
    if names:
        findings.append(
            Problem(
                path,
                lines.get("people", section.line),
                f"people is empty, but {section.heading} names {', '.join(names)}: no "
                "letter greets them (`check --fix` adds them to people)",
                "warning",
                FIX_PEOPLE_FROM_MET,
            )
        )
    return {
        "people": tuple(people),
        "people_written": written if tuple(people) != written else (),
        "names_met": names,
        "met_only": tuple(others),
    }


def met_not_written(note: Note, headings: Headings) -> list[Problem]:
    """While the thank-you is owed, a warning for the people People met has a card for
    who are not in `people`: no letter goes to them, and if they interviewed you,
    one should (a card alone is a contact only, as for a receptionist met). A card
    with an address has a warning of its own, on its line (see `people.details_met`)."""
    if note.thank_you_done or not note.people:
        return []
    names = [person.name for person in note.met_only if not person.email]
    if not names:
        return []
    section = headings.found["people_met"]
    return [
        Problem(
            note.path,
            section.line,
            f"{section.heading} names {join_names(names)}, not in people, so no thank-you "
            "letter goes to them: add them to people if they interviewed you",
            "warning",
        )
    ]
