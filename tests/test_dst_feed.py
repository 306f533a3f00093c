"""Feeds of daylight-saving vaults, read by seven calendar parsers and a CalDAV server.

Three vaults, in Europe/Berlin, America/New_York and Australia/Lord_Howe (whose
clocks move by half an hour), hold interviews, thank-you deadlines and tasks at
the spring gap and in the autumn's repeated hour. Every parser must find the
instants interviewkit itself reports (`export` and `due` as JSON), and no event
may end before it starts.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote, urlparse
from zoneinfo import ZoneInfo

import pytest

from interviewkit.reports.feed import event_uid

from .icscheck import validate
from .khal import khal_listing
from .test_feed import khal_list

KINDS = "follow-up,thank-you,prepare,task,interviews"
# zone -> (a day with a gap: its first skipped minute, a day whose hour repeats: a
# minute shown twice, and the offset its second showing has)
ZONES = {
    "Europe/Berlin": ("2027-03-28", "02:30", "2027-10-31", "02:30", "+01:00"),
    "America/New_York": ("2027-03-14", "02:30", "2027-11-07", "01:30", "-05:00"),
    "Australia/Lord_Howe": ("2027-10-03", "02:15", "2027-04-04", "01:45", "+10:30"),
}


def _shift(day: str, clock: str, minutes: int) -> str:
    moment = datetime.fromisoformat(f"{day}T{clock}") + timedelta(minutes=minutes)
    return f"{moment:%Y-%m-%d %H:%M}"


def build_vault(run, root: Path, zone: str) -> Path:
    """One vault at the edges of `zone`'s two changes in 2027."""
    gap_day, gap_clock, repeat_day, repeat_clock, second_offset = ZONES[zone]
    tz = ZoneInfo(zone)
    skipped = datetime.fromisoformat(f"{gap_day}T{gap_clock}").replace(tzinfo=tz)
    assert skipped.utcoffset() != skipped.replace(fold=1).utcoffset()  # really a gap
    assert run("init", root, env={"TZ": zone}).exit_code == 0

    def new(company: str, round_name: str, at: str, *more: str) -> str:
        result = run("--vault", root, "new", company, "--round", round_name, "--at", at, *more)
        assert result.exit_code == 0, result.output
        return result.stderr

    # an interview starting just before the gap and ending after it
    new("Acme", "spring", _shift(gap_day, gap_clock, -60), "--duration", "90")
    # one in the repeated hour: the first showing, with a warning; the second, by offset
    assert "happens twice" in new("Globex", "first", f"{repeat_day} {repeat_clock}")
    new("Initech", "second", f"{repeat_day} {repeat_clock}{second_offset}")
    # one the day before, whose 24-hour thank-you deadline falls in the repeated hour
    new("Hooli", "eve", _shift(repeat_day, repeat_clock, -24 * 60 - 60))
    # and one whose deadline's half hour before it spans the change
    new("Wayne", "late", _shift(repeat_day, repeat_clock, -24 * 60))
    # a start in the gap, written by hand (a warning), with tasks on the gap day
    (root / "interviews" / "umbrella.md").write_text(
        "---\ntype: interview\nid: umbrella-gap\ncompany: Umbrella\nround: onsite\n"
        f"start: {gap_day}T{gap_clock}\nfollow_up_on: {gap_day}\n---\n"
        f"## Tasks\n- [ ] Send the portfolio 📅 {gap_day}\n- [ ] Call the recruiter 📅 {repeat_day}\n",
        encoding="utf-8",
    )
    check = run("--vault", root, "check")
    assert f"umbrella.md:6: warning: start: {gap_clock} does not exist on {gap_day}" in check.stdout
    return root


def expected(run, root: Path) -> dict[str, tuple]:
    """UID -> (start, end) as interviewkit reports them: instants in UTC for timed
    events, dates for all-day ones."""
    rows = []  # before the interviews (preparing) and after them (the rest)
    for today in ("2026-12-01", "2028-01-01"):
        due = run("--vault", root, "due", "--all", "--today", today, "--format", "json")
        rows += [r for r in json.loads(due.stdout)["actions"] if r["kind"] in KINDS.split(",")]
    exported = json.loads(run("--vault", root, "export", "--format", "json").stdout)
    ids = {row["note"]: row["note_id"] for row in rows}
    found: dict[str, tuple] = {}
    for row in rows:
        uid = event_uid(row["id"], row["note_id"], False)
        if "T" in row["due"]:  # the thank-you block: the half hour before the deadline
            deadline = datetime.fromisoformat(row["due"]).astimezone(UTC)
            found[uid] = (deadline - timedelta(minutes=30), deadline)
        else:
            day = date.fromisoformat(row["due"])
            found[uid] = (day, day + timedelta(days=1))
    for interview in exported["interviews"]:
        note_id = ids[interview["note"]]
        uid = event_uid(f"{note_id}:interview", note_id, False)
        found[uid] = tuple(
            datetime.fromisoformat(interview[key]).astimezone(UTC) for key in ("start", "end")
        )
    return found


def _normal(value) -> datetime | date:
    if hasattr(value, "datetime"):  # an Arrow, from ics-py
        value = value.datetime
    if isinstance(value, datetime):
        assert value.tzinfo is not None, f"floating time {value}"
        return value.astimezone(UTC)
    return value


def by_icalendar(data: bytes) -> dict[str, tuple]:
    from icalendar import Calendar

    return {
        str(e["UID"]): (_normal(e.decoded("dtstart")), _normal(e.decoded("dtend")))
        for e in Calendar.from_ical(data).walk("VEVENT")
    }


def by_ical(data: bytes) -> dict[str, tuple]:
    from ical.calendar_stream import IcsCalendarStream

    calendar = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    return {e.uid: (_normal(e.dtstart), _normal(e.dtend)) for e in calendar.events}


def by_vobject(data: bytes) -> dict[str, tuple]:
    import vobject

    calendar = vobject.readOne(data.decode("utf-8"))
    return {
        e.uid.value: (_normal(e.dtstart.value), _normal(e.dtend.value))
        for e in calendar.vevent_list
    }


def by_ics_py(data: bytes) -> dict[str, tuple]:
    import ics

    found = {}
    for event in ics.Calendar(data.decode("utf-8")).events:
        if event.all_day:
            found[event.uid] = (event.begin.date(), event.end.date())
        else:
            found[event.uid] = (_normal(event.begin), _normal(event.end))
    return found


def by_recurring_ical_events(data: bytes) -> dict[str, tuple]:
    import recurring_ical_events
    from icalendar import Calendar

    events = recurring_ical_events.of(Calendar.from_ical(data)).between(
        date(2026, 1, 1), date(2029, 1, 1)
    )
    return {
        str(e["UID"]): (_normal(e.decoded("dtstart")), _normal(e.decoded("dtend"))) for e in events
    }


def by_icalevents(data: bytes) -> dict[str, tuple]:
    from icalevents.icalevents import events

    found = {}
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for event in events(string_content=data, start=start, end=datetime(2029, 1, 1, tzinfo=UTC)):
        if event.all_day:
            found[event.uid] = (event.start.date(), event.end.date())
        else:
            found[event.uid] = (_normal(event.start), _normal(event.end))
    return found


def by_khal(data: bytes) -> dict[str, tuple]:
    """khal, a terminal calendar: import the feed, then list every event in UTC."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        shape = "{uid} {start} {end} {all-day}"
        shown = khal_listing(
            Path(folder), data, "UTC", "%Y-%m-%dT%H:%M%z",
            "--day-format", "", "--format", shape, "2026-01-01", "2028-12-31",
        )  # fmt: skip
    found = {}
    for line in filter(None, shown.splitlines()):
        uid, start, end, all_day = line.split()
        if all_day == "True":  # khal shows the last day, not the day after
            found[uid] = (date.fromisoformat(start), date.fromisoformat(end) + timedelta(days=1))
        else:
            found[uid] = tuple(
                datetime.strptime(t, "%Y-%m-%dT%H:%M%z").astimezone(UTC) for t in (start, end)
            )
    return found


PARSERS = [
    by_icalendar,
    by_ical,
    by_vobject,
    by_ics_py,
    by_recurring_ical_events,
    by_icalevents,
    by_khal,
]


@pytest.fixture(scope="module", params=list(ZONES))
def dst_vault(request, tmp_path_factory):
    from click.testing import CliRunner

    from interviewkit.cli import main

    def run(*args, env=None):
        environment = {"NO_COLOR": "1", "INTERVIEWKIT_VAULT": "", "TZ": "UTC", **(env or {})}
        return CliRunner().invoke(main, [str(a) for a in args], env=environment)

    root = build_vault(run, tmp_path_factory.mktemp("dst") / "vault", request.param)
    data = run("--vault", root, "feed", "--include", KINDS).stdout_bytes
    return root, data, expected(run, root)


@pytest.mark.parametrize("parser", PARSERS, ids=lambda p: p.__name__.removeprefix("by_"))
def test_every_parser_reads_interviewkits_own_instants(dst_vault, parser):
    _, data, wanted = dst_vault
    assert len(wanted) >= 14
    got = parser(data)
    assert got == wanted
    for start, end in got.values():
        assert end > start


def test_the_feed_is_valid_and_moves_ambiguous_times_to_utc(dst_vault):
    _, data, wanted = dst_vault
    events = validate(data)
    assert len(events) == len(wanted)
    unfolded = data.decode("utf-8").replace("\r\n ", "")
    assert "Z\r\n" in unfolded.split("BEGIN:VEVENT", 1)[1]  # some events needed UTC
    for event in events:
        assert event["TRANSP"] == ("OPAQUE" if "Interview" in event["SUMMARY"] else "TRANSPARENT")


def test_khal_stores_every_event(dst_vault, tmp_path):
    _, data, wanted = dst_vault
    khal_list(tmp_path, data, "2026-01-01", "2028-12-31")
    stored = list((tmp_path / "cal").glob("*.ics"))
    assert len(stored) == len(wanted)


def test_the_same_vault_gives_the_same_bytes_on_machines_in_other_zones(dst_vault, tmp_path):
    """Separate processes, each with its own TZ, as on a laptop and a CI runner."""
    import os
    import shutil

    root, data, _ = dst_vault
    script = Path(sys.executable).with_name("interviewkit")
    for machine in ("UTC", "Asia/Tokyo", "America/Los_Angeles"):
        copy = tmp_path / machine.replace("/", "-") / root.name  # the name is in links
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns("cache"))
        env = {**os.environ, "TZ": machine, "INTERVIEWKIT_VAULT": ""}
        built = subprocess.run(
            [str(script), "--vault", str(copy), "feed", "--include", KINDS],
            env=env,
            capture_output=True,
            check=True,
        )
        assert built.stdout == data, machine


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def radicale(tmp_path_factory):
    """A Radicale CalDAV server on a free loopback port, storing in a temporary folder."""
    storage = tmp_path_factory.mktemp("radicale")
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable, "-m", "radicale",
            "--server-hosts", f"127.0.0.1:{port}",
            "--storage-filesystem-folder", str(storage),
            "--auth-type", "none",
            "--rights-type", "owner_only",
            "--logging-level", "warning",
        ],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1)
            break
        except OSError:
            if server.poll() is not None:
                pytest.fail(server.stdout.read().decode())
            time.sleep(0.1)
    yield url
    server.terminate()
    server.wait(10)


def test_radicale_stores_every_event_under_its_uid_and_takes_the_whole_calendar(
    dst_vault, radicale
):
    import caldav
    from icalendar import Calendar

    _, data, wanted = dst_vault
    whole = Calendar.from_ical(data)
    zone = whole.walk("VTIMEZONE")[0]
    client = caldav.DAVClient(url=radicale, username="alex", password="any")
    principal = client.principal()
    name = f"one-by-one-{abs(hash(data)) % 10**8}"
    calendar = principal.make_calendar(name=name, cal_id=name)
    for event in whole.walk("VEVENT"):
        single = Calendar()
        for key in ("PRODID", "VERSION"):
            single.add(key, whole[key])
        single.add_component(zone)
        single.add_component(event)
        calendar.save_event(single.to_ical().decode("utf-8"))
    stored = calendar.events()
    names = {unquote(Path(urlparse(str(item.url)).path).name) for item in stored}
    uids = {str(item.icalendar_component["UID"]) for item in stored}
    assert uids == set(wanted)
    assert names == {f"{uid}.ics" for uid in wanted}  # each event under its own UID

    # the whole calendar in one PUT, then read back in one GET
    target = f"{radicale}alex/whole-{abs(hash(data)) % 10**8}/"
    put = urllib.request.Request(
        target, data=data, method="PUT", headers={"Content-Type": "text/calendar; charset=utf-8"}
    )
    put.add_header("Authorization", "Basic YWxleDphbnk=")  # alex:any
    with urllib.request.urlopen(put) as answer:
        assert answer.status in (200, 201)
    get = urllib.request.Request(target, headers={"Authorization": "Basic YWxleDphbnk="})
    with urllib.request.urlopen(get) as answer:
        back = answer.read()
    assert by_icalendar(back) == by_icalendar(data) == wanted


def test_times_in_the_gap_read_the_same_with_and_without_the_cache(dst_vault):
    from click.testing import CliRunner

    from interviewkit.cli import main

    root, data, _ = dst_vault
    env = {"TZ": "UTC", "INTERVIEWKIT_VAULT": ""}

    def outputs(*extra: str) -> list[bytes]:
        return [
            CliRunner().invoke(main, ["--vault", str(root), *args, *extra], env=env).stdout_bytes
            for args in (
                ["feed", "--include", KINDS],
                ["export", "--format", "json"],
                ["due", "--all", "--today", "2028-01-01", "--format", "json"],
                ["check"],
            )
        ]

    warm = outputs()  # the cache was written by the runs before
    fresh = outputs("--no-cache")
    assert warm == fresh and warm[0] == data
    assert b"umbrella.md:6: warning: start: " in warm[3] and b"does not exist on" in warm[3]
