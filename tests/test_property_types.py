"""`init` gives the note contract's properties their Obsidian types, in the
enclosing Obsidian vault's `.obsidian/types.json`, and never changes one already set."""

from __future__ import annotations

import json

import pytest

from interviewkit.notes.contract import CONTRACT_KEYS
from interviewkit.write.property_types import CONTRACT_TYPES


def test_init_adds_the_missing_types_and_keeps_those_set(run, tmp_path):
    obsidian = tmp_path / "Vault" / ".obsidian"
    obsidian.mkdir(parents=True)
    types = obsidian / "types.json"
    types.write_text('{\n  "types": {\n    "aliases": "aliases",\n    "start": "text"\n  }\n}\n')
    result = run("init", tmp_path / "Vault" / "Job search")  # inside the larger vault
    assert result.exit_code == 0, result.output
    written = json.loads(types.read_text())["types"]
    assert written["aliases"] == "aliases" and written["start"] == "text"  # kept
    expected = {**CONTRACT_TYPES, "start": "text", "aliases": "aliases"}
    assert written == expected
    assert written["end"] == "datetime" and written["follow_up_on"] == "date"
    assert written["people"] == "multitext" and written["fit_culture"] == "number"
    assert "reload Obsidian" in result.stdout
    assert "types `start` as text, left as it is" in result.stderr
    before = types.read_bytes()
    again = run("init", tmp_path / "Vault" / "Job search")
    assert "types:" not in again.stdout and types.read_bytes() == before


def test_a_new_types_file_is_made_and_none_outside_obsidian(run, tmp_path):
    (tmp_path / "Vault" / ".obsidian").mkdir(parents=True)
    run("init", tmp_path / "Vault")
    assert json.loads((tmp_path / "Vault" / ".obsidian" / "types.json").read_text()) == {
        "types": CONTRACT_TYPES
    }
    plain = tmp_path / "plain"
    assert run("init", plain).exit_code == 0
    assert not list(tmp_path.glob("plain/**/types.json")) and not (plain / ".obsidian").exists()


def test_a_types_file_it_cannot_read_is_left_alone(run, tmp_path):
    obsidian = tmp_path / "Vault" / ".obsidian"
    obsidian.mkdir(parents=True)
    (obsidian / "types.json").write_text('{"types": [')
    result = run("init", tmp_path / "Vault")
    assert result.exit_code == 0
    assert "types.json:1: not JSON" in result.stderr and "property types not added" in result.stderr
    assert (obsidian / "types.json").read_text() == '{"types": ['


def test_the_types_file_is_written_as_obsidian_writes_it(run, tmp_path):
    # two-space indents, UTF-8 as it is (no \\u escapes), a final newline; what was there stays
    obsidian = tmp_path / "Vault" / ".obsidian"
    obsidian.mkdir(parents=True)
    types = obsidian / "types.json"
    types.write_text('{"types": {"Gehalt (€)": "number"}}', encoding="utf-8")
    assert run("init", tmp_path / "Vault").exit_code == 0
    expected = {"types": {"Gehalt (€)": "number", **CONTRACT_TYPES}}
    assert (
        types.read_text(encoding="utf-8")
        == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"
    )
    assert types.read_text(encoding="utf-8").startswith(
        '{\n  "types": {\n    "Gehalt (€)": "number",\n'
    )


@pytest.mark.parametrize("text", ["[]", '{"types": ["start"]}', '"types"'])
def test_a_types_file_of_another_shape_is_left_alone(run, tmp_path, text):
    obsidian = tmp_path / "Vault" / ".obsidian"
    obsidian.mkdir(parents=True)
    (obsidian / "types.json").write_text(text)
    result = run("init", tmp_path / "Vault")
    assert result.exit_code == 0
    assert "types.json:1: `types` is not a JSON object; left as it is" in result.stderr
    assert (obsidian / "types.json").read_text() == text


def test_init_writes_a_bases_file_with_the_three_views_and_keeps_an_edited_one(run, tmp_path):
    import yaml

    root = tmp_path / "Vault"
    result = run("init", root)
    assert "created Interviews.base" in result.stdout
    base = yaml.safe_load((root / "Interviews.base").read_text())
    assert base["filters"] == {"and": ['type == "interview"']}
    views = {view["name"]: view for view in base["views"]}
    assert list(views) == [
        "Upcoming interviews",
        "Open follow-ups",
        "Rounds by outcome",
        "Offers to answer",
    ]
    for view in views.values():
        assert view["type"] == "table" and view["order"][0] == "file.name"
        assert all(s["direction"] in ("ASC", "DESC") for s in view["sort"])
        named = {p for p in view["order"] if "." not in p} | {s["property"] for s in view["sort"]}
        assert named <= set(CONTRACT_KEYS), named - set(CONTRACT_KEYS)
    assert views["Upcoming interviews"]["filters"] == {"and": ["start >= today()"]}
    assert views["Rounds by outcome"]["groupBy"] == {"property": "outcome", "direction": "ASC"}
    assert views["Offers to answer"]["filters"] == {"and": ['outcome == "offer"']}
    assert views["Offers to answer"]["sort"] == [{"property": "offer_deadline", "direction": "ASC"}]
    (root / "Interviews.base").write_text("# mine\n")
    again = run("init", root)
    assert "kept    Interviews.base" in again.stdout
    assert (root / "Interviews.base").read_text() == "# mine\n"


def test_check_warns_of_template_placeholders_left_unfilled(vault, write, run):
    from .conftest import note

    text = note("Acme") + "# {{company}}: {{round}} on {{date:dddd}}\n```\n{{not this}}\n```\n"
    write("interviews/a.md", text.replace("company: Acme", "company: Acme\nrole: '{{role}}'"))
    result = run("--vault", vault, "check")
    warned = [
        line for line in result.stdout.splitlines() + result.stderr.splitlines() if "{{" in line
    ]
    assert warned == [
        "interviews/a.md:4: warning: role: {{role}} is a template placeholder left unfilled; "
        "write the value (`interviewkit new` fills them)",
        "interviews/a.md:8: warning: {{company}} is a template placeholder left unfilled; "
        "write the text",
    ], result.output


def test_only_the_templates_placeholders_outside_code_are_warned_of(vault, write, run):
    from .conftest import note

    body = "Our {{handlebars}} stack, `{{company}}` in code, and {{ time:HH }} here\n"
    write("interviews/a.md", note("Acme", id="a") + body)
    result = run("--vault", vault, "check")
    warned = [line for line in result.stdout.splitlines() if "placeholder" in line]
    assert warned == [
        "interviews/a.md:8: warning: {{ time:HH }} is a template placeholder left unfilled; "
        "write the text"
    ], result.output


def test_check_warns_of_tags_obsidian_rejects(vault, write, run):
    from .conftest import note

    write("interviews/a.md", note("Acme", id="a", tags="[interview, job search, 2026, '#ok/1']"))
    result = run("--vault", vault, "check")
    tags = [line for line in result.stdout.splitlines() if "tags:" in line]
    assert sorted(tags) == [
        "interviews/a.md:6: warning: tags: '2026' is only digits, which Obsidian does not "
        "read as a tag; add a letter",
        "interviews/a.md:6: warning: tags: 'job search' holds a space, which Obsidian does "
        "not allow in a tag; use - or _",
    ], result.output
