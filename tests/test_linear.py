"""Every pattern that reads a note runs in linear time.

Not a timed test: each case is timed on lines of 10,000 and of 100,000 characters,
and the ratio must stay far below the 100 that work growing with the square of a
line's length would show. The best of a few runs is used, so load on the machine
does not decide it.
"""

from __future__ import annotations

import contextlib
import time

import pytest

from interviewkit.config import Settings
from interviewkit.errors import EditConflict
from interviewkit.notes.front_matter import company_line
from interviewkit.notes.note import read_note
from interviewkit.notes.people import parse_person
from interviewkit.notes.sections import strip_comments
from interviewkit.notes.yamlscan import YamlFailure, load_mapping_and_repeats
from interviewkit.write import edit

SETTINGS = Settings(timezone="UTC")
FRONT = "---\ntype: interview\ncompany: A\nstart: 2026-11-20T10:00\n{}\n---\n"


def shapes(n: int) -> dict[str, object]:
    blank = " " * n
    body = (
        f"# H{blank}x\n{blank}\n- item{blank}y\n- [ ] task{blank}z\n- [ ] t [due::{blank}\n"
        f"- [ ] t{blank}^id\n- [ ] t{blank}✅ 2026-11-20\n## Questions asked\n- q{blank}?\n"
        f"x{blank}\n#{blank}#\n"
    )
    note = FRONT.format(f'people: ["Dana{blank}x", "D{blank}<d@x.example>"]') + body
    front = FRONT.format(f"company2: x{blank}\nx{blank}\nfollowed_up: [a,\n  b{blank}")
    return {
        "reading a note": lambda: read_note("a.md", note.encode(), SETTINGS, True),
        "a person": lambda: parse_person(f"Dana{blank}<x"),
        "comments beside code": lambda: strip_comments(
            f"`{blank}%%`a`{blank}`` {blank}<!--`\n```{blank}\n%%{'`' * n}{'`a' * n}"
        ),
        "a company line": lambda: company_line(f"company: A{blank}#{blank}\n".encode()),
        "repeated keys": lambda: _refusing_is_fine(
            load_mapping_and_repeats, f"x{blank}: 0\ny{blank}: 1\n'x{blank}': 2", error=YamlFailure
        ),
        "an edit": lambda: edit.set_key(
            FRONT.format(f"thank_you_sent: x{blank}y{blank}# c{blank}"), "thank_you_sent", "1"
        ),
        "a flow list edit": lambda: _refusing_is_fine(
            edit.append_to_list, front, "followed_up", "2026-11-30"
        ),
    }


def _refusing_is_fine(run, *args, error: type[Exception] = EditConflict) -> None:
    with contextlib.suppress(error):  # refusing is fine; taking forever is not
        run(*args)


def best_of(run, times: int = 3) -> float:
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("case", sorted(shapes(1)))
def test_work_grows_with_the_line_not_its_square(case):
    short = best_of(shapes(10_000)[case])
    long = best_of(shapes(100_000)[case])
    assert long / max(short, 1e-4) < 40, (case, short, long)
