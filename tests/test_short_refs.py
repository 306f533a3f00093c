"""Short references (`done acme thank-you`, `outcome acme offer`) and shell completion,
through the real CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from interviewkit.cli import main

from .conftest import note


def past_round(company: str, day: str, round_name: str, role: str = "Engineer") -> str:
    """A round that has happened (so it owes a thank-you), with an id of its own."""
    return note(company, f"{day}T10:00", round=round_name, role=role)


def test_done_company_kind_records_the_one_open_action(sample, run):
    result = run("--vault", sample, "done", "acme", "thank-you", "--on", "2026-11-26")
    assert result.exit_code == 0, result.output
    assert (
        result.stdout
        == "interviews/acme-robotics/2026-11-25-onsite.md: thank_you_sent: 2026-11-26\n"
    )
    again = run("--vault", sample, "done", "acme", "thank-you")
    assert again.exit_code == 4
    assert "Acme Robotics has no open thank-you action (open there:" in again.stderr


@pytest.mark.parametrize(
    "words",
    [
        ("acme", "robotics", "thank", "you"),
        ("Acme", "Robotics", "Thank-You"),
        ("acme", "thank", "you"),
        ("acme", "thankyou"),  # the kind without its hyphen
        ("acme:ThankYou",),
        ("acme", "thanks"),  # in other words, English or German
        ("acme", "Danke"),
    ],
)
def test_a_company_and_a_kind_of_several_words_need_no_quotes(sample, run, words):
    result = run("--vault", sample, "done", *words, "--on", "2026-11-26")
    assert result.exit_code == 0, result.output
    assert (
        result.stdout
        == "interviews/acme-robotics/2026-11-25-onsite.md: thank_you_sent: 2026-11-26\n"
    )


def test_a_day_may_be_named_yesterday_in_the_vault_s_zone(vault, write, run):
    """`--on yesterday` counts from today where the vault is (Pacific/Kiritimati is a
    day ahead of most machines for part of each day), never from the machine's day."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    (vault / ".interviewkit" / "config.yaml").write_text("timezone: Pacific/Kiritimati\n")
    write("interviews/a.md", past_round("Acme", "2026-01-05", "onsite"))
    zone = ZoneInfo("Pacific/Kiritimati")
    before = datetime.now(zone).date() - timedelta(days=1)
    result = run(
        "--vault",
        vault,
        "done",
        "acme",
        "thank-you",
        "--on",
        "Yesterday",
        env={"TZ": "Pacific/Pago_Pago"},
    )
    after = datetime.now(zone).date() - timedelta(days=1)
    assert result.exit_code == 0, result.output
    assert result.stdout in {f"interviews/a.md: thank_you_sent: {d}\n" for d in (before, after)}
    wrong = run("--vault", vault, "done", "acme", "follow-up", "--on", "12/1")
    assert wrong.exit_code == 2
    assert "'12/1' is not a day: use YYYY-MM-DD, or words such as yesterday" in wrong.stderr


def test_done_company_kind_lists_the_choices_when_several_are_open(vault, write, run):
    write("interviews/a.md", past_round("Acme", "2026-11-10", "phone screen"))
    write("interviews/b.md", past_round("Acme", "2026-11-17", "onsite"))
    before = {p: p.read_bytes() for p in (vault / "interviews").glob("*.md")}
    result = run("--vault", vault, "done", "acme", "thank-you")
    assert result.exit_code == 5
    assert "Acme has 2 open thank-you actions; name one: " in result.stderr
    assert "acme-2026-11-10-phone-screen:thank-you" in result.stderr
    assert "acme-2026-11-17-onsite:thank-you" in result.stderr
    assert {p: p.read_bytes() for p in before} == before  # nothing written
    chosen = run("--vault", vault, "done", "acme-2026-11-17-onsite:thank-you")
    assert chosen.exit_code == 0, chosen.output


def test_a_note_id_and_a_kind_as_two_words_name_that_note_s_action(vault, write, run):
    """Where the company has two open thank-yous, the note's id picks one; a kind not
    open on that note says what is."""
    write("interviews/a.md", past_round("Acme", "2026-11-10", "phone screen"))
    b = write("interviews/b.md", past_round("Acme", "2026-11-17", "onsite"))
    chosen = run(
        "--vault", vault, "done", "acme-2026-11-17-onsite", "thank-you", "--on", "2026-11-18"
    )
    assert chosen.exit_code == 0, chosen.output
    assert chosen.stdout == "interviews/b.md: thank_you_sent: 2026-11-18\n"
    assert "thank_you_sent: 2026-11-18" in b.read_text()
    again = run("--vault", vault, "done", "acme-2026-11-17-onsite", "thank-you")
    assert again.exit_code == 4
    assert "acme-2026-11-17-onsite has no open thank-you action (open there: " in again.stderr
    assert "acme-2026-11-17-onsite:follow-up" in again.stderr


def test_a_note_id_typed_without_its_accents_or_in_capitals_names_that_note(vault, write, run):
    """`café-müller-…` typed on a keyboard without accents, or in capitals, is that
    note's id, in `done` (either form) and wherever a NOTE is named."""
    write("interviews/a.md", past_round("Café Müller", "2026-11-10", "phone screen"))
    b = write("interviews/b.md", past_round("Café Müller", "2026-11-17", "onsite"))
    listed = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert "café-müller-2026-11-17-onsite:thank-you" in [a["id"] for a in listed["actions"]]
    typed = ("done", "cafe-muller-2026-11-17-onsite", "thank-you", "--on", "2026-11-18")
    done = run("--vault", vault, *typed)
    assert done.exit_code == 0, done.output
    assert done.stdout == "interviews/b.md: thank_you_sent: 2026-11-18\n"
    as_one = ("done", "CAFE-MULLER-2026-11-10-phone-screen:thank-you", "--on", "2026-11-11")
    assert run("--vault", vault, *as_one).stdout == "interviews/a.md: thank_you_sent: 2026-11-11\n"
    brief = run("--vault", vault, "brief", "cafe-muller-2026-11-17-onsite")
    assert brief.stdout.startswith("# Brief: Café Müller, onsite"), brief.output
    assert "thank_you_sent: 2026-11-18" in b.read_text()


def test_company_colon_kind_and_a_task_s_key_name_an_action(vault, write, run):
    """`acme:thank-you` reads as `acme thank-you`; a task is named by the key `due`
    shows after its note's id, after the company or the note's id, as one word or two."""
    body = "- [ ] send the portfolio 📅 2099-01-05\n- [ ] ask about the team 📅 2099-01-06\n"
    a = write("interviews/a.md", past_round("Acme", "2026-11-10", "phone screen") + body)
    listed = run("--vault", vault, "due", "--all", "--format", "json")
    tasks = sorted(
        (row["summary"], row["id"]) for row in json.loads(listed.stdout)["actions"]
        if row["kind"] == "task"
    )  # fmt: skip
    (_, team), (_, portfolio) = tasks
    joined = run("--vault", vault, "done", "acme:thank-you", "--on", "2026-11-11")
    assert joined.exit_code == 0, joined.output
    assert joined.stdout == "interviews/a.md: thank_you_sent: 2026-11-11\n"
    key = portfolio.split(":", 1)[1]  # task:1a2b3c4d
    for words in (("acme", key), (f"acme:{key}",), ("acme-2026-11-10-phone-screen", key)):
        before = a.read_text()
        ticked = run("--vault", vault, "done", *words, "--on", "2026-11-12")
        if words[0] == "acme":
            assert ticked.exit_code == 0, ticked.output
            assert "send the portfolio 📅 2099-01-05 ✅ 2026-11-12" in a.read_text()
            assert "- [ ] ask about the team" in a.read_text()
        else:  # ticked already: refused, and nothing written
            assert ticked.exit_code == 4 and a.read_text() == before
            assert f"no open {key} action (open there: " in ticked.stderr
    by_note = run("--vault", vault, "done", "acme-2026-11-10-phone-screen", team.split(":", 1)[1])
    assert by_note.exit_code == 0, by_note.output
    assert "- [x] ask about the team 📅 2099-01-06 ✅" in a.read_text()


def test_one_word_that_is_a_company_or_a_note_is_told_the_kinds_to_record_there(vault, write, run):
    """`done acme` names the kinds `done` can record at Acme (not a debrief, which
    closes by itself), with the command to write; so does a note's id alone."""
    write("interviews/a.md", past_round("Acme", "2026-11-10", "phone screen"))
    write("interviews/b.md", note(company="Beta", id="b", outcome="accepted"))
    before = {p: p.read_bytes() for p in (vault / "interviews").glob("*.md")}
    company = run("--vault", vault, "done", "acme")
    assert company.exit_code == 2
    assert (
        "acme: add the kind, like `acme thank-you` (to record there: thank-you, follow-up)"
        in company.stderr
    )
    one = run("--vault", vault, "done", "acme-2026-11-10-phone-screen")
    assert "like `acme-2026-11-10-phone-screen thank-you` (to record there: thank-you, " in (
        one.stderr
    )
    ended = run("--vault", vault, "done", "beta")
    assert "beta: nothing open there is for `done` to record; `due --all` lists what is" in (
        ended.stderr
    )
    other = run("--vault", vault, "done", "nothing-like-it")
    assert "name an action by its id (as `due` shows it) or by COMPANY KIND" in other.stderr
    assert {p: p.read_bytes() for p in before} == before


def test_a_reference_that_matches_nothing_suggests_the_closest(sample, run):
    typo = run("--vault", sample, "done", "acme-robotics-2026-11-25-onsit:thank-you")
    assert typo.exit_code == 4
    assert "closest ids: acme-robotics-2026-11-25-onsite:thank-you" in typo.stderr
    kind = run("--vault", sample, "done", "acme", "gratitude")
    assert kind.exit_code == 2 and "'gratitude' is not a kind of action" in kind.stderr
    close = run("--vault", sample, "done", "acme", "thankyu")
    assert "'thankyu' is not a kind of action; did you mean thank-you? (the kinds:" in (
        close.stderr
    )
    company = run("--vault", sample, "done", "nosuch", "thank-you")
    assert company.exit_code == 4 and "matches no company (closest:" in company.stderr
    unknown = run("--vault", sample, "done", "nosuch:thank-you")
    assert unknown.exit_code == 4
    assert "nosuch:thank-you: no open action has that id" in unknown.stderr
    missing = run("--vault", sample, "outcome", "acme-robotics-2026-11-25-onsit", "offer")
    assert missing.exit_code == 4
    assert "closest ids: acme-robotics-2026-11-25-onsite" in missing.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("draft", "thankz", "acme"), "'thankz' is not one of 'thank-you', 'follow-up'; did you mean thank-you?"),
        (("due", "--kind", "thanku"), "did you mean thank-you?"),
        (("due", "--format", "jsn"), "'jsn' is not one of 'table', 'json', 'markdown'; did you mean json?"),
        (("status", "--format", "xml"), "'xml' is not one of 'table', 'json', 'csv', 'markdown'.\n"),
    ],
)  # fmt: skip
def test_a_choice_refused_names_the_closest_when_one_is_close(sample, run, args, said):
    refused = run("--vault", sample, *args)
    assert refused.exit_code == 2 and said in refused.stderr, refused.stderr


@pytest.mark.parametrize(
    ("args", "meant"),
    [
        (("draft", "thankyou", "acme"), ("draft", "thank-you", "acme")),
        (("draft", "Thank You", "acme"), ("draft", "thank-you", "acme")),
        (
            ("due", "--all", "--kind", "followup", "--kind", "Thank-You"),
            ("due", "--all", "--kind", "follow-up", "--kind", "thank-you"),
        ),
        (("due", "--format", "JSON"), ("due", "--format", "json")),
        (("draft", "danke", "acme"), ("draft", "thank-you", "acme")),
        (("draft", "nachfassen", "globex"), ("draft", "follow-up", "globex")),
        (("due", "--all", "--kind", "thanks"), ("due", "--all", "--kind", "thank-you")),
    ],
)
def test_a_choice_is_taken_in_any_case_and_without_its_hyphen(sample, run, args, meant):
    """As `done acme thankyou` is: the word is plain, only its spelling differs."""
    result = run("--vault", sample, *args, "--today", "2026-11-26")
    assert result.exit_code == 0, result.output
    assert result.stdout == run("--vault", sample, *meant, "--today", "2026-11-26").stdout
    assert result.stdout.strip()


def test_a_company_as_note_means_its_latest_round_that_has_started(vault, write, run):
    write("interviews/a.md", past_round("Acme", "2026-11-10", "phone screen"))
    write("interviews/b.md", past_round("Acme", "2026-11-17", "onsite"))
    write("interviews/c.md", past_round("Acme", "2099-01-05", "final"))  # not yet
    result = run("--vault", vault, "outcome", "acme", "rejected", "--on", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("interviews/b.md: outcome: rejected")
    assert "outcome: rejected" in (vault / "interviews" / "b.md").read_text()
    draft = run("--vault", vault, "draft", "thank-you", "acme")
    assert draft.exit_code == 0 and "Tuesday 17 November" in draft.stdout  # b.md's day


def test_started_rounds_of_two_applications_are_ambiguous(vault, write, run):
    write("interviews/a.md", past_round("Acme", "2026-11-10", "phone screen", "Engineer"))
    write("interviews/b.md", past_round("Acme", "2026-11-12", "phone screen", "Designer"))
    write("interviews/c.md", past_round("Initech", "2099-01-05", "final"))
    both = run("--vault", vault, "outcome", "acme", "offer")
    assert both.exit_code == 5
    assert "acme-2026-11-10-phone-screen" in both.stderr
    assert "acme-2026-11-12-phone-screen" in both.stderr
    future = run("--vault", vault, "outcome", "initech", "offer")
    assert future.exit_code == 4 and "no round there has started yet" in future.stderr


def complete(vault: Path, words: str, env: dict[str, str] | None = None) -> tuple[str, str]:
    """What bash completion offers for `words` (the last one being completed)."""
    parts = words.split(" ")
    environment = {
        "_INTERVIEWKIT_COMPLETE": "bash_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(parts) - 1),
        "INTERVIEWKIT_VAULT": str(vault),
        **(env or {}),
    }
    result = CliRunner().invoke(main, [], env=environment, prog_name="interviewkit")
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def test_completion_offers_companies_kinds_notes_and_templates(sample):
    offered, said = complete(sample, "interviewkit done ac")
    assert offered == "plain,acme-robotics\n" and said == ""
    kinds, _ = complete(sample, "interviewkit done acme-robotics ")
    assert "plain,thank-you\n" in kinds and "plain,follow-up\n" not in kinds
    notes, _ = complete(sample, "interviewkit outcome glo")
    assert notes.splitlines() == ["plain,globex", "plain,globex-2026-11-13-technical"]
    outcomes, _ = complete(sample, "interviewkit outcome globex o")
    assert outcomes.splitlines() == ["plain,offer"]
    companies, _ = complete(sample, "interviewkit due --company in")
    assert companies.splitlines() == ["plain,initrode"]
    templates, _ = complete(sample, "interviewkit new --template ")
    assert templates.splitlines() == ["plain,interview"]  # the letter templates are not offered


def test_completion_after_a_note_s_id_offers_the_kinds_open_on_that_note(vault, write):
    write("interviews/a.md", past_round("Acme", "2026-11-10", "phone screen"))
    sent = past_round("Acme", "2026-11-17", "onsite").replace(
        "---\n#", "thank_you_sent: 2026-11-17\n---\n#"
    )
    write("interviews/b.md", sent)
    owed, _ = complete(vault, "interviewkit done acme-2026-11-10-phone-screen ")
    thanked, _ = complete(vault, "interviewkit done acme-2026-11-17-onsite ")
    assert "plain,thank-you\n" in owed
    assert "plain,thank-you\n" not in thanked and "plain,debrief\n" in thanked


def test_completion_offers_an_id_with_accents_to_a_word_typed_without(vault, write):
    write("interviews/a.md", past_round("Café Müller", "2026-11-10", "phone screen"))
    offered, _ = complete(vault, "interviewkit brief cafe-mu")
    assert offered.splitlines() == [
        "plain,café-müller",
        "plain,café-müller-2026-11-10-phone-screen",
    ]
    kinds, _ = complete(vault, "interviewkit done CAFE-MULLER-2026-11-10-phone-screen ")
    assert "plain,thank-you\n" in kinds


def test_completion_reads_a_warm_vault_without_decoding_notes_and_never_prints(sample, run):
    run("--vault", sample, "due")
    code = (
        "import sys\n"
        "from interviewkit.cli import main\n"
        "try:\n"
        "    main([], prog_name='interviewkit')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('notes decoded' if 'interviewkit.notes.note' in sys.modules else 'none', file=sys.stderr)\n"
    )
    env = {
        **os.environ,
        "_INTERVIEWKIT_COMPLETE": "bash_complete",
        "INTERVIEWKIT_VAULT": str(sample),
    }
    env.update(COMP_WORDS="interviewkit outcome ac", COMP_CWORD="2")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.stdout.splitlines()[0] == "plain,acme-robotics"
    assert result.stderr == "none\n"
    broken = sample / ".interviewkit" / "config.yaml"
    broken.write_text("timezone: [not a zone\n")
    offered, said = complete(sample, "interviewkit done ac")
    assert (offered.strip(), said) == ("", "")  # a broken vault offers nothing, and says nothing


def test_the_installed_command_completes_a_company(sample):
    script = Path(sys.executable).parent / "interviewkit"
    assert script.exists(), "run the tests from an environment where interviewkit is installed"
    shutil.rmtree(sample / ".interviewkit" / "cache", ignore_errors=True)
    env = {**os.environ, "_INTERVIEWKIT_COMPLETE": "bash_complete"}
    env.update(COMP_WORDS="interviewkit done ac", COMP_CWORD="2")
    result = subprocess.run([str(script)], env=env, cwd=sample, capture_output=True, text=True)
    assert (result.stdout, result.stderr) == ("plain,acme-robotics\n", "")


def test_a_reference_to_a_note_that_cannot_be_read_says_so(vault, write, run):
    """A round whose note cannot be read cannot be named by its company, id or path:
    the refusal says which notes cannot be read, and for a path, why."""
    write("interviews/acme.md", past_round("Acme", "2026-11-10", "onsite"))
    cafe = write(
        "interviews/cafe.md",
        b"---\ntype: interview\nid: cafe\ncompany: Caf\xe9\nstart: 2026-11-10T10:00\n---\n",
    )
    before = cafe.read_bytes()
    hint = (
        "; 1 note cannot be read, so nothing in it can be named: interviews/cafe.md "
        "(`interviewkit check` says why)\n"
    )
    by_company = run("--vault", vault, "done", "cafe", "thank-you")
    assert by_company.exit_code == 4
    assert by_company.stderr.endswith(
        f"'cafe' matches no company (closest: Acme; 1 company in all){hint}"
    )
    by_id = run("--vault", vault, "outcome", "cafe", "rejected")
    assert by_id.exit_code == 4 and by_id.stderr.endswith(hint)
    by_path = run("--vault", vault, "outcome", "interviews/cafe.md", "rejected")
    assert by_path.exit_code == 4
    assert by_path.stderr.startswith(
        "interviewkit: interviews/cafe.md:4: is not UTF-8 text: byte 0xE9 on this line"
    )
    assert "nothing in it can be named" not in by_path.stderr
    assert cafe.read_bytes() == before
    cafe.write_bytes(before.replace(b"\xe9", b"e"))  # once it can be read: no word of it
    assert "cannot be read" not in run("--vault", vault, "done", "nosuch", "thank-you").stderr
