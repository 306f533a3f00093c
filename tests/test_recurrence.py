"""Recurring tasks: `done` writes the next occurrence above the ticked line, as the
Tasks plugin does; a rule it cannot work out is refused and nothing is written."""

from __future__ import annotations

import json
from datetime import date

import pytest

from interviewkit.notes.recurrence import RuleNotRead, next_occurrence

from .conftest import note

DONE = date(2026, 12, 3)  # a Thursday, after every due date below

# (the task line, the next line Tasks writes when it is ticked on DONE)
TABLE = [
    ("- [ ] Water the plant 🔁 every day 📅 2026-12-01", "- [ ] Water the plant 🔁 every day 📅 2026-12-02"),
    ("- [ ] Log hours 🔁 every 3 days 📅 2026-12-01", "- [ ] Log hours 🔁 every 3 days 📅 2026-12-04"),
    ("- [ ] Review 🔁 every week 📅 2026-12-01", "- [ ] Review 🔁 every week 📅 2026-12-08"),
    ("- [ ] Review 🔁 every 2 weeks 📅 2026-12-01", "- [ ] Review 🔁 every 2 weeks 📅 2026-12-15"),
    ("- [ ] Apply 🔁 every week on Monday 📅 2026-11-30", "- [ ] Apply 🔁 every week on Monday 📅 2026-12-07"),
    ("- [ ] Apply 🔁 every week on Monday, Thursday 📅 2026-11-30", "- [ ] Apply 🔁 every week on Monday, Thursday 📅 2026-12-03"),
    ("- [ ] Check mail 🔁 every weekday 📅 2026-12-04", "- [ ] Check mail 🔁 every weekday 📅 2026-12-07"),
    ("- [ ] Invoice 🔁 every month 📅 2026-12-01", "- [ ] Invoice 🔁 every month 📅 2027-01-01"),
    ("- [ ] Invoice 🔁 every 3 months 📅 2026-11-15", "- [ ] Invoice 🔁 every 3 months 📅 2027-02-15"),
    ("- [ ] Rent 🔁 every month on the 15th 📅 2026-11-15", "- [ ] Rent 🔁 every month on the 15th 📅 2026-12-15"),
    ("- [ ] Report 🔁 every month on the last 📅 2026-11-30", "- [ ] Report 🔁 every month on the last 📅 2026-12-31"),
    ("- [ ] Renew 🔁 every year 📅 2026-02-28", "- [ ] Renew 🔁 every year 📅 2027-02-28"),
    ("- [ ] Pay 🔁 every month 📅 2027-01-31", "- [ ] Pay 🔁 every month 📅 2027-02-28"),
    ("- [ ] Pay 🔁 every month 📅 2028-01-31", "- [ ] Pay 🔁 every month 📅 2028-02-29"),
    ("- [ ] Stretch 🔁 every day when done 📅 2026-11-20", "- [ ] Stretch 🔁 every day when done 📅 2026-12-04"),
    ("- [ ] Call 🔁 every week when done 📅 2026-11-20", "- [ ] Call 🔁 every week when done 📅 2026-12-10"),
    ("- [ ] Call 🔁 every week on Monday when done 📅 2026-11-20", "- [ ] Call 🔁 every week on Monday when done 📅 2026-12-07"),
    ("- [ ] Tidy 🔁 every weekday when done 📅 2026-11-20", "- [ ] Tidy 🔁 every weekday when done 📅 2026-12-04"),
    ("- [ ] Budget 🔁 every month when done 📅 2026-11-20", "- [ ] Budget 🔁 every month when done 📅 2027-01-03"),
    ("- [ ] Budget 🔁 every 2 months when done 📅 2026-11-20", "- [ ] Budget 🔁 every 2 months when done 📅 2027-02-03"),
    ("- [ ] Rent 🔁 every month on the 15th when done 📅 2026-11-15", "- [ ] Rent 🔁 every month on the 15th when done 📅 2026-12-15"),
    ("- [ ] Close 🔁 every month on the last when done 📅 2026-11-30", "- [ ] Close 🔁 every month on the last when done 📅 2026-12-31"),
    ("- [ ] Renew 🔁 every year when done 📅 2026-06-01", "- [ ] Renew 🔁 every year when done 📅 2027-12-03"),
    # the other dates move by as many days as the reference date
    ("- [ ] Prep 🔁 every week 🛫 2026-11-27 ⏳ 2026-11-30 📅 2026-12-01", "- [ ] Prep 🔁 every week 🛫 2026-12-04 ⏳ 2026-12-07 📅 2026-12-08"),
    ("- [ ] Prep 🔁 every week ⏳ 2026-11-30", "- [ ] Prep 🔁 every week ⏳ 2026-12-07"),
    ("- [/] Draft 🔁 every week 📅 2026-12-01 ✅ 2026-12-01", "- [ ] Draft 🔁 every week 📅 2026-12-08"),
    ("- [ ] Sync [repeat:: every week] [due:: 2026-12-01]", "- [ ] Sync [repeat:: every week] [due:: 2026-12-08]"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "expected"), TABLE, ids=[row[0][6:40] for row in TABLE])
def test_the_next_occurrence_is_the_one_the_tasks_plugin_writes(line, expected):
    assert next_occurrence(line, DONE) == expected


@pytest.mark.parametrize(
    "rule",
    ["every 2nd tuesday", "every week on Funday", "every month on the 32nd", "every fortnight"],
)
def test_a_rule_outside_the_grammar_is_refused_by_name(rule):
    with pytest.raises(RuleNotRead, match=rule):
        next_occurrence(f"- [ ] Odd 🔁 {rule} 📅 2026-12-01", DONE)


def test_a_task_without_recurrence_or_dates_has_no_next_occurrence():
    assert next_occurrence("- [ ] Once 📅 2026-12-01", DONE) is None
    assert next_occurrence("- [ ] Whenever 🔁 every week", DONE) is None


def task_id(run, vault, words: str) -> str:
    listing = run("--vault", vault, "due", "--all", "--format", "json", "--today", "2026-12-01")
    return next(a["id"] for a in json.loads(listing.stdout)["actions"] if words in a["summary"])


def test_done_writes_the_next_occurrence_above_and_keeps_the_id(vault, write, run):
    path = write(
        "interviews/a.md",
        note(id="a") + "- [ ] Send a weekly update 🔁 every week 📅 2026-12-01\r\n",
    )
    action = task_id(run, vault, "weekly update")
    result = run("--vault", vault, "done", action, "--on", "2026-12-03")
    assert result.exit_code == 0, result.output
    assert "the next one is on line" in result.stdout
    body = path.read_bytes().decode().split("---\n")[-1]
    assert body.endswith(
        "- [ ] Send a weekly update 🔁 every week 📅 2026-12-08\r\n"
        "- [x] Send a weekly update 🔁 every week 📅 2026-12-01 ✅ 2026-12-03\r\n"
    )
    assert task_id(run, vault, "weekly update") == action  # the open one keeps the id


def test_a_rule_it_cannot_work_out_is_refused_and_nothing_is_written(vault, write, run):
    path = write(
        "interviews/a.md", note(id="a") + "- [ ] Odd one 🔁 every 2nd tuesday 📅 2026-12-01\n"
    )
    before = path.read_bytes()
    result = run("--vault", vault, "done", task_id(run, vault, "Odd one"), "--on", "2026-12-03")
    assert result.exit_code == 2
    assert (
        "the recurrence 'every 2nd tuesday' is not one interviewkit can work out" in result.stderr
    )
    assert path.read_bytes() == before
