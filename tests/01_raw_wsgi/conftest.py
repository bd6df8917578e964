"""Fixtures for stage 01: its module, loaded by path (the folder name starts with a digit)."""

import pytest
from harness.stages import load_stage


@pytest.fixture(scope="session")
def stage():
    """The module 01_raw_wsgi/app.py."""
    return load_stage("01")
