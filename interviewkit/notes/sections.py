"""Markdown sections found by heading, as the rules and the craft commands read them."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*))?$", re.M)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# HTML comments (the templates' hints) and Obsidian's `%%` comments, which its
# reading view hides: neither is text to show, and no letter may copy them. Code is
# shown as written, so a `%%` or `<!--` inside it opens no comment: a fenced block
# (to its closing fence, or the end, as `fenced_lines` reads it) and an inline code
# span on one line are matched first and kept. The span's text holds no backtick and
# at most 1,000 characters, so a line of stray backticks still reads in linear time.
_COMMENT = re.compile(
    r"(?P<code>^ {0,3}(?P<ticks>`{3,}).*?(?:\n {0,3}(?P=ticks)`*[ \t]*(?=\n|\Z)|\Z)"
    r"|^ {0,3}(?P<tildes>~{3,}).*?(?:\n {0,3}(?P=tildes)~*[ \t]*(?=\n|\Z)|\Z)"
    r"|(?<!`)(?P<span>`++)[^`\n]{1,1000}+(?P=span)(?!`))"
    r"|<!--.*?(?:-->|\Z)|%%.*?(?:%%|\Z)",
    re.DOTALL | re.MULTILINE,
)


def _kept(match: re.Match[str]) -> str:
    """Code as it is; a comment as nothing."""
    return match.group("code") or ""


class Section(NamedTuple):
    """The text under one heading, and the 1-based file line of that heading."""

    heading: str
    line: int
    text: str
    empty: bool  # nothing but white space and comments


def strip_comments(text: str) -> str:
    """Remove HTML comments (template hints) and `%%` comments from Markdown text,
    leaving code (fenced or inline) as it is."""
    return _COMMENT.sub(_kept, text)


def blank_comments(text: str) -> str:
    """`text` with each comment as `strip_comments` finds it replaced by the line
    breaks it held, so every other line keeps its number."""
    return _COMMENT.sub(lambda m: m.group("code") or "\n" * m.group().count("\n"), text)


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
# A heading's text in bold, or ending in a colon (`## **Fit**`, `## Questions asked:`).
_DRESSED = re.compile(r"^(\*\*|__)(.+)\1$|^(.+?)[ \t]*:$")


# Marks around a heading's words: an emoji or symbol, or a number (`## ❓ Questions
# asked`, `## 2. Fit`, `## Fit ✅`).
_LEADING_MARKS = re.compile(r"^(?:[^\w\s]+\s*|\d{1,2}[.)]\s+)+")
_TRAILING_MARKS = re.compile(r"\s*[^\w\s]+$")


def _clean_title(raw: str | None) -> str:
    """A heading's text as compared with the configured headings: case, spaces,
    closing hashes, bold and a colon at its end aside."""
    title = (raw or "").strip()
    if "#" in title:
        title = _TRAILING_HASHES.sub("", title)
    for _ in range(2):  # `**Fit:**` and `**Fit**:` alike
        if title[-1:] in ("*", "_", ":") and (dressed := _DRESSED.match(title)):
            title = (dressed.group(2) or dressed.group(3)).strip()
    return " ".join(title.split()).casefold()


def _bare(title: str) -> str:
    """A cleaned title without the emoji, symbols or number before or after its
    words; tried when the title as written names no section, as most do."""
    if title and not (title[0].isalpha() and title[-1].isalnum()):
        return " ".join(_TRAILING_MARKS.sub("", _LEADING_MARKS.sub("", title)).split())
    return title


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
    return {_bare(_clean_title(title)): key for key, titles in wanted for title in titles}


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
    return read_sections(body, first_line, wanted).near


# Headings people give a section in their own notes, in words that neither hold the
# section's own nor look like them (`Key points` for `Important points`): each is
# named as a heading not read, unless the note has the section under its own name.
# Words that could mean another section are left out: `Interview questions` may be
# the questions to ask them.
HEADING_SYNONYMS = {
    **dict.fromkeys(
        ("interviewers", "who i met", "attendees", "participants", "panel",
         "gesprächspartner", "teilnehmer"),
        "people_met",
    ),
    **dict.fromkeys(
        ("key points", "main points", "talking points", "discussion", "what we discussed",
         "topics", "topics discussed", "takeaways", "key takeaways", "wichtigste punkte",
         "gesprächsinhalte"),
        "important_points",
    ),
    **dict.fromkeys(
        ("their questions", "gestellte fragen"),
        "questions_asked",
    ),
    **dict.fromkeys(
        ("next steps", "next step", "hiring process", "process", "timeline",
         "what happens next", "nächste schritte", "ablauf", "bewerbungsprozess",
         "weiteres vorgehen"),
        "next_steps",
    ),
    **dict.fromkeys(
        ("reflection", "my reflection", "self assessment", "what went well",
         "what to improve", "what i would do differently", "lessons", "lessons learned",
         "improvements", "reflexion", "selbsteinschätzung"),
        "answers_to_improve",
    ),
    **dict.fromkeys(
        ("impressions", "my impressions", "culture", "gut feeling", "vibe", "eindruck",
         "eindrücke", "bauchgefühl"),
        "fit",
    ),
}  # fmt: skip


@functools.lru_cache(maxsize=4096)
def _synonym(
    title: str, choices: tuple[tuple[str, tuple[str, ...]], ...]
) -> tuple[str, str] | None:
    """The (key, alternative) of the section a heading names in other words (see
    `HEADING_SYNONYMS`), if the note's settings want that section."""
    key = HEADING_SYNONYMS.get(" ".join(_WORDS.findall(title)))
    return next(((key, titles[0]) for want, titles in choices if want == key and titles), None)


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
    return read_sections(body, first_line, wanted).found


class Headings(NamedTuple):
    """What one pass over a body's headings finds."""

    found: dict[str, Section]  # see `find_sections`
    near: list[tuple[int, str, str, str]]  # see `near_headings`
    # (file line, heading as written, file line of the first) for a section's heading
    # written again; its text is read as part of the first one's
    repeated: list[tuple[int, str, int]]


def read_sections(body: str, first_line: int, wanted: Wanted) -> Headings:
    """The sections (see `find_sections`), the headings that only look like one (see
    `near_headings`) and those written twice, from one pass over the headings. A
    section written twice is read as one: the second's text follows the first's, so
    what was written under either counts."""
    choices = tuple((k, _alternatives(v)) for k, v in wanted.items())
    if "#" not in body:
        return Headings({}, _pseudo_headings(body, first_line, choices, set()), [])
    headings = _headings(body)
    by_title = _titles(choices)
    found: dict[str, Section] = {}
    near: list[tuple[int, str, str, str]] = []
    repeated: list[tuple[int, str, int]] = []
    ends: dict[str, int] = {}  # where the text read for each section ends
    loose: list[tuple[int, str, str, str]] = []  # named in other words (see _synonym)
    for index, (line_index, start, end, level, title) in enumerate(headings):
        key = by_title.get(title)
        if key is None and (bare := _bare(title)) != title:  # `## ❓ Questions asked`
            title = bare
            key = by_title.get(title)
        if key is None:
            looks = _near(title, choices) if title else None
            if looks is not None:
                near.append((first_line + line_index, body[start:end].strip(), *looks))
            elif title and (other := _synonym(title, choices)) is not None:
                loose.append((first_line + line_index, body[start:end].strip(), *other))
            continue
        stop = len(body)
        for _, later_start, _, later_level, _ in headings[index + 1 :]:
            if later_level <= level:
                stop = later_start
                break
        text = body[end + 1 : stop].rstrip("\n") if end < len(body) else ""
        shown = strip_comments(text) if "<!--" in text or "%%" in text else text
        empty = not shown or shown.isspace()
        first = found.get(key)
        if first is not None:
            repeated.append((first_line + line_index, body[start:end].strip(), first.line))
            if start >= ends[key]:  # else it lies inside the first one, and is read already
                text = f"{first.text}\n\n{text}" if first.text and text else first.text or text
                found[key] = first._replace(text=text, empty=first.empty and empty)
                ends[key] = stop
            continue
        found[key] = Section(_alternatives(wanted[key])[0], first_line + line_index, text, empty)
        ends[key] = stop
    if loose:
        near = sorted(near + [n for n in loose if n[2] not in found])
    named = found.keys() | {key for _, _, key, _ in near}
    near += _pseudo_headings(body, first_line, choices, named)
    return Headings(found, near, repeated)


def _pseudo_headings(
    body: str, first_line: int, choices: tuple[tuple[str, tuple[str, ...]], ...], named: set[str]
) -> list[tuple[int, str, str, str]]:
    """(file line, line as written, section key, heading) for a line outside code that
    is the heading of a section not in `named` (found, or named by a heading that
    looks like it) without its `#`, in bold, before a colon or underlined
    (`**Questions asked**`, `Questions asked:`, `Questions asked` over `---`): its
    text would not count, and the reminder would stay open without a word."""
    if (
        ":" not in body and "*" not in body and "_" not in body and not _UNDERLINE.search(body)
    ):  # most bodies: cheap
        return []
    if all(key in named for key, _ in choices):
        return []
    by_title = _titles(choices)
    near = []
    fences, fenced = has_fences(body), None
    for start, end in _dressed_lines(body):
        key = by_title.get(_clean_title(body[start:end]))  # never bare: not a list's `- `
        if key is None or key in named:
            continue
        line_index = body.count("\n", 0, start)
        if fences:
            fenced = fenced if fenced is not None else fenced_lines(body.split("\n"))
            if fenced[line_index]:
                continue
        near.append((first_line + line_index, body[start:end].strip(), key, dict(choices)[key][0]))
        named = named | {key}
    return sorted(near)


# The start of a line that may underline the one above (a setext heading).
_UNDERLINE = re.compile(r"\n(?:--|==)")


def _dressed_lines(body: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line ending in `:`, `**` or `__` (blanks aside), found
    with `str.find`, or underlined with `---` or `===` (a setext heading, which
    interviewkit does not read), found with one regular expression: most notes have
    few, and this runs on every note read."""
    for char, mark in ((":", ":"), ("*", "**"), ("_", "__")):  # one character finds fastest
        position = body.find(char)
        while position != -1:
            start = body.rfind("\n", 0, position) + 1
            end = body.find("\n", position)
            end = len(body) if end == -1 else end
            if body[start:end].rstrip(" \t").endswith(mark):
                yield start, end
            position = body.find(char, end)
    for underline in _UNDERLINE.finditer(body):  # one scan for both: str.find is slower
        position = underline.start()
        end = body.find("\n", position + 1)
        end = len(body) if end == -1 else end
        rule = body[position + 1 : end].strip(" \t")
        start = body.rfind("\n", 0, position) + 1
        if rule.strip(rule[0]) == "" and body[start:position].strip():
            yield start, position


def written(sections: dict[str, Section], key: str) -> str:
    """What a section holds, without comments and outer blank lines; "" when it is
    missing or holds nothing but comments."""
    section = sections.get(key)
    return "" if section is None or section.empty else strip_comments(section.text).strip()
