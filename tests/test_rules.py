"""Issue 3: each rule at its edges, through the pure core and through `due --format json`."""

from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from interviewkit.config import Settings
from interviewkit.notes.note import read_note
from interviewkit.rules.actions import add_business_days, end_of_day
from interviewkit.rules.agenda import company_rows, open_rows

from .conftest import note

PARIS = ZoneInfo("Europe/Paris")
SETTINGS = Settings(timezone="Europe/Paris")
FULL_BODY = (
    "# x\n## Important points\n- a\n## Questions asked\n- q\n## Fit\nfine\n"
    "## Answers to improve\n- be concrete\n"
)


def parse(text: str, path: str = "interviews/n.md"):
    reading = read_note(path, text.encode(), SETTINGS, True)
    assert reading.note is not None, reading.problems
    return reading.note


def actions_on(day: str, *texts: str):
    """What `due` would list at the end of `day`, through the agenda it uses."""
    notes = [parse(t, f"interviews/n{i}.md") for i, t in enumerate(texts)]
    now = end_of_day(date.fromisoformat(day), PARIS)
    rows, *_ = company_rows(notes, SETTINGS, now)
    return open_rows(rows, now)


def kinds(actions) -> dict[str, object]:
    return {a.kind: a.when for a in actions}


def full(**keys: object) -> str:
    keys.setdefault("people", "[Sam Lee]")
    keys.setdefault("thank_you_sent", "2026-11-20")
    return note(**keys) + FULL_BODY


def test_business_days_skip_weekends():
    friday = date(2026, 11, 20)
    assert add_business_days(friday, 1) == date(2026, 11, 23)
    assert add_business_days(friday, 7) == date(2026, 12, 1)
    assert add_business_days(date(2026, 11, 21), 1) == date(2026, 11, 23)


def test_prepare_before_start_and_gone_once_started():
    text = note(start="2026-11-27T14:00")
    assert kinds(actions_on("2026-11-25", text)) == {"prepare": date(2026, 11, 26)}
    assert "prepare" not in kinds(actions_on("2026-11-27", text))


def test_fresh_interview_owes_everything():
    got = kinds(actions_on("2026-11-20", note(start="2026-11-20T10:00", end="2026-11-20T11:00")))
    assert got == {
        "people": date(2026, 11, 20),
        "debrief": date(2026, 11, 20),
        "thank-you": datetime(2026, 11, 21, 11, 0, tzinfo=PARIS),
        "reflect": date(2026, 11, 22),
        "follow-up": date(2026, 12, 1),
    }


def test_sections_with_only_comments_are_empty():
    text = note(people="[A]") + "## Important points\n<!-- hint -->\n\n## Questions asked\n- q\n"
    assert "debrief" in kinds(actions_on("2026-11-20", text))
    filled = note(people="[A]") + "## Important points\n- p\n### detail\n## Questions asked\n- q\n"
    assert "debrief" not in kinds(actions_on("2026-11-20", filled))


def test_thank_you_is_24_real_hours_across_dst():
    # Clocks in Paris go back on 2026-10-25 at 03:00: 24 elapsed hours end at 10:00 local.
    text = note(start="2026-10-24T10:00", end="2026-10-24T11:00", people="[A]")
    due = kinds(actions_on("2026-10-24", text))["thank-you"]
    assert due == datetime(2026, 10, 25, 10, 0, tzinfo=PARIS)
    assert due.utcoffset().total_seconds() == 3600


def test_thank_you_closed_when_sent_and_lapsing_at_its_deadline_after_a_final_outcome():
    assert "thank-you" not in kinds(actions_on("2026-11-20", note(thank_you_sent="2026-11-20")))
    # owed whether or not you want the job: a rejection leaves it open until the deadline
    rejected = note(outcome="rejected", outcome_on="2026-11-20")
    assert "thank-you" in kinds(actions_on("2026-11-20", rejected))
    assert "thank-you" not in kinds(actions_on("2026-11-21", rejected))  # 11:00 has passed
    assert "thank-you" in kinds(actions_on("2026-11-20", note(outcome="offer")))
    assert "thank-you" in kinds(actions_on("2026-11-25", note(outcome="offer")))  # not final


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ({"follow_up_on": "2026-11-26"}, date(2026, 11, 26)),
        ({"decision_by": "2026-11-27"}, date(2026, 12, 1)),  # Friday + 2 business days
        # the day they agreed wins over the day they said they would decide
        ({"follow_up_on": "2026-11-26", "decision_by": "2026-11-30"}, date(2026, 11, 26)),
        ({}, date(2026, 12, 1)),  # Friday 20th + 7 business days
        ({"follow_up_on": "2026-11-26", "followed_up": "[2026-11-26]"}, date(2026, 12, 3)),
        ({"followed_up": "[2026-11-26, 2026-12-03]"}, None),
        ({"outcome": "offer"}, None),
    ],
)
def test_follow_up_dates(keys, expected):
    got = kinds(actions_on("2026-11-20", full(**keys))).get("follow-up")
    assert got == expected


def test_the_next_follow_up_counts_from_the_latest_one():
    settings = Settings(timezone="Europe/Paris", follow_up_limit=3)
    text = full(followed_up="[2026-11-30, 2026-11-23]")  # written out of order
    parsed = read_note("interviews/n.md", text.encode(), settings, True).note
    now = end_of_day(date(2026, 12, 1), PARIS)
    rows, *_ = company_rows([parsed], settings, now)
    assert kinds(open_rows(rows, now))["follow-up"] == date(2026, 12, 7)


def test_a_rejection_still_asks_for_the_names_of_the_people_met():
    rejected = note(outcome="rejected", outcome_on="2026-11-20")
    assert "people" in kinds(actions_on("2026-11-21", rejected))
    assert "people" not in kinds(actions_on("2026-11-21", note(outcome="withdrawn")))


def test_follow_up_closed_by_later_round_of_same_application_only():
    first = full(role="Engineer", round="phone")
    later_same = full(role="engineer", round="onsite", start="2026-12-05T10:00")
    later_other = full(role="Designer", round="onsite", start="2026-12-05T10:00")
    later_roleless = full(round="onsite", start="2026-12-05T10:00")
    assert "follow-up" not in kinds(actions_on("2026-11-20", first, later_same)[:1])
    with_other = [a for a in actions_on("2026-11-20", first, later_other) if a.role == "Engineer"]
    assert "follow-up" in kinds(with_other)
    with_roleless = actions_on("2026-11-20", first, later_roleless)
    assert "follow-up" not in kinds([a for a in with_roleless if a.round == "phone"])


def test_rejection_of_the_latest_round_closes_every_round():
    first = note(round="phone", role="Engineer", people="[A]")
    second = note(
        round="onsite", role="Engineer", people="[A]", start="2026-11-24T10:00", outcome="rejected"
    )
    actions = actions_on("2026-11-25", first, second)
    assert not [a for a in actions if a.kind in ("thank-you", "follow-up")]
    assert {a.kind for a in actions} >= {"reflect", "debrief"}


def test_withdrawn_closes_notes_to_write_but_not_the_thank_you_before_its_deadline():
    withdrawn = note(outcome="withdrawn", outcome_on="2026-11-20")
    assert kinds(actions_on("2026-11-20", withdrawn)) == {
        "thank-you": datetime(2026, 11, 21, 11, 0, tzinfo=PARIS)
    }
    assert kinds(actions_on("2026-11-21", withdrawn)) == {}


@pytest.mark.parametrize(
    ("outcome_on", "in_feed"),
    [("2026-11-20", True), ("2026-11-21", True), ("2026-11-22", False), (None, False)],
)
def test_the_feed_carries_a_lapsing_thank_you_only_when_the_outcome_came_in_time(
    outcome_on, in_feed
):
    from interviewkit.rules.actions import note_actions
    from interviewkit.rules.applications import Applications

    keys = {"outcome": "withdrawn"} | ({"outcome_on": outcome_on} if outcome_on else {})
    parsed = parse(note(**keys))
    feed = note_actions(parsed, Applications([parsed]), SETTINGS, None)
    assert ("thank-you" in {a.kind for a in feed}) is in_feed


def test_tasks_open_with_due_dates():
    body = (
        "- [ ] emoji 📅 2026-11-25\n"
        "* [/] in progress [due:: 2026-11-26]\n"
        "  1. [ ] numbered 📅 2026-11-27\n"
        "> - [ ] quoted 📅 2026-11-28\n"
        "> [!todo] Callout\n> 2) [ ] in callout 📅 2026-11-29\n"
        "- [x] done 📅 2026-11-25 ✅ 2026-11-24\n"
        "- [X] done too 📅 2026-11-25\n"
        "- [-] cancelled 📅 2026-11-25\n"
        "- [>] forwarded, as a theme draws it 📅 2026-11-30\n"  # to Tasks, still to do
        "- [ ] no date\n"
        "```\n- [ ] fenced 📅 2026-11-25\n```\n"
    )
    text = full() + body
    tasks = [a for a in actions_on("2026-11-20", text) if a.kind == "task"]
    assert sorted((a.summary, a.due) for a in tasks) == [
        ("emoji", "2026-11-25"),
        ("forwarded, as a theme draws it", "2026-11-30"),
        ("in callout", "2026-11-29"),
        ("in progress", "2026-11-26"),
        ("numbered", "2026-11-27"),
        ("quoted", "2026-11-28"),
    ]
    assert all(a.id.startswith(f"{a.note_id}:task:") for a in tasks)


def test_a_task_without_a_due_date_is_listed_on_its_scheduled_day():
    body = (
        "- [ ] planned ⏳ 2026-11-26\n"
        "- [ ] planned too [scheduled:: 2026-11-27]\n"
        "- [ ] due wins 📅 2026-11-30 ⏳ 2026-11-26\n"
        "- [ ] may start 🛫 2026-11-26\n"
        "- [x] planned and done ⏳ 2026-11-26 ✅ 2026-11-25\n"
    )
    tasks = [a for a in actions_on("2026-11-20", full() + body) if a.kind == "task"]
    assert sorted((a.summary, a.due) for a in tasks) == [
        ("due wins", "2026-11-30"),
        ("planned", "2026-11-26"),
        ("planned too", "2026-11-27"),
    ]


def test_due_json_on_the_due_day_itself(vault, write, run):
    write("interviews/a.md", note(start="2026-11-20T10:00", end="2026-11-20T11:00", id="a"))
    result = run("--vault", vault, "due", "--today", "2026-11-21", "--format", "json")
    document = json.loads(result.stdout)
    by_kind = {a["kind"]: a for a in document["actions"]}
    assert by_kind["thank-you"]["due"] == "2026-11-21T11:00:00+01:00"
    assert by_kind["thank-you"]["state"] == "today"
    assert by_kind["people"]["state"] == "overdue"
    assert by_kind["reflect"]["state"] == "upcoming"
    assert document["timezone"] == "Europe/Paris"


def test_within_and_all(vault, write, run):
    write("interviews/a.md", full(start="2026-11-20T10:00", id="a"))
    day = ("--today", "2026-11-20", "--format", "json")
    soon = json.loads(run("--vault", vault, "due", *day, "--within", "3").stdout)["actions"]
    later = json.loads(run("--vault", vault, "due", *day, "--all").stdout)["actions"]
    assert [a["kind"] for a in soon] == []
    assert [a["kind"] for a in later] == ["follow-up"]


def test_check_flag_exits_1_when_overdue(vault, write, run):
    write("interviews/a.md", note(start="2026-11-20T10:00", id="a"))
    assert run("--vault", vault, "due", "--today", "2026-11-20", "--check").exit_code == 0
    assert run("--vault", vault, "due", "--today", "2026-11-25", "--check").exit_code == 1


def test_colour_only_on_a_terminal_and_never_with_no_color(vault, write, run):
    from click.testing import CliRunner

    from interviewkit.cli import main

    write("interviews/a.md", note(start="2026-11-20T10:00", id="a"))
    args = ["--vault", str(vault), "due", "--today", "2026-11-25"]
    terminal = CliRunner().invoke(main, args, color=True, env={"NO_COLOR": ""})
    assert "\x1b[" in terminal.stdout
    assert "\x1b[" not in CliRunner().invoke(main, args, color=True, env={"NO_COLOR": "1"}).stdout
    assert "\x1b[" not in CliRunner().invoke(main, args, env={"NO_COLOR": ""}).stdout
    CliRunner().invoke(
        main, [*args, "--output", str(vault / "due.txt")], color=True, env={"NO_COLOR": ""}
    )
    written = (vault / "due.txt").read_text()
    assert "Overdue" in written and "\x1b[" not in written


@pytest.mark.parametrize("day", ["2026-10-01", "2026-11-12", "2026-11-26", "2026-12-31"])
def test_agenda_by_company_agrees_with_the_rules_note_by_note(sample, day):
    """The agenda (rows worked out per company, filtered by now) lists exactly the
    actions the rules give note by note over the whole vault."""
    from interviewkit.config import load_settings
    from interviewkit.rules.actions import note_actions, sort_key
    from interviewkit.rules.applications import Applications, company_key
    from interviewkit.vault.reader import VaultReader

    settings = load_settings(sample)
    notes = VaultReader(sample, settings, use_cache=False).scan().notes
    now = end_of_day(date.fromisoformat(day), settings.zone)
    apps = Applications(notes)
    expected = sorted(
        (a for n in notes for a in note_actions(n, apps, settings, now)), key=sort_key
    )
    companies: dict[str, list] = {}
    for n in notes:
        companies.setdefault(company_key(n), []).append(n)
    rows = [row for group in companies.values() for row in company_rows(group, settings, now)[0]]
    got = open_rows(rows, now)
    assert len(got) > 3
    assert [(r.id, r.due, r.summary, r.note) for r in got] == [
        (a.id, a.due.isoformat(), a.summary, a.note.path) for a in expected
    ]


def test_company_and_kind_filters(sample, run):
    def ids(*extra):
        result = run(
            "--vault", sample, "due", "--all", "--today", "2026-11-26", "--format", "json", *extra
        )
        assert result.exit_code == 0, result.output
        return [a["id"] for a in json.loads(result.stdout)["actions"]]

    every = ids()
    hooli = ids("--company", "HOOLI")
    assert hooli and all(i.startswith("hooli-") for i in hooli)
    assert hooli == [i for i in every if i.startswith("hooli-")]
    tasks = ids("--kind", "task")
    assert tasks and all(":task:" in i for i in tasks)
    assert ids("--company", "hooli", "--kind", "task") == [i for i in hooli if ":task:" in i]


@pytest.mark.parametrize(
    ("body", "kind", "named"),
    [
        ("## Fit\nfine\n", "reflect", "(Answers to improve is empty)"),
        ("## Answers to improve\n- be concrete\n", "reflect", "(Fit is empty)"),
        ("", "reflect", "(Answers to improve and Fit are empty)"),
        ("## Important points\n- a\n", "debrief", "(Questions asked is empty)"),
        ("## Questions asked\n- q\n", "debrief", "(Important points is empty)"),
    ],
)
def test_debrief_and_reflect_name_the_sections_still_empty(body, kind, named):
    text = note(start="2026-11-20T10:00", people="[Sam Lee]") + body
    (action,) = [a for a in actions_on("2026-11-23", text) if a.kind == kind]
    assert action.summary.endswith(named), action.summary


def test_reflect_closes_only_when_both_sections_have_content_or_on_withdrawal():
    both = "## Fit\nfine\n## Answers to improve\n- be concrete\n"
    assert "reflect" not in kinds(actions_on("2026-11-23", note(start="2026-11-20T10:00") + both))
    withdrawn = note(start="2026-11-20T10:00", outcome="withdrawn")
    assert "reflect" not in kinds(actions_on("2026-11-23", withdrawn))
    rejected = note(start="2026-11-20T10:00", outcome="rejected") + "## Fit\nfine\n"
    assert "reflect" in kinds(actions_on("2026-11-23", rejected))


@pytest.mark.parametrize(
    ("keys", "plain", "in_bavaria"),
    [
        ({"decision_by": "2026-12-23"}, date(2026, 12, 25), date(2026, 12, 28)),  # Christmas
        ({"decision_by": "2027-01-04"}, date(2027, 1, 6), date(2027, 1, 7)),  # Epiphany, in BY
        ({"followed_up": "[2026-12-18]"}, date(2026, 12, 25), date(2026, 12, 28)),  # a week on
        ({"follow_up_on": "2026-12-25"}, date(2026, 12, 25), date(2026, 12, 25)),  # agreed: kept
    ],
)
def test_public_holidays_are_not_business_days_when_set(keys, plain, in_bavaria):
    from dataclasses import replace

    from interviewkit.rules.actions import follow_up_due

    parsed = parse(note(start="2026-11-20T10:00", **keys))
    assert follow_up_due(parsed, SETTINGS)[0] == plain
    assert follow_up_due(parsed, replace(SETTINGS, holidays="DE-BY"))[0] == in_bavaria


def test_a_holiday_calendar_the_package_does_not_know_is_a_config_error(vault, run):
    config = vault / ".interviewkit" / "config.yaml"
    for value, said in [("XX", "'XX' is not a country"), ("DE-ZZ", "'ZZ' is not a region of DE")]:
        config.write_text(f"timezone: Europe/Paris\nholidays: {value}\n")
        result = run("--vault", vault, "due")
        assert result.exit_code == 3 and said in result.stderr, result.stderr
    config.write_text("timezone: Europe/Paris\nholidays: DE-BY\n")
    assert run("--vault", vault, "due").exit_code == 0


def test_init_writes_the_holidays_of_this_machines_zone_else_suggests_its_locales():
    from interviewkit.config import render_config_file

    german = render_config_file({"LANG": "de_DE.UTF-8", "TZ": "UTC"})
    assert '# holidays: "DE"  # suggested from this machine\'s locale' in german
    plain = render_config_file({"LANG": "C.UTF-8", "TZ": "UTC"})
    assert '# holidays: ""' in plain and "suggested" not in plain
    for zone, country in (("America/New_York", "US"), ("Europe/Berlin", "DE")):
        written = render_config_file({"LANG": "C.UTF-8", "TZ": zone})
        assert (
            f'\nholidays: "{country}"  # from this machine\'s time zone; add a region (like '
            'US-NY), or "" for none\n'
        ) in written


def test_init_in_new_york_skips_thanksgiving_in_follow_ups(tmp_path, run):
    """The follow-up of an interview a week before Thanksgiving falls on the Friday
    after it, not on the holiday, once `init` has written the zone's country."""
    result = run("init", tmp_path / "v", env={"TZ": "America/New_York"})
    assert result.exit_code == 0, result.output
    assert "holidays: US (its country's public holidays, written to the config" in result.stdout
    assert "1. check the `timezone` and `holidays` in" in result.stdout
    (tmp_path / "v" / "n.md").write_text(
        "---\ntype: interview\ncompany: Initrode\nstart: 2026-11-17T14:00\n---\n"
    )
    listed = run("--vault", tmp_path / "v", "due", "--all", "--format", "json", "--today",
                 "2026-11-19", env={"TZ": "America/New_York"})  # fmt: skip
    (follow_up,) = [a for a in json.loads(listed.stdout)["actions"] if a["kind"] == "follow-up"]
    assert follow_up["due"] == "2026-11-27"  # seven business days, Thursday the 26th skipped


def test_the_thank_you_names_everyone_met_in_one_phrase():
    def thank(people: str) -> str:
        (action,) = [
            a
            for a in actions_on("2026-11-20", note(id="a", people=people))
            if a.kind == "thank-you"
        ]
        return action.summary

    assert thank("[Dana]") == "Send a thank-you letter to Dana"
    assert thank("[Dana, Sam Lee]") == "Send a thank-you letter to Dana and Sam Lee"
    assert thank("[Dana, Sam Lee, Kim]") == "Send a thank-you letter to Dana, Sam Lee and Kim"
    assert thank("[]") == "Send a thank-you letter to the Acme team"


def test_prepare_names_the_three_latest_earlier_rounds_and_counts_the_rest():
    rounds = [note(id=f"r{i}", round=f"r{i}", start=f"2026-11-0{i + 1}T10:00") for i in range(5)]
    # two rounds at the same moment: neither is earlier than the other
    same = note(id="same", round="panel", start="2026-12-09T10:00")
    final = note(id="final", round="final", start="2026-12-09T10:00")
    prepared = {a.note_id: a.summary for a in actions_on("2026-12-01", *rounds, same, final)}
    assert prepared["final"] == (
        "Prepare for the final at Acme; keep your answers consistent with earlier rounds: "
        "r2 2026-11-03, r3 2026-11-04, r4 2026-11-05 and 2 more"
    )
    assert prepared["same"].endswith("r2 2026-11-03, r3 2026-11-04, r4 2026-11-05 and 2 more")


def test_an_interview_at_midnight_is_still_ahead_at_the_end_of_the_day_before():
    # the end of 8 December is the very moment it starts: not started yet
    assert kinds(actions_on("2026-12-08", note(id="m", start="2026-12-09T00:00"))) == {
        "prepare": date(2026, 12, 8)
    }


def test_close_counts_from_the_latest_of_several_follow_ups_or_says_why_not():
    three = full(id="a", followed_up="[2026-11-27, 2026-12-04, 2026-12-11]")
    (close,) = actions_on("2026-12-20", three)
    assert (close.kind, close.when) == ("close", date(2026, 12, 25))
    (guessed,) = actions_on("2026-11-25", full(id="a", followed_up="[soon, later]"))
    assert guessed.fallback == "follow-up date 'soon' unreadable; counting from the interview"
    early = full(id="a", start="2026-11-20T10:00", followed_up="[2026-11-02, soon, later]")
    (guessed,) = actions_on("2026-11-25", early)
    assert guessed.fallback == (
        "follow-up date 'soon' unreadable; follow-up date '2026-11-02' before the interview; "
        "counting from the interview"
    )


def test_the_default_follow_up_skips_public_holidays_when_they_are_set(vault, write, run):
    write("interviews/a.md", full(id="a", start="2026-12-22T10:00", thank_you_sent="2026-12-22"))

    def follow_up() -> str:
        listed = run("--vault", vault, "due", "--all", "--format", "json", "--today", "2026-12-23")
        (action,) = [a for a in json.loads(listed.stdout)["actions"] if a["kind"] == "follow-up"]
        return action["due"]

    assert follow_up() == "2026-12-31"  # seven business days: weekends only
    (vault / ".interviewkit" / "config.yaml").write_text(
        "timezone: Europe/Paris\nholidays: DE-BY\n"
    )
    assert follow_up() == "2027-01-04"  # 25 and 26 December and 1 January are not business days
