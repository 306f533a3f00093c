"""The memo of `due`'s last output: it answers only the same question, about the same
files, at a moment it holds for; anything else works the answer out afresh."""

from __future__ import annotations

import os
from datetime import date, datetime
from zoneinfo import ZoneInfo

from interviewkit.errors import Problem
from interviewkit.rules.agenda import Due, holds_until
from interviewkit.vault.output_memo import MEMO_FILE, Output, OutputMemo

from .conftest import modules_after, note
from .test_cache import age

MEMO = (".interviewkit", "cache", MEMO_FILE)
PARIS = ZoneInfo("Europe/Paris")
JSON = ("due", "--all", "--format", "json")


def due(run, root, *extra):
    result = run("--vault", root, *JSON, *extra)
    return result.exit_code, result.stdout, result.stderr


def test_an_unchanged_vault_is_answered_from_the_memo_without_working_out_rows(hand_vault):
    hand = hand_vault
    age(hand_vault)
    args = ["--vault", str(hand_vault), *JSON]
    modules_after(args)
    assert hand.joinpath(*MEMO).is_file()
    warm = modules_after(args)
    assert "interviewkit.vault.output_memo" in warm
    assert "interviewkit.rules.agenda" not in warm and "interviewkit.render.jsonfmt" not in warm


def test_the_memo_gives_what_working_it_out_gives(hand_vault, run):
    hand = hand_vault
    age(hand_vault)
    fresh = due(run, hand, "--no-cache")
    assert not hand.joinpath(*MEMO).exists()  # --no-cache writes no memo
    first = due(run, hand)
    assert hand.joinpath(*MEMO).is_file()
    assert due(run, hand) == first == fresh
    checked = [due(run, hand, "--check") for _ in range(2)]
    assert checked[0] == checked[1] and checked[0][0] == 1
    assert "due --check:" in checked[0][2]


def test_problems_are_still_shown_when_the_output_goes_to_a_file(hand_vault, run, tmp_path):
    hand = hand_vault
    age(hand_vault)
    target = tmp_path / "due.json"
    runs = [due(run, hand, "--output", target) for _ in range(2)]
    assert runs[0] == runs[1]
    assert "Interviews/" in runs[0][2]  # the hand-written vault has problems: named on stderr
    assert target.read_text() == due(run, hand, "--no-cache")[1]


def test_a_same_size_edit_with_its_mtime_put_back_is_seen(hand_vault, run):
    hand = hand_vault
    age(hand_vault)
    due(run, hand)
    path = hand / "Interviews" / "initech.md"
    text = path.read_text()
    assert "round: onsite" in text
    before = path.stat()
    path.write_text(text.replace("round: onsite", "round: xnsite"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `cp -p` would
    _, out, _ = due(run, hand)
    assert "xnsite" in out and out == due(run, hand, "--no-cache")[1]


def test_a_memo_answers_only_its_own_question(hand_vault, run):
    hand = hand_vault
    age(hand_vault)
    for extra in [(), ("--today", "2026-11-26"), ("--company", "initech"), ("--kind", "debrief")]:
        due(run, hand, *extra)
        for other in [("--today", "2026-11-27"), ("--company", "globex"), ("--format", "markdown")]:
            assert due(run, hand, *other) == due(run, hand, *other, "--no-cache")


def test_a_note_changed_within_the_racy_window_leaves_no_memo(hand_vault, run):
    hand = hand_vault
    age(hand_vault)
    (hand / "Interviews" / "new.md").write_text(note("Hooli"))  # just now
    due(run, hand)
    assert not hand.joinpath(*MEMO).exists()
    age(hand_vault)
    due(run, hand)
    assert hand.joinpath(*MEMO).exists()


def test_a_damaged_memo_is_not_used(hand_vault, run):
    hand = hand_vault
    age(hand_vault)
    _, out, _ = due(run, hand)
    memo = hand.joinpath(*MEMO)
    data = bytearray(memo.read_bytes())
    data[-20] ^= 0x01  # a flipped bit in the text
    memo.write_bytes(bytes(data))
    assert due(run, hand)[1] == out
    memo.write_bytes(b"\xff" * 40)
    assert due(run, hand)[1] == out


def test_a_memo_holds_from_when_it_was_made_until_before_its_end(tmp_path):
    (tmp_path / ".interviewkit").mkdir()  # a vault: nothing is cached outside one
    memo = OutputMemo(tmp_path, ("due", "json"))
    output = Output('{"x": 1}\n', [Problem("a.md", 3, "bad", "error")], 2)
    memo.put("digest", 0, 100.0, 200.0, output)
    assert memo.get("digest", 100.0) == output
    assert memo.get("digest", 199.5) == output
    assert memo.get("digest", 200.0) is None
    assert memo.get("digest", 99.0) is None  # the clock went back
    assert memo.get("other files", 150.0) is None
    assert OutputMemo(tmp_path, ("due", "markdown")).get("digest", 150.0) is None


def _row(start: datetime) -> tuple:
    return Due(0, 0.0, "acme", "a:debrief", "debrief", "", "", "", "", "", "", "",
               start.timestamp(), "", float("inf"))  # fmt: skip


def test_the_list_holds_until_the_next_interview_starts_or_the_day_ends():
    now = datetime(2026, 11, 30, 10, 0, tzinfo=PARIS)
    later = datetime(2026, 11, 30, 15, 0, tzinfo=PARIS)
    earlier = datetime(2026, 11, 29, 15, 0, tzinfo=PARIS)
    tomorrow = datetime(2026, 12, 1, 9, 0, tzinfo=PARIS)
    assert holds_until([_row(earlier), _row(later), _row(tomorrow)], now) == later.timestamp()
    midnight = datetime(2026, 12, 1, 0, 0, tzinfo=PARIS).timestamp()
    assert holds_until([_row(earlier), _row(tomorrow)], now) == midnight


def test_in_a_zone_whose_clocks_jump_at_midnight_the_list_never_outlives_its_day():
    santiago = ZoneInfo("America/Santiago")  # 2026-09-06 00:00 does not exist there
    now = datetime(2026, 9, 5, 22, 0, tzinfo=santiago)
    until = holds_until([], now)
    assert until > now.timestamp()
    assert datetime.fromtimestamp(until - 0.001, santiago).date() == date(2026, 9, 5)


def test_the_list_holds_until_a_row_lapses():
    now = datetime(2026, 11, 30, 10, 0, tzinfo=PARIS)
    deadline = datetime(2026, 11, 30, 17, 0, tzinfo=PARIS)
    lapsing = _row(datetime(2026, 11, 29, 16, 0, tzinfo=PARIS))._replace(
        expires=deadline.timestamp()
    )
    assert holds_until([lapsing], now) == deadline.timestamp()
