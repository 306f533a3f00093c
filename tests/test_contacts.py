"""`contacts`: everyone met, once each, as vCards that other software reads back."""

from __future__ import annotations

import csv
import io
import json

import pytest
import vobject

from .conftest import note


def cards(text: str) -> dict[str, object]:
    return {card.fn.value: card for card in vobject.readComponents(text, validate=True)}


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_sample_vault_contacts_read_back_with_vobject(golden, run, sample, version):
    result = run("--vault", sample, "contacts", "--vcard-version", version)
    assert result.exit_code == 0, result.output
    if version == "4.0":
        golden("contacts.vcf", result.stdout)
    assert "\r\n" in result.stdout_bytes.decode() and all(
        len(line) <= 75 for line in result.stdout_bytes.split(b"\r\n")
    )
    found = cards(result.stdout)
    rows = json.loads(run("--vault", sample, "contacts", "--format", "json").stdout)["contacts"]
    assert len(found) == len(rows) == 14  # everyone once: Dana met twice is one card
    lena = found["Lena Ortiz"]  # from her person note, through a wikilink
    assert (lena.title.value, lena.email.value, lena.tel.value) == (
        "Staff Engineer",
        "lena.ortiz@acme-robotics.example",
        "+1 415 555 0142",
    )
    assert lena.url.value == "https://www.linkedin.com/in/lena-ortiz-example"
    dana = found["Dana Whitfield"]  # her address comes from the phone screen
    assert dana.email.value == "dana.whitfield@acme-robotics.example"
    assert (
        dana.note.value == "Met at Acme Robotics: phone screen on 2026-11-10, onsite on 2026-11-25."
    )
    ravi = found["Ravi Shankar"]
    assert (ravi.title.value, ravi.org.value) == ("Engineering Manager", ["Acme Robotics"])
    assert len({card.uid.value for card in found.values()}) == 14


def test_uids_stay_the_same_and_honorifics_go_in_the_prefix(vault, write, run):
    write(
        "interviews/a.md",
        note(id="a", people='["Dr. Lucius Fox, Head of R&D; Gotham <l@w.example>"]'),
    )
    first = run("--vault", vault, "contacts").stdout
    card = next(iter(cards(first).values()))
    assert card.n.value.family == "Fox" and card.n.value.given == "Lucius"
    assert card.n.value.prefix == "Dr."
    assert card.title.value == "Head of R&D; Gotham"
    write(
        "interviews/b.md",
        note(start="2026-11-25T10:00", id="b", people='["Lucius Fox <l@w.example>"]'),
    )
    again = cards(run("--vault", vault, "contacts").stdout)
    assert [c.uid.value for c in again.values()] == [card.uid.value]  # import updates, not adds


def test_csv_leaves_phone_numbers_alone_and_guards_the_rest(tmp_path, vault, write, run):
    (vault / "People").mkdir()
    (vault / "People" / "Eve.md").write_text(
        "---\nphone: +49 30 1234-5678\ntitle: =HYPERLINK(1)\n---\n"
    )
    (vault / "People" / "Mal.md").write_text("---\nphone: '=1+1'\n---\n")
    write("interviews/a.md", note(id="a", people='["[[Eve]]", "[[Mal]]"]'))
    result = run("--vault", vault, "contacts", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert [(r["name"], r["phone"], r["title"]) for r in rows] == [
        ("Eve", "+49 30 1234-5678", "'=HYPERLINK(1)"),
        ("Mal", "'=1+1", ""),
    ]


def test_contacts_of_one_company(run, sample):
    result = run("--vault", sample, "contacts", "--company", "wayne", "--format", "json")
    assert [c["name"] for c in json.loads(result.stdout)["contacts"]] == ["Lucius Fox"]
    assert run("--vault", sample, "contacts", "--company", "nowhere").exit_code == 4


def test_a_first_name_alone_is_the_one_whole_name_it_begins_at_that_company(vault, write, run):
    """A card copied in a hurry (`Mindy, recruiter`) and the whole name in a later
    round are one person: one card, and a letter to `Mindy` finds her address. Two
    whole names that begin with it, or another company's, leave it alone."""
    write("interviews/a.md", note(id="a", people="[Mindy]") + "## People met\n- Mindy, recruiter\n")
    write("interviews/b.md", note(id="b", start="2026-11-25T10:00",
                                  people='["Mindy Park <mindy@acme.example>", Bo]'))  # fmt: skip
    write("interviews/c.md", note("Globex", id="c", people="[Bo Chan, Bo Diaz, Bo, Mindy]"))
    rows = json.loads(run("--vault", vault, "contacts", "--format", "json").stdout)["contacts"]
    assert [(r["name"], r["company"], r["title"], r["email"]) for r in rows] == [
        ("Bo", "Acme", "", ""),
        ("Mindy Park", "Acme", "recruiter", "mindy@acme.example"),
        ("Bo", "Globex", "", ""),  # which Bo? two begin with it
        ("Bo Chan", "Globex", "", ""),
        ("Bo Diaz", "Globex", "", ""),
        ("Mindy", "Globex", "", ""),
    ]
    assert rows[1]["met"] == "interview on 2026-11-20, interview on 2026-11-25"
    letter = run("--vault", vault, "draft", "thank-you", "a").stdout
    assert letter.startswith("To: Mindy Park <mindy@acme.example>\n") and "Dear Mindy," in letter
