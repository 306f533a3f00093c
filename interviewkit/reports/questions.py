"""The question bank: every question you were asked, grouped across notes and spellings."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from interviewkit.notes.listitems import top_level_items
from interviewkit.notes.note import Note
from interviewkit.notes.sections import fenced_lines, strip_comments
from interviewkit.notes.tasks import has_task_fields

# English contractions, written out for comparing (`What's` is `What is`); `won't`
# and `can't` first, as their stems change.
_CONTRACTIONS = (
    (re.compile(r"\bwon['’]t\b"), "will not"),
    (re.compile(r"\bcan['’]t\b|\bcannot\b"), "can not"),
    (re.compile(r"n['’]t\b"), " not"),
    (re.compile(r"['’]re\b"), " are"),
    (re.compile(r"['’]ve\b"), " have"),
    (re.compile(r"['’]ll\b"), " will"),
    (re.compile(r"['’]m\b"), " am"),
    (re.compile(r"['’]d\b"), " would"),
    (re.compile(r"['’]s\b"), " is"),
)
# `Q:` or `Frage:` before a question, as notes often mark one.
_MARKED = re.compile(r"(?:q|question|frage)[ \t]*[:.][ \t]*", re.I)


def question_key(text: str) -> str:
    """What makes two questions the same: case, spacing, punctuation, Unicode form,
    English contractions (`What's`, `What is`) and a `Q:` before it aside.

    `+` and `#` are kept, so C++ and C# stay apart from C.
    """
    normal = unicodedata.normalize("NFKC", _unmarked(text)).casefold()
    if "'" in normal or "’" in normal or "cannot" in normal:
        for contraction, written_out in _CONTRACTIONS:
            normal = contraction.sub(written_out, normal)
    normal = "".join(
        ch if ch in "+#" or not unicodedata.category(ch).startswith(("P", "S")) else " "
        for ch in normal
    )
    return " ".join(normal.split())


# Stands in a question's key for the name of the company that asked it, so that `Why
# Acme?` and `Why Globex?` are one question; no key can hold it otherwise.
_THE_COMPANY = "\ue000"


def asked_key(text: str, company: str) -> str:
    """`question_key`, the name of the company that asked it standing for any company's:
    a question about the company asking it is the same question at every company."""
    key = question_key(text)
    name = question_key(company)
    if not name or name not in key:
        return key
    return re.sub(rf"(?<!\S){re.escape(name)}(?!\S)", _THE_COMPANY, key)


def _unmarked(text: str) -> str:
    """A question without the `Q:` written before it, when something follows."""
    marked = _MARKED.match(text)
    return text[marked.end() :] if marked and text[marked.end() :].strip() else text


@dataclass
class Asked:
    """One note where a question came up, with your notes on the answer there."""

    note: Note
    spelling: str
    answer_notes: list[str]


@dataclass
class Improved:
    """A better answer written under "Answers to improve", tied to a question."""

    note: Note
    text: str


@dataclass
class Question:
    """A question, every place it was asked, and the better answers tied to it."""

    key: str
    asked: list[Asked] = field(default_factory=list)
    answers: list[Improved] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The most used spelling; ties go to the earliest. Asked at several companies
        by name (`Why Acme?`, `Why Globex?`), it says `[company]` for the name."""
        counts: dict[str, int] = {}
        for place in self.asked:
            counts[place.spelling] = counts.get(place.spelling, 0) + 1
        best = max(counts.values())
        first = next(p for p in self.asked if counts[p.spelling] == best)
        if _THE_COMPANY not in self.key or len({p.note.company for p in self.asked}) < 2:
            return first.spelling
        name = re.escape(first.note.company.strip())
        return re.sub(rf"(?<!\w){name}(?!\w)", "[company]", first.spelling, flags=re.I)

    @property
    def count(self) -> int:
        """How many notes asked it."""
        return len(self.asked)


_CHECKBOX = re.compile(r"^\[.\]\s+")
# A whole item in bold or italics, as a question is often set off in notes.
_EMPHASIZED = re.compile(r"(?P<mark>\*\*|__|\*|_)(?P<text>\S(?:(?:(?!(?P=mark)).)*\S)?)(?P=mark)")


def question_bank(notes: Iterable[Note]) -> list[Question]:
    """Group the questions of every note: most asked first, ties most recent first."""
    bank: dict[str, Question] = {}
    notes_in_order = sorted(notes, key=lambda n: (n.start, n.path))
    for note in notes_in_order:
        section = note.sections.get("questions_asked")
        if section is None:
            continue
        seen: set[str] = set()
        for item in top_level_items(section.text):
            spelling = _CHECKBOX.sub("", item.text).strip()
            if spelling != item.text.strip() and has_task_fields(spelling):
                continue  # a task written under the questions, not a question
            spelling = _unmarked(spelling)
            if emphasis := _EMPHASIZED.fullmatch(spelling):  # `**Why us?**` is `Why us?`
                spelling = emphasis["text"]
            key = asked_key(spelling, note.company)
            if not key or key in seen:
                continue
            seen.add(key)
            bank.setdefault(key, Question(key)).asked.append(Asked(note, spelling, item.nested))
    for note in notes_in_order:
        for key, text in tied_answers(note, bank):
            bank[key].answers.append(Improved(note, text))
    return sorted(
        bank.values(),
        key=lambda q: (-q.count, -q.asked[-1].note.start.timestamp(), q.text.casefold()),
    )


# A line that reads as a question but is no list item: plain, a heading, bold text or
# a `Q:` line, ending in a question mark.
_UNLISTED = re.compile(
    r"^(?:#{1,6}[ \t]+|(?:Q|Frage)[ \t]*:[ \t]*)?(?P<mark>\*\*|__)?"
    r"(?P<question>[^\s#*_-][^\n]*?\?)(?P=mark)?[ \t]*$",
    re.I,
)


def unlisted_questions(note: Note) -> list[tuple[int, str, str]]:
    """(line of the section's heading, the line as written, the list item to write)
    for each line under "Questions asked" that reads as a question (a line ending in
    `?`: plain, a heading, bold text or a `Q:` line) but is not a list item, so the
    bank leaves it out. Indented lines are notes on an answer, and are left alone."""
    section = note.sections.get("questions_asked")
    if section is None or section.empty:
        return []
    lines = strip_comments(section.text).splitlines()
    unlisted = []
    for line, fenced in zip(lines, fenced_lines(lines), strict=True):
        if fenced or line[:1].isspace() or _BULLET.match(line):
            continue
        found = _UNLISTED.match(line.rstrip())
        if found:
            unlisted.append((section.line, line.strip(), f"- {found['question'].strip()}"))
    return unlisted


_NAMES_ITS_QUESTION = re.compile(r"\s*(?::|—|\s-\s)\s*")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")


def tied_answers(note: Note, known: dict[str, object]) -> list[tuple[str, str]]:
    """(question key, better answer) for each item under "Answers to improve" that
    names a known question: one that starts with the question and then `:` or `—`,
    or one nested under an item that is the question itself."""
    section = note.sections.get("answers_to_improve")
    if section is None:
        return []
    tied = []
    for item in top_level_items(section.text):
        whole = asked_key(item.text, note.company)
        if whole in known:
            tied += [(whole, _BULLET.sub("", line).strip()) for line in item.nested if line.strip()]
            continue
        for split in _NAMES_ITS_QUESTION.finditer(item.text):
            head = asked_key(item.text[: split.start()], note.company)
            if head in known:
                answer = item.text[split.end() :].strip()
                if answer:
                    tied.append((head, answer))
                break
    return tied
