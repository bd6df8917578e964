"""INSTRUCTORS.md agrees with the repository: every stage, its time, every command named.

A stage's time is written in three places (its README's "Time:" line, the README's table,
its section here), for three readers; these tests keep them one number.
"""

import re

import pytest
from harness.reading import guide_names
from harness.stages import COMPARE
from harness.stages import ROOT
from harness.stages import stage_dirs

GUIDE = (ROOT / "INSTRUCTORS.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


@pytest.mark.parametrize("stage", [*stage_dirs(), COMPARE], ids=lambda path: path.name)
def test_each_stage_has_a_section_with_the_time_the_readme_gives(stage):
    row = re.search(rf"^\| \[{stage.name}\].*\| ([\d.]+ h) \|$", README, re.MULTILINE)
    section = re.search(rf"^### {stage.name}: .* \(([\d.]+ h)\)$", GUIDE, re.MULTILINE)
    assert row and section, f"{stage.name}: a row in README.md and a section in INSTRUCTORS.md"
    assert section.group(1) == row.group(1)
    body = GUIDE[section.end() :].split("\n### ", 1)[0]
    assert "Objectives:" in body and "| the mistake |" in body and "Discuss:" in body


def test_every_make_command_in_the_guide_exists():
    named = set(re.findall(r"`make ([a-z-]+)", GUIDE))
    targets = set(re.findall(r"^([a-z-]+):", MAKEFILE, re.MULTILINE))
    assert named and named <= targets, named - targets


PLAN = re.compile(r"^\*\*(?P<name>[^*]+) \((?P<total>\d+) min[,)]", re.MULTILINE)


def test_each_workshop_plan_adds_up_to_its_length():
    plans = list(PLAN.finditer(GUIDE))
    assert len(plans) == 2, "the half day and the full day"
    for plan in plans:
        table = GUIDE[plan.end() :].split("\n\n|", 1)[1].split("\n\n", 1)[0]
        minutes = [int(found) for found in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)]
        assert minutes, f"{plan['name']}: a table of minutes"
        assert sum(minutes) == int(plan["total"]), f"{plan['name']}: {minutes}"
        assert re.search(r"^\| \d+ \| break", table, re.MULTILINE), "breaks are planned"
        assert re.search(r"^\| \d+ \| buffer", table, re.MULTILINE), "and a buffer"


CHECKLIST = (ROOT / "workshop" / "laptop-checklist.md").read_text(encoding="utf-8")
DOCTOR = (ROOT / "tools" / "doctor.py").read_text(encoding="utf-8")


def test_the_laptop_checklist_shows_what_make_doctor_really_says():
    # Each message doctor can say "ok" with, its {placeholders} standing for any text.
    said = re.findall(r'return "ok", f?"([^"]+)"', DOCTOR)
    patterns = [re.escape(message) for message in said]
    patterns = [re.sub(r"\\\{[^}]*\\\}", ".+", pattern) for pattern in patterns]
    sample = re.findall(r"^    ok    (.+)$", CHECKLIST, re.MULTILINE)
    assert len(sample) == len(said), "one line per check of make doctor"
    for line in sample:
        assert any(re.fullmatch(pattern, line) for pattern in patterns), line
    assert "All set." in DOCTOR and "    All set." in CHECKLIST
    assert "laptop-checklist.md" in GUIDE, "INSTRUCTORS.md says to send it"


def test_the_laptop_checklist_covers_each_system_and_the_disk_it_takes():
    for system in ("**Linux.**", "**macOS.**", "**Windows.**", "WSL 2", "Python 3.11"):
        assert system in CHECKLIST
    stated = int(re.search(r"\(`\.venv`\) takes about (\d+) MB", CHECKLIST).group(1))
    venv = ROOT / ".venv"
    if not venv.is_dir():
        pytest.skip("no .venv here to measure")
    used = sum(path.lstat().st_size for path in venv.rglob("*") if path.is_file()) / 1e6
    assert 0.5 * stated < used < 1.5 * stated, (
        f"the checklist says {stated} MB, .venv is {used:.0f}"
    )


ANSWERS = (ROOT / "workshop" / "answers.md").read_text(encoding="utf-8")


def discuss_questions(stage):
    """The questions of a stage's "Discuss:" paragraph in INSTRUCTORS.md, as written."""
    section = GUIDE.split(f"\n### {stage.name}: ", 1)[1].split("\n### ", 1)[0]
    paragraph = " ".join(section.split("Discuss: ", 1)[1].split("\n\n", 1)[0].split())
    return [text for text in re.split(r"(?<=[.?])\s+", paragraph) if text.endswith("?")]


@pytest.mark.parametrize("stage", stage_dirs(), ids=lambda path: path.name)
def test_each_discuss_question_has_an_answer_for_the_instructor(stage):
    questions = discuss_questions(stage)
    answers = ANSWERS.split(f"\n## {stage.name}\n", 1)[1].split("\n## ", 1)[0]
    assert questions, f"{stage.name}: a Discuss paragraph with questions"
    for question in questions:
        assert f"**{question}**" in answers, f"{stage.name}: no answer to {question!r}"
        answer = answers.split(f"**{question}**", 1)[1].split("\n\n", 1)[0]
        assert re.search(r"`[a-z_]+\.[\w.]+`", answer), f"name the code: {question!r}"


@pytest.mark.parametrize("stage", stage_dirs(), ids=lambda path: path.name)
def test_each_reading_guide_question_has_an_answer_for_the_instructor(stage):
    names = guide_names((stage / "README.md").read_text(encoding="utf-8"))
    answers = ANSWERS.split(f"\n## Reading {stage.name}\n", 1)[1].split("\n## ", 1)[0]
    answered = re.findall(r"^\*\*`([\w.]+)`\*\*$", answers, re.MULTILINE)
    assert answered == names, f"{stage.name}: one answer per row, in the guide's order"


def minutes_in(time_line):
    """The minutes a stage README's "Time:" line adds up ("45 minutes ..., another 45")."""
    total, unit = 0.0, None
    for number, word in re.findall(r"(\d+(?:\.\d+)?) ?(hours?|minutes?)?", time_line):
        unit = word or unit  # "another 45" counts in the unit named before
        total += float(number) * (60 if unit.startswith("hour") else 1)
    return total


@pytest.mark.parametrize("stage", stage_dirs(), ids=lambda path: path.name)
def test_each_stage_readme_gives_the_time_of_the_table(stage):
    line = re.search(r"^Time: .*$", (stage / "README.md").read_text(encoding="utf-8"), re.M)
    row = re.search(rf"^\| \[{stage.name}\].*\| ([\d.]+) h \|$", README, re.MULTILINE)
    assert line and row, f"{stage.name}: a Time: line in its README, a row in README.md"
    assert minutes_in(line.group(0)) == float(row.group(1)) * 60, line.group(0)
