"""The fast paths of reading agree with plain reference readings, for any input."""

from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from interviewkit.notes.sections import find_sections
from interviewkit.notes.yamlscan import (
    ScanLoader,
    YamlFailure,
    load_mapping,
    read_around_mistakes,
)

WANTED = {"a": "Alpha", "b": "Beta two", "c": "Gamma"}


def reference_sections(body: str) -> dict[str, tuple[int, str]]:
    """Line by line, the obvious way: (0-based line, text) of each wanted section, a
    section written twice read as one."""
    lines = body.split("\n")
    headings = []
    fence = None
    for index, line in enumerate(lines):
        marker = re.match(r"^ {0,3}(`{3,}|~{3,})", line)
        if fence:
            if (
                marker
                and marker.group(1)[0] == fence[0]
                and len(marker.group(1)) >= len(fence)
                and not line.strip()[len(marker.group(1)) :].strip()
            ):
                fence = None
            continue
        if marker:
            fence = marker.group(1)
            continue
        match = re.match(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$", line)
        if match:
            title = " ".join(
                re.sub(r"[ \t]+#+$", "", (match.group(2) or "").strip()).split()
            ).casefold()
            headings.append((index, len(match.group(1)), title))
    found = {}
    ends = {}
    for position, (index, level, title) in enumerate(headings):
        for key, wanted in WANTED.items():
            if wanted.casefold() == title:
                end = next((i for i, lv, _ in headings[position + 1 :] if lv <= level), len(lines))
                text = "\n".join(lines[index + 1 : end]).rstrip("\n")
                if key not in found:
                    found[key], ends[key] = (index, text), end
                elif index >= ends[key]:  # written again: its text follows the first one's
                    first_line, first = found[key]
                    found[key] = (first_line, "\n\n".join(t for t in (first, text) if t))
                    ends[key] = end
    return found


line = st.one_of(
    st.sampled_from(
        [
            "# Alpha",
            "## alpha",
            "### Beta  two ##",
            "#Gamma",
            "   # Gamma",
            "    # Alpha",
            "```",
            "~~~~",
            "- item",
            "",
            "C# and C++",
            "## Other",
        ]
    ),
    st.text(alphabet="ab #`~-\t", max_size=12),
)


@settings(max_examples=300)
@given(st.lists(line, max_size=25))
def test_sections_match_a_line_by_line_reading(lines):
    body = "\n".join(lines)
    got = {k: (s.line - 1, s.text) for k, s in find_sections(body, 1, WANTED).items()}
    assert got == reference_sections(body)


yaml_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.text(max_size=10),
        st.sampled_from(["no", "0123", "2026-11-27", "~", "1.5", "yes"]),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(st.text(min_size=1, max_size=5), children, max_size=3),
    ),
    max_leaves=8,
)


@settings(max_examples=300)
@given(st.dictionaries(st.text(min_size=1, max_size=8), yaml_values, max_size=6), st.booleans())
def test_fast_yaml_builder_matches_pyyaml(data, flow):
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    try:
        expected = yaml.load(text, Loader=ScanLoader)
    except yaml.YAMLError:
        return
    if not isinstance(expected, dict):
        return
    try:
        got, _ = load_mapping(text)
    except YamlFailure:
        raise AssertionError(text) from None
    assert got == {str(k): v for k, v in expected.items()}


ALIAS = "aliases (*name) are not read; front matter is flat: write the value out"


def test_str_tags_are_read_and_other_tags_aliases_and_merges_refused():
    data, _ = load_mapping("a: 2026-11-27\nb: !!str 12\n")
    assert data == {"a": "2026-11-27", "b": "12"}
    for text, line, said in [
        ("a: !!timestamp 2026-11-27\n", 0, "the tag !!timestamp is not read"),
        ("x: 1\nbig: !!int 0x" + "f" * 5000 + "\n", 1, "the tag !!int is not read"),
        ("b: &b {c: 1}\n<<: *b\n", 1, "merge keys (<<) are not read"),
        ("b: &b [1]\nc: x\nd: *b\n", 2, "aliases (*name) are not read"),
        ("b: &b {c: 1}\nd:\n  <<: {e: 1}\n", 2, "merge keys (<<) are not read"),
    ]:
        with pytest.raises(YamlFailure) as caught:
            load_mapping(text)
        assert (caught.value.line, said) == (line, caught.value.message[: len(said)]), text


def test_an_alias_bomb_is_refused_before_it_is_built():
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    with pytest.raises(YamlFailure) as caught:
        load_mapping("\n".join(levels) + "\n")  # would build 9**12 items
    assert "aliases (*name) are not read" in caught.value.message
    data, _, _, spoiled = read_around_mistakes("\n".join(levels) + "\n")  # as a note reads it
    assert data["a0"] == ["x"] * 9
    assert data["a11"] == "&a11 [" + ", ".join(["*a10"] * 9) + "]"
    assert [each.line for each in spoiled] == list(range(1, 12))


def test_a_note_reads_each_key_an_alias_merge_or_tag_spoils_as_gently_as_it_can():
    """Only the key that holds one pays for it: a tag is dropped, a value with an alias
    is read as its text, a merge key is left out; the rest of the mapping is read."""
    text = (
        "company: &c Hooli\n"
        "thank_you_sent: *c\n"
        "followed_up: [*c, 2026-11-27]\n"
        "role: !!str Dev\n"
        "round: !!int 2\n"
        "people: !people\n  - Gavin\n"
        "<<: {x: 1}\n"
        "start: 2026-11-26T09:00\n"
    )
    data, lines, _, spoiled = read_around_mistakes(text)
    assert data == {
        "company": "Hooli",
        "thank_you_sent": "*c",
        "followed_up": "[*c, 2026-11-27]",
        "role": "Dev",
        "round": "2",
        "people": ["Gavin"],
        "start": "2026-11-26T09:00",
    }
    assert [(each.line, each.message) for each in spoiled] == [
        (1, "thank_you_sent: " + ALIAS + "; read as the text '*c'"),
        (2, "followed_up: " + ALIAS + "; read as the text '[*c, 2026-11-27]'"),
        (
            4,
            "round: the tag !!int is not read; write the value plainly; read as if it were not there",
        ),
        (
            5,
            "people: the tag !people is not read; write the value plainly; read as if it were not there",
        ),
        (7, "merge keys (<<) are not read; write the values out; left out"),
    ]
    assert lines["start"] == 8 and "<<" not in lines


def test_splitter_agrees_with_python_frontmatter_on_the_sample_vault():
    import frontmatter

    from interviewkit.notes.front_matter import split_front_matter

    from .conftest import SAMPLE_VAULT

    for path in sorted(SAMPLE_VAULT.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        ours = split_front_matter(text)
        theirs = frontmatter.loads(text)
        data, _ = load_mapping(ours.yaml) if ours.present else ({}, {})
        assert set(data) == set(theirs.metadata), path
        assert ours.body.strip() == theirs.content.strip(), path


FRONT_MATTERS = [
    "type: interview\nid: a-1\ncompany: Acme\nstart: 2026-11-20T10:00\npeople: [Ann <a@x.example>]",
    "type: interview\ncompany: Acme\nstart: 2026-11-20\nthank_you_sent: 2026-11-21\ncompny: x",
    "type: interview\ncompany: [not, text]\nstart: soon",
    "type: interview\ncompany: 'unclosed",
    "type: note\ncompany: Acme",
    "type: interview\ncompany: Acme\nstart: 2026-11-20T10:00\npeople: []",
    "type: interview\ncompany: Acme\nstart: 2026-11-20T10:00\npeople:\n  - Dana Lee\n"
    "next_steps: they call back",
]


body_line = st.one_of(
    line,
    st.sampled_from(
        [
            "- [ ] call back 📅 2026-12-02",
            "- [x] sent ✅ 2026-11-22",
            "Met at {{time}} on {{date}}",  # placeholders left unfilled
            "<<<<<<< HEAD",  # a merge conflict left in the body
            "## Questions they asked",
            "## People met",  # cards that complete people, or name someone not in it
            "- Dana Lee, Recruiter, dana@acme.example",
            "- Ravi Shah, Engineering Manager",
            "## Hiring process and next steps",  # a day named while no date key is
            "They decide by Friday 27 November 2026.",
        ]
    ),
)


@settings(max_examples=200)
@given(
    st.sampled_from(FRONT_MATTERS),
    st.lists(body_line, max_size=12),
    st.lists(body_line, max_size=12),
    st.booleans(),
)
def test_reading_again_with_the_same_front_matter_gives_what_a_fresh_read_gives(
    front_matter, old_body, new_body, crlf
):
    """A changed body under unchanged front matter skips the YAML parse: same result."""
    from interviewkit.config import Settings
    from interviewkit.notes.note import read_note
    from interviewkit.vault.codec import reading_to_record

    settings_ = Settings(timezone="Europe/Paris")

    def file(body_lines):
        text = f"---\n{front_matter}\n---\n" + "\n".join(
            ["- [ ] a task 📅 2026-12-01", *body_lines]
        )
        return (text.replace("\n", "\r\n") if crlf else text).encode()

    earlier = read_note("n.md", file(old_body), settings_, True)
    again = read_note("n.md", file(new_body), settings_, True, earlier)
    fresh = read_note("n.md", file(new_body), settings_, True)
    assert reading_to_record(again) == reading_to_record(fresh)
    if fresh.note is not None:
        assert again.note.sections == fresh.note.sections


BODIES = [
    "",
    "## People met\n- Ravi Shah, Engineering Manager\n",  # met, not in people
    "## People met\n- Dana Lee, Recruiter, dana@acme.example\n",  # completes Dana
    "## People met\n- Dana Lee, Recruiter, dana@acme.example\n- Ravi Shah\n",
    "## Hiring process and next steps\nThey decide by Friday 27 November 2026.\n",
    "## People met\n<!-- a comment -->\n## Questions asked\n- Why us?\n",
]


@pytest.mark.parametrize("front_matter", FRONT_MATTERS)
def test_every_body_read_again_under_its_front_matter_is_read_as_fresh(front_matter):
    """Each pair of these bodies, one edited into the other: what the body gives (the
    People met cards, someone met but not written, a day the next steps name) is
    worked out again, as a fresh read works it out."""
    from interviewkit.config import Settings
    from interviewkit.notes.note import read_note
    from interviewkit.vault.codec import reading_to_record

    settings_ = Settings(timezone="Europe/Paris")
    for old_body in BODIES:
        for new_body in BODIES:
            earlier = read_note(
                "n.md", f"---\n{front_matter}\n---\n{old_body}".encode(), settings_, True
            )
            text = f"---\n{front_matter}\n---\n{new_body}".encode()
            again = read_note("n.md", text, settings_, True, earlier)
            fresh = read_note("n.md", text, settings_, True)
            assert reading_to_record(again) == reading_to_record(fresh), (old_body, new_body)
            assert again.problems == fresh.problems and again.findings == fresh.findings


def test_an_earlier_reading_that_never_got_to_parse_yaml_is_not_reused():
    from interviewkit.config import Settings
    from interviewkit.notes.note import read_note
    from interviewkit.vault.codec import reading_to_record

    settings_ = Settings(timezone="Europe/Paris")
    unclosed = read_note("n.md", b"---\ntype: interview\n", settings_, True)
    assert unclosed.problems and unclosed.front_matter is None
    empty = b"---\n---\n# body\n"
    again = read_note("n.md", empty, settings_, True, unclosed)
    assert reading_to_record(again) == reading_to_record(read_note("n.md", empty, settings_, True))
    assert not again.problems


@pytest.mark.parametrize(
    ("text", "read", "said"),
    [
        (
            "a: 1\nlocation: Zoom: https://x\nb: 2\n",
            {"a": "1", "location": "Zoom: https://x", "b": "2"},
            [(1, "location is read as the text 'Zoom: https://x'")],
        ),
        (
            'a: 1\nrole: "Senior" Eng\nb: 2\n',
            {"a": "1", "role": '"Senior" Eng', "b": "2"},
            [(1, "role is read as the text '\"Senior\" Eng'")],
        ),
        (
            "a: 1\npeople: [Anna, Bob\nb: 2\n",
            {"a": "1", "people": "[Anna, Bob", "b": "2"},
            [(1, "people is read as the text '[Anna, Bob'")],
        ),
        (
            'people:\n  - Anna\n - "Bob <b@x.org>"\n  # met twice\nb: 2\n',
            {"people": ["Anna", "Bob <b@x.org>"], "b": "2"},
            [(2, "people is read as the list ['Anna', 'Bob <b@x.org>']")],
        ),
        (  # indented under a key whose value is on its line: the line alone goes
            "company: Acme\n  round: onsite\nstart: x\n",
            {"company": "Acme", "start": "x"},
            [(1, "this line is left out")],
        ),
        ("a: 1\nb\nc: 3\n", {"a": "1", "c": "3"}, [(1, "this line is left out")]),
        ("a: 1\n- b\nc: 2\n", {"a": "1", "c": "2"}, [(1, "this line is left out")]),
        (
            "x: Zoom: 1\ny: 'a' b\nz: [\n",
            {"x": "Zoom: 1", "y": "'a' b", "z": "["},
            [
                (0, "x is read as the text 'Zoom: 1'"),
                (1, "y is read as the text \"'a' b\""),
                (2, "z is read as the text '['"),
            ],
        ),
    ],
)
def test_a_yaml_mistake_costs_only_the_key_it_is_in(text, read, said):
    """The key is read as the text written after it (its lines joined, or its items
    when each line is one), every other key as YAML reads it; each mistake keeps
    the parser's own words, then says how its key was read."""
    data, _, _, spoiled = read_around_mistakes(text)
    assert data == read
    assert [(each.line, each.message.rsplit("; ", 1)[1]) for each in spoiled] == said
    assert all(each.message.startswith("invalid YAML: ") for each in spoiled)
    with pytest.raises(YamlFailure):
        load_mapping(text)  # an edit still reads the front matter whole


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb:\n\t- x\n",  # a tab: `check --fix` repairs it
        "<<<<<<< HEAD\na: 1\n=======\na: 2\n>>>>>>> b\n",  # a conflict is never merged
        "".join(f"k{i}: x: y\n" for i in range(9)),  # more mistakes than keys read
    ],
)
def test_a_mistake_that_is_no_key_s_fails_the_whole_front_matter(text):
    with pytest.raises(YamlFailure):
        read_around_mistakes(text)


# Bytes as a note saved in Windows-1252 holds them: ASCII, its high letters and
# punctuation, some UTF-8 already, and the five bytes that code page leaves empty.
_NOTE_BYTES = st.lists(
    st.sampled_from([b"a", b" ", b"\n", b"\r\n", b"\xe9", b"\x93", b"\x96", b"\x80", b"\xfc",
                     "é".encode(), "–".encode(), b"\x81", b"\x9d", b"\x01", b"\xc3", b"\xa9"]),
    max_size=40,
).map(b"".join)  # fmt: skip


@given(_NOTE_BYTES)
def test_windows_1252_is_read_only_where_utf8_is_not(data):
    """What `check --fix` would save: the UTF-8 of the file as it is, each other byte
    read as Windows-1252, the characters so read listed; nothing when a byte has no
    character there or a control character would be saved."""
    from interviewkit.notes.front_matter import windows_1252_mended

    mended = windows_1252_mended(data)
    try:
        plain = data.decode("utf-8")
    except UnicodeDecodeError:
        plain = None
    if mended is None:
        assert plain is None or re.search("[\x00-\x08\x0b\x0e-\x1f\x7f]", plain)
        return
    text, read_so = mended
    if plain is not None:
        assert (text, read_so) == (plain, "")
        return
    assert read_so and all(char in text for char in read_so)
    assert len(set(read_so)) == len(read_so)
    # each byte read so stands where it was: what was UTF-8 around it is kept
    again = text.encode("utf-8")
    for char in read_so:
        assert char.encode("cp1252") in data and char.encode("utf-8") in again


@given(st.text(alphabet="0123456789 -.,thsndrDecJanMayaythFriday", max_size=60))
def test_days_named_in_words_are_read_or_passed_over_quietly(text):
    """Any text: the days it names are each once, from the interview's day to four
    months after it, and nothing is raised."""
    from datetime import date, timedelta

    from interviewkit.notes.prose_days import days_named

    interview = date(2026, 12, 3)
    days = days_named(text, interview)
    assert len(set(days)) == len(days)
    assert all(interview <= day <= interview + timedelta(days=120) for day in days)
