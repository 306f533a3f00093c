"""`python -m interviewkit`."""

from .cli import main

main()
