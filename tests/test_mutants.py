"""The mutation catalogue stays in step with the code: every snippet occurs exactly
once, every mutation names tests that exist, and the names are unique. (Running
the mutations is `python tests/mutants/run.py`, outside CI.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import PROJECT
from .mutants.catalogue import MUTATIONS


def test_the_names_are_unique():
    names = [m.name for m in MUTATIONS]
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.name)
def test_each_snippet_occurs_once_and_its_tests_exist(mutation):
    text = (PROJECT / "interviewkit" / mutation.path).read_text(encoding="utf-8")
    assert text.count(mutation.snippet) == 1
    assert mutation.replacement != mutation.snippet
    for target in mutation.tests:
        file, _, test = target.partition("::")
        path = PROJECT / file
        assert path.is_file(), file
        if test:
            assert f"def {test}(" in path.read_text(encoding="utf-8"), target
    assert Path(PROJECT / "tests" / "mutants" / "run.py").is_file()
