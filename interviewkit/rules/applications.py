"""Applications: the rounds of one company and role, grouped once for every command."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from interviewkit.errors import Problem
from interviewkit.names import fold, fold_role, like_company, similar_roles
from interviewkit.vocabulary import FINAL_OUTCOMES

if TYPE_CHECKING:
    from interviewkit.notes.note import Note


@dataclass
class Application:
    """The interview notes of one company and role, in the order they happened."""

    company: str
    role: str
    notes: list[Note]

    @property
    def latest(self) -> Note:
        """The latest round, scheduled or held."""
        return self.notes[-1]

    @property
    def outcome(self) -> str:
        """The application's outcome: that of its latest round."""
        return self.latest.outcome

    @property
    def is_final(self) -> bool:
        """True once the outcome is rejected, withdrawn, declined or accepted."""
        return self.outcome in FINAL_OUTCOMES


def company_key(note: Note) -> str:
    """What groups a company's rounds: its name folded (see `names.fold`). Every rule
    that looks at other notes looks only at notes with the same key."""
    return fold(note.company)


def _order(note: Note) -> tuple[datetime, str]:
    return note.start, note.path


class Applications:
    """All applications of a vault, with each note's application found in constant time."""

    def __init__(self, notes: list[Note]) -> None:
        by_company: dict[str, list[Note]] = {}
        for note in notes:
            by_company.setdefault(company_key(note), []).append(note)
        self._of: dict[str, Application] = {}
        self._latest_start: dict[str, datetime] = {}
        self._company_rounds: dict[str, list[Note]] = {}
        self._position: dict[str, int] = {}
        self.all: list[Application] = []
        for key, group in by_company.items():
            rounds = sorted(group, key=_order)
            self._company_rounds[key] = rounds
            for index, note in enumerate(rounds):
                self._position[note.path] = index
            roles = sorted({fold_role(n.role) for n in group if n.role})
            grouped: dict[str, list[Note]] = {}
            for note in group:
                if note.role:
                    key = fold_role(note.role)
                else:
                    key = roles[0] if len(roles) == 1 else ""
                grouped.setdefault(key, []).append(note)
            for members in grouped.values():
                members.sort(key=_order)
                role = next((n.role for n in members if n.role), "")  # its first spelling
                app = Application(members[-1].company, role, members)
                self.all.append(app)
                for note in members:
                    self._of[note.path] = app
            self._index_latest(group)
        self.all.sort(key=lambda a: (a.company.casefold(), a.role.casefold(), a.latest.path))

    def _index_latest(self, group: list[Note]) -> None:
        latest_by_role: dict[str, datetime] = {}
        for note in group:
            key = fold_role(note.role)
            if key not in latest_by_role or note.start > latest_by_role[key]:
                latest_by_role[key] = note.start
        roleless = latest_by_role.get("")
        overall = max(latest_by_role.values())
        for note in group:
            if not note.role:
                self._latest_start[note.path] = overall
            else:
                own = latest_by_role[fold_role(note.role)]
                self._latest_start[note.path] = max(own, roleless) if roleless else own

    def of(self, note: Note) -> Application:
        """The application a note belongs to."""
        return self._of[note.path]

    def _earlier_end(self, note: Note) -> int:
        rounds = self._company_rounds[company_key(note)]
        end = self._position[note.path]
        while end > 0 and rounds[end - 1].start >= note.start:
            end -= 1
        return end

    def earlier_rounds(self, note: Note, limit: int) -> list[Note]:
        """The latest `limit` rounds with the same company that started before this
        one, oldest first (`count_earlier` says how many there are in all): a limit
        keeps callers linear."""
        end = self._earlier_end(note)
        return self._company_rounds[company_key(note)][max(0, end - limit) : end]

    def count_earlier(self, note: Note) -> int:
        """How many rounds with the same company started before this one."""
        return self._earlier_end(note)

    def has_later_round(self, note: Note) -> bool:
        """True when the same company and role (a missing role matches any) has a later round."""
        return self._latest_start[note.path] > note.start


def similar_role_warnings(notes: list[Note]) -> list[Problem]:
    """A warning on the first note of each role that is merely similar to an earlier
    role of the same company (`names.similar_roles`): two applications, where one
    may be meant."""
    by_company: dict[str, dict[str, Note]] = {}
    for note in sorted(notes, key=_order):
        if note.role:
            by_company.setdefault(company_key(note), {}).setdefault(fold_role(note.role), note)
    found = []
    for firsts in by_company.values():
        ordered = list(firsts.values())  # in the order the roles first appear
        for index, note in enumerate(ordered):
            other = next((o for o in ordered[:index] if similar_roles(note.role, o.role)), None)
            if other is not None:
                found.append(
                    Problem(
                        note.path,
                        note.line_of("role"),
                        f"role {note.role!r} is like {other.role!r} ({other.path}): if they are "
                        f"one application, write the same role, {other.role!r}",
                        "warning",
                    )
                )
    return found


def similar_company_warnings(notes: list[Note]) -> list[Problem]:
    """A warning on the first note of each company whose name is like an earlier
    company's (`names.like_company`: a near miss, or a short form, as `new` warns):
    two applications, where one may be meant."""
    firsts: dict[str, Note] = {}
    for note in sorted(notes, key=_order):
        firsts.setdefault(company_key(note), note)
    found = []
    keys = list(firsts)  # in the order the companies first appear
    for index, key in enumerate(keys):
        like = like_company(key, keys[:index])
        if like is not None:
            note, other = firsts[key], firsts[like]
            found.append(
                Problem(
                    note.path,
                    note.line_of("company"),
                    f"company {note.company!r} is like {other.company!r} ({other.path}): if they "
                    f"are one application, write the same name, {other.company!r}",
                    "warning",
                )
            )
    return found


def overlapping_round_warnings(notes: list[Note]) -> list[Problem]:
    """A warning on each note whose interview starts while an earlier one at the same
    company is under way (the one that ends last is named): the same round written
    twice (by hand, then from its invitation, under another round name), each owing
    its own thank-you. Notes with one id are named as duplicates already; back to
    back is no overlap."""
    by_company: dict[str, list[Note]] = {}
    for note in sorted(notes, key=_order):
        by_company.setdefault(company_key(note), []).append(note)
    found = []
    for rounds in by_company.values():
        latest = rounds[0]  # of the notes so far, the one whose interview ends last
        for note in rounds[1:]:
            if latest.end > note.start and latest.id != note.id:
                found.append(
                    Problem(
                        note.path,
                        note.line_of("start"),
                        f"overlaps the interview of {latest.path} "
                        f"({latest.start:%Y-%m-%d %H:%M}\u2013{latest.end:%H:%M}): if both "
                        "notes are one round, delete one; else correct the time",
                        "warning",
                    )
                )
            latest = max(latest, note, key=lambda round_: round_.end)
    return found
