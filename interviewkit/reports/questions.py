"""The question bank: every question you were asked, grouped across notes and spellings."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from interviewkit.notes.listitems import top_level_items
from interviewkit.notes.note import Note


def question_key(text: str) -> str:
    """What makes two questions the same: case, spacing, punctuation and Unicode form aside.

    `+` and `#` are kept, so C++ and C# stay apart from C.
    """
    normal = unicodedata.normalize("NFKC", text).casefold()
    normal = "".join(
        ch if ch in "+#" or not unicodedata.category(ch).startswith(("P", "S")) else " "
        for ch in normal
    )
    return " ".join(normal.split())


@dataclass
class Asked:
    """One note where a question came up, with your notes on the answer there."""

    note: Note
    spelling: str
    answer_notes: list[str]


@dataclass
class Question:
    """A question and every place it was asked."""

    key: str
    asked: list[Asked] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The most used spelling; ties go to the earliest."""
        counts: dict[str, int] = {}
        for place in self.asked:
            counts[place.spelling] = counts.get(place.spelling, 0) + 1
        best = max(counts.values())
        return next(p.spelling for p in self.asked if counts[p.spelling] == best)

    @property
    def count(self) -> int:
        """How many notes asked it."""
        return len(self.asked)


_CHECKBOX = re.compile(r"^\[.\]\s+")


def question_bank(notes: Iterable[Note]) -> list[Question]:
    """Group the questions of every note: most asked first, ties most recent first."""
    bank: dict[str, Question] = {}
    for note in sorted(notes, key=lambda n: (n.start, n.path)):
        section = note.sections.get("questions_asked")
        if section is None:
            continue
        seen: set[str] = set()
        for item in top_level_items(section.text):
            spelling = _CHECKBOX.sub("", item.text).strip()
            key = question_key(spelling)
            if not key or key in seen:
                continue
            seen.add(key)
            bank.setdefault(key, Question(key)).asked.append(Asked(note, spelling, item.nested))
    return sorted(
        bank.values(),
        key=lambda q: (-q.count, -q.asked[-1].note.start.timestamp(), q.text.casefold()),
    )
