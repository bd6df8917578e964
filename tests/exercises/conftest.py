"""Exercise checks run against a learner's folder (--stage-dir), never the reference stage.

The reference stages are the solutions of the stages, not of their exercises, so without
--stage-dir these checks skip; `make check STAGE=NN` passes the learner's workspace.
A check named `..._is_back` belongs to an exercise that breaks code and puts it back:
it passes on a stage where the exercise was never tried, so make check never counts it
as done, and shows it only while the code is still broken.

tests/test_learn.py runs them against the worked solutions in tests/exercises/solutions/
and against the reference, so each check is seen to pass and to fail.
"""

from pathlib import Path

import pytest
from harness.stages import load_module
from harness.wsgi_client import WSGIClient

# The worked solutions are a learner's folders, not tests of this suite: stage 06's holds
# the learner's own test file of exercise 2, which its check runs by itself.
collect_ignore = ["solutions"]


@pytest.fixture(scope="session")
def folder(pytestconfig):
    """The learner's folder, or a skip when none was given."""
    chosen = pytestconfig.getoption("stage_dir")
    if not chosen:
        pytest.skip("exercise checks run against your own code: make check STAGE=NN")
    return Path(chosen).resolve()


@pytest.fixture(scope="session")
def stage(folder):
    """The module app.py of the learner's folder."""
    return load_module(folder / "app.py")


@pytest.fixture
def client(stage):
    """A strict WSGI client (PEP 3333 validated) for the learner's application."""
    return WSGIClient(stage.application)
