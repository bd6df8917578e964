"""Fixtures for stage 05: the stage module, and a fresh app for tests that add routes or hooks."""

import pytest
from harness.stages import folder_for
from harness.stages import load_fresh
from harness.stages import load_stage


@pytest.fixture(scope="session")
def stage():
    """The module 05_contexts/app.py (or --stage-dir's), as the contract suite loads it."""
    return load_stage("05")


@pytest.fixture
def app():
    """A brand-new copy of the stage's app: routes and hooks can still be added to it."""
    return load_fresh(folder_for("05") / "app.py").app


@pytest.fixture
def tracing():
    """The module 05_contexts/trace.py."""
    return load_fresh(folder_for("05") / "trace.py")
