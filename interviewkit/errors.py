"""Errors the core raises; each carries the exit code the CLI maps it to."""

from __future__ import annotations

from dataclasses import dataclass, field


class InterviewkitError(Exception):
    """Base class: a message for the user and the process exit code."""

    exit_code = 2


class ConfigError(InterviewkitError):
    """The vault's settings file is unreadable or holds a bad value."""

    exit_code = 3


class NoteNotFound(InterviewkitError):
    """A NOTE or ACTION_ID argument matched nothing."""

    exit_code = 4


class Ambiguous(InterviewkitError):
    """An argument matched more than one note, person or action."""

    exit_code = 5


class NoteExists(InterviewkitError):
    """Writing would overwrite a file that is already there."""

    exit_code = 6


class EditConflict(InterviewkitError):
    """A note changed on disk, or could not be edited safely."""

    exit_code = 7


class TemplateError(InterviewkitError):
    """A template is missing or uses an unknown placeholder."""

    exit_code = 8


class BadValue(InterviewkitError):
    """A value given on the command line cannot be used."""

    exit_code = 2


class NothingToRecord(InterviewkitError):
    """The action is closed by writing in the note, not by `done`."""

    exit_code = 1


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong in a note, tied to a vault-relative path and a line."""

    path: str
    line: int
    message: str
    severity: str = "error"
    # The repair of `check --fix` that removes it (a `vocabulary.FIX_…` name), if any.
    fix: str = field(default="", compare=False)

    def __str__(self) -> str:
        """`path:line: message` on one line, as editors and grep read it: a line break
        in a file's name (or quoted in the message) is shown as `\\n`."""
        prefix = "" if self.severity == "error" else "warning: "
        shown = f"{self.path}:{self.line}: {prefix}{self.message}"
        return shown.replace("\r", "\\r").replace("\n", "\\n")


def tool_failure(rel: str, doing: str, exc: Exception) -> Problem:
    """The problem that stands for a bug in interviewkit met while working on one note."""
    what = f"{type(exc).__name__}: {exc}"[:200]
    return Problem(
        rel,
        1,
        f"interviewkit failed while {doing} this note ({what}); the other notes are not "
        "affected. Please report it, with the note if you can share it",
    )


@dataclass(frozen=True)
class Stop:
    """What to say, and the exit code, when Ctrl-C ends a command."""

    message: str
    exit_code: int


def interrupted(command: str | None) -> Stop:
    """A Ctrl-C: `serve` runs until it is stopped, so stopping it is success (exit
    0); any other command was cut short (exit 130, as shells report it)."""
    if command == "serve":
        return Stop("stopped", 0)
    return Stop("interrupted", 130)


def command_of(args: list[str]) -> str | None:
    """The command a command line names (its first word that is neither an option
    nor the value of `--vault`), when it cannot be asked of click yet."""
    words = iter(args)
    for word in words:
        if word == "--vault":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None
