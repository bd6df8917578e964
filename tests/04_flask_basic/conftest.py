"""Fixtures for stage 04, in the style of Flask's tutorial: `app` and `client`."""

import pytest
from harness.stages import load_stage


@pytest.fixture(scope="session")
def stage():
    """The module 04_flask_basic/app.py."""
    return load_stage("04")


@pytest.fixture
def app(stage):
    """The Flask app. It is module-global in this stage; stage 06 shows why a factory is better."""
    return stage.app


@pytest.fixture
def client(app):
    """Flask's test client: Werkzeug's Client plus Flask's contexts and cookie handling."""
    return app.test_client()
