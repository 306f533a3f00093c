"""Renderers: actions and reports turned into table, JSON, Markdown and CSV text."""
