"""The settings spec: every setting validated, documented and felt by the rules."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from interviewkit.config import BY_NAME, SPEC, Settings, load_settings, settings_table

from .conftest import PROJECT, note

# A Friday interview with everything recorded except what a case leaves out.
BODY = """
## Important points
- They ship weekly.

## Questions asked
- Why this company?

## Fit
Felt right.

## Answers to improve
- Be concrete.
"""


@dataclass(frozen=True)
class RuleCase:
    """Setting `name` to `value` moves action `kind` from `default_due` to `changed_due`
    (None: the action is not listed)."""

    value: object
    kind: str
    default_due: str | None
    changed_due: str | None
    today: str = "2026-11-20"
    keys: dict[str, str] = field(default_factory=dict)
    within: bool = False  # run `due` without --all


RULE_CASES = {
    "interview_minutes": RuleCase(120, "thank-you", "2026-11-21T11:00:00+01:00", "2026-11-21T12:00:00+01:00"),
    "thank_you_hours": RuleCase(48, "thank-you", "2026-11-21T11:00:00+01:00", "2026-11-22T11:00:00+01:00"),
    "prepare_days_before": RuleCase(3, "prepare", "2026-11-19", "2026-11-17", today="2026-11-15"),
    "reflect_days": RuleCase(5, "reflect", "2026-11-22", "2026-11-25", keys={"_no_fit": "1"}),
    "follow_up_after_decision_business_days": RuleCase(
        4, "follow-up", "2026-11-26", "2026-11-30", keys={"decision_by": "2026-11-24"}
    ),
    "follow_up_default_business_days": RuleCase(3, "follow-up", "2026-12-01", "2026-11-25"),
    "follow_up_again_days": RuleCase(
        3, "follow-up", "2026-12-04", "2026-11-30", keys={"followed_up": "[2026-11-27]"}
    ),
    "follow_up_limit": RuleCase(1, "follow-up", "2026-12-04", None, keys={"followed_up": "[2026-11-27]"}),
    "close_after_days": RuleCase(
        7, "close", "2026-12-18", "2026-12-11", keys={"followed_up": "[2026-11-27, 2026-12-04]"}
    ),
    "within_days": RuleCase(20, "follow-up", None, "2026-12-01", within=True),
    "holidays": RuleCase(
        "DE-BY", "follow-up", "2026-12-25", "2026-12-28", keys={"decision_by": "2026-12-23"}
    ),
}  # fmt: skip


def interview(keys: dict[str, str]) -> str:
    lines = [
        "---",
        "type: interview",
        "id: a",
        "company: Acme",
        "start: 2026-11-20T10:00",
        'people: ["Dana Whitfield"]',
    ]
    lines += [f"{k}: {v}" for k, v in keys.items() if not k.startswith("_")]
    body = BODY.replace("## Fit\nFelt right.\n", "") if "_no_fit" in keys else BODY
    return "\n".join([*lines, "---", body])


def due_of(run, root: Path, case: RuleCase) -> str | None:
    args = ["--vault", root, "due", "--format", "json", "--today", case.today]
    result = run(*args, *([] if case.within else ["--all"]))
    assert result.exit_code == 0, result.stderr
    found = [a["due"] for a in json.loads(result.stdout)["actions"] if a["kind"] == case.kind]
    return found[0] if found else None


@pytest.mark.parametrize("name", sorted(RULE_CASES))
def test_each_rule_setting_moves_its_action(run, tmp_path, name):
    case = RULE_CASES[name]
    root = tmp_path / "v"
    (root / ".interviewkit").mkdir(parents=True)
    (root / "interviews").mkdir()
    (root / "interviews" / "a.md").write_text(interview(case.keys))
    config = root / ".interviewkit" / "config.yaml"
    config.write_text("timezone: Europe/Paris\n")
    assert due_of(run, root, case) == case.default_due
    config.write_text(f"timezone: Europe/Paris\n{name}: {case.value}\n")
    assert due_of(run, root, case) == case.changed_due


HEADINGS = {s.name for s in SPEC if s.group == "headings"}


@pytest.mark.parametrize("name", sorted(HEADINGS))
def test_each_heading_setting_moves_its_section(run, tmp_path, name):
    """Under a renamed heading, the section's text reaches the brief (for fit, counts
    for the reflect action; for the thank-you points, reaches the letter) only once
    the setting names that heading."""
    key = name.removeprefix("heading_")
    root = tmp_path / "v"
    (root / ".interviewkit").mkdir(parents=True)
    config = root / ".interviewkit" / "config.yaml"
    config.write_text("timezone: Europe/Paris\n")
    first = "---\ntype: interview\nid: first\ncompany: Acme\nstart: 2026-11-10T10:00\n---\n"
    second = "---\ntype: interview\nid: second\ncompany: Acme\nstart: 2026-11-30T10:00\n---\n"
    section = f"## My own words for {key}\n- marker-{key}\n"
    note = root / "interviews"
    note.mkdir()
    (note / "first.md").write_text(first + ("" if key == "before_you_leave" else section))
    (note / "second.md").write_text(second + (section if key == "before_you_leave" else ""))

    def shows() -> bool:
        if key == "fit":  # reflecting then waits only for "Answers to improve"
            due = run("--vault", root, "due", "--all", "--today", "2026-11-11", "--format", "json")
            summaries = {a["id"]: a["summary"] for a in json.loads(due.stdout)["actions"]}
            return summaries["first:reflect"].endswith("(Answers to improve is empty)")
        if key == "thank_you_points":  # the only section a letter copies
            letter = run("--vault", root, "draft", "thank-you", "first")
            assert letter.exit_code == 0, letter.stderr
            return f"marker-{key}" in letter.stdout
        brief = run("--vault", root, "brief", "second", "--today", "2026-11-20")
        assert brief.exit_code == 0, brief.stderr
        return f"marker-{key}" in brief.stdout

    assert not shows()
    config.write_text(f'timezone: Europe/Paris\n{name}: "My own words for {key}"\n')
    assert shows()


def test_every_rule_and_heading_setting_has_a_case():
    rules = {s.name for s in SPEC if s.group == "rules"}
    assert rules == set(RULE_CASES)
    assert {f"heading_{key}" for key in Settings().headings()} == HEADINGS
    assert len(HEADINGS) == 8


def test_defaults_come_from_the_spec():
    settings = Settings()
    for setting in SPEC:
        assert getattr(settings, setting.name) == setting.default
    assert hash(settings) == hash(Settings())


def test_init_writes_every_setting(run, tmp_path):
    assert run("init", tmp_path / "v").exit_code == 0
    text = (tmp_path / "v" / ".interviewkit" / "config.yaml").read_text()
    for setting in SPEC:
        prefix = "" if setting.computed else "# "  # the zone is set, the rest commented
        assert f"# {setting.help}\n{prefix}{setting.name}: " in text
    utc = {"TZ": "UTC"}  # as the init run had it
    assert load_settings(tmp_path / "v", utc) == load_settings(tmp_path / "nowhere", utc)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("timezon: UTC", "config.yaml:2: unknown setting 'timezon' (did you mean timezone?)"),
        ("within_days: soon", "config.yaml:2: within_days: 'soon' is not a whole number"),
        ("follow_up_limit: 0", "config.yaml:2: follow_up_limit: 0 is below the minimum of 1"),
        ("feed_redact: maybe", "config.yaml:2: feed_redact: 'maybe' is not true or false"),
        ("feed_include: [follow-up, tnak-you]", "unknown item 'tnak-you' (choose from"),
        ("feed_include: [follow-up, tnak-you]", "did you mean thank-you?"),
        ("notes_folder: ../elsewhere", "notes_folder: '../elsewhere' must be a folder inside"),
        ("heading_fit: ''", "config.yaml:2: heading_fit: a heading cannot be empty"),
        ("timezone: Europe/Pariss", "did you mean Europe/Paris?"),
        ("date_order: ymd", "(like dmy); it only says how to read 12/9/2026: dates written"),
        (
            "timezone: UTC\ntimezone: Asia/Tokyo",
            "config.yaml:3: timezone is written twice (first on line 2)",
        ),
        (
            "<<<<<<< HEAD\ntimezone: UTC\n=======\ntimezone: Asia/Tokyo\n>>>>>>> b",
            "config.yaml:2: holds a git merge conflict from here: keep the lines you want",
        ),
    ],
)
def test_bad_values_name_file_line_and_fix(run, vault, line, message):
    (vault / ".interviewkit" / "config.yaml").write_text(f"# mine\n{line}\n")
    result = run("--vault", vault, "due")
    assert result.exit_code == 3
    assert message in result.stderr


def test_a_list_may_be_yaml_or_comma_separated(vault):
    config = vault / ".interviewkit" / "config.yaml"
    config.write_text("feed_include: [follow-up, interviews]\n")
    as_list = load_settings(vault).feed_kinds()
    config.write_text("feed_include: follow-up, interviews\n")
    assert as_list == load_settings(vault).feed_kinds() == ("follow-up", "interviews")


@pytest.mark.parametrize(
    ("kind", "good", "value", "bad"),
    [
        ("time of day", "09:30", "9:30", "25:00"),
        ("country code", "DE", "DE", "Germany"),
        ("language code", "de", "de", "German"),
    ],
)
def test_kinds_for_later_settings(kind, good, value, bad):
    from dataclasses import replace

    setting = replace(BY_NAME["name"], kind=kind, default="")
    assert str(setting.convert(value)).startswith(good[:2])
    with pytest.raises(ValueError):
        setting.convert(bad)


def test_the_readme_table_is_made_from_the_spec(generated):
    generated(PROJECT / "README.md", "settings", settings_table())


def test_the_machine_zone_is_found_or_said_to_be_unknown(tmp_path):
    from interviewkit.config import detect_timezone

    nowhere = str(tmp_path / "missing")
    assert detect_timezone({"TZ": ":Asia/Tokyo"}, nowhere, nowhere) == ("Asia/Tokyo", True)
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/America/Santiago")
    assert detect_timezone({}, str(link), nowhere) == ("America/Santiago", True)
    (tmp_path / "timezone").write_text("Europe/Dublin\n")
    assert detect_timezone({"TZ": "Mars/Base"}, nowhere, str(tmp_path / "timezone")) == (
        "Europe/Dublin",
        True,
    )
    # nothing to go on: UTC, and False so that `init` warns
    assert detect_timezone({"TZ": "Mars/Base"}, nowhere, nowhere) == ("UTC", False)


@pytest.mark.parametrize(
    ("heading", "warned"),
    [
        ("## Questions I was asked", True),  # holds every word of "Questions asked"
        ("### questions, asked!", True),  # punctuation: not the section, but like it
        ("## Questions ask", True),  # 75% alike or more
        ("## Question", False),  # neither
        ("## Answers I would improve", True),  # 75% alike "Answers to improve"
        ("## Weather", False),
        ("### Key points", True),  # other words for "Important points" (HEADING_SYNONYMS)
        ("## Interviewers", True),
        ("## Culture", True),
        ("## Eindrücke", True),
        ("## Next steps", True),  # where a day they named goes unread
        ("## Nächste Schritte", True),
        ("## Key", False),
    ],
)
def test_a_heading_like_a_sections_warns_whether_or_not_the_interview_started(
    run, tmp_path, heading, warned
):
    root = tmp_path / "v"
    (root / ".interviewkit").mkdir(parents=True)
    (root / ".interviewkit" / "config.yaml").write_text("timezone: Europe/Paris\n")
    (root / "interviews").mkdir()
    for name, start in (("past", "2026-11-10T10:00"), ("future", "2027-01-10T10:00")):
        (root / "interviews" / f"{name}.md").write_text(
            f"---\ntype: interview\nid: {name}\ncompany: Acme\nstart: {start}\n---\n{heading}\n- x\n"
        )
    checked = run("--vault", root, "check").stdout
    assert (checked.count("looks like `") == 2) is warned, checked


def test_a_section_named_in_other_words_is_named_until_the_settings_take_it(vault, write, run):
    """`Key points` is named where the debrief stays open, and in `check`, unless the
    note has the section under its own name too; a heading setting listing it makes
    it the section, and the action closes."""
    body = "## Key points\n- on call\n## Questions asked\n- Why us?\n"
    write("interviews/a.md", note(id="a") + body)
    due = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    (debrief,) = [a for a in due["actions"] if a["kind"] == "debrief"]
    assert (
        "`## Key points` is not read as Important points: rename it, or add it to "
        in (debrief["summary"])
    )
    assert "interviews/a.md:8: warning: `## Key points` looks like `Important points`" in (
        run("--vault", vault, "check").stdout
    )
    write("interviews/a.md", note(id="a") + body + "## Important points\n- pay\n")
    assert "looks like" not in run("--vault", vault, "check").stdout
    write("interviews/a.md", note(id="a") + body)
    config = vault / ".interviewkit" / "config.yaml"
    config.write_text(
        config.read_text() + "heading_important_points: [Important points, Key points]\n"
    )
    due = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert "debrief" not in {a["kind"] for a in due["actions"]}
    assert "looks like" not in run("--vault", vault, "check").stdout


def test_an_action_that_a_look_alike_heading_leaves_open_names_that_heading(vault, write, run):
    body = "## Important points\n- pay\n## Questions they asked me\n- Why us?\n## Fit\n"
    path = write("interviews/a.md", note(id="a") + body)
    os.utime(path, (path.stat().st_mtime - 60,) * 2)  # old enough for the cache to trust
    due = ["--vault", vault, "due", "--all", "--format", "json", "--today", "2026-11-30"]
    for other in ("", "the company's rows worked out again, a.md's from its cached record"):
        if other:
            write("interviews/b.md", note(id="b", start="2026-11-25T10:00"))
        actions = json.loads(run(*due).stdout)["actions"]
        summaries = {a["kind"]: a["summary"] for a in actions if a["note"] == "interviews/a.md"}
        assert summaries["debrief"] == (
            "Write down the points discussed and the questions asked at Acme (`## Questions "
            "they asked me` is not read as Questions asked: rename it, or add it to "
            "heading_questions_asked)"
        )
        assert summaries["reflect"].endswith("(Answers to improve and Fit are empty)")
    write("interviews/a.md", note(id="a") + body.replace("they asked me", "asked"))
    actions = json.loads(run(*due).stdout)["actions"]
    kinds = {a["kind"] for a in actions if a["note"] == "interviews/a.md"}
    assert "reflect" in kinds and "debrief" not in kinds  # the edit counts the section


@pytest.mark.parametrize(
    "heading",
    [
        "## Questions asked:", "## **Questions asked**", "### questions asked :",
        # an emoji, a symbol or a number around the words, as Obsidian users write them
        "## ❓ Questions asked", "## ❓️Questions asked", "## 2. Questions asked",
        "## 2) Questions asked:", "## Questions asked ✅", "## ❓ **Questions asked**",
        "## — Questions asked —",
    ],
)  # fmt: skip
def test_a_heading_in_bold_or_before_a_colon_is_the_section(vault, write, run, heading):
    write("interviews/a.md", note(id="a") + f"## Important points\n- pay\n{heading}\n- Why us?\n")
    due = ["--vault", vault, "due", "--all", "--format", "json", "--today", "2026-11-30"]
    kinds = {a["kind"] for a in json.loads(run(*due).stdout)["actions"]}
    assert "debrief" not in kinds and "reflect" in kinds
    assert "Questions asked" not in run("--vault", vault, "check").stdout
    assert "Why us?" in run("--vault", vault, "questions").stdout


@pytest.mark.parametrize(
    ("line", "under"),
    [
        ("**Questions asked**", ""), ("Questions asked:", ""), ("__Questions asked:__", ""),
        ("Questions asked", "---------------\n"), ("Questions asked", "===\n"),  # setext
    ],
)  # fmt: skip
def test_a_section_s_heading_written_without_its_hash_is_named(vault, write, run, line, under):
    body = f"## Important points\n- pay\n\n{line}\n{under}- Why us?\n"
    write("interviews/a.md", note(id="a") + body)
    due = ["--vault", vault, "due", "--all", "--format", "json", "--today", "2026-11-30"]
    summaries = {a["kind"]: a["summary"] for a in json.loads(run(*due).stdout)["actions"]}
    assert summaries["debrief"] == (
        "Write down the points discussed and the questions asked at Acme "
        f"(`{line}` is not a heading: write `## Questions asked`)"
    )
    assert (
        f"interviews/a.md:11: warning: `{line}` is not a heading, so its text is not read as "
        "Questions asked: write `## Questions asked`"
    ) in run("--vault", vault, "check").stdout


@pytest.mark.parametrize(
    "heading", ["## Questions asked (technical)", "## 2026 Questions asked", "## Questions asked 2"]
)
def test_words_or_numbers_beside_a_heading_s_words_keep_it_a_near_miss(vault, write, run, heading):
    write("interviews/a.md", note(id="a") + f"## Important points\n- pay\n{heading}\n- Why us?\n")
    assert "Why us?" not in run("--vault", vault, "questions").stdout
    assert f"`{heading}` looks like `Questions asked`" in run("--vault", vault, "check").stdout


@pytest.mark.parametrize(
    "lines", ["- Questions asked:\n  - x", "- Questions asked\n---", "Questions asked\n--- x"]
)
def test_a_list_item_or_a_line_like_a_heading_is_no_hint(vault, write, run, lines):
    write("interviews/a.md", note(id="a") + f"## Important points\n{lines}\n")
    assert "not a heading" not in run("--vault", vault, "check").stdout


def test_a_line_like_a_heading_in_code_or_under_its_section_is_no_hint(vault, write, run):
    body = "## Important points\n```\nFit:\n```\n## Questions asked\n- x\nQuestions asked:\n"
    write("interviews/a.md", note(id="a") + body)
    assert "not a heading" not in run("--vault", vault, "check").stdout


def test_a_heading_setting_takes_alternatives_and_writes_the_first(run, tmp_path):
    root = tmp_path / "v"
    assert run("init", root, env={"TZ": "Europe/Paris"}).exit_code == 0
    config = root / ".interviewkit" / "config.yaml"
    config.write_text(
        config.read_text() + "heading_questions_asked: [Fragen, Questions I was asked]\n"
    )
    (root / "interviews").mkdir()
    (root / "interviews" / "a.md").write_text(
        "---\ntype: interview\nid: a\ncompany: Acme\nstart: 2026-11-10T10:00\n---\n"
        "## Questions I was asked\n- Why us?\n"
    )
    bank = json.loads(run("--vault", root, "questions", "--format", "json").stdout)
    assert [q["question"] for q in bank["questions"]] == ["Why us?"]
    assert "looks like" not in run("--vault", root, "check").stdout
    assert load_settings(root).heading_questions_asked == ("Fragen", "Questions I was asked")
