"""The one way interviewkit writes a file: a temporary file beside it, then a rename.

A reader never sees half a file, and a failure leaves the old file as it was and
no temporary file behind. What differs between files is a `Policy`:

- `NOTE` and `OUTPUT` (notes, `-o` files): flushed to disk before the rename; a
  symbolic link is written through, so the file it points to changes; a folder
  missing above an `-o` file is an error, not made (a typo would hide the file);
- `CREATE` (`init`, `new`): like `NOTE`, but never replaces anything: the finished
  temporary file is hard-linked into place, which fails if the name is taken;
- `SECRET` (the serve token) and `CACHE`: mode 0600 whatever the umask, and a
  symbolic link is replaced, never followed; the cache, which can be rebuilt, is
  not flushed.

An existing file keeps its permissions (and, where allowed, its owner and group);
a new one gets 0666 less the umask, like any file a program creates.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from interviewkit.errors import NoteExists


@dataclass(frozen=True)
class Policy:
    """How one kind of file is written."""

    durable: bool = True  # fsync the file and its folder
    follow_links: bool = True  # write through a symbolic link instead of replacing it
    secret: bool = False  # mode 0600
    create_only: bool = False  # never replace an existing file
    make_folders: bool = True  # create the folders above the file that are missing


NOTE = Policy()
OUTPUT = Policy(make_folders=False)  # a folder missing from `-o` is more likely a typo
CREATE = Policy(create_only=True)
SECRET = Policy(follow_links=False, secret=True)
CACHE = Policy(durable=False, follow_links=False, secret=True)


def write_file(
    path: Path,
    data: bytes,
    policy: Policy = OUTPUT,
    before_rename: Callable[[], None] | None = None,
) -> None:
    """Write `data` to `path` by the policy; raise OSError (or NoteExists for `CREATE`).

    `before_rename` runs once the data is on disk and just before it takes the
    file's place; an exception from it cancels the write.
    """
    target = path.resolve() if policy.follow_links else path.absolute()
    folder = target.parent
    if policy.make_folders:
        folder.mkdir(parents=True, exist_ok=True)
    existing = _existing(target)
    temp = folder / f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    mode = 0o600 if policy.secret else 0o666
    # A fresh random name. With O_CREAT, O_EXCL fails on any name that is taken, a
    # symbolic link planted under it included (POSIX), so nothing is written through one.
    handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            if existing is not None and not policy.secret:
                _keep_ownership(out.fileno(), existing)
            if policy.durable:
                os.fsync(out.fileno())
        if before_rename is not None:
            before_rename()
        if policy.create_only:
            _link_new(temp, target)
        else:
            os.replace(temp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
    if policy.durable:
        _sync_folder(folder)


def _existing(target: Path) -> os.stat_result | None:
    """The stat of the file about to be replaced, if it is a regular file."""
    try:
        info = target.lstat()
    except FileNotFoundError:
        return None
    return info if stat.S_ISREG(info.st_mode) else None


def _keep_ownership(handle: int, existing: os.stat_result) -> None:
    os.fchmod(handle, stat.S_IMODE(existing.st_mode))
    with contextlib.suppress(OSError):  # only root, or the owner keeping its group, may
        os.fchown(handle, existing.st_uid, existing.st_gid)


def _link_new(temp: Path, target: Path) -> None:
    """Put `temp` at `target` only if nothing is there yet."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise NoteExists(f"{target.name}: already exists; left as it is") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        _create_in_place(temp, target)  # a file system without hard links


def _create_in_place(temp: Path, target: Path) -> None:
    """Create `target` exclusively and copy `temp` into it; the fallback of `_link_new`."""
    try:
        handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        raise NoteExists(f"{target.name}: already exists; left as it is") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(temp.read_bytes())
            os.fsync(out.fileno())
    except OSError:
        target.unlink(missing_ok=True)
        raise


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows opening a folder."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
