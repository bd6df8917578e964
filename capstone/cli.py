"""The capstone's commands: init-db, db-revision, seed-demo, create-admin, clear-login-failures."""

import click
from flask import current_app
from flask.cli import with_appcontext

from capstone import migrate
from capstone import seed
from capstone.database import db
from capstone.services import admin
from capstone.services import users
from capstone.services.errors import Invalid


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


@click.command("seed-demo")
@click.option(
    "--tasks", "extra", type=click.IntRange(min=0), default=0, help="Also generate this many tasks."
)
@click.option(
    "--reset",
    is_flag=True,
    help="Empty the whole database first, then load the demo data as new.",
)
@click.option("--yes", is_flag=True, help="Do not ask before --reset empties the database.")
@with_appcontext
def seed_demo_command(extra, reset, yes):
    """Load demo users, projects, tasks and comments (once); never in production."""
    if current_app.config["ENV_NAME"] == "production":
        raise click.ClickException(
            "seed-demo refuses to run in production: demo accounts have a public password."
        )
    if reset:
        url = db.engine.url.render_as_string(hide_password=True)
        if not yes:
            click.confirm(f"Delete everything in {url} and start the demo over?", abort=True)
        migrate.drop_everything()
        migrate.upgrade()
        click.echo("The database is empty again, at the latest schema.")
    if seed.load_demo():
        names = ", ".join(name for name, _ in seed.DEMO_USERS)
        click.echo(f"Demo data loaded. Log in as {names}; the password is {seed.DEMO_PASSWORD!r}.")
    else:
        click.echo("Demo data already loaded.")
    if extra:
        with click.progressbar(length=extra, label=f"Generating {extra} tasks") as bar:
            for done in seed.bulk_tasks(extra):
                bar.update(done)


@click.command("create-admin")
@click.option("--username", prompt=True)
@click.option("--email", prompt=True)
@click.password_option()
@with_appcontext
def create_admin_command(username, email, password):
    """Create an administrator, or make an existing user one."""
    try:
        admin.create_admin(username, email, password)
    except Invalid as invalid:
        raise click.ClickException(invalid.fields["password"]) from None
    click.echo(f"{username} is an administrator.")


@click.command("clear-login-failures")
@click.argument("account")
@with_appcontext
def clear_login_failures_command(account):
    """Let an account log in again at once, after too many wrong passwords locked it."""
    forgotten = users.clear_login_failures(account)
    click.echo(f"{account} may log in again ({forgotten} failed login(s) forgotten).")


COMMANDS = (
    init_db_command,
    db_revision_command,
    seed_demo_command,
    create_admin_command,
    clear_login_failures_command,
)


def init_app(app):
    """Register the commands on `app`."""
    for command in COMMANDS:
        app.cli.add_command(command)
