"""An edit fuzzer: unusual but valid notes, and every `done` and `outcome` on them.

Each edit either changes only the lines of the key it records (or adds that key,
or ticks the one task line), leaving every other byte as it was, or refuses with
exit 7 and leaves the file byte-identical.

CI runs a bounded number of notes; the full run (4,200 notes, over 10,000 edits written or
refused; the rest are actions not open on that note):

    INTERVIEWKIT_FUZZ_NOTES=4200 python -m pytest tests/test_edit_fuzz.py
"""

from __future__ import annotations

import difflib
import os
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interviewkit.config import Settings
from interviewkit.errors import EditConflict
from interviewkit.notes.front_matter import split_front_matter
from interviewkit.notes.note import read_note
from interviewkit.notes.yamlscan import load_mapping
from interviewkit.rules.applications import Applications
from interviewkit.write.recording import record_done, record_outcome

NOTES = int(os.environ.get("INTERVIEWKIT_FUZZ_NOTES", "60"))
SETTINGS = Settings(timezone="Europe/Paris")
DAY = date(2026, 11, 28)

COMMENT = st.sampled_from(["", " # note", "  # a: b # c", "\t# tab"])
SEPARATOR = st.sampled_from(
    ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\r"]
)


@st.composite
def key_forms(draw, key: str, kind: str) -> str:
    """One way of writing `key` (without its line end); "" leaves it out."""
    comment = draw(COMMENT)
    name = draw(st.sampled_from([key, f'"{key}"', f"'{key}'", f"{key} "]))
    if kind == "list":
        form = draw(
            st.sampled_from(
                [
                    "", "null", "~", "[]", "[2026-11-21]", "[2026-11-21, 2026-11-22]",
                    "[2026-11-21,{c}\n  2026-11-22]", "[\n  2026-11-21\n]",
                    "\n  - 2026-11-21{c}", "\n- 2026-11-21\n- 2026-11-22",
                ]
            )
        )  # fmt: skip
        if form == "" and draw(st.booleans()):
            return ""
        value = form.replace("{c}", draw(COMMENT))
        if value.startswith("\n"):
            return f"{name}:{comment}{value}"
        return f"{name}: {value}{comment}".rstrip() if value else f"{name}:{comment}"
    value = draw(
        st.sampled_from(["", "null", "~", "2026-11-21", '"2026-11-21"', "'pending'", "pending"])
    )
    if value == "" and draw(st.booleans()):
        return ""
    return f"{name}: {value}{comment}" if value else f"{name}:{comment}"


@st.composite
def notes(draw) -> bytes:
    """A valid, unusual interview note, as bytes."""
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    lines = ["---"]
    if draw(st.booleans()):
        lines.append("# written by hand")
    lines += [
        "type: interview",
        "id: fz",
        "company: 'Fuzz & Co' # the parent",
        "start: 2026-11-20T10:00",
    ]
    extras = [
        key_forms("thank_you_sent", "scalar"),
        key_forms("followed_up", "list"),
        key_forms("outcome", "scalar"),
        key_forms("outcome_on", "scalar"),
        st.sampled_from(["", "next_steps: >\n  a folded\n  text", "base: &b {x: 1}\nother: [y]"]),
        st.sampled_from(["", "people: [Dana Whitfield]", "people:\n  - Dana Whitfield # met"]),
    ]
    for part in draw(st.permutations(extras)):
        text = draw(part)
        if text:
            lines += text.split("\n")
    lines.append(draw(st.sampled_from(["---", "...", "---  "])))
    separator = draw(SEPARATOR)
    lines += [
        "# Notes",
        f"A line with a{separator}separator inside it",
        draw(st.sampled_from(["", "- [ ] Send the deck 📅 2026-11-25", "* [ ] Call back"])),
        f"last{separator}",
    ]
    text = eol.join(lines)
    if draw(st.booleans()):
        text += eol
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text.encode("utf-8")


def key_spans(text: str, keys: set[str]) -> set[int]:
    """Indexes of the front matter lines that belong to `keys` (key line and continuation)."""
    lines = text.split("\n")
    spans: set[int] = set()
    inside = None
    for index, line in enumerate(lines[1:], start=1):
        bare = line.rstrip("\r").rstrip()
        if bare in ("---", "..."):
            break
        top = re.match(r"""^["']?([A-Za-z_]+)["']?[ \t]*:""", line)
        if top:
            inside = top.group(1) in keys
        elif line[:1] not in (" ", "\t", "-", "]", "") and not line.startswith("#"):
            inside = False
        if inside:
            spans.add(index)
    return spans


def assert_only(before: bytes, after: bytes, keys: set[str], task_line: int | None = None):
    """Only the lines of `keys` (or the task line) changed; the rest is byte-identical."""
    old, new = before.decode("utf-8"), after.decode("utf-8")
    allowed = key_spans(old, keys)
    if task_line is not None:
        allowed = {task_line - 1}
    old_lines, new_lines = old.split("\n"), new.split("\n")
    closing = next(
        i for i, line in enumerate(old_lines[1:], 1) if line.rstrip("\r").rstrip() in ("---", "...")
    )
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for op, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "insert":
            assert task_line is None and i1 <= closing, (op, i1, old, new)
            continue
        assert set(range(i1, i2)) <= allowed, (op, i1, i2, allowed, old, new)
    assert split_front_matter(old).body == split_front_matter(new).body or task_line


def values(data: bytes) -> dict:
    return load_mapping(split_front_matter(data.decode("utf-8")).yaml)[0]


EDITS = ("thank-you", "follow-up", "outcome", "task")


@settings(
    max_examples=NOTES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=notes())
def test_every_edit_changes_only_its_line_or_refuses(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("fuzz")
    for which in EDITS:
        edit_once(root, data, which)


def edit_once(root: Path, data: bytes, which: str) -> str:
    """Run one edit on a fresh copy of the note; say whether it wrote, refused or had
    nothing to do."""
    path = root / "fz.md"
    path.write_bytes(data)
    reading = read_note("fz.md", data, SETTINGS, True)
    assert reading.note is not None, (reading.problems, data)
    note = reading.note
    keys = {"thank-you": {"thank_you_sent"}, "follow-up": {"followed_up"}}.get(
        which, {"outcome", "outcome_on"}
    )
    task_line = None
    try:
        if which == "outcome":
            record_outcome(root, note, "offer", DAY)
        elif which == "task":
            task = next((t for t in note.tasks if t.is_open and t.due), None)
            if task is None:
                return "nothing"
            task_line = task.line
            record_done(root, SETTINGS, [note], f"fz:task:{task.key}", DAY)
        else:
            if which not in {a.kind for a in _open(note)}:
                return "nothing"
            record_done(root, SETTINGS, [note], f"fz:{which}", DAY)
    except EditConflict:
        assert path.read_bytes() == data
        return "refused"
    after = path.read_bytes()
    assert_only(data, after, keys, task_line)
    if task_line is None:
        changed = values(after)
        unchanged = {k: v for k, v in values(data).items() if k not in keys}
        assert {k: v for k, v in changed.items() if k not in keys} == unchanged
        if which == "thank-you":
            assert changed["thank_you_sent"] == DAY.isoformat()
        elif which == "follow-up":
            assert changed["followed_up"][-1] == DAY.isoformat()
        else:
            assert (changed["outcome"], changed["outcome_on"]) == ("offer", DAY.isoformat())
    return "written"


def _open(note):
    from interviewkit.rules.actions import note_actions

    return note_actions(note, Applications([note]), SETTINGS, None)


def test_the_fuzzer_reaches_every_form_and_mostly_writes(tmp_path_factory):
    """The strategy is not vacuous: it makes notes the reader accepts, with each form,
    and most edits on them are written, not refused."""
    if os.environ.get("MUTANT_UNDER_TEST"):  # set by mutmut (see tests/mutants/README.md)
        pytest.skip("measures the fuzzer, not the code; 12 s per mutant is more than it tells")
    seen = set()
    outcomes: dict[str, int] = {}

    @settings(max_examples=200, deadline=None, derandomize=True)  # a fixed draw: no flake
    @given(notes())
    def collect(data):
        text = data.decode("utf-8")
        seen.update(
            form
            for form in ("\ufeff", "\r\n", "...", "followed_up: [2026-11-21,", "&b", ">")
            if form in text
        )
        root = tmp_path_factory.mktemp("reach")
        for which in EDITS:
            result = edit_once(root, data, which)
            outcomes[result] = outcomes.get(result, 0) + 1

    collect()
    assert len(seen) == 6, seen
    assert outcomes.get("written", 0) > 3 * outcomes.get("refused", 0), outcomes
