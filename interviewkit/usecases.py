"""What each command does, without click: the CLI and `serve` call these functions.

A `Workspace` is the vault a command works on (root, settings, reader). The
functions below choose and filter; the core modules do the work. This layer is
internal: it makes no promise of a stable API.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from interviewkit.config import Settings, load_settings
from interviewkit.errors import Ambiguous, BadValue, NoteNotFound, Problem
from interviewkit.names import (
    choice_meant,
    did_you_mean,
    found_company,
    id_meant,
    match_company,
)
from interviewkit.vault.reader import Scan, VaultReader
from interviewkit.vault.walk import find_root, relative_to_vault

if TYPE_CHECKING:
    from interviewkit.notes.invite import Invite
    from interviewkit.notes.note import Note
    from interviewkit.notes.people import Person
    from interviewkit.reports.contacts import Contact
    from interviewkit.reports.lint import LintReport
    from interviewkit.rules.agenda import Due
    from interviewkit.rules.applications import Application
    from interviewkit.vault.history import History
    from interviewkit.vault.output_memo import Output
    from interviewkit.write.scaffold import NewInterview


@dataclass
class Workspace:
    """The vault a command works on: its root and settings, loaded on first use."""

    explicit: str | None
    use_cache: bool = True
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    cwd: Path = field(default_factory=Path.cwd)

    @cached_property
    def root(self) -> Path:
        """The vault's root folder."""
        return find_root(self.explicit, self.environ, self.cwd)

    @cached_property
    def settings(self) -> Settings:
        """The vault's validated settings."""
        if not self.root.is_dir():
            raise BadValue(
                f"{self.root}: no such folder (run `interviewkit init {self.root}` to make a vault)"
            )
        if not self.use_cache:
            return load_settings(self.root)
        from interviewkit.vault.cache import ConfigMemo

        return load_settings(self.root, remembered=ConfigMemo(self.root))

    @cached_property
    def reader(self) -> VaultReader:
        """Reads the vault's notes, through the cache unless told not to."""
        return VaultReader(self.root, self.settings, self.use_cache)

    def never_read(self, path: Path) -> str:
        """What to say of a path in the vault that no command reads (see
        `walk.never_read`); "" for one it reads."""
        from interviewkit.vault.walk import never_read, template_folders

        skipped = template_folders(self.root, self.settings.templates_folder)
        return never_read(self.root, path, skipped)

    def today(self, given: date | None) -> date:
        """`given`, or today in the vault's zone."""
        return given if given else datetime.now(self.settings.zone).date()

    def now(self, given: date | None) -> datetime:
        """The moment the rules compare with: the end of day `given`, else now."""
        from interviewkit.rules.actions import end_of_day

        zone = self.settings.zone
        return end_of_day(given, zone) if given else datetime.now(zone)

    @cached_property
    def link_root(self) -> str:
        """The vault's folder inside the enclosing Obsidian vault, as the prefix that
        wikilinks need (`Job search/`; empty when the vault is Obsidian's own)."""
        from interviewkit.vault.person_notes import place_in_obsidian

        return place_in_obsidian(self.root, self.settings.vault_name)[1]

    def scan(self, with_text: bool = False, now: datetime | None = None) -> Scan:
        """Every interview note, and the problems found reading them; with `now`, also
        each day recorded as done that is still to come then, and each interview too
        far ahead to be right (see `rules.agenda.still_to_come`)."""
        scan = self.reader.scan(with_text=with_text)
        if now is not None:
            from interviewkit.rules.agenda import recorded_days, still_to_come

            scan.problems = sorted(scan.problems + still_to_come(recorded_days(scan.notes), now))
        return scan

    def companies(self) -> dict[str, str]:
        """Folded company name -> the name as written, for every readable note."""
        return self.reader.companies()


@dataclass
class DueList:
    """What `due` shows: the open actions in order, for one day, and the problems."""

    actions: list[Due]
    day: date
    problems: list[Problem]
    since: float = float("-inf")  # the moment it was worked out for (POSIX)
    until: float = float("inf")  # the moment up to which it holds (`agenda.holds_until`)


def due_list(
    space: Workspace,
    today: date | None = None,
    within: int | None = None,
    show_all: bool = False,
    company: str | None = None,
    kinds: tuple[str, ...] = (),
) -> DueList:
    """The open actions up to the horizon (`within` days, else the setting; none with
    `show_all`), of one company and some kinds when asked; with a company, only the
    problems of its notes (unusable ones that name it included)."""
    from interviewkit.rules.agenda import holds_until, open_rows, within_horizon

    day = space.today(today)
    now = space.now(today)
    rows, problems = space.reader.agenda(now)
    until = holds_until(rows, now)
    actions = open_rows(rows, now)
    if company is not None:
        key = match_company(company, space.companies())
        actions = [a for a in actions if a.company_key == key]
        theirs = space.reader.paths_of(key)
        problems = [p for p in problems if p.path in theirs]
    if kinds:
        actions = [a for a in actions if a.kind in kinds]
    horizon = None if show_all else (space.settings.within_days if within is None else within)
    return DueList(within_horizon(actions, day, horizon), day, problems, now.timestamp(), until)


# The formats whose text depends on nothing but the list: their output is memoized.
MEMOIZED_FORMATS = ("json", "markdown")


def due_output(
    space: Workspace,
    render: Callable[[DueList], str],
    fmt: str,
    today: date | None = None,
    within: int | None = None,
    show_all: bool = False,
    company: str | None = None,
    kinds: tuple[str, ...] = (),
) -> Output:
    """`due_list` rendered by `render` in format `fmt`, with its problems and count of
    overdue actions; for a memoized format, the last run's output when nothing it
    depends on changed since (see `vault.output_memo`)."""
    from interviewkit.vault.output_memo import Output

    def work_out() -> tuple[Output, DueList]:
        from interviewkit.rules.agenda import state

        listing = due_list(space, today, within, show_all, company, kinds)
        overdue = sum(state(a, listing.day) == "overdue" for a in listing.actions)
        return Output(render(listing), listing.problems, overdue), listing

    if not space.use_cache or fmt not in MEMOIZED_FORMATS:
        return work_out()[0]
    from interviewkit.vault.cache import FORMAT, program_stamp, settings_key
    from interviewkit.vault.output_memo import OutputMemo, files_digest, newest_change

    question = (
        "due",
        FORMAT,
        program_stamp(),
        settings_key(space.settings),
        fmt,
        space.link_root,
        today,
        within,
        show_all,
        company,
        kinds,
    )
    memo = OutputMemo(space.root, question)
    files = space.reader.walk()
    digest = files_digest(files, space.reader.unreadable_folders)
    kept = memo.get(digest, space.now(today).timestamp())
    if kept is not None:
        return kept
    output, listing = work_out()
    memo.put(digest, newest_change(files), listing.since, listing.until, output)
    return output


def feed_history(space: Workspace, settings: Settings) -> tuple[History | None, list[str]]:
    """The vault's git history for the feed's SEQUENCE and DTSTAMP (None outside
    git), kept in the cache per HEAD unless the cache is off; and the warnings to
    show."""
    from interviewkit.config import STATE_DIR
    from interviewkit.vault.cache import CACHE_DIR
    from interviewkit.vault.history import read_history

    cache_dir = space.root / STATE_DIR / CACHE_DIR if space.use_cache else None
    history = read_history(space.root, settings.templates_folder, cache_dir)
    warnings = []
    if history is not None and history.shallow:
        warnings.append(
            "warning: this is a shallow clone; the feed's SEQUENCE counts commits, and "
            "needs the whole history (git fetch --unshallow) to count them all"
        )
    return history, warnings


class LiveFeed:
    """The feed as `serve` keeps it: built again from the settings, templates, notes
    and git history as they are now, each time `fingerprint` changes."""

    def __init__(self, space: Workspace) -> None:
        from interviewkit.reports.serve import ProblemLog
        from interviewkit.vault.history import index_file

        self.space = space
        self.settings = space.settings
        self.reader = space.reader
        self.problem_log = ProblemLog()
        self._index = index_file(space.root)  # a commit changes SEQUENCE and DTSTAMP

    def fingerprint(self) -> tuple:
        """Changes when a note, the config, a template or the git index does."""
        from interviewkit.vault.walk import vault_fingerprint

        committed = None
        if self._index is not None:
            with contextlib.suppress(OSError):
                committed = self._index.stat().st_mtime_ns
        return vault_fingerprint(self.space.root, self.settings), committed

    def build(self, log: Callable[[str], None]) -> bytes:
        """The feed's bytes, from the settings read again (a new `feed_redact`, zone or
        name applies at once); what to log goes to `log`. Raises `Unavailable`
        while the settings are invalid, so no stale feed is served."""
        from interviewkit.config import require_timezone
        from interviewkit.errors import InterviewkitError
        from interviewkit.reports.feed import build_feed, options_from
        from interviewkit.reports.serve import Unavailable

        root = self.space.root
        try:
            settings = load_settings(root, self.space.environ)
            require_timezone(settings, "serve")
        except InterviewkitError as exc:
            log(f"interviewkit: {exc}; answering 503 until it is fixed")
            raise Unavailable("the settings are invalid; see the server's log") from None
        if settings != self.settings:
            self.settings = settings
            self.reader = VaultReader(root, settings, self.space.use_cache)
        options = options_from(settings, root)
        scan = self.reader.scan(with_text="interviews" in options.kinds)
        history, warnings = feed_history(self.space, settings)
        failures: list[Problem] = []
        data = build_feed(scan.notes, settings, options, failures, history, scan.unusable)
        for line in self.problem_log.update(scan.problems + failures, warnings):
            log(line)
        return data


def answer_days(space: Workspace) -> Callable[[list[Note]], dict[str, date]]:
    """For `status`: the day git last changed each note's `outcome` line, taken as the
    day of the company's answer when the note has no `outcome_on`."""
    from interviewkit.vault.history import line_change_days

    def days(notes: list[Note]) -> dict[str, date]:
        lines = {n.path: n.lines["outcome"] for n in notes if "outcome" in n.lines}
        return line_change_days(space.root, lines)

    return days


def company_notes(space: Workspace, notes: list[Note], company: str | None) -> list[Note]:
    """The notes of the company `company` means (all of them for None)."""
    if company is None:
        return notes
    from interviewkit.rules.applications import company_key

    key = match_company(company, space.companies())
    return [note for note in notes if company_key(note) == key]


def unread_hint(space: Workspace, said: str) -> str:
    """For a reference that matched nothing: the notes that cannot be read at all,
    where what it names may be ("" when there are none, or `said` names them)."""
    from interviewkit.names import counted

    scan = space.scan()
    usable = {note.path for note in scan.notes}
    unread = sorted({p.path for p in scan.problems if p.severity == "error"} - usable)
    if not unread or all(path in said for path in unread):
        return ""
    shown = ", ".join(unread[:3]) + (f" and {len(unread) - 3} more" if len(unread) > 3 else "")
    return (
        f"; {counted(len(unread), 'note')} cannot be read, so nothing in "
        f"{'it' if len(unread) == 1 else 'them'} can be named: {shown} (`interviewkit check` "
        "says why)"
    )


def resolve_note(space: Workspace, notes: list[Note], ref: str, today: date | None = None) -> Note:
    """The note REF names: a path (relative to the current folder or the vault), an
    id, else a company: its latest round that has started (see `latest_started`).
    When it names nothing, the notes that cannot be read are named too."""
    try:
        return _resolve_note(space, notes, ref, today)
    except NoteNotFound as exc:
        raise NoteNotFound(f"{exc}{unread_hint(space, str(exc))}") from None


def _resolve_note(space: Workspace, notes: list[Note], ref: str, today: date | None) -> Note:
    note = note_by_path_or_id(space, notes, ref)
    if note is not None:
        return note
    try:
        key = match_company(ref, space.companies())
    except NoteNotFound as exc:
        raise NoteNotFound(
            f"{ref}: no note has that path or id{closest(ref, [n.id for n in notes], 'ids')}, "
            f"and {exc}"
        ) from None
    return latest_started(space, notes, key, space.now(today))


def note_by_path_or_id(space: Workspace, notes: list[Note], ref: str) -> Note | None:
    """The note whose path (relative to the current folder or the vault) or id is REF;
    None when there is none."""
    root = space.root
    for candidate in (space.cwd / ref, root / ref):
        if candidate.is_file():
            rel = relative_to_vault(root, candidate)
            for note in notes:
                if note.path == rel:
                    return note
            if rel is not None and (why := space.never_read(candidate)):
                raise NoteNotFound(f"{ref}: {why}")
            why = [p for p in space.scan().problems if p.path == rel and p.severity == "error"]
            if why:
                raise NoteNotFound(f"{rel}:{why[0].line}: {why[0].message}")
            raise NoteNotFound(f"{ref}: not an interview note (it needs `type: interview`)")
    meant = id_meant(ref, {note.id for note in notes})
    matches = [note for note in notes if note.id == meant]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        paths = ", ".join(note.path for note in matches)
        raise Ambiguous(f"{ref}: id used by more than one note: {paths}")
    return None


def latest_started(space: Workspace, notes: list[Note], key: str, now: datetime) -> Note:
    """The latest round of the company `key` (folded) that has started by `now`.
    Rounds of more than one application are ambiguous: each is named by its id."""
    from interviewkit.rules.applications import Applications, company_key

    theirs = [note for note in notes if company_key(note) == key]
    started = [note for note in theirs if not now < note.start]
    name = space.companies().get(key, key)
    if not started:
        ids = ", ".join(note.id for note in theirs) or "none"
        raise NoteNotFound(f"{name}: no round there has started yet (its notes: {ids})")
    apps = Applications(theirs)
    latest: dict[int, Note] = {}
    for note in sorted(started, key=lambda n: (n.start.timestamp(), n.path)):
        latest[id(apps.of(note))] = note
    if len(latest) > 1:
        ids = ", ".join(sorted(note.id for note in latest.values()))
        raise Ambiguous(f"{name}: more than one application has started rounds; name one: {ids}")
    return next(iter(latest.values()))


def resolve_action(space: Workspace, words: tuple[str, ...], today: date | None = None) -> str:
    """The id of the action WORDS name: an action id as `due` shows it, a note's id and
    a kind (`acme-2026-11-27-onsite thank-you`), or COMPANY KIND for the one action of
    that kind open at that company now (as `due --all` lists). When they name no
    note or company, the notes that cannot be read are named too."""
    try:
        return _resolve_action(space, words, today)
    except NoteNotFound as exc:
        hint = unread_hint(space, str(exc)) if "matches no company" in str(exc) else ""
        raise NoteNotFound(f"{exc}{hint}") from None


def _resolve_action(space: Workspace, words: tuple[str, ...], today: date | None) -> str:
    from interviewkit.vocabulary import ACTION_KINDS

    if len(words) == 1 and ":" in words[0]:
        wanted = words[0]
        known = {a.id for a in due_list(space, today, show_all=True).actions}
        prefix, kind = wanted.split(":", 1)
        if wanted in known or prefix in space.reader.note_ids():
            return wanted
        if (meant := id_meant(prefix, space.reader.note_ids())) is not None:
            return f"{meant}:{kind}"  # `cafe-…` for `café-…`
        if found_company(prefix, space.companies()) is None:
            raise NoteNotFound(
                f"{wanted}: no open action has that id{closest(wanted, list(known), 'ids')}"
            )
        words = (prefix, kind)  # `acme:thank-you`, `acme:task:1a2b3c4d`: a company's
    if len(words) < 2:
        raise BadValue(_kind_missing(space, words[0] if words else "", today))
    # `acme robotics thank-you` and `acme thank you`: the kind is the last word or two
    named, kind = list(words[:-1]), words[-1]
    if len(named) > 1 and f"{named[-1]}-{kind}".casefold() in ACTION_KINDS:
        kind = f"{named.pop()}-{kind}"
    company, kind = " ".join(named), kind.casefold()
    # `thankyou`, `followup`: a kind written without its hyphen is that kind
    kind = choice_meant(kind, ACTION_KINDS)
    if kind not in ACTION_KINDS and not kind.startswith("task:"):
        raise BadValue(
            f"{kind!r} is not a kind of action{did_you_mean(kind, ACTION_KINDS)} (the kinds: "
            f"{', '.join(ACTION_KINDS)})"
        )
    if len(named) == 1 and (note_id := id_meant(named[0], space.reader.note_ids())):
        wanted = f"{note_id}:{kind}"  # a note's id and a kind
        listed = [a.id for a in due_list(space, today, show_all=True).actions]
        if wanted in listed:
            return wanted
        here = ", ".join(i for i in listed if i.startswith(f"{note_id}:")) or "none"
        raise NoteNotFound(f"{note_id} has no open {kind} action (open there: {here})")
    key = match_company(company, space.companies())
    actions = [a for a in due_list(space, today, show_all=True).actions if a.company_key == key]
    # a task may be named by the key `due` shows after its note's id: `task:1a2b3c4d`
    chosen = [a.id for a in actions if a.kind == kind or a.id.endswith(f":{kind}")]
    if len(chosen) == 1:
        return chosen[0]
    name = space.companies()[key]
    if chosen:
        raise Ambiguous(
            f"{name} has {len(chosen)} open {kind} actions; name one: {', '.join(chosen)}"
        )
    listed = ", ".join(a.id for a in actions) or "none"
    raise NoteNotFound(f"{name} has no open {kind} action (open there: {listed})")


def _kind_missing(space: Workspace, word: str, today: date | None) -> str:
    """What to say when `done` was given one word that is no action id: for a note's
    id or a company, the kinds `done` can record there, to write after it."""
    from interviewkit.rules.actions import RECORDABLE

    general = (
        "name an action by its id (as `due` shows it) or by COMPANY KIND, like `acme thank-you`"
    )
    is_note = word in space.reader.note_ids()
    key = None if is_note else found_company(word, space.companies())
    if key is None and not is_note:
        return general
    kinds: list[str] = []
    for action in due_list(space, today, show_all=True).actions:
        theirs = action.company_key == key if key else action.id.startswith(f"{word}:")
        if theirs and action.kind in RECORDABLE and action.kind not in kinds:
            kinds.append(action.kind)
    if not kinds:
        return f"{word}: nothing open there is for `done` to record; `due --all` lists what is"
    return f"{word}: add the kind, like `{word} {kinds[0]}` (to record there: {', '.join(kinds)})"


def closest(wanted: str, choices: list[str], what: str) -> str:
    """` (closest ids: a, b)` for the choices most like `wanted`, or nothing."""
    import difflib

    near = difflib.get_close_matches(wanted, sorted(set(choices)), n=3, cutoff=0.5)
    return f" (closest {what}: {', '.join(near)})" if near else ""


def round_to_brief(space: Workspace, notes: list[Note], target: str, today: date | None) -> Note:
    """The round TARGET means: a note's path or id, else a company's next round (at or
    after the start of `today`, default now), else that company's latest round."""
    note = note_by_path_or_id(space, notes, target)
    if note is not None:
        return note
    zone = space.settings.zone
    after = datetime.combine(today, time.min, tzinfo=zone) if today else datetime.now(zone)
    try:
        chosen = company_notes(space, notes, target)
    except NoteNotFound as exc:
        raise NoteNotFound(f"not a note's path or id; {exc}") from None
    rounds = sorted(chosen, key=lambda n: (n.start, n.path))
    upcoming = [n for n in rounds if n.start >= after]
    return upcoming[0] if upcoming else rounds[-1]


def letter_template(
    space: Workspace, notes: list[Note], note: Note, kind: str
) -> tuple[str, str, str]:
    """(path to show, text, why) of the template for a letter of `kind` about `note`.
    The outcome of its application picks it (see `reports.letters.template_for`);
    `why` says so when that is not the template named `kind`, else is empty."""
    from interviewkit.reports.letters import template_for
    from interviewkit.rules.applications import Applications
    from interviewkit.write.templates import find_template

    outcome = Applications(notes).of(note).outcome
    name = template_for(kind, outcome)
    shown, text = find_template(space.root, space.settings, name)
    why = f"the application's outcome is {outcome}, so the letter uses {shown}"
    return shown, text, why if name != kind else ""


def open_action(space: Workspace, action_id: str, today: date | None = None) -> Due | None:
    """The action `action_id` when it is open on day `today` (else now), however far
    ahead it is due; None when it is not."""
    return next(
        (a for a in due_list(space, today, show_all=True).actions if a.id == action_id), None
    )


def letter_timing(
    space: Workspace, notes: list[Note], note: Note, kind: str, given: date | None = None
) -> str:
    """What to know before sending a letter of `kind` (see `LETTER_KINDS`) about `note`,
    as the rules see it on day `given` (else now): why no such action is open there
    (the interview is still to come, the letter is sent, no follow-up is owed), or
    that its day has not come yet; empty when it is due."""
    from interviewkit.render.wording import relative_day
    from interviewkit.rules.applications import Applications

    today, now = space.today(given), space.now(given)
    action = open_action(space, f"{note.id}:{kind}", given)
    if action is not None:
        if kind == "follow-up" and action.day > today:
            fallback = f" ({action.fallback})" if action.fallback else ""
            return (
                f"the day to follow up is {action.day:%A} {action.day} "
                f"({relative_day(action.day, today)}): send it then, not before{fallback}"
            )
        return ""
    apps = Applications(notes)
    outcome = apps.of(note).outcome
    if now < note.start:
        why = f"the interview is still to come ({note.day:%A} {note.day})"
    elif kind == "thank-you" and note.thank_you_done:
        when = f" on {note.thank_you_sent}" if note.thank_you_sent else ""
        why = f"it is recorded as sent{when}"
    elif kind == "thank-you":
        why = f"the application ended ({outcome}), and the day to send it has passed"
    elif apps.has_later_round(note):
        why = "a later round of this application ends it"
    elif outcome != "pending":
        why = f"the application's outcome is {outcome}"
    else:
        why = "the follow-ups are all made"
    return f"no {kind} is owed for this round: {why} (`due --all` lists what is)"


def early_follow_up(space: Workspace, action_id: str, day: date) -> str:
    """What to know when the follow-up `action_id` is recorded as made on `day`,
    before the day it is due (the day agreed, or the rule's): that it was early,
    and that the next one counts from `day`; empty otherwise."""
    if not action_id.endswith(":follow-up"):
        return ""
    action = open_action(space, action_id, day)
    if action is None or action.day <= day:
        return ""
    return (
        f"the day to follow up was {action.day:%A} {action.day}, after {day}; what comes "
        f"next, if there is still no answer, counts from {day}"
    )


def known_people(space: Workspace, notes: list[Note], note: Note) -> list[Person]:
    """The people of one round, with what the company's other rounds and the person
    notes their wikilinks name know of them (address, title, phone)."""
    from interviewkit.notes.people import people_of
    from interviewkit.rules.applications import company_key
    from interviewkit.vault.person_notes import PersonNotes

    key = company_key(note)
    directory = PersonNotes(space.root)
    same = [other for other in notes if company_key(other) == key]
    return people_of(note, same, directory.details)


def contacts_of(space: Workspace, notes: list[Note]) -> list[Contact]:
    """Everyone met in `notes`, gathered across rounds and person notes."""
    from interviewkit.reports.contacts import gather_contacts
    from interviewkit.vault.person_notes import PersonNotes

    return gather_contacts(notes, PersonNotes(space.root).details)


def applications_to_compare(
    space: Workspace, notes: list[Note], companies: tuple[str, ...]
) -> list[Application]:
    """The applications of the companies named (each through the company matcher),
    else every application that reached an offer."""
    from interviewkit.reports.compare import offers
    from interviewkit.rules.applications import Applications, company_key

    apps = Applications(notes).all
    if not companies:
        return offers(apps)
    keys = [match_company(name, space.companies()) for name in companies]
    return [app for key in dict.fromkeys(keys) for app in apps if company_key(app.latest) == key]


def note_of_invite(space: Workspace, uid: str) -> Note | None:
    """The note made from the invitation with this UID, if any."""
    if not uid:
        return None
    found = [note for note in space.scan().notes if note.invite_uid == uid]
    if len(found) > 1:
        paths = ", ".join(note.path for note in found)
        raise Ambiguous(f"more than one note holds invite_uid {uid!r}: {paths}")
    return found[0] if found else None


def invite_company(space: Workspace, invite: Invite, given: str | None) -> tuple[str, str]:
    """The company a new note from `invite` is for, and, when it was guessed rather
    than given, what to tell the user ("" when given). The guess is the mail domain
    of the organizer (else an attendee), matched to the vault's companies first."""
    from interviewkit.notes.invite import guess_company

    if given:
        return given, ""
    guess, address = guess_company(invite)
    if not guess:
        raise BadValue(
            "cannot tell the company from the invitation (its addresses are at mail providers "
            "or scheduling services); pass it: interviewkit new --from-invite FILE COMPANY"
        )
    key = found_company(guess, space.companies())
    if key is None:
        return guess, f"company {guess!r}, from the address {address}; pass COMPANY to choose"
    known = space.companies()[key]
    return known, f"company {known!r}, matched from the address {address}"


@dataclass
class FromInvite:
    """What `new --from-invite` reads from an invitation before anything is written:
    the note an earlier copy of it made (then the note is updated, or, for a
    cancellation, left), else the company of the new note, what to tell the user of a
    company guessed rather than given ("" when given), and what else to warn of."""

    invite: Invite
    existing: Note | None = None
    company: str = ""
    guessed: str = ""
    warnings: list[str] = field(default_factory=list)


def read_from_invite(
    space: Workspace, data: bytes, event_number: int | None, company: str | None, role: str
) -> FromInvite:
    """Read an invitation (.ics or .eml) for `new --from-invite` (see `FromInvite`)."""
    from interviewkit.notes.invite import perhaps_you, read_invite

    settings = space.settings
    invite = read_invite(data, settings.zone, settings.my_emails, event_number)
    existing = note_of_invite(space, invite.uid)
    if invite.cancelled or existing is not None:
        return FromInvite(invite, existing)
    name, guessed = invite_company(space, invite, company)
    warnings = [] if role else ["the invitation does not say the role; add it to the note's `role`"]
    if invite.team_organizer and invite.organizer is not None:
        warnings.append(
            f"the organizer, {invite.organizer.email}, is a team's address, not someone you "
            "met: left out of `people` (add whoever you met from that team)"
        )
    if not settings.my_emails and (strangers := perhaps_you(invite)):
        warnings.append(
            f"`people` lists {', '.join(map(str, strangers))}, not at the company's domain: if "
            "that is you, delete the line, so no letter goes to you, and set "
            f"`my_emails: [{strangers[0].email}]` in .interviewkit/config.yaml so later "
            "invitations leave you out"
        )
    return FromInvite(invite, None, name, guessed, warnings)


def invite_request(
    space: Workspace, invite: Invite, company: str, role: str, round_name: str, template: str | None
) -> NewInterview:
    """The note `new --from-invite` writes for a new invitation."""
    from interviewkit.write.scaffold import NewInterview

    return NewInterview(
        company=company,
        role=role,
        round=round_name or invite.round,
        start=invite.start,
        minutes=max(1, round((invite.end - invite.start).total_seconds() / 60)),
        people=tuple(str(p) for p in invite.people),
        template=template or space.settings.template,
        location=invite.location,
        link=invite.link,
        invite_uid=invite.uid,
        invite_sequence=invite.sequence,
    )


def similar_role_of(space: Workspace, company: str, role: str) -> str | None:
    """A role the company's other notes have that is like `role` but not the same."""
    from interviewkit.names import fold, similar_roles

    key = fold(company)
    for note in sorted(space.scan().notes, key=lambda n: (n.start, n.path)):
        if fold(note.company) == key and note.role and similar_roles(role, note.role):
            return note.role
    return None


def new_note_warnings(space: Workspace, request: NewInterview) -> list[str]:
    """What `new` warns of before it writes a note: a role like one the company's
    other notes have, a company like one the vault has, a `--person` written
    surname first (see `notes.people.surname_first`), and a note whose interview
    overlaps this one (see `overlap_warnings`)."""
    from interviewkit.names import near_company
    from interviewkit.notes.people import parse_person, surname_first

    company, role = request.company, request.role
    warnings = []
    other = similar_role_of(space, company, role) if role else None
    if other:
        warnings.append(
            f"{company} already has the role {other!r}; if this round is part of that "
            f"application, write the same role (--role {other!r})"
        )
    near = near_company(company, space.companies())
    if near:
        warnings.append(
            f"did you mean {near}? The vault already has notes for it, and this note starts "
            f"an application of its own at {company}; if it is a round at {near}, write "
            f"`company: {near}` in it"
        )
    warnings += overlap_warnings(space, request)
    for given in request.people:
        if surname_first(given, person := parse_person(given)):
            warnings.append(
                f"--person {given!r} is written as given, and reads as {person.name}, whose "
                f"title is {person.title}; if {person.title} is the first name, write it "
                f"first in the note (`{person.title} {person.name}`)"
            )
    return warnings


def overlap_warnings(space: Workspace, request: NewInterview) -> list[str]:
    """A warning for each note whose interview overlaps the one `request` would write:
    the same round written twice (by hand, then from its invitation), or two booked at
    once. Back to back is no overlap."""
    from interviewkit.languages import hours
    from interviewkit.names import fold

    start, end = request.start, request.start + timedelta(minutes=request.minutes)
    warnings = []
    for note in space.scan().notes:
        if note.start < end and start < note.end:
            when = f"{note.start:%Y-%m-%d}, {hours(note.start, note.end, space.settings.language)}"
            if fold(note.company) == fold(request.company):
                advice = "if it is this round, delete one of the notes"
            else:
                advice = "two interviews overlap; if a time is wrong, correct it in its note"
            warnings.append(f"{note.path} ({note.label}) is at that time too: {when}; {advice}")
    return warnings


def roles_at(space: Workspace, company: str) -> list[str]:
    """The roles the company's notes name (each application's first spelling), oldest
    application first; none for a company the vault does not know."""
    from interviewkit.names import fold
    from interviewkit.rules.applications import Applications

    key = fold(company)
    notes = [note for note in space.scan().notes if fold(note.company) == key]
    roles = [app.role for app in Applications(notes).all if app.role]
    return list(dict.fromkeys(roles))


def record_ticks(
    space: Workspace, path: Path, today: date | None = None
) -> tuple[list[str], list[str]]:
    """Record, as `done` would, each action ticked in the `Due.md` at `path` (see
    `notes.ticks`), dated with the done date Tasks wrote on its line, else today.

    Returns what was recorded (and the ticks dropped because their action is no
    longer open), one line each, and what failed, one line each."""
    from interviewkit.errors import InterviewkitError
    from interviewkit.notes.ticks import ticked
    from interviewkit.write.recording import record_done

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], []
    except (OSError, UnicodeDecodeError) as exc:
        return [], [f"{path}: cannot be read for ticks ({exc}); nothing recorded"]
    said: list[str] = []
    failed: list[str] = []
    for tick in ticked(text):
        open_now = {a.id: a.day.isoformat() for a in due_list(space, today, show_all=True).actions}
        if open_now.get(tick.action_id) not in (tick.due_on, None) and tick.due_on:
            said.append(
                f"{path.name}:{tick.line}: {tick.action_id} due {tick.due_on} was recorded "
                f"already (it is due again on {open_now[tick.action_id]}); tick dropped"
            )
            continue
        if tick.action_id not in open_now:
            said.append(
                f"{path.name}:{tick.line}: {tick.action_id} is no longer open; tick dropped"
            )
            continue
        day = tick.done_on or space.today(today)
        early = early_follow_up(space, tick.action_id, day)
        try:
            done = record_done(space.root, space.settings, space.scan().notes, tick.action_id, day)
        except InterviewkitError as exc:
            failed.append(f"{path.name}:{tick.line}: {exc}")
            continue
        said.append(done)
        if early:
            said.append(f"{path.name}:{tick.line}: note: {early}")
    return said, failed


def check_notes(
    space: Workspace, paths: list[Path], now: datetime, fix: bool = False
) -> tuple[LintReport, list[str]]:
    """What `check` reports on the notes under `paths` (all when empty) at `now`,
    and, with `fix`, what the fixes changed, one line each. The fixes run first: a
    note saved as UTF-16, dashes for the `---` around the front matter, blank lines
    above it, bytes of Windows-1252, tabs indenting it, no-break spaces where YAML
    wants plain ones and values YAML reads only in quotes (a note made readable has
    fixes of its own), `type: interview` where a round lacks it, then misspelt keys,
    contract keys written under another name (`date:` and `time:` for `start`),
    values in curly quotes, outcomes written other than as their word, typed dates,
    unquoted links, people written as mappings or several in one entry, and an empty
    `people` filled from People met; the report is of the notes as they are
    afterwards, and names each path given that no command reads."""
    from interviewkit import vocabulary
    from interviewkit.reports.lint import lint

    not_read = [
        f"{path}: {why}"
        for path in paths
        if relative_to_vault(space.root, path) is not None and (why := space.never_read(path))
    ]
    report = replace(lint(space.scan(now=now), space.root, paths), not_read=not_read)
    if not fix:
        return report, []
    from interviewkit.write.repairs import (
        fix_blank_lines_first,
        fix_curly_quotes,
        fix_dashed_rules,
        fix_misspelt_keys,
        fix_no_break_spaces,
        fix_outcome_words,
        fix_people_entries,
        fix_people_from_met,
        fix_quoted_values,
        fix_synonym_keys,
        fix_tab_indents,
        fix_type,
        fix_typed_dates,
        fix_unquoted_links,
        fix_utf16,
        fix_windows_1252,
    )

    def to_fix(repair: str) -> list[str]:
        return sorted({p.path for p in report.problems if p.fix == repair})

    root, settings = space.root, space.settings
    said: list[str] = []
    # Each repair may uncover the next, so what to fix is asked again after each that
    # had work: below blank lines a tab may hide, behind a tab a value to quote, and a
    # key renamed (`folow_up_on:`) is read at last, its date or link with it.
    repairs = (
        (vocabulary.FIX_UTF16, fix_utf16),
        (vocabulary.FIX_DASHES, fix_dashed_rules),
        (vocabulary.FIX_BLANK_LINES, fix_blank_lines_first),
        (vocabulary.FIX_WINDOWS_1252, fix_windows_1252),  # said once the note is read
        (vocabulary.FIX_TAB_INDENT, fix_tab_indents),
        (vocabulary.FIX_NO_BREAK_SPACE, fix_no_break_spaces),
        (vocabulary.FIX_QUOTE_VALUE, fix_quoted_values),
        (vocabulary.FIX_TYPE, fix_type),  # a note made an interview note has fixes of its own
        (vocabulary.FIX_MISSPELT_KEY, fix_misspelt_keys),
        (vocabulary.FIX_SYNONYM_KEY, lambda at, notes: fix_synonym_keys(at, notes, settings)),
        (vocabulary.FIX_CURLY_QUOTES, fix_curly_quotes),
        (vocabulary.FIX_OUTCOME_WORD, fix_outcome_words),
        (vocabulary.FIX_TYPED_DATE, lambda at, notes: fix_typed_dates(at, notes, settings)),
        (vocabulary.FIX_QUOTE_LINK, fix_unquoted_links),
        (vocabulary.FIX_PEOPLE_ENTRY, fix_people_entries),
        (
            vocabulary.FIX_PEOPLE_FROM_MET,
            lambda at, notes: fix_people_from_met(at, notes, settings),
        ),
    )
    # A repair may also uncover work for one made before it: a problem beyond the most
    # a note lists (`checks.at_most`) shows once those above it are mended. So the
    # repairs run again while a pass had work, each at most once on each note.
    tried: set[tuple[str, str]] = set()
    for _ in repairs:
        worked = False
        for repair, fixer in repairs:
            if notes := [path for path in to_fix(repair) if (repair, path) not in tried]:
                tried.update((repair, path) for path in notes)
                said += fixer(root, notes)
                report = replace(lint(space.scan(now=now), root, paths), not_read=not_read)
                worked = True
        if not worked:
            break
    return report, said


def latest_folder(space: Workspace, company: str) -> str | None:
    """The folder of the company's latest note, when it is inside the notes folder:
    where `new` puts the company's next note. None for a company without one."""
    from interviewkit.names import fold
    from interviewkit.vault.walk import in_folder

    key = fold(company)
    theirs = [
        note
        for note in space.scan().notes
        if fold(note.company) == key and in_folder(note.path, space.settings.notes_folder)
    ]
    if not theirs:
        return None
    latest = max(theirs, key=lambda n: (n.start.timestamp(), n.path))
    return latest.path.rsplit("/", 1)[0] if "/" in latest.path else None


def company_slugs(space: Workspace) -> dict[str, str]:
    """Each company as its slug (as in note ids, one word to a shell) -> its folded key;
    read from the cache's summaries, without decoding a note."""
    from interviewkit.notes.slugs import slugify

    return {slugify(name): key for key, name in space.companies().items()}


def completions(space: Workspace, what: str, typed: tuple[str, ...], incomplete: str) -> list[str]:
    """What the shell may offer for an argument, given the words already typed:
    `company` (slugs), `note` (ids and company slugs), `action` (a company slug or a
    note's id, then the kinds open there, or whole action ids) and `template`
    (template names)."""
    from interviewkit.names import fold

    prefix = fold(incomplete)  # `cafe` offers `café-…`, as `done` takes it
    if what == "template":
        from interviewkit.write.templates import note_templates

        words = set(note_templates(space.root, space.settings))
    elif what == "action" and typed and (note_id := id_meant(typed[0], space.reader.note_ids())):
        actions = due_list(space, show_all=True).actions  # a note's id, then its kinds
        words = {a.kind for a in actions if a.id.startswith(f"{note_id}:")}
    elif what == "action" and typed:
        slugs = company_slugs(space)
        key = slugs.get(typed[0]) or match_company(typed[0], space.companies())
        actions = due_list(space, show_all=True).actions
        words = {a.kind for a in actions if a.company_key == key}
    elif what == "action" and ":" in incomplete:
        words = {a.id for a in due_list(space, show_all=True).actions}
    else:
        words = set(company_slugs(space))
        if what == "note":
            words |= set(space.reader.note_ids())
    return sorted(word for word in words if fold(word).startswith(prefix))
