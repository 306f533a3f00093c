"""The Tasks plugin's global filter: with `tasks_global_filter`, only lines holding the
tag are tasks, and the tag is no part of a task's words or id."""

from __future__ import annotations

import json

from .conftest import note

BODY = (
    "- [ ] Send the portfolio link #task 📅 2026-11-22\n"
    "- [ ] Buy a new notebook 📅 2026-11-22\n"
    "- [ ] Read their blog #tasks 📅 2026-11-22\n"
)


def tasks(run, vault) -> dict[str, str]:
    result = run("--vault", vault, "due", "--all", "--format", "json", "--today", "2026-11-21")
    assert result.exit_code == 0, result.output
    return {
        a["summary"]: a["id"] for a in json.loads(result.stdout)["actions"] if a["kind"] == "task"
    }


def test_only_lines_with_the_global_filter_are_tasks_and_their_ids_ignore_it(vault, write, run):
    write("interviews/a.md", note(id="a") + BODY)
    unfiltered = tasks(run, vault)
    assert len(unfiltered) == 3
    config = vault / ".interviewkit" / "config.yaml"
    config.write_text(config.read_text() + 'tasks_global_filter: "#task"\n')
    filtered = tasks(run, vault)
    assert list(filtered) == ["Send the portfolio link"]
    assert unfiltered["Send the portfolio link #task"] != filtered["Send the portfolio link"]
    # the id comes from the words alone: another filter tag on the same words, same id
    config.write_text(config.read_text().replace("#task", "#todo"))
    write("interviews/a.md", note(id="a") + BODY.replace("#task ", "#todo "))
    assert tasks(run, vault) == filtered
    config.write_text(config.read_text().replace("#todo", "#task"))
    write("interviews/a.md", note(id="a") + BODY)
    done = run("--vault", vault, "done", filtered["Send the portfolio link"], "--on", "2026-11-21")
    assert done.exit_code == 0, done.output
    text = (vault / "interviews" / "a.md").read_text()
    assert "- [x] Send the portfolio link #task 📅 2026-11-22 ✅ 2026-11-21\n" in text
    assert "- [ ] Buy a new notebook 📅 2026-11-22\n" in text
