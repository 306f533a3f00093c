"""Every command has help text and is named in the README; CI runs the README's test command."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

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


def test_the_command_list_shows_each_command_in_full_words(run):
    """No line of `interviewkit --help`'s command list is cut short with `...`."""
    listing = run("--help").stdout.split("Commands:\n", 1)[1]
    rows = [line.split(None, 1) for line in listing.splitlines() if line.strip()]
    assert sorted(name for name, _ in rows) == sorted(main.commands)
    assert [name for name, text in rows if text.endswith("...") or not text.endswith(".")] == []


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


# --- Docs that cannot drift -------------------------------------------------------

CLI_DOC = PROJECT / "docs" / "cli.md"
NOT_RUN = {"init", "new", "serve"}  # they make vaults, notes or servers of their own


def help_pages() -> str:
    """Every command's --help at a fixed width, as docs/cli.md holds them."""
    from click.testing import CliRunner

    runner = CliRunner()
    pages = []
    for name in [None, *sorted(main.commands)]:
        args = ["--help"] if name is None else [name, "--help"]
        result = runner.invoke(main, args, terminal_width=80, prog_name="interviewkit")
        assert result.exit_code == 0, result.output
        title = "interviewkit" if name is None else f"interviewkit {name}"
        pages.append(f"## {title}\n\n```\n{result.output.rstrip()}\n```\n")
    return "\n".join(pages)


def test_the_cli_reference_is_made_from_help(generated):
    generated(CLI_DOC, "cli", help_pages())


def test_the_cli_reference_names_every_command():
    text = CLI_DOC.read_text(encoding="utf-8")
    for name in main.commands:
        assert f"## interviewkit {name}\n" in text


def readme_commands() -> list[list[str]]:
    """Every `interviewkit …` command in the README's sh blocks, as argument lists."""
    import re
    import shlex

    commands = []
    for block in re.findall(r"```sh\n(.*?)```", README, re.S):
        for line in block.replace("\\\n", " ").splitlines():
            for part in line.split("&&"):
                words = shlex.split(part, comments=True)
                if words and words[0].endswith("interviewkit"):
                    commands.append(words[1:])
    return commands


def with_vault(args: list[str], vault) -> list[str]:
    """The arguments with `--vault` pointing at `vault`, added when absent."""
    if "--vault" in args:
        at = args.index("--vault")
        return [*args[:at], "--vault", str(vault), *args[at + 2 :]]
    return ["--vault", str(vault), *args]


def command_name(args: list[str]) -> str:
    rest = list(args)
    if rest[:1] == ["--vault"]:
        rest = rest[2:]
    return rest[0]


def test_the_readme_examples_are_found():
    names = {command_name(args) for args in readme_commands()}
    assert {"due", "done", "outcome", "check", "feed", "questions", "draft"} <= names
    assert names >= NOT_RUN


def test_every_readme_example_runs_on_the_sample_vault(run, sample, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ran = 0
    for args in readme_commands():
        if command_name(args) in NOT_RUN:
            continue
        result = run(*with_vault(args, sample))
        assert result.exit_code == 0, (args, result.stderr)
        assert "Traceback" not in result.stderr
        ran += 1
    assert ran >= 15
    assert (tmp_path / "interviews.ics").is_file()
    assert (tmp_path / "Question bank.md").is_file()


def test_the_output_the_readme_shows_is_what_the_command_prints(run, sample):
    import re
    import shlex

    shown = re.findall(r"`(interviewkit [^`]+)` shows:\n\n```\n(.*?)```", README, re.S)
    assert shown
    for command, output in shown:
        args = with_vault(shlex.split(command)[1:], sample)
        printed = run(*args).stdout.splitlines()
        expected = output.splitlines()
        if expected[0] == "...":  # the output's last lines
            expected = expected[1:]
            printed = printed[-len(expected) :]
        elif "..." in expected:  # its first lines
            expected = expected[: expected.index("...")]
            printed = printed[: len(expected)]
        assert printed == expected, command


def test_the_readme_pre_commit_hook_runs_on_the_sample_vault(sample, tmp_path):
    """The README's `repo: local` hook, run as pre-commit runs it: its entry, then the
    staged Markdown files, from the notes repository's root."""
    import yaml

    block = next(b for b in re.findall(r"```yaml\n(.*?)```", README, re.S) if "repo: local" in b)
    hook = yaml.safe_load(textwrap.dedent(block))["repos"][0]["hooks"][0]
    assert hook["language"] == "system" and hook["types"] == ["markdown"]
    notes = tmp_path / "notes"
    shutil.copytree(sample, notes, ignore=shutil.ignore_patterns("cache"))
    files = sorted(p.relative_to(notes).as_posix() for p in notes.rglob("*.md"))
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("INTERVIEWKIT_VAULT", None)
    ran = subprocess.run(
        [*shlex.split(hook["entry"]), *files], cwd=notes, env=env, capture_output=True, text=True
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "notes checked, 0 errors" in ran.stderr
    # and a broken note fails the commit, naming the file and line
    (notes / "interviews" / "broken.md").write_text("---\ntype: interview\ncompany: X\n---\n")
    failed = subprocess.run(
        [*shlex.split(hook["entry"]), "interviews/broken.md"],
        cwd=notes, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert failed.returncode == 1 and "interviews/broken.md:1: start is missing" in failed.stdout


def test_init_ends_with_the_next_steps(run, tmp_path):
    said = run("init", tmp_path / "v", env={"TZ": "Europe/Paris"}).stdout
    steps = said.split("Next steps:\n", 1)[1]
    assert "check the `timezone`" in steps and "set `name:`" in steps
    assert f"interviewkit --vault {tmp_path / 'v'} new" in steps and steps.rstrip().endswith("due")
