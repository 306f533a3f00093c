"""German vaults: `init --language de` writes German templates and headings; the same
notes written in German and in English give the same actions and briefs; the German
letters are formal and complete."""

from __future__ import annotations

import json
import re
from datetime import datetime

import pytest

from interviewkit.config import load_settings
from interviewkit.languages import HEADINGS
from interviewkit.write.templates import moment_format, packaged_templates

ENGLISH = {
    "people_met": "People met",
    "next_steps": "Hiring process and next steps",
    "important_points": "Important points",
    "questions_asked": "Questions asked",
    "answers_to_improve": "Answers to improve",
    "fit": "Fit",
    "thank_you_points": "To mention in the thank-you",
    "before_you_leave": "Before you leave",
}


def vault_in(run, tmp_path, language: str):
    root = tmp_path / language
    result = run("init", root, "--language", language)
    assert result.exit_code == 0, result.output
    config = root / ".interviewkit" / "config.yaml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^timezone: .*$", "timezone: Europe/Berlin", text)
    config.write_text(text.replace('# name: ""', 'name: "Max Mustermann"'), encoding="utf-8")
    return root


def write_notes(root, headings: dict[str, str]) -> None:
    """Two rounds at Acme and one at Initech, with sections under `headings`."""
    folder = root / "interviews"
    folder.mkdir()
    people = '["Frau Dr. Lena Weber <lena@acme.example>", "Herr Jonas Berg <jonas@acme.example>"]'
    (folder / "acme-1.md").write_text(
        "---\ntype: interview\nid: acme-1\ncompany: Acme\nrole: Data Engineer\n"
        f"round: phone screen\nstart: 2026-11-10T10:00\npeople: {people}\n"
        "thank_you_sent: 2026-11-10\n---\n"
        f"## {headings['people_met']}\n- Frau Dr. Lena Weber, Teamleitung\n"
        f"## {headings['important_points']}\n- Streaming statt Batch\n"
        f"## {headings['questions_asked']}\n- Warum wir?\n  - das Produkt\n"
        f"## {headings['answers_to_improve']}\n- Warum wir?: konkreter werden\n"
        f"## {headings['fit']}\n- gutes Gefühl\n",
        encoding="utf-8",
    )
    (folder / "acme-2.md").write_text(
        "---\ntype: interview\nid: acme-2\ncompany: Acme\nrole: Data Engineer\n"
        f"round: onsite\nstart: 2026-11-24T14:00\npeople: {people}\n"
        "follow_up_on: 2026-12-09\n---\n"
        f"## {headings['thank_you_points']}\n- die Migration auf Streaming\n"
        f"## {headings['people_met']}\n\n## {headings['important_points']}\n",
        encoding="utf-8",
    )
    (folder / "initech.md").write_text(
        "---\ntype: interview\nid: initech-1\ncompany: Initech\nround: final\n"
        "start: 2026-11-25T09:00\n---\n",
        encoding="utf-8",
    )


def test_init_de_writes_german_templates_and_headings_with_english_kept(run, tmp_path):
    root = vault_in(run, tmp_path, "de")
    settings = load_settings(root)
    assert settings.language == "de"
    for key, german in HEADINGS["de"].items():
        assert getattr(settings, f"heading_{key}") == (german, ENGLISH[key])
    note = (root / "templates" / "interview.md").read_text(encoding="utf-8")
    assert re.findall(r"(?m)^## (.+)$", note) == [HEADINGS["de"][k] for k in (
        "before_you_leave", "people_met", "next_steps", "important_points",
        "thank_you_points", "questions_asked", "answers_to_improve", "fit",
    )]  # fmt: skip
    english = vault_in(run, tmp_path, "en")
    assert load_settings(english).language == "en"
    assert (english / "templates" / "interview.md").read_bytes() == (
        packaged_templates() / "interview.md"
    ).read_bytes()


def test_an_empty_question_bank_names_the_vaults_own_heading(run, tmp_path):
    for language, heading in (("de", "Gestellte Fragen"), ("en", "Questions asked")):
        empty = run("--vault", vault_in(run, tmp_path, language), "questions")
        assert (
            empty.stdout == f"No questions recorded yet (list them under a '{heading}' heading).\n"
        )


def test_the_same_notes_in_german_and_english_give_the_same_actions_and_brief(run, tmp_path):
    answers = {}
    for language, headings in (("en", ENGLISH), ("de", HEADINGS["de"])):
        root = vault_in(run, tmp_path, language)
        write_notes(root, headings)
        due = run("--vault", root, "due", "--all", "--today", "2026-11-26", "--format", "json")
        brief = run("--vault", root, "brief", "acme", "--today", "2026-11-20")
        assert due.exit_code == 0 and brief.exit_code == 0, (due.output, brief.output)
        answers[language] = (json.loads(due.stdout), brief.stdout)
    english, german = answers["en"], answers["de"]
    assert german[0]["problems"] == english[0]["problems"] == []
    # the same actions; a summary naming an empty section names it as the note does
    same = ("id", "kind", "due", "state", "note", "note_id", "company", "role", "round")
    assert [{k: a[k] for k in same} for a in german[0]["actions"]] == [
        {k: a[k] for k in same} for a in english[0]["actions"]
    ]
    german_summaries = {a["id"]: a["summary"] for a in german[0]["actions"]}
    assert "(Antworten zum Verbessern and Passung are empty)" in german_summaries["acme-2:reflect"]
    kinds = {(a["note_id"], a["kind"]) for a in english[0]["actions"]}
    assert ("acme-2", "thank-you") in kinds and ("initech-1", "debrief") in kinds
    assert ("acme-2", "debrief") in kinds  # its sections are there, and empty

    def sections(brief: str) -> list[str]:
        return re.findall(r"(?m)^#+ .+$", brief)

    def without_checklist(brief: str) -> str:  # the checklist is the vault's template's
        return re.sub(r"(?m)^- \[ \] .*\n", "", brief)

    assert sections(german[1]) == sections(english[1])
    assert "#### Answers to improve" in sections(german[1])
    assert without_checklist(german[1]) == without_checklist(english[1])
    assert "- [ ] Um eine Visitenkarte bitten" in german[1]
    assert "Warum wir?: konkreter werden" in german[1]


def test_german_letters_are_formal_and_complete(run, tmp_path):
    root = vault_in(run, tmp_path, "de")
    write_notes(root, HEADINGS["de"])
    thanks = run("--vault", root, "draft", "thank-you", "acme-2")
    assert thanks.exit_code == 0, thanks.output
    text = thanks.stdout
    assert "Sehr geehrte Frau Dr. Weber,\n\nhaben Sie vielen Dank" in text
    assert "Sehr geehrter Herr Berg,\n" in text
    assert "am Dienstag, 24. November, und für die Zeit" in text
    assert "- die Migration auf Streaming" in text
    assert "Mit freundlichen Grüßen\nMax Mustermann" in text
    follow = run("--vault", root, "draft", "follow-up", "acme-2", "--to", "berg").stdout
    assert "falls ich bis Mittwoch, 9. Dezember, nichts von Ihnen höre" in follow
    team = run("--vault", root, "draft", "thank-you", "initech-1").stdout
    assert "Sehr geehrte Damen und Herren,\n" in team
    assert "To: Team von Initech (no address recorded)" in team
    assert "- (hier notieren, was Sie aus dem Gespräch aufgreifen möchten)" in team
    for letter in (text, follow, team):
        assert "{{" not in letter
        for english in ("Dear", "team,", "the date we agreed", "write here", " open "):
            assert english not in letter, english


@pytest.mark.parametrize(
    ("pattern", "language", "shown"),
    [
        ("dddd, D. MMMM YYYY", "de", "Donnerstag, 3. Dezember 2026"),
        ("ddd D MMM", "de", "Do. 3 Dez."),
        ("dddd D MMMM YYYY", "en", "Thursday 3 December 2026"),
        ("ddd D MMM", "en", "Thu 3 Dec"),
    ],
)
def test_month_and_day_names_follow_the_language(pattern, language, shown):
    assert moment_format(datetime(2026, 12, 3, 9, 30), pattern, language) == shown


def test_a_new_note_in_a_german_vault_is_dated_in_german(run, tmp_path):
    root = vault_in(run, tmp_path, "de")
    made = run(
        "--vault", root, "new", "Acme", "--role", "Data Engineer", "--round", "onsite",
        "--at", "2026-12-03 14:00",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    text = (root / made.stdout.strip()).read_text(encoding="utf-8")
    assert "# Acme: onsite am Donnerstag, 3. Dezember 2026 um 14:00\n" in text
    assert "## Gesprächspartner\n" in text


def test_placeholders_in_the_front_matter_are_filled_in_the_vaults_language(run, tmp_path):
    root = tmp_path / "V"
    assert run("init", root).exit_code == 0
    config = root / ".interviewkit" / "config.yaml"
    config.write_text(config.read_text() + "language: de\n")
    template = root / "templates" / "interview.md"
    template.write_text(
        template.read_text().replace(
            "tags: [interview]\n",
            "tags: [interview]\n"
            'aliases: ["{{company}} am {{date:dddd}}"]\n'
            "created: '{{date:D. MMMM YYYY}}, {{time}}'\n",
        )
    )
    made = run("--vault", root, "new", "Acme", "--round", "onsite", "--at", "2026-12-09 14:30")
    assert made.exit_code == 0, made.output
    text = (root / made.stdout.strip()).read_text()
    # the list item and the single-quoted value are filled where they stand, quoting kept
    assert '\naliases: ["Acme am Mittwoch"]\n' in text
    assert "\ncreated: '9. Dezember 2026, 14:30'\n" in text


def test_a_german_thank_you_after_the_application_ended_does_not_ask_for_the_job(run, tmp_path):
    root = vault_in(run, tmp_path, "de")
    write_notes(root, HEADINGS["de"])
    note = root / "interviews" / "acme-2.md"
    note.write_text(
        note.read_text(encoding="utf-8").replace("---\n##", "outcome: rejected\n---\n##")
    )
    rejected = run("--vault", root, "draft", "thank-you", "acme-2")
    assert "so the letter uses templates/thank-you-rejected.md" in rejected.stderr
    assert "Sehr geehrte Frau Dr. Weber,\n\nhaben Sie vielen Dank" in rejected.stdout
    assert "nicht weiterzukommen" in rejected.stdout
    assert "- die Migration auf Streaming" in rejected.stdout
    assert "Entscheidung noch etwas" not in rejected.stdout
    note.write_text(note.read_text(encoding="utf-8").replace("rejected", "declined"))
    declined = run("--vault", root, "draft", "thank-you", "acme-2").stdout
    assert "meine Bewerbung nicht weiterzuverfolgen" in declined
    for letter in (rejected.stdout, declined):
        assert "{{" not in letter and "Dear" not in letter
