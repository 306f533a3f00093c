"""Issue 21: rule edges that mutation testing showed no test pinned down.

Each test names the behaviour it pins; mutmut's run over `rules/` found them
as surviving mutants (see `tests/mutants/README.md`).
"""

from __future__ import annotations

import json
from datetime import date, datetime

from interviewkit.config import Settings
from interviewkit.rules.actions import end_of_day
from interviewkit.rules.agenda import company_rows, holds_until, open_rows

from .conftest import note
from .icscheck import validate
from .test_rules import PARIS, SETTINGS, actions_on, full, parse


def _json(run, vault, *args: str) -> dict:
    result = run("--vault", vault, *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _status(run, vault, day: str) -> dict[str, dict]:
    data = _json(run, vault, "status", "--today", day)
    return {a["company"]: a for a in data["applications"]}


def test_status_and_due_agree_that_an_interview_starting_at_that_moment_has_not_started(
    vault, write, run
):
    # the end of 8 December is the very moment it starts
    write("interviews/m.md", note("Midnight", "2026-12-09T00:00", id="m"))
    assert _status(run, vault, "2026-12-08")["Midnight"]["next_action"] == (
        "Prepare for the interview at Midnight"
    )
    due = _json(run, vault, "due", "--all", "--today", "2026-12-08")
    assert [a["kind"] for a in due["actions"]] == ["prepare"]


def test_a_thank_you_that_lapses_at_the_end_of_the_day_is_gone_in_status_and_due(vault, write, run):
    # the interview ends at midnight, so the thank-you deadline (24 hours later) is
    # the very end of 25 November; a rejection came in before it
    write(
        "interviews/late.md",
        full(
            company="Late",
            start="2026-11-24T23:00",
            id="late",
            end="2026-11-25T00:00",
            thank_you_sent="null",
            outcome="rejected",
            outcome_on="2026-11-25",
        ),
    )
    owed = "Send a thank-you letter to Sam Lee"
    assert _status(run, vault, "2026-11-24")["Late"]["next_action"] == owed
    assert _status(run, vault, "2026-11-25")["Late"]["next_action"] == ""
    for day, expected in (("2026-11-24", ["thank-you"]), ("2026-11-25", [])):
        due = _json(run, vault, "due", "--all", "--today", day)
        assert [a["kind"] for a in due["actions"]] == expected
        again = _json(run, vault, "due", "--all", "--today", day)  # from the cache
        assert [a["kind"] for a in again["actions"]] == expected


def test_rows_hold_only_until_an_interview_that_starts_at_that_very_moment():
    now = end_of_day(date(2026, 12, 8), PARIS)
    starting = parse(note(id="m", start="2026-12-09T00:00"))
    later = parse(note("Other", "2026-12-10T10:00", id="o"), "interviews/o.md")
    rows, *_ = company_rows([starting, later], SETTINGS, now)
    assert holds_until(rows, now) == now.timestamp()
    rows, *_ = company_rows([later], SETTINGS, now)
    assert holds_until(rows, now) == datetime(2026, 12, 9, tzinfo=PARIS).timestamp() + 86400


def test_unreadable_follow_up_entries_count_as_follow_ups_done():
    # one readable, one not: the next is a follow-up "again", the third of three
    three = Settings(timezone="Europe/Paris", follow_up_limit=3)
    now = end_of_day(date(2026, 12, 20), PARIS)
    text = full(id="a", followed_up="[2026-11-27, lost]")
    rows, *_ = company_rows([parse(text)], three, now)
    (follow_up,) = open_rows(rows, now)
    assert follow_up.summary == "Follow up again with Acme"
    # the same two with the default limit of two: the follow-ups are spent
    (close,) = actions_on("2026-12-20", full(id="a", followed_up="[2026-11-27, lost]"))
    assert close.summary == (
        "No answer from Acme after 2 follow-ups: record no_response if it is over"
    )


def test_a_single_follow_up_is_written_in_the_singular(vault, write, run):
    config = vault / ".interviewkit" / "config.yaml"
    config.write_text(config.read_text() + "follow_up_limit: 1\n")
    write("interviews/a.md", full(id="a", followed_up="[2026-11-27]"))
    (close,) = _json(run, vault, "due", "--all", "--today", "2026-12-20")["actions"]
    assert close["summary"] == (
        "No answer from Acme after 1 follow-up: record no_response if it is over"
    )


def test_the_follow_up_feed_event_counts_unreadable_entries_in_its_sequence(vault, write, run):
    config = vault / ".interviewkit" / "config.yaml"
    config.write_text(config.read_text() + "follow_up_limit: 3\n")
    write("interviews/a.md", full(id="a", followed_up="[2026-11-27, lost]"))
    result = run("--vault", vault, "feed")
    assert result.exit_code == 0, result.output
    (event,) = validate(result.stdout_bytes)
    assert (event["UID"], event["SEQUENCE"]) == ("a.follow-up@interviewkit", "2")


def test_every_event_but_a_repeated_follow_up_has_sequence_zero_outside_git(vault, write, run):
    write("interviews/a.md", note(id="a", start="2026-12-20T10:00"))
    write(
        "interviews/b.md",
        note("Beta", "2026-11-20T10:00", id="b") + "- [ ] t 📅 2026-12-01\n",
    )
    result = run(
        "--vault", vault, "feed", "--include", "follow-up,thank-you,prepare,task,interviews"
    )
    assert result.exit_code == 0, result.output
    events = validate(result.stdout_bytes)
    kinds = {e["UID"].split("@")[0].split(".")[1] for e in events if "." in e["UID"]}
    assert {"prepare", "thank-you", "follow-up", "task"} <= kinds
    assert {e["SEQUENCE"] for e in events} == {"0"}


def test_an_unreadable_end_is_named_as_the_thank_you_fallback():
    (thank_you,) = [
        a
        for a in actions_on("2026-11-20", note(id="a", end="half past", people="[Sam Lee]"))
        if a.kind == "thank-you"
    ]
    assert thank_you.fallback == "end 'half past' unreadable; using 60 minutes after the start"
    assert thank_you.due == "2026-11-21T11:00:00+01:00"


def test_each_unreadable_follow_up_value_is_named_in_the_fallback():
    def fallback(**keys: object) -> str:
        (action,) = [a for a in actions_on("2026-12-31", full(id="a", **keys)) if a.kind != "close"]
        return action.fallback

    assert fallback(followed_up="[lost]") == (
        "follow-up date 'lost' unreadable; using 7 business days after the interview"
    )
    assert fallback(decision_by="soonish") == (
        "decision date 'soonish' unreadable; using 7 business days after the interview"
    )
    assert fallback(followed_up="[lost]", decision_by="soonish") == (
        "follow-up date 'lost' unreadable; decision date 'soonish' unreadable; "
        "using 7 business days after the interview"
    )
    assert fallback(decision_by="soonish", follow_up_on="2026-12-01") == (
        "decision date 'soonish' unreadable; using the agreed date"
    )


def test_a_round_without_a_name_is_an_interview_and_a_bare_task_is_a_task():
    text = note(id="a", start="2026-12-20T10:00") + "- [ ] 📅 2026-12-01\n"
    summaries = {a.kind: a.summary for a in actions_on("2026-11-30", text)}
    assert summaries == {"prepare": "Prepare for the interview at Acme", "task": "Task"}


def test_the_first_round_of_several_has_no_earlier_rounds_to_keep_consistent_with():
    first = note(id="a", round="screen", start="2026-12-10T10:00")
    second = note(id="b", round="onsite", start="2026-12-17T10:00")
    prepared = {a.note_id: a.summary for a in actions_on("2026-12-01", first, second)}
    assert prepared == {
        "a": "Prepare for the screen at Acme",
        "b": "Prepare for the onsite at Acme; keep your answers consistent with earlier "
        "rounds: screen 2026-12-10",
    }


def test_two_rounds_at_the_same_moment_are_neither_earlier_than_the_other():
    panel = note(id="a", round="panel", start="2026-12-10T10:00")
    lunch = note(id="b", round="lunch", start="2026-12-10T10:00")
    prepared = {a.note_id: a.summary for a in actions_on("2026-12-01", panel, lunch)}
    assert prepared == {
        "a": "Prepare for the panel at Acme",
        "b": "Prepare for the lunch at Acme",
    }


def test_similar_roles_at_different_companies_are_two_applications_without_a_warning(
    vault, write, run
):
    write("interviews/a.md", note("Fabrikam", "2026-11-10T10:00", id="a", role='"Data Engineer"'))
    write("interviews/b.md", note("Contoso", "2026-11-24T10:00", id="b", role='"Data Engineer II"'))
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 0, checked.output
    assert "is like" not in checked.output
    assert "0 errors, 0 warnings" in checked.output
