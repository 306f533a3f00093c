"""The line reader for simple front matter (`yamlscan.simple_mapping`) must give
exactly what libyaml gives, whenever it answers at all; in doubt it must step aside."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from interviewkit.notes.yamlscan import (
    YamlFailure,
    libyaml_mapping,
    load_mapping_and_repeats,
    simple_mapping,
)

# Bits that are harmless, and bits that mean something to YAML somewhere.
PIECES = [
    "a", "Kim Lee", "2026-11-27", "2026-11-27T10:00", "true", "False", "null", "~", "yes",
    "no", "0123", "C#", "a:b", "é", "ü", " ", "  ", ":", ": ", " #", "#", "'", "''", '"',
    "\\", "[", "]", ",", ", ", "{", "}", "-", "- ", "&a", "*a", "!", "!!str", "|", ">", "%",
    "@", "`", "?", "...", "---", "<<", "\t", "\u2028", "\x85", "\ufeff", "\x7f", "\r",
]  # fmt: skip
KEYS = ["type", "company", "a", "b-c", "_x", "true", "null", "on", "a b", "Ä", "k" * 300]

value = st.lists(st.sampled_from(PIECES), max_size=5).map("".join)
key_line = st.builds(
    lambda key, colon, text: f"{key}{colon}{text}",
    st.sampled_from(KEYS),
    st.sampled_from([":", " :", ": ", ":  ", "::"]),
    value,
)
item_line = st.builds(
    lambda indent, dash, text: f"{' ' * indent}{dash}{text}",
    st.integers(0, 3),
    st.sampled_from(["- ", "-", "-  "]),
    value,
)
other_line = st.sampled_from(["", "  ", "# a comment", "  # indented comment", "  more", "x"])
front_matter = st.lists(st.one_of(key_line, item_line, other_line), max_size=8).map("\n".join)


def _libyaml(text: str):
    try:
        return libyaml_mapping(text)
    except YamlFailure as failure:
        return failure


@settings(max_examples=2000)
@given(front_matter)
@example("type: interview\nid: a-1\ncompany: Acme\nstart: 2026-11-20T10:00\npeople: [Kim, Omar]")
@example("people:\n  - Kim Lee <kim@x.example>\n  - 'Omar, CTO'\nround: onsite\nround: final")
@example("a: [true, null, ~, x y]\nb:\nc: \"q\"\nd: ''")
def test_the_line_reader_agrees_with_libyaml_whenever_it_answers(text):
    simple = simple_mapping(text)
    if simple is not None:
        assert simple == _libyaml(text), text


@settings(max_examples=500)
@given(st.text(max_size=60))
def test_the_line_reader_agrees_with_libyaml_on_any_text(text):
    simple = simple_mapping(text)
    if simple is not None:
        assert simple == _libyaml(text), text


@pytest.mark.parametrize(
    "text",
    [
        "type: interview\ncompany: Acme\nstart: 2026-11-20T10:00\nround: onsite",
        "type: interview\npeople: [Kim, Omar]\nfollowed_up:\n  - 2026-11-27\n  - 2026-12-01",
        "company: 'Acme, Inc.'\nrole: \"Engineer\"\noutcome:\nthank_you_sent: true",
    ],
)
def test_front_matter_as_people_write_it_is_read_by_the_line_reader(text):
    assert simple_mapping(text) is not None
    assert load_mapping_and_repeats(text) == libyaml_mapping(text)


@pytest.mark.parametrize(
    "text",
    [
        "company: Acme # a comment",  # comments go to libyaml
        "company: &a Acme\nother: *a",  # anchors and aliases: refused there
        "company: !!str Acme",
        "notes: |\n  a block",
        "company:\n  name: Acme",  # nested mappings
        "company: Acme\n  Robotics",  # a plain scalar over two lines
        "company:\tAcme",
        "true: x",
        "people: [Kim, [Omar]]",
        "company: 'it''s'",
        'company: "a \\" b"',
    ],
)
def test_anything_else_is_left_to_libyaml(text):
    assert simple_mapping(text) is None
