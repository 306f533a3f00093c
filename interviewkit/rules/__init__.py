"""The rules, pure: notes, settings and now become actions; applications; the agenda."""
