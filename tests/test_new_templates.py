"""`new` with templates people write themselves: without front matter, with only
some of the contract's keys, nested values, long values, and broken ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest


@pytest.fixture
def own(run, tmp_path: Path):
    """A fresh vault, and a function that replaces its interview template."""
    root = tmp_path / "V"
    assert run("init", root).exit_code == 0

    def template(text: str) -> Path:
        (root / "templates" / "interview.md").write_text(text, encoding="utf-8")
        return root

    return template


def _new(run, root: Path, *more: str):
    return run("--vault", root, "new", "Acme", "--at", "2026-12-09 14:00", *more)


def test_a_template_without_front_matter_gets_the_contract_and_a_final_newline(own, run):
    root = own("# {{company}}: {{round}}")
    made = _new(run, root)
    assert made.exit_code == 0, made.output
    text = (root / made.stdout.strip()).read_text(encoding="utf-8")
    assert text.startswith("---\ntype: interview\nid: acme-2026-12-09-interview\n")
    assert text.endswith("---\n# Acme: interview\n")


def test_the_contract_keys_a_template_lacks_go_in_the_contracts_order_before_its_own(own, run):
    long_role = "Principal Engineer, " + "platform and data infrastructure " * 4
    root = own(
        "---\ntype: interview\nsource:\n  site: LinkedIn\n  ref: 12\n"
        "tags: [interview]\n---\n# Notes\n"
    )
    made = _new(run, root, "--role", long_role.strip(), "--person", "Dana")
    assert made.exit_code == 0, made.output
    text = (root / made.stdout.strip()).read_text(encoding="utf-8")
    assert text.split("---\n")[1] == (
        "type: interview\n"
        "id: acme-2026-12-09-interview\n"
        "company: Acme\n"
        f"role: {long_role.strip()}\n"  # one line, however long
        'round: ""\n'
        "start: 2026-12-09T14:00\n"
        "end: 2026-12-09T15:00\n"
        "people:\n"
        "  - Dana\n"
        "source:\n"
        "  site: LinkedIn\n"
        "  ref: 12\n"
        "tags: [interview]\n"
    )


@pytest.mark.parametrize(
    ("front", "said"),
    [
        ("type: [interview\n", "templates/interview.md: the front matter is not valid YAML"),
        ("- type\n- interview\n", "templates/interview.md:2: the front matter is not a mapping"),
        ("type: interview\nnext: '{{nxt}}'\n", "templates/interview.md:3: unknown placeholder"),
    ],
)
def test_a_broken_template_is_named_with_its_line_and_nothing_is_written(own, run, front, said):
    root = own(f"---\n{front}---\n# Notes\n")
    made = _new(run, root)
    assert made.exit_code == 8
    assert said in made.stderr and "Traceback" not in made.output
    assert not (root / "interviews").exists()


def test_a_file_already_at_the_new_notes_path_is_left_as_it_is(own, run):
    root = own("---\ntype: interview\n---\n")
    mine = root / "interviews" / "Acme" / "2026-12-09 Acme interview.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("my own notes, not an interview note\n")
    made = _new(run, root)
    assert made.exit_code == 6
    assert (
        "interviews/Acme/2026-12-09 Acme interview.md: already exists (same company, day and "
        "round); left as it is. For another round that day, give it a round of its own, like "
        '--round "interview 2"'
    ) in made.stderr
    assert mine.read_text() == "my own notes, not an interview note\n"


TOKENS = "YYYY YY MMMM MMM MM M DD D dddd ddd HH H hh h mm ss A a [at] [HH]"


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        # just after midnight: 12 on a 12-hour clock, am
        ("2026-03-05T00:05:09", "2026 26 March Mar 03 3 05 5 Thursday Thu 00 0 12 12 05 09 AM am at HH"),
        # noon is pm
        ("2026-12-09T12:30:00", "2026 26 December Dec 12 12 09 9 Wednesday Wed 12 12 12 12 30 00 PM pm at HH"),
        ("2027-01-31T23:59:58", "2027 27 January Jan 01 1 31 31 Sunday Sun 23 23 11 11 59 58 PM pm at HH"),
    ],
)  # fmt: skip
def test_every_moment_token_as_obsidians_templates_write_it(moment, shown):
    from datetime import datetime

    from interviewkit.write.templates import moment_format

    assert moment_format(datetime.fromisoformat(moment), TOKENS) == shown


def test_date_and_time_placeholders_take_their_default_formats(own, run):
    root = own("---\ntype: interview\n---\n{{date}} {{time}} {{date:dddd}}\n")
    made = run("--vault", root, "new", "Acme", "--at", "2026-12-09 09:05")
    assert made.exit_code == 0, made.output
    text = (root / made.stdout.strip()).read_text(encoding="utf-8")
    assert text.endswith("---\n2026-12-09 09:05 Wednesday\n")


def test_a_template_is_named_with_or_without_its_md(own, run):
    root = own("---\ntype: interview\n---\n# {{company}}\n")
    for name in ("interview", "interview.md"):
        made = run("--vault", root, "new", "Acme", "--at", "2026-12-09 14:00", "--template", name)
        assert made.exit_code == 0, made.output
        path = root / made.stdout.strip()
        assert path.read_text(encoding="utf-8").endswith("---\n# Acme\n")
        path.unlink()


@pytest.mark.parametrize("name", ["../interview", "sub/interview", "sub\\interview", ".hidden"])
def test_a_template_name_that_is_a_path_or_hidden_is_refused(own, run, name):
    root = own("---\ntype: interview\n---\n")
    (root / "templates" / ".hidden.md").write_text("---\ntype: interview\n---\n")
    made = run("--vault", root, "new", "Acme", "--at", "2026-12-09 14:00", "--template", name)
    assert made.exit_code != 0
    assert f"{name!r} is not a template name (use a name like interview)" in made.stderr
    assert not (root / "interviews").exists()


def test_an_unknown_template_lists_the_vaults_and_the_shipped_ones(own, run):
    root = own("---\ntype: interview\n---\n")
    (root / "templates" / "panel.md").write_text("---\ntype: interview\n---\n")
    made = run("--vault", root, "new", "Acme", "--at", "2026-12-09 14:00", "--template", "nope")
    assert made.exit_code != 0
    # the letter templates beside them are not for notes, so they are not offered
    assert "unknown template 'nope' (available: interview, panel)" in made.stderr


def test_a_german_vault_without_its_own_template_takes_the_shipped_german_one(run, tmp_path):
    root = tmp_path / "V"
    assert run("init", root, "--language", "de").exit_code == 0
    (root / "templates" / "interview.md").unlink()
    made = run("--vault", root, "new", "Acme", "--at", "2026-12-09 14:00", "--round", "onsite")
    assert made.exit_code == 0, made.output
    text = (root / made.stdout.strip()).read_text(encoding="utf-8")
    assert "# Acme: onsite am Mittwoch, 9. Dezember 2026 um 14:00\n" in text
    assert "## Vor dem Gehen\n" in text


def test_a_date_value_without_a_format_is_written_as_an_iso_day():
    from datetime import date

    from interviewkit.write.templates import fill

    values = {"follow_up_on": date(2026, 12, 3)}
    assert fill("{{follow_up_on}} / {{follow_up_on:D MMMM}}", values, None) == (
        "2026-12-03 / 3 December"
    )


def test_english_names_come_without_loading_the_language_data(tmp_path):
    from .conftest import modules_after

    root = tmp_path / "V"
    assert "babel" not in " ".join(modules_after(["init", str(root)]))
    made = modules_after(["--vault", str(root), "new", "Acme", "--at", "2026-12-09 14:00"])
    assert (root / "interviews").is_dir()
    assert not [m for m in made if m.split(".")[0] == "babel"]


def test_an_empty_front_matter_and_a_plain_placeholder_in_it_are_filled(own, run):
    root = own("---\n---\n# {{company}} ({{role}})\n")
    made = _new(run, root, "--role", "Data Engineer")
    assert made.exit_code == 0, made.output
    assert (
        (root / made.stdout.strip())
        .read_text(encoding="utf-8")
        .endswith("---\n# Acme (Data Engineer)\n")
    )
    root = own("---\ntitle: Interview with {{company}}\n---\n")
    for company, written in (
        ("Acme", "title: Interview with Acme\n"),
        ("Acme: Labs", 'title: "Interview with Acme: Labs"\n'),  # quoted so it reads back
    ):
        made = run("--vault", root, "new", company, "--at", "2026-12-10 14:00")
        assert made.exit_code == 0, made.output
        assert written in (root / made.stdout.strip()).read_text(encoding="utf-8")


def test_init_makes_the_folders_a_new_vault_needs(run, tmp_path):
    root = tmp_path / "not" / "there" / "yet"
    made = run("init", root)
    assert made.exit_code == 0, made.output
    assert (root / ".interviewkit" / "config.yaml").is_file()


def test_new_takes_a_link_in_capitals_and_names_the_option_holding_a_control_character(own, run):
    root = own("---\ntype: interview\n---\n")
    made = _new(run, root, "--link", "HTTPS://MEET.EXAMPLE/ABC")
    assert made.exit_code == 0, made.output
    assert 'link: "HTTPS://MEET.EXAMPLE/ABC"\n' in (root / made.stdout.strip()).read_text()
    bad = run("--vault", root, "new", "Beta", "--at", "2026-12-09 14:00", "--person", "Sam\x07")
    assert bad.exit_code == 2
    assert "--person 'Sam\\x07' holds the control character U+0007; remove it" in bad.stderr


def test_new_at_with_an_offset_says_nothing_and_slashes_follow_the_date_order(own, run):
    root = own("---\ntype: interview\n---\n")
    config = root / ".interviewkit" / "config.yaml"
    zone = re.sub(r"(?m)^timezone: .*$", "timezone: Europe/Paris", config.read_text())
    config.write_text(zone)
    whole = ("--role", "Data Engineer", "--round", "onsite")
    made = run("--vault", root, "new", "Acme", "--at", "2026-12-09T13:00Z", *whole)
    assert made.exit_code == 0 and made.stderr == ""
    text = (root / made.stdout.strip()).read_text()
    assert "start: 2026-12-09T14:00\n" in text  # 13:00 UTC, in Paris
    config.write_text(config.read_text() + "date_order: dmy\n")
    made = run("--vault", root, "new", "Beta", "--at", "3/12/2026 14:30")
    assert made.exit_code == 0, made.output
    assert "start: 2026-12-03T14:30\n" in (root / made.stdout.strip()).read_text()


def test_a_part_of_the_note_path_that_cleans_to_nothing_becomes_interview(own, run):
    root = own("---\ntype: interview\n---\n")
    config = root / ".interviewkit" / "config.yaml"
    config.write_text(config.read_text() + "note_path: '../{{company}}'\n")
    made = _new(run, root)
    assert made.exit_code == 0, made.output
    assert made.stdout.strip() == "interviews/interview/Acme.md"


def test_a_template_saved_with_a_bom_is_read_without_it_and_one_not_in_utf8_is_named(own, run):
    root = own("\ufeff---\ntype: interview\nsource: mail\n---\n# {{company}}\n")
    made = _new(run, root)
    assert made.exit_code == 0, made.output
    text = (root / made.stdout.strip()).read_bytes().decode("utf-8")
    assert text.startswith("---\ntype: interview\n") and "source: mail\n" in text
    (root / "templates" / "interview.md").write_bytes(b"---\ntype: interview\n---\n\xff\n")
    broken = run("--vault", root, "new", "Beta", "--at", "2026-12-09 14:00")
    assert broken.exit_code != 0
    assert "templates/interview.md:1: cannot read the template: 'utf-8' codec" in broken.stderr
