"""INSTRUCTORS.md agrees with the repository: every stage, its time, every command named.

A stage's time is written in three places (its README's "Time:" line, the README's table,
its section here), for three readers; these tests keep them one number.
"""

import re

import pytest
from harness.stages import ROOT
from harness.stages import stage_dirs

GUIDE = (ROOT / "INSTRUCTORS.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


@pytest.mark.parametrize("stage", stage_dirs(), ids=lambda path: path.name)
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


def test_the_full_day_plan_adds_up_to_its_length():
    plan = re.search(r"^\*\*Full day \((\d+) h.*?\n\n", GUIDE, re.MULTILINE | re.DOTALL)
    minutes = sum(int(number) for number in re.findall(r"\((\d+) min\)", plan.group(0)))
    assert minutes == int(plan.group(1)) * 60
