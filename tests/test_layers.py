"""The layers stay layers: data flows files -> notes -> actions -> renderers, one way."""

from __future__ import annotations

import ast

import pytest

from .conftest import PROJECT

PACKAGE = PROJECT / "interviewkit"


def imports_of(path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import; write interviewkit.… in full"
            found.add(node.module or "")
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


MODULES = {
    path.relative_to(PROJECT).with_suffix("").as_posix().replace("/", "."): imports_of(path)
    for path in sorted(PACKAGE.rglob("*.py"))
}


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else module


def uses(imported: set[str], prefix: str) -> list[str]:
    return sorted(m for m in imported if m == prefix or m.startswith(prefix + "."))


def test_the_package_has_its_layers():
    layers = {layer(m) for m in MODULES}
    assert {"notes", "vault", "rules", "write", "reports", "render"} <= layers


def test_only_the_cli_imports_click():
    offenders = {m: uses(i, "click") for m, i in MODULES.items() if m != "interviewkit.cli"}
    assert {m: i for m, i in offenders.items() if i} == {}


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("rules", ["interviewkit.vault", "interviewkit.write", "interviewkit.reports"]),
        ("notes", ["interviewkit.vault", "interviewkit.rules", "interviewkit.write"]),
        ("notes", ["interviewkit.reports", "interviewkit.usecases"]),
        ("notes", ["interviewkit.render"]),
        ("vault", ["interviewkit.render", "interviewkit.reports", "interviewkit.usecases"]),
        ("rules", ["interviewkit.render", "interviewkit.usecases"]),
        ("write", ["interviewkit.render", "interviewkit.reports", "interviewkit.usecases"]),
        ("render", ["interviewkit.vault", "interviewkit.write", "interviewkit.usecases"]),
    ],
)
def test_no_layer_reaches_back(source, forbidden):
    wrong = {
        module: [hit for prefix in forbidden for hit in uses(imported, prefix)]
        for module, imported in MODULES.items()
        if layer(module) == source
    }
    assert {m: hits for m, hits in wrong.items() if hits} == {}


def test_the_vocabulary_imports_nothing_of_the_project():
    assert uses(MODULES["interviewkit.vocabulary"], "interviewkit") == []


def test_the_layer_test_sees_function_level_imports():
    # The CLI imports most of the core inside its commands; the test must see those.
    assert uses(MODULES["interviewkit.cli"], "interviewkit.reports.feed")
