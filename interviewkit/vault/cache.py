"""The note cache: what each note yields for the rules, kept in `.interviewkit/cache/` so
an unchanged note is not read again. Section texts are not kept (only whether each
section is empty); commands that quote them read the notes themselves.

Entries are keyed by path, size and mtime_ns and hold a short summary (company, id,
problems). Beside them, the agenda rows of each company are kept with the paths of
the notes they came from, and dropped as soon as one of those notes is read again,
so `due` on an unchanged vault decodes no note at all. Each note's record comes last
in the file, one marshal blob per note, decoded only when a command needs that note
itself. Small changes go to a delta beside the file (see `NoteCache`); the values
read from the config file are kept apart (see `ConfigMemo`).

The files carry a format version, the program's stamp (its version and the newest
change to its code, see `program_stamp`) and a fingerprint of the settings; any
mismatch, or a file that is missing, truncated or corrupt, reads as an empty cache
and is rebuilt without a word. Each is written to a temporary file and
renamed, so two processes never leave a torn file behind (the last one to finish
wins). marshal holds only plain values; nothing in the files is ever executed.
"""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import time
from collections.abc import Iterable, Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any, BinaryIO

from interviewkit import __version__
from interviewkit.config import STATE_DIR, Settings
from interviewkit.vault.seal import seal, unseal

FORMAT = 162
CACHE_DIR = "cache"
CACHE_FILE = "notes.marshal"
DELTA_FILE = "notes-delta.marshal"
# A delta may always hold this many changed entries, however small the vault.
DELTA_MIN = 64
# Up to this many records are read one by one; more, with one read of them all.
RECORDS_READ_ONE_BY_ONE = 256
CONFIG_FILE = "config.marshal"
# A file changed within this window of the cache being written may have been
# changed again without its mtime moving (coarse file-system clocks): re-read it.
RACY_NS = 2_000_000_000

# (company key or None, company as written (for an unusable note, its `company:` line),
#  note id or None, line of the id, problems)
Summary = tuple[str | None, str, str | None, int, tuple[tuple[str, int, str, str], ...]]
# (size, mtime_ns, summary, ctime_ns, inode); the summary is None for files that are not
# interview notes. A copy tool can put an mtime back, but nobody can set the ctime, which
# any write moves on, so a same-size edit with a restored mtime is still seen.
Entry = tuple[int, int, Summary | None, int, int]
# (the paths of its notes, rows, the moment after which the rows serve, the days its
# notes record things done on). A group is dropped as soon as one of its notes is
# read again (see `vault.reader.VaultReader` and `rules.agenda.company_rows`).
Group = tuple[tuple[str, ...], list[tuple], float, list[tuple[str, int, str, int]]]


@functools.lru_cache(maxsize=1)
def program_stamp() -> str:
    """This install of interviewkit: its version and the newest change to its code.
    Installs of two commits share a version; what they read, or work out, may differ,
    so neither the cache nor the memo of an output outlives the code that wrote it."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    newest = count = 0
    for folder, _, names in os.walk(package):
        for name in names:
            if name.endswith(".py"):
                with contextlib.suppress(OSError):
                    newest = max(newest, os.stat(os.path.join(folder, name)).st_mtime_ns)
                    count += 1
    return f"{__version__} {count} {newest}"


def settings_key(settings: Settings) -> str:
    """A fingerprint of every setting's value (and, with `holidays` set, of the holidays
    package's version, whose calendars may change): a change invalidates the cache."""
    key = repr(tuple(getattr(settings, f.name) for f in fields(settings) if f.compare))
    if settings.holidays:
        from importlib.metadata import version

        key += f" holidays {version('holidays')}"
    return key


class NoteCache:
    """Load and save the cache of one vault for one set of settings.

    The cache is a base file and, beside it, a delta holding what changed since
    the base was written, so that a run which re-read a few notes writes a few
    entries instead of the whole vault. The base is the length of its index (8
    bytes, little-endian), the index (header, time written, entries, groups), the
    length of the records' positions, those positions by path, and the records
    one after the other, so that one can be read without decoding the rest. The
    delta names the base it applies to by the time that base was written; a delta
    for another base is ignored. Once the delta holds more than a tenth of the
    entries, the base is written afresh.
    """

    def __init__(self, root: Path, settings: Settings) -> None:
        folder = root / STATE_DIR / CACHE_DIR
        self.path = folder / CACHE_FILE
        self.delta_path = folder / DELTA_FILE
        self.header = (FORMAT, program_stamp(), settings_key(settings))
        # Where the base's records start, and the inode, size and mtime of that file.
        self._records_at: tuple[int, int, int, int] | None = None
        self._positions: dict[str, tuple[int, int]] | None = None
        self._records_start = 0
        self._delta_records: dict[str, bytes] = {}
        # The delta as loaded: changed entries, removed paths, groups.
        self._delta: tuple[dict[str, Entry], set[str], dict[str, Group]] = ({}, set(), {})
        # The base as loaded: time written, entries, groups.
        self._base: tuple[int, dict[str, Entry], dict[str, Group]] | None = None

    def load(self) -> tuple[dict[str, Entry], dict[str, Group]]:
        """Entries and company groups that can be trusted; an unusable file gives none."""
        try:
            with open_regular(self.path) as handle:
                info = os.fstat(handle.fileno())
                size = int.from_bytes(handle.read(8), "little")
                index = handle.read(size)
            header, written_ns, entries, groups = unseal(index)
            if header != self.header or not isinstance(entries, dict):
                return {}, {}
            if not isinstance(groups, dict):
                groups = {}
            self._base = (written_ns, entries, groups)
            self._records_at = (8 + size, info.st_ino, info.st_size, info.st_mtime_ns)
            racy = written_ns - RACY_NS
            trusted = {path: entry for path, entry in entries.items() if entry[1] < racy}
            trusted_groups = dict(groups)
            self._apply_delta(written_ns, trusted, trusted_groups)
            return trusted, trusted_groups
        except Exception:  # any damage at all means: start again
            self._base = None
            return {}, {}

    def _apply_delta(
        self, base_ns: int, entries: dict[str, Entry], groups: dict[str, Group]
    ) -> None:
        """Bring the base's entries and groups up to date with a delta made for it."""
        try:
            with open_regular(self.delta_path) as handle:
                delta = unseal(handle.read())
            header, for_base, written_ns, changed, removed, new_groups, old_groups, records = delta
            if header != self.header or for_base != base_ns:
                return
        except Exception:  # missing, damaged or foreign: the base alone is right
            return
        racy = written_ns - RACY_NS
        for path in removed:
            entries.pop(path, None)
        for path, entry in changed.items():
            if entry[1] < racy:
                entries[path] = entry
            else:
                entries.pop(path, None)
        for key in old_groups:
            groups.pop(key, None)
        groups.update(new_groups)
        self._delta_records = records
        self._delta = (changed, set(removed), new_groups)

    def records(self, paths: Iterable[str]) -> dict[str, bytes]:
        """The record blobs the cache last loaded has for some paths. A path without
        one (or with damaged records) is left out: the caller reads that note."""
        found: dict[str, bytes] = {}
        rest = []
        changed_since_base = self._delta[0]
        for path in paths:
            blob = self._delta_records.get(path)
            if blob is not None:
                found[path] = blob
            elif path not in changed_since_base:  # the base's record is not the note's now
                rest.append(path)
        if rest and self._records_at is not None:
            with contextlib.suppress(Exception):
                found.update(self._read_records(rest))
        return found

    def _read_records(self, paths: list[str]) -> dict[str, bytes]:
        """Records from the base loaded, unless that file was replaced since: a few
        are read one by one, many with one read."""
        assert self._records_at is not None
        offset, inode, size, mtime_ns = self._records_at
        with open_regular(self.path) as handle:
            info = os.fstat(handle.fileno())
            if (info.st_ino, info.st_size, info.st_mtime_ns) != (inode, size, mtime_ns):
                return {}
            if self._positions is None:
                handle.seek(offset)
                length = int.from_bytes(handle.read(8), "little")
                positions = unseal(handle.read(length))
                self._positions = positions if isinstance(positions, dict) else {}
                self._records_start = offset + 8 + length
            spans = [(path, self._positions[path]) for path in paths if path in self._positions]
            start = self._records_start
            if len(spans) > RECORDS_READ_ONE_BY_ONE:
                handle.seek(start)
                data = memoryview(handle.read())
                return {path: bytes(data[a:b]) for path, (a, b) in spans}
            fd = handle.fileno()
            return {path: os.pread(fd, b - a, start + a) for path, (a, b) in spans}

    def save(
        self,
        entries: dict[str, Entry],
        groups: dict[str, Group],
        fresh: Mapping[str, bytes],
    ) -> None:
        """Write atomically; a failure to write only costs speed next time.

        `fresh` holds the records read since the cache was loaded (at least those of
        every entry that changed); the others come from the cache itself. A group
        with a note changed so recently that it could change again without its
        mtime moving is left out, so its rows are worked out afresh next time.
        """
        now = time.time_ns()
        if self._base is not None and self._save_delta(now, entries, groups, fresh):
            return
        settled = _settled(groups, entries, now)
        held = [path for path, entry in entries.items() if entry[2] is not None]
        stored = self.records([path for path in held if path not in fresh])
        blobs = []
        positions = {}
        offset = 0
        for path in held:
            blob = fresh.get(path) or stored.get(path)
            if blob is not None:
                blobs.append(blob)
                positions[path] = (offset, offset + len(blob))
                offset += len(blob)
        index = seal((self.header, now, entries, settled))
        where = seal(positions)
        write_cache_file(
            self.path,
            b"".join(
                (len(index).to_bytes(8, "little"), index, len(where).to_bytes(8, "little"), where)
            )
            + b"".join(blobs),
        )
        with contextlib.suppress(OSError):
            self.delta_path.unlink()
        self._base = (now, dict(entries), settled)
        self._delta_records = {}
        self._delta = ({}, set(), {})
        self._positions = positions
        self._records_start = 16 + len(index) + len(where)
        try:
            info = self.path.stat()
            self._records_at = (8 + len(index), info.st_ino, info.st_size, info.st_mtime_ns)
        except OSError:
            self._records_at = None

    def _save_delta(
        self,
        now: int,
        entries: dict[str, Entry],
        groups: dict[str, Group],
        fresh: Mapping[str, bytes],
    ) -> bool:
        """Write what differs from the base as the delta; False when that is too much.

        Nothing is written when all that is new since the delta was loaded is
        notes changed too recently to be trusted next time anyway.
        """
        assert self._base is not None
        base_ns, base_entries, base_groups = self._base
        changed = {path: e for path, e in entries.items() if base_entries.get(path) is not e}
        removed = [path for path in base_entries if path not in entries]
        if len(changed) + len(removed) > max(DELTA_MIN, len(entries) // 10):
            return False
        new_groups = _settled(
            {k: g for k, g in groups.items() if base_groups.get(k) is not g}, entries, now
        )
        old_groups = [k for k, g in base_groups.items() if groups.get(k) is not g]
        was_changed, was_removed, had_groups = self._delta
        racy = now - RACY_NS
        if not (
            any(e[1] < racy and was_changed.get(p) is not e for p, e in changed.items())
            or was_removed.symmetric_difference(removed)
            or any(had_groups.get(k) is not g for k, g in new_groups.items())
        ):
            return True
        records = {}
        for path, entry in changed.items():
            # Read in this run, or carried over from the delta loaded.
            blob = fresh.get(path) or self._delta_records.get(path)
            if entry[2] is not None and blob is not None:
                records[path] = blob
        delta = (self.header, base_ns, now, changed, removed, new_groups, old_groups, records)
        write_cache_file(self.delta_path, seal(delta))
        self._delta_records = records
        self._delta = (changed, set(removed), new_groups)
        return True


def _settled(groups: dict[str, Group], entries: dict[str, Entry], now: int) -> dict[str, Group]:
    """The groups whose notes all changed long enough ago to be trusted next time."""
    racy = now - RACY_NS
    return {
        key: group
        for key, group in groups.items()
        if all(path in entries and entries[path][1] < racy for path in group[0])
    }


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading if it is a regular file, without ever blocking (a FIFO
    put in the cache's place would otherwise hang every command); else OSError."""
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    if not stat.S_ISREG(os.fstat(handle).st_mode):
        os.close(handle)
        raise OSError(f"{path} is not a regular file")
    return os.fdopen(handle, "rb")


def valid_settings(values: object) -> bool:
    """True when remembered settings values are what reading the file gives: known
    names, each of its setting's type, and a time zone that exists."""
    from interviewkit.config import BY_NAME, is_zone

    if not isinstance(values, dict):
        return False
    for name, value in values.items():
        setting = BY_NAME.get(name)
        if setting is None:
            return False
        expected = type(setting.default) if setting.default is not None else int
        if not (isinstance(value, expected) or (value is None and setting.optional)):
            return False
    zone = values.get("timezone")
    return not zone or is_zone(zone)


def write_cache_file(path: Path, data: bytes) -> None:
    """Write `path`, in the vault's `.interviewkit/cache/`, through the atomic writer; a
    failure only costs speed next time. Only in a vault that has its `.interviewkit/`
    folder (`init` makes it): a command run in another folder leaves nothing there, so
    that folder does not become a vault (see `walk.find_root`)."""
    if not path.parent.parent.is_dir():
        return
    from interviewkit.write.atomic import CACHE, write_file

    with contextlib.suppress(OSError):
        write_file(path, data, CACHE)


class ConfigMemo:
    """The values last read from the vault's config file, so an unchanged file is not
    parsed again (see `config.load_settings`)."""

    def __init__(self, root: Path) -> None:
        self.path = root / STATE_DIR / CACHE_DIR / CONFIG_FILE

    @staticmethod
    def _key(info: os.stat_result) -> tuple:
        return (
            FORMAT,
            program_stamp(),
            info.st_size,
            info.st_mtime_ns,
            info.st_ctime_ns,
            info.st_ino,
        )

    def get(self, info: os.stat_result) -> dict[str, Any] | None:
        """The values read from this very file, or None."""
        try:
            with open_regular(self.path) as handle:
                key, written_ns, values = unseal(handle.read())
            settled = info.st_mtime_ns < written_ns - RACY_NS
        except Exception:  # missing or damaged: read the file again
            return None
        if key != self._key(info) or not settled or not valid_settings(values):
            return None
        return values

    def put(self, info: os.stat_result, values: dict[str, Any]) -> None:
        """Remember the values read from this file (unless marshal cannot hold them)."""
        try:
            data = seal((self._key(info), time.time_ns(), values))
        except ValueError:  # a value of a type marshal does not know, like a time of day
            return
        write_cache_file(self.path, data)
