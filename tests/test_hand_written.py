"""Issue 3's acceptance: a vault written by hand as an Obsidian user would, kept apart from the project."""

from __future__ import annotations

import json

NOTES = {
    # CRLF, BOM, comments, a flow list, quoted dates, no id.
    "Interviews/Globex tech.md": "\ufeff---\r\ntype: interview  # for interviewkit\r\ncompany: Globex\r\n"
    'role: Platform Engineer\r\nround: technical\r\nstart: "2026-11-13T15:00"\r\n'
    "people: [Hank <hank@globex.example>]\r\nthank_you_sent: '2026-11-13'\r\nfollowed_up: []\r\n"
    "---\r\n## Important points\r\n- k8s\r\n## Questions asked\r\n- URL?\r\n## Fit\r\nok\r\n",
    # Unquoted dates, a Tasks emoji task and a Dataview task, one done.
    "Interviews/initech.md": "---\ntype: interview\nid: initech-1\ncompany: Initech\nrole: Analyst\n"
    "round: onsite\nstart: 2026-11-18T09:00\nend: 2026-11-18T11:00\npeople:\n  - Bill Lumbergh\n"
    "follow_up_on: 2026-11-27\n---\n## Important points\n- TPS\n## Questions asked\n- Why?\n"
    "## Fit\nmeh\n- [ ] Send the references 📅 2026-11-24\n- [ ] Check the commute [due:: 2026-11-28]\n"
    "- [x] Print the CV 📅 2026-11-17 ✅ 2026-11-17\n",
    # An upcoming round elsewhere in the vault: prepare only.
    "Work/hooli-final.md": "---\ntype: interview\nid: hooli-final\ncompany: Hooli\nround: final\n"
    "start: 2026-11-30T10:00\n---\n",
    # A closed application: rejected on its latest round; only reflect stays open (Fit empty).
    "Interviews/vandelay-1.md": "---\ntype: interview\nid: vandelay-1\ncompany: Vandelay\nrole: Importer\n"
    "start: 2026-11-02T10:00\npeople: [Art]\n---\n## Important points\n- latex\n## Questions asked\n- ?\n## Fit\nno\n",
    "Interviews/vandelay-2.md": "---\ntype: interview\nid: vandelay-2\ncompany: vandelay\nrole: importer\n"
    "start: 2026-11-09T10:00\npeople: [Art]\noutcome: rejected\n---\n## Important points\n- x\n## Questions asked\n- ?\n",
    # Broken: a bad date.
    "Interviews/broken.md": "---\ntype: interview\ncompany: Broken Co\nstart: next tuesday\n---\n",
    # Ignored: trash and templates, and an ordinary note.
    ".trash/old.md": "---\ntype: interview\ncompany: Old\nstart: 2026-11-01T10:00\n---\n",
    "Templates/interview.md": "---\ntype: interview\ncompany: '{{company}}'\nstart: x\n---\n",
    "Daily/2026-11-20.md": "---\ntags: [daily]\n---\n- [ ] not an interview task 📅 2026-11-20\n",
}

EXPECTED = {
    ("Interviews/Globex tech.md", "follow-up", "2026-11-24"),
    ("Interviews/initech.md", "thank-you", "2026-11-19T11:00:00+01:00"),
    ("Interviews/initech.md", "follow-up", "2026-11-27"),
    ("Interviews/initech.md", "task", "2026-11-24"),
    ("Interviews/initech.md", "task", "2026-11-28"),
    ("Work/hooli-final.md", "prepare", "2026-11-29"),
    ("Interviews/vandelay-2.md", "reflect", "2026-11-11"),
    # "Fit" written, "Answers to improve" not: reflecting is not done yet
    ("Interviews/vandelay-1.md", "reflect", "2026-11-04"),
    ("Interviews/Globex tech.md", "reflect", "2026-11-15"),
    ("Interviews/initech.md", "reflect", "2026-11-20"),
}


def test_due_lists_exactly_the_expected_actions(hand_vault, run):
    result = run("--vault", hand_vault, "due", "--all", "--today", "2026-11-26", "--format", "json")
    assert result.exit_code == 0
    got = {(a["note"], a["kind"], a["due"]) for a in json.loads(result.stdout)["actions"]}
    assert got == EXPECTED
    assert result.stderr == ""  # the JSON carries the problem
    (problem,) = json.loads(result.stdout)["problems"]
    assert (problem["note"], problem["line"], problem["severity"]) == (
        "Interviews/broken.md",
        4,
        "error",
    )
    assert (
        problem["message"]
        == "start: 'next tuesday' is a relative date; write the day itself, like 2026-12-09"
    )
    table = run("--vault", hand_vault, "due", "--today", "2026-11-26").stdout
    assert table.startswith(
        "Problems (1)\n"
        "  Interviews/broken.md:4: start: 'next tuesday' is a relative date; write the day itself, like 2026-12-09\n"
    )
    markdown = run("--vault", hand_vault, "due", "--today", "2026-11-26", "--format", "markdown")
    assert (
        "## Problems\n\n- [[Interviews/broken|broken]], line 4: start: 'next tuesday'"
        in markdown.stdout
    )
    written = run("--vault", hand_vault, "due", "-o", hand_vault / "Due.md")
    assert "Interviews/broken.md:4: start: 'next tuesday'" in written.stderr


def test_ids_survive_a_rename(hand_vault, run):
    def ids() -> set[str]:
        out = run(
            "--vault", hand_vault, "due", "--all", "--today", "2026-11-26", "--format", "json"
        )
        return {a["id"] for a in json.loads(out.stdout)["actions"]}

    before = ids()
    (hand_vault / "Interviews" / "Globex tech.md").rename(hand_vault / "Work" / "globex.md")
    assert ids() == before
