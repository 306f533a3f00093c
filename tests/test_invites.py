"""`new --from-invite`: calendar invitations as Google, Outlook, Apple and a scheduling
service send them (hand-made in tests/invites/) become notes, and a rescheduled copy
updates the note line by line."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from .conftest import note
from .icscheck import validate

INVITES = Path(__file__).parent / "invites"


@pytest.fixture
def paris(vault: Path) -> Path:
    """A vault in Europe/Paris that knows the user's own address."""
    config = vault / ".interviewkit" / "config.yaml"
    config.write_text("timezone: Europe/Paris\nmy_emails: [Alex.Martin@gmail.com]\n")
    return vault


def front(path: Path) -> dict[str, str]:
    """The note's front matter lines, key -> written value (lists as their lines)."""
    text = path.read_text(encoding="utf-8").split("---\n")[1]
    found: dict[str, str] = {}
    key = ""
    for line in text.splitlines():
        if line.startswith("  - ") and key:
            found[key] = (found[key] + "\n" + _unquoted(line[4:])).strip()
        elif ":" in line:
            key, _, value = line.partition(":")
            found[key] = _unquoted(value.strip())
    return found


def _unquoted(value: str) -> str:
    """A double-quoted YAML value as its text (the values here have no escapes)."""
    return value[1:-1] if len(value) > 1 and value[0] == value[-1] == '"' else value


def make(run, vault: Path, name: str, *args: str):
    result = run("--vault", vault, "new", "--from-invite", INVITES / name, *args)
    assert result.exit_code == 0, result.output
    return vault / result.stdout.strip().splitlines()[0], result


def test_google_invitation(paris, run):
    path, result = make(run, paris, "google.ics")
    values = front(path)
    assert values["company"] == "Acme Robotics"  # from talent.acme-robotics.com
    assert "company 'Acme Robotics', from the address jana.weiss@" in result.stderr
    assert "does not say the role" in result.stderr
    assert (values["round"], values["start"], values["end"]) == (
        "technical",
        "2026-12-10T14:00",
        "2026-12-10T15:00",
    )
    assert values["people"] == (
        "Jana Weiss <jana.weiss@talent.acme-robotics.com>\n"
        "Ravi Shankar <ravi.shankar@acme-robotics.com>"
    )  # not the user, not the meeting room
    assert values["link"] == "https://meet.google.com/xkq-wvnb-prt"
    assert values["invite_uid"] == "5k2m9v0q7r3t1p8n6c4b2x0z1a@google.com"
    assert values["invite_sequence"] == "0"
    assert run("--vault", paris, "check").exit_code == 0


def test_outlook_email_with_a_windows_zone_a_teams_link_and_a_room(paris, run):
    path, _ = make(run, paris, "outlook.eml", "--role", "Data Engineer")
    values = front(path)
    assert (values["company"], values["role"], values["round"]) == (
        "Fabrikam",
        "Data Engineer",
        "onsite",
    )
    # "W. Europe Standard Time" is Europe/Berlin: 10:00 there is 10:00 in Paris
    assert (values["start"], values["end"]) == ("2026-12-15T10:00", "2026-12-15T12:00")
    assert values["location"] == "PAR-Salle Seine (12), 3 rue de la Paix, Paris"
    assert values["link"].startswith("https://teams.microsoft.com/l/meetup-join/19%3ameeting_")
    assert values["people"] == (
        "Sophie Laurent <sophie.laurent@fabrikam.fr>\nDr. Jonas Berg <jonas.berg@fabrikam.fr>"
    )


def test_apple_invitation_from_another_zone_is_moved_to_the_vaults(paris, run):
    path, _ = make(run, paris, "apple.ics")
    values = front(path)
    # 10:30 in New York is 16:30 in Paris
    assert (values["company"], values["start"], values["end"]) == (
        "Contoso",
        "2026-12-09T16:30",
        "2026-12-09T17:30",
    )
    assert values["link"] == "https://contoso.zoom.us/j/83512345678?pwd=abcDEF"
    assert values["round"] == "hiring manager"


def test_a_utc_invitation_from_a_scheduling_service(paris, run):
    path, _ = make(run, paris, "utc-greenhouse.ics")
    values = front(path)
    # the no-reply organizer is left out; the company comes from the interviewer
    assert values["company"] == "Initech"
    assert values["people"] == "Bill Lumbergh <bill.lumbergh@initech.com>"
    assert (values["start"], values["end"]) == ("2026-12-14T17:00", "2026-12-14T17:45")
    assert values["link"] == "https://initech.zoom.us/j/91234567890"


def test_an_existing_company_is_matched_and_a_given_one_wins(paris, run, write):
    write("interviews/acme.md", note("ACME Robotics GmbH", id="acme-old"))
    path, result = make(run, paris, "google.ics")
    assert front(path)["company"] == "ACME Robotics GmbH"
    assert "matched from the address" in result.stderr
    other = paris / "other"
    other.mkdir()
    (other / ".interviewkit").mkdir()
    (other / ".interviewkit" / "config.yaml").write_text("timezone: Europe/Paris\n")
    given, result = make(run, other, "google.ics", "Acme")
    assert front(given)["company"] == "Acme" and "from the address" not in result.stderr


def test_a_rescheduled_invitation_changes_only_its_lines(paris, run):
    path, _ = make(run, paris, "google.ics")
    before = path.read_bytes().decode().splitlines()
    result = run("--vault", paris, "new", "--from-invite", INVITES / "google-rescheduled.ics")
    assert result.exit_code == 0, result.output
    assert "start: 2026-12-10T14:00 -> 2026-12-11T09:30" in result.stdout
    assert "people: + Lena Ortiz <lena.ortiz@acme-robotics.com>" in result.stdout
    after = path.read_bytes().decode().splitlines()
    diff = [line for line in difflib.ndiff(before, after) if line[:2] in ("- ", "+ ")]
    assert sorted(diff) == sorted(
        [
            "- start: 2026-12-10T14:00",
            "+ start: 2026-12-11T09:30",
            "- end: 2026-12-10T15:00",
            "+ end: 2026-12-11T10:30",
            '+   - "Lena Ortiz <lena.ortiz@acme-robotics.com>"',
            "- invite_sequence: 0",
            "+ invite_sequence: 1",
        ]
    )
    again = run("--vault", paris, "new", "--from-invite", INVITES / "google-rescheduled.ics")
    assert "nothing changed" in again.stdout
    stale = run("--vault", paris, "new", "--from-invite", INVITES / "google.ics")
    assert stale.exit_code == 7
    assert "is older than the one the note has (SEQUENCE 1); nothing changed" in stale.stderr
    assert path.read_bytes().decode().splitlines() == after


def test_a_cancellation_changes_nothing_and_says_how_to_record_it(paris, run):
    path, _ = make(run, paris, "google.ics")
    before = path.read_bytes()
    result = run("--vault", paris, "new", "--from-invite", INVITES / "google-cancelled.ics")
    assert result.exit_code == 0
    rel = path.relative_to(paris).as_posix()
    assert f"{rel}: the invitation was cancelled" in result.stdout
    assert f"interviewkit outcome {rel} withdrawn" in result.stdout
    assert path.read_bytes() == before


def test_the_feed_and_the_brief_carry_the_place_and_the_link(paris, run):
    make(run, paris, "outlook.eml", "--role", "Data Engineer")
    data = run("--vault", paris, "feed", "--include", "interviews").stdout_bytes
    (event,) = validate(data)
    assert event["LOCATION"] == "PAR-Salle Seine (12)\\, 3 rue de la Paix\\, Paris"
    import vobject
    from icalendar import Calendar

    parsed = Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(parsed["LOCATION"]) == "PAR-Salle Seine (12), 3 rue de la Paix, Paris"
    assert str(parsed["URL"]).startswith("https://teams.microsoft.com/l/meetup-join/")
    card = vobject.readOne(data.decode())
    assert card.vevent.location.value == "PAR-Salle Seine (12), 3 rue de la Paix, Paris"
    assert "Join: https://teams.microsoft.com/l/meetup-join/" in card.vevent.description.value
    brief = run("--vault", paris, "brief", "fabrikam", "--today", "2026-12-01").stdout
    assert "- **Where**: PAR-Salle Seine (12), 3 rue de la Paix, Paris" in brief
    assert re.search(r"- \*\*Join\*\*: <https://teams\.microsoft\.com/l/meetup-join/\S+>", brief)


def test_new_takes_a_place_and_a_link_and_check_flags_a_bad_link(paris, run, write):
    result = run(
        "--vault", paris, "new", "Acme", "--at", "2026-12-10 14:00",
        "--location", "Acme HQ, Berlin", "--link", "https://meet.example/abc",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    values = front(paris / result.stdout.strip())
    assert (values["location"], values["link"]) == ("Acme HQ, Berlin", "https://meet.example/abc")
    refused = run("--vault", paris, "new", "Globex", "--link", "meet.example/abc")
    assert refused.exit_code == 2 and "not an http(s) URL" in refused.stderr
    write("interviews/x.md", note("Initech", id="x", link="zoom.us/j/1"))
    checked = run("--vault", paris, "check")
    assert "x.md:6: warning: link: 'zoom.us/j/1' is not an http(s) URL" in checked.stdout


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda s: s.replace(
                "END:VEVENT\r\n",
                "END:VEVENT\r\n"
                + s.split("BEGIN:VEVENT\r\n")[1]
                .split("END:VCALENDAR")[0]
                .replace("UID:5k", "UID:6k")
                .join(["BEGIN:VEVENT\r\n", ""]),
                1,
            ),
            "holds 2 events",
        ),
        (lambda s: s.replace("SEQUENCE:0", "SEQUENCE:0\r\nRRULE:FREQ=WEEKLY;COUNT=3"), "repeats"),
        (lambda s: s.split("BEGIN:VEVENT")[0] + "END:VCALENDAR\r\n", "holds no event (VEVENT)"),
        (lambda s: "Subject: hello\r\n\r\nno calendar here\r\n", "no invitation found"),
    ],
)
def test_an_invitation_that_is_not_one_interview_is_refused(paris, run, tmp_path, change, message):
    source = (INVITES / "google.ics").read_bytes().decode()
    bad = tmp_path / "bad.ics"
    bad.write_bytes(change(source).encode())
    result = run("--vault", paris, "new", "--from-invite", bad)
    assert result.exit_code == 2
    assert message in result.stderr


@pytest.mark.parametrize(
    ("event", "message"),
    [
        ("DTSTART:notadate", "DTSTART cannot be read ('notadate')"),
        ("DTSTART:20261210T100000Z\r\nDURATION:P1X", "DURATION cannot be read ('P1X')"),
        ("DTSTART:20261210T100000Z\r\nSEQUENCE:abc", "SEQUENCE 'abc' is not a number"),
        ("DTSTART:99991210T100000Z", "start is a date out of range"),
        ("SUMMARY:no time at all", "has no start (DTSTART)"),
    ],
)
def test_a_broken_invitation_is_one_line_that_names_the_property(
    paris, run, tmp_path, event, message
):
    bad = tmp_path / "bad.ics"
    bad.write_bytes(
        f"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n{event}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".encode()
    )
    result = run("--vault", paris, "new", "--from-invite", bad, "Acme")
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (paris / "interviews").exists()


def test_a_panel_s_sessions_are_listed_and_each_is_chosen_with_event(paris, run):
    """An invitation holding several events (a panel's sessions) is refused with the
    events listed in the vault's zone; --event N makes the note of one, which a
    rescheduled copy then finds by that event's UID."""
    listed = run("--vault", paris, "new", "--from-invite", INVITES / "panel.ics")
    assert listed.exit_code == 2
    assert listed.stderr.splitlines() == [
        "interviewkit: the invitation holds 2 events, and a note is for one: choose it with "
        "--event N (each may be a note of its own)",
        "  1. Tue 2026-12-08 18:00  Interview: System design - Initrode",
        "  2. Tue 2026-12-08 19:00  Interview: Coding - Initrode",
    ]
    assert not (paris / "interviews").exists()
    coding, made = make(run, paris, "panel.ics", "--event", "2")
    assert (
        "warning: the organizer, recruiting@initrode.example, is a team's address, not someone "
        "you met: left out of `people` (add whoever you met from that team)"
    ) in made.stderr
    assert "company 'Initrode', from the address recruiting@initrode.example" in made.stderr
    values = front(coding)
    assert (values["start"], values["end"], values["round"]) == (
        "2026-12-08T19:00",
        "2026-12-08T19:45",
        "technical",
    )
    assert (values["people"], values["invite_uid"]) == (
        "Bo Stone <bo.stone@initrode.example>",
        "panel-2@scheduler.example",
    )
    design, _ = make(run, paris, "panel.ics", "--event", "1", "--round", "system design")
    assert front(design)["people"] == "Ann Lee <ann.lee@initrode.example>"
    # the link written as the LOCATION is the link, and no place
    assert (front(design)["link"], front(design)["location"]) == ("https://zoom.us/j/111", "")
    before = coding.read_bytes()
    _, again = make(run, paris, "panel.ics", "--event", "2")
    assert "nothing changed: the note already matches the invitation" in again.stdout
    assert coding.read_bytes() == before
    beyond = run("--vault", paris, "new", "--from-invite", INVITES / "panel.ics", "--event", "3")
    assert beyond.exit_code == 2
    assert "interviewkit: --event 3: the invitation holds 2 events" in beyond.stderr
    one = run("--vault", paris, "new", "--from-invite", INVITES / "google.ics", "--event", "2")
    assert one.exit_code == 2 and "--event 2: the invitation holds one event" in one.stderr
    alone = run("--vault", paris, "new", "Acme", "--event", "1")
    assert alone.exit_code == 2
    assert "--event picks one event of an invitation: give --from-invite FILE" in alone.stderr
    assert sorted(p.name for p in (paris / "interviews").rglob("*.md")) == [
        "2026-12-08 Initrode system design.md",
        "2026-12-08 Initrode technical.md",
    ]


def test_what_the_invitation_says_cannot_also_be_given(paris, run):
    result = run(
        "--vault", paris, "new", "--from-invite", INVITES / "google.ics", "--at", "2026-12-10 15:00"
    )
    assert result.exit_code == 2
    assert "--at cannot be used with --from-invite: the invitation says them" in result.stderr
    assert not (paris / "interviews").exists()


def test_a_rescheduled_copy_places_new_keys_beside_their_kin_and_knows_people_by_address(
    paris, run, write, tmp_path
):
    # A note written by hand for the invitation: no `end`, no `link`, and Jana under
    # another spelling of her name. The copy moves the start half an hour and the
    # room, and adds the video link.
    path = write(
        "interviews/acme.md",
        "---\ntype: interview\nid: acme\ncompany: Acme Robotics\nround: technical\n"
        "start: 2026-12-11T09:00\nrole: Engineer\npeople:\n"
        "  - J. Weiss <JANA.WEISS@talent.acme-robotics.com>\n  - Ravi Shankar\n"
        "  - Lena Ortiz <lena.ortiz@acme-robotics.com>\n"
        "location: Berlin-3\noutcome: pending\n"
        "invite_uid: 5k2m9v0q7r3t1p8n6c4b2x0z1a@google.com\ninvite_sequence: 1\n"
        "tags: [interview]\n---\n# Notes\n",
    )
    copy = (INVITES / "google-rescheduled.ics").read_text(encoding="utf-8")
    copy = copy.replace("LOCATION:\n", "LOCATION:Acme HQ\\, Room 4\n").replace(
        "SEQUENCE:1", "SEQUENCE:2"
    )
    newcomer = "ATTENDEE;CN=Zoë Ärger;PARTSTAT=NEEDS-ACTION:mailto:zoe@acme-robotics.com\n"
    copy = copy.replace("X-GOOGLE-CONFERENCE", newcomer + "X-GOOGLE-CONFERENCE")
    moved = tmp_path / "moved.ics"
    moved.write_text(copy, encoding="utf-8")
    before = path.read_text(encoding="utf-8").splitlines()
    result = run("--vault", paris, "new", "--from-invite", moved)
    assert result.exit_code == 0, result.output
    assert "location: Berlin-3 -> Acme HQ, Room 4" in result.stdout
    assert "link: (none) -> https://meet.google.com/xkq-wvnb-prt" in result.stdout
    # Jana, Ravi and Lena are known (by address, by name); only Zoë is new
    assert "people: + Zoë Ärger <zoe@acme-robotics.com>" in result.stdout
    assert result.stdout.count("people: +") == 1
    after = path.read_text(encoding="utf-8").splitlines()
    diff = [line for line in difflib.ndiff(before, after) if line[:2] in ("- ", "+ ")]
    assert sorted(diff) == sorted(
        [
            "- start: 2026-12-11T09:00",
            "+ start: 2026-12-11T09:30",
            "+ end: 2026-12-11T10:30",
            '+   - "Zoë Ärger <zoe@acme-robotics.com>"',  # UTF-8 as it is, quoted for the <>
            "- location: Berlin-3",
            "+ location: Acme HQ, Room 4",
            '+ link: "https://meet.google.com/xkq-wvnb-prt"',
            "- invite_sequence: 1",
            "+ invite_sequence: 2",
        ]
    )
    # each new line beside its kin: end after start, link after location, Zoë last
    assert after.index("end: 2026-12-11T10:30") == after.index("start: 2026-12-11T09:30") + 1
    assert after.index('link: "https://meet.google.com/xkq-wvnb-prt"') == (
        after.index("location: Acme HQ, Room 4") + 1
    )
    assert after.index('  - "Zoë Ärger <zoe@acme-robotics.com>"') == (
        after.index("  - Lena Ortiz <lena.ortiz@acme-robotics.com>") + 1
    )
    # the same copy again changes nothing, and says so
    again = run("--vault", paris, "new", "--from-invite", moved)
    assert "nothing changed" in again.stdout
    assert path.read_text(encoding="utf-8").splitlines() == after
    # a copy that only moves the SEQUENCE on records just that
    moved.write_text(copy.replace("SEQUENCE:2", "SEQUENCE:3"), encoding="utf-8")
    bumped = run("--vault", paris, "new", "--from-invite", moved)
    assert bumped.exit_code == 0, bumped.output
    assert "invite_sequence: 2 -> 3" in bumped.stdout and "people:" not in bumped.stdout
    assert "invite_sequence: 3" in path.read_text(encoding="utf-8").splitlines()


def test_a_missing_invite_sequence_goes_right_after_the_invite_uid(paris, run, write, tmp_path):
    path = write(
        "interviews/acme.md",
        "---\ntype: interview\nid: acme\ncompany: Acme Robotics\n"
        "start: 2026-12-11T09:30\nend: 2026-12-11T10:30\n"
        "people: [Lena Ortiz <lena.ortiz@acme-robotics.com>, Ravi Shankar,"
        " Jana Weiss <jana.weiss@talent.acme-robotics.com>]\n"
        "link: https://meet.google.com/xkq-wvnb-prt\n"
        "invite_uid: 5k2m9v0q7r3t1p8n6c4b2x0z1a@google.com\ntags: [interview]\n---\n",
    )
    copy = (INVITES / "google-rescheduled.ics").read_text(encoding="utf-8")
    later = tmp_path / "later.ics"
    later.write_text(copy.replace("SEQUENCE:1", "SEQUENCE:2"), encoding="utf-8")
    result = run("--vault", paris, "new", "--from-invite", later)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("invite_sequence: 0 -> 2")
    assert path.read_text(encoding="utf-8").endswith(
        "invite_uid: 5k2m9v0q7r3t1p8n6c4b2x0z1a@google.com\ninvite_sequence: 2\n"
        "tags: [interview]\n---\n"
    )


def test_a_copy_that_only_adds_a_guest_under_the_same_sequence_adds_them(paris, run, tmp_path):
    # Google Calendar sends an invited guest's copy without raising SEQUENCE
    path, _ = make(run, paris, "google.ics")
    copy = (INVITES / "google.ics").read_text(encoding="utf-8")
    guest = "ATTENDEE;CN=Zoë Ärger;PARTSTAT=NEEDS-ACTION:mailto:zoe@acme-robotics.com\n"
    assert "X-GOOGLE-CONFERENCE" in copy
    added = tmp_path / "guest.ics"
    added.write_text(copy.replace("X-GOOGLE-CONFERENCE", guest + "X-GOOGLE-CONFERENCE"), "utf-8")
    before = path.read_text(encoding="utf-8").splitlines()
    result = run("--vault", paris, "new", "--from-invite", added)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("people: + Zoë Ärger <zoe@acme-robotics.com>")
    after = path.read_text(encoding="utf-8").splitlines()
    diff = [line for line in difflib.ndiff(before, after) if line[:2] in ("- ", "+ ")]
    assert diff == ['+   - "Zoë Ärger <zoe@acme-robotics.com>"']


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        # a time zone of its own whose rule is cut short: icalendar's parser raises a
        # TypeError from dateutil while building the zone
        (
            [
                ("TZID:Europe/Berlin\r\nX-LIC", "TZID:Own/Zone\r\nX-LIC"),
                ("RRULE:FREQ=YEARLY;BYMONTH=10", "RRULE:FREQ=YEARLYH=10"),
            ],
            "cannot be read",
        ),
        # a second organizer, as hand edits or a careless tool leave: the first counts
        ([("UID:", "ORGANIZER:mailto:someone@else.example\r\nUID:")], None),
    ],
)
def test_a_damaged_invitation_is_an_error_or_read_never_a_traceback(
    paris, run, tmp_path, changes, said
):
    invite = tmp_path / "invite.ics"
    data = (INVITES / "google.ics").read_bytes()
    for old, new in changes:
        assert old.encode() in data
        data = data.replace(old.encode(), new.encode(), 1)
    invite.write_bytes(data)
    result = run("--vault", paris, "new", "--from-invite", invite)
    assert "Traceback" not in result.output and not (
        result.exception and not isinstance(result.exception, SystemExit)
    ), result.exception
    if said is None:
        assert result.exit_code == 0, result.output
        assert "company 'Acme Robotics', from the address jana.weiss@" in result.stderr
    else:
        assert result.exit_code == 2 and f"the invitation {said}" in result.stderr


@pytest.mark.parametrize(
    ("address", "team"),
    [
        ("recruiting@initrode.example", True),
        ("Talent.Team@acme.example", True),
        ("jobs+acme@fabrikam.example", True),
        ("hr@globex.example", True),
        ("karriere@firma.example", True),
        ("jana.weiss@talent.acme-robotics.com", False),  # a person, at the talent subdomain
        ("hrishikesh@globex.example", False),
        ("ta@initech.example", False),  # initials, perhaps
    ],
)
def test_a_team_s_address_is_told_by_its_first_word(address, team):
    from interviewkit.notes.invite import team_address

    assert team_address(address) is team


@pytest.mark.parametrize(
    ("address", "domain", "company"),
    [
        ("jana@talent.acme-robotics.com", "acme-robotics.com", "Acme Robotics"),
        ("hr@jobs.fabrikam.co.uk", "fabrikam.co.uk", "Fabrikam"),
        ("a@initech.com.au", "initech.com.au", "Initech"),
        ("a@Globex.COM", "globex.com", "Globex"),
        ("a@gmail.com", "gmail.com", ""),  # public mail: says nothing of a company
        ("a@acme.greenhouse.io", "greenhouse.io", ""),  # a scheduling service
    ],
)
def test_a_company_s_domain_is_the_one_it_registers(address, domain, company):
    from interviewkit.notes.invite import company_from_domain, registrable_domain

    assert (registrable_domain(address), company_from_domain(address)) == (domain, company)


@pytest.mark.parametrize(
    ("invitation", "stranger"),
    [
        ("outlook.eml", "Alex Martin <alex.martin@gmail.com>"),
        # the organizer writes from talent.acme-robotics.com, the interviewers from
        # acme-robotics.com: one company; a guest without a name is the bare address
        ("google.ics", "alex.martin@gmail.com"),
    ],
)
def test_without_my_emails_the_one_not_at_the_company_is_named(
    vault, run, tmp_path, invitation, stranger
):
    """Without `my_emails`, the note lists the one invited too: perhaps you, and a
    thank-you to yourself would follow. The warning names them, and them only, and
    the setting."""
    (vault / ".interviewkit" / "config.yaml").write_text("timezone: Europe/Paris\n")
    path, result = make(run, vault, invitation)
    assert stranger in front(path)["people"]
    assert (
        f"warning: `people` lists {stranger}, not at the company's domain: if that is you, "
        "delete the line, so no letter goes to you, and set "
        "`my_emails: [alex.martin@gmail.com]` in .interviewkit/config.yaml"
    ) in result.stderr
    other = tmp_path / "other"
    other.mkdir()
    (other / ".interviewkit").mkdir()
    (other / ".interviewkit" / "config.yaml").write_text(
        "timezone: Europe/Paris\nmy_emails: [Alex.Martin@gmail.com]\n"
    )
    path, result = make(run, other, invitation)
    assert "alex.martin" not in front(path)["people"] and "my_emails" not in result.stderr


def test_a_name_an_invitation_gives_surname_first_is_turned_round(paris, run, tmp_path):
    """Outlook's address books give `Kurz, Jonas`; in a `people` entry the comma would
    part a name from a title (Kurz, titled Jonas), so the note says `Jonas Kurz`."""
    text = (INVITES / "google.ics").read_text(encoding="utf-8")
    names = re.findall(r"CN=([^;:]+)", text)
    assert names, "the fixture names its people"
    turned = text.replace(f"CN={names[0]}", 'CN="Kurz, Jonas"', 1)
    invite = tmp_path / "surname-first.ics"
    invite.write_text(turned, encoding="utf-8")
    path, _ = make(run, paris, str(invite))
    people = front(path)["people"]
    assert "Jonas Kurz <" in people and "Kurz, Jonas" not in people
    assert "whose title" not in run("--vault", paris, "check").stdout


def test_an_invitation_for_a_round_written_by_hand_names_that_note(paris, write, run):
    """The round was written down when the recruiter phoned; the invitation comes
    later. Its note is written, and the warning names the first one to delete."""
    write("interviews/acme.md", note("Acme Robotics", "2026-12-10T14:30", id="a", round="tech"))
    path, result = make(run, paris, "google.ics")
    assert path.is_file()
    assert (
        "warning: interviews/acme.md (Acme Robotics tech) is at that time too: 2026-12-10, "
        "14:30–15:30; if it is this round, delete one of the notes\n"
    ) in result.stderr


def test_check_warns_of_rounds_of_one_company_that_overlap(vault, write, run):
    """A day-long onsite (a) holds the short rounds after it (b, f) under way, and the
    warning names it; back to back (c), another company (d) and a copy that keeps
    its id (e, named as a duplicate already) are not overlaps."""
    write("interviews/a.md", note("Acme", "2026-12-10T09:00", id="a", end="2026-12-10T17:00"))
    write("interviews/b.md", note("Acme", "2026-12-10T10:00", id="b", round="tech"))
    write("interviews/c.md", note("Acme", "2026-12-10T17:00", id="c", round="debrief"))
    write("interviews/d.md", note("Globex", "2026-12-10T11:00", id="d"))
    write("interviews/e.md", note("Acme", "2026-12-10T09:00", id="a", end="2026-12-10T17:00"))
    write("interviews/f.md", note("Acme", "2026-12-10T14:00", id="f", round="lunch"))
    checked = run("--vault", vault, "check")
    overlaps = [line for line in checked.stdout.splitlines() if "overlaps" in line]
    assert overlaps == [
        "interviews/b.md:4: warning: overlaps the interview of interviews/a.md (2026-12-10 "
        "09:00–17:00): if both notes are one round, delete one; else correct the time",
        "interviews/f.md:4: warning: overlaps the interview of interviews/a.md (2026-12-10 "
        "09:00–17:00): if both notes are one round, delete one; else correct the time",
    ]
    assert "interviews/e.md" in checked.stdout  # its duplicate id
