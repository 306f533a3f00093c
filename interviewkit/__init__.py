"""interviewkit: plain-text interview notes for a job search."""

__version__ = "0.1.0"
