"""Synthetic vaults for the benchmarks, made with a fixed seed so every run reads the same bytes.

A: 10,000 interview notes in every state.
B: 50,000 notes, 500 of them interview notes, the rest ordinary Obsidian notes
   with their own front matter, links and tasks.
C: 10,000 interview notes shaped unlike A: 500 companies, each note one long
   paragraph of about 1,800 characters and one task.
G: vault A tracked by git, with 300 more commits that each edit a random note.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

COMPANIES = [f"{a} {b}" for a in ("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell",
                                 "Cyberdyne", "Soylent", "Vandelay", "Wonka", "Gringotts", "Oscorp", "Aperture")
             for b in ("Labs", "Systems", "Robotics", "Analytics", "Health", "Foods", "Energy", "Media")]  # fmt: skip
ROLES = ["Engineer", "Senior Engineer", "Data Analyst", "Product Manager", "Designer", "SRE"]
ROUNDS = ["phone screen", "technical", "onsite", "final"]
OUTCOMES = ["pending"] * 6 + ["offer", "rejected", "withdrawn", "declined", "accepted"]
QUESTIONS = [
    "Tell me about yourself.", "Why do you want to leave your current job?",
    "Describe a time you disagreed with a technical decision.", "What is your notice period?",
    "How would you debug a slow service?", "Where do you see yourself in five years?",
    "What do you know about our company?", "How do you handle conflicting priorities?",
]  # fmt: skip
FILLER = (
    "We talked about the team's roadmap, the release process and how on-call works. "
    "They asked for examples of ownership and of working with product managers. "
)
CONFIG = "timezone: Europe/Paris\n"


def interview_note(rng: random.Random, index: int, start: date) -> str:
    company = rng.choice(COMPANIES)
    role = rng.choice(ROLES)
    round_name = rng.choice(ROUNDS)
    hour = rng.randint(8, 17)
    outcome = rng.choice(OUTCOMES)
    lines = [
        "---",
        "type: interview",
        f"id: bench-{index:06d}",
        f"company: {company}",
        f"role: {role}",
        f"round: {round_name}",
        f"start: {start.isoformat()}T{hour:02d}:00",
        f"end: {start.isoformat()}T{hour + 1:02d}:00",
        "people:",
        f"  - Person {index} <p{index}@example.com>" if rng.random() < 0.7 else "  - Someone",
        f"next_steps: Decision in {rng.randint(1, 3)} weeks",
        f"decision_by: {(start + timedelta(days=rng.randint(3, 20))).isoformat()}"
        if rng.random() < 0.5
        else "decision_by:",
        f"follow_up_on: {(start + timedelta(days=rng.randint(5, 15))).isoformat()}"
        if rng.random() < 0.4
        else "follow_up_on:",
        f"thank_you_sent: {(start + timedelta(days=1)).isoformat()}"
        if rng.random() < 0.6
        else "thank_you_sent:",
        f"followed_up: [{(start + timedelta(days=9)).isoformat()}]"
        if rng.random() < 0.3
        else "followed_up: []",
        f"outcome: {outcome}",
        "tags: [interview]",
        "---",
        f"# {company}: {round_name}",
        "",
        "## People met",
        f"- Person {index}, hiring manager",
        "",
        "## Important points",
        "" if rng.random() < 0.2 else f"- {FILLER}",
        "",
        "## Questions asked",
    ]
    lines += (
        [f"- {q}\n  - {FILLER[:60]}" for q in rng.sample(QUESTIONS, 3)]
        if rng.random() > 0.2
        else [""]
    )
    lines += ["", "## Fit", "" if rng.random() < 0.3 else FILLER, ""]
    if rng.random() < 0.3:
        lines.append(f"- [ ] Send the portfolio 📅 {(start + timedelta(days=3)).isoformat()}")
    body_target = 4000
    text = "\n".join(lines) + "\n"
    while len(text) < body_target:
        text += FILLER + "\n"
    return text


def ordinary_note(rng: random.Random, index: int) -> str:
    day = date(2024, 1, 1) + timedelta(days=rng.randint(0, 900))
    lines = [
        "---",
        f"created: {day.isoformat()}",
        f"tags: [{rng.choice(['daily', 'project', 'reading', 'meeting'])}]",
        f"aliases: [Note {index}]",
        "type: note",
        "---",
        f"# Note {index}",
        "",
        f"Links: [[Note {rng.randint(0, 49999)}]], [[Note {rng.randint(0, 49999)}]]",
        "",
        f"- [ ] Something to do 📅 {day.isoformat()}",
        "",
    ]
    text = "\n".join(lines)
    while len(text) < 1500:
        text += FILLER + "\n"
    return text


WORDS = str.split(
    "the team walked through how they plan quarters, how incidents are reviewed without blame, "
    "what the first ninety days would hold, which services I would own, how they hire and grow "
    "engineers, where the product is heading next year, and what they expect from a senior "
    "colleague in design reviews, mentoring and writing"
)


def paragraph_note(rng: random.Random, index: int, start: date) -> str:
    """A note as many people write one: front matter, one long paragraph, one task."""
    company = f"Company {rng.randrange(500):03d} {rng.choice(('GmbH', 'Ltd', 'Inc', 'SA'))}"
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < 1800:
        words.append(rng.choice(WORDS))
    due = (start + timedelta(days=rng.randint(1, 10))).isoformat()
    return "\n".join(
        [
            "---",
            "type: interview",
            f"id: para-{index:06d}",
            f"company: {company}",
            f"role: {rng.choice(ROLES)}",
            f"round: {rng.choice(ROUNDS)}",
            f"start: {start.isoformat()}T{rng.randint(8, 17):02d}:30",
            f"people: [Person {index}]",
            f"outcome: {rng.choice(OUTCOMES)}",
            "---",
            " ".join(words).capitalize() + ".",
            "",
            f"- [ ] Write to {company} about the next steps 📅 {due}",
            "",
        ]
    )


def _new_vault(root: Path, name: str, config: str = CONFIG) -> Path | None:
    """The marker to write once a vault is complete; None when it already is. The
    config is written either way, so a vault made by an older run gets the current one."""
    (root / ".interviewkit").mkdir(parents=True, exist_ok=True)
    config_path = root / ".interviewkit" / "config.yaml"
    if not config_path.exists() or config_path.read_text() != config:
        config_path.write_text(config)
    marker = root / ".interviewkit" / f"generated-{name}"
    if marker.exists():
        return None
    return marker


def _write_interviews(root: Path, count: int, prefix: str, make, rng: random.Random) -> None:
    """`count` interview notes made by `make(rng, index, start)`, 500 to a folder."""
    first = date(2026, 1, 5)
    for index in range(count):
        start = first + timedelta(days=rng.randint(0, 360))
        folder = root / "interviews" / f"batch-{index // 500:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{prefix}-{index:06d}.md").write_text(make(rng, index, start), encoding="utf-8")


def write_paragraph_vault(root: Path, notes: int, seed: int = 20261127) -> None:
    """Write vault C (skipped when it is already there with the same size)."""
    marker = _new_vault(root, f"paragraphs-{notes}-{seed}")
    if marker is None:
        return
    _write_interviews(root, notes, "note", paragraph_note, random.Random(seed))
    marker.write_text("")


def write_vault(
    root: Path, interviews: int, ordinary: int, seed: int = 20261126, config: str = CONFIG
) -> None:
    """Write a vault (skipped when it is already there with the same size)."""
    marker = _new_vault(root, f"{interviews}-{ordinary}-{seed}", config)
    if marker is None:
        return
    rng = random.Random(seed)
    _write_interviews(root, interviews, "interview", interview_note, rng)
    for index in range(ordinary):
        folder = root / "notes" / f"area-{index // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"note-{index:06d}.md").write_text(ordinary_note(rng, index), encoding="utf-8")
    marker.write_text("")


def _git(root: Path, *args: str, when: int = 0) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "Bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
        "GIT_AUTHOR_DATE": f"@{1_767_225_600 + when} +0000",
        "GIT_COMMITTER_DATE": f"@{1_767_225_600 + when} +0000",
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def write_git_vault(root: Path, source: Path, commits: int = 300, seed: int = 20261130) -> None:
    """Write vault G: vault `source` committed to git, then `commits` commits that each
    edit a random note (a line added to its body, or its follow-up date moved), with
    fixed dates (skipped when it is already there)."""
    marker_name = f"generated-git-{commits}-{seed}"
    if (root / ".interviewkit" / marker_name).exists():
        return
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(source, root, ignore=shutil.ignore_patterns("cache", "generated-*"))
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "the notes so far")
    notes = sorted((root / "interviews").rglob("*.md"))
    rng = random.Random(seed)
    for number in range(1, commits + 1):
        path = rng.choice(notes)
        text = path.read_text(encoding="utf-8")
        if rng.random() < 0.5 and "\nfollow_up_on:" in text:
            day = date(2026, 1, 5) + timedelta(days=rng.randint(0, 360))
            head, _, rest = text.partition("\nfollow_up_on:")
            text = f"{head}\nfollow_up_on: {day.isoformat()}\n{rest.partition(chr(10))[2]}"
        else:
            text += f"\nA thought after the call, number {number}.\n"
        path.write_text(text, encoding="utf-8")
        _git(root, "commit", "-qam", f"edit {number}", when=number * 3600)
    (root / ".interviewkit" / marker_name).write_text("")
