"""Fixtures in the style of Flask's tutorial: app, client, runner, and an auth helper.

Every test gets its own app from create_app(), on its own temporary SQLite file, so
tests cannot see each other's users. The test user's password hash is computed once
per session: scrypt is slow on purpose, and most tests only need a valid hash.
"""

import re

import pytest
from harness.stages import add_stage_to_path
from werkzeug.security import generate_password_hash

USERNAME, PASSWORD = "ada", "lovelace-1815"


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    """Put stage 06's folder (or --stage-dir's) on sys.path, so tests import `hello_factory`.

    Here and not at import: pytest imports this file before tests/conftest.py has read
    --stage-dir.
    """
    add_stage_to_path("06")


@pytest.fixture(scope="session")
def password_hash():
    """The hash of PASSWORD, made once."""
    return generate_password_hash(PASSWORD)


@pytest.fixture
def app(tmp_path, password_hash):
    """A new app in testing mode, with a fresh database holding one user."""
    from hello_factory import create_app
    from hello_factory.db import db

    app = create_app({"ENV_NAME": "testing", "DATABASE": str(tmp_path / "hello.sqlite")})
    with app.app_context(), db.connection:
        db.connection.execute(
            "INSERT INTO user (username, password) VALUES (?, ?)", (USERNAME, password_hash)
        )
    return app


@pytest.fixture
def client(app):
    """The app's test client."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """The app's CLI runner, for its commands."""
    return app.test_cli_runner()


def csrf_token_from(page):
    """The CSRF token in the first form of an HTML page."""
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


class AuthActions:
    """Log in and out as a user would: fetch the form, then post it with its token."""

    username, password = USERNAME, PASSWORD

    def __init__(self, client):
        self.client = client

    def post(self, path, **data):
        """POST a form of the auth blueprint, with the CSRF token of the current session."""
        token = csrf_token_from(self.client.get("/auth/login").text)
        return self.client.post(path, data={"csrf_token": token, **data})

    def login(self, username=USERNAME, password=PASSWORD):
        """Log in; return the response."""
        return self.post("/auth/login", username=username, password=password)

    def logout(self):
        """Log out; return the response."""
        return self.post("/auth/logout")


@pytest.fixture
def auth(client):
    """Log in and out as the test user."""
    return AuthActions(client)
