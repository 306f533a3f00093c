"""Issue 2: init, new, templates, settings, the vault walk, packaging."""

from __future__ import annotations

import os
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from interviewkit.config import load_settings
from interviewkit.errors import ConfigError
from interviewkit.notes.people import nameless, several_in_one
from interviewkit.notes.slugs import slugify
from interviewkit.vault.walk import find_root, walk_markdown

from .conftest import PROJECT, note


def front_matter(path: Path) -> tuple[dict, dict]:
    """The note's front matter read by PyYAML and by ruamel.yaml."""
    text = path.read_text(encoding="utf-8")
    block = text.split("---\n")[1]
    return yaml.safe_load(block), dict(YAML(typ="rt").load(block))


DONE_WHEN_ARGS = [
    "new",
    "Acme: Robotics & Co",
    "--role",
    "Sr. Engineer #1",
    "--round",
    "onsite",
    "--at",
    "2026-11-27 14:00",
    "--person",
    "Jane O'Neil <jane@acme.example>",
]


def test_new_writes_exact_values_read_back_by_both_yaml_libraries(tmp_path, run):
    root = tmp_path / "V"
    assert run("init", root).exit_code == 0
    result = run("--vault", root, *DONE_WHEN_ARGS)
    assert result.exit_code == 0, result.output
    rel = result.stdout.strip()
    assert rel == "interviews/Acme Robotics & Co/2026-11-27 Acme Robotics & Co onsite.md"
    for data in front_matter(root / rel):
        assert data["type"] == "interview"
        assert data["id"] == "acme-robotics-co-2026-11-27-onsite"
        assert data["company"] == "Acme: Robotics & Co"
        assert data["role"] == "Sr. Engineer #1"
        assert data["round"] == "onsite"
        assert data["people"] == ["Jane O'Neil <jane@acme.example>"]
        assert str(data["start"]) == "2026-11-27T14:00"
        assert str(data["end"]) == "2026-11-27T15:00"


def test_new_quotes_the_words_yaml_1_1_reads_as_booleans(tmp_path, run):
    # On is a shoe company; YAML 1.1 readers (PyYAML, and tools built on it) read a
    # plain On, Yes or No as a boolean, so these must be written quoted.
    root = tmp_path / "V"
    assert run("init", root).exit_code == 0
    result = run(
        "--vault", root, "new", "On", "--role", "Yes", "--round", "No", "--at", "2026-11-27 14:00"
    )
    assert result.exit_code == 0, result.output
    path = root / result.stdout.strip()
    assert 'company: "On"' in path.read_text(encoding="utf-8")
    for data in front_matter(path):
        assert (data["company"], data["role"], data["round"]) == ("On", "Yes", "No")


def test_new_matches_golden_note(tmp_path, run, golden):
    root = tmp_path / "V"
    run("init", root)
    rel = run("--vault", root, *DONE_WHEN_ARGS).stdout.strip()
    golden("new-note.md", (root / rel).read_text(encoding="utf-8"))


def test_same_interview_twice_is_refused_and_the_file_is_untouched(tmp_path, run):
    root = tmp_path / "V"
    run("init", root)
    rel = run("--vault", root, *DONE_WHEN_ARGS).stdout.strip()
    before = (root / rel).read_bytes()
    again = run("--vault", root, *DONE_WHEN_ARGS)
    assert again.exit_code != 0
    assert rel in again.stderr
    assert (root / rel).read_bytes() == before


def test_another_round_the_same_day_gets_its_own_file(vault, run):
    first = run("--vault", vault, "new", "Acme", "--round", "technical", "--at", "2026-11-27 10:00")
    second = run("--vault", vault, "new", "Acme", "--round", "culture", "--at", "2026-11-27 14:00")
    assert first.exit_code == second.exit_code == 0
    assert first.stdout != second.stdout
    assert len(list((vault / "interviews" / "Acme").glob("*.md"))) == 2


@pytest.mark.parametrize(
    ("at", "start"),
    [
        ("tomorrow 14:00", "2026-12-01T14:00:00+01:00"),
        ("Today 9:30", "2026-11-30T09:30:00+01:00"),
        ("yesterday 2pm", "2026-11-29T14:00:00+01:00"),
        ("tomorrow", "2026-12-01T09:00:00+01:00"),
    ],
)
def test_at_takes_yesterday_today_and_tomorrow_before_a_time(at, start):
    from zoneinfo import ZoneInfo

    from interviewkit.write.scaffold import parse_at

    zone = ZoneInfo("Europe/Paris")
    assert parse_at(at, zone, "", date(2026, 11, 30)) == (datetime.fromisoformat(start), "")


def test_new_at_tomorrow_writes_that_time(vault, run):
    made = run("--vault", vault, "new", "Acme", "--round", "a", "--at", "tomorrow 10:00")
    assert made.exit_code == 0, made.output
    note = (vault / made.stdout.strip()).read_text()
    assert re.search(r"^start: \d{4}-\d{2}-\d{2}T10:00$", note, re.M)


def test_a_long_company_is_shortened_in_the_file_name_by_words_keeping_the_round(vault, run):
    company = "Bundesministerium für Wirtschaft und Klimaschutz Digitalagentur"
    args = ("--vault", vault, "new", company, "--round", "second technical", "--at")
    made = run(*args, "2026-12-01 09:00", "--no-interactive")
    assert made.stdout == (
        f"interviews/{company}/2026-12-01 Bundesministerium für Wirtschaft und Klimaschutz "
        "second technical.md\n"
    )
    one_word = run(*args[:3], "X" * 90, *args[4:], "2026-12-01 09:00", "--no-interactive")
    assert one_word.stdout == f"interviews/{'X' * 80}/2026-12-01 {'X' * 69}.md\n"  # as before


@pytest.mark.parametrize(
    "bad",
    ["some tuesday", "2026-13-01 10:00", "27/11/2026 10:00", "Nov 27 10:00", "tomorrow 25:00"],
)
def test_bad_at_is_one_line_error_and_writes_nothing(vault, run, bad):
    result = run("--vault", vault, "new", "Acme", "--at", bad)
    assert result.exit_code != 0
    assert bad in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (vault / "interviews").exists()


def test_unknown_template_names_the_value(vault, run):
    result = run("--vault", vault, "new", "Acme", "--at", "2026-11-27 10:00", "--template", "nope")
    assert result.exit_code != 0
    assert "'nope'" in result.stderr and "interview" in result.stderr
    assert not (vault / "interviews").exists()


def test_unknown_placeholder_names_template_file_and_line(vault, run):
    (vault / "templates").mkdir()
    (vault / "templates" / "mine.md").write_text(
        "---\ntype: interview\n---\n# {{company}}\n\n{{salary}}\n"
    )
    result = run("--vault", vault, "new", "Acme", "--at", "2026-11-27 10:00", "--template", "mine")
    assert result.exit_code == 8
    assert "templates/mine.md:6: unknown placeholder {{salary}}" in result.stderr


def test_template_keys_are_kept_and_placeholders_filled_as_data(vault, run):
    (vault / "templates").mkdir()
    (vault / "templates" / "mine.md").write_text(
        "---\n"
        "type: interview\n"
        "aliases: ['{{company}} {{round}}']   # for the quick switcher\n"
        'salary: "unknown"\n'
        "---\n"
        "# {{title}} on {{date:ddd D MMM YY}}, {{time:h:mm A}} [{{date:[week] MM}}]\n"
    )
    result = run(
        "--vault",
        vault,
        "new",
        "O'Brien: #1",
        "--round",
        "final",
        "--at",
        "2026-11-27 14:05",
        "--template",
        "mine",
    )
    assert result.exit_code == 0, result.stderr
    text = (vault / result.stdout.strip()).read_text()
    data = yaml.safe_load(text.split("---\n")[1])
    assert data["aliases"] == ["O'Brien: #1 final"]
    assert 'salary: "unknown"' in text
    assert "# for the quick switcher" in text
    assert "# 2026-11-27 O'Brien 1 final on Fri 27 Nov 26, 2:05 PM [week 11]" in text


# Strings that are awkward in YAML: colons, comment marks, quotes, indicators, unicode.
awkward = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.just("\t"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip())


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    company=awkward,
    role=awkward,
    person=awkward.filter(lambda s: not nameless(s) and not several_in_one(s)),
)
def test_any_company_role_and_person_survive_new_exactly(tmp_path_factory, company, role, person):
    from click.testing import CliRunner

    from interviewkit.cli import main

    root = tmp_path_factory.mktemp("v")
    (root / ".interviewkit").mkdir()
    (root / ".interviewkit" / "config.yaml").write_text("timezone: UTC\n")
    args = ["--vault", str(root), "new", "--role", role, "--person", person]
    result = CliRunner().invoke(main, [*args, "--at", "2026-11-27 14:00", "--", company])
    assert result.exit_code == 0, result.output
    path = root / result.stdout.strip()
    for data in front_matter(path):
        assert data["company"] == company
        assert data["role"] == role
        assert list(data["people"]) == [person]


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("COMPANY", "Acme\x07", "COMPANY 'Acme\\x07' holds the control character U+0007"),
        ("COMPANY", " ", "COMPANY cannot be empty"),
        ("--role", "Lead\nEngineer", "--role 'Lead\\nEngineer' holds the control character U+000A"),
        ("--person", "Dana\x7f", "holds the control character U+007F"),
        ("--person", "---", "--person '---' is not a name; give the person's name"),
        ("--round", "final\udcff", "--round 'final\\udcff' is not valid text (the command line"),
        ("--round", "\ud800", "is not valid text"),  # the first surrogate
        ("--round", "\udfff", "is not valid text"),  # the last
        ("--location", "Room\x1b4", "--location 'Room\\x1b4' holds the control character U+001B"),
    ],
)
def test_new_refuses_text_it_could_not_write_back(tmp_path, run, option, value, said):
    root = tmp_path / "V"
    run("init", root)
    args = {"COMPANY": "Acme", "--role": "", "--person": "Dana", "--round": "onsite"}
    args |= {"--location": "HQ"}
    args[option] = value
    result = run(
        "--vault", root, "new", "--role", args["--role"], "--person", args["--person"],
        "--round", args["--round"], "--location", args["--location"],
        "--at", "2026-11-27 14:00", "--", args["COMPANY"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert said in result.stderr and "Traceback" not in result.output
    assert not (root / "interviews").exists()


def test_new_takes_a_private_use_character_next_to_the_surrogates(tmp_path, run):
    root = tmp_path / "V"
    run("init", root)
    made = run("--vault", root, "new", "Acme", "--role", "Dev \ue000", "--at", "2026-11-27")
    assert made.exit_code == 0, made.output
    assert '\nrole: "Dev \ue000"\n' in (root / made.stdout.strip()).read_text(encoding="utf-8")


def test_new_writes_only_dates_in_range_and_passes_its_own_check(tmp_path, run):
    root = tmp_path / "V"
    run("init", root)
    for at in ("0999-01-05 10:00", "9999-12-31 23:30"):
        refused = run("--vault", root, "new", "Acme", "--at", at)
        assert refused.exit_code == 2 and "date out of range (1900 to 2200)" in refused.stderr
    made = run("--vault", root, "new", "Acme", "--at", "1900-01-05 10:00")
    assert made.exit_code == 0, made.stderr
    assert "start: 1900-01-05T10:00" in (root / made.stdout.strip()).read_text()
    assert run("--vault", root, "check").exit_code == 0


def test_init_is_idempotent_and_never_overwrites(tmp_path, run):
    root = tmp_path / "V"
    first = run("init", root)
    assert first.exit_code == 0
    files = sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())
    assert Path(".interviewkit/config.yaml") in files
    assert Path("templates/interview.md") in files
    assert "cache/" in (root / ".interviewkit" / ".gitignore").read_text()
    (root / "templates" / "interview.md").write_text("mine\n")
    snapshot = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    second = run("init", root)
    assert second.exit_code == 0
    assert "created" not in second.stdout
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == snapshot


def test_init_again_puts_back_only_what_was_removed_and_lists_the_rest(tmp_path, run):
    root = tmp_path / "V"
    assert run("init", root).exit_code == 0
    (root / "templates" / "interview.md").unlink()
    again = run("init", root)
    assert again.exit_code == 0
    listed = [line for line in again.stdout.splitlines() if line.startswith(("created", "kept"))]
    assert listed == [
        "created templates/interview.md",
        "kept    .interviewkit/config.yaml",
        "kept    .interviewkit/.gitignore",
        "kept    templates/follow-up.md",
        "kept    templates/thank-you-rejected.md",
        "kept    templates/thank-you-withdrawn.md",
        "kept    templates/thank-you.md",
        "kept    Interviews.base",
    ]


def test_init_config_lists_every_setting_and_loads_cleanly(tmp_path, run):
    from dataclasses import fields

    from interviewkit.config import Settings

    root = tmp_path / "V"
    result = run("init", root, env={"TZ": "Asia/Tokyo"})
    assert "timezone: Asia/Tokyo (this machine's zone" in result.stdout
    text = (root / ".interviewkit" / "config.yaml").read_text()
    # the zone is written out, so that every machine reads the notes the same way
    assert "\ntimezone: Asia/Tokyo\n" in text
    assert '\nholidays: "JP"  # from this machine\'s time zone' in text  # the zone's country
    for field in fields(Settings):
        if field.name not in ("timezone", "holidays", "computed"):
            assert f"\n# {field.name}:" in text
    settings = load_settings(root, environ={"TZ": "Europe/Paris"})
    assert settings.timezone == "Asia/Tokyo" and not settings.computed
    assert settings.holidays == "JP"
    assert settings.interview_minutes == 60


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "timezone: Europe/Paris\ntimezon: UTC\n",
            "config.yaml:2: unknown setting 'timezon' (did you mean timezone?)",
        ),
        ("timezone: Mars/Olympus\n", "config.yaml:1: timezone: 'Mars/Olympus' is not a known IANA"),
        (
            "\ninterview_minutes: soon\n",
            "config.yaml:2: interview_minutes: 'soon' is not a whole number",
        ),
        ("feed_include: follow-up,party\n", "config.yaml:1: feed_include: unknown item 'party'"),
        ("timezone: [\n", "config.yaml:2: invalid YAML"),
    ],
)
def test_bad_config_names_file_and_line(vault, run, content, expected):
    (vault / ".interviewkit" / "config.yaml").write_text(content)
    with pytest.raises(ConfigError) as caught:
        load_settings(vault)
    assert expected in str(caught.value)
    result = run("--vault", vault, "due")
    assert result.exit_code == 3
    assert expected in result.stderr
    assert "Traceback" not in result.output


def test_root_order(tmp_path):
    outer = tmp_path / "outer"
    inner = outer / "a" / "b"
    inner.mkdir(parents=True)
    (outer / ".interviewkit").mkdir()
    assert find_root(None, {}, inner) == outer.resolve()
    assert find_root(None, {"INTERVIEWKIT_VAULT": str(tmp_path)}, inner) == tmp_path.resolve()
    assert find_root(str(inner), {"INTERVIEWKIT_VAULT": str(tmp_path)}, inner) == inner.resolve()
    assert find_root(None, {}, tmp_path) == tmp_path.resolve()


def test_walk_skips_tool_folders_and_survives_symlink_loops(tmp_path):
    for rel in [
        "a.md",
        "x/b.md",
        ".git/c.md",
        ".obsidian/d.md",
        ".trash/e.md",
        ".interviewkit/f.md",
        "node_modules/g.md",
        "templates/h.md",
        "x/notes.txt",
    ]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    os.symlink(tmp_path, tmp_path / "x" / "loop")
    found = [rel for rel, _ in walk_markdown(tmp_path, "templates")]
    assert found == ["a.md", "x/b.md"]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Acme: Robotics & Co", "acme-robotics-co"),
        ('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d-e-f-g-h-i-j"),
        ("CON", "con-co"),
        ("  ...  ", "untitled"),
        ("Société Générale", "société-générale"),
        ("x" * 200, "x" * 60),
    ],
)
def test_slugs_are_safe_everywhere(text, slug):
    assert slugify(text) == slug


def test_wheel_carries_the_default_templates(tmp_path):
    hatchling = pytest.importorskip("hatchling.builders.wheel")
    builder = hatchling.WheelBuilder(str(PROJECT))
    wheel = next(iter(builder.build(directory=str(tmp_path), versions=["standard"])))
    names = zipfile.ZipFile(wheel).namelist()
    for template in (
        "interview.md",
        "thank-you.md",
        "follow-up.md",
        "thank-you-rejected.md",
        "thank-you-withdrawn.md",
        "de/thank-you-rejected.md",
        "de/thank-you-withdrawn.md",
    ):
        assert f"interviewkit/default_templates/{template}" in names


def test_sdist_carries_the_docs_and_the_layers(tmp_path):
    import tarfile

    hatchling = pytest.importorskip("hatchling.builders.sdist")
    builder = hatchling.SdistBuilder(str(PROJECT))
    sdist = next(iter(builder.build(directory=str(tmp_path), versions=["standard"])))
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"docs/cli.md", "README.md", "interviewkit/rules/agenda.py"} <= names
    assert "interviewkit/notes/__init__.py" in names


def test_sample_vault_templates_are_the_shipped_ones():
    for shipped in (PROJECT / "templates").glob("*.md"):
        assert (
            PROJECT / "sample-vault" / "templates" / shipped.name
        ).read_text() == shipped.read_text()


def test_note_files_are_named_for_people_and_a_company_folder_keeps_growing(vault, run, write):
    first = run("--vault", vault, "new", "Café #1: Müller|Söhne", "--round", "phone screen",
                "--role", "Dev", "--at", "2026-12-02 10:00")  # fmt: skip
    assert first.stdout.strip() == (
        "interviews/Café 1 Müller Söhne/2026-12-02 Café 1 Müller Söhne phone screen.md"
    )
    write("interviews/acme-robotics/2026-11-25-onsite.md", note("Acme Robotics", id="old"))
    second = run("--vault", vault, "new", "Acme Robotics", "--round", "final", "--role", "Dev",
                 "--at", "2026-12-09 10:00")  # fmt: skip
    assert second.stdout.strip() == "interviews/acme-robotics/2026-12-09 Acme Robotics final.md"
    text = (vault / second.stdout.strip()).read_text()
    assert "\nid: acme-robotics-2026-12-09-final\n" in text  # ids do not follow the path
    assert (vault / "interviews/acme-robotics/2026-11-25-onsite.md").is_file()  # never renamed
    reserved = run("--vault", vault, "new", "CON", "--round", "x", "--role", "Dev",
                   "--at", "2026-12-03 10:00")  # fmt: skip
    assert reserved.stdout.strip() == "interviews/CON co/2026-12-03 CON co x.md"
