"""Issue 3: `done` and `outcome` change exactly one line (or add one key) and nothing else."""

from __future__ import annotations

import difflib
import json
import os
import re
import stat

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interviewkit.errors import EditConflict
from interviewkit.write import edit

from .conftest import note

HAND_WRITTEN = (
    "\ufeff---\r\n"
    "# written by hand\r\n"
    "type: interview\r\n"
    "id: globex-tech\r\n"
    "company: 'Globex'   # parent: Globex Holdings\r\n"
    'start: "2026-11-13T15:00"\r\n'
    "people: [Hank <hank@globex.example>]\r\n"
    "followed_up: []  # none yet\r\n"
    "outcome: pending # waiting\r\n"
    "custom: {a: 1}\r\n"
    "---\r\n"
    "## Notes\r\n"
    "- [ ] Send the portfolio link 📅 2026-11-20\r\n"
    "- [ ] Ask about the budget [due:: 2026-11-21]\r\n"
    "No final newline"
)


def changed_lines(before: bytes, after: bytes) -> list[str]:
    diff = difflib.ndiff(before.decode().splitlines(True), after.decode().splitlines(True))
    return [line for line in diff if line[:1] in "+-"]


@pytest.fixture
def hand(write, vault):
    path = write("interviews/globex.md", HAND_WRITTEN)
    os.chmod(path, 0o640)
    return path


def test_done_follow_up_on_flow_list_changes_that_line_only(hand, run, vault):
    before = hand.read_bytes()
    result = run("--vault", vault, "done", "globex-tech:follow-up", "--on", "2026-11-26")
    assert result.exit_code == 0, result.output
    after = hand.read_bytes()
    assert changed_lines(before, after) == [
        "- followed_up: []  # none yet\r\n",
        "+ followed_up: [2026-11-26]  # none yet\r\n",
    ]
    assert after.startswith(b"\xef\xbb\xbf---\r\n") and after.endswith(b"No final newline")
    assert stat.S_IMODE(hand.stat().st_mode) == 0o640


def test_a_second_follow_up_the_same_day_is_not_recorded(hand, run, vault):
    first = run("--vault", vault, "done", "globex-tech:follow-up", "--on", "2026-11-26")
    assert first.exit_code == 0, first.output
    recorded = hand.read_bytes()
    # `done` run again (the next follow-up is now open): refused, the note unchanged
    again = run("--vault", vault, "done", "globex-tech:follow-up", "--on", "2026-11-26")
    assert again.exit_code == 1 and hand.read_bytes() == recorded
    assert (
        "a follow-up on 2026-11-26 is recorded in interviews/globex.md already; a second the "
        "same day is not recorded" in again.stderr
    )
    later = run("--vault", vault, "done", "globex-tech:follow-up", "--on", "2026-12-03")
    assert later.exit_code == 0, later.output


def test_a_follow_up_recorded_before_its_day_says_so(vault, write, run):
    """Recorded as asked; the note on stderr says it was early, and from when the
    next one counts. On its day or later, nothing is said."""
    write("interviews/a.md", note(id="a", follow_up_on="2026-11-24"))
    early = run("--vault", vault, "done", "a:follow-up", "--on", "2026-11-22")
    assert early.exit_code == 0, early.output
    assert early.stdout == "interviews/a.md: followed_up += 2026-11-22\n"
    assert early.stderr == (
        "note: the day to follow up was Tuesday 2026-11-24, after 2026-11-22; what comes "
        "next, if there is still no answer, counts from 2026-11-22\n"
    )
    on_time = run("--vault", vault, "done", "a:follow-up", "--on", "2026-11-30")
    assert on_time.exit_code == 0 and on_time.stderr == "", on_time.output
    write("interviews/b.md", note("Bolt", id="b", follow_up_on="2026-11-24"))
    assert run("--vault", vault, "done", "b:thank-you", "--on", "2026-11-20").stderr == ""


def test_a_follow_up_written_twice_counts_once(vault, write, run):
    write("interviews/a.md", note(id="a", company="Acme", followed_up="[2026-11-27, 2026-11-27]"))
    write("interviews/b.md", note(id="b", company="Bolt", followed_up="[2026-11-27]"))
    listed = json.loads(
        run("--vault", vault, "due", "--all", "--today", "2026-11-30", "--format", "json").stdout
    )
    follow_ups = {
        a["note_id"]: (a["kind"], a["due"], a["summary"])
        for a in listed["actions"]
        if a["kind"] in ("follow-up", "close")
    }
    assert follow_ups["a"] == ("follow-up", "2026-12-04", "Follow up again with Acme")
    assert follow_ups["a"][:2] == follow_ups["b"][:2]
    checked = run("--vault", vault, "check")
    assert (
        "a.md:6: warning: followed_up: 2026-11-27 is written twice; counted once (delete one)"
        in checked.stdout
    )


def test_done_thank_you_adds_key_before_closing_line(hand, run, vault):
    before = hand.read_bytes()
    assert (
        run("--vault", vault, "done", "globex-tech:thank-you", "--on", "2026-11-14").exit_code == 0
    )
    assert changed_lines(before, hand.read_bytes()) == ["+ thank_you_sent: 2026-11-14\r\n"]
    assert b"custom: {a: 1}\r\nthank_you_sent: 2026-11-14\r\n---\r\n" in hand.read_bytes()


@pytest.mark.parametrize(
    ("task_id_part", "old", "new"),
    [
        (
            "Send the portfolio",
            "- [ ] Send the portfolio link 📅 2026-11-20",
            "- [x] Send the portfolio link 📅 2026-11-20 ✅ 2026-11-26",
        ),
        (
            "Ask about",
            "- [ ] Ask about the budget [due:: 2026-11-21]",
            "- [x] Ask about the budget [due:: 2026-11-21]  [completion:: 2026-11-26]",
        ),
    ],
)
def test_done_task_ticks_in_its_own_format(hand, run, vault, task_id_part, old, new):
    import json

    listing = json.loads(
        run("--vault", vault, "due", "--all", "--format", "json", "--today", "2026-11-13").stdout
    )
    task_id = next(a["id"] for a in listing["actions"] if a["summary"].startswith(task_id_part))
    before = hand.read_bytes()
    assert run("--vault", vault, "done", task_id, "--on", "2026-11-26").exit_code == 0
    assert changed_lines(before, hand.read_bytes()) == [f"- {old}\r\n", f"+ {new}\r\n"]
    again = run("--vault", vault, "done", task_id)
    assert again.exit_code == 4


def test_outcome_sets_value_keeps_comment_and_adds_outcome_on_next_to_it(hand, run, vault):
    before = hand.read_bytes()
    result = run(
        "--vault", vault, "outcome", "interviews/globex.md", "rejected", "--on", "2026-11-30"
    )
    assert result.exit_code == 0, result.output
    assert changed_lines(before, hand.read_bytes()) == [
        "- outcome: pending # waiting\r\n",
        "+ outcome: rejected # waiting\r\n",
        "+ outcome_on: 2026-11-30\r\n",
    ]


def test_outcome_over_a_quoted_hash_keeps_only_the_real_comment(vault, write, run):
    path = write(
        "interviews/a.md",
        note(id="a", outcome='"pending # ask HR" # from the call', outcome_on="2026-11-25"),
    )
    before = path.read_bytes()
    result = run("--vault", vault, "outcome", "interviews/a.md", "offer", "--on", "2026-11-30")
    assert result.exit_code == 0, result.output
    assert changed_lines(before, path.read_bytes()) == [
        '- outcome: "pending # ask HR" # from the call\n',
        "+ outcome: offer # from the call\n",
        "- outcome_on: 2026-11-25\n",
        "+ outcome_on: 2026-11-30\n",
    ]


def test_done_on_block_list_adds_an_item_line(vault, write, run):
    path = write(
        "interviews/a.md",
        note(id="a", followed_up="\n    - 2026-11-21  # first", outcome="pending"),
    )
    before = path.read_bytes()
    assert run("--vault", vault, "done", "a:follow-up", "--on", "2026-11-28").exit_code == 0
    assert changed_lines(before, path.read_bytes()) == ["+     - 2026-11-28\n"]


def test_done_on_a_crlf_block_list_adds_a_crlf_item_line(vault, write, run):
    text = note(id="a", followed_up="\n    - 2026-11-21", outcome="pending").replace("\n", "\r\n")
    path = write("interviews/a.md", text)
    before = path.read_bytes()
    assert run("--vault", vault, "done", "a:follow-up", "--on", "2026-11-28").exit_code == 0
    assert changed_lines(before, path.read_bytes()) == ["+     - 2026-11-28\r\n"]
    assert b"\n" not in path.read_bytes().replace(b"\r\n", b"")  # no lone LF anywhere


def test_done_for_notes_to_write_explains_and_writes_nothing(vault, write, run):
    path = write("interviews/a.md", note(id="a"))
    before = path.read_bytes()
    for kind in ("people", "debrief", "reflect", "prepare"):
        result = run("--vault", vault, "done", f"a:{kind}")
        assert result.exit_code == 1
        assert "interviews/a.md" in result.stderr
    assert path.read_bytes() == before


def test_done_unknown_or_shared_id_is_an_error_naming_what_it_found(vault, write, run):
    write("interviews/a.md", note(id="same"))
    write("interviews/b.md", note(id="same", company="Other"))
    shared = run("--vault", vault, "done", "same:thank-you")
    assert shared.exit_code == 5
    assert "interviews/a.md" in shared.stderr and "interviews/b.md" in shared.stderr
    missing = run("--vault", vault, "done", "nobody:thank-you")
    assert missing.exit_code == 4 and "nobody" in missing.stderr


def test_outcome_rejects_unknown_value_and_unknown_note(vault, write, run):
    write("interviews/a.md", note(id="a"))
    assert run("--vault", vault, "outcome", "a", "hired").exit_code == 2
    assert run("--vault", vault, "outcome", "zzz", "offer").exit_code == 4


def test_edit_aborts_when_the_file_changed_on_disk(tmp_path):
    path = tmp_path / "n.md"
    path.write_bytes(b"---\na: 1\n---\n")
    with pytest.raises(EditConflict) as caught:
        edit.write_atomically(path, b"something else", b"new")
    assert (
        str(caught.value) == f"{path}: changed on disk while it was being edited; nothing written"
    )
    assert path.read_bytes() == b"---\na: 1\n---\n"
    assert [p.name for p in tmp_path.iterdir()] == ["n.md"]


# Arbitrary valid notes: user keys with comments and odd values, any line ending, BOM or not.
user_key = st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True).filter(
    lambda k: (
        k
        not in (
            "type",
            "id",
            "company",
            "start",
            "outcome",
            "outcome_on",
            "thank_you_sent",
            "followed_up",
        )
    )
)
user_value = st.sampled_from(
    ["x", "'quoted: yes'", '"0123"', "no", "[a, b]", "2026-01-02", "~", "'#not a comment'"]
)
comment = st.sampled_from(["", "  # note", " #x"])


@st.composite
def notes(draw):
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    bom = draw(st.sampled_from(["", "\ufeff"]))
    extra = draw(st.dictionaries(user_key, st.tuples(user_value, comment), max_size=4))
    lines = ["---", "type: interview", "id: n1", "company: Acme", "start: 2026-11-20T10:00"]
    if draw(st.booleans()):
        lines.append("outcome: pending" + draw(comment))
    style = draw(st.sampled_from(["none", "flow", "block", "empty"]))
    if style == "flow":
        lines.append("followed_up: [2026-11-21]" + draw(comment))
    elif style == "block":
        lines += ["followed_up:", "  - 2026-11-21"]
    elif style == "empty":
        lines.append("followed_up:")
    lines += [f"{k}: {v}{c}" for k, (v, c) in extra.items()]
    lines += [
        "---",
        "",
        draw(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)),
    ]
    final = draw(st.sampled_from(["", eol]))
    return bom + eol.join(lines) + final


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=notes(), which=st.sampled_from(["thank-you", "follow-up", "outcome"]))
def test_edits_keep_every_other_byte(tmp_path_factory, text, which):
    from click.testing import CliRunner

    from interviewkit.cli import main

    root = tmp_path_factory.mktemp("v")
    (root / ".interviewkit").mkdir()
    (root / ".interviewkit" / "config.yaml").write_text("timezone: UTC\n")
    (root / "interviews").mkdir()
    path = root / "interviews" / "n.md"
    path.write_bytes(text.encode())
    before = path.read_bytes()
    if which == "outcome":
        args = ["outcome", "n1", "offer", "--on", "2026-11-30"]
    else:
        args = ["done", f"n1:{which}", "--on", "2026-11-30"]
    result = CliRunner().invoke(main, ["--vault", str(root), *args])
    assert result.exit_code == 0, result.output
    after = path.read_bytes()
    removed = [line for line in changed_lines(before, after) if line.startswith("-")]
    added = [line for line in changed_lines(before, after) if line.startswith("+")]
    key = {"thank-you": "thank_you_sent", "follow-up": "followed_up", "outcome": "outcome"}[which]
    assert all(line[2:].lstrip("\ufeff").startswith(key) for line in removed)
    assert 1 <= len(added) <= 2
    assert after.startswith(b"\xef\xbb\xbf") == before.startswith(b"\xef\xbb\xbf")
    assert after.endswith(b"\n") == before.endswith(b"\n")
    assert after.count(b"\r\n") >= before.count(b"\r\n")
    assert b"2026-11-30" in after
    # every added line: the intended text, and the note's own line ending
    eol = "\r\n" if b"\r\n" in before else "\n"
    expected = {
        "thank-you": [r"thank_you_sent: 2026-11-30"],
        "follow-up": [r"followed_up: \[(.+, )?2026-11-30\]", r"followed_up:", r" *- 2026-11-30"],
        "outcome": [r"outcome: offer", r"outcome_on: 2026-11-30"],
    }[which]
    for line in added:
        text = line[2:]
        assert text.endswith(eol) and not text[: -len(eol)].endswith("\r"), repr(line)
        body = text[: -len(eol)].lstrip("\ufeff")
        assert any(re.fullmatch(rf"{form}( +#.*)?", body) for form in expected), repr(line)


@pytest.mark.parametrize(
    ("action", "said"),
    [
        ("a:b:thank-you", "a:b:thank-you: no interview note has the id 'a:b'"),
        ("a:task:b:task:c", "a:task:b:task:c: no interview note has the id 'a:task:b'"),
    ],
)
def test_done_reads_the_kind_from_the_last_colon_and_names_the_id_it_looked_for(
    vault, write, run, action, said
):
    write("interviews/a.md", note(id="a"))
    result = run("--vault", vault, "done", action)
    assert result.exit_code == 4, result.output
    assert said in result.stderr


def test_a_task_repeating_when_done_counts_from_the_day_given(vault, write, run):
    path = write(
        "interviews/a.md",
        note(id="a") + "- [ ] Call back 🔁 every week when done 📅 2026-11-20\n",
    )
    (task,) = [
        a["id"]
        for a in json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)[
            "actions"
        ]
        if a["kind"] == "task"
    ]
    done = run("--vault", vault, "done", task, "--on", "2026-11-25")
    assert done.exit_code == 0, done.output
    assert path.read_text().endswith(
        "- [ ] Call back 🔁 every week when done 📅 2026-12-02\n"
        "- [x] Call back 🔁 every week when done 📅 2026-11-20 ✅ 2026-11-25\n"
    )


def test_check_fix_passes_over_an_unreadable_note_and_leaves_right_ones_untouched(
    vault, write, run
):
    (vault / "interviews").mkdir(exist_ok=True)
    # not UTF-8, nor Windows-1252, which has no character at 0x81
    (vault / "interviews" / "a.md").write_bytes(b"---\ncompany: \x81\n---\n")
    right = write("interviews/b.md", note(id="b", thank_you_sent="2026-11-21"))
    typed = write(
        "interviews/c.md", note(id="c", thank_you_sent="3/12/2026", followed_up="[4/12/2026]")
    )
    config = vault / ".interviewkit" / "config.yaml"
    config.write_text(config.read_text() + "date_order: dmy\n")
    untouched = right.stat()
    fixed = run("--vault", vault, "check", "--fix")
    assert "interviews/c.md:6: thank_you_sent: '3/12/2026' -> 2026-12-03" in fixed.stderr
    assert "thank_you_sent: 2026-12-03\nfollowed_up: [2026-12-04]\n" in typed.read_text()
    assert (right.stat().st_ino, right.stat().st_mtime_ns) == (
        untouched.st_ino,
        untouched.st_mtime_ns,
    )
    assert "interviews/a.md" in fixed.stdout  # `check` still says why it cannot be read
