"""The last output of `due`, kept so that a run on an unchanged vault writes it again
without selecting, sorting and formatting every row once more.

On a large vault a warm `due --format json` spends most of its time on those rows,
though the cache spares it reading any note. The memo holds the text a run printed,
its problems and its count of overdue actions, with everything they depend on:

- the question: the command's options, the settings, the cache's format and the
  program's stamp (see `cache.program_stamp`);
- the files: a digest of every Markdown file's path, size, mtime, ctime and inode,
  and of the folders that could not be read (see `files_digest`);
- time: the span of moments the answer holds for, from when it was worked out to
  the next midnight in the vault's zone or the next interview start, whichever is
  first (what is open, and what is overdue, can change at those moments only).

A memo is not written while a file changed so recently that it could change again
without its mtime moving (see `cache.RACY_NS`). The file is written atomically,
sealed (a damaged one reads as missing) and kept beside the cache; `--no-cache`
neither reads nor writes it.
"""

from __future__ import annotations

import hashlib
import os
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from interviewkit.config import STATE_DIR
from interviewkit.errors import Problem
from interviewkit.vault.cache import CACHE_DIR, RACY_NS, open_regular, write_cache_file
from interviewkit.vault.seal import seal, unseal

MEMO_FILE = "due-output.marshal"
FORMAT = 2


@dataclass(frozen=True)
class Output:
    """What a run of `due` gave: its text, its problems and how many actions were overdue."""

    text: str
    problems: list[Problem]
    overdue: int


def files_digest(files: list[tuple[str, os.stat_result]], unreadable: list[Problem]) -> str:
    """A digest of the files a walk found (path, size, mtime, ctime, inode) and of
    what it could not read."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(
        "\n".join(
            f"{rel}\0{i.st_size}\0{i.st_mtime_ns}\0{i.st_ctime_ns}\0{i.st_ino}" for rel, i in files
        ).encode("utf-8", "surrogateescape")
    )
    digest.update(repr(unreadable).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def newest_change(files: list[tuple[str, os.stat_result]]) -> int:
    """The latest mtime among the files, in nanoseconds (0 for none): the cache's
    test for a file that could change again unseen (see `cache.RACY_NS`)."""
    return max((i.st_mtime_ns for _, i in files), default=0)


class OutputMemo:
    """The memo of one vault's last `due` output.

    The file is the length of its header (8 bytes, little-endian), the sealed header
    (format, question, digest, span of moments, problems, overdue count, CRC32 and
    length of the text), then the text as UTF-8, so a memo for another question is
    turned down without reading its text.
    """

    def __init__(self, root: Path, question: tuple) -> None:
        self.path = root / STATE_DIR / CACHE_DIR / MEMO_FILE
        self.question = repr(question)

    def get(self, digest: str, moment: float) -> Output | None:
        """The memo, when it answers this question for these files at this moment."""
        try:
            with open_regular(self.path) as handle:
                size = int.from_bytes(handle.read(8), "little")
                header = unseal(handle.read(size))
                form, question, kept_digest, since, until, problems, overdue, crc, length = header
                if (form, question, kept_digest) != (FORMAT, self.question, digest):
                    return None
                if not since <= moment < until:
                    return None
                data = handle.read(length + 1)
            if len(data) != length or zlib.crc32(data) != crc:
                return None
            return Output(data.decode("utf-8"), [Problem(*p) for p in problems], overdue)
        except Exception:  # missing, damaged or of another version: no memo
            return None

    def put(
        self,
        digest: str,
        newest_ns: int,
        since: float,
        until: float,
        output: Output,
    ) -> None:
        """Keep `output` for moments from `since` until before `until`; nothing is kept
        while a file changed within the racy window. A failure only costs speed."""
        if newest_ns >= time.time_ns() - RACY_NS:
            return
        data = output.text.encode("utf-8")
        problems = tuple((p.path, p.line, p.message, p.severity, p.fix) for p in output.problems)
        header = seal(
            (
                FORMAT,
                self.question,
                digest,
                since,
                until,
                problems,
                output.overdue,
                zlib.crc32(data),
                len(data),
            )
        )
        write_cache_file(self.path, len(header).to_bytes(8, "little") + header + data)
