"""Issue 15: in a git-tracked vault the feed's SEQUENCE and DTSTAMP come from the
history, so a calendar that caches events sees every change. Real git, real files,
the real CLI; every feed checked with two parsers the project did not write."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from .icscheck import validate

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

ACME = "interviews/acme-robotics/2026-11-25-onsite.md"


def git(root, *args: str, when: int = 1_796_000_000) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Job Seeker",
        "GIT_AUTHOR_EMAIL": "me@example.org",
        "GIT_COMMITTER_NAME": "Job Seeker",
        "GIT_COMMITTER_EMAIL": "me@example.org",
        "GIT_AUTHOR_DATE": f"@{when} +0000",
        "GIT_COMMITTER_DATE": f"@{when} +0000",
    }
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def events(run, root) -> dict[str, str]:
    """Each event's unfolded text by UID, after validating the whole feed."""
    result = run(
        "--vault", root, "feed", "--include", "follow-up,thank-you,decide,prepare,task,interviews"
    )
    assert result.exit_code == 0, result.stderr
    validate(result.stdout_bytes)
    text = re.sub(r"\r\n[ \t]", "", result.stdout_bytes.decode())
    blocks = re.findall(r"BEGIN:VEVENT\r\n(.*?)END:VEVENT", text, re.S)
    found = {}
    for block in blocks:
        uid = re.search(r"^UID:(.*)$", block, re.M).group(1).strip()
        found[uid] = block
    return found


def field(block: str, name: str) -> str:
    return re.search(rf"^{name}[;:](?:[^:\r\n]*:)?(.*?)\r?$", block, re.M).group(1)


@pytest.fixture
def tracked(sample):
    git(sample, "init", "-q")
    git(sample, "add", "-A")
    git(sample, "commit", "-qm", "my notes")
    return sample


def edit(path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


STEPS = [
    ("start: 2026-11-25T14:00", "start: 2026-11-25T09:00", "move the interview earlier"),
    ("start: 2026-11-25T09:00", "start: 2026-11-25T16:00", "move it later"),
    ("follow_up_on:", "follow_up_on: 2026-12-09", "agree a follow-up date"),
    ("people:\n", "people:\n  - Grace Hopper <grace@acme-robotics.example>\n", "add a person"),
]


def test_each_committed_change_raises_its_companys_events_and_leaves_the_rest(run, tracked):
    before = events(run, tracked)
    acme = {uid for uid, block in before.items() if "acme-robotics" in uid}
    assert acme and len(acme) < len(before)
    for step, (old, new, message) in enumerate(STEPS, start=1):
        edit(tracked / ACME, old, new)
        git(tracked, "commit", "-qam", message, when=1_796_000_000 + 3600 * step)
        after = events(run, tracked)
        for uid in set(after) & set(before):
            if uid in acme:
                assert int(field(after[uid], "SEQUENCE")) > int(field(before[uid], "SEQUENCE")), (
                    message,
                    uid,
                )
                assert field(after[uid], "DTSTAMP") >= field(before[uid], "DTSTAMP"), (message, uid)
                assert field(after[uid], "LAST-MODIFIED") == field(after[uid], "DTSTAMP")
            else:
                assert after[uid] == before[uid], (message, uid)  # every byte
        before = after


def test_a_full_clone_of_the_same_commit_gives_the_same_bytes(run, tracked, tmp_path):
    edit(tracked / ACME, "follow_up_on:", "follow_up_on: 2026-12-09")
    git(tracked, "commit", "-qam", "agreed", when=1_796_100_000)
    first = run("--vault", tracked, "feed").stdout_bytes
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(tracked), str(clone))
    assert run("--vault", clone, "feed").stdout_bytes == first
    assert run("--vault", clone, "feed", "--no-cache").stdout_bytes == first


def test_an_uncommitted_change_adds_one_and_keeps_the_stamp(run, tracked):
    before = events(run, tracked)
    edit(tracked / ACME, "follow_up_on:", "follow_up_on: 2026-12-09")
    after = events(run, tracked)
    uid = "acme-robotics-2026-11-25-onsite.thank-you@interviewkit"
    assert int(field(after[uid], "SEQUENCE")) == int(field(before[uid], "SEQUENCE")) + 1
    assert field(after[uid], "DTSTAMP") == field(before[uid], "DTSTAMP") == "20261130T005320Z"


def test_the_config_and_templates_are_sources_of_every_event(run, tracked):
    before = events(run, tracked)
    config = tracked / ".interviewkit" / "config.yaml"
    config.write_text(config.read_text() + "# a comment\n")
    git(tracked, "commit", "-qam", "config", when=1_796_200_000)
    after = events(run, tracked)
    assert all(
        int(field(after[u], "SEQUENCE")) == int(field(before[u], "SEQUENCE")) + 1 for u in before
    )
    # a template, in a folder spelt in another case (one folder on macOS and Windows)
    (tracked / "Templates").mkdir(exist_ok=True)  # where case folds, it is `templates`
    (tracked / "Templates" / "another.md").write_text("---\nsubject: Thanks\n---\nThanks\n")
    git(tracked, "add", "Templates")
    git(tracked, "commit", "-qm", "template", when=1_796_250_000)
    later = events(run, tracked)
    assert all(
        int(field(later[u], "SEQUENCE")) == int(field(after[u], "SEQUENCE")) + 1 for u in after
    )


def test_a_renamed_note_keeps_its_history(run, tracked):
    before = events(run, tracked)
    git(tracked, "mv", ACME, "interviews/acme-robotics/onsite.md")
    git(tracked, "commit", "-qm", "rename", when=1_796_300_000)
    after = events(run, tracked)
    uid = "acme-robotics-2026-11-25-onsite.thank-you@interviewkit"
    assert int(field(after[uid], "SEQUENCE")) == int(field(before[uid], "SEQUENCE")) + 1


def test_a_shallow_clone_is_warned_about(run, tracked, tmp_path):
    git(tracked, "commit", "-q", "--allow-empty", "-m", "second", when=1_796_400_000)
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{tracked}", str(clone))
    result = run("--vault", clone, "feed")
    assert result.exit_code == 0
    assert "shallow clone" in result.stderr and "git fetch --unshallow" in result.stderr
    validate(result.stdout_bytes)


def test_a_vault_in_a_subfolder_of_the_repository(run, sample, tmp_path):
    repo = tmp_path / "notes"
    repo.mkdir()
    shutil.copytree(sample, repo / "job search")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "all my notes")
    vault = repo / "job search"
    first = events(run, vault)
    edit(vault / ACME, "follow_up_on:", "follow_up_on: 2026-12-09")
    uid = "acme-robotics-2026-11-25-onsite.thank-you@interviewkit"
    assert int(field(events(run, vault)[uid], "SEQUENCE")) == int(field(first[uid], "SEQUENCE")) + 1


def test_serve_sees_a_commit_that_changes_no_file(tracked):
    import urllib.request

    from .test_serve_http import start, stop

    edit(tracked / ACME, "follow_up_on:", "follow_up_on: 2026-12-09")
    process, url = start(tracked)
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            dirty = response.read()
        git(tracked, "commit", "-qam", "agreed", when=1_796_500_000)
        with urllib.request.urlopen(url, timeout=10) as response:
            committed = response.read()
    finally:
        stop(process)
    assert b"DTSTAMP:20261205T194640Z" in committed and committed != dirty
    validate(committed)
