"""Calendar invitations: the one event a recruiter's calendar sends, read into plain values.

An invitation arrives as an `.ics` file or inside an e-mail (`.eml`) as a
`text/calendar` part. Google, Outlook/Exchange and Apple each write it a little
differently: Outlook names zones the Windows way ("W. Europe Standard Time"),
and each puts the video link in its own property. This module knows those
differences and nothing of the vault.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from interviewkit.errors import BadValue
from interviewkit.notes.dates import in_range, later
from interviewkit.notes.people import Person, first_name_first, team_address, usable_address

T = TypeVar("T")
# Where each calendar puts the video link, most specific first.
CONFERENCE_PROPERTIES = (
    "X-GOOGLE-CONFERENCE",
    "X-MICROSOFT-ONLINEMEETINGJOINURL",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "CONFERENCE",
)
_NO_REPLY = re.compile(r"^(?:no-?reply|do-?not-?reply|noreply)[@+.-]", re.I)
_MEETING_URL = re.compile(
    r"https://(?:[\w-]+\.)*(?:zoom\.us|teams\.microsoft\.com|teams\.live\.com|meet\.google\.com"
    r"|webex\.com)/[^\s<>\"')\]]*",
    re.I,
)
# Words in a SUMMARY that name a round, in the order they are tried.
ROUND_WORDS = (
    (
        "phone screen",
        ("phone screen", "phone interview", "screening call", "screening", "intro call"),
    ),
    ("technical", ("technical", "coding", "system design", "take-home", "pairing")),
    ("onsite", ("onsite", "on-site", "on site", "loop")),
    ("final", ("final",)),
    ("hiring manager", ("hiring manager",)),
    ("culture fit", ("culture", "values")),
)


@dataclass(frozen=True)
class Invite:
    """One invitation's event: when, where, who, and how to tell it again later."""

    uid: str
    sequence: int
    cancelled: bool
    start: datetime  # aware
    end: datetime  # aware
    summary: str
    location: str
    link: str
    organizer: Person | None
    attendees: tuple[Person, ...] = field(default=())
    team_organizer: bool = False  # sent from a team's address (`recruiting@`): nobody met

    @property
    def people(self) -> tuple[Person, ...]:
        """The organizer, unless it is a team's address, and the attendees, each once."""
        seen, found = set(), []
        organizer = (self.organizer,) if self.organizer and not self.team_organizer else ()
        for person in organizer + self.attendees:
            key = person.email.casefold() or person.key
            if key not in seen:
                seen.add(key)
                found.append(person)
        return tuple(found)

    @property
    def round(self) -> str:
        """The round the SUMMARY names (`technical`), or "" when it names none."""
        words = " ".join(self.summary.casefold().split())
        for name, spellings in ROUND_WORDS:
            if any(spelling in words for spelling in spellings):
                return name
        return ""


def calendar_text(data: bytes) -> bytes:
    """The iCalendar text of an `.ics` file, or of the invitation inside an e-mail."""
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:15].upper() == b"BEGIN:VCALENDAR":
        return stripped
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        kind = part.get_content_type()
        name = (part.get_filename() or "").casefold()
        if kind in ("text/calendar", "application/ics") or name.endswith(".ics"):
            content = part.get_content()
            return content.encode("utf-8") if isinstance(content, str) else content
    raise BadValue("no invitation found: not an .ics file, nor an e-mail with a text/calendar part")


def _zone_of(tzid: str, fallback: tzinfo) -> tzinfo:
    """The IANA zone a TZID names (a Windows name through icalendar's table), else
    `fallback`."""
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    name = WINDOWS_TO_OLSON.get(tzid, tzid)
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return fallback


def _moment(event, key: str, fallback: tzinfo) -> datetime | None:
    """DTSTART or DTEND as an aware time (`fallback`'s zone for floating times), an
    all-day date as 09:00 that day, or None when absent."""
    if key not in event:
        return None
    prop = event[key]
    value = prop.dt
    if isinstance(value, datetime):
        from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

        tzid = str(prop.params.get("TZID", ""))
        if value.tzinfo is None or tzid in WINDOWS_TO_OLSON:  # floating, or a Windows name
            value = value.replace(tzinfo=_zone_of(tzid, fallback))
        return value
    if isinstance(value, date):  # an all-day event: the day, from 09:00
        return datetime.combine(value, time(9, 0), tzinfo=fallback)
    return None


def _read(event, key: str, value: Callable[[], T]) -> T:
    """`value()`, or BadValue naming the property when the invitation writes it in a
    form that cannot be read (icalendar reports that in several ways)."""
    try:
        return value()
    except Exception:  # a broken property: the user needs its name, not a traceback
        raise BadValue(
            f"the invitation's {key} cannot be read ({_raw(event, key)!r}); "
            "is the file cut short or edited by hand?"
        ) from None


def _raw(event, key: str) -> str:
    value = event.get(key)
    text = getattr(value, "to_ical", lambda: str(value))()
    return text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)


def _sequence(event) -> int:
    if "SEQUENCE" not in event:
        return 0
    raw = _raw(event, "SEQUENCE").strip()
    if not raw.isdigit():
        raise BadValue(f"the invitation's SEQUENCE {raw!r} is not a number")
    return int(raw)


def _person(prop) -> Person | None:
    address = str(prop)
    if address.lower().startswith("mailto:"):
        address = address[7:]
    address = address.strip()
    name = first_name_first(" ".join(str(prop.params.get("CN", "")).strip().strip('"').split()))
    if not usable_address(address):
        return Person(name) if name else None
    return Person(name or address, address)


def _all(event, key: str) -> list:
    """Every value of a property, which icalendar gives as a list only when repeated."""
    value = event.get(key)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _link(event) -> str:
    for key in CONFERENCE_PROPERTIES:
        for value in _all(event, key):
            if str(value).startswith(("https://", "http://")):
                return str(value)
    url = event.get("URL")
    if url is not None and str(url).startswith(("https://", "http://")):
        return str(url)
    for key in ("LOCATION", "DESCRIPTION"):  # Zoom and schedulers put the link in LOCATION
        if found := _MEETING_URL.search(str(event.get(key, ""))):
            return found.group(0).rstrip(".,;")
    return ""


def read_invite(
    data: bytes, zone: tzinfo, mine: tuple[str, ...] = (), chosen: int | None = None
) -> Invite:
    """The one event of an invitation, or its event number `chosen` (from 1) when it
    holds several (a panel's sessions, each with its own time and people), with times
    in `zone` and without the people whose addresses are `mine`, rooms and resources.
    BadValue says what is wrong, and lists the events when one must be chosen."""
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(calendar_text(data))
    except Exception as exc:  # icalendar fails in several ways (a broken VTIMEZONE: TypeError)
        raise BadValue(f"the invitation cannot be read: {str(exc)[:200]}") from None
    events = calendar.walk("VEVENT")
    if not events:
        raise BadValue("the invitation holds no event (VEVENT)")
    if chosen is None and len(events) > 1:
        raise BadValue(
            f"the invitation holds {len(events)} events, and a note is for one: choose it "
            f"with --event N (each may be a note of its own)\n{_listed(events, zone)}"
        )
    if chosen is not None and not 1 <= chosen <= len(events):
        held = f"{len(events)} events" if len(events) > 1 else "one event"
        raise BadValue(f"--event {chosen}: the invitation holds {held}")
    event = events[(chosen or 1) - 1]
    if any(key in event for key in ("RRULE", "RDATE")):
        raise BadValue("the invitation repeats (RRULE/RDATE); an interview happens once")
    start = _read(event, "DTSTART", lambda: _moment(event, "DTSTART", zone))
    if start is None:
        raise BadValue("the invitation has no start (DTSTART)")
    try:
        in_range(start.date())
    except ValueError as exc:
        raise BadValue(f"the invitation's start is a {exc}") from None
    end = _read(event, "DTEND", lambda: _moment(event, "DTEND", zone))
    if end is None and "DURATION" in event:
        end = _read(event, "DURATION", lambda: later(start, event.decoded("DURATION")))
    start = start.astimezone(UTC).astimezone(zone)
    end = end.astimezone(UTC).astimezone(zone) if end is not None else None
    if end is not None and end.timestamp() <= start.timestamp():  # instants: == ignores fold
        end = None
    own = {address.casefold() for address in mine}
    attendees = []
    for prop in _all(event, "ATTENDEE"):
        if str(prop.params.get("CUTYPE", "INDIVIDUAL")).upper() in ("ROOM", "RESOURCE"):
            continue
        person = _person(prop)
        if person is not None and person.email.casefold() not in own:
            attendees.append(person)
    organizers = _all(event, "ORGANIZER")  # one, unless the file was edited by hand
    organizer = _person(organizers[0]) if organizers else None
    if organizer is not None and (
        organizer.email.casefold() in own or _NO_REPLY.match(organizer.email)
    ):
        organizer = None  # you, or a scheduling service's robot
    team = organizer is not None and team_address(organizer.email)
    link = _link(event)
    location = " ".join(str(event.get("LOCATION", "")).split())
    method = str(calendar.get("METHOD", "")).upper()
    status = str(event.get("STATUS", "")).upper()
    return Invite(
        uid=str(event.get("UID", "")).strip(),
        sequence=_sequence(event),
        cancelled=method == "CANCEL" or status == "CANCELLED",
        start=start,
        end=end or later(start, timedelta(hours=1)),
        summary=" ".join(str(event.get("SUMMARY", "")).split()),
        location="" if location == link else location,  # a link alone is no place
        link=link,
        organizer=organizer,
        attendees=tuple(attendees),
        team_organizer=team,
    )


def _listed(events: list, zone: tzinfo) -> str:
    """The events of an invitation, a numbered line each: when (in `zone`) and what."""
    lines = []
    for number, event in enumerate(events, 1):
        try:
            start = _moment(event, "DTSTART", zone)
        except Exception:  # shown as unknown: the chosen event's is read, or says why
            start = None
        when = start.astimezone(zone).strftime("%a %Y-%m-%d %H:%M") if start else "(no start)"
        summary = " ".join(str(event.get("SUMMARY", "")).split())[:120]
        lines.append(f"  {number}. {when}  {summary or '(no title)'}")
    return "\n".join(lines)


# Mail providers and scheduling services: their domain says nothing of the company.
PUBLIC_DOMAINS = frozenset(
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
        "yahoo.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me",
        "protonmail.com", "gmx.de", "gmx.net", "web.de", "t-online.de", "mail.com",
        "yandex.com", "zoho.com", "fastmail.com", "hey.com",
        "calendly.com", "greenhouse.io", "lever.co", "ashbyhq.com", "workday.com",
        "myworkday.com", "smartrecruiters.com", "goodtime.io", "gem.com", "zoom.us",
        "teams.microsoft.com", "google.com", "group.calendar.google.com",
    }
)  # fmt: skip
# Second-level labels under which a country's companies register (`acme.co.uk`).
_SHARED_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "ltd", "plc"})


def guess_company(invite: Invite) -> tuple[str, str]:
    """(company, the address it comes from) from the first of the organizer and the
    attendees whose mail domain is a company's (a team's address too); ("", "") when
    none is."""
    for person in ((invite.organizer,) if invite.organizer else ()) + invite.attendees:
        name = company_from_domain(person.email)
        if name:
            return name, person.email
    return "", ""


def perhaps_you(invite: Invite) -> tuple[Person, ...]:
    """The people of an invitation whose address is not at the company's domain, the
    one that gave the company its name (see `guess_company`): perhaps the one it
    invites, when `my_emails` does not say who that is. Empty when no company's
    domain is known."""
    _, address = guess_company(invite)
    if not address:
        return ()
    domain = registrable_domain(address)
    return tuple(p for p in invite.people if p.email and registrable_domain(p.email) != domain)


def registrable_domain(address: str) -> str:
    """The domain a company registers, from an address at it or at one of its
    subdomains: `talent.acme-robotics.com` -> `acme-robotics.com`, `hr.acme.co.uk`
    -> `acme.co.uk`."""
    labels = address.rpartition("@")[2].casefold().strip(".").split(".")
    kept = (
        3 if len(labels) >= 3 and labels[-2] in _SHARED_SECOND_LEVEL and len(labels[-1]) == 2 else 2
    )
    return ".".join(labels[-kept:])


def company_from_domain(address: str) -> str:
    """`talent.acme-robotics.com` -> `Acme Robotics`; "" for public mail and scheduling
    services, where the domain says nothing of the company."""
    domain = address.rpartition("@")[2].casefold().strip(".")
    if "." not in domain or any(domain == d or domain.endswith("." + d) for d in PUBLIC_DOMAINS):
        return ""
    registrable = registrable_domain(domain).split(".")[0]
    return " ".join(word.capitalize() for word in re.split(r"[-_]+", registrable) if word)
