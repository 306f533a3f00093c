"""American English: `init` in a time zone of the United States (or `init --language
en-US`) writes the English templates with American dates and times, reads dates with
slashes month first, and skips the country's public holidays."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from interviewkit.languages import adapted, clock, hours
from interviewkit.write.templates import packaged_templates

from .icscheck import validate

US = {"TZ": "America/New_York"}


def test_every_english_date_and_time_is_turned_around():
    """No template keeps a British date (`D MMMM`) or a 24-hour `{{time}}`, so a new
    template that uses another pattern fails here until `adapted` knows it."""
    for template in sorted(packaged_templates().glob("*.md")):
        text = adapted(template.read_text(encoding="utf-8"), "en-US")
        assert not re.search(r"\bD MMMM\b|\{\{\s*time\s*\}\}", text), template.name
        if "MMMM" in template.read_text(encoding="utf-8"):
            assert "MMMM D" in text, template.name
    assert adapted("{{date:dddd D MMMM}} at {{time}}", "en") == "{{date:dddd D MMMM}} at {{time}}"


def test_init_in_a_us_zone_writes_american_notes_and_letters(tmp_path, run):
    root = tmp_path / "v"
    made = run("init", root, env=US)
    assert made.exit_code == 0, made.output
    assert "language: en-US (this machine's zone is in the United States" in made.stdout
    config = root / ".interviewkit" / "config.yaml"
    text = config.read_text(encoding="utf-8")
    for line in ('language: "en-US"', 'date_order: "mdy"', 'holidays: "US"'):
        assert f"\n{line}" in text
    config.write_text(text.replace('# name: ""', 'name: "Pat Doe"'), encoding="utf-8")
    new = run("--vault", root, "new", "Initrode", "--role", "PM", "--round", "hiring manager",
              "--at", "11/17/2026 2pm", env=US)  # fmt: skip
    assert new.exit_code == 0, new.output
    note = root / new.stdout.strip()
    assert "# Initrode: hiring manager on Tuesday, November 17, 2026 at 2:00 PM\n" in (
        note.read_text(encoding="utf-8")
    )
    note.write_text(
        note.read_text(encoding="utf-8")
        .replace("people: []", "people: [Dana Whitfield]")
        .replace("follow_up_on:\n", "follow_up_on: 11/24/2026\n"),
        encoding="utf-8",
    )
    letter = run("--vault", root, "draft", "follow-up", "initrode", env=US)
    assert letter.exit_code == 0, letter.output
    assert (
        "Thank you again for meeting me on Tuesday, November 17 to talk about the PM "
        "position. You kindly said I could get in touch if I had not heard back by "
        "Tuesday, November 24."
    ) in letter.stdout


def test_a_us_vault_without_templates_drafts_from_the_shipped_ones_adapted(vault, write, run):
    (vault / ".interviewkit" / "config.yaml").write_text(
        "timezone: America/New_York\nlanguage: en-US\n", encoding="utf-8"
    )
    write("interviews/a.md", "---\ntype: interview\ncompany: Acme\nstart: 2026-12-01T10:00\n"
          "people: [Dana Lee]\n---\n")  # fmt: skip
    letter = run("--vault", vault, "draft", "thank-you", "acme")
    assert letter.exit_code == 0, letter.output
    assert "meet me on Tuesday, December 1 to talk" in letter.stdout


def test_the_tools_own_sentences_write_american_days_and_times(vault, write, run):
    """The brief's day and hours, `Due.md`'s deadline and the feed's titles, in an
    en-US vault; the table and the JSON keep ISO dates and a 24-hour clock."""
    config = vault / ".interviewkit" / "config.yaml"
    config.write_text("timezone: America/Chicago\nlanguage: en-US\n", encoding="utf-8")
    write("interviews/a.md", "---\ntype: interview\ncompany: Acme\nround: onsite\n"
          "start: 2026-12-03T11:30\nend: 2026-12-03T12:30\npeople: [Dana Lee]\n---\n")  # fmt: skip
    write("interviews/b.md", "---\ntype: interview\ncompany: Beta\n"
          "start: 2026-12-04T14:00\nend: 2026-12-04T15:00\n---\n")  # fmt: skip
    brief = run("--vault", vault, "brief", "acme")
    assert brief.exit_code == 0, brief.output
    assert "- **When**: Thursday, December 3, 2026, 11:30 AM–12:30 PM (CST)\n" in brief.stdout
    later = run("--vault", vault, "brief", "beta")
    assert "- **When**: Friday, December 4, 2026, 2:00–3:00 PM (CST)\n" in later.stdout
    args = ["--vault", vault, "due", "--today", "2026-12-04", "--kind", "thank-you"]
    listed = run(*args, "--format", "markdown")
    assert "- [ ] Send a thank-you letter to Dana Lee by 12:30 PM (" in listed.stdout
    assert "- [ ] Send a thank-you letter to the Beta team by 3:00 PM (" in listed.stdout
    assert "Fri 2026-12-04 12:30" in run(*args).stdout
    feed = run("--vault", vault, "feed", "--include", "thank-you")
    assert feed.exit_code == 0, feed.output
    titles = sorted(event["SUMMARY"] for event in validate(feed.stdout_bytes))
    assert titles == [
        "Send a thank-you letter to Dana Lee (Acme)\\, by 12:30 PM",  # who, then where
        "Send a thank-you letter to the Beta team\\, by 3:00 PM",  # the team says where
    ]
    config.write_text("timezone: America/Chicago\n", encoding="utf-8")
    british = run("--vault", vault, "brief", "acme")
    assert "- **When**: Thursday 3 December 2026, 11:30–12:30 (CST)\n" in british.stdout


def test_new_says_back_a_day_in_words_with_an_american_clock(vault, run):
    (vault / ".interviewkit" / "config.yaml").write_text(
        "timezone: America/Chicago\nlanguage: en-US\n", encoding="utf-8"
    )
    made = run("--vault", vault, "new", "Acme", "--role", "PM", "--round", "final",
               "--at", "friday 2pm")  # fmt: skip
    assert made.exit_code == 0, made.output
    assert re.search(
        r"warning: --at 'friday 2pm' is read as Friday \d{4}-\d{2}-\d{2} 2:00 PM; check the day",
        made.stderr,
    ), made.stderr


def test_a_twelve_hour_clock_names_noon_and_midnight_as_americans_do():
    at = datetime(2026, 12, 3, tzinfo=UTC)
    assert [clock(at.replace(hour=h), "en-US") for h in (0, 9, 12, 23)] == [
        "12:00 AM", "9:00 AM", "12:00 PM", "11:00 PM"
    ]  # fmt: skip
    assert clock(at.replace(hour=9, minute=5), "en") == "09:05"
    assert hours(at.replace(hour=23), at.replace(day=4, hour=0, minute=30), "en-US") == (
        "11:00 PM–12:30 AM"
    )


def test_english_stays_british_when_asked_for_in_a_us_zone(tmp_path, run):
    root = tmp_path / "v"
    made = run("init", root, "--language", "en", env=US)
    assert made.exit_code == 0 and "language: en-US" not in made.stdout
    interview = (root / "templates" / "interview.md").read_text(encoding="utf-8")
    assert "{{date:dddd D MMMM YYYY}} at {{time}}" in interview
    assert "\nlanguage:" not in (root / ".interviewkit" / "config.yaml").read_text()


def test_init_again_writes_missing_templates_in_the_vaults_own_language(tmp_path, run):
    """A German vault whose templates were deleted gets German ones back, in a time
    zone of the United States too: the config says what the vault is written in."""
    root = tmp_path / "v"
    assert run("init", root, "--language", "de", env=US).exit_code == 0
    (root / "templates" / "interview.md").unlink()
    again = run("init", root, env=US)
    assert again.exit_code == 0 and "language: en-US" not in again.stdout
    assert "## Wichtige Punkte" in (root / "templates" / "interview.md").read_text()
