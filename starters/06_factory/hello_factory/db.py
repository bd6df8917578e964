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
        # TODO: app.extensions[EXTENSION_KEY] = a DatabaseState of app.config["DATABASE"];
        # app.teardown_appcontext(self.close); app.cli.add_command(init_db_command).
        # Store nothing on self: one Database serves every app.
        raise NotImplementedError("TODO: Database.init_app")

    @property
    def state(self):
        """The current app's DatabaseState."""
        # TODO: the state init_app stored, found through current_app.
        raise NotImplementedError("TODO: Database.state")

    @property
    def connection(self):
        """The connection of the current application context, opened on first use."""
        # TODO: if g has no "db_connection" yet: sqlite3.connect(self.state.path), with
        # row_factory = sqlite3.Row (rows behave like dicts); count it in
        # state.connections_opened; keep it in g.db_connection; and, the first time for
        # this app (state.schema_ready), run "schema.sql" so a new database has its
        # tables. Then return g.db_connection.
        raise NotImplementedError("TODO: Database.connection")

    def close(self, error=None):
        """Close this context's connection, if one was opened; teardown_appcontext calls this."""
        # TODO: g.pop("db_connection", None), and close it if there was one.
        raise NotImplementedError("TODO: Database.close")

    def run_schema(self, name):
        """Run an SQL script shipped in the package (schema.sql, reset.sql)."""
        # TODO: current_app.open_resource(name) opens a file of the package; run its text
        # (decoded as UTF-8) with the connection's executescript().
        raise NotImplementedError("TODO: Database.run_schema")


db = Database()


@click.command("init-db")
@with_appcontext  # commands added with app.cli.add_command() get no app context by themselves
def init_db_command():
    """Drop and recreate the tables: an empty database."""
    # TODO: run reset.sql, then schema.sql; then click.echo("Initialized the database at "
    # + the path, relative to the current folder (os.path.relpath)).
    raise NotImplementedError("TODO: init_db_command")
