"""`python -m interviewkit`."""

from interviewkit.cli import run

run()
