"""The console entry point. It imports nothing before it can answer a Ctrl-C, so
one pressed while the rest of interviewkit loads ends it as one pressed later
would (see `errors.interrupted`), not with a traceback."""

from __future__ import annotations

import signal
import sys


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run() -> None:
    """Load the command line, then run it (`cli.run`). A SIGTERM (what a service
    manager sends) ends a command as a Ctrl-C does: `serve` stops cleanly, and an
    edit in progress leaves no temporary file behind."""
    try:
        signal.signal(signal.SIGTERM, _stop)
        from interviewkit.cli import run as run_command_line
    except KeyboardInterrupt:
        from interviewkit.errors import command_of, interrupted

        stop = interrupted(command_of(sys.argv[1:]))
        print(stop.message, file=sys.stderr)
        raise SystemExit(stop.exit_code) from None
    run_command_line()
