"""INSTRUCTORS.md agrees with the repository: every stage, its time, every command named."""

import re

import pytest
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
