"""The hand-written extension: per-app state, one connection per app context, teardown, init-db."""

import sqlite3

import pytest
from hello_factory.db import DatabaseState
from hello_factory.db import db


def test_the_extension_keeps_its_state_on_the_app(app):
    state = app.extensions["hello_db"]
    assert isinstance(state, DatabaseState)
    assert state.path == app.config["DATABASE"]


def test_one_connection_per_app_context_closed_at_teardown(app):
    with app.app_context():
        connection = db.connection
        assert db.connection is connection
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        connection.execute("SELECT 1")


def test_each_app_context_gets_its_own_connection(app):
    with app.app_context():
        first = db.connection
    with app.app_context():
        assert db.connection is not first


def test_teardown_closes_the_connection_even_when_the_request_failed(app, monkeypatch):
    opened = []

    @app.route("/boom")
    def boom():
        opened.append(db.connection)
        raise RuntimeError("the view failed")

    app.testing = False  # let the 500 handler answer instead of raising into the test
    monkeypatch.setattr(app.logger, "disabled", True)  # the logger is shared: undo it
    assert app.test_client().get("/boom").status_code == 500
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        opened[0].execute("SELECT 1")


def test_requests_that_do_not_need_the_database_do_not_open_it(app):
    before = app.extensions["hello_db"].connections_opened
    app.test_client().get("/hello/Ada")
    assert app.extensions["hello_db"].connections_opened == before


def test_init_db_empties_the_database(app, runner):
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0
    assert "Initialized the database at " in result.output
    assert result.output.strip().endswith("hello.sqlite")
    with app.app_context():
        assert db.connection.execute("SELECT COUNT(*) FROM user").fetchone()[0] == 0


def test_a_new_database_gets_its_tables_without_init_db(tmp_path):
    from hello_factory import create_app

    app = create_app({"ENV_NAME": "testing", "DATABASE": str(tmp_path / "new.sqlite")})
    with app.app_context():
        assert db.connection.execute("SELECT COUNT(*) FROM user").fetchone()[0] == 0
