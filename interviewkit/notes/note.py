"""One interview note: the note model, and reading a file into it: its front matter
found (see `notes.front_matter`), told to be an interview note's (`notes.note_type`),
its values read (`notes.values`), its people (`notes.people_met`), what is wrong
said (`notes.checks`, `notes.found`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from interviewkit.config import Settings
from interviewkit.errors import Problem
from interviewkit.names import outcome_hint, outcome_word
from interviewkit.notes.checks import (
    KEY_LINE,
    MOST_PROBLEMS,
    at_most,
    body_placeholder,
    body_problems,
    ends_early,
    heading_near_misses,
    tag_problems,
    unfilled_placeholders,
)
from interviewkit.notes.contract import (
    CONTRACT_SET,
    DATE_KEYS,
    RATINGS,
    SYNONYMS,
    TEXT_KEYS,
    WHILE_EMPTY,
    misspelt_key,
)
from interviewkit.notes.dates import FAR_AHEAD_DAYS, later, wall_text
from interviewkit.notes.found import Found, needs_quotes
from interviewkit.notes.front_matter import (
    DASHED,
    MAX_FRONT_MATTER,
    NO_FRONT_MATTER,
    ODD_STARTS,
    TYPE_BYTES,
    UTF16_NOT_READ,
    FrontMatter,
    company_line,
    dated_without_front_matter,
    decode,
    front_matter_dashed,
    front_matter_not_first,
    looks_like_interview,
    split_front_matter,
    typed_above_rule,
    typed_bytes,
    untyped_round,
    utf16_text,
)
from interviewkit.notes.markup import curly_quoted, has_curly_quotes, parse_link, unquoted
from interviewkit.notes.note_type import (
    almost_typed,
    cased_type,
    keys_of_a_round,
    listed_type,
    untyped_round_said,
)
from interviewkit.notes.people import (
    Person,
)
from interviewkit.notes.people_met import met_not_written, people_met, read_people
from interviewkit.notes.prose_days import days_named
from interviewkit.notes.sections import (
    Headings,
    Section,
    blank_comments,
    read_sections,
)
from interviewkit.notes.synonyms import renames, start_under, time_beside_start, time_key_of
from interviewkit.notes.tasks import Task, find_tasks
from interviewkit.notes.values import (
    NOT_KNOWN,
    SENT_WORDS,
    as_written,
    dates_on_one_line,
    day_form,
    end_of_length,
    end_on_start_day,
    fix_of,
    item_warning,
    linked_day,
    not_read,
    parse_day,
    parse_when,
    said,
    text_value,
    thank_you_mark,
    time_slot,
    typed_fix,
    typed_form,
    written_zone,
)
from interviewkit.vocabulary import (
    FIX_CURLY_QUOTES,
    FIX_DASHES,
    FIX_MISSPELT_KEY,
    FIX_OUTCOME_WORD,
    FIX_PEOPLE_FROM_MET,
    FIX_QUOTE_LINK,
    FIX_SYNONYM_KEY,
    FIX_TYPE,
    FIX_TYPED_DATE,
    FIX_UTF16,
    OUTCOMES,
)

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

# What ends a line for some reader, inside a value meant to be one line.
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029]")


@dataclass(slots=True, eq=False)
class Note:
    """An interview note as the rules see it. Times are aware, in the vault's zone."""

    path: str
    id: str
    id_written: bool
    company: str
    role: str
    round: str
    start: datetime
    end: datetime
    people: tuple[Person, ...]
    next_steps: str
    decision_by: date | None
    follow_up_on: date | None
    thank_you_sent: date | None
    followed_up: tuple[date, ...]
    outcome: str
    outcome_on: date | None
    lines: dict[str, int] = field(default_factory=dict)
    sections: dict[str, Section] = field(default_factory=dict)
    tasks: tuple[Task, ...] = ()
    thank_you_marked: bool = False  # counts as sent (a day, or a word like `yes`)
    followed_up_unreadable: int = 0  # entries of followed_up that are not dates
    unreadable: dict[str, str] = field(default_factory=dict)  # key -> value read as absent
    ratings: dict[str, int] = field(default_factory=dict)  # RATINGS key -> 1 to 5, when written
    location: str = ""  # where the interview takes place
    link: str = ""  # the video call's http(s) URL
    invite_uid: str = ""  # the UID of the calendar invitation the note was made from
    invite_sequence: int = 0  # that invitation's SEQUENCE: a later one updates the note
    offer_deadline: date | None = None  # the day an offer must be answered by
    # section key -> a heading that only looks like one of its headings (see `check`)
    near_headings: dict[str, str] = field(default_factory=dict)
    # `people` as the front matter writes them, when People met adds to them (see
    # `people_met.people_met`); empty when it adds nothing. A body edit starts again from these.
    people_written: tuple[Person, ...] = ()
    # with `people` empty, the names People met lists (see `people_met.people_met`)
    names_met: tuple[str, ...] = ()
    # the people People met has a card for who are not in `people`: contacts only
    met_only: tuple[Person, ...] = ()
    # with neither decision_by nor follow_up_on, the days the next steps name (see
    # `_days_in_next_steps`): a follow-up counted from the interview points them out
    next_steps_days: tuple[date, ...] = ()

    @property
    def day(self) -> date:
        """The interview's calendar day."""
        return self.start.date()

    @property
    def thank_you_done(self) -> bool:
        """True once the thank-you counts as sent, with or without a readable day."""
        return self.thank_you_marked or self.thank_you_sent is not None

    @property
    def label(self) -> str:
        """`Acme onsite` style short name for listings."""
        return f"{self.company} {self.round}".strip()

    def line_of(self, key: str) -> int:
        """1-based line of a front matter key, or of the front matter's start."""
        return self.lines.get(key, 1)

    def section_empty(self, key: str) -> bool:
        """True when the configured section is missing or holds nothing but comments."""
        section = self.sections.get(key)
        return section is None or section.empty

    @property
    def people_only_in_section(self) -> bool:
        """True when `people` is empty but the People met section lists someone: the
        names are written down, but where no letter or reminder looks for them."""
        return not self.people and not self.section_empty("people_met")


@dataclass
class Reading:
    """What reading one file gave: a note (or None), problems that break it, and lint."""

    note: Note | None = None
    looks_like_interview: bool = False
    problems: list[Problem] = field(default_factory=list)
    findings: list[Problem] = field(default_factory=list)
    front_matter: str | None = None  # the YAML text parsed, once reading got that far
    company_hint: str = ""  # an unusable note's `company:` line, read without YAML


# The dates that only make sense after the interview they are written in.
_AFTER_THE_INTERVIEW = ("follow_up_on", "decision_by", "offer_deadline")


MAX_ID = 60


def derive_id(company: str, day: date, round_name: str) -> str:
    """A note's id from its content, never from its path: `company-YYYY-MM-DD-round`
    in slugs, at most MAX_ID characters. When too long, the company is cut first
    (to no fewer than 12 characters), then the round. `new` writes it, and a note
    without an `id` has it."""
    from interviewkit.notes.slugs import slugify

    company_slug = slugify(company)
    round_slug = slugify(round_name, "interview")
    room = MAX_ID - len("-YYYY-MM-DD-")
    if len(company_slug) + len(round_slug) > room:
        keep = max(room - len(round_slug), min(len(company_slug), 12))
        company_slug = company_slug[:keep].rstrip("-")
        round_slug = round_slug[: room - len(company_slug)].rstrip("-")
    return f"{company_slug}-{day.isoformat()}-{round_slug}"


def read_note(
    path: str,
    data: bytes,
    settings: Settings,
    in_notes_folder: bool,
    earlier: Reading | None = None,
) -> Reading:
    """Read one file into a note, or say why it is not one.

    `earlier` is an earlier reading of the same file with the same settings: when
    the front matter is the same text, only the body is read again. An unusable
    note keeps the company its `company:` line names, so that company's actions
    can warn that it may be missing something.
    """
    reading = _read(path, data, settings, in_notes_folder, earlier)
    if reading.note is None and reading.problems:
        reading.company_hint = company_line(data)
    reading.problems = at_most(reading.problems)
    reading.findings = at_most(reading.findings)
    return reading


def _read(
    path: str, data: bytes, settings: Settings, in_notes_folder: bool, earlier: Reading | None
) -> Reading:
    reading = Reading()
    if (text16 := utf16_text(data)) is not None:  # in the notes folder, or saying its type
        if in_notes_folder or typed_bytes(text16.encode("utf-8")):
            reading.looks_like_interview = True
            reading.problems.append(Problem(path, 1, UTF16_NOT_READ, fix=FIX_UTF16))
        return reading
    if plain := front_matter_dashed(data, in_notes_folder):
        reading = _read(path, plain, settings, in_notes_folder, earlier)  # read as meant
        reading.problems.insert(0, Problem(path, 1, DASHED, fix=FIX_DASHES))
        reading.looks_like_interview = True
        return reading
    if not data.startswith((b"---", b"\xef\xbb\xbf---")):
        if data and data[0] in ODD_STARTS and (unread := front_matter_not_first(path, data)):
            reading.looks_like_interview = True
            reading.problems.append(unread)
            return reading
        if not in_notes_folder:
            return reading
    elif not in_notes_folder and not typed_above_rule(data):
        if keys := untyped_round(data):  # written by hand, in a folder of the user's own
            reading.looks_like_interview = True
            said = untyped_round_said(keys, settings)
            reading.problems.append(Problem(path, 1, said, "warning", FIX_TYPE))
        return reading
    text = decode(path, data)
    if isinstance(text, Problem):
        if in_notes_folder or TYPE_BYTES.search(data):
            reading.looks_like_interview = True
            reading.problems.append(text)
        return reading
    fm = split_front_matter(text)
    typed = looks_like_interview(fm.yaml)
    reading.looks_like_interview = typed or in_notes_folder
    if not reading.looks_like_interview or not fm.present:
        if (
            in_notes_folder
            and not fm.present
            and settings.notes_folder.strip("/")  # not the whole vault, with its daily notes
            and dated_without_front_matter(path, text)
        ):
            reading.problems.append(Problem(path, 1, NO_FRONT_MATTER, "warning"))
        return reading
    if not fm.closed:
        if typed:
            reading.problems.append(
                Problem(path, 1, "front matter is never closed (add a line with --- after it)")
            )
        elif in_notes_folder and len(KEY_LINE.findall(fm.yaml, 0, 4096)) >= 2:
            reading.problems.append(
                Problem(
                    path,
                    1,
                    "front matter is never closed (add a line with --- after it), so nothing "
                    "in it is read: not even a `type: interview`",
                    "warning",
                )
            )
        return reading
    if len(fm.yaml) > MAX_FRONT_MATTER:
        reading.problems.append(Problem(path, 1, "front matter is over 1 MiB; skipped"))
        return reading
    if (
        earlier is not None
        and earlier.note is not None
        and earlier.front_matter == fm.yaml
        and len(earlier.problems) <= MOST_PROBLEMS  # else some are counted, not kept
        and len(earlier.findings) <= MOST_PROBLEMS
    ):
        return _with_new_body(earlier, earlier.note, fm, settings)
    reading.front_matter = fm.yaml
    from interviewkit.notes.yamlscan import (  # only when there is YAML to parse
        CONFLICT,
        YamlFailure,
        conflict_line,
        read_around_mistakes,
    )

    try:  # a mistake costs only its key: the rest is read, and `spoiled` says what
        data_map, key_lines, repeats, spoiled = read_around_mistakes(fm.yaml)
    except YamlFailure as exc:
        conflict = conflict_line(fm.yaml)
        if conflict is None:
            line = fm.yaml_first_line + exc.line
            reading.problems.append(Problem(path, line, exc.message, fix=exc.fix))
        else:
            reading.problems.append(Problem(path, fm.yaml_first_line + conflict, CONFLICT))
        return reading
    if spoiled:
        reading.problems += [
            Problem(path, fm.yaml_first_line + each.line, each.message, fix=each.fix)
            for each in spoiled
        ]
    lines = {key: fm.yaml_first_line + line for key, line in key_lines.items()}
    cased: list[Problem] = []  # said only of an interview note
    if not all(key.islower() for key in data_map):  # most notes: every key in lower case
        data_map = _in_lower_case(path, data_map, lines, cased)
    kind = data_map.get("type")
    kind = curly_quoted(kind) or kind  # `type: “interview”`, warned of in `_build`
    if not (isinstance(kind, str) and kind.strip().casefold() == "interview"):
        listed = listed_type(kind)  # outside the notes folder too
        near = almost_typed(data_map, lines) if in_notes_folder or listed else None
        if near is None:
            early = ends_early(path, fm) if in_notes_folder else None
            early = early or (keys_of_a_round(path, data_map) if in_notes_folder else None)
            early = early or (None if in_notes_folder else cased_type(path, data_map, lines))
            reading.looks_like_interview = typed or early is not None
            reading.problems += [early] if early else []
            return reading
        fix = ""
        if listed:  # `check --fix` writes the one word
            near, fix = (f"{near[0]} (`check --fix` writes it)", near[1]), FIX_TYPE
        reading.findings.append(Problem(path, near[1], near[0], "warning", fix))
    reading.findings += cased
    _build(reading, path, data_map, lines, repeats, fm, settings)
    return reading


def _in_lower_case(
    path: str, values: dict[str, Any], lines: dict[str, int], findings: list[Problem]
) -> dict[str, Any]:
    """`values` with each contract key written in another case (`Company:`, as many
    Obsidian users write properties, and as Obsidian and Dataview read them) read
    as that key, with a warning, unless the key is also written in lower case. Not
    `Type:`: outside the notes folder only `type: interview` makes an interview note,
    and inside it `almost_typed` reads it."""
    cased = {
        key: key.casefold()
        for key in values
        if key not in CONTRACT_SET
        and key.casefold() in CONTRACT_SET
        and key.casefold() not in values
        and key.casefold() != "type"
    }
    chosen: dict[str, str] = {}  # key as written -> the contract key it is read as
    for key, meant in cased.items():
        if meant in chosen.values():  # `Company:` and `COMPANY:`: the first is read
            continue
        chosen[key] = meant
        lines[meant] = lines[key]
        findings.append(
            Problem(
                path,
                lines[key],
                f"{said(key)} is read as `{meant}`: interviewkit writes its keys in lower "
                "case, and `done` and `outcome` edit only those (`check --fix` renames it)",
                "warning",
                FIX_MISSPELT_KEY,
            )
        )
    return {chosen.get(key, key): value for key, value in values.items()} if chosen else values


def _with_new_body(earlier: Reading, note: Note, fm: FrontMatter, settings: Settings) -> Reading:
    """`earlier`, which gave `note`, with the sections and tasks of a new body under
    the same front matter. The problems found in the front matter are kept; those of
    the body are found again, the people's details from People met with them (see
    `people_met.people_met`). (A reading that gave no note is never reused: the few unusable
    notes are read whole again, so no body warning is lost.)"""
    headings = read_sections(fm.body, fm.body_first_line, settings.headings())
    # dashes for `---` are said by whoever reads the file's first line (see `_read`)
    problems = [p for p in earlier.problems if p.line < fm.body_first_line and p.fix != FIX_DASHES]
    findings = [  # what People met gives is found again below, wherever it was said
        f for f in earlier.findings if f.line < fm.body_first_line and f.fix != FIX_PEOPLE_FROM_MET
    ]
    findings += body_placeholder(note.path, fm)
    written = note.people_written or note.people
    cards = people_met(written, headings, note.lines, findings, note.path)
    misses: list[Task] = []
    tasks = find_tasks(fm.body, fm.body_first_line, settings.tasks_global_filter, misses)
    days = {"decision_by": note.decision_by, "follow_up_on": note.follow_up_on}
    note = replace(
        note,
        **cards,
        next_steps_days=_days_in_next_steps(
            note.next_steps, headings, note.day, days, note.unreadable
        ),
        sections=headings.found,
        near_headings=heading_near_misses(headings),
        tasks=tuple(tasks),
    )
    body_errors, body_findings = body_problems(
        note.path, fm, headings, note.tasks, misses, settings.tasks_global_filter
    )
    unwritten = met_not_written(note, headings)
    return Reading(
        note,
        earlier.looks_like_interview,
        problems + body_errors + unwritten,
        findings + body_findings,
        fm.yaml,
    )


def _daily_note_links(values: dict[str, Any], found: Found) -> dict[str, Any]:
    """`values` with each link to a daily note in a date key or `followed_up` item
    replaced by its day, each saying so: a warning (Bases and Dataview see a link
    there, not a date), or an error when the link lacks quotes."""
    changed = dict(values)
    for key in DATE_KEYS:
        if link := linked_day(values.get(key)):
            day, quoted = link
            changed[key] = day
            if quoted:
                found.warn(key, f"{key}: {_LINKED_DAY.format(link=values[key].strip(), day=day)}")
            else:
                found.error(
                    key,
                    needs_quotes(key, f'{key}: "[[{day}]]"') + f", or write {day}",
                    FIX_QUOTE_LINK,
                )
    items = values.get("followed_up")
    if link := linked_day(items):  # followed_up: [[2026-12-04]], unquoted
        changed["followed_up"] = [link[0]]
        found.error(
            "followed_up",
            needs_quotes("followed_up", f'followed_up: ["[[{link[0]}]]"]'),
            FIX_QUOTE_LINK,
        )
    elif isinstance(items, list):
        days = [linked_day(item) for item in items]
        if any(days):
            changed["followed_up"] = [
                d[0] if d else item for d, item in zip(days, items, strict=True)
            ]
            for link, item in zip(days, items, strict=True):
                if link and link[1]:
                    shown = _LINKED_DAY.format(link=item.strip(), day=link[0])
                    found.warn("followed_up", f"followed_up: {shown}")
                elif link:
                    found.error(
                        "followed_up",
                        needs_quotes("followed_up", f'- "[[{link[0]}]]"'),
                        FIX_QUOTE_LINK,
                    )
    return changed


# The keys whose value, or whose items, may be written in curly quotes by mistake.
CURLY_KEYS = ("type", *TEXT_KEYS, *DATE_KEYS)
CURLY_LISTS = ("people", "followed_up")


def _curly_quoted(values: dict[str, Any], found: Found) -> dict[str, Any]:
    """`values` with each contract value, or item of `people` and `followed_up`,
    written wholly in curly quotes (as iOS and macOS type `"`) read as the text
    inside them, each with a warning naming the fix."""
    changed = dict(values)

    def warn(key: str, written: str, inner: str) -> None:
        found.warn(
            key,
            f"{key}: {written} is in curly quotes, which YAML keeps as part of the text: "
            f"read as {inner!r}; write straight quotes or none (`check --fix` does)",
            FIX_CURLY_QUOTES,
        )

    for key in CURLY_KEYS:
        if (inner := curly_quoted(values.get(key))) is not None:
            changed[key] = inner
            warn(key, values[key], inner)
    for key in CURLY_LISTS:
        items = values.get(key)
        if isinstance(items, list):
            inside = [curly_quoted(item) for item in items]
            if any(inner is not None for inner in inside):
                changed[key] = [
                    item if inner is None else inner
                    for item, inner in zip(items, inside, strict=True)
                ]
                first = next(index for index, inner in enumerate(inside) if inner is not None)
                warn(key, items[first], inside[first])
        elif (inner := curly_quoted(items)) is not None:
            changed[key] = inner
            warn(key, items, inner)
    return changed


_LINKED_DAY = (
    "{link!r} links to a daily note: read as {day}, but Obsidian's Bases and "
    "Dataview see a link there, not a date (write {day} for them)"
)


_WEB_URL = re.compile(r"https?://[^\s<>\"]+", re.I)


def _synonym_matters(values: dict[str, Any], key: str, meant: str) -> bool:
    """Whether a synonym (`status` for `outcome`) is worth a warning: always, except
    one for a key that is not empty (see `contract.WHILE_EMPTY`), and a `status` that
    is no outcome, or the one `outcome` holds (`status: active` is the user's own)."""
    if meant in WHILE_EMPTY:
        return values.get(meant) in (None, "")
    if meant == "outcome":
        word = outcome_word(as_written(values[key]))
        return word in OUTCOMES and word != outcome_word(as_written(values.get("outcome") or ""))
    return True


_NAMED_DAY = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def _year_apart(path: str, day: date) -> date | None:
    """The day a note's file name holds (`2026-11-27 Acme onsite.md`) when it is `day`
    a year later or earlier: the start's year mistyped, as in early January."""
    match = _NAMED_DAY.search(path, path.rfind("/") + 1)
    if match is None:
        return None
    year, month, dom = map(int, match.groups())
    if (month, dom) != (day.month, day.day) or abs(year - day.year) != 1:
        return None
    try:
        return date(year, month, dom)
    except ValueError:  # 29 February of a year that has none
        return None


def _misspelt(values: dict[str, Any], key: str) -> str | None:
    """The key written for `key` in a spelling not read (`Company:`), if any: its own
    error says the note lacks `key` (see `_key_problems`)."""
    return next((k for k in values if k != key and misspelt_key(k) == key), None)


def _start_missing(
    values: dict[str, Any], zone: ZoneInfo, order: str, fixed: bool = False
) -> tuple[str, str]:
    """Why a note has no start, and the key whose line to name: when the day sits
    under another key (`date:`, `when:`), with a `time:` beside it, that key and the
    `start` line they make, and whether `check --fix` writes it (`fixed`)."""
    written = {key.casefold(): key for key, value in values.items() if value not in (None, "")}
    folded = next((k for k in written if SYNONYMS.get(k) == "start"), None)
    if folded is None:
        import difflib

        typo = difflib.get_close_matches("start", [k for k in written if k != "start"], 1, 0.75)
        if typo:  # `strat:`, a typo too far from `start` to be renamed without asking
            key = written[typo[0]]
            return key, f"start is missing; if `{key}:` is the start, rename it `start:`"
        return "start", "start is missing (add `start: 2026-11-27T14:00`)"
    key, time_key = written[folded], time_key_of(values)
    day = as_written(values[key]).strip()
    clock = as_written(values[time_key]).strip() if time_key else ""
    shown = f"`{key}: {day}` and `{time_key}: {clock}` are" if clock else f"`{key}: {day}` is"
    place = "their place" if clock else "its place"
    try:
        moment, has_time = start_under(key, time_key, values, zone, order)
    except ValueError:
        return key, f"start is missing; {shown} not read (write `start: 2026-11-27T14:00`)"
    iso = wall_text(moment)
    start = (
        f"`start: {iso}`" if has_time else f"`start: {iso[:10]}T14:00` (with the interview's time)"
    )
    if fixed:
        place += " (`check --fix` does)" if has_time else " (`check --fix` renames the key)"
    return key, f"start is missing; {shown} not read: write {start} in {place}"


def _build(
    reading: Reading,
    path: str,
    values: dict[str, Any],
    lines: dict[str, int],
    repeats: list[tuple[str, int, int]],
    fm: FrontMatter,
    settings: Settings,
) -> None:
    """Turn the front matter's values into the note (when it is usable), with the
    problems found on the way; `repeats` as `yamlscan.load_mapping_and_repeats` gives."""
    order = settings.date_order
    found = Found(reading, path, lines)
    _key_problems(found, values, repeats, fm, settings)
    if "[[" in fm.yaml:  # links are rare in date keys: most notes skip the search
        values = _daily_note_links(values, found)
    if has_curly_quotes(fm.yaml):
        values = _curly_quoted(values, found)
    texts = _texts(found, values)
    usable = bool(texts["company"])
    if not usable and "company" not in found.unreadable and not _misspelt(values, "company"):
        named = next((k for k in values if SYNONYMS.get(k.casefold()) == "company"), None)
        fixed = " (`check --fix` does)" if "company" in (found.renames or {}) else ""
        found.error(
            named or "company",
            f"company is missing; if `{named}:` is the company, rename it `company:`{fixed}"
            if named
            else "company is missing (add `company: Name`)",
        )
    values, start, end = _times(found, values, settings)
    day = start.date() if start is not None else None
    days = _days(found, values, order, day)
    thank_you_sent, thank_you_marked = _thank_you(found, values, order, day)
    followed, followed_unreadable = _follow_ups(found, values.get("followed_up"), order, day)
    people = read_people(values.get("people"), fm, found)
    outcome = _outcome(found, texts["outcome"])
    if days["offer_deadline"] and outcome == "pending" and "outcome" not in found.unreadable:
        found.problem(  # `tcome: offer`, or the outcome not written yet: no decide without it
            found.lines.get("offer_deadline", 1),
            f"offer_deadline: {days['offer_deadline']} is set, but the outcome is pending: "
            "if they made you an offer, write `outcome: offer`, and `due` reminds you to decide",
            "warning",
        )
    elif outcome == "offer" and not values.get("offer_deadline"):
        found.warn(  # `r_deadline:`, or not asked yet: no decide without it
            "outcome",
            "outcome: offer, but no offer_deadline: write the day you must answer by (ask "
            "them, if they did not say), and `due` reminds you to decide",
        )
    if texts["link"] and not _WEB_URL.fullmatch(texts["link"]):
        found.warn(
            "link", f"link: {said(texts['link'])} is not an http(s) URL (write it like https://…)"
        )
        texts["link"] = ""
    sequence = _invite_sequence(found, values.get("invite_sequence"))
    ratings = _ratings(found, values)
    _front_matter_findings(found, values, texts, fm)
    if not usable or start is None or end is None:
        return
    headings = read_sections(fm.body, fm.body_first_line, settings.headings())
    cards = people_met(tuple(people), headings, found.lines, reading.findings, path)
    misses: list[Task] = []
    tasks = tuple(find_tasks(fm.body, fm.body_first_line, settings.tasks_global_filter, misses))
    body_errors, body_findings = body_problems(
        path, fm, headings, tasks, misses, settings.tasks_global_filter
    )
    reading.problems.extend(body_errors)
    reading.findings += body_findings
    reading.note = Note(
        path=path,
        id=texts["id"] or derive_id(texts["company"], start.date(), texts["round"]),
        id_written=bool(texts["id"]),
        company=texts["company"],
        role=texts["role"],
        round=texts["round"],
        start=start,
        end=end,
        next_steps=texts["next_steps"],
        decision_by=days["decision_by"],
        follow_up_on=days["follow_up_on"],
        thank_you_sent=thank_you_sent,
        followed_up=tuple(sorted(followed)),
        outcome=outcome,
        outcome_on=days["outcome_on"],
        lines=found.lines,
        sections=headings.found,
        near_headings=heading_near_misses(headings),
        tasks=tasks,
        thank_you_marked=thank_you_marked,
        followed_up_unreadable=followed_unreadable,
        unreadable=found.unreadable,
        ratings=ratings,
        location=texts["location"],
        link=texts["link"],
        invite_uid=texts["invite_uid"],
        invite_sequence=sequence,
        offer_deadline=days["offer_deadline"],
        next_steps_days=_days_in_next_steps(
            texts["next_steps"], headings, start.date(), days, found.unreadable
        ),
        **cards,
    )
    reading.problems += met_not_written(reading.note, headings)


def _days_in_next_steps(
    next_steps: str,
    headings: Headings,
    interview: date,
    days: dict[str, date | None],
    unreadable: dict[str, str],
) -> tuple[date, ...]:
    """With neither `decision_by` nor `follow_up_on` written, the days named in the
    next steps (the `next_steps` key, and the section of that name), from the
    interview's day on: they said when they would decide, or when to follow up, and it
    went into the words rather than the key that counts."""
    if days.get("decision_by") or days.get("follow_up_on"):
        return ()
    if "decision_by" in unreadable or "follow_up_on" in unreadable:
        return ()  # each has its own word on why the follow-up falls where it does
    text = next_steps
    section = headings.found.get("next_steps")
    if section is not None and not section.empty:
        words = section.text
        if "<!--" in words or "%%" in words:
            words = blank_comments(words)
        text = f"{text}\n{words}"
    return days_named(text, interview) if text else ()


def _key_problems(
    found: Found,
    values: dict[str, Any],
    repeats: list[tuple[str, int, int]],
    fm: FrontMatter,
    settings: Settings,
) -> None:
    """Keys written twice, synonyms of contract keys (with what `check --fix` would
    write in their place, kept in `found.renames`), and misspelt contract keys."""
    for key, first, again in repeats:
        found.problem(
            fm.yaml_first_line + again,
            f"{key} is written twice (first on line {fm.yaml_first_line + first}); keep one",
        )
    lines = found.lines

    def needed(known: str) -> bool:  # a key no note is read without, and none holds
        return known in ("company", "start") and values.get(known) in (None, "")

    for key in sorted(values.keys() - CONTRACT_SET, key=lambda k: lines.get(k, 0)):
        meant = SYNONYMS.get(key.casefold())
        if meant and _synonym_matters(values, key, meant):
            if found.renames is None:
                found.renames = renames(values, settings.zone, settings.date_order)
            rename = found.renames.get(meant)
            shown = f"did you mean `{meant}`? interviewkit does not read `{key}`"
            if rename is not None and rename.key == key:
                found.problem(lines[key], f"{shown} ({rename.offer})", "warning", FIX_SYNONYM_KEY)
            else:
                found.problem(lines[key], shown, "warning")
        elif ":" in key and (run := key.split(":", 1)[0].strip()) in CONTRACT_SET:
            found.problem(  # `outcome:feroffer_deadline: 2026-12-01`: two keys run together
                lines[key],
                f"{said(key)} is read as one key, as no space follows the colon after {run}: "
                f"write `{run}: ` with a space, one key to a line; nothing in it is read",
            )
        elif run := _run_together(key):
            found.problem(  # `outcomeoffer_deadline: 2026-12-01`: a line break deleted
                lines[key],
                f"{said(key)} looks like a line cut short and {run} run together: write "
                f"`{run}:` on a line of its own, and what was before it above; its value is "
                "not read",
            )
        elif not meant and (known := misspelt_key(key)) and known != "type":  # see almost_typed
            found.problem(
                lines[key],
                f"unknown key {said(key)}: did you mean {known}? its value is not read"
                + (f", and without a {known} the note is left out" if needed(known) else "")
                + " (`check --fix` renames it)",
                fix=FIX_MISSPELT_KEY,
            )


def _run_together(key: str) -> str | None:
    """The contract key that `key` ends with, when what comes before it begins like
    another one (`outcomeffoffer_deadline`): two lines run together, the break and
    some letters deleted. A key of one's own that ends so (`final_outcome`) does not
    begin like a contract key."""
    for known in CONTRACT_SET:
        if len(known) >= 6 and key.endswith(known) and len(key) > len(known) + 3:
            before = key[: -len(known)]
            if any(other.startswith(before[:4]) for other in CONTRACT_SET):
                return known
    return None


def _texts(found: Found, values: dict[str, Any]) -> dict[str, str]:
    """The text keys, each read as one line of text ("" when absent or unreadable);
    a linked company note stands for its name."""
    texts: dict[str, str] = {}
    for key in TEXT_KEYS:
        value = text_value(values.get(key))
        if value is None and (link := unquoted(values.get(key))):
            found.error(key, needs_quotes(key, f'{key}: "{link}"'), FIX_QUOTE_LINK)
            value = link
        if value is None:
            found.error(key, f"{key} must be text, not a list or mapping; read as absent")
            found.unreadable[key] = as_written(values.get(key))
            value = ""
        if _LINE_BREAK.search(value):  # one line is what every listing has room for
            value = " ".join(value.split())
            found.warn(
                key, f"{key} holds a line break; read as {said(value)} (write it on one line)"
            )
        texts[key] = value
    if company_link := parse_link(texts["company"]):  # a company note, linked
        texts["company"] = company_link.shown
    return texts


def _times(
    found: Found, values: dict[str, Any], settings: Settings
) -> tuple[dict[str, Any], datetime | None, datetime | None]:
    """The values (a time slot in `start` split into `start` and `end`), and when the
    interview starts and ends: the end given, else `interview_minutes` after the
    start; None for a start that cannot be read."""
    zone, order = settings.zone, settings.date_order
    start = end = None
    has_time = True
    if slot := time_slot(values.get("start"), zone):
        shown_end = "" if values.get("end") is not None else f" and `end: {slot[1]}`"
        found.warn(
            "start",
            f"start: {said(values['start'])} is read as a time slot, from {slot[0]} to "
            f"{slot[1][11:]}; write `start: {slot[0]}`{shown_end}, as other readers take the "
            "second time for a UTC offset",
            FIX_TYPED_DATE,
        )
        values = {**values, "start": slot[0], "end": values.get("end") or slot[1]}
        found.lines = {**found.lines, "end": found.lines.get("end", found.lines.get("start", 1))}
    if values.get("start") is None:
        if not _misspelt(values, "start"):  # else its own error says so
            renamed = (found.renames or {}).get("start")
            found.error(*_start_missing(values, zone, order, renamed is not None))
    else:
        try:
            start, has_time, odd = parse_when(values["start"], zone, order)
            if odd:
                found.warn("start", f"start: {odd}", typed_fix(values["start"], order, zone))
        except ValueError as exc:
            shown = f"start: {said(values['start'])} {not_read(exc, '2026-11-27T14:00')}"
            found.error("start", shown)
    if start is not None and not has_time:
        if beside := time_beside_start(values, zone, order):  # `time: 2:30pm` below it
            clock = as_written(values[beside.merged])
            found.problem(  # it moves the thank-you: `due` shows it too
                found.lines.get("start", 1),
                f"start has no time, and `{beside.merged}: {clock}` beside it is not read: "
                f"write `start: {beside.written}` in their place (`check --fix` does); read "
                "as 09:00 until then",
                "warning",
                FIX_SYNONYM_KEY,
            )
        else:
            found.warn("start", "start has no time; read as 09:00 (write 2026-11-27T14:00)")
    if start is not None and (named := _year_apart(found.path, start.date())):
        found.problem(
            found.lines.get("start", 1),
            f"start: {start.date()} is a year from the day in the file name ({named}): if the "
            f"year is a typo, write {named}, or every reminder of this interview is a year off",
            "warning",
        )
    if start is None or values.get("end") is None:
        end_zone = zone
    else:  # an end without an offset is in the start's (see `written_zone`)
        end_zone = written_zone(values["start"], zone)
    length = end_of_length(values.get("end"), start, end_zone) if start is not None else None
    if length is not None:  # `90 min`, `1h`
        end, iso = length, wall_text(length.astimezone(end_zone))
        minutes = round((length.timestamp() - start.timestamp()) / 60)  # elapsed
        found.warn(
            "end",
            f"end: {said(values['end'])} is a length of time, not a time: read as {iso}, "
            f"{minutes} minutes after the start; write `end: {iso}`",
            FIX_TYPED_DATE,
        )
    elif values.get("end") is not None and start is not None:
        on = start.date() if end_zone is zone else start.astimezone(end_zone).date()
        if alone := end_on_start_day(values["end"], on, end_zone):
            shown = f"end: {said(as_written(values['end']))} is {alone.warning}"
            found.warn("end", shown, FIX_TYPED_DATE)
        try:
            end, _, odd = parse_when(alone.iso if alone else values["end"], end_zone, order)
            if end_zone is not zone:  # kept in the vault's zone, as every time is
                end = end.astimezone(UTC).astimezone(zone)
            if odd:
                found.warn("end", f"end: {odd}", typed_fix(values["end"], order, zone))
            if end.timestamp() <= start.timestamp():  # instants: == ignores fold
                found.error("end", f"end {values['end']} is not after start {values['start']}")
                found.unreadable["end"], end = as_written(values["end"]), None
        except ValueError as exc:
            found.error("end", f"end: {said(values['end'])} {not_read(exc, '2026-11-27T15:00')}")
            found.unreadable["end"] = as_written(values["end"])
    if start is not None and end is None:
        end = later(start, timedelta(minutes=settings.interview_minutes))
    return values, start, end


def _days(
    found: Found, values: dict[str, Any], order: str, day: date | None
) -> dict[str, date | None]:
    """The date keys, each read as a day (None when absent, unreadable or not known
    yet); one before the interview's `day` is named, as it is likely left from
    another note."""
    days: dict[str, date | None] = {}
    for key in ("decision_by", "follow_up_on", "outcome_on", "offer_deadline"):
        raw = values.get(key)
        days[key] = None
        if raw is None or raw == "":
            continue
        try:
            days[key] = parse_day(raw, order)
        except ValueError as exc:
            if as_written(raw).strip().casefold() in NOT_KNOWN:
                found.warn(
                    key,
                    f"{key}: {said(raw)} is read as a day not known yet; leave the value "
                    "empty until you know it (Obsidian's date properties hold a date or nothing)",
                )
                continue
            found.error(key, f"{key}: {said(raw)} {_why_not(exc, raw, day)}; read as absent")
            found.unreadable[key] = as_written(raw)
            continue
        if typed := day_form(raw, order):
            shown = f"{key}: {said(as_written(raw))} is {typed.warning}"
            found.warn(key, shown, fix_of(typed))
    for key in _AFTER_THE_INTERVIEW:
        if day and days[key] and days[key] < day:
            found.problem(
                found.lines.get(key, 1),
                f"{key}: {days[key]} is before this interview (on {day}): left from another "
                "note, or a typo? read as written, so what is due from it is overdue at once",
                "warning",
            )
        elif day and days[key] and (days[key] - day).days > FAR_AHEAD_DAYS:
            found.problem(
                found.lines.get(key, 1),
                f"{key}: {days[key]} is {(days[key] - day).days} days after this interview (on "
                f"{day}): if the year is a typo, write the right one, or what is due from it "
                "waits until then",
                "warning",
            )
    return days


def _why_not(exc: ValueError, raw: Any, day: date | None) -> str:
    """Why a date key's value was not read; for a day in words (`next friday`), the
    day it names counted from the interview's `day`, as the likely meaning."""
    from interviewkit.notes.day_words import day_in_words

    meant = day_in_words(raw, day) if isinstance(raw, str) and day is not None else None
    if meant is None or meant < day:  # `yesterday`: not counted from the interview
        return not_read(exc, "2026-11-27")
    return (
        f"is a relative date, which means another day as the days pass: counted from "
        f"the interview ({day:%a} {day}), it is {meant:%a} {meant}; write that, if it is "
        "the day meant"
    )


def _thank_you(
    found: Found, values: dict[str, Any], order: str, day: date | None
) -> tuple[date | None, bool]:
    """The day the thank-you was sent, and whether it is marked sent at all (see
    `values.thank_you_mark`)."""
    raw = values.get("thank_you_sent")
    sent, marked = thank_you_mark(raw, order)
    if sent and (typed := day_form(raw, order)):
        shown = f"thank_you_sent: {said(as_written(raw))} is {typed.warning}"
        found.warn("thank_you_sent", shown, fix_of(typed))
    if sent and day and sent < day:
        found.error(
            "thank_you_sent",
            f"thank_you_sent: {sent} is before this interview (on {day}): left from "
            "another note? counted as sent (write the day you sent it)",
        )
    if marked and sent is None and not SENT_WORDS.fullmatch(as_written(raw)):
        try:  # only to say why: a slash date names `date_order`, `Dec 4` the year
            parse_day(raw, order)
        except ValueError as exc:
            found.error(
                "thank_you_sent",
                f"thank_you_sent: {said(raw)} {not_read(exc, '2026-11-27')}; counted as sent",
            )
    return sent, marked


def _follow_ups(found: Found, raw: Any, order: str, day: date | None) -> tuple[list[date], int]:
    """The days of the follow-ups recorded, each once, and how many more entries
    count as follow-ups though their day is not read (or is before the interview)."""
    followed: list[date] = []
    unread = 0
    if raw is None or raw == "":
        return followed, unread
    if parts := dates_on_one_line(raw, order):
        found.warn(
            "followed_up",
            f"followed_up: {said(raw)} is read as {len(parts)} follow-ups; write "
            "them in brackets, like [2026-11-27, 2026-12-04], so Obsidian reads a list too",
            FIX_TYPED_DATE,
        )
        raw = parts
    elif not isinstance(raw, list):
        found.warn("followed_up", "followed_up should be a list (like [2026-11-27]); read as one")
        raw = [raw]
    for item in raw:
        try:
            when = parse_day(item, order)
        except ValueError as exc:
            found.error(
                "followed_up",
                f"followed_up: {said(item)} {not_read(exc, '2026-11-27')}; "
                "it still counts as a follow-up",
            )
            unread += 1
            found.unreadable.setdefault("followed_up", as_written(item))
            continue
        if typed := typed_form(item, order):
            shown = f"followed_up: {said(as_written(item))} is {item_warning(typed)}"
            found.warn("followed_up", shown, "" if typed.words else fix_of(typed))
        if day and when < day:
            found.error(
                "followed_up",
                f"followed_up: {when} is before this interview (on {day}): left from "
                "another note? it still counts as a follow-up, but the next is not "
                "counted from it",
            )
            unread += 1
            found.unreadable.setdefault("followed_up_early", as_written(item))
        elif when in followed:  # written twice: one follow-up, not two
            found.warn(
                "followed_up", f"followed_up: {when} is written twice; counted once (delete one)"
            )
        else:
            followed.append(when)
    return followed, unread


def _outcome(found: Found, written: str) -> str:
    """The outcome, pending when none is written or it is none of `OUTCOMES`."""
    word = outcome_word(written) if written else "pending"
    if word in OUTCOMES:
        if written and written != word:  # `Rejected.`, `No response`, `offer 🎉`
            found.warn(
                "outcome",
                f"outcome: {said(written)} is read as {word}; write `outcome: {word}` "
                "(`check --fix` does), as Obsidian's views (Interviews.base) and Dataview "
                "compare the word as written",
                FIX_OUTCOME_WORD,
            )
        return word
    hint = outcome_hint(word, OUTCOMES, in_note=True)
    found.error(
        "outcome",
        f"outcome: {said(written)} is not one of {', '.join(OUTCOMES)}; read as pending{hint}",
    )
    found.unreadable["outcome"] = written
    return "pending"


def _invite_sequence(found: Found, raw: Any) -> int:
    """The SEQUENCE of the invitation the note came from; 0 when there is none."""
    sequence = as_written(raw).strip() if raw is not None else ""
    if sequence and not sequence.isdigit():
        found.error(
            "invite_sequence", f"invite_sequence: {said(sequence)} is not a whole number; read as 0"
        )
    return int(sequence) if sequence.isdigit() else 0


def _ratings(found: Found, values: dict[str, Any]) -> dict[str, int]:
    """The ratings given, each a whole number from 1 to 5."""
    ratings: dict[str, int] = {}
    for key in RATINGS:
        raw = values.get(key)
        if raw is None or raw == "":
            continue
        shown = as_written(raw)
        if shown.strip().isdigit() and 1 <= int(shown) <= 5:
            ratings[key] = int(shown)
        else:
            found.error(key, f"{key}: {said(shown)} is not a whole number from 1 to 5; left out")
    return ratings


def _front_matter_findings(
    found: Found, values: dict[str, Any], texts: dict[str, str], fm: FrontMatter
) -> None:
    """What `check` says of the note as a whole: no id, template placeholders left
    unfilled, and tags Obsidian would not read."""
    if not texts["id"]:
        found.warn(
            "type", "no id; one is derived from company, day and round (add `id:` to pin it)"
        )
    if "{{" in fm.yaml or "<%" in fm.yaml:
        found.reading.findings += unfilled_placeholders(found.path, values, found.lines)
    found.reading.findings += body_placeholder(found.path, fm)
    if values.get("tags"):
        found.reading.findings += [
            Problem(found.path, found.lines.get("tags", 1), message, "warning")
            for message in tag_problems(values["tags"])
        ]
