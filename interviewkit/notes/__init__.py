"""Reading one note: splitting, the YAML scan, sections, tasks, list items, the note model."""
