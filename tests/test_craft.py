"""Issue 5: question bank, brief, letter drafts, status and export."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from email.utils import getaddresses
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from .conftest import note
from .test_golden import TODAY

QUESTIONS_NOTE = (
    "## Questions asked\n"
    "- Tell me about yourself.\n"
    "    - Kept it to two minutes.\n"
    "- What is C++ move semantics?\n"
    "- What's new in C#?\n"
    "- <!-- a hint --> \n"
    "## Fit\nok\n"
)


def questions_json(run, root, *args):
    result = run("--vault", root, "questions", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["questions"]


def test_questions_group_spellings_and_keep_cpp_and_csharp_apart(vault, write, run):
    write(
        "interviews/a.md", note(id="a", company="Acme", start="2026-11-10T10:00") + QUESTIONS_NOTE
    )
    write(
        "interviews/b.md",
        note(id="b", company="Beta", round="onsite", start="2026-11-12T10:00")
        + "## Questions asked\n* TELL ME   about yourself!\n  * Led with the project.\n"
        "* What is C move semantics?\n* ｗｈａｔ ｉｓ c++ move semantics\n",
    )
    write(
        "interviews/c.md",
        note(id="c", company="Gamma", start="2026-11-20T10:00") + "No sections here.\n",
    )
    bank = questions_json(run, vault)
    by_text = {q["question"]: q for q in bank}
    assert bank[0]["question"] == "Tell me about yourself."  # ties: the earliest spelling
    assert [q["count"] for q in bank[:2]] == [2, 2]
    yourself = by_text["Tell me about yourself."]
    assert [(p["company"], p["date"], p["notes"]) for p in yourself["asked"]] == [
        ("Acme", "2026-11-10", ["- Kept it to two minutes."]),
        ("Beta", "2026-11-12", ["* Led with the project."]),
    ]
    assert by_text["What is C++ move semantics?"]["count"] == 2
    assert by_text["What is C move semantics?"]["count"] == 1
    assert by_text["What's new in C#?"]["count"] == 1
    assert questions_json(run, vault, "--company", "beta")[0]["question"] in (
        "TELL ME   about yourself!",
        "What is C move semantics?",
    )


def test_a_task_under_the_questions_is_not_a_question(vault, write, run):
    write(
        "interviews/a.md",
        note(id="a")
        + "## Questions asked\n- [ ] Why do you want to leave?\n- Tell me about yourself.\n"
        "- [ ] Send the references ⏳ 2026-11-28\n- [ ] Send the portfolio 🔁 every week\n"
        "- [x] Print the CV ✅ 2026-11-19\n",
    )
    bank = [q["question"] for q in questions_json(run, vault)]
    assert sorted(bank) == ["Tell me about yourself.", "Why do you want to leave?"]


def test_a_question_in_bold_or_italics_is_the_same_question_shown_plain(vault, write, run):
    """`- **Why do you want to leave?**` set the question off in one note; the bank
    showed the asterisks, and a tie with the plain spelling could pick them."""
    write(
        "interviews/a.md",
        note(id="a") + "## Questions asked\n- **Why do you want to leave?**\n"
        "- _Tell me about yourself_\n- **Why us** and **why now**?\n",
    )
    write(
        "interviews/b.md",
        note("Beta", "2026-11-21T10:00", id="b")
        + "## Questions asked\n- Why do you want to leave?\n",
    )
    bank = {q["question"]: q["count"] for q in questions_json(run, vault)}
    assert bank == {
        "Why do you want to leave?": 2,
        "Tell me about yourself": 1,
        "**Why us** and **why now**?": 1,  # emphasis inside a question is the user's
    }


def test_a_contraction_or_a_q_before_it_does_not_make_another_question(vault, write, run):
    """`What's` and `What is`, `Q: Why us?` and `Why us?` were counted as two
    questions, so a question asked twice looked new; a `Q:` is not shown."""
    write(
        "interviews/a.md",
        note(id="a") + "## Questions asked\n- What's your greatest weakness?\n"
        "- Q: Why us?\n- Why can’t you start sooner?\n- Question: Where do you see yourself?\n"
        "- Where's the company's office?\n",
    )
    write(
        "interviews/b.md",
        note("Beta", "2026-11-21T10:00", id="b")
        + "## Questions asked\n- What is your greatest weakness?\n- q. why us\n"
        "- Why cannot you start sooner?\n- Where is the company is office?\n- Q:\n",
    )
    bank = {q["question"]: q["count"] for q in questions_json(run, vault)}
    assert bank == {
        "What's your greatest weakness?": 2,  # ties: the earliest spelling
        "Why us?": 2,
        "Why can’t you start sooner?": 2,
        # a possessive reads as `is`, alike on both sides: one key, still
        "Where's the company's office?": 2,
        "Where do you see yourself?": 1,
        "Q:": 1,  # nothing after it: the mark is what was written
    }


def test_a_question_not_written_as_a_list_item_is_named(vault, write, run):
    write(
        "interviews/a.md",
        note(id="a", company="Acme")
        + "## Questions asked\n<!-- One list item per question. Why? -->\n"
        "1. Tell me about yourself\n   Did they like it? I think so.\n"
        "### Why Acme?\nI said robots.\n"
        "**Describe a conflict with a colleague**\n"
        "Q: Where do you see yourself in five years?\n"
        "Why this team?\n"
        "```\nwhat does this print?\n```\n"
        "They asked a lot.\n",
    )
    result = run("--vault", vault, "questions", "--format", "json")
    bank = json.loads(result.stdout)["questions"]
    assert [q["question"] for q in bank] == ["Tell me about yourself"]
    assert result.stderr.splitlines() == [
        "warning: interviews/a.md:8: under Questions asked, `### Why Acme?` is not a list "
        "item, so the bank leaves it out: write it as `- Why Acme?`",
        "warning: interviews/a.md:8: under Questions asked, `Q: Where do you see yourself in "
        "five years?` is not a list item, so the bank leaves it out: write it as `- Where do "
        "you see yourself in five years?`",
        "warning: interviews/a.md:8: under Questions asked, `Why this team?` is not a list "
        "item, so the bank leaves it out: write it as `- Why this team?`",
    ]


def test_percent_signs_in_code_open_no_comment(vault, write, run):
    """Obsidian shows code as written: `%%` inside it hides nothing after it, while a
    real `%%` comment beside it is still hidden."""
    write(
        "interviews/a.md",
        note(id="a") + "## Questions asked\n"
        '- What does `printf("%%d")` print?\n'
        "- Why does this query match nothing?\n"
        "  ```sql\n  SELECT name FROM t WHERE name LIKE '%%'\n  ```\n"
        "- How do you test legacy code? %%they dislike mocks%%\n"
        "- Tell me about a conflict.\n",
    )
    bank = sorted(q["question"] for q in questions_json(run, vault))
    assert bank == [
        "How do you test legacy code?",
        "Tell me about a conflict.",
        'What does `printf("%%d")` print?',
        "Why does this query match nothing?",
    ]


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("table", "questions.txt"), ("markdown", "questions.md"), ("json", "questions.json")],
)
def test_questions_golden_on_sample_vault(golden, run, fmt, name, sample):
    result = run("--vault", sample, "questions", "--format", fmt)
    assert result.exit_code == 0
    golden(name, result.stdout)


def test_sample_vault_question_counts(run, sample):
    bank = {q["question"]: q for q in questions_json(run, sample)}
    assert bank["Tell me about yourself."]["count"] == 7
    companies = [
        p["company"]
        for p in bank["Describe a time you disagreed with a technical decision."]["asked"]
    ]
    assert companies == ["Initrode", "Acme Robotics"]


def test_brief_for_company_shows_earlier_rounds(golden, run, sample):
    result = run("--vault", sample, "brief", "acme", "--today", TODAY)
    assert result.exit_code == 0, result.output
    golden("brief-acme.md", result.stdout)
    assert result.stdout.startswith("# Brief: Acme Robotics, final (Senior Engineer)")
    assert (
        "- Describe a time you disagreed with a technical decision.\n  - The message-queue"
        in result.stdout
    )
    assert "- The salary question caught me off guard" in result.stdout


def test_brief_by_path_and_id_and_latest_round_when_nothing_is_upcoming(run, sample):
    by_id = run("--vault", sample, "brief", "acme-robotics-2026-11-25-onsite")
    assert by_id.stdout.startswith("# Brief: Acme Robotics, onsite")
    by_path = run("--vault", sample, "brief", sample / "interviews/hooli/2026-11-05-final.md")
    assert by_path.stdout.startswith("# Brief: Hooli, final")
    latest = run("--vault", sample, "brief", "initrode", "--today", TODAY)
    assert "This is the first round of this application." in latest.stdout
    missing = run("--vault", sample, "brief", "nowhere")
    assert missing.exit_code == 4
    assert "not a note's path or id; 'nowhere' matches no company" in missing.stderr
    assert "11 companies in all" in missing.stderr


def test_brief_names_whom_people_met_has_a_card_for(vault, write, run):
    """`people` empty, or short of someone whose card is under People met: the brief
    names them all, for the round ahead and for an earlier one."""
    cards = "## People met\n- Max Mustermann, Head of Engineering, max@globex.example\n"
    write("interviews/a.md", note("Globex", "2026-11-20T10:00", id="a", round="phone") + cards)
    write(
        "interviews/b.md",
        note("Globex", "2026-12-09T10:00", id="b", round="onsite", people="[Dana Lee]") + cards,
    )
    brief = run("--vault", vault, "brief", "b", "--today", "2026-12-01").stdout
    ahead, earlier = brief.split("## Earlier rounds")
    assert "- **People**: Dana Lee; Max Mustermann, Head of Engineering \\<max@globex" in ahead
    assert "- **People**: Max Mustermann, Head of Engineering \\<max@globex" in earlier
    alone = run("--vault", vault, "brief", "a", "--today", "2026-11-19").stdout
    assert "- **People**: Max Mustermann, Head of Engineering" in alone
    assert "not known yet" not in alone


def test_draft_thank_you_per_person(golden, run, sample):
    result = run("--vault", sample, "draft", "thank-you", "acme-robotics-2026-11-25-onsite")
    assert result.exit_code == 0, result.output
    golden("draft-thank-you.txt", result.stdout)
    letters = result.stdout.split("\n" + "-" * 72 + "\n")
    assert len(letters) == 3
    assert "Dear Lena," in letters[2]
    # only what was written to be sent: never "Important points", a task or a nested note
    assert "- How much I liked the whiteboard session on the simulation test bench." in letters[0]
    for private in ("Salary band", "Ravi wants someone", "portfolio link", "find the recording"):
        assert private not in result.stdout
    # addresses gathered from an earlier round (Dana) and a person note (Lena)
    to_lines = [line for line in result.stdout.splitlines() if line.startswith("To: ")]
    assert [getaddresses([line[4:]]) for line in to_lines] == [
        [("Dana Whitfield", "dana.whitfield@acme-robotics.example")],
        [("Ravi Shankar", "ravi.shankar@acme-robotics.example")],
        [("Lena Ortiz", "lena.ortiz@acme-robotics.example")],
    ]


def test_a_thank_you_after_the_application_ended_does_not_ask_for_the_job(run, sample):
    """Cyberdyne was withdrawn from on the day: the thank-you is still owed, and its
    letter says you are not going on, not that you want the job."""
    result = run("--vault", sample, "draft", "thank-you", "cyberdyne")
    assert result.exit_code == 0, result.output
    assert (
        "outcome is withdrawn, so the letter uses templates/thank-you-withdrawn.md" in result.stderr
    )
    assert "Dear Miles,\n" in result.stdout
    assert "I have decided not to go on with my application" in result.stdout
    for hopeful in ("more interested in joining", "help your decision"):
        assert hopeful not in result.stdout
    pending = run("--vault", sample, "draft", "thank-you", "acme")
    assert "more interested in joining Acme Robotics" in pending.stdout
    assert "note:" not in pending.stderr


def test_a_rejection_letter_comes_from_the_vaults_own_template_first(vault, write, run):
    write("interviews/a.md", note(id="a", people='["Kim <kim@x.example>"]', outcome="rejected"))
    built_in = run("--vault", vault, "draft", "thank-you", "a")
    assert "(built-in) thank-you-rejected.md" in built_in.stderr
    assert "I was sorry not to go further" in built_in.stdout
    assert "If another role opens at Acme" in built_in.stdout
    write(
        "templates/thank-you-rejected.md",
        "---\nsubject: Thanks, {{company}}\n---\nHi {{first_name}}, thanks.\n",
    )
    own = run("--vault", vault, "draft", "thank-you", "a")
    assert "so the letter uses templates/thank-you-rejected.md" in own.stderr
    assert own.stdout.endswith("Subject: Thanks, Acme\n\nHi Kim, thanks.\n")
    follow_up = run("--vault", vault, "draft", "follow-up", "a")
    assert "so the letter uses" not in follow_up.stderr  # only a thank-you changes with it
    assert "note: no follow-up is owed for this round: the application's outcome is " in (
        follow_up.stderr
    )


def test_a_letter_without_a_name_to_sign_it_says_so(vault, write, run):
    write("interviews/a.md", note(id="a", people='["Kim <kim@x.example>"]'))
    for kind in ("thank-you", "follow-up"):
        unsigned = run("--vault", vault, "draft", kind, "a")
        assert unsigned.exit_code == 0
        assert "no `name` in .interviewkit/config.yaml, so the letter is not signed" in (
            unsigned.stderr
        )
    (vault / ".interviewkit" / "config.yaml").write_text("timezone: Europe/Paris\nname: Kai Berg\n")
    signed = run("--vault", vault, "draft", "thank-you", "a")
    assert signed.stdout.endswith("Kai Berg\n") and "not signed" not in signed.stderr
    write("templates/thank-you.md", "---\nsubject: Hi\n---\nThanks, {{first_name}}.\n")
    (vault / ".interviewkit" / "config.yaml").write_text("timezone: Europe/Paris\n")
    own = run("--vault", vault, "draft", "thank-you", "a")  # signs nothing: nothing to say
    assert own.exit_code == 0 and "not signed" not in own.stderr


@pytest.mark.parametrize(
    ("items", "expected", "hidden"),
    [
        (  # comments, HTML and Obsidian's, are never text
            "- The migration %%they pay 120k at most%% to Postgres\n"
            "- %%\nI was late: do not bring it up\n%%\n"
            "- The on-call rota <!-- ask about pager load -->\n",
            "- The migration to Postgres\n- The on-call rota\n\n",
            ("120k", "late", "pager", "%%", "<!--"),
        ),
        (  # a `%%` in code is code: it neither hides what follows nor shows a comment
            "- Their query `LIKE '%%'` was slow\n"
            "- The load tests\n  ```\n  ab -n 100%%\n  ```\n"
            "- The pager rota %%they said it is awful%%\n",
            "- Their query `LIKE '%%'` was slow\n- The load tests\n- The pager rota\n\n",
            ("awful",),
        ),
        (  # a link's hidden target, an embed, a block id or a tag is for the vault only
            "- The move to [[Private/Postgres gripes|Postgres]] and [[Tech/Kafka]]\n"
            "- Their design doc ![[whiteboard.png]] was clear\n"
            "- The on-call rota #ask-later #todo\n"
            "- Their #kubernetes setup, C# and issue #12 ^a1b2\n"
            "- #todo\n",
            "- The move to Postgres and Kafka\n- Their design doc was clear\n"
            "- The on-call rota\n- Their kubernetes setup, C# and issue #12\n\n",
            ("gripes", "Private", "whiteboard", "ask-later", "todo", "a1b2", "[["),
        ),
    ],
)
def test_a_letter_reads_as_obsidian_shows_the_note(vault, write, run, items, expected, hidden):
    people = '["Kim <kim@x.example>"]'
    write(
        "interviews/a.md", note(id="a", people=people) + "## To mention in the thank-you\n" + items
    )
    letter = run("--vault", vault, "draft", "thank-you", "a").stdout
    assert expected in letter
    for private in hidden:
        assert private not in letter


def test_a_section_written_twice_is_read_as_one_and_warned(vault, write, run):
    """An empty heading from the template, and the same heading again lower down with
    what was written: neither the letter nor the debrief reminder loses it."""
    write(
        "interviews/a.md",
        note(id="a", people='["Kim <kim@x.example>"]')
        + "## Important points\n<!-- hint -->\n## Questions asked\n- Why us?\n"
        + "## To mention in the thank-you\n<!-- hint -->\n"
        + "## Important points\nThey ship weekly.\n"
        + "## To mention in the thank-you\n- The release train\n",
    )
    letter = run("--vault", vault, "draft", "thank-you", "a")
    assert "- The release train\n" in letter.stdout
    assert "placeholder" not in letter.stderr
    kinds = {
        a["kind"]
        for a in json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)[
            "actions"
        ]
    }
    assert "debrief" not in kinds
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 0
    assert (
        "a.md:15: warning: `## Important points` is written twice (first on line 9); both are "
        "read as one section: merge them" in checked.stdout
    )
    assert (
        "a.md:17: warning: `## To mention in the thank-you` is written twice (first on line 13)"
        in checked.stdout
    )


def test_draft_to_picks_one_person_or_explains(run, sample):
    args = ("--vault", sample, "draft", "thank-you", "acme-robotics-2026-11-25-onsite")
    ravi = run(*args, "--to", "RAVI")
    assert ravi.exit_code == 0 and ravi.stdout.startswith("To: Ravi Shankar <ravi.shankar@")
    email = run(*args, "--to", "dana.whitfield@acme-robotics.example")
    assert "Dear Dana," in email.stdout
    ambiguous = run(*args, "--to", "a")
    assert ambiguous.exit_code == 5
    assert "Dana Whitfield" in ambiguous.stderr and "Ravi Shankar" in ambiguous.stderr
    assert run(*args, "--to", "zed").exit_code == 4


def test_mailto_decodes_back_to_the_draft(vault, write, run):
    write(
        "interviews/a.md",
        note(id="a", company="Zoë & Co", people='["Zoë Ångström <zoe+jobs@zoe.example>", "Łukasz"]')
        + "## Important points\n- 100% remote; C++ & Rust\n",
    )
    drafted = run("--vault", vault, "draft", "thank-you", "a", "--to", "Zoë")
    urls = run("--vault", vault, "draft", "thank-you", "a", "--mailto")
    assert urls.exit_code == 0
    first, second = urls.stdout.splitlines()
    parts = urlsplit(first)
    assert unquote(parts.path) == "zoe+jobs@zoe.example"
    assert "%2B" in parts.path
    query = parse_qs(parts.query, keep_blank_values=True)
    subject = drafted.stdout.splitlines()[1].removeprefix("Subject: ")
    body = drafted.stdout.split("\n\n", 1)[1]
    assert query["subject"] == [subject]
    assert query["body"][0].replace("\r\n", "\n") == body
    assert "+" not in parts.query
    assert second.startswith("mailto:?subject=")
    assert "warning: no usable e-mail address for Łukasz; the URL has no recipient" in urls.stderr


def test_draft_with_nobody_recorded_writes_to_the_team(vault, write, run):
    write("interviews/a.md", note(id="a", company="Initech"))
    result = run("--vault", vault, "draft", "follow-up", "a")
    assert result.exit_code == 0
    assert result.stdout.startswith("To: Initech team (no address recorded)")
    assert "Dear Initech team," in result.stdout
    # no agreed date and no decision date: the letter does not pretend there was one
    assert "agreed" not in result.stdout and "heard back by" not in result.stdout


def test_names_under_people_met_but_not_in_people_are_pointed_out(vault, write, run):
    body = "## People met\n<!-- one line each -->\n- Bill Lumbergh, VP\n- Milton Waddams\n"
    write("interviews/a.md", note(id="a", company="Initech") + body)
    write("interviews/b.md", note(id="b", company="Globex") + "## People met\n<!-- none -->\n")
    prose = "## People met\nThe hiring manager, and someone from the team.\n"
    write("interviews/c.md", note(id="c", company="Hooli") + prose)
    due = json.loads(run("--vault", vault, "due", "--format", "json", "--all").stdout)
    summaries = {a["note_id"]: a["summary"] for a in due["actions"] if a["kind"] == "people"}
    assert summaries == {
        "a": "Add Bill Lumbergh and Milton Waddams to `people` in the front matter: People "
        "met lists them, but the thank-you reads `people` (`check --fix` adds them)",
        "b": "Write down the names of the people you met at Globex",
        # no name there check --fix could take: copying them is for you
        "c": "Add the people you met at Hooli to `people` in the front matter: People met "
        "lists them, but the thank-you reads `people`",
    }
    drafted = run("--vault", vault, "draft", "thank-you", "a")
    assert "Dear Initech team," in drafted.stdout
    assert (
        'interviews/a.md: `people` is empty, so the letter goes to the team, though "People '
        'met" lists whom you met; add them to `people` to address each of them (`check --fix` '
        "does it)" in drafted.stderr
    )
    prose = run("--vault", vault, "draft", "thank-you", "c").stderr  # no name --fix can take
    assert "lists whom you met; add them to `people` to address each of them\n" in prose
    assert "People met" not in run("--vault", vault, "draft", "thank-you", "b").stderr


@pytest.mark.parametrize(
    ("keys", "sentence"),
    [
        ({"follow_up_on": "2026-12-09"}, "if I had not heard back by Wednesday 9 December."),
        (
            {"decision_by": "2026-12-11"},
            "You mentioned that you hoped to decide by Friday 11 December.",
        ),
        (
            {"follow_up_on": "2026-12-09", "decision_by": "2026-12-11"},
            "if I had not heard back by Wednesday 9 December.",
        ),
    ],
)
def test_the_follow_up_sentence_comes_from_the_agreed_date_else_the_decision_date(
    vault, write, run, keys, sentence
):
    write("interviews/a.md", note(id="a", company="Initech", **keys))
    result = run("--vault", vault, "draft", "follow-up", "a")
    assert sentence in result.stdout
    assert "2026-12" not in result.stdout  # one date style: every date written out
    assert "meeting me on Friday 20 November" in result.stdout


def test_letter_template_with_unknown_placeholder_names_file_and_line(vault, write, run):
    write("interviews/a.md", note(id="a"))
    write("templates/thank-you.md", "---\nsubject: Thanks\n---\nDear {{first_name}},\n{{salary}}\n")
    result = run("--vault", vault, "draft", "thank-you", "a")
    assert result.exit_code == 8
    assert "templates/thank-you.md:5: unknown placeholder {{salary}}" in result.stderr


@pytest.mark.parametrize(
    ("kind", "keys", "said"),
    [
        ("thank-you", {"thank_you_sent": "2026-11-20"}, "no thank-you is owed for this round: "
         "it is recorded as sent on 2026-11-20 (`due --all` lists what is)"),
        ("thank-you", {"start": "2099-01-01T10:00"}, "no thank-you is owed for this round: the "
         "interview is still to come (Thursday 2099-01-01)"),
        ("follow-up", {"follow_up_on": "2099-01-01"}, "the day to follow up is Thursday "
         "2099-01-01 (in "),
        ("follow-up", {"outcome": "rejected"}, "no follow-up is owed for this round: the "
         "application's outcome is rejected"),
        ("follow-up", {"followed_up": "[2026-11-24, 2026-12-01]"}, "no follow-up is owed for "
         "this round: the follow-ups are all made"),
        ("thank-you", {}, None),  # due: nothing to say
    ],
)  # fmt: skip
def test_a_letter_drafted_when_it_is_not_due_says_why(vault, write, run, kind, keys, said):
    """The letter is drafted all the same; stderr says why it is not due, or when it
    will be, as the rules see it now."""
    write("interviews/a.md", note(id="a", people="[Ann Lee]", **keys))
    result = run("--vault", vault, "draft", kind, "a")
    assert result.exit_code == 0, result.output
    assert "Dear Ann," in result.stdout
    notes = [line[6:] for line in result.stderr.splitlines() if line.startswith("note: ")]
    if said is None:
        assert notes == []
    else:
        assert len(notes) == 1 and notes[0].startswith(said), notes


def test_a_thank_you_with_nothing_to_mention_warns_of_its_placeholder(vault, write, run):
    warned = (
        'warning: interviews/a.md: nothing under "To mention in the thank-you", so the '
        "letter holds a placeholder; list there what you want to mention"
    )
    write("interviews/a.md", note(id="a", people="[Ann Lee <ann@acme.example>]"))
    empty = run("--vault", vault, "draft", "thank-you", "a")
    assert empty.exit_code == 0 and warned in empty.stderr.splitlines()
    assert "(write here what you want to mention from the conversation)" in empty.stdout
    # a follow-up has no points to mention
    assert warned not in run("--vault", vault, "draft", "follow-up", "a").stderr
    listed = note(id="a", people="[Ann Lee <ann@acme.example>]")
    write("interviews/a.md", listed + "## To mention in the thank-you\n- the data pipeline\n")
    full = run("--vault", vault, "draft", "thank-you", "a")
    assert full.exit_code == 0 and warned not in full.stderr
    assert "- the data pipeline" in full.stdout


def test_draft_today_sets_the_day_the_rules_see_and_the_round_a_company_names(vault, write, run):
    write("interviews/a.md", note(id="a", people="[Ann Lee]", follow_up_on="2026-11-27"))

    def drafted(kind: str, today: str) -> tuple[str, list[str]]:
        result = run("--vault", vault, "draft", kind, "acme", "--today", today)
        assert result.exit_code == 0, result.output
        return result.stdout, [line for line in result.stderr.splitlines() if "note: " in line]

    letter, notes = drafted("follow-up", "2026-11-24")
    assert "Dear Ann," in letter
    assert notes == [
        "note: the day to follow up is Friday 2026-11-27 (in 3 days): send it then, not before"
    ]
    assert drafted("follow-up", "2026-11-27")[1] == []
    # once a second round has started, the company names it
    write("interviews/b.md", note(id="b", start="2026-12-03T10:00", people="[Bo Chan]"))
    assert "Dear Ann," in drafted("thank-you", "2026-12-02")[0]
    letter, notes = drafted("thank-you", "2026-12-03")
    assert "Dear Bo," in letter and notes == []
    stray = run("--vault", vault, "draft", "thank-you", "acme", "--today", "2026-11-19")
    assert stray.exit_code != 0 and "no round there has started yet" in stray.stderr


def test_a_follow_up_drafted_while_a_later_round_is_on_the_way_says_so(vault, write, run):
    write("interviews/a.md", note(id="a", people="[Ann Lee]"))
    write("interviews/b.md", note(id="b", start="2099-01-01T10:00"))
    result = run("--vault", vault, "draft", "follow-up", "a")
    assert (
        "note: no follow-up is owed for this round: a later round of this application ends it"
        in result.stderr
    )


def test_drafting_never_marks_anything_sent(sample, run):
    before = {p: p.read_bytes() for p in sample.rglob("*.md")}
    run("--vault", sample, "draft", "thank-you", "acme-robotics-2026-11-25-onsite")
    assert {p: p.read_bytes() for p in sample.rglob("*.md")} == before


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("table", "status.txt"),
        ("json", "status.json"),
        ("csv", "status.csv"),
        ("markdown", "status.md"),
    ],
)
def test_status_golden_on_sample_vault(golden, run, fmt, name, sample):
    result = run("--vault", sample, "status", "--format", fmt, "--today", TODAY)
    assert result.exit_code == 0, result.output
    golden(name, result.stdout_bytes.decode())


def test_status_figures_on_sample_vault(run, sample):
    document = json.loads(
        run("--vault", sample, "status", "--format", "json", "--today", TODAY).stdout
    )
    totals = document["totals"]
    assert (
        totals["applications"],
        totals["offers"],
        totals["rejections"],
        totals["withdrawals"],
    ) == (11, 2, 1, 2)
    # the withdrawals (Soylent, Cyberdyne) came before any answer: out of the figures
    assert (totals["withdrawn_before_response"], totals["responded"]) == (2, 4)
    assert totals["response_base"] == 9
    assert totals["median_days_to_response"] == 13  # Wayne 6, Vandelay 13, Hooli 14
    acme = next(a for a in document["applications"] if a["company"] == "Acme Robotics")
    assert (acme["rounds_held"], acme["next_round"], acme["days_waiting"]) == (
        2,
        "final 2026-12-02 11:00",
        1,
    )


def test_status_roleless_note_joins_the_only_application(vault, write, run):
    write(
        "interviews/a.md", note(id="a", company="Acme", role="Engineer", start="2026-11-02T10:00")
    )
    write(
        "interviews/b.md",
        note(id="b", company="acme", start="2026-11-09T10:00", outcome="rejected"),
    )
    write("interviews/c.md", note(id="c", company="Beta", role="X", start="2026-11-02T10:00"))
    write("interviews/d.md", note(id="d", company="Beta", role="Y", start="2026-11-03T10:00"))
    write("interviews/e.md", note(id="e", company="Beta", start="2026-11-04T10:00"))
    apps = json.loads(
        run("--vault", vault, "status", "--format", "json", "--today", "2026-11-20").stdout
    )["applications"]
    assert [(a["company"], a["role"], a["rounds_held"], a["outcome"]) for a in apps] == [
        ("acme", "Engineer", 2, "rejected"),
        ("Beta", "", 1, "pending"),
        ("Beta", "X", 1, "pending"),
        ("Beta", "Y", 1, "pending"),
    ]


@pytest.mark.parametrize(("answered", "said"), [("2026-11-03", "1 day"), ("2026-11-04", "2 days")])
def test_status_names_the_median_wait_in_days_or_a_day(vault, write, run, answered, said):
    write(
        "interviews/a.md",
        note(id="a", start="2026-11-02T10:00", outcome="rejected", outcome_on=answered),
    )
    totals = run("--vault", vault, "status", "--today", "2026-11-20").stdout
    assert f"Median time from the latest round to the company's answer: {said}\n" in totals


def test_status_response_day_from_git(tmp_path, run):
    if shutil.which("git") is None:
        pytest.fail("git is needed for this test")
    root = tmp_path / "v"
    (root / ".interviewkit").mkdir(parents=True)
    (root / ".interviewkit" / "config.yaml").write_text("timezone: UTC\n")
    path = root / "a.md"
    path.write_text(note(id="a", start="2026-11-02T10:00", outcome="pending"))
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t.example", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    env = {"GIT_COMMITTER_DATE": "2026-11-05T12:00:00Z", "GIT_AUTHOR_DATE": "2026-11-05T12:00:00Z"}
    import os

    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "a"], cwd=root, check=True, env={**os.environ, **env})
    path.write_text(path.read_text().replace("outcome: pending", "outcome: rejected"))
    env = {"GIT_COMMITTER_DATE": "2026-11-12T12:00:00Z", "GIT_AUTHOR_DATE": "2026-11-12T12:00:00Z"}
    subprocess.run([*git, "commit", "-qam", "b"], cwd=root, check=True, env={**os.environ, **env})
    totals = json.loads(
        run("--vault", root, "status", "--format", "json", "--today", "2026-11-20").stdout
    )["totals"]
    assert totals["median_days_to_response"] == 10
    assert totals["left_out_of_median"] == 0
    shutil.rmtree(root / ".git")
    totals = json.loads(
        run("--vault", root, "status", "--format", "json", "--today", "2026-11-20").stdout
    )["totals"]
    assert (totals["median_days_to_response"], totals["left_out_of_median"]) == (None, 1)
    table = run("--vault", root, "status", "--today", "2026-11-20").stdout
    assert "1 application(s) left out of the median" in table


def test_status_leaves_out_an_answer_git_dates_before_the_round(tmp_path, run):
    """A note committed with its outcome already written, before the round it
    belongs to: that commit is no day of an answer, and a negative wait is no
    figure to show."""
    if shutil.which("git") is None:
        pytest.fail("git is needed for this test")
    import os

    root = tmp_path / "v"
    (root / ".interviewkit").mkdir(parents=True)
    (root / ".interviewkit" / "config.yaml").write_text("timezone: UTC\n")
    (root / "a.md").write_text(note(id="a", start="2026-11-10T10:00", outcome="rejected"))
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t.example", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    env = {"GIT_COMMITTER_DATE": "2026-11-05T12:00:00Z", "GIT_AUTHOR_DATE": "2026-11-05T12:00:00Z"}
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "a"], cwd=root, check=True, env={**os.environ, **env})
    shown = run("--vault", root, "status", "--format", "json", "--today", "2026-11-20")
    totals = json.loads(shown.stdout)["totals"]
    assert (totals["median_days_to_response"], totals["left_out_of_median"]) == (None, 1)
    table = run("--vault", root, "status", "--today", "2026-11-20").stdout
    assert "1 application(s) left out of the median: the day of the answer is unknown, or " in (
        table
    )


def test_status_asks_git_once_for_every_answer_day(tmp_path, run):
    """A vault in a folder of its repository, with spaces and accents in its paths:
    one `git log` gives the days of all committed notes; a note not committed yet
    is left out of the median, without a call of its own."""
    if shutil.which("git") is None:
        pytest.fail("git is needed for this test")
    import os

    repo = tmp_path / "repo"
    root = repo / "notes"
    (root / ".interviewkit").mkdir(parents=True)
    (root / ".interviewkit" / "config.yaml").write_text("timezone: UTC\n")
    folder = root / "interviews" / "Café Müller"
    folder.mkdir(parents=True)
    for name, day in (("first round.md", "02"), ("second.md", "06")):
        text = note(id=name[:5], start=f"2026-11-{day}T10:00", role=name, outcome="pending")
        (folder / name).write_text(text)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t.example", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    env = {"GIT_COMMITTER_DATE": "2026-11-01T12:00:00Z", "GIT_AUTHOR_DATE": "2026-11-01T12:00:00Z"}
    subprocess.run([*git, "commit", "-qm", "a"], cwd=repo, check=True, env={**os.environ, **env})
    for path in folder.iterdir():
        path.write_text(path.read_text().replace("outcome: pending", "outcome: rejected"))
    env = {"GIT_COMMITTER_DATE": "2026-11-12T12:00:00Z", "GIT_AUTHOR_DATE": "2026-11-12T12:00:00Z"}
    subprocess.run([*git, "commit", "-qam", "b"], cwd=repo, check=True, env={**os.environ, **env})
    (root / "interviews" / "new.md").write_text(
        note("Zed", "2026-11-05T10:00", id="new", outcome="rejected")
    )
    calls = tmp_path / "calls.txt"
    wrapper = tmp_path / "bin" / "git"
    wrapper.parent.mkdir()
    wrapper.write_text(f'#!/bin/sh\necho "$*" >> {calls}\nexec {shutil.which("git")} "$@"\n')
    wrapper.chmod(0o755)
    path = f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}"
    shown = run(
        "--vault", root, "status", "--format", "json", "--today", "2026-11-20", env={"PATH": path}
    )
    totals = json.loads(shown.stdout)["totals"]
    assert (totals["median_days_to_response"], totals["left_out_of_median"]) == (8, 1)  # 10, 6
    logs = [line for line in calls.read_text().splitlines() if " log " in f" {line} "]
    assert len(logs) == 1, logs
    second = folder / "second.md"  # changed since HEAD: its line may no longer be HEAD's
    second.write_text(second.read_text().replace("type: interview", "type: interview\nx: 1"))
    shown = run("--vault", root, "status", "--format", "json", "--today", "2026-11-20")
    totals = json.loads(shown.stdout)["totals"]
    assert (totals["median_days_to_response"], totals["left_out_of_median"]) == (10, 2)


def test_no_git_log_runs_outside_git(tmp_path, monkeypatch):
    from interviewkit.vault.history import line_change_days, work_tree_prefix

    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))  # even under a repo
    (tmp_path / "a.md").write_text("one\n")
    assert work_tree_prefix(tmp_path) is None
    assert line_change_days(tmp_path, {"a.md": 1}) == {}
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    assert work_tree_prefix(tmp_path) == ""
    assert line_change_days(tmp_path, {"a.md": 1}) == {}  # not committed


def test_status_markdown_has_a_mermaid_funnel(run, sample):
    text = run("--vault", sample, "status", "--format", "markdown", "--today", TODAY).stdout
    assert "```mermaid\nflowchart LR\n" in text
    assert 'B --> R["Rejected: 1"]' in text


HOSTILE = ['=HYPERLINK("http://x.example")', "+1", "-2+3", "@SUM(A1)", "＝1", "＠x", 'a,b"c\nd']


@pytest.mark.parametrize(
    ("cell", "guarded"),
    [
        ("\tTAB", "'\tTAB"),
        ("\rCR", "'\rCR"),
        ("  =SPACED", "'  =SPACED"),
        ("－1", "'－1"),
        ("ok", "ok"),
        ("", ""),
    ],
)
def test_guard(cell, guarded):
    from interviewkit.render.csvfmt import guard

    assert guard(cell) == guarded


def test_export_csv_parses_and_no_cell_can_run_as_a_formula(vault, write, run):
    for index, hostile in enumerate(HOSTILE):
        write(
            f"interviews/h{index}.md",
            note(
                id=f"h{index}",
                company=json.dumps(hostile),
                role=json.dumps(hostile),
                start=f"2026-11-{10 + index}T10:00",
            ),
        )
    result = run("--vault", vault, "export", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert len(rows) == len(HOSTILE)
    for row, hostile in zip(rows, HOSTILE, strict=True):
        for cell in (row["company"], row["role"]):
            assert cell.lstrip()[:1] not in "=+-@＝" and cell[:1] not in "\t\r"
            # a line break in a one-line value is read as a space (with a warning)
            assert cell == ('a,b"c d' if hostile.startswith("a,") else "'" + hostile)
    assert result.stdout_bytes.endswith(b"\r\n")


def test_export_rows_since_excel_and_json(golden, run, sample):
    rows = list(
        csv.DictReader(
            io.StringIO(
                run("--vault", sample, "export", "--since", "2026-11-25").stdout, newline=""
            )
        )
    )
    assert [(r["company"], r["round"]) for r in rows] == [
        ("Acme Robotics", "onsite"),
        ("Cyberdyne Systems", "phone screen"),
        ("Stark Industries", "phone screen"),
        ("Acme Robotics", "final"),
    ]
    assert rows[0]["people"].count("; ") == 2
    assert rows[0]["application_outcome"] == "pending"
    excel = run("--vault", sample, "export", "--excel")
    assert excel.stdout.startswith("\ufeffcompany,")
    misused = run("--vault", sample, "export", "--excel", "--format", "json")
    assert misused.exit_code == 2 and "--excel only applies to --format csv" in misused.stderr
    document = json.loads(run("--vault", sample, "export", "--format", "json").stdout)
    assert len(document["interviews"]) == 13
    golden("export.csv", run("--vault", sample, "export").stdout_bytes.decode())


def test_export_says_sent_for_a_thank_you_marked_sent_without_a_day(vault, write, run):
    write("interviews/a.md", note(id="a", thank_you_sent="yes"))
    write("interviews/b.md", note(id="b", company="Beta", thank_you_sent="2026-11-21"))
    write("interviews/c.md", note(id="c", company="Cyan"))
    rows = csv.DictReader(io.StringIO(run("--vault", vault, "export").stdout, newline=""))
    assert [(r["company"], r["thank_you_sent"]) for r in rows] == [
        ("Acme", "sent"),
        ("Beta", "2026-11-21"),
        ("Cyan", ""),
    ]


def test_status_without_applications_says_so_instead_of_an_empty_table(vault, write, run):
    """A table of headers alone looked broken; the problems still come first."""
    empty = run("--vault", vault, "status")
    assert empty.exit_code == 0
    assert empty.stdout.startswith("No applications yet: ") and "company" not in empty.stdout
    write("interviews/a.md", "---\ntype: interview\ncompany: Acme\n---\n")  # unusable
    broken = run("--vault", vault, "status").stdout
    assert broken.startswith("Problems (1)\n") and "\n\nNo applications yet: " in broken
    assert (
        json.loads(run("--vault", vault, "status", "--format", "json").stdout)["applications"] == []
    )


@pytest.mark.parametrize("args", [("acme",), ("acme", "thank-you")])
def test_draft_with_the_note_first_shows_the_order(run, sample, args):
    result = run("--vault", sample, "draft", *args)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "the kind comes first, then the note: interviewkit draft thank-you acme" in result.output
