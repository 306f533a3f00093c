"""Issue 3: bad notes are named as path:line, never crash, and never hide the others."""

from __future__ import annotations

import json

import pytest

from interviewkit.notes.note import split_front_matter

from .conftest import note

GOOD = note(company="Good", start="2026-11-20T10:00", id="good")


@pytest.mark.parametrize(
    ("rel", "content", "expected"),
    [
        (
            "interviews/bad.md",
            "---\ntype: interview\ncompany: [unclosed\nstart: 2026-11-20\n---\n",
            "interviews/bad.md:4: invalid YAML",
        ),
        (
            "elsewhere/bad.md",
            "---\ntype: interview\ncompany: X\nstart: someday\n---\n",
            "elsewhere/bad.md:4: start: 'someday' is not a date",
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
            "---\ntype: interview\ncompany: X\nstart: 2026-11-20T10:00\nend: 2026-11-20T09:00\n---\n",
            "interviews/bad.md:5: end 2026-11-20T09:00 is not after start",
        ),
        (
            "interviews/bad.md",
            "---\ntype: interview\ncompany: X\nstart: 2026-11-20T10:00\npeople: Sam\n---\n",
            "interviews/bad.md:5: people must be a list",
        ),
        (
            "interviews/bad.md",
            "---\ntype: interview\ncompany: X\nstart: 2026-11-20T10:00\nfollowed_up: 2026-11-21\n---\n",
            "interviews/bad.md:5: followed_up must be a list of dates",
        ),
        (
            "interviews/bad.md",
            "---\ntype: interview\ncompany: X\nstart: 2026-11-20T10:00\noutcome: ghosted\n---\n",
            "interviews/bad.md:5: outcome: 'ghosted' is not one of",
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
            "---\ntype: interview\ncompany: !!python/object/apply:os.system [echo hi]\nstart: 2026-11-20T10:00\n---\n",
            "interviews/bad.md:3: invalid YAML",
        ),
        (
            "interviews/bad.md",
            b"---\ntype: interview\ncompany: Caf\xe9\n---\n",
            "interviews/bad.md:1: is not UTF-8 text",
        ),
        ("interviews/bad.md", b"\x00\x01binary", "interviews/bad.md:1: is a binary file"),
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
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    document = json.loads(result.stdout)
    assert {a["note"] for a in document["actions"]} == {"interviews/good.md"}
    assert [p["note"] for p in document["problems"]] == [rel]
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 1
    assert expected in checked.stdout


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
    assert "also used by interviews/b.md" in problems[0]["message"]


def test_check_reports_misspelt_keys_and_warnings(vault, write, run):
    write("interviews/a.md", note(start="2026-11-20", thankyou_sent="2026-11-21", salary="lots"))
    result = run("--vault", vault, "check")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert "interviews/a.md:5: unknown key 'thankyou_sent': did you mean thank_you_sent?" in lines
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
