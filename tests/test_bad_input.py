"""Issue 3: bad notes are named as path:line, never crash, and never hide the others."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from interviewkit.notes.front_matter import split_front_matter

from .conftest import note

GOOD = note(company="Good", start="2026-11-20T10:00", id="good")


def shown_problems(document: dict) -> str:
    """The JSON problems as `path:line: message` lines."""
    return "\n".join(f"{p['note']}:{p['line']}: {p['message']}" for p in document["problems"])


@pytest.mark.parametrize(
    ("rel", "content", "expected"),
    [
        (
            "interviews/bad.md",
            "---\ntype: interview\ncompany: X\npeople:\n\t- Ann\nstart: 2026-11-20\n---\n",
            "interviews/bad.md:5: invalid YAML: found character that cannot start any token (a "
            "tab indents this line",
        ),
        (
            "elsewhere/bad.md",
            "---\ntype: interview\ncompany: X\nstart: someday\n---\n",
            "elsewhere/bad.md:4: start: 'someday' is not a date",
        ),
        (  # no reader looks for front matter below a blank line, so it is not read
            "elsewhere/pasted.md",
            "\n \r\n---\ntype: interview\ncompany: X\nstart: 2026-11-20T10:00\n---\n",
            "elsewhere/pasted.md:3: front matter must begin on the first line: delete the "
            "blank lines above the --- on line 3 (`check --fix` does); until then this note "
            "is not read",
        ),
        (
            "interviews/hugo.md",
            '+++\ntype = "interview"\ncompany = "X"\nstart = 2026-11-20T10:00:00\n+++\n',
            "interviews/hugo.md:1: front matter in TOML (+++) is not read: write it in YAML",
        ),
        (
            "interviews/bad.md",
            "---\ntype: interview\nstart: 2026-11-20T10:00\n---\n",
            "interviews/bad.md:1: company is missing",
        ),
        (
            "interviews/bad.md",
            "---\ntype: interview\ncompany: X\n---\n",
            "interviews/bad.md:1: start is missing",
        ),
        (
            "interviews/bad.md",
            "---\ntype: interview\ncompany: X\nstart: 2026-11-20T10:00\n",
            "interviews/bad.md:1: front matter is never closed",
        ),
        (
            "interviews/bad.md",
            "---\n- a list\n- not a mapping\n---\n",
            "interviews/bad.md:2: front matter is not a mapping",
        ),
        (
            "interviews/bad.md",
            b"---\ntype: interview\ncompany: Caf\xe9\n---\n",
            "interviews/bad.md:3: is not UTF-8 text: byte 0xE9 on this line ('é' in "
            "Windows-1252, as some editors save it); save the file as UTF-8 (`check --fix` "
            "does, reading such bytes as Windows-1252)",
        ),
        ("interviews/bad.md", b"\x00\x01binary", "interviews/bad.md:1: is a binary file"),
        (
            "interviews/bad.md",
            b"---\ntype: interview\ncompany: X\n---\n\x81 notes\n",
            "interviews/bad.md:5: is not UTF-8 text: byte 0x81 on this line; save the file as UTF-8",
        ),
        (
            "interviews/bad.md",
            "---\ntype: interview\nx: '" + "a" * (1024 * 1024 + 10) + "'\n---\n",
            "interviews/bad.md:1: front matter is over 1 MiB",
        ),
    ],
)
def test_broken_note_is_named_and_the_rest_still_reported(
    vault, write, run, rel, content, expected
):
    write("interviews/good.md", GOOD)
    write(rel, content)
    result = run("--vault", vault, "due", "--all", "--today", "2026-11-20", "--format", "json")
    assert result.exit_code == 0
    assert "Traceback" not in result.output
    assert result.stderr == ""  # the JSON carries the problems
    document = json.loads(result.stdout)
    assert expected in shown_problems(document)
    assert {a["note"] for a in document["actions"]} == {"interviews/good.md"}
    assert [p["note"] for p in document["problems"]] == [rel]
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 1
    assert expected in checked.stdout


def test_a_tag_or_an_alias_costs_only_its_key(vault, write, run, tmp_path):
    """A hostile tag runs nothing and is dropped; an alias is read as its text, so a
    thank-you written with one still counts as sent; the round's other reminders stay."""
    marker = tmp_path / "ran"
    write(
        "interviews/bad.md",
        "---\ntype: interview\ncompany: Acme\nstart: 2026-11-20T10:00\n"
        f"role: !!python/object/apply:os.system [touch {marker}]\n"
        "day: &d 2026-11-20\nthank_you_sent: *d\n---\n",
    )
    result = run("--vault", vault, "due", "--all", "--today", "2026-11-20", "--format", "json")
    assert result.exit_code == 0 and not marker.exists()
    document = json.loads(result.stdout)
    shown = shown_problems(document)
    assert (
        "interviews/bad.md:5: role: the tag !!python/object/apply:os.system is not read; "
        "write the value plainly; read as if it were not there" in shown
    )
    assert "interviews/bad.md:5: role must be text, not a list or mapping" in shown
    assert (
        "interviews/bad.md:7: thank_you_sent: aliases (*name) are not read; front matter "
        "is flat: write the value out; read as the text '*d'" in shown
    )
    kinds = {a["kind"] for a in document["actions"]}
    assert "follow-up" in kinds and "thank-you" not in kinds  # counted as sent
    path = vault / "interviews" / "bad.md"
    before = path.read_bytes()  # an edit reads the front matter whole, so it waits
    refused = run("--vault", vault, "done", "acme", "follow-up", "--on", "2026-11-25")
    assert refused.exit_code == 7 and path.read_bytes() == before
    assert (
        "interviews/bad.md:5: the tag !!python/object/apply:os.system is not read; write the "
        "value plainly, then try again (nothing written)" in refused.stderr
    )


BAD_VALUE = "---\ntype: interview\ncompany: X\nid: bad\nstart: 2026-11-20T10:00\n{}\n---\n"


@pytest.mark.parametrize(
    ("written", "read"),
    [("No response", "no_response"), ("no-response", "no_response"), ("Rejected.", "rejected")],
)
def test_an_outcome_is_read_as_the_word_it_spells(vault, write, run, written, read):
    path = write("interviews/bad.md", BAD_VALUE.format(f"outcome: {written}  # by mail"))
    result = run("--vault", vault, "status", "--format", "json")
    document = json.loads(result.stdout)
    assert document["problems"] == []
    assert [a["outcome"] for a in document["applications"]] == [read]
    # Obsidian's views compare the word as written: check says so, and --fix writes it
    checked = run("--vault", vault, "check")
    assert checked.stdout == (
        f"interviews/bad.md:6: warning: outcome: {written!r} is read as {read}; write "
        f"`outcome: {read}` (`check --fix` does), as Obsidian's views (Interviews.base) and "
        "Dataview compare the word as written\n"
    )
    fixed = run("--vault", vault, "check", "--fix")
    assert f"interviews/bad.md:6: outcome: {written} -> {read}\n" in fixed.stderr
    assert path.read_text() == BAD_VALUE.format(f"outcome: {read}  # by mail")
    assert run("--vault", vault, "check").stdout == ""


def test_one_check_fix_mends_what_lay_beyond_the_problems_a_note_lists(vault, write, run):
    """55 people entries to part, then an outcome to write as its word: the outcome's
    warning lies beyond the 50 a note lists, and its repair comes before the people's,
    yet one run of check --fix mends both."""
    people = "".join(f"\n  - P{i} <p{i}@x.example>, Q{i} <q{i}@x.example>" for i in range(55))
    path = write("interviews/bad.md", BAD_VALUE.format(f"people:{people}\noutcome: Rejected."))
    assert "outcome" not in run("--vault", vault, "check").stdout  # beyond the 50 listed
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.stderr.endswith("1 note checked, 0 errors, 0 warnings\n"), fixed.stderr
    assert "\noutcome: rejected\n" in path.read_text()
    assert fixed.stderr.count("outcome: Rejected. -> rejected") == 1


def test_an_outcome_with_more_than_its_word_keeps_the_rest_in_a_comment(vault, write, run):
    path = write("interviews/bad.md", BAD_VALUE.format("outcome: Offer 🎉"))
    assert "outcome: 'Offer 🎉' is read as offer" in run("--vault", vault, "check").stdout
    run("--vault", vault, "check", "--fix")
    assert path.read_text() == BAD_VALUE.format("outcome: offer  # Offer 🎉")
    assert "is read as" not in run("--vault", vault, "check").stdout


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("end: 2026-11-20T09:00", "interviews/bad.md:6: end 2026-11-20T09:00 is not after start"),
        ("outcome: ghosted", "interviews/bad.md:6: outcome: 'ghosted' is not one of"),
        (
            "outcome: rejection",
            "no_response; read as pending; did you mean rejected?",
        ),
        (
            "follow_up_on: 12/9/2026",
            "interviews/bad.md:6: follow_up_on: '12/9/2026' could be day/month or month/day",
        ),
        (
            "decision_by: Dec 11",
            "interviews/bad.md:6: decision_by: 'Dec 11' has no year; add the year: YYYY-12-11",
        ),
        ("thank_you_sent: last friday", "interviews/bad.md:6: thank_you_sent: 'last friday'"),
    ],
)
def test_a_bad_value_is_an_error_and_the_note_still_counts(vault, write, run, line, expected):
    write("interviews/good.md", GOOD)
    write("interviews/bad.md", BAD_VALUE.format(line))
    result = run("--vault", vault, "due", "--all", "--today", "2026-11-20", "--format", "json")
    assert "Traceback" not in result.output
    document = json.loads(result.stdout)
    assert expected in shown_problems(document)
    assert {a["note"] for a in document["actions"]} == {"interviews/good.md", "interviews/bad.md"}
    (problem,) = document["problems"]
    assert (problem["note"], problem["line"], problem["severity"]) == (
        "interviews/bad.md",
        6,
        "error",
    )
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 1 and expected in checked.stdout


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("people: Sam", "interviews/bad.md:6: warning: people should be a list"),
        ("followed_up: 2026-11-21", "interviews/bad.md:6: warning: followed_up should be a list"),
    ],
)
def test_a_scalar_where_a_list_belongs_is_read_as_one_item(vault, write, run, line, expected):
    write("interviews/bad.md", BAD_VALUE.format(line))
    result = run("--vault", vault, "due", "--all", "--today", "2026-11-25", "--format", "json")
    kinds = {a["kind"] for a in json.loads(result.stdout)["actions"]}
    assert "people" not in kinds if line.startswith("people") else "people" in kinds
    follow_up = [a for a in json.loads(result.stdout)["actions"] if a["kind"] == "follow-up"]
    if line.startswith("followed_up"):
        assert follow_up[0]["due"] == "2026-11-30"  # a week after it, a Saturday: Monday
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 0 and expected in checked.stdout


def test_odd_files_outside_interview_notes_are_skipped_quietly(vault, write, run):
    write("interviews/good.md", GOOD)
    write("daily/2026-11-20.md", "---\ntags: [daily]\nbroken: [\n---\n")
    write("attachments/photo.md", b"\x89PNG\x00\x00")
    write("plain.md", "no front matter at all\n---\nrule\n")
    write("empty.md", "")
    write("interviews/index.md", "# Interviews\n\nAn index without front matter.\n")
    result = run("--vault", vault, "due", "--all", "--today", "2026-11-20")
    assert result.exit_code == 0
    assert result.stderr == ""


def test_duplicate_ids_are_listed_naming_both_files(vault, write, run):
    write("interviews/a.md", note(id="same"))
    write("interviews/b.md", note(id="same", company="B"))
    result = run("--vault", vault, "due", "--all", "--format", "json", "--today", "2026-11-20")
    problems = json.loads(result.stdout)["problems"]
    assert {p["note"] for p in problems} == {"interviews/a.md", "interviews/b.md"}
    assert problems[0]["message"] == (
        "id 'same' is also used by interviews/b.md (a copied note? each needs its own: delete "
        "the line in the copy, and one is made from its company, day and round)"
    )
    # made from company, day and round, there is no line to delete: name the rounds
    write("interviews/a.md", note())
    write("interviews/b.md", note(round="first"))
    write("interviews/c.md", note())
    result = run("--vault", vault, "check")
    assert result.stdout.splitlines()[:1] == [
        "interviews/a.md:1: id 'acme-2026-11-20-interview' is also used by interviews/c.md "
        "(made from its company, day and round: if one note is a copy of the other, delete "
        "it; if they are two rounds, name each in `round:`)"
    ]


def test_a_misspelt_company_or_start_is_one_error_saying_the_note_is_left_out(vault, write, run):
    write(
        "interviews/a.md", "---\ntype: interview\nid: a\nCompnay: Acme\nStarts: 2026-11-20\n---\n"
    )
    result = run("--vault", vault, "check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"interviews/a.md:{line}: unknown key '{written}': did you mean {key}? its value "
        f"is not read, and without a {key} the note is left out (`check --fix` renames it)"
        for line, written, key in ((4, "Compnay", "company"), (5, "Starts", "start"))
    ]
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.exit_code == 0, fixed.output
    assert "company: Acme\nstart: 2026-11-20\n" in (vault / "interviews/a.md").read_text()
    # with the key written right beside it, the misspelling is only that
    write("interviews/a.md", note(id="a", Company="Acme"))
    said = run("--vault", vault, "check").stdout
    assert "did you mean company? its value is not read (`check --fix` renames it)" in said


def test_a_contract_key_in_another_case_is_read_as_obsidian_reads_it(vault, write, run):
    """`Company:` and `Start:`, as Obsidian users often write properties, are read as
    `company` and `start` (Obsidian and Dataview read them so), with a warning for
    `check`; `done` refuses the note until `check --fix` has renamed them, which then
    changes nothing else."""
    text = (
        "---\ntype: interview\nid: a\nCompany: Acme  # the client\nStart: 2026-11-20T10:00\n"
        "People: [Ann Lee]\nThank_You_Sent:\n---\n# Notes\n"
    )
    path = write("interviews/a.md", text)
    due = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert due["problems"] == []
    (thank_you,) = [a for a in due["actions"] if a["kind"] == "thank-you"]
    assert (thank_you["company"], thank_you["summary"]) == (
        "Acme",
        "Send a thank-you letter to Ann Lee",
    )
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 0
    assert checked.stdout.splitlines()[:2] == [
        "interviews/a.md:4: warning: 'Company' is read as `company`: interviewkit writes its "
        "keys in lower case, and `done` and `outcome` edit only those (`check --fix` renames it)",
        "interviews/a.md:5: warning: 'Start' is read as `start`: interviewkit writes its keys "
        "in lower case, and `done` and `outcome` edit only those (`check --fix` renames it)",
    ]
    refused = run("--vault", vault, "done", "a:thank-you")
    assert refused.exit_code == 7 and path.read_text() == text
    assert (
        "interviews/a.md:7: 'Thank_You_Sent' looks like a misspelling of thank_you_sent; rename "
        "it to thank_you_sent (`check --fix` does), then try again (nothing written)"
    ) in refused.stderr
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.exit_code == 0, fixed.output
    assert path.read_text() == (
        "---\ntype: interview\nid: a\ncompany: Acme  # the client\nstart: 2026-11-20T10:00\n"
        "people: [Ann Lee]\nthank_you_sent:\n---\n# Notes\n"
    )
    # a note of another type beside it is no interview note: nothing said of its keys
    write("interviews/r.md", "---\ntype: research\nCompany: Acme\nRole: PM\n---\n# Notes\n")
    checked = run("--vault", vault, "check")
    assert "r.md" not in checked.stdout and checked.stderr.startswith("1 note checked")
    (vault / "interviews/r.md").unlink()
    # written in lower case too, the other spelling is not read, and says so; of two
    # other spellings, the first is read
    for company, other in (("company", "COMPANY"), ("Company", "COMPANY")):
        write(
            "interviews/a.md",
            f"---\ntype: interview\nid: a\n{company}: Acme\n{other}: Globex\n"
            "start: 2026-11-20T10:00\n---\n",
        )
        said = run("--vault", vault, "check").stdout
        assert "unknown key 'COMPANY': did you mean company? its value is not read" in said
        assert said.count("is read as `company`") == (company == "Company")
        listed = run("--vault", vault, "due", "--all").stdout
        assert "Acme" in listed and "Globex" not in listed


def test_check_reports_misspelt_keys_and_warnings(vault, write, run):
    write("interviews/a.md", note(start="2026-11-20", thankyou_sent="2026-11-21", salary="lots"))
    result = run("--vault", vault, "check")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert (
        "interviews/a.md:5: unknown key 'thankyou_sent': did you mean thank_you_sent? its value "
        "is not read (`check --fix` renames it)" in lines
    )
    assert (
        "interviews/a.md:4: warning: start has no time; read as 09:00 (write 2026-11-27T14:00)"
        in lines
    )
    assert any("warning: no id" in line for line in lines)
    assert "salary" not in result.stdout


def test_check_warnings_alone_exit_0_and_paths_limit_the_report(vault, write, run):
    write("interviews/a.md", note(start="2026-11-20"))
    write("interviews/b.md", note(outcome="ghosted", id="b"))
    assert run("--vault", vault, "check", vault / "interviews" / "a.md").exit_code == 0
    assert run("--vault", vault, "check", vault / "interviews" / "b.md").exit_code == 1


@pytest.mark.parametrize(
    ("text", "present", "closed", "yaml", "body_line"),
    [
        ("", False, False, "", 1),
        ("just text\n", False, False, "", 1),
        ("\ufeff---\r\na: 1\r\n---\r\nbody\r\n---\r\nmore\r\n", True, True, "a: 1", 4),
        ("---\na: 1\n", True, False, "a: 1", 3),
        ("---\n---\n", True, True, "", 3),
        ("---\na: 1\n...\nbody", True, True, "a: 1", 4),
    ],
)
def test_front_matter_splitter(text, present, closed, yaml, body_line):
    fm = split_front_matter(text)
    assert (fm.present, fm.closed, fm.yaml) == (present, closed, yaml)
    if closed:
        assert fm.body_first_line == body_line


def test_both_yaml_readings_agree_on_contract_values(vault, write, run):
    write(
        "interviews/a.md",
        "---\ntype: interview\nid: 0123\ncompany: no\nrole: 'yes'\nround: 0o17\nstart: '2026-11-20T10:00'\n"
        'thank_you_sent: "2026-11-20"\n---\n',
    )
    document = json.loads(
        run("--vault", vault, "due", "--all", "--format", "json", "--today", "2026-11-20").stdout
    )
    action = document["actions"][0]
    assert (action["note_id"], action["company"], action["role"], action["round"]) == (
        "0123",
        "no",
        "yes",
        "0o17",
    )
    assert "thank-you" not in {a["kind"] for a in document["actions"]}


def test_check_refuses_a_path_outside_the_vault(vault, run, tmp_path):
    outside = tmp_path / "elsewhere.md"
    outside.write_text("x")
    result = run("--vault", vault, "check", outside)
    assert result.exit_code == 2
    assert "not inside the vault" in result.stderr


def test_missing_vault_folder_is_a_clear_error(run, tmp_path):
    result = run("--vault", tmp_path / "nope", "due")
    assert result.exit_code == 2
    assert "no such folder" in result.stderr and "Traceback" not in result.output


# Each key of the note contract and the actions that depend on it. A bad value of
# a key may change only these; every other action stays as it was.
DEPENDS = {
    "end": {"thank-you"},
    "follow_up_on": {"follow-up"},
    "decision_by": {"follow-up"},
    "followed_up": {"follow-up", "close"},
    "outcome": set(),  # read as pending, as when absent
    "people": {"people", "thank-you"},
}
ROUND = {
    "type": "interview",
    "id": "fab",
    "company": "Fabrikam",
    "role": "Engineer",
    "start": "2026-12-01T10:00",
    "end": "2026-12-01T11:00",
    "people": '["Dana Whitfield"]',
    "decision_by": "2026-12-04",
    "follow_up_on": "2026-12-09",
    "followed_up": "[2026-12-02]",
    "outcome": "pending",
}
GARBAGE = {
    "end": "half past ten",
    "follow_up_on": "12/9/2026",
    "decision_by": "Dec 11",
    "followed_up": "[soon]",
    "outcome": "ghosted",
    "people": "{a: 1}",
}


def round_note(**changes: str | None) -> str:
    keys = {**ROUND, **changes}
    lines = [f"{k}: {v}" for k, v in keys.items() if v is not None]
    return "---\n" + "\n".join(lines) + "\n---\n## Notes\n"


def due_json(run, vault, today="2026-12-02") -> dict:
    result = run("--vault", vault, "due", "--all", "--today", today, "--format", "json")
    return json.loads(result.stdout)


def without_fallback(actions: list[dict]) -> list[dict]:
    return [{k: v for k, v in a.items() if k != "fallback"} for a in actions]


@pytest.mark.parametrize("key", sorted(GARBAGE))
def test_a_bad_value_costs_only_what_depends_on_it(vault, write, run, key):
    path = write("interviews/fab.md", round_note(**{key: GARBAGE[key]}))
    bad = due_json(run, vault)
    path.write_text(round_note(**{key: None}))
    absent = due_json(run, vault)
    if key == "followed_up":  # an unreadable follow-up still counts towards the limit
        (bad_follow_up,) = [a for a in bad["actions"] if a["kind"] == "follow-up"]
        assert bad_follow_up["summary"].startswith("Follow up again")
        bad["actions"] = [a for a in bad["actions"] if a["kind"] != "follow-up"]
        absent["actions"] = [a for a in absent["actions"] if a["kind"] != "follow-up"]
    assert without_fallback(bad["actions"]) == without_fallback(absent["actions"])
    (problem,) = bad["problems"]
    line = list(ROUND).index(key) + 2
    assert (problem["note"], problem["line"], problem["severity"]) == (
        "interviews/fab.md",
        line,
        "error",
    )
    assert key in problem["message"]
    affected = {a["kind"] for a in bad["actions"] if a["fallback"]}
    assert affected <= DEPENDS[key]


@pytest.mark.parametrize("key", ["decision_by", "follow_up_on", "outcome_on"])
@pytest.mark.parametrize("written", ["tbd", "TBD", "n/a", "'?'", "unknown", "offen"])
def test_a_day_not_known_yet_is_read_as_empty_with_a_warning(vault, write, run, key, written):
    """`follow_up_on: tbd` says the day is not known yet: it gives what an empty value
    gives, and `check` passes with a warning to leave it empty."""
    path = write("interviews/fab.md", round_note(**{key: written}))
    placeholder = due_json(run, vault)
    checked = run("--vault", vault, "check", "--today", "2026-12-02")
    path.write_text(round_note(**{key: None}))
    assert placeholder == due_json(run, vault)
    line = round_note(**{key: written}).split("\n").index(f"{key}: {written}") + 1
    assert checked.exit_code == 0, checked.output
    assert checked.stdout == (
        f"interviews/fab.md:{line}: warning: {key}: {written.strip(chr(39))!r} is read as a day "
        "not known yet; leave the value empty until you know it (Obsidian's date properties "
        "hold a date or nothing)\n"
    )


def test_an_unreadable_agreed_date_falls_back_and_says_so(vault, write, run):
    write("interviews/fab.md", round_note(follow_up_on="12/9/2026", followed_up=None))
    document = due_json(run, vault)
    (follow_up,) = [a for a in document["actions"] if a["kind"] == "follow-up"]
    assert follow_up["due"] == "2026-12-08"  # two business days after the decision date
    assert follow_up["fallback"] == (
        "agreed date '12/9/2026' unreadable; using 2 business days after the decision date"
    )
    table = run("--vault", vault, "due", "--all", "--today", "2026-12-02")
    assert "fallback: agreed date '12/9/2026' unreadable" in table.stdout
    feed = run("--vault", vault, "feed").stdout
    assert "Date is a fallback: agreed date '12/9/2026' unreadable" in feed.replace("\r\n ", "")


def test_a_date_without_a_year_no_longer_hides_the_thank_you(vault, write, run):
    write("interviews/fab.md", round_note(decision_by="Dec 11", followed_up=None))
    kinds = {a["kind"] for a in due_json(run, vault)["actions"]}
    assert "thank-you" in kinds and "follow-up" in kinds
    checked = run("--vault", vault, "due", "--today", "2026-12-01", "--check")
    assert checked.exit_code == 1
    assert "due --check: 1 error in notes" in checked.stderr


@pytest.mark.parametrize(
    ("written", "sent"),
    [
        ("2026-12-01", True), ("true", True), ("yes", True), ("x", True), ("sent it", True),
        ("false", False), ("no", False), ('"-"', False), ("''", False), ("null", False),
        # words that say it is still to do keep the reminder, whatever their case
        ("not yet", False), ("TODO!", False), ("Pending", False), ("noch nicht", False),
    ],
)  # fmt: skip
def test_thank_you_sent_counts_as_sent_unless_it_says_no(vault, write, run, written, sent):
    write("interviews/fab.md", round_note(thank_you_sent=written))
    document = due_json(run, vault)
    assert ("thank-you" not in {a["kind"] for a in document["actions"]}) is sent
    errors = [p for p in document["problems"] if p["severity"] == "error"]
    assert bool(errors) is (written == "sent it")


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("12/9/2026", "could be day/month or month/day; write it like 2026-12-09, or set "
         "`date_order: dmy` or `date_order: mdy` in .interviewkit/config.yaml"),
        ("23/11/2026", "is read only with `date_order: dmy` in .interviewkit/config.yaml"),
        ("Dec 4", "has no year; add the year: YYYY-12-04"),
        ("sent it", "is not a date (write it like 2026-11-27)"),
    ],
)  # fmt: skip
def test_an_unread_thank_you_day_says_why_as_other_dates_do(vault, write, run, written, why):
    # Counted as sent either way; the message says what would make the day read.
    write("interviews/fab.md", round_note(thank_you_sent=written))
    document = due_json(run, vault)
    assert "thank-you" not in {a["kind"] for a in document["actions"]}
    (problem,) = document["problems"]
    assert problem["message"].startswith(f"thank_you_sent: '{written}' {why}")
    assert problem["message"].endswith("; counted as sent")


def test_dates_before_the_interview_are_errors_that_hide_no_reminder(vault, write, run):
    # Left over from a copied note: both dates come before this round (2026-12-01).
    write("interviews/fab.md", round_note(thank_you_sent="2026-11-20", followed_up="[2026-11-20]"))
    document = due_json(run, vault)
    said = {(p["line"], p["severity"], p["message"]) for p in document["problems"]}
    assert said == {
        (
            13,
            "error",
            "thank_you_sent: 2026-11-20 is before this interview (on 2026-12-01): left from "
            "another note? counted as sent (write the day you sent it)",
        ),
        (
            11,
            "error",
            "followed_up: 2026-11-20 is before this interview (on 2026-12-01): left from "
            "another note? it still counts as a follow-up, but the next is not counted from it",
        ),
    }
    (follow_up,) = [a for a in document["actions"] if a["kind"] == "follow-up"]
    # not a week after 2026-11-20 (before the interview), but the agreed date
    assert (follow_up["due"], follow_up["summary"]) == (
        "2026-12-09",
        "Follow up again with Fabrikam (Engineer)",
    )
    assert follow_up["fallback"] == (
        "follow-up date '2026-11-20' before the interview; using the agreed date"
    )
    checked = run("--vault", vault, "due", "--today", "2026-12-02", "--check")
    assert checked.exit_code == 1 and "2 errors in notes" in checked.stderr
    # on the interview's day itself, both are fine
    write("interviews/fab.md", round_note(thank_you_sent="2026-12-01", followed_up="[2026-12-01]"))
    document = due_json(run, vault)
    assert document["problems"] == []
    (follow_up,) = [a for a in document["actions"] if a["kind"] == "follow-up"]
    assert follow_up["due"] == "2026-12-08"  # a week after that follow-up


def test_unreadable_follow_ups_count_towards_the_limit(vault, write, run):
    write("interviews/fab.md", round_note(followed_up="[soon, later]"))
    kinds = {a["kind"] for a in due_json(run, vault, "2026-12-20")["actions"]}
    assert "follow-up" not in kinds


def test_status_json_carries_the_same_problems_as_due(vault, write, run):
    write("interviews/fab.md", round_note(follow_up_on="12/9/2026"))
    write("interviews/broken.md", "---\ntype: interview\ncompany: [[Acme]\n---\n")
    due = due_json(run, vault)
    status = run("--vault", vault, "status", "--format", "json", "--today", "2026-12-02")
    assert json.loads(status.stdout)["problems"] == due["problems"]
    assert len(due["problems"]) == 3  # the bad date; the bracket never closed, and no start


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("-[ ] Send the slides 📅 2026-12-04", "- [ ] Send the slides 📅 2026-12-04"),
        ("- [] Send the slides 📅 2026-12-04", "- [ ] Send the slides 📅 2026-12-04"),
        ("- [ ]Send the slides 📅 2026-12-04", "- [ ] Send the slides 📅 2026-12-04"),
        ("* [  ] Send the slides [due:: 2026-12-04]", "* [ ] Send the slides [due:: 2026-12-04]"),
        ("> 1.[ ] Send the slides 📅 2026-12-04", "> 1. [ ] Send the slides 📅 2026-12-04"),
    ],
)
def test_a_line_written_almost_like_a_task_with_a_due_date_is_an_error(
    vault, write, run, written, meant
):
    """Neither Obsidian nor the Tasks plugin takes these for tasks, so the day they are
    due would pass without a word; a line without a due date is nobody's reminder."""
    write("interviews/fab.md", round_note() + f"{written}\n- [ ]x no date\n")
    document = due_json(run, vault)
    (problem,) = document["problems"]
    assert (problem["line"], problem["severity"]) == (15, "error")
    assert problem["message"] == (
        f"{written!r} is written almost like a task due 2026-12-04, but is none, so it is on "
        f"no list: write it {meant!r}"
    )
    assert "task" not in {a["kind"] for a in document["actions"]}
    (vault / "interviews" / "fab.md").write_text(round_note() + f"{meant}\n")
    fixed = due_json(run, vault)
    assert not fixed["problems"] and "task" in {a["kind"] for a in fixed["actions"]}


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("📅 2026-12-1", "write 2026-12-01"),
        ("📅 1/12/2026", "write it as YYYY-MM-DD"),
        ("[due:: tomorrow]", "write it as YYYY-MM-DD"),
        ("📅 2026-02-30", "write it as YYYY-MM-DD"),
    ],
)
def test_a_mistyped_task_date_is_an_error_on_its_line(vault, write, run, written, hint):
    write("interviews/fab.md", round_note() + f"- [ ] Send the slides {written}\n")
    document = due_json(run, vault)
    (problem,) = document["problems"]
    assert (problem["line"], problem["severity"]) == (15, "error")
    assert "task 'Send the slides'" in problem["message"] and hint in problem["message"]
    assert "task" not in {a["kind"] for a in document["actions"]}
    checked = run("--vault", vault, "check")
    assert (
        checked.exit_code == 1 and "interviews/fab.md:15: task 'Send the slides'" in checked.stdout
    )


def test_a_mistyped_task_date_says_on_which_day_the_task_is_listed_meanwhile(vault, write, run):
    """The error once said "listed without a due date", though a task without one is
    not listed: it names the scheduled day when there is one, else says it is not."""
    write(
        "interviews/fab.md",
        round_note()
        + "- [ ] Send the slides 📅 2026-12-1\n- [ ] Call Dana 📅 2026-12-1 ⏳ 2026-11-28\n",
    )
    document = due_json(run, vault)
    assert [p["message"].split("; ", 1)[1] for p in document["problems"]] == [
        "until you do, it shows only here, among the problems",
        "until you do, it is listed on its scheduled day, 2026-11-28",
    ]
    assert [a["summary"] for a in document["actions"] if a["kind"] == "task"] == ["Call Dana"]


@pytest.mark.parametrize(
    ("task", "warned"),
    [
        ("Call back @due(2026-12-04)", "2026-12-04"),
        ("Send the slides by 2026-12-05", "2026-12-05"),
        ("Send the slides by 2026-12-05 ⏳ 2026-12-03", None),  # listed on its scheduled day
        ("[x] Send the slides by 2026-12-05", None),  # done
        ("Quote ref 2026-12-0512", None),  # no day
    ],
)
def test_an_open_task_naming_a_day_without_a_due_date_is_named(vault, write, run, task, warned):
    """A task with a day in its words but no `📅` is not listed on that day, or at all:
    a warning where the user looks, with the field to add."""
    line = f"- {task}" if task.startswith("[") else f"- [ ] {task}"
    write("interviews/fab.md", round_note() + line + "\n")
    problems = due_json(run, vault)["problems"]
    if warned is None:
        assert problems == []
    else:
        assert [(p["line"], p["severity"]) for p in problems] == [(15, "warning")]
        assert problems[0]["message"].endswith(
            f"names {warned} but has no due date, so it is not listed: add `📅 {warned}` at "
            "its end, as the Tasks plugin writes a due date"
        )


def test_body_problems_never_go_stale(vault, write, run):
    path = write("interviews/fab.md", round_note() + "- [ ] Send the slides 📅 2026-12-1\n")
    assert len(due_json(run, vault)["problems"]) == 1
    path.write_text(round_note() + "- [ ] Send the slides 📅 2026-12-01\n")
    fixed = due_json(run, vault)  # the front matter is the same: only the body is read again
    assert fixed["problems"] == []
    assert "task" in {a["kind"] for a in fixed["actions"]}
    path.write_text(round_note() + "\n- [ ] Send the slides 📅 2026-13-01\n")
    again = due_json(run, vault)
    assert [p["line"] for p in again["problems"]] == [16]


def test_an_unusable_note_keeps_its_body_warnings_after_a_body_edit(vault, write, run):
    """A note that gives no actions (here its start is missing) is read whole again
    when only its body changes, so its body's warnings do not drop out of `check`."""
    path = write("interviews/fab.md", round_note(start=None) + "Met on {{date}}\n")
    first = run("--vault", vault, "check").stdout
    assert "interviews/fab.md:14: warning: {{date}} is a template placeholder" in first, first
    path.write_text(round_note(start=None) + "Met on {{date}}\nThey liked the demo.\n")
    again = run("--vault", vault, "check").stdout
    assert "interviews/fab.md:14: warning: {{date}} is a template placeholder" in again, again


@pytest.mark.parametrize(
    "broken",
    [
        "---\ntype: interview\ncompany: Fabrikam\nstart: [unclosed\n---\n",
        "---\ntype: interview\ncompany: 'Fabrikam'  # the later round\n---\n",
        "---\ntype: interview\ncompany: fabrikam\nstart: 2026-12-05T10:00\n",
    ],
)
def test_an_unusable_note_warns_every_action_of_its_company(vault, write, run, broken):
    write("interviews/fab.md", round_note(followed_up=None))
    write("interviews/other.md", round_note(id="other", company="Globex"))
    write("interviews/fab-later.md", broken)
    document = due_json(run, vault)
    warned = {a["company"]: a["warning"] for a in document["actions"]}
    assert warned["Fabrikam"] == (
        "interviews/fab-later.md cannot be read; a later round there may change this"
    )
    assert warned["Globex"] is None
    assert document == due_json(run, vault)  # the same notes, the same output, warm or cold
    table = run("--vault", vault, "due", "--all", "--today", "2026-12-02").stdout
    assert "warning: interviews/fab-later.md cannot be read" in table


def test_a_folder_that_cannot_be_read_is_an_error_not_a_silence(vault, write, run, monkeypatch):
    import interviewkit.vault.walk as walk

    write("interviews/good.md", GOOD)
    write("interviews/locked/hidden.md", GOOD.replace("good", "hidden"))
    real = walk.os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(walk.os, "scandir", scandir)
    document = json.loads(
        run("--vault", vault, "due", "--all", "--today", "2026-11-20", "--format", "json").stdout
    )
    (problem,) = document["problems"]
    assert (problem["note"], problem["severity"]) == ("interviews/locked", "error")
    assert "cannot read this folder: Permission denied" in problem["message"]
    checked = run("--vault", vault, "check")
    assert (
        checked.exit_code == 1 and "interviews/locked:1: cannot read this folder" in checked.stdout
    )
    assert run("--vault", vault, "due", "--today", "2026-11-20", "--check").exit_code == 1


def test_status_shows_problems_where_you_look(vault, write, run):
    write("interviews/fab.md", round_note(follow_up_on="12/9/2026"))
    shown = "interviews/fab.md:10: follow_up_on: '12/9/2026' could be day/month or month/day"
    table = run("--vault", vault, "status", "--today", "2026-12-02")
    assert table.stdout.startswith("Problems (1)\n  " + shown) and table.stderr == ""
    markdown = run("--vault", vault, "status", "--format", "markdown", "--today", "2026-12-02")
    assert "## Problems\n\n- [[interviews/fab|fab]], line 10: follow_up_on:" in markdown.stdout
    csv = run("--vault", vault, "status", "--format", "csv", "--today", "2026-12-02")
    assert shown in csv.stderr and "Problems" not in csv.stdout


@st.composite
def clean_rounds(draw) -> dict[str, str]:
    """A round's front matter with every key of the dependency table readable."""
    day = draw(st.integers(1, 25))
    keys = dict(ROUND)
    keys["start"] = f"2026-11-{day:02d}T{draw(st.integers(8, 17)):02d}:00"
    keys["end"] = f"2026-11-{day:02d}T18:30"
    keys["decision_by"] = f"2026-12-{draw(st.integers(1, 20)):02d}"
    keys["follow_up_on"] = f"2026-12-{draw(st.integers(1, 20)):02d}"
    keys["followed_up"] = draw(st.sampled_from(["[]", "[2026-12-21]", "[2026-12-21, 2026-12-28]"]))
    keys["outcome"] = draw(st.sampled_from(["pending", "offer", "rejected"]))
    keys["people"] = draw(
        st.sampled_from(["[]", '["Dana Whitfield"]', '["A B", "C D <c@d.example>"]'])
    )
    return keys


GARBAGE_VALUES = st.sampled_from(
    [
        *("soon", "12/9/2026", "Dec 11", "{a: 1}", "'2026-13-45'", "[x, y]"),
        # what YAML cannot read: read as the text written, the rest of the note around it
        *("Zoom: 10:30", "'2026-12-09' at noon", "[unclosed", "@soon", "`tbd`"),
    ]
)


@settings(max_examples=80, deadline=None)
@given(keys=clean_rounds(), key=st.sampled_from(sorted(DEPENDS)), garbage=GARBAGE_VALUES)
def test_garbage_in_one_key_leaves_every_other_action_as_it_was(keys, key, garbage):
    from interviewkit.config import Settings
    from interviewkit.notes.note import read_note
    from interviewkit.rules.actions import note_actions
    from interviewkit.rules.applications import Applications

    settings_ = Settings(timezone="Europe/Paris")

    def actions(text: str):
        reading = read_note("interviews/fab.md", text.encode(), settings_, True)
        assert reading.note is not None, reading.problems
        note = reading.note
        found = note_actions(note, Applications([note]), settings_, None)
        return {(a.kind, a.id): (str(a.due), a.summary) for a in found}, reading.problems

    lines = [f"{k}: {v}" for k, v in keys.items()]
    clean, clean_problems = actions("---\n" + "\n".join(lines) + "\n---\n## Notes\n")
    assume(not clean_problems)
    lines[list(keys).index(key)] = f"{key}: {garbage}"
    dirty, problems = actions("---\n" + "\n".join(lines) + "\n---\n## Notes\n")
    if key == "people" and garbage != "{a: 1}":
        return  # a name, or a list of names, is a good value for people
    assert problems, (key, garbage)
    assert {p.line for p in problems} == {list(keys).index(key) + 2}
    untouched = DEPENDS[key] | ({"follow-up", "close", "decide"} if key == "outcome" else set())
    if key == "outcome":
        untouched |= {"thank-you"}  # a garbled outcome reads as pending, as when absent
    assert {k: v for k, v in dirty.items() if k[0] not in untouched} == {
        k: v for k, v in clean.items() if k[0] not in untouched
    }


def test_a_bug_on_one_note_costs_that_note_only(vault, write, run, monkeypatch):
    import interviewkit.notes.note as reading

    write("interviews/good.md", GOOD)
    write("interviews/cursed.md", GOOD.replace("good", "cursed"))
    real = reading._build

    def build(reading_, path, *args):
        if path == "interviews/cursed.md":
            raise OverflowError("date value out of range")
        return real(reading_, path, *args)

    monkeypatch.setattr(reading, "_build", build)
    result = run("--vault", vault, "due", "--all", "--today", "2026-11-20", "--format", "json")
    assert result.exit_code == 0 and "Traceback" not in result.output
    document = json.loads(result.stdout)
    assert {a["note"] for a in document["actions"]} == {"interviews/good.md"}
    (problem,) = document["problems"]
    assert problem["note"] == "interviews/cursed.md"
    assert "interviewkit failed while reading this note (OverflowError" in problem["message"]
    assert "Please report it" in problem["message"]


def curse_the_rules(monkeypatch, module, company: str) -> None:
    """Make `candidate_actions`, as `module` calls it, fail for one company's notes."""
    real = module.candidate_actions

    def cursed(note_, *args, **kwargs):
        if note_.company == company:
            raise ValueError("bad")
        return real(note_, *args, **kwargs)

    monkeypatch.setattr(module, "candidate_actions", cursed)


def test_a_bug_in_the_rules_costs_that_company_only(vault, write, run, monkeypatch):
    import interviewkit.rules.agenda as agenda

    write("interviews/good.md", GOOD)
    write("interviews/other.md", note(id="other", company="Cursed Co"))
    curse_the_rules(monkeypatch, agenda, "Cursed Co")
    result = run("--vault", vault, "due", "--all", "--today", "2026-11-20", "--format", "json")
    document = json.loads(result.stdout)
    assert {a["note"] for a in document["actions"]} == {"interviews/good.md"}
    assert [p["note"] for p in document["problems"]] == ["interviews/other.md"]
    assert "while working out the actions of this note" in document["problems"][0]["message"]


@pytest.mark.parametrize(
    ("line", "said"),
    [
        (
            "decision_by: 9999-12-31",
            "decision_by: '9999-12-31' is a date out of range (1900 to 2200)",
        ),
        ("follow_up_on: 0001-01-01", "follow_up_on: '0001-01-01' is a date out of range"),
        ("start: 9999-12-31T23:30", "start: '9999-12-31T23:30' is a date out of range"),
    ],
)
def test_dates_at_the_calendars_ends_are_errors_not_crashes(vault, write, run, line, said):
    write("interviews/good.md", GOOD)
    content = BAD_VALUE.format(line)
    if line.startswith("start"):
        content = content.replace("start: 2026-11-20T10:00\n", "")
    write("interviews/bad.md", content)
    result = run("--vault", vault, "due", "--all", "--today", "2026-11-20", "--format", "json")
    assert result.exit_code == 0 and "Traceback" not in result.output
    document = json.loads(result.stdout)
    assert "interviews/good.md" in {a["note"] for a in document["actions"]}
    assert said in shown_problems(document)
    assert run("--vault", vault, "feed").exit_code == 0
    assert run("--vault", vault, "status").exit_code == 0


def test_a_task_dated_9999_is_an_error_on_its_line(vault, write, run):
    write("interviews/fab.md", round_note() + "- [ ] Call back 📅 9999-12-31\n")
    document = due_json(run, vault)
    assert "the year must be from 1900 to 2200" in shown_problems(document)


@pytest.mark.parametrize(
    "args",
    [
        ["due", "--within", "3000000"],
        ["due", "--today", "9999-12-31"],
        ["status", "--today", "1899-12-31"],
        ["export", "--since", "2201-01-01"],
        ["done", "x:thank-you", "--on", "9999-12-31"],
    ],
)
def test_options_outside_the_calendar_exit_2(vault, run, args):
    result = run("--vault", vault, *args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_a_huge_markdown_file_is_decided_from_its_first_bytes(vault, write, run):
    write("interviews/good.md", GOOD)
    huge = write("export.md", "---\ntype: interview\ncompany: Export\n---\n")
    with huge.open("r+b") as handle:
        handle.truncate(3 << 30)  # 3 GB, sparse: reading it whole would take memory and time
    write("notes/big-diary.md", "# Diary\n")
    with (vault / "notes" / "big-diary.md").open("r+b") as handle:
        handle.truncate(6 << 20)
    document = json.loads(
        run("--vault", vault, "due", "--all", "--today", "2026-11-20", "--format", "json").stdout
    )
    assert {a["note"] for a in document["actions"]} == {"interviews/good.md"}
    (problem,) = document["problems"]
    assert (
        problem["note"] == "export.md" and "is over 5 MiB, so it is not read" in problem["message"]
    )


def test_a_file_name_that_is_not_utf8_is_named_not_a_crash(vault, write, run):
    write("interviews/good.md", GOOD)
    folder = os.fsencode(vault / "interviews")
    with open(os.path.join(folder, b"caf\xe9.md"), "wb") as handle:
        handle.write(GOOD.replace("good", "cafe").encode())
    for args in (["due", "--all", "--today", "2026-11-20"], ["feed"], ["status"], ["check"]):
        result = run("--vault", vault, *args)
        assert "Traceback" not in result.output, args
    document = json.loads(
        run("--vault", vault, "due", "--all", "--today", "2026-11-20", "--format", "json").stdout
    )
    (problem,) = document["problems"]
    assert problem["note"] == "interviews/caf\\xe9.md"
    assert "this file's name is not valid UTF-8" in problem["message"]
    written = run("--vault", vault, "due", "-o", vault / "Due.md", "--today", "2026-11-20")
    assert written.exit_code == 0 and "caf\\xe9.md" in written.stderr


def test_due_company_shows_that_company_s_problems_and_unusable_notes(vault, write, run):
    write("interviews/fab.md", round_note(follow_up_on="12/9/2026"))
    write("interviews/fab-later.md", "---\ntype: interview\ncompany: Fabrikam\nstart: [x\n---\n")
    write("interviews/other.md", round_note(id="other", company="Globex", decision_by="soon"))
    args = ("--vault", vault, "due", "--all", "--today", "2026-12-02", "--format", "json")
    mine = json.loads(run(*args, "--company", "fabrikam").stdout)["problems"]
    assert {p["note"] for p in mine} == {"interviews/fab.md", "interviews/fab-later.md"}
    every = json.loads(run(*args).stdout)["problems"]
    assert {p["note"] for p in every} == {
        "interviews/fab.md",
        "interviews/fab-later.md",
        "interviews/other.md",
    }


@pytest.mark.parametrize(
    "command", [["feed"], ["status", "--format", "json", "--today", "2026-11-20"]]
)
def test_a_bug_in_the_rules_costs_one_note_in_feed_and_status(
    vault, write, run, monkeypatch, command
):
    import interviewkit.rules.actions as actions

    write("interviews/good.md", GOOD)
    write("interviews/other.md", note(id="other", company="Cursed Co"))
    curse_the_rules(monkeypatch, actions, "Cursed Co")
    result = run("--vault", vault, *command)
    assert "Traceback" not in result.output
    said = "interviews/other.md:1: interviewkit failed while working out the actions of this note"
    assert said in (
        result.stderr if command == ["feed"] else shown_problems(json.loads(result.stdout))
    )


@pytest.mark.parametrize(
    ("key", "meant"),
    [
        ("follow_up_date", "follow_up_on"),
        ("followup_date", "follow_up_on"),
        ("follow_up_by", "follow_up_on"),
        ("decision_date", "decision_by"),
        ("decide_by", "decision_by"),
        ("decision_on", "decision_by"),
        ("hear_back_by", "decision_by"),
        ("thank_you", "thank_you_sent"),
        ("thankyou", "thank_you_sent"),
        ("thanks_sent", "thank_you_sent"),
        ("followups", "followed_up"),
        ("follow_ups", "followed_up"),
        ("interviewers", "people"),
        ("people_met", "people"),
    ],
)
def test_each_synonym_is_a_warning_that_names_the_contract_key(vault, write, run, key, meant):
    """While the note lacks the contract key, `check --fix` renames the synonym, which
    is then read; beside the key itself, even empty, which one is right is the user's
    to say, and the note is left as it is."""
    write("interviews/a.md", note(id="a", **{key: "2026-12-16"}))
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 0
    said = (
        f"interviews/a.md:6: warning: did you mean `{meant}`? interviewkit does not read "
        f"`{key}` (`check --fix` renames it)"
    )
    assert said in checked.stdout.splitlines()
    due = json.loads(run("--vault", vault, "due", "--format", "json").stdout)
    assert said.split(": ", 2)[2] in [p["message"] for p in due["problems"]]
    fixed = run("--vault", vault, "check", "--fix")
    assert f"interviews/a.md:6: renamed {key} to {meant}" in fixed.stderr.splitlines()
    assert (vault / "interviews" / "a.md").read_text() == note(id="a", **{meant: "2026-12-16"})
    assert "did you mean" not in fixed.stdout

    beside = note(id="a", **{meant: "", key: "2026-12-16"})
    write("interviews/a.md", beside)
    checked = run("--vault", vault, "check").stdout
    assert f"did you mean `{meant}`? interviewkit does not read `{key}`\n" in checked
    fixed = run("--vault", vault, "check", "--fix")
    assert "renamed" not in fixed.stderr
    assert (vault / "interviews" / "a.md").read_text() == beside


@pytest.mark.parametrize("key", ["date", "datetime", "when"])
def test_date_words_point_to_start_only_when_start_is_missing(vault, write, run, key):
    write("interviews/a.md", note(id="a", **{key: "2026-12-16"}))
    assert "did you mean" not in run("--vault", vault, "check").stdout  # with a start: yours
    write(
        "interviews/b.md",
        "---\ntype: interview\ncompany: Acme\n" + f"{key}: 2026-12-16T10:00\n---\n",
    )
    checked = run("--vault", vault, "check").stdout
    assert (
        f"b.md:4: start is missing; `{key}: 2026-12-16T10:00` is not read: write "
        "`start: 2026-12-16T10:00` in its place (`check --fix` does)\n"
    ) in checked
    assert (
        f"b.md:4: warning: did you mean `start`? interviewkit does not read `{key}` "
        "(`check --fix` renames it)"
    ) in checked


@pytest.mark.parametrize("key", ["firma", "Unternehmen", "employer"])
def test_a_missing_company_names_the_key_written_for_it(vault, write, run, key):
    write(
        "interviews/b.md",
        f"---\ntype: interview\n{key}: Siemens AG\nstart: 2026-12-16T10:00\n---\n",
    )
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 1
    assert (
        f"interviews/b.md:3: company is missing; if `{key}:` is the company, rename it "
        "`company:` (`check --fix` does)" in checked.stdout.splitlines()
    )
    assert f"b.md:3: warning: did you mean `company`? interviewkit does not read `{key}`" in (
        checked.stdout
    )
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.exit_code == 0 and "b.md:3: renamed" in fixed.stderr
    assert (vault / "interviews" / "b.md").read_text() == (
        "---\ntype: interview\ncompany: Siemens AG\nstart: 2026-12-16T10:00\n---\n"
    )
    write(
        "interviews/b.md",
        f"---\ntype: interview\ncompany: Siemens\n{key}: Siemens AG\nstart: 2026-12-16T10:00\n---\n",
    )
    assert "did you mean `company`" not in run("--vault", vault, "check").stdout  # yours


@pytest.mark.parametrize(
    ("lines", "said"),
    [
        (
            "date: 2026-12-16\ntime: 10:00",
            "b.md:4: start is missing; `date: 2026-12-16` and `time: 10:00` are not read: "
            "write `start: 2026-12-16T10:00` in their place (`check --fix` does)",
        ),
        (
            "Date: 16.12.2026",
            "b.md:4: start is missing; `Date: 16.12.2026` is not read: write "
            "`start: 2026-12-16T14:00` (with the interview's time) in its place "
            "(`check --fix` renames the key)",
        ),
        (
            "when: next week",
            "b.md:4: start is missing; `when: next week` is not read (write `start: 2026-11-27T14:00`)",
        ),
        ("role: SRE", "b.md:1: start is missing (add `start: 2026-11-27T14:00`)"),
        (  # in German
            "datum: 2026-12-16\nuhrzeit: 10:00",
            "b.md:4: start is missing; `datum: 2026-12-16` and `uhrzeit: 10:00` are not read: "
            "write `start: 2026-12-16T10:00` in their place (`check --fix` does)",
        ),
    ],
)
def test_a_missing_start_names_the_day_written_under_another_key(vault, write, run, lines, said):
    """`date:` and `time:` for `start:` leave the note unusable, as any missing start
    does; the error shows the one line to write instead, so the round comes back."""
    write("interviews/b.md", f"---\ntype: interview\ncompany: Acme\n{lines}\n---\n")
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 1 and f"interviews/{said}" in checked.stdout.splitlines()


@pytest.mark.parametrize(
    ("lines", "fixed"),
    [
        ("date: 2026-12-16\ntime: 10:00", "start: 2026-12-16T10:00"),
        ("datum: 2026-12-16\nuhrzeit: 10:00", "start: 2026-12-16T10:00"),
        (  # the comments of both lines are kept on the one
            "date: 2026-12-16  # from the invitation\ntime: 10:00  # Berlin time",
            "start: 2026-12-16T10:00  # Berlin time  # from the invitation",
        ),
        ("Date: 2026-12-16  # from the invitation", "start: 2026-12-16  # from the invitation"),
        ("when: 16 Dec 2026 10am", "start: 2026-12-16T10:00"),  # then written in ISO
        (
            "date: 2026-12-16\ntime: 2:30pm\nduration: 45\ninterviewers: [Hank Scorpio]",
            "start: 2026-12-16T14:30\nend: 2026-12-16T15:15\npeople: [Hank Scorpio]",
        ),
        (  # an end without an offset is read in the start's: so it is written in it
            "date: 2026-12-16T10:00-05:00\nlength: 1h30",
            "start: 2026-12-16T10:00-05:00\nend: 2026-12-16T11:30",
        ),
        ("start: 2026-12-16T10:00\nends: 11:15", "start: 2026-12-16T10:00\nend: 2026-12-16T11:15"),
        (  # a start of a day alone takes the time beside it, and the end counts from both
            "start: 2026-12-16\ntime: 2:30pm  # their time\nduration: 1h",
            "start: 2026-12-16T14:30  # their time\nend: 2026-12-16T15:30",
        ),
    ],
)
def test_check_fix_writes_a_start_and_an_end_written_under_other_keys(
    vault, write, run, lines, fixed
):
    """The line the error asks for is the line `check --fix` writes, and the round is
    back in `due`; nothing else in the note moves."""
    write("interviews/b.md", f"---\ntype: interview\ncompany: Acme\n{lines}\n---\n# Notes\n")
    due = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    left_out = "interviews/b.md" not in {a["note"] for a in due["actions"]}
    assert left_out == (not lines.startswith("start:"))
    result = run("--vault", vault, "check", "--fix")
    assert result.exit_code == 0, result.stdout
    text = (vault / "interviews" / "b.md").read_text()
    assert text == f"---\ntype: interview\ncompany: Acme\n{fixed}\n---\n# Notes\n"
    assert "did you mean" not in result.stdout
    due = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert "interviews/b.md" in {a["note"] for a in due["actions"]}


def test_a_start_of_a_day_alone_names_the_time_beside_it_in_due(vault, write, run):
    """`start: 2026-12-16` with `time: 2:30pm` below it: the thank-you would be
    counted from 09:00, so `due` says so, with the line to write."""
    write("interviews/b.md", note("Acme", "2026-11-20", id="b", time="2:30pm"))
    due = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert {
        "note": "interviews/b.md",
        "line": 4,
        "severity": "warning",
        "message": "start has no time, and `time: 2:30pm` beside it is not read: write `start: "
        "2026-11-20T14:30` in their place (`check --fix` does); read as 09:00 until then",
    } in due["problems"]
    write("interviews/b.md", note("Acme", "2026-11-20T10:00", id="b", time="2:30pm"))
    assert "`time:" not in run("--vault", vault, "check").stdout  # a time of its own: yours


@pytest.mark.parametrize(
    "lines",
    [
        "when: next week",  # no day to write
        "date: 2026-12-16\ntime: 10:00\nstart:",  # which is right is the user's to say
        "start: 2026-12-16T10:00\nduration: a while",
    ],
)
def test_check_fix_leaves_a_start_or_end_it_cannot_write_safely(vault, write, run, lines):
    before = f"---\ntype: interview\ncompany: Acme\n{lines}\n---\n# Notes\n"
    write("interviews/b.md", before)
    result = run("--vault", vault, "check", "--fix")
    assert "did you mean" in result.stdout  # still named
    assert (vault / "interviews" / "b.md").read_text() == before


@pytest.mark.parametrize(
    ("key", "value", "meant", "beside"),
    [
        ("duration", "90", "end", "end: 2026-11-20T11:30"),
        ("position", "Data Engineer", "role", "role: Data Engineer"),
        ("stage", "onsite", "round", "round: onsite"),
        ("place", "Berlin office", "location", "location: Berlin"),
        ("meeting_link", "https://meet.example/x", "link", "link: https://meet.example/y"),
        ("status", "rejected", "outcome", "outcome: rejected"),
        ("stelle", "Entwickler", "role", "role: Entwickler"),
        ("runde", "Zweitgespräch", "round", "round: Zweitgespräch"),
        ("ort", "München", "location", "location: München"),
    ],
)
def test_a_synonym_for_a_key_left_empty_is_named(vault, write, run, key, value, meant, beside):
    said = f"warning: did you mean `{meant}`? interviewkit does not read `{key}`"
    write("interviews/a.md", note(id="a", **{key: value}))
    assert said in run("--vault", vault, "check").stdout
    write(
        "interviews/a.md",
        note(id="a", **{key: value}).replace("---\n# Notes", f"{beside}\n---\n# Notes"),
    )
    assert said not in run("--vault", vault, "check").stdout  # the key itself holds it


def test_a_status_that_says_the_application_ended_is_named_though_outcome_is_pending(
    vault, write, run
):
    write("interviews/a.md", note(id="a", outcome="pending", status="Rejected"))
    assert "did you mean `outcome`? interviewkit does not read `status`" in (
        run("--vault", vault, "check").stdout
    )
    write("interviews/a.md", note(id="a", status="active"))  # the user's own word
    assert "status" not in run("--vault", vault, "check").stdout


@pytest.mark.parametrize(
    ("key", "meant"),
    [
        ("FollowUpOn", "follow_up_on"),
        ("follow-up-on", "follow_up_on"),
        ("followup_on", "follow_up_on"),
        ("thankyou_sent", "thank_you_sent"),
        ("decisionby", "decision_by"),
        ("Follow Up On", "follow_up_on"),
        ("folow_up_on", "follow_up_on"),
    ],
)
def test_a_misspelt_key_is_an_error_its_value_unused_and_fix_renames_it(
    vault, write, run, key, meant
):
    write("interviews/a.md", note(id="a", **{f'"{key}"' if " " in key else key: "2026-12-16"}))
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 1
    assert f"unknown key {key!r}: did you mean {meant}?" in checked.stdout
    due = run("--vault", vault, "due", "--check")
    assert due.exit_code == 1
    if meant == "follow_up_on":  # the agreed date is not used: the default date is
        rows = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)[
            "actions"
        ]
        assert all(r["due"] != "2026-12-16" for r in rows if r["kind"] == "follow-up")
    fixed = run("--vault", vault, "check", "--fix")
    assert f"renamed {key} to {meant}" in fixed.stderr


@pytest.mark.parametrize(
    ("front", "fix"),
    [
        ("Type: interview", "`Type:` should be `type:`"),
        ("type: interveiw", "type: 'interveiw' should be `type: interview`"),
        ("TYPE: Interview", "`TYPE:` should be `type:`"),
        ("tags: [interview]", "no `type: interview`, but a company and a start"),
    ],
)
def test_a_note_that_almost_says_type_interview_is_read_and_warned(vault, write, run, front, fix):
    write("interviews/a.md", f"---\n{front}\ncompany: Acme\nstart: 2026-11-20T10:00\n---\n")
    checked = run("--vault", vault, "check")
    assert f"warning: {fix}; read as an interview note" in checked.stdout
    assert checked.exit_code == 0
    due = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert {a["kind"] for a in due["actions"]} >= {"thank-you", "follow-up"}
    # outside the notes folder, only `type: interview` makes an interview note
    write("elsewhere/b.md", f"---\n{front}\ncompany: Globex\nstart: 2026-11-20T10:00\n---\n")
    assert "Globex" not in run("--vault", vault, "due", "--all").stdout


@pytest.mark.parametrize(
    ("front", "error"),
    [
        (
            "Compnay: Acme\nstart: 2026-11-20T10:00",
            "a.md:2: unknown key 'Compnay': did you mean company?",
        ),
        (
            "company: Acme\ndate: 2026-11-20",
            "a.md:3: start is missing; `date: 2026-11-20` is not read",
        ),
    ],
)
def test_an_untyped_note_with_a_company_and_a_start_under_other_names_is_not_dropped(
    vault, write, run, front, error
):
    """A misspelt company or a start under a synonym still makes an interview note of
    front matter in the notes folder: its errors are shown, not the note dropped."""
    write("interviews/a.md", f"---\n{front}\n---\n")
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 1
    assert "a.md:1: warning: no `type: interview`, but a company and a start" in checked.stdout
    assert error in checked.stdout
    due = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert error.split(": ", 1)[1] in [
        p["message"][: len(error.split(": ", 1)[1])] for p in due["problems"]
    ]


def test_an_untyped_note_with_a_company_and_a_round_s_key_is_read_so_its_start_is_asked_for(
    vault, write, run
):
    """A company and a key only a round has (here `round`) make an interview note of
    untyped front matter whose start is misspelt (`strat:`), so the missing start is an
    error naming that line; a person note and an application's own note, which have a
    company but no such key, stay other notes."""
    write("interviews/a.md", "---\ncompany: Acme\nround: onsite\nstrat: 2026-11-20T10:00\n---\n")
    write("interviews/people/Dana.md", "---\ncompany: Acme\nemail: d@acme.example\n---\n")
    write("interviews/Acme.md", "---\ncompany: Acme\nrole: Eng\noutcome: rejected\n---\n")
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 1
    assert checked.stdout.splitlines() == [
        "interviews/a.md:1: warning: no `type: interview`, but a company and round, which only "
        "an interview has; read as an interview note (add `type: interview` and the `start`)",
        "interviews/a.md:1: warning: no id; one is derived from company, day and round (add "
        "`id:` to pin it)",
        "interviews/a.md:4: start is missing; if `strat:` is the start, rename it `start:`",
    ]


@pytest.mark.parametrize(
    ("name", "start", "warned"),
    [
        ("2026-11-27 Acme onsite.md", "2025-11-27T10:00", "2026-11-27"),  # last year's habit
        ("2026-01-05 Acme.md", "2027-01-05T10:00", "2026-01-05"),
        ("2026-11-27 Acme onsite.md", "2026-11-27T10:00", None),
        ("2026-11-27 Acme onsite.md", "2026-12-02T10:00", None),  # moved: not a typo
        ("2026-11-27 Acme onsite.md", "2024-11-27T10:00", None),
        ("2027-02-29 Acme.md", "2028-02-29T10:00", None),  # no such day in 2027
        ("acme.md", "2025-11-27T10:00", None),
    ],
)
def test_a_start_a_year_from_the_day_in_the_file_name_is_warned(
    vault, write, run, name, start, warned
):
    write(f"interviews/{name}", note(id="a", start=start))
    due = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    said = [p["message"] for p in due["problems"] if "a year from the day" in p["message"]]
    assert {a["note"] for a in due["actions"]} == {f"interviews/{name}"}  # read, and whole
    assert [p for p in due["problems"] if p["severity"] == "error"] == []
    if warned is None:
        assert said == []
    else:
        assert said == [
            f"start: {start[:10]} is a year from the day in the file name ({warned}): if the "
            f"year is a typo, write {warned}, or every reminder of this interview is a year off"
        ]
        assert f"{name}:4: warning: start: {start[:10]} is a year" in (
            run("--vault", vault, "check").stdout
        )


def test_cr_only_line_ends_are_read(vault, write, run):
    write("interviews/a.md", b"---\rtype: interview\rcompany: Acme\rstart: 2026-11-20T10:00\r---\r")
    assert "Acme" in run("--vault", vault, "due", "--all").stdout


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("people:\n\t- Ada", "5: invalid YAML: found character that cannot start any token (a tab"),
        ("role: Engineer: Backend", '4: invalid YAML: mapping values are not allowed in this '
         'context (the value holds `: `, so it needs quotes: "Engineer: Backend")'),
        ('role: "Engineer\nround: onsite', "4: invalid YAML: found unexpected end of stream (a "
         "quote opened on this line is never closed)"),
        ("role: @home", '4: invalid YAML: found character that cannot start any token (a value '
         'starting with @ needs quotes: "@home")'),
        ("role: *Senior*", "4: invalid YAML: did not find expected alphabetic or numeric character "
         '(a value starting with * needs quotes: "*Senior*")'),
        ("company Acme", "4: invalid YAML: could not find expected ':' (this line has no `:`"),
        ("people: - Ada", "4: invalid YAML: block sequence entries are not allowed in this "
         "context (a list goes on the lines below"),
        ("people:\n  - Ada\n - Bo", "6: invalid YAML: did not find expected key (check this "
         "line's indentation"),
        ('role: "Senior" Engineer', "4: invalid YAML: did not find expected key (text follows the "
         "closing quote: quote the whole value)"),
        ('people:\n  - Ada\n  - "Doe, Jane" <jane@x.example>', "6: invalid YAML: did not find "
         "expected '-' indicator (text follows the closing quote of this item: quote the whole "
         """item, - '"Doe, Jane" <jane@x.example>')"""),
        (" role: x", "4: invalid YAML: mapping values are not allowed in this context (this line "
         "is indented"),
        ("follow_up_on: ?", "4: invalid YAML: mapping keys are not allowed in this context (a ? "
         "alone begins a key in YAML: for a value not known yet, leave it empty, or quote it: '?')"),
        ("decision_by: -", "4: invalid YAML: block sequence entries are not allowed in this "
         "context (a - alone begins a list item in YAML: for a value not known yet, leave it"),
    ],
)  # fmt: skip
def test_invalid_front_matter_names_the_line_it_begins_on_and_the_fix(
    vault, write, run, lines, expected
):
    write("interviews/a.md", f"---\ntype: interview\nstart: 2026-11-20T10:00\n{lines}\n---\n")
    write("interviews/good.md", GOOD)
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 1
    assert f"interviews/a.md:{expected}" in checked.stdout
    assert "interviews/good.md" not in checked.stdout  # the other note is read as ever
    assert "Traceback" not in checked.output


def test_due_in_a_folder_that_is_no_vault_says_so_and_check_fails(tmp_path, run, write, vault):
    elsewhere = tmp_path / "home"
    elsewhere.mkdir()
    (elsewhere / "shopping.md").write_text("- [ ] milk\n")
    listed = run("--vault", elsewhere, "due")
    assert listed.exit_code == 0 and "Nothing due" in listed.stdout
    assert f"warning: {elsewhere} holds no interview note and no .interviewkit/ folder" in (
        listed.stderr
    )
    checked = run("--vault", elsewhere, "due", "--check")
    assert checked.exit_code == 1 and "due --check: no vault found" in checked.stderr
    # nothing is cached there: a folder does not become a vault by being read
    assert not (elsewhere / ".interviewkit").exists()
    # a vault made by init, still without notes, is no mistake; nor are notes without init
    assert run("--vault", vault, "due", "--check").exit_code == 0
    (elsewhere / "broken.md").write_text("---\ntype: interview\ncompany: X\n---\n")
    broken = run("--vault", elsewhere, "due", "--check", "--format", "json")
    assert "start is missing" in broken.stdout and "no vault found" not in broken.stderr
    (elsewhere / "broken.md").unlink()
    (elsewhere / "a.md").write_text(GOOD)
    quiet = run("--vault", elsewhere, "due", "--check", "--today", "2026-11-19")
    assert quiet.exit_code == 0 and "warning" not in quiet.stderr


def test_a_command_run_in_the_home_folder_or_at_the_root_is_told_to_find_its_vault(
    tmp_path, run, monkeypatch
):
    home = tmp_path / "home"
    (home / "Downloads").mkdir(parents=True)
    (home / "Downloads" / "acme.md").write_text(GOOD)  # read whole, it would be due
    monkeypatch.chdir(home)
    for args in (["due"], ["status"], ["init"], ["new", "Acme", "--no-interactive"]):
        refused = run(*args, env={"HOME": str(home)})
        assert refused.exit_code == 2, (args, refused.output)
        assert f"no vault here: {home} is your home folder" in refused.stderr
        assert "interviewkit init ~/job-search" in refused.stderr
        assert "Good" not in refused.stdout and "Traceback" not in refused.output
    assert sorted(p.name for p in home.rglob("*")) == ["Downloads", "acme.md"]  # nothing made
    # named, it is the vault asked for; made one by init, it is found from below
    assert "Good" in run("--vault", home, "due", "--all", env={"HOME": str(home)}).stdout
    assert run("init", home).exit_code == 0
    monkeypatch.chdir(home / "Downloads")
    assert "Good" in run("due", "--all", env={"HOME": str(home)}).stdout
    monkeypatch.chdir(tmp_path.anchor)  # the file system's root: refused before a walk
    at_root = run("due", env={"HOME": str(home)})
    assert at_root.exit_code == 2
    assert f"no vault here: {tmp_path.anchor} is the file system's root" in at_root.stderr


def test_a_vault_inside_the_vault_is_named_and_left_to_its_own_settings(
    vault, write, run, monkeypatch
):
    write("interviews/good.md", GOOD)
    inner = vault / "archive" / "2025 search"
    (inner / ".interviewkit").mkdir(parents=True)
    (inner / ".interviewkit" / "config.yaml").write_text("timezone: America/New_York\n")
    (inner / "interviews").mkdir()
    (inner / "interviews" / "old.md").write_text(note(company="Oldco", start="2025-03-01T10:00"))
    warning = (
        "archive/2025 search:1: warning: is a vault of its own (it holds .interviewkit/), so its "
        "notes are not read as part of this one, whose settings are not theirs: run interviewkit "
        f"in it, or pass --vault '{inner}'"
    )
    listed = run("--vault", vault, "due", "--all", "--today", "2026-11-19")
    assert warning in listed.stdout and "Oldco" not in listed.stdout and "Good" in listed.stdout
    checked = run("--vault", vault, "check")
    assert warning in checked.stdout and "Oldco" not in checked.output
    # in Due.md named as text: a link to a folder would make a new note when clicked
    markdown = run("--vault", vault, "due", "--format", "markdown", "--today", "2026-11-19")
    assert "- `archive/2025 search`: warning: is a vault of its own" in markdown.stdout
    assert "[[archive/2025 search" not in markdown.stdout
    inside = (
        f"is in archive/2025 search/, a vault of its own (it holds .interviewkit/), which a "
        f"command run here does not read: run interviewkit in it, or pass --vault '{inner}'"
    )
    by_path = run("--vault", vault, "check", inner / "interviews" / "old.md")
    assert by_path.exit_code == 0 and inside in by_path.stderr, by_path.output
    assert "0 notes checked" in by_path.stderr
    drafted = run("--vault", vault, "draft", "thank-you", inner / "interviews" / "old.md")
    assert drafted.exit_code == 4 and inside in drafted.stderr, drafted.output
    assert "type: interview" not in drafted.stderr  # it has one: not why it is not read
    # init does not make another: the outer vault would stop reading its notes
    refused = run("init", vault / "interviews" / "2026")
    assert refused.exit_code == 2 and f"is inside the vault {vault}" in refused.stderr
    assert not (vault / "interviews" / "2026").exists()
    monkeypatch.chdir(inner / "interviews")  # in it, it is the vault, read in its own zone
    own = run("due", "--all", "--today", "2026-11-19", "--format", "json")
    assert own.exit_code == 0 and "Oldco" in own.stdout and "Good" not in own.stdout
    assert "-05:00" in own.stdout and "vault of its own" not in own.stdout


@pytest.mark.parametrize(
    ("rel", "why"),
    [
        ("templates/interview.md", "is in templates/, a templates folder: a template there"),
        ("Templates/old.md", "is in Templates/, a templates folder"),  # any case
        (".trash/acme.md", "is in .trash/, where interviewkit never looks for notes"),
        ("drafts/acme.txt", "is not a .md file: only those are read, as Obsidian opens"),
    ],
)
def test_a_path_to_a_file_never_read_says_why_not(vault, write, run, rel, why):
    write("interviews/good.md", GOOD)
    write(rel, GOOD.replace("id: good", "id: other"))  # an interview note, as written
    # not an error: a pre-commit hook passes every Markdown file a commit touches
    checked = run("--vault", vault, "check", vault / rel, vault / "interviews/good.md")
    assert checked.exit_code == 0 and f"note: {vault / rel}: {why}" in checked.stderr
    assert checked.stderr.endswith("1 note checked, 0 errors, 0 warnings\n")
    drafted = run("--vault", vault, "draft", "thank-you", vault / rel)
    assert drafted.exit_code == 4 and why in drafted.stderr
    assert "it needs `type: interview`" not in drafted.stderr  # it has one


def test_other_notes_that_start_oddly_are_left_alone(vault, write, run):
    write("interviews/good.md", GOOD)
    write("daily/a.md", "\n\n---\ntags: [daily]\n---\n- [ ] milk\n")
    write("blog/post.md", '+++\ntitle = "Interview tips"\n+++\n')
    write("blank.md", "\n")
    write("empty.md", "")
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 0, checked.output
    assert checked.stderr.endswith("1 note checked, 0 errors, 0 warnings\n")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("interviews/Globex/onsite.md", "# Globex onsite, 27 Nov 2026\n\nMet Hank.\n"),
        ("interviews/2026-11-27 Globex onsite.md", "Met Hank. Went well.\n"),
        ("interviews/globex.md", "\ufeffGlobex, 27.11.2026\n- [ ] thank Hank\n"),
        ("interviews/globex.md", "Globex onsite, November 27th, 2026\n"),
    ],
)
def test_a_dated_note_without_front_matter_in_the_notes_folder_is_not_dropped_unsaid(
    vault, write, run, name, text
):
    write(name, text)
    write("interviews/good.md", GOOD)
    listed = run("--vault", vault, "due", "--today", "2026-11-19", "--check")
    assert f"{name}:1: warning: has no front matter, so nothing is due from it" in listed.stdout
    assert "`type: interview`, `company: Name`, `start: 2026-11-27T14:00`" in listed.stdout
    assert listed.exit_code == 0  # a warning: nothing is overdue, and no note is broken
    document = json.loads(run("--vault", vault, "due", "--format", "json").stdout)
    assert [(p["note"], p["severity"]) for p in document["problems"]] == [(name, "warning")]


def test_a_dataview_inline_field_naming_a_contract_key_is_a_warning_in_due(vault, write, run):
    body = (
        "# Notes\n\nAnna said they decide next week.\n"
        "follow_up_on:: 2026-12-04\n"
        "- **Decision date**:: 2026-12-02\n"
        "- [ ] send the portfolio [start:: 2026-11-21] [due:: 2026-11-23]\n"
        "mood:: hopeful\n"
        "Location:: Berlin\n"  # a contract key, but not one that changes what is due
    )
    path = write("interviews/a.md", GOOD.rstrip("\n") + "\n" + body)
    listed = run("--vault", vault, "due", "--today", "2026-11-19", "--check")
    assert listed.exit_code == 0, listed.output  # warnings: the check still passes
    lines = path.read_text().splitlines()
    first = lines.index("follow_up_on:: 2026-12-04") + 1
    assert (
        f"interviews/a.md:{first}: warning: `follow_up_on:: 2026-12-04` is a Dataview inline "
        "field, which interviewkit does not read: move it into the front matter as "
        "`follow_up_on: 2026-12-04`" in listed.stdout
    )
    assert (
        f"interviews/a.md:{first + 1}: warning: `Decision date:: 2026-12-02` is a Dataview "
        "inline field"
        in listed.stdout
        and "as `decision_by: 2026-12-02`" in listed.stdout
    )
    assert "start::" not in listed.stdout and "mood" not in listed.stdout
    assert "Location" not in listed.stdout
    # an edit to the body alone (front matter reused) finds them again
    path.write_text(path.read_text().replace("next week", "in a week"))
    again = run("--vault", vault, "due", "--today", "2026-11-19")
    assert again.stdout.count("is a Dataview inline field") == 2


def test_undated_notes_and_the_due_list_without_front_matter_are_left_alone(vault, write, run):
    write("interviews/good.md", GOOD)
    write("interviews/Globex/Globex.md", "# Globex\n\nThe company, its people, its news.\n")
    write("interviews/Questions to ask.md", "- What does a good first year look like?\n")
    write("interviews/May 2026.md", "Notes from the May fair\n")  # no day in it
    write("elsewhere/2026-11-27 Dentist.md", "Bring the card.\n")  # outside the notes folder
    write("interviews/2026-12-01 Prep.md", "---\ntags: [prep]\n---\nRead the annual report.\n")
    run("--vault", vault, "due", "--format", "markdown", "-o", str(vault / "interviews/Due.md"))
    assert (vault / "interviews/Due.md").read_text().startswith("# Interview actions as of ")
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 0, checked.output
    assert checked.stderr.endswith("1 note checked, 0 errors, 0 warnings\n")
    # with the whole vault as the notes folder, its daily notes are not taken for interviews
    write("interviews/2026-11-27 Globex onsite.md", "Met Hank.\n")
    assert "2026-11-27 Globex onsite.md:1: warning" in run("--vault", vault, "check").stdout
    config = vault / ".interviewkit" / "config.yaml"
    config.write_text(config.read_text() + 'notes_folder: ""\n')
    write("Daily/2026-12-01.md", "- [ ] buy milk\n")
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 0 and "warning" not in checked.stdout, checked.output


def test_check_fix_deletes_the_blank_lines_above_front_matter_and_nothing_else(vault, write, run):
    rest = "---\r\ntype: interview\r\ncompany: X\r\nstart: 27.11.2026 10:00\r\n---\r\n\r\nbody\r\n"
    path = write("interviews/pasted.md", " \r\n\r\n" + rest)
    other = write("daily/a.md", "\n\n---\ntags: [daily]\n---\n")
    fixed = run("--vault", vault, "check", "--fix")
    assert "interviews/pasted.md:1: deleted 2 blank lines above the front matter" in fixed.stderr
    assert "interviews/pasted.md:4: start: '27.11.2026 10:00' -> 2026-11-27T10:00" in fixed.stderr
    assert fixed.exit_code == 0, fixed.output
    assert path.read_bytes() == rest.replace("27.11.2026 10:00", "2026-11-27T10:00").encode()
    assert other.read_bytes() == b"\n\n---\ntags: [daily]\n---\n"  # not an interview note
    listed = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert {a["note"] for a in listed["actions"]} == {"interviews/pasted.md"}


def test_a_note_saved_as_utf16_is_named_and_check_fix_saves_it_as_utf8(vault, write, run):
    """Notepad's "Unicode" (little-endian, here in the notes folder with CRLF) and its
    big-endian form (outside it, where its type line says what it is): each is named
    on line 1 (in the notes folder, typed or not), nothing is due from it, and
    `check --fix` saves the same text as UTF-8, then mends its mistakes in the same
    run. An ordinary note saved as UTF-16 outside the notes folder is nobody's
    interview: left alone."""
    text = "---\r\ntype: interview\r\ncompany: Zoë AG\r\nstart: 27.11.2026 10:00\r\n---\r\nbody\r\n"
    little = write("interviews/notepad.md", "\ufeff".encode("utf-16-le") + text.encode("utf-16-le"))
    big = write("work/big.md", ("\ufeff" + text.replace("Zoë AG", "Big")).encode("utf-16-be"))
    untyped = "---\ncompany: Quill\nstart: 2026-11-27T09:00\n---\n"  # the folder says what it is
    write("interviews/untyped.md", "\ufeff".encode("utf-16-le") + untyped.encode("utf-16-le"))
    plain = write("work/plain.md", "\ufeffjust a note\n".encode("utf-16-le"))
    plain_bytes = plain.read_bytes()
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 1
    for rel in ("interviews/notepad.md", "interviews/untyped.md", "work/big.md"):
        assert (
            f'{rel}:1: is saved as UTF-16 (Notepad\'s "Unicode"), which Obsidian and '
            "interviewkit do not read: save it as UTF-8 (`check --fix` does); until then this "
            "note is not read\n"
        ) in checked.stdout
    assert "work/plain.md" not in checked.stdout
    listed = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert listed["actions"] == [] and len(listed["problems"]) == 3
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.exit_code == 0, fixed.output
    assert fixed.stderr.splitlines()[:4] == [
        "interviews/notepad.md:1: saved as UTF-8 (it was UTF-16)",
        "interviews/untyped.md:1: saved as UTF-8 (it was UTF-16)",
        "work/big.md:1: saved as UTF-8 (it was UTF-16)",
        "interviews/notepad.md:4: start: '27.11.2026 10:00' -> 2026-11-27T10:00",
    ]
    assert little.read_bytes() == text.replace("27.11.2026 10:00", "2026-11-27T10:00").encode()
    assert big.read_bytes().startswith(b"---\r\ntype: interview\r\ncompany: Big\r\n")
    assert plain.read_bytes() == plain_bytes
    listed = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert {a["company"] for a in listed["actions"]} == {"Zoë AG", "Quill", "Big"}
    again = run("--vault", vault, "check", "--fix")
    assert "saved as UTF-8" not in again.stderr


def test_a_note_with_windows_1252_bytes_is_named_and_check_fix_saves_it_as_utf8(vault, write, run):
    """Notepad's "ANSI" in Western Europe and the Americas, and a UTF-8 note with such
    bytes pasted in: named on the line of the first, nothing due from it, and `check
    --fix` saves it as UTF-8, each such byte read as Windows-1252 and the UTF-8 kept
    as it is, saying which characters it read so. A byte Windows-1252 has no
    character for leaves the note as it is."""
    ansi = "---\r\ntype: interview\r\ncompany: Café Müller\r\nstart: 2026-11-20T10:00\r\n---\r\n"
    notepad = write("interviews/notepad.md", ansi.encode("cp1252") + b"- \x93quoted\x94\r\n")
    pasted = write(
        "interviews/pasted.md",
        "---\ntype: interview\ncompany: Zoë AG\nstart: 2026-11-20T11:00\n---\n".encode()
        + b"- 10\x9615 people \x80\n",
    )
    undefined = write(
        "interviews/undefined.md",
        b"---\ntype: interview\ncompany: Q\nstart: 2026-11-20T12:00\n---\n\x81\n",
    )
    left = undefined.read_bytes()
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 1
    assert (
        "interviews/notepad.md:3: is not UTF-8 text: byte 0xE9 on this line ('é' in "
        "Windows-1252, as some editors save it); save the file as UTF-8 (`check --fix` does, "
        "reading such bytes as Windows-1252)\n"
    ) in checked.stdout
    assert "interviews/pasted.md:6: is not UTF-8 text: byte 0x96" in checked.stdout
    assert (
        "undefined.md:6: is not UTF-8 text: byte 0x81 on this line; save the file as UTF-8\n"
        in (checked.stdout)
    )
    listed = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert listed["actions"] == []
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.stderr.splitlines()[:2] == [
        "interviews/notepad.md:1: saved as UTF-8, reading 'éü“”' as Windows-1252",
        "interviews/pasted.md:1: saved as UTF-8, reading '–€' as Windows-1252",
    ]
    assert notepad.read_bytes() == (ansi + "- “quoted”\r\n").encode()
    assert (
        pasted.read_bytes()
        == (
            "---\ntype: interview\ncompany: Zoë AG\nstart: 2026-11-20T11:00\n---\n- 10–15 people €\n"
        ).encode()
    )
    assert undefined.read_bytes() == left
    listed = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert {a["company"] for a in listed["actions"]} == {"Café Müller", "Zoë AG"}


def test_values_in_curly_quotes_are_read_inside_them_and_check_fix_straightens_them(
    vault, write, run
):
    """iOS and macOS type `"` as curly quotes, which YAML keeps in the text: “Klein”
    would be a company of its own and “27.11.2026” no date. Each such value, or list
    item, is read as the text inside, with a warning; outside the notes folder its
    type line still says it is an interview. `check --fix` writes straight quotes in
    their place (a comment, the other items and the body stay), then mends the date."""
    text = (
        "---\ntype: “interview”\ncompany: „Klein“ # the client\nstart: “27.11.2026 10:00”\n"
        "people:\n  - “Sam Lee, CTO”\n  - Ann ‘Annie’ Ode\nfollowed_up: [“2026-11-29”]\n"
        "---\nBody “quoted” stays\n"
    )
    path = write("work/phone.md", text)
    checked = run("--vault", vault, "check")
    warned = [
        line.split(": warning: ")[1] for line in checked.stdout.splitlines() if "curly" in line
    ]
    tail = "is in curly quotes, which YAML keeps as part of the text: read as"
    assert warned == [
        f"type: “interview” {tail} 'interview'; write straight quotes or none (`check --fix` does)",
        f"company: „Klein“ {tail} 'Klein'; write straight quotes or none (`check --fix` does)",
        f"start: “27.11.2026 10:00” {tail} '27.11.2026 10:00'; write straight quotes or none "
        "(`check --fix` does)",
        f"people: “Sam Lee, CTO” {tail} 'Sam Lee, CTO'; write straight quotes or none "
        "(`check --fix` does)",
        f"followed_up: “2026-11-29” {tail} '2026-11-29'; write straight quotes or none "
        "(`check --fix` does)",
    ]
    listed = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    thanks = [a for a in listed["actions"] if a["kind"] == "thank-you"]
    assert [(a["company"], a["summary"]) for a in thanks] == [
        ("Klein", "Send a thank-you letter to Sam Lee and Ann ‘Annie’ Ode")
    ]
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.exit_code == 0, fixed.output
    assert path.read_text(encoding="utf-8") == (
        '---\ntype: "interview"\ncompany: "Klein" # the client\nstart: 2026-11-27T10:00\n'
        'people:\n  - "Sam Lee, CTO"\n  - Ann ‘Annie’ Ode\nfollowed_up: ["2026-11-29"]\n'
        "---\nBody “quoted” stays\n"
    )
    assert "curly" not in run("--vault", vault, "check", "--fix").output


def test_no_break_spaces_where_yaml_wants_plain_ones_cost_nothing_and_fix_replaces_them(
    vault, write, run
):
    """Option+Space on a Mac types a no-break space, and pasted text may bring a
    zero-width one: after a key's `:`, in an indent or after a list item's `-`, YAML
    (and so Obsidian) reads no key or item there. Each such line is an error, read as
    if the space were plain, so nothing due is lost; `check --fix` writes plain spaces
    on those lines only (one inside a value, or in a block of text, is the text's
    own)."""
    nbsp, zwsp = "\u00a0", "\u200b"
    text = (
        f"---\r\ntype: interview\r\ncompany:{nbsp}Initech\r\nstart:{zwsp}2026-11-27T10:00\r\n"
        f"role: Data{nbsp}Engineer\r\npeople:\r\n{nbsp} -{nbsp}Sam Lee\r\n"
        f"next_steps: |\r\n  {nbsp}call back\r\n{zwsp}round: onsite\r\n---\r\nbody{nbsp}text\r\n"
    )
    path = write("interviews/mac.md", text)
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 1
    errors = [line for line in checked.stdout.splitlines() if ": warning: " not in line]
    assert [line.split(": ", 1)[0] for line in errors] == [
        "interviews/mac.md:3",
        "interviews/mac.md:4",
        "interviews/mac.md:7",
        "interviews/mac.md:10",
    ]
    assert all("no-break or zero-width" in line for line in errors), errors
    assert (
        "a no-break or zero-width space (Option+Space on a Mac types the one, pasted text brings "
        "both) where YAML takes only a plain one, so Obsidian does not read this line; read as a "
        "plain space; `check --fix` writes plain ones"
    ) in checked.stdout
    listed = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert [
        (a["company"], a["summary"]) for a in listed["actions"] if a["kind"] == "thank-you"
    ] == [("Initech", "Send a thank-you letter to Sam Lee")]
    assert {a["round"] for a in listed["actions"]} == {"onsite"}
    refused = run("--vault", vault, "done", "initech", "thank-you", "--on", "2026-11-27")
    assert refused.exit_code == 7 and path.read_bytes() == text.encode("utf-8")
    assert refused.stderr == (
        "interviewkit: interviews/mac.md:3: a no-break or zero-width space where YAML takes only "
        "a plain one; write a plain one (`interviewkit check --fix` does), then try again "
        "(nothing written)\n"
    )
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.exit_code == 0, fixed.output
    assert fixed.stderr.splitlines()[:4] == [
        f"interviews/mac.md:{line}: a plain space for a no-break or zero-width one"
        for line in (3, 4, 7, 10)
    ]
    mended = (
        text.replace(f"company:{nbsp}", "company: ")
        .replace(f"start:{zwsp}", "start: ")
        .replace(f"{nbsp} -{nbsp}S", "  - S")
        .replace(f"{zwsp}round", "round")  # no width: no indent either
    )
    assert path.read_bytes() == mended.encode("utf-8")  # line ends and all
    assert "no-break" not in run("--vault", vault, "check", "--fix").output
    both = write("interviews/both.md", f"---\ntype: interview\ncompany: Hooli\nstart: "
                 f"2026-11-27T10:00\nrole:{nbsp}PM\npeople:\n\t- Ann Ode\n---\n")  # fmt: skip
    fixed = run("--vault", vault, "check", "--fix")  # the tab first, then what it hid
    assert fixed.stderr.splitlines()[:2] == [
        "interviews/both.md:7: indented with spaces, not a tab",
        "interviews/both.md:5: a plain space for a no-break or zero-width one",
    ]
    assert "role: PM\npeople:\n  - Ann Ode\n" in both.read_text(encoding="utf-8")


def test_front_matter_between_smart_dashes_is_read_named_and_mended(vault, write, run):
    """Smart Punctuation (iOS, macOS) types `---` as `—-`: Obsidian then shows no
    properties. The note is read as meant (in the notes folder, and outside it when its
    type line says so), with an error on line 1; `done` refuses it, naming the fix;
    `check --fix` writes `---` on the opening and closing lines only (a rule typed the
    same way in the body stays). A note of another kind opening so, or text between two
    such rules in the notes folder, is left alone."""
    text = (
        "—-\r\ntype: interview\r\ncompany: Dash\r\nstart: 2026-11-27T10:00\r\n"
        "people: [Sam Lee]\r\n–-\r\nbody\r\n—-\r\nmore\r\n"
    )
    phone = write("interviews/phone.md", text)
    outside = write(
        "work/out.md", "—-\ntype: interview\ncompany: Far\nstart: 2026-11-27T10:00\n—-\n"
    )
    other = write("work/other.md", "—-\ntags: [x]\n—-\n")
    ruled = write("interviews/ruled.md", "—-\nSome thoughts before the call\n—-\n")  # no keys
    checked = run("--vault", vault, "check")
    dashed = [
        line.split(": ")[0] for line in checked.stdout.splitlines() if "opens with dashes" in line
    ]
    assert dashed == ["interviews/phone.md:1", "work/out.md:1"]
    listed = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert {a["company"] for a in listed["actions"] if a["kind"] == "thank-you"} == {"Dash", "Far"}
    refused = run("--vault", vault, "done", "dash", "thank-you", "--on", "2026-11-27")
    assert refused.exit_code == 7 and phone.read_bytes() == text.encode("utf-8")
    assert "interviews/phone.md:1: the front matter opens with dashes, not `---`" in refused.stderr
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.exit_code == 0, fixed.output
    assert fixed.stderr.splitlines()[:2] == [
        "interviews/phone.md:1: --- for the dashes around the front matter",
        "work/out.md:1: --- for the dashes around the front matter",
    ]
    assert phone.read_bytes() == text.replace("—-\r\ntype", "---\r\ntype").replace(
        "–-\r\nbody", "---\r\nbody"
    ).encode("utf-8")
    assert outside.read_bytes().startswith(b"---\ntype: interview\n")
    assert other.read_bytes() == "—-\ntags: [x]\n—-\n".encode()
    assert ruled.read_bytes() == "—-\nSome thoughts before the call\n—-\n".encode()
    assert "dashes" not in run("--vault", vault, "check", "--fix").output


def test_a_round_whose_type_company_and_start_were_all_mistyped_is_named(vault, write, run):
    """Three typos took the first letters of `type`, `company` and `start`: nothing is
    left to read the note by, but two keys only a round has say what it was. In the
    notes folder that is a warning where the reminders are listed; one such key alone
    (an application's own note) says nothing, nor does a note outside the folder."""
    mangled = (
        "---\ne: interview\nid: fab\nmpany: Fabrikam\nart: 2026-11-10T10:00\n"
        "people: [Dana Whitfield]\nthank_you_sent: 2026-11-10\nfollowed_up: [2026-11-20]\n---\n"
    )
    write("interviews/fab.md", mangled)
    write("work/fab.md", mangled)
    write(
        "interviews/acme.md", "---\ntitle: Acme, the application\nfollow_up_on: 2026-12-04\n---\n"
    )
    problems = due_json(run, vault)["problems"]
    assert [(p["note"], p["line"], p["severity"], p["message"]) for p in problems] == [
        (
            "interviews/fab.md",
            1,
            "warning",
            "has followed_up and thank_you_sent, which only an interview round has, but no "
            "`type: interview`, `company` or `start` (the keys 'e', 'mpany', 'art' are not "
            "read): nothing is due from it until they are written",
        )
    ]


def test_outside_the_notes_folder_only_the_front_matter_says_what_a_note_is(vault, write, run):
    typed = "type: interview\ncompany: {}\nstart: 2026-11-20T10:00\n"
    write("work/dots.md", "---\n" + typed.format("Dots") + "...\nbody\n")  # YAML's own end
    write("work/late.md", "---\nid: late\n" + typed.format("Late") + "---\n")
    write("work/body.md", "---\ntags: [x]\n---\n" + typed.format("Body"))  # only in the body
    write("work/rule.md", "---\ntags: [x]\n---\ntext\n\n---\n" + typed.format("Rule"))
    listed = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert {a["company"] for a in listed["actions"]} == {"Dots", "Late"}
    assert listed["problems"] == []


def test_a_long_value_is_quoted_short_in_its_message(vault, write, run):
    """A value pasted by mistake (a whole mail, a long number) is quoted in part, with
    its length: the message fits a line, and says the rest of what it must."""
    write("interviews/a.md", note(id="a", follow_up_on="9" * 100_000, outcome="x" * 500))
    checked = run("--vault", vault, "check")
    lines = checked.stdout.splitlines()
    assert max(len(line) for line in lines) < 400
    assert f"a.md:6: follow_up_on: '{'9' * 60}…' (100000 characters) is not a date" in lines[0]
    assert lines[0].endswith("; read as absent")
    assert f"a.md:7: outcome: '{'x' * 60}…' (500 characters) is not one of" in lines[1]


def test_a_line_break_in_a_file_name_stays_on_the_problem_s_line(vault, write, run):
    """`path:line: message`, one problem a line, as editors and grep read them."""
    write("interviews/new\nline.md", note(id="a", follow_up_on="nope"))
    write("interviews/b.md", note(id="a"))
    checked = run("--vault", vault, "check")
    lines = checked.stdout.splitlines()
    assert all(line.startswith("interviews/") for line in lines), lines
    assert "interviews/new\\nline.md:6: follow_up_on: 'nope' is not a date" in checked.stdout
    assert "is also used by interviews/new\\nline.md" in checked.stdout


def test_a_line_break_inside_a_one_line_value_cannot_add_lines_to_a_listing(vault, write, run):
    """`company: "Acme\\nInjected"`: a listing shows it on its row, and check says so."""
    write("interviews/a.md", note('"Acme\\nInjected line"', id="a", role='"SRE\\rX"'))
    listed = run("--vault", vault, "due", "--all", "--today", "2026-11-25").stdout
    rows = [line for line in listed.splitlines() if "Injected" in line]
    assert rows and all("Acme Injected line" in line for line in rows), rows
    assert "\r" not in listed and "SRE X" in listed
    status = run("--vault", vault, "status", "--today", "2026-11-25").stdout
    assert [line[:18] for line in status.splitlines() if "Injected" in line] == [
        "Acme Injected line"
    ]
    checked = run("--vault", vault, "check").stdout
    assert "a.md:3: warning: company holds a line break; read as 'Acme Injected line'" in checked
    assert "a.md:6: warning: role holds a line break; read as 'SRE X'" in checked


def test_a_templater_command_that_never_ran_is_named(vault, write, run):
    """A note made from a Templater template outside Obsidian keeps `<% … %>`."""
    write(
        "interviews/a.md",
        note("<% tp.file.title %>", '<% tp.date.now("YYYY-MM-DD") %>', id="a", role="SRE <b>"),
    )
    checked = run("--vault", vault, "check").stdout
    assert "a.md:3: warning: company: '<% tp.file.title %>' is a Templater command that never" in (
        checked
    )
    assert "a.md:4: warning: start: '<% tp.date.now(\"YYYY-MM-DD\") %>' is a Templater" in checked
    assert "role" not in checked


def test_a_git_merge_conflict_is_named_where_it_starts(vault, write, run):
    """In the front matter it breaks the YAML: the error says why, on the marker's line.
    In the body the note still reads, with a warning."""
    write(
        "interviews/a.md",
        "---\ntype: interview\nid: a\ncompany: Acme\nstart: 2026-11-20T10:00\n"
        "<<<<<<< HEAD\nfollow_up_on: 2026-12-04\n=======\nfollow_up_on: 2026-12-05\n"
        ">>>>>>> theirs\n---\n",
    )
    write(
        "interviews/b.md",
        note("Beta", id="b") + "## Questions asked\n<<<<<<< HEAD\n- Why us?\n=======\n"
        "- Why Beta?\n>>>>>>> theirs\n",
    )
    checked = run("--vault", vault, "check").stdout
    assert "a.md:6: holds a git merge conflict from here: keep the lines you want" in checked
    assert "b.md:9: warning: holds a git merge conflict from here" in checked
    listed = run("--vault", vault, "due", "--all", "--today", "2026-11-25").stdout
    assert "a.md:6: holds a git merge conflict" in listed and "Beta" in listed


@pytest.mark.parametrize(
    "copy",
    [
        "interviews/a (Jane's conflicted copy 2026-11-25).md",
        "interviews/a.sync-conflict-20261125-101010-ABCDEFG.md",
    ],
)
def test_a_sync_service_s_conflict_copy_is_named_as_one(vault, write, run, copy):
    """Not "give each its own id": that would list every reminder twice."""
    write("interviews/a.md", note(id="same"))
    write(copy, note(id="same", follow_up_on="2026-12-04"))
    checked = run("--vault", vault, "check").stdout
    said = (
        f"id 'same' is also used by {copy} ({copy} looks like the copy a sync service makes "
        "when a note changes in two places: merge what differs into interviews/a.md, then "
        "delete the copy)"
    )
    assert f"interviews/a.md:5: {said}" in checked
    assert "a copied note?" not in checked


def test_what_a_body_gives_is_found_again_when_only_the_body_changed(vault, write, run):
    """A body edited under an unchanged front matter is read again on its own (the
    front matter's reading is kept): a merge conflict or a template placeholder
    written into it then must be named as when the whole note is read."""
    path = write("interviews/a.md", note(id="a") + "## Important points\n- fine\n")
    assert "warning" not in run("--vault", vault, "check").stdout
    for added, said in (
        ("<<<<<<< HEAD\n- one\n=======\n- two\n>>>>>>> b\n", "holds a git merge conflict"),
        ("We met {{company}}'s team.\n", "{{company}} is a template placeholder left unfilled"),
    ):
        before = path.read_text()
        path.write_text(before + added)
        assert said in run("--vault", vault, "check").stdout
        assert said in run("--vault", vault, "check", "--no-cache").stdout
        path.write_text(before)


@pytest.mark.parametrize(
    "command",
    [
        ["draft", "thank-you", "acme"],
        ["draft", "follow-up", "a1"],
        ["brief", "acme"],
        ["questions", "--company", "acme"],
        ["contacts", "--company", "acme"],
    ],
)
def test_a_command_about_one_company_names_only_its_broken_notes(vault, write, run, command):
    """A typo at Globex is `due`'s and `check`'s to name, not a letter's to Acme; a
    broken note of Acme's own (here a second round without a start) is named."""
    write("interviews/a1.md", note(company="Acme", id="a1", people="[Ann <ann@acme.example>]"))
    write("interviews/a2.md", note(company="Acme", start="soon", id="a2"))
    write("interviews/g.md", note(company="Globex", id="g", decision_by="next week"))
    result = run("--vault", vault, *command)
    assert result.exit_code == 0, result.output
    assert "interviews/a2.md:4: start: 'soon'" in result.stderr
    assert "interviews/g.md" not in result.stderr
    everything = run("--vault", vault, "questions")
    assert "interviews/g.md:6: decision_by: 'next week'" in everything.stderr


def test_a_note_that_cannot_be_found_names_every_broken_note(vault, write, run):
    """When REF names no note, the note meant may be a broken one: all are named."""
    write("interviews/g.md", note(company="Globex", start="soon", id="g"))
    write("interviews/a1.md", note(company="Acme", id="a1"))
    result = run("--vault", vault, "draft", "thank-you", "globex-onsite")
    assert result.exit_code == 4
    assert "interviews/g.md:4: start: 'soon'" in result.stderr


def test_an_interview_note_saved_under_another_name_than_md_is_named(vault, write, run):
    """Obsidian opens only .md, and so does interviewkit: a note saved as `.markdown`,
    or as `x.md.txt` by Notepad, was skipped without a word. In the notes folder it is
    an error naming the file to rename to; other text files are not looked into."""
    write("interviews/a.md", note("Acme", id="a"))
    before = run("--vault", vault, "due", "--all", "--format", "json", "--today", "2026-11-21")
    assert json.loads(before.stdout)["problems"] == []  # the memo is written here
    write("interviews/b.markdown", note("Fabrikam", id="b"))
    write("interviews/c.md.txt", "\ufeff" + note("Globex", id="c"))
    write("interviews/d.txt", "a list\ntype: interview\n")  # no front matter: not a note
    write("elsewhere/e.txt", note("Hooli", id="e"))  # outside the notes folder
    listed = run("--vault", vault, "due", "--all", "--format", "json", "--today", "2026-11-21")
    assert [
        (p["note"], p["line"], p["severity"], p["message"])
        for p in json.loads(listed.stdout)["problems"]
    ] == [
        (
            "interviews/b.markdown",
            1,
            "error",
            "is an interview note, but only .md files are read (as Obsidian opens only those): "
            "rename it to b.md; until then nothing is due from it",
        ),
        (
            "interviews/c.md.txt",
            1,
            "error",
            "is an interview note, but only .md files are read (as Obsidian opens only those): "
            "rename it to c.md; until then nothing is due from it",
        ),
    ]
    checked = run("--vault", vault, "check")
    assert (
        checked.exit_code == 1 and "interviews/b.markdown:1: is an interview note" in checked.stdout
    )
    (vault / "interviews" / "b.markdown").rename(vault / "interviews" / "b.md")
    (vault / "interviews" / "c.md.txt").unlink()
    after = run("--vault", vault, "due", "--all", "--format", "json", "--today", "2026-11-21")
    listed = json.loads(after.stdout)
    assert listed["problems"] == [] and {a["id"].split(":")[0] for a in listed["actions"]} == {
        "a",
        "b",
    }


@pytest.mark.parametrize(
    ("value", "said"),
    [
        # counted from the interview (Friday 2026-11-27), as a note written after it means
        (
            "next friday",
            "is a relative date, which means another day as the days pass: counted from "
            "the interview (Fri 2026-11-27), it is Fri 2026-12-04; write that, if it is "
            "the day meant",
        ),
        ("in 2 weeks", "counted from the interview (Fri 2026-11-27), it is Fri 2026-12-11"),
        # a day before the interview was not counted from it: no day is offered
        ("yesterday", "is a relative date; write the day itself, like 2026-12-09"),
        ("end of next week", "is a relative date; write the day itself, like 2026-12-09"),
    ],
)
def test_a_date_key_in_words_offers_the_day_counted_from_the_interview(
    vault, write, run, value, said
):
    write("interviews/a.md", note(start="2026-11-27T15:00", follow_up_on=value))
    result = run("--vault", vault, "due", "--all", "--today", "2026-11-30", "--format", "json")
    (problem,) = json.loads(result.stdout)["problems"]
    assert problem["line"] == 5 and problem["message"].startswith(f"follow_up_on: {value!r} ")
    assert said in problem["message"] and problem["message"].endswith("; read as absent")
    follow_up = [a for a in json.loads(result.stdout)["actions"] if a["kind"] == "follow-up"]
    assert follow_up and "unreadable" in follow_up[0]["fallback"]  # the reminder stays


def test_check_fix_replaces_the_tabs_indenting_front_matter_when_they_mean_one_thing(
    vault, write, run
):
    """A tab typed before a list item makes the YAML unreadable, and the note's
    reminders with it. `check --fix` puts spaces there, keeping the BOM, the CRLF
    line ends and the body (where a tab is the writer's own), but only when the
    values read the same whatever width the tab had; else it says so and leaves it."""
    text = (
        "\ufeff---\r\ntype: interview\r\ncompany: Umbrella\r\nstart: 2026-11-26T09:30\r\n"
        "people:\r\n\t- Albert Wesker\r\n \t- Ada Wong\r\n---\r\n\tbody, tab kept\r\n"
    )
    path = write("interviews/tabs.md", text)
    unsure = "---\ntype: interview\ncompany: Raccoon\nstart: 2026-11-26T09:30\npeople:\n\t- name: A\n\t\temail: a@b.example\n---\n"
    other = write("interviews/unsure.md", unsure)
    checked = run("--vault", vault, "check").stdout
    assert (
        "interviews/tabs.md:6: invalid YAML: found character that cannot start any token "
        "(a tab indents this line: YAML indents with spaces only; `check --fix` replaces "
        "the tabs, when that can mean one thing only)"
    ) in checked
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.stderr.splitlines()[:3] == [
        "interviews/tabs.md:6: indented with spaces, not a tab",
        "interviews/tabs.md:7: indented with spaces, not a tab",
        "interviews/unsure.md: left as it is: its tabs read differently as 2, 4 or 8 "
        "spaces; indent those lines with spaces as you mean them",
    ]
    assert path.read_bytes() == text.replace("\r\n\t- A", "\r\n  - A").replace(
        "\r\n \t- Ada",
        "\r\n  - Ada",  # to the tab's stop, as the editor showed it
    ).encode("utf-8")
    assert other.read_text() == unsure
    listed = json.loads(run("--vault", vault, "contacts", "--format", "json").stdout)
    assert [c["name"] for c in listed["contacts"]] == ["Ada Wong", "Albert Wesker"]


def test_one_check_fix_mends_blank_lines_a_tab_and_a_value_to_quote_in_one_note(vault, write, run):
    """Each repair makes more of the note readable, and what it uncovers is mended in
    the same run: below the blank lines a tab, behind the tab a value to quote."""
    text = (
        "\n\n---\ntype: interview\ncompany: Umbrella\nstart: 2026-11-26T09:30\n"
        'people:\n\t- Albert Wesker\nrole: "Senior" Engineer # as they said\n---\n\tbody\n'
    )
    path = write("interviews/three.md", text)
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.exit_code == 0, fixed.output
    assert fixed.stderr.splitlines()[:3] == [
        "interviews/three.md:1: deleted 2 blank lines above the front matter",
        "interviews/three.md:6: indented with spaces, not a tab",
        "interviews/three.md:7: role: quoted, read as '\"Senior\" Engineer'",
    ]
    assert path.read_text() == (
        "---\ntype: interview\ncompany: Umbrella\nstart: 2026-11-26T09:30\npeople:\n"
        "  - Albert Wesker\nrole: '\"Senior\" Engineer' # as they said\n---\n\tbody\n"
    )


def test_a_key_check_fix_renames_has_its_date_and_link_mended_in_the_same_run(vault, write, run):
    path = write(
        "interviews/f.md",
        "---\ntype: interview\ncompany: Zed\nstart: 2026-11-20T10:00\n"
        "folow_up_on: Nov 27, 2026\npeple: [[Ann Lee]]\n---\n",
    )
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.exit_code == 0, fixed.output
    assert fixed.stderr.splitlines()[:4] == [
        "interviews/f.md:5: renamed folow_up_on to follow_up_on",
        "interviews/f.md:6: renamed peple to people",
        "interviews/f.md:5: follow_up_on: 'Nov 27, 2026' -> 2026-11-27",
        'interviews/f.md:6: people: [[Ann Lee]] -> ["[[Ann Lee]]"]',
    ]
    assert path.read_text().splitlines()[4:6] == [
        "follow_up_on: 2026-11-27",
        'people: ["[[Ann Lee]]"]',
    ]
    again = run("--vault", vault, "check", "--fix")
    assert again.exit_code == 0 and "->" not in again.stderr and "renamed" not in again.stderr


def test_check_fix_makes_a_repair_named_only_among_problems_not_listed(vault, write, run):
    """Past the 50 problems a note lists, the count of the rest names a repair among
    them, so `check --fix` still makes it."""
    pairs = "".join(f"  - Bo{i} and Cy{i}\n" for i in range(60))  # 60 warnings on line 5
    path = write(
        "interviews/f.md",
        f"---\ntype: interview\ncompany: Zed\nstart: 2026-11-20T10:00\npeople:\n{pairs}"
        "follow_up_on: 27. November 2026\n---\n",
    )
    listed = run("--vault", vault, "check").stdout
    assert "f.md:5: warning: 12 more warnings from this line on are not listed" in listed
    assert "27. November" not in listed  # the typed date is among those not listed
    fixed = run("--vault", vault, "check", "--fix")
    assert "interviews/f.md:66: follow_up_on: '27. November 2026' -> 2026-11-27" in fixed.stderr
    assert path.read_text().endswith("\nfollow_up_on: 2026-11-27\n---\n")


_YAML_LINES = st.sampled_from(
    ["people:", "\t- Ann Lee", " \t- Jo Kim", "\t\t- x", "  - y", "\tname: A", "\t  email: a",
     "company: Acme", "\tround: final", "tags: [a]", "", "\t", "# note", "\t# note",
     'role: "Senior" Engineer', "location: Zoom: https://x.example/1"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_YAML_LINES, min_size=1, max_size=8), st.sampled_from(["\n", "\r\n"]))
def test_the_tab_fix_leaves_a_note_whole_or_reading_as_it_showed(tmp_path_factory, lines, end):
    """Whatever the tabs, the fix either leaves the file byte for byte, or changes only
    the indentation of front matter lines, to YAML that reads as the editor showed it
    once the quote fix after it has quoted the values YAML reads only in quotes."""
    from interviewkit.notes.yamlscan import YamlFailure, load_mapping, read_around_mistakes
    from interviewkit.vocabulary import FIX_QUOTE_VALUE
    from interviewkit.write.repairs import fix_quoted_values, fix_tab_indents

    root = tmp_path_factory.mktemp("tabs")
    text = end.join(["---", "type: interview", *lines, "---", "\tbody", ""])
    path = root / "a.md"
    path.write_bytes(text.encode())
    fix_tab_indents(root, ["a.md"])
    after = path.read_bytes().decode()
    if after == text:
        return
    before_lines, after_lines = text.split(end), after.split(end)
    assert len(before_lines) == len(after_lines) and after_lines[-3:] == before_lines[-3:]
    for was, now in zip(before_lines[1:-3], after_lines[1:-3], strict=True):
        assert (
            now.lstrip(" \t") == was.lstrip(" \t")
            and "\t" not in now[: len(now) - len(now.lstrip())]
        )
    shown = end.join(line.expandtabs(4) for line in lines)
    try:
        expected, _, _, spoiled = read_around_mistakes(
            "type: interview\n" + shown.replace("\r\n", "\n")
        )
    except YamlFailure:
        spoiled = [YamlFailure(0, "unread")]
    if any(mistake.fix != FIX_QUOTE_VALUE for mistake in spoiled):
        raise AssertionError("fixed a note whose tabs, as an editor shows them, read as no YAML")
    fix_quoted_values(root, ["a.md"])
    quoted = path.read_bytes().decode().split(end)
    assert load_mapping("\n".join(quoted[1:-3]))[0] == expected


def test_check_fix_quotes_a_value_yaml_reads_only_in_quotes(vault, write, run):
    """The note is read already, each such key as its text; the fix writes that text in
    quotes, keeping the comment after it, the CRLF line ends and the body. A bracket
    never closed may have been meant as a list: it is left for the writer."""
    text = (
        "---\r\ntype: interview\r\ncompany: Pied Piper\r\nstart: 2026-11-24T09:00\r\n"
        "location: Zoom: https://zoom.us/j/1#pw # from Monica\r\n"
        'role: "Senior" Engineer\r\nfollow_up_on: ?\r\nround: [final\r\n---\r\nbody: x\r\n'
    )
    path = write("interviews/pp.md", text)
    multi = "---\ntype: interview\ncompany: Hooli\nstart: 2026-11-24T09:00\n"
    multi += "location: Zoom: https://x\n  and a phone line\n---\n"
    several = write("interviews/multi.md", multi)  # on two lines: only the writer knows
    before = json.loads(run("--vault", vault, "export", "--format", "json").stdout)
    checked = run("--vault", vault, "check").stdout
    assert (
        "interviews/pp.md:5: invalid YAML: mapping values are not allowed in this context "
        '(the value holds `: `, so it needs quotes: "Zoom: https://zoom.us/j/1#pw"); '
        "location is read as the text 'Zoom: https://zoom.us/j/1#pw'" in checked
    )
    refused = run("--vault", vault, "done", "pied", "thank-you")
    assert refused.exit_code == 7 and path.read_bytes() == text.encode()
    assert refused.stderr.endswith(
        "; quote it (`interviewkit check --fix` does), then try again (nothing written)\n"
    )
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.stderr.splitlines()[:3] == [
        "interviews/pp.md:5: location: quoted, read as 'Zoom: https://zoom.us/j/1#pw'",
        "interviews/pp.md:6: role: quoted, read as '\"Senior\" Engineer'",
        "interviews/pp.md:7: follow_up_on: quoted, read as '?'",
    ]
    assert path.read_bytes() == (
        text.replace("location: Zoom: https://zoom.us/j/1#pw #", 'location: "Zoom: https://zoom.us/j/1#pw" #')
        .replace('role: "Senior" Engineer', "role: '\"Senior\" Engineer'")
        .replace("follow_up_on: ?", 'follow_up_on: "?"')
        .encode()
    )  # fmt: skip
    edit = run("--vault", vault, "done", "hooli", "thank-you")  # an edit reads it whole
    assert edit.exit_code == 7 and several.read_text() == multi
    assert edit.stderr.endswith(
        '(the value holds `: `, so it needs quotes: "Zoom: https://x"), then try again '
        "(nothing written)\n"
    )  # on two lines: no `check --fix` to offer
    assert "round is read as the text '[final'" in fixed.stdout  # still an error
    assert several.read_text() == multi and "multi.md" not in fixed.stderr
    assert b"round: [final\r\n" in path.read_bytes()
    assert json.loads(run("--vault", vault, "export", "--format", "json").stdout) == before


_QUOTED_LINES = st.sampled_from(
    ["location: Zoom: https://x", "role: 'a' b", 'role: "a" b # c', "round: ?", "round: -",
     "tags: [a", "link: @home", "company: Acme", "people:", "  - Ann", " - Jo: x: y", "x",
     "", "# note", "notes: it's: fine # ok"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_QUOTED_LINES, min_size=1, max_size=8), st.sampled_from(["\n", "\r\n"]))
def test_the_quote_fix_leaves_a_note_reading_as_it_did(tmp_path_factory, lines, end):
    """Whatever the mistakes, the fix either leaves the file byte for byte, or quotes
    values on their own lines, and the note then reads as it did, with fewer mistakes."""
    from interviewkit.notes.front_matter import split_front_matter
    from interviewkit.notes.yamlscan import YamlFailure, read_around_mistakes
    from interviewkit.write.repairs import fix_quoted_values

    root = tmp_path_factory.mktemp("quotes")
    text = end.join(["---", "type: interview", *lines, "---", "body: x", ""])
    path = root / "a.md"
    path.write_bytes(text.encode())
    try:
        read, _, _, mistakes = read_around_mistakes(split_front_matter(text).yaml)
    except YamlFailure:
        read, mistakes = None, []
    fix_quoted_values(root, ["a.md"])
    after = path.read_bytes().decode()
    if after == text:
        return
    assert read is not None
    before_lines, after_lines = text.split(end), after.split(end)
    assert len(before_lines) == len(after_lines) and after_lines[-3:] == before_lines[-3:]
    for was, now in zip(before_lines, after_lines, strict=True):
        assert now == was or now.split(":", 1)[0] == was.split(":", 1)[0]
    again, _, _, left = read_around_mistakes(split_front_matter(after).yaml)
    assert again == read and len(left) < len(mistakes)


_OWING = [
    # a thank-you, the notes to write, a follow-up on the agreed day
    "---\ntype: interview\nid: fab\ncompany: Fabrikam\nrole: Engineer\nround: onsite\n"
    "start: 2026-11-25T10:00\nend: 2026-11-25T11:00\npeople:\n"
    "  - Dana Whitfield <dana@fabrikam.example>\nfollow_up_on: 2026-12-09\n"
    "outcome: pending\n---\n## Notes\n",
    # the thank-you sent and a follow-up made: the next follow-up
    "---\ntype: interview\nid: fab\ncompany: Fabrikam\nstart: 2026-11-10T10:00\n"
    "people: [Dana Whitfield]\nthank_you_sent: 2026-11-10\nfollowed_up: [2026-11-20]\n---\n"
    "## Important points\n- x\n## Questions asked\n- y\n## Answers to improve\n- z\n"
    "## Fit\n- w\n",
    # an offer to decide on
    "---\ntype: interview\nid: fab\ncompany: Fabrikam\nstart: 2026-11-10T10:00\n"
    "people: [Dana Whitfield]\nthank_you_sent: 2026-11-10\noutcome: offer\n"
    "offer_deadline: 2026-12-01\n---\n",
]
_TYPOS = st.sampled_from(
    [*":'\"[]{}#\t -&*!|>%@`,?\\", "\n", "  ", "\u00a0", "\u201c", "\u2019", "---", "\n---\n"]
)


@st.composite
def typed_over(draw: st.DrawFn) -> tuple[str, str]:
    """A note that owes reminders, and the same note with a typo or two in its front
    matter: a character typed in, or up to three deleted, anywhere from its first key
    to its closing ---."""
    clean = draw(st.sampled_from(_OWING))
    end = clean.index("\n---\n") + 4
    text = clean
    for _ in range(draw(st.integers(1, 2))):
        at = draw(st.integers(4, end))
        if draw(st.booleans()):
            text = text[:at] + draw(_TYPOS) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 3)) :]
    return clean, text


@settings(max_examples=400, deadline=None)
@given(typed_over())
def test_a_typo_never_loses_a_reminder_without_a_word(notes):
    """Each reminder the clean note owes is still owed after a typo or two, or the note
    has a problem to show where the reminders are listed: an error or a warning on its
    line. What the typo may do to the reminder's day is the other tests' concern."""
    from interviewkit.config import Settings
    from interviewkit.notes.note import read_note
    from interviewkit.rules.actions import note_actions
    from interviewkit.rules.applications import Applications

    settings_ = Settings(timezone="Europe/Paris")

    def owed(text: str) -> tuple[set[str], list]:
        reading = read_note("interviews/fab.md", text.encode(), settings_, True)
        said = reading.problems + reading.findings
        if reading.note is None:
            return set(), said
        found = note_actions(reading.note, Applications([reading.note]), settings_, None)
        return {action.kind for action in found}, said

    clean, typed = notes
    before, said_before = owed(clean)
    assert before and not said_before
    after, said = owed(typed)
    assert before <= after or said, typed


_ROUND = "company: Fabrikam\nstart: 2026-11-10T10:00\nthank_you_sent: 2026-11-10\n"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            f"---\ntyp: interview\n{_ROUND}---\n",
            "interviews/f.md:2: warning: `typ:` should be `type:`; read as an interview note",
        ),
        (
            f"---\ntype: inte\n{_ROUND}---\n",
            "interviews/f.md:2: warning: type: 'inte' should be `type: interview`; read as an "
            "interview note",
        ),
        (
            "---\ntype:\n  intervied: x\n" + _ROUND + "---\n",
            "interviews/f.md:2: warning: type: a mapping 'intervied' should be `type: "
            "interview`; read as an interview note",
        ),
        (
            "---\ntype: [interview]\n" + _ROUND + "---\n",
            "interviews/f.md:2: warning: type: a list 'interview' should be `type: interview`; "
            "read as an interview note (`check --fix` writes it)",
        ),
        (
            "---\nstart: 2026-11-10T10:00\nthank_you_sent: 2026-11-10\n---\n",
            "interviews/f.md:1: warning: no `type: interview`, but a start and thank_you_sent, "
            "which only an interview has; read as an interview note (add `type: interview`)",
        ),
        (
            f"---\ntype: inter\n---\nview\n{_ROUND}---\n## Notes\n",
            "interviews/f.md:4: warning: the front matter ends on the line above, yet more keys "
            "(company, start, thank_you_sent) follow, up to the --- on line 8: is that --- one "
            "too many? delete it, and they are read",
        ),
        (
            f"---\ntype: interview\n{_ROUND}outcome: offer\noffer_deadline:\n---\n 2026-12-05\n---\n",
            "interviews/f.md:10: warning: the front matter ends on the line above, right after "
            "`offer_deadline:` with no value, and this line reads like its value",
        ),
        (
            f"---\ntype: interview\n{_ROUND}outcome:\n---\noffer\noffer_deadline: 2026-12-05\n---\n",
            "interviews/f.md:9: warning: the front matter ends on the line above, right after "
            "`outcome:` with no value",
        ),
        (
            f"---\ntype interview\n{_ROUND}\n## Notes\n",
            "interviews/f.md:1: warning: front matter is never closed (add a line with --- "
            "after it), so nothing in it is read: not even a `type: interview`",
        ),
        (
            f"---\ntype: interview\n{_ROUND}offer_deadline: 2026-12-05\n---\n",
            "interviews/f.md:7: warning: offer_deadline: 2026-12-05 is set, but the outcome is "
            "pending: if they made you an offer, write `outcome: offer`",
        ),
        (
            f"---\ntype: interview\n{_ROUND}outcome: offer\nr_deadline: 2026-12-05\n---\n",
            "interviews/f.md:7: warning: outcome: offer, but no offer_deadline: write the day you "
            "must answer by",
        ),
        (
            f"---\ntype: interview\n{_ROUND}outcomeffoffer_deadline: 2026-12-05\n---\n",
            "interviews/f.md:7: 'outcomeffoffer_deadline' looks like a line cut short and "
            "offer_deadline run together: write `offer_deadline:` on a line of its own",
        ),
        (
            f"---\ntype: interview\n{_ROUND}outcome:feroffer_deadline: 2026-12-05\n---\n",
            "interviews/f.md:7: 'outcome:feroffer_deadline' is read as one key, as no space "
            "follows the colon after outcome: write `outcome: ` with a space",
        ),
    ],
)
def test_a_typo_that_would_drop_a_reminder_is_named(vault, write, run, text, said):
    """Each of these typos would hide a reminder the note owes (here, the offer to decide
    on, or every reminder of the round): `check` names it on its line."""
    write(
        "interviews/f.md",
        text.replace("---\n", "---\nid: f\n", 1) if "type: interview" in text else text,
    )
    checked = run("--vault", vault, "check").stdout
    assert said in checked, checked


def test_a_typo_that_changes_what_is_due_shows_in_due_too(vault, write, run):
    """`due` lists problems that change what it lists: a deadline cut off below the
    front matter, and a deadline of an offer the outcome does not record."""
    write(
        "interviews/a.md",
        f"---\ntype: interview\nid: a\n{_ROUND}outcome: offer\noffer_deadline:\n---\n 2026-12-05\n---\n",
    )
    write(
        "interviews/b.md",
        f"---\ntype: interview\nid: b\n{_ROUND.replace('Fabrikam', 'Globex')}offer_deadline: 2026-12-05\n---\n",
    )
    problems = due_json(run, vault)["problems"]
    assert [(p["note"], p["line"], p["severity"]) for p in problems] == [
        ("interviews/a.md", 10, "warning"),
        ("interviews/b.md", 7, "warning"),
    ]
    assert "right after `offer_deadline:` with no value" in problems[0]["message"]
    assert "is set, but the outcome is pending" in problems[1]["message"]


def test_with_a_global_filter_only_a_line_holding_it_is_almost_a_task(vault, write, run):
    (vault / ".interviewkit" / "config.yaml").write_text(
        "timezone: Europe/Paris\ntasks_global_filter: '#task'\n"
    )
    body = "-[ ] #task Send the slides 📅 2026-12-04\n-[ ] Buy milk 📅 2026-12-04\n"
    write("interviews/fab.md", round_note() + body)
    problems = due_json(run, vault)["problems"]
    assert [(p["line"], p["message"].split(" is written")[0]) for p in problems] == [
        (15, "'-[ ] #task Send the slides 📅 2026-12-04'")
    ]


def test_a_key_of_one_s_own_ending_like_a_contract_key_is_no_typo(vault, write, run):
    write("interviews/f.md", f"---\ntype: interview\nid: f\n{_ROUND}final_outcome: good\n---\n")
    assert run("--vault", vault, "check").exit_code == 0


@pytest.mark.parametrize(
    ("text", "line", "said"),
    [
        (  # `---` typed twice at the top: an empty front matter, the keys below it
            f"---\n---\ntype: interview\nid: f\n{_ROUND}",
            2,
            "the front matter is empty, yet keys (type, id, company) follow it: is this --- "
            "one too many? delete it, and they are read",
        ),
        (  # a --- typed after the start, and the real closing one merged into a value
            f"---\ntype: interview\nid: f\n{_ROUND.split('thank')[0]}---\n"
            "thank_you_sent: 2026-11-10\noutcome: offer\noffer_deadline: 2026-12----\n",
            6,
            "the front matter ends here, yet keys (thank_you_sent, outcome, offer_deadline) "
            "follow at once: is this --- one too many? delete it, and they are read",
        ),
    ],
)
def test_keys_below_a_front_matter_closed_too_soon_are_named_without_a_rule_below(
    vault, write, run, text, line, said
):
    """Typos can lose the --- that would close the keys cut off below the front
    matter: they are named all the same, as when that --- is there."""
    write("interviews/f.md", text)
    assert f"interviews/f.md:{line}: warning: {said}\n" in run("--vault", vault, "check").stdout


@pytest.mark.parametrize(
    "body",
    [
        "2026-11-10: met the team.\n## Notes\n---\n",  # a date, then a heading before the rule
        "[[Fabrikam]] onsite, second round.\n",  # a link, and no rule at all
        "Role: platform team\nPeople: four of them\n",  # prose that looks like keys, no rule
    ],
)
def test_a_body_that_starts_like_a_value_is_not_taken_for_one(vault, write, run, body):
    """A template may end with an empty key; a body may open with a date, a link or a
    `Word:` line. None of these is a --- typed too many."""
    write("interviews/f.md", f"---\ntype: interview\nid: f\n{_ROUND}outcome:\n---\n{body}")
    assert "the front matter ends" not in run("--vault", vault, "check").stdout


_TASKED = (
    "---\ntype: interview\nid: fab\ncompany: Fabrikam\nstart: 2026-11-10T10:00\n"
    "people: [Dana]\nthank_you_sent: 2026-11-10\n---\n## Notes\n"
    "- [ ] Send the slides 📅 2026-12-04\n"
)


@settings(max_examples=300, deadline=None)
@given(
    at=st.integers(_TASKED.index("- [ ]"), len(_TASKED) - 1),
    typo=st.one_of(_TYPOS.filter(lambda typo: typo != "\n---\n"), st.just("")),
    deleted=st.integers(0, 2),
)
def test_a_typo_in_a_task_line_never_loses_it_without_a_word(at, typo, deleted):
    """One character typed into a task line, or one or two deleted (a break, the box,
    a space): the task is still listed, or its line has a problem to show, or it reads
    as ticked or cancelled, as a typed `x` or `-` in its box says. A line break before
    its date leaves the date on a line Markdown still reads as the task's, which is
    named. (A whole rule typed in, `\n---\n`, parts the two in Obsidian as well: it is
    not drawn.)"""
    from interviewkit.config import Settings
    from interviewkit.notes.note import read_note
    from interviewkit.rules.actions import note_actions
    from interviewkit.rules.applications import Applications

    typed = _TASKED[:at] + typo + _TASKED[at + deleted :]
    settings_ = Settings(timezone="Europe/Paris")
    reading = read_note("interviews/fab.md", typed.encode(), settings_, True)
    assert reading.note is not None
    kinds = {
        a.kind for a in note_actions(reading.note, Applications([reading.note]), settings_, None)
    }
    closed = any(not task.is_open for task in reading.note.tasks)  # `[ ]` typed `[x]`: done
    assert "task" in kinds or closed or reading.problems or reading.findings, typed


def test_an_undated_task_whose_date_went_to_the_next_line_is_named(vault, write, run):
    """A line break typed before the `📅` leaves the date on a line Markdown reads as the
    task's own text, indented or not; a sub-item or a paragraph after a blank line is
    text of its own. A date with a stray hyphen before it is still named."""
    body = (
        "- [ ] Send the slides\n   2026-12-04\n"  # line 8: broken, indented
        "- [ ] Call Dana\n2026-12-05\n"  # line 10: broken, lazily continued
        "- [ ] Book the train\n  - by 2026-12-06\n"  # a sub-item: its own text
        "- [ ] Buy a tie\n\n2026-12-07\n"  # a paragraph of its own
        "- [ ] Print the CV -2026-12-08\n"  # line 17: the mark typed over
    )
    write("interviews/f.md", f"---\ntype: interview\nid: f\n{_ROUND}---\n{body}")
    problems = due_json(run, vault)["problems"]
    assert [(p["line"], p["severity"], p["message"]) for p in problems] == [
        (
            8,
            "warning",
            "task 'Send the slides' has no due date, and the line below it names 2026-12-04, "
            "which the Tasks plugin does not read there: if it is the due date, add "
            "`📅 2026-12-04` at the end of the task's own line",
        ),
        (
            10,
            "warning",
            "task 'Call Dana' has no due date, and the line below it names 2026-12-05, which "
            "the Tasks plugin does not read there: if it is the due date, add `📅 2026-12-05` "
            "at the end of the task's own line",
        ),
        (
            17,
            "warning",
            "task 'Print the CV -2026-12-08' names 2026-12-08 but has no due date, so it is "
            "not listed: add `📅 2026-12-08` at its end, as the Tasks plugin writes a due date",
        ),
    ]


def test_a_line_with_a_due_date_that_is_no_task_is_named_outside_code(vault, write, run):
    body = (
        "- [ ] Send the\nslides 📅 2026-12-04\n"  # a task broken in two
        "```\n- [ ] an example 📅 2026-12-05\n```\n"  # code: nobody's reminder
        "- [ ] Call Dana 📅 2026-12-06\n"
        "- [ ] Book the train 🗓 2026-12-07\n"
        "- Buy a tie 🗓 2026-12-08\n"  # the box left out, with a rarer mark
        "## 📅 Timeline\n- 🗓️: the onsite, then the offer 🗓 2\n"  # an emoji, no date after it
    )
    write("interviews/f.md", f"---\ntype: interview\nid: f\n{_ROUND}---\n{body}")
    problems = due_json(run, vault)["problems"]
    assert [(p["line"], p["severity"], p["message"]) for p in problems] == [
        (
            9,
            "warning",
            "'slides 📅 2026-12-04' holds a due date, but is no task, so it is on no list: to "
            "be reminded, write it as one, `- [ ] what to do 📅 YYYY-MM-DD`",
        ),
        (
            15,
            "warning",
            "'- Buy a tie 🗓 2026-12-08' holds a due date, but is no task, so it is on no list: "
            "to be reminded, write it as one, `- [ ] what to do 🗓 YYYY-MM-DD`",
        ),
    ]


def test_a_note_of_thousands_of_broken_lines_lists_fifty_and_counts_the_rest(vault, write, run):
    """A note pasted or generated with thousands of broken lines costs its length to
    read, and lists the first 50 problems, then one that counts the rest: an error
    when any of them is one, so `check` still fails."""
    strays = "📅 2026-12-04\n" * 100_000  # each line once, however many marks it holds
    many = "📅" * 300_000 + " 2026-12-04"
    write("interviews/f.md", f"---\ntype: interview\nid: f\n{_ROUND}---\n{strays}{many}")
    problems = due_json(run, vault)["problems"]
    assert len(problems) == 51 and [p["line"] for p in problems[:50]] == list(range(8, 58))
    assert problems[-1] == {
        "note": "interviews/f.md",
        "line": 58,
        "severity": "warning",
        "message": "99951 more warnings from this line on are not listed, as a note shows at "
        "most 50: mend those above, and the rest are listed",
    }
    assert run("--vault", vault, "check").exit_code == 0
    almost = "-[ ] Call Dana 📅 2026-12-04\n" * 40 + "- Buy a tie 📅 2026-12-08\n" * 20
    write("interviews/f.md", f"---\ntype: interview\nid: f\n{_ROUND}---\n{almost}")
    problems = due_json(run, vault)["problems"]
    assert [p["severity"] for p in problems] == ["error"] * 40 + ["warning"] * 10 + ["warning"]
    assert problems[-1]["message"].startswith("10 more warnings from this line on")
    tie, call = "- Buy a tie 📅 2026-12-08\n", "-[ ] Call Dana 📅 2026-12-04\n"
    write(
        "interviews/f.md",
        f"---\ntype: interview\nid: f\n{_ROUND}---\n" + tie * 48 + call * 4 + tie * 3,
    )
    problems = due_json(run, vault)["problems"]
    assert (problems[-1]["line"], problems[-1]["severity"]) == (58, "error")
    assert problems[-1]["message"].startswith("5 more problems (2 errors) from this line on")
    assert run("--vault", vault, "check").exit_code == 1
    # in the front matter too; and a new body under it is counted with it, not twice
    twice = "role: Engineer\n" * 60
    path = write("interviews/f.md", f"---\ntype: interview\nid: f\n{_ROUND}{twice}---\n")
    os.utime(path, (1_000_000_000, 1_000_000_000))  # long settled: its reading is kept
    assert due_json(run, vault)["problems"][-1]["message"].startswith(
        "9 more errors from this line on"
    )
    path.write_text(path.read_text() + call * 3)
    problems = due_json(run, vault)["problems"]
    assert len(problems) == 51 and problems[-1]["line"] == 58
    assert problems[-1]["message"].startswith("12 more errors from this line on")


def test_nothing_due_beside_an_error_says_the_error_may_hide_what_is(vault, write, run):
    """An error can leave a whole note out, so "Nothing due" under one is not read as
    all clear; under warnings alone it stands as it is."""
    write("interviews/a.md", "---\ntype: interview\ncompany: Acme\nstart: someday\n---\n")
    table = run("--vault", vault, "due", "--today", "2026-11-26")
    assert table.stdout.endswith(
        "\nNothing due as of 2026-11-26. The 1 error above may hide what is due: mend it.\n"
    )
    markdown = run("--vault", vault, "due", "--format", "markdown", "--today", "2026-11-26")
    assert "\nNothing due. The 1 error above may hide what is due: mend it.\n" in markdown.stdout
    write("interviews/a.md", "---\ntype: interview\ncompany: Acme\nstart: 2099-01-05\n---\n")
    warned = run("--vault", vault, "due", "--today", "2026-11-26").stdout
    assert "warning" in warned and warned.endswith("\nNothing due as of 2026-11-26.\n")


def test_a_round_outside_the_notes_folder_without_its_type_is_named(vault, write, run):
    """A round noted by hand in a folder of the user's own, its `type: interview`
    forgotten: nothing is due from it, so `due` says so; a meeting note with a company
    and a start, but no key only a round has, is nobody's round."""
    keys = "Company: Acme\nround: onsite\nstart: 2026-11-20T10:00\npeople: [Ann Lee]\n---\n"
    path = write("Work/acme.md", f"---\n{keys}")
    write("Work/meeting.md", "---\ncompany: Acme\nstart: 2026-11-20T10:00\nend: 11:00\n---\n")
    write("Work/typed.md", "---\ntype: debrief\ncompany: Acme\nstart: 2026-11-20\nround: 2\n---\n")
    cased = write("Work/cased.md", "---\nType: Interview\nCompany: C\nStart: 2026-11-20\n---\n")
    write(
        "Work/tagged.md", "---\ntags:\n  - job\n  - interview\ncompany: B\nstart: 2026-11-20\n---\n"
    )
    said = (
        "Work/acme.md:1: warning: has company, round and start, as an interview round does, "
        "but no `type: interview`, and is outside the notes folder (interviews/): nothing "
        "is due from it; add `type: interview` (`check --fix` does), or move it into "
        "interviews/"
    )
    tagged = (
        "Work/tagged.md:1: warning: has the tag interview, company and start, as an "
        "interview round does, but no `type: interview`, and is outside the notes folder "
        "(interviews/): nothing is due from it; add `type: interview` (`check --fix` "
        "does), or move it into interviews/"
    )
    in_case = (
        "Work/cased.md:2: warning: `Type: Interview` is not read outside the notes folder, "
        "where only `type: interview` makes an interview note: nothing is due from it; "
        "write `type: interview` (`check --fix` does)"
    )
    due = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert shown_problems(due) == "\n".join(
        s.replace(": warning", "") for s in (said, in_case, tagged)
    )
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 0 and checked.stdout == f"{said}\n{in_case}\n{tagged}\n"
    for kind in ("interview", "[interview]"):  # a list of the one word says it too
        path.write_text(f"---\ntype: {kind}\n{keys}")
        due = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
        assert "Work/acme.md" in {a["note"] for a in due["actions"]}
        outside = [p["note"] for p in due["problems"] if "outside the notes" in p["message"]]
        assert outside == ["Work/cased.md", "Work/tagged.md"]
    assert "Work/acme.md:2: warning: type: a list 'interview' should be `type: interview`" in (
        run("--vault", vault, "check").stdout
    )
    meeting = (vault / "Work" / "meeting.md").read_bytes()
    fixed = run("--vault", vault, "check", "--fix")
    assert {
        "Work/acme.md:2: type: interview written",
        "Work/tagged.md:2: type: interview added",
    } <= (set(fixed.stderr.splitlines()))
    assert path.read_text() == f"---\ntype: interview\n{keys.replace('Company', 'company')}"
    assert (vault / "Work" / "tagged.md").read_text().startswith("---\ntype: interview\ntags:\n")
    assert (vault / "Work" / "meeting.md").read_bytes() == meeting  # nobody's round
    assert (vault / "Work" / "typed.md").read_text().startswith("---\ntype: debrief\n")
    # made an interview note, its keys in another case are renamed in the same run
    assert cased.read_text() == "---\ntype: interview\ncompany: C\nstart: 2026-11-20\n---\n"
    due = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert {"Work/acme.md", "Work/tagged.md", "Work/cased.md"} <= {
        a["note"] for a in due["actions"]
    }
