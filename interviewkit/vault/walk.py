"""Finding a vault's root and walking its Markdown files."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Mapping
from pathlib import Path

from interviewkit.config import CONFIG_NAME, STATE_DIR, Settings
from interviewkit.errors import BadValue, Problem

SKIPPED_FOLDERS = frozenset({".git", ".obsidian", ".trash", STATE_DIR, "node_modules"})


def find_root(explicit: str | None, environ: Mapping[str, str], cwd: Path) -> Path:
    """The vault root: --vault, else INTERVIEWKIT_VAULT, else the nearest `.interviewkit/`,
    else cwd, unless cwd is the home folder or a file system's root: read whole, those
    would take long and mix files of every kind with the notes (a command run there by
    mistake, or from cron, whose folder is the home folder), so that is a `BadValue`."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    if environ.get("INTERVIEWKIT_VAULT"):
        return Path(environ["INTERVIEWKIT_VAULT"]).expanduser().resolve()
    here = cwd.resolve()
    for folder in (here, *here.parents):
        if (folder / STATE_DIR).is_dir():
            return folder
    home = environ.get("HOME") or environ.get("USERPROFILE")
    if here.parent == here or (home and here == Path(home).resolve()):
        what = (
            f"the file system's root, with no {STATE_DIR}/"
            if here.parent == here
            else f"your home folder, and neither it nor a folder above it holds {STATE_DIR}/"
        )
        raise BadValue(
            f"no vault here: {here} is {what}. cd into your notes folder, pass --vault PATH "
            "or set INTERVIEWKIT_VAULT; to start one, `interviewkit init ~/job-search`"
        )
    return here


def obsidian_root(root: Path) -> Path:
    """The nearest folder at or above `root` that Obsidian opened as a vault, else `root`."""
    for folder in (root, *root.parents):
        if (folder / ".obsidian").is_dir():
            return folder
    return root


def links_dead_from(root: Path, path: Path) -> str:
    """What is wrong with writing a list of links to the notes of the vault at `root`
    to `path`: outside the Obsidian vault (else the interviewkit vault) that holds
    them, Obsidian resolves none of its links. Empty when the file is inside."""
    vault = obsidian_root(root.resolve())
    if path.resolve().is_relative_to(vault):
        return ""
    return f"is outside the vault {vault}, so Obsidian opens none of its links to the notes"


# Where Obsidian's Templates plugin and the Templater plugin keep their folder setting.
OBSIDIAN_TEMPLATE_SETTINGS = (
    (".obsidian/templates.json", "folder"),
    (".obsidian/plugins/templater-obsidian/data.json", "templates_folder"),
)


# The names sync services give the second version of a file that changed in two
# places: Dropbox, Nextcloud and Obsidian Sync "(conflicted copy …)", Syncthing
# ".sync-conflict-…".
SYNC_CONFLICT = re.compile(r"(?i)conflicted copy|\.sync-conflict-")
# How file managers name a copy too: "x copy.md", "x - Copy (2).md", "x (1).md", "x 2.md".
_COPY_NAME = re.compile(r"(?i)(?:[ _-]+copy(?: \(?\d+\)?)?| \(\d+\)| \d+)\.md$")


def named_like_copy(path: str) -> bool:
    """Whether a note's file name is one a file manager or a sync service gives a copy."""
    name = path.rsplit("/", 1)[-1]
    return bool(SYNC_CONFLICT.search(name) or _COPY_NAME.search(name))


def template_folders(root: Path, templates_folder: str) -> frozenset[str]:
    """The vault-relative folders of templates, which are not notes: interviewkit's
    own, and the folders Obsidian's Templates and Templater plugins are set to, when
    they lie inside the vault (a template there may well say `type: interview`)."""
    folders = {templates_folder.strip("/")}
    base = obsidian_root(root)
    if not (base / ".obsidian").is_dir():
        return frozenset(folders)
    import json

    inside = root.relative_to(base).as_posix()
    for rel, key in OBSIDIAN_TEMPLATE_SETTINGS:
        try:
            value = json.loads((base / rel).read_bytes()).get(key)
        except (OSError, ValueError, AttributeError):
            continue  # no such plugin, or settings it cannot read: nothing more to skip
        if not isinstance(value, str) or not (folder := value.strip().strip("/")):
            continue
        if inside == ".":
            folders.add(folder)
        elif folder.startswith(inside + "/"):
            folders.add(folder[len(inside) + 1 :])
    return frozenset(folders)


# Other names text notes are saved under. Obsidian opens only .md files, and
# interviewkit reads only those; an interview note saved so in the notes folder is
# named (`_misnamed`).
OTHER_TEXT = (".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".txt")


def walk_markdown(
    root: Path,
    skipped: str | frozenset[str],
    unreadable: list[Problem] | None = None,
    notes_folder: str = "",
) -> list[tuple[str, os.stat_result]]:
    """(vault-relative posix path, stat) for every .md file, sorted, skipping tool folders
    and the `skipped` vault-relative folders (see `template_folders`), in any case.

    Symlinked folders are followed once each; a link back into a folder already
    walked is not entered again, so loops end. A folder that cannot be read is
    added to `unreadable` as an error, never skipped without a word, and so is an
    interview note in `notes_folder` saved under another name than .md.
    """
    skip_rel = {skipped.strip("/")} if isinstance(skipped, str) else skipped
    # in any case: `Templates` is the folder `templates` names where the file system
    # folds case (macOS, Windows), and a folder of templates by its name anywhere
    skip_folded = {folder.casefold() for folder in skip_rel}
    seen: set[tuple[int, int]] = set()
    found: list[tuple[str, os.stat_result]] = []

    def walk(folder: str, rel: str) -> None:
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen:
                return
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=_name)
            if rel and any(e.name == STATE_DIR and e.is_dir() for e in entries):
                if unreadable is not None:
                    unreadable.append(_vault_of_its_own(rel.rstrip("/"), folder))
                return
        except OSError as exc:
            _say(
                unreadable,
                rel.rstrip("/") or ".",
                f"cannot read this folder: {exc.strerror or exc}",
            )
            return
        for entry in entries:
            name = entry.name
            try:
                if entry.is_dir():
                    child_rel = rel + name
                    if name in SKIPPED_FOLDERS or child_rel.casefold() in skip_folded:
                        continue
                    if _not_utf8(name):
                        _say(unreadable, child_rel, "this folder's name is not valid UTF-8")
                        continue
                    walk(entry.path, child_rel + "/")
                elif name[-3:].lower() == ".md" and entry.is_file():
                    if _not_utf8(name):
                        _say(unreadable, rel + name, "this file's name is not valid UTF-8")
                        continue
                    found.append((rel + name, entry.stat()))
                elif (
                    unreadable is not None
                    and name.lower().endswith(OTHER_TEXT)
                    and in_folder(rel + name, notes_folder)
                    and entry.is_file()
                    and (problem := _misnamed(entry.path, rel + name))
                ):
                    unreadable.append(problem)
            except OSError as exc:
                _say(unreadable, rel + name, f"cannot read: {exc.strerror or exc}")

    walk(str(root), "")
    return found


def stamp(info: os.stat_result) -> tuple[int, int, int, int]:
    """What tells that a file changed: size, mtime, and the ctime and inode, which no
    tool that restores an mtime (`cp -p`, `rsync -a`, `touch -r`, unzip) can put back."""
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def _vault_of_its_own(rel: str, folder: str) -> Problem:
    """The warning for a folder inside the vault that is a vault itself (`init` made it
    one): its notes are read with its own settings, such as its time zone, by a command
    run in it, and not with this vault's."""
    shown = rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return Problem(
        shown,
        1,
        f"is a vault of its own (it holds {STATE_DIR}/), so its notes are not read as part "
        f"of this one, whose settings are not theirs: run interviewkit in it, or pass "
        f"--vault '{os.path.abspath(folder)}'",
        "warning",
    )


def never_read(root: Path, path: Path, skipped: frozenset[str]) -> str:
    """What to say of a path inside the vault that the walk never reads (see
    `walk_markdown`): in a folder it leaves out (a tool's, the templates folders
    `skipped`, a vault of its own), or a file that is not .md; "" for any other."""
    root, target = root.resolve(), path.resolve()
    parts = target.relative_to(root).parts
    skip_folded = {folder.strip("/").casefold() for folder in skipped}
    for depth in range(1, len(parts) + (1 if target.is_dir() else 0)):
        rel = "/".join(parts[:depth])
        where = "is" if depth == len(parts) else "is in"
        if parts[depth - 1] in SKIPPED_FOLDERS:
            return (
                f"{where} {rel}/, where interviewkit never looks for notes (it leaves out "
                f"{', '.join(sorted(SKIPPED_FOLDERS))})"
            )
        if rel.casefold() in skip_folded:
            return f"{where} {rel}/, a templates folder: a template there is never read as a note"
        if (root / rel / STATE_DIR).is_dir():
            return (
                f"{where} {rel}/, a vault of its own (it holds {STATE_DIR}/), which a command "
                f"run here does not read: run interviewkit in it, or pass --vault '{root / rel}'"
            )
    if target.is_file() and target.suffix.lower() != ".md":
        return (
            "is not a .md file: only those are read, as Obsidian opens only those (if it is "
            f"a note, rename it {target.stem}.md)"
        )
    return ""


def _not_utf8(name: str) -> bool:
    """True for a name the system gave with undecodable bytes (surrogate escapes)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _say(unreadable: list[Problem] | None, rel: str, what: str) -> None:
    """Add an error about a path that is left out, its name shown safely."""
    if unreadable is not None:
        shown = rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        unreadable.append(Problem(shown, 1, f"{what}; it is left out (rename it, or check it)"))


# An interview note's front matter: a first line `---`, then `type: interview`.
_INTERVIEW_FRONT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?---[ \t]*\r?\n(?:(?!---)[^\n]*\n)*?type[ \t]*:[ \t]*['\"]?interview",
    re.I,
)


def _misnamed(path: str, rel: str) -> Problem | None:
    """The error for an interview note saved under another name than .md, which is
    never read; None for any other file, and for one that cannot be opened, which may
    be anything."""
    try:
        with open(path, "rb") as file:
            head = file.read(4096)
    except OSError:
        return None
    if not _INTERVIEW_FRONT.match(head) or _not_utf8(rel):
        return None
    stem = rel.rpartition("/")[2].rpartition(".")[0]
    named = stem if stem.lower().endswith(".md") else f"{stem}.md"  # Notepad's `x.md.txt`
    return Problem(
        rel,
        1,
        f"is an interview note, but only .md files are read (as Obsidian opens only those): "
        f"rename it to {named}; until then nothing is due from it",
    )


def _name(entry: os.DirEntry) -> str:
    return entry.name


def relative_to_vault(root: Path, path: Path) -> str | None:
    """`path` as a vault-relative posix path, or None when it lies outside the vault."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return None


def in_folder(path: str, folder: str) -> bool:
    """True when a vault-relative path lies inside a vault-relative folder."""
    folder = folder.strip("/")
    return not folder or path.startswith(folder + "/")


def vault_fingerprint(root: Path, settings: Settings) -> tuple:
    """Path, size and mtime of every note, of the config and of every file in the
    templates folder: changes when anything the feed is built from does."""
    config = root / STATE_DIR / CONFIG_NAME
    try:
        config_key = stamp(config.stat())
    except OSError:
        config_key = None
    skipped = template_folders(root, settings.templates_folder)
    notes = tuple((rel, *stamp(info)) for rel, info in walk_markdown(root, skipped))
    templates: list[tuple] = []
    for folder, _, files in os.walk(root / settings.templates_folder):
        for name in sorted(files):
            with contextlib.suppress(OSError):
                templates.append((folder, name, *stamp(os.stat(os.path.join(folder, name)))))
    return config_key, notes, tuple(sorted(templates))
