"""A small SQLite extension, written by hand with the `init_app` pattern that Flask extensions use.

The extension object is created once, at import time, with no app::

    db = Database()            # in this module: importable anywhere, no app needed

and attached to each app inside the factory::

    db.init_app(app)           # in create_app(): per-app state goes into app.extensions

It never stores an app on itself, so one `db` serves any number of apps. At run time
it finds "its" app through `current_app`, and keeps the connection in `g`, so each
application context (each request, each CLI command) gets its own connection, closed
by the `teardown_appcontext` hook it registered. Flask-SQLAlchemy, Flask-Login and
the capstone's own database module follow the same shape.
"""

import os
import sqlite3
from dataclasses import dataclass

import click
from flask import current_app
from flask import g
from flask.cli import with_appcontext

EXTENSION_KEY = "hello_db"


@dataclass
class DatabaseState:
    """What the extension remembers per app, in app.extensions["hello_db"]."""

    path: str
    connections_opened: int = 0
    schema_ready: bool = False


class Database:
    """SQLite for Flask apps: one connection per application context, closed at teardown."""

    IntegrityError = sqlite3.IntegrityError  # so views can catch it without importing sqlite3

    def __init__(self, app=None):
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        """Attach to `app`: remember its database path, close at teardown, add `flask init-db`."""
        app.extensions[EXTENSION_KEY] = DatabaseState(path=app.config["DATABASE"])
        app.teardown_appcontext(self.close)
        app.cli.add_command(init_db_command)

    @property
    def state(self):
        """The current app's DatabaseState."""
        return current_app.extensions[EXTENSION_KEY]

    @property
    def connection(self):
        """The connection of the current application context, opened on first use."""
        if "db_connection" not in g:
            state = self.state
            connection = sqlite3.connect(state.path)
            connection.row_factory = sqlite3.Row  # rows behave like dicts: row["username"]
            state.connections_opened += 1
            g.db_connection = connection
            if not state.schema_ready:
                # CREATE TABLE IF NOT EXISTS: a fresh database works without init-db.
                self.run_schema("schema.sql")
                state.schema_ready = True
        return g.db_connection

    def close(self, error=None):
        """Close this context's connection, if one was opened; teardown_appcontext calls this."""
        connection = g.pop("db_connection", None)
        if connection is not None:
            connection.close()

    def run_schema(self, name):
        """Run an SQL script shipped in the package (schema.sql, reset.sql)."""
        with current_app.open_resource(name) as script:
            self.connection.executescript(script.read().decode("utf-8"))


db = Database()


@click.command("init-db")
@with_appcontext  # commands added with app.cli.add_command() get no app context by themselves
def init_db_command():
    """Drop and recreate the tables: an empty database."""
    db.run_schema("reset.sql")
    db.run_schema("schema.sql")
    click.echo(f"Initialized the database at {os.path.relpath(db.state.path)}")
