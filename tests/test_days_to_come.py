"""A day recorded as done that is still to come is an error, where the user looks.

`thank_you_sent: 2026-12-28` written for 2026-11-28 would count the thank-you as
sent and hide its reminder without a word; `followed_up: [2026-12-25]` would put
the agreed follow-up off by a month.
"""

from __future__ import annotations

import json

from .conftest import note

TYPO = note(
    id="a",
    people='["Kim"]',
    thank_you_sent="2026-12-28",
    follow_up_on="2026-12-02",
    followed_up="[2026-11-27, 2026-12-25]",
)


def _due(run, vault, day: str, *more: str):
    return run("--vault", vault, "due", "--all", "--today", day, *more)


def test_due_names_each_day_still_to_come_on_its_line_and_check_fails(vault, write, run):
    write("interviews/a.md", TYPO)
    listing = json.loads(_due(run, vault, "2026-11-30", "--format", "json").stdout)
    assert [(p["line"], p["severity"], p["message"]) for p in listing["problems"]] == [
        (
            7,
            "error",
            "thank_you_sent: 2026-12-28 is a day still to come (today is 2026-11-30); write "
            "the day it happened. Until then the thank-you counts as sent",
        ),
        (
            9,
            "error",
            "followed_up: 2026-12-25 is a day still to come (today is 2026-11-30); write "
            "the day it happened. Until then this follow-up counts as made",
        ),
    ]
    checked = _due(run, vault, "2026-11-30", "--check")
    assert checked.exit_code == 1
    assert "interviews/a.md:7: thank_you_sent: 2026-12-28 is a day still to come" in checked.stdout
    # the day after the earlier of them, only the later one is still to come
    later = json.loads(_due(run, vault, "2026-12-25", "--format", "json").stdout)
    assert [p["line"] for p in later["problems"]] == [7]
    # on the day itself, nothing is still to come
    then = json.loads(_due(run, vault, "2026-12-28", "--format", "json").stdout)
    assert then["problems"] == []


def test_days_after_the_interview_that_have_passed_are_no_problem(vault, write, run):
    write("interviews/a.md", note(id="a", people='["Kim"]', thank_you_sent="2026-11-21"))
    assert json.loads(_due(run, vault, "2026-11-21", "--format", "json").stdout)["problems"] == []
    assert json.loads(_due(run, vault, "2026-11-20", "--format", "json").stdout)["problems"] != []


def test_status_and_check_say_it_too(vault, write, run):
    write("interviews/a.md", note(id="a", people='["Kim"]', thank_you_sent="2099-01-01"))
    checked = run("--vault", vault, "check")  # today, whenever that is
    assert checked.exit_code == 1
    assert "interviews/a.md:7: thank_you_sent: 2099-01-01 is a day still to come" in checked.stdout
    assert run("--vault", vault, "check", "--today", "2099-01-01").exit_code == 0
    status = json.loads(
        run("--vault", vault, "status", "--today", "2026-11-30", "--format", "json").stdout
    )
    assert [p["message"][:40] for p in status["problems"]] == [
        "thank_you_sent: 2099-01-01 is a day stil"
    ]


def test_the_cache_keeps_the_days_and_the_error_goes_when_the_day_comes(vault, write, run):
    """A warm run (rows from the cache, no note decoded) reports the same."""
    write("interviews/a.md", TYPO)
    cold = _due(run, vault, "2026-12-01", "--format", "json").stdout
    warm = _due(run, vault, "2026-12-01", "--format", "json").stdout
    assert cold == warm and "still to come" in warm
    uncached = run(
        "--vault", vault, "due", "--all", "--today", "2026-12-01", "--format", "json", "--no-cache"
    )
    assert uncached.stdout == warm
    assert "still to come" not in _due(run, vault, "2026-12-28", "--format", "json").stdout


def test_done_on_a_day_still_to_come_records_it_and_warns(vault, write, run):
    write("interviews/a.md", note(id="a", people='["Kim"]'))
    ahead = run("--vault", vault, "done", "a:thank-you", "--on", "2099-01-01")
    assert ahead.exit_code == 0
    assert "thank_you_sent: 2099-01-01" in ahead.stdout
    assert "warning: 2099-01-01 is a day still to come" in ahead.stderr
    write("interviews/b.md", note(company="Beta", id="b", people='["Kim"]'))
    past = run("--vault", vault, "done", "b:thank-you", "--on", "2026-11-20")
    assert past.exit_code == 0 and "warning" not in past.stderr


def test_an_outcome_learnt_on_a_day_still_to_come_warns(vault, write, run):
    write("interviews/a.md", note(id="a"))
    ahead = run("--vault", vault, "outcome", "a", "rejected", "--on", "2099-01-01")
    assert ahead.exit_code == 0 and "outcome_on: 2099-01-01" in ahead.stdout
    assert "warning: 2099-01-01 is a day still to come" in ahead.stderr
    checked = run("--vault", vault, "check", "--today", "2026-11-30")
    assert "interviews/a.md:7: outcome_on: 2099-01-01 is a day still to come" in checked.stdout
    assert "Until then the outcome counts as known" in checked.stdout
    past = run("--vault", vault, "outcome", "a", "rejected", "--on", "2026-11-21")
    assert past.exit_code == 0 and "warning" not in past.stderr
    assert run("--vault", vault, "check", "--today", "2026-11-30").exit_code == 0


def test_a_day_recorded_on_the_interview_day_is_still_to_come_before_it(vault, write, run):
    """Recorded in advance, on the day of an interview yet to happen: nothing was done."""
    write(
        "interviews/a.md",
        note(id="a", people='["Kim"]', thank_you_sent="2026-11-20", followed_up="[2026-11-20]"),
    )
    before = json.loads(_due(run, vault, "2026-11-19", "--format", "json").stdout)
    assert [(p["line"], p["message"][:40]) for p in before["problems"]] == [
        (7, "thank_you_sent: 2026-11-20 is a day stil"),
        (8, "followed_up: 2026-11-20 is a day still t"),
    ]
    on_the_day = json.loads(_due(run, vault, "2026-11-20", "--format", "json").stdout)
    assert on_the_day["problems"] == []


def test_an_interview_more_than_half_a_year_ahead_is_named_as_a_year_typo(vault, write, run):
    """`start: 2027-12-02` typed for 2026-12-02 put every reminder off by a year, and
    `due` showed nothing: a start more than 183 days ahead is a warning where the user
    looks, in `due` (table and JSON) and in `check`, until the day is near enough."""
    write("interviews/a.md", note(id="a", start="2027-12-02T10:00"))
    write("interviews/b.md", note("Fabrikam", id="b", start="2027-05-31T10:00"))  # 181 days
    said = (
        "start: 2027-12-02 is 366 days ahead (today is 2026-12-01): if the year is a typo, "
        "write the right one, or nothing is due from this interview until then"
    )
    listing = json.loads(_due(run, vault, "2026-12-01", "--format", "json").stdout)
    assert [(p["note"], p["line"], p["severity"], p["message"]) for p in listing["problems"]] == [
        ("interviews/a.md", 4, "warning", said)
    ]
    table = run("--vault", vault, "due", "--today", "2026-12-01")
    assert f"interviews/a.md:4: warning: {said}" in table.stdout and table.exit_code == 0
    checked = run("--vault", vault, "check", "--today", "2026-12-01")
    assert f"interviews/a.md:4: warning: {said}" in checked.stdout and checked.exit_code == 0
    later = json.loads(_due(run, vault, "2027-06-02", "--format", "json").stdout)
    assert later["problems"] == []  # 183 days ahead: near enough


def test_a_day_agreed_more_than_half_a_year_after_the_interview_is_named(vault, write, run):
    """`follow_up_on: 2027-12-04` typed for 2026-12-04 put the follow-up off by a year:
    a date key more than 183 days after its interview is a warning in `due`."""
    write(
        "interviews/a.md",
        note(id="a", start="2026-11-20T10:00", follow_up_on="2027-12-04", decision_by="2027-05-22"),
    )
    listing = json.loads(_due(run, vault, "2026-11-30", "--format", "json").stdout)
    assert [(p["line"], p["severity"], p["message"]) for p in listing["problems"]] == [
        (
            6,
            "warning",
            "follow_up_on: 2027-12-04 is 379 days after this interview (on 2026-11-20): if the "
            "year is a typo, write the right one, or what is due from it waits until then",
        )
    ]  # decision_by, 183 days after, is near enough
