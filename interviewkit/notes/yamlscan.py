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

from interviewkit.vocabulary import FIX_NO_BREAK_SPACE, FIX_TAB_INDENT
from interviewkit.vocabulary import FIX_QUOTE_VALUE as QUOTE

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


# Front matter as most people write it: one `key: value` per line, values plain or
# quoted on one line, [flow, lists] of plain words, and `- item` lists. Such text is
# read line by line (three times faster than building YAML nodes); anything else,
# or anything in doubt, goes to libyaml. `tests/test_simple_yaml.py` checks both
# readers agree on every text the line reader answers for.
_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*) *:(?: +(.*))?")
_ITEM_LINE = re.compile(r"( *)-(?: +(.*))?")
# Characters libyaml may refuse or read as a line break, and tabs: left to libyaml.
_NOT_SIMPLE = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
# A plain scalar cannot start with these (or may mean something else when it does).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_ITEM_BAD = re.compile(r"[\[\]{}\"'#:]")


def _plain(word: str) -> Any:
    """A plain word as the resolver above reads it: true, false and null, else text."""
    tag = _PLAIN_TAGS.get(word)
    if tag is None:
        return word
    return word in _TRUE if tag == BOOL else None


def _simple_scalar(value: str) -> tuple[Any] | None:
    """(the value,) of a one-line scalar as YAML reads it, or None when in doubt."""
    value = value.strip(" ")
    if not value:
        return (None,)
    first, last = value[0], value[-1]
    if first == '"':
        inner = value[1:-1]
        if len(value) > 1 and last == '"' and '"' not in inner and "\\" not in inner:
            return (inner,)
        return None
    if first == "'":
        inner = value[1:-1]
        return (inner,) if len(value) > 1 and last == "'" and "'" not in inner else None
    if first == "[":
        return _simple_flow(value)
    if first in _INDICATORS or last == ":" or ": " in value or " #" in value:
        return None
    return (_plain(value),)


def _simple_flow(value: str) -> tuple[list[Any]] | None:
    """([items],) of a one-line `[a, b]` of plain words, or None when in doubt."""
    if value[-1] != "]" or _FLOW_ITEM_BAD.search(value, 1, len(value) - 1):
        return None
    inner = value[1:-1].strip(" ")
    if not inner:
        return ([],)
    items = []
    for item in inner.split(","):
        item = item.strip(" ")
        if not item or item[0] in _INDICATORS:
            return None
        items.append(_plain(item))
    return (items,)


# libyaml refuses a key longer than this (YAML's limit for implicit keys is 1024).
_LONGEST_KEY = 200


def simple_mapping(
    text: str,
) -> tuple[dict[str, Any], dict[str, int], list[tuple[str, int, int]]] | None:
    """What `load_mapping_and_repeats` gives, for front matter of the simple shape
    described above; None for anything else."""
    if _NOT_SIMPLE.search(text):
        return None
    data: dict[str, Any] = {}
    lines: dict[str, int] = {}
    repeats: list[tuple[str, int, int]] = []
    owner = None  # the key with no value whose `- item` lines are being read
    indent = -1  # of those items
    for number, line in enumerate(text.split("\n")):
        stripped = line.lstrip(" ")
        if not stripped or stripped[0] == "#":
            continue
        if owner is not None:
            item = _ITEM_LINE.fullmatch(line)
            if item:
                if indent < 0:
                    indent = len(item[1])
                    data[owner] = []
                scalar = None if len(item[1]) != indent else _simple_scalar(item[2] or "")
                if scalar is None or isinstance(scalar[0], list) or item[2] is None:
                    return None
                data[owner].append(scalar[0])
                continue
            owner = None
        match = _KEY_LINE.fullmatch(line)
        if match is None or match[1] in _PLAIN_TAGS or len(match[1]) > _LONGEST_KEY:
            return None
        key = match[1]
        scalar = _simple_scalar(match[2] or "")
        if scalar is None:
            return None
        if scalar[0] is None and not (match[2] or "").strip(" "):
            owner, indent = key, -1  # `- item` lines may follow
        if key in lines:
            repeats.append((key, lines[key], number))
        else:
            lines[key] = number
        data[key] = scalar[0]
    if not data:
        return None
    return data, lines, repeats


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
            if key_node.tag == STR:
                key = key_node.value
            elif key_node.tag in (BOOL, NULL):  # named by its value's name, as at the top
                key = str(_build(key_node))
            else:
                raise _Unusual
            result[key] = _build(value_node, depth + 1)
        return result
    if tag == SEQ:
        return [_build(item, depth + 1) for item in node.value]
    if tag == NULL:
        return None
    if tag == BOOL:
        return node.value in _TRUE
    raise _Unusual


_PLAIN = frozenset({STR, BOOL, NULL, SEQ, MAP})


def _name_keys(data: Any) -> Any:
    """Name every boolean or null mapping key by its value's name, at any depth, as
    `_build` does: for what PyYAML's own constructor built (very deep nesting)."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if any(not isinstance(key, str) for key in item):
                named = {str(key): value for key, value in item.items()}
                item.clear()
                item.update(named)
            stack += item.values()
        elif isinstance(item, list):
            stack += item
    return data


_ALIAS = "aliases (*name) are not read; front matter is flat: write the value out"
_MERGE = "merge keys (<<) are not read; write the values out"


def _shared_or_tagged(root: yaml.MappingNode) -> list[tuple[int, int, str, bool]]:
    """(index, 0-based line, what is wrong, whether it is shared) for each top-level
    entry that holds an alias, a merge key (both shared) or an explicit tag, found
    before anything is built from them.

    Front matter is flat, so none of them carries anything of value here, and an
    alias can make a few hundred bytes build into gigabytes. The walk visits each
    node once (an alias's node is not walked again), so it costs no more than the
    text is long; each entry is walked whole, so a later alias into one left out is
    still found.
    """
    seen: set[int] = set()
    found: list[tuple[int, int, str, bool]] = []
    for index, (key_node, value_node) in enumerate(root.value):
        entry_line = key_node.start_mark.line
        first: tuple[int, str] | None = None
        shared = key_node.value == "<<" and not getattr(key_node, "style", None)
        if shared:
            first = (entry_line, _MERGE)
        stack: list[yaml.Node] = [value_node, key_node]
        while stack:
            node = stack.pop()
            if id(node) in seen:
                # the line of an alias is not kept (its node's marks are the anchor's)
                first, shared = first if shared else (entry_line, _ALIAS), True
                continue
            seen.add(id(node))
            if node.tag not in _PLAIN:
                tag = node.tag.replace("tag:yaml.org,2002:", "!!")
                first = first or (
                    node.start_mark.line,
                    f"the tag {tag} is not read; write the value plainly",
                )
            if isinstance(node, yaml.MappingNode):
                for inner_key, _ in node.value:
                    if inner_key.value == "<<" and not getattr(inner_key, "style", None):
                        first, shared = (
                            first if shared else (inner_key.start_mark.line, _MERGE),
                            True,
                        )
                # in document order, so that an anchor is seen before its aliases
                stack += reversed([part for pair in node.value for part in pair])
            elif isinstance(node, yaml.SequenceNode):
                stack += reversed(node.value)
        if first is not None:
            found.append((index, *first, shared))
    return found


def _untagged(node: yaml.Node) -> yaml.Node:
    """`node` with every explicit tag in it dropped: what it holds, read as written
    plainly (`!!int 5` is the text 5). For a node that holds no alias."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, yaml.MappingNode):
            item.tag = MAP
            stack += [part for pair in item.value for part in pair]
        elif isinstance(item, yaml.SequenceNode):
            item.tag = SEQ
            stack += item.value
        elif item.tag not in _PLAIN:
            item.tag = STR
    return node


def _left_out(
    text: str, root: yaml.MappingNode, refused: list[tuple[int, int, str, bool]]
) -> list[YamlFailure]:
    """Read each entry `_shared_or_tagged` refused as gently as it can be, changing
    `root`, and say how: a tag is dropped; a value that holds an alias or a merge
    key is read as the text written, so the key's own rule applies to it (a
    thank_you_sent that is not a date still counts as sent); a merge key, or a key
    that is not text, is left out."""
    said: list[YamlFailure] = []
    for index, line, what, shared in reversed(refused):
        key, value = root.value[index]
        if not isinstance(key, yaml.ScalarNode) or key.value == "<<" or key.tag not in _PLAIN:
            said.append(YamlFailure(line, f"{what}; left out"))
            del root.value[index]
        elif not shared:
            said.append(YamlFailure(line, f"{key.value}: {what}; read as if it were not there"))
            root.value[index] = (key, _untagged(value))
        else:
            end = key.end_mark.index
            start = value.start_mark.index if value.start_mark.index > end else None
            if start is None:  # the value is the alias: its node's marks are the anchor's
                written = text[end:].split("\n", 1)[0].lstrip(" \t:")
            else:
                written = text[start : value.end_mark.index]
            written = " ".join(written.split())
            said.append(YamlFailure(line, f"{key.value}: {what}; read as the text {written!r}"))
            root.value[index] = (key, yaml.ScalarNode(STR, written))
    return said[::-1]


@dataclass
class YamlFailure(Exception):
    """YAML that cannot be read, with the 0-based line inside the YAML text."""

    line: int
    message: str
    fix: str = ""  # the repair `check --fix` makes (see `vocabulary`), if any


def _tab_indented(exc: yaml.MarkedYAMLError, text: str) -> int | None:
    """The 0-based line of the mistake when a tab indents it, else None."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line if mark is not None else 0
    lines = text.split("\n")
    written = lines[line] if line < len(lines) else ""
    return line if "\t" in written[: len(written) - len(written.lstrip())] else None


def _explained(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str, str]:
    """(0-based line, libyaml's words and the fix) for the mistakes people make when
    they write front matter by hand; the line is where the mistake begins."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line if mark is not None else 0
    began = exc.context_mark.line if exc.context_mark is not None else line
    what = exc.problem or exc.context or "invalid YAML"
    lines = text.split("\n")
    written = lines[line] if line < len(lines) else ""
    value = written.partition(": ")[2].split(" #", 1)[0].strip()  # without a comment
    context = exc.context or ""
    if context == "while scanning a quoted scalar":
        return began, f"{what} (a quote opened on this line is never closed)", ""
    if context == "while scanning a simple key":
        return began, f"{what} (this line has no `:` after its key)", ""
    quoted = f"'{value}'" if '"' in value else f'"{value}"'
    if context.startswith("while parsing a flow"):
        fix = "a bracket opened on this line is never closed; if the value is text, quote it"
        return began, f"{what} ({fix})", ""
    if context.startswith(("while scanning an alias", "while scanning an anchor")) or (
        "cannot start any token" in what and value[:1] in ("@", "`", "%")
    ):
        return line, f"{what} (a value starting with {value[:1]} needs quotes: {quoted})", QUOTE
    if what.startswith("mapping values are not allowed"):
        if written[:1] == " ":
            return line, f"{what} (this line is indented: a key starts the line)", ""
        return line, f"{what} (the value holds `: `, so it needs quotes: {quoted})", QUOTE
    if value in ("-", "?"):  # written for "not known yet"
        mark = "a list item" if value == "-" else "a key"
        return (
            line,
            (
                f"{what} (a {value} alone begins {mark} in YAML: for a value not known yet, "
                f"leave it empty, or quote it: '{value}')"
            ),
            QUOTE,
        )
    if what.startswith("block sequence entries are not allowed"):
        return line, f"{what} (a list goes on the lines below its key, one `- item` each)", ""
    if what == "did not find expected key":
        if value[:1] in ('"', "'"):
            return line, f"{what} (text follows the closing quote: quote the whole value)", QUOTE
        if written[:1] == " ":
            return line, f"{what} (check this line's indentation: a list's items line up)", ""
    if item := _QUOTED_THEN_MORE.match(written):  # - "Doe, Jane" <jane@x.example>
        whole = written[item.end("dash") :].strip()
        fixed = "'" + whole.replace("'", "''") + "'"
        return (
            line,
            (
                f"{what} (text follows the closing quote of this item: quote the whole item, - {fixed})"
            ),
            "",
        )
    return line, what, ""


# A list item that opens with a quoted text and goes on after its closing quote, as a
# mail address with its name in quotes is written.
_QUOTED_THEN_MORE = re.compile(
    r"(?P<dash>[ \t]*-[ \t]+)(?P<q>[\"'])(?:(?!(?P=q)).)*(?P=q)[ \t]*[^\s#]"
)


_CONFLICT_START = re.compile(r"^<{7}(?: |$)", re.M)
# What to say on the line `conflict_line` finds, in a note or in the settings.
CONFLICT = (
    "holds a git merge conflict from here: keep the lines you want, then delete the "
    "`<<<<<<<`, `=======` and `>>>>>>>` lines"
)


def conflict_line(text: str) -> int | None:
    """The 0-based line of the first `<<<<<<<` git writes where a merge conflicts (what
    to name when such text fails as YAML), or None."""
    found = _CONFLICT_START.search(text)
    return None if found is None else text.count("\n", 0, found.start())


def load_mapping(text: str) -> tuple[dict[str, Any], dict[str, int]]:
    """Parse YAML text into a mapping and the 0-based line of each top-level key."""
    data, lines, _ = load_mapping_and_repeats(text)
    return data, lines


def load_mapping_and_repeats(
    text: str,
) -> tuple[dict[str, Any], dict[str, int], list[tuple[str, int, int]]]:
    """`load_mapping`, and (key, 0-based line of its first, of its repeat) for each
    top-level key written twice: YAML readers disagree on which one wins. A key whose
    value holds an alias, a merge key or an explicit tag fails the whole text (a note
    is read around it: see `read_around_mistakes`)."""
    simple = simple_mapping(text)
    return simple if simple is not None else libyaml_mapping(text)


# A top-level key as people write it: a name at the start of the line, then `:`.
TOP_KEY = re.compile(r"([A-Za-z_][\w.-]*(?: [\w.-]+)*)[ \t]*:(?=[ \t]|$)")
# The most values not read before a note's front matter is given up as unreadable.
_MOST_MISTAKES = 8

# No-break and zero-width spaces (Option+Space on a Mac types the one, text pasted
# from the web or a chat brings both) where YAML takes only plain ones: in a line's
# indent, after the `-` of a list item, after a key's `:`. YAML reads no key or item
# there. After a mark each is read as a plain space; in an indent a zero-width one is
# no space at all.
_NO_BREAK = "\u00a0\u2007\u202f"
_ZERO_WIDTH = "\u200b\u2060\ufeff"
_ODD_SPACES = _NO_BREAK + _ZERO_WIDTH
# A list item's `-` or a key's `:`, then the spaces after it.
_MARK_THEN_SPACES = re.compile(rf"(?:-|[^\s#:-][^:\n]*:)([ \t{_ODD_SPACES}]+)")
_PLAIN_SPACES = str.maketrans(dict.fromkeys(_ODD_SPACES, " "))
_PLAIN_INDENT = str.maketrans({**dict.fromkeys(_NO_BREAK, " "), **dict.fromkeys(_ZERO_WIDTH)})
_INDENTS_TEXT = " \t" + _ODD_SPACES
_BLOCK_START = re.compile(r":[ \t\u00a0]+[|>][-+0-9]*[ \t]*(?:#.*)?\r?$")
NO_BREAK_SPACE = (
    "a no-break or zero-width space (Option+Space on a Mac types the one, pasted text "
    "brings both) where YAML takes only a plain one, so Obsidian does not read this "
    "line; read as a plain space; `check --fix` writes plain ones"
)


def _plain_spaced_line(line: str) -> str:
    """One line with plain spaces for the odd ones in its indent and after its first
    `-` or key's `:`."""
    lead = len(line) - len(line.lstrip(_INDENTS_TEXT))
    rest = line[lead:]
    mark = _MARK_THEN_SPACES.match(rest)
    if mark is not None:
        rest = rest[: mark.start(1)] + mark.group(1).translate(_PLAIN_SPACES) + rest[mark.end(1) :]
    return line[:lead].translate(_PLAIN_INDENT) + rest


def plain_spaced(text: str) -> tuple[str, list[int]]:
    """`text` with plain spaces for the no-break and zero-width ones in a line's
    indent, after a list item's `-` and after a key's `:`, and the 0-based lines that
    changed; the lines of a block of text (`key: |`) are its own, and stay."""
    lines, changed = text.split("\n"), []
    in_block = False
    for number, line in enumerate(lines):
        if in_block and (not line.strip() or line[:1] in " \t"):  # YAML indents so
            continue
        in_block = _BLOCK_START.search(line) is not None
        spaced = _plain_spaced_line(line)
        if spaced != line:
            lines[number] = spaced
            changed.append(number)
    return "\n".join(lines), changed


def read_around_mistakes(
    text: str,
) -> tuple[dict[str, Any], dict[str, int], list[tuple[str, int, int]], list[YamlFailure]]:
    """`load_mapping_and_repeats` for a note, where a mistake costs only its key: what
    is wrong with each key not read as written comes last.

    An alias, a merge key or a tag is read around as `libyaml_mapping` does. A key
    whose value YAML cannot read (`location: Zoom: https://…`, `role: "Senior"
    Engineer`, a bracket or quote never closed) is read as the text written after it,
    its lines joined, and the rest of the front matter around it. A line that is no
    key and in no key's value is left out. YamlFailure when the text cannot be read
    even so: a mistake `check --fix` repairs (a tab), a git conflict, or many."""
    if (simple := simple_mapping(text)) is not None:  # most notes: nothing to read around
        return (*simple, [])
    spoiled: list[YamlFailure] = []
    texts: dict[str, Any] = {}  # key -> the text (or list of texts) it is read as
    lines: list[str] = []  # split only once a mistake is found: most notes have none
    while True:
        left: list[YamlFailure] = []
        try:
            data, keys, repeats = libyaml_mapping("\n".join(lines) if lines else text, left)
        except YamlFailure as exc:
            if not (spoiled or lines or text.isascii()):  # the first failure: no-break spaces?
                text, respaced = plain_spaced(text)
                spoiled += [YamlFailure(at, NO_BREAK_SPACE, FIX_NO_BREAK_SPACE) for at in respaced]
                if respaced:
                    continue
            if (
                exc.fix == FIX_TAB_INDENT
                or len(spoiled) == _MOST_MISTAKES
                or conflict_line(text) is not None
            ):
                raise
            lines = lines or text.split("\n")
            mistake = _around(lines, exc)
            if mistake is None:
                raise
            if mistake[0]:
                texts[mistake[0]] = mistake[1]
            spoiled.append(mistake[2])
            continue
        data.update(texts)
        return data, keys, repeats, sorted(spoiled + left, key=lambda f: f.line)


def _unquoted(item: str) -> str:
    """An item's text without the quotes around it, when they are the only ones."""
    if len(item) > 1 and item[0] == item[-1] and item[0] in "'\"" and item[0] not in item[1:-1]:
        return item[1:-1]
    return item


def _around(lines: list[str], failure: YamlFailure) -> tuple[str, Any, YamlFailure] | None:
    """Blank out, in `lines`, the key `failure` is in, or the line it names when that
    line is in no key's value (a stray line, or one indented under a key whose value
    is on the key's line); return (key, what it is read as, what to say), the key ""
    for a line; None when the line is in no key and is one."""
    at = failure.line
    if at >= len(lines):
        return None
    start = at
    while start >= 0 and not TOP_KEY.match(lines[start]):
        start -= 1
    found = TOP_KEY.match(lines[start]) if start >= 0 else None
    inline = found is not None and lines[start][found.end() :].split(" #")[0].strip()
    # a list may start at the key's own indent, under a key with no value on its line
    going_on = ("", " ", "\t", "#") if inline else ("", " ", "\t", "#", "-")
    if found is not None and not lines[at].strip():  # the text ended inside the key's value
        at = start
    stray = lines[at][:1] not in going_on and not TOP_KEY.match(lines[at])
    if stray or (inline and at != start):
        lines[at] = ""
        return "", "", YamlFailure(at, f"{failure.message}; this line is left out")
    if found is None:
        return None
    end = start + 1
    while end < len(lines) and lines[end][:1] in going_on:
        end += 1
    key = found.group(1)
    below = [line.strip() for line in lines[start + 1 : end]]
    below = [line for line in below if line and not line.startswith("#")]
    written: Any
    if not inline and below and all(line.startswith("-") for line in below):
        written = [_unquoted(" ".join(line[1:].split())) for line in below]  # each item's text
        said = f"{key} is read as the list {written}"
    else:
        first = lines[start][found.end() :].split(" #", 1)[0]  # as YAML, not a comment
        written = " ".join(" ".join(line.split()) for line in [first, *below]).strip()
        said = f"{key} is read as the text {written!r}" if written else f"{key} is left out"
    # quotes mean one thing only for a value on one line: what it is read as now
    fix = failure.fix if isinstance(written, str) and written and not below else ""
    lines[start:end] = [f"{key}: ''"] + [""] * (end - start - 1)
    return key, written, YamlFailure(at, f"{failure.message}; {said}", fix)


def libyaml_mapping(
    text: str, left_out: list[YamlFailure] | None = None
) -> tuple[dict[str, Any], dict[str, int], list[tuple[str, int, int]]]:
    """`load_mapping_and_repeats` through libyaml, for any text. With `left_out`, a key
    whose value holds an alias, a merge key or a tag is read as gently as it can be,
    and what is wrong with it added there, instead of failing the whole text."""
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
        if node.tag not in _PLAIN:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlFailure(node.start_mark.line, f"the tag {tag} is not read; write it plainly")
        if "*" in text or "&" in text or "!" in text or "<<" in text:  # else none can occur
            refused = _shared_or_tagged(node)
            if refused and left_out is None:
                raise YamlFailure(*refused[0][1:3])
            if refused:
                left_out += _left_out(text, node, refused)
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
            data = _name_keys(loader.construct_document(node))
    except yaml.MarkedYAMLError as exc:
        tabbed = _tab_indented(exc, text)
        if tabbed is not None:
            what = exc.problem or exc.context or "invalid YAML"
            raise YamlFailure(
                tabbed,
                f"invalid YAML: {what} (a tab indents this line: YAML indents with spaces "
                "only; `check --fix` replaces the tabs, when that can mean one thing only)",
                FIX_TAB_INDENT,
            ) from None
        line, what, fix = _explained(exc, text)
        raise YamlFailure(line, f"invalid YAML: {what}", fix) from None
    except yaml.YAMLError as exc:
        raise YamlFailure(0, f"invalid YAML: {exc}") from None
    except (TypeError, ValueError, RecursionError) as exc:
        raise YamlFailure(0, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise YamlFailure(0, "front matter is not a mapping of keys to values")
    return data, lines, repeats  # every key text: `_build` and `_name_keys` name them
