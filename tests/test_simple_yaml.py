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


# An oracle written apart from the project's own resolver: PyYAML's BaseLoader reads
# every scalar as text, and only the plain words the README names are resolved here.
ORACLE_WORDS = {
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
    **dict.fromkeys(("~", "null", "Null", "NULL", ""), None),
}


class _Skip(Exception):
    """A text the note contract refuses on purpose (anchors, tags, merge or
    complex keys, repeated keys): not a question for this oracle."""


def _oracle_value(node):
    import yaml

    if node.tag not in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"):
        raise _Skip  # an explicit tag
    if isinstance(node, yaml.ScalarNode):
        if node.style in (None, "") and node.value in ORACLE_WORDS:  # plain, not quoted
            return ORACLE_WORDS[node.value]
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_oracle_value(item) for item in node.value]
    keys = [key for key, _ in node.value]
    if not all(isinstance(key, yaml.ScalarNode) for key in keys):
        raise _Skip
    if len({key.value for key in keys}) != len(keys) or any(k.value == "<<" for k in keys):
        raise _Skip
    # a key is named by its text; one YAML reads as a boolean or null, by that value's name
    return {str(_oracle_value(key)): _oracle_value(value) for key, value in node.value}


def oracle(text: str):
    """The mapping BaseLoader reads, resolved as the README says; a YamlFailure-like
    marker when it cannot read it; _Skip for what the contract refuses on purpose."""
    import yaml

    if "&" in text or "*" in text or "!" in text:
        raise _Skip
    try:
        # libyaml's parser, as the product uses it (the pure-Python one differs on tabs)
        node = yaml.compose(text, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    except yaml.YAMLError:
        return "unreadable"
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        return "unreadable"
    return _oracle_value(node)


def _ours(text: str):
    try:
        return load_mapping_and_repeats(text)[0]
    except YamlFailure:
        return "unreadable"


@settings(max_examples=1500)
@given(st.one_of(front_matter, st.text(max_size=60)))
@example("a: true\nb: 'true'\nc: ~\nd: ''\ne: no\nf: 0123\ng: [x, null, \"null\"]")
@example("people:\n  - Kim\n  -\n  - 'False'")
@example("type:\n- true:")  # a key that reads as a boolean, inside a list (found in CI)
@example("type:\n  null: 1\n  FALSE: [x]")
@example("a: " + "[" * 60 + "{true: 1, null: [x]}" + "]" * 60)  # deeper than the fast builder goes
def test_reading_agrees_with_base_loader_and_the_readmes_words(text):
    try:
        expected = oracle(text)
    except _Skip:
        return
    assert _ours(text) == expected, text
