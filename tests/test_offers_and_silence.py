"""Issue 16: offers get a decision day, silences get closed, and `status` counts only
what the company decided. Through the real CLI on real files."""

from __future__ import annotations

import json

import pytest

from interviewkit.vocabulary import OUTCOMES

from .conftest import note
from .icscheck import validate
from .test_record import changed_lines

FULL_BODY = (
    "# x\n## Important points\n- a\n## Questions asked\n- q\n## Fit\nfine\n"
    "## Answers to improve\n- be concrete\n"
)


def full(**keys: object) -> str:
    keys.setdefault("people", "[Sam Lee]")
    keys.setdefault("thank_you_sent", "2026-11-20")
    return note(**keys) + FULL_BODY


def due(run, vault, today: str) -> dict[str, dict]:
    result = run("--vault", vault, "due", "--all", "--format", "json", "--today", today)
    assert result.exit_code == 0, result.output
    return {a["id"]: a for a in json.loads(result.stdout)["actions"]}


def test_outcome_offer_with_a_deadline_writes_it_next_to_the_outcome(vault, write, run):
    path = write("interviews/a.md", full(id="a", outcome="pending  # waiting", tags="[x]"))
    before = path.read_bytes()
    result = run(
        "--vault", vault, "outcome", "a", "offer", "--on", "2026-11-24", "--deadline", "2026-12-07"
    )
    assert result.exit_code == 0, result.output
    assert "offer_deadline: 2026-12-07" in result.stdout
    assert changed_lines(before, path.read_bytes()) == [
        "- outcome: pending  # waiting\n",
        "+ outcome: offer  # waiting\n",
        "+ outcome_on: 2026-11-24\n",
        "+ offer_deadline: 2026-12-07\n",
    ]


def test_an_offer_without_a_deadline_gets_a_tip_on_stderr(vault, write, run):
    write("interviews/a.md", full(id="a"))
    result = run("--vault", vault, "outcome", "a", "offer", "--on", "2026-11-24")
    assert result.exit_code == 0
    assert result.stdout.strip() == "interviews/a.md: outcome: offer (outcome_on: 2026-11-24)"
    assert "--deadline" in result.stderr


def test_a_deadline_before_the_offer_is_written_with_a_warning(vault, write, run):
    write("interviews/a.md", full(id="a"))
    args = ["--vault", vault, "outcome", "a", "offer", "--on", "2026-11-24", "--deadline"]
    typo = run(*args, "2026-11-07")
    assert typo.exit_code == 0 and "offer_deadline: 2026-11-07" in typo.stdout
    assert (
        "warning: the deadline 2026-11-07 comes before the offer, on 2026-11-24 (was --deadline "
        "mistyped?)" in typo.stderr
    )
    assert "warning" not in run(*args, "2026-11-24").stderr  # the same day is a real deadline


@pytest.mark.parametrize(
    ("written", "read"),
    [("Rejected", "rejected"), ("No response", "no_response"), ("no-response", "no_response")],
)
def test_outcome_takes_the_value_as_notes_read_it(vault, write, run, written, read):
    write("interviews/a.md", full(id="a"))
    result = run("--vault", vault, "outcome", "a", written, "--on", "2026-11-24")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"interviews/a.md: outcome: {read} (outcome_on: 2026-11-24)\n"


def test_a_misspelt_outcome_is_refused_with_the_closest(vault, write, run):
    path = write("interviews/a.md", full(id="a"))
    before = path.read_bytes()
    result = run("--vault", vault, "outcome", "a", "rejectd")
    assert result.exit_code == 2 and path.read_bytes() == before
    assert "'rejectd' is not an outcome; did you mean rejected? (the outcomes: pending," in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("Cancelled", "if the interview moved, change `start`; if the company ended the process"),
        ("ghosted", "did you mean no_response?"),
        ("Offer accepted!", "did you mean accepted?"),
        ("On hold", "while the process goes on, or waits, the outcome is pending"),
        ("passed", "a round you got through stays pending: write the next round's note"),
        ("No offer", "did you mean rejected? (declined is for an offer you turned down)"),
        ("Failed", "did you mean rejected?"),
        ("done", "the outcome is the company's answer, pending until it comes"),
        ("Angebot", "did you mean offer?"),
        ("Zusage", "if they made you an offer, offer; if you took it, accepted"),
        ("zurückgezogen", "did you mean withdrawn?"),
    ],
)
def test_words_people_use_for_an_outcome_get_advice(vault, write, run, written, hint):
    path = write("interviews/a.md", full(id="a"))
    before = path.read_bytes()
    refused = run("--vault", vault, "outcome", "a", written)
    assert refused.exit_code == 2 and path.read_bytes() == before
    assert f"{written!r} is not an outcome; {hint}" in refused.stderr
    write("interviews/b.md", full(id="b", outcome=f'"{written}"'))
    checked = run("--vault", vault, "check")
    assert f"outcome: {written!r} is not one of " in checked.stdout
    assert f"; read as pending; {hint}" in checked.stdout


@pytest.mark.parametrize("written", ["not accepted", "non-offer", "no decline"])
def test_a_word_that_says_no_is_never_offered_the_outcome_it_denies(vault, write, run, written):
    write("interviews/a.md", full(id="a"))
    refused = run("--vault", vault, "outcome", "a", written)
    assert refused.exit_code == 2
    assert f"{written!r} is not an outcome (the outcomes: pending," in refused.stderr


def test_an_outcome_followed_by_words_is_named_and_the_note_says_where_words_go(vault, write, run):
    """Read as pending, as any text that is no outcome; the advice names the outcome the
    text starts with, and in a note, the comment that keeps the words."""
    path = write("interviews/a.md", full(id="a"))
    before = path.read_bytes()
    refused = run("--vault", vault, "outcome", "a", "withdrawn (took another offer)")
    assert refused.exit_code == 2 and path.read_bytes() == before
    assert "is not an outcome; did you mean withdrawn? (the outcomes:" in refused.stderr
    write("interviews/b.md", full(id="b", outcome='"withdrawn (took another offer)"'))
    checked = run("--vault", vault, "check").stdout
    assert (
        "read as pending; did you mean withdrawn? (to keep the other words, put them in a "
        "YAML comment, which is kept and not read: `outcome: withdrawn  # took another offer`)"
        in checked
    )


def test_a_deadline_goes_with_an_offer_only(vault, write, run):
    path = write("interviews/a.md", full(id="a"))
    before = path.read_bytes()
    result = run("--vault", vault, "outcome", "a", "rejected", "--deadline", "2026-12-07")
    assert result.exit_code == 2
    assert "--deadline is the day to answer an offer by" in result.stderr
    assert path.read_bytes() == before


def test_an_offer_with_a_deadline_opens_decide_until_it_is_answered(vault, write, run):
    write(
        "interviews/a.md",
        full(id="a", outcome="offer", outcome_on="2026-11-24", offer_deadline="2026-12-07"),
    )
    decide = due(run, vault, "2026-11-25")["a:decide"]
    assert decide["due"] == "2026-12-07"
    assert "Decide on the offer from Acme" in decide["summary"]
    # still owed, and overdue, after the deadline: nothing was recorded
    assert due(run, vault, "2026-12-09")["a:decide"]["due"] == "2026-12-07"
    result = run("--vault", vault, "outcome", "a", "accepted", "--on", "2026-12-01")
    assert result.exit_code == 0, result.output
    assert "a:decide" not in due(run, vault, "2026-12-01")


@pytest.mark.parametrize("closing", ["accepted", "declined", "rejected", "withdrawn"])
def test_every_answer_to_an_offer_closes_decide(vault, write, run, closing):
    write("interviews/a.md", full(id="a", outcome=closing, offer_deadline="2026-12-07"))
    assert not [k for k in due(run, vault, "2026-11-25") if k.endswith(":decide")]


def test_an_offer_without_a_deadline_opens_no_decide(vault, write, run):
    write("interviews/a.md", full(id="a", outcome="offer"))
    assert "a:decide" not in due(run, vault, "2026-11-25")


def test_done_decide_says_how_to_answer_and_writes_nothing(vault, write, run):
    path = write("interviews/a.md", full(id="a", outcome="offer", offer_deadline="2026-12-07"))
    before = path.read_bytes()
    result = run("--vault", vault, "done", "a:decide")
    assert result.exit_code == 1
    assert "outcome interviews/a.md accepted" in result.stderr
    assert path.read_bytes() == before


def test_an_unreadable_offer_deadline_is_named_and_costs_only_decide(vault, write, run):
    write("interviews/a.md", full(id="a", outcome="offer", offer_deadline="next friday"))
    result = run("--vault", vault, "check")
    assert "interviews/a.md:7: offer_deadline: 'next friday'" in result.stderr + result.stdout
    listed = due(run, vault, "2026-11-25")
    assert "a:decide" not in listed
    assert "a:reflect" not in listed  # the rest of the note is read as usual


def test_decide_reaches_the_feed_by_default(vault, write, run):
    write("interviews/a.md", full(id="a", outcome="offer", offer_deadline="2026-12-07"))
    result = run("--vault", vault, "feed")
    assert result.exit_code == 0, result.output
    events = validate(result.stdout_bytes)
    decide = [e for e in events if e["UID"].startswith("a.decide@")]
    assert len(decide) == 1
    assert decide[0]["DTSTART;VALUE=DATE"] == "20261207"
    assert decide[0]["SUMMARY"].startswith("Decide on the offer from Acme")


SILENT = {"thank_you_sent": "2026-11-20", "followed_up": "[2026-11-27, 2026-12-04]"}


def test_a_silent_application_past_its_follow_ups_gets_close(vault, write, run):
    write("interviews/a.md", full(id="a", **SILENT))
    listed = due(run, vault, "2026-12-05")
    assert "a:follow-up" not in listed
    close = listed["a:close"]
    assert close["due"] == "2026-12-18"  # close_after_days (14) after the last follow-up
    assert "after 2 follow-ups: record no_response" in close["summary"]


def test_close_moves_off_a_public_holiday(vault, write, run):
    (vault / ".interviewkit" / "config.yaml").write_text(
        "timezone: Europe/Paris\nholidays: DE-BY\nclose_after_days: 7\n"
    )
    # 2026-12-18 + 7 = Friday 25 December, a holiday; the 26th is one too, then a weekend
    write("interviews/a.md", full(id="a", followed_up="[2026-12-11, 2026-12-18]"))
    assert due(run, vault, "2026-12-19")["a:close"]["due"] == "2026-12-28"


def test_close_counting_from_the_interview_when_no_follow_up_date_is_readable(vault, write, run):
    write("interviews/a.md", full(id="a", followed_up="[soon, later]"))
    close = due(run, vault, "2026-11-25")["a:close"]
    assert close["due"] == "2026-12-04"  # 14 days after the interview on 2026-11-20
    assert "counting from the interview" in close["fallback"]


def test_done_close_records_no_response_and_closes_everything(vault, write, run):
    path = write("interviews/a.md", full(id="a", outcome="pending", **SILENT))
    before = path.read_bytes()
    result = run("--vault", vault, "done", "a:close", "--on", "2026-12-18")
    assert result.exit_code == 0, result.output
    assert changed_lines(before, path.read_bytes()) == [
        "- outcome: pending\n",
        "+ outcome: no_response\n",
        "+ outcome_on: 2026-12-18\n",
    ]
    assert due(run, vault, "2026-12-18") == {}
    assert run("--vault", vault, "check", "--today", "2026-12-18").exit_code == 0


def test_done_close_by_company_and_kind(vault, write, run):
    write("interviews/a.md", full(id="a", **SILENT))
    result = run("--vault", vault, "done", "Acme", "close", "--on", "2026-12-18")
    assert result.exit_code == 0, result.output
    assert "outcome: no_response" in result.stdout


def test_no_response_is_an_outcome_the_command_offers(vault, write, run):
    write("interviews/a.md", full(id="a"))
    shown = " ".join(run("outcome", "--help").stdout.split())
    assert "NOTE OUTCOME" in shown  # not every choice, broken across lines
    assert f"OUTCOME is one of {', '.join(OUTCOMES[:-1])} and {OUTCOMES[-1]}" in shown
    assert run("--vault", vault, "outcome", "a", "no_response").exit_code == 0
    bad = write("interviews/b.md", full(id="b", company="Beta", outcome="ghosted"))
    result = run("--vault", vault, "check", bad)
    assert "no_response" in result.stderr + result.stdout  # named among the outcomes


def status_totals(run, vault, today: str = "2026-12-20") -> dict:
    result = run("--vault", vault, "status", "--format", "json", "--today", today)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["totals"]


def test_status_counts_only_the_companys_answers(vault, write, run):
    write("interviews/a.md", full(id="a", company="A", outcome="rejected", outcome_on="2026-11-30"))
    write("interviews/b.md", full(id="b", company="B", outcome="offer", outcome_on="2026-11-24"))
    write(
        "interviews/c.md", full(id="c", company="C", outcome="withdrawn", outcome_on="2026-11-21")
    )
    write("interviews/d.md", full(id="d", company="D", outcome="no_response"))
    write("interviews/e.md", full(id="e", company="E"))  # pending, one round
    totals = status_totals(run, vault)
    assert totals["applications"] == 5
    assert totals["withdrawn_before_response"] == 1
    assert totals["no_response"] == 1
    assert (totals["responded"], totals["response_base"]) == (2, 4)
    assert totals["response_share"] == 0.5
    assert totals["median_days_to_response"] == 7  # 10 and 4 days; the withdrawal not at all


def test_a_later_round_is_an_answer_and_a_withdrawal_after_it_stays_counted(vault, write, run):
    write("interviews/a1.md", full(id="a1", role="Dev", round="one"))
    write(
        "interviews/a2.md",
        full(id="a2", role="Dev", round="two", start="2026-11-27T10:00", outcome="withdrawn"),
    )
    write("interviews/b.md", full(id="b", company="B", outcome="no_response"))
    # silence after a second round is still no answer to the application
    write("interviews/c1.md", full(id="c1", company="C", round="one"))
    write(
        "interviews/c2.md",
        full(id="c2", company="C", round="two", start="2026-11-27T10:00", outcome="no_response"),
    )
    totals = status_totals(run, vault)
    assert totals["withdrawn_before_response"] == 0
    assert (totals["responded"], totals["response_base"]) == (1, 3)
    assert totals["median_days_to_response"] is None  # no answer with an outcome


def test_status_text_says_what_is_left_out(vault, write, run):
    write("interviews/a.md", full(id="a", company="A", outcome="rejected", outcome_on="2026-11-30"))
    write("interviews/c.md", full(id="c", company="C", outcome="withdrawn"))
    result = run("--vault", vault, "status", "--today", "2026-12-20")
    assert "Company responses: 1 of 1 (100%); not counting 1 you withdrew" in result.stdout
    markdown = run("--vault", vault, "status", "--format", "markdown", "--today", "2026-12-20")
    assert 'N["No response: 0"]' in markdown.stdout


def test_a_synonym_of_offer_deadline_is_a_warning_naming_it(vault, write, run):
    write("interviews/a.md", full(id="a", outcome="offer", answer_by="2026-12-07"))
    result = run("--vault", vault, "check")
    assert "did you mean `offer_deadline`? interviewkit does not read `answer_by`" in (
        result.stdout + result.stderr
    )


def test_a_later_round_at_a_company_of_a_like_name_is_named_on_the_follow_up(vault, write, run):
    """`Acme` and `Acme GmbH` are two applications as written, so the onsite at one
    does not end the follow-ups of the phone screen at the other; the reminder that
    may be stale says why, in `due` itself, not only in `check`."""
    write("interviews/a.md", note("Acme", "2026-11-10T10:00", thank_you_sent="2026-11-10"))
    write("interviews/b.md", note("Acme GmbH", "2026-11-20T10:00", thank_you_sent="2026-11-20"))
    # Acme GmbH's first round, before Acme's: its latest round is the one compared
    write("interviews/b0.md", note("Acme GmbH", "2026-11-03T10:00", thank_you_sent="2026-11-03"))
    write("interviews/c.md", note("Acme Robotics", "2026-11-05T10:00", thank_you_sent="2026-11-05"))
    write("interviews/d.md", note("Initech", "2026-11-25T10:00", thank_you_sent="2026-11-25"))
    result = run("--vault", vault, "due", "--all", "--today", "2026-12-01", "--format", "json")
    follow_ups = {
        a["note"]: a["warning"]
        for a in json.loads(result.stdout)["actions"]
        if a["kind"] == "follow-up"
    }
    later = (
        "interviews/b.md holds a later round (2026-11-20) at a company of a like name: if it "
        "is the same application, write the company the same way in both notes, and this "
        "reminder ends"
    )
    assert follow_ups == {
        "interviews/a.md": later,
        "interviews/b.md": None,  # the latest: nothing later to end it
        # Acme Robotics holds Acme, whose round is later; not Acme GmbH, a name apart
        "interviews/c.md": later.replace("b.md", "a.md").replace("11-20", "11-10"),
        "interviews/d.md": None,
    }
    write("interviews/b.md", note("Acme", "2026-11-20T10:00", thank_you_sent="2026-11-20"))
    result = run("--vault", vault, "due", "--all", "--today", "2026-12-01", "--format", "json")
    kinds = {(a["note"], a["kind"]) for a in json.loads(result.stdout)["actions"]}
    assert ("interviews/a.md", "follow-up") not in kinds  # one application now: it ended


@pytest.mark.parametrize(
    ("outcome", "kept"),
    [
        ("offer", {"people", "debrief", "reflect"}),
        ("accepted", {"people"}),  # the job is taken: no next interview to note things for
        ("declined", {"people", "debrief", "reflect"}),  # the search goes on
        ("rejected", {"people", "debrief", "reflect"}),  # still worth reflecting on
        ("withdrawn", set()),
    ],
)
def test_taking_the_job_ends_the_notes_kept_for_the_next_interviews(
    vault, write, run, outcome, kept
):
    """With the application's outcome `accepted`, the debrief and the reflection of
    its rounds are owed no more; any other outcome but a withdrawal keeps them."""
    write("interviews/a.md", note(id="a", outcome=outcome, thank_you_sent="2026-11-20"))
    open_kinds = {a["kind"] for a in due(run, vault, "2026-11-30").values()}
    assert open_kinds & {"people", "debrief", "reflect"} == kept


def test_status_names_the_applications_still_open_once_an_offer_is_accepted(vault, write, run):
    """They would go on asking for follow-ups: status says which to tell and close, in
    the table and in the Markdown note; a rejected one is not open."""
    write("interviews/a.md", full(id="a", company="Hooli", outcome="accepted"))
    write("interviews/b.md", full(id="b", company="Globex", role="SRE"))
    write("interviews/c.md", full(id="c", company="Initech", outcome="offer"))
    write("interviews/d.md", full(id="d", company="Umbrella", outcome="rejected"))
    said = (
        "Offer accepted: Hooli. Still open: Globex (SRE), Initech: tell them, then record it "
        "with `interviewkit outcome COMPANY withdrawn` (`declined` for an offer)"
    )
    table = run("--vault", vault, "status", "--today", "2026-11-30").stdout
    assert table.endswith(said + "\n")
    markdown = run("--vault", vault, "status", "--format", "markdown", "--today", "2026-11-30")
    assert f"\n- {said}\n" in markdown.stdout
    for path in ("b", "c"):
        write(f"interviews/{path}.md", full(id=path, company=path, outcome="withdrawn"))
    assert "Offer accepted" not in run("--vault", vault, "status", "--today", "2026-11-30").stdout


def test_follow_ups_of_rounds_before_an_offer_accepted_elsewhere_warn(vault, write, run):
    """Kept, as every reminder is, but each says the search it was part of is over:
    tell them, and record the withdrawal. A round after the acceptance is a new
    search, and says nothing of it."""
    write("interviews/a.md", full(id="a", company="Hooli", outcome="accepted",
                                  outcome_on="2026-11-25"))  # fmt: skip
    write("interviews/b.md", full(id="b", company="Globex", follow_up_on="2026-11-27"))
    write("interviews/c.md", full(id="c", company="Initech", start="2026-11-26T10:00",
                                  thank_you_sent="2026-11-26"))  # fmt: skip
    write("interviews/d.md", full(id="d", company="Umbrella", **SILENT))
    write("interviews/e.md", full(id="e", company="Stark", outcome="offer",
                                  offer_deadline="2026-12-10"))  # fmt: skip
    listed = due(run, vault, "2026-12-20")
    assert listed["e:decide"]["warning"] == (
        "you accepted the offer from Hooli on 2026-11-25: tell them you decline this one, "
        "and record it with `interviewkit outcome e declined`"
    )
    said = (
        "you accepted the offer from Hooli on 2026-11-25: rather than follow up, tell them, "
        "and record it with `interviewkit outcome {} withdrawn`"
    )
    assert listed["b:follow-up"]["warning"] == said.format("b")
    assert listed["d:close"]["warning"] == said.format("d")
    assert listed["c:follow-up"]["warning"] is None  # started after the acceptance
    assert not any(a["warning"] for a in listed.values() if a["note_id"] in ("a", "c"))
    table = run("--vault", vault, "due", "--all", "--today", "2026-12-20").stdout
    assert f"warning: {said.format('b')}" in table
    feed = run("--vault", vault, "feed")
    assert feed.exit_code == 0, feed.output
    events = {e["UID"]: e for e in validate(feed.stdout_bytes)}
    assert events["b.follow-up@interviewkit"]["DESCRIPTION"].startswith(
        "Warning: " + said.format("b").replace(",", "\\,")
    )
    assert "Warning" not in events["c.follow-up@interviewkit"]["DESCRIPTION"]
    # without outcome_on, the accepted round's own day counts
    write("interviews/a.md", full(id="a", company="Hooli", outcome="accepted"))
    assert "on 2026-11-20:" in due(run, vault, "2026-12-20")["b:follow-up"]["warning"]
    write("interviews/a.md", full(id="a", company="Hooli", outcome="offer"))
    assert not any(a["warning"] for a in due(run, vault, "2026-12-20").values())


def test_an_offer_accepted_on_a_day_still_to_come_is_one_error(vault, write, run):
    write("interviews/a.md", full(id="a", company="Hooli", outcome="accepted",
                                  outcome_on="2026-12-28"))  # fmt: skip
    write("interviews/b.md", full(id="b", company="Globex", follow_up_on="2026-11-27"))
    result = run("--vault", vault, "due", "--all", "--format", "json", "--today", "2026-11-30")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert [(p["note"], p["message"][:40]) for p in document["problems"]] == [
        ("interviews/a.md", "outcome_on: 2026-12-28 is a day still to")
    ]
    (follow_up,) = [a for a in document["actions"] if a["id"] == "b:follow-up"]
    assert "you accepted the offer from Hooli on 2026-12-28" in follow_up["warning"]


def test_the_warning_names_the_first_offer_accepted_after_the_round(vault, write, run):
    write("interviews/a.md", full(id="a", company="Hooli", outcome="accepted",
                                  outcome_on="2026-11-25"))  # fmt: skip
    write("interviews/w.md", full(id="w", company="Wayne", start="2026-11-26T10:00",
                                  outcome="accepted", outcome_on="2026-12-02"))  # fmt: skip
    write("interviews/b.md", full(id="b", company="Globex", follow_up_on="2026-11-27"))
    write("interviews/c.md", full(id="c", company="Initech", start="2026-11-27T10:00",
                                  thank_you_sent="2026-11-27"))  # fmt: skip
    write("interviews/h.md", full(id="h", company="Hooli", role="SRE", start="2026-11-21T10:00",
                                  thank_you_sent="2026-11-21"))  # fmt: skip
    listed = due(run, vault, "2026-12-20")
    named = {
        a["id"]: a["warning"].split(" on ")[0].removeprefix("you accepted the offer from ")
        for a in listed.values()
        if a["warning"]
    }
    # Hooli's own other role is warned of Wayne, the first acceptance elsewhere after it
    assert named == {"b:follow-up": "Hooli", "c:follow-up": "Wayne", "h:follow-up": "Wayne"}


def test_an_offer_accepted_for_one_role_ends_the_others_at_the_same_company(vault, write, run):
    """Accepting Backend Engineer at Fabrikam ends a Platform Engineer application
    there too: tell them. A round of the accepted role, however its name is spelt, is
    over, and a later round of it is not warned. (An offer accepted without a role may be that of any application there: see
    the test above, where Hooli's SRE round is warned of Wayne.)"""
    write("interviews/a.md", full(id="a", company="Fabrikam", role="Senior Backend Engineer",
                                  outcome="accepted", outcome_on="2026-11-25"))  # fmt: skip
    write("interviews/p.md", full(id="p", company="fabrikam", role="Platform Engineer",
                                  follow_up_on="2026-11-27"))  # fmt: skip
    write("interviews/q.md", full(id="q", company="Fabrikam", role="Data Engineer",
                                  outcome="offer", offer_deadline="2026-12-10"))  # fmt: skip
    write("interviews/s.md", full(id="s", company="Fabrikam", role="Sr. Backend Eng",
                                  start="2026-11-19T10:00", follow_up_on="2026-11-27"))  # fmt: skip
    write("interviews/t.md", full(id="t", company="Fabrikam", role="Sr Backend Engineer",
                                  start="2026-11-23T10:00", follow_up_on="2026-12-01",
                                  thank_you_sent="2026-11-23"))  # fmt: skip
    listed = due(run, vault, "2026-12-20")
    accepted = "you accepted the offer from Fabrikam (Senior Backend Engineer) on 2026-11-25"
    assert listed["p:follow-up"]["warning"] == (
        f"{accepted}: rather than follow up, tell them, and record it with "
        "`interviewkit outcome p withdrawn`"
    )
    assert listed["q:decide"]["warning"] == (
        f"{accepted}: tell them you decline this one, and record it with "
        "`interviewkit outcome q declined`"
    )
    assert "s:follow-up" not in listed  # the role accepted, spelt otherwise: it is over
    assert listed["t:follow-up"]["warning"] is None  # a later round of that role, as odd as it is
    feed = run("--vault", vault, "feed")
    assert feed.exit_code == 0, feed.output
    events = {e["UID"]: e for e in validate(feed.stdout_bytes)}
    assert events["p.follow-up@interviewkit"]["DESCRIPTION"].startswith(f"Warning: {accepted}")


NAMED = (
    "your next steps name Fri 2026-11-27, but no date key holds it: write the day they "
    "said you may follow up in follow_up_on, or the day they decide in decision_by; using "
    "7 business days after the interview"
)


@pytest.mark.parametrize(
    ("keys", "body"),
    [
        ({}, "## Hiring process and next steps\nThey decide by Friday 27 November.\n"),
        ({}, "## Hiring process and next steps\n- follow up from Nov 27th if no news\n"),
        ({"next_steps": "decision on 2026-11-27"}, ""),
        ({}, "## Hiring process and next steps\nBis 27. November entscheiden sie.\n"),
    ],
)
def test_a_day_named_in_the_next_steps_is_pointed_out_beside_the_follow_up(
    vault, write, run, keys, body
):
    """They said when, and it went into the words: the follow-up still falls where the
    rules put it, and says which key would make the day they named count."""
    write("interviews/a.md", full(id="a", **keys) + body)
    follow_up = due(run, vault, "2026-11-21")["a:follow-up"]
    assert follow_up["due"] == "2026-12-01"
    assert follow_up["fallback"] == NAMED
    shown = run("--vault", vault, "due", "--all", "--today", "2026-11-21").stdout
    assert "fallback: your next steps name Fri 2026-11-27" in shown
    drafted = run("--vault", vault, "draft", "follow-up", "a", "--today", "2026-11-21")
    assert (
        "note: the day to follow up is Tuesday 2026-12-01 (in 10 days): send it then, not "
        f"before ({NAMED})\n"
    ) in drafted.stderr


@pytest.mark.parametrize(
    ("keys", "body"),
    [
        ({"follow_up_on": "2026-11-30"}, "## Hiring process and next steps\nBy 27 November.\n"),
        ({"decision_by": "2026-11-27"}, "## Hiring process and next steps\nBy 27 November.\n"),
        (  # in a comment
            {},
            "## Hiring process and next steps\n<!-- e.g. by 27 November -->\nThey will call.\n",
        ),
        (  # what a value that cannot be read costs is said on its own
            {"follow_up_on": "next week"},
            "## Hiring process and next steps\nBy 27 November.\n",
        ),
        ({}, "## Hiring process and next steps\nFirst call was on 12 November.\n"),  # before
        ({}, "## Important points\nThey ship on 27 November.\n"),  # another section
        ({}, "## Hiring process and next steps\nwe may 27 see\n"),  # `may`, a verb
    ],
)
def test_no_day_is_pointed_out_where_none_is_owed(vault, write, run, keys, body):
    write("interviews/a.md", full(id="a", **keys) + body)
    assert "next steps" not in (due(run, vault, "2026-11-21")["a:follow-up"]["fallback"] or "")


def test_a_day_written_into_the_next_steps_later_is_pointed_out_too(vault, write, run):
    """A body edit reads the body again over the cached front matter: the days named
    are found again there."""
    path = write("interviews/a.md", full(id="a") + "## Hiring process and next steps\n")
    assert not due(run, vault, "2026-11-21")["a:follow-up"]["fallback"]
    path.write_text(path.read_text() + "Decision by 27 Nov.\n")
    assert due(run, vault, "2026-11-21")["a:follow-up"]["fallback"] == NAMED


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("by Jan 8th, or 2027-01-15", ("2027-01-08", "2027-01-15")),  # the next 8 January
        ("8 January 2026", ()),  # the year written wins: before the interview
        ("on 31 November", ()),  # no such day
        ("in May", ()),  # a month alone names no day
        ("7 April 2027", ()),  # more than four months on
        ("2026-12-11 and again 11 Dec", ("2026-12-11",)),  # each day once
    ],
)
def test_days_named_in_words(text, days):
    from datetime import date

    from interviewkit.notes.prose_days import days_named

    assert tuple(d.isoformat() for d in days_named(text, date(2026, 12, 3))) == days
