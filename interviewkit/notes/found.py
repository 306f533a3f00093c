"""What reading one note's front matter finds wrong, said on the line of the key it is
about, and the wording shared by the parts of reading that say it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from interviewkit.errors import Problem

if TYPE_CHECKING:
    from interviewkit.notes.note import Reading
    from interviewkit.notes.synonyms import Rename


@dataclass
class Found:
    """What reading one note's front matter finds wrong, each on the line of its key:
    errors go among the reading's problems (`due` shows them), warnings among its
    findings (`check` shows them); `unreadable` keeps each contract key whose value
    could not be read, as written."""

    reading: Reading
    path: str
    lines: dict[str, int]
    unreadable: dict[str, str] = field(default_factory=dict)
    renames: dict[str, Rename] | None = None  # see `synonyms.renames`, when a synonym is met

    def error(self, key: str, message: str, fix: str = "") -> None:
        """An error on `key`'s line."""
        self.reading.problems.append(Problem(self.path, self.lines.get(key, 1), message, fix=fix))

    def warn(self, key: str, message: str, fix: str = "") -> None:
        """A warning on `key`'s line, for `check`."""
        line = self.lines.get(key, 1)
        self.reading.findings.append(Problem(self.path, line, message, "warning", fix))

    def problem(self, line: int, message: str, severity: str = "error", fix: str = "") -> None:
        """A problem `due` shows too, at a line of its own (a warning there is one
        that changes what is due)."""
        self.reading.problems.append(Problem(self.path, line, message, severity, fix))


def needs_quotes(key: str, quoted: str) -> str:
    """The error for a wikilink written without quotes, showing it quoted."""
    return f"{key}: a link needs quotes, or YAML reads a list: {quoted} (`check --fix` adds them)"
