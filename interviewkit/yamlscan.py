"""Reading YAML the note contract's way: fast (libyaml), safe, and with line numbers.

Every plain scalar is read as the text that was typed, except `true`/`false`
and null. So `no` stays the text "no" and `0123` keeps its zero, the same
answer YAML 1.2 tools (Obsidian, ruamel.yaml) give for those texts, and dates
are parsed by the contract from text, whether they were quoted or not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ScanLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader with only the YAML 1.2 core booleans and null resolved."""


ScanLoader.yaml_implicit_resolvers = {}
ScanLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
ScanLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null",
    re.compile(r"^(?:~|null|Null|NULL|)$"),
    ["~", "n", "N", ""],
)


@dataclass
class YamlFailure(Exception):
    """YAML that cannot be read, with the 0-based line inside the YAML text."""

    line: int
    message: str


def load_mapping(text: str) -> tuple[dict[str, Any], dict[str, int]]:
    """Parse YAML text into a mapping and the 0-based line of each top-level key."""
    loader = ScanLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        if not isinstance(node, yaml.MappingNode):
            raise YamlFailure(
                node.start_mark.line, "front matter is not a mapping of keys to values"
            )
        lines: dict[str, int] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                lines.setdefault(key_node.value, key_node.start_mark.line)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line if mark is not None else 0
        what = exc.problem or exc.context or "invalid YAML"
        raise YamlFailure(line, f"invalid YAML: {what}") from None
    except yaml.YAMLError as exc:
        raise YamlFailure(0, f"invalid YAML: {exc}") from None
    except (TypeError, ValueError, RecursionError) as exc:
        raise YamlFailure(0, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise YamlFailure(0, "front matter is not a mapping of keys to values")
    return {str(k): v for k, v in data.items()}, lines
