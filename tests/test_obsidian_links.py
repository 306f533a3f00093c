"""Inside a larger Obsidian vault, every wikilink and obsidian:// link interviewkit
writes starts at that vault's root and names it; JSON paths stay the vault's own."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from .conftest import SAMPLE_VAULT
from .icscheck import validate


@pytest.fixture
def nested(tmp_path):
    """The sample vault as the folder `Job search` inside an Obsidian vault `Life`."""
    life = tmp_path / "Life"
    (life / ".obsidian").mkdir(parents=True)
    root = life / "Job search"
    return copy_without_vault_name(root)


def unfold(result) -> str:
    """A feed's text, checked by calendar parsers the project did not write, with its
    folded lines joined again (RFC 5545, 3.1)."""
    assert validate(result.stdout_bytes)
    return re.sub(r"\r\n[ \t]", "", result.stdout_bytes.decode("utf-8"))


def copy_without_vault_name(root):
    """A copy of the sample vault whose config leaves `vault_name` unset."""
    shutil.copytree(SAMPLE_VAULT, root)
    config = root / ".interviewkit" / "config.yaml"
    lines = config.read_text().splitlines(keepends=True)
    config.write_text("".join(line for line in lines if not line.startswith("vault_name:")))
    return root


def test_links_start_at_the_obsidian_vault_root(nested, run):
    today = ("--today", "2026-11-26")
    due = run("--vault", nested, "due", "--format", "markdown", *today).stdout
    assert "[[Job search/interviews/initrode/2026-11-12-onsite|Initrode onsite]]" in due
    brief = run("--vault", nested, "brief", "acme", *today).stdout
    assert "[[Job search/interviews/acme-robotics/" in brief
    questions = run("--vault", nested, "questions", "--format", "markdown").stdout
    assert "[[Job search/interviews/" in questions and "[[interviews/" not in questions
    unfolded = unfold(run("--vault", nested, "feed", "--include", "follow-up"))
    assert "obsidian://open?vault=Life&file=Job%20search%2Finterviews%2F" in unfolded
    document = json.loads(run("--vault", nested, "due", "--format", "json", *today).stdout)
    assert all(a["note"].startswith("interviews/") for a in document["actions"])


def test_a_due_list_written_where_its_links_cannot_open_is_warned(nested, run, tmp_path):
    """Anywhere in the Obsidian vault, above the interviewkit folder too, the list's
    links open; outside it, none do, and `due` says so (the list is still written)."""
    today = ("--today", "2026-11-26")
    for inside in (nested.parent / "Due.md", nested / "lists" / "Due.md"):
        inside.parent.mkdir(exist_ok=True)
        written = run("--vault", nested, "due", "--format", "markdown", "-o", inside, *today)
        assert written.exit_code == 0 and "warning" not in written.stderr, written.stderr
    outside = tmp_path / "Due.md"
    written = run("--vault", nested, "due", "--format", "markdown", "-o", outside, *today)
    assert written.exit_code == 0 and outside.read_text().startswith("# Interview actions")
    assert (
        f"warning: {outside} is outside the vault {nested.parent.resolve()}, so Obsidian opens "
        "none of its links to the notes"
    ) in written.stderr
    json_list = run("--vault", nested, "due", "--format", "json", "-o", outside, *today)
    assert "outside the vault" not in json_list.stderr


def test_vault_name_setting_names_the_vault_and_a_plain_vault_links_from_itself(
    nested, run, tmp_path
):
    config = nested / ".interviewkit" / "config.yaml"
    config.write_text(config.read_text() + 'vault_name: "My Life"\n')
    feed = unfold(run("--vault", nested, "feed", "--include", "follow-up"))
    assert "obsidian://open?vault=My%20Life&file=Job%20search%2Finterviews%2F" in feed
    plain = copy_without_vault_name(tmp_path / "plain")
    due = run("--vault", plain, "due", "--format", "markdown", "--today", "2026-11-26").stdout
    assert "[[interviews/initrode/2026-11-12-onsite|Initrode onsite]]" in due
    feed = unfold(run("--vault", plain, "feed", "--include", "follow-up"))
    assert "obsidian://open?vault=plain&file=interviews%2F" in feed


TEMPLATE = (
    '---\ntype: interview\ncompany: "<% tp.file.title %>"\n'
    'start: <% tp.date.now("YYYY-MM-DDTHH:mm") %>\npeople: []\n---\n## Important points\n'
)


@pytest.mark.parametrize(
    ("settings", "key"),
    [
        (".obsidian/templates.json", "folder"),
        (".obsidian/plugins/templater-obsidian/data.json", "templates_folder"),
    ],
)
def test_the_folders_of_obsidians_template_plugins_hold_no_interviews(tmp_path, run, settings, key):
    life = tmp_path / "Life"
    root = life / "Job search"
    (root / ".interviewkit").mkdir(parents=True)
    (root / ".interviewkit" / "config.yaml").write_text("timezone: Europe/Paris\n")
    (root / "interviews").mkdir()
    (root / "interviews" / "a.md").write_text(
        "---\ntype: interview\nid: a\ncompany: Acme\nstart: 2026-11-20T10:00\n---\n"
    )
    for folder in (life / "Meta" / "Templates", root / "Vorlagen"):  # outside and inside
        folder.mkdir(parents=True)
        (folder / "Interview.md").write_text(TEMPLATE)
    (life / ".obsidian").mkdir()
    before = run("--vault", root, "check")
    assert "Vorlagen/Interview.md:4: start: '<% tp.date" in before.stdout  # not set yet
    assert before.stderr.endswith("2 notes checked, 1 error, 3 warnings\n")  # the broken one too
    assert "Vorlagen/Interview.md:3: warning: company: '<% tp.file.title %>' is a Templater" in (
        before.stdout
    )
    (life / settings).parent.mkdir(parents=True, exist_ok=True)
    (life / settings).write_text(json.dumps({key: "Job search/Vorlagen/"}))
    after = run("--vault", root, "check")
    assert after.exit_code == 0, after.stdout
    assert "Vorlagen" not in after.output and after.stderr.endswith(
        "1 note checked, 0 errors, 0 warnings\n"
    )
    listed = json.loads(run("--vault", root, "due", "--all", "--format", "json").stdout)
    assert listed["problems"] == [] and {a["note"] for a in listed["actions"]} == {
        "interviews/a.md"
    }
    (life / settings).write_text(json.dumps({key: "Meta/Templates"}))  # outside: nothing to skip
    assert "Vorlagen/Interview.md:4" in run("--vault", root, "check").stdout
    (life / settings).write_text("{not json")  # unreadable settings skip nothing, and stop nothing
    assert "Vorlagen/Interview.md:4" in run("--vault", root, "check").stdout


def test_a_templates_folder_is_skipped_in_any_case(vault, write, run):
    """`Templates` is the `templates` folder where the file system folds case (macOS,
    Windows), and holds templates by its name everywhere: its placeholders are no
    broken interview."""
    write("Templates/Templater interview.md", TEMPLATE)
    write(
        "interviews/a.md",
        "---\ntype: interview\nid: a\ncompany: Acme\nstart: 2026-11-20T10:00\n---\n",
    )
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 0, checked.stdout
    assert "Templates" not in checked.output and checked.stderr.endswith(
        "1 note checked, 0 errors, 0 warnings\n"
    )
    # and `new` takes its templates from there, as macOS and Windows would
    write("Templates/interview.md", "---\ntype: interview\n---\n# Mine: {{company}}\n")
    made = run("--vault", vault, "new", "Globex", "--round", "final", "--at", "2026-12-09 10:00")
    assert made.exit_code == 0, made.output
    assert (vault / made.stdout.strip()).read_text().endswith("---\n# Mine: Globex\n")
    (vault / ".interviewkit" / "config.yaml").write_text(
        "timezone: Europe/Paris\ntemplates_folder: Vorlagen\n"
    )
    assert "Templates/Templater interview.md" in run("--vault", vault, "check").stdout
