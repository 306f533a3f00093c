"""Named ways to break interviewkit on purpose, one at a time, each with the tests
that must then fail (see run.py). A snippet must occur exactly once in its file,
so the catalogue stays in step with the code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mutation:
    name: str
    path: str  # inside the package, like rules/actions.py
    snippet: str
    replacement: str
    tests: tuple[str, ...]  # pytest arguments: files, node ids or -k expressions


RULES = ("tests/test_rules.py", "tests/test_settings.py", "tests/test_offers_and_silence.py")

MUTATIONS = [
    # The survivors of the first review (issue 21), in their current form.
    Mutation(
        "follow-up counted from the first followed_up entry",
        "rules/actions.py",
        "again = note.followed_up[-1] + timedelta",
        "again = note.followed_up[0] + timedelta",
        RULES,
    ),
    Mutation(
        "decision_by wins over an agreed follow_up_on",
        "rules/actions.py",
        "    if note.follow_up_on:\n        due, rule = note.follow_up_on",
        "    if note.follow_up_on and not note.decision_by:\n        due, rule = note.follow_up_on",
        RULES,
    ),
    Mutation(
        "people closes on any final outcome",
        "rules/actions.py",
        "if not note.people and not withdrawn:",
        "if not note.people and not final:",
        RULES,
    ),
    Mutation(
        "thank_you_hours hard-coded",
        "rules/actions.py",
        "timedelta(hours=settings.thank_you_hours)",
        "timedelta(hours=24)",
        RULES,
    ),
    Mutation(
        "follow_up_limit hard-coded",
        "rules/actions.py",
        ">= settings.follow_up_limit",
        ">= 2",
        RULES,
    ),
    Mutation(
        "an added list item ends in LF in a CRLF note",
        "write/edit.py",
        'note.lines.insert(last + 1, f"{prefix}{value}{eol}")',
        'note.lines.insert(last + 1, f"{prefix}{value}\\n")',
        ("tests/test_record.py", "tests/test_edit_fuzz.py"),
    ),
    Mutation(
        "the only-these-keys-changed guard switched off",
        "write/recording.py",
        "    if moved - keys:\n",
        "    if False:\n",
        ("tests/test_record_safety.py", "tests/test_record.py"),
    ),
    Mutation(
        "the feed ignores the note's own Before you leave list",
        "reports/feed.py",
        "(note_checklist(note) or options.checklist)",
        "(options.checklist)",
        ("tests/test_feed.py", "tests/test_craft.py"),
    ),
    Mutation(
        "CSV without the formula guard",
        "render/csvfmt.py",
        "_PHONE.fullmatch(cell) else guard(cell))",
        "_PHONE.fullmatch(cell) else cell)",
        ("tests/test_craft.py", "tests/test_contacts.py", "tests/test_safe_output.py"),
    ),
    Mutation(
        "the two-core reading path never taken",
        "vault/reader.py",
        "    if count < PARALLEL_MIN or (os.cpu_count() or 1) < 2:\n        return False",
        "    if True:\n        return False",
        ("tests/test_cache.py",),
    ),
    Mutation(
        "due --company keeps every company",
        "usecases.py",
        "actions = [a for a in actions if a.company_key == key]",
        "actions = list(actions)",
        ("tests/test_rules.py", "tests/test_names.py"),
    ),
    # Issue 16: offers, silences and the status figures.
    Mutation(
        "decide stays open after acceptance",
        "rules/actions.py",
        'if outcome == "offer" and note.offer_deadline is not None:',
        'if outcome in ("offer", "accepted") and note.offer_deadline is not None:',
        RULES,
    ),
    Mutation(
        "decide due a day late",
        "rules/actions.py",
        '            "decide",\n            note.offer_deadline,',
        '            "decide",\n            note.offer_deadline + timedelta(days=1),',
        RULES,
    ),
    Mutation(
        "close counted from the interview",
        "rules/actions.py",
        'since, fallback = note.followed_up[-1], ""',
        'since, fallback = note.day, ""',
        RULES,
    ),
    Mutation(
        "close_after_days hard-coded",
        "rules/actions.py",
        "since + timedelta(days=settings.close_after_days)",
        "since + timedelta(days=14)",
        RULES,
    ),
    Mutation(
        "close not moved off a holiday",
        "rules/actions.py",
        "    return next_business_day(\n        since + timedelta(days=settings.close_after_days), settings.holidays\n    ), fallback",
        "    return since + timedelta(days=settings.close_after_days), fallback",
        RULES,
    ),
    Mutation(
        "done close records withdrawn",
        "write/recording.py",
        'return record_outcome(root, note, "no_response", on)',
        'return record_outcome(root, note, "withdrawn", on)',
        ("tests/test_offers_and_silence.py",),
    ),
    Mutation(
        "a withdrawal counts as a response",
        "reports/status.py",
        "return app.outcome in COMPANY_ANSWERS or len(app.notes) > 1",
        'return app.outcome in COMPANY_ANSWERS | {"withdrawn"} or len(app.notes) > 1',
        ("tests/test_offers_and_silence.py", "tests/test_craft.py"),
    ),
    Mutation(
        "no_response counts as a response after several rounds",
        "reports/status.py",
        '    if app.outcome == "no_response":\n        return False\n',
        "",
        ("tests/test_offers_and_silence.py",),
    ),
    Mutation(
        "the thank-you lapses after a final outcome at once",
        "rules/actions.py",
        "actions[-1].expires = deadline",
        "actions[-1].expires = note.end",
        RULES,
    ),
    # Issue 15: the feed's versions and serve.
    Mutation(
        "SEQUENCE ignores commits to the company's other notes",
        "reports/feed.py",
        "            for path in members:\n                commits.update(history.touched.get(path, ()))",
        "            for path in members[:1]:\n                commits.update(history.touched.get(path, ()))",
        ("tests/test_feed_git.py",),
    ),
    Mutation(
        "an uncommitted change does not raise SEQUENCE",
        "reports/feed.py",
        "return count + dirty, datetime",
        "return count, datetime",
        ("tests/test_feed_git.py",),
    ),
    Mutation(
        "a rename loses the history",
        "vault/history.py",
        "                    alias[old] = now\n",
        "",
        ("tests/test_feed_git.py",),
    ),
    Mutation(
        "the stamp outside git is the interview's start",
        "reports/feed.py",
        "(datetime.combine(d, time(0), tzinfo=UTC) for d in days if d is not None), default=EPOCH",
        "(datetime.combine(d, time(0), tzinfo=UTC) for d in days if d is not None), default=note.start",
        ("tests/test_feed.py",),
    ),
    Mutation(
        "serve keeps the settings it started with",
        "usecases.py",
        "        if settings != self.settings:\n",
        "        settings = self.settings\n        if settings != self.settings:\n",
        (
            "tests/test_serve_http.py::test_new_settings_take_effect_without_a_restart_and_bad_ones_give_503",
        ),
    ),
    Mutation(
        "If-None-Match does not win over If-Modified-Since",
        "reports/serve.py",
        "                if matches is not None  # If-None-Match wins over If-Modified-Since",
        "                if matches is not None and False",
        ("tests/test_serve_http.py::test_if_modified_since_gives_304_and_if_none_match_wins",),
    ),
    Mutation(
        "a token symlink is followed",
        "reports/serve.py",
        "    if info is not None and not stat.S_ISREG(info.st_mode):",
        "    if False:",
        (
            "tests/test_serve_http.py::test_a_planted_token_symlink_is_refused_and_its_target_untouched",
        ),
    ),
    Mutation(
        "client text reaches the log raw",
        "reports/serve.py",
        "    return text.translate(_CONTROL)",
        "    return text",
        (
            "tests/test_serve_http.py::test_the_server_escapes_control_characters_before_its_log_sees_them",
        ),
    ),
    # The rules table: for each kind, one mutation of its due date and one of when it closes.
    Mutation(
        "prepare due on the interview day",
        "rules/actions.py",
        'add("prepare", note.day - timedelta(days=settings.prepare_days_before), summary)',
        'add("prepare", note.day, summary)',
        RULES,
    ),
    Mutation(
        "prepare stays open after the interview starts",
        "rules/actions.py",
        'BEFORE_START = frozenset({"prepare"})',
        "BEFORE_START = frozenset()",
        RULES,
    ),
    Mutation(
        "people due a day late",
        "rules/actions.py",
        'add("people", note.day, f"Write down',
        'add("people", note.day + timedelta(days=1), f"Write down',
        RULES,
    ),
    Mutation(
        "people never closes",
        "rules/actions.py",
        "if not note.people and not withdrawn:",
        "if not withdrawn:",
        RULES,
    ),
    Mutation(
        "debrief due a day late",
        "rules/actions.py",
        '            "debrief",\n            note.day,',
        '            "debrief",\n            note.day + timedelta(days=1),',
        RULES,
    ),
    Mutation(
        "debrief closes when only the important points are written",
        "rules/actions.py",
        '("important_points", "questions_asked")',
        '("important_points",)',
        RULES,
    ),
    Mutation(
        "thank-you never closes",
        "rules/actions.py",
        "    if not note.thank_you_done:  # owed",
        "    if True:  # owed",
        RULES,
    ),
    Mutation(
        "reflect_days hard-coded",
        "rules/actions.py",
        "note.day + timedelta(days=settings.reflect_days)",
        "note.day + timedelta(days=2)",
        RULES,
    ),
    Mutation(
        "follow-up stays open after a later round",
        "rules/actions.py",
        'if outcome == "pending" and not apps.has_later_round(note):',
        'if outcome == "pending":',
        RULES,
    ),
    Mutation(
        "a task due a day late",
        "rules/actions.py",
        "                    task.due,\n",
        "                    task.due + timedelta(days=1),\n",
        RULES,
    ),
    Mutation(
        "a done task stays open",
        "rules/actions.py",
        "if task.is_open and task.due is not None:",
        "if task.due is not None:",
        RULES,
    ),
    # The edits: one per guarantee.
    Mutation(
        "set_key drops the comment",
        "write/edit.py",
        '        if end - start != 1:\n            comment = ""\n',
        '        comment = ""\n',
        ("tests/test_record.py", "tests/test_edit_fuzz.py"),
    ),
    Mutation(
        "a replaced line takes LF",
        "write/edit.py",
        'lines[line_number - 1] = f"{new_line}{ending}"',
        'lines[line_number - 1] = f"{new_line}\\n"',
        (
            "tests/test_record.py",
            "tests/test_record_safety.py",
            "tests/test_edit_fuzz.py",
            "tests/test_recurrence.py",
        ),
    ),
    Mutation(
        "a note changed on disk is overwritten",
        "write/edit.py",
        "        if current != before:\n",
        "        if False:\n",
        ("tests/test_record.py", "tests/test_record_safety.py"),
    ),
    Mutation(
        "a task is ticked on the line it was read from, whatever is there now",
        "write/recording.py",
        "    if len(holding) == len(twins):",
        "    return task.line\n    if len(holding) == len(twins):",
        ("tests/test_record_safety.py", "tests/test_record.py"),
    ),
    # The feed: one per promise of the README.
    Mutation(
        "an all-day event ends the day it starts",
        "reports/feed.py",
        "start, end = action.due, action.due + timedelta(days=1)",
        "start, end = action.due, action.due",
        ("tests/test_feed.py",),
    ),
    Mutation(
        "control characters reach the feed's text",
        "reports/feed.py",
        'return vText(_CONTROL.sub("", value))',
        "return vText(value)",
        ("tests/test_feed.py", "tests/test_safe_output.py", "tests/test_bad_input.py"),
    ),
    Mutation(
        "a follow-up's SEQUENCE does not grow outside git",
        "rules/actions.py",
        "                done_before,\n                fallback,",
        "                0,\n                fallback,",
        ("tests/test_feed.py",),
    ),
    # More promises of the feed.
    Mutation(
        "a UID follows the note's path, not its id",
        "reports/feed.py",
        "    uid = event_uid(action.id, note.id, options.redact)",
        "    uid = event_uid(action.id + note.path, note.id, options.redact)",
        ("tests/test_feed.py",),
    ),
    Mutation(
        "a VTIMEZONE onset taken after the change",
        "reports/vtimezone.py",
        "return (self.instant + self.offset_from).replace(tzinfo=None)",
        "return (self.instant + self.offset_to).replace(tzinfo=None)",
        ("tests/test_vtimezone.py", "tests/test_dst_feed.py"),
    ),
    # The date grammar, the synonym table and the company matcher: one per row family.
    Mutation(
        "German month names are not read",
        "notes/typed_dates.py",
        '**dict.fromkeys(("mar", "march", "mär", "märz", "mrz", "maerz"), 3),',
        '**dict.fromkeys(("mar", "march"), 3),',
        ("tests/test_typed_dates.py",),
    ),
    Mutation(
        "a weekday before a date is not allowed",
        "notes/typed_dates.py",
        '"fri", "friday",',
        '"friday",',
        ("tests/test_typed_dates.py",),
    ),
    Mutation(
        "a relative date is read as unreadable text, not named as relative",
        "notes/typed_dates.py",
        '"today", "tomorrow", "yesterday", "next",',
        '"today", "tomorrow", "yesterday",',
        ("tests/test_typed_dates.py", "tests/test_offers_and_silence.py"),
    ),
    Mutation(
        "the decision synonyms are not recognised",
        "notes/note.py",
        '**dict.fromkeys(("decision_date", "decide_by", "decision_on", "hear_back_by"), "decision_by"),',
        '**dict.fromkeys(("decision_date",), "decision_by"),',
        (
            "tests/test_hand_written.py",
            "tests/test_reading.py",
            "tests/test_typed_dates.py",
            "tests/test_bad_input.py",
        ),
    ),
    Mutation(
        "the offer synonyms are not recognised",
        "notes/note.py",
        '**dict.fromkeys(("offer_expires", "answer_by", "offer_due", "offer_expiry"), "offer_deadline"),',
        "",
        ("tests/test_offers_and_silence.py",),
    ),
    Mutation(
        "a company answers only to its exact name, never a part",
        "names.py",
        'partial = exact or [item for item in items if key in fold(next(iter(names(item)), ""))]',
        "partial = exact",
        ("tests/test_names.py", "tests/test_short_refs.py", "tests/test_craft.py"),
    ),
    Mutation(
        "a company name is compared with its case",
        "names.py",
        'return " ".join(text.translate(_ASCII_SPACES).lower().split())',
        'return " ".join(text.translate(_ASCII_SPACES).split())',
        ("tests/test_names.py", "tests/test_short_refs.py"),
    ),
    Mutation(
        "accents count when names are compared",
        "names.py",
        "        if unicodedata.combining(char):\n            continue\n",
        "",
        ("tests/test_names.py",),
    ),
]
