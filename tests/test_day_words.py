"""Days named in words on the command line: `new --at "friday 14:00"`, `--on "last friday"`."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interviewkit.notes.day_words import day_in_words, leading_day

TUESDAY = date(2026, 12, 1)
FRIDAY = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("words", "today", "day"),
    [
        ("yesterday", TUESDAY, "2026-11-30"),
        ("Today", TUESDAY, "2026-12-01"),
        ("tomorrow", TUESDAY, "2026-12-02"),
        ("vorgestern", TUESDAY, "2026-11-29"),
        ("Übermorgen", TUESDAY, "2026-12-03"),
        ("morgen", TUESDAY, "2026-12-02"),
        # a weekday alone, or after `this`: this week's, today included
        ("friday", TUESDAY, "2026-12-04"),
        ("Fri.", TUESDAY, "2026-12-04"),
        ("this friday", TUESDAY, "2026-12-04"),
        ("monday", TUESDAY, "2026-12-07"),
        ("tuesday", TUESDAY, "2026-12-01"),
        ("friday", FRIDAY, "2026-12-04"),
        ("Freitag", TUESDAY, "2026-12-04"),
        # `next`: the first after today, as GNU date reads it
        ("next friday", TUESDAY, "2026-12-04"),
        ("next tuesday", TUESDAY, "2026-12-08"),
        ("next friday", FRIDAY, "2026-12-11"),
        ("nächsten Freitag", TUESDAY, "2026-12-04"),
        ("kommenden Montag", TUESDAY, "2026-12-07"),
        # `last`: the latest before today
        ("last friday", TUESDAY, "2026-11-27"),
        ("last tuesday", TUESDAY, "2026-11-24"),
        ("last mon", TUESDAY, "2026-11-30"),
        ("letzten Freitag", FRIDAY, "2026-11-27"),
        # counts
        ("in 3 days", TUESDAY, "2026-12-04"),
        ("in 1 day", TUESDAY, "2026-12-02"),
        ("in 2 weeks", TUESDAY, "2026-12-15"),
        ("in 3 Tagen", TUESDAY, "2026-12-04"),
        ("3 days ago", TUESDAY, "2026-11-28"),
        ("1 week ago", TUESDAY, "2026-11-24"),
        ("vor 2 Tagen", TUESDAY, "2026-11-29"),
        ("vor 1 Woche", TUESDAY, "2026-11-24"),
        # counts in words
        ("in a week", TUESDAY, "2026-12-08"),
        ("in an hour", TUESDAY, None),
        ("two days ago", TUESDAY, "2026-11-29"),
        ("in three weeks", TUESDAY, "2026-12-22"),
        ("vor einer Woche", TUESDAY, "2026-11-24"),
        ("in zwei Tagen", TUESDAY, "2026-12-03"),
    ],
)
def test_days_in_words_count_from_today(words, today, day):
    assert day_in_words(words, today) == (day and date.fromisoformat(day))


@pytest.mark.parametrize(
    "words",
    [
        "",
        "soon",
        "some friday",
        "friday week",
        "next",
        "in days",
        "in 3 fortnights",
        "in 1234 days",
        "in some days",
        "a week",
        "3 days",
        "next next friday",
        "2026-12-04",
        "yesterday tomorrow",
    ],
)
def test_anything_else_names_no_day(words):
    assert day_in_words(words, TUESDAY) is None


def test_the_longest_beginning_that_names_a_day_counts():
    assert leading_day("in 3 days 14:00", TUESDAY) == (date(2026, 12, 4), "in 3 days", "14:00")
    assert leading_day("next friday at 2pm", TUESDAY) == (FRIDAY, "next friday", "at 2pm")
    assert leading_day("friday", TUESDAY) == (FRIDAY, "friday", "")
    assert leading_day("14:00 friday", TUESDAY) is None
    assert leading_day("Mittwoch, 9. Dezember 2026 14.30 Uhr", TUESDAY) is None  # a date
    assert leading_day("friday after lunch", TUESDAY) is None


@pytest.mark.parametrize(
    ("at", "start", "said"),
    [
        ("friday 14:00", "2026-12-04T14:00:00+01:00", "Friday 2026-12-04 14:00"),
        ("Next Tuesday 9:30", "2026-12-08T09:30:00+01:00", "Tuesday 2026-12-08 09:30"),
        ("last fri 2pm", "2026-11-27T14:00:00+01:00", "Friday 2026-11-27 14:00"),
        ("in 3 days", "2026-12-04T09:00:00+01:00", "Friday 2026-12-04 09:00"),
        ("nächsten Freitag 14:30 Uhr", "2026-12-04T14:30:00+01:00", "Friday 2026-12-04 14:30"),
        ("friday at 11", "2026-12-04T11:00:00+01:00", "Friday 2026-12-04 11:00"),
    ],
)
def test_at_reads_a_weekday_and_says_which_day_it_took(at, start, said):
    from interviewkit.write.scaffold import parse_at

    moment, warning = parse_at(at, ZoneInfo("Europe/Paris"), "", TUESDAY)
    assert moment == datetime.fromisoformat(start)
    assert warning == f"--at {at!r} is read as {said}; check the day"


def test_at_says_the_day_back_and_the_hour_the_clocks_repeat():
    from interviewkit.write.scaffold import parse_at

    moment, warning = parse_at("sunday 02:30", ZoneInfo("Europe/Paris"), "", date(2026, 10, 20))
    assert moment.isoformat() == "2026-10-25T02:30:00+02:00"
    assert warning.startswith("--at 'sunday 02:30' is read as Sunday 2026-10-25 02:30; check the")
    assert "the first is taken" in warning


def test_new_at_a_weekday_writes_that_day_and_says_it(vault, run):
    made = run("--vault", vault, "new", "Acme", "--round", "a", "--at", "next monday 10:00")
    assert made.exit_code == 0, made.output
    today = datetime.now(ZoneInfo("Europe/Paris")).date()
    monday = next(
        today + timedelta(days=n) for n in range(1, 8) if (today + timedelta(n)).weekday() == 0
    )
    note = (vault / made.stdout.strip()).read_text()
    assert f"\nstart: {monday.isoformat()}T10:00\n" in note
    assert f"is read as Monday {monday.isoformat()} 10:00; check the day" in made.stderr


def test_a_day_option_takes_words_counted_in_the_vault_s_zone(sample, run):
    """`--today "in 3 days"` gives what the day itself gives; an unknown word is a
    usage error that shows the forms."""
    zone = ZoneInfo("Europe/Paris")  # the sample vault's
    day = datetime.now(zone).date() + timedelta(days=3)
    said = run("--vault", sample, "due", "--format", "json", "--today", "in 3 days")
    iso = run("--vault", sample, "due", "--format", "json", "--today", day.isoformat())
    if datetime.now(zone).date() + timedelta(days=3) == day:  # not across a midnight
        assert said.exit_code == iso.exit_code
        assert json.loads(said.stdout) == json.loads(iso.stdout)
    wrong = run("--vault", sample, "due", "--today", "some friday")
    assert wrong.exit_code == 2
    assert "'some friday' is not a day: use YYYY-MM-DD, or words such as" in wrong.stderr


def test_done_on_last_friday_records_that_day(vault, write, run):
    write(
        "interviews/a.md",
        "---\ntype: interview\nid: a\ncompany: Acme\nstart: 2026-01-05T10:00\npeople: [Ann]\n---\n",
    )
    result = run("--vault", vault, "done", "a", "thank-you", "--on", "last friday")
    today = datetime.now(ZoneInfo("Europe/Paris")).date()
    friday = next(
        today - timedelta(n) for n in range(1, 8) if (today - timedelta(n)).weekday() == 4
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == f"interviews/a.md: thank_you_sent: {friday.isoformat()}\n"
    assert f"note: --on 'last friday' is read as Friday {friday.isoformat()}\n" in result.stderr


def test_a_deadline_in_words_is_said_back_with_its_weekday(vault, write, run):
    """`next friday` is this week's Friday to some and next week's to others: the day
    written is said, weekday and date; a day written as a date is not."""
    write(
        "interviews/a.md",
        "---\ntype: interview\nid: a\ncompany: Acme\nstart: 2026-01-05T10:00\npeople: [Ann]\n---\n",
    )
    result = run("--vault", vault, "outcome", "a", "offer", "--deadline", "in 10 days")
    deadline = datetime.now(ZoneInfo("Europe/Paris")).date() + timedelta(10)
    assert result.exit_code == 0, result.output
    said = f"note: --deadline 'in 10 days' is read as {deadline:%A} {deadline.isoformat()}\n"
    assert said in result.stderr
    assert f"offer_deadline: {deadline.isoformat()}" in (vault / "interviews" / "a.md").read_text()
    again = run("--vault", vault, "outcome", "a", "offer", "--deadline", deadline.isoformat())
    assert again.exit_code == 0 and "is read as" not in again.stderr


@pytest.mark.parametrize(
    ("command", "said"), [("done", "day it was done"), ("outcome", "day you learnt it")]
)
def test_today_where_the_day_is_on_names_on(vault, write, run, command, said):
    """`done` and `outcome` take the day as --on; --today, which the reports take, is
    a usage error that names --on, and the note stays as it was."""
    path = write(
        "interviews/a.md",
        "---\ntype: interview\nid: a\ncompany: Acme\nstart: 2026-01-05T10:00\npeople: [Ann]\n---\n",
    )
    before = path.read_bytes()
    args = ["a", "thank-you"] if command == "done" else ["a", "offer"]
    result = run("--vault", vault, command, *args, "--today", "2026-01-06")
    assert result.exit_code == 2
    assert f"No such option '--today': give the day with --on DAY ({said})." in result.stderr
    assert path.read_bytes() == before
    typo = run("--vault", vault, "due", "--tody", "2026-01-06")
    assert typo.exit_code == 2 and "Did you mean '--today'?" in typo.stderr


_WORDS = st.sampled_from(
    ["friday", "next", "last", "this", "in", "3", "days", "ago", "vor", "Tagen", "14:00",
     "at", "11", "2pm", "um", "Uhr", "tomorrow", "morgen", "2026-12-04", "9.12.2026", "Dec",
     "9,", "2026", "weeks", "999", "+01:00", "T", "", "Mittwoch,", "\u00fcbermorgen"]
)  # fmt: skip


@settings(max_examples=400)
@given(st.lists(_WORDS, max_size=6).map(" ".join))
def test_any_start_typed_reads_or_says_why(text):
    """Whatever `new --at` is given, it reads as a time in the vault's zone or is one
    BadValue naming the text; nothing else escapes."""
    from interviewkit.errors import BadValue
    from interviewkit.write.scaffold import parse_at

    try:
        moment, _ = parse_at(text, ZoneInfo("Europe/Paris"), "", TUESDAY)
    except BadValue as exc:
        assert repr(text) in str(exc)
    else:
        assert moment.tzinfo is not None
