"""Dates as typed: the grammar's table, row by row, and notes that use it."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from interviewkit.notes.typed_dates import DateNotRead, read_typed
from interviewkit.notes.values import time_slot

from .conftest import note

READ = [
    ("2026-12-9", "2026-12-09"),
    ("2026/12/09", "2026-12-09"),
    ("2026.12.09", "2026-12-09"),
    ("9.12.2026", "2026-12-09"),
    ("09.12.2026", "2026-12-09"),
    ("9 Dec 2026", "2026-12-09"),
    ("Dec 9, 2026", "2026-12-09"),
    ("December 9th 2026", "2026-12-09"),
    ("9th December 2026", "2026-12-09"),
    ("1st Dec 2026", "2026-12-01"),
    ("Wed, Dec 9, 2026", "2026-12-09"),
    ("9. Dezember 2026", "2026-12-09"),
    ("20261209", "2026-12-09"),
    ("20261209 14:30", "2026-12-09T14:30"),
    ("9. Dez. 2026", "2026-12-09"),
    ("Mittwoch, 9. Dezember 2026", "2026-12-09"),
    ("9. Mrz 2026", "2026-03-09"),
    ("9. März 2026", "2026-03-09"),
    ("9 Dec 2026 2:30pm", "2026-12-09T14:30"),
    ("9.12.2026 14:30 Uhr", "2026-12-09T14:30"),
    ("9.12.2026 14.30 Uhr", "2026-12-09T14:30"),
    ("Dec 9, 2026 12:05am", "2026-12-09T00:05"),
    ("9.12.2026 14h30", "2026-12-09T14:30"),
    ("2026-12-09 9h", "2026-12-09T09:00"),
    ("2026-12-09 à 14H00", "2026-12-09T14:00"),
    ("Dec 9, 2026 at 11", "2026-12-09T11:00"),  # `at` and `um` say a bare hour is one
    ("9.12.2026 um 14", "2026-12-09T14:00"),
    ("2026-12-09 14.30", "2026-12-09T14:30"),  # a dot after a date: no day and month there
    ("9.12.2026 9.05", "2026-12-09T09:05"),
    ("2026-12-09 14:30h", "2026-12-09T14:30"),
    ("2026-12-09 noon", "2026-12-09T12:00"),
    ("2026-12-09 14:00 UTC", "2026-12-09T14:00+00:00"),  # one offset all year
    (
        "Dec 9, 2026 2pm GMT",
        "2026-12-09T14:00+00:00",
    ),  # noon is a time; midnight is left out (below)
    ("Dec 9, 2026 at noon", "2026-12-09T12:00"),
    ("Dec 9, 2026, 12 noon", "2026-12-09T12:00"),
    ("9.12.2026 12 Uhr mittags", "2026-12-09T12:00"),
    ("Mittwoch, 9. Dezember 2026 mittags", "2026-12-09T12:00"),
]
REFUSED = [
    ("12/9/2026", "`date_order: dmy` or `date_order: mdy`"),
    ("9/12/2026", "`date_order: dmy` or `date_order: mdy`"),
    # one order only makes a month: the message names it and the day it gives
    ("25/11/2026", "only with `date_order: dmy` .* no month 25.* like 2026-11-25$"),
    ("11/25/2026 14:00", "only with `date_order: mdy` .* no month 25.* like 2026-11-25$"),
    ("13/14/2026", "no month in either order"),
    ("31/11/2026", "not a day of the calendar: November 2026 has 30 days"),
    ("Dec 11", "add the year"),
    ("11.12.", "add the year"),
    ("9.12.26", "write the year in full"),
    ("next Friday", "relative date"),
    ("tomorrow", "relative date"),
    ("morgen", "relative date"),
    ("Friday", "relative date"),
    ("Fr.", "relative date"),
    ("20261331", "not a day of the calendar"),
    ("31.2.2026", "not a day of the calendar: February 2026 has 28 days"),
    ("30.2.2028 10:00", "not a day of the calendar: February 2028 has 29 days"),
    ("9 Decembre 2026", "not a month name"),
    ("9 Dec 2026 13:30pm", "write the time like 14:30"),
    ("9.12.2026 25h00", "time that does not exist"),
    ("2026-12-09 12.60", "time that does not exist"),
    # CET and PST change with the seasons: the name of a place that keeps them is shown
    (
        "2026-12-09 14:00 CET",
        "abbreviation .CET.* like 2026-12-09 14:00 Europe/Berlin, or the offset",
    ),
    ("Dec 9, 2026 2:30pm PST", "abbreviation .PST.* like 2026-12-09 14:30 America/Los_Angeles"),
    ("2026-12-09 14:00 IST", "abbreviation .IST.* like 2026-12-09T14:00.01:00"),  # which IST?
]


@pytest.mark.parametrize(("typed", "iso"), READ)
def test_each_readable_form(typed, iso):
    assert read_typed(typed).iso == iso


@pytest.mark.parametrize(("typed", "why"), REFUSED)
def test_each_refused_form_says_why(typed, why):
    with pytest.raises(DateNotRead, match=why.replace("`", ".").replace("(", ".")):
        read_typed(typed)


@pytest.mark.parametrize(("order", "iso"), [("dmy", "2026-09-12"), ("mdy", "2026-12-09")])
def test_slashes_follow_the_date_order_setting(order, iso):
    assert read_typed("12/9/2026", order).iso == iso


def test_slashes_against_the_date_order_setting_name_the_month():
    with pytest.raises(DateNotRead, match=r"no month 25 in the order `date_order: mdy` sets"):
        read_typed("25/11/2026", "mdy")


@pytest.mark.parametrize(
    ("typed", "zone", "iso"),
    [
        ("Dec 9, 2026 2:30pm PST", "America/Los_Angeles", "2026-12-09T14:30"),
        ("2026-07-09 14:30 PST", "America/Vancouver", "2026-07-09T14:30"),  # PT all year
        ("2026-07-09 14:30 PDT", "America/Los_Angeles", "2026-07-09T14:30"),
        ("9.12.2026 14:00 MEZ", "Europe/Paris", "2026-12-09T14:00"),  # CET, in German
        ("2026-12-09 14:00 CST", "Asia/Shanghai", "2026-12-09T14:00"),  # China's, there
        ("2026-12-09 14:00 CST", "America/Chicago", "2026-12-09T14:00"),
        ("2026-12-09 14:00 CET", "America/Los_Angeles", None),  # another zone's: refused
        ("2026-12-09 14:00 IST", "Europe/Berlin", None),
    ],
)
def test_an_abbreviation_is_read_where_it_names_the_vault_s_own_zone(typed, zone, iso):
    """Written in a vault whose zone has that abbreviation then (or its season's twin),
    the time is the vault's wall time; any other abbreviation stays refused."""
    from zoneinfo import ZoneInfo

    from interviewkit.notes.values import parse_when

    if iso is None:
        with pytest.raises(ValueError):
            parse_when(typed, ZoneInfo(zone))
        return
    moment, timed, said = parse_when(typed, ZoneInfo(zone))
    assert timed and moment.astimezone(ZoneInfo(zone)).isoformat(timespec="minutes")[:16] == iso
    assert f"is read as {iso} in the vault's time zone, which {typed.split()[-1]} stands for" in (
        said
    )


def test_check_fix_writes_a_time_in_the_vault_s_own_abbreviation_as_iso(vault, write, run):
    """In a Los Angeles vault, `2pm PST` is read and `check --fix` writes the ISO time
    without the zone, keeping the comment; `14:00 CET` there stays an error, unwritten."""
    (vault / ".interviewkit" / "config.yaml").write_text("timezone: America/Los_Angeles\n")
    path = write(
        "interviews/a.md",
        note("Acme", "Dec 3, 2026 2pm PST  # from the mail", id="a", end="2026-12-03 3pm PDT"),
    )
    due = json.loads(
        run("--vault", vault, "due", "--all", "--today", "2026-12-04", "--format", "json").stdout
    )
    assert due["problems"] == []
    (thank_you,) = [a for a in due["actions"] if a["kind"] == "thank-you"]
    assert thank_you["due"] == "2026-12-04T15:00:00-08:00"  # 24 hours after 3pm Pacific
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.exit_code == 0, fixed.output
    text = path.read_text()
    assert "\nstart: 2026-12-03T14:00  # from the mail\nid: a\nend: 2026-12-03T15:00\n" in text
    write("interviews/a.md", note("Acme", "2026-12-03 14:00 CET", id="a"))
    refused = run("--vault", vault, "check", "--fix")
    assert refused.exit_code == 1
    assert "names its time zone by an abbreviation (CET), which is not read" in refused.stdout


@pytest.mark.parametrize(
    ("end", "zone", "fixed"),
    [
        ("3pm PST", "America/Los_Angeles", "2026-12-03T15:00"),
        ("15:30 MEZ", "Europe/Berlin", "2026-12-03T15:30"),
        ("3pm PDT", "America/Los_Angeles", "2026-12-03T15:00"),  # its season's twin
        ("3pm EST", "America/Los_Angeles", None),  # another zone's: refused, unwritten
    ],
)
def test_an_end_written_as_a_time_in_the_vault_s_own_abbreviation(
    vault, write, run, end, zone, fixed
):
    """`end: 3pm PST` beside `start: Dec 3, 2026 2pm PST`, as an invitation's mail
    words it: read on the start's day in the vault's zone, and written so by `check
    --fix`."""
    (vault / ".interviewkit" / "config.yaml").write_text(f"timezone: {zone}\n")
    path = write("interviews/a.md", note("Acme", "2026-12-03T14:00", id="a", end=end))
    checked = run("--vault", vault, "check")
    if fixed is None:
        assert checked.exit_code == 1
        assert f"a.md:6: end: '{end}' is not a date" in checked.stdout
        run("--vault", vault, "check", "--fix")
        assert f"\nend: {end}\n" in path.read_text()
        return
    assert checked.exit_code == 0, checked.stdout
    assert (
        f"a.md:6: warning: end: '{end}' is a time alone, in the vault's time zone, which "
        f"{end.split()[-1]} stands for: read as {fixed}, on the day of start"
    ) in checked.stdout
    due = run("--vault", vault, "due", "--all", "--today", "2026-12-04", "--format", "json")
    (thank_you,) = [a for a in json.loads(due.stdout)["actions"] if a["kind"] == "thank-you"]
    assert thank_you["due"].startswith(f"2026-12-04T{fixed[11:]}")  # 24 hours after the end
    run("--vault", vault, "check", "--fix")
    assert f"\nend: {fixed}\n" in path.read_text()


def test_anything_else_is_not_the_grammars(tmp_path):
    for text in ("someday", "2026", "9 12 2026"):
        with pytest.raises(ValueError) as caught:
            read_typed(text)
        assert not isinstance(caught.value, DateNotRead)


def _actions(run, vault):
    due = run("--vault", vault, "due", "--all", "--today", "2026-12-01", "--format", "json")
    return [(a["kind"], a["due"]) for a in json.loads(due.stdout)["actions"]]


def test_readable_dates_give_the_same_actions_as_iso_and_each_warns(vault, write, run):
    iso = note(
        "Fabrikam", "2026-11-25T14:30", id="f", follow_up_on="2026-12-09", decision_by="2026-12-04"
    )
    typed = note(
        "Fabrikam",
        '"Mittwoch, 25. November 2026 14:30 Uhr"',
        id="f",
        follow_up_on="9.12.2026",
        decision_by='"Dec 4, 2026"',
    )
    write("interviews/f.md", iso)
    expected = _actions(run, vault)
    write("interviews/f.md", typed)
    assert _actions(run, vault) == expected
    checked = run("--vault", vault, "check").stdout
    assert (
        "f.md:4: warning: start: 'Mittwoch, 25. November 2026 14:30 Uhr' is read as 2026-11-25T14:30; Obsidian, Dataview and Bases need `2026-11-25T14:30`"
        in checked
    )
    assert "f.md:6: warning: follow_up_on: '9.12.2026' is read as 2026-12-09" in checked
    assert "f.md:7: warning: decision_by: 'Dec 4, 2026' is read as 2026-12-04" in checked


def test_a_day_in_iso_basic_form(vault, write, run):
    """`20261209`, which YAML 1.1 would read as a number; the contract reads it as text."""
    head = "---\ntype: interview\ncompany: Fabrikam\nstart: 2026-11-25T14:30\n"
    f = write("interviews/f.md", f"{head}id: f\nfollow_up_on: 20261209\n---\n")
    g = write("interviews/g.md", f"{head}id: g\nfollowed_up:\n  - 20261126\n---\n")
    assert ("follow-up", "2026-12-09") in _actions(run, vault)
    checked = run("--vault", vault, "check").stdout
    assert "follow_up_on: '20261209' is read as 2026-12-09;" in checked
    assert "followed_up: '20261126' is read as 2026-11-26;" in checked
    fixed = run("--vault", vault, "check", "--fix")
    assert "f.md:6: follow_up_on: '20261209' -> 2026-12-09" in fixed.stderr
    assert "g.md:6: followed_up: '20261126' -> 2026-11-26" in fixed.stderr
    assert "follow_up_on: 2026-12-09\n" in f.read_text()
    assert "  - 2026-11-26\n" in g.read_text()


def test_slashes_with_the_setting(vault, write, run):
    write("interviews/f.md", note("Fabrikam", id="f", follow_up_on="12/9/2026"))
    assert "date_order" in run("--vault", vault, "check").stdout
    config = vault / ".interviewkit" / "config.yaml"
    config.write_text(config.read_text() + "date_order: mdy\n")
    assert ("follow-up", "2026-12-09") in _actions(run, vault)


def test_check_fix_rewrites_typed_dates_to_iso_and_nothing_else(vault, write, run):
    path = write(
        "interviews/f.md",
        "---\ntype: interview\nid: f\ncompany: Fabrikam\n"
        'start: "Wed, Dec 9, 2026 2:30pm"   # from the mail\r\n'
        "follow_up_on: 9.12.2026\ndecision_by: Dec 11\n"
        "followed_up:\n  - 14.12.2026\n  - 2026-12-15\n  - '16.12.2026'\n"
        '  - "Dec 17, 2026"\n---\n# Notes\n',
    )
    before = path.read_bytes().decode().splitlines(keepends=True)
    fixed = run("--vault", vault, "check", "--fix")
    assert "f.md:6: follow_up_on: '9.12.2026' -> 2026-12-09" in fixed.stderr
    after = path.read_bytes().decode().splitlines(keepends=True)
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [
        (
            'start: "Wed, Dec 9, 2026 2:30pm"   # from the mail\r\n',
            "start: 2026-12-09T14:30   # from the mail\r\n",
        ),
        ("follow_up_on: 9.12.2026\n", "follow_up_on: 2026-12-09\n"),
        ("  - 14.12.2026\n", "  - 2026-12-14\n"),
        ("  - '16.12.2026'\n", "  - 2026-12-16\n"),  # quoted items, unquoted once ISO
        ('  - "Dec 17, 2026"\n', "  - 2026-12-17\n"),
    ]
    # what the grammar refuses stays for you to fix, and is still reported
    assert "decision_by: 'Dec 11' has no year" in fixed.stdout and fixed.exit_code == 1


WITH_WORDS = [
    ("2026-12-04 (they said)", "2026-12-04", "(they said)"),
    ("4 Dec 2026, if no news", "2026-12-04", "if no news"),
    ("2026-12-04 - if no news", "2026-12-04", "if no news"),
    ("Fri 2026-12-04 (they said)", "2026-12-04", "(they said)"),
    ("2026-12-04 10:00 (video call)", "2026-12-04T10:00", "(video call)"),
    ("9.12.2026 14:30 Uhr (per Telefon)", "2026-12-09T14:30", "(per Telefon)"),
]


@pytest.mark.parametrize(("typed", "iso", "words"), WITH_WORDS)
def test_words_after_a_date_are_left_out_and_named(typed, iso, words):
    read = read_typed(typed)
    assert (read.iso, read.words) == (iso, words)
    assert f"leaving out {words!r}; write `{iso} # {words}`" in read.warning


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("2026-12-04 or 2026-12-11", ValueError),  # two dates: which one is not guessed
        ("2026-12-04 (in 2 weeks)", ValueError),  # words with a number may change the day
        ("9 Dec (they said)", DateNotRead),  # the date before the words has no year
        ("2026-12-04 14:00 CET (from the mail)", DateNotRead),
        ("(they said) 2026-12-04", ValueError),  # words first: no date starts it
    ],
)
def test_words_after_a_date_do_not_make_a_guess_readable(typed, error):
    with pytest.raises(error) as caught:
        read_typed(typed)
    assert isinstance(caught.value, DateNotRead) == (error is DateNotRead)


def test_a_date_with_words_after_it_keeps_its_reminder_and_fix_keeps_the_words(vault, write, run):
    write("interviews/f.md", note("Fabrikam", id="f", follow_up_on="2026-12-09"))
    write("interviews/g.md", note("Globex", id="g", followed_up="[2026-11-26]"))
    expected = _actions(run, vault)
    assert ("follow-up", "2026-12-09") in expected and ("follow-up", "2026-12-03") in expected
    path = write(
        "interviews/f.md",
        note("Fabrikam", id="f", follow_up_on="2026-12-09 (Anna said)  # by phone"),
    )
    other = write("interviews/g.md", note("Globex", id="g", followed_up="[26 Nov 2026 (e-mail)]"))
    assert _actions(run, vault) == expected
    checked = run("--vault", vault, "check")
    assert (
        "f.md:6: warning: follow_up_on: '2026-12-09 (Anna said)' is read as 2026-12-09, leaving "
        "out '(Anna said)'; write `2026-12-09 # (Anna said)`" in checked.stdout
    )
    assert (
        "g.md:6: warning: followed_up: '26 Nov 2026 (e-mail)' is read as 2026-11-26, leaving "
        "out '(e-mail)'; write `2026-11-26` alone" in checked.stdout
    )
    before, untouched = path.read_text().splitlines(), other.read_bytes()
    fixed = run("--vault", vault, "check", "--fix")
    after = path.read_text().splitlines()
    assert [(a, b) for a, b in zip(before, after, strict=True) if a != b] == [
        (
            "follow_up_on: 2026-12-09 (Anna said)  # by phone",
            "follow_up_on: 2026-12-09 # (Anna said)  # by phone",
        )
    ]
    assert other.read_bytes() == untouched  # a list item has no room for a comment: yours
    assert "follow_up_on: '2026-12-09 (Anna said)' -> 2026-12-09 # (Anna said)" in fixed.stderr
    assert _actions(run, vault) == expected


@pytest.mark.parametrize(
    ("at", "said"),
    [
        ("2026-12-09 14:00 (video)", "give the date and time alone (like 2026-11-27 14:00), without '(video)'"),
        ("2026-11-30 14:00+15:00", "--at '2026-11-30 14:00+15:00' has a UTC offset no place uses (+15:00)"),
        ("Tue 9 Dec 2026 14:00", "--at 'Tue 9 Dec 2026 14:00': 2026-12-09 is a Wednesday, not Tue; give the date you mean"),
    ],
)  # fmt: skip
def test_new_at_refuses_words_after_the_date_and_offsets_no_place_uses(vault, run, at, said):
    result = run("--vault", vault, "new", "Fabrikam", "--at", at)
    assert result.exit_code == 2 and said in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("at", "start"),
    [
        ("2026-12-09", "2026-12-09T09:00"),
        ("9.12.2026 14:30", "2026-12-09T14:30"),
        ("Dec 9, 2026 2:30pm", "2026-12-09T14:30"),
        ("Mittwoch, 9. Dezember 2026 14.30 Uhr", "2026-12-09T14:30"),
    ],
)
def test_new_at_takes_the_same_forms_and_a_date_alone(vault, run, at, start):
    result = run("--vault", vault, "new", "Fabrikam", "--at", at)
    assert result.exit_code == 0, result.output
    assert f"\nstart: {start}\n" in (vault / result.stdout.strip()).read_text()


def test_new_at_refuses_what_it_would_have_to_guess(vault, run):
    for at, why in (
        ("Dec 9", "add the year"),
        ("9.12.26", "year in full"),
        ("12/9/2026", "date_order"),
    ):
        result = run("--vault", vault, "new", "Fabrikam", "--at", at)
        assert result.exit_code == 2 and why in result.stderr


def test_a_date_without_its_year_shows_itself_with_one_to_add():
    for written, shown in (
        ("Nov 24", "add the year: YYYY-11-24"),
        ("24. November", "add the year: YYYY-11-24"),
        ("24.11.", "add the year: YYYY-11-24"),
        ("Feb 29th", "add the year: YYYY-02-29"),
        ("Nov 31", "add the year, like 2026-12-09"),  # no such day: only an example
    ):
        with pytest.raises(DateNotRead, match=f"^has no year; {re.escape(shown)}$"):
            read_typed(written, "mdy")


def test_the_grammar_stays_fast_on_hostile_text():
    """Whatever a note holds, reading it takes no more than its length: a long value
    is no date, and is refused before any pattern runs."""
    for hostile in ("T," * 50_000 + "x", " 1" * 40_000, "9." * 30_000):
        with pytest.raises(ValueError):
            read_typed(hostile)


# Written out here, not taken from the grammar's own table, so a word dropped there fails.
WEEKDAY_WORDS = (
    "Mon", "Monday", "Tue", "Tues", "Tuesday", "Wed", "Wednesday", "Thu", "Thur", "Thurs",
    "Thursday", "Fri", "Friday", "Sat", "Saturday", "Sun", "Sunday",
    "Mo", "Montag", "Di", "Dienstag", "Mi", "Mittwoch", "Do", "Donnerstag", "Fr", "Freitag",
    "Sa", "Samstag", "Sonnabend", "So", "Sonntag",
)  # fmt: skip


@pytest.mark.parametrize("word", WEEKDAY_WORDS)
def test_a_weekday_before_the_date_is_read_past_in_either_language(word):
    assert read_typed(f"{word}, 11 Dec 2026", "").iso == "2026-12-11"
    assert read_typed(f"{word}. 11.12.2026", "").iso == "2026-12-11"


@pytest.mark.parametrize(
    ("at", "start", "warned"),
    [
        # the autumn's repeated hour: the first is taken, said, and written with its offset
        (
            "2026-10-25 02:30",
            "2026-10-25T02:30+02:00",
            "warning: --at: 02:30 on 2026-10-25 happens twice in Europe/Berlin (+02:00, then "
            "+01:00); the first is taken (for the second, pass --at '2026-10-25 02:30+01:00')",
        ),
        ("2026-10-25 02:30+01:00", "2026-10-25T02:30+01:00", ""),  # the second, as told
        ("2026-12-09T13:00Z", "2026-12-09T14:00", ""),  # UTC, read in the vault's zone
        ("2026-12-09 14:00-05:00", "2026-12-09T20:00", ""),
    ],
)
def test_new_at_in_a_repeated_hour_or_with_an_offset(vault, run, at, start, warned):
    (vault / ".interviewkit" / "config.yaml").write_text("timezone: Europe/Berlin\n")
    made = run("--vault", vault, "new", "Acme", "--round", "onsite", "--at", at)
    assert made.exit_code == 0, made.output
    assert f"\nstart: {start}\n" in (vault / made.stdout.strip()).read_text()
    assert (warned in made.stderr) if warned else ("--at" not in made.stderr)


def test_new_at_in_the_spring_gap_is_refused_naming_it(vault, run):
    (vault / ".interviewkit" / "config.yaml").write_text("timezone: Europe/Berlin\n")
    refused = run("--vault", vault, "new", "Acme", "--at", "2026-03-29 02:30")
    assert refused.exit_code == 2
    assert (
        "--at '2026-03-29 02:30': 02:30 does not exist on 2026-03-29 in Europe/Berlin; "
        "clocks go from 02:00 to 03:00"
    ) in refused.stderr
    assert not (vault / "interviews").exists() or not list((vault / "interviews").rglob("*.md"))


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("2026-11-31", "is not a day of the calendar: November 2026 has 30 days"),
        ("2026-02-29", "is not a day of the calendar: February 2026 has 28 days"),
        ("2026-13-01", "is not a day of the calendar; write"),
        ("1800-01-01", "is a date out of range"),
    ],
)
def test_an_iso_date_that_is_no_day_says_why_in_check(vault, write, run, written, why):
    write("interviews/a.md", note(id="a", follow_up_on=written))
    checked = run("--vault", vault, "check")
    assert f"a.md:6: follow_up_on: '{written}' {why}" in checked.stdout


def test_a_link_to_a_daily_note_is_read_as_its_day_and_said_so(vault, write, run):
    write("interviews/f.md", note("Fabrikam", id="f", follow_up_on="2026-12-09"))
    write("interviews/g.md", note("Globex", id="g", thank_you_sent="2026-11-20"))
    write("interviews/h.md", note("Hooli", id="h", followed_up="[2026-11-23, 2026-11-24]"))
    expected = _actions(run, vault)
    write("interviews/f.md", note("Fabrikam", id="f", follow_up_on='"[[Daily/2026-12-09|Wed]]"'))
    write("interviews/g.md", note("Globex", id="g", thank_you_sent="[[2026-11-20]]"))
    h = write(
        "interviews/h.md", note("Hooli", id="h", followed_up='["[[2026-11-23]]", [[2026-11-24]]]')
    )
    assert _actions(run, vault) == expected
    checked = run("--vault", vault, "check")
    assert (
        "f.md:6: warning: follow_up_on: '[[Daily/2026-12-09|Wed]]' links to a daily note: read "
        "as 2026-12-09, but Obsidian's Bases and Dataview see a link there, not a date (write "
        "2026-12-09 for them)" in checked.stdout
    )
    assert (  # without quotes YAML reads a list: an error, as for any other link
        "g.md:6: thank_you_sent: a link needs quotes, or YAML reads a list: thank_you_sent: "
        '"[[2026-11-20]]" (`check --fix` adds them), or write 2026-11-20' in checked.stdout
    )
    assert "h.md:6: warning: followed_up: '[[2026-11-23]]' links to a daily note" in checked.stdout
    assert checked.exit_code == 1
    fixed = run("--vault", vault, "check", "--fix")
    assert 'g.md:6: thank_you_sent: [[2026-11-20]] -> "[[2026-11-20]]"' in fixed.stderr
    assert 'followed_up: ["[[2026-11-23]]", "[[2026-11-24]]"]\n' in h.read_text()
    assert fixed.exit_code == 0, fixed.output
    assert _actions(run, vault) == expected


def test_a_link_to_any_other_note_in_a_date_key_is_still_not_a_date(vault, write, run):
    write("interviews/f.md", note("Fabrikam", id="f", follow_up_on='"[[Anna Schmidt]]"'))
    checked = run("--vault", vault, "check")
    assert "follow_up_on: '[[Anna Schmidt]]' is not a date" in checked.stdout


@pytest.mark.parametrize("written", ["15:00", '"15:00"', "3pm", "15.00 Uhr", "15h"])
def test_an_end_written_as_a_time_alone_is_on_the_day_of_start(vault, write, run, written):
    write("interviews/f.md", note("Fabrikam", "2026-11-25T14:00", id="f", end="2026-11-25T15:00"))
    expected = _actions(run, vault)
    path = write("interviews/f.md", note("Fabrikam", "2026-11-25T14:00", id="f", end=written))
    assert _actions(run, vault) == expected  # the thank-you is due 24 hours after 15:00
    checked = run("--vault", vault, "check")
    assert (
        "f.md:6: warning: end: '{}' is a time alone: read as 2026-11-25T15:00, on the day of "
        "start".format(written.strip('"'))
        in checked.stdout
    )
    before = path.read_text()
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.exit_code == 0 and "0 warnings" in fixed.stderr, fixed.output
    assert path.read_text() == before.replace(f"end: {written}\n", "end: 2026-11-25T15:00\n")


@pytest.mark.parametrize(
    ("written", "iso", "minutes"),
    [
        ("90 min", "2026-11-25T15:30", 90), ("1h", "2026-11-25T15:00", 60),
        ("1.5 hours", "2026-11-25T15:30", 90), ("1h30", "2026-11-25T15:30", 90),
        ("1 Std.", "2026-11-25T15:00", 60), ("45 Minuten", "2026-11-25T14:45", 45),
    ],
)  # fmt: skip
def test_an_end_written_as_a_length_of_time_counts_from_the_start(
    vault, write, run, written, iso, minutes
):
    """`1h` could be the French 01:00, which is before the start: a length of time
    is the only reading left. (`15h`, after the start, stays 15:00: see above.)"""
    write("interviews/f.md", note("Fabrikam", "2026-11-25T14:00", id="f", end=iso))
    expected = _actions(run, vault)
    path = write("interviews/f.md", note("Fabrikam", "2026-11-25T14:00", id="f", end=written))
    assert _actions(run, vault) == expected  # the thank-you is due 24 hours after the end
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 0, checked.output
    assert (
        f"f.md:6: warning: end: '{written}' is a length of time, not a time: read as {iso}, "
        f"{minutes} minutes after the start; write `end: {iso}`" in checked.stdout
    )
    before = path.read_text()
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.exit_code == 0 and "0 warnings" in fixed.stderr, fixed.output
    assert path.read_text() == before.replace(f"end: {written}\n", f"end: {iso}\n")


@pytest.mark.parametrize(
    ("start", "end", "read"),
    [
        # Paris is at +01:00: the end is read at the start's offset, not Paris's
        ("2026-11-27T10:00-05:00", "2026-11-27T10:30", "2026-11-27T16:30+01:00"),
        ("2026-11-27T10:00-05:00", "10:30", "2026-11-27T16:30+01:00"),
        # the start's day where it was written (the 27th), not in Paris (the 26th)
        ("2026-11-27T01:00+09:00", "02:00", "2026-11-26T18:00+01:00"),
        ("2026-11-27 10:00 America/New_York", "2026-11-27T11:00", "2026-11-27T17:00+01:00"),
        ("2026-11-27T10:00-05:00", "2026-11-27T17:15+01:00", "2026-11-27T17:15+01:00"),
        ("2026-11-27T10:00", "2026-11-27T11:00", "2026-11-27T11:00+01:00"),
    ],
)
def test_an_end_without_an_offset_is_read_at_its_start_s(vault, write, run, start, end, read):
    """A start written at another offset than the vault's, and an end written without
    one, are one interview where the person who wrote them was: read in the vault's zone,
    the end would move by the zones' difference (or come before the start)."""
    write("interviews/f.md", note("Fabrikam", start, id="f", end=end))
    exported = run("--vault", vault, "export", "--format", "json")
    assert exported.exit_code == 0, exported.output
    assert json.loads(exported.stdout)["interviews"][0]["end"] == read
    assert "is not after start" not in run("--vault", vault, "check").stdout


def test_an_end_as_a_length_is_fixed_at_its_start_s_offset(vault, write, run):
    """`check --fix` writes the end a length of time gives at the start's offset, so the
    note reads the same after the fix as before it."""
    path = write(
        "interviews/f.md", note("Fabrikam", "2026-11-27T10:00-05:00", id="f", end="90 min")
    )
    checked = run("--vault", vault, "check")
    assert "read as 2026-11-27T11:30, 90 minutes after the start" in checked.stdout
    before = run("--vault", vault, "export", "--format", "json").stdout
    assert json.loads(before)["interviews"][0]["end"] == "2026-11-27T17:30+01:00"
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.exit_code == 0, fixed.output
    assert "end: 2026-11-27T11:30\n" in path.read_text()
    assert run("--vault", vault, "export", "--format", "json").stdout == before


@pytest.mark.parametrize(
    ("written", "minutes"),
    [
        ("1h 30m", 90), ("2 hours", 120), ("90min", 90), ("1,5 Std", 90), ("30 mins", 30),
        ("90", None), ("0 min", None), ("25h", None), ("ninety minutes", None),
        ("2026-11-25", None), ("1h30 and more", None),
    ],
)  # fmt: skip
def test_a_length_of_time_is_a_number_and_its_unit_up_to_a_day(written, minutes):
    from datetime import timedelta

    from interviewkit.notes.values import duration_of

    assert duration_of(written) == (timedelta(minutes=minutes) if minutes else None)


def test_an_end_time_alone_before_start_or_off_the_clock_is_an_error(vault, write, run):
    write("interviews/f.md", note("Fabrikam", "2026-11-25T14:00", id="f", end="09:00"))
    write("interviews/g.md", note("Globex", "2026-11-25T14:00", id="g", end="25:00"))
    checked = run("--vault", vault, "check")
    assert "f.md:6: end 09:00 is not after start 2026-11-25T14:00" in checked.stdout
    assert "g.md:6: end: '25:00' is not a date" in checked.stdout
    assert checked.exit_code == 1


def test_a_date_that_belongs_after_the_interview_but_is_before_it_is_named(vault, write, run):
    write(
        "interviews/f.md",
        note(
            "Fabrikam",
            "2026-11-20T10:00",
            id="f",
            follow_up_on="2026-11-04",  # 11 for 12: the month typed wrong
            decision_by="2026-10-30",
            outcome_on="2026-11-18",  # withdrawn before the day: that one is fine
            outcome="withdrawn",
        ),
    )
    write(
        "interviews/g.md",
        note("Globex", "2026-11-20T10:00", id="g", outcome="offer", offer_deadline="2026-11-01"),
    )
    listed = run("--vault", vault, "due", "--today", "2026-11-21", "--format", "json")
    problems = {
        (p["note"], p["line"], p["severity"]) for p in json.loads(listed.stdout)["problems"]
    }
    assert problems == {
        ("interviews/f.md", 6, "warning"),
        ("interviews/f.md", 7, "warning"),
        ("interviews/g.md", 7, "warning"),
    }
    checked = run("--vault", vault, "check")
    assert (
        "f.md:6: warning: follow_up_on: 2026-11-04 is before this interview (on 2026-11-20): "
        "left from another note, or a typo? read as written, so what is due from it is "
        "overdue at once" in checked.stdout
    )
    assert "outcome_on" not in checked.stdout and checked.exit_code == 0


def test_an_interview_at_noon_is_read_at_noon_and_check_fix_writes_it(vault, write, run):
    """`start: 2026-11-26 noon` once lost its time: read at 09:00, with the thank-you due
    three hours before the interview's end a day later. Midnight, which could open or
    close the day, is still left out with a warning."""
    path = write("interviews/f.md", note("Fabrikam", "2026-11-26 noon", id="f"))
    due = run("--vault", vault, "due", "--all", "--today", "2026-11-26", "--format", "json")
    thanks = [a for a in json.loads(due.stdout)["actions"] if a["kind"] == "thank-you"]
    assert [a["due"] for a in thanks] == ["2026-11-27T13:00:00+01:00"]
    checked = run("--vault", vault, "check")
    assert "f.md:4: warning: start: '2026-11-26 noon' is read as 2026-11-26T12:00" in checked.stdout
    assert "no time" not in checked.stdout
    run("--vault", vault, "check", "--fix")
    assert "\nstart: 2026-11-26T12:00\n" in path.read_text()
    write("interviews/f.md", note("Fabrikam", "2026-11-26 midnight", id="f"))
    checked = run("--vault", vault, "check")
    assert "start has no time; read as 09:00" in checked.stdout
    assert "leaving out 'midnight'" in checked.stdout


def test_a_bare_hour_is_a_time_only_after_at_or_um():
    """`2026-12-09 at 11` names 11:00; `2026-12-09 11` could be anything, and is refused."""
    from datetime import time

    from interviewkit.notes.typed_dates import read_typed, time_alone

    assert read_typed("2026-12-09 at 11").iso == "2026-12-09T11:00"
    with pytest.raises(ValueError):
        read_typed("2026-12-09 11")
    assert (time_alone("um 14"), time_alone("14")) == (time(14, 0), None)
    # hours and minutes parted by a dot are a time after a date, but alone (`end: 12.12`,
    # `--at "friday 12.12"`) they could be a day and month: not read as a time there
    assert read_typed("2026-12-09 12.12").iso == "2026-12-09T12:12"
    assert (time_alone("12.12"), time_alone("12.12 Uhr")) == (None, time(12, 12))


@pytest.mark.parametrize(
    ("written", "days"),
    [
        ("2026-11-27, 2026-12-04", ["2026-11-27", "2026-12-04"]),
        ("27.11.2026; 4 Dec 2026 # by mail", ["2026-11-27", "2026-12-04"]),
    ],
)
def test_follow_ups_typed_on_one_line_without_brackets_each_count(vault, write, run, written, days):
    path = write(
        "interviews/f.md", note("Fabrikam", "2026-11-25T14:30", id="f", followed_up=written)
    )
    listed = _due(run, vault)
    close = [a for a in listed if a["kind"] == "close"]
    assert [a["kind"] for a in listed if a["kind"] in ("follow-up", "close")] == ["close"]
    assert close[0]["due"] == "2026-12-18"  # 14 days after the second, the last allowed
    checked = run("--vault", vault, "check")
    assert (
        f"f.md:6: warning: followed_up: {written.split(' #')[0]!r} is read as 2 follow-ups; write "
        "them in brackets, like [2026-11-27, 2026-12-04], so Obsidian reads a list too"
        in checked.stdout
    )
    fixed = run("--vault", vault, "check", "--fix")
    listed_now = f"[{', '.join(days)}]"
    assert f"f.md:6: followed_up: {written.split(' #')[0]!r} -> {listed_now}" in fixed.stderr
    comment = " # by mail" if "#" in written else ""
    assert f"\nfollowed_up: {listed_now}{comment}\n" in path.read_text()
    assert "followed_up" not in run("--vault", vault, "check", "--today", "2026-12-08").stdout


def test_one_date_with_a_comma_is_one_follow_up_and_done_keeps_it_one(vault, write, run):
    path = write(
        "interviews/f.md", note("Fabrikam", "2026-11-25T14:30", id="f", followed_up="Nov 27, 2026")
    )
    assert "should be a list" in run("--vault", vault, "check").stdout
    done = run("--vault", vault, "done", "f:follow-up", "--on", "2026-12-04")
    assert done.exit_code == 0, done.output
    assert '\nfollowed_up: ["Nov 27, 2026", 2026-12-04]\n' in path.read_text()
    assert [a["kind"] for a in _due(run, vault) if a["kind"] in ("follow-up", "close")] == ["close"]


def test_done_turns_follow_ups_typed_on_one_line_into_a_list_of_three(vault, write, run):
    head = note(
        "Fabrikam", "2026-11-25T14:30", id="f", followed_up="27.11.2026; 2026-11-30  # mail"
    )
    path = write("interviews/f.md", head)
    config = vault / ".interviewkit" / "config.yaml"
    config.write_text(config.read_text() + "follow_up_limit: 3\n")
    done = run("--vault", vault, "done", "f:follow-up", "--on", "2026-12-07")
    assert done.exit_code == 0, done.output
    assert path.read_text() == head.replace(
        "27.11.2026; 2026-11-30  # mail", "[27.11.2026, 2026-11-30, 2026-12-07]  # mail"
    )


def _due(run, vault) -> list[dict]:
    shown = run("--vault", vault, "due", "--all", "--today", "2026-12-08", "--format", "json")
    assert shown.exit_code == 0, shown.output
    return json.loads(shown.stdout)["actions"]


@pytest.mark.parametrize(
    ("written", "slot"),
    [
        ("2026-12-09 14:00-15:00", ("2026-12-09T14:00", "2026-12-09T15:00")),
        ("2026-12-09 9:00 – 10:30", ("2026-12-09T09:00", "2026-12-09T10:30")),
        ("2026-12-09T14:00-15:00", ("2026-12-09T14:00", "2026-12-09T15:00")),  # no -15:00 zone
        ("2026-12-09T09:00-9:30", ("2026-12-09T09:00", "2026-12-09T09:30")),
        ("2026-12-09 09:00-10:00", ("2026-12-09T09:00", "2026-12-09T10:00")),  # not Paris's
        # UTC offsets stay offsets: after a T, the zone's own, or before the first time
        ("2026-12-09T14:00-05:00", None),
        ("2026-12-09T09:00-10:00", None),
        ("2026-12-09 14:00-05:00", None),
        ("2026-12-09 14:00-25:00", None),
        ("2026-12-09T14:00", None),
    ],
)
def test_a_time_slot_is_told_from_a_utc_offset(written, slot):
    assert time_slot(written, ZoneInfo("Europe/Paris")) == slot


@pytest.mark.parametrize(
    ("zone", "written"),
    [("America/New_York", "2027-11-07 01:30-05:00"), ("America/New_York", "2027-11-07 01:30-04:00"),
     ("Pacific/Honolulu", "2026-12-09 09:00-10:00")],
)  # fmt: skip
def test_a_utc_offset_the_zone_has_then_is_no_slot(zone, written):
    assert time_slot(written, ZoneInfo(zone)) is None


def test_a_start_written_as_a_time_slot_keeps_its_day_and_check_fix_splits_it(vault, write, run):
    path = write(
        "interviews/f.md",
        "---\ntype: interview\nid: f\ncompany: Fabrikam\nround: onsite\n"
        "start: 2026-11-30 14:00-15:30  # video\n---\n# Notes\n",
    )
    thank_you = [a for a in _due(run, vault) if a["kind"] == "thank-you"]
    assert thank_you[0]["due"] == "2026-12-01T15:30:00+01:00"  # 24 hours after its end
    checked = run("--vault", vault, "check")
    assert (
        "f.md:6: warning: start: '2026-11-30 14:00-15:30' is read as a time slot, from "
        "2026-11-30T14:00 to 15:30; write `start: 2026-11-30T14:00` and `end: "
        "2026-11-30T15:30`, as other readers take the second time for a UTC offset"
    ) in checked.stdout
    fixed = run("--vault", vault, "check", "--fix")
    assert "f.md:6: start: '2026-11-30 14:00-15:30' -> 2026-11-30T14:00" in fixed.stderr
    assert "f.md:7: end: 2026-11-30T15:30 (the end of that slot)" in fixed.stderr
    assert "\nstart: 2026-11-30T14:00  # video\nend: 2026-11-30T15:30\n---\n" in path.read_text()
    assert [a for a in _due(run, vault) if a["kind"] == "thank-you"] == thank_you
    assert "warning" not in run("--vault", vault, "check").stdout.replace("no id", "")


def test_a_time_slot_beside_an_end_leaves_the_end_alone(vault, write, run):
    written = note("Fabrikam", '"2026-11-30 14:00 - 15:00"', id="f", end="2026-11-30T16:00")
    path = write("interviews/f.md", written)
    thank_you = [a for a in _due(run, vault) if a["kind"] == "thank-you"]
    assert thank_you[0]["due"] == "2026-12-01T16:00:00+01:00"
    assert "write `start: 2026-11-30T14:00`, as" in run("--vault", vault, "check").stdout
    run("--vault", vault, "check", "--fix")
    assert path.read_text() == written.replace('"2026-11-30 14:00 - 15:00"', "2026-11-30T14:00")


@pytest.mark.parametrize(
    ("at", "advice"),
    [
        ("2026-12-09 14:00-15:30", "--at '2026-12-09 14:00' --duration 90"),
        ("2026-12-09T14:00-15:00", "--at '2026-12-09 14:00' --duration 60"),
        ("friday 14:00 - 15:00", "--at '{friday} 14:00' --duration 60"),
    ],
)
def test_new_at_names_a_time_slot_and_how_to_give_it(vault, run, at, advice):
    today = datetime.now(ZoneInfo("Europe/Paris")).date()  # the vault's zone
    friday = next(today + timedelta(n) for n in range(7) if (today + timedelta(n)).weekday() == 4)
    args = ["new", "Fabrikam", "--role", "PM", "--round", "onsite", "--at", at]
    refused = run("--vault", vault, *args)
    assert refused.exit_code == 2, refused.output
    assert (
        f"--at {at!r} is a time slot: give its start to --at and its length to --duration, "
        f"like {advice.format(friday=friday)}"
    ) in refused.stderr
    assert not (vault / "interviews" / "Fabrikam").exists()
    offset = run("--vault", vault, *args[:-1], "2026-12-09T14:00-05:00")
    assert offset.exit_code == 0, offset.output
    made = (vault / offset.stdout.strip()).read_text()
    assert "start: 2026-12-09T20:00\n" in made  # 14:00 at UTC-5, in the vault's zone


@pytest.mark.parametrize(
    ("written", "offset"),
    [
        ("2026-11-30T14:00:00-15:00", "-15:00"),
        ("2026-11-30 14:00+15", "+15:00"),
        ("2026-11-30T14:00+14:30", "+14:30"),
        ("2026-11-30T14:00-1530", "-15:30"),
        ("2026-11-30T14:00+00:07", "+00:07"),
    ],
)
def test_a_utc_offset_no_place_uses_is_refused_not_followed(vault, write, run, written, offset):
    write("interviews/f.md", note("Fabrikam", f'"{written}"', id="f", end="2026-11-30T15:00"))
    checked = run("--vault", vault, "check")
    assert (
        f"f.md:4: start: {written!r} has a UTC offset no place uses ({offset}); write the "
        "place's offset, like +01:00, or leave it out to use the vault's timezone setting"
    ) in checked.stdout
    refused = run("--vault", vault, "new", "Fabrikam", "--round", "a", "--at", written)
    assert refused.exit_code == 2, refused.output  # `new --at` writes no such start either


@pytest.mark.parametrize(
    "written", ["2026-11-30T14:00+14:00", "2026-11-30T14:00-12:00", "2026-11-30T14:00+05:45"]
)
def test_the_utc_offsets_places_use_are_read(vault, write, run, written):
    write("interviews/f.md", note("Fabrikam", written, id="f"))
    assert "start" not in run("--vault", vault, "check").stdout


def test_a_time_zone_named_after_the_time_is_that_zone_s_time(vault, write, run):
    path = write("interviews/f.md", note("Fabrikam", "2026-11-30 14:00 America/New_York", id="f"))
    thank_you = [a for a in _due(run, vault) if a["kind"] == "thank-you"]
    assert thank_you[0]["due"] == "2026-12-01T21:00:00+01:00"  # ends 15:00 in New York
    checked = run("--vault", vault, "check").stdout
    assert (
        "f.md:4: warning: start: '2026-11-30 14:00 America/New_York' is read as 14:00 in "
        "America/New_York, 2026-11-30T14:00-05:00; Obsidian, Dataview and Bases need "
        "`2026-11-30T14:00-05:00`"
    ) in checked
    fixed = run("--vault", vault, "check", "--fix")
    assert "f.md:4: start: '2026-11-30 14:00 America/New_York' -> 2026-11-30T14:00-05:00" in (
        fixed.stderr
    )
    assert "\nstart: 2026-11-30T14:00-05:00\n" in path.read_text()
    assert [a for a in _due(run, vault) if a["kind"] == "thank-you"] == thank_you
    made = run("--vault", vault, "new", "Initech", "--at", "2026-12-09 14:00 Asia/Kolkata")
    assert made.exit_code == 0, made.output
    assert "\nstart: 2026-12-09T09:30\n" in (vault / made.stdout.strip()).read_text()


def test_a_time_zone_this_machine_does_not_know_is_named_not_left_out(vault, write, run):
    write("interviews/f.md", note("Fabrikam", '"2026-11-30 14:00 Europe/Berln"', id="f"))
    assert (
        "f.md:4: start: '2026-11-30 14:00 Europe/Berln' names a time zone this machine does "
        "not know (Europe/Berln); write its name as the tz database does, like "
        "America/New_York, or the offset, like 2026-11-30T14:00+01:00"
    ) in run("--vault", vault, "check").stdout


def test_a_weekday_that_is_not_the_date_s_own_is_named_and_left_for_the_user(vault, write, run):
    written = note(
        "Fabrikam",
        '"Tuesday 9 December 2026 14:30"',
        id="f",
        follow_up_on='"Mo, 14.12.2026"',
        followed_up='["Fri 11 Dec 2026"]',
    )
    path = write("interviews/f.md", written)
    checked = run("--vault", vault, "check").stdout
    assert (
        "f.md:4: warning: start: 'Tuesday 9 December 2026 14:30' is read as 2026-12-09T14:30, "
        "a Wednesday, though it says Tuesday: check which day is meant, and write its date "
        "alone (like 2026-12-09T14:30); `check --fix` leaves it to you"
    ) in checked
    assert "follow_up_on: 'Mo, 14.12.2026' is read as 2026-12-14;" in checked  # a Monday
    assert "followed_up: 'Fri 11 Dec 2026' is read as 2026-12-11, a Friday" not in checked
    fixed = run("--vault", vault, "check", "--fix")
    assert "start" not in fixed.stderr and "follow_up_on: 'Mo, 14.12.2026' -> 2026-12-14" in (
        fixed.stderr
    )
    assert path.read_text() == written.replace('"Mo, 14.12.2026"', "2026-12-14").replace(
        '"Fri 11 Dec 2026"', "2026-12-11"
    )
    moved = note("Fabrikam", '"Tuesday 8 December 2026 14:30"', id="f")
    write("interviews/f.md", moved.replace("Tuesday 8", "Monday 8"))
    assert "a Tuesday, though it says Monday" in run("--vault", vault, "check").stdout


def test_a_time_after_a_day_key_s_date_is_kept_as_a_comment_by_check_fix(vault, write, run):
    """`follow_up_on: 3.12.2026 14:00` once became `2026-12-03T14:00`: a date-time
    in what Obsidian types as a date property. The key holds a day; the time the
    user wrote stays beside it as a comment."""
    path = write(
        "interviews/f.md",
        note("Fabrikam", id="f", follow_up_on="3.12.2026 14:00", thank_you_sent="Nov 20, 2026 3pm"),
    )
    expected = [("follow-up", "2026-12-03")]
    assert [a for a in _actions(run, vault) if a[0] == "follow-up"] == expected
    checked = run("--vault", vault, "check").stdout
    assert (
        "f.md:6: warning: follow_up_on: '3.12.2026 14:00' is read as 2026-12-03, leaving out "
        "'14:00'; write `2026-12-03 # 14:00`"
    ) in checked
    assert (
        "thank_you_sent: 'Nov 20, 2026 3pm' is read as 2026-11-20, leaving out '15:00'" in checked
    )
    run("--vault", vault, "check", "--fix")
    text = path.read_text()
    assert "\nfollow_up_on: 2026-12-03 # 14:00\n" in text
    assert "\nthank_you_sent: 2026-11-20 # 15:00\n" in text
    assert [a for a in _actions(run, vault) if a[0] == "follow-up"] == expected
    assert "follow_up_on" not in run("--vault", vault, "check").stdout
