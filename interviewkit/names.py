"""One rule for finding a company or a person by what the user typed.

A name is compared in its folded form (`fold`): accents removed, case ignored,
punctuation, `-` and `_` read as spaces. An argument matches the folded name
exactly, else a folded part of one when exactly one name has it. More than one
match is an `Ambiguous` error listing them; none is a `NoteNotFound` error naming
the closest names.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from interviewkit.errors import Ambiguous, NoteNotFound

T = TypeVar("T")
CLOSEST_SHOWN = 5
PLURALS = {"company": "companies", "person": "people"}


def counted(count: int, what: str) -> str:
    """`1 note`, `2 notes`, `3 companies`: a count and its noun."""
    return f"{count} {what if count == 1 else PLURALS.get(what, f'{what}s')}"


# ASCII punctuation, symbols and control characters, read as spaces by `fold`.
_ASCII_SPACES = str.maketrans(
    {char: " " for char in map(chr, range(128)) if not char.isalnum() and char != " "}
)


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """`Café-Müller, Inc.` -> `cafe muller inc`: the form names are compared in."""
    if text.isascii():  # most names: the same result, several times faster
        return " ".join(text.translate(_ASCII_SPACES).lower().split())
    return fold_unicode(text)


def fold_unicode(text: str) -> str:
    """`fold` for any text: casefolded, decomposed, accents dropped, punctuation,
    symbols, separators and control characters read as spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = []
    for char in decomposed:
        if unicodedata.combining(char):
            continue
        category = unicodedata.category(char)
        kept.append(" " if category[0] in "PSZC" else char)
    return " ".join("".join(kept).casefold().split())


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """`; did you mean X?` for the choice most like VALUE, or nothing when none is close."""
    import difflib

    close = difflib.get_close_matches(value, list(choices), n=1)
    return f"; did you mean {close[0]}?" if close else ""


def pick(
    wanted: str,
    items: Sequence[T],
    names: Callable[[T], Iterable[str]],
    what: str,
    shown: Callable[[T], str] = str,
) -> T:
    """The one item `wanted` means, by the rule above; `names(item)` lists what an item
    answers to exactly (its first name is also searched for a part).

    Raises Ambiguous or NoteNotFound otherwise; `what` names the kind ("company",
    "person") in the message.
    """
    key = fold(wanted)
    if not key:
        raise NoteNotFound(f"{wanted!r}: an empty {what} name matches nothing")
    exact = [item for item in items if key in {fold(name) for name in names(item)}]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [item for item in items if key in fold(next(iter(names(item)), ""))]
    if len(partial) == 1:
        return partial[0]
    if partial:
        listed = "; ".join(sorted(shown(item) for item in partial))
        raise Ambiguous(f"{wanted!r} matches more than one {what}: {listed}")
    raise NoteNotFound(f"{wanted!r} matches no {what}{_closest(key, items, names, what, shown)}")


def _closest(
    key: str, items: Sequence[T], names: Callable[[T], Iterable[str]], what: str, shown
) -> str:
    """` (closest: A, B; 12 companies in all)`, or a note that there are none."""
    if not items:
        return f" (there is no {what} yet)"
    import difflib

    def likeness(item: T) -> float:
        return max(
            (difflib.SequenceMatcher(None, key, fold(n)).ratio() for n in names(item)), default=0
        )

    ranked = sorted(items, key=lambda item: (-likeness(item), shown(item)))[:CLOSEST_SHOWN]
    closest = ", ".join(shown(item) for item in ranked)
    return f" (closest: {closest}; {counted(len(items), what)} in all)"


def outcome_word(text: str) -> str:
    """`text` folded the way outcomes are written: `No response`, `no-response` and
    `Rejected.` give `no_response` and `rejected`. An outcome is the text, case, spaces
    and punctuation aside, when this is one of `vocabulary.OUTCOMES`."""
    return fold(text).replace(" ", "_")


def more_than_the_word(text: str, word: str) -> bool:
    """Whether `text`, read as the outcome `word` (see `outcome_word`), holds more than
    the word in another case, spacing or punctuation: an emoji, say (`rejected 😞`),
    which `check --fix` keeps in a comment when it writes the word."""
    import unicodedata

    kept = (c for c in text.casefold() if not (c.isspace() or unicodedata.category(c)[0] == "P"))
    return "".join(kept) != word.replace("_", "")


# Words people write for an outcome that is not one, and what to write instead.
_OUTCOME_HINTS = {
    **dict.fromkeys(
        ("cancelled", "canceled", "abgesagt", "postponed", "rescheduled", "verschoben"),
        "; if the interview moved, change `start`; if the company ended the process, write "
        "rejected; if you did, withdrawn",
    ),
    **dict.fromkeys(
        ("ghosted", "no_answer", "no_reply", "silence", "keine_antwort"),
        "; did you mean no_response?",
    ),
    **dict.fromkeys(("hired", "signed", "offer_accepted", "zugesagt"), "; did you mean accepted?"),
    **dict.fromkeys(
        ("on_hold", "paused", "waiting", "in_progress", "open", "active", "offen", "laufend"),
        "; while the process goes on, or waits, the outcome is pending",
    ),
    **dict.fromkeys(
        ("passed", "pass", "advanced", "next_round", "moved_on", "moved_forward", "weiter"),
        "; a round you got through stays pending: write the next round's note (`new`), "
        "which ends this round's follow-up",
    ),
    **dict.fromkeys(
        ("failed", "fail", "no_offer", "not_offered", "not_hired", "no_hire", "absage"),
        "; did you mean rejected? (declined is for an offer you turned down)",
    ),
    "abgelehnt": "; if the company said no, rejected; if you turned their offer down, declined",
    **dict.fromkeys(
        ("angebot", "jobangebot", "vertragsangebot", "offered"), "; did you mean offer?"
    ),
    "zusage": "; if they made you an offer, offer; if you took it, accepted",
    **dict.fromkeys(
        ("zuruckgezogen", "zurueckgezogen", "withdrew", "pulled_out"),
        "; did you mean withdrawn?",
    ),
    **dict.fromkeys(
        ("done", "finished", "completed", "interviewed", "held", "happened", "erledigt"),
        "; the outcome is the company's answer, pending until it comes (a `start` in the "
        "past already says the interview took place)",
    ),
}

# A word that says no (`no_offer`) is never told the outcome it denies.
_NEGATIONS = ("no_", "not_", "non_", "kein")


def outcome_hint(word: str, outcomes: Iterable[str], in_note: bool = False) -> str:
    """What to write instead of `word` (folded by `outcome_word`), which is no outcome:
    the advice for a word people use (`cancelled`, `ghosted`); for an outcome followed
    by more words (`withdrawn (took another offer)`), that outcome, and `in_note`,
    where the words can go; else the closest one."""
    if word in _OUTCOME_HINTS:
        return _OUTCOME_HINTS[word]
    starts = [o for o in outcomes if word.startswith(o + "_")]
    if starts:
        meant = max(starts, key=len)
        rest = word[len(meant) + 1 :].replace("_", " ")
        where = (
            f" (to keep the other words, put them in a YAML comment, which is kept and not "
            f"read: `outcome: {meant}  # {rest}`)"
            if in_note
            else ""
        )
        return f"; did you mean {meant}?{where}"
    negation = next((n for n in _NEGATIONS if word.startswith(n)), None)
    if negation:
        outcomes = [o for o in outcomes if o.startswith(negation)]
    return did_you_mean(word, outcomes)


def application_label(company: str, role: str) -> str:
    """`Acme (Engineer)`, or just `Acme` without a role: how listings name an application."""
    return f"{company} ({role})" if role else company


# Other words people use for a kind of letter or action, in English and German.
KIND_WORDS = {
    **dict.fromkeys(
        ("thanks", "thank", "danke", "dank", "dankschreiben", "dankesschreiben"), "thank-you"
    ),
    **dict.fromkeys(("nachfassen", "nachhaken", "nachfrage"), "follow-up"),
}


def choice_meant(value: str, choices: Iterable[str]) -> str:
    """The choice `value` writes in another case or without its hyphen (`thankyou`,
    `Follow up` for `follow-up`), or in other words for a kind (`thanks`, `danke`, see
    `KIND_WORDS`), else `value` as it is."""
    squashed = {str(choice).replace("-", ""): choice for choice in choices}
    word = "".join(str(value).casefold().replace("-", " ").split())
    if word in squashed:
        return squashed[word]
    other = KIND_WORDS.get(word)
    return other if other is not None and other in squashed.values() else value


def join_names(names: list[str]) -> str:
    """`A`, `A and B`, `A, B and C`; with semicolons when a name holds a comma, as
    one with a title does (`Dana, CTO; Ravi and Ola`), so each stays whole."""
    if len(names) <= 1:
        return "".join(names)
    return names_separator(names).join(names[:-1]) + " and " + names[-1]


def names_separator(names: list[str]) -> str:
    """What parts names in a list: `, `, or `; ` when one holds a comma (a title)."""
    return "; " if any("," in name for name in names) else ", "


def id_meant(ref: str, ids: Iterable[str]) -> str | None:
    """The note id REF names: itself, else the one id that reads as it with case,
    accents and punctuation aside (`cafe-muller-…` for `café-müller-…`, as a keyboard
    without them types it); None when none does, or several."""
    ids = ids if isinstance(ids, (set, frozenset, dict)) else set(ids)
    if ref in ids:
        return ref
    folded = fold(ref)
    alike = [known for known in ids if fold(known) == folded]
    return alike[0] if len(alike) == 1 else None


def match_company(wanted: str, companies: dict[str, str]) -> str:
    """The folded key of the company `wanted` means; `companies` maps folded keys to
    display names."""
    keys = sorted(companies, key=lambda k: (companies[k].casefold(), k))
    return pick(wanted, keys, lambda k: (companies[k],), "company", lambda k: companies[k])


def found_company(wanted: str, companies: dict[str, str]) -> str | None:
    """The folded key of the company `wanted` means, as `match_company` finds it; None
    when it means none, or more than one."""
    try:
        return match_company(wanted, companies)
    except (NoteNotFound, Ambiguous):
        return None


def near_company(name: str, companies: dict[str, str]) -> str | None:
    """A known company that `name` is probably meant to be, but is not written as:
    the same once folded, or one `like_company` finds.

    For `new`, which writes the note anyway and only warns.
    """
    key = fold(name)
    if key in companies:
        return None if companies[key] == name.strip() else companies[key]
    like = like_company(key, sorted(companies))
    return companies[like] if like is not None else None


@functools.lru_cache(maxsize=4096)
def _numbers(key: str) -> tuple[str, ...]:
    """The numbers in a folded name, in order: names whose numbers differ (`studio 54`,
    `studio 45`) are different names, however alike their letters."""
    import re

    return tuple(re.findall(r"\d+", key))


def like_company(key: str, keys: list[str]) -> str | None:
    """The one folded company name among `keys`, other than `key`, that `key` is
    probably meant to be: a near miss of it (`nortwind traders`), else the one name
    that holds it, or that it holds, as whole words (`northwind` and "northwind
    traders"). Only names with the same numbers are compared (see `_numbers`). None
    when there is none, or more than one such name."""
    import difflib

    numbers = _numbers(key)
    others = [other for other in keys if other != key and _numbers(other) == numbers]
    close = difflib.get_close_matches(key, others, n=1, cutoff=0.85)
    if close:
        return close[0]
    padded = f" {key} "
    parts = [o for o in others if key and o and (padded in f" {o} " or f" {o} " in padded)]
    return parts[0] if len(parts) == 1 else None


# Abbreviations of job titles, expanded before roles are compared.
ROLE_WORDS = {
    "sr": "senior",
    "jr": "junior",
    "dev": "developer",
    "mgr": "manager",
    "dir": "director",
    "vp": "vice president",
    "swe": "software engineer",
}
ROLE_LAST_WORDS = {"eng": "engineer", "engr": "engineer"}  # only as the last word


def fold_role(role: str) -> str:
    """`Sr. Data Eng` -> `senior data engineer`: what makes two spellings of a role one
    application (case, punctuation and spacing aside, common abbreviations expanded)."""
    words = fold(role).split()
    expanded = [ROLE_WORDS.get(word, word) for word in words]
    if expanded and expanded[-1] in ROLE_LAST_WORDS:
        expanded[-1] = ROLE_LAST_WORDS[expanded[-1]]
    return " ".join(expanded)


def similar_roles(first: str, second: str) -> bool:
    """True for two different roles that may be meant as one: one's words begin the
    other's, or they are at least 80% alike (difflib)."""
    import difflib

    a, b = fold_role(first), fold_role(second)
    if not a or not b or a == b:
        return False
    short, long = sorted((a.split(), b.split()), key=len)
    if long[: len(short)] == short:
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8
