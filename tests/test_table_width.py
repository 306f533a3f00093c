"""`due`'s table fits the terminal (or $COLUMNS); piped, each part stays on one line."""

from __future__ import annotations

import re

import pytest

from .conftest import note


def due_table(run, sample, columns: str) -> str:
    result = run("--vault", sample, "due", "--today", "2026-11-26", env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("columns", ["80", "64"])
def test_with_columns_the_table_fits_and_ids_stay_whole(run, sample, columns):
    table = due_table(run, sample, columns)
    ids = re.findall(r"[a-z0-9-]+-\d{4}-\d{2}-\d{2}-[a-z0-9-]+:[a-z-]+(?::[0-9a-f]{8})?", table)
    assert len(ids) == 12
    for line in table.splitlines():
        assert len(line) <= int(columns) or any(line.strip() == i for i in ids), line
    assert table != due_table(run, sample, "")


def test_piped_without_columns_each_part_stays_on_one_line(run, sample):
    table = due_table(run, sample, "")
    lines = table.splitlines()
    assert "Initrode (Data Analyst), onsite · initrode-2026-11-12-onsite:follow-up" in table
    assert any(len(line) > 80 for line in lines)
    assert due_table(run, sample, "10") == table  # too narrow to wrap usefully: not wrapped


def test_status_cuts_a_long_next_action_and_says_so(vault, write, run):
    """The next action is cut to 48 characters with `…`: after a whole word, or inside
    a word too long to keep whole."""
    written = (
        "## Important points\n- x\n## Questions asked\n- y\n## Fit\nz\n## Answers to improve\nw\n"
    )
    long_word = "Re" + "send" * 15  # one word of 62 letters
    task = f"- [ ] {long_word} 📅 2026-11-21\n"
    write(
        "interviews/a.md",
        note(id="a", people='["Kim"]', thank_you_sent="2026-11-20") + written + task,
    )
    table = run("--vault", vault, "status", "--today", "2026-11-21").stdout
    assert f"{long_word[:47]}…  2026-11-21" in table
    kim = '["Kim Alexandra Featherstonehaugh-Smith"]'
    write("interviews/a.md", note(id="a", people=kim) + written)
    table = run("--vault", vault, "status", "--today", "2026-11-21").stdout
    assert "Send a thank-you letter to Kim Alexandra…  2026-11-21T11:00" in table
