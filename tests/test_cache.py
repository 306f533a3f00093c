"""Issue 6: results are never wrong because of the cache."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import time
from datetime import datetime

import pytest

from interviewkit.config import load_settings
from interviewkit.vault.cache import NoteCache
from interviewkit.vault.reader import PARALLEL_MIN, VaultReader

from .conftest import modules_after, note
from .test_hand_written import NOTES

CACHE = (".interviewkit", "cache", "notes.marshal")


@pytest.fixture
def hand(hand_vault):
    return hand_vault


def due(run, root, *extra):
    result = run(
        "--vault", root, "due", "--all", "--today", "2026-11-26", "--format", "json", *extra
    )
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def age(root, seconds=10):
    """Make every file look older than the cache's racy window."""
    for path in root.rglob("*"):
        settle(path, seconds)


def settle(path, seconds=10):
    """Make one file look older than the cache's racy window."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 1_000_000_000))


def test_warm_cache_gives_the_same_answer(hand, run):
    age(hand)
    truth = due(run, hand, "--no-cache")
    assert not hand.joinpath(*CACHE).exists()
    assert due(run, hand) == truth
    assert hand.joinpath(*CACHE).exists()
    entries, groups = NoteCache(hand, load_settings(hand)).load()
    assert len(entries) == len(NOTES) - 2  # .trash and Templates
    assert groups  # each company's agenda rows
    assert due(run, hand) == truth


def test_warm_cache_serves_every_reading_command_the_same(hand, run):
    age(hand)
    commands = [
        ("feed",),
        ("status", "--today", "2026-11-26"),
        ("questions",),
        ("check",),
        ("export", "--format", "json"),
    ]
    truths = [run("--vault", hand, *c, "--no-cache").stdout for c in commands]
    due(run, hand)
    assert [run("--vault", hand, *c).stdout for c in commands] == truths
    assert [run("--vault", hand, *c).stdout for c in commands] == truths


def test_a_change_in_one_round_reaches_the_other_rounds_of_its_company(hand, run):
    """A company's rows are kept together: an edit to one round redoes them all."""
    age(hand)
    first = hand / "Interviews" / "initech.md"
    later = hand / "Work" / "initech-final.md"
    later.write_text(
        "---\ntype: interview\nid: initech-final\ncompany: Initech\nrole: Analyst\n"
        "round: final\nstart: 2026-12-10T10:00\n---\n"
    )
    age(hand)
    out, _ = due(run, hand)
    assert "initech-1:follow-up" not in out  # a later round is booked
    assert "earlier rounds" in out.split("initech-final:prepare")[1].split("\n")[0]
    later.unlink()
    out, _ = due(run, hand)
    assert "initech-1:follow-up" in out
    assert due(run, hand) == due(run, hand, "--no-cache")
    first.write_text(first.read_text().replace("company: Initech", "company: Initrode"))
    out, _ = due(run, hand)
    assert '"company": "Initrode"' in out and '"company": "Initech"' not in out
    assert due(run, hand) == due(run, hand, "--no-cache")


def test_edits_renames_and_deletions_are_seen(hand, run):
    age(hand)
    due(run, hand)
    note = hand / "Interviews" / "initech.md"
    note.write_text(
        note.read_text().replace("follow_up_on: 2026-11-27", "follow_up_on: 2026-11-30")
    )
    out, _ = due(run, hand)
    assert "2026-11-30" in out and '"2026-11-27"' not in out.split("initech-1:follow-up")[1][:80]
    assert due(run, hand) == due(run, hand, "--no-cache")
    (hand / "Interviews" / "initech.md").rename(hand / "Work" / "renamed.md")
    out, _ = due(run, hand)
    assert "Work/renamed.md" in out and "Interviews/initech.md" not in out
    (hand / "Work" / "renamed.md").unlink()
    out, _ = due(run, hand)
    assert "initech" not in out
    assert due(run, hand) == due(run, hand, "--no-cache")


def edit_keeping_size_and_mtime(note, old, new):
    """Change a note the way a coarse file-system clock could hide: same size, same mtime."""
    stat = note.stat()
    note.write_text(note.read_text().replace(old, new))
    os.utime(note, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert note.stat().st_size == stat.st_size


def test_same_size_edit_within_the_same_second_is_still_seen(hand, run):
    due(run, hand)
    note = hand / "Interviews" / "initech.md"
    edit_keeping_size_and_mtime(note, "round: onsite", "round: onsitE")
    out, _ = due(run, hand)
    assert '"round": "onsitE"' in out


def test_same_size_edit_within_the_same_second_of_a_delta_is_still_seen(hand, run):
    age(hand)
    due(run, hand)
    other = hand / "Work" / "hooli-final.md"
    other.write_text(other.read_text() + "\nlater\n")
    settle(other)  # something worth a delta
    note = hand / "Interviews" / "initech.md"
    note.write_text(note.read_text().replace("round: onsite", "round: onsitx"))
    due(run, hand)  # the delta holds the note, written in the same second as it
    assert hand.joinpath(*DELTA).exists()
    edit_keeping_size_and_mtime(note, "round: onsitx", "round: onsitE")
    out, _ = due(run, hand)
    assert '"round": "onsitE"' in out


@pytest.mark.parametrize(
    "damage",
    [b"", b"garbage", b"\xe3" + b"\x00" * 50, None],
    ids=["empty", "garbage", "binary", "truncated"],
)
def test_damaged_cache_is_rebuilt_silently(hand, run, damage):
    age(hand)
    truth = due(run, hand, "--no-cache")
    due(run, hand)
    path = hand.joinpath(*CACHE)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] if damage is None else damage)
    assert due(run, hand) == truth
    assert due(run, hand) == truth


def test_damaged_records_are_read_from_the_notes(hand, run):
    """The index may be whole while the records after it are not."""
    age(hand)
    feed_truth = run("--vault", hand, "feed", "--no-cache").stdout
    truth = due(run, hand, "--no-cache")
    due(run, hand)
    path = hand.joinpath(*CACHE)
    data = path.read_bytes()
    index = 8 + int.from_bytes(data[:8], "little")
    path.write_bytes(data[:index] + b"\xff" * 64)
    assert run("--vault", hand, "feed").stdout == feed_truth
    assert due(run, hand) == truth
    assert run("--vault", hand, "feed").stdout == feed_truth


def test_rows_worked_out_later_are_not_used_for_an_earlier_day(hand, run):
    """Rows leave out preparing for interviews already started; an earlier day needs them."""

    def due_on(day, *extra):
        result = run("--vault", hand, "due", "--all", "--today", day, "--format", "json", *extra)
        return result.stdout

    age(hand)
    late = due_on("2026-12-31")
    assert ":prepare" not in late
    early = due_on("2026-11-01")
    assert early == due_on("2026-11-01", "--no-cache")
    assert ":prepare" in early
    assert due_on("2026-12-31") == late == due_on("2026-12-31", "--no-cache")


def test_due_on_an_unchanged_vault_parses_neither_yaml_nor_notes(hand):
    age(hand)
    args = ["--vault", str(hand), "due", "--all", "--format", "json"]
    cold = modules_after(args)
    assert "yaml" in cold and "interviewkit.notes.note" in cold
    warm = modules_after([*args[:-1], "table"])  # a format the output memo does not keep
    assert "interviewkit.rules.agenda" in warm
    assert "yaml" not in warm and "interviewkit.notes.note" not in warm, warm


def test_a_body_edit_is_read_without_yaml_and_a_front_matter_edit_with_it(hand, run):
    age(hand)
    args = ["--vault", str(hand), "due", "--all", "--format", "json", "--today", "2026-11-26"]
    modules_after(args)
    note = hand / "Interviews" / "initech.md"
    original = note.read_text()
    assert "## Important points" in original
    note.write_text(original.replace("## Important points", "## Important points\n- pay band"))
    modules = modules_after(args)
    assert "interviewkit.notes.note" in modules and "yaml" not in modules, modules
    assert due(run, hand) == due(run, hand, "--no-cache")
    note.write_text(original.replace("round: onsite", "round: final"))
    assert "yaml" in modules_after(args)
    out, _ = due(run, hand)
    assert '"round": "final"' in out
    assert (out, _) == due(run, hand, "--no-cache")


def test_a_changed_or_broken_config_is_read_again(hand, run):
    age(hand)
    config = hand / ".interviewkit" / "config.yaml"
    due(run, hand)
    age(hand)
    assert (hand / ".interviewkit" / "cache" / "config.marshal").exists()
    original = config.read_text()
    config.write_text(original + "within_days: seven\n")
    result = run("--vault", hand, "due")
    assert result.exit_code == 3
    assert ".interviewkit/config.yaml:" in result.stderr and "within_days" in result.stderr
    config.write_text(original)
    age(hand)
    memo = hand / ".interviewkit" / "cache" / "config.marshal"
    memo.write_bytes(b"\x00garbage")
    assert due(run, hand) == due(run, hand, "--no-cache")


DELTA = (".interviewkit", "cache", "notes-delta.marshal")


def test_a_few_changes_go_to_the_delta_and_many_rewrite_the_base(hand, run, monkeypatch):
    age(hand)
    due(run, hand)
    base = hand.joinpath(*CACHE)
    written = base.read_bytes()
    note = hand / "Interviews" / "initech.md"
    note.write_text(note.read_text().replace("round: onsite", "round: second onsite"))
    out, _ = due(run, hand)
    assert '"round": "second onsite"' in out
    # Changed so recently that it will be read again anyway: nothing worth writing.
    assert base.read_bytes() == written and not hand.joinpath(*DELTA).exists()
    settle(note)
    assert due(run, hand) == (out, _)
    assert base.read_bytes() == written
    assert hand.joinpath(*DELTA).exists()
    age(hand)
    assert due(run, hand) == due(run, hand, "--no-cache")
    feed = run("--vault", hand, "feed").stdout
    assert feed == run("--vault", hand, "feed", "--no-cache").stdout
    import interviewkit.vault.cache

    monkeypatch.setattr(interviewkit.vault.cache, "DELTA_MIN", 0)
    for path in (hand / "Interviews").glob("*.md"):
        path.write_text(path.read_text() + "\n")
    out, _ = due(run, hand)
    assert base.read_bytes() != written
    assert not hand.joinpath(*DELTA).exists()
    assert (out, _) == due(run, hand, "--no-cache")
    cache = NoteCache(hand, load_settings(hand))
    entries, _ = cache.load()
    held = [path for path, entry in entries.items() if entry[2] is not None]
    assert any(not path.startswith("Interviews/") for path in held)
    assert sorted(cache.records(held)) == sorted(held)  # unchanged notes kept theirs


def test_a_delta_carries_over_what_the_delta_before_it_held(hand, run):
    """Notes changed in one run stay right in the runs after, whatever those change."""
    age(hand)
    due(run, hand)
    first = hand / "Interviews" / "initech.md"
    first.write_text(first.read_text().replace("round: onsite", "round: second onsite"))
    settle(first)
    due(run, hand)
    second = hand / "Work" / "hooli-final.md"
    second.write_text(second.read_text().replace("round: final", "round: last"))
    settle(second)
    due(run, hand)
    cache = NoteCache(hand, load_settings(hand))
    cache.load()
    both = ["Interviews/initech.md", "Work/hooli-final.md"]
    assert sorted(cache.records(both)) == both  # the first note's record came along
    for command in (("export", "--format", "json"), ("feed",), ("status",)):
        cached = run("--vault", hand, *command).stdout
        assert cached == run("--vault", hand, *command, "--no-cache").stdout, command
    assert "second onsite" in run("--vault", hand, "export", "--format", "json").stdout


@pytest.mark.parametrize("damage", ["garbage", "stale"])
def test_a_damaged_or_stale_delta_is_ignored(hand, run, damage):
    age(hand)
    truth = due(run, hand, "--no-cache")
    due(run, hand)
    note = hand / "Interviews" / "initech.md"
    original = note.read_text()
    note.write_text(original.replace("round: onsite", "round: second onsite"))
    settle(note)
    due(run, hand)
    delta = hand.joinpath(*DELTA)
    if damage == "garbage":
        delta.write_bytes(b"\x00" + delta.read_bytes()[1:])
    else:  # a delta made for an older base
        kept = delta.read_bytes()
        hand.joinpath(*CACHE).unlink()
        due(run, hand)
        delta.write_bytes(kept)
    note.write_text(original)
    age(hand)
    assert due(run, hand) == truth
    assert due(run, hand) == truth


def test_settings_change_invalidates_the_cache(hand, run):
    age(hand)
    before, _ = due(run, hand)
    config = hand / ".interviewkit" / "config.yaml"
    config.write_text(config.read_text().replace("Europe/Paris", "America/New_York"))
    after, _ = due(run, hand)
    assert after != before
    assert '"timezone": "America/New_York"' in after
    assert "T11:00:00-05:00" in after


def test_foreign_version_is_ignored(hand, run, monkeypatch):
    """Another install (another version, or the same version with other code, as two
    commits installed from git are) neither reads the cache nor the memo of `due`."""
    age(hand)
    truth = due(run, hand)
    import interviewkit.vault.cache
    from interviewkit.vault.cache import program_stamp

    assert program_stamp().startswith(f"{interviewkit.__version__} ")
    memo = hand / ".interviewkit" / "cache" / "due-output.marshal"
    assert program_stamp().encode() in memo.read_bytes()  # the memo's question holds it
    monkeypatch.setattr(interviewkit.vault.cache, "program_stamp", lambda: "0.1.0 65 1")
    assert NoteCache(hand, load_settings(hand)).load() == ({}, {})
    assert due(run, hand) == truth
    assert b"0.1.0 65 1" in memo.read_bytes()  # worked out again, not taken from the memo


def test_no_cache_neither_reads_nor_writes(hand, run):
    due(run, hand, "--no-cache")
    assert not (hand / ".interviewkit" / "cache").exists()


def _read_and_write_in_process(root, mine, queue):
    """Edit one note's body and read the vault through the cache, over and over."""
    settings = load_settings(root)
    now = datetime(2026, 11, 26, 23, tzinfo=settings.zone)
    note = root / mine
    original = note.read_text()

    def save(text):  # as editors do: write aside, then rename over the note
        aside = note.with_suffix(".swp")
        aside.write_text(text)
        os.replace(aside, note)

    for index in range(8):
        save(original + f"\nedit {index}\n")
        VaultReader(root, settings).agenda(now)
        scan = VaultReader(root, settings).scan()
    save(original)
    queue.put(sorted(n.id for n in scan.notes))


def test_two_processes_at_once_never_corrupt_it(hand, run):
    age(hand)
    truth = due(run, hand, "--no-cache")
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    processes = [
        context.Process(target=_read_and_write_in_process, args=(hand, mine, queue))
        for mine in ("Interviews/initech.md", "Work/hooli-final.md")
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
    results = [queue.get(timeout=5) for _ in processes]
    assert results[0] == results[1]
    assert all(process.exitcode == 0 for process in processes)
    assert NoteCache(hand, load_settings(hand)).load()[0]
    assert not [p for p in hand.joinpath(*CACHE).parent.iterdir() if p.suffix == ".tmp"]
    assert due(run, hand) == truth
    age(hand)
    assert due(run, hand) == truth


def many_notes(tmp_path):
    """A vault with just enough notes to be read on two cores, over seven companies."""
    root = tmp_path / "big"
    (root / ".interviewkit").mkdir(parents=True)
    (root / ".interviewkit" / "config.yaml").write_text("timezone: UTC\n")
    folder = root / "interviews"
    folder.mkdir()
    for index in range(PARALLEL_MIN + 10):
        (folder / f"n{index}.md").write_text(
            f"---\ntype: interview\nid: n{index}\ncompany: C{index % 7}\n"
            f"start: 2026-11-{1 + index % 28:02d}T10:00\n---\n"
        )
    return root


def test_many_notes_are_read_on_two_cores_with_the_same_result(tmp_path, run):
    root = many_notes(tmp_path)
    folder = root / "interviews"
    (folder / "bad.md").write_text("---\ntype: interview\ncompany: X\nstart: soon\n---\n")
    out, err = due(run, root, "--no-cache")
    document = json.loads(out)
    assert [(p["note"], p["line"]) for p in document["problems"]] == [("interviews/bad.md", 4)]
    assert {a["note_id"] for a in document["actions"]} == {
        f"n{i}" for i in range(PARALLEL_MIN + 10)
    }
    shutil.rmtree(root / ".interviewkit" / "cache", ignore_errors=True)
    assert due(run, root) == (out, err)


def test_rows_worked_out_by_the_worker_equal_those_of_one_process(tmp_path, run, monkeypatch):
    """On two cores the worker works out the rows of the companies it read most of;
    the answer is the one a single process gives, and a company whose rules fail
    (in the worker and again in the parent) costs that company only, and says so."""
    import interviewkit.rules.agenda as agenda
    import interviewkit.vault.reader as reader

    from .test_bad_input import curse_the_rules

    root = tmp_path / "big"
    (root / ".interviewkit").mkdir(parents=True)
    (root / ".interviewkit" / "config.yaml").write_text("timezone: Europe/Berlin\n")
    folder = root / "interviews"
    folder.mkdir()
    for index in range(PARALLEL_MIN + 500):
        day = 1 + index % 28  # the day of the interview, thanked that day when before the 27th
        thanked = f"\nthank_you_sent: 2026-11-{day:02d}" if index % 3 and day <= 26 else ""
        (folder / f"n{index:05d}.md").write_text(
            f"---\ntype: interview\nid: n{index}\ncompany: Company {index % 41}\n"
            f"round: r{index % 5}\nstart: 2026-11-{day:02d}T10:00{thanked}\n---\n"
            f"- [ ] Write to them 📅 2026-12-{1 + index % 20:02d}\n"
        )
    curse_the_rules(monkeypatch, agenda, "Company 7")
    parent, real_read = os.getpid(), reader.read_file

    def slow_here(*args, **kwargs):  # so the worker takes most of the files, whatever the load
        if os.getpid() == parent:
            time.sleep(0.002)
        return real_read(*args, **kwargs)

    monkeypatch.setattr(reader, "read_file", slow_here)
    from_worker = []
    real_groups = reader.Reads.groups

    def groups(self):
        from_worker.append(real_groups(self))
        return from_worker[-1]

    monkeypatch.setattr(reader.Reads, "groups", groups)
    two = due(run, root)
    assert len(from_worker[0]) > 10, "the worker worked out too few companies"
    assert "company 7" not in from_worker[0]
    monkeypatch.setattr(reader, "PARALLEL_MIN", 10**9)
    monkeypatch.setattr(reader, "read_file", real_read)
    shutil.rmtree(root / ".interviewkit" / "cache")
    one = due(run, root)
    assert two == one
    document = json.loads(two[0])
    failed = {p["note"] for p in document["problems"]}
    assert failed == {f"interviews/n{i:05d}.md" for i in range(7, PARALLEL_MIN + 500, 41)}
    assert all("working out the actions of" in p["message"] for p in document["problems"])
    assert len({a["company"] for a in document["actions"]}) == 40
    assert due(run, root) == one  # and from the cache


@pytest.mark.parametrize("delta_min", [64, 1], ids=["deltas", "rewrites"])
@pytest.mark.parametrize("seed", range(1, 7))
def test_any_sequence_of_edits_gives_what_reading_every_note_gives(
    hand, run, monkeypatch, seed, delta_min
):
    """Random edits, additions, removals and renames, some left too recent to trust
    and some settled: after each, the cached answers equal those read from disk."""
    import random

    import interviewkit.vault.cache

    monkeypatch.setattr(interviewkit.vault.cache, "DELTA_MIN", delta_min)

    rng = random.Random(seed)
    folder = hand / "Interviews"
    companies = ["Initech", "Globex", "Hooli", "Umbrella"]

    def notes():
        return sorted(folder.glob("*.md"))

    def add(index):
        company = rng.choice(companies)
        (folder / f"added-{index}.md").write_text(
            f"---\ntype: interview\nid: added-{index}\ncompany: {company}\nround: r{index}\n"
            f"start: 2026-11-{rng.randint(1, 28):02d}T10:00\n---\n## Important points\n- x\n"
        )

    def replace_line(path, key, value):
        lines = path.read_text().splitlines(keepends=True)
        for number, line in enumerate(lines):
            if line.startswith(f"{key}:"):
                lines[number] = f"{key}: {value}\n"
                break
        else:
            lines.insert(1, f"{key}: {value}\n")
        path.write_text("".join(lines))

    age(hand)
    due(run, hand)
    for step in range(25):
        existing = notes()
        operation = rng.choice(["body", "round", "company", "add", "remove", "rename", "age"])
        target = rng.choice(existing) if existing else None
        if operation == "body" and target:
            target.write_text(target.read_text() + f"\nmore {step}\n")
        elif operation == "round" and target:
            replace_line(target, "round", f"round {step}")
        elif operation == "company" and target:
            replace_line(target, "company", rng.choice(companies))
        elif operation == "remove" and target:
            target.unlink()
        elif operation == "rename" and target:
            target.rename(folder / f"renamed-{step}.md")
        elif operation == "age":
            age(hand)
        else:
            add(step)
        if rng.random() < 0.5:
            for path in notes():
                settle(path, 3)
        assert due(run, hand) == due(run, hand, "--no-cache"), (seed, step, operation)
        if step % 5 == 4:
            cached = run("--vault", hand, "export", "--format", "json").stdout
            assert cached == run("--vault", hand, "export", "--format", "json", "--no-cache").stdout


def test_a_fifo_in_the_cache_s_place_never_hangs(hand, run):
    first = due(run, hand)
    cache_dir = hand / ".interviewkit" / "cache"
    for name in ("notes.marshal", "notes.delta.marshal", "config.marshal"):
        target = cache_dir / name
        target.unlink(missing_ok=True)
        os.mkfifo(target)
    assert due(run, hand) == first  # read from the notes; a hang would stop the test run


@pytest.mark.parametrize(
    "values",
    [
        {"timezone": "Nowhere/Atlantis"},
        {"within_days": "7"},
        {"no_such_setting": 1},
        {"feed_include": "follow-up"},
        ["timezone"],
    ],
)
def test_remembered_settings_that_do_not_fit_are_read_again(hand, run, values):
    from interviewkit.vault.cache import FORMAT
    from interviewkit.vault.seal import seal, unseal

    first = due(run, hand)
    memo = hand / ".interviewkit" / "cache" / "config.marshal"
    key, written_ns, _ = unseal(memo.read_bytes())
    assert key[0] == FORMAT
    memo.write_bytes(seal((key, written_ns, values)))  # sealed right, yet wrong inside
    assert due(run, hand) == first


def test_a_same_size_edit_with_its_mtime_put_back_is_seen(hand, run):
    """As `cp -p`, `rsync -a`, `touch -r` or unzip leave a file: new bytes, old mtime."""
    age(hand)
    due(run, hand)
    note = hand / "Interviews" / "initech.md"
    edit_keeping_size_and_mtime(note, "round: onsite", "round: onsitE")
    out, _ = due(run, hand)
    assert "onsitE" in out
    assert (out, _) == due(run, hand, "--no-cache")


def test_serve_s_fingerprint_sees_a_restored_mtime(hand):
    from interviewkit.vault.walk import vault_fingerprint

    age(hand)
    settings = load_settings(hand)
    before = vault_fingerprint(hand, settings)
    edit_keeping_size_and_mtime(hand / "Interviews" / "initech.md", "onsite", "onsitE")
    assert vault_fingerprint(hand, settings) != before


FLIP_EVERY = int(os.environ.get("INTERVIEWKIT_FLIP_EVERY", "5"))


def test_a_bit_flipped_anywhere_in_the_cache_never_changes_an_answer(tmp_path):
    """Each bit of a small cache (base, delta and remembered settings) flipped in turn:
    every run equals reading every note, or rebuilds. CI flips every 5th bit;
    `INTERVIEWKIT_FLIP_EVERY=1` flips them all."""
    from interviewkit.rules.agenda import open_rows

    root = tmp_path / "v"
    (root / ".interviewkit").mkdir(parents=True)
    (root / ".interviewkit" / "config.yaml").write_text("timezone: Europe/Paris\n")
    (root / "interviews").mkdir()
    for name, company in (("a", "Acme"), ("b", "Globex")):
        (root / "interviews" / f"{name}.md").write_text(
            f"---\ntype: interview\nid: {name}\ncompany: {company}\nstart: 2026-03-29T02:30\n"
            "people: [Dana]\n---\n- [ ] Send it 📅 2026-04-01\n"
        )
    age(root)
    settings = load_settings(root)
    now = datetime(2026, 3, 30, 23, tzinfo=settings.zone)

    def answer(use_cache: bool):
        from interviewkit.vault.cache import ConfigMemo

        remembered = ConfigMemo(root) if use_cache else None
        read_settings = load_settings(root, remembered=remembered)
        reader = VaultReader(root, read_settings, use_cache)
        rows, problems = reader.agenda(now)
        scan = reader.scan()
        notes = [(n.path, n.start.isoformat(), n.tasks) for n in scan.notes]
        return read_settings, open_rows(rows, now), problems, notes

    truth = answer(False)
    answer(True)  # writes the base
    (root / "interviews" / "a.md").write_text(
        (root / "interviews" / "a.md").read_text().replace("Dana", "Dina")
    )
    settle(root / "interviews" / "a.md")
    truth_after = answer(False)
    answer(True)  # writes a delta
    cache_dir = root / ".interviewkit" / "cache"
    files = sorted(p for p in cache_dir.iterdir() if p.is_file())
    assert len(files) == 3, files
    flipped = 0
    for path in files:
        good = path.read_bytes()
        for bit in range(0, len(good) * 8, FLIP_EVERY):
            damaged = bytearray(good)
            damaged[bit // 8] ^= 1 << (bit % 8)
            path.write_bytes(bytes(damaged))
            assert answer(True) == truth_after, (path.name, bit)
            flipped += 1
        path.write_bytes(good)
    assert flipped > 1000 and truth != truth_after


def test_a_start_in_a_daylight_saving_gap_comes_back_from_the_cache_unchanged(vault, write, run):
    write("interviews/a.md", note(id="a", start="2026-03-29T02:30"))
    cold = run("--vault", vault, "due", "--all", "--today", "2026-03-30", "--format", "json")
    warm = run("--vault", vault, "due", "--all", "--today", "2026-03-30", "--format", "json")
    plain = run(
        "--vault", vault, "due", "--all", "--today", "2026-03-30", "--format", "json", "--no-cache"
    )
    assert cold.stdout == warm.stdout == plain.stdout
    brief_warm = run("--vault", vault, "brief", "a")
    assert brief_warm.stdout == run("--vault", vault, "brief", "a", "--no-cache").stdout


def test_the_worker_is_ended_by_sigterm_not_by_the_command_lines_handler(tmp_path):
    """The command line catches SIGTERM to stop cleanly (see `entry`), and the pool
    ends its worker with SIGTERM: a worker that inherited the handler would print a
    traceback when it is ended. Run in a process of its own, as the console script
    sets it up; the worker reports what SIGTERM does there."""
    import subprocess
    import sys

    code = """
import signal, sys
from pathlib import Path
from interviewkit import entry
from interviewkit.config import Settings
from interviewkit.vault import reader
signal.signal(signal.SIGTERM, entry._stop)
def report():
    return [(0, (("report", signal.getsignal(signal.SIGTERM) == signal.SIG_DFL), None))]
reader._worker_read = report
reader._take = lambda counter, total: range(0)
reads = reader._read_many(Path(sys.argv[1]), ["a.md"] * reader.PARALLEL_MIN, Settings(), lambda rel: None)
print(reads.results[0][0][1])
"""
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert (done.stdout.strip(), done.stderr) == ("True", "")


def test_a_cold_two_core_run_of_the_real_command_says_nothing_on_stderr(tmp_path):
    """The worker is ended with SIGTERM, which the command line catches for itself
    (see `entry`): the worker must not inherit that, or a traceback reaches the user."""
    import subprocess
    import sys

    root = many_notes(tmp_path)
    script = os.path.join(os.path.dirname(sys.executable), "interviewkit")
    for _ in range(3):
        shutil.rmtree(root / ".interviewkit" / "cache", ignore_errors=True)
        done = subprocess.run(
            [script, "--vault", str(root), "due", "--all", "--format", "json"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert (done.returncode, done.stderr) == (0, "")
        assert len(json.loads(done.stdout)["actions"]) >= PARALLEL_MIN
