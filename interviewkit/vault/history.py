"""What git knows of a vault's files: which commits touched each one, and when.

The feed takes SEQUENCE and DTSTAMP from it (see `reports.feed.GitStamps`), so a
calendar that caches events sees every change. The history is read in one
rename-aware `git log` and kept in the cache per HEAD; what is not committed yet
comes from one `git status`.
"""

from __future__ import annotations

import contextlib
import marshal
import re
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from interviewkit.config import CONFIG_NAME, STATE_DIR
from interviewkit.vault.cache import write_cache_file

HISTORY_FILE = "history.marshal"
FORMAT = 1
_GIT_TIMEOUT = 120


@dataclass(frozen=True)
class History:
    """The commits that touched the vault's files, newest first.

    `times` holds each commit's time (Unix seconds, the committer's); `touched`
    maps a file's current vault-relative path to the indexes of the commits that
    touched it under this or an earlier name; `dirty` holds the files changed
    since HEAD (or never committed)."""

    head: str
    times: tuple[int, ...]
    touched: dict[str, tuple[int, ...]]
    dirty: frozenset[str]
    shallow: bool
    templates_folder: str

    def shared(self) -> tuple[set[int], bool]:
        """The commits that touched what every event is built from (the config and
        the templates folder), and whether any of those is changed but not committed."""
        config = f"{STATE_DIR}/{CONFIG_NAME}"
        # in any case, as the walk skips it: `Templates/` is `templates/` on macOS
        prefix = self.templates_folder.strip("/").casefold() + "/"
        commits: set[int] = set(self.touched.get(config, ()))
        for path, indexes in self.touched.items():
            if path.casefold().startswith(prefix):
                commits.update(indexes)
        dirty = config in self.dirty or any(p.casefold().startswith(prefix) for p in self.dirty)
        return commits, dirty


def _git(root: Path, *args: str) -> str | None:
    """git's output for `args` run in `root`, or None when git is missing or fails."""
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=root,
            capture_output=True,
            timeout=_GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", "surrogateescape")


def index_file(root: Path) -> Path | None:
    """The git index of the work tree the vault is in (a commit or a `git add`
    rewrites it), or None outside git."""
    found = _git(root, "rev-parse", "--git-path", "index")
    return (root / found.strip()) if found else None


def work_tree_prefix(root: Path) -> str | None:
    """Where the vault lies inside its git work tree, as git writes paths (`notes/`,
    or "" at the top), or None outside a work tree (or without git)."""
    found = _git(root, "rev-parse", "--show-prefix")
    return None if found is None else found.strip("\n")


def line_change_days(root: Path, lines: dict[str, int]) -> dict[str, date]:
    """The day git last changed each file's line (vault-relative path -> 1-based line
    number), for the files committed at HEAD and not changed since (elsewhere the
    line may not be the one HEAD has there); empty outside a git work tree (or
    without git).

    One `git log` with an `-L` range per file walks the history once. A file it
    cannot place in that output (a name git writes quoted, say) gets a `git log`
    of its own, and so does each file if the one call fails."""
    prefix = work_tree_prefix(root)
    if prefix is None or not lines:
        return {}
    # `-L` refuses every range when one names a file HEAD lacks
    committed = _git(root, "ls-tree", "-r", "-z", "--name-only", "HEAD", "--", ".")
    changed = _git(root, "diff", "--name-only", "-z", "--relative", "HEAD", "--", ".")
    if committed is None or changed is None:
        return {}
    clean = set(committed.split("\0")) - set(changed.split("\0"))
    ranges = {path: n for path, n in lines.items() if path in clean}
    if not ranges:
        return {}
    shown = f"+++ b/{prefix}"  # git names files from the top of the work tree
    found: dict[str, date] = {}
    both = _git(root, "log", "--format=%x00%cs", *(f"-L{n},{n}:{p}" for p, n in ranges.items()))
    day = None
    for text in (both or "").split("\n"):
        if text.startswith("\x00") and _DAY.fullmatch(text[1:]):
            day = date.fromisoformat(text[1:])
        elif text.startswith(shown) and day is not None:
            found.setdefault(text[len(shown) :], day)  # the newest commit comes first
    for path, n in ranges.items():
        if path not in found:
            alone = _git(root, "log", "-1", "--format=%x00%cs", f"-L{n},{n}:{path}") or ""
            stamp = alone.strip("\x00\n")[:10]
            if _DAY.fullmatch(stamp):
                found[path] = date.fromisoformat(stamp)
    return {path: found[path] for path in ranges if path in found}


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_history(root: Path, templates_folder: str, cache_dir: Path | None) -> History | None:
    """The vault's git history, or None when the vault is not in a git work tree
    (or git is not installed). Reuses what `cache_dir` keeps for the same HEAD."""
    about = _git(root, "rev-parse", "--is-shallow-repository", "--show-prefix", "HEAD")
    if about is None:
        return None
    lines = about.split("\n")
    if len(lines) < 3:
        return None
    shallow, prefix, head = lines[0] == "true", lines[1], lines[2]
    kept = _load(cache_dir, head) if cache_dir else None
    if kept is None:
        log = _git(
            root,
            "log",
            "-z",
            "--name-status",
            "-M",
            "--relative",
            "--format=%x01%H%x02%ct",
            "--",
            ".",
        )
        if log is None:
            return None
        kept = parse_log(log)
        if cache_dir is not None:
            write_cache_file(cache_dir / HISTORY_FILE, marshal.dumps((FORMAT, head, *kept)))
    times, touched = kept
    status = _git(root, "status", "--porcelain", "-z", "--untracked-files=all", "--", ".")
    dirty = parse_status(status or "", prefix)
    return History(head, times, touched, dirty, shallow, templates_folder)


def _load(cache_dir: Path, head: str):
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        stored = marshal.loads((cache_dir / HISTORY_FILE).read_bytes())
        if stored[0] == FORMAT and stored[1] == head:
            return stored[2], stored[3]
    return None


def parse_log(text: str) -> tuple[tuple[int, ...], dict[str, tuple[int, ...]]]:
    """(commit times, current path -> commit indexes) from `git log -z --name-status
    -M --format=%x01%H%x02%ct`, newest commit first. A rename carries the commits
    of the old name over to the new one."""
    times: list[int] = []
    touched: dict[str, list[int]] = {}
    alias: dict[str, str] = {}  # a name in older commits -> the file's name now
    for record in text.split("\x01")[1:]:
        header, _, changes = record.partition("\x00")
        index = len(times)
        times.append(int(header.partition("\x02")[2]))
        fields = changes.lstrip("\n").split("\x00")
        at = 0
        while at < len(fields) and fields[at]:
            status = fields[at]
            if status[:1] in ("R", "C") and at + 2 < len(fields):
                old, new = fields[at + 1], fields[at + 2]
                now = alias.get(new, new)
                touched.setdefault(now, []).append(index)
                if status[:1] == "R":
                    alias[old] = now
                at += 3
            else:
                path = fields[at + 1] if at + 1 < len(fields) else ""
                touched.setdefault(alias.get(path, path), []).append(index)
                at += 2
    return tuple(times), {path: tuple(indexes) for path, indexes in touched.items()}


def parse_status(text: str, prefix: str) -> frozenset[str]:
    """The vault-relative paths `git status --porcelain -z` names (run in the vault,
    whose path inside the work tree is `prefix`); for a rename, both names."""
    paths: set[str] = set()
    fields = text.split("\x00")
    at = 0
    while at < len(fields) and fields[at]:
        entry = fields[at]
        paths.add(entry[3:])
        if entry[:1] in ("R", "C") or entry[1:2] in ("R", "C"):
            at += 1
            if at < len(fields):
                paths.add(fields[at])
        at += 1
    return frozenset(p.removeprefix(prefix) for p in paths if p.startswith(prefix))
