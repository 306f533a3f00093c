"""The repairs of `check --fix`: each rewrites, in place and atomically, only what a
problem `check` names says it will (see `vocabulary.FIX_…` and `usecases.check_notes`),
and is refused for a note it would change in any other way."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from interviewkit.config import Settings
from interviewkit.errors import EditConflict
from interviewkit.notes.contract import DATE_KEYS, TEXT_KEYS, misspellings
from interviewkit.notes.front_matter import (
    FrontMatter,
    blank_lines_first,
    plain_rules,
    split_front_matter,
    utf16_text,
    windows_1252_mended,
)
from interviewkit.notes.markup import curly_quoted, unquoted
from interviewkit.notes.note import CURLY_KEYS, CURLY_LISTS
from interviewkit.notes.note_type import cased_type_key, listed_type
from interviewkit.notes.yamlscan import YamlFailure, load_mapping
from interviewkit.vocabulary import OUTCOMES
from interviewkit.write import edit

# A fix for `check --fix`: given a note's text, front matter values and their lines,
# the new text, the values it must then read as, and (line, what) per change; None
# when the note needs nothing.
Fix = Callable[[str, dict, dict[str, int]], tuple[str, dict, list[tuple[int, str]]] | None]


def _fix_notes(root: Path, paths: list[str], fix: Fix) -> list[str]:
    """Apply `fix` to each note, one atomic edit per note that is refused unless the
    front matter then reads exactly as the fix says and the body is untouched; say
    what changed, or why a note was left alone."""
    said = []
    for rel in sorted(set(paths)):
        path = root / rel
        try:
            before = path.read_bytes()
            text = before.decode("utf-8")
            fm = split_front_matter(text)
            values, lines = load_mapping(fm.yaml)
        except (OSError, UnicodeDecodeError, YamlFailure):
            continue  # `check` reports why the note cannot be read
        lines = {key: fm.yaml_first_line + line for key, line in lines.items()}
        try:
            planned = fix(text, values, lines)
            if planned is None:
                continue
            after, expected, changes = planned
            new_values, _ = load_mapping(split_front_matter(after).yaml)
            if new_values != expected or split_front_matter(after).body != fm.body:
                raise EditConflict("the fix would change more than it means to")
            edit.write_atomically(path, before, after.encode("utf-8"))
        except (EditConflict, YamlFailure) as exc:
            said.append(f"{rel}: left as it is: {getattr(exc, 'message', exc)}")
            continue
        said += [f"{rel}:{line}: {what}" for line, what in changes]
    return said


def _rewrite_whole(
    root: Path, paths: list[str], change: Callable[[bytes], tuple[bytes, str] | None]
) -> list[str]:
    """Give each note's bytes to `change`, which returns the new bytes and what to say
    of them (for line 1), or None to leave the note; each is written atomically."""
    said = []
    for rel in sorted(set(paths)):
        path = root / rel
        try:
            before = path.read_bytes()
        except OSError:
            continue  # `check` reports why the note cannot be read
        changed = change(before)
        if changed is None:
            continue
        try:
            edit.write_atomically(path, before, changed[0])
        except EditConflict as exc:
            said.append(f"{rel}: left as it is: {exc}")
            continue
        said.append(f"{rel}:1: {changed[1]}")
    return said


def fix_utf16(root: Path, paths: list[str]) -> list[str]:
    """Save as UTF-8 each note saved as UTF-16, in place; its text, line endings
    included, stays as it was (the byte order mark goes: UTF-8 needs none)."""

    def as_utf8(before: bytes) -> tuple[bytes, str] | None:
        text = utf16_text(before)
        return None if text is None else (text.encode("utf-8"), "saved as UTF-8 (it was UTF-16)")

    return _rewrite_whole(root, paths, as_utf8)


def fix_windows_1252(root: Path, paths: list[str]) -> list[str]:
    """Save as UTF-8 each note not in UTF-8 because some of its bytes are Windows-1252
    (see `notes.front_matter.windows_1252_mended`), in place; saying which characters
    were read so, for the user to check that they were meant."""

    def as_utf8(before: bytes) -> tuple[bytes, str] | None:
        mended = windows_1252_mended(before)
        if mended is None:
            return None
        text, read_so = mended
        return text.encode("utf-8"), f"saved as UTF-8, reading {read_so!r} as Windows-1252"

    return _rewrite_whole(root, paths, as_utf8)


def fix_dashed_rules(root: Path, paths: list[str]) -> list[str]:
    """Write `---` for the lines of dashes (`—-`, as Smart Punctuation types three
    hyphens) that open and close a note's front matter, in place; nothing else of the
    note changes."""

    def with_hyphens(before: bytes) -> tuple[bytes, str] | None:
        after = plain_rules(before)
        return None if after is None else (after, "--- for the dashes around the front matter")

    return _rewrite_whole(root, paths, with_hyphens)


def fix_blank_lines_first(root: Path, paths: list[str]) -> list[str]:
    """Delete the blank lines above an interview note's front matter, in place, so that
    it is read; nothing else of the note changes."""

    def without_blanks(before: bytes) -> tuple[bytes, str] | None:
        blanks = blank_lines_first(before)
        if not blanks:
            return None
        lines = before[:blanks].count(b"\n")
        plural = "s" if lines > 1 else ""
        return before[blanks:], f"deleted {lines} blank line{plural} above the front matter"

    return _rewrite_whole(root, paths, without_blanks)


# The widths a tab may stand for; a tab is replaced only when all read alike.
_TAB_WIDTHS = (2, 4, 8)


def _front_matters(root: Path, paths: list[str]) -> Iterator[tuple[str, Path, bytes, FrontMatter]]:
    """(path in the vault, path, bytes, front matter) of each note, once each, in
    order; one that cannot be read or decoded is passed over (`check` says why)."""
    for rel in sorted(set(paths)):
        path = root / rel
        try:
            before = path.read_bytes()
            fm = split_front_matter(before.decode("utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        yield rel, path, before, fm


def fix_tab_indents(root: Path, paths: list[str]) -> list[str]:
    """Replace the tabs that indent front matter lines with spaces (to the next stop
    every 2 columns), in place, when the YAML then reads (but for values that read
    only in quotes, which `fix_quoted_values` quotes next), and reads the same with
    stops every 2, 4 or 8 columns; else leave the note as it is and say why. Nothing
    else of the note changes: not its line ends, not its body."""
    from interviewkit.notes.yamlscan import read_around_mistakes
    from interviewkit.vocabulary import FIX_NO_BREAK_SPACE, FIX_QUOTE_VALUE

    said = []
    for rel, path, before, fm in _front_matters(root, paths):
        if not fm.closed:
            continue
        readings: list[object] = []
        for width in _TAB_WIDTHS:
            try:
                values, _, _, spoiled = read_around_mistakes(_untabbed(fm.yaml, width))
            except YamlFailure as exc:
                readings.append(exc)
                continue
            if unquoted := [
                m for m in spoiled if m.fix not in (FIX_QUOTE_VALUE, FIX_NO_BREAK_SPACE)
            ]:
                readings.append(YamlFailure(unquoted[0].line, unquoted[0].message))
            else:
                readings.append((values, [m.line for m in spoiled]))
        if isinstance(readings[0], YamlFailure):
            said.append(f"{rel}: left as it is: with spaces for its tabs, {readings[0].message}")
            continue
        if any(reading != readings[0] for reading in readings[1:]):
            said.append(
                f"{rel}: left as it is: its tabs read differently as 2, 4 or 8 spaces; "
                "indent those lines with spaces as you mean them"
            )
            continue
        lines = before.split(b"\n")
        first = fm.yaml_first_line - 1
        changed = []
        for index in range(first, first + fm.yaml.count("\n") + 1):
            untabbed = _untabbed(lines[index].decode("utf-8"), _TAB_WIDTHS[0]).encode("utf-8")
            if untabbed != lines[index]:
                lines[index] = untabbed
                changed.append(index + 1)
        try:
            edit.write_atomically(path, before, b"\n".join(lines))
        except EditConflict as exc:
            said.append(f"{rel}: left as it is: {exc}")
            continue
        said += [f"{rel}:{line}: indented with spaces, not a tab" for line in changed]
    return said


def fix_no_break_spaces(root: Path, paths: list[str]) -> list[str]:
    """Write plain spaces for the no-break and zero-width ones YAML reads no key or
    item with (in a front matter line's indent, after a list item's `-` or a key's
    `:`), in place, as
    the note is read already (see `yamlscan.plain_spaced`). Nothing else of the note
    changes: not its line ends, not its body."""
    from interviewkit.notes.yamlscan import plain_spaced

    said = []
    for rel, path, before, fm in _front_matters(root, paths):
        spaced, changed = plain_spaced(fm.yaml)
        if not fm.closed or not changed:
            continue
        lines, written = before.split(b"\n"), spaced.split("\n")
        for line in changed:  # the front matter's text has `\n` for each line end
            index = fm.yaml_first_line - 1 + line
            ending = b"\r" if lines[index].endswith(b"\r") else b""
            lines[index] = written[line].encode("utf-8") + ending
        try:
            edit.write_atomically(path, before, b"\n".join(lines))
        except EditConflict as exc:
            said.append(f"{rel}: left as it is: {exc}")
            continue
        first = fm.yaml_first_line
        said += [
            f"{rel}:{first + line}: a plain space for a no-break or zero-width one"
            for line in changed
        ]
    return said


def fix_quoted_values(root: Path, paths: list[str]) -> list[str]:
    """Quote each value that YAML reads only in quotes (`location: Zoom: https://…`,
    `role: "Senior" Engineer`), in place, as the text the note is read as already:
    only when the note then reads the same with those mistakes gone. Nothing else of
    the note changes: not a comment after the value, not its line ends, not its body."""
    from interviewkit.notes.yamlscan import TOP_KEY, read_around_mistakes
    from interviewkit.vocabulary import FIX_QUOTE_VALUE

    said = []
    for rel, path, before, fm in _front_matters(root, paths):
        try:
            values, _, _, spoiled = read_around_mistakes(fm.yaml)
        except YamlFailure:
            continue  # `check` reports why the note cannot be read
        lines, written = before.split(b"\n"), fm.yaml.split("\n")
        changed = []
        for mistake in (m for m in spoiled if m.fix == FIX_QUOTE_VALUE):
            line = written[mistake.line].rstrip("\r")
            key = TOP_KEY.match(line)
            if key is None or not isinstance(values.get(key.group(1)), str):
                continue
            rest = line[key.end() :]
            comment = " #" + rest.split(" #", 1)[1] if " #" in rest else ""
            text = values[key.group(1)]
            index = fm.yaml_first_line - 1 + mistake.line
            ending = b"\r" if lines[index].endswith(b"\r") else b""
            lines[index] = f"{line[: key.end()]} {_quoted(text)}{comment}".encode() + ending
            changed.append((index + 1, key.group(1), text))
        if not changed:
            continue
        after = b"\n".join(lines)
        fixed = split_front_matter(after.decode("utf-8"))
        try:
            again, _, _, left = read_around_mistakes(fixed.yaml)
        except YamlFailure:
            again, left = {}, []
        if again != values or fixed.body != fm.body or len(left) != len(spoiled) - len(changed):
            said.append(f"{rel}: left as it is: quoting would change more than it means to")
            continue
        try:
            edit.write_atomically(path, before, after)
        except EditConflict as exc:
            said.append(f"{rel}: left as it is: {exc}")
            continue
        said += [f"{rel}:{line}: {key}: quoted, read as {text!r}" for line, key, text in changed]
    return said


def _quoted(text: str) -> str:
    """`text` as one quoted YAML scalar: in single quotes when it holds a double one
    (no escapes but '' for '), else in double quotes (JSON's escapes are YAML's)."""
    import json

    if '"' in text and text.isprintable():
        return "'" + text.replace("'", "''") + "'"
    return json.dumps(text, ensure_ascii=False)


def _untabbed(text: str, width: int) -> str:
    """`text` with the tabs in the indentation of its lines as spaces, to the next
    stop every `width` columns, as an editor shows them (` \t` lines up with `\t`)."""
    out = []
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" \t"))
        out.append(line[:indent].expandtabs(width) + line[indent:])
    return "\n".join(out)


def fix_misspelt_keys(root: Path, paths: list[str]) -> list[str]:
    """Rename each misspelt contract key (whose right spelling the note lacks) in place."""

    def rename(text: str, values: dict, lines: dict[str, int]):
        renames = misspellings(values)
        if not renames:
            return None
        expected = dict(values)
        for old, new in renames:
            text = edit.rename_key(text, old, new)
            expected[new] = expected.pop(old)
        return text, expected, [(lines[old], f"renamed {old} to {new}") for old, new in renames]

    return _fix_notes(root, paths, rename)


def fix_synonym_keys(root: Path, paths: list[str], settings: Settings) -> list[str]:
    """Write each contract key the note holds only under another name under its own
    (see `notes.synonyms`): `interviewers:` renamed `people:`, a `date:` and a `time:`
    written as one `start:`, a `duration:` as the `end:` it gives."""
    from interviewkit.notes.synonyms import renames

    def rewrite(text: str, values: dict, lines: dict[str, int]):
        plan = renames(values, settings.zone, settings.date_order)
        if not plan:
            return None
        expected = dict(values)
        for rename in plan.values():
            comment = ""  # the `time:` line's, kept on the `start:` line that takes its time
            if rename.merged is not None:
                text, comment = edit.drop_key(text, rename.merged)
                del expected[rename.merged]
            if rename.key != rename.meant:  # else a `start` taking the time beside it
                text = edit.rename_key(text, rename.key, rename.meant)
                expected[rename.meant] = expected.pop(rename.key)
            if rename.written is not None:
                text = edit.set_key(text, rename.meant, rename.written + comment)
                expected[rename.meant] = rename.written
        return text, expected, [(lines[r.key], r.said) for r in plan.values()]

    return _fix_notes(root, paths, rewrite)


def fix_type(root: Path, paths: list[str]) -> list[str]:
    """Write `type: interview`: for `type: [interview]`, the one word as a list, in its
    place; in front matter without any `type` (a round outside the notes folder,
    see `notes.front_matter.untyped_round`), as its first line."""

    def rewrite(text: str, values: dict, lines: dict[str, int]):
        cased = cased_type_key(values)
        expected = dict(values)
        if listed_type(values.get("type")):
            text, line, what = edit.set_key(text, "type", "interview"), lines["type"], "written"
        elif cased is not None and "type" not in values:  # `Type: Interview`
            text = edit.set_key(edit.rename_key(text, cased, "type"), "type", "interview")
            line, what = lines[cased], f"written for {cased}: {expected.pop(cased)}"
        elif cased is None and "type" not in values:
            text, line, what = edit.insert_line_before(text, 2, "type: interview"), 2, "added"
        else:
            return None
        return text, {**expected, "type": "interview"}, [(line, f"type: interview {what}")]

    return _fix_notes(root, paths, rewrite)


def _with_item(items: list, index: int, value: Any) -> list:
    """A copy of `items` with item `index` replaced: what a fix expects YAML to read
    back from a list it edited in place (see `_fix_notes`)."""
    changed = list(items)
    changed[index] = value
    return changed


def fix_typed_dates(root: Path, paths: list[str], settings: Settings) -> list[str]:
    """Rewrite each date written in a form other than ISO (see `notes.typed_dates`),
    an `end` written as a time alone and a `start` written as a time slot (then
    split into `start` and `end`) to ISO, in place, changing only those values.
    Words written after a key's date become a YAML comment on its line; a
    `followed_up` item with words after its date is left as it is (a one-line list
    has no room for a comment), and so is a date whose weekday is not its own."""
    from interviewkit.notes.values import (
        day_form,
        end_on_start_day,
        parse_day,
        time_slot,
        typed_form,
        written_zone,
    )

    date_order = settings.date_order

    def rewrite(text: str, values: dict, lines: dict[str, int]):
        expected, changes = dict(values), []
        if slot := time_slot(values.get("start"), settings.zone):
            text = edit.set_key(text, "start", slot[0])
            expected["start"] = slot[0]
            changes.append((lines["start"], f"start: {values['start']!r} -> {slot[0]}"))
            if values.get("end") is None:
                text = edit.set_key(text, "end", slot[1], after="start")
                expected["end"] = slot[1]
                where = lines.get("end", lines["start"] + 1)
                changes.append((where, f"end: {slot[1]} (the end of that slot)"))
            values = expected
        for key in DATE_KEYS:
            if key in ("start", "end"):  # a time, perhaps with the vault zone's abbreviation
                typed = typed_form(values.get(key), date_order, settings.zone)
            else:
                typed = day_form(values.get(key), date_order)  # a day alone
            if key == "end" and typed is None:
                if iso := _end_of_length(values, settings):  # `90 min`
                    text = edit.set_key(text, key, iso)
                    expected[key] = iso
                    changes.append((lines[key], f"{key}: {values[key]!r} -> {iso}"))
                    continue
                try:
                    day = parse_day(values.get("start"), date_order)
                except ValueError:
                    day = None
                end_zone = written_zone(values.get("start"), settings.zone)  # as it is read
                typed = end_on_start_day(values.get("end"), day, end_zone) if day else None
            if typed is not None and not typed.other_weekday:  # which is right is yours
                text = edit.set_key(text, key, typed.fixed)
                expected[key] = typed.iso
                changes.append((lines[key], f"{key}: {values[key]!r} -> {typed.fixed}"))
        items = values.get("followed_up")
        if (brackets := _bracketed(items, date_order)) is not None:
            text = edit.set_key(text, "followed_up", f"[{', '.join(brackets)}]")
            expected["followed_up"] = brackets
            changes.append(
                (lines["followed_up"], f"followed_up: {items!r} -> [{', '.join(brackets)}]")
            )
        for index, item in enumerate(items if isinstance(items, list) else []):
            typed = typed_form(item, date_order)
            if typed is not None and not typed.words and not typed.other_weekday:
                text = edit.set_item(text, "followed_up", index, item, typed.iso)
                expected["followed_up"] = _with_item(expected["followed_up"], index, typed.iso)
                changes.append((lines["followed_up"], f"followed_up: {item!r} -> {typed.iso}"))
        return (text, expected, changes) if changes else None

    return _fix_notes(root, paths, rewrite)


def _end_of_length(values: dict, settings: Settings) -> str | None:
    """The ISO end an `end` written as a length of time gives (see
    `notes.values.end_of_length`), or None."""
    from interviewkit.notes.dates import wall_text
    from interviewkit.notes.values import end_of_length, parse_when, written_zone

    try:
        start = parse_when(values.get("start"), settings.zone, settings.date_order)[0]
    except (ValueError, TypeError):
        return None
    zone = written_zone(values.get("start"), settings.zone)  # the end is read in it
    end = end_of_length(values.get("end"), start, zone)
    return wall_text(end.astimezone(zone)) if end else None


def _bracketed(items: Any, date_order: str) -> list[str] | None:
    """The ISO days of a `followed_up` list written without brackets (see
    `notes.values.dates_on_one_line`), or None when there is none, or when one of its
    dates has a time or words that a plain list of days would lose."""
    from interviewkit.notes.values import dates_on_one_line, typed_form

    parts = dates_on_one_line(items, date_order)
    if parts is None:
        return None
    days = []
    for part in parts:
        typed = typed_form(part, date_order)
        day = part if typed is None else typed.iso
        kept_apart = typed is not None and (typed.words or typed.other_weekday)
        if kept_apart or len(day) != len("2026-11-27"):
            return None
        days.append(day)
    return days


def fix_unquoted_links(root: Path, paths: list[str]) -> list[str]:
    """Put quotes around each wikilink YAML read as a list (`company: [[Acme]]`,
    `follow_up_on: [[2026-12-04]]`), in a text or date key or an entry of `people` or
    `followed_up`, in place, changing only those values."""

    def rewrite(text: str, values: dict, lines: dict[str, int]):
        expected, changes = dict(values), []
        for key in (*TEXT_KEYS, *DATE_KEYS):
            if link := unquoted(values.get(key)):
                text = edit.set_key(text, key, _quoted(link))
                expected[key] = link
                changes.append((lines[key], f"{key}: {link} -> {_quoted(link)}"))
        for key in ("people", "followed_up"):
            items = values.get(key)
            if link := unquoted(items):  # people: [[Name]]
                text = edit.set_key(text, key, f"[{_quoted(link)}]")
                expected[key] = [link]
                changes.append((lines[key], f"{key}: {link} -> [{_quoted(link)}]"))
            elif isinstance(items, list):
                for index, item in enumerate(items):
                    if link := unquoted(item):
                        text = edit.set_item(text, key, index, link, _quoted(link))
                        expected[key] = _with_item(expected[key], index, link)
                        changes.append((lines[key], f"{key}: {link} -> {_quoted(link)}"))
        return (text, expected, changes) if changes else None

    return _fix_notes(root, paths, rewrite)


def fix_curly_quotes(root: Path, paths: list[str]) -> list[str]:
    """Put straight quotes for the curly ones around each contract value, or item of
    `people` and `followed_up`, written wholly in them (`company: “Acme”`, as iOS and
    macOS type `"`), in place, changing only those values."""

    def rewrite(text: str, values: dict, lines: dict[str, int]):
        expected, changes = dict(values), []
        for key in CURLY_KEYS:
            if (inner := curly_quoted(values.get(key))) is not None:
                text = edit.set_key(text, key, _quoted(inner))
                expected[key] = inner
                changes.append((lines[key], f"{key}: {values[key]} -> {_quoted(inner)}"))
        for key in CURLY_LISTS:
            items = values.get(key)
            if (inner := curly_quoted(items)) is not None:
                text = edit.set_key(text, key, _quoted(inner))
                expected[key] = inner
                changes.append((lines[key], f"{key}: {items} -> {_quoted(inner)}"))
            elif isinstance(items, list):
                for index, item in enumerate(items):
                    if (inner := curly_quoted(item)) is not None:
                        text = edit.set_item(text, key, index, item, _quoted(inner))
                        expected[key] = _with_item(expected[key], index, inner)
                        changes.append((lines[key], f"{key}: {item} -> {_quoted(inner)}"))
        return (text, expected, sorted(changes)) if changes else None

    return _fix_notes(root, paths, rewrite)


def fix_outcome_words(root: Path, paths: list[str]) -> list[str]:
    """Write each `outcome` read as one of `OUTCOMES` but written otherwise
    (`Rejected.`, `No response`) as that word, in place, changing only that value;
    what it held besides the word (`rejected 😞`) is kept in a comment after it."""
    from interviewkit.names import more_than_the_word, outcome_word

    def rewrite(text: str, values: dict, lines: dict[str, int]):
        written = values.get("outcome")
        if not isinstance(written, str) or (word := outcome_word(written)) not in OUTCOMES:
            return None
        if written.strip() == word:
            return None
        value = f"{word}  # {written.strip()}" if more_than_the_word(written, word) else word
        text = edit.set_key(text, "outcome", value)
        return (
            text,
            {**values, "outcome": word},
            [(lines["outcome"], f"outcome: {written} -> {value}")],
        )

    return _fix_notes(root, paths, rewrite)


def fix_people_entries(root: Path, paths: list[str]) -> list[str]:
    """Rewrite, in place and changing only those items of `people`, each person
    written as a mapping (`- name: …` with `title` and `email` lines) as the one line
    it is read as (`- Name, Title <email>`), and each entry holding several people
    with their addresses (`- Dana <d@x.example>, Ravi <r@x.example>`) as one line
    each; and a `people` line of names parted by semicolons, or by commas when each
    is plainly one person (see `notes.people.comma_parted`), as a list of them. A
    mapping holding anything one line has no room for (see
    `notes.people.left_out_of_one_line`) is left as it is."""
    from interviewkit.notes.people import (
        comma_parted,
        left_out_of_one_line,
        one_line_form,
        several_in_one,
    )
    from interviewkit.write.scaffold import yaml_scalar

    def rewrite(text: str, values: dict, lines: dict[str, int]):
        items = values.get("people")
        if isinstance(items, str) and (
            entries := several_in_one(items) or ("," in items and comma_parted(items))
        ):  # `people: A; B`, `people: Ana Ruiz, Bo Li`
            text = edit.set_key(text, "people", edit.flow_list(entries))
            said = f"people -> a list of {len(entries)}, one item per person"
            return text, {**values, "people": entries}, [(lines["people"], said)]
        if not isinstance(items, list):
            return None
        expected, changes = list(items), []
        for index in reversed(range(len(items))):  # a split moves the items after it
            item = items[index]
            if isinstance(item, str) and (entries := several_in_one(item)):
                text = edit.replace_item(text, "people", index, *map(yaml_scalar, entries))
                expected[index : index + 1] = entries
                changes.append(f"people: item {index + 1} -> {len(entries)} lines, one per person")
                continue
            if not isinstance(item, dict) or left_out_of_one_line(item):
                continue
            line = one_line_form(item)
            if line is None:
                continue
            text = edit.replace_item(text, "people", index, yaml_scalar(line))
            expected[index] = line
            changes.append(f"people: item {index + 1} -> - {line}")
        if not changes:
            return None
        return text, {**values, "people": expected}, [(lines["people"], c) for c in changes[::-1]]

    return _fix_notes(root, paths, rewrite)


def fix_people_from_met(root: Path, paths: list[str], settings: Settings) -> list[str]:
    """Add to an empty `people`, in place, the names the People met section gives
    (see `notes.people.names_met`): their details there then reach letters and
    contacts. Nothing else of the note changes."""
    from interviewkit.notes.people import names_met
    from interviewkit.notes.sections import blank_comments, read_sections
    from interviewkit.write.scaffold import yaml_scalar

    def rewrite(text: str, values: dict, lines: dict[str, int]):
        written = values.get("people")
        if written not in (None, [], ""):
            return None
        fm = split_front_matter(text)
        met = read_sections(fm.body, fm.body_first_line, settings.headings()).found.get(
            "people_met"
        )
        if met is None or not (names := names_met(blank_comments(met.text))):
            return None
        for index, name in enumerate(names):  # `people: ""` becomes a list first
            empty = [] if written == "" and index == 0 else None
            text = edit.append_to_list(text, "people", yaml_scalar(name), empty)
        line = lines.get("people", fm.body_first_line - 1)  # the key, else the closing line
        said = [(line, f"people += {name} (from {met.heading})") for name in names]
        return text, {**values, "people": names}, said

    return _fix_notes(root, paths, rewrite)
