"""The only code that changes files in the vault: edits, recording, new notes, templates."""
