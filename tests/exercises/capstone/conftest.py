"""The capstone's exercise checks run against a copy of it (workspace/capstone), imported by name.

`make check STAGE=capstone` passes the copy with --stage-dir. Its parent folder goes
first on sys.path, so `import capstone` is the copy, never the reference; a check
that finds the reference imported instead stops the run rather than pass on it.

The checks talk to the copy the way its users do, as far as they can: HTTP requests
to its API, its CLI, its database's schema, its Socket.IO server. The data is the
demo (`flask seed-demo`): alice, bob, carol and admin, two projects, their tasks.
"""

import importlib
import shutil
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy import inspect

DEMO_PASSWORD = "demo-password"  # capstone/seed.py's, printed by flask seed-demo


@pytest.fixture(scope="session")
def capstone(folder):
    """The copy's package `capstone`, imported from the learner's folder."""
    if folder.name != "capstone":  # --stage-dir names a stage's folder: not for these checks
        pytest.skip("these checks run against a copy of the capstone: make check STAGE=capstone")
    sys.path.insert(0, str(folder.parent))
    import capstone

    imported_from = Path(capstone.__file__).resolve().parent
    if imported_from != folder:  # imported before this fixture ran: never check the wrong one
        pytest.exit(f"capstone was imported from {imported_from}, not from {folder}")
    return capstone


def settings(url, uploads):
    """The copy's settings for a check: its own database; jobs in-process, no mail server."""
    return {
        "ENV_NAME": "testing",
        "DATABASE_URL": url,
        "WTF_CSRF_ENABLED": False,
        "UPLOAD_FOLDER": str(uploads),
        "REDIS_URL": None,
        "CELERY_BROKER_URL": None,
        "MAIL_SERVER": None,
    }


@pytest.fixture(scope="session")
def demo_database(capstone, tmp_path_factory):
    """A SQLite file migrated by the copy's `flask init-db`, with the demo data in it."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    app = capstone.create_app(settings(f"sqlite:///{path}", path.parent / "uploads"))
    runner = app.test_cli_runner()
    for command in ("init-db", "seed-demo"):
        ran = runner.invoke(args=[command])
        assert ran.exit_code == 0, f"flask {command} failed: {ran.output}{ran.exception!r}"
    dispose(app)
    return path


def dispose(app):
    """Close the app's database connections (left open, they warn, which is an error here)."""
    # Imported by name once the copy is on sys.path (the fixture `capstone`), not before.
    db = importlib.import_module("capstone.database").db
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def app(capstone, demo_database, tmp_path):
    """The copy's app on a fresh copy of the demo database."""
    path = tmp_path / "capstone.sqlite"
    shutil.copy(demo_database, path)
    app = capstone.create_app(settings(f"sqlite:///{path}", tmp_path / "uploads"))
    yield app
    dispose(app)


@pytest.fixture
def client(app):
    """A test client of the copy's app."""
    return app.test_client()


@pytest.fixture
def log_in():
    """A function: log a test client in through the login form, as a browser would."""

    def post_form(client, username):
        answer = client.post("/auth/login", data={"username": username, "password": DEMO_PASSWORD})
        assert answer.status_code == 303, f"{username} could not log in"
        return client

    return post_form


@pytest.fixture
def api(client):
    """A function: `api(username)` is a client whose requests carry that user's token."""

    def as_user(username):
        answer = client.post(
            "/api/v1/tokens", json={"username": username, "password": DEMO_PASSWORD}
        )
        assert answer.status_code == 200, answer.get_json()
        return Caller(client, answer.get_json()["access_token"])

    return as_user


class Caller:
    """The test client, with one user's token on every request."""

    def __init__(self, client, token):
        self.client, self.headers = client, {"Authorization": f"Bearer {token}"}

    def __getattr__(self, method):
        return lambda path, **options: getattr(self.client, method)(
            "/api/v1" + path, headers=self.headers, **options
        )


@pytest.fixture
def demo(api):
    """The demo's ids by name: projects by name, tasks by title, users by username."""
    alice = api("alice")
    projects = {row["name"]: row["id"] for row in alice.get("/projects").get_json()["projects"]}
    tasks = {}
    for project_id in projects.values():
        listed = alice.get(f"/projects/{project_id}/tasks").get_json()["tasks"]
        tasks |= {row["title"]: row for row in listed}
    return {"projects": projects, "tasks": tasks}


@pytest.fixture
def openapi(client):
    """The copy's OpenAPI document."""
    return client.get("/api/v1/openapi.json").get_json()


@pytest.fixture
def task_table():
    """A function: the column names and the indexes of a database's task table."""

    def columns_and_indexes(database_path):
        engine = create_engine(f"sqlite:///{database_path}")
        try:
            found = inspect(engine)
            columns = [column["name"] for column in found.get_columns("task")]
            return columns, found.get_indexes("task")
        finally:
            engine.dispose()

    return columns_and_indexes
