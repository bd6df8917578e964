"""Fixtures for stage 03: its module, and Werkzeug's test client on its application."""

import pytest
from harness.stages import load_stage
from werkzeug.test import Client


@pytest.fixture(scope="session")
def stage():
    """The module 03_werkzeug/app.py."""
    return load_stage("03")


@pytest.fixture
def client(stage):
    """werkzeug.test.Client: it calls the WSGI app in-process and keeps cookies."""
    return Client(stage.application)
