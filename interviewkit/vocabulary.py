"""The domain's fixed words: outcomes, action kinds, feed kinds and output formats.

Kept free of imports so that the command line can build its choices from them
without loading the rest of the core.
"""

from __future__ import annotations

OUTCOMES = ("pending", "offer", "rejected", "withdrawn", "accepted", "declined")
FINAL_OUTCOMES = frozenset({"rejected", "withdrawn", "declined", "accepted"})
ACTION_KINDS = ("prepare", "people", "debrief", "thank-you", "reflect", "follow-up", "task")
FEED_KINDS = ("follow-up", "thank-you", "prepare", "task", "interviews")
LETTER_KINDS = ("thank-you", "follow-up")
# The languages `init --language` writes templates in; English is the default.
LANGUAGES = ("en", "de")
# The rounds `new` offers when it asks; any other name is fine too.
USUAL_ROUNDS = ("phone screen", "technical", "onsite", "final")
DUE_FORMATS = ("table", "json", "markdown")
QUESTION_FORMATS = ("table", "markdown", "json")
STATUS_FORMATS = ("table", "json", "csv", "markdown")
EXPORT_FORMATS = ("csv", "json")
CONTACT_FORMATS = ("vcard", "csv", "json")
COMPARE_FORMATS = ("table", "markdown")
