"""`new` on a terminal asks for the role, round and start it was not given; elsewhere
it writes them empty and says so. It warns of what the vault already has."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from .conftest import note


def on_a_terminal(args: list[str], answers: list[str]) -> str:
    """Run the real CLI with stdin and stdout on a pseudo-terminal, typing `answers`
    one line each as it asks; what the terminal showed."""
    master, slave = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1", "TZ": "UTC", "COLUMNS": "100"}
    process = subprocess.Popen(
        [sys.executable, "-m", "interviewkit", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        close_fds=True,
    )
    os.close(slave)
    shown = b""
    pending = list(answers)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the other end closed: the command is done
                break
            if not chunk:
                break
            shown += chunk
            if pending and shown.rstrip().endswith(b":"):  # a prompt waits for its answer
                os.write(master, pending.pop(0).encode() + b"\n")
        elif process.poll() is not None:
            break
    process.wait(timeout=10)
    os.close(master)
    assert process.returncode == 0, shown.decode(errors="replace")
    assert not pending, f"not asked for {pending}: {shown!r}"
    return shown.decode("utf-8", errors="replace")


def test_new_on_a_terminal_asks_offering_the_company_roles(vault, write):
    write("interviews/earlier.md", note("Acme", "2026-11-10T10:00", role="Data Engineer"))
    shown = on_a_terminal(["--vault", str(vault), "new", "acme"], ["", "onsite", "9.12.2026 14:30"])
    assert "Role (Data Engineer) [Data Engineer]:" in shown
    assert "Round (phone screen, technical, onsite, final, or another name)" in shown
    made = (vault / "interviews" / "2026-12-09 acme onsite.md").read_text()  # beside earlier.md
    assert "role: Data Engineer\n" in made and "start: 2026-12-09T14:30\n" in made


def test_a_start_it_cannot_read_is_asked_again(vault):
    shown = on_a_terminal(
        ["--vault", str(vault), "new", "Initech", "--role", "Analyst", "--round", "final"],
        ["some tuesday", "2026-12-09 10:00"],
    )
    assert shown.count("Start (") == 2 and "Error:" in shown
    assert (vault / "interviews" / "Initech" / "2026-12-09 Initech final.md").is_file()


def test_given_values_are_not_asked_and_no_interactive_asks_nothing(vault, run):
    args = ["--vault", str(vault), "new", "Hooli", "--role", "PM", "--round", "final"]
    shown = on_a_terminal([*args, "--at", "2026-12-10 09:30"], [])
    assert shown.strip() == "interviews/Hooli/2026-12-10 Hooli final.md"  # nothing asked or warned
    quiet = on_a_terminal(["--vault", str(vault), "new", "Globex", "--no-interactive"], [])
    assert "warning: not given: --role, --round, --at (the start is now)" in quiet


def test_without_a_terminal_new_warns_which_fields_are_empty(vault, run):
    result = run("--vault", vault, "new", "Umbrella", "--round", "onsite")
    assert result.exit_code == 0, result.output
    assert (
        result.stderr
        == "warning: not given: --role, --at (the start is now); fill them in the note\n"
    )


def test_one_field_not_given_is_named_as_one(vault, run):
    args = ["--vault", vault, "new", "Umbrella", "--round", "onsite", "--at", "2026-12-08 11:00"]
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert result.stderr == "warning: not given: --role; fill it in the note\n"


def test_new_without_a_timezone_setting_says_the_times_move_with_the_machine(run, tmp_path):
    args = ["new", "Umbrella", "--role", "SRE", "--round", "onsite", "--at", "2026-12-08 11:00"]
    bare = run("--vault", tmp_path, *args, env={"TZ": "Asia/Tokyo"})
    assert bare.exit_code == 0, bare.output
    assert bare.stderr == (
        "warning: no `timezone` in .interviewkit/config.yaml, so the note's times are read in "
        "this machine's zone (Asia/Tokyo) and move with the machine; run `interviewkit init`, "
        "or add the `timezone` setting\n"
    )
    invite = Path(__file__).parent / "invites" / "google.ics"
    invited = run("--vault", tmp_path, "new", "--from-invite", invite, env={"TZ": "Asia/Tokyo"})
    assert invited.exit_code == 0, invited.output
    assert "warning: no `timezone` in .interviewkit/config.yaml" in invited.stderr
    assert run("init", tmp_path, env={"TZ": "Asia/Tokyo"}).exit_code == 0
    again = run("--vault", tmp_path, *args[:-1], "2026-12-09 11:00", env={"TZ": "Asia/Tokyo"})
    assert again.exit_code == 0 and again.stderr == "", again.output


def test_a_round_without_a_role_at_a_known_company_is_told_the_role_there(vault, write, run):
    write("interviews/a.md", note("Northwind Traders", id="a", role="Backend Engineer"))
    args = ["--vault", vault, "new", "--round", "final", "--at", "2026-12-08 11:00"]
    known = run(*args, "Northwind Traders")
    assert known.exit_code == 0, known.output
    assert known.stderr == (
        "warning: not given: --role; fill it in the note\n"
        "note: the role of the other rounds at Northwind Traders: 'Backend Engineer'; write the "
        "same one in this note if it is part of that application\n"
    )
    given = run(
        *args, "Northwind Traders", "--role", "Backend Engineer", "--round", "onsite",
        "--at", "2026-12-09 11:00",
    )  # fmt: skip
    assert given.exit_code == 0 and given.stderr == ""


def test_a_short_form_of_a_known_company_is_written_as_given_with_a_warning(vault, write, run):
    write("interviews/a.md", note("Northwind Traders", id="a", role="Backend Engineer"))
    args = ["--vault", vault, "new", "--role", "Backend Engineer", "--at", "2026-12-08 11:00"]
    short = run(*args, "--round", "final", "northwind")
    assert short.exit_code == 0, short.output
    assert short.stdout == "interviews/northwind/2026-12-08 northwind final.md\n"
    assert (
        "warning: did you mean Northwind Traders? The vault already has notes for it, and this "
        "note starts an application of its own at northwind; if it is a round at Northwind "
        "Traders, write `company: Northwind Traders` in it\n" in short.stderr
    )
    other = run(*args, "--round", "onsite", "Wind")
    assert other.exit_code == 0 and "did you mean" not in other.stderr  # part of a word only


def test_a_round_at_the_time_of_another_note_is_warned_of_and_still_written(vault, write, run):
    """The same round written twice (here under another round name), and two companies
    booked at once, are each named with the other note; back to back is no overlap."""
    write("interviews/a.md", note("Acme", "2026-12-08T10:00", id="a", role="PM", round="screen"))
    args = ["--vault", vault, "new", "--role", "PM", "--duration", "60"]
    twice = run(*args, "Acme", "--round", "phone screen", "--at", "2026-12-08 10:30")
    assert twice.exit_code == 0 and (vault / twice.stdout.strip()).is_file()
    assert twice.stderr == (
        "warning: interviews/a.md (Acme screen) is at that time too: 2026-12-08, 10:00–11:00; "
        "if it is this round, delete one of the notes\n"
    )
    booked = run(*args, "Globex", "--round", "final", "--at", "2026-12-08 10:00")
    assert booked.exit_code == 0
    assert booked.stderr.count("is at that time too") == 2
    assert (
        "warning: interviews/a.md (Acme screen) is at that time too: 2026-12-08, 10:00–11:00; "
        "two interviews overlap; if a time is wrong, correct it in its note\n"
    ) in booked.stderr
    after = run(*args, "Initech", "--round", "final", "--at", "2026-12-08 11:30")
    assert after.exit_code == 0 and after.stderr == "", after.stderr
