"""A vault fuzzer: the sample notes, damaged the ways notes get damaged, through every
command that reads a vault.

Each vault holds one to six of `sample-vault`'s notes, each mutated a few times: a
fragment of YAML, Markdown, Tasks or Obsidian syntax, a control character or a
line separator pasted somewhere, blank lines put above the front matter, a run of
bytes deleted, a line repeated. `check --fix` must change nothing but front matter,
and leave nothing a second run would change. Every
command must then answer with its documented exit code, print no traceback, report
no failure of its own ("interviewkit failed while …"), and any feed it writes must
pass the strict calendar parsers. `brief`, `draft` and `outcome` take the first
note by its path (an edit refused with exit 7 is an answer too; the edit fuzzer
checks what edits change), and the two-way `Due.md` is ticked and damaged before
`due` records it.

Invitations for `new --from-invite` are damaged the same way, with what damages a
calendar file: each gives a note or an error, never a traceback.

CI runs a bounded number of vaults and invitations, the same ones on every run; the
full run draws more (under a minute a thousand):

    INTERVIEWKIT_FUZZ_VAULTS=1000 INTERVIEWKIT_FUZZ_INVITES=1000 python -m pytest tests/test_vault_fuzz.py
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest

from .icscheck import validate

VAULTS = int(os.environ.get("INTERVIEWKIT_FUZZ_VAULTS", "24"))
INVITES = int(os.environ.get("INTERVIEWKIT_FUZZ_INVITES", "40"))
SAMPLE = Path(__file__).resolve().parent.parent / "sample-vault"
FRAGMENTS = [
    "\x00", "\t", "\r", "\u2028", "\ufeff", "\x1b[31m", "#", ":", "- ", "[[", "]]", "{", "}",
    "'", '"', "&a ", "*a", "|", ">", "---", "...", "%%", "<!--", "-->", "<<<<<<< HEAD\n",
    "📅 2026-11-30", "✅ 2026-11-20", "🔁 every week", "- [ ] ", "- [x] ", "::", "\\",
    "9999-99-99", "2026-02-30", "24:00", "25/11/2026", "\n", "é", "<% tp.file.title %>",
    "outcome: offer\n", "offer_deadline: 2026-11-29\n", "followed_up: [2026-11-20, 2026-11-20]\n",
    "## Questions asked\n- Why?\n", "people: []\n", "company: Acme Robotics\n", "id: same\n",
    "start: 2026-03-29T02:30\n", "- name: Ann\n  phone: 1\n", "follow_up_on: Friday\n",
    "start: 2026-11-25T14:00+14:00\n", "end: 2026-11-01T09:00\n", "end: 3pm\n",
    "thank_you_sent: yes\n", "followed_up: [2026-11-30, x]\n", "🔁 every 0 days",
    "🔁 every month on the 31st", "⏳ 2026-11-27", "🛫 2027-01-01", "[due:: 2026-12-01]",
    "decision_by: 2026-11-01\n", "outcome: no_response\n", "outcome: accepted\n",
    "round: \n", "role: \n", "fit_culture: 9\n", "link: javascript:alert(1)\n",
    "- [ ] ✅ 2026-11-20 📅 2026-11-19", "\n## Fit\n", "\n## Answers to improve\n- Why?: x\n",
    "\n## People met\n", "- Ann Lee, CTO, +49 30 1234567\n", "- Dana <d@x.example>\n",
    "- Ravi, r@y.example\n", "people:\n\t- Ann Lee\n", "\t- ", " \t",
    "| Name | Title | Email |\n|---|---|---|\n| Ann Lee | CTO | a@x.example |\n", "|---|",
    "Company: Acme\n", "strat: 2026-11-20T10:00\n", "date: 2026-11-20\n", "type: research\n",
    "people: Bill Lee; Milton Ware\n", "- Bill Lee; Milton Ware\n", "\n### Key points\n- x\n",
    "\n## Interviewers\n", "outcome: declined offer\n",
    # mistakes `check --fix` mends, some only once another is mended
    "folow_up_on: Nov 27, 2026\n", "peple: [[Ann Lee]]\n", "peple:\n\t- [[Ann Lee]]\n",
    "location: Zoom: https://x.example/1\n", 'role: "Senior" Engineer\n',
    "thnak_you_sent: 27. November 2026\n", "\tround: final\n",
    "company: „Acme“\n", "people: [“Ann Lee”]\n", "follow_up_on: “27.11.2026”\n",
    "role:\u00a0PM\n", "people:\n\u00a0 -\u00a0Ann Lee\n", "—-", "–-\n", "start:\u200b",
    "people: Ann Lee, Bo Stone, Recruiter  # met\n", "people: Lovelace, Ada\n",
    "Start: 2026-11-20T10:00\n", "THANK_YOU_SENT: 2026-11-21\n", "start: Nov 25, 2026 2pm CET\n",
    "- Big Head: big@x.example\n", "- Gavin Belson (CEO), +1 650 555 0101\n", "## 📅 Timeline\n",
    "time: 2:30pm\n", "duration: 45\n", "interviewers: [Hank Scorpio]\n", "when: 3 Dec 2026\n",
    "ends: 4pm PST\n", "\n## Hiring process and next steps\nBy Friday 27 November.\n",
    "Caf\udce9", "- \udc96 dash\n",
]  # fmt: skip
COMMANDS = [
    (["due", "--all", "--today", "2026-11-26"], {0}),
    (["due", "--format", "markdown", "--today", "2026-11-26"], {0}),
    (["due", "--format", "json", "--check", "--today", "2026-11-26"], {0, 1}),
    (["status", "--today", "2026-11-26"], {0}),
    (["questions"], {0}),
    (["check", "--today", "2026-11-26"], {0, 1}),
    (["export"], {0}),
    (["contacts"], {0}),
    (["compare"], {0, 4}),  # 4: no application to compare
]
FEED = ["feed", "--include", "follow-up,thank-you,interviews"]


def damaged(rng: random.Random, data: bytes) -> bytes:
    """`data` with a few of the mutations above."""
    note = bytearray(data)
    for _ in range(rng.randint(0, 5)):
        at = rng.randrange(len(note) + 1)
        choice = rng.random()
        if choice < 0.6:
            # a lone surrogate stands for a byte that is not UTF-8 (Windows-1252's é)
            note[at:at] = rng.choice(FRAGMENTS).encode("utf-8", "surrogateescape")
        elif choice < 0.63:  # blank lines above the front matter
            note[0:0] = b"\n \n"
        elif choice < 0.65 and note.startswith(b"---"):  # as Smart Punctuation types it
            note[0:3] = "—-".encode()
        elif choice < 0.8:
            del note[at : at + rng.randint(1, 30)]
        else:
            lines = bytes(note).split(b"\n")
            lines.insert(rng.randrange(len(lines)), rng.choice(lines))
            note = bytearray(b"\n".join(lines))
    return bytes(note)


@pytest.mark.parametrize("seed", range(VAULTS))
def test_every_command_answers_a_damaged_vault(tmp_path, run, seed):
    rng = random.Random(seed)
    notes = sorted(SAMPLE.rglob("interviews/**/*.md"))
    vault = tmp_path / "vault"
    shutil.copytree(SAMPLE / ".interviewkit", vault / ".interviewkit")
    shutil.rmtree(vault / ".interviewkit" / "cache", ignore_errors=True)
    for index in range(rng.randint(1, 6)):
        path = vault / "interviews" / f"n{index}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(damaged(rng, rng.choice(notes).read_bytes()))
    for args, codes in COMMANDS:
        result = run("--vault", vault, *args)
        said = result.output
        assert result.exit_code in codes, (args, result.exit_code, said[-2000:])
        assert "Traceback" not in said and "interviewkit failed" not in said, (args, said)
    # By path, on the first note: what reads one note's text, and what edits it.
    first = "interviews/n0.md"
    for args, codes in (
        (["brief", first, "--today", "2026-11-26"], {0, 4}),  # 4: no interview note there
        (["draft", "thank-you", first], {0, 4}),
        (["draft", "follow-up", first], {0, 4}),
        (["outcome", first, "rejected", "--on", "2026-11-26"], {0, 4, 7}),  # 7: refused
    ):
        result = run("--vault", vault, *args)
        said = result.output
        assert result.exit_code in codes, (args, result.exit_code, said[-2000:])
        assert "Traceback" not in said and "interviewkit failed" not in said, (args, said)
    # The two-way list: written, ticked and damaged by hand, then recorded and written again.
    listed = vault / "Due.md"
    write_list = ("due", "--format", "markdown", "-o", listed, "--today", "2026-11-26")
    assert run("--vault", vault, *write_list).exit_code == 0
    ticked = listed.read_bytes().replace(b"- [ ]", b"- [x]", rng.randint(0, 3))
    listed.write_bytes(damaged(rng, ticked))
    result = run("--vault", vault, *write_list)
    assert result.exit_code in (0, 1), result.output[-2000:]  # 1: a recording failed
    assert "Traceback" not in result.output and "interviewkit failed" not in result.output
    # The repairs: what they change is the front matter (and blank lines above it) only.
    bodies = {path: _body(path.read_bytes()) for path in vault.glob("interviews/*.md")}
    result = run("--vault", vault, "check", "--fix", "--today", "2026-11-26")
    assert result.exit_code in (0, 1), result.output[-2000:]
    assert "Traceback" not in result.output and "interviewkit failed" not in result.output
    assert {path: _body(path.read_bytes()) for path in bodies} == bodies
    # and in one run: what one repair uncovers is mended too, so a second changes nothing
    fixed = {path: path.read_bytes() for path in vault.glob("interviews/*.md")}
    again = run("--vault", vault, "check", "--fix", "--today", "2026-11-26")
    assert again.exit_code == result.exit_code, again.output[-2000:]
    changed = [p.name for p in fixed if p.read_bytes() != fixed[p]]
    assert not changed, (changed, result.stderr[-2000:], again.stderr[-2000:])
    # What the cache gives (records, a body re-read under the same front matter, each
    # company's rows kept) is what reading every note afresh gives.
    listing = ("due", "--all", "--format", "json", "--today", "2026-11-26")
    for path in sorted(vault.glob("interviews/*.md"))[:2]:  # a body edit, read from cache
        path.write_bytes(path.read_bytes() + b"\n## People met\n- Ravi Shah, Recruiter\n")
        cached = run("--vault", vault, *listing)
        assert cached.stdout == run("--vault", vault, *listing, "--no-cache").stdout
    for extra in ([], ["--redact"]):
        feed = run("--vault", vault, *FEED, *extra)
        assert feed.exit_code == 0, feed.output[-2000:]
        assert "interviewkit failed" not in feed.stderr
        validate(feed.stdout_bytes)


def _body(data: bytes) -> str | None:
    """A note's body as `check --fix` must leave it (the smart dashes it writes as `---`
    and the blank lines above the front matter, which it deletes, aside), the bytes it
    saves as UTF-8 read as Windows-1252; None when it is neither."""
    from interviewkit.notes.front_matter import (
        blank_lines_first,
        plain_rules,
        split_front_matter,
        windows_1252_mended,
    )

    data = plain_rules(data) or data
    data = data[blank_lines_first(data) :]
    try:
        return split_front_matter(data.decode("utf-8")).body
    except UnicodeDecodeError:
        mended = windows_1252_mended(data)
        return None if mended is None else split_front_matter(mended[0]).body


# What damages an invitation: a mail client's line breaks, a hand edit, a cut-off file.
INVITE_FRAGMENTS = [
    b"\r\n", b"\n ", b":", b";", b"TZID=Nowhere/Zone:", b"DTSTART:20261301T250000Z\r\n",
    b"DTSTART;VALUE=DATE:20261126\r\n", b"\x00", b"\xff\xfe", b"BEGIN:VEVENT\r\n",
    b"END:VEVENT\r\n", b"SEQUENCE:abc\r\n", b'ATTENDEE;CN="a,b":mailto:x\r\n',
    b"ORGANIZER:mailto:\r\n", b"RRULE:FREQ=DAILY\r\n", b"=3D", b"=\r\n", b"UID:\r\n",
    b"METHOD:CANCEL\r\n", b"Content-Transfer-Encoding: base64\r\n",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(INVITES))
def test_a_damaged_invitation_gives_a_note_or_an_error(tmp_path, run, seed):
    """`new --from-invite`, twice (the second time it updates the note it made), on
    an invitation from tests/invites/ with a few of the damages above."""
    rng = random.Random(seed)
    source = rng.choice(sorted((Path(__file__).parent / "invites").iterdir()))
    data = bytearray(source.read_bytes())
    for _ in range(rng.randint(1, 5)):
        at = rng.randrange(len(data) + 1)
        if rng.random() < 0.6:
            data[at:at] = rng.choice(INVITE_FRAGMENTS)
        else:
            del data[at : at + rng.randint(1, 40)]
    invite = tmp_path / source.name
    invite.write_bytes(bytes(data))
    vault = tmp_path / "vault"
    (vault / ".interviewkit").mkdir(parents=True)
    (vault / ".interviewkit" / "config.yaml").write_text("timezone: Europe/Berlin\n")
    for args in (["new", "--from-invite", invite], ["new", "Acme", "--from-invite", invite]):
        result = run("--vault", vault, *args)
        assert result.exit_code in (0, 2, 5, 6), (result.exit_code, result.output[-2000:])
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
