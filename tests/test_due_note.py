"""A two-way Due.md: `due --format markdown -o FILE` records what was ticked in FILE,
as `done` would, before writing the list again."""

from __future__ import annotations

import os
import re

TODAY = ("--today", "2026-11-26")
GLOBEX = "globex-2026-11-13-technical:follow-up"
THANKS = "acme-robotics-2026-11-25-onsite:thank-you"


def write_due(run, sample, *extra):
    return run(
        "--vault", sample, "due", "--format", "markdown", "-o", sample / "Due.md", *TODAY, *extra
    )


def line_of(path, action_id) -> int:
    """The 1-based line of `path` that lists `action_id`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if f"`{action_id}`" in line)


def tick(path, action_id, done_on=""):
    text = path.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if f"`{action_id}`" in line)
    assert line.startswith("- [ ] ")
    ticked = line.replace("- [ ] ", "- [x] ", 1) + (f" ✅ {done_on}" if done_on else "")
    path.write_text(text.replace(line, ticked), encoding="utf-8")


def test_ticks_are_recorded_then_the_list_is_written_again(sample, run):
    assert write_due(run, sample).exit_code == 0
    due = sample / "Due.md"
    tick(due, GLOBEX)
    tick(due, THANKS, "2026-11-25")
    result = write_due(run, sample)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "interviews/globex/technical.md: followed_up += 2026-11-26",
        "interviews/acme-robotics/2026-11-25-onsite.md: thank_you_sent: 2026-11-25",
    ]
    text = due.read_text()
    assert "- [x]" not in text
    assert f"`{GLOBEX}` 📅 2026-12-03" in text  # now the second follow-up, a week on
    assert (
        "thank_you_sent: 2026-11-25"
        in (sample / "interviews/acme-robotics/2026-11-25-onsite.md").read_text()
    )
    again = write_due(run, sample)
    assert again.stdout == ""  # nothing ticked, nothing recorded


def test_a_follow_up_ticked_before_its_day_is_recorded_with_a_note(sample, run):
    umbrella = "umbrella-2026-10-28-phone-screen:follow-up"  # due 2026-11-27
    assert write_due(run, sample).exit_code == 0
    due = sample / "Due.md"
    tick(due, umbrella, "2026-11-26")
    line = line_of(due, umbrella)
    result = write_due(run, sample)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "interviews/umbrella/2026-10-28-phone-screen.md: followed_up += 2026-11-26",
        f"Due.md:{line}: note: the day to follow up was Friday 2026-11-27, after 2026-11-26; "
        "what comes next, if there is still no answer, counts from 2026-11-26",
    ]


def test_only_done_kinds_get_checkboxes_tasks_are_links_and_deadlines_keep_their_time(sample, run):
    write_due(run, sample)
    text = (sample / "Due.md").read_text()
    boxes = re.findall(r"(?m)^- \[ \] .*`([^`\n]+)`", text)
    assert boxes and all(b.endswith((":thank-you", ":follow-up")) for b in boxes)
    assert "- Send Ravi my portfolio link ([[interviews/acme-robotics/2026-11-25-onsite|" in text
    assert "`acme-robotics-2026-11-25-onsite:task:b9e3d71f`, due 2026-11-27" in text
    assert "Lena Ortiz by 17:00 ([[" in text
    assert "- Prepare for the phone screen at Stark Industries" in text


def test_a_tick_on_an_action_no_longer_open_is_reported_and_dropped(sample, run):
    write_due(run, sample)
    tick(sample / "Due.md", GLOBEX)
    where = line_of(sample / "Due.md", GLOBEX)
    run("--vault", sample, "done", GLOBEX, "--on", "2026-11-26")  # recorded meanwhile
    result = write_due(run, sample)
    assert result.exit_code == 0
    assert (
        f"Due.md:{where}: {GLOBEX} due 2026-11-24 was recorded already (it is due again on "
        "2026-12-03); tick dropped"
    ) in result.stdout.splitlines()
    assert "followed_up" not in result.stdout  # no second follow-up recorded
    tick(sample / "Due.md", THANKS)
    run("--vault", sample, "done", THANKS, "--on", "2026-11-26")
    gone = write_due(run, sample)
    assert f"{THANKS} is no longer open; tick dropped" in gone.stdout
    assert "- [x]" not in (sample / "Due.md").read_text()


def test_a_failed_recording_keeps_the_file_and_its_ticks(sample, run):
    write_due(run, sample)
    due = sample / "Due.md"
    tick(due, GLOBEX)
    note = sample / "interviews/globex/technical.md"
    os.link(note, sample / "globex-link.md.bak")  # a second hard link: edits are refused
    before = due.read_bytes()
    result = write_due(run, sample)
    assert result.exit_code == 1
    assert f"Due.md:{line_of(due, GLOBEX)}:" in result.stderr and "hard links" in result.stderr
    assert "left as it is, so its ticks are kept" in result.stderr
    assert due.read_bytes() == before


def test_no_record_leaves_ticks_alone_and_problems_are_never_ticks(sample, run):
    write_due(run, sample)
    due = sample / "Due.md"
    tick(due, GLOBEX)
    result = write_due(run, sample, "--no-record")
    assert result.exit_code == 0 and result.stdout == ""
    assert (
        "followed_up: [2026-11-24]" not in (sample / "interviews/globex/technical.md").read_text()
    )
    due.write_text(f"## Problems\n\n- [x] a made-up line `{GLOBEX}` 📅 2026-11-24\n")
    quiet = write_due(run, sample)
    assert quiet.exit_code == 0 and quiet.stdout == ""


def test_a_fallback_and_a_warning_show_below_their_item_and_ticks_still_record(sample, run):
    """What the table and the JSON say beside an action (why its day is a fallback,
    what may make it wrong) shows in the Obsidian note too, as a line below the item,
    which neither the Tasks plugin nor the ticks read as a task."""
    globex = sample / "interviews/globex/technical.md"
    text = globex.read_text(encoding="utf-8")
    globex.write_text(text.replace("company: Globex", "company: Globex\nfollow_up_on: next friday"))
    (sample / "interviews/globex/broken.md").write_text(
        "---\ntype: interview\ncompany: Globex\nstart: [\n---\n", encoding="utf-8"
    )
    assert write_due(run, sample).exit_code == 0
    lines = (sample / "Due.md").read_text(encoding="utf-8").splitlines()
    at = line_of(sample / "Due.md", GLOBEX) - 1
    assert lines[at].startswith("- [ ] Follow up with Globex")
    assert lines[at + 1].startswith("  - fallback: agreed date 'next friday' unreadable; ")
    assert lines[at + 2] == (
        "  - warning: interviews/globex/broken.md cannot be read; a later round there may "
        "change this"
    )
    tick(sample / "Due.md", GLOBEX)
    result = write_due(run, sample)
    assert result.stdout.splitlines() == [
        "interviews/globex/technical.md: followed_up += 2026-11-26"
    ]
