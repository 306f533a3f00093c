"""Whole outputs on sample-vault/ against golden files.

Regenerate after an intended change: INTERVIEWKIT_REGENERATE=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os

import pytest

from .conftest import GOLDEN

TODAY = "2026-11-26"


def assert_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("INTERVIEWKIT_REGENERATE"):
        path.write_text(text, encoding="utf-8", newline="")
    assert text == path.read_bytes().decode("utf-8"), f"{name} differs; see tests/test_golden.py"


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("due.txt", ["due"]),
        ("due-all.txt", ["due", "--all"]),
        ("due.json", ["due", "--all", "--format", "json"]),
        ("due.md", ["due", "--format", "markdown"]),
    ],
)
def test_due_on_sample_vault(run, name, args, sample):
    result = run("--vault", sample, *args, "--today", TODAY)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert_golden(name, result.stdout)
    warm = run("--vault", sample, *args, "--today", TODAY)
    assert (warm.stdout, warm.stderr) == (result.stdout, result.stderr)
    assert (sample / ".interviewkit" / "cache" / "notes.marshal").is_file()


def test_check_on_sample_vault(run, sample):
    result = run("--vault", sample, "check")
    assert result.exit_code == 0
    assert_golden("check.txt", result.stdout)
