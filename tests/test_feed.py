"""Issue 4: the .ics feed, validated by parsers the project did not write."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from .conftest import SAMPLE_VAULT, note
from .icscheck import validate
from .khal import khal_listing

ALL_KINDS = "follow-up,thank-you,decide,prepare,task,interviews"


def feed(run, root: Path, *args: str) -> bytes:
    result = run("--vault", root, "feed", *args)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def by_summary(events):
    return {e["SUMMARY"]: e for e in events}


def test_sample_vault_feed_is_valid_with_expected_events(run, sample):
    events = validate(feed(run, sample))
    summaries = by_summary(events)
    assert summaries["Follow up with Initrode (Data Analyst)"]["DTSTART;VALUE=DATE"] == "20261126"
    assert summaries["Follow up with Initrode (Data Analyst)"]["DTEND;VALUE=DATE"] == "20261127"
    thank_you = next(
        e for e in events if e["SUMMARY"].startswith("Send a thank-you letter to Dana")
    )
    assert thank_you["DTEND;TZID=Europe/Paris"] == "20261126T170000"
    companies = " ".join(summaries)
    assert "Vandelay" not in companies  # rejected, its thank-you sent
    # withdrawn by the thank-you's deadline day: that thank-you alone stays
    assert [s for s in summaries if "Soylent" in s] == [
        "Send a thank-you letter to the Soylent team\\, by 11:30"  # escaped as sent
    ]
    kinds = {e["UID"].split("@")[0].split(".")[1] for e in events}
    assert kinds == {"follow-up", "thank-you", "decide"}
    assert (
        summaries[
            "Decide on the offer from Wayne Enterprises (Robotics Engineer): record "
            "accepted or declined"
        ]["DTSTART;VALUE=DATE"]
        == "20261207"
    )
    # withdrawn on the interview day: the thank-you is still owed until its deadline
    assert "Send a thank-you letter to Miles Dyson (Cyberdyne Systems)\\, by 09:45" in summaries
    assert (
        "People: Sam Lee\\, Head of Analytics <sam.lee@initrode.example> and Priya Nair\\, "
        "Senior Analyst\\n"
    ) in summaries["Follow up with Initrode (Data Analyst)"]["DESCRIPTION"]


def test_three_people_with_titles_are_parted_by_semicolons(vault, write, run):
    """A comma parts a title from its name, so a list of people holding one parts
    them with semicolons: each title stays with its person."""
    people = '["Ann Lee, CTO", "Bo Chan", "Cy Diaz, VP"]'
    write("interviews/a.md", note("Acme", id="a", people=people))
    (event,) = validate(feed(run, vault, "--include", "follow-up"))
    assert "People: Ann Lee\\, CTO\\; Bo Chan and Cy Diaz\\, VP\\n" in event["DESCRIPTION"]
    write("interviews/a.md", note("Acme", id="a", people='["Ann Lee", "Bo Chan", "Cy Diaz"]'))
    (event,) = validate(feed(run, vault, "--include", "follow-up"))
    assert "People: Ann Lee\\, Bo Chan and Cy Diaz\\n" in event["DESCRIPTION"]


def test_every_kind_and_redaction(run, sample):
    events = validate(feed(run, sample, "--include", ALL_KINDS))
    assert any(e["SUMMARY"] == "Interview: Acme Robotics (onsite)" for e in events)
    interview = next(e for e in events if e["SUMMARY"] == "Interview: Acme Robotics (onsite)")
    assert "Ask whether you may follow up" in interview["DESCRIPTION"]
    assert (
        "obsidian://open?vault=sample-vault&file=interviews%2Facme-robotics"
        in interview["DESCRIPTION"]
    )
    raw = feed(run, sample, "--include", ALL_KINDS, "--redact")
    redacted = validate(raw)
    assert len(redacted) == len(events)
    unfolded = raw.replace(b"\r\n ", b"")
    for secret in (b"Dana", b"@", b"interviews/", b"VP of Engineering", b"counter-offer"):
        assert secret not in unfolded.replace(b"@interviewkit", b"")
    assert "Follow up: Initrode" in {e["SUMMARY"] for e in redacted}
    # redacted UIDs say nothing: a SHA-256 of the action id, the same for the same action
    plain = {e["UID"] for e in events}
    hidden = {e["UID"] for e in redacted}
    assert all(re.fullmatch(r"[0-9a-f]{64}@interviewkit", uid) for uid in hidden)
    assert len(hidden) == len(plain)
    assert b"initrode" not in unfolded.lower().split(b"uid:", 1)[1].split(b"\r\n", 1)[0]


def test_empty_vault_still_gives_a_valid_feed(vault, run):
    assert validate(feed(run, vault)) == []


def test_uids_survive_rename_and_bytes_survive_touch_and_copy(tmp_path, run, sample):
    root = tmp_path / "a" / "sample-vault"
    shutil.copytree(SAMPLE_VAULT, root)
    first = feed(run, root, "--include", ALL_KINDS)
    for path in root.rglob("*"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    assert feed(run, root, "--include", ALL_KINDS) == first
    clone = tmp_path / "b" / "sample-vault"
    shutil.copytree(root, clone)
    assert feed(run, clone, "--include", ALL_KINDS) == first
    (clone / "interviews" / "initrode" / "2026-11-12-onsite.md").rename(clone / "moved.md")
    moved = validate(feed(run, clone, "--include", ALL_KINDS))
    assert {e["UID"] for e in moved} == {e["UID"] for e in validate(first)}


def test_follow_up_bumps_sequence_and_stamp(vault, write, run):
    write("interviews/a.md", note(id="a", followed_up="[2026-11-25]"))
    event = validate(feed(run, vault))[-1]
    assert event["UID"] == "a.follow-up@interviewkit"
    assert (event["SEQUENCE"], event["DTSTAMP"]) == ("1", "20261125T000000Z")
    assert event["DTSTART;VALUE=DATE"] == "20261202"


def test_stamp_is_a_fixed_epoch_until_something_is_done_and_file_times_do_not_matter(
    vault, write, run
):
    path = write("interviews/a.md", note(id="a", start="2026-12-20T10:00"))
    first = feed(run, vault, "--include", ALL_KINDS)
    events = validate(first)
    assert events and {e["DTSTAMP"] for e in events} == {"19700101T000000Z"}
    assert {e["LAST-MODIFIED"] for e in events} == {"19700101T000000Z"}
    os.utime(path, (1, 1))  # touching every file changes nothing
    os.utime(vault / ".interviewkit" / "config.yaml", None)
    assert feed(run, vault, "--include", ALL_KINDS) == first


def test_alarm_only_when_configured(vault, write, run):
    write("interviews/a.md", note(id="a"))
    assert b"VALARM" not in feed(run, vault)
    config = vault / ".interviewkit" / "config.yaml"
    config.write_text(config.read_text() + "feed_alarm_minutes: 60\n")
    data = feed(run, vault)
    validate(data)
    assert b"BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:" in data
    assert b"TRIGGER:-PT1H" in data


def test_long_non_ascii_text_is_folded_by_octets_and_escaped(vault, write, run):
    write(
        "interviews/a.md",
        note(company="Société Générale d'Électricité; Zürich, Genève", id="a", next_steps="é" * 80),
    )
    events = validate(feed(run, vault))
    assert "Société Générale d'Électricité\\; Zürich\\, Genève" in events[0]["SUMMARY"]


def test_bad_include_is_a_usage_error(vault, run):
    result = run("--vault", vault, "feed", "--include", "follow-up,party")
    assert result.exit_code == 2
    assert "party" in result.stderr


def test_feed_output_from_config(vault, write, run):
    write("interviews/a.md", note(id="a"))
    config = vault / ".interviewkit" / "config.yaml"
    config.write_text(config.read_text() + "feed_output: public/feed.ics\n")
    result = run("--vault", vault, "feed")
    assert result.exit_code == 0 and result.stdout == ""
    validate((vault / "public" / "feed.ics").read_bytes())


def khal_list(tmp_path: Path, data: bytes, first: str, last: str) -> list[str]:
    """Import a feed into khal, a real terminal calendar, and list `{start} {title}` lines."""
    shown = khal_listing(
        tmp_path, data, "Europe/Paris", "%Y-%m-%d %H:%M", "--format", "{start} {title}", first, last
    )
    return shown.splitlines()


def test_hand_written_vault_feed_in_a_terminal_calendar(tmp_path, run, hand_vault):
    data = feed(run, hand_vault, "--include", ALL_KINDS)
    events = validate(data)
    assert not [e for e in events if "Vandelay" in e["SUMMARY"]]
    lines = khal_list(tmp_path, data, "2026-11-18", "2026-12-01")
    assert "2026-11-18 09:00 Interview: Initech (onsite)" in lines
    assert "2026-11-24 Follow up with Globex (Platform Engineer)" in lines
    assert "2026-11-27 Follow up with Initech (Analyst)" in lines
    assert "2026-11-29 Prepare for the final at Hooli" in lines
    assert "2026-11-19 10:30 Send a thank-you letter to Bill Lumbergh (Initech), by 11:00" in lines


def test_sample_vault_feed_in_a_terminal_calendar(tmp_path, run, sample):
    data = feed(run, sample)
    validate(data)
    lines = khal_list(tmp_path, data, "2026-11-20", "2026-12-10")
    assert "2026-11-24 Follow up with Globex (Platform Engineer)" in lines
    assert "2026-11-26 Follow up with Initrode (Data Analyst)" in lines
    assert "2026-11-27 Follow up again with Umbrella Corp (Backend Developer)" in lines
    thank_you = "Send a thank-you letter to Dana Whitfield, Ravi Shankar and Lena Ortiz (Acme Robotics), by 17:00"
    assert f"2026-11-26 16:30 {thank_you}" in lines
    assert not [line for line in lines if "Vandelay" in line]
    # withdrawn on the interview day, and the thank-you is still owed by its deadline
    assert (
        "2026-11-27 09:15 Send a thank-you letter to Miles Dyson (Cyberdyne Systems), by 09:45"
        in lines
    )
    assert (
        "2026-12-07 Decide on the offer from Wayne Enterprises (Robotics Engineer): record accepted or declined"
        in lines
    )


def test_publishing_example_runs_a_real_feed_command(tmp_path, run, sample):
    import yaml

    from .conftest import PROJECT

    workflow = yaml.safe_load((PROJECT / "examples" / "publish-feed.yml").read_text())
    script = next(
        s["run"]
        for s in workflow["jobs"]["publish"]["steps"]
        if "Build the feed" in s.get("name", "")
    )
    assert "touch site/.nojekyll" in script
    assert 'mkdir -p "site/$FEED_SECRET"' in script  # `-o` makes no folder: a typo would hide it
    (tmp_path / "site" / "secret").mkdir(parents=True)
    line = next(x for x in script.splitlines() if x.strip().startswith("interviewkit"))
    args = line.split()[1:]
    args = [
        tmp_path / "site" / "secret" / "interviews.ics" if "FEED_SECRET" in a else a for a in args
    ]
    args = [sample if a == "." else a for a in args]
    result = run(*args)
    assert result.exit_code == 0, result.output
    validate((tmp_path / "site" / "secret" / "interviews.ics").read_bytes())


def _build_step(workflow_text: str) -> str:
    import yaml

    workflow = yaml.safe_load(workflow_text)
    steps = workflow["jobs"]["publish"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # the whole history, not a shallow clone
    return next(s["run"] for s in steps if "Build the feed" in s.get("name", ""))


def test_publishing_example_stops_without_a_timezone(tmp_path, sample):
    """The workflow's own build script, run by bash: on a vault without `timezone`
    it stops and says what to add; with it, it writes the feed."""
    from .conftest import PROJECT

    script = _build_step((PROJECT / "examples" / "publish-feed.yml").read_text())
    repo = tmp_path / "notes"
    shutil.copytree(sample, repo)
    config = repo / ".interviewkit" / "config.yaml"
    with_zone = config.read_text()
    config.write_text(
        "".join(line for line in with_zone.splitlines(True) if "timezone" not in line)
    )
    env = {
        **os.environ,
        "FEED_SECRET": "s3cret",
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
    }
    refused = subprocess.run(
        ["bash", "-e", "-c", script], cwd=repo, env=env, capture_output=True, text=True
    )
    assert refused.returncode == 1
    assert "add 'timezone: Europe/Paris' (your own zone)" in refused.stdout
    assert not (repo / "site" / "s3cret" / "interviews.ics").exists()
    config.write_text(with_zone)
    built = subprocess.run(
        ["bash", "-e", "-c", script], cwd=repo, env=env, capture_output=True, text=True
    )
    assert built.returncode == 0, built.stderr
    validate((repo / "site" / "s3cret" / "interviews.ics").read_bytes())


def test_feed_and_serve_refuse_without_a_timezone(tmp_path, run, sample):
    vault = tmp_path / "v"
    shutil.copytree(sample, vault)
    config = vault / ".interviewkit" / "config.yaml"
    config.write_text(config.read_text().replace("timezone: Europe/Paris", "# timezone:"))
    for command in (["feed"], ["serve", "--port", "0"]):
        result = run("--vault", str(vault), *command, env={"TZ": "Asia/Tokyo"})
        assert result.exit_code == 3, result.output
        assert f"{command[0]} needs the `timezone` setting" in result.output
        assert "add `timezone: Asia/Tokyo`" in result.output
    assert run("--vault", str(vault), "due", env={"TZ": "Asia/Tokyo"}).exit_code == 0


def test_all_day_alarms_go_off_on_the_day_at_the_set_time(vault, write, run):
    write("interviews/a.md", note(id="a"))
    config = vault / ".interviewkit" / "config.yaml"
    config.write_text(config.read_text() + "feed_alarm_minutes: 15\nfeed_alarm_time: '08:30'\n")
    data = feed(run, vault, "--include", "follow-up,thank-you")
    validate(data)
    from icalendar import Calendar

    for event in Calendar.from_ical(data).walk("VEVENT"):
        trigger = event.walk("VALARM")[0].decoded("trigger")
        if not isinstance(event.decoded("dtstart"), datetime):
            assert trigger == timedelta(hours=8, minutes=30)  # on the day, not the eve
        else:
            assert trigger == timedelta(minutes=-15)
    assert b"TRIGGER:PT8H30M" in data and b"TRIGGER:-PT15M" in data


def test_control_characters_never_reach_the_feed_and_names_are_text(vault, write, run):
    write(
        "interviews/a.md",
        note(id="a", next_steps='"Call back\\vsoon\\u0007, then write"', role='"Dev\\u001bOps"'),
    )
    config = vault / ".interviewkit" / "config.yaml"
    config.write_text(config.read_text() + "feed_name: 'Jobs, 2026; second try'\n")
    data = feed(run, vault, "--include", "follow-up,thank-you,interviews")
    validate(data)  # the strict `ical` parser refused the whole calendar over one \v
    assert not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", data.replace(b"\r\n", b""))
    import vobject

    calendar = vobject.readOne(data.decode("utf-8"))
    assert calendar.contents["x-wr-calname"][0].value == "Jobs, 2026; second try"
    assert calendar.contents["name"][0].value == "Jobs, 2026; second try"
    assert b"NAME:Jobs\\, 2026\\; second try\r\n" in data
    descriptions = [e.description.value for e in calendar.vevent_list if hasattr(e, "description")]
    # \v breaks the line for some readers: read as a space (with a warning, see
    # test_bad_input); the bell is dropped from the feed
    assert any("Call back soon, then write" in d for d in descriptions)


def test_an_interview_event_carries_the_notes_own_before_you_leave_list(vault, write, run):
    write(
        "interviews/a.md",
        note(id="a", start="2026-12-20T10:00")
        + "## Before you leave\n- [ ] Ask about the on-call rota\n",
    )
    write("interviews/b.md", note(id="b", company="Beta", start="2026-12-21T10:00"))
    events = {e["UID"]: e for e in validate(feed(run, vault, "--include", "interviews"))}
    own = events["a.interview@interviewkit"]["DESCRIPTION"]
    assert "Ask about the on-call rota" in own
    assert "Ask about the on-call rota" not in events["b.interview@interviewkit"]["DESCRIPTION"]


def test_a_copied_note_keeping_its_id_still_gives_unique_uids(vault, write, run):
    """Copying last round's note is how many start the next one; until the copy's id is
    changed (check names the duplicate), the feed must stay valid and carry both
    notes' events: the note first in path order keeps its UIDs, the other's carry a
    digest of its path."""
    import hashlib

    write("interviews/b.md", note("Beta", id="same"))  # copied, company changed, id not
    write("interviews/a.md", note("Acme", id="same"))
    digest = hashlib.sha256(b"interviews/b.md").hexdigest()[:10]
    uids = {e["UID"] for e in validate(feed(run, vault, "--include", "thank-you"))}
    assert uids == {"same.thank-you@interviewkit", f"same.thank-you-{digest}@interviewkit"}
    every = "follow-up,thank-you,interviews"
    for extra in ([], ["--redact"]):  # validate asserts that the UIDs are unique
        both = validate(feed(run, vault, "--include", every, *extra))
        copy = (vault / "interviews" / "b.md").read_bytes()
        (vault / "interviews" / "b.md").unlink()
        alone = validate(feed(run, vault, "--include", every, *extra))
        (vault / "interviews" / "b.md").write_bytes(copy)
        assert len(both) == 2 * len(alone) > 0


def test_the_original_keeps_its_uids_when_a_copy_sorts_before_it(vault, write, run):
    """ "x copy.md" sorts before "x.md": the note not named like a copy keeps its UIDs,
    so a calendar sees the copy's events as new, not the original's as replaced."""
    import hashlib

    write("interviews/x.md", note("Acme", id="same"))
    write("interviews/x copy.md", note("Beta", id="same"))
    digest = hashlib.sha256(b"interviews/x copy.md").hexdigest()[:10]
    events = validate(feed(run, vault, "--include", "thank-you"))
    uids = {e["SUMMARY"].split(" team")[0]: e["UID"] for e in events}
    assert uids == {
        "Send a thank-you letter to the Acme": "same.thank-you@interviewkit",
        "Send a thank-you letter to the Beta": f"same.thank-you-{digest}@interviewkit",
    }


def test_a_follow_up_a_like_named_company_may_end_says_so_in_its_event(run, vault, write):
    """`due` warns on the follow-up of `Acme` when `Acme GmbH` has a later round; the
    calendar event of that follow-up carries the same warning, and no other does."""
    write("interviews/a.md", note("Acme", "2026-11-10T10:00", id="a", thank_you_sent="2026-11-10"))
    write(
        "interviews/b.md",
        note("Acme GmbH", "2026-11-20T10:00", id="b", thank_you_sent="2026-11-20"),
    )
    events = validate(feed(run, vault))
    described = {e["UID"]: e.get("DESCRIPTION", "") for e in events}
    assert described["a.follow-up@interviewkit"].startswith(
        "Warning: interviews/b.md holds a later round (2026-11-20) at a company of a like "
        "name: if it is the same application\\, write the company the same way in both "
        "notes\\, and this reminder ends\\n\\n"
    )
    assert "Warning" not in described["b.follow-up@interviewkit"]
    redacted = validate(feed(run, vault, "--redact"))
    assert all("DESCRIPTION" not in e for e in redacted)


def test_the_events_of_a_company_with_a_note_that_cannot_be_read_say_so(run, vault, write):
    """As in `due`, every action of a company one of whose notes cannot be read (its
    `company:` line names it) warns that a later round there may change it; other
    companies' events do not, and a redacted feed, which has no descriptions, none."""
    write("interviews/a.md", note("Acme", "2026-11-10T10:00", id="a"))
    write("interviews/b.md", "---\ntype: interview\ncompany: Acme\nrole: Engineer: Backend\n---\n")
    write("interviews/c.md", note("Beta", "2026-11-10T10:00", id="c"))
    result = run("--vault", vault, "feed")
    assert "interviews/b.md:4: invalid YAML" in result.stderr
    events = validate(result.stdout_bytes)
    described = {e["UID"]: e.get("DESCRIPTION", "") for e in events}
    warning = "Warning: interviews/b.md cannot be read\\; a later round there may change this\\n"
    acme = [uid for uid in described if uid.startswith("a.")]
    assert len(acme) > 1 and all(described[uid].startswith(warning) for uid in acme)
    assert [uid for uid in described if warning in described[uid]] == acme
    rows = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)["actions"]
    warned = {r["id"] for r in rows if "cannot be read" in (r["warning"] or "")}
    assert {i for i in warned if i.endswith((":follow-up", ":thank-you"))} == {
        uid.split("@")[0].replace(".", ":", 1) for uid in acme
    }
    assert all("DESCRIPTION" not in e for e in validate(feed(run, vault, "--redact")))
