"""The capstone's commands: init-db, db-revision, seed-demo and create-admin."""

import click
from flask.cli import with_appcontext

from capstone import migrate


@click.command("init-db")
@with_appcontext
def init_db_command():
    """Migrate the database to the latest schema (creating it if needed)."""
    migrate.upgrade()
    click.echo("The database is at the latest schema.")


@click.command("db-revision")
@click.option("-m", "--message", required=True, help="What the migration does.")
@with_appcontext
def db_revision_command(message):
    """Write a new migration from the difference between the models and the database."""
    migrate.revision(message)


def init_app(app):
    """Register the commands on `app`."""
    for command in (init_db_command, db_revision_command):
        app.cli.add_command(command)
