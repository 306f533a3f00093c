"""Reading YAML the note contract's way: fast (libyaml), safe, and with line numbers.

Every plain scalar is read as the text that was typed, except `true`/`false`
and null. So `no` stays the text "no" and `0123` keeps its zero, the same
answer YAML 1.2 tools (Obsidian, ruamel.yaml) give for those texts, and dates
are parsed by the contract from text, whether they were quoted or not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ScanLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader with only the YAML 1.2 core booleans and null resolved."""


STR = "tag:yaml.org,2002:str"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"
_PLAIN_TAGS = {word: BOOL for word in ("true", "True", "TRUE", "false", "False", "FALSE")}
_PLAIN_TAGS.update({word: NULL for word in ("~", "null", "Null", "NULL", "")})
_TRUE = frozenset({"true", "True", "TRUE"})


def _resolve(self: Any, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
    """Resolve tags as YAML 1.2's core schema does for booleans and null; all else is text."""
    if kind is yaml.ScalarNode:
        return _PLAIN_TAGS.get(value, STR) if implicit[0] else STR
    return SEQ if kind is yaml.SequenceNode else MAP


ScanLoader.yaml_implicit_resolvers = {}
ScanLoader.resolve = _resolve  # type: ignore[assignment]


class _Unusual(Exception):
    """A node the fast builder leaves to PyYAML's own constructor."""


def _build(node: yaml.Node, depth: int = 0) -> Any:
    """Build plain data from nodes tagged str, bool, null, seq or map; anything else is unusual.

    Same result as PyYAML's safe constructor for these tags, without its per-node
    overhead. Explicit tags (`!!timestamp`, `!!python/...`), complex keys and very
    deep nesting go back to PyYAML, which constructs or refuses them.
    """
    tag = node.tag
    if tag == STR:
        return node.value
    if depth > 50:
        raise _Unusual
    if tag == MAP:
        result = {}
        for key_node, value_node in node.value:
            if key_node.tag != STR:
                raise _Unusual
            result[key_node.value] = _build(value_node, depth + 1)
        return result
    if tag == SEQ:
        return [_build(item, depth + 1) for item in node.value]
    if tag == NULL:
        return None
    if tag == BOOL:
        return node.value in _TRUE
    raise _Unusual


_PLAIN = frozenset({STR, BOOL, NULL, SEQ, MAP})


def _refuse_shared_or_tagged(root: yaml.Node) -> None:
    """Refuse aliases, merge keys and explicit tags before anything is built from them.

    Front matter is flat, so none of them carries anything of value here, and an
    alias can make a few hundred bytes build into gigabytes. The walk visits each
    node once, so it costs no more than the text is long.
    """
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, root.start_mark.line)]
    while stack:
        node, line = stack.pop()  # `line`: where the node is used, for an alias
        if id(node) in seen:
            raise YamlFailure(
                line, "aliases (*name) are not read; front matter is flat: write the value out"
            )
        seen.add(id(node))
        if node.tag not in _PLAIN:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlFailure(
                node.start_mark.line, f"the tag {tag} is not read; write the value plainly"
            )
        if isinstance(node, yaml.MappingNode):
            children = []
            for key_node, value_node in node.value:
                key_line = key_node.start_mark.line
                if key_node.value == "<<" and not getattr(key_node, "style", None):
                    raise YamlFailure(
                        key_line, "merge keys (<<) are not read; write the values out"
                    )
                children += ((key_node, key_line), (value_node, key_line))
            stack += reversed(children)  # in document order, so the alias is the one named
        elif isinstance(node, yaml.SequenceNode):
            stack += reversed([(item, item.start_mark.line) for item in node.value])


@dataclass
class YamlFailure(Exception):
    """YAML that cannot be read, with the 0-based line inside the YAML text."""

    line: int
    message: str


def load_mapping(text: str) -> tuple[dict[str, Any], dict[str, int]]:
    """Parse YAML text into a mapping and the 0-based line of each top-level key."""
    data, lines, _ = load_mapping_and_repeats(text)
    return data, lines


def load_mapping_and_repeats(
    text: str,
) -> tuple[dict[str, Any], dict[str, int], list[tuple[str, int, int]]]:
    """`load_mapping`, and (key, 0-based line of its first, of its repeat) for each
    top-level key written twice: YAML readers disagree on which one wins."""
    loader = ScanLoader(text)
    repeats: list[tuple[str, int, int]] = []
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}, []
        if not isinstance(node, yaml.MappingNode):
            raise YamlFailure(
                node.start_mark.line, "front matter is not a mapping of keys to values"
            )
        if "*" in text or "&" in text or "!" in text or "<<" in text:  # else none can occur
            _refuse_shared_or_tagged(node)
        lines: dict[str, int] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key, line = key_node.value, key_node.start_mark.line
                if key in lines:
                    repeats.append((key, lines[key], line))
                else:
                    lines[key] = line
        try:
            data = _build(node)
        except _Unusual:
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
    return {str(k): v for k, v in data.items()}, lines, repeats
