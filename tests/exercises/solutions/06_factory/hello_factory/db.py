"""Exercise 3: the reference extension, counting each app's SQL statements.

The counter lives in DatabaseState, which init_app stores per app in app.extensions:
two apps count separately, and the one `db` object still stores nothing of its own.
"""

from dataclasses import dataclass

import click
from flask import g
from flask.cli import with_appcontext

from hello_factory import reference_module

reference = reference_module("db")
EXTENSION_KEY = reference.EXTENSION_KEY


@dataclass
class DatabaseState(reference.DatabaseState):
    """The reference's state, plus the number of statements run."""

    queries: int = 0


class Database(reference.Database):
    """The reference extension; its connections report each statement to the app's state."""

    def init_app(self, app):
        """Attach as the reference does, with the counting state and a `db-stats` command."""
        super().init_app(app)
        app.extensions[EXTENSION_KEY] = DatabaseState(path=app.config["DATABASE"])
        app.cli.add_command(db_stats_command)

    @property
    def connection(self):
        """The reference's connection; a new one gets the counting callback."""
        new = "db_connection" not in g
        connection = super().connection
        if new:
            state = self.state  # bound now: the callback runs with the statement, not here

            def count(statement):
                state.queries += 1

            connection.set_trace_callback(count)
        return connection


db = Database()


@click.command("db-stats")
@with_appcontext
def db_stats_command():
    """Show how many statements this app has run since it started."""
    click.echo(f"queries: {db.state.queries}")
