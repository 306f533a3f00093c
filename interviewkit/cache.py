"""The note cache: what each note yields for the rules, kept in `.interviewkit/cache/` so
an unchanged note is not read again. Section texts are not kept (only whether each
section is empty); commands that quote them read the notes themselves.

Entries are keyed by path, size and mtime_ns and hold a short summary (company, id,
problems). Beside them, the agenda rows of each company are kept with the path, size
and mtime_ns of every note they came from, so `due` on an unchanged vault decodes no
note at all. Each note's record comes last in the file, one marshal blob per note,
decoded only when a command needs that note itself.

The file carries a format version, the program's version and a fingerprint of the
settings; any mismatch, or a file that is missing, truncated or corrupt, reads as an
empty cache and is rebuilt without a word. It is written to a temporary file and
renamed, so two processes never leave a torn file behind (the last one to finish
wins). marshal holds only plain values; nothing in the file is ever executed.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import time
from dataclasses import astuple
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from . import __version__
from .applications import company_key
from .config import STATE_DIR, Settings
from .errors import Problem
from .note import Note, Person, Reading
from .sections import Section
from .tasks import Task

FORMAT = 4
CACHE_DIR = "cache"
CACHE_FILE = "notes.marshal"
# A file changed within this window of the cache being written may have been
# changed again without its mtime moving (coarse file-system clocks): re-read it.
RACY_NS = 2_000_000_000

# (company key or None, note id or None, line of the id, problems)
Summary = tuple[str | None, str | None, int, list[tuple[str, int, str, str]]]
# (size, mtime_ns, summary); the summary is None for files that are not interview notes
Entry = tuple[int, int, Summary | None]
# (path, size and mtime_ns of each note, rows, the moment after which the rows serve)
Group = tuple[tuple[tuple[str, int, int], ...], list[tuple], float]


def settings_key(settings: Settings) -> str:
    """A fingerprint of every setting: a change invalidates the whole cache."""
    return repr(astuple(settings))


def _day(value: date | None) -> int | None:
    return value.toordinal() if value is not None else None


def _from_day(value: int | None) -> date | None:
    return date.fromordinal(value) if value is not None else None


def _problems(problems: list[Problem]) -> list[tuple[str, int, str, str]]:
    return [(p.path, p.line, p.message, p.severity) for p in problems]


def reading_to_record(reading: Reading) -> tuple:
    """A reading as nested tuples of plain values."""
    note = reading.note
    record = None
    if note is not None:
        record = (
            note.path, note.id, note.id_written, note.company, note.role, note.round,
            note.start.timestamp(), note.end.timestamp(),
            [(p.name, p.email) for p in note.people], note.next_steps,
            _day(note.decision_by), _day(note.follow_up_on), _day(note.thank_you_sent),
            [d.toordinal() for d in note.followed_up], note.outcome, _day(note.outcome_on),
            note.lines,
            {k: (s.heading, s.line, s.empty) for k, s in note.sections.items()},
            [(t.line, t.text, t.status, _day(t.due), t.dataview, t.key, t.description) for t in note.tasks],
        )  # fmt: skip
    return (
        reading.looks_like_interview,
        record,
        _problems(reading.problems),
        _problems(reading.findings),
    )


def record_to_reading(record: tuple, zone: ZoneInfo) -> Reading:
    """Rebuild a reading from `reading_to_record`'s tuples."""
    looks, note_record, problems, findings = record
    note = None
    if note_record is not None:
        (path, note_id, written, company, role, round_name, start, end, people, next_steps,
         decision_by, follow_up_on, thank_you_sent, followed_up, outcome, outcome_on,
         lines, sections, tasks) = note_record  # fmt: skip
        note = Note(
            path=path,
            id=note_id,
            id_written=written,
            company=company,
            role=role,
            round=round_name,
            start=datetime.fromtimestamp(start, zone),
            end=datetime.fromtimestamp(end, zone),
            people=tuple(Person(name, email) for name, email in people),
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
                Task(line, text, status, _from_day(due), dataview, key, words)
                for line, text, status, due, dataview, key, words in tasks
            ),
            has_text=False,
        )
    return Reading(
        note=note,
        looks_like_interview=looks,
        problems=[Problem(*p) for p in problems],
        findings=[Problem(*p) for p in findings],
    )


def summarize(reading: Reading) -> tuple[Summary | None, bytes | None]:
    """A reading's summary and record blob; (None, None) for files that are not notes."""
    note = reading.note
    if note is None and not reading.problems and not reading.findings:
        return None, None
    summary = (
        company_key(note) if note is not None else None,
        note.id if note is not None else None,
        note.line_of("id") if note is not None else 0,
        _problems(reading.problems),
    )
    return summary, marshal.dumps(reading_to_record(reading))


def unpack(blob: bytes, zone: ZoneInfo) -> Reading:
    """The reading a record blob holds."""
    return record_to_reading(marshal.loads(blob), zone)


class NoteCache:
    """Load and save the cache of one vault for one set of settings.

    The file is the length of the index (8 bytes, little-endian), the index
    (header, time written, entries, groups) and then the records, by path.
    """

    def __init__(self, root: Path, settings: Settings) -> None:
        self.path = root / STATE_DIR / CACHE_DIR / CACHE_FILE
        self.header = (FORMAT, __version__, settings_key(settings))
        self._records = memoryview(b"")

    def load(self) -> tuple[dict[str, Entry], dict[str, Group]]:
        """Entries and company groups that can be trusted; an unusable file gives none."""
        try:
            data = memoryview(self.path.read_bytes())
            size = int.from_bytes(data[:8], "little")
            header, written_ns, entries, groups = marshal.loads(data[8 : 8 + size])
            if header != self.header or not isinstance(entries, dict):
                return {}, {}
            if not isinstance(groups, dict):
                groups = {}
            racy = written_ns - RACY_NS
            self._records = data[8 + size :]
            return {path: entry for path, entry in entries.items() if entry[1] < racy}, groups
        except Exception:  # any damage at all means: start again
            return {}, {}

    def records(self) -> dict[str, bytes]:
        """The record blobs of the file last loaded, by path; none when they are damaged."""
        try:
            records = marshal.loads(self._records) if self._records else {}
        except Exception:
            return {}
        return records if isinstance(records, dict) else {}

    def save(
        self, entries: dict[str, Entry], groups: dict[str, Group], records: dict[str, bytes]
    ) -> None:
        """Write atomically; a failure to write only costs speed next time.

        A group with a note changed so recently that it could change again without
        its mtime moving is left out, so its rows are worked out afresh next time.
        """
        import tempfile

        now = time.time_ns()
        racy = now - RACY_NS
        settled = {
            key: group
            for key, group in groups.items()
            if all(mtime < racy for _, _, mtime in group[0])
        }
        index = marshal.dumps((self.header, now, entries, settled))
        data = len(index).to_bytes(8, "little") + index + marshal.dumps(records)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".notes.", suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                Path(temp).unlink()
