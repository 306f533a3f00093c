"""Reading every note of a vault, through the cache, and resolving NOTE arguments."""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from interviewkit.config import Settings
from interviewkit.errors import Problem, tool_failure
from interviewkit.vault.cache import Entry, Group, NoteCache
from interviewkit.vault.walk import SYNC_CONFLICT, in_folder, template_folders, walk_markdown

# Notes (and the YAML parser) are imported where a file is read or a record
# decoded: `due` on an unchanged vault needs neither.
if TYPE_CHECKING:
    from interviewkit.notes.note import Note, Reading


@dataclass
class Scan:
    """Every interview note of a vault, and every problem found on the way."""

    notes: list[Note] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    findings: list[Problem] = field(default_factory=list)
    # the paths of the unusable notes that name a company, by its folded name
    unusable: dict[str, list[str]] = field(default_factory=dict)


# Below this many files to read, starting a second process costs more than it saves.
PARALLEL_MIN = 2000


def read_file(root: Path, rel: str, settings: Settings, earlier: Reading | None = None) -> Reading:
    """Read one vault file into a reading (an empty one for files that are not notes).

    `earlier` is what reading it gave before (see `notes.note.read_note`)."""
    from interviewkit.notes.note import Reading, read_note

    in_notes = in_folder(rel, settings.notes_folder)
    limit = settings.max_note_mib << 20
    try:
        data, whole = _read_bytes(os.path.join(root, rel), limit)
    except OSError as exc:
        reading = Reading(looks_like_interview=in_notes)
        if in_notes:
            reading.problems.append(Problem(rel, 1, f"cannot read: {exc.strerror}"))
        return reading
    if not whole:  # only the first bytes were read: enough to tell what it is
        from interviewkit.notes.front_matter import typed_bytes

        reading = Reading(looks_like_interview=in_notes or typed_bytes(data))
        if reading.looks_like_interview:
            reading.problems.append(
                Problem(
                    rel,
                    1,
                    f"is over {settings.max_note_mib} MiB, so it is not read (an interview "
                    "note is small: is this an export? raise max_note_mib if not)",
                )
            )
        return reading
    try:
        return read_note(rel, data, settings, in_notes, earlier)
    except Exception as exc:  # a bug must cost this note only, and say so
        return Reading(looks_like_interview=True, problems=[tool_failure(rel, "reading", exc)])


def _read_bytes(path: str, limit: int) -> tuple[bytes, bool]:
    """A file's bytes and True, read without the layers of `Path.read_bytes`
    (measurably faster over tens of thousands of small files); for a file over
    `limit` bytes, only its first 64 KiB and False."""
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if os.fstat(handle).st_size > limit:
            return os.read(handle, 1 << 16), False
        chunks = []
        while chunk := os.read(handle, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks), True
    finally:
        os.close(handle)


# What the worker process read, kept there between its two tasks (see `_read_many`).
_HELD: dict[str, Reading] = {}
# The files to read on two cores and the shared count of those taken, set before the
# worker is forked, so it inherits them (see `_take`).
_JOB: tuple[Path, list[str], Settings, object] | None = None
# Files are taken this many at a time by whichever process is free.
CHUNK = 200


def _take(counter, total: int) -> range:
    """The indexes of the next chunk of `total` files to read, for the calling process
    (empty when none is left); `counter` is shared by both processes."""
    with counter.get_lock():
        start = counter.value
        counter.value = min(start + CHUNK, total)
    return range(start, min(start + CHUNK, total))


def _worker_read() -> list[tuple[int, tuple]]:
    """The worker's first task: read chunks of files until none is left, keep the
    readings, and give back (index, (summary, blob)) for each file it read."""
    from interviewkit.vault.codec import summarize

    root, rels, settings, counter = _JOB
    _HELD.clear()
    results = []
    while chunk := _take(counter, len(rels)):
        for index in chunk:
            rel = rels[index]
            reading = read_file(root, rel, settings)
            summary, blob = summarize(reading)
            if summary is not None and reading.note is not None:
                _HELD[rel] = reading
            results.append((index, (summary, blob)))
    return results


def _worker_rows(
    companies: dict[str, list[tuple[str, bytes | None]]], settings: Settings, now: datetime
) -> bytes:
    """The worker's second task: the rows of some companies, each given as its notes
    in order, with the record of each note the worker did not read itself. A company
    whose rules fail is left out, for the parent to work out again and report. The
    groups come back as marshal bytes."""
    from interviewkit.vault.codec import unpack

    groups: dict[str, Group] = {}
    for key, notes_of in companies.items():
        try:
            notes = [
                (_HELD[rel] if blob is None else unpack(blob, settings.zone)).note
                for rel, blob in notes_of
            ]
            groups[key] = _group([rel for rel, _ in notes_of], notes, settings, now)
        except Exception:  # the parent works it out again, and says what failed
            continue
    _HELD.clear()
    return marshal.dumps(groups)  # rows are plain values: quicker to send than to pickle


def _group(rels: list[str], notes: list[Note | None], settings: Settings, now: datetime) -> Group:
    """One company's group: the paths of its notes in order, their agenda rows, and the
    moment after which those rows serve (see `rules.agenda.company_rows`)."""
    from interviewkit.rules.agenda import company_rows

    return (tuple(rels), *company_rows([n for n in notes if n], settings, now))


def _worker_signals() -> None:
    """The worker ends when the pool terminates it (SIGTERM): quietly, not through
    the handler the command line installed for the parent (see `entry`)."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _second_core_pays(count: int) -> bool:
    """True when there are enough files, a second core, and fork to start a worker cheaply."""
    if count < PARALLEL_MIN or (os.cpu_count() or 1) < 2:
        return False
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


class Reads:
    """What `_read_many` gives: (summary, blob, reading) per file and, when asked for,
    the rows of the companies the worker took on (see `groups`)."""

    def __init__(self, results: list[tuple], pool=None) -> None:
        self.results = results
        self._pool = pool
        self._pending = None
        self.worker_keys: set[str] = set()

    def expect_rows(self, pending, keys: set[str]) -> None:
        """The worker is working out the rows of the companies `keys` (`pending`
        gives them, see `_worker_rows`)."""
        self._pending, self.worker_keys = pending, keys

    def groups(self) -> dict[str, Group]:
        """The rows of the companies in `worker_keys` that the worker could work out;
        waits for it. Empty when no worker was used."""
        if self._pending is None:
            return {}
        try:
            return marshal.loads(self._pending.get())
        finally:
            self.close()

    def close(self) -> None:
        """End the worker, if one was started."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool = None
            self._pending = None


def _read_many(
    root: Path,
    rels: list[str],
    settings: Settings,
    earlier: Callable[[str], Reading | None],
    now: datetime | None = None,
) -> Reads:
    """(summary, blob, reading) for each file, on two cores when there are many.

    The reading is None for files that are not interview notes. `earlier` gives
    what reading a file gave before, when that is at hand; it spares a YAML parse
    when only the body changed (not used on two cores, where every file is new).

    With `now`, on two cores, the worker also works out the agenda rows of the
    companies whose notes it mostly read (`Reads.groups`), and the readings of
    those notes stay None here: the parent never decodes their records.
    """
    if not rels:
        return Reads([])
    from interviewkit.vault.codec import summarize, unpack

    if not _second_core_pays(len(rels)):
        readings = [read_file(root, rel, settings, earlier(rel)) for rel in rels]
        return Reads([(*summarize(r), r) for r in readings])
    import multiprocessing

    global _JOB
    context = multiprocessing.get_context("fork")
    counter = context.Value("l", 0)
    _JOB = (root, rels, settings, counter)
    try:
        pool = context.Pool(1, _worker_signals)  # forks now: the worker inherits _JOB
    finally:
        _JOB = None
    try:
        later = pool.apply_async(_worker_read)
        results: list[tuple | None] = [None] * len(rels)
        while chunk := _take(counter, len(rels)):
            for index in chunk:
                reading = read_file(root, rels[index], settings)
                results[index] = (*summarize(reading), reading)
        theirs = later.get()
        reads = Reads(results, pool)  # type: ignore[arg-type]
        worker: dict[str, list[tuple[str, bytes | None]]] = {}
        if now is not None:
            worker = _worker_companies(rels, results, theirs)
            reads.expect_rows(pool.apply_async(_worker_rows, (worker, settings, now)), set(worker))
        zone = settings.zone
        for index, (summary, blob) in theirs:
            held = summary is not None and summary[0] in worker
            reading = None if blob is None or held else unpack(blob, zone)
            results[index] = (summary, blob, reading)
        if now is None:
            reads.close()
        return reads
    except BaseException:
        pool.terminate()
        raise


def _worker_companies(
    rels: list[str], mine: list[tuple | None], theirs: list[tuple[int, tuple]]
) -> dict[str, list[tuple[str, bytes | None]]]:
    """The companies the worker read more of the notes of than the parent did, and
    every other one of those both read as many of, each as its notes in order: (path, None) for a note the worker read, (path,
    record) for one the parent read (`mine` holds the parent's results by index, None
    where the worker read the file)."""
    summaries: list[tuple | None] = [r[0] if r is not None else None for r in mine]
    worker_read = [False] * len(rels)
    for index, (summary, _) in theirs:
        summaries[index] = summary
        worker_read[index] = True
    counts: dict[str, int] = {}
    for index, summary in enumerate(summaries):
        if summary is not None and summary[0] is not None and summary[2] is not None:
            counts[summary[0]] = counts.get(summary[0], 0) + (1 if worker_read[index] else -1)
    ties = [key for key, balance in counts.items() if balance == 0]
    taken = {key for key, balance in counts.items() if balance > 0} | set(ties[::2])
    companies: dict[str, list[tuple[str, bytes | None]]] = {}
    for index, summary in enumerate(summaries):
        if summary is not None and summary[0] in taken and summary[2] is not None:
            blob = None if worker_read[index] else mine[index][1]  # type: ignore[index]
            companies.setdefault(summary[0], []).append((rels[index], blob))
    return companies


class VaultReader:
    """Reads a vault's notes, re-reading only files whose size or mtime changed.

    Keeps what it read in memory between scans (for `serve`) and, unless told not
    to, in the on-disk cache between runs.
    """

    def __init__(self, root: Path, settings: Settings, use_cache: bool = True) -> None:
        self.root = root
        self.settings = settings
        self.cache = NoteCache(root, settings) if use_cache else None
        self.entries: dict[str, Entry] | None = None
        self.groups: dict[str, Group] = {}
        self.readings: dict[str, Reading] = {}
        self.blobs: dict[str, bytes] = {}  # records read in this process
        self.unreadable_folders: list[Problem] = []
        self._walked: list[tuple[str, os.stat_result]] | None = None  # see `walk`

    def walk(self) -> list[tuple[str, os.stat_result]]:
        """The vault's Markdown files with their `stat`, as listed now; the folders that
        cannot be read are in `unreadable_folders`. The next scan uses this listing."""
        self.unreadable_folders = []
        skipped = template_folders(self.root, self.settings.templates_folder)
        self._walked = walk_markdown(
            self.root, skipped, self.unreadable_folders, self.settings.notes_folder
        )
        return self._walked

    def scan(self, with_text: bool = False) -> Scan:
        """Read every interview note in the vault.

        `with_text` reads interview notes from disk again for their section texts,
        which the cache does not keep.
        """
        from interviewkit.names import fold

        with _no_cyclic_gc():
            files, dirty, _ = self._refresh(with_text)
            if dirty and not with_text:
                self._save()
            scan = Scan()
            held = [rel for rel, _ in files if self.entries[rel][2] is not None]
            self._fetch(held)
            for rel in held:
                reading = self._reading(rel)
                scan.problems.extend(reading.problems)
                scan.findings.extend(reading.findings)
                if reading.note is not None:
                    scan.notes.append(reading.note)
                elif reading.company_hint:
                    scan.unusable.setdefault(fold(reading.company_hint), []).append(rel)
            scan.problems.extend(
                duplicate_ids([(n.path, n.id, n.line_of("id")) for n in scan.notes])
            )
            scan.problems.extend(self.unreadable_folders)
            scan.problems.sort()
            scan.findings.sort()
            return scan

    def agenda(self, now: datetime) -> tuple[list[tuple], list[Problem]]:
        """The agenda rows of every note for `now` or later (see `agenda`), and the problems.

        A company whose notes are all unchanged keeps the rows worked out before,
        so an unchanged vault decodes no note at all. When many notes are read on two
        cores, the worker works out the rows of the companies it read most of.
        """
        with _no_cyclic_gc():
            files, dirty, reads = self._refresh(False, now)
            try:
                return self._agenda(now, files, dirty, reads)
            finally:
                reads.close()

    def _agenda(
        self, now: datetime, files: list[tuple[str, os.stat_result]], dirty: bool, reads: Reads
    ) -> tuple[list[tuple], list[Problem]]:
        from interviewkit.names import fold
        from interviewkit.rules.agenda import (
            accepted_offers,
            latest_rounds,
            still_to_come,
            warn_accepted,
            warn_rows,
            warn_superseded,
        )

        members: dict[str, list[str]] = {}
        problems: list[Problem] = []
        ids: list[tuple[str, str, int]] = []
        unusable: dict[str, list[str]] = {}
        for rel, _ in files:
            summary = self.entries[rel][2]
            if summary is None:
                continue
            key, named, note_id, id_line, found = summary
            if found:
                problems.extend(Problem(*p) for p in found)
            if key is None and named:
                unusable.setdefault(fold(named), []).append(rel)
            if key is not None and note_id is not None:
                members.setdefault(key, []).append(rel)
                ids.append((rel, note_id, id_line))
        groups: dict[str, Group] = {}
        moment = now.timestamp()
        redo = []
        for key, notes_of in members.items():
            kept = self.groups.get(key)
            if key in reads.worker_keys:
                continue  # the worker is working it out
            if kept is None or kept[0] != tuple(notes_of) or not moment > kept[2]:
                redo.append(key)
            else:
                groups[key] = kept
        self._fetch(rel for key in redo for rel in members[key])
        for key in redo:  # while the worker works out its share
            self._work_out(key, members[key], now, groups, problems)
        from_worker = reads.groups()
        for key in reads.worker_keys & members.keys():
            done = from_worker.get(key)
            if done is not None and done[0] == tuple(members[key]):
                groups[key] = done
            else:  # the worker could not: work it out here, saying what fails
                self._work_out(key, members[key], now, groups, problems)
        dirty = dirty or bool(redo) or bool(reads.worker_keys)
        dirty = dirty or groups.keys() != self.groups.keys()
        self.groups = groups
        if dirty:  # before the warnings: a row copied with one makes marshal track its parts
            self._save()
        rows = warn_rows(
            [row for key in members if key in groups for row in groups[key][1]], unusable
        )
        recorded = [day for key in members if key in groups for day in groups[key][3]]
        rows = warn_superseded(
            rows, latest_rounds((key, group[3]) for key, group in groups.items())
        )
        accepted = accepted_offers(recorded, self._company_of, self.settings.zone)
        rows = warn_accepted(rows, accepted)
        problems.extend(duplicate_ids(ids))
        problems.extend(self.unreadable_folders)
        problems.extend(still_to_come(recorded, now))
        problems.sort()
        return rows, problems

    def _work_out(
        self,
        key: str,
        rels: list[str],
        now: datetime,
        groups: dict[str, Group],
        problems: list[Problem],
    ) -> None:
        """Work out one company's rows into `groups`; a failure costs that company
        only, and says so on each of its notes."""
        notes = [self._reading(rel).note for rel in rels]
        try:
            groups[key] = _group(rels, notes, self.settings, now)
        except Exception as exc:  # a bug must cost this company only, and say so
            problems += [tool_failure(rel, "working out the actions of", exc) for rel in rels]

    def _company_of(self, rel: str) -> tuple[str, str]:
        """A readable note's folded company and its name as written, from its summary."""
        summary = self.entries[rel][2]
        return summary[0], summary[1]

    def paths_of(self, key: str) -> set[str]:
        """The notes of one company (folded name), unusable ones naming it included."""
        from interviewkit.names import fold

        if self.entries is None:
            self._refresh(False)
        return {
            rel
            for rel, (_, _, summary, *_) in self.entries.items()
            if summary is not None
            and (summary[0] == key or (summary[0] is None and fold(summary[1]) == key))
        }

    def note_ids(self) -> dict[str, tuple[str, str]]:
        """Note id -> (path, folded company) of the first note in path order holding it,
        for every readable note; decodes no note."""
        if self.entries is None:
            self._refresh(False)
        ids: dict[str, tuple[str, str]] = {}
        for rel in sorted(self.entries):
            summary = self.entries[rel][2]
            if summary is not None and summary[0] is not None and summary[2] is not None:
                ids.setdefault(summary[2], (rel, summary[0]))
        return ids

    def companies(self) -> dict[str, str]:
        """Folded company name -> the name as written (the first in sort order when
        notes spell it differently), for every readable note; decodes no note."""
        if self.entries is None:
            self._refresh(False)
        spellings: dict[str, str] = {}
        for _, _, summary, *_ in self.entries.values():
            if summary is not None and summary[0] is not None:
                known = spellings.get(summary[0])
                if known is None or summary[1] < known:
                    spellings[summary[0]] = summary[1]
        return spellings

    def _refresh(
        self, with_text: bool, now: datetime | None = None
    ) -> tuple[list[tuple[str, os.stat_result]], bool, Reads]:
        """Walk the vault and re-read what changed; True when anything did. With
        `now`, the worker may work out rows (see `_read_many`): close what comes back."""
        if self.entries is None:
            self.entries, self.groups = self.cache.load() if self.cache else ({}, {})
        old = self.entries
        files = self._walked if self._walked is not None else self.walk()
        self._walked = None
        entries: dict[str, Entry] = {}
        stale: list[tuple[str, os.stat_result]] = []
        for rel, info in files:
            entry = old.get(rel)
            if (
                entry is not None
                and entry[0] == info.st_size
                and entry[1] == info.st_mtime_ns
                and entry[3:] == (info.st_ctime_ns, info.st_ino)
                and not (with_text and entry[2] is not None)
            ):
                entries[rel] = entry
            else:
                stale.append((rel, info))
        if len(stale) < PARALLEL_MIN:  # earlier readings spare YAML parses (see _read_many)
            self._fetch(rel for rel, _ in stale)
        reads = _read_many(self.root, [rel for rel, _ in stale], self.settings, self._earlier, now)
        for (rel, info), (summary, blob, reading) in zip(stale, reads.results, strict=True):
            self._forget(old.get(rel))
            entries[rel] = (info.st_size, info.st_mtime_ns, summary, info.st_ctime_ns, info.st_ino)
            self._forget(entries[rel])
            self.readings.pop(rel, None)
            self.blobs.pop(rel, None)
            if reading is not None and summary is not None:
                self.readings[rel] = reading
            if blob is not None:
                self.blobs[rel] = blob
        for rel in old.keys() - entries.keys():
            self._forget(old[rel])
            self.readings.pop(rel, None)
            self.blobs.pop(rel, None)
        self.entries = entries
        return files, bool(stale) or len(entries) != len(old), reads

    def _forget(self, entry: Entry | None) -> None:
        """Drop the rows of the company a changed note belongs (or belonged) to."""
        if entry is not None and entry[2] is not None and entry[2][0] is not None:
            self.groups.pop(entry[2][0], None)

    def _reading(self, rel: str) -> Reading:
        """The reading of a file known to hold something: from memory, its record
        (fetched first, see `_fetch`) or, failing those, the file itself."""
        reading = self._earlier(rel)
        if reading is None:
            from interviewkit.vault.codec import summarize

            reading = read_file(self.root, rel, self.settings)
            self.blobs[rel] = summarize(reading)[1]
            self.readings[rel] = reading
        return reading

    def _earlier(self, rel: str) -> Reading | None:
        """What reading a file gave before, from memory or its record, never from disk."""
        reading = self.readings.get(rel)
        blob = self.blobs.get(rel)
        if reading is None and blob is not None:
            from interviewkit.vault.codec import unpack

            try:
                reading = unpack(blob, self.settings.zone)
            except Exception:  # a damaged record
                return None
            self.readings[rel] = reading
        return reading

    def _fetch(self, rels: Iterable[str]) -> None:
        """Bring the records of some files from the cache, all at once."""
        if self.cache is not None:
            wanted = [rel for rel in rels if rel not in self.blobs and rel not in self.readings]
            if wanted:
                self.blobs.update(self.cache.records(wanted))

    def _save(self) -> None:
        if self.cache is not None:
            self.cache.save(self.entries, self.groups, self.blobs)


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Reading makes many small objects and no cycles: the cyclic collector would
    only spend time walking them."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def duplicate_ids(notes: list[tuple[str, str, int]]) -> list[Problem]:
    """A problem for each note whose id another note also has, naming the other file.

    `notes` holds (path, id, line of the id) for each note; line 1 (the front
    matter's first, where no key can stand) for an id made from company, day and round.
    """
    by_id: dict[str, list[tuple[str, str, int]]] = {}
    for note in notes:
        by_id.setdefault(note[1], []).append(note)
    problems = []
    for same in by_id.values():
        if len(same) < 2:
            continue
        copies = [p for p, _, _ in same if SYNC_CONFLICT.search(p.rsplit("/", 1)[-1])]
        originals = [p for p, _, _ in same if p not in copies]
        for path, note_id, line in same:
            others = ", ".join(other[0] for other in same if other[0] != path)
            why = (
                "(a copied note? each needs its own: delete the line in the copy, and one is "
                "made from its company, day and round)"
                if line > 1
                else "(made from its company, day and round: if one note is a copy of the "
                "other, delete it; if they are two rounds, name each in `round:`)"
            )
            if copies and originals:
                why = (
                    f"({', '.join(copies)} looks like the copy a sync service makes when a "
                    f"note changes in two places: merge what differs into {originals[0]}, then "
                    "delete the copy)"
                )
            problems.append(Problem(path, line, f"id {note_id!r} is also used by {others} {why}"))
    return problems
