"""`python -m interviewkit`."""

from interviewkit.entry import run

run()
