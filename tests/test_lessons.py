"""Lessons resurface: better answers tied to their questions, questions asked at other
companies in the brief, and offers side by side with their ratings."""

from __future__ import annotations

import json

import pytest

from .conftest import note

TODAY = "2026-11-30"


def test_answers_are_tied_to_their_question_both_ways(vault, write, run):
    write(
        "interviews/a.md",
        note(id="a", company="Acme")
        + "## Questions asked\n- Why do you want to leave?\n- What is your notice period?\n\n"
        "## Answers to improve\n- why do you want to LEAVE: say what I want to move towards\n"
        "- What is your notice period\n  - Three months, negotiable to two.\n"
        "- A loose thought about salary\n",
    )
    write(
        "interviews/b.md",
        note(id="b", company="Globex", start="2026-11-25T10:00")
        + "## Questions asked\n- Why do you want to leave?\n\n"
        "## Answers to improve\n- Why do you want to leave? — mention the team, not the pay\n",
    )
    bank = json.loads(run("--vault", vault, "questions", "--format", "json").stdout)["questions"]
    answers = {q["question"]: [a["answer"] for a in q["answers_to_improve"]] for q in bank}
    assert answers == {
        "Why do you want to leave?": [
            "say what I want to move towards",
            "mention the team, not the pay",
        ],
        "What is your notice period?": ["Three months, negotiable to two."],
    }
    table = run("--vault", vault, "questions").stdout
    assert (
        "    Answers to improve:\n        - Three months, negotiable to two. (Acme, interview"
        in table
    )
    assert "salary" not in table


def test_a_question_naming_the_company_that_asked_it_is_one_question_everywhere(vault, write, run):
    """`Why Acme?` at Acme and `why globex` at Globex are the question every company
    asks, shown with `[company]` for the name, and an answer tied at either counts;
    `Why Acme?` asked at Globex is another question, and a company's name inside a
    word stays as it is."""
    write(
        "interviews/a.md",
        note(id="a", company="Acme Robotics")
        + "## Questions asked\n- Why Acme Robotics?\n- What do you know about Acme Robotics?\n\n"
        "## Answers to improve\n- Why acme robotics: the robots, and the team I met\n",
    )
    write(
        "interviews/b.md",
        note(id="b", company="Globex", start="2026-11-25T10:00")
        + "## Questions asked\n- why globex\n- Why Acme Robotics?\n- Why Globexia?\n\n"
        "## Answers to improve\n- Why Globex\n  - what I would build there\n",
    )
    bank = json.loads(run("--vault", vault, "questions", "--format", "json").stdout)["questions"]
    asked = {
        q["question"]: (q["count"], [a["answer"] for a in q["answers_to_improve"]]) for q in bank
    }
    assert asked == {
        "Why [company]?": (2, ["the robots, and the team I met", "what I would build there"]),
        "What do you know about Acme Robotics?": (1, []),  # asked at one company: as written
        "Why Acme Robotics?": (1, []),  # at Globex: about another company
        "Why Globexia?": (1, []),
    }


def test_brief_shows_questions_asked_elsewhere_and_how_earlier_rounds_felt(golden, run, sample):
    brief = run("--vault", sample, "brief", "acme", "--today", TODAY).stdout
    golden("brief-acme.md", brief)
    felt = brief.split("## How the earlier rounds felt\n", 1)[1].split("\n## ", 1)[0]
    assert "Friendly and direct." in felt and "A calm team" in felt
    elsewhere = brief.split("## Asked elsewhere\n", 1)[1]
    items = [line for line in elsewhere.splitlines() if line.startswith("- **")]
    assert len(items) == 5
    assert items[0].startswith("- **Tell me about yourself.** (5 times: ")
    assert "Acme Robotics" not in items[0]  # other companies only
    assert "  - Better: start from the failure modes, not the tools." in elsewhere


def test_compare_shows_two_offers_side_by_side(golden, run, sample):
    result = run("--vault", sample, "compare")
    assert result.exit_code == 0
    golden("compare.txt", result.stdout)
    header, *rows = result.stdout.splitlines()
    assert "Hooli (Product Engineer)" in header and "Wayne Enterprises (Robotics" in header
    assert "Industry     3/5" in result.stdout and "5/5" in result.stdout
    assert any(r.startswith("Answer by") and "2026-12-07" in r for r in rows)
    markdown = run("--vault", sample, "compare", "--format", "markdown").stdout
    assert "| **Enthusiasm** | 3/5 | 4/5 |" in markdown
    assert "| **Decision by** | 2026-11-19 | — |" in markdown
    assert "| **Answer by** | — | 2026-12-07 |" in markdown


def test_compare_without_offers_says_so_and_names_can_be_given(vault, write, run):
    write("interviews/a.md", note(id="a", company="Acme"))
    nothing = run("--vault", vault, "compare")
    assert nothing.exit_code == 0 and nothing.stdout.startswith("No offers to compare yet")
    named = run("--vault", vault, "compare", "acme", "--format", "markdown")
    assert "| **Outcome** | pending |" in named.stdout
    assert run("--vault", vault, "compare", "nowhere").exit_code == 4
    # whom People met has a card for is someone met, with people empty too
    write("interviews/a.md", note(id="a", company="Acme") + "## People met\n- Ada Byron, CTO\n")
    met = run("--vault", vault, "compare", "acme", "--format", "markdown")
    assert "| **People met** | Ada Byron |" in met.stdout


@pytest.mark.parametrize(
    ("value", "ok"),
    [("5", True), ("1", True), ("0", False), ("6", False), ("great", False), ("4.5", False)],
)
def test_ratings_are_whole_numbers_from_1_to_5(vault, write, run, value, ok):
    write("interviews/a.md", note(id="a", outcome="offer", fit_culture=value))
    checked = run("--vault", vault, "check")
    assert (checked.exit_code == 0) is ok
    if not ok:
        assert (
            f"fit_culture: '{value}' is not a whole number from 1 to 5; left out" in checked.stdout
        )
