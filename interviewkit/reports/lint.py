"""`check`: the problems of the notes under some paths, with their counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from interviewkit.errors import BadValue, Problem
from interviewkit.rules.applications import (
    overlapping_round_warnings,
    similar_company_warnings,
    similar_role_warnings,
)
from interviewkit.vault.reader import Scan
from interviewkit.vault.walk import relative_to_vault


@dataclass(frozen=True)
class LintReport:
    """What `check` prints and how it exits."""

    problems: list[Problem]
    notes_checked: int
    # `path: why` for each path given that no command reads (see `walk.never_read`):
    # not an error, as a pre-commit hook passes every Markdown file a commit touches
    not_read: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        """How many problems are errors (warnings do not fail a check)."""
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        """How many problems are only warnings."""
        return len(self.problems) - self.errors


def lint(scan: Scan, root: Path, paths: list[Path]) -> LintReport:
    """Every problem and warning of the notes under `paths` (all notes when empty), sorted."""
    prefixes = []
    for path in paths:
        rel = relative_to_vault(root, path)
        if rel is None:
            raise BadValue(f"{path}: not inside the vault {root} (use --vault)")
        prefixes.append("" if rel == "." else rel)

    def selected(path: str) -> bool:
        return not paths or any(not w or path == w or path.startswith(w + "/") for w in prefixes)

    notes = scan.notes
    vault_wide = (
        similar_role_warnings(notes)
        + similar_company_warnings(notes)
        + overlapping_round_warnings(notes)
    )
    found = sorted(p for p in scan.problems + scan.findings + vault_wide if selected(p.path))
    # a note too broken to use was checked all the same
    checked = {note.path for note in scan.notes if selected(note.path)}
    checked.update(p.path for p in found if p.path.lower().endswith(".md"))
    return LintReport(found, len(checked))
