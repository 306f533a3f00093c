"""The only code that changes files in the vault: edits, recording, repairs, new notes, templates."""
