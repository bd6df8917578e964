"""Fixtures for stage 01: its folder and its module, loaded by path.

The folder is 01_raw_wsgi/, or a learner's workspace given with --stage-dir (make check
STAGE=01). The module is loaded by path because the folder name starts with a digit.
"""

import pytest
from harness.stages import folder_for
from harness.stages import load_stage


@pytest.fixture(scope="session")
def folder():
    """The stage's folder under test."""
    return folder_for("01")


@pytest.fixture(scope="session")
def stage():
    """The module app.py of the folder under test."""
    return load_stage("01")
