"""Markdown sections found by heading, as the rules and the craft commands read them."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*))?$", re.M)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


class Section(NamedTuple):
    """The text under one heading, and the 1-based file line of that heading."""

    heading: str
    line: int
    text: str
    empty: bool  # nothing but white space and HTML comments


def strip_comments(text: str) -> str:
    """Remove HTML comments (template hints) from Markdown text."""
    return _COMMENT.sub("", text)


def fenced_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it sits inside (or opens/closes) a fenced code block."""
    inside: list[bool] = []
    fence = ""
    for line in lines:
        match = _FENCE.match(line)
        if fence:
            inside.append(True)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                rest = line.strip()[len(match.group(1)) :]
                if not rest.strip():
                    fence = ""
        elif match:
            fence = match.group(1)
            inside.append(True)
        else:
            inside.append(False)
    return inside


_TRAILING_HASHES = re.compile(r"(?<![ \t])[ \t]+#+$")


def _clean_title(raw: str | None) -> str:
    """A heading's text as compared with the configured headings."""
    title = (raw or "").strip()
    if "#" in title:
        title = _TRAILING_HASHES.sub("", title)
    return " ".join(title.split()).casefold()


def lines_with(body: str, char: str) -> Iterator[tuple[int, int, int]]:
    """(line index, start, end) of each line of `body` that contains `char`.

    Jumps from one occurrence to the next with str.find, so long bodies with few
    such lines cost little.
    """
    line = 0
    counted = 0
    position = body.find(char)
    while position != -1:
        start = body.rfind("\n", 0, position) + 1
        end = body.find("\n", position)
        if end == -1:
            end = len(body)
        line += body.count("\n", counted, start)
        counted = start
        yield line, start, end
        position = body.find(char, end)


Wanted = dict[str, tuple[str, ...]]  # section key -> its heading's alternatives, first written


@functools.lru_cache(maxsize=8)
def _titles(wanted: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, str]:
    return {_clean_title(title): key for key, titles in wanted for title in titles}


def _alternatives(value: tuple[str, ...] | str) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else value


def has_fences(body: str) -> bool:
    """Cheap test: could the body hold a fenced code block? (One-character scans first.)"""
    return ("`" in body and "```" in body) or ("~" in body and "~~~" in body)


def _headings(body: str) -> list[tuple[int, int, int, int, str]]:
    """(line index, start, end, level, folded title) of each heading outside code."""
    fenced = fenced_lines(body.split("\n")) if has_fences(body) else None
    headings = []
    for line, start, end in lines_with(body, "#"):
        if fenced is not None and fenced[line]:
            continue
        match = _HEADING.match(body, start, end)
        if match:
            headings.append((line, start, end, len(match.group(1)), _clean_title(match.group(2))))
    return headings


_WORDS = re.compile(r"\w+")


def near_headings(body: str, first_line: int, wanted: Wanted) -> list[tuple[int, str, str, str]]:
    """(file line, heading line as written, section key, alternative) for each heading
    that matches no alternative but looks like one: after folding case and
    punctuation it holds every word of the alternative, or is at least 75% alike
    (difflib)."""
    return read_sections(body, first_line, wanted)[1]


@functools.lru_cache(maxsize=4096)
def _near(title: str, choices: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, str] | None:
    """The (key, alternative) a heading title looks like, if any; titles repeat
    across notes, so each is worked out once."""
    import difflib

    words = _WORDS.findall(title)
    folded = " ".join(words)
    matcher = difflib.SequenceMatcher(None)
    matcher.set_seq2(folded)  # difflib keeps what it learns of the second sequence
    for key, titles in choices:
        for alternative in titles:
            theirs = _WORDS.findall(alternative.casefold())
            if theirs and set(theirs) <= set(words):
                return key, alternative
            matcher.set_seq1(" ".join(theirs))
            if (
                matcher.real_quick_ratio() >= 0.75
                and matcher.quick_ratio() >= 0.75
                and matcher.ratio() >= 0.75
            ):
                return key, alternative
    return None


def find_sections(body: str, first_line: int, wanted: Wanted) -> dict[str, Section]:
    """Map each wanted key to its section: the first heading whose text matches one of
    the key's alternatives, case-insensitively.

    `body` uses `\n` line ends; `first_line` is the file line of its first line.
    A section runs to the next heading of the same or a higher level.
    """
    return read_sections(body, first_line, wanted)[0]


def read_sections(
    body: str, first_line: int, wanted: Wanted
) -> tuple[dict[str, Section], list[tuple[int, str, str, str]]]:
    """The sections (see `find_sections`) and the headings that only look like one
    (see `near_headings`), from one pass over the headings."""
    if "#" not in body:
        return {}, []
    headings = _headings(body)
    choices = tuple((k, _alternatives(v)) for k, v in wanted.items())
    by_title = _titles(choices)
    found: dict[str, Section] = {}
    near: list[tuple[int, str, str, str]] = []
    for index, (line_index, start, end, level, title) in enumerate(headings):
        key = by_title.get(title)
        if key is None:
            looks = _near(title, choices) if title else None
            if looks is not None:
                near.append((first_line + line_index, body[start:end].strip(), *looks))
            continue
        if key in found:
            continue
        stop = len(body)
        for _, later_start, _, later_level, _ in headings[index + 1 :]:
            if later_level <= level:
                stop = later_start
                break
        text = body[end + 1 : stop].rstrip("\n") if end < len(body) else ""
        shown = strip_comments(text) if "<!--" in text else text
        empty = not shown or shown.isspace()
        found[key] = Section(_alternatives(wanted[key])[0], first_line + line_index, text, empty)
    return found, near


def written(sections: dict[str, Section], key: str) -> str:
    """What a section holds, without comments and outer blank lines; "" when it is
    missing or holds nothing but comments."""
    section = sections.get(key)
    return "" if section is None or section.empty else strip_comments(section.text).strip()
