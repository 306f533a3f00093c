"""The edit functions' own guarantees, called directly on texts: where a line goes,
what ending it takes, what quoting is kept, and what is refused with which words.

The commands reach these through `done`, `check --fix` and `new --from-invite`
(see test_record.py and test_record_safety.py); these tests pin the cases those
seldom meet, such as a last line without an ending or a list index past the end."""

from __future__ import annotations

import json

import pytest

from interviewkit.errors import EditConflict
from interviewkit.write import edit

from .conftest import note

FRONT = "---\nid: a\nfollowed_up: [2026-11-21, '2026-11-22']\ndecision_date: 2026-12-01\n---\n"


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        # the new line takes the ending of the line it goes before
        ("a\r\nb\nc", 2, "a\r\nnew\nb\nc"),
        # before a last line without an ending: the note's own ending
        ("a\r\nb", 2, "a\r\nnew\r\nb"),
        ("a\nb", 2, "a\nnew\nb"),
    ],
)
def test_insert_line_before_takes_the_right_ending(text, line, expected):
    assert edit.insert_line_before(text, line, "new") == expected


def test_set_item_replaces_a_quoted_item_whole_and_refuses_what_it_cannot_find():
    assert edit.set_item(FRONT, "followed_up", 1, "2026-11-22", "2026-11-23") == FRONT.replace(
        "'2026-11-22'", "2026-11-23"
    )
    with pytest.raises(EditConflict, match=r"^cannot find item 3 of 'followed_up'$"):
        edit.set_item(FRONT, "followed_up", 2, "x", "y")
    with pytest.raises(EditConflict, match=r"^cannot find item 1 of 'decision_date'$"):
        edit.set_item(FRONT, "decision_date", 0, "2026-12-01", "y")
    with pytest.raises(EditConflict, match=r"^cannot find where item 2 of 'followed_up' is "):
        edit.set_item(FRONT, "followed_up", 1, "2026-11-30", "y")


def test_rename_key_keeps_quotes_and_refuses_a_clash_or_a_missing_key():
    assert edit.rename_key(FRONT, "decision_date", "decision_by") == FRONT.replace(
        "decision_date", "decision_by"
    )
    quoted = FRONT.replace("decision_date:", '"decision_date":')
    assert edit.rename_key(quoted, "decision_date", "decision_by") == FRONT.replace(
        "decision_date:", '"decision_by":'
    )
    with pytest.raises(EditConflict, match=r"^cannot rename 'nope' to 'x' here$"):
        edit.rename_key(FRONT, "nope", "x")
    with pytest.raises(EditConflict, match=r"^cannot rename 'id' to 'decision_date' here$"):
        edit.rename_key(FRONT, "id", "decision_date")


def test_check_fix_goes_on_past_a_note_it_leaves_and_reports_every_fix(vault, write, run):
    # a.md: both spellings, so nothing to rename; b.md: a tagged typed date, which
    # is left for the user; c.md and d.md: one fix each, both reported.
    write("interviews/a.md", note(id="a", thankyou_sent="2026-11-20", thank_you_sent="2026-11-20"))
    write("interviews/b.md", note("Globex", id="b", follow_up_on="!!str 9.12.2026"))
    c = write("interviews/c.md", note("Initech", id="c", thankyou_sent="2026-11-21"))
    d = write("interviews/d.md", note("Umbrella", id="d", follow_up_on="10.12.2026"))
    result = run("--vault", vault, "check", "--fix")
    assert "interviews/b.md: left as it is: follow_up_on has an anchor or a tag" in result.stderr
    assert "interviews/c.md:6: renamed thankyou_sent to thank_you_sent" in result.stderr
    assert "interviews/d.md:6: follow_up_on: '10.12.2026' -> 2026-12-10" in result.stderr
    assert "thank_you_sent: 2026-11-21\n" in c.read_text()
    assert "follow_up_on: 2026-12-10\n" in d.read_text()


def test_a_fix_that_would_change_more_than_it_means_to_is_refused(vault, write):
    from interviewkit.write.repairs import _fix_notes

    path = write("interviews/a.md", note(id="a", decision_date="2026-12-01"))
    before = path.read_bytes()

    def careless(text, values, lines):  # renames the key, and touches the body too
        after = edit.rename_key(text, "decision_date", "decision_by") + "oops\n"
        expected = {**values, "decision_by": values["decision_date"]}
        del expected["decision_date"]
        return after, expected, [(lines["decision_date"], "renamed")]

    said = _fix_notes(vault, ["interviews/a.md"], careless)
    assert said == ["interviews/a.md: left as it is: the fix would change more than it means to"]
    assert path.read_bytes() == before


FLOW = "---\nid: a\nfollowed_up: [2026-11-21,\n{}\nouter: 1\n---\n"


@pytest.mark.parametrize(
    ("closing", "after"),
    [
        ("  2026-11-22]  # two", "  2026-11-22, 2026-11-28]  # two"),
        ("  2026-11-22] # see #3", "  2026-11-22, 2026-11-28] # see #3"),  # the first # starts it
        ("  2026-11-22 \t]", "  2026-11-22, 2026-11-28]"),  # blanks before ] go, indent stays
        ("]", ", 2026-11-28]"),  # a ] alone on its line
        ('  "x]y", 2026-11-22]', '  "x]y", 2026-11-22, 2026-11-28]'),  # the last ] closes
    ],
)
def test_an_item_added_to_a_flow_list_over_several_lines_goes_before_its_bracket(closing, after):
    text = FLOW.format(closing)
    assert edit.append_to_list(text, "followed_up", "2026-11-28") == text.replace(closing, after)


def test_a_flow_list_whose_end_cannot_be_told_apart_is_refused():
    # a # inside quotes on the closing line: where the comment starts is not certain
    text = FLOW.format('  "a#b", 2026-11-22] # c')
    with pytest.raises(
        EditConflict,
        match=r"^cannot find where the list 'followed_up' ends; add 2026-11-28 to it by hand$",
    ):
        edit.append_to_list(text, "followed_up", "2026-11-28")


def test_outcome_puts_its_date_and_deadline_right_after_it(vault, write, run):
    path = write(
        "interviews/a.md",
        "---\ntype: interview\nid: a\ncompany: Acme\nstart: 2026-11-20T10:00\n"
        "outcome: pending\ntags: [interview]\n---\n# Notes\n",
    )
    result = run(
        "--vault", vault, "outcome", "a", "offer", "--deadline", "2026-12-07", "--on", "2026-11-30"
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert path.read_text() == (
        "---\ntype: interview\nid: a\ncompany: Acme\nstart: 2026-11-20T10:00\n"
        "outcome: offer\noutcome_on: 2026-11-30\noffer_deadline: 2026-12-07\n"
        "tags: [interview]\n---\n# Notes\n"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an empty flow list over two lines: no separator before the first item
        (
            "---\nid: a\nfollowed_up: [\n  ]\nouter: 1\n---\n",
            "---\nid: a\nfollowed_up: [\n2026-11-28]\nouter: 1\n---\n",
        ),
        # a new list takes the item prefix of the note's first block list
        (
            "---\nid: a\ntags: [x]\npeople:\n    - Dana\n---\n",
            "---\nid: a\ntags: [x]\npeople:\n    - Dana\nfollowed_up:\n    - 2026-11-28\n---\n",
        ),
        (
            "---\nid: a\ntags: [x]\n---\n",
            "---\nid: a\ntags: [x]\nfollowed_up:\n  - 2026-11-28\n---\n",
        ),
        # an empty value becomes a flow list on its line, comment and CRLF kept
        (
            "---\r\nid: a\r\nfollowed_up: ~ # none\r\n---\r\n",
            "---\r\nid: a\r\nfollowed_up: [2026-11-28] # none\r\n---\r\n",
        ),
    ],
)
def test_append_to_list_in_each_shape(text, expected):
    assert edit.append_to_list(text, "followed_up", "2026-11-28") == expected


@pytest.mark.parametrize(
    ("line", "items", "expected"),
    [
        ("followed_up: 2026-11-21 # mail", ["2026-11-21"], "followed_up: [2026-11-21, 2026-11-28] # mail"),
        ("followed_up: 2026-11-21; 2026-11-24", ["2026-11-21", "2026-11-24"], "followed_up: [2026-11-21, 2026-11-24, 2026-11-28]"),
        # an item that is not plain inside brackets is quoted, so it stays one item
        ("followed_up: Nov 21, 2026", ["Nov 21, 2026"], 'followed_up: ["Nov 21, 2026", 2026-11-28]'),
    ],
)  # fmt: skip
def test_one_value_on_its_line_becomes_a_list_of_the_items_read_there(line, items, expected):
    text = f"---\r\nid: a\r\n{line}\r\n---\r\n"
    changed = edit.append_to_list(text, "followed_up", "2026-11-28", items)
    assert changed == f"---\r\nid: a\r\n{expected}\r\n---\r\n"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "---\nid: a\nfollowed_up: 2026-11-21\n---\n",
            "followed_up is not a list; make it one (like [2026-11-27]) and try again",
        ),
        (
            "---\nid: a\nfollowed_up:\n  null\nouter: 1\n---\n",
            "followed_up is written over several lines; make it a list and try again",
        ),
        (
            "---\nid: a\nfollowed_up: &days [2026-11-21]\n---\n",
            "followed_up has an anchor or a tag (&days [2026-11-21]); edit it by hand",
        ),
    ],
)
def test_append_to_list_refuses_what_it_cannot_extend_saying_why(text, said):
    with pytest.raises(EditConflict) as caught:
        edit.append_to_list(text, "followed_up", "2026-11-28")
    assert str(caught.value) == said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quoted value holding " # ", with a doubled quote or an escaped one: only the
        # comment after the closing quote stays
        (
            "---\noutcome:   'it''s # fine'  # c\n---\n",
            "---\noutcome: offer  # c\n---\n",
        ),
        ('---\noutcome: "a \\" # b" # c\n---\n', "---\noutcome: offer # c\n---\n"),
        # a value over two lines: the comment and blank line after it are not its own
        (
            "---\noutcome:\n  pending\n# about it\n\nnext: 1\n---\n",
            "---\noutcome: offer\n# about it\n\nnext: 1\n---\n",
        ),
        # closing lines with trailing blanks, or `...`, after a BOM and CRLF
        ("---\nid: a\n---   \nbody\n", "---\nid: a\noutcome: offer\n---   \nbody\n"),
        (
            "\ufeff---  \r\nid: a\r\n...\r\nbody\r\n",
            "\ufeff---  \r\nid: a\r\noutcome: offer\r\n...\r\nbody\r\n",
        ),
        ("---\n---\nbody\n", "---\noutcome: offer\n---\nbody\n"),  # empty front matter
    ],
)
def test_set_key_finds_the_value_and_the_front_matter_as_written(text, expected):
    assert edit.set_key(text, "outcome", "offer") == expected


def test_a_line_separator_inside_the_front_matter_is_refused_with_its_line():
    with pytest.raises(EditConflict) as caught:
        edit.set_key("---\nid: a\nrole: x\u2028y\n---\n", "outcome", "offer")
    assert str(caught.value) == (
        "line 3 of the front matter holds a line separator other than a newline; "
        "remove it, then try again"
    )


@pytest.mark.parametrize(
    "keys", [("followedup", "folowed_up"), ("folowed_up", "followedup")], ids=["a", "b"]
)
def test_the_first_misspelling_by_line_is_named_when_done_would_add_its_key(
    vault, write, run, keys
):
    first, second = keys
    path = write(
        "interviews/a.md",
        "---\ntype: interview\nid: a\ncompany: Acme\nstart: 2026-11-20T10:00\n"
        f"{first}: [2026-11-21]\n{second}: [2026-11-22]\n---\n",
    )
    before = path.read_bytes()
    result = run("--vault", vault, "done", "a:follow-up", "--on", "2026-11-28")
    assert result.exit_code == 7
    assert (
        f"interviews/a.md:6: {first!r} looks like a misspelling of followed_up; rename it to "
        "followed_up, then try again (nothing written)"
    ) in result.stderr
    assert path.read_bytes() == before


CLOSED = (
    "---\ntype: interview\nid: b\ncompany: Beta\nstart: 2026-11-20T10:00\noutcome: rejected\n"
    "outcome_on: 2026-11-21\nthank_you_sent: 2026-11-20\npeople: [Dana]\n---\n"
    "## Important points\nx\n## Questions asked\ny\n## Fit\nz\n## Answers to improve\nw\n"
)


def test_done_on_a_closed_action_lists_only_what_can_be_recorded(vault, write, run):
    write("interviews/b.md", CLOSED)
    nothing = run("--vault", vault, "done", "b:follow-up")
    assert nothing.exit_code == 4
    assert "b:follow-up: not open in interviews/b.md (open there: nothing to record)" in (
        nothing.stderr
    )
    write("interviews/b.md", CLOSED + "- [ ] Call back 🔁 every week 📅 2026-11-21\n")
    one = run("--vault", vault, "done", "b:follow-up")
    assert "(open there: b:task:" in one.stderr


def test_a_recurring_task_done_names_both_lines(vault, write, run):
    path = write("interviews/b.md", CLOSED + "- [ ] Call back 🔁 every week 📅 2026-11-21\n")
    (key,) = [
        a["id"]
        for a in json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)[
            "actions"
        ]
    ]
    result = run("--vault", vault, "done", key, "--on", "2026-11-28")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == (
        "interviews/b.md:20: task done on 2026-11-28; the next one is on line 19: "
        "- [ ] Call back 🔁 every week 📅 2026-11-28"
    )
    assert path.read_text().endswith(
        "- [ ] Call back 🔁 every week 📅 2026-11-28\n"
        "- [x] Call back 🔁 every week 📅 2026-11-21 ✅ 2026-11-28\n"
    )


@pytest.mark.parametrize(
    ("rest", "value", "comment"),
    [
        (" plain # c", " plain", " # c"),
        (" a#b # c", " a#b", " # c"),  # a # inside a plain value does not start one
        (' "x" # c', ' "x"', " # c"),
        ('   "x"  # two', '   "x"', "  # two"),  # the lead and the blanks kept as written
        (' "x"', ' "x"', ""),
        (' ""  # empty', ' ""', "  # empty"),
        (' "a # b"', ' "a # b"', ""),  # a # inside quotes is text
        (' "\\"" # c', ' "\\""', " # c"),  # an escaped quote does not close
        (' "a\\\\" # c', ' "a\\\\"', " # c"),  # an escaped backslash does not escape the quote
        (" '''' # c", " ''''", " # c"),  # a doubled single quote is one quote
        (" 'It''s' # c", " 'It''s'", " # c"),
        (' "open # c', ' "open # c', ""),  # never closed: all of it is the value
    ],
)
def test_split_comment_cuts_a_trailing_comment_off_plain_and_quoted_values(rest, value, comment):
    assert edit._split_comment(rest) == (value, comment)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("  2026-11-22]  # two\n", ("  2026-11-22", "  # two\n")),
        ("  2026-11-22 \t]\n", ("  2026-11-22", "\n")),  # blanks before ] go
        ("  2026-11-22]", ("  2026-11-22", "")),  # a last line without its ending
        ("  maX]\n", ("  maX", "\n")),  # only blanks are trimmed
        ("  a\u3000]\n", ("  a\u3000", "\n")),  # an ideographic space is text to YAML
        ("# a comment ]\n", None),  # the ] is inside a comment
        ("  a]x\n", None),  # something after the ]
        ("  a] b\n", None),
        ("  a\n", None),  # no ] at all
    ],
)
def test_flow_end_finds_the_closing_bracket_or_says_it_cannot(line, expected):
    assert edit._flow_end(line) == expected


@pytest.mark.parametrize(
    ("text", "after", "expected"),
    [
        # a comment line right after a one-line value is not part of it
        (
            "---\noutcome: pending\n# about it\nnext: 1\n---\n",
            None,
            "---\noutcome: offer\n# about it\nnext: 1\n---\n",
        ),
        # a new key goes after the one named, or last when that one is missing
        (
            "---\nid: a\noutcome_on: x\n---\n",
            "id",
            "---\nid: a\noutcome: offer\noutcome_on: x\n---\n",
        ),
        ("---\nid: a\n---\n", "missing", "---\nid: a\noutcome: offer\n---\n"),
    ],
)
def test_set_key_leaves_a_following_comment_and_places_a_new_key(text, after, expected):
    assert edit.set_key(text, "outcome", "offer", after=after) == expected


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("", "the note has no front matter to edit"),
        ("# title\n---\nid: a\n---\n", "the note has no front matter to edit"),
        ("---\nid: a\n", "the note's front matter is never closed"),
        ("---\n- a\n- b\n---\n", "the front matter is not a mapping of keys to values"),
        ("---\n? outcome\n: pending\n---\n", "cannot find where 'outcome' is written"),
    ],
)
def test_a_note_without_front_matter_to_edit_is_refused(text, said):
    with pytest.raises(EditConflict) as caught:
        edit.set_key(text, "outcome", "offer")
    assert str(caught.value) == said


def test_a_key_not_on_a_line_of_its_own_is_refused_by_every_edit():
    text = "---\nid: a\n? folowed_up\n: [2026-11-21]\n---\n"
    with pytest.raises(EditConflict) as caught:
        edit.rename_key(text, "folowed_up", "followed_up")
    assert str(caught.value) == "cannot find where 'folowed_up' is written"
    with pytest.raises(EditConflict) as caught:
        edit.append_to_list(text.replace("folowed_up", "followed_up"), "followed_up", "2026-11-28")
    assert str(caught.value) == "cannot find where 'followed_up' is written"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the list's line keeps its own ending when the note mixes them
        (
            "---\nid: a\nfollowed_up: [2026-11-21]\r\n---\n",
            "---\nid: a\nfollowed_up: [2026-11-21, 2026-11-28]\r\n---\n",
        ),
        # blanks inside a one-line flow list are tidied on the line that changes
        (
            "---\nid: a\nfollowed_up: [ 2026-11-21 ]\n---\n",
            "---\nid: a\nfollowed_up: [2026-11-21, 2026-11-28]\n---\n",
        ),
        # an item whose value sits under its dash: the new item takes the usual dash
        (
            "---\nid: a\nfollowed_up:\n  -\n    2026-11-21\n---\n",
            "---\nid: a\nfollowed_up:\n  -\n    2026-11-21\n  - 2026-11-28\n---\n",
        ),
    ],
)
def test_append_to_list_in_less_usual_shapes(text, expected):
    assert edit.append_to_list(text, "followed_up", "2026-11-28") == expected


def test_set_item_finds_an_item_after_a_tab():
    text = "---\nid: a\nfollowed_up: [2026-11-21,\t'2026-11-22']\n---\n"
    assert edit.set_item(text, "followed_up", 1, "2026-11-22", "2026-11-23") == (
        "---\nid: a\nfollowed_up: [2026-11-21,\t2026-11-23]\n---\n"
    )


def _stale_note(vault, write):
    from interviewkit.config import load_settings
    from interviewkit.vault.reader import VaultReader

    path = write("interviews/a.md", note(id="a", thank_you_sent="null"))
    (read,) = VaultReader(vault, load_settings(vault), use_cache=False).scan().notes
    return path, read


def test_an_edit_that_adds_a_key_it_was_not_asked_to_is_refused(vault, write):
    from interviewkit.write.recording import _apply

    path, read = _stale_note(vault, write)
    before = path.read_bytes()

    def careless(text: str) -> str:  # sets the key it should, and adds another
        return edit.set_key(edit.set_key(text, "thank_you_sent", "2026-11-21"), "oops", "1")

    with pytest.raises(EditConflict) as caught:
        _apply(vault, read, careless, {"thank_you_sent"})
    assert str(caught.value) == "interviews/a.md: the edit would change ['oops']; nothing written"
    assert path.read_bytes() == before


def test_an_edit_whose_value_reads_back_as_something_else_is_refused(vault, write):
    from interviewkit.write.recording import _apply

    path, read = _stale_note(vault, write)
    before = path.read_bytes()

    def quoted(text: str) -> str:  # a string where a date was meant
        return edit.set_key(text, "thank_you_sent", "'21 Nov'")

    with pytest.raises(EditConflict) as caught:
        _apply(
            vault, read, quoted, {"thank_you_sent"}, lambda old: {"thank_you_sent": "2026-11-21"}
        )
    assert str(caught.value) == (
        "interviews/a.md:6: thank_you_sent is written in a form this edit cannot change "
        "safely; change it by hand (nothing written)"
    )
    assert path.read_bytes() == before
