"""What `init --language` writes besides the templates: the section headings in that
language. The templates in `templates/<language>/` use exactly these headings (a test
checks), and `init` keeps the English ones as alternatives, so notes written either
way are read alike. American English has no files of its own: it is the English
templates with American dates and times (see `adapted`)."""

from __future__ import annotations

import re
from datetime import date, datetime

from interviewkit.vocabulary import AMERICAN

# Section key (as in the `heading_*` settings) -> the heading in that language.
HEADINGS: dict[str, dict[str, str]] = {
    "de": {
        "people_met": "Gesprächspartner",
        "next_steps": "Auswahlverfahren und nächste Schritte",
        "important_points": "Wichtige Punkte",
        "questions_asked": "Gestellte Fragen",
        "answers_to_improve": "Antworten zum Verbessern",
        "fit": "Passung",
        "thank_you_points": "Für das Dankschreiben",
        "before_you_leave": "Vor dem Gehen",
    },
}


# A language whose templates are another's, adapted (see `adapted`) -> that one: American
# English (`vocabulary.AMERICAN`), whose own sentences also write their dates and times
# the American way (see `clock`, `long_day`).
ADAPTS = {AMERICAN: "en"}

# The English templates' dates and times as Americans write them: `Tuesday, November
# 17` and `2:00 PM`, not `Tuesday 17 November` and `14:00`.
_AMERICAN = (
    (re.compile(r"(\{\{\s*\w+\s*:\s*)dddd D MMMM YYYY(\s*\}\})"), r"\1dddd, MMMM D, YYYY\2"),
    (re.compile(r"(\{\{\s*\w+\s*:\s*)dddd D MMMM(\s*\}\})"), r"\1dddd, MMMM D\2"),
    (re.compile(r"\{\{\s*time\s*\}\}"), "{{time:h:mm A}}"),
)


def adapted(text: str, language: str) -> str:
    """A shipped template's text as `language` writes it: American English turns the
    English templates' dates and times around; every other language has its own."""
    if language != AMERICAN:
        return text
    for pattern, replacement in _AMERICAN:
        text = pattern.sub(replacement, text)
    return text


def chosen_settings(language: str, english: dict[str, tuple[str, ...]]) -> dict[str, object]:
    """The settings `init --language` writes: the language and, for each section, its
    heading in that language first and the English ones (`english`) after it. In
    American English, dates with slashes are read month first."""
    if language == "en":
        return {}
    chosen: dict[str, object] = {"language": language}
    if language == AMERICAN:
        chosen["date_order"] = "mdy"
    for key, heading in HEADINGS.get(language, {}).items():
        chosen[f"heading_{key}"] = (heading, *english[key])
    return chosen


def clock(moment: datetime, language: str) -> str:
    """A moment's time of day as the tool's own sentences write it: `14:00`, and
    `2:00 PM` in American English."""
    if language != AMERICAN:
        return f"{moment:%H:%M}"
    return f"{moment.hour % 12 or 12}:{moment:%M} {'AM' if moment.hour < 12 else 'PM'}"


def hours(start: datetime, end: datetime, language: str) -> str:
    """From `start` to `end`, times only: `14:00–15:00`, `2:00–3:00 PM` (the first
    AM or PM is left out when both share it)."""
    first, last = clock(start, language), clock(end, language)
    if language == AMERICAN and (start.hour < 12) == (end.hour < 12):
        first = first.rsplit(" ", 1)[0]
    return f"{first}–{last}"


def long_day(day: date, language: str) -> str:
    """A day in full, as the tool's own sentences write it: `Thursday 3 December
    2026`, and `Thursday, December 3, 2026` in American English."""
    if language == AMERICAN:
        return f"{day:%A}, {day:%B} {day.day}, {day.year}"
    return f"{day:%A} {day.day} {day:%B %Y}"
