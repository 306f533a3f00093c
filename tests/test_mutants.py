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


def test_each_mutmut_survivor_has_one_verdict_of_a_known_kind_naming_a_real_function():
    from .mutants.survivors import KINDS, VERDICTS

    named = [name for _, _, names in VERDICTS for name in names]
    assert len(set(named)) == len(named)  # no survivor explained twice
    assert {kind for kind, _, _ in VERDICTS} <= set(KINDS)
    assert all(reason.strip() for _, reason, _ in VERDICTS)
    for name in named:
        module, function = name.rsplit("__mutmut_", 1)[0].rsplit(".", 1)
        text = (PROJECT / "interviewkit" / (module.replace(".", "/") + ".py")).read_text()
        plain = function.split("ǁ")[-1] if "ǁ" in function else function[2:]
        assert f"def {plain}(" in text, name
