"""The hand-written extension: per-app state, one connection per app context, teardown, init-db."""

import sqlite3

import pytest
from hello_factory.db import DatabaseState
from hello_factory.db import db


@pytest.mark.hint(
    "Database.init_app stores DatabaseState(path=app.config['DATABASE']) in "
    "app.extensions['hello_db']"
)
def test_the_extension_keeps_its_state_on_the_app(app):
    state = app.extensions["hello_db"]
    assert isinstance(state, DatabaseState)
    assert state.path == app.config["DATABASE"]


@pytest.mark.hint(
    "keep the connection in g, and have the app close it as each application context ends "
    "(init_app registers that)"
)
def test_one_connection_per_app_context_closed_at_teardown(app):
    with app.app_context():
        connection = db.connection
        assert db.connection is connection
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        connection.execute("SELECT 1")


@pytest.mark.hint(
    "close() takes the connection out of g (pop, not get) before closing it: the next use in "
    "the same context then opens a new one instead of finding a closed one"
)
def test_after_close_the_same_context_opens_a_new_connection(app):
    with app.app_context():
        first = db.connection
        db.close()
        assert db.connection is not first
        db.connection.execute("SELECT 1")


@pytest.mark.hint(
    "the connection lives in g, so each app context opens its own: never keep it on self"
)
def test_each_app_context_gets_its_own_connection(app):
    with app.app_context():
        first = db.connection
    with app.app_context():
        assert db.connection is not first


@pytest.mark.hint(
    "close() takes the connection out of g and closes it; the app context's teardown runs "
    "even after an error"
)
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


@pytest.mark.hint(
    "open the connection in the `connection` property, on first use: not in a before_request"
)
def test_requests_that_do_not_need_the_database_do_not_open_it(app):
    before = app.extensions["hello_db"].connections_opened
    app.test_client().get("/hello/Ada")
    assert app.extensions["hello_db"].connections_opened == before


@pytest.mark.hint(
    "init-db runs reset.sql then schema.sql and echoes 'Initialized the database at <relative "
    "path>'"
)
def test_init_db_empties_the_database(app, runner):
    result = runner.invoke(args=["init-db"])
    said = result.output.strip().rpartition("\n")[2] or repr(result.exception)
    assert result.exit_code == 0, said  # the last line: "Error: No such command ..."
    assert "Initialized the database at " in result.output
    assert result.output.strip().endswith("hello.sqlite")
    with app.app_context():
        assert db.connection.execute("SELECT COUNT(*) FROM user").fetchone()[0] == 0


@pytest.mark.hint(
    "the first connection of an app runs schema.sql (CREATE TABLE IF NOT EXISTS): "
    "state.schema_ready"
)
def test_a_new_database_gets_its_tables_without_init_db(tmp_path):
    from hello_factory import create_app

    app = create_app({"ENV_NAME": "testing", "DATABASE": str(tmp_path / "new.sqlite")})
    with app.app_context():
        assert db.connection.execute("SELECT COUNT(*) FROM user").fetchone()[0] == 0
