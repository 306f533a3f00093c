"""Explain every mutmut survivor, and write them down.

After a mutmut run (see README.md), from the project's root:

    python tests/mutants/survivors.py

reads mutmut's results in `mutants/`, shows each surviving mutant as the line
it changed (before and after), and matches it against `VERDICTS` below: a
kind and the reason it is left alive. It writes `mutmut-survivors.txt` beside
this file, grouped by kind and reason, and prints the counts. A survivor that no
verdict names is listed under "unexplained", and the script exits 1: each new
survivor is killed by a test or explained here, never left unread.

Mutant names carry mutmut's numbering within a function, which changes when the
function does; a verdict that names no current survivor is reported, so the
table does not keep stale entries.
"""

from __future__ import annotations

import ast
import difflib
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
MUTANTS = Path("mutants")
SURVIVED, NO_TESTS = 0, 33

KINDS = {
    "EQ": "equivalent: no input tells the mutant from the code",
    "NT": "no test reaches it, and a test would have to fake the system",
    "GU": "a guard that cannot fire while the code it guards is right",
    "MW": "message wording no test pins word for word",
}


def _m(function: str, *numbers: int) -> list[str]:
    return [f"{function}__mutmut_{n}" for n in numbers]


A, AG, AP = "rules.actions.", "rules.agenda.", "rules.applications."
AT, ED, PT = "write.atomic.", "write.edit.", "write.property_types."
RC, RP = "write.recording.", "write.repairs."
SF, TP = "write.scaffold.", "write.templates."
TEXT = ED + "xǁNoteTextǁ"

# (kind, reason, mutant names), from the survivors of the last run (README.md).
VERDICTS: list[tuple[str, str, list[str]]] = [
    # -- equivalent
    (
        "EQ",
        "a codec or encoding name in other letters, or the locale's encoding where the "
        "tests run under a UTF-8 locale (a BOM that utf-8-sig drops from a template, the "
        "front matter reader drops too)",
        [
            *_m(PT + "x_add_property_types", 4, 6, 52),
            *_m(RC + "x__apply", 7, 74),
            *_m(RP + "x__fix_notes", 10, 46),
            *_m(SF + "x__check_readable", 12),
            *_m(SF + "x_init_vault", 45),
            *_m(SF + "x_new_note", 250),
            *_m(TP + "x_find_template", 29, 31),
        ],
    ),
    ("EQ", "float('inf') in capitals is the same float", [*_m(AG + "x_company_rows", 7, 42)]),
    (
        "EQ",
        "the moment `--today D` stands for less 2 µs instead of 1 µs: both fall on D, and a "
        "real moment within 2 µs after midnight is the only one that could tell them apart",
        [*_m(AG + "x_still_to_come", 4)],
    ),
    (
        "EQ",
        "a falsy value for a falsy one where only truth is tested (`if fallback`, "
        "`if offset`, `if warning`, ensure_ascii)",
        [
            *_m(A + "x_candidate_actions", 104),
            *_m(PT + "x_add_property_types", 37),
            *_m(SF + "x_parse_at", 3, 46),
            *_m(SF + "x_yaml_scalar", 10),
            *_m(RC + "x_record_outcome", 22),
        ],
    ),
    (
        "EQ",
        "an argument equal to the default it replaces or drops (NOTE is OUTPUT, "
        "`wide` names, `typ='rt'`, `time(9)`, ruamel's indents for the notes `new` writes)",
        [
            *_m(PT + "x_add_property_types", 49),
            *_m(ED + "x_write_atomically", 16, 17),
            *_m(TEXT + "mapping", 3),
            *_m(SF + "x_new_note", 97, 103, 104, 105, 107, 108),
            *_m(SF + "x_parse_at", 22),
            *_m(TP + "x__names", 11, 23),
        ],
    ),
    (
        "EQ",
        "babel reads the locale `EN` as `en`, and English names are the same either way",
        [
            *_m(TP + "x_fill", 2),
            *_m(TP + "x_moment_format", 2),
        ],
    ),
    ("EQ", "the joiner of a list of at most one item", [*_m("names.x_join_names", 4)]),
    (
        "EQ",
        "prepare rows are worked out for a started interview and then dropped by "
        "`open_at`: the same rows, only slower",
        [*_m(A + "x_note_actions", 18), *_m(AG + "x_company_rows", 32)],
    ),
    (
        "EQ",
        "a boundary no value reaches: a day action's sort moment against timed ones "
        "(POSIX times of this century), a change at the very moment `until` already "
        "holds, two starts equal under `>=` and `>`",
        [
            *_m(A + "x_sort_key", 4),
            *_m(AG + "x_holds_until", 15),
            *_m(AP + "xǁApplicationsǁ_index_latest", 6),
        ],
    ),
    (
        "EQ",
        "a key line is never blank nor a comment, so the trim of a value's trailing "
        "lines stops at it either way",
        [*_m(TEXT + "span", 23, 25)],
    ),
    (
        "EQ",
        "the group key of roleless rounds cannot meet a folded role (always lower "
        "case), nor an id an `X` (ids are lower case)",
        [
            *_m(AP + "xǁApplicationsǁ__init__", 33),
            *_m(SF + "x_new_id", 27),
            *_m(SF + "x_note_path", 55),
        ],
    ),
    (
        "EQ",
        "only `error` severities are counted as errors; every other word is shown as a warning",
        [*_m(AP + "x_similar_role_warnings", 33, 41, 42)],
    ),
    (
        "EQ",
        "quotes stripped from a key name: an `X` at either end of a key is stripped "
        "only by the mutant, and a bare key is the old name itself, so replacing in it "
        "gives the new one",
        [*_m(ED + "x_rename_key", 22, 31, 38)],
    ),
    (
        "EQ",
        "the outcome is case-folded before it is checked and written",
        [*_m(RC + "x_record_done", 54)],
    ),
    (
        "EQ",
        "the kind and key returned for a task are not read on that path (the action "
        "id is), nor the key of any other kind",
        [*_m(RC + "x_split_action_id", 13, 14, 26)],
    ),
    ("EQ", "the case-insensitive URL pattern in capitals", [*_m(SF + "x_new_note", 39)]),
    (
        "EQ",
        "a template without front matter loads as nothing, which becomes the empty mapping anyway",
        [*_m(SF + "x_new_note", 115)],
    ),
    ("EQ", "one more random byte in a temporary file's name", [*_m(AT + "x_write_file", 16)]),
    (
        "EQ",
        "rescheduling widens the keys it may change to `people` when no one is added: "
        "the edit never touches `people` then",
        [*_m(RC + "x_record_rescheduled", 96)],
    ),
    # -- no test reaches it
    (
        "NT",
        "the copy for file systems without hard links (FAT, some network shares): "
        "every file system the tests run on has them, and the suite fakes nothing",
        [*_m(AT + "x__link_new", 6, 7, 8, 9, 10), *_m(AT + "x__create_in_place", *range(1, 22))],
    ),
    (
        "NT",
        "an OS failure the tests cannot cause running as root: a chown refused, a "
        "write or read refused, a note gone between reading and writing it",
        [
            *_m(AT + "x__keep_ownership", 6),
            *_m(ED + "x_write_atomically", 3, 18, 20),
            *_m(RC + "x__apply", 8),
        ],
    ),
    (
        "NT",
        "mutmut runs the tests beside a copy of the package in `mutants/`, inside "
        "the project, so both ways to the shipped templates find the project's own "
        "`templates/` (an installed package takes the first, a source checkout the second)",
        [*_m(TP + "x_packaged_templates", 6, 10, 11, 16)],
    ),
    (
        "NT",
        "killed by test_english_names_come_without_loading_the_language_data, which "
        "runs `new` in a child process; mutmut does not see which functions a child "
        "reaches, so it never runs that test for these",
        [*_m(TP + "x__names", 2, 3)],
    ),
    # -- guards
    (
        "GU",
        "`new` checks that the note it is about to write reads back exactly and "
        "cleanly; every note it writes does, so turning a check off changes nothing seen",
        [
            *_m(SF + "x__check_readable", 2, 5, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 24, 25, 26),
            *_m(SF + "x__check_round_trip", 14, 22, 23, 24),
            *_m(SF + "x_new_note", 236),
        ],
    ),
    (
        "GU",
        "an edit's expectation, checked after the change: a right edit meets it (the "
        "guard itself is tested with a wrong edit, in test_edit_guards.py)",
        [
            *_m(RC + "x_record_done", 72, 77, 99, 104),
            *_m(RC + "x_record_outcome", 37, 42),
            *_m(RC + "x_record_rescheduled", 87, 92),
            *_m(RC + "x__front_matter_values", 5),
        ],
    ),
    (
        "GU",
        "a race: another program creates the file, or changes the note, in the "
        "moment between the check and the write",
        [
            *_m(SF + "x_init_vault", 51, 52, 53),
            *_m(SF + "x_new_note", 247, 251),
            *_m(AT + "x__link_new", 5),
            *_m(ED + "x_write_atomically", 13),
            *_m(RP + "x__fix_notes", 15),
        ],
    ),
    (
        "GU",
        "`check --fix` hands on only notes it read and found a fix for: each has a "
        "change, and the fix's own output reads as YAML",
        [
            *_m(RP + "x_fix_typed_dates", 58),
            *_m(RP + "x_fix_unquoted_links", 82),
            *_m(RP + "x__fix_notes", 48, 54, 55),
        ],
    ),
    (
        "GU",
        "a YAML error from ruamel.yaml always carries its problem and its mark",
        [*_m(TEXT + "mapping", 20, 30, 33, 34, 35, 41, 45)],
    ),
    (
        "GU",
        "a value the caller always has: `close` without a readable follow-up date only "
        "after unreadable ones filled the limit; a key's line always ends (the closing "
        "line follows); a task action always has its task",
        [
            *_m(A + "x_close_due", 8, 10, 13),
            *_m(ED + "x_set_key", 21),
            *_m(RC + "x_record_done", 125),
        ],
    ),
    (
        "GU",
        "what the command line refuses first: an outcome outside the choice list, an "
        "action without a colon (resolved to a note first)",
        [*_m(RC + "x_record_outcome", 3, 4, 5), *_m(RC + "x_split_action_id", 17)],
    ),
    # -- message wording
    (
        "MW",
        "the words or separators of a message no test pins word for word; the "
        "messages users act on carry path:line, the key and the fix, and those are pinned",
        [
            *_m(A + "x_actions_or_failure", 12),
            *_m(AG + "x_warn_rows", 9),
            *_m(ED + "x__refuse_special", 5, 6),
            *_m(RC + "x_record_done", 11, 33, 63, 64, 134, 135, 136, 137),
            *_m(SF + "x__usable_text", 7, 8, 9),
            *_m(SF + "x_new_id", 16, 17),
            *_m(SF + "x_new_note", 3),
        ],
    ),
]


def _functions(source: Path, module: str) -> dict[str, str]:
    """The text of every mutant and original function mutmut wrote into `source`."""
    text = source.read_text(encoding="utf-8")
    lines = text.splitlines()
    found = {}
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef) and "__mutmut_" in node.name:
            found[f"{module}.{node.name}"] = "\n".join(lines[node.lineno - 1 : node.end_lineno])
    return found


def _change(name: str, functions: dict[str, str]) -> tuple[str, str]:
    """The lines the mutant changed, as written and as mutated, each on one line."""
    tail = name.rsplit(".", 1)[1]
    original = tail.rsplit("__mutmut_", 1)[0] + "__mutmut_orig"
    mutant = next((t for k, t in functions.items() if k.endswith("." + tail)), "")
    before = next((t for k, t in functions.items() if k.endswith("." + original)), "")
    a, b = before.splitlines(), mutant.splitlines()
    head_a, head_b = (a[0].split("(", 1)[-1] if a else ""), (b[0].split("(", 1)[-1] if b else "")
    delta = list(difflib.ndiff(a[1:], b[1:]))
    minus = [line[2:].strip() for line in delta if line.startswith("- ")]
    plus = [line[2:].strip() for line in delta if line.startswith("+ ")]
    if head_a != head_b:
        minus.insert(0, f"def ({head_a}")
        plus.insert(0, f"def ({head_b}")
    return " | ".join(minus)[:160], " | ".join(plus)[:160]


def main() -> int:
    if not MUTANTS.is_dir():
        print("no mutants/ here: run mutmut first, from the project's root", file=sys.stderr)
        return 2
    status: dict[str, int | None] = {}
    functions: dict[str, str] = {}
    for meta in sorted(MUTANTS.glob("interviewkit/**/*.py.meta")):
        status.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
        source = meta.with_suffix("")
        module = ".".join(source.relative_to(MUTANTS).with_suffix("").parts)
        functions.update(_functions(source, module))
    verdict_of = {}
    for kind, reason, names in VERDICTS:
        for name in names:
            verdict_of[name] = (kind, reason)
    rows = []
    for name, code in sorted(status.items()):
        if code in (SURVIVED, NO_TESTS):
            short = name.split(".", 1)[1]  # without the package name
            kind, reason = verdict_of.get(short, ("??", "unexplained"))
            if code == NO_TESTS and kind == "??":
                kind, reason = "NT", "no test in mutmut's selection calls this function"
            rows.append((kind, reason, short, *_change(name, functions)))
    checked = [c for c in status.values() if c is not None]
    killed = sum(1 for c in checked if c not in (SURVIVED, NO_TESTS))
    counts = Counter(kind for kind, *_ in rows)
    with open(HERE / "mutmut-survivors.txt", "w", encoding="utf-8") as out:
        out.write("# mutmut survivors over rules/ and write/: each with its kind and reason\n")
        out.write("# (tests/mutants/survivors.py writes this file; README.md says how).\n")
        out.write(
            f"# {len(status)} mutants, {len(checked)} run: {killed} killed, "
            f"{counts.total()} left ({', '.join(f'{k} {n}' for k, n in sorted(counts.items()))})\n"
        )
        for kind in sorted(counts):
            out.write(f"\n## {kind}: {KINDS.get(kind, 'unexplained')} ({counts[kind]})\n")
            reasons = sorted({r for k, r, *_ in rows if k == kind})
            for reason in reasons:
                out.write(f"\n### {reason}\n\n")
                for k, r, short, minus, plus in rows:
                    if (k, r) == (kind, reason):
                        out.write(f"{short}\n    - {minus}\n    + {plus}\n")
    stale = sorted(set(verdict_of) - {short for _, _, short, *_ in rows})
    score = killed / len(checked) if checked else 0.0
    print(f"{len(status)} mutants, {len(checked)} run, {killed} killed ({score:.1%}); left:")
    for kind, count in sorted(counts.items()):
        print(f"  {kind} {count:4d}  {KINDS.get(kind, 'unexplained')}")
    if stale:
        print(f"{len(stale)} verdicts name no survivor (killed now, or renumbered):")
        print("\n".join(f"  {name}" for name in stale))
    unexplained = [short for kind, _, short, *_ in rows if kind == "??"]
    if unexplained:
        print(f"{len(unexplained)} survivors unexplained:", file=sys.stderr)
        print("\n".join(f"  {name}" for name in unexplained), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
