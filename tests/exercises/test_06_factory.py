"""The exercises of 06_factory/README.md, one check each, run against your workspace.

Each check builds its own apps with your create_app() and a temporary database, as
stage 06's own tests do, so no check touches the database in your instance folder.
"""

import importlib
import os
import re
import subprocess
import sys
from datetime import timedelta

import pytest
from harness.stages import ROOT
from werkzeug.security import generate_password_hash

hint = pytest.mark.hint
GOOD_KEY = "k" * 40


@pytest.fixture
def make_app(stage, tmp_path):
    """Build an app with your create_app(), in testing mode, on a new database."""

    def make(name="hello", **settings):
        config = {"ENV_NAME": "testing", "DATABASE": str(tmp_path / f"{name}.sqlite")}
        return stage.create_app({**config, **settings})

    return make


@pytest.fixture
def db(stage):
    """Your extension object, hello_factory.db.db."""
    return importlib.import_module("hello_factory.db").db


def log_in(app, db, client):
    """Make a user, then log in through the form, CSRF token included; return the answer."""
    with app.app_context(), db.connection:
        db.connection.execute(
            "INSERT INTO user (username, password) VALUES ('ada', ?)",
            (generate_password_hash("lovelace-1815"),),
        )
    page = client.get("/auth/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    form = {"csrf_token": token, "username": "ada", "password": "lovelace-1815"}
    return client.post("/auth/login", data=form)


@hint("admin.py: bp = Blueprint('admin', __name__, url_prefix='/admin'); @bp.before_request")
def test_exercise_1_an_admin_blueprint_for_logged_in_users(make_app, db):
    app = make_app()
    assert "admin" in app.blueprints
    client = app.test_client()
    visitor = client.get("/admin/")
    assert visitor.status_code in (302, 303)
    assert visitor.headers["Location"] == "/auth/login"
    log_in(app, db, client)
    assert client.get("/admin/").status_code == 200


@hint("test_default_name.py next to app.py: create_app({..., 'DEFAULT_NAME': 'Grace'})")
def test_exercise_2_your_test_of_the_default_name(folder):
    test_file = folder / "test_default_name.py"
    assert test_file.exists(), "no test_default_name.py next to app.py"
    assert "Grace" in test_file.read_text(encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test_file.name],
        cwd=folder,  # `python -m` puts your folder on sys.path: `import hello_factory` works
        env={**os.environ, "PYTHONPATH": str(ROOT / "tests")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-2000:]
    assert re.search(r"\b[1-9]\d* passed", result.stdout), result.stdout[-2000:]


@hint("DatabaseState.queries, raised by connection.set_trace_callback; db-stats echoes it")
def test_exercise_3_each_app_counts_its_own_queries(make_app, db):
    one, two = make_app("one"), make_app("two")

    def queries(app):
        output = app.test_cli_runner().invoke(args=["db-stats"]).output
        found = re.search(r"queries: (\d+)", output)
        assert found, f"flask db-stats printed {output!r}"
        return int(found.group(1))

    before_one, before_two = queries(one), queries(two)
    with one.app_context():
        db.connection.execute("SELECT 1")
        db.connection.execute("SELECT 2")
    assert queries(one) >= before_one + 2
    assert queries(two) == before_two, "the counter must live per app, in its state"


@hint("problems_for_production: a DATABASE inside the package's folder is a problem")
def test_exercise_4_production_refuses_a_database_in_the_package(stage, folder, tmp_path):
    inside = folder / "hello_factory" / "hello.sqlite"
    settings = {"ENV_NAME": "production", "SECRET_KEY": GOOD_KEY}
    with pytest.raises(RuntimeError, match=r"Refusing to start in production: .*DATABASE"):
        stage.create_app({**settings, "DATABASE": str(inside)})
    assert stage.create_app({**settings, "DATABASE": str(tmp_path / "outside.sqlite")})


@hint("after login: session.permanent = True; and PERMANENT_SESSION_LIFETIME in Config")
def test_exercise_5_remember_me(make_app, db):
    app = make_app()
    assert app.config["PERMANENT_SESSION_LIFETIME"] != timedelta(days=31), "set your own"
    client = app.test_client()
    before = client.get("/auth/login").headers.get("Set-Cookie", "")
    assert before.startswith("session=") and "Expires=" not in before  # a browser session
    after = log_in(app, db, client).headers.get("Set-Cookie", "")
    assert "Expires=" in after, "a permanent session's cookie carries an expiry date"
