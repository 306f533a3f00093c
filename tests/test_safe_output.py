"""Nothing from a note drives the terminal or adds structure to a Markdown output."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from .conftest import note

HOSTILE = '"Acme\\e]52;c;ZWNobyBwd25lZA==\\a\\x9b31m\\nx\\n- [ ] Wire 500 EUR to the recruiter"'


def on_a_terminal(args: list[str], env: dict[str, str]) -> bytes:
    """What `interviewkit ARGS` writes to a terminal (a real pseudo-terminal)."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "interviewkit", *args],
        stdout=follower,
        stderr=follower,
        env={**os.environ, **env},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=30)
    os.close(leader)
    return b"".join(chunks)


def test_no_escape_sequence_from_a_note_reaches_a_terminal(vault, write):
    write("interviews/a.md", note(company=HOSTILE, id="a", role='"\\e[2J"'))
    for args in (
        ["due", "--all", "--today", "2026-11-22"],
        ["status", "--today", "2026-11-22"],
        ["check"],
        ["due", "--all", "--today", "2026-11-22", "--format", "markdown"],
        ["due", "--all", "--today", "2026-11-22", "--format", "json"],
        ["draft", "thank-you", "a"],
        ["brief", "a"],
    ):
        for env in ({"NO_COLOR": "1"}, {"NO_COLOR": "", "TERM": "xterm"}):
            shown = on_a_terminal(["--vault", str(vault), *args], env)
            assert b"Acme" in shown or args == ["check"], (args, shown)
            assert b"\x1b]" not in shown and b"\x07" not in shown, (args, shown)
            assert "\x9b".encode() not in shown and b"\x1b[2J" not in shown, (args, shown)
            if env["NO_COLOR"]:
                assert b"\x1b" not in shown, (args, shown)


def test_no_note_adds_a_checkbox_or_a_table_row_to_markdown(vault, write, run):
    write("interviews/a.md", note(company=HOSTILE, id="a", role='"Lead | x | y"'))
    due = run("--vault", vault, "due", "--all", "--today", "2026-11-22", "--format", "markdown")
    assert not [
        line
        for line in due.stdout.splitlines()
        if "Wire 500" in line and line.startswith("- [ ] Wire")
    ]
    status = run("--vault", vault, "status", "--today", "2026-11-22", "--format", "markdown")
    rows = [line for line in status.stdout.splitlines() if line.startswith("|")]
    assert len(rows) == 3  # the header, its rule, one application
    assert len({row.replace("\\|", "").count("|") for row in rows}) == 1, rows
    assert not any(line.startswith("- [ ] Wire") for line in status.stdout.splitlines())


def test_a_file_name_cannot_break_a_wikilink(vault, write, run):
    write("interviews/a|b]]#c.md", note(id="ab"))
    due = run("--vault", vault, "due", "--all", "--today", "2026-11-22", "--format", "markdown")
    links = [line for line in due.stdout.splitlines() if "[[" in line]
    assert links and all(line.count("[[") == 1 and line.count("]]") == 1 for line in links), links
    assert "[[interviews/a-b--#" not in due.stdout and "[[interviews/a-b---c|" in due.stdout
