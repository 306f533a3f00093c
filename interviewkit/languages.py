"""What `init --language` writes besides the templates: the section headings in that
language. The templates in `templates/<language>/` use exactly these headings (a test
checks), and `init` keeps the English ones as alternatives, so notes written either
way are read alike."""

from __future__ import annotations

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


def chosen_settings(language: str, english: dict[str, tuple[str, ...]]) -> dict[str, object]:
    """The settings `init --language` writes: the language and, for each section, its
    heading in that language first and the English ones (`english`) after it."""
    if language == "en":
        return {}
    chosen: dict[str, object] = {"language": language}
    for key, heading in HEADINGS[language].items():
        chosen[f"heading_{key}"] = (heading, *english[key])
    return chosen
