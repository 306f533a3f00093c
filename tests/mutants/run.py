"""Apply each catalogued mutation to a copy of the package and run its tests.

    python tests/mutants/run.py            # each mutation against its own tests
    python tests/mutants/run.py --full     # each against the whole suite (slow)
    python tests/mutants/run.py -k decide  # only the mutations whose name has "decide"

A mutation is *killed* when its tests fail. Exit 1 when one survives or when its
snippet is no longer found exactly once (the catalogue must follow the code).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from catalogue import MUTATIONS, Mutation  # noqa: E402


def check(mutation: Mutation) -> str | None:
    """Why the mutation cannot be applied, or None."""
    text = (PROJECT / "interviewkit" / mutation.path).read_text(encoding="utf-8")
    found = text.count(mutation.snippet)
    if found != 1:
        return f"its snippet occurs {found} times in interviewkit/{mutation.path}"
    return None


def run_one(mutation: Mutation, full: bool) -> tuple[bool, float, str]:
    """(killed, seconds, the tests' last lines)."""
    with tempfile.TemporaryDirectory(prefix="mutant-") as scratch:
        # the whole project, so the tests import the mutated package (pytest puts the
        # folder above `tests/` first on the path) and find the files they read
        copy = Path(scratch) / "project"
        shutil.copytree(
            PROJECT,
            copy,
            ignore=shutil.ignore_patterns(
                ".git", "__pycache__", ".venv", "vaults", ".pytest_cache", "cache"
            ),
        )
        target = copy / "interviewkit" / mutation.path
        target.write_text(
            target.read_text(encoding="utf-8").replace(mutation.snippet, mutation.replacement),
            encoding="utf-8",
        )
        env = {**os.environ, "PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1"}
        tests = ["tests"] if full else list(mutation.tests)
        began = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
        )
        took = time.monotonic() - began
        tail = "\n".join(done.stdout.strip().splitlines()[-3:])
        return done.returncode != 0, took, tail


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="run the whole suite per mutation")
    parser.add_argument("-k", default="", help="only mutations whose name contains this")
    args = parser.parse_args()
    chosen = [m for m in MUTATIONS if args.k.casefold() in m.name.casefold()]
    names = [m.name for m in MUTATIONS]
    assert len(set(names)) == len(names), "mutation names must be unique"
    broken = [(m, why) for m in chosen if (why := check(m))]
    for mutation, why in broken:
        print(f"STALE    {mutation.name}: {why}")
    survivors = []
    began = time.monotonic()
    for mutation in chosen:
        if any(m is mutation for m, _ in broken):
            continue
        killed, took, tail = run_one(mutation, args.full)
        print(f"{'killed  ' if killed else 'SURVIVED'} {mutation.name} ({took:.1f} s)", flush=True)
        if not killed:
            survivors.append(mutation)
            print("         " + tail.replace("\n", "\n         "))
    print(
        f"\n{len(chosen) - len(broken) - len(survivors)} killed, {len(survivors)} survived, "
        f"{len(broken)} stale, in {time.monotonic() - began:.0f} s"
    )
    return 1 if survivors or broken else 0


if __name__ == "__main__":
    sys.exit(main())
