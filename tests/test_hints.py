"""Hints point the way without giving the answer: no hint holds a line of the answer's code.

The answer's code of a stage is each line of the reference that its starter does not
have (what the learner writes); of an exercise, each line of its worked solution that
the reference does not have. A hint that holds one of those lines (quotes and spaces
aside) turns the check into a copying exercise.
"""

import ast
import re

import pytest
from harness.stages import ROOT

from tools.stages import files

STARTED = sorted(path.name for path in (ROOT / "starters").iterdir())
SHORTEST = 12  # shorter lines ("return response") are words, not an answer


def normal(text):
    """`text` with one kind of quote and single spaces, to compare code with hints."""
    return re.sub(r"\s+", " ", text.replace('"', "'")).strip()


def answer_lines(solved, given):
    """The lines of the .py files of folder `solved` that the same files in `given` lack."""
    lines = set()
    for name in files(solved):
        if name.suffix != ".py" or not (given / name).exists():
            continue
        there = {normal(line) for line in (given / name).read_text(encoding="utf-8").splitlines()}
        for line in (solved / name).read_text(encoding="utf-8").splitlines():
            # "return x" gives away x: the statement's keyword is not the answer.
            code = re.sub(r"^(return|yield|raise|await) ", "", normal(line).rstrip(":"))
            if len(code) >= SHORTEST and code not in there and not code.startswith(("#", "'")):
                lines.add(code)
    return lines


def hints_in(path):
    """(line, hint) for each hint mark in the test file at `path`."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and ast.unparse(node.func) in ("pytest.mark.hint", "hint"):
            text = node.args[0]  # an f-string is compared as written, braces and all
            yield node.lineno, text.value if isinstance(text, ast.Constant) else ast.unparse(text)


def copied(answers, checks):
    """The hints of `checks` (test files) that hold a line of `answers`."""
    return [
        f"{path.relative_to(ROOT)}:{line} holds {code!r}"
        for path in checks
        for line, hint in hints_in(path)
        for code in answers
        if code in normal(hint)
    ]


@pytest.mark.parametrize("stage", STARTED)
def test_no_hint_of_a_stage_gives_its_code(stage):
    answers = answer_lines(ROOT / stage, ROOT / "starters" / stage)
    checks = sorted((ROOT / "tests" / stage).glob("test_*.py"))
    checks += sorted((ROOT / "tests" / "contract").glob("test_*.py"))
    assert copied(answers, checks) == []


@pytest.mark.parametrize("stage", STARTED)
def test_no_hint_of_an_exercise_gives_its_solution(stage):
    answers = answer_lines(ROOT / "tests" / "exercises" / "solutions" / stage, ROOT / stage)
    assert copied(answers, [ROOT / "tests" / "exercises" / f"test_{stage}.py"]) == []


def test_a_hint_with_the_answer_is_caught():
    answers = {normal("g.request_id = uuid.uuid4().hex[:12]")}
    hinted = ROOT / "tests" / "05_contexts" / "test_g.py"
    assert copied(answers, [hinted]) == []
    assert copied({normal("a new request id in g")}, [hinted]) != []
