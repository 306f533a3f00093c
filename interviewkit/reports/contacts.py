"""Everyone met, once each: business cards as vCards (RFC 6350 4.0, or 3.0), CSV or JSON.

A person is one per company (`Person.key`), with what every round and their
person note say of them; the UID comes from the folded name and company, so
importing the file again updates the cards instead of adding copies.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from interviewkit.names import fold
from interviewkit.notes.note import Note
from interviewkit.notes.people import Person, people_across_rounds

_NAMESPACE = uuid.UUID("5b6f2a8e-1c1f-4d3e-9a57-0f2a9e7c1b44")  # interviewkit's contacts
COLUMNS = ("name", "title", "company", "email", "phone", "linkedin", "met")


@dataclass
class Contact:
    """One person met at one company, and the rounds where."""

    person: Person
    company: str
    rounds: list[tuple[date, str]] = field(default_factory=list)

    @property
    def uid(self) -> str:
        """A UID that stays the same for this person at this company across runs."""
        return f"urn:uuid:{uuid.uuid5(_NAMESPACE, fold(self.company) + '|' + self.person.key)}"

    @property
    def met(self) -> str:
        """`phone screen on 2026-11-10, onsite on 2026-11-25`."""
        return ", ".join(f"{name or 'interview'} on {day.isoformat()}" for day, name in self.rounds)


def gather_contacts(
    notes: Iterable[Note], details: Callable[[str], dict[str, str]] | None = None
) -> list[Contact]:
    """Every person met, one contact per person and company, by company then name."""
    by_company: dict[str, list[Note]] = {}
    for note in notes:
        by_company.setdefault(fold(note.company), []).append(note)
    found = []
    for company_notes in by_company.values():
        ordered = sorted(company_notes, key=lambda n: (n.start.timestamp(), n.path))
        known = people_across_rounds(ordered, details)
        company = ordered[-1].company
        contacts: dict[str, Contact] = {}
        for note in ordered:
            for person in (*note.people, *note.met_only):  # a card alone is someone met
                whole = known[person.key]  # a first name alone is the whole name's
                contact = contacts.setdefault(whole.key, Contact(whole, company))
                contact.rounds.append((note.day, note.round))
        found += contacts.values()
    return sorted(found, key=lambda c: (fold(c.company), c.person.key))


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def _fold(line: str) -> str:
    """A content line folded at 75 octets, never inside a UTF-8 sequence."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, current, limit = [], b"", 75
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > limit:
            parts.append(current.decode("utf-8"))
            current, limit = b"", 74  # continuation lines start with a space
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def vcards(contacts: list[Contact], version: str = "4.0") -> str:
    """The contacts as one vCard file (CRLF lines, folded)."""
    lines: list[str] = []
    for contact in contacts:
        person = contact.person
        words = person.bare_name.split()
        family = words[-1] if words else person.name
        given = " ".join(words[:-1])
        card = [
            "BEGIN:VCARD",
            f"VERSION:{version}",
            f"UID:{contact.uid}",
            f"FN:{_escape(person.name)}",
            f"N:{_escape(family)};{_escape(given)};;{_escape(person.honorific)};",
            f"ORG:{_escape(contact.company)}",
        ]
        if person.title:
            card.append(f"TITLE:{_escape(person.title)}")
        if person.email:
            card.append(
                f"EMAIL;TYPE=work:{person.email}" if version == "3.0" else f"EMAIL:{person.email}"
            )
        if person.phone:
            card.append(
                f"TEL;TYPE=work:{_escape(person.phone)}"
                if version == "3.0"
                else f"TEL;VALUE=text:{_escape(person.phone)}"
            )
        if person.linkedin:
            card.append(f"URL:{person.linkedin}")
        card.append(f"NOTE:{_escape(f'Met at {contact.company}: {contact.met}.')}")
        card.append("END:VCARD")
        lines += card
    return "".join(_fold(line) + "\r\n" for line in lines)


def contact_rows(contacts: list[Contact]) -> list[dict[str, str]]:
    """One row per contact, for CSV and JSON."""
    return [
        {
            "name": c.person.name,
            "title": c.person.title,
            "company": c.company,
            "email": c.person.email,
            "phone": c.person.phone,
            "linkedin": c.person.linkedin,
            "met": c.met,
        }
        for c in contacts
    ]
