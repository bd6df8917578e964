"""Fixtures for stage 01: its folder and its module, loaded by path.

The folder is 01_raw_wsgi/, or a learner's workspace given with --stage-dir (make check
STAGE=01). The module is loaded by path because the folder name starts with a digit.
"""

import pytest
from harness.stages import folder_under_test
from harness.stages import load_module


@pytest.fixture(scope="session")
def folder(pytestconfig):
    """The stage's folder under test."""
    return folder_under_test(pytestconfig, "01")


@pytest.fixture(scope="session")
def stage(folder):
    """The module app.py of the folder under test."""
    return load_module(folder / "app.py")
