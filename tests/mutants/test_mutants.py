"""Every mistake in mistakes_NN.py fails a check of make check, with a hint that names it.

Each mistake is made on a copy of the reference stage in a temporary folder, then only
the checks meant to catch it are run (tools.check.run with `paths`): the rest of make
check cannot make a failing check pass, and one test file costs about a second where
the whole stage costs ten.
"""

import pytest

from mutants import mistakes_01
from mutants import mistakes_02
from mutants import mistakes_03
from mutants import mistakes_04
from mutants import mistakes_05
from mutants import mistakes_06
from tools import causes
from tools import check as checking
from tools import stages as places

STAGES = {
    "01": mistakes_01,
    "02": mistakes_02,
    "03": mistakes_03,
    "04": mistakes_04,
    "05": mistakes_05,
    "06": mistakes_06,
}
CASES = [
    pytest.param(number, mistake, id=f"{number}-{mistake.name}")
    for number, module in STAGES.items()
    for mistake in module.MISTAKES
]


@pytest.mark.parametrize("number", STAGES)
def test_each_stage_keeps_at_least_eight_mistakes(number):
    names = [mistake.name for mistake in STAGES[number].MISTAKES]
    assert len(names) >= 8 and len(set(names)) == len(names)


@pytest.mark.parametrize(("number", "mistake"), CASES)
def test_the_mistake_fails_a_check_whose_hint_names_it(number, mistake, tmp_path):
    stage = places.find(number)
    folder = tmp_path / stage.name
    mistake.apply(stage, folder)
    result, problem = checking.run(stage, folder=folder, paths=[mistake.checks])
    assert result is not None, problem
    assert result.failing, f"{mistake.name} passes {mistake.checks}: the mutant survives"
    shown = {
        name: causes.advice(hint, result.errors.get(name))
        for name, (hint, _) in result.failing.items()
    }
    assert any(mistake.named_by(hint) for hint in shown.values()), (
        f"{mistake.name} fails, but no hint matches {mistake.says!r}: {shown}"
    )
