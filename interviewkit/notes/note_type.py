"""Which front matter makes an interview note: `type: interview`, and what is said of
front matter that almost does (the key in another case, the word as a list or
misspelt, a round's keys without the type) rather than passing it over."""

from __future__ import annotations

from typing import Any

from interviewkit.config import Settings
from interviewkit.errors import Problem
from interviewkit.notes.contract import CONTRACT_SET, key_meant
from interviewkit.notes.values import said
from interviewkit.vocabulary import FIX_TYPE


def cased_type(path: str, values: dict[str, Any], lines: dict[str, int]) -> Problem | None:
    """A warning for `Type: interview` (the key in another case) outside the notes
    folder, beside a company and a start: there only `type: interview` makes an
    interview note (a `Type:` may be another tool's), so nothing is due from it."""
    key = cased_type_key(values)
    kind = values.get(key) if key is not None else None
    if not isinstance(kind, str) or kind.strip().casefold() != "interview":
        return None
    if not {"company", "start"} <= {str(k).casefold() for k in values}:
        return None
    return Problem(
        path,
        lines.get(key, 1),
        f"`{key}: {kind.strip()}` is not read outside the notes folder, where only `type: "
        "interview` makes an interview note: nothing is due from it; write `type: "
        "interview` (`check --fix` does)",
        "warning",
        FIX_TYPE,
    )


def cased_type_key(values: dict[str, Any]) -> str | None:
    """The key `type` written in another case (`Type:`), if the front matter has one."""
    return next((k for k in values if k != "type" and str(k).casefold() == "type"), None)


def listed_type(kind: Any) -> bool:
    """Whether a `type` is `[interview]`, a list of that one word, which says what the
    note is outside the notes folder too, and which `check --fix` writes as the word."""
    return isinstance(kind, list) and [str(k).strip().casefold() for k in kind] == ["interview"]


def almost_typed(values: dict[str, Any], lines: dict[str, int]) -> tuple[str, int] | None:
    """(what to fix, line) for front matter in the notes folder that almost says
    `type: interview` (and anywhere, for `type: [interview]`, see `listed_type`):
    such a note is read as one, with a warning, rather than dropped without a word."""
    import difflib

    def like(text: Any, word: str) -> float:
        folded = text.strip().casefold() if isinstance(text, str) else ""
        return difflib.SequenceMatcher(None, folded, word).ratio()

    for key in values:
        # `Type:`, or `typ: interview`: a key too short for `misspelt_key` to name
        if key != "type" and (
            (isinstance(key, str) and key.strip().casefold() == "type")
            or (like(key, "type") >= 0.6 and like(values[key], "interview") >= 0.8)
        ):
            return f"`{key}:` should be `type:`; read as an interview note", lines.get(key, 1)
    # under any name the reader knows them by: `Company:` (misspelt) or `date:` (a synonym)
    meant = {key_meant(key) for key in values if isinstance(key, str)}
    kind, shown = values.get("type"), ""
    if isinstance(kind, (dict, list)):  # `type: [interview]`, or `intervied: x` below it
        shown = f"a {'list' if isinstance(kind, list) else 'mapping'} "
        kind = " ".join(str(part) for part in kind)
    if isinstance(kind, str):
        # a type like `interview`, or less like it with a company and a start: a typo
        # `intervicompany: Fabrikam`, two lines run together: its start counts too
        word = kind.strip().casefold()
        cut = 0.6 if len(word) > 1 and "interview".startswith(word) else 0  # `type: in`
        closeness = max(like(kind, "interview"), like(word[:9], "interview"), cut)
        round_keys = "start" in meant and ("company" in meant or bool(meant & ROUND_KEYS))
        if closeness >= 0.8 or (closeness >= 0.5 and round_keys):
            return (
                f"type: {shown}{said(kind.strip())} should be `type: interview`; read as an "
                "interview note",
                lines.get("type", 1),
            )
        return None
    if kind is not None:
        return None
    if "company" not in meant:
        if "start" in meant and (said_of_a_round := sorted(meant & ROUND_KEYS)):
            return (
                f"no `type: interview`, but a start and {said_of_a_round[0]}, which only an "
                "interview has; read as an interview note (add `type: interview`)",
                1,
            )
        return None
    if "start" in meant:
        return (
            "no `type: interview`, but a company and a start; read as an interview note "
            "(add `type: interview`)",
            1,
        )
    if said_of_a_round := sorted(meant & ROUND_KEYS):
        return (
            f"no `type: interview`, but a company and {said_of_a_round[0]}, which only an "
            "interview has; read as an interview note (add `type: interview` and the `start`)",
            1,
        )
    return None


def untyped_round_said(keys: list[str], settings: Settings) -> str:
    """What to say of front matter outside the notes folder with the keys of a round
    (see `front_matter.untyped_round`) and no `type: interview`."""
    folder = settings.notes_folder.strip("/")
    return (
        f"has {', '.join(keys[:-1])} and {keys[-1]}, as an interview round does, but no "
        f"`type: interview`, and is outside the notes folder ({folder}/): nothing is due "
        f"from it; add `type: interview` (`check --fix` does), or move it into {folder}/"
    )


def keys_of_a_round(path: str, values: dict[str, Any]) -> Problem | None:
    """A warning for front matter in the notes folder that holds two keys or more that
    only an interview round has, but nothing that makes it an interview note (its
    `type`, `company` and `start` lost to typos): nothing is due from it."""
    keys = sorted(key for key in values if key in ROUND_KEYS)
    if len(keys) < 2:
        return None
    unknown = [key for key in values if isinstance(key, str) and key not in CONTRACT_SET]
    besides = f" (the keys {', '.join(map(repr, unknown))} are not read)" if unknown else ""
    return Problem(
        path,
        1,
        f"has {' and '.join(keys[:2])}, which only an interview round has, but no "
        f"`type: interview`, `company` or `start`{besides}: nothing is due from it until "
        "they are written",
        "warning",
    )


# Keys that only an interview round has: with a company, they make an interview note
# of front matter whose start is missing or misspelt. (A person note has a company
# too, and an application's own note may have an outcome or a role.)
ROUND_KEYS = frozenset(
    {
        "round", "end", "thank_you_sent", "followed_up", "follow_up_on", "decision_by",
        "outcome_on", "offer_deadline", "next_steps",
    }
)  # fmt: skip
