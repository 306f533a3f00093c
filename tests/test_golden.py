"""Whole outputs on sample-vault/ against golden files.

Regenerate after an intended change: python -m pytest --regen-golden (then review the diff).
"""

from __future__ import annotations

import pytest

TODAY = "2026-11-26"


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("due.txt", ["due"]),
        ("due-all.txt", ["due", "--all"]),
        ("due.json", ["due", "--all", "--format", "json"]),
        ("due.md", ["due", "--format", "markdown"]),
    ],
)
def test_due_on_sample_vault(run, golden, name, args, sample):
    result = run("--vault", sample, *args, "--today", TODAY)
    assert result.exit_code == 0
    assert result.stderr == ""
    golden(name, result.stdout)
    warm = run("--vault", sample, *args, "--today", TODAY)
    assert (warm.stdout, warm.stderr) == (result.stdout, result.stderr)
    assert (sample / ".interviewkit" / "cache" / "notes.marshal").is_file()


def test_check_on_sample_vault(run, golden, sample):
    result = run("--vault", sample, "check")
    assert result.exit_code == 0
    golden("check.txt", result.stdout)
