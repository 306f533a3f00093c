"""`python -m interviewkit`."""

from .cli import run

run()
