"""The people met: how a `people` entry is read, and what a name is made of.

An entry may be `Name <email>`, `Name, Title <email>`, `Name, Title`,
`Name (Title) <email>`, `Name - Title`, a plain name, or a wikilink `[[Name]]` /
`[[Name|Alias]]` to a person note (see `notes.markup`). In a `Name, Title` entry
the text before the first comma is always the name, except in a display name
quoted as mail quotes it (`"Doe, Jane" <jane@x.example>` is Jane Doe). An
address written without angle brackets anywhere in the entry (`Lucius Fox - CTO -
lucius@wayne.example`) is taken out of it as the address. Pronouns in parentheses
(`Jane Doe (she/her)`) are neither name nor title.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from interviewkit.names import fold
from interviewkit.notes.markup import parse_link

if TYPE_CHECKING:
    from interviewkit.notes.note import Note

HONORIFICS = frozenset({"dr", "prof", "mr", "ms", "mrs", "mx", "herr", "frau", "sir", "dame"})
# An addr-spec with nothing a header could be split on: one @, no blanks, commas,
# angle brackets, quotes or other specials; the domain has a dot. UTF-8 is allowed
# (RFC 6532).
_ADDRESS = re.compile(
    r"[^\s@,;:<>()\[\]\\\"]+@[^\s@,;:<>()\[\]\\\".]+(?:\.[^\s@,;:<>()\[\]\\\".]+)+"
)
_ANGLE = re.compile(r"^(?P<before>.*?)\s*<(?P<address>[^<>]*)>\s*$", re.S)
_TITLE_IN_PARENS = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<title>[^()]+)\)\s*$")
# Pronouns in parentheses after a name (`Jane Doe (she/her)`), as invitations and
# signatures give them: neither name nor title, so left out of both.
_PRONOUN = r"(?:she|her|hers|he|him|his|they|them|theirs|xe|xem|ze|zir|sie|ihr|er|ihm|es|dey|denen)"
_PRONOUNS = re.compile(rf"\s*\({_PRONOUN}(?:\s*/\s*{_PRONOUN})+\)", re.I)
# A dash with spaces around it between a name and a title (a hyphen within a name,
# as in Anne-Marie, has none).
_TITLE_AFTER_DASH = re.compile(r"\s+[-–—|]\s+")
# What an entry holds beyond a name and a title after a comma: a link, an address, a
# title in parentheses or after a dash, a display name in quotes.
_MORE_THAN_NAME_AND_TITLE = re.compile(r"[\[<>@()|\-–—\"]")
# What may stand between the parts of an entry, around an address written bare.
_BETWEEN = " ,;|-–—"


@dataclass(frozen=True)
class Person:
    """Someone met: a name and what is known of them. `link` is the person note a
    wikilink names; the other details may come from it or from other rounds."""

    name: str
    email: str = ""
    title: str = ""
    link: str = ""
    phone: str = ""
    linkedin: str = ""
    bad_email: str = ""  # an address that was written but cannot be used

    def _parts(self) -> tuple[list[str], list[str]]:
        """The name's words: the honorifics before it, and the rest."""
        words = self.name.split()
        count = 0
        for word in words[:-1]:
            if word.rstrip(".").casefold() not in HONORIFICS:
                break
            count += 1
        return words[:count], words[count:]

    @property
    def honorific(self) -> str:
        """`Dr.`, `Prof. Dr.`: the honorifics written before the name, as written."""
        return " ".join(self._parts()[0])

    @property
    def bare_name(self) -> str:
        """The name without its honorifics."""
        return " ".join(self._parts()[1])

    @property
    def first_name(self) -> str:
        """The first word after any honorific, for a greeting."""
        rest = self._parts()[1]
        return rest[0] if rest else self.name

    @property
    def last_name(self) -> str:
        """The last word of the name."""
        words = self.name.split()
        return words[-1] if words else self.name

    @property
    def key(self) -> str:
        """Who this is within one company: the folded name without honorifics."""
        return fold(self.bare_name)

    def __str__(self) -> str:
        if self.email and self.name == self.email and not self.title:
            return self.email  # known by the address alone: read back the same
        shown = f"{self.name}, {self.title}" if self.title else self.name
        return f"{shown} <{self.email}>" if self.email else shown


# The first word of an address that is a team's, not a person's (`recruiting@`,
# `talent-team@`, `jobs+acme@`): a letter to it would greet `Dear Recruiting`.
_TEAM_WORDS = frozenset(
    (
        "recruiting", "recruitment", "recruiter", "recruiters", "talent", "talentacquisition",
        "careers", "career", "jobs", "job", "hr", "hiring", "people", "peopleops", "team",
        "interviews", "interview", "scheduling", "staffing", "hello", "info", "office",
        "personal", "bewerbung", "bewerbungen", "karriere",
    )
)  # fmt: skip
_FIRST_WORD = re.compile(r"[^@+._-]+")


def team_address(address: str) -> bool:
    """Whether an address is a team's (`recruiting@acme.example`, `talent.team@`), by
    the first word of its local part."""
    first = _FIRST_WORD.match(address)
    return first is not None and first.group(0).casefold() in _TEAM_WORDS


def usable_address(text: str) -> bool:
    """True for an address that can go on a To: line as it is."""
    return bool(_ADDRESS.fullmatch(text))


def parse_person(raw: str, in_list: bool = True) -> Person:
    """Read one `people` entry. `Name, Title` is read only `in_list`: a scalar's
    commas separate people (see `split_scalar`)."""
    text = " ".join(raw.split())
    if not _MORE_THAN_NAME_AND_TITLE.search(text):  # most entries: no link, address or dash
        if in_list and "," in text:
            name, _, title = (part.strip() for part in text.partition(","))
            return Person(name, "", title)
        return Person(text)
    link = parse_link(text)
    if link:
        return Person(link.shown, link=link.target)
    email = bad = ""
    angle = _ANGLE.match(text)
    if angle and "@" in angle.group("address"):
        address = angle.group("address").strip()
        if usable_address(address):
            email = address
        else:
            bad = address
        text = angle.group("before").strip()
        if len(text) > 1 and text[0] == text[-1] == '"':  # a display name, as mail quotes it:
            text = first_name_first(text[1:-1].strip())  # `"Doe, Jane"` is Jane Doe
        text = text.strip('"').strip()
    elif usable_address(text):
        return Person(text, text)
    elif "@" in text and _plain(raw) and (bare := _bare_address(text)) is not None:
        email, text = bare
    title = ""
    if "(" in text:
        text = _PRONOUNS.sub("", text)
    parens = _TITLE_IN_PARENS.match(text)
    if parens:
        text, title = parens.group("name").strip(), parens.group("title").strip()
    elif in_list and "," in text:
        text, _, title = (part.strip() for part in text.partition(","))
    elif dash := _TITLE_AFTER_DASH.search(text):
        text, title = text[: dash.start()].strip(), text[dash.end() :].strip()
    if not text:
        text = email or bad
    return Person(text, email, title, bad_email=bad)


def _plain(raw: str) -> bool:
    """Whether an entry is one line of words with no `:`: only there is an address
    written bare taken as the address, so `Eve\nBcc: a@b.example`, shaped like a mail
    header, never gives one."""
    return "\n" not in raw and "\r" not in raw and ":" not in raw


def _bare_address(text: str) -> tuple[str, str] | None:
    """(the address, the rest of the entry) when a word of `text` is an address
    written without angle brackets; the rest keeps what stood on either side of
    it, joined by a comma when both hold something (`Name, Title`)."""
    words = text.split(" ")
    for index, word in enumerate(words):
        address = word.strip(",;()[]|.")
        if usable_address(address):
            before = " ".join(words[:index]).strip(_BETWEEN)
            after = " ".join(words[index + 1 :]).strip(_BETWEEN)
            return address, ", ".join(part for part in (before, after) if part)
    return None


# The keys of a person written as a mapping (`- name: …` / `  email: …`), folded.
_MAPPING_KEYS = {"name": "name", "title": "title", "role": "title", "position": "title",
                 "email": "email", "e-mail": "email", "mail": "email"}  # fmt: skip


def one_line_form(item: dict) -> str | None:
    """`Name, Title <email>` for a person written as a mapping of a name and, if
    given, a title and an address; None when it holds no name as text."""
    fields: dict[str, str] = {}
    for key, value in item.items():
        field = _MAPPING_KEYS.get(str(key).strip().casefold())
        if field and isinstance(value, str) and value.strip():
            fields.setdefault(field, " ".join(value.split()))
    if "name" not in fields:
        return None
    shown = f"{fields['name']}, {fields['title']}" if "title" in fields else fields["name"]
    return f"{shown} <{fields['email']}>" if "email" in fields else shown


def left_out_of_one_line(item: dict) -> list[str]:
    """The keys of a person written as a mapping that `one_line_form` leaves out: keys
    it does not know (`phone`), a second key for the same detail (`role` beside
    `title`), and values that are not text. Empty when one line says it all."""
    seen: set[str] = set()
    lost = []
    for key, value in item.items():
        field = _MAPPING_KEYS.get(str(key).strip().casefold())
        if field is None or field in seen or not isinstance(value, str) or not value.strip():
            lost.append(str(key))
        else:
            seen.add(field)
    return lost


# What parts a list of people typed on one line: a comma, a semicolon or `and`
# after an address (`Dana <dana@x.example>, Ravi <ravi@x.example>`).
_AFTER_ADDRESS = re.compile(r"(?<=>)\s*(?:[,;&]|\band\b|\bund\b)\s*", re.I)
# Two names joined by `and` (`Lena Ortiz and Tom Berg`), which one entry cannot greet.
_TWO_NAMES = re.compile(r"\S\s+(?:and|und|&)\s+\S", re.I)


def addresses_in(text: str) -> set[str]:
    """The addresses written anywhere in `text`, folded: one person's name may be
    their address too (`a@x.example <a@x.example>`, as invitations write it)."""
    return {found.casefold() for found in re.findall(r"[^\s<>,;\"']+@[^\s<>,;\"']+", text)}


def several_in_one(raw: str) -> list[str] | None:
    """The entries of a `people` entry holding several people: each with an address
    (`Dana <dana@x.example>, Ravi <ravi@x.example>`, or the same written bare,
    `Dana dana@x.example; Ravi ravi@x.example`), or names alone parted by semicolons
    (`Bill Lumbergh; Milton Waddams`); None when it is one person."""
    if raw.count("@") < 2 or len(addresses_in(raw)) < 2:
        return _semicolon_parted(raw)
    bracketed = "<" in raw or ">" in raw
    parts = _AFTER_ADDRESS.split(raw) if bracketed else re.split(r"[,;]", raw)
    entries = [part.strip() for part in parts if part.strip()]
    one_each = all(
        entry.count("@") == 1 and (not bracketed or (entry.count("<") == 1 and _ANGLE.match(entry)))
        for entry in entries
    )
    return entries if len(entries) > 1 and one_each else None


def nameless(text: str) -> bool:
    """Whether a `people` entry is ASCII punctuation alone, a placeholder (`---`, `?`,
    `;;;`): no one's name. (Any other character may be part of one.)"""
    return not text.strip(_PLACEHOLDER_MARKS)


_PLACEHOLDER_MARKS = string.punctuation + " \t"


def _semicolon_parted(raw: str) -> list[str] | None:
    """The people of an entry parted by semicolons, each with one address at most;
    None when a semicolon may belong to one person: after a comma, in a title
    (`Lucius Fox, Head of R&D; Gotham`), or inside a remark (`Ravi (late; quiet)`)."""
    if ";" not in raw or "," in raw:
        return None
    entries = [part.strip() for part in raw.split(";") if part.strip()]
    one_each = all(
        entry.count("@") <= 1 and entry.count("(") == entry.count(")") and not nameless(entry)
        for entry in entries
    )
    return entries if one_each and len(entries) > 1 else None


def two_names(person: Person) -> bool:
    """Whether a person's name joins two names with `and` (`Lena Ortiz and Tom Berg`)."""
    return not person.link and bool(_TWO_NAMES.search(person.name))


# Words that are a title or a team on their own (`Jane, Recruiter`, `Tom, Engineering`),
# in English and German; any other single word after a one-word name may be a first
# name written after the surname (see `surname_first`).
TITLE_WORDS = frozenset(
    (
        "ceo", "cto", "cfo", "coo", "cio", "cpo", "cmo", "vp", "svp", "evp", "president",
        "founder", "cofounder", "co-founder", "owner", "partner", "director", "manager",
        "lead", "head", "chief", "principal", "staff", "senior", "junior", "engineer",
        "developer", "designer", "architect", "analyst", "scientist", "researcher",
        "consultant", "recruiter", "recruiting", "sourcer", "talent", "people", "hr",
        "sales", "marketing", "product", "engineering", "design", "operations", "finance",
        "legal", "support", "interviewer", "hiring", "officer", "associate", "specialist",
        "coordinator", "administrator", "editor", "counsel", "professor", "teacher",
        "geschäftsführer", "geschäftsführerin", "leiter", "leiterin", "leitung",
        "teamleiter", "teamleiterin", "entwickler", "entwicklerin", "personaler",
        "personalerin", "recruiterin", "inhaber", "inhaberin", "gründer", "gründerin",
        "vorstand", "berater", "beraterin", "ingenieur", "ingenieurin", "referent",
        "referentin", "personal", "vertrieb", "entwicklung",
    )
)  # fmt: skip
# A word that may be a name: a capital, then small letters; or an initial (`J.`).
_NAME_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüßáàâéèêíìîóòôúùûñçø'’-]+|[A-ZÄÖÜ]\.?")


def _given_names(words: list[str]) -> bool:
    """Whether the words after a comma read as first names: at least one, each a
    name's shape and none a title's."""
    return (
        bool(words)
        and all(_NAME_WORD.fullmatch(word) for word in words)
        and not any(word.casefold() in TITLE_WORDS for word in words)
    )


def surname_first(entry: str, person: Person) -> bool:
    """Whether an entry read as `Name, Title` may be a name written surname first
    (`Smith, Jane`, `Smith, J.`): one word each side of the comma, the second a name's
    shape and no title's."""
    return (
        not person.link
        and "," in entry.partition("<")[0]
        and _NAME_WORD.fullmatch(person.bare_name) is not None
        and _given_names([person.title])
    )


def first_name_first(name: str) -> str:
    """A display name written surname first, as address books and calendars often
    give it (`Kurz, Jonas`), turned round (`Jonas Kurz`); any other name as it is.
    Only for a name known to be one (an invitation's CN): in a `people` entry the
    comma parts a name from a title."""
    surname, comma, given = name.partition(",")
    words = given.split()
    if not comma or "," in given or not surname.strip() or not _given_names(words):
        return name
    return f"{' '.join(words)} {surname.strip()}"


def split_scalar(raw: str) -> list[Person]:
    """A `people` value written as one text: commas separate people, except before a
    title alone (`Dana Whitfield, Recruiter`, `…, Hiring Manager`), which is the title
    of the person before it, not someone to greet."""
    return [parse_person(entry, in_list="," in entry) for entry in _comma_entries(raw)]


def _comma_entries(raw: str) -> list[str]:
    """The entries `split_scalar` reads in `raw`, as written."""
    entries: list[str] = []
    for part in (part.strip() for part in raw.split(",")):
        if part and entries and all(word.casefold() in TITLE_WORDS for word in part.split()):
            entries[-1] = f"{entries[-1]}, {part}"
        elif part:
            entries.append(part)
    return entries


def comma_parted(raw: str) -> list[str] | None:
    """The entries of a `people` value written as one text with commas, when each is
    plainly one person: a name of two words or more, or an address
    (`Mark Twain, Ada Lovelace`, `Dana Lee, Recruiter`). None when an entry is one
    word, which may be a surname written first (`Lovelace, Ada`) or a first name
    alone: only the user can say which, so no list is written for them."""
    entries = _comma_entries(raw)
    people = [parse_person(entry, in_list="," in entry) for entry in entries]
    if entries and all(not p.link and (p.email or len(p.bare_name.split()) > 1) for p in people):
        return entries
    return None


def merged(people: list[Person]) -> Person:
    """One person from what several places say of them, oldest first: the newest
    non-empty value of each detail wins."""
    result = people[0]
    for later in people[1:]:
        result = replace(
            result,
            **{
                field: getattr(later, field)
                for field in ("name", "email", "title", "link", "phone", "linkedin")
                if getattr(later, field)
            },
        )
    return result


def _from_person_note(person: Person, details: dict[str, str]) -> Person:
    email = details.get("email", "")
    unaliased = person.name.casefold() == person.link.rsplit("/", 1)[-1].casefold()
    return Person(
        details.get("name", person.name) if unaliased else person.name,
        email if usable_address(email) else "",
        details.get("title", ""),
        person.link,
        details.get("phone", ""),
        details.get("linkedin", ""),
    )


def people_across_rounds(
    notes: Iterable[Note], details: Callable[[str], dict[str, str]] | None = None
) -> dict[str, Person]:
    """Everyone met in some notes (one company's), by `Person.key`, each written
    down once: what their person note holds, then what each round says, oldest
    round first, so the latest round wins a conflict."""
    said: dict[str, list[Person]] = {}
    for note in sorted(notes, key=lambda n: (n.start.timestamp(), n.path)):
        for person in (*note.met_only, *note.people):  # `people` wins over a card alone
            said.setdefault(person.key, []).append(person)
    known = {}
    for key, mentions in said.items():
        linked = [
            _from_person_note(m, details(m.link))
            for m in mentions
            if m.link and details is not None
        ]
        # a link's display name, written in the note, gives way to the person note's own
        spoken = [replace(m, name="") if m.link and linked else m for m in mentions]
        known[key] = merged(linked[:1] + spoken)
    for short, whole in _first_names_alone(known).items():
        # the whole name's own details win; the first name's fill what it lacks
        known[short] = known[whole] = merged([known[short], known[whole]])
    return known


def _first_names_alone(known: dict[str, Person]) -> dict[str, str]:
    """The keys of people known by a first name alone (`Mindy`, from a card) that
    one, and only one, whole name of the same company begins with (`Mindy Park`):
    the same person, written down twice."""
    whole: dict[str, list[str]] = {}
    for key in known:
        first, _, rest = key.partition(" ")
        if rest:
            whole.setdefault(first, []).append(key)
    return {
        key: whole[key][0]
        for key, person in known.items()
        if " " not in key and len(whole.get(key, ())) == 1 and not person.email
    }


def people_of(
    note: Note,
    company_notes: Iterable[Note],
    details: Callable[[str], dict[str, str]] | None = None,
) -> list[Person]:
    """The people of one round, with what the company's other rounds and their person
    notes know of them."""
    known = people_across_rounds([*company_notes, note], details)
    return [known.get(person.key, person) for person in note.people]


# A list item's mark (`- `, `* `, `+ `, `1. `), and a task's box after it.
_ITEM_MARK = re.compile(r"[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?P<box>\[.\][ \t]*)?")
# A phone number as business cards print them: `+49 30 1234567`, `(415) 555-0142`,
# `030/123 456 78`; seven digits at least, so no year or room number is one.
_PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d ()./-]{5,}\d(?!\w)")
# A LinkedIn profile's address, as cards and signatures give it.
_LINKEDIN = re.compile(r"(?:https?://)?(?:[\w-]+\.)?linkedin\.com/\S+", re.I)
# The most words a name under People met has: a longer line is a sentence.
_MOST_NAME_WORDS = 5


def _met_entry(line: str) -> tuple[str, str, str, bool] | None:
    """(the entry, the phone number, the LinkedIn address, whether it is a list item)
    a People met line holds, or None for a line that holds none (blank, a task, a
    heading)."""
    item = _ITEM_MARK.match(line)
    if item is not None:
        if item.group("box"):
            return None  # a task, not a person
        line = line[item.end() :]
    text = " ".join(line.split())
    if not text or text.startswith(("#", ">", "|")):
        return None
    linkedin = ""
    if "linkedin." in text.casefold() and (profile := _LINKEDIN.search(text)):
        written = profile.group().rstrip(".,;)")  # what follows the address is the line's
        linkedin = _with_scheme(written)
        rest = text[: profile.start()] + text[profile.start() + len(written) :]
        kept = [word for word in rest.replace("()", "").split() if word != "."]
        text = " ".join(kept).strip(_BETWEEN)
    phone = ""
    if (found := _PHONE.search(text)) and sum(c.isdigit() for c in found.group()) >= 7:
        phone = found.group().strip()
        text = " ".join((text[: found.start()] + text[found.end() :]).split()).strip(_BETWEEN)
    for mark in ("**", "__"):  # `**Dana Whitfield**, Recruiter`
        text = text.replace(mark, "")
    if ":" in text:
        text = _colon_card(text, bool(phone or linkedin))
    return text, phone, linkedin, item is not None


def _colon_card(text: str, reached: bool) -> str:
    """A card written as a name, a colon and the rest (`Big Head: Engineer,
    big@x.example`; `Erlich Bachman: +1 650 555 0199`, its phone already taken out,
    `reached`) as a comma writes it; any other line as it is, so a remark (`Note:
    ask Jared`, `Todo: mail jared@x.example the deck`) is no one's card: after the
    colon stand only an address, a title, or what was taken out."""
    named = _NAMED_FIRST.match(text)
    name, rest = (named.group(1), named.group(2)) if named else (text[:-1], "")
    if not (named or (reached and text.endswith(":"))) or not _names_someone(name.split()):
        return text
    words = " ".join(_ADDRESS.sub(" ", rest).replace("<", " ").replace(">", " ").split())
    words = words.strip(_BETWEEN).replace(",", " ")
    if not (reached or "@" in rest) or (words and not _titled(words)):
        return text
    return f"{name}, {rest}" if rest else name


# A card written as a name, a colon and the rest (`Big Head: Engineer, big@x.example`).
_NAMED_FIRST = re.compile(r"([^:,<>()\[\]]+?):[ \t]+(\S.*)")
# A table's delimiter row, under its header: `|---|:--|`.
_TABLE_DELIMITER = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?")
# The headings of a table's columns (folded) that say what a column holds.
_COLUMNS = {
    **dict.fromkeys(("name", "person", "who", "wer"), "name"),
    **dict.fromkeys(("title", "role", "position", "funktion", "rolle"), "title"),
    **dict.fromkeys(("email", "e mail", "mail", "address"), "email"),
    **dict.fromkeys(("phone", "tel", "telephone", "mobile", "telefon", "handy"), "phone"),
    "linkedin": "linkedin",
}


def _met_entries(text: str) -> Iterator[tuple[int, tuple[str, str, str, bool]]]:
    """(line offset, what `_met_entry` gives) for each line of a People met section
    that holds someone: a list item or a plain line, or a row of a table whose header
    names its columns (`| Name | Title | Email | Phone |`), read as a list item."""
    lines = text.split("\n")
    columns: list[str | None] | None = None
    for offset, line in enumerate(lines):
        row = line.strip()
        if not row.startswith("|"):
            columns = None
            if entry := _met_entry(line):
                yield offset, entry
            continue
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        if columns is None:
            below = lines[offset + 1].strip() if offset + 1 < len(lines) else ""
            if below.startswith("|") and _TABLE_DELIMITER.fullmatch(below):
                columns = [_COLUMNS.get(fold(cell)) for cell in cells]
            continue  # a header, or a line of a table without one
        if _TABLE_DELIMITER.fullmatch(row):
            continue
        # a row may hold more or fewer cells than the header: the header's columns count
        said = {what: cell for what, cell in zip(columns, cells, strict=False) if what and cell}
        if said.get("name"):
            yield offset, _table_card(said)


def _table_card(said: dict[str, str]) -> tuple[str, str, str, bool]:
    """A table row's card, as `_met_entry` gives one from a list item."""
    entry = f"{said['name']}, {said['title']}" if said.get("title") else said["name"]
    found = _ADDRESS.search(said.get("email", ""))
    entry = f"{entry} <{found.group()}>" if found else entry
    linkedin = _with_scheme(said["linkedin"]) if said.get("linkedin") else ""
    return entry.replace("**", "").replace("__", ""), said.get("phone", ""), linkedin, True


def _with_scheme(address: str) -> str:
    """A web address as a URL: a card leaves out the `https://` a URL needs."""
    return address if address.casefold().startswith("http") else f"https://{address}"


def details_met(
    people: list[Person], heading: str, text: str, first_line: int
) -> tuple[list[Person], list[tuple[int, str]], list[Person]]:
    """`people` with what the section `heading` (People met) says of them; a warning
    (file line, message) for each line there that cannot be put to use; and the
    people whose cards name someone not in `people` (only names: see
    `_names_someone`), for the contacts. `text` is the section's, comments blanked,
    its first line at file line `first_line`.

    Each card there (a line, or a table's row: see `_met_entries`) is read like a
    `people` entry, a phone number and a LinkedIn address written in it aside. It
    belongs to the person of the same name or, when it gives a first name only, to
    the one person of that first name; a card with the whole name, to the one entry
    that gives its first name alone. What their `people` entry leaves out (the rest of
    the name, address, title, phone, profile) comes from it; the entry wins where both
    say something. A
    remark in parentheses (`Lena (card in the folder)`) is no title there. A person
    written as a link has a person note for these details, and is left as it is."""
    names: _Names | None = None
    result = list(people)
    warnings = []
    others: dict[str, Person] = {}
    for offset, entry in _met_entries(text):
        card = parse_person(entry[0])
        if not card.name or len(card.name.split()) > _MOST_NAME_WORDS or card.link:
            continue
        written, phone, linkedin, listed = entry
        remark = f"({card.title})" in written and not _titled(card.title)
        title = "" if remark else card.title
        names = names or _Names(people)
        index, why, whole = names.owner(card, title, phone, heading, listed)
        if why and people:  # with nobody in `people`, the names are said once, as a whole
            warnings.append((first_line + offset, why))
        named = card._parts()[1]
        if index is None and listed and _names_someone(named) and not names.shared(named):
            other = Person(card.name, card.email, title, "", phone, linkedin, card.bad_email)
            others.setdefault(other.key, other)
        if index is None or result[index].link:  # a link: their person note holds it
            continue
        person = result[index]
        if card.email and person.email and card.email.casefold() != person.email.casefold():
            warnings.append(
                (
                    first_line + offset,
                    f"people: {person.name}'s address is {person.email} in `people` but "
                    f"{card.email} under {heading}; letters and contacts use {person.email}",
                )
            )
        name = card.name if whole else person.name  # the whole name, for a first name alone
        email = person.email or ("" if person.bad_email else card.email)
        title, phone = person.title or title, person.phone or phone
        linkedin = person.linkedin or linkedin
        if (name, email, title, phone, linkedin) != (
            person.name,
            person.email,
            person.title,
            person.phone,
            person.linkedin,
        ):
            result[index] = Person(name, email, title, "", phone, linkedin, person.bad_email)
    return result, warnings, list(others.values())


# Words that join a title's (`Head of Talent`, `Leiterin für Recruiting`).
_TITLE_JOINS = frozenset(("of", "and", "&", "for", "the", "de", "des", "der", "für", "und"))


def _titled(text: str) -> bool:
    """Whether words in parentheses are a title (`(CEO)`, `(Head of Talent)`), not a
    remark (`(card in the folder)`): each a title's word or one that joins them."""
    words = [word.casefold().strip(".,") for word in text.split()]
    return any(word in TITLE_WORDS for word in words) and all(
        word in TITLE_WORDS or word in _TITLE_JOINS for word in words
    )


def _names_someone(words: list[str]) -> bool:
    """Whether the words of a name (its honorifics aside) are a person's: each a
    name's shape, and not all of them a title's (`Recruiter`, `Hiring Manager`)."""
    return (
        bool(words)
        and all(_NAME_WORD.fullmatch(word) for word in words)
        and not all(word.casefold() in TITLE_WORDS for word in words)
    )


def names_met(text: str) -> list[str]:
    """The names a People met section (`text`, comments blanked) gives when `people`
    is empty, once each, in order: those of its list items and rows whose words are
    all a name's (`Bill Lumbergh`, `Dr. Ann Lee`) and not all a title's, so no
    sentence (`we had lunch`) and no role (`Hiring Manager`) is taken for someone.
    They are the people `details_met` finds a card for and nobody in `people`."""
    return [person.name for person in details_met([], "", text, 1)[2]]


class _Names:
    """The people of one note by folded name and by folded first name, to find whose
    card a People met line is."""

    def __init__(self, people: list[Person]) -> None:
        self.people = people
        self.by_key: dict[str, int] = {}
        self.by_first: dict[str, list[int]] = {}
        self.first_only: dict[str, list[int]] = {}  # entries of a first name alone
        for index, person in enumerate(people):
            rest = person._parts()[1]
            self.by_key[fold(" ".join(rest))] = index
            self.by_first.setdefault(fold(rest[0]) if rest else "", []).append(index)
            if len(rest) == 1 and not person.link:
                self.first_only.setdefault(fold(rest[0]), []).append(index)

    def shared(self, named: list[str]) -> bool:
        """Whether a name is a first name alone that several people have."""
        return len(named) == 1 and len(self.by_first.get(fold(named[0]), [])) > 1

    def owner(
        self, card: Person, title: str, phone: str, heading: str, listed: bool
    ) -> tuple[int | None, str, bool]:
        """The index of the person a card (with this title and phone) belongs to, None
        for nobody; a warning when it cannot be given to the one it names: a first
        name two people share, or, on a list item, someone with an address who is not
        in `people`; and True when the card gives the whole name of one whose entry
        gives the first name alone (`Dana` in `people`, `Dana Whitfield` on the card)."""
        named = card._parts()[1]
        key = fold(" ".join(named))
        if key in self.by_key:
            return self.by_key[key], "", False
        same = self.by_first.get(key, []) if len(named) == 1 else []
        if len(same) == 1:
            return same[0], "", False
        if (
            len(named) > 1
            and len(alone := self.first_only.get(fold(named[0]), [])) == 1
            and _names_someone(named)
        ):  # the whole name, unless its first word is spelt otherwise (`Sam-` for `Sam`)
            first = self.people[alone[0]]._parts()[1][0]
            return alone[0], "", named[0].casefold() == first.casefold()
        if len(same) > 1 and (card.email or title or phone):
            both = " or ".join(self.people[i].name for i in same)
            return (
                None,
                (
                    f"people: {card.name} under {heading} could be {both}, so what the line "
                    "says goes to neither; write the whole name"
                ),
                False,
            )
        if not same and listed and card.email and _names_someone(named):
            return (
                None,
                (
                    f"people: {card.name} <{card.email}>, under {heading}, is not in `people`, "
                    f"so no letter goes to this address; add "
                    f"`- {Person(card.name, card.email, title)}` to people"
                ),
                False,
            )
        return None, "", False
