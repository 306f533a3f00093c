"""One rule for company and person arguments: exact folded name, else a unique part."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interviewkit.errors import Ambiguous, NoteNotFound
from interviewkit.names import fold, fold_unicode, match_company, near_company, pick

from .conftest import note

TODAY = "2026-11-26"


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Acme Robotics", "acme robotics"),
        ("acme-robotics", "acme robotics"),
        ("ACME_ROBOTICS", "acme robotics"),
        ("Café Müller", "cafe muller"),
        ("  Cafe   Muller, Inc. ", "cafe muller inc"),
        ("Ørsted", "ørsted"),  # a letter of its own, not an accent: kept
        ("Straße", "strasse"),
    ],
)
def test_fold(written, folded):
    assert fold(written) == folded


@given(st.text(st.characters(max_codepoint=127)))
def test_the_ascii_shortcut_folds_as_the_full_rule(text):
    assert fold(text) == fold_unicode(text)


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.text(st.characters(max_codepoint=0xFF, categories=["Lu", "Ll", "Zs", "Pd"])))
def test_fold_ignores_case_and_dashes_in_latin_names(text):
    assert fold(text.upper()) == fold(text.lower())
    assert fold(text) == fold(text).strip() and "  " not in fold(text) and "-" not in fold(text)


COMPANIES = {
    fold(name): name
    for name in ("Acme Robotics", "Acme", "Stark Industries", "Vandelay Industries", "Café Müller")
}


def test_an_exact_folded_name_wins_over_parts_of_others():
    assert match_company("acme", COMPANIES) == "acme"
    assert match_company("ACME-robotics", COMPANIES) == "acme robotics"
    assert match_company("cafe muller", COMPANIES) == "cafe muller"


def test_a_unique_part_matches():
    assert match_company("robot", COMPANIES) == "acme robotics"
    assert match_company("stark", COMPANIES) == "stark industries"


def test_two_or_more_parts_are_ambiguous_and_listed():
    with pytest.raises(Ambiguous) as caught:
        match_company("industries", COMPANIES)
    assert caught.value.exit_code == 5
    assert "Stark Industries; Vandelay Industries" in str(caught.value)


def test_no_match_lists_the_five_closest_and_the_count():
    many = {fold(f"Company {n}"): f"Company {n}" for n in range(12)}
    with pytest.raises(NoteNotFound) as caught:
        match_company("Compnay 3", many)
    message = str(caught.value)
    assert caught.value.exit_code == 4
    assert "closest: Company 3," in message and "12 companies in all" in message
    assert message.split("closest: ")[1].split(";")[0].count(",") == 4


def test_people_use_the_same_rule_by_name_or_address():
    people = [("Dana Whitfield", "dana@x.example"), ("Dan Brown", ""), ("Ravi Shankar", "r@x")]

    def names(p):
        return p

    assert pick("dana@x.example", people, names, "person") == people[0]
    assert pick("ravi", people, names, "person") == people[2]
    assert pick("dan brown", people, names, "person") == people[1]
    with pytest.raises(Ambiguous):
        pick("dan", people, names, "person")
    with pytest.raises(NoteNotFound):
        pick("zed", people, names, "person")


def test_near_company_only_for_another_spelling_a_near_miss_or_a_short_form():
    assert near_company("Acme Robotics", COMPANIES) is None
    assert near_company("acme robotics", COMPANIES) == "Acme Robotics"
    assert near_company("Acme Robotic", COMPANIES) == "Acme Robotics"
    assert near_company("Globex", COMPANIES) is None
    # a short form of one company, as whole words; not of two, nor part of a word
    assert near_company("stark", COMPANIES) == "Stark Industries"
    assert near_company("Cafe", COMPANIES) == "Café Müller"
    assert near_company("Industries", COMPANIES) is None
    assert near_company("Star", COMPANIES) is None
    assert near_company("Acme", COMPANIES) is None  # a company of its own
    assert near_company("Vandelay Industries Inc", COMPANIES) == "Vandelay Industries"
    assert near_company("Stark Industries Europe Ltd", COMPANIES) == "Stark Industries"
    # names whose numbers differ are other names, however alike their letters
    assert near_company("Studio 45", {"studio 54": "Studio 54"}) is None
    assert near_company("Acme 2", {"acme": "Acme"}) is None
    assert near_company("Studio  54.", {"studio 54": "Studio 54"}) == "Studio 54"


def test_check_warns_once_about_a_company_written_like_another(vault, write, run):
    write("interviews/a.md", note("Northwind Traders", id="a"))
    write("interviews/b.md", note("Northwind", "2026-11-24T10:00", id="b"))
    write("interviews/c.md", note("Nortwind Traders", "2026-11-25T10:00", id="c"))
    write("interviews/d.md", note("Northwind", "2026-11-26T10:00", id="d"))  # one warning a name
    write("interviews/e.md", note("Globex", id="e"))
    write("interviews/f.md", note("Wind", "2026-11-27T10:00", id="f"))  # part of a word only
    checked = run("--vault", vault, "check")
    assert checked.exit_code == 0, checked.output
    warned = [line for line in checked.stdout.splitlines() if "is like" in line]
    assert warned == [
        "interviews/b.md:3: warning: company 'Northwind' is like 'Northwind Traders' "
        "(interviews/a.md): if they are one application, write the same name, 'Northwind Traders'",
        "interviews/c.md:3: warning: company 'Nortwind Traders' is like 'Northwind Traders' "
        "(interviews/a.md): if they are one application, write the same name, 'Northwind Traders'",
    ]


def test_due_and_questions_take_part_of_a_company_name_on_the_sample(run, sample):
    due = run("--vault", sample, "due", "--company", "acme", "--today", TODAY, "--format", "json")
    assert due.exit_code == 0, due.stderr
    companies = {a["company"] for a in json.loads(due.stdout)["actions"]}
    assert companies == {"Acme Robotics"}
    asked = run("--vault", sample, "questions", "--company", "acme", "--format", "json")
    assert asked.exit_code == 0, asked.stderr
    places = [p for q in json.loads(asked.stdout)["questions"] for p in q["asked"]]
    assert places and {p["company"] for p in places} == {"Acme Robotics"}
    by_id_form = run("--vault", sample, "due", "--company", "acme-robotics", "--today", TODAY)
    assert by_id_form.exit_code == 0 and "Acme Robotics" in by_id_form.stdout


@pytest.mark.parametrize("command", [["due"], ["due", "--check"], ["questions"]])
def test_an_unknown_company_exits_4_naming_close_ones(run, sample, command):
    result = run("--vault", sample, *command, "--company", "Acne Robotics")
    assert result.exit_code == 4
    assert "matches no company (closest: Acme Robotics" in result.stderr
    assert "11 companies in all" in result.stderr


@pytest.mark.parametrize("command", ["due", "questions", "contacts"])
def test_a_company_given_bare_where_it_takes_company_names_the_option(run, sample, command):
    """`brief acme` takes the company bare; `due`, `questions` and `contacts` take it
    as --company, and a bare one is a usage error that writes the option out."""
    result = run("--vault", sample, command, "acme", "robotics", "--format", "json")
    assert result.exit_code == 2
    assert (
        "Got unexpected extra arguments (acme robotics): to name a company, write "
        "--company 'acme robotics'"
    ) in result.stderr
    assert result.stdout == ""


def test_an_ambiguous_company_exits_5(run, sample):
    result = run("--vault", sample, "brief", "industries")
    assert result.exit_code == 5
    assert "Stark Industries; Vandelay Industries" in result.stderr


def test_spellings_that_fold_alike_are_one_company(run, vault, write):
    write("interviews/a.md", note("Café Müller", "2026-11-10T10:00", id="a", role="Chef"))
    write("interviews/b.md", note("Cafe Muller", "2026-11-20T10:00", id="b", role="Chef"))
    status = run("--vault", vault, "status", "--format", "json", "--today", TODAY)
    rows = json.loads(status.stdout)["applications"]
    assert len(rows) == 1 and rows[0]["rounds_held"] == 2
    due = run("--vault", vault, "due", "--company", "cafe muller", "--today", TODAY, "--all")
    assert due.exit_code == 0 and "b:follow-up" in due.stdout
    assert "a:follow-up" not in due.stdout  # the later round of the same application took over
    warm = run("--vault", vault, "due", "--company", "MÜLLER", "--today", TODAY, "--all")
    assert warm.stdout == due.stdout
    write("interviews/a.md", note("Café Müller", "2026-11-10T10:00", id="a", role="Waiter"))
    other_role = run("--vault", vault, "due", "--company", "cafe muller", "--today", TODAY, "--all")
    assert "a:follow-up" in other_role.stdout and "b:follow-up" in other_role.stdout


def test_new_warns_on_a_near_match_and_still_writes(run, vault, write):
    write("interviews/a.md", note("Acme Robotics", id="a"))
    result = run("--vault", vault, "new", "Acme Robotic", "--at", "2026-11-27 10:00")
    assert result.exit_code == 0
    assert (vault / result.stdout.strip()).is_file()
    assert "did you mean Acme Robotics?" in result.stderr
    quiet = run(
        "--vault", vault, "new", "Globex", "--at", "2026-11-27 11:00", "--role", "PM",
        "--round", "final",
    )  # fmt: skip
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_draft_to_uses_the_same_rule(run, vault, write):
    people = '["Dana Whitfield <dana@acme.example>", "Dan Brown", "Ravi Shankar"]'
    write("interviews/a.md", note(id="a", people=people))
    assert run("--vault", vault, "draft", "thank-you", "a", "--to", "dan").exit_code == 5
    one = run("--vault", vault, "draft", "thank-you", "a", "--to", "DANA@ACME.EXAMPLE")
    assert one.exit_code == 0 and "Dear Dana" in one.stdout and "Ravi" not in one.stdout
    none = run("--vault", vault, "draft", "thank-you", "a", "--to", "zed")
    assert none.exit_code == 4 and "3 people in all" in none.stderr


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Sr. Data Engineer", "Senior Data Engineer"),
        ("senior  data-engineer", "Senior Data Engineer"),
        ("Jr Dev", "Junior Developer"),
        ("Eng Mgr", "Eng Manager"),
        ("VP Engineering", "Vice President Engineering"),
        ("SWE", "Software Engineer"),
        ("Dir. of Product", "Director of Product"),
        ("Data Eng", "Data Engineer"),
        ("Data Engr", "Data Engineer"),
    ],
)
def test_abbreviated_roles_fold_to_one(first, second):
    from interviewkit.names import fold_role

    assert fold_role(first) == fold_role(second)


def test_eng_expands_only_as_the_last_word():
    from interviewkit.names import fold_role

    assert fold_role("Eng Manager") == "eng manager"
    assert fold_role("Platform Eng") == "platform engineer"


@pytest.mark.parametrize(
    ("first", "second", "similar"),
    [
        ("Data Engineer", "Data Engineer II", True),  # one's words begin the other's
        ("Data Engineer", "Data Engineeer", True),  # 80% alike
        ("Data Engineer", "Sr. Data Engineer", False),  # not the same words in order
        ("Data Engineer", "Product Manager", False),
        ("Data Engineer", "Sr Data Engineer", False),
        ("Senior Data Engineer", "Sr. Data Engineer", False),  # the same role: not "similar"
    ],
)
def test_similar_roles_boundaries(first, second, similar):
    from interviewkit.names import similar_roles

    assert similar_roles(first, second) is similar


def test_an_abbreviated_role_joins_its_application(vault, write, run):
    write(
        "interviews/a.md",
        note(
            "Fabrikam",
            "2026-11-10T10:00",
            id="a",
            role='"Senior Data Engineer"',
            follow_up_on="2026-11-20",
        ),
    )
    write(
        "interviews/b.md", note("Fabrikam", "2026-11-24T10:00", id="b", role='"Sr. Data Engineer"')
    )
    rows = json.loads(
        run("--vault", vault, "due", "--all", "--today", "2026-11-25", "--format", "json").stdout
    )
    # the later round closes the earlier round's follow-up: one application
    assert "a:follow-up" not in {r["id"] for r in rows["actions"]}
    status = json.loads(
        run("--vault", vault, "status", "--format", "json", "--today", "2026-11-25").stdout
    )
    fabrikam = [a for a in status["applications"] if a["company"] == "Fabrikam"]
    assert (
        len(fabrikam) == 1 and fabrikam[0]["role"] == "Senior Data Engineer"
    )  # its first spelling
    brief = run("--vault", vault, "brief", "b").stdout
    assert "This is the first round" not in brief


def test_a_merely_similar_role_warns_in_check_and_in_new(vault, write, run):
    write("interviews/a.md", note("Fabrikam", "2026-11-10T10:00", id="a", role='"Data Engineer"'))
    write(
        "interviews/b.md", note("Fabrikam", "2026-11-24T10:00", id="b", role='"Data Engineer II"')
    )
    checked = run("--vault", vault, "check").stdout
    assert (
        "b.md:6: warning: role 'Data Engineer II' is like 'Data Engineer' (interviews/a.md)"
        in checked
    )
    made = run(
        "--vault", vault, "new", "Fabrikam", "--role", "Data Engineers", "--at", "2026-12-01 10:00"
    )
    assert made.exit_code == 0 and made.stdout.strip().endswith(".md")
    assert (
        "warning: Fabrikam already has the role 'Data Engineer'; if this round is part of that application, write the same role (--role 'Data Engineer')"
        in made.stderr
    )


def test_due_shows_the_role_in_its_first_spelling(vault, write, run):
    write(
        "interviews/a.md",
        note("Fabrikam", "2026-11-10T10:00", id="a", role='"Senior Data Engineer"'),
    )
    write(
        "interviews/b.md", note("Fabrikam", "2026-11-24T10:00", id="b", role='"Sr. Data Engineer"')
    )
    shown = run("--vault", vault, "due", "--all", "--today", "2026-11-25").stdout
    assert "Sr. Data Engineer" not in shown
    assert "Follow up with Fabrikam (Senior Data Engineer)" in shown
