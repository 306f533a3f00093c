"""Every command has help text and is named in the README; CI runs the README's test command."""

from __future__ import annotations

import subprocess
import sys

import pytest

from interviewkit import __version__
from interviewkit.cli import main

from .conftest import PROJECT, modules_after

README = (PROJECT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_and_is_in_the_readme(run, name):
    command = main.commands[name]
    assert command.help and len(command.help.strip()) > 20
    result = run(name, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.stdout
    assert f"`{name}" in README


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_ci_runs_the_readme_test_command():
    ci = (PROJECT / ".ci" / "run").read_text()
    assert "pip install '.[test]'" in README and "pip install --quiet '.[test]'" in ci
    assert "python -m pytest" in README and "-m pytest" in ci


def test_ruff_lint_and_format():
    for args in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *args], cwd=PROJECT, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "args", [["--help"], ["due", "--today", "2026-11-26"], ["due", "--format", "json"]]
)
def test_help_and_due_do_not_import_icalendar_or_ruamel(args, sample):
    modules = modules_after(["--vault", str(sample), *args])
    assert "interviewkit.cli" in modules
    heavy = [m for m in modules if m.split(".")[0] in ("icalendar", "ruamel", "frontmatter")]
    assert heavy == []


def test_every_exit_code_is_documented():
    from interviewkit import errors

    codes = {
        cls.exit_code
        for cls in vars(errors).values()
        if isinstance(cls, type) and issubclass(cls, errors.InterviewkitError)
    }
    for code in codes:
        assert f"\n| {code} | " in README, code
