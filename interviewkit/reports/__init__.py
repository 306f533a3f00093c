"""Read-only outputs: the feed and its server, questions, briefs, letters, status, export, lint."""
