"""Who a person is: `people` entries as written, gathered across rounds and person
notes, and put on a letter's To: line so that it is always exactly one address."""

from __future__ import annotations

import json
from email.utils import getaddresses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interviewkit.notes.markup import plain_text
from interviewkit.notes.people import Person, parse_person
from interviewkit.reports.letters import recipient

from .conftest import note


@pytest.mark.parametrize(
    ("raw", "name", "email", "title", "link"),
    [
        ("Jane Doe <jane@x.example>", "Jane Doe", "jane@x.example", "", ""),
        (
            "Alex Kim, Talent Partner <alex@x.example>",
            "Alex Kim",
            "alex@x.example",
            "Talent Partner",
            "",
        ),
        ("Alex Kim, Talent Partner, EMEA", "Alex Kim", "", "Talent Partner, EMEA", ""),
        (
            "Lucius Fox (Head of Applied Sciences) <l@w.example>",
            "Lucius Fox",
            "l@w.example",
            "Head of Applied Sciences",
            "",
        ),
        ("Priya Nair", "Priya Nair", "", "", ""),
        ("[[Maya Chen]]", "Maya Chen", "", "", "Maya Chen"),
        ("[[people/Maya Chen|Maya]]", "Maya", "", "", "people/Maya Chen"),
        ("[[people/Maya Chen]]", "Maya Chen", "", "", "people/Maya Chen"),  # not its folder
        ("[[Maya Chen#Contact]]", "Maya Chen", "", "", "Maya Chen"),  # a heading in it
        ("sam@x.example", "sam@x.example", "sam@x.example", "", ""),
        # a display name in quotes, as mail writes it, is one name: surname first there
        ('"Doe, Jane" <jane@x.example>', "Jane Doe", "jane@x.example", "", ""),
        ('"Jane Doe, CTO" <jane@x.example>', "Jane Doe", "jane@x.example", "CTO", ""),
        # pronouns are neither name nor title
        ("Jane Doe (she/her) <jane@x.example>", "Jane Doe", "jane@x.example", "", ""),
        ("Jane Doe (she/her), CTO", "Jane Doe", "", "CTO", ""),
        ("Kai Berg (er/ihm) (Teamleiter)", "Kai Berg", "", "Teamleiter", ""),
        # an address written bare, anywhere in the entry, and a title after a dash
        ("Lucius Fox - CTO - l@w.example", "Lucius Fox", "l@w.example", "CTO", ""),
        ("Lucius Fox l@w.example", "Lucius Fox", "l@w.example", "", ""),
        ("l@w.example – Lucius Fox", "Lucius Fox", "l@w.example", "", ""),
        ("Lucius Fox, CTO, l@w.example", "Lucius Fox", "l@w.example", "CTO", ""),
        ("Lucius Fox (CTO) l@w.example.", "Lucius Fox", "l@w.example", "CTO", ""),
        ("Anne-Marie Dubois — Head of HR", "Anne-Marie Dubois", "", "Head of HR", ""),
        ("Anne-Marie Dubois", "Anne-Marie Dubois", "", "", ""),
        ("Lucius Fox | CTO", "Lucius Fox", "", "CTO", ""),
        # shaped like a header, or not an address a letter can use: no address taken
        ("Lucius Fox, mail: l@w.example", "Lucius Fox", "", "mail: l@w.example", ""),
        ("write to l@localhost", "write to l@localhost", "", "", ""),
    ],
)
def test_each_way_of_writing_a_person(raw, name, email, title, link):
    person = parse_person(raw)
    assert (person.name, person.email, person.title, person.link) == (name, email, title, link)


_PIECES = st.sampled_from(
    ["Ann Lee", "Dr.", "CTO", "a@b.example", "<c@d.example>", "x@y", " - ", ", ", "(", ")",
     ":", "\n", "Bcc:", "[[Ann]]", "|", "–", ".", "@", " "]
)  # fmt: skip


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=8).map("".join))
def test_any_entry_reads_as_a_person_whose_address_was_written_and_is_usable(raw):
    """Whatever is written, reading it never fails; an address taken is one the
    entry holds, usable on a To: line, and never from an entry shaped like a header."""
    from interviewkit.notes.people import usable_address

    person = parse_person(raw)
    if person.email:
        assert usable_address(person.email) and person.email in raw
        if "<" not in raw and " ".join(raw.split()) != person.email:  # not an address alone
            assert "\n" not in raw and ":" not in raw


@pytest.mark.parametrize(
    ("name", "first", "last", "honorific"),
    [
        ("Dr. Lucius Fox", "Lucius", "Fox", "Dr."),
        ("Prof. Dr. Anna Weber", "Anna", "Weber", "Prof. Dr."),
        ("Frau Anna Weber", "Anna", "Weber", "Frau"),
        ("Maya Chen", "Maya", "Chen", ""),
        ("Cher", "Cher", "Cher", ""),
        ("Dr", "Dr", "Dr", ""),  # a lone word is a name, whatever it says
    ],
)
def test_salutation_parts_skip_honorifics(name, first, last, honorific):
    person = Person(name)
    assert (person.first_name, person.last_name, person.honorific) == (first, last, honorific)


@pytest.mark.parametrize(
    ("person", "greeting"),
    [
        ("Mr. John Smith", "Dear Mr. Smith,"),
        ("Ms Jane Doe", "Dear Ms Doe,"),
        ("Dr. Anna Weber", "Dear Dr. Weber,"),
        ("Prof. Dr. Anna Weber", "Dear Prof. Dr. Weber,"),
        ("Mx. Sam Lee", "Dear Mx. Lee,"),
        ("Sir Alex Ferguson", "Dear Sir Alex,"),
        ("Anna Weber", "Dear Anna,"),
        ("Herr Jonas Meyer", "Dear Jonas,"),  # a German honorific in an English letter
    ],
)
def test_an_english_letter_greets_by_the_honorific_written(vault, write, run, person, greeting):
    """Whoever is written with an honorific is greeted with it and the last name, as
    an English letter does; anyone else by the first name."""
    write("interviews/a.md", note(id="a", people=f'["{person} <p@x.example>"]'))
    for kind in ("thank-you", "follow-up"):
        letter = run("--vault", vault, "draft", kind, "a")
        assert letter.exit_code == 0, letter.output
        assert letter.stdout.split("\n")[3] == greeting


def test_a_template_without_a_salutation_greets_as_the_shipped_ones_do(vault, write, run):
    """A template written before `salutation` existed, or by hand, that uses
    {{salutation}} without saying it, gets the English mapping."""
    write("templates/thank-you.md", "---\nsubject: Thanks\n---\n{{salutation}}\n\nThank you.\n")
    write("interviews/a.md", note(id="a", people='["Dr. Anna Weber", "Sam Lee"]'))
    letters = run("--vault", vault, "draft", "thank-you", "a")
    assert letters.exit_code == 0, letters.output
    greetings = [line for line in letters.stdout.splitlines() if line.startswith("Dear")]
    assert greetings == ["Dear Dr. Weber,", "Dear Sam,"]


def test_someone_known_by_an_address_alone_is_greeted_as_the_team(vault, write, run):
    """`- sam@acme.example` gets its letter, greeted as the team is, not "Dear
    sam@acme.example,"; `check` says to add the name."""
    write("interviews/a.md", note(id="a", company="Acme", people='["sam@acme.example"]'))
    letter = run("--vault", vault, "draft", "thank-you", "a").stdout
    assert letter.startswith("To: sam@acme.example\n")
    assert "\nDear Acme team,\n" in letter
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 0
    assert (
        "interviews/a.md:6: warning: people: 'sam@acme.example' is an address without a "
        "name; write it as `- Name <sam@acme.example>`" in checked.stdout
    )


def test_a_team_s_address_with_a_name_is_greeted_as_the_team(vault, write, run):
    """`Acme Recruiting <recruiting@acme.example>` gets its letter, greeted as the team
    is, not "Dear Acme,"; a person's address beside it keeps their name."""
    people = '["Acme Recruiting <recruiting@acme.example>", "Jo Kim <jo@acme.example>"]'
    write("interviews/a.md", note(id="a", company="Acme", people=people))
    assert headed(run, vault) == [
        "To: Acme Recruiting <recruiting@acme.example>",
        "Dear Acme team,",
        "To: Jo Kim <jo@acme.example>",
        "Dear Jo,",
    ]


def test_an_address_written_again_without_the_name_gets_no_second_letter(vault, write, run):
    write(
        "interviews/a.md",
        note(id="a", people='["Sam Lee <sam@acme.example>", "SAM@acme.example", "Jo Kim"]'),
    )
    letters = run("--vault", vault, "draft", "thank-you", "a").stdout
    assert [line for line in letters.splitlines() if line.startswith("To:")] == [
        "To: Sam Lee <sam@acme.example>",
        "To: Jo Kim (no address recorded)",
    ]
    checked = run("--vault", vault, "check").stdout
    assert (
        "interviews/a.md:6: warning: people: 'SAM@acme.example' is also Sam Lee's address; "
        "left out, so they get one letter (delete the line)\n" in checked
    )


def headed(run, vault) -> list[str]:
    """The To: and greeting lines of note `a`'s thank-you letters."""
    letters = run("--vault", vault, "draft", "thank-you", "a").stdout
    return [line for line in letters.splitlines() if line.startswith(("To:", "Dear"))]


def test_someone_written_twice_in_one_note_gets_one_letter_with_all_details(vault, write, run):
    write(
        "interviews/a.md",
        note(id="a", people='["Ann Lee", "ann lee <ann@x.example>", "Dr. Ann Lee, CTO", "Jo Kim"]'),
    )
    assert headed(run, vault) == [
        'To: "Dr. Ann Lee" <ann@x.example>',
        "Dear Dr. Lee,",
        "To: Jo Kim (no address recorded)",
        "Dear Jo,",
    ]
    checked = run("--vault", vault, "check").stdout
    assert checked.count("interviews/a.md:6: warning: people: ") == 2
    assert "people: 'ann lee' is written twice; read as one person" in checked
    contacts = json.loads(run("--vault", vault, "contacts", "--format", "json").stdout)
    assert [(c["name"], c["email"], c["title"]) for c in contacts["contacts"]] == [
        ("Dr. Ann Lee", "ann@x.example", "CTO"),
        ("Jo Kim", "", ""),
    ]


@pytest.mark.parametrize(
    "entry",
    [
        "Dana Lee <dana@acme.example>, Ravi Rao <ravi@acme.example>",
        "Dana Lee <dana@acme.example> and Ravi Rao <ravi@acme.example>",
        "Dana Lee dana@acme.example; Ravi Rao ravi@acme.example",
    ],
)
def test_two_people_in_one_entry_get_a_letter_each_to_their_own_address(vault, write, run, entry):
    write("interviews/a.md", note(id="a", people=f"\n  - {entry}"))
    assert headed(run, vault) == [
        "To: Dana Lee <dana@acme.example>",
        "Dear Dana,",
        "To: Ravi Rao <ravi@acme.example>",
        "Dear Ravi,",
    ]
    assert (
        f"a.md:6: warning: people: {entry!r} holds 2 people; read as one each: write one "
        "`- Name <email>` line per person (`check --fix` does it)"
    ) in run("--vault", vault, "check").stdout


@pytest.mark.parametrize(
    ("people", "left_out", "to"),
    [('["?", "---", Ann Lee]', 2, "Ann Lee"), ('";;;"', 1, "Acme team")],
)
def test_an_entry_without_a_letter_or_digit_is_no_name(vault, write, run, people, left_out, to):
    """A placeholder such as `?` or `---` gets no letter: it is an error, left out."""
    write("interviews/a.md", note(id="a", people=people))
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 1
    assert checked.stdout.count("is not a name; left out") == left_out
    assert headed(run, vault)[0] == f"To: {to} (no address recorded)"


def test_people_parted_by_semicolons_get_a_letter_each(vault, write, run):
    """A semicolon between names parts two people, in a list entry (which `check
    --fix` then writes as a line each) or in a bare `people:` line; one inside a
    remark in parentheses leaves one person (in a title, after a comma, see
    test_contacts)."""
    path = write(
        "interviews/a.md", note(id="a", people="\n  - Bill Lee; Milton Ware <mw@x.example>")
    )
    assert headed(run, vault) == [
        "To: Bill Lee (no address recorded)",
        "Dear Bill,",
        "To: Milton Ware <mw@x.example>",
        "Dear Milton,",
    ]
    checked = run("--vault", vault, "check").stdout
    assert (
        "a.md:6: warning: people: 'Bill Lee; Milton Ware <mw@x.example>' holds 2 people; read "
        "as one each"
    ) in checked
    fixed = run("--vault", vault, "check", "--fix")
    assert "interviews/a.md:6: people: item 1 -> 2 lines, one per person" in fixed.stderr
    assert '  - Bill Lee\n  - "Milton Ware <mw@x.example>"\n---' in path.read_text()
    path = write("interviews/a.md", note(id="a", people="Bill Lee; Milton Ware  # both"))
    assert headed(run, vault) == [
        "To: Bill Lee (no address recorded)",
        "Dear Bill,",
        "To: Milton Ware (no address recorded)",
        "Dear Milton,",
    ]
    assert (
        "a.md:6: warning: people should be a list (one `- Name <email>` line per person); read "
        "as 2 people"
    ) in run("--vault", vault, "check").stdout
    fixed = run("--vault", vault, "check", "--fix")
    assert "interviews/a.md:6: people -> a list of 2, one item per person" in fixed.stderr
    assert "\npeople: [Bill Lee, Milton Ware]  # both\n" in path.read_text()
    assert headed(run, vault)[::2] == [
        "To: Bill Lee (no address recorded)",
        "To: Milton Ware (no address recorded)",
    ]
    write("interviews/a.md", note(id="a", people="\n  - Ravi Rao (joined late; quiet)"))
    assert headed(run, vault) == ["To: Ravi Rao (no address recorded)", "Dear Ravi,"]
    assert "holds 2 people" not in run("--vault", vault, "check").stdout


def test_check_fix_writes_two_people_in_one_entry_on_a_line_each(vault, write, run):
    """The entry becomes one line per person, with the list's own indent and line
    ends; the mapping beside it is rewritten too; the letters stay the same; an
    entry in a flow list, or holding a comment, is left and the fix says why."""
    text = (
        "---\r\ntype: interview\r\nid: a\r\ncompany: Fabrikam\r\nstart: 2026-11-20T10:00\r\n"
        "people:\r\n    - Dana Lee <dana@f.example>, Ravi Rao <ravi@f.example>\r\n"
        "    - name: Olga Petrova\r\n      email: olga@f.example\r\n"
        "    - Eve Day <eve@f.example>; Ian Ho <ian@f.example>\r\n---\r\n# Notes\r\n"
    )
    path = write("interviews/a.md", text)
    before = run("--vault", vault, "draft", "thank-you", "a").stdout
    assert before.count("To: ") == 5
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.exit_code == 0, fixed.output
    assert fixed.stderr.splitlines()[:3] == [
        "interviews/a.md:6: people: item 1 -> 2 lines, one per person",
        "interviews/a.md:6: people: item 2 -> - Olga Petrova <olga@f.example>",
        "interviews/a.md:6: people: item 3 -> 2 lines, one per person",
    ]
    assert path.read_bytes() == text.replace(
        "    - Dana Lee <dana@f.example>, Ravi Rao <ravi@f.example>\r\n"
        "    - name: Olga Petrova\r\n      email: olga@f.example\r\n"
        "    - Eve Day <eve@f.example>; Ian Ho <ian@f.example>\r\n",
        '    - "Dana Lee <dana@f.example>"\r\n    - "Ravi Rao <ravi@f.example>"\r\n'
        '    - "Olga Petrova <olga@f.example>"\r\n'
        '    - "Eve Day <eve@f.example>"\r\n    - "Ian Ho <ian@f.example>"\r\n',
    ).encode("utf-8")
    assert "holds 2 people" not in run("--vault", vault, "check").stdout
    assert run("--vault", vault, "draft", "thank-you", "a").stdout == before
    for people in (
        '["Dana Lee <dana@f.example>, Ravi Rao <ravi@f.example>"]',
        "\n  - Dana Lee <dana@f.example>, Ravi Rao <ravi@f.example>  # both at once",
    ):
        kept = write("interviews/a.md", note(id="a", people=people))
        unchanged = kept.read_bytes()
        left = run("--vault", vault, "check", "--fix")
        assert kept.read_bytes() == unchanged
        assert "interviews/a.md: left as it is: item 1 of 'people'" in left.stderr, left.stderr


def test_several_addresses_that_cannot_be_told_apart_get_no_letter(vault, write, run):
    entry = "Dana, Recruiter dana@acme.example, Ravi ravi@acme.example"
    write("interviews/a.md", note(id="a", people=f"\n  - {entry}"))
    letters = run("--vault", vault, "draft", "thank-you", "a")
    assert "To: Dana (no address recorded)" in letters.stdout
    assert "@" not in "".join(line for line in letters.stdout.splitlines() if "To:" in line)
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 1
    assert (
        f"a.md:6: people: {entry!r} holds several addresses; no letter goes to Dana until "
        "you write one `- Name <email>` line per person"
    ) in checked.stdout


def test_two_names_joined_by_and_are_named(vault, write, run):
    write(
        "interviews/a.md", note(id="a", people='["Lena Ortiz and Tom Berg", "[[Smith & Jones]]"]')
    )
    checked = run("--vault", vault, "check").stdout
    assert (
        "a.md:6: warning: people: 'Lena Ortiz and Tom Berg' looks like two people; write one "
        "line each, so each gets a letter that greets them"
    ) in checked
    assert "Smith & Jones" not in checked  # a person note is one person


@pytest.mark.parametrize(
    ("entry", "warned"),
    [
        ("Smith, Jane", "read as Smith, whose title is Jane; if Jane is the first name, write `- Jane Smith`"),
        ("Smith, J. <js@acme.example>", "read as Smith, whose title is J.; if J. is the first name"),
        ("Dr. Müller, Anna", "read as Dr. Müller, whose title is Anna; if Anna is the first name, write `- Dr. Anna Müller`"),
        ("Jane Smith, CTO", None),
        ("Jane, Recruiter", None),
        ("Tom, Engineering", None),
        ("Jane, HR", None),
        ("Jane Smith, Head of Data", None),
        ("[[Smith, Jane]]", None),
        ('\"Smith, Jane\" <js@acme.example>', None),  # quoted, as mail does: Jane Smith
    ],
)  # fmt: skip
def test_a_name_written_surname_first_is_named(vault, write, run, entry, warned):
    """`Smith, Jane` reads as the `Name, Title` form does, Smith titled Jane, and a
    letter would greet "Dear Smith": the entry is named, so the user can say which."""
    write("interviews/a.md", note(id="a", people=f"\n  - {json.dumps(entry)}"))
    checked = run("--vault", vault, "check")
    found = [line for line in checked.stdout.splitlines() if "whose title is" in line]
    if warned is None:
        assert found == [], checked.stdout
    else:
        assert len(found) == 1 and f"a.md:6: warning: people: {entry!r} is {warned}" in found[0]
    for used in (("draft", "thank-you", "a"), ("contacts",)):  # where the name is put to use
        said = run("--vault", vault, *used).stderr
        assert (found[0] in said.splitlines()) if found else "whose title" not in said


def test_a_letter_to_nobody_in_particular_greets_the_team(vault, write, run):
    write("interviews/a.md", note(id="a", company="Acme"))
    letter = run("--vault", vault, "draft", "thank-you", "a").stdout
    assert "\nDear Acme team,\n" in letter


@pytest.mark.parametrize(
    "person",
    [
        Person("Łukasz Nowak", "lukasz@x.example"),
        Person("J. R. Smith", "jr@x.example"),
        Person('Jane "JJ" Doe', "jj@x.example"),
        Person("Fox; Lucius", "l@x.example"),
        Person("", "nobody@x.example"),
    ],
)
def test_a_recipient_is_always_exactly_one_address(person):
    assert getaddresses([recipient(person)]) == [(" ".join(person.name.split()), person.email)]


def test_a_name_cannot_forge_a_header_or_smuggle_an_address(vault, write, run):
    write(
        "interviews/a.md",
        note(
            id="a",
            people='["Eve\\nBcc: attacker@evil.example", "Mallory <m@x.example, boss@y.example>"]',
        ),
    )
    checked = run("--vault", vault, "check")
    assert (
        "'m@x.example, boss@y.example' is not an e-mail address a letter can use" in checked.stdout
    )
    letters = run("--vault", vault, "draft", "thank-you", "a")
    assert letters.exit_code == 0
    headers = [
        line for line in letters.stdout.splitlines() if line.startswith(("To:", "Bcc:", "Cc:"))
    ]
    assert headers == [
        "To: Eve Bcc: attacker@evil.example (no address recorded)",
        "To: Mallory (no address recorded)",
    ]
    assert "no usable e-mail address for Mallory" in letters.stderr
    assert (
        "boss@y.example" not in run("--vault", vault, "draft", "thank-you", "a", "--mailto").stdout
    )


def test_a_scalar_with_commas_is_an_error_read_as_names(vault, write, run):
    write("interviews/a.md", note(id="a", people="Alex Kim, Maya Chen <maya@x.example>"))
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 1
    assert "a.md:6: people holds commas: write people as a YAML list" in checked.stdout
    letters = run("--vault", vault, "draft", "thank-you", "a").stdout
    assert "Dear Alex," in letters and "To: Maya Chen <maya@x.example>" in letters
    # a title alone after a comma is the title of the one before it, no one to greet
    write(
        "interviews/a.md", note(id="a", people="Dana Whitfield, Recruiter, Bo Li, Hiring Manager")
    )
    contacts = json.loads(run("--vault", vault, "contacts", "--format", "json").stdout)
    assert [(c["name"], c["title"]) for c in contacts["contacts"]] == [
        ("Bo Li", "Hiring Manager"),
        ("Dana Whitfield", "Recruiter"),
    ]
    letters = run("--vault", vault, "draft", "thank-you", "a").stdout
    assert "Dear Dana," in letters and "Dear Bo," in letters and "Dear Recruiter" not in letters


def test_check_fix_lists_people_parted_by_commas_when_each_is_plainly_one(vault, write, run):
    """A `people` line with commas becomes the list it is read as when each entry is
    a name of two words or more, or has an address; a title stays with its person, in
    quotes, and the comment stays. With a one-word entry (`Lovelace, Ada` may be one
    person written surname first) the error stays and the line is left."""
    path = write(
        "interviews/a.md",
        note(id="a", people="Dana Whitfield, Recruiter, Bo Li <bo@x.example>  # both"),
    )
    before = run("--vault", vault, "draft", "thank-you", "a").stdout
    checked = run("--vault", vault, "check").stdout
    assert "`check --fix` makes it a list of the 2 people read" in checked
    fixed = run("--vault", vault, "check", "--fix")
    assert "interviews/a.md:6: people -> a list of 2, one item per person" in fixed.stderr
    assert fixed.exit_code == 0, fixed.output
    assert '\npeople: ["Dana Whitfield, Recruiter", "Bo Li <bo@x.example>"]  # both\n' in (
        path.read_text()
    )
    assert run("--vault", vault, "draft", "thank-you", "a").stdout == before
    assert "holds commas" not in run("--vault", vault, "check").stdout

    path = write("interviews/a.md", note(id="a", people="Lovelace, Ada"))
    text = path.read_bytes()
    checked = run("--vault", vault, "check").stdout
    assert "a.md:6: people holds commas" in checked and "check --fix" not in checked
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.exit_code == 1 and path.read_bytes() == text


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("[[Private/Postgres gripes|Postgres]] and [[Tech/Kafka]]", "Postgres and Kafka"),
        ("[[#Heading]], [[People/Maya Chen#Contact]]", "Heading, Maya Chen"),
        ("doc ![[a.png]] and ![alt](b.png) here", "doc and here"),
        ("the rota #ask-later #todo", "the rota"),
        ("their #kubernetes, C# and #12 ^a1b2", "their kubernetes, C# and #12"),
        ("https://x.example/#frag and [x](y)", "https://x.example/#frag and [x](y)"),
        ("[[" * 20_000 + "x", "[[" * 20_000 + "x"),  # hostile lines cost their length
        ("![[" * 20_000, "![[" * 20_000),
        ("x" + " " * 50_000 + "^a1", "x"),
    ],
)
def test_markup_reads_as_obsidian_shows_it(line, shown):
    assert plain_text(line) == shown


def test_a_company_note_linked_stands_for_its_name(vault, write, run):
    write("interviews/a.md", note('"[[Companies/Initech|Initech Corp]]"', id="a", people="[Bill]"))
    write("interviews/b.md", note('"[[Initech Corp]]"', "2026-11-24T10:00", id="b"))
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 0, checked.output
    listed = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert {a["company"] for a in listed["actions"]} == {"Initech Corp"}
    status = run("--vault", vault, "status", "--format", "json").stdout
    assert [a["company"] for a in json.loads(status)["applications"]] == ["Initech Corp"]
    letter = run("--vault", vault, "draft", "thank-you", "a").stdout
    assert "Subject: Thank you for your time, Initech Corp" in letter
    assert "[[" not in letter and "]]" not in letter


def test_a_link_without_quotes_is_an_error_and_still_read(vault, write, run):
    """YAML reads `[[Acme]]` as a list holding a list: the note says where to add the
    quotes, and is read as the link was meant, so no reminder is lost over it."""
    write(
        "interviews/a.md",
        note("[[Initech]]", id="a", people="\n  - [[People/Bill Lumbergh]]\n  - Milton"),
    )
    write("interviews/b.md", note("Globex", id="b", people="[[Hank Scorpio]]"))
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 1
    assert (
        'a.md:3: company: a link needs quotes, or YAML reads a list: company: "[[Initech]]"'
        in checked.stdout
    )
    assert (
        'a.md:6: people: a link needs quotes, or YAML reads a list: - "[[People/Bill Lumbergh]]"'
        in checked.stdout
    )
    assert (
        'b.md:6: people: a link needs quotes, or YAML reads a list: people: ["[[Hank Scorpio]]"]'
        in checked.stdout
    )
    listed = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert {a["kind"] for a in listed["actions"] if a["company"] == "Initech"} >= {"thank-you"}
    assert "Dear Bill," in run("--vault", vault, "draft", "thank-you", "a").stdout
    assert "Dear Hank," in run("--vault", vault, "draft", "thank-you", "b").stdout


def test_check_fix_puts_quotes_around_links_and_changes_nothing_else(vault, write, run):
    before = (
        "\ufeff---\r\ntype: interview\r\ncompany: [[Companies/Initech|Initech Corp]]  # linked\r\n"
        "start: 2026-11-25T10:00\r\npeople:\r\n  - [[People/Bill]]\r\n  - Milton\r\n"
        "  - [[Peter]]\r\n---\r\n## Notes\r\n- [[kept as it is]]\r\n"
    )
    a = write("interviews/a.md", before)
    b = write("interviews/b.md", note("Globex", id="b", people='[[Hank "The" Scorpio]]'))
    c = write("interviews/c.md", note("[[Docs\\Old|Umbrella]]", id="c"))  # a backslash
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.exit_code == 0, fixed.output
    assert a.read_bytes() == before.replace(
        "company: [[Companies/Initech|Initech Corp]]",
        'company: "[[Companies/Initech|Initech Corp]]"',
    ).replace("- [[People/Bill]]", '- "[[People/Bill]]"').replace(
        "- [[Peter]]", '- "[[Peter]]"'
    ).encode("utf-8")
    assert b.read_text().splitlines()[5] == "people: ['[[Hank \"The\" Scorpio]]']"  # no escapes
    assert c.read_text().splitlines()[2] == 'company: "[[Docs\\\\Old|Umbrella]]"'
    assert 'interviews/a.md:5: people: [[Peter]] -> "[[Peter]]"' in fixed.stderr
    letter = run("--vault", vault, "draft", "thank-you", "b").stdout
    assert letter.startswith('To: Hank "The" Scorpio (no address recorded)\n')


def test_an_unusable_note_linking_its_company_warns_that_company(vault, write, run):
    write("interviews/a.md", note("Initech", id="a"))
    write("interviews/b.md", note('"[[Companies/Initech|Initech]]"', "soon", id="b"))
    listed = json.loads(run("--vault", vault, "due", "--all", "--format", "json").stdout)
    assert listed["actions"] and all(a["warning"] for a in listed["actions"])


def test_a_person_written_as_a_mapping_is_read_with_a_warning(vault, write, run):
    people = (
        "\n  - name: Olga Petrova\n    email: olga@f.example\n    role: Head of Data"
        "\n  - Name: Sam Lee\n  - email: nobody@f.example"
    )
    write("interviews/a.md", note(id="a", people=people))
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 1  # the third entry has no name: still an error
    assert (
        "a.md:6: warning: people: write each person on one line, as "
        "`- Olga Petrova, Head of Data <olga@f.example>`"
    ) in checked.stdout
    assert "as `- Sam Lee`" in checked.stdout
    assert "a.md:6: people: {'email': 'nobody@f.example'} is not a name; left out" in checked.stdout
    letters = run("--vault", vault, "draft", "thank-you", "a").stdout
    assert "To: Olga Petrova <olga@f.example>" in letters and "Dear Sam," in letters
    assert "nobody@f.example" not in letters


def test_check_fix_writes_a_person_given_as_a_mapping_on_one_line(vault, write, run):
    """Only the mapping items change, each into the one line it was read as; what the
    letters say stays the same; every other byte (CRLF included) is kept."""
    text = (
        "---\r\ntype: interview\r\nid: a\r\ncompany: Fabrikam\r\nstart: 2026-11-20T10:00\r\n"
        "people:  # whom I met\r\n  - name: Olga Petrova\r\n    role: Head of C# Data\r\n"
        "    email: olga@f.example\r\n  - Sam Lee\r\n  - Name: Kim Park\r\n\r\n"
        "# the recruiter next\r\noutcome: pending\r\n---\r\n# Notes\r\n"
    )
    path = write("interviews/a.md", text)
    before = run("--vault", vault, "draft", "thank-you", "a").stdout
    checked = run("--vault", vault, "check").stdout
    assert "as `- Olga Petrova, Head of C# Data <olga@f.example>`: Obsidian cannot" in checked
    assert "read as that (`check --fix` does it)" in checked
    fixed = run("--vault", vault, "check", "--fix")
    assert fixed.exit_code == 0, fixed.output
    assert "a.md:6: people: item 1 -> - Olga Petrova, Head of C# Data <olga@f.example>" in (
        fixed.stderr
    )
    assert "a.md:6: people: item 3 -> - Kim Park" in fixed.stderr
    assert (
        path.read_bytes()
        == text.replace(
            "  - name: Olga Petrova\r\n    role: Head of C# Data\r\n    email: olga@f.example\r\n",
            '  - "Olga Petrova, Head of C# Data <olga@f.example>"\r\n',
        )
        .replace("  - Name: Kim Park\r\n", "  - Kim Park\r\n")
        .encode()
    )
    assert "mapping" not in fixed.stdout
    assert run("--vault", vault, "draft", "thank-you", "a").stdout == before


@pytest.mark.parametrize(
    ("people", "why"),
    [
        ("\n  - name: Olga Petrova\n    phone: '+49 30 1234'", "would lose phone: move that"),
        ("\n  - name: Olga Petrova\n    title: CTO\n    role: Founder", "would lose role:"),
        ("\n  - name: Olga Petrova  # met twice\n    title: CTO", "holds a comment"),
        ("\n  - name: Olga Petrova\n    title: CTO\n    # met twice", "holds a comment"),
        ("\n\n  - name: Olga Petrova\n    mobile: '0170'\n\n  - Kim", "would lose mobile"),
        ("\n  -\n    name: Olga Petrova", "is not on a `- ` line of its own"),
        ("[{name: Olga Petrova}]", "is not on a `- ` line of its own"),
    ],
)
def test_check_fix_leaves_a_mapping_it_cannot_write_on_one_line(vault, write, run, people, why):
    """Alone and, when it holds more than one line says, beside a mapping that can be
    written on one line (which is). An item it cannot edit leaves the whole note."""
    path = write("interviews/a.md", note(id="a", people=people))
    before = path.read_bytes()
    fixed = run("--vault", vault, "check", "--fix")
    assert why in fixed.output
    assert path.read_bytes() == before
    if "would lose" in why:  # the note is fixed, but this item is kept as it is
        path = write("interviews/a.md", note(id="a", people=f"\n  - name: Sam Lee{people}"))
        fixed = run("--vault", vault, "check", "--fix")
        assert "people: item 1 -> - Sam Lee" in fixed.stderr
        assert path.read_text() == note(id="a", people=f"\n  - Sam Lee{people}")


def test_a_flow_list_that_splits_name_and_title_warns(vault, write, run):
    write("interviews/a.md", note(id="a", people="[Alex Kim, Talent Partner <alex@x.example>]"))
    checked = run("--vault", vault, "check")
    assert "a.md:6: warning: people is a [flow, list]" in checked.stdout
    write("interviews/a.md", note(id="a", people='["Alex Kim, Talent Partner <alex@x.example>"]'))
    assert "flow, list" not in run("--vault", vault, "check").stdout


def test_people_are_gathered_across_rounds_and_person_notes(tmp_path, run):
    """The interviewkit vault sits inside a larger Obsidian vault; the person note is
    found there, by base name, ignoring case, the shortest path first."""
    outer = tmp_path / "Obsidian"
    (outer / ".obsidian").mkdir(parents=True)
    for rel, email in (
        ("People/Maya Chen.md", "maya@acme.example"),
        ("Archive/old/maya chen.md", "old@x.example"),
    ):
        path = outer / rel
        path.parent.mkdir(parents=True)
        path.write_text(
            f"---\nemail: {email}\ntitle: Engineering Manager\nphone: +1 555 0100\n---\n"
        )
    vault = outer / "Jobs"
    assert run("init", vault, env={"TZ": "Europe/Paris"}).exit_code == 0
    (vault / "interviews").mkdir()
    (vault / "interviews" / "one.md").write_text(
        note(
            "Acme",
            "2026-11-10T10:00",
            id="one",
            people='["Dr. Lucius Fox, CTO <lucius@acme.example>"]',
        )
    )
    (vault / "interviews" / "two.md").write_text(
        note("ACME", "2026-11-20T10:00", id="two", people='["[[maya chen]]", "Lucius Fox"]')
    )
    letters = run("--vault", vault, "draft", "thank-you", "two")
    assert letters.exit_code == 0, letters.output
    assert "To: Maya Chen <maya@acme.example>" in letters.stdout  # as the person note is named
    assert "To: Lucius Fox <lucius@acme.example>" in letters.stdout
    assert "Dear Lucius," in letters.stdout


def test_a_note_without_a_round_never_doubles_a_word(vault, write, run):
    write("interviews/a.md", note(id="a", people='["Dr. Anna Weber <anna@x.example>"]'))
    for kind in ("thank-you", "follow-up"):
        letter = run("--vault", vault, "draft", kind, "a").stdout
        assert "interview interview" not in letter and "  " not in letter
        assert "Dear Dr. Weber," in letter
    template = vault / "templates" / "thank-you.md"
    template.parent.mkdir(exist_ok=True)
    template.write_text("---\nsubject: Thanks\n---\nSehr geehrte(r) {{honorific}} {{last_name}},\n")
    assert "Sehr geehrte(r) Dr. Weber," in run("--vault", vault, "draft", "thank-you", "a").stdout


def test_new_writes_two_people_given_in_one_person_option_as_two_entries(vault, run):
    made = run(
        "--vault", vault, "new", "Acme", "--round", "onsite", "--at", "2026-11-27 14:00",
        "--person", "Ana Lima <ana@acme.example>, Bo Chen <bo@acme.example>",
        "--person", "Cy <cy@acme.example>",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    text = (vault / made.stdout.strip()).read_text()
    assert (
        'people:\n  - "Ana Lima <ana@acme.example>"\n  - "Bo Chen <bo@acme.example>"\n'
        '  - "Cy <cy@acme.example>"\n'
    ) in text
    assert "people" not in run("--vault", vault, "check").stdout


def test_new_names_a_person_given_surname_first_and_writes_them_as_given(vault, run):
    made = run(
        "--vault", vault, "new", "Acme", "--round", "onsite", "--at", "2026-11-27 14:00",
        "--person", "Schmidt, Anna <anna@acme.example>", "--person", "Jo Li, CTO",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    assert (
        "warning: --person 'Schmidt, Anna <anna@acme.example>' is written as given, and reads "
        "as Schmidt, whose title is Anna; if Anna is the first name, write it first in the "
        "note (`Anna Schmidt`)"
    ) in made.stderr
    assert "Jo Li" not in made.stderr
    assert '  - "Schmidt, Anna <anna@acme.example>"\n' in (vault / made.stdout.strip()).read_text()


MET_NOTE = """---
type: interview
id: a
company: Initech
start: 2026-11-20T10:00
people:
  - Bill Lumbergh
  - Milton Waddams
  - Bob Slydell <bob@initech.example>
  - "[[Peter Gibbons]]"
---
## People met
<!-- a hint, as the template writes one,
over two lines -->
- **Bill Lumbergh**, VP, +1 (555) 010-4477
- Milton (stapler guy) — milton@initech.example
- Bob Slydell, Consultant, bob.s@other.example
- Peter Gibbons, Programmer, peter@initech.example
- Joanna Dale (met at lunch) <joanna@chotchkies.example>
- Bill said to write to hr@initech.example with questions
- [ ] Send Bill the TPS report cover sheet
Lunch was at a place called Chotchkie's, bob@initech.example paid.

## Important points
- Nina Sharp <nina@elsewhere.example>
"""


def test_business_cards_under_people_met_reach_letters_and_contacts(vault, write, run):
    """The template asks for the business cards under People met and the names in
    `people`: what a card adds (address, title, phone) goes with that name; the entry
    wins where both say something; a link keeps its person note; a line naming
    nobody in `people` is named when it holds an address."""
    write("interviews/a.md", MET_NOTE)
    for attempt in ("cold", "from the cache"):
        contacts = json.loads(run("--vault", vault, "contacts", "--format", "json").stdout)
        assert [(c["name"], c["title"], c["email"], c["phone"]) for c in contacts["contacts"]] == [
            ("Bill Lumbergh", "VP", "", "+1 (555) 010-4477"),
            ("Bob Slydell", "Consultant", "bob@initech.example", ""),
            # a card alone is someone met: a contact, though no letter goes to them
            ("Joanna Dale", "", "joanna@chotchkies.example", ""),
            ("Milton Waddams", "", "milton@initech.example", ""),  # a remark is no title
            ("Peter Gibbons", "", "", ""),
        ], attempt
    assert "To: Milton Waddams <milton@initech.example>" in headed(run, vault)
    checked = run("--vault", vault, "check").stdout
    people = [line for line in checked.splitlines() if "warning: people" in line]
    assert people == [
        "interviews/a.md:17: warning: people: Bob Slydell's address is bob@initech.example "
        "in `people` but bob.s@other.example under People met; letters and contacts use "
        "bob@initech.example",
        "interviews/a.md:19: warning: people: Joanna Dale <joanna@chotchkies.example>, under "
        "People met, is not in `people`, so no letter goes to this address; add "
        "`- Joanna Dale <joanna@chotchkies.example>` to people",
    ]
    said = run("--vault", vault, "contacts").stderr
    assert people[1].removeprefix("interviews/a.md:19: warning: ") in said


def test_an_edit_under_people_met_is_read_on_the_next_run(vault, write, run):
    """A body edit normally reuses the front matter read before; one that changes
    a card under People met must still reach the contacts."""
    path = write("interviews/a.md", MET_NOTE)
    run("--vault", vault, "due")  # the cache now holds the reading
    path.write_text(MET_NOTE.replace("+1 (555) 010-4477", "+1 (555) 010-9999"))
    contacts = json.loads(run("--vault", vault, "contacts", "--format", "json").stdout)
    assert contacts["contacts"][0]["phone"] == "+1 (555) 010-9999"
    path.write_text(MET_NOTE.replace("- **Bill Lumbergh**, VP, +1 (555) 010-4477\n", ""))
    contacts = json.loads(run("--vault", vault, "contacts", "--format", "json").stdout)
    assert (contacts["contacts"][0]["title"], contacts["contacts"][0]["phone"]) == ("", "")
    checked = run("--vault", vault, "check").stdout  # its warnings, found again, once each
    assert checked.count("warning: people: Joanna Dale") == 1
    assert "interviews/a.md:18: warning: people: Joanna Dale" in checked  # a line up now


def test_people_met_under_a_heading_of_its_own_language(vault, write, run):
    """The section is found by its configured heading, and its name is the one the
    warning gives."""
    (vault / ".interviewkit" / "config.yaml").write_text(
        "timezone: Europe/Berlin\nheading_people_met: Gesprächspartner\n"
    )
    write(
        "interviews/a.md",
        MET_NOTE.replace("## People met", "## Gesprächspartner"),
    )
    contacts = json.loads(run("--vault", vault, "contacts", "--format", "json").stdout)
    assert contacts["contacts"][0]["title"] == "VP"
    assert "under Gesprächspartner, is not in `people`" in run("--vault", vault, "check").stdout


def test_a_linkedin_address_on_a_card_is_the_persons_and_not_their_title(vault, write, run):
    write(
        "interviews/a.md",
        note(id="a", people="[Ann Lee, Jo Kim]")
        + "## People met\n- Ann Lee, CTO, https://www.linkedin.com/in/ann-lee-example/\n"
        "- Jo Kim (linkedin.com/in/jokim), +49 30 1234567\n",
    )
    for attempt in ("cold", "from the cache"):
        contacts = json.loads(run("--vault", vault, "contacts", "--format", "json").stdout)
        assert [
            (c["name"], c["title"], c["phone"], c["linkedin"]) for c in contacts["contacts"]
        ] == [
            ("Ann Lee", "CTO", "", "https://www.linkedin.com/in/ann-lee-example/"),
            ("Jo Kim", "", "+49 30 1234567", "https://linkedin.com/in/jokim"),
        ], attempt
    vcard = run("--vault", vault, "contacts").stdout
    assert "URL:https://www.linkedin.com/in/ann-lee-example/" in vcard


def test_cards_written_as_a_table_under_people_met_are_read_by_its_header(vault, write, run):
    """A table whose header names its columns (in English or German) holds one card
    a row; a table without a name column, and a row of other cells, hold none."""
    write(
        "interviews/a.md",
        note(id="a", people="[Elaine Benes, J. Peterman]")
        + "## People met\n\n| Name | Title | E-Mail | Phone |\n|------|:-----:|---|---|\n"
        "| Elaine Benes | Editor | [elaine@pendant.example](mailto:elaine@pendant.example) "
        "| +1 212 555 0199 |\n| **J. Peterman** | Founder |\n"
        "| Kenny Bania | Comedian | kenny@bania.example | |\n\n"
        "| Room | Floor |\n|---|---|\n| Elaine Benes | 3 |\n",
    )
    write(
        "interviews/b.md",
        note("Kruger", id="b") + "## People met\n| Wer | Funktion |\n|---|---|\n"
        "| Mr. Kruger | CEO |\n| Hiring Manager | |\n",
    )
    contacts = json.loads(run("--vault", vault, "contacts", "--format", "json").stdout)
    assert [(c["name"], c["title"], c["email"], c["phone"]) for c in contacts["contacts"]] == [
        ("Elaine Benes", "Editor", "elaine@pendant.example", "+1 212 555 0199"),
        ("J. Peterman", "Founder", "", ""),
        ("Kenny Bania", "Comedian", "kenny@bania.example", ""),  # a card alone
        ("Mr. Kruger", "CEO", "", ""),  # people empty: the cards are the contacts
    ]
    checked = run("--vault", vault, "check").stdout
    assert (
        "interviews/a.md:15: warning: people: Kenny Bania <kenny@bania.example>, under People "
        "met, is not in `people`"
    ) in checked
    assert "interviews/b.md:8: warning: people is empty, but People met names Mr. Kruger: " in (
        checked
    )


def test_a_card_with_the_whole_name_completes_an_entry_of_the_first_name_alone(vault, write, run):
    """`people: [Dana]`, then the card `Dana Whitfield, Recruiter, dana@…` under People
    met: one person, whose contact and letter get the whole name and the details;
    rounds that write the whole name are the same person then."""
    write(
        "interviews/a.md",
        note(id="a", people="[Dana, Dan, Danielle Roe]") + "## People met\n"
        "- Dana Whitfield, Recruiter, dana@acme.example\n- Bo Li, linkedin.com/in/boli.\n",
    )
    write("interviews/b.md", note(start="2026-11-25T10:00", id="b", people="[Dana Whitfield]"))
    contacts = json.loads(run("--vault", vault, "contacts", "--format", "json").stdout)
    assert [(c["name"], c["title"], c["email"], c["met"]) for c in contacts["contacts"]] == [
        ("Bo Li", "", "", "interview on 2026-11-20"),  # a card alone
        ("Dan", "", "", "interview on 2026-11-20"),
        ("Dana Whitfield", "Recruiter", "dana@acme.example",
         "interview on 2026-11-20, interview on 2026-11-25"),
        ("Danielle Roe", "", "", "interview on 2026-11-20"),
    ]  # fmt: skip
    assert "people: Bo Li" not in run("--vault", vault, "check").stdout  # no address: unsaid


def test_a_card_whose_first_word_is_spelt_otherwise_fills_in_but_keeps_the_name():
    """`Sam- Ann, CTO` for `Sam` in `people`: the title is Sam's, and the name stays
    Sam, not `Sam- Ann` (found by the property below)."""
    from interviewkit.notes.people import details_met

    for card, name in (("Sam- Ann, CTO", "Sam"), ("Sam Ann, CTO", "Sam Ann")):
        found, _, _ = details_met([Person("Sam")], "People met", f"- {card}\n", 20)
        assert [(p.name, p.title) for p in found] == [(name, "CTO")]


def test_a_first_name_alone_under_people_met_needs_one_person_of_that_name():
    from interviewkit.notes.people import details_met

    people = [Person("Ann Lee"), Person("Ann Ray"), Person("Jo Kim")]
    text = "- Ann, CTO, ann@x.example\n- Jo (card in the folder), +49 30 1234567\n- Dana Lee"
    found, warnings, others = details_met(people, "People met", text, 10)
    assert found == [Person("Ann Lee"), Person("Ann Ray"), Person("Jo Kim", phone="+49 30 1234567")]
    assert others == [Person("Dana Lee")]  # a card alone: a contact, no letter
    assert warnings == [  # Ann: whose? named, not guessed
        (
            10,
            "people: Ann under People met could be Ann Lee or Ann Ray, so what the line "
            "says goes to neither; write the whole name",
        )
    ]


def test_a_card_may_give_a_title_in_parentheses_or_a_colon_after_the_name():
    """`Gavin Belson (CEO)` and `(Head of Talent)` are titles, `(card in the folder)`
    a remark; `Big Head: big@x.example` and `Erlich Bachman: +1 650 555 0199` are
    cards, as with a comma, but `Todo: mail jared@x.example the deck` and `Note: ask
    about it` are remarks, no one's card."""
    from interviewkit.notes.people import details_met

    people = [Person("Gavin Belson"), Person("Monica Hall"), Person("Jo Kim")]
    text = (
        "- Gavin Belson (CEO) gavin@x.example\n- Monica Hall (Head of Talent)\n"
        "- Jo Kim (card in the folder)\n- Big Head: Engineer, big@x.example\n"
        "- Erlich Bachman: +1 650 555 0199\n- Todo: mail jared@x.example the deck\n"
        "- Note: ask about it\n"
    )
    found, warnings, others = details_met(people, "People met", text, 10)
    assert [(p.name, p.title, p.email) for p in found] == [
        ("Gavin Belson", "CEO", "gavin@x.example"),
        ("Monica Hall", "Head of Talent", ""),
        ("Jo Kim", "", ""),
    ]
    assert others == [
        Person("Big Head", "big@x.example", "Engineer"),
        Person("Erlich Bachman", phone="+1 650 555 0199"),
    ]
    assert warnings == [
        (
            13,
            "people: Big Head <big@x.example>, under People met, is not in `people`, so no "
            "letter goes to this address; add `- Big Head, Engineer <big@x.example>` to people",
        )
    ]


_WRITTEN = st.sampled_from(
    [Person("Ann Lee"), Person("Ann Ray", "ann@ray.example"), Person("Jo Kim", title="CTO"),
     Person("Dr. Ann Lee", phone="+1 555 0100"), Person("Maya Chen", link="Maya Chen"),
     Person("Sam", bad_email="sam at x")]
)  # fmt: skip
_CARD_PIECES = st.sampled_from(
    ["- ", "* ", "1. ", "- [ ] ", "Ann", "Ann Lee", "Jo", "Maya Chen", "Sam", ", CTO",
     " (card)", " <ann@x.example>", " jo@k.example", ", +49 30 1234567", "**", "\n", " ",
     "# ", "Dr. ", " - VP", "| Name | Title | Phone |", "|---|---|", "| Ann | CTO |", " | ",
     "| Jo Kim | | +49 30 1234567 |", "|", ": ", " (CEO)", " (Head of Talent)", "Todo: "]
)  # fmt: skip


@settings(max_examples=300)
@given(st.lists(_WRITTEN, max_size=4), st.lists(_CARD_PIECES, max_size=14).map("".join))
def test_a_card_under_people_met_only_fills_in(people, text):
    """Whatever the section holds, nobody is added to `people` or dropped, a name is
    only ever completed (a first name alone, by a card's whole name), a link is left
    as it is, what `people` says of someone stands, each warning is on a line of the
    section, and the cards of others name nobody in `people`."""
    from interviewkit.notes.people import details_met

    found, warnings, others = details_met(people, "People met", text, 20)
    assert len(found) == len(people)
    for before, after in zip(people, found, strict=True):
        if after.name != before.name:
            assert len(before.name.split()) == 1 and after.name.split()[0] == before.name
        if before.link:
            assert after == before
        for detail in ("email", "title", "phone", "link", "bad_email", "linkedin"):
            if getattr(before, detail):
                assert getattr(after, detail) == getattr(before, detail)
        if before.bad_email:
            assert not after.email  # an unusable address is never swapped for another
    assert all(20 <= line < 20 + text.count("\n") + 1 for line, _ in warnings)
    assert not {p.key for p in others} & {p.key for p in found}
    assert len({p.key for p in others}) == len(others)


def test_check_fix_adds_the_names_under_people_met_to_an_empty_people(vault, write, run):
    """People met filled in, `people` forgotten: no letter greets anyone. `check`
    names whom the section lists, and `check --fix` adds them, so the cards there
    reach letters and contacts; a sentence written there is nobody."""
    body = (
        "## People met\n<!-- one line each -->\n- **Bill Lumbergh**, VP, +1 555 010 4477\n"
        "- Milton Waddams — milton@initech.example\n- we had lunch at Chotchkie's\n"
        "- Hiring Manager (did not give a name)\n- Recruiter <jobs@initech.example>\n"
        "Peter Gibbons, not a list item\n"
    )
    flow = write("interviews/a.md", note(id="a", people="[]") + body)
    quoted = write("interviews/c.md", note("Intertrode", id="c", people='""') + body)
    block = write("interviews/b.md", note("Initrode", id="b") + body.replace("Milton", "Jo"))
    run("--vault", vault, "due")  # a cached reading, then a body edit read from it
    block.write_text(block.read_text() + "- Sam Lee\n")
    checked = run("--vault", vault, "check").stdout
    assert (
        "interviews/a.md:6: warning: people is empty, but People met names Bill Lumbergh, "
        "Milton Waddams: no letter greets them (`check --fix` adds "
        "them to people)"
    ) in checked
    assert checked.count("interviews/a.md:6: warning: people is empty") == 1
    assert (
        "interviews/b.md:8: warning: people is empty, but People met names Bill Lumbergh, "
        "Jo Waddams, Sam Lee:"
    ) in checked
    fixed = run("--vault", vault, "check", "--fix")
    assert [line for line in fixed.stderr.splitlines() if "people +=" in line] == [
        "interviews/a.md:6: people += Bill Lumbergh (from People met)",
        "interviews/a.md:6: people += Milton Waddams (from People met)",
        "interviews/b.md:6: people += Bill Lumbergh (from People met)",
        "interviews/b.md:6: people += Jo Waddams (from People met)",
        "interviews/b.md:6: people += Sam Lee (from People met)",
        "interviews/c.md:6: people += Bill Lumbergh (from People met)",
        "interviews/c.md:6: people += Milton Waddams (from People met)",
    ]
    assert (
        "people: [Bill Lumbergh, Milton Waddams]\n---\n# Notes\n## People met" in flow.read_text()
    )
    assert "\npeople:\n  - Bill Lumbergh\n  - Jo Waddams\n  - Sam Lee\n---\n" in block.read_text()
    assert "\npeople: [Bill Lumbergh, Milton Waddams]\n" in quoted.read_text()
    assert "people is empty" not in fixed.stdout
    contacts = json.loads(run("--vault", vault, "contacts", "--format", "json").stdout)
    assert [(c["name"], c["title"], c["email"], c["phone"]) for c in contacts["contacts"]] == [
        ("Bill Lumbergh", "VP", "", "+1 555 010 4477"),
        ("Milton Waddams", "", "milton@initech.example", ""),
        ("Bill Lumbergh", "VP", "", "+1 555 010 4477"),
        ("Jo Waddams", "", "milton@initech.example", ""),
        ("Sam Lee", "", "", ""),
        ("Bill Lumbergh", "VP", "", "+1 555 010 4477"),  # Intertrode
        ("Milton Waddams", "", "milton@initech.example", ""),
    ]


def test_someone_met_but_not_in_people_is_named_while_the_thank_you_is_owed(vault, write, run):
    """A card under People met for someone not in `people` is a contact, and no letter
    goes to them: while the thank-you is owed, `due` says so, as they may have
    interviewed you; once it is recorded, or with `people` empty (its own action),
    nothing more is said."""
    body = (
        "## People met\n- Alice Wong, Engineering Manager, alice@umbrella.example\n"
        "- Bob Stone (Staff Engineer)\n- Cy Twombly, cy@umbrella.example\n- Dee Dee, CTO\n"
    )
    path = write("interviews/a.md", note(id="a", people="[Alice Wong]") + body)
    said = (
        "interviews/a.md:9: warning: People met names Bob Stone and Dee Dee, not in "
        "people, so no thank-you letter goes to them: add them to people if they "
        "interviewed you"  # Cy's address has a warning of its own, on its line
    )
    due = run("--vault", vault, "due", "--today", "2026-11-21")
    assert f"  {said}\n" in due.stdout
    path.write_text(path.read_text() + "## Fit\nGood.\n")  # a body edit: found again
    assert said in run("--vault", vault, "check", "--today", "2026-11-21").stdout
    path.write_text(note(id="a", people="[Alice Wong]", thank_you_sent="2026-11-20") + body)
    assert "not in people" not in run("--vault", vault, "check", "--today", "2026-11-21").stdout
    path.write_text(note(id="a", people="[Alice Wong, Bob Stone, Dee Dee]") + body)
    assert "not in people" not in run("--vault", vault, "check", "--today", "2026-11-21").stdout
