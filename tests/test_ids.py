"""Note ids that never clash, UIDs every CalDAV server takes, task ids that survive a date change."""

from __future__ import annotations

import re

import pytest

from interviewkit.notes.note import derive_id
from interviewkit.notes.tasks import find_tasks
from interviewkit.reports.feed import event_uid

from .conftest import note
from .icscheck import validate

LONG = "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH"  # 70 characters


def test_ids_are_bounded_and_cut_the_company_first():
    from datetime import date

    day = date(2026, 12, 9)
    assert derive_id("Acme", day, "onsite") == "acme-2026-12-09-onsite"
    cut = derive_id(LONG, day, "onsite")
    assert len(cut) == 60 and cut.endswith("-2026-12-09-onsite")
    both = derive_id(LONG, day, "second technical interview with the platform team")
    assert len(both) <= 60 and both.startswith("deutsche-ges-2026-12-09-second-technical")
    assert derive_id(LONG, day, "technical") != derive_id(LONG, day, "onsite")


def test_new_gives_two_rounds_of_a_long_name_different_ids_and_uids(vault, run):
    ids = []
    for round_name, at in (("phone screen", "2026-12-09 10:00"), ("technical", "2026-12-09 15:00")):
        result = run("--vault", vault, "new", LONG, "--round", round_name, "--at", at)
        assert result.exit_code == 0, result.output
        text = (vault / result.stdout.strip()).read_text()
        ids.append(re.search(r"^id: (.+)$", text, re.M).group(1).strip('"'))
    assert len(set(ids)) == 2 and all(len(i) <= 60 for i in ids)
    feed = run("--vault", vault, "feed", "--include", "thank-you,interviews")
    events = validate(feed.stdout_bytes)
    uids = [e["UID"] for e in events]
    assert len(uids) == 4 and len(set(uids)) == 4
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+-[0-9a-f]{10}@interviewkit", u) for u in uids)


def test_new_numbers_an_id_another_company_holds_and_refuses_its_own(vault, run, write):
    write("interviews/other.md", note("Other Co", id="acme-2026-12-09-onsite"))
    first = run("--vault", vault, "new", "Acme", "--round", "onsite", "--at", "2026-12-09 10:00")
    assert first.exit_code == 0, first.output
    written = (vault / first.stdout.strip()).read_text()
    assert "\nid: acme-2026-12-09-onsite-2\n" in written
    # the same company, day and round again, under another file name: refused, naming the note
    config = vault / ".interviewkit" / "config.yaml"
    config.write_text(
        config.read_text() + "note_path: '{{company}}/{{round}}-{{date:YYYY-MM-DD}}'\n"
    )
    again = run("--vault", vault, "new", "ACME", "--round", "Onsite", "--at", "2026-12-09 16:00")
    assert again.exit_code == 6
    assert f"{first.stdout.strip()}: already holds the id acme-2026-12-09-onsite-2" in again.output


@pytest.mark.parametrize(
    ("action_id", "note_id", "expected"),
    [
        (
            "acme-2026-11-27-onsite:follow-up",
            "acme-2026-11-27-onsite",
            "acme-2026-11-27-onsite.follow-up",
        ),
        ("a_b:task:1a2b3c4d", "a_b", "a_b.task.1a2b3c4d"),
    ],
)
def test_plain_ids_keep_their_uid_readable(action_id, note_id, expected):
    assert event_uid(action_id, note_id, False) == f"{expected}@interviewkit"


def test_other_ids_fold_to_ascii_and_stay_one_to_one():
    a = event_uid("café-2026-11-27-onsite:follow-up", "café-2026-11-27-onsite", False)
    b = event_uid("cafe-2026-11-27-onsite:follow-up", "cafe-2026-11-27-onsite", False)
    c = event_uid("cafè-2026-11-27-onsite:follow-up", "cafè-2026-11-27-onsite", False)
    assert a.startswith("cafe-2026-11-27-onsite.follow-up-") and a.isascii()
    assert len({a, b, c}) == 3
    assert re.fullmatch(r"[0-9a-f]{64}@interviewkit", event_uid("café:x", "café", True))


def test_a_task_keeps_its_id_when_its_date_priority_or_status_changes():
    def key(line: str) -> str:
        return find_tasks(line, 1)[0].key

    base = key("- [ ] Send the portfolio to Dana 📅 2026-12-01")
    assert key("- [ ] Send the portfolio to Dana 📅 2026-12-08") == base
    assert key("- [ ] Send the portfolio to dana ⏫ 📅 2026-12-08 🔁 every week") == base
    assert key("- [x] Send the portfolio to Dana 📅 2026-12-01 ✅ 2026-12-02") == base
    assert key("- [ ] Send the portfolio to Dana [due:: 2026-12-03]") == base
    assert key("- [ ] Send the portfolio to Dana (due:: 2026-12-03)") == base
    assert key("- [ ] Send the portfolio to Dana [priority:: high] [due:: 2026-12-03]") == base
    assert key("- [x] Send the portfolio to Dana (due:: 2026-12-03) ^dana") == base
    assert key("- [ ] Send the CV to Dana 📅 2026-12-01") != base
    twice = find_tasks("- [ ] Call Dana 📅 2026-12-01\n- [ ] Call Dana 📅 2026-12-05\n", 1)
    assert [t.key for t in twice] == [twice[0].key, f"{twice[0].key}-2"]


def test_note_path_fills_every_placeholder_with_names_safe_for_files(vault, run):
    config = vault / ".interviewkit" / "config.yaml"
    config.write_text(
        config.read_text()
        + "notes_folder: search/2026/\n"
        + "note_path: '{{title}}/{{role}}/{{date:YYYY-MM-DD}} {{round}}'\n"
    )
    made = run(
        "--vault", vault, "new", "Acme: Robotics", "--role", "Data/ML Engineer",
        "--round", "on*site", "--at", "2026-12-09 10:00",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    assert made.stdout.strip() == "search/2026/Acme Robotics/Data ML Engineer/2026-12-09 on site.md"
    # no role: the folder says so; a later round of the company goes beside its latest note
    bare = run("--vault", vault, "new", "Globex", "--at", "2026-12-10 10:00")
    assert bare.stdout.strip() == "search/2026/Globex/role/2026-12-10 interview.md", bare.output
    later = run("--vault", vault, "new", "Acme: Robotics", "--round", "final", "--at", "2026-12-16")
    assert later.stdout.strip() == "search/2026/Acme Robotics/Data ML Engineer/2026-12-16 final.md"


def test_an_unknown_placeholder_in_note_path_is_named(vault, run):
    config = vault / ".interviewkit" / "config.yaml"
    config.write_text(config.read_text() + "note_path: '{{company}}/{{when}}'\n")
    made = run("--vault", vault, "new", "Acme", "--at", "2026-12-09 10:00")
    assert made.exit_code == 8
    assert "config.yaml note_path:1: unknown placeholder {{when}} (known: {{company}}, " in (
        made.stderr
    )
    assert not (vault / "interviews").exists()


def test_a_numbered_id_stays_within_the_limit_without_a_double_hyphen(vault, run, write):
    from datetime import date

    from interviewkit.notes.note import MAX_ID, derive_id

    name = "Acme Robotics and Automation Company Worldwide Holdings"
    held = derive_id(name, date(2026, 12, 9), "fin-xy")
    assert len(held) == MAX_ID and held[MAX_ID - 3] == "-"  # cut for "-2", a hyphen ends it
    write("interviews/other.md", note("Other Co", id=held))
    made = run("--vault", vault, "new", name, "--round", "fin-xy", "--at", "2026-12-09 10:00")
    assert made.exit_code == 0, made.output
    assert f"\nid: {held[: MAX_ID - 3]}-2\n" in (vault / made.stdout.strip()).read_text()
