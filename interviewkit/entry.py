"""The console entry point. It imports nothing before it can answer a Ctrl-C, so
one pressed while the rest of interviewkit loads ends it as one pressed later
would (see `errors.interrupted`), not with a traceback."""

from __future__ import annotations

import signal
import sys

# Set by the first Ctrl-C or SIGTERM, whatever becomes of the KeyboardInterrupt it
# raises: a library that swallows it while it loads cannot leave `serve` running.
_stopping: list[int] = []


def _stop(signum: int, frame: object) -> None:
    _stopping.append(signum)
    raise KeyboardInterrupt


def _quiet_about_stops(unraisable) -> None:
    """Where Python cannot raise (a finalizer, an import's weak reference callback),
    a Ctrl-C is remembered in `_stopping` rather than printed with a traceback."""
    if not isinstance(unraisable.exc_value, KeyboardInterrupt):
        sys.__unraisablehook__(unraisable)


def stop_requested() -> bool:
    """True once a Ctrl-C or SIGTERM arrived in this process."""
    return bool(_stopping)


def is_stop(exc: BaseException) -> bool:
    """True when `exc` is how a Ctrl-C or SIGTERM surfaced: a KeyboardInterrupt, or any
    exception once one arrived. CPython can turn the KeyboardInterrupt raised inside
    an import into another exception: one that lands while a failed `from m import
    name` builds its message becomes "TypeError: expected a message argument"."""
    return isinstance(exc, KeyboardInterrupt) or bool(_stopping)


def run() -> None:
    """Load the command line, then run it (`cli.run`). A SIGTERM (what a service
    manager sends) ends a command as a Ctrl-C does: `serve` stops cleanly, and an
    edit in progress leaves no temporary file behind."""
    try:
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            signal.signal(signal.SIGINT, _stop)  # not when the shell has it ignored
        signal.signal(signal.SIGTERM, _stop)
        sys.unraisablehook = _quiet_about_stops
        from interviewkit.cli import run as run_command_line

        run_command_line()  # ends the process; a stop before it takes over lands below
    except BaseException as exc:
        if not is_stop(exc):
            raise
        from interviewkit.errors import command_of, interrupted

        stop = interrupted(command_of(sys.argv[1:]))
        print(stop.message, file=sys.stderr)
        raise SystemExit(stop.exit_code) from None
