"""Markdown sections found by heading, as the rules and the craft commands read them."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


@dataclass(frozen=True)
class Section:
    """The text under one heading, and the 1-based file line of that heading."""

    heading: str
    line: int
    text: str

    @property
    def is_empty(self) -> bool:
        """True when the section holds only white space and HTML comments."""
        return not strip_comments(self.text).strip()


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


def _clean_title(raw: str | None) -> str:
    title = re.sub(r"[ \t]+#+$", "", (raw or "").strip())
    return " ".join(title.split()).casefold()


def find_sections(lines: list[str], first_line: int, wanted: dict[str, str]) -> dict[str, Section]:
    """Map each wanted key to its section: the first heading whose text matches, case-insensitively.

    `lines` is the body without line endings; `first_line` is the file line of lines[0].
    A section runs to the next heading of the same or a higher level.
    """
    inside = fenced_lines(lines)
    headings: list[tuple[int, int, str]] = []
    for index, line in enumerate(lines):
        if inside[index] or not line.lstrip().startswith("#"):
            continue
        match = _HEADING.match(line)
        if match:
            headings.append((index, len(match.group(1)), _clean_title(match.group(2))))
    by_title = {title: key for key, title in ((k, _clean_title(v)) for k, v in wanted.items())}
    found: dict[str, Section] = {}
    for position, (index, level, title) in enumerate(headings):
        key = by_title.get(title)
        if key is None or key in found:
            continue
        end = len(lines)
        for later_index, later_level, _ in headings[position + 1 :]:
            if later_level <= level:
                end = later_index
                break
        text = "\n".join(lines[index + 1 : end])
        found[key] = Section(heading=wanted[key], line=first_line + index, text=text)
    return found
