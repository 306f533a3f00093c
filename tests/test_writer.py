"""The one atomic writer: permissions, links, create-only, and nothing left behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from interviewkit.errors import NoteExists
from interviewkit.write.atomic import CACHE, CREATE, NOTE, OUTPUT, SECRET, write_file


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_file_gets_0666_less_the_umask(tmp_path, umask_022):
    write_file(tmp_path / "out.md", b"x", OUTPUT)
    assert mode(tmp_path / "out.md") == 0o644
    os.umask(0o077)
    write_file(tmp_path / "private.md", b"x", OUTPUT)
    assert mode(tmp_path / "private.md") == 0o600


def test_an_existing_file_keeps_its_permissions(tmp_path, umask_022):
    target = tmp_path / "note.md"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_file(target, b"new", NOTE)
    assert target.read_bytes() == b"new" and mode(target) == 0o640
    assert leftovers(tmp_path) == []


def test_secrets_and_the_cache_are_0600_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        write_file(tmp_path / "token", b"t", SECRET)
        write_file(tmp_path / "cache", b"c", CACHE)
    finally:
        os.umask(old)
    assert mode(tmp_path / "token") == 0o600 and mode(tmp_path / "cache") == 0o600


def test_an_output_link_is_written_through(tmp_path):
    real = tmp_path / "real.ics"
    real.write_bytes(b"old")
    link = tmp_path / "link.ics"
    link.symlink_to(real)
    write_file(link, b"new", OUTPUT)
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_the_cache_and_secrets_replace_a_link_never_the_file_behind_it(tmp_path):
    for policy in (CACHE, SECRET):
        elsewhere = tmp_path / f"elsewhere-{policy.durable}"
        elsewhere.write_bytes(b"precious")
        link = tmp_path / f"state-{policy.durable}"
        link.symlink_to(elsewhere)
        write_file(link, b"state", policy)
        assert not link.is_symlink() and link.read_bytes() == b"state"
        assert elsewhere.read_bytes() == b"precious"


def test_create_only_never_overwrites_and_leaves_nothing_behind(tmp_path):
    target = tmp_path / "note.md"
    write_file(target, b"first", CREATE)
    with pytest.raises(NoteExists):
        write_file(target, b"second", CREATE)
    assert target.read_bytes() == b"first"
    assert target.stat().st_nlink == 1
    assert leftovers(tmp_path) == []


def test_a_failure_before_the_rename_removes_the_temporary_file(tmp_path):
    target = tmp_path / "note.md"
    target.write_bytes(b"old")

    def refuse() -> None:
        raise RuntimeError("changed on disk")

    with pytest.raises(RuntimeError):
        write_file(target, b"new", NOTE, before_rename=refuse)
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []


def test_a_failed_rename_removes_the_temporary_file(tmp_path):
    target = tmp_path / "taken"
    target.mkdir()
    (target / "inside").write_bytes(b"keep")
    with pytest.raises(OSError):
        write_file(target, b"new", OUTPUT)
    assert (target / "inside").read_bytes() == b"keep" and leftovers(tmp_path) == []


def test_dash_o_through_the_cli_keeps_mode_and_follows_links(run, sample, tmp_path, umask_022):
    real = tmp_path / "Due.md"
    real.write_text("old")
    real.chmod(0o664)
    link = tmp_path / "due-link.md"
    link.symlink_to(real)
    result = run(
        "--vault", sample, "due", "--today", "2026-11-26", "-o", link, "--format", "markdown"
    )
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and real.read_text().startswith("# Interview actions as of 2026-11-26")
    assert mode(real) == 0o664
    fresh = tmp_path / "fresh.md"
    assert run("--vault", sample, "status", "-o", fresh).exit_code == 0
    assert mode(fresh) == 0o644 and leftovers(tmp_path) == []


@pytest.mark.parametrize("command", [("feed",), ("status",), ("due", "--format", "markdown")])
def test_dash_o_into_a_folder_that_does_not_exist_is_an_error_and_makes_none(
    run, sample, tmp_path, command
):
    """`-o ~/Dropbx/interviews.ics` once made the folder the typo named, and the
    calendar that reads ~/Dropbox went on showing the old feed without a word."""
    target = tmp_path / "Dropbx" / "sub" / "out.txt"
    result = run("--vault", sample, *command, "-o", target)
    assert result.exit_code != 0
    assert f"the folder {target.parent} does not exist" in result.stderr
    assert not (tmp_path / "Dropbx").exists() and leftovers(tmp_path) == []


def test_init_and_new_create_files_with_the_umask_and_keep_what_exists(run, tmp_path, umask_022):
    root = tmp_path / "v"
    assert run("init", root).exit_code == 0
    config = root / ".interviewkit" / "config.yaml"
    assert mode(config) == 0o644 and mode(root / "templates" / "interview.md") == 0o644
    config.write_text("timezone: UTC\n")
    again = run("init", root)
    assert "kept    .interviewkit/config.yaml" in again.stdout
    assert config.read_text() == "timezone: UTC\n"
    made = run("--vault", root, "new", "Acme", "--at", "2026-11-20 10:00")
    assert made.exit_code == 0 and mode(root / made.stdout.strip()) == 0o644


def test_a_fifo_in_the_way_is_replaced_by_a_file_of_the_usual_mode(tmp_path):
    target = tmp_path / "out.txt"
    os.mkfifo(target, 0o600)
    umask = os.umask(0o022)
    try:
        write_file(target, b"data\n", OUTPUT)
    finally:
        os.umask(umask)
    assert stat.S_ISREG(target.stat().st_mode)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not the FIFO's 0600
    assert target.read_bytes() == b"data\n"
