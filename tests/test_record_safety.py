"""Recording never overwrites: ticks find their task, misspelt keys stop an edit,
and only "\\n" ends a line."""

from __future__ import annotations

from datetime import date

import pytest

from interviewkit.config import load_settings
from interviewkit.errors import EditConflict
from interviewkit.vault.reader import VaultReader
from interviewkit.write.recording import record_done

from .conftest import note

TASK = "- [ ] Send the portfolio 📅 2026-11-22"
TICKED = "- [x] Send the portfolio 📅 2026-11-22 ✅ 2026-11-23"
DAY = date(2026, 11, 23)


def stale_notes(vault):
    """The notes as `done` read them, before the file is changed under it."""
    return VaultReader(vault, load_settings(vault), use_cache=False).scan().notes


def task_id(notes) -> str:
    (only,) = [t for n in notes for t in n.tasks]
    return f"a:task:{only.key}"


def test_a_line_inserted_above_the_task_moves_the_tick_with_it(vault, write):
    path = write("interviews/a.md", note(id="a") + f"Intro\n{TASK}\nAfter\n")
    notes = stale_notes(vault)
    inserted = path.read_text().replace("Intro\n", "Intro\nA line added in the editor\n")
    path.write_text(inserted)
    result = record_done(vault, load_settings(vault), notes, task_id(notes), DAY)
    after = path.read_text()
    assert after == inserted.replace(TASK, TICKED)
    assert "A line added in the editor\n" in after
    assert result.endswith(":10: task done on 2026-11-23")


@pytest.mark.parametrize(
    ("change", "found"),
    [
        (lambda text: text.replace("Intro\n", f"Intro\n{TASK}\n"), "2 lines"),  # twice
        (lambda text: text.replace(TASK, TASK.replace("portfolio", "CV")), "no line"),
        (
            lambda text: text.replace("Intro\n", "Intro\nnew\n").replace(TASK, TASK + " again"),
            "no line",
        ),
    ],
)
def test_a_task_that_cannot_be_found_once_is_refused_and_nothing_changes(
    vault, write, change, found
):
    path = write("interviews/a.md", note(id="a") + f"Intro\n{TASK}\nAfter\n")
    notes = stale_notes(vault)
    path.write_text(change(path.read_text()))
    before = path.read_bytes()
    with pytest.raises(EditConflict) as caught:
        record_done(vault, load_settings(vault), notes, task_id(notes), DAY)
    assert caught.value.exit_code == 7
    assert str(caught.value) == (
        "interviews/a.md:9: the note changed since it was read, and the task "
        f"'Send the portfolio' is now on {found}; tick it by hand or run "
        "`interviewkit due` again (nothing written)"
    )
    assert path.read_bytes() == before


def test_the_second_of_two_identical_tasks_is_ticked_where_it_is(vault, write, run):
    path = write("interviews/a.md", note(id="a") + f"{TASK}\n{TASK}\n")
    notes = stale_notes(vault)
    second = sorted(t.key for n in notes for t in n.tasks)[-1]
    assert second.endswith("-2")
    result = run("--vault", vault, "done", f"a:task:{second}", "--on", "2026-11-23")
    assert result.exit_code == 0, result.stderr
    assert path.read_text().endswith(f"{TASK}\n{TICKED}\n")


@pytest.mark.parametrize(
    ("misspelt", "action"),
    [("thankyou_sent", "a:thank-you"), ("followed-up", "a:follow-up")],
)
def test_a_misspelt_key_stops_done_naming_its_line(vault, write, run, misspelt, action):
    path = write("interviews/a.md", note(id="a", **{misspelt: ""}))
    before = path.read_bytes()
    result = run("--vault", vault, "done", action, "--on", "2026-11-23")
    assert result.exit_code == 7
    assert f"interviews/a.md:6: '{misspelt}' looks like a misspelling of" in result.stderr
    assert path.read_bytes() == before


def test_a_misspelt_outcome_key_stops_outcome(vault, write, run):
    path = write("interviews/a.md", note(id="a", outcome_onn="2026-11-01"))
    before = path.read_bytes()
    result = run("--vault", vault, "outcome", "a", "offer", "--on", "2026-11-23")
    assert result.exit_code == 7
    assert "'outcome_onn' looks like a misspelling of outcome_on" in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "separator", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\r"]
)
def test_only_newline_ends_a_line_when_ticking(vault, write, run, separator):
    body = f"First{separator}still the first line\n{TASK}\nlast{separator}\n"
    path = write("interviews/a.md", note(id="a") + body)
    before = path.read_bytes()
    key = task_id(stale_notes(vault))
    result = run("--vault", vault, "done", key, "--on", "2026-11-23")
    assert result.exit_code == 0, result.stderr
    after = path.read_bytes()
    assert after == before.replace(TASK.encode(), TICKED.encode())
    assert result.stdout.strip().endswith(":9: task done on 2026-11-23")


@pytest.mark.parametrize("separator", ["\u2028", "\x85", "\r"])
def test_a_front_matter_with_another_line_separator_is_refused(vault, write, run, separator):
    path = write("interviews/a.md", note(id="a", role=f'"Engineer{separator}x"') + f"{TASK}\n")
    before = path.read_bytes()
    result = run("--vault", vault, "done", "a:thank-you", "--on", "2026-11-23")
    assert result.exit_code == 7, result.stderr
    assert "holds a line separator other than a newline" in result.stderr
    assert path.read_bytes() == before


def test_a_hard_linked_note_is_refused(vault, write, run, tmp_path):
    path = write("interviews/a.md", note(id="a"))
    (tmp_path / "elsewhere.md").hardlink_to(path)
    before = path.read_bytes()
    result = run("--vault", vault, "done", "a:thank-you", "--on", "2026-11-23")
    assert result.exit_code == 7
    assert "interviews/a.md: has 2 hard links, and an edit would leave" in result.stderr
    assert path.read_bytes() == before == (tmp_path / "elsewhere.md").read_bytes()


def test_a_read_only_note_is_refused(vault, write, run):
    path = write("interviews/a.md", note(id="a"))
    path.chmod(0o444)
    before = path.read_bytes()
    result = run("--vault", vault, "outcome", "a", "offer", "--on", "2026-11-23")
    assert result.exit_code == 7 and "is read-only; make it writable first" in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize("kind", ["thank-you", "follow-up"])
def test_a_letter_cannot_be_sent_before_the_interview(vault, write, run, kind):
    path = write("interviews/a.md", note(id="a"))
    before = path.read_bytes()
    result = run("--vault", vault, "done", f"a:{kind}", "--on", "2026-11-19")
    assert result.exit_code == 2
    assert "--on 2026-11-19 is before the interview on 2026-11-20" in result.stderr
    assert path.read_bytes() == before
    same_day = run("--vault", vault, "done", f"a:{kind}", "--on", "2026-11-20")
    assert same_day.exit_code == 0, same_day.stderr


def test_a_task_and_an_outcome_may_be_dated_before_the_interview(vault, write, run):
    path = write("interviews/a.md", note(id="a") + TASK + "\n")
    key = task_id(stale_notes(vault))
    assert run("--vault", vault, "done", key, "--on", "2026-11-01").exit_code == 0
    assert run("--vault", vault, "outcome", "a", "withdrawn", "--on", "2026-11-01").exit_code == 0
    assert "outcome_on: 2026-11-01" in path.read_text()


def test_a_repeated_key_is_a_check_error_and_a_one_line_refusal(vault, write, run):
    path = write("interviews/a.md", note(id="a", outcome="pending") + "outcome: offer\n")
    path.write_text(path.read_text().replace("---\n# Notes", "outcome: offer\n---\n# Notes"))
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 1
    assert (
        "interviews/a.md:7: outcome is written twice (first on line 6); keep one" in checked.stdout
    )
    before = path.read_bytes()
    result = run("--vault", vault, "done", "a:thank-you", "--on", "2026-11-23")
    assert result.exit_code == 7
    assert result.stderr.strip().splitlines() == [
        "interviewkit: interviews/a.md:7: the front matter cannot be edited safely: "
        'found duplicate key "outcome" (`interviewkit check` names what to fix)'
    ]
    assert path.read_bytes() == before


def test_a_note_check_accepts_with_trailing_tabs_can_be_edited(vault, write, run):
    path = write("interviews/a.md", note(id="a").replace("id: a", "id: a\t# pinned\t"))
    assert run("--vault", vault, "check").exit_code == 0
    result = run("--vault", vault, "done", "a:thank-you", "--on", "2026-11-23")
    assert result.exit_code == 0, result.stderr
    assert "id: a\t# pinned\t\n" in path.read_text()


def test_check_fix_renames_misspelt_keys_in_place(vault, write, run):
    path = write(
        "interviews/a.md",
        note(id="a", **{"thankyou_sent": "2026-11-21 # sent from my phone", "'Outcome'": "offer"}),
    )
    before = path.read_text()
    result = run("--vault", vault, "check", "--fix")
    assert "interviews/a.md:6: renamed thankyou_sent to thank_you_sent" in result.stderr
    after = path.read_text()
    assert after == before.replace("thankyou_sent:", "thank_you_sent:").replace(
        "'Outcome':", "'outcome':"
    )
    assert "unknown key" not in result.stdout
    assert run("--vault", vault, "check").exit_code == 0
    kinds = run("--vault", vault, "due", "--all", "--today", "2026-11-22", "--format", "json")
    assert "thank-you" not in kinds.stdout


def test_check_fix_leaves_a_note_that_has_both_spellings(vault, write, run):
    path = write("interviews/a.md", note(id="a", thankyou_sent="x", thank_you_sent="2026-11-21"))
    before = path.read_bytes()
    run("--vault", vault, "check", "--fix")
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("change", "refusal"),
    [
        (lambda t: t.replace("company: Acme", "company: Acne"), "would change ['company']"),
        (lambda t: t + "more words\n", "would change the body"),
    ],
    ids=["another key", "the body"],
)
def test_an_edit_that_would_move_more_than_it_means_is_refused(vault, write, change, refusal):
    """The last guard of every edit: whatever the editing code did, only the keys it
    meant to change may differ, and the body not at all."""
    from interviewkit.write.recording import _apply

    path = write("interviews/a.md", note(id="a", outcome="pending"))
    before = path.read_bytes()
    reading = VaultReader(vault, load_settings(vault)).scan()
    with pytest.raises(EditConflict, match=refusal.replace("[", r"\[").replace("]", r"\]")):
        _apply(
            vault, reading.notes[0], lambda t: change(t).replace("pending", "offer"), {"outcome"}
        )
    assert path.read_bytes() == before
