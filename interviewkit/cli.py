"""The command line: parses options, calls `usecases` and the core, prints the result.

Errors from the core are mapped to their messages and exit codes in one place
(`ErrorMappingGroup`).
"""

from __future__ import annotations

import errno
import functools
import gc
import os
import shlex
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import click

from interviewkit import __version__, vocabulary
from interviewkit.config import (
    CONFIG_NAME,
    STATE_DIR,
    Settings,
    detect_timezone,
    load_settings,
    require_timezone,
    zone_holidays,
)
from interviewkit.errors import InterviewkitError, Problem, command_of, interrupted
from interviewkit.usecases import Workspace

if TYPE_CHECKING:
    from interviewkit.vault.reader import Scan
    from interviewkit.write.scaffold import NewInterview


class Day(click.DateTime):
    """A day given as YYYY-MM-DD, within the years interviewkit works with, or in
    words: `yesterday`, `last friday`, `in 3 days` (see `notes.day_words`), kept
    as a function of today, which `day_of` gives in the vault's zone."""

    name = "YYYY-MM-DD"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        """`DAY` in --help, not the strptime format click shows by default."""
        return "DAY"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from interviewkit.notes.dates import OutOfRange, in_range
        from interviewkit.notes.day_words import day_in_words

        if isinstance(value, str) and day_in_words(value, date.today()) is not None:
            return functools.partial(day_in_words, value)
        try:
            converted = super().convert(value, param, ctx)
        except click.BadParameter:
            self.fail(
                f"{value!r} is not a day: use YYYY-MM-DD, or words such as yesterday, "
                "today, last friday or in 3 days",
                param,
                ctx,
            )
        try:
            in_range(converted.date())
        except OutOfRange as exc:
            self.fail(f"{value}: {exc}", param, ctx)
        return converted


DAY = Day(formats=["%Y-%m-%d"])


class Choice(click.Choice):
    """click's Choice, taking a choice in any case and without its hyphen (`thankyou`,
    `Follow up`, as `done` takes a kind), whose refusal also names the closest choice
    (`--format jsn`)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from interviewkit.names import choice_meant, did_you_mean

        value = choice_meant(value, self.choices)
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as exc:
            hint = did_you_mean(str(value), [str(choice) for choice in self.choices])
            if hint:
                exc.message = f"{exc.message.rstrip('.')}{hint}"
            raise


class LetterKind(Choice):
    """The kind of letter `draft` writes; a refusal that names no close kind shows
    the order of the arguments, as `draft acme` is the likely slip."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as exc:
            if "did you mean" not in exc.message:
                exc.message = (
                    f"{exc.message.rstrip('.')}; the kind comes first, then the note: "
                    f"interviewkit draft {self.choices[0]} {value}"
                )
            raise


class Outcome(click.Choice):
    """An outcome, read as the notes read it: case, spaces and punctuation aside
    (`Rejected`, `"no response"`, `no-response`)."""

    def __init__(self) -> None:
        super().__init__(vocabulary.OUTCOMES)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from interviewkit.names import outcome_hint, outcome_word

        word = outcome_word(str(value))
        if word in self.choices:
            return word
        self.fail(
            f"{value!r} is not an outcome{outcome_hint(word, self.choices)} (the outcomes: "
            f"{', '.join(self.choices)})",
            param,
            ctx,
        )


class ErrorMappingGroup(click.Group):
    """Maps every core error to its message and exit code, in one place."""

    def make_context(self, info_name: str | None, args: list[str], **extra: Any) -> click.Context:
        from interviewkit.entry import is_stop

        try:
            return super().make_context(info_name, args, **extra)
        except (KeyboardInterrupt, Exception) as exc:  # while the command line is read
            if not is_stop(exc):
                raise
            raise click.exceptions.Exit(_stopped()) from None

    def invoke(self, ctx: click.Context) -> Any:
        from interviewkit.entry import is_stop, stop_requested

        try:
            if stop_requested():  # a Ctrl-C that landed where it could not be raised
                raise KeyboardInterrupt
            return super().invoke(ctx)
        except click.NoSuchOption as exc:
            raise _named_otherwise(exc) from None
        except InterviewkitError as exc:
            say(f"interviewkit: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            say(f"interviewkit: {where}{exc.strerror or exc}", err=True)
            ctx.exit(1)
        except (KeyboardInterrupt, Exception) as exc:  # a stop, however it surfaced
            if not is_stop(exc):
                raise
            ctx.exit(_stopped(ctx.invoked_subcommand))


class CompanyByOption(click.Command):
    """A command that takes the company as --company: words given bare (`due acme`,
    as `brief acme` takes them) are a usage error that shows the option to write."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.context_settings.setdefault("allow_extra_args", True)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        rest = super().parse_args(ctx, args)
        if ctx.args and not ctx.resilient_parsing:  # not while completing a word
            words = " ".join(ctx.args)
            ctx.fail(
                f"Got unexpected extra argument{'s' if len(ctx.args) > 1 else ''} ({words}): "
                f"to name a company, write --company {shlex.quote(words)}"
            )
        return rest


def _named_otherwise(exc: click.NoSuchOption) -> click.UsageError:
    """The error for an option the command takes under another name: `done` and
    `outcome` take the day as --on, where the reports take --today."""
    command = exc.ctx.command if exc.ctx is not None else None
    if exc.option_name != "--today" or command is None:
        return exc
    on = next((p for p in command.params if "--on" in getattr(p, "opts", ())), None)
    if on is None:
        return exc
    help_text = (getattr(on, "help", "") or "").partition(":")[0].rstrip(".")
    return click.UsageError(
        f"No such option '--today': give the day with --on DAY ({help_text.lower()}).",
        exc.ctx,
    )


def _stopped(command: str | None = None) -> int:
    """Say how a Ctrl-C or SIGTERM ended `command` (see `errors.interrupted`) and give
    the exit code; before click has named the command, the words typed do."""
    stop = interrupted(command or command_of(sys.argv[1:]))
    say(stop.message, err=True)
    return stop.exit_code


def say(text: str, err: bool = False) -> None:
    """Print a message line, with any control character in it shown escaped: messages
    quote notes and file names, which must not drive the terminal."""
    from interviewkit.render.safe import printable

    click.echo(printable(text), err=err)


def report(problems: list[Problem]) -> None:
    """Name each problem on stderr, one line each."""
    for problem in problems:
        say(str(problem), err=True)


def scanned(vault: Workspace, with_text: bool = False, people: bool = False) -> list[Any]:
    """Every interview note; the broken ones are named on stderr, and with `people`,
    what `check` says of how their `people` entries read (see `report_people`)."""
    scan = vault.scan(with_text=with_text)
    report(scan.problems)
    if people:
        report_people(scan, {note.path for note in scan.notes})
    return scan.notes


def report_people(scan: Scan, paths: set[str]) -> None:
    """Name on stderr what `check` alone says of how the `people` entries of the notes
    at `paths` read (a name read as a title, two people in one entry), for commands
    that put those names to use: letters and contacts."""
    report([f for f in scan.findings if f.path in paths and f.message.startswith("people")])


def scanned_about(
    vault: Workspace, find: Callable[[list[Any]], tuple[Any, str]], with_text: bool = False
) -> tuple[Scan, Any]:
    """The vault's scan, and what `find` makes of its notes: (what the command is
    about, the folded name of its company). A command about one company names on
    stderr only that company's broken notes, unusable ones that name it included;
    `due` and `check` name them all. When `find` fails, every broken note is named,
    as one of them may be why."""
    scan = vault.scan(with_text=with_text)
    try:
        found, key = find(scan.notes)
    except InterviewkitError:
        report(scan.problems)
        raise
    theirs = vault.reader.paths_of(key)
    report([problem for problem in scan.problems if problem.path in theirs])
    return scan, found


def scanned_of(
    vault: Workspace, company: str | None, with_text: bool = False, people: bool = False
) -> list[Any]:
    """The notes of the company `company` means, every note for None; the broken ones
    among them are named on stderr (see `scanned_about`), and with `people`, what
    `check` says of how their `people` entries read (see `report_people`)."""
    if company is None:
        return scanned(vault, with_text, people)
    from interviewkit.usecases import company_notes, match_company

    def find(notes: list[Any]) -> tuple[list[Any], str]:
        return company_notes(vault, notes, company), match_company(company, vault.companies())

    scan, notes = scanned_about(vault, find, with_text)
    if people:
        report_people(scan, {note.path for note in notes})
    return notes


def day_of(value: datetime | Callable[[date], date] | None, vault: Workspace) -> date | None:
    """The day of a `DAY` option's value; words count from today in the vault's zone."""
    if callable(value):
        return value(vault.today(None))
    return value.date() if value else None


def say_words_read(option: str, value: datetime | Callable[[date], date] | None, day: date) -> None:
    """For a day that is written into a note, given in words (`--deadline 'next
    friday'`), the day they were read as, its weekday with it: `next friday` is this
    week's Friday to some and next week's to others."""
    if isinstance(value, functools.partial):
        say(f"note: {option} {value.args[0]!r} is read as {day:%A} {day.isoformat()}", err=True)


def _no_cache(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        ctx.find_object(Workspace).use_cache = False


def reads_vault(command: Any) -> Any:
    """Add --no-cache to a command that reads the vault."""
    return click.option(
        "--no-cache",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=_no_cache,
        help="Read every note from disk; neither use nor update .interviewkit/cache.",
    )(command)


def colour_enabled() -> bool | None:
    """False when NO_COLOR is set; otherwise let click decide from the terminal."""
    return False if os.environ.get("NO_COLOR") else None


def table_width(to_file: bool) -> int | None:
    """The width a table is wrapped to: the terminal's on a terminal, else $COLUMNS
    when it is set, else None (pipes and files get one line per part)."""
    if not to_file and sys.stdout.isatty():
        import shutil

        return shutil.get_terminal_size().columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if not to_file and columns.isdigit() and int(columns) > 0 else None


def write_output(
    text: str, output: str | None, styled: bool = False, make_folders: bool = False
) -> None:
    """Print `text`, or write it to `output` atomically.

    On a terminal, control characters are shown escaped, unless the text is
    `styled` (a renderer that adds colours has escaped its values itself). A folder
    missing above `output` is an error (a typo would hide the file), unless
    `make_folders`: a path a setting names inside the vault, such as `feed_output`.
    """
    if not output or output == "-":
        if not styled and sys.stdout.isatty():
            from interviewkit.render.safe import printable

            text = printable(text)
        click.echo(text, nl=False, color=colour_enabled())
        return
    import dataclasses

    from interviewkit.write.atomic import OUTPUT, write_file

    try:
        policy = dataclasses.replace(OUTPUT, make_folders=True) if make_folders else OUTPUT
        write_file(Path(output), text.encode("utf-8"), policy)
    except OSError as exc:
        folder = Path(output).absolute().parent
        why = f"the folder {folder} does not exist" if not folder.is_dir() else exc.strerror
        raise click.FileError(output, why) from None


def _completer(what: str) -> Callable[[click.Context, click.Parameter, str], list[Any]]:
    """A `shell_complete` callback offering `usecases.completions(what)`; it reads the
    vault the command line names and never prints, whatever goes wrong."""

    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
        from click.shell_completion import CompletionItem

        from interviewkit.usecases import completions

        try:
            space = Workspace(ctx.find_root().params.get("vault_path"))
            typed = tuple(ctx.params.get(param.name or "") or ())
            return [CompletionItem(word) for word in completions(space, what, typed, incomplete)]
        except Exception:  # completing must never break the shell's line
            return []

    return complete


complete_company = _completer("company")
complete_note = _completer("note")
complete_action = _completer("action")
complete_template = _completer("template")


@click.group(cls=ErrorMappingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="interviewkit")
@click.option(
    "--vault",
    "vault_path",
    type=click.Path(file_okay=False),
    help="Vault folder (default: $INTERVIEWKIT_VAULT, else the nearest folder with "
    ".interviewkit/, else the current folder, unless it is the home folder).",
)
@click.pass_context
def main(ctx: click.Context, vault_path: str | None) -> None:
    """Plain-text interview notes for a job search.

    One Markdown note per interview, with YAML front matter, in a folder you edit
    in any editor or in Obsidian. interviewkit says what you owe after each
    interview (thank-you letters, follow-ups, notes to write), records what you
    did by editing the note in place, and publishes follow-up dates as a calendar.
    """
    ctx.obj = Workspace(vault_path)


def run() -> None:
    """Console entry point: `main` without the cyclic garbage collector, ended
    without tearing the interpreter down.

    A run is short and builds many small objects without cycles, so the collector
    would only spend time walking them; `serve`, which runs for long, turns it back
    on. Freeing those objects one by one at exit would only cost time as well, so
    once `main` is done and the output flushed, the process exits at once (as mypy
    does). Every file interviewkit writes is closed before that.
    """
    gc.disable()
    status: Any = _main_as_run()
    if isinstance(status, str):
        print(status, file=sys.stderr)
        status = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # a reader that went away, a closed stream
        status = status or 1
    os._exit(status or 0)


def _main_as_run() -> Any:
    """`main` as click's standalone mode runs it, giving the exit status, except that
    a Ctrl-C or SIGTERM landing in click's own code around the command (before it
    is parsed, or as it starts) ends it as one landing in the command does (see
    `ErrorMappingGroup.invoke`), not with "Aborted!" or a traceback."""
    from interviewkit.entry import is_stop

    try:
        result = main(standalone_mode=False)  # a command's `ctx.exit(code)` gives code
    except SystemExit as stop:
        return stop.code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except BaseException as exc:
        if is_stop(exc):
            return _stopped()
        if isinstance(exc, click.Abort):  # end of input at a prompt
            click.echo("Aborted!", err=True)
            return 1
        if isinstance(exc, OSError) and exc.errno == errno.EPIPE:  # the reader went away
            return 1
        raise
    return result if isinstance(result, int) else 0


@main.command()
@click.argument("path", required=False, type=click.Path(file_okay=False))
@click.option(
    "--language",
    type=Choice(vocabulary.LANGUAGES),
    default=None,
    help="Language of the templates (the note, the letters) and of their section headings. "
    "de writes German ones, and keeps the English headings as alternatives; en-US writes "
    "the English ones with American dates and times (Tuesday, November 17; 2:00 PM), and "
    "reads 12/9/2026 as December 9.  [default: en, or en-US in a time zone of the United "
    "States]",
)
@click.pass_obj
def init(vault: Workspace, path: str | None, language: str | None) -> None:
    """Set up a vault: config, local-state ignore file and templates.

    Safe to run again: it creates what is missing and never overwrites a file.
    Works inside an existing Obsidian vault or git repository.
    """
    from interviewkit.write.scaffold import init_vault

    root = Path(path).resolve() if path else vault.root
    report = init_vault(root, load_settings(root), language)
    for name in report.created:
        click.echo(f"created {name}")
    for name in report.kept:
        click.echo(f"kept    {name}")
    if report.american and report.created:
        click.echo(
            "language: en-US (this machine's zone is in the United States: notes and letters "
            "write Tuesday, November 17 and 2:00 PM; `init --language en` writes 17 November "
            "and 14:00)"
        )
    first = "check the `timezone` in {}: interview times are read in it"
    if f"{STATE_DIR}/{CONFIG_NAME}" in report.created:
        zone, found = detect_timezone()
        click.echo(f"timezone: {zone} (this machine's zone, written to the config)")
        if country := zone_holidays():
            click.echo(
                f"holidays: {country} (its country's public holidays, written to the config: "
                "follow-ups worked out in business days skip them)"
            )
            first = (
                "check the `timezone` and `holidays` in {}: times are read in the one, and "
                "follow-ups skip the other"
            )
        if not found:
            say(
                "warning: this machine's time zone could not be found, so UTC was written; "
                f"set `timezone:` in {STATE_DIR}/{CONFIG_NAME} to yours (like Europe/Paris)",
                err=True,
            )
    _add_property_types(root)
    shown = shlex.quote(path) if path else "."
    config = f"{STATE_DIR}/{CONFIG_NAME}"
    say(
        "\nNext steps:\n"
        f"  1. {first.format(config)}\n"
        f"  2. set `name:` there: it signs your letters\n"
        f'  3. write the first note:  interviewkit --vault {shown} new "Acme" --round '
        '"phone screen" --at "2026-12-09 14:00"\n'
        f"  4. see what is due:       interviewkit --vault {shown} due"
    )


def _add_property_types(root: Path) -> None:
    """In an Obsidian vault (`root` or a folder above it), give the contract's
    properties their types, and say so; a types file it cannot read is left alone."""
    from interviewkit.vault.walk import obsidian_root
    from interviewkit.write.property_types import (
        CONTRACT_TYPES,
        TypesUnreadable,
        add_property_types,
    )

    vault_root = obsidian_root(root)
    obsidian = vault_root / ".obsidian"
    if not obsidian.is_dir():
        return
    try:
        added, differing = add_property_types(obsidian)
    except TypesUnreadable as exc:
        say(f"warning: {exc}; property types not added", err=True)
        return
    except OSError as exc:
        say(
            f"warning: {obsidian / 'types.json'}: {exc.strerror}; property types not added",
            err=True,
        )
        return
    if added:
        click.echo(
            f"types:  {', '.join(added)} in {obsidian / 'types.json'} "
            "(reload Obsidian if it is open, so it sees them)"
        )
    for name, kind in differing:
        say(
            f"note: {obsidian / 'types.json'} types `{name}` as {kind}, left as it is "
            f"(interviewkit reads it as {CONTRACT_TYPES[name]})",
            err=True,
        )


@main.command()
@click.argument("company", required=False, shell_complete=complete_company)
@click.option("--role", default="", help="The position applied for.")
@click.option(
    "--round", "round_name", default="", help="phone screen, technical, onsite, final, ..."
)
@click.option(
    "--at",
    "at",
    help="Start: '2026-11-27 14:00', a day alone (09:00) or as typed ('27.11.2026 14:30', "
    "'Nov 27, 2026 2pm', 'tomorrow 14:00', 'friday 14:00'); default: now. Add an offset "
    "('2026-10-25 02:30+01:00') to pick one showing of an hour the clocks repeat.",
)
@click.option("--duration", type=click.IntRange(1, 24 * 60), help="Length in minutes.")
@click.option("--person", "people", multiple=True, help="'NAME <EMAIL>' or a name; repeatable.")
@click.option("--location", default="", help="Where it takes place (an address, a room).")
@click.option("--link", default="", help="The video call's URL (https://…).")
@click.option(
    "--from-invite",
    "invite_file",
    type=click.File("rb"),
    help="Read time, people, place and link from a calendar invitation (.ics or .eml; - for "
    "stdin). Again with a rescheduled copy, it updates the note made from it.",
)
@click.option(
    "--event",
    "event_number",
    type=click.IntRange(1, 1000),
    metavar="N",
    help="With --from-invite, the invitation's Nth event, when it holds several (a panel's "
    "sessions); without it, they are listed.",
)
@click.option(
    "--template",
    shell_complete=complete_template,
    help="Template name in the templates folder (default: interview).",
)
@click.option("--edit", is_flag=True, help="Open the note in $VISUAL or $EDITOR after writing.")
@click.option(
    "--interactive/--no-interactive",
    default=True,
    help="On a terminal, ask for the role, round and start when they are not given "
    "(default); elsewhere they are left empty, with a warning.",
)
@click.pass_obj
def new(
    vault: Workspace,
    company: str | None,
    role: str,
    round_name: str,
    at: str | None,
    duration: int | None,
    people: tuple[str, ...],
    location: str,
    link: str,
    invite_file: BinaryIO | None,
    event_number: int | None,
    template: str | None,
    edit: bool,
    interactive: bool,
) -> None:
    """Write a note for one interview round and print its path.

    The file never overwrites another: the same company, day and round twice
    is an error that leaves the first note as it is. A round whose time overlaps
    another note's is written, with a warning naming that note. With
    --from-invite, COMPANY may be left out: it is taken from the organizer's
    address.
    """
    from interviewkit.write.scaffold import NewInterview, parse_at

    settings = vault.settings
    if invite_file is not None:
        given = [name for name, value in (("--at", at), ("--duration", duration),
                 ("--person", people), ("--location", location), ("--link", link)) if value]  # fmt: skip
        if given:
            raise click.UsageError(
                f"{', '.join(given)} cannot be used with --from-invite: the invitation says them"
            )
        data = invite_file.read()
        _new_from_invite(vault, data, event_number, company, role, round_name, template, edit)
        return
    if event_number is not None:
        raise click.UsageError("--event picks one event of an invitation: give --from-invite FILE")
    if not company:
        raise click.UsageError("Missing argument 'COMPANY' (or give --from-invite FILE).")
    if interactive and sys.stdin.isatty() and sys.stdout.isatty():
        role, round_name, at = _ask_what_is_missing(vault, company, role, round_name, at)
    empty = [name for name, value in (("--role", role), ("--round", round_name)) if not value]
    empty += [] if at else ["--at (the start is now)"]
    start, warning = (
        parse_at(at, settings.zone, settings.date_order, language=settings.language)
        if at
        else (datetime.now(settings.zone).replace(second=0, microsecond=0), "")
    )
    if warning:
        say(f"warning: {warning}", err=True)
    request = NewInterview(
        company=company,
        role=role,
        round=round_name,
        start=start,
        minutes=duration or settings.interview_minutes,
        people=people,
        template=template or settings.template,
        location=location,
        link=link,
    )
    from interviewkit.usecases import new_note_warnings, roles_at

    warnings = new_note_warnings(vault, request)  # before the note is there
    rel = _write_note(vault, settings, request)
    say(rel)
    if empty:
        them = "them" if len(empty) > 1 else "it"
        say(f"warning: not given: {', '.join(empty)}; fill {them} in the note", err=True)
    _warn_if_no_zone(settings)
    if not role and (known := roles_at(vault, company)):
        say(
            f"note: the role of the other rounds at {company}: {', '.join(map(repr, known))}; "
            "write the same one in this note if it is part of that application",
            err=True,
        )
    for warning in warnings:
        say(f"warning: {warning}", err=True)
    if edit:
        click.edit(filename=str(vault.root / rel))


@main.command(
    cls=CompanyByOption, short_help="What is due after each interview: overdue, today, next."
)
@reads_vault
@click.option(
    "--today",
    type=DAY,
    help="Reference day: YYYY-MM-DD, or words like next monday (default: today).",
)
@click.option("--within", type=click.IntRange(0, 36600), help="Days ahead to show (default 7).")
@click.option("--all", "show_all", is_flag=True, help="Show every open action, however far ahead.")
@click.option(
    "--company",
    shell_complete=complete_company,
    help="Only this company: its name, or a unique part of it.",
)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=Choice(vocabulary.ACTION_KINDS),
    help="Only these kinds; repeatable.",
)
@click.option(
    "--format",
    "fmt",
    type=Choice(vocabulary.DUE_FORMATS),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Write to this file. With --format markdown, ticks in the file are recorded first.",
)
@click.option(
    "--check",
    is_flag=True,
    help="Exit 1 when anything is overdue or a note has an error (for cron and hooks).",
)
@click.option(
    "--record/--no-record",
    default=True,
    help="With --format markdown -o FILE: first record, as `done` would, every action "
    "ticked in FILE (default); --no-record leaves the ticks alone.",
)
@click.pass_obj
def due(
    vault: Workspace,
    today: datetime | None,
    within: int | None,
    show_all: bool,
    company: str | None,
    kinds: tuple[str, ...],
    fmt: str,
    output: str | None,
    check: bool,
    record: bool,
) -> None:
    """Show what is due after each interview: overdue, today and upcoming.

    Problems in notes come first, as path:line: what is wrong; a bad note does not
    stop the others. With --output they are also printed on stderr.

    `due --format markdown -o Due.md` keeps a two-way list in the vault: each action
    ticked there since the last run is recorded first, as `done` would, dated with
    the done date on its line (else today); then the list is written again. When a
    recording fails, the file is left as it is, ticks included, and due exits 1.
    """
    from interviewkit.usecases import DueList, due_output

    to_file = bool(output) and output != "-"
    if to_file and fmt == "markdown" and record:
        from interviewkit.usecases import record_ticks

        recorded, failed = record_ticks(vault, Path(output), day_of(today, vault))  # type: ignore[arg-type]
        for line in recorded:
            say(line)
        if failed:
            for line in failed:
                say(line, err=True)
            say(f"due: {output} left as it is, so its ticks are kept", err=True)
            sys.exit(1)

    def render(listing: DueList) -> str:
        actions, day, problems = listing.actions, listing.day, listing.problems
        if fmt == "json":
            from interviewkit.render.jsonfmt import due_document, dumps

            return dumps(due_document(actions, day, vault.settings.timezone, problems))
        if fmt == "markdown":
            from interviewkit.render.markdown import due_markdown

            return due_markdown(actions, day, problems, vault.link_root, vault.settings.language)
        from interviewkit.render.table import due_table

        return due_table(
            actions, day, None if to_file else click.style, problems, table_width(to_file)
        )

    done = due_output(vault, render, fmt, day_of(today, vault), within, show_all, company, kinds)
    if to_file:  # the output carries the problems too; the terminal should see them
        report(done.problems)
    if to_file and fmt == "markdown":
        from interviewkit.vault.walk import links_dead_from

        if outside := links_dead_from(vault.root, Path(output)):  # type: ignore[arg-type]
            say(f"warning: {output} {outside}", err=True)
    write_output(done.text, output, styled=fmt == "table")
    lost = not (vault.root / STATE_DIR).is_dir() and not done.problems and not vault.companies()
    if lost:  # from cron or a hook in the wrong folder, "Nothing due" would hide everything
        say(
            f"warning: {vault.root} holds no interview note and no {STATE_DIR}/ folder: is it "
            "your vault? Pass --vault PATH, set INTERVIEWKIT_VAULT, or run `interviewkit init` "
            "there",
            err=True,
        )
    if check:
        from interviewkit.names import counted

        errors = sum(p.severity == "error" for p in done.problems)
        found = [f"{done.overdue} overdue"] if done.overdue else []
        found += [f"{counted(errors, 'error')} in notes"] if errors else []
        found += ["no vault found"] if lost else []
        if found:
            click.echo(f"due --check: {' and '.join(found)}", err=True)
            sys.exit(1)


def _ask_what_is_missing(
    vault: Workspace, company: str, role: str, round_name: str, at: str | None
) -> tuple[str, str, str | None]:
    """`new` on a terminal: ask for the role, round and start not given, offering the
    company's roles and the usual rounds; the start is read as `--at` reads it."""
    from interviewkit.usecases import roles_at
    from interviewkit.write.scaffold import parse_at

    settings = vault.settings
    if not role:
        known = roles_at(vault, company)
        hint = f" ({', '.join(known)})" if known else ""
        role = click.prompt(
            f"Role{hint}", default=known[-1] if known else "", show_default=bool(known)
        )
    if not round_name:
        round_name = click.prompt(
            f"Round ({', '.join(vocabulary.USUAL_ROUNDS)}, or another name)", default=""
        )
    if not at:

        def readable(text: str) -> str:
            try:
                parse_at(text, settings.zone, settings.date_order)
            except (ValueError, InterviewkitError) as exc:
                raise click.BadParameter(str(exc)) from None
            return text

        now = datetime.now(settings.zone).strftime("%Y-%m-%d %H:%M")
        at = click.prompt(
            "Start (2026-12-09 14:00, 9.12.2026 14:30, friday 14:00, ...)",
            default=now,
            value_proc=readable,
        )
    return role.strip(), round_name.strip(), at


def _new_from_invite(
    vault: Workspace,
    data: bytes,
    event_number: int | None,
    company: str | None,
    role: str,
    round_name: str,
    template: str | None,
    edit: bool,
) -> None:
    """`new --from-invite`: a note from an invitation, or an update of the note made
    from an earlier copy of it."""
    from interviewkit.usecases import invite_request, overlap_warnings, read_from_invite
    from interviewkit.write.recording import record_rescheduled

    found = read_from_invite(vault, data, event_number, company, role)
    existing = found.existing
    if found.invite.cancelled:
        if existing is None:
            say("The invitation is a cancellation, and no note was made from it: nothing to do.")
        else:
            say(f"{existing.path}: the invitation was cancelled; the note is left as it is.")
            say(f"To record it: interviewkit outcome {existing.path} withdrawn")
        return
    if existing is not None:
        changes = record_rescheduled(vault.root, existing, found.invite)
        say(existing.path)
        for line in changes or ["nothing changed: the note already matches the invitation"]:
            say(f"  {line}")
        return
    name = found.company
    if found.guessed and sys.stdin.isatty() and sys.stdout.isatty():
        name = click.prompt("Company", default=name)
    elif found.guessed:
        say(f"warning: {found.guessed}", err=True)
    for warning in found.warnings:
        say(f"warning: {warning}", err=True)
    request = invite_request(vault, found.invite, name, role, round_name, template)
    overlaps = overlap_warnings(vault, request)  # before the note is there
    rel = _write_note(vault, vault.settings, request)
    say(rel)
    _warn_if_no_zone(vault.settings)
    for warning in overlaps:
        say(f"warning: {warning}", err=True)
    if edit:
        click.edit(filename=str(vault.root / rel))


def _warn_if_no_zone(settings: Settings) -> None:
    """`new` writes times without an offset: without the `timezone` setting, they are
    read in the zone of whichever machine reads them."""
    if "timezone" in settings.computed:  # no config, or no zone in it
        say(
            f"warning: no `timezone` in {STATE_DIR}/{CONFIG_NAME}, so the note's times are "
            f"read in this machine's zone ({settings.timezone}) and move with the machine; "
            "run `interviewkit init`, or add the `timezone` setting",
            err=True,
        )


def _write_note(vault: Workspace, settings: Settings, request: NewInterview) -> str:
    """Write a new note for `request`, beside the company's latest notes, with an id
    no other note has; its vault-relative path."""
    from interviewkit.usecases import latest_folder
    from interviewkit.write.scaffold import new_note

    folder = latest_folder(vault, request.company)
    return new_note(vault.root, settings, request, vault.reader.note_ids(), folder)


@main.command()
@reads_vault
@click.argument("action", nargs=-1, required=True, shell_complete=complete_action)
@click.option(
    "--on",
    "on",
    type=DAY,
    help="Day it was done: YYYY-MM-DD, yesterday, last friday (default: today).",
)
@click.pass_obj
def done(vault: Workspace, action: tuple[str, ...], on: datetime | None) -> None:
    """Record that an action is done, editing its note in place.

    ACTION is an id as `due` shows it (acme-2026-11-27-onsite:thank-you), a note's
    id and a kind (`done acme-2026-11-27-onsite thank-you`), or a company and a
    kind (`done acme thank-you`, `done acme robotics thank you`, `done acme:reflect`)
    when that company has exactly one such action open. A task can also be named
    by the key `due` shows after its note's id (`done acme task:1a2b3c4d`).
    thank-you sets thank_you_sent, follow-up adds the day to followed_up, close
    records the outcome no_response, a task is ticked with its done date.
    Nothing else in the note changes.
    """
    from interviewkit.usecases import early_follow_up, resolve_action
    from interviewkit.write.recording import record_done

    action_id = resolve_action(vault, action)
    notes = vault.scan().notes
    day = vault.today(day_of(on, vault))
    early = early_follow_up(vault, action_id, day)
    say(record_done(vault.root, vault.settings, notes, action_id, day))
    say_words_read("--on", on, day)
    if early:
        say(f"note: {early}", err=True)
    _warn_if_still_to_come(vault, day)


def _warn_if_still_to_come(vault: Workspace, day: date) -> None:
    """`done --on` and `outcome --on` record a day still to come as asked, but say at
    once what `due` and `check` will call an error (see `rules.agenda.still_to_come`)."""
    if day > vault.today(None):
        say(
            f"warning: {day} is a day still to come; `due` and `check` will say so until "
            "then (was --on mistyped?)",
            err=True,
        )


@main.command()
@reads_vault
@click.argument("note", shell_complete=complete_note)
@click.argument("value", metavar="OUTCOME", type=Outcome())
@click.option(
    "--on",
    "on",
    type=DAY,
    help="Day you learnt it: YYYY-MM-DD, yesterday, last friday (default: today).",
)
@click.option(
    "--deadline",
    type=DAY,
    help="With offer: the day to answer it by, YYYY-MM-DD or words like in 2 weeks; written "
    "to offer_deadline, and `due` lists a decide action for that day.",
)
@click.pass_obj
def outcome(
    vault: Workspace, note: str, value: str, on: datetime | None, deadline: datetime | None
) -> None:
    """Set the outcome of an interview round.

    NOTE is an id, a path, or a company (its latest round that has started).
    OUTCOME is one of pending, offer, rejected, withdrawn, accepted, declined
    and no_response (case and spaces aside: `No response` is no_response).
    Also records the day in outcome_on, next to outcome. no_response closes an
    application that never answered (`done NOTE-ID:close` records it too).
    """
    from interviewkit.usecases import resolve_note
    from interviewkit.write.recording import record_outcome

    target = resolve_note(vault, vault.scan().notes, note)
    today = vault.today(day_of(on, vault))
    answer_by = day_of(deadline, vault)
    say(record_outcome(vault.root, target, value, today, answer_by))
    say_words_read("--on", on, today)
    if answer_by is not None:
        say_words_read("--deadline", deadline, answer_by)
    _warn_if_still_to_come(vault, today)
    if answer_by is not None and answer_by < today:
        say(
            f"warning: the deadline {answer_by} comes before the offer, on {today} (was "
            "--deadline mistyped?)",
            err=True,
        )
    if value == "offer" and deadline is None:
        say(
            "tip: give the day you must answer by with --deadline YYYY-MM-DD, and `due` "
            "will remind you to decide",
            err=True,
        )


@main.command(short_help="Lint notes: path:line: problem; exit 1 on any error.")
@reads_vault
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option(
    "--fix",
    is_flag=True,
    help="Save UTF-16 notes, and notes with bytes of Windows-1252, as UTF-8, write --- "
    "for the smart dashes (—-) around front "
    "matter, delete blank lines above it, put spaces "
    "for the tabs indenting it and for no-break or zero-width spaces YAML cannot read, "
    "quote values YAML reads only in quotes, rename misspelt contract keys, write a "
    "contract key held only under another name (date: and time:, interviewers:) under its "
    "own, write type: interview where a round lacks it, put straight quotes for curly ones "
    "around a value, write an outcome as its word (Rejected. as rejected), rewrite "
    "dates typed in other forms to ISO, quote wikilinks written without quotes and write "
    "each person given as a mapping, or several in one entry, on a line each, and fill "
    "an empty people from the names under People met, in place, then check.",
)
@click.option(
    "--today",
    type=DAY,
    help="Reference day: YYYY-MM-DD, or words (default: today): a thank-you, follow-up or outcome "
    "recorded on a later day is an error.",
)
@click.pass_obj
def check(vault: Workspace, paths: tuple[str, ...], fix: bool, today: datetime | None) -> None:
    """Lint interview notes: print path:line: problem, exit 1 on any error.

    Without PATHs, the whole vault; a PATH no command reads (in .trash/, a
    templates folder, a vault of its own) is named, not checked. Warnings (no
    id, a start without a time) do not change the exit code. Usable as a
    pre-commit hook. With --fix, a
    note saved as UTF-16, or with bytes of Windows-1252 (Notepad's ANSI), is
    saved as UTF-8, smart dashes (—-) around the front
    matter become ---, blank lines above it are deleted, tabs indenting it become spaces (when that can mean one thing
    only), and so do no-break and zero-width spaces after a key's colon, a value
    YAML reads only in
    quotes (location: Zoom: https://...) gets them, misspelt contract keys
    (thankyou_sent) are renamed, and so are synonyms (interviewers:) while
    the note lacks the key itself (a date: and a time: become one start:, a
    duration: the end: it gives), a round that lacks type: interview gets it,
    curly quotes around a value (company: “Acme”)
    become straight ones, an outcome read as its word but written otherwise
    (Rejected., No response) becomes the word, dates typed in another form (9.12.2026, Dec 9,
    2026) are rewritten as ISO (and follow-ups typed without brackets get
    them), wikilinks YAML reads as lists (company: [[Acme]]) get their quotes,
    a person written as a mapping (name:, title:, email:) becomes one `- Name,
    Title <email>` line, an entry holding several people (with addresses, or
    parted by semicolons) becomes one line each, a `people:` line of full names
    parted by commas becomes a list of them, and an empty `people` gets the names
    People met lists, in place, first.
    """
    from interviewkit.usecases import check_notes

    now = vault.now(day_of(today, vault))
    result, fixed = check_notes(vault, [Path(p) for p in paths], now, fix)
    for line in result.not_read:
        say(f"note: {line}; not checked", err=True)
    for line in fixed:
        say(line, err=True)
    for problem in result.problems:
        say(str(problem))
    from interviewkit.names import counted

    click.echo(
        f"{counted(result.notes_checked, 'note')} checked, {counted(result.errors, 'error')}, "
        f"{counted(result.warnings, 'warning')}",
        err=True,
    )
    errors = result.errors
    if errors:
        sys.exit(1)


@main.command(short_help="Write follow-up dates and deadlines as an .ics calendar.")
@reads_vault
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Write to this file (default: feed_output, else stdout).",
)
@click.option("--include", help=f"Comma-separated kinds: {', '.join(vocabulary.FEED_KINDS)}.")
@click.option(
    "--redact/--no-redact", default=None, help="Leave out names, addresses, next steps and paths."
)
@click.pass_obj
def feed(vault: Workspace, output: str | None, include: str | None, redact: bool | None) -> None:
    """Write the follow-up dates and thank-you deadlines as an iCalendar (.ics) feed.

    The feed depends only on the notes (and, in a git-tracked vault, on their
    commits): the same notes give the same bytes, so it can be committed and
    diffed. Subscribe a calendar to it (see `serve`).
    """
    from dataclasses import replace

    from interviewkit.config import parse_kinds
    from interviewkit.reports.feed import build_feed, options_from
    from interviewkit.usecases import feed_history

    settings = vault.settings
    require_timezone(settings, "feed")
    options = options_from(settings, vault.root)
    if include is not None:
        try:
            options = replace(options, kinds=parse_kinds(include))
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--include") from None
    if redact is not None:
        options = replace(options, redact=redact)
    history, warnings = feed_history(vault, settings)
    for warning in warnings:
        say(warning, err=True)
    failures: list[Problem] = []
    scan = vault.scan(with_text="interviews" in options.kinds)
    report(scan.problems)
    data = build_feed(scan.notes, settings, options, failures, history, scan.unusable)
    report(failures)
    target = output or settings.feed_output
    if not target or target == "-":
        click.echo(data, nl=False)
        return
    path = Path(target) if output else vault.root / target
    write_output(data.decode("utf-8"), str(path), make_folders=not output)


@main.command()
@reads_vault
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to bind (::1, :: for IPv6)."
)
@click.option(
    "--port",
    default=8765,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port (0: any free port).",
)
@click.option(
    "--base-path",
    default="",
    help="URL prefix to serve under, for a reverse proxy that keeps it (like /cal).",
)
@click.option(
    "--rotate-token", is_flag=True, help="Make a new secret path; the old URL stops working."
)
@click.pass_obj
def serve(vault: Workspace, host: str, port: int, base_path: str, rotate_token: bool) -> None:
    """Serve the feed over HTTP for calendar apps to subscribe to.

    The feed lives at a secret path kept in .interviewkit/serve-token (git-ignored)
    and is rebuilt when a note, the settings or a template changes; while the
    settings are invalid it answers 503. Binds to this machine only by default.
    Speaks HTTP/1.1, answers conditional requests (ETag, Last-Modified) and gzip.
    Stop with Ctrl-C.
    """
    from interviewkit.reports.serve import clean_base_path

    if not host.strip():
        raise click.BadParameter("give an address, like 127.0.0.1 or ::1", param_hint="--host")
    try:
        prefix = clean_base_path(base_path)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--base-path") from None
    _serve(vault, host.strip(), port, prefix, rotate_token)


def _serve(vault: Workspace, host: str, port: int, prefix: str, rotate_token: bool) -> None:
    from interviewkit.entry import stop_requested
    from interviewkit.reports.serve import (
        FEED_NAME,
        FeedCache,
        is_loopback,
        load_token,
        make_server,
        url_host,
    )
    from interviewkit.usecases import LiveFeed

    gc.enable()
    require_timezone(vault.settings, "serve")
    token = load_token(vault.root, rotate_token)

    def log(line: str) -> None:
        say(line, err=True)

    live = LiveFeed(vault)
    # the reader reuses what it read before: only changed notes are read again
    cache = FeedCache(live.fingerprint, lambda: live.build(log))
    try:
        server = make_server(host, port, token, cache, log, prefix, stop_requested)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    try:
        url = f"{url_host(host)}:{server.server_address[1]}{prefix}/{token}/{FEED_NAME}"
        if not is_loopback(host):
            click.echo(
                "warning: serving beyond this machine; anyone who learns the URL can read your "
                "interview schedule. Set feed_redact: true in .interviewkit/config.yaml, or "
                "keep to a private network.",
                err=True,
            )
        click.echo(f"http://{url}")
        click.echo(f"webcal://{url}")
        click.echo("Press Ctrl-C to stop.", err=True)
        server.serve_forever()  # checks stop_requested between requests
    finally:
        server.server_close()


@main.command(cls=CompanyByOption, short_help="Every question you were asked, most asked first.")
@reads_vault
@click.option(
    "--company",
    shell_complete=complete_company,
    help="Only questions asked by this company: its name, or a unique part of it.",
)
@click.option(
    "--format", "fmt", type=Choice(vocabulary.QUESTION_FORMATS), default="table",
    show_default=True, help="Output format; markdown is an Obsidian note with wikilinks.",
)  # fmt: skip
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file.")
@click.pass_obj
def questions(vault: Workspace, company: str | None, fmt: str, output: str | None) -> None:
    """The question bank: every question you were asked, most asked first.

    Reads the list items under "Questions asked" in every note; items nested
    under a question are your notes on how you answered. The same question in
    another case, spacing or punctuation, with a contraction written out
    (What's, What is) or a Q: before it, counts once. A line there that ends in
    ? but is no list item (Why us?, ### Why us?, Q: Why us?) is named on stderr.
    """
    from interviewkit.render import reports
    from interviewkit.reports.questions import question_bank, unlisted_questions

    notes = scanned_of(vault, company, with_text=True)
    heading = vault.settings.heading_questions_asked[0]
    for note in notes:
        for line, written, item in unlisted_questions(note):
            say(
                f"warning: {note.path}:{line}: under {heading}, `{written}` is not a list "
                f"item, so the bank leaves it out: write it as `{item}`",
                err=True,
            )
    bank = question_bank(notes)
    render = {
        "table": lambda bank: reports.questions_table(bank, heading),
        "markdown": lambda bank: reports.questions_markdown(bank, vault.link_root),
        "json": reports.questions_json,
    }[fmt]
    write_output(render(bank), output)


@main.command(short_help="A preparation sheet for a round, from the rounds before it.")
@reads_vault
@click.argument("target", metavar="COMPANY|NOTE", shell_complete=complete_note)
@click.option(
    "--today", type=DAY, help="Reference day: YYYY-MM-DD, or words like next monday (default: now)."
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file.")
@click.pass_obj
def brief(vault: Workspace, target: str, today: datetime | None, output: str | None) -> None:
    """A one-page preparation sheet for a round, from everything recorded before it.

    For a company, briefs its next round (else its latest): date, people, next
    steps, the "Before you leave" checklist, and the people, points, questions
    and answers to improve of the earlier rounds of the same application.
    """
    from interviewkit.reports.brief import build_brief
    from interviewkit.reports.checklist import template_checklist
    from interviewkit.rules.applications import company_key
    from interviewkit.usecases import round_to_brief

    def find(notes: list[Any]) -> tuple[Any, str]:
        note = round_to_brief(vault, notes, target, day_of(today, vault))
        return note, company_key(note)

    scan, note = scanned_about(vault, find, with_text=True)
    notes = scan.notes
    checklist = template_checklist(vault.root, vault.settings)
    brief = build_brief(note, notes, checklist, vault.link_root, vault.settings.language)
    write_output(brief, output)


@main.command(short_help="Draft a thank-you or follow-up letter for a round.")
@reads_vault
@click.argument("kind", type=LetterKind(vocabulary.LETTER_KINDS))
@click.argument("note", shell_complete=complete_note)
@click.option("--to", "to", help="One person: exact name or address, or a unique part of a name.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option(
    "--mailto", is_flag=True, help="Print one mailto: URL per person instead of the letters."
)
@click.option(
    "--today",
    type=DAY,
    help="Reference day: YYYY-MM-DD, or words (default: today): which round a company "
    "names, and whether the letter is due yet.",
)
@click.pass_obj
def draft(
    vault: Workspace,
    kind: str,
    note: str,
    to: str | None,
    output: str | None,
    mailto: bool,
    today: datetime | None,
) -> None:
    """Draft a thank-you or follow-up letter for a note: an id, a path, or a company
    (its latest round that has started).

    Uses templates/thank-you.md or templates/follow-up.md. Once the application
    has ended, a thank-you uses thank-you-rejected.md (rejected) or
    thank-you-withdrawn.md (withdrawn, declined), which do not ask for the job.
    One letter per person in `people` (or to the company's team when nobody is
    recorded). Drafting never marks anything as sent: run `done COMPANY
    thank-you` once you send it.
    """
    from interviewkit.reports.letters import (
        choose_people,
        draft_letters,
        letter_warnings,
        letters_text,
    )
    from interviewkit.rules.applications import company_key
    from interviewkit.usecases import known_people, letter_template, letter_timing, resolve_note

    day = day_of(today, vault)

    def find(notes: list[Any]) -> tuple[Any, str]:
        target = resolve_note(vault, notes, note, day)
        return target, company_key(target)

    settings = vault.settings
    scan, target = scanned_about(vault, find, with_text=True)
    notes = scan.notes
    shown, text, why = letter_template(vault, notes, target, kind)
    if why:
        say(f"note: {why}", err=True)
    if timing := letter_timing(vault, notes, target, kind, day):
        say(f"note: {timing}", err=True)
    report_people(scan, {target.path})
    people = choose_people(target, to, known_people(vault, notes, target))
    letters = draft_letters(target, text, shown, people, settings.name, settings.language)
    for warning in letter_warnings(target, kind, text, letters, settings, mailto):
        say(f"warning: {warning}", err=True)
    if mailto:
        write_output("".join(letter.mailto() + "\n" for letter in letters), output)
    else:
        write_output(letters_text(letters), output)


@main.command(short_help="Where every application stands, and what is next.")
@reads_vault
@click.option(
    "--format", "fmt", type=Choice(vocabulary.STATUS_FORMATS), default="table",
    show_default=True, help="Output format; markdown adds a Mermaid funnel.",
)  # fmt: skip
@click.option(
    "--today",
    type=DAY,
    help="Reference day: YYYY-MM-DD, or words like next monday (default: today).",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file.")
@click.pass_obj
def status(vault: Workspace, fmt: str, today: datetime | None, output: str | None) -> None:
    """Where every application stands: rounds, outcome, last contact, what is next.

    One row per company and role, with totals below: offers, rejections, the
    share with any response, and the median days from the latest round to the
    response (outcome_on, else the day git last changed the outcome line).
    """
    from interviewkit.render import reports
    from interviewkit.reports.status import application_rows, totals
    from interviewkit.usecases import answer_days

    settings = vault.settings
    day = vault.today(day_of(today, vault))
    now = vault.now(day_of(today, vault))
    scan = vault.scan(now=now)
    rows, apps = application_rows(scan.notes, settings, now, day, scan.problems)
    if fmt == "csv" or (output and output != "-"):  # where the output cannot show them
        report(scan.problems)
    figures = totals(apps, now, answer_days(vault))
    if fmt == "json":
        text = reports.status_json(rows, figures, day, scan.problems)
    elif fmt == "csv":
        text = reports.status_csv(rows)
    elif fmt == "markdown":
        text = reports.status_markdown(rows, figures, day, scan.problems, vault.link_root)
    else:
        text = reports.status_table(rows, figures, scan.problems)
    write_output(text, output)


@main.command(short_help="One row per interview, for a spreadsheet or an agency.")
@reads_vault
@click.option(
    "--format",
    "fmt",
    type=Choice(vocabulary.EXPORT_FORMATS),
    default="csv",
    show_default=True,
)
@click.option(
    "--since",
    type=DAY,
    help="Only interviews on or after this day: YYYY-MM-DD, or words like last monday.",
)
@click.option("--excel", is_flag=True, help="Start the CSV with a BOM so Excel reads UTF-8.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file.")
@click.pass_obj
def export(
    vault: Workspace, fmt: str, since: datetime | None, excel: bool, output: str | None
) -> None:
    """One row per interview (scheduled ones too), for a spreadsheet or an agency.

    Cells that a spreadsheet would run as a formula (starting with = + - @) get
    a leading ' on purpose.
    """
    from interviewkit.render.csvfmt import to_csv
    from interviewkit.render.jsonfmt import dumps
    from interviewkit.reports.export import COLUMNS, export_rows

    if excel and fmt != "csv":
        raise click.UsageError("--excel only applies to --format csv")
    rows = export_rows(scanned(vault), day_of(since, vault))
    text = dumps({"interviews": rows}) if fmt == "json" else to_csv(COLUMNS, rows, excel)
    write_output(text, output)


@main.command(short_help="Applications side by side, to weigh offers.")
@reads_vault
@click.argument("companies", nargs=-1, metavar="[COMPANY]...", shell_complete=complete_company)
@click.option(
    "--format", "fmt", type=Choice(vocabulary.COMPARE_FORMATS), default="table",
    show_default=True, help="markdown writes an Obsidian note with one table.",
)  # fmt: skip
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file.")
@click.pass_obj
def compare(vault: Workspace, companies: tuple[str, ...], fmt: str, output: str | None) -> None:
    """Put applications side by side: rounds, people met, next steps, your "Fit"
    notes, your ratings and the date to decide by.

    Without COMPANY, compares every application that reached an offer (offered,
    accepted or declined). Ratings are the note keys fit_industry, fit_culture,
    fit_growth, fit_learning, fit_people and enthusiasm, 1 to 5; the latest round
    with a value counts.
    """
    from interviewkit.render.reports import compare_markdown, compare_table
    from interviewkit.reports.compare import column
    from interviewkit.usecases import applications_to_compare

    apps = applications_to_compare(vault, scanned(vault, with_text=True), companies)
    if not apps:
        say("No offers to compare yet (an application counts once its outcome is offer).")
        return
    columns = [column(app) for app in apps]
    write_output(compare_markdown(columns) if fmt == "markdown" else compare_table(columns), output)


@main.command(cls=CompanyByOption, short_help="Everyone you met, once each, as address-book cards.")
@reads_vault
@click.option(
    "--company",
    shell_complete=complete_company,
    help="Only the people of this company (any unique part of its name).",
)
@click.option(
    "--format", "fmt", type=Choice(vocabulary.CONTACT_FORMATS), default="vcard",
    show_default=True, help="vcard for address books; csv or json for anything else.",
)  # fmt: skip
@click.option(
    "--vcard-version", type=Choice(("4.0", "3.0")), default="4.0", show_default=True,
    help="3.0 for older phones and address books.",
)  # fmt: skip
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file.")
@click.pass_obj
def contacts(
    vault: Workspace, company: str | None, fmt: str, vcard_version: str, output: str | None
) -> None:
    """Everyone you met, once each, as contacts: name, title, company, address,
    phone, LinkedIn and when you met.

    Gathers each person across rounds, from the cards copied under "People
    met" (someone with a card there and not in `people` too), and from the
    person notes that `[[links]]` in `people` name. Importing the vCards again
    updates the same contacts.
    """
    from interviewkit.render.csvfmt import to_csv
    from interviewkit.render.jsonfmt import dumps
    from interviewkit.reports.contacts import COLUMNS, contact_rows, vcards
    from interviewkit.usecases import contacts_of

    found = contacts_of(vault, scanned_of(vault, company, people=True))
    if fmt == "vcard":
        text = vcards(found, vcard_version)
    elif fmt == "json":
        text = dumps({"contacts": contact_rows(found)})
    else:
        text = to_csv(COLUMNS, contact_rows(found), phones={"phone"})
    write_output(text, output)
