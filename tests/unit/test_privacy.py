"""The privacy check (glassbox_handbook/privacy/scan.py): what identifies people and places is caught, ordinary prose is not.

The identifying sentences are of the kinds contributors write; the ordinary
ones are partnership prose written for these tests, and every page and
scenario of the handbook is ordinary prose too.
"""

from __future__ import annotations

import gc
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from glassbox_handbook import words
from glassbox_handbook.core.framework import load_framework
from glassbox_handbook.core.scenario import parse_scenario
from glassbox_handbook.domain.loader import bib_keys, bib_names
from glassbox_handbook.privacy import browser
from glassbox_handbook.privacy.advice import describe, fix, fixed
from glassbox_handbook.privacy.names import lists
from glassbox_handbook.privacy.scan import allowance, line_findings, scan

PROJECT = Path(__file__).resolve().parents[2]
FW = load_framework(PROJECT / "handbook" / "framework.yaml")
BIB = [PROJECT / "handbook" / "references.bib"]
AUTHORS = bib_names(BIB)
KEYS = set(bib_keys(BIB))
ALLOWED = FW.words | AUTHORS
MENTORING = (PROJECT / "scenarios" / "mentoring.md").read_text(encoding="utf-8")

# (sentence, what is flagged, its kind); the column is where that text starts.
IDENTIFYING = [
    ("Maria, the mentor teacher, brought her coaching log.", "Maria", "person"),
    ("We spoke with the principal, Jones, about release time.", "Jones", "person"),
    ("Ana, Ben and Carla met every Thursday after school.", "Ana", "person"),
    ("Ana, Ben and Carla met every Thursday after school.", "Ben", "person"),
    ("Ana, Ben and Carla met every Thursday after school.", "Carla", "person"),
    ("Sarah said the rubric felt like a checklist.", "Sarah", "person"),
    ("Dr. Patel reviewed the observation forms.", "Dr. Patel", "person"),
    ("Principal Alvarez opened the meeting.", "Principal Alvarez", "person"),
    ("Our field supervisor, Kim Nguyen, visited twice.", "Kim Nguyen", "person"),
    ("Mr. Grant led the induction sessions.", "Mr. Grant", "person"),
    ("Will and Hope wrote the first draft together.", "Will", "person"),
    ("Jones said the schedule would not work.", "Jones", "person"),
    ("As mentor teacher Maria shared a dilemma, others took notes.", "Maria", "person"),
    ("Priya Sharma, a teacher candidate, kept a journal.", "Priya Sharma", "person"),
    ("The dean, Okafor, approved the course change.", "Okafor", "person"),
    ("Ms. Thompson’s class tried the new protocol first.", "Ms. Thompson", "person"),
    ("The coordinator, Mrs. Delgado, kept the schedule.", "Mrs. Delgado", "person"),
    ("Our superintendent, Robert Chen, asked for a summary.", "Robert Chen", "person"),
    ("After the meeting, Jennifer and Luis revised the handbook.", "Jennifer", "person"),
    ("After the meeting, Jennifer and Luis revised the handbook.", "Luis", "person"),
    ("Kevin explained why the observation form felt punitive.", "Kevin", "person"),
    ("The cooperating teacher (Angela) wrote weekly notes.", "Angela", "person"),
    ("Professor Williams taught the methods course.", "Professor Williams", "person"),
    ("Coach Ramirez ran the after-school sessions.", "Coach Ramirez", "person"),
    ("Every Friday, Lopez and Ortiz compared their notes.", "Lopez", "person"),
    ("Priya said the rubric felt like a checklist.", "Priya", "person"),
    ("Aisha, Ben and Xochitl met every Thursday.", "Xochitl", "person"),
    ("Oluwaseun explained the new schedule to the team.", "Oluwaseun", "person"),
    ("The mentor, Dmitri, kept the log.", "Dmitri", "person"),
    ("Mohammed asked for a second observation.", "Mohammed", "person"),
    ("Ask Sarah to bring the coaching log.", "Sarah", "person"),
    ("Candidates at Lincoln Elementary co-taught reading.", "Lincoln Elementary", "school"),
    ("The candidates at Oak Grove Elementary kept journals.", "Oak Grove Elementary", "school"),
    ("Leaders at Jefferson Middle School asked for data.", "Jefferson Middle School", "school"),
    ("Westbrook High School hosted the summer institute.", "Westbrook High School", "school"),
    ("She taught at Rivera Academy for a decade.", "Rivera Academy", "school"),
    ("Placements moved to Washington Middle School in the fall.", "Washington Middle School", "school"),
    ("Springfield Unified School District funded the release days.", "Springfield Unified School District", "district"),
    ("Denver Public Schools paid for the release time.", "Denver Public Schools", "district"),
    ("Cedar Ridge Independent School District joined in year two.", "Cedar Ridge Independent School District", "district"),
    ("The School District of Philadelphia joined the network.", "School District of Philadelphia", "district"),
    ("Faculty from the University of Northern Colorado joined the team.", "University of Northern Colorado", "university"),
    ("Two supervisors came from Ohio State.", "Ohio State", "university"),
    ("Teachers from Metro State University ran the course.", "Metro State University", "university"),
    ("Lakeview College faculty redesigned the seminar.", "Lakeview College", "university"),
    ("Teacher candidates from Penn State visited in March.", "Penn State", "university"),
    ("Faculty at Boise State co-taught the seminar with district coaches.", "Boise State", "university"),
    ("Project RISE paid for substitute teachers.", "Project RISE", "program"),
    ("A grant from Project Bridges kept the program alive.", "Project Bridges", "program"),
    ("Write to mentor.lead@district.org for the schedule.", "mentor.lead@district.org", "email"),
    ("Call 303-555-0142 to book a room.", "303-555-0142", "phone"),
    ("The team met at 1450 Maple Street each month.", "1450 Maple Street", "address"),
]

ORDINARY = """\
Mentor teachers and field supervisors met each month to compare coaching notes.
The first draft of the plan was edited. District leaders then read it with faculty.
Coursework changed first. University supervisors followed a term later.
Will the district keep paying for release time once the grant ends?
Grant funding covered substitutes for two years, then stopped.
Hope was in short supply after the third round of budget cuts.
Mark every sentence in the syllabus that tells a mentor what to do.
May the program ask candidates to film a lesson? Only with consent.
In April the partners reviewed the placement calendar together.
English learners were placed with mentors who had taken the extra course.
Rural High School teachers rarely saw a university supervisor.
Middle school teachers asked for a shorter observation form.
The principal, with two teacher leaders, drafted the first agenda.
Our field supervisor visited twice before the winter break.
A mentor teacher, a faculty member and a candidate formed each triad.
Change facilitators kept the question open instead of choosing a tool.
Learning agents brought artifacts from their classrooms to the meeting.
Shared learning priorities gave the separate projects one reference point.
Horizontal coherence meant that courses and placements used the same language.
Vertical coherence asks whether classroom learning reaches district decisions.
At the District–college level, leaders negotiated what each side would fund.
The School–program pairing is where most mentoring decisions were made.
The SRLC is a heuristic for looking at partnership work, not a model to install.
The district's Teacher Leader Academy hosted part of the graduate coursework.
Candidates in the Teacher Leadership Certificate studied inquiry cycles.
Project [Pseudonym] paid for the summer institute.
Faculty at [University A] rewrote the methods course with two partner schools.
Young teachers often leave in their first three years.
Faith in the process grew as people saw their suggestions used.
Grace periods for late portfolios were negotiated with the program office.
Ask who would notice first if the shared priority quietly disappeared.
Special education faculty and general education faculty co-planned one unit.
Doctoral students studied their own schools as practitioner-scholars.
Novice teachers met in a monthly induction circle run by alumni.
Professional learning leaders redesigned the district's coaching sessions.
Boundary spanners carried questions from the district office to the college.
The paper reports that trust and commitment made the work possible.
Negotiated authority means no partner can direct the others.
Whoever convenes the meeting should name the evidence people will bring.
Supervisors noticed patterns that no single mentor could see.
Second, the problem began with mentors using different tools.
Three schools piloted the new protocol in the spring term.
Budget cuts in the second year ended the stipends for mentors.
Teacher candidates said the feedback felt clearer after the redesign.
District leaders and university faculty compared their revision calendars.
Coursework, supervision and professional learning began to share a vocabulary.
The team kept a log of decisions with the date, the evidence and the owner.
Principals asked for a one-page summary they could share with staff.
Evidence from students' work decided which capabilities came first.
High School and Middle School partners met separately in the first term.
Summer institutes gave mentors time to study coaching cycles together.
Each school adapted the shared cycle to its students and colleagues.
Inquiry, not compliance, set the direction of the work.
The Nine Essentials describe what a professional development school should have.
The state's licensure rules changed in the middle of the project.
Collaborative Inquiry Teams met after school on Thursdays.
Two districts moved their shared folders from Google to Microsoft tools.
Google and Microsoft shared data agreements with the district.
Partners in rural Georgia and in North Carolina used the same protocol.
Candidates from Teach For America joined the seminar in the second term.
As Shepard and colleagues describe it {cite:p}`shepard_srlc`, the heuristic is for sensemaking.
""".splitlines()

PAGES = sorted([*PROJECT.glob("handbook/**/*.md"), PROJECT / "index.md", *PROJECT.glob("scenarios/*.md")])


def _scenario(extra: str, pseudonyms: str = "") -> str:
    text = MENTORING.replace("  consent: not-needed\n", "  consent: not-needed\n" + pseudonyms, 1)
    return text.rstrip("\n") + "\n\n" + extra + "\n"


def test_the_corpora_are_large_enough():
    assert len({s for s, _, _ in IDENTIFYING}) >= 40
    assert len(ORDINARY) >= 40


@pytest.mark.parametrize(("sentence", "text", "kind"), IDENTIFYING, ids=[f"{k}-{t}" for _, t, k in IDENTIFYING])
def test_an_identifying_sentence_is_flagged_with_its_kind_and_column(sentence, text, kind):
    found = [(f.col, f.text, f.kind) for f in line_findings(sentence, ALLOWED)]
    assert (sentence.index(text) + 1, text, kind) in found, found


@pytest.mark.parametrize("sentence", ORDINARY)
def test_ordinary_partnership_prose_is_not_flagged(sentence):
    assert line_findings(sentence, ALLOWED) == []


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(PROJECT)) for p in PAGES])
def test_every_page_and_scenario_of_the_handbook_has_no_finding(page):
    text = page.read_text(encoding="utf-8")
    from glassbox_handbook.core.frontmatter import PROSE_FIELDS, split_front_matter

    found = scan(text, split_front_matter(text)[1], ALLOWED, prose_fields=PROSE_FIELDS)
    assert found == [], [(line, f.text) for line, f in found]


def test_each_finding_has_a_rewording_of_its_kind():
    suggestions = {kind: {f.suggestion for s, t, k in IDENTIFYING if k == kind for f in line_findings(s, ALLOWED) if f.text == t}
                   for kind in ("school", "district", "university", "program")}
    assert suggestions["district"] == {'"a partner district"'}
    assert suggestions["program"] == {'"the program"'}
    assert '"an elementary school"' in suggestions["school"] and '"a middle school"' in suggestions["school"]
    assert suggestions["university"] == {'"a partner university"', '"a partner college"'}
    assert line_findings("After the mentor teacher, Maria spoke.", ALLOWED)[0].suggestion == '"the mentor teacher"'
    assert line_findings("Maria, the mentor teacher, spoke.", ALLOWED)[0].suggestion == \
        'take the name out: the role beside it, “mentor teacher”, already says who'


def test_a_spanish_project_is_told_what_was_found_and_how_to_reword_it_in_spanish():
    words.use_language("es")
    try:
        person, school = line_findings("La Sra. Gómez visitó la Escuela Primaria Benito Juárez.", ALLOWED)
        assert school.suggestion == '"una escuela primaria"'
        assert describe(school) == "'Escuela Primaria Benito Juárez' parece el nombre de una escuela, y podría identificar un lugar"
        assert fix(person).startswith('escriba un rol, como "el equipo docente"')
        [mail] = line_findings("Escriba a maria.lopez@escuela.edu hoy.", ALLOWED)
        assert fix(mail) == "quite la dirección de correo electrónico; diga a quién se escribió por su rol"
        rules = browser.rules()  # what the browser's check reads, written in the build's language
        assert rules["what"]["person"] == "un nombre de persona" and rules["reword"]["high"] == '"una escuela secundaria"'
    finally:
        words.use_language("en")
    assert describe(school) == "'Escuela Primaria Benito Juárez' looks like the name of a school, which could identify a place"


def test_authors_named_in_the_bibliography_are_not_flagged():
    assert {"Shepard", "Spillane", "Coburn", "Weick"} <= AUTHORS
    assert line_findings("Coburn said the partnership was unusual.", ALLOWED) == []
    # The allowance comes from references.bib: without it, the same sentence names a person.
    assert [f.text for f in line_findings("Coburn said the partnership was unusual.", FW.words)] == ["Coburn"]


def test_framework_vocabulary_is_never_flagged():
    names = [c.name for c in FW.components] + [c.name for c in FW.concepts] + [r.name for r in FW.roles] \
        + [lvl.name for lvl in FW.levels] + [lvl.name for lvl in FW.base_levels]
    for name in names:
        for sentence in (f"{name} came up first.", f"The team discussed {name} at length.", f"# {name}"):
            assert line_findings(sentence, ALLOWED) == [], sentence


def test_declared_pseudonyms_and_bracketed_placeholders_are_not_flagged():
    extra = "Ms. Rivera, the principal of Oakview Elementary, met Project [Pseudonym] staff at [School A]."
    flagged = parse_scenario(_scenario(extra), "scenarios/mentoring.md", FW, KEYS, authors=AUTHORS).problems
    assert {re.search(r"'([^']+)' looks like", str(p)).group(1) for p in flagged} == {"Ms. Rivera", "Oakview Elementary"}
    declared = _scenario(extra, '  pseudonyms: ["Ms. Rivera", "Oakview Elementary"]\n')
    assert parse_scenario(declared, "scenarios/mentoring.md", FW, KEYS, authors=AUTHORS).problems == []


def test_prose_fields_of_the_front_matter_are_checked_and_contributors_are_not():
    text = MENTORING.replace("primary_focus: Growing", "primary_focus: At Lincoln Elementary, growing")
    text = text.replace("  - name: Glass-Box Handbook team", "  - name: Maria Lopez")
    problems = [str(p) for p in parse_scenario(text, "scenarios/mentoring.md", FW, KEYS, authors=AUTHORS).problems]
    assert len(problems) == 1 and problems[0].startswith("scenarios/mentoring.md:6:19: 'Lincoln Elementary'"), problems


def test_every_identifying_sentence_is_reported_at_its_line_in_a_scenario():
    sentences = list(dict.fromkeys(s for s, _, _ in IDENTIFYING))
    text = _scenario("\n\n".join(sentences))
    first = text.count("\n", 0, text.index(sentences[0])) + 1
    problems = parse_scenario(text, "scenarios/mentoring.md", FW, KEYS, authors=AUTHORS).problems
    lines = {p.line for p in problems}
    assert lines == {first + 2 * i for i in range(len(sentences))}


def test_check_command_reports_file_line_column_and_a_rewording(tmp_path):
    path = tmp_path / "mentoring.md"
    path.write_text(_scenario("We thank Maria, the mentor teacher, and Springfield Unified School District."), encoding="utf-8")
    line = path.read_text().count("\n")
    result = subprocess.run([sys.executable, "-m", "glassbox_handbook", "check", str(path)], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 1
    assert f"{path}:{line}:10: 'Maria' looks like a personal name" in result.stderr  # the column of the name, not of its role
    assert 'take the name out: the role beside it, “mentor teacher”, already says who' in result.stderr
    assert 'write "the mentor teacher"' not in result.stderr  # "We thank the mentor teacher, the mentor teacher, ..."
    assert f"{path}:{line}:41: 'Springfield Unified School District' looks like the name of a school district" in result.stderr
    assert 'write "a partner district" instead' in result.stderr
    assert "Traceback" not in result.stderr


def test_a_name_beside_its_role_is_taken_out_and_the_report_still_points_at_the_name():
    # (sentence, the name and its column, the line after the one-click fix)
    cases = [("Our mentor teacher Maria said no.", "Maria", 20, "Our mentor teacher said no."),
             ("The principal, Ms. Brown, said no.", "Ms. Brown", 16, "The principal said no."),
             ("Maria, the mentor teacher, said no.", "Maria", 1, "The mentor teacher said no."),
             ("I met Maria, the mentor teacher, at noon.", "Maria", 7, "I met the mentor teacher at noon.")]
    for sentence, name, col, after in cases:
        [found] = line_findings(sentence, ALLOWED)
        assert (found.text, found.col) == (name, col)
        assert fixed(sentence, found) == after
        assert describe(found) == f"{name!r} looks like a personal name, which could identify someone"
        assert fix(found).startswith("take the name out: the role beside it, “")
        assert "pseudonyms:" in fix(found) and "write" not in fix(found)
    # a title made of a role is reworded whole, and a name with no role beside it is as it was
    [title] = line_findings("We met Principal Young in the library.", ALLOWED)
    assert title.rewrite is None and fixed("We met Principal Young in the library.", title) == "We met the principal in the library."
    [alone] = line_findings("Sarah said the rubric felt like a checklist.", ALLOWED)
    assert alone.rewrite is None and fixed("Sarah said the rubric felt like a checklist.", alone) is None


def test_a_line_changed_since_it_was_checked_is_not_rewritten_blindly():
    sentence = "The principal, Ms. Brown, said no."
    [found] = line_findings(sentence, ALLOWED)
    assert fixed(sentence.replace("The principal", "Principal"), found) is None


def test_a_spanish_name_beside_its_role_is_taken_out_with_spanish_advice():
    words.use_language("es")
    try:
        [before] = line_findings("La directora Ramírez dijo que no.", ALLOWED)
        [after] = line_findings("Ana Ramírez, la directora, habló.", ALLOWED)
        assert fixed("La directora Ramírez dijo que no.", before) == "La directora dijo que no."
        assert fixed("Ana Ramírez, la directora, habló.", after) == "La directora habló."
        assert fix(after) == ('quite el nombre: el rol que está a su lado, «directora», ya dice de quién se trata '
                              "(si ya es un nombre inventado, inclúyalo en `pseudonyms:` dentro de `privacy:`)")
    finally:
        words.use_language("en")


def test_the_word_lists_are_read_once_and_shared_by_every_scan():
    """One reading of the word lists serves every scenario of a build or a check. What the reading
    and the scan cost is measured, not asserted: benchmarks/privacy.py, recorded in RESULTS.md."""
    lists.cache_clear()
    data = lists()
    assert len(data.given) > 5000 and len(data.surnames) > 80000 and len(data.words) > 40000
    scenarios = [p.read_text(encoding="utf-8") for p in PROJECT.glob("scenarios/*.md") if not p.name.startswith("_")]
    from glassbox_handbook.core.frontmatter import PROSE_FIELDS, split_front_matter

    for text in scenarios:
        scan(text, split_front_matter(text)[1], ALLOWED, prose_fields=PROSE_FIELDS)
    assert lists() is data


def test_allowance_keeps_the_capitalised_words_of_its_texts():
    assert allowance(["Ms. Rivera", "Oakview Elementary", "plain words"]) == {"Ms", "Rivera", "Oakview", "Elementary"}


@pytest.mark.parametrize("unit", ["Will ", "Ana, ", "Project ", "University of ", "[", "The School ", "Maria, the mentor teacher, ",
                                  "Escuela de la ", "Escuela Primaria Ana ", "la Sra. María dijo "])
def test_a_hostile_line_is_read_in_linear_time(unit):
    """Four times the line takes about four times as long, on any machine; a pattern that backtracks
    over the line would take sixteen times as long. (Seconds alone would test the machine.)

    The collector is paused while a line is read: in a test process that holds a whole site's
    pages, one full collection costs more than the line, and it falls where it likes (CI once
    timed 0.14 s against 2.0 s that way). The best of two runs keeps a busy machine out too."""
    def seconds(chars: int) -> float:
        line = unit * (chars // len(unit))
        gc.disable()
        try:
            start = time.process_time()
            line_findings(line, ALLOWED)
            return time.process_time() - start
        finally:
            gc.enable()

    quarter = min(seconds(25_000) for _ in range(2))
    whole = min(seconds(100_000) for _ in range(2))  # half the largest file a scenario may be
    assert whole < 8 * max(quarter, 0.05), (quarter, whole)


def _uncited_mentoring(section: str) -> str:
    """mentoring.md with every citation taken out of one section."""
    start = MENTORING.index(f"## {section}")
    end = MENTORING.index("\n## ", start + 1)
    return MENTORING[:start] + re.sub(r"\s*\{cite:[a-z]+\}`[^`]*`", "", MENTORING[start:end]) + MENTORING[end:]


def test_a_reported_section_without_a_citation_is_refused_at_its_enactment_line():
    text = _uncited_mentoring("Learning agents")
    line = text.count("\n", 0, text.index(":::{enactment}", text.index("## Learning agents"))) + 1
    problems = [str(p) for p in parse_scenario(text, "scenarios/mentoring.md", FW, KEYS, authors=AUTHORS).problems]
    assert problems == [f"scenarios/mentoring.md:{line}:1: the section 'Learning agents' is marked `reported` but cites no source; "
                        "cite the source with {cite:p}`key` in the section, or mark the section `interpretation` "
                        "if it is your own reading"]


def test_a_citation_anywhere_in_the_section_counts_and_an_interpretation_needs_none():
    text = _uncited_mentoring("Learning agents")
    start = text.index("## Learning agents")
    in_summary = text.replace("people moved between learning and facilitating as the inquiry went on.",
                              "people moved between learning and facilitating {cite:t}`shepard_srlc`.", 1)
    assert parse_scenario(in_summary, "scenarios/mentoring.md", FW, KEYS).problems == []
    interpretation = text[:start] + text[start:].replace(":basis: reported", ":basis: interpretation", 1)
    assert parse_scenario(interpretation, "scenarios/mentoring.md", FW, KEYS).problems == []


def test_every_reported_section_of_the_handbook_cites_a_source():
    for path in PROJECT.glob("scenarios/[!_]*.md"):
        if path.stem != "index":
            assert parse_scenario(path.read_text(encoding="utf-8"), str(path), FW, KEYS, authors=AUTHORS).problems == []


def test_a_spanish_projects_sentence_openers_are_ordinary_words_and_names_are_still_flagged():
    """'Un', 'Al', 'Cada', 'Pero' are given names or surnames in the census lists and no English word; a project
    in Spanish reads them as the ordinary words they are (its language's catalogs), an English one does not."""
    from glassbox_handbook.words import use_language

    openers = "Un equipo leía sus notas. Al final, cada semana, Pero y Cada eran palabras de todos los días."
    try:
        use_language("es")
        assert line_findings("Un equipo leía sus notas. Al final de la reunión, Cada semana.") == []
        assert [f.text for f in line_findings("Un equipo habló con Sarah Jones.")] == ["Sarah Jones"]
        use_language("en")
        assert {f.text for f in line_findings(openers)} >= {"Un", "Al"}
    finally:
        use_language("en")
