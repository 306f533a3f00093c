"""Records: a note's reading as nested tuples of plain values, for the cache.

marshal turns a record into bytes and back; nothing in it is ever executed.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from interviewkit.errors import Problem
from interviewkit.notes.note import Note, Reading
from interviewkit.notes.people import Person
from interviewkit.notes.sections import Section
from interviewkit.notes.tasks import Task
from interviewkit.rules.applications import company_key
from interviewkit.vault.cache import Summary
from interviewkit.vault.seal import seal, unseal


def _day(value: date | None) -> int | None:
    return value.toordinal() if value is not None else None


def _from_day(value: int | None) -> date | None:
    return date.fromordinal(value) if value is not None else None


def _wall(moment: datetime) -> tuple[str, int]:
    """A moment as its wall time and fold, so it comes back exactly as read, even a
    time inside a daylight-saving gap (a timestamp would move it by an hour)."""
    return moment.replace(tzinfo=None).isoformat(), moment.fold


def _from_wall(wall: tuple[str, int], zone: ZoneInfo) -> datetime:
    text, fold = wall
    return datetime.fromisoformat(text).replace(tzinfo=zone, fold=fold)


def _person(person: Person) -> tuple[str, ...]:
    return (
        person.name, person.email, person.title, person.link, person.bad_email, person.phone,
        person.linkedin,
    )  # fmt: skip


def _from_person(record: tuple[str, ...]) -> Person:
    name, email, title, link, bad, phone, linkedin = record
    return Person(name, email, title, link, phone, linkedin, bad)


def _problems(problems: list[Problem]) -> tuple[tuple[str, int, str, str, str], ...]:
    return tuple((p.path, p.line, p.message, p.severity, p.fix) for p in problems)


def reading_to_record(reading: Reading) -> tuple:
    """A reading as nested tuples of plain values."""
    note = reading.note
    record = None
    if note is not None:
        record = (
            note.path, note.id, note.id_written, note.company, note.role, note.round,
            _wall(note.start), _wall(note.end),
            [_person(p) for p in note.people], note.next_steps,
            _day(note.decision_by), _day(note.follow_up_on), _day(note.thank_you_sent),
            [d.toordinal() for d in note.followed_up], note.outcome, _day(note.outcome_on),
            note.lines,
            {k: (s.heading, s.line, s.empty) for k, s in note.sections.items()},
            [(t.line, t.text, t.status, _day(t.due), t.dataview, t.key, t.description, t.unreadable_due) for t in note.tasks],
            note.thank_you_marked, note.followed_up_unreadable, note.unreadable, note.ratings,
            note.location, note.link, note.invite_uid, note.invite_sequence,
            _day(note.offer_deadline), note.near_headings,
            [_person(p) for p in note.people_written], note.names_met,
            [_person(p) for p in note.met_only],
            [d.toordinal() for d in note.next_steps_days],
        )  # fmt: skip
    return (
        reading.looks_like_interview,
        record,
        _problems(reading.problems),
        _problems(reading.findings),
        reading.front_matter,
        reading.company_hint,
    )


def record_to_reading(record: tuple, zone: ZoneInfo) -> Reading:
    """Rebuild a reading from `reading_to_record`'s tuples."""
    looks, note_record, problems, findings, front_matter, company_hint = record
    note = None
    if note_record is not None:
        (path, note_id, written, company, role, round_name, start, end, people, next_steps,
         decision_by, follow_up_on, thank_you_sent, followed_up, outcome, outcome_on,
         lines, sections, tasks, thank_you_marked, followed_up_unreadable,
         unreadable, ratings, location, link, invite_uid, invite_sequence,
         offer_deadline, near, people_written, names_met, met_only,
         next_steps_days) = note_record  # fmt: skip
        note = Note(
            path=path,
            id=note_id,
            id_written=written,
            company=company,
            role=role,
            round=round_name,
            start=_from_wall(start, zone),
            end=_from_wall(end, zone),
            people=tuple(_from_person(p) for p in people),
            next_steps=next_steps,
            decision_by=_from_day(decision_by),
            follow_up_on=_from_day(follow_up_on),
            thank_you_sent=_from_day(thank_you_sent),
            followed_up=tuple(date.fromordinal(d) for d in followed_up),
            outcome=outcome,
            outcome_on=_from_day(outcome_on),
            lines=lines,
            sections={k: Section(h, line, "", empty) for k, (h, line, empty) in sections.items()},
            tasks=tuple(
                Task(line, text, status, _from_day(due), dataview, key, words, unreadable_due)
                for line, text, status, due, dataview, key, words, unreadable_due in tasks
            ),
            thank_you_marked=thank_you_marked,
            followed_up_unreadable=followed_up_unreadable,
            unreadable=unreadable,
            ratings=ratings,
            location=location,
            link=link,
            invite_uid=invite_uid,
            invite_sequence=invite_sequence,
            offer_deadline=_from_day(offer_deadline),
            near_headings=near,
            people_written=tuple(_from_person(p) for p in people_written),
            names_met=tuple(names_met),
            met_only=tuple(_from_person(p) for p in met_only),
            next_steps_days=tuple(date.fromordinal(d) for d in next_steps_days),
        )
    return Reading(
        note=note,
        looks_like_interview=looks,
        problems=[Problem(*p) for p in problems],
        findings=[Problem(*p) for p in findings],
        front_matter=front_matter,
        company_hint=company_hint,
    )


def summarize(reading: Reading) -> tuple[Summary | None, bytes | None]:
    """A reading's summary and record blob; (None, None) for files that are not notes."""
    note = reading.note
    if note is None and not reading.problems and not reading.findings:
        return None, None
    record = reading_to_record(reading)
    summary = (
        company_key(note) if note is not None else None,
        note.company if note is not None else reading.company_hint,
        note.id if note is not None else None,
        note.line_of("id") if note is not None else 0,
        record[2],  # the problems
    )
    return summary, seal(record)


def unpack(blob: bytes, zone: ZoneInfo) -> Reading:
    """The reading a record blob holds."""
    return record_to_reading(unseal(blob), zone)
