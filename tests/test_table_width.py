"""`due`'s table fits the terminal (or $COLUMNS); piped, each part stays on one line."""

from __future__ import annotations

import re

import pytest


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
