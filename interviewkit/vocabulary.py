"""The domain's fixed words: outcomes, action kinds, feed kinds and output formats.

Kept free of imports so that the command line can build its choices from them
without loading the rest of the core.
"""

from __future__ import annotations

OUTCOMES = ("pending", "offer", "rejected", "withdrawn", "accepted", "declined", "no_response")
FINAL_OUTCOMES = frozenset({"rejected", "withdrawn", "declined", "accepted", "no_response"})
# The outcomes of an application that reached an offer.
OFFER_OUTCOMES = frozenset({"offer", "accepted", "declined"})
# The outcomes that are the company's answer (a later round is one too); `status`
# counts only these as responses.
COMPANY_ANSWERS = frozenset({"offer", "accepted", "declined", "rejected"})
ACTION_KINDS = (
    "prepare",
    "people",
    "debrief",
    "thank-you",
    "reflect",
    "follow-up",
    "close",
    "decide",
    "task",
)
FEED_KINDS = ("follow-up", "thank-you", "decide", "prepare", "task", "interviews")
LETTER_KINDS = ("thank-you", "follow-up")
# A thank-you is owed whether or not the job still is, but once the application has
# ended, the letter says so instead of hoping for it: the template by final outcome.
THANK_YOU_AFTER = {
    "rejected": "thank-you-rejected",
    "withdrawn": "thank-you-withdrawn",
    "declined": "thank-you-withdrawn",
}
# The letter templates (see `reports.letters`): `new` does not offer them for notes.
LETTER_TEMPLATES = frozenset({*LETTER_KINDS, *THANK_YOU_AFTER.values()})
# American English: the English templates adapted (see `languages.adapted`).
AMERICAN = "en-US"
# The languages `init --language` writes templates in; English is the default.
LANGUAGES = ("en", AMERICAN, "de")
# The rounds `new` offers when it asks; any other name is fine too.
USUAL_ROUNDS = ("phone screen", "technical", "onsite", "final")
# The repairs `check --fix` makes, in the order it makes them. A problem that one of
# them removes names it (`Problem.fix`), so `check --fix` knows which notes to repair.
FIX_UTF16 = "note saved as UTF-16"
FIX_WINDOWS_1252 = "note saved as Windows-1252"
FIX_BLANK_LINES = "blank lines above the front matter"
FIX_DASHES = "front matter opened with dashes for ---"
FIX_NO_BREAK_SPACE = "no-break space where YAML wants a plain one"
FIX_TAB_INDENT = "tab indenting the front matter"
FIX_MISSPELT_KEY = "misspelt key"
FIX_SYNONYM_KEY = "contract key written under another name"
FIX_TYPE = "type: interview to write"
FIX_TYPED_DATE = "date not in ISO form"
FIX_QUOTE_LINK = "link without quotes"
FIX_CURLY_QUOTES = "value in curly quotes"
FIX_OUTCOME_WORD = "outcome written other than as its word"
FIX_QUOTE_VALUE = "value YAML reads only in quotes"
FIX_PEOPLE_ENTRY = "people entry to write one per line"
FIX_PEOPLE_FROM_MET = "people named under People met only"
DUE_FORMATS = ("table", "json", "markdown")
# How the note `due --format markdown` writes begins, followed by the day.
DUE_LIST_TITLE = "# Interview actions as of"
QUESTION_FORMATS = ("table", "markdown", "json")
STATUS_FORMATS = ("table", "json", "csv", "markdown")
EXPORT_FORMATS = ("csv", "json")
CONTACT_FORMATS = ("vcard", "csv", "json")
COMPARE_FORMATS = ("table", "markdown")
