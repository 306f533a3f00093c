"""The calendar feed: open actions as an RFC 5545 calendar, a pure function of the vault.

Nothing here reads the clock or a file's mtime: UID, DTSTAMP, LAST-MODIFIED and
SEQUENCE come from the notes, or from the vault's git history when it is given,
so the same notes (and the same commits) give the same bytes.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from urllib.parse import quote

from icalendar import Alarm, Calendar, Event, vText

from interviewkit import __version__
from interviewkit.config import Settings
from interviewkit.languages import clock
from interviewkit.names import application_label, join_names
from interviewkit.notes.dates import later, wall_clock
from interviewkit.notes.note import Note
from interviewkit.reports.checklist import DEFAULT_CHECKLIST, note_checklist, template_checklist
from interviewkit.reports.vtimezone import vtimezone
from interviewkit.rules.actions import Action, actions_or_failure, sort_key
from interviewkit.rules.agenda import (
    ENDED_BY_A_LATER_ROUND,
    accepted_elsewhere,
    accepted_offers,
    latest_rounds,
    recorded_days,
    superseded,
    unreadable_warnings,
)
from interviewkit.rules.applications import Applications, company_key
from interviewkit.vault.history import History
from interviewkit.vault.walk import named_like_copy

PRODID = f"-//interviewkit//interviewkit {__version__}//EN"
UID_DOMAIN = "interviewkit"
THANK_YOU_WINDOW = timedelta(minutes=30)
REDACTED_TITLES = {
    "follow-up": "Follow up",
    "thank-you": "Thank-you letter",
    "decide": "Answer an offer",
    "prepare": "Prepare",
    "task": "Task",
    "interviews": "Interview",
}


@dataclass(frozen=True)
class FeedOptions:
    """What goes into the feed and how much it may say."""

    kinds: tuple[str, ...]
    redact: bool
    name: str
    vault_name: str
    link_root: str = ""  # the vault's folder inside the Obsidian vault (`Job search/`)
    alarm_minutes: int | None = None
    alarm_time: time = time(9, 0)  # all-day events' alarms go off then, on their day
    checklist_heading: str = "Before you leave"
    checklist: str = DEFAULT_CHECKLIST  # for interviews whose note has none
    language: str = "en"  # how titles write a time: `by 15:00`, `by 3:00 PM`


def options_from(settings: Settings, root: Path) -> FeedOptions:
    """Feed options at their configured values, for the vault at `root`."""
    from interviewkit.vault.person_notes import place_in_obsidian

    vault_name, link_root = place_in_obsidian(root, settings.vault_name)
    return FeedOptions(
        kinds=settings.feed_kinds(),
        redact=settings.feed_redact,
        name=settings.feed_name,
        vault_name=vault_name,
        link_root=link_root,
        checklist_heading=settings.heading_before_you_leave[0],
        checklist=template_checklist(root, settings),
        alarm_minutes=settings.feed_alarm_minutes,
        alarm_time=settings.feed_alarm_time,
        language=settings.language,
    )


_PLAIN_ID = re.compile(r"[A-Za-z0-9_-]+")


def event_uid(action_id: str, note_id: str, redact: bool) -> str:
    """The UID of an action's event: one-to-one with action ids, and made only of
    characters every CalDAV server takes in a resource name.

    The action id with `:` as `.` when the note id is plain ASCII; otherwise its
    ASCII fold and 10 hex digits of its SHA-256, so that two ids folding alike stay
    apart. Redacted: the SHA-256 alone, which says nothing of the company.
    """
    digest = hashlib.sha256(action_id.encode("utf-8")).hexdigest()
    if redact:
        return f"{digest}@{UID_DOMAIN}"
    if _PLAIN_ID.fullmatch(note_id):
        return f"{action_id.replace(':', '.')}@{UID_DOMAIN}"
    folded = unicodedata.normalize("NFKD", action_id).encode("ascii", "ignore").decode("ascii")
    folded = re.sub(r"[^A-Za-z0-9_.-]+", "-", folded.replace(":", "."))
    return f"{folded}-{digest[:10]}@{UID_DOMAIN}"


def _copy_uid(uid: str, path: str) -> str:
    """The UID of an event of a note whose id another note has too (the one not named
    like a copy, else the first in path order): its own UID with a digest of the
    path, so the feed's UIDs stay unique and each note's events keep theirs from run
    to run (a digest, because the path may name the company, which a redacted feed
    must not)."""
    local, _, domain = uid.rpartition("@")
    return f"{local}-{hashlib.sha256(path.encode('utf-8')).hexdigest()[:10]}@{domain}"


# DTSTAMP for an event whose note records nothing done yet: a fixed moment, so the
# feed stays a function of the files alone.
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def note_stamp(note: Note) -> datetime:
    """DTSTAMP and LAST-MODIFIED outside git: the latest day the note records
    something done (`thank_you_sent`, `followed_up`, `outcome_on`), else `EPOCH`.
    Never the interview's start, which lies in the future for an upcoming one."""
    days = [note.thank_you_sent, note.outcome_on, *note.followed_up]
    return max(
        (datetime.combine(d, time(0), tzinfo=UTC) for d in days if d is not None), default=EPOCH
    )


def obsidian_link(vault_name: str, path: str) -> str:
    """An `obsidian://open` URL for a vault-relative note path."""
    target = path[:-3] if path.endswith(".md") else path
    return f"obsidian://open?vault={quote(vault_name, safe='')}&file={quote(target, safe='')}"


def _description(note: Note, options: FeedOptions, extra: str = "") -> str:
    lines = []
    if extra:
        lines += [extra, ""]
    where = application_label(note.company, note.role)
    lines.append(f"{where}, {note.round}" if note.round else where)
    if note.people:
        lines.append("People: " + join_names([str(p) for p in note.people]))
    if note.next_steps:
        lines.append(f"Next steps: {note.next_steps}")
    if note.follow_up_on:
        lines.append(f"Agreed follow-up date: {note.follow_up_on.isoformat()}")
    if note.decision_by:
        lines.append(f"Decision expected by: {note.decision_by.isoformat()}")
    lines.append(f"Note: {note.path}")
    if options.vault_name:
        lines.append(obsidian_link(options.vault_name, options.link_root + note.path))
    return "\n".join(lines)


def _checklist(note: Note, options: FeedOptions) -> str:
    return f"{options.checklist_heading}:\n" + (note_checklist(note) or options.checklist)


def _summary(action: Action, options: FeedOptions) -> str:
    note = action.note
    if options.redact:
        return f"{REDACTED_TITLES[action.kind]}: {note.company}"
    if action.kind == "thank-you":  # to the people met, else to "the Acme team"
        where = f" ({note.company})" if note.people else ""
        return f"{action.summary}{where}, by {clock(action.due, options.language)}"
    if action.kind == "task":
        return f"{action.summary} ({note.company})"
    return action.summary


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def text(value: str) -> vText:
    """A TEXT value without the control characters RFC 5545 forbids in it (one
    vertical tab makes a strict parser refuse the whole calendar); line breaks
    and tabs stay. Escaped (`,` `;` `\\`) when written, whatever the property."""
    return vText(_CONTROL.sub("", value))


Stamps = Callable[[Note, int], tuple[int, datetime]]


def plain_stamps(note: Note, sequence: int) -> tuple[int, datetime]:
    """(SEQUENCE, DTSTAMP) of an event outside git: what the note records."""
    return sequence, note_stamp(note)


class GitStamps:
    """(SEQUENCE, DTSTAMP) of an event from git history: the commits that touched
    the event's note, any note of the same company, the config or the templates
    folder; DTSTAMP is the latest one's time, and a change not yet committed adds
    one to SEQUENCE. An event none of whose sources was ever committed keeps what
    `plain_stamps` gives."""

    def __init__(self, history: History, notes: Iterable[Note]) -> None:
        shared, shared_dirty = history.shared()
        paths: dict[str, list[str]] = {}
        for note in notes:
            paths.setdefault(company_key(note), []).append(note.path)
        self._times = history.times
        self._of: dict[str, tuple[int, int, bool]] = {}
        for key, members in paths.items():
            commits = set(shared)
            for path in members:
                commits.update(history.touched.get(path, ()))
            dirty = shared_dirty or any(path in history.dirty for path in members)
            self._of[key] = (len(commits), min(commits, default=-1), dirty)

    def __call__(self, note: Note, sequence: int) -> tuple[int, datetime]:
        count, latest, dirty = self._of.get(company_key(note), (0, -1, False))
        if not count:
            return plain_stamps(note, sequence)
        return count + dirty, datetime.fromtimestamp(self._times[latest], UTC)


def _event(
    uid: str,
    summary: str,
    start: date | datetime,
    end: date | datetime,
    version: tuple[int, datetime],
    busy: bool = False,
) -> Event:
    """An event; only interviews (`busy`) take time in free/busy views. `version`
    is its (SEQUENCE, DTSTAMP)."""
    event = Event()
    event.add("uid", uid)
    sequence, stamp = version
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", sequence)
    event.add("summary", text(summary))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("transp", "OPAQUE" if busy else "TRANSPARENT")
    return event


def _unambiguous(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    """A timed event's start and end as written: in local time with TZID, or both in
    UTC when either local time is one the clocks skip or show twice, which a
    calendar could read an hour out."""
    for moment in (start, end):
        if wall_clock(moment.replace(tzinfo=None), moment.tzinfo) is not None:
            return start.astimezone(UTC), end.astimezone(UTC)
    return start, end


def _action_event(action: Action, options: FeedOptions, stamps: Stamps, warning: str = "") -> Event:
    """An action's event; `warning` says what may make it wrong (see `due`'s own)."""
    note = action.note
    if isinstance(action.due, datetime):  # elapsed time: the half hour before the deadline
        start, end = _unambiguous(later(action.due, -THANK_YOU_WINDOW), action.due)
    else:
        start, end = action.due, action.due + timedelta(days=1)
    uid = event_uid(action.id, note.id, options.redact)
    version = stamps(note, action.sequence)
    event = _event(uid, _summary(action, options), start, end, version)
    if not options.redact:
        extra = action.summary if action.kind == "task" else ""
        if action.fallback:
            extra = "\n".join(filter(None, [extra, f"Date is a fallback: {action.fallback}"]))
        if warning:
            extra = "\n".join(filter(None, [extra, f"Warning: {warning}"]))
        event.add("description", text(_description(note, options, extra)))
    return event


def _interview_event(note: Note, options: FeedOptions, stamps: Stamps) -> Event:
    if options.redact:
        summary = f"Interview: {note.company}"
    else:
        summary = f"Interview: {note.company}" + (f" ({note.round})" if note.round else "")
    uid = event_uid(f"{note.id}:interview", note.id, options.redact)
    start, end = _unambiguous(note.start, note.end)
    event = _event(uid, summary, start, end, stamps(note, 0), busy=True)
    if not options.redact:
        where = "\n".join(
            filter(None, [f"Join: {note.link}" if note.link else "", _checklist(note, options)])
        )
        event.add("description", text(_description(note, options, where)))
        if note.location:
            event.add("location", text(note.location))
        if note.link:
            event.add("url", note.link, parameters={"VALUE": "URI"})
    return event


def _alarm(summary: str, options: FeedOptions, all_day: bool) -> Alarm:
    """A display alarm: `alarm_minutes` before a timed event; at `alarm_time` on
    the day of an all-day one (whose start is that day's midnight)."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text(summary))
    if all_day:
        at = options.alarm_time
        alarm.add("trigger", timedelta(hours=at.hour, minutes=at.minute))
    else:
        alarm.add("trigger", timedelta(minutes=-(options.alarm_minutes or 0)))
    return alarm


def feed_entries(
    notes: Iterable[Note], settings: Settings, kinds: Iterable[str], failures: list | None = None
) -> list[Action | Note]:
    """The actions and interviews the feed carries, in a fixed order; a bug in the
    rules for one note is added to `failures` and costs that note's actions only."""
    failures = [] if failures is None else failures
    notes = list(notes)
    wanted = set(kinds)
    apps = Applications(notes)
    entries: list[tuple[tuple, Action | Note]] = []
    for note in notes:
        final = apps.of(note).is_final
        for action in actions_or_failure(note, apps, settings, None, failures):
            # after a final outcome only a thank-you can still be owed (see `Action.in_feed`)
            if action.kind in wanted and (not final or action.kind == "thank-you"):
                entries.append((sort_key(action), action))
        if "interviews" in wanted and not final:
            key = (note.day.toordinal(), note.start.timestamp(), note.company.casefold(), note.id)
            entries.append((key, note))
    entries.sort(key=lambda pair: pair[0])
    return [entry for _, entry in entries]


def build_feed(
    notes: Iterable[Note],
    settings: Settings,
    options: FeedOptions,
    failures: list | None = None,
    history: History | None = None,
    unusable: dict[str, list[str]] | None = None,
) -> bytes:
    """The whole .ics feed as bytes: CRLF lines, folded at 75 octets. With the
    vault's git `history`, SEQUENCE and DTSTAMP come from it (see `GitStamps`).
    The actions of a company with `unusable` notes (folded name -> their paths)
    warn, in their description, that those notes cannot be read."""
    notes = list(notes)
    stamps: Stamps = plain_stamps if history is None else GitStamps(history, notes)
    entries = feed_entries(notes, settings, options.kinds, failures)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", text(options.name))
    calendar.add("x-wr-calname", text(options.name))
    # No X-WR-TIMEZONE: every time carries its TZID or is in UTC, and readers that
    # honour it move UTC times onto the local clock, losing which of a repeated
    # hour's two showings was meant.
    calendar.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    years = [entry.day.year for entry in entries]
    first = date(min(years, default=2026), 1, 1)
    last = date(max(years, default=2026) + 1, 1, 1)
    calendar.add_component(vtimezone(settings.timezone, first, last))
    owner: dict[str, str] = {}  # note id -> the path whose UIDs it gives: not a copy's
    for note in sorted(notes, key=lambda n: (named_like_copy(n.path), n.path)):
        owner.setdefault(note.id, note.path)
    by_company: dict[str, list[Note]] = {}
    for note in notes:
        by_company.setdefault(company_key(note), []).append(note)
    recorded = {key: recorded_days(theirs) for key, theirs in by_company.items()}
    warnings = superseded(latest_rounds(recorded.items()))
    unread = unreadable_warnings(unusable or {})
    companies = {note.path: (company_key(note), note.company) for note in notes}
    every = [day for days in recorded.values() for day in days]
    accepted = accepted_offers(every, companies.__getitem__, settings.zone)
    for entry in entries:
        if isinstance(entry, Note):
            event, note = _interview_event(entry, options, stamps), entry
        else:  # as in `due`: a note that cannot be read says so before a like name
            key = company_key(entry.note)
            ended = entry.kind in ENDED_BY_A_LATER_ROUND
            warning = (
                unread.get(key)
                or (warnings.get(key, "") if ended else "")
                or accepted_elsewhere(
                    accepted,
                    key,
                    entry.kind,
                    entry.note.start.timestamp(),
                    entry.note.id,
                    entry.note.role,
                )
            )
            event, note = _action_event(entry, options, stamps, warning), entry.note
        if owner[note.id] != note.path:  # a copied note keeping the id (an error in check)
            event["uid"] = _copy_uid(str(event["uid"]), note.path)
        if options.alarm_minutes is not None:
            all_day = not isinstance(event.decoded("dtstart"), datetime)
            event.add_component(_alarm(str(event["summary"]), options, all_day))
        calendar.add_component(event)
    return calendar.to_ical()
