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
from pathlib import Path
from typing import Any

from . import __version__
from .config import STATE_DIR, Settings

FORMAT = 4
CACHE_DIR = "cache"
CACHE_FILE = "notes.marshal"
CONFIG_FILE = "config.marshal"
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
        now = time.time_ns()
        racy = now - RACY_NS
        settled = {
            key: group
            for key, group in groups.items()
            if all(mtime < racy for _, _, mtime in group[0])
        }
        index = marshal.dumps((self.header, now, entries, settled))
        _write_atomically(
            self.path, len(index).to_bytes(8, "little") + index + marshal.dumps(records)
        )


def _write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file and rename; a failure only costs speed next time."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            Path(temp).unlink()


class ConfigMemo:
    """The values last read from the vault's config file, so an unchanged file is not
    parsed again (see `config.load_settings`)."""

    def __init__(self, root: Path) -> None:
        self.path = root / STATE_DIR / CACHE_DIR / CONFIG_FILE

    @staticmethod
    def _key(info: os.stat_result) -> tuple:
        return (FORMAT, __version__, info.st_size, info.st_mtime_ns, info.st_ino)

    def get(self, info: os.stat_result) -> dict[str, Any] | None:
        """The values read from this very file, or None."""
        try:
            key, written_ns, values = marshal.loads(self.path.read_bytes())
        except Exception:  # missing or damaged: read the file again
            return None
        settled = info.st_mtime_ns < written_ns - RACY_NS
        if key != self._key(info) or not settled or not isinstance(values, dict):
            return None
        return values

    def put(self, info: os.stat_result, values: dict[str, Any]) -> None:
        """Remember the values read from this file."""
        _write_atomically(self.path, marshal.dumps((self._key(info), time.time_ns(), values)))
