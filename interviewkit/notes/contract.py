"""The contract: the keys an interview note's front matter may hold, and the keys
people write for them instead (synonyms, and misspellings to rename)."""

from __future__ import annotations

import re
from typing import Any

# How an application felt, 1 to 5, for `compare`; optional, the latest round's value counts.
RATINGS = ("fit_industry", "fit_culture", "fit_growth", "fit_learning", "fit_people", "enthusiasm")
CONTRACT_KEYS = (
    "type",
    "id",
    "company",
    "role",
    "round",
    "start",
    "end",
    "people",
    "next_steps",
    "decision_by",
    "follow_up_on",
    "thank_you_sent",
    "followed_up",
    "outcome",
    "outcome_on",
    "offer_deadline",
    "location",
    "link",
    "invite_uid",
    "invite_sequence",
    *RATINGS,
    "tags",
)
CONTRACT_SET = frozenset(CONTRACT_KEYS)
# The contract keys whose value is one line of text.
TEXT_KEYS = (
    "id",
    "company",
    "role",
    "round",
    "next_steps",
    "outcome",
    "location",
    "link",
    "invite_uid",
)
# The keys whose values are dates (or dates and times), besides the `followed_up` list.
DATE_KEYS = (
    "start",
    "end",
    "decision_by",
    "follow_up_on",
    "outcome_on",
    "offer_deadline",
    "thank_you_sent",
)

# Other words people use for a contract key. A key here is only a warning: it is
# nobody's misspelling, so `done` is not refused; `check --fix` writes it under the
# contract's name only while the note has no key of that name (see `notes.synonyms`).
SYNONYMS = {
    **dict.fromkeys(("follow_up_date", "followup_date", "follow_up_by"), "follow_up_on"),
    **dict.fromkeys(("decision_date", "decide_by", "decision_on", "hear_back_by"), "decision_by"),
    **dict.fromkeys(("thank_you", "thankyou", "thanks_sent"), "thank_you_sent"),
    **dict.fromkeys(("followups", "follow_ups"), "followed_up"),
    **dict.fromkeys(("offer_expires", "answer_by", "offer_due", "offer_expiry"), "offer_deadline"),
    **dict.fromkeys(("interviewers", "interviewer", "people_met"), "people"),
    **dict.fromkeys(("date", "datetime", "when"), "start"),
    **dict.fromkeys(("duration", "length", "end_time", "ends", "finish"), "end"),
    **dict.fromkeys(("position", "job_title", "job"), "role"),
    **dict.fromkeys(("stage", "interview_round", "step"), "round"),
    **dict.fromkeys(("place", "where", "address", "venue"), "location"),
    **dict.fromkeys(("url", "meeting_link", "video_link", "zoom", "teams"), "link"),
    **dict.fromkeys(("status", "application_status", "result"), "outcome"),
    **dict.fromkeys(("employer", "organisation", "organization"), "company"),
    # and in German, as people who keep their notes in German write them
    **dict.fromkeys(("firma", "unternehmen", "arbeitgeber"), "company"),
    **dict.fromkeys(("datum", "termin", "beginn"), "start"),
    **dict.fromkeys(("ende", "dauer"), "end"),
    **dict.fromkeys(("stelle", "rolle", "jobtitel"), "role"),
    **dict.fromkeys(("runde", "gesprächsrunde", "stufe"), "round"),
    **dict.fromkeys(("ort", "adresse"), "location"),
    **dict.fromkeys(("gesprächspartner", "personen", "teilnehmer"), "people"),
    **dict.fromkeys(("ergebnis",), "outcome"),
    **dict.fromkeys(("nachfassen_am", "nachhaken_am"), "follow_up_on"),
    **dict.fromkeys(("entscheidung_bis", "rückmeldung_bis"), "decision_by"),
    **dict.fromkeys(("dankschreiben", "danke_gesendet"), "thank_you_sent"),
    **dict.fromkeys(("frist", "angebotsfrist"), "offer_deadline"),
}
# Synonyms that are only worth a word while the key they stand for is empty: a
# `position` beside a `role` is the user's own business.
WHILE_EMPTY = frozenset({"company", "start", "end", "role", "round", "location", "link"})


def misspelt_key(key: str) -> str | None:
    """The contract key that `key` looks like a misspelling of, if any."""
    if key in CONTRACT_KEYS or key.casefold() in SYNONYMS or len(key) < 4:
        return None
    squashed = re.sub(r"[^a-z0-9]", "", key.lower())
    for known in CONTRACT_KEYS:
        if squashed == known.replace("_", ""):
            return known
    import difflib

    close = difflib.get_close_matches(key.lower(), CONTRACT_KEYS, n=1, cutoff=0.85)
    return close[0] if close else None


def key_meant(key: str) -> str | None:
    """The contract key that `key` is, stands for (a synonym) or misspells, if any."""
    if key in CONTRACT_SET:
        return key
    return SYNONYMS.get(key.casefold()) or misspelt_key(key)


def misspellings(values: dict[str, Any]) -> list[tuple[str, str]]:
    """(key as written, contract key it misspells) for each misspelt key whose right
    spelling the front matter lacks: what `done`, `outcome` and `check --fix` act on."""
    return [(key, meant) for key in values if (meant := misspelt_key(key)) and meant not in values]
