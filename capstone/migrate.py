"""Database migrations with Alembic, configured in code (no alembic.ini to keep in sync).

`flask --app capstone init-db` calls `upgrade()` in the app's context. To write a migration after
changing a model::

    flask --app capstone db-revision -m "add a field"     # autogenerate, then read it
"""

from alembic import command
from alembic.config import Config

from capstone.database import db


def alembic_config(connection=None, url=None):
    """An Alembic Config for the migrations in capstone/migrations."""
    config = Config()
    config.set_main_option("script_location", "capstone:migrations")
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


def upgrade(revision="head"):
    """Migrate the current app's database up to `revision`."""
    with db.engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(revision="base"):
    """Migrate the current app's database down to `revision`."""
    with db.engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)


def drop_everything():
    """Migrate the current app's database down to nothing, whatever rows it holds.

    `upgrade()` afterwards builds the schema as on a new machine (`seed-demo --reset`).
    """
    db.session.close()  # its connection would hold the tables being dropped
    with db.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            # SQLite empties a table it drops, checking every foreign key pointing at it.
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
        command.downgrade(alembic_config(connection), "base")
    db.engine.dispose()  # new connections get foreign keys on again (database.py)


def revision(message):
    """Write a new migration script comparing the models with the current database."""
    with db.engine.begin() as connection:
        command.revision(alembic_config(connection), message=message, autogenerate=True)
