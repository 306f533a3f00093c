"""The edit functions' own guarantees, called directly on texts: where a line goes,
what ending it takes, what quoting is kept, and what is refused with which words.

The commands reach these through `done`, `check --fix` and `new --from-invite`
(see test_record.py and test_record_safety.py); these tests pin the cases those
seldom meet, such as a last line without an ending or a list index past the end."""

from __future__ import annotations

import pytest

from interviewkit.errors import EditConflict
from interviewkit.write import edit

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
