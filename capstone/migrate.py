"""Database migrations with Alembic, configured in code (no alembic.ini to keep in sync).

`flask --app capstone init-db` calls `upgrade()` in the app's context. To write a migration after
changing a model::

    flask --app capstone db-revision -m "add a field"     # autogenerate, then read it
"""

from contextlib import contextmanager

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


class ForeignKeyViolation(RuntimeError):
    """A migration left rows pointing at rows that do not exist (SQLite's check)."""


@contextmanager
def migrating():
    """A connection in a transaction for migrations; on SQLite, foreign keys checked at the end.

    SQLite changes a column by copying its table and dropping the old one (Alembic's
    batch mode), and with foreign keys on, dropping a table deletes its rows and
    cascades: a table rebuilt would lose the rows pointing at it. SQLite's own
    procedure for altering a table is followed instead: foreign keys off (possible only
    outside a transaction), the changes, then `PRAGMA foreign_key_check` before the
    commit, and foreign keys on again.
    """
    with db.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.commit()  # ends SQLAlchemy's autobegun transaction; none was opened
        try:
            with connection.begin():
                yield connection
                if sqlite and (
                    broken := connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                ):
                    raise ForeignKeyViolation(f"rows whose foreign keys point nowhere: {broken}")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys = ON")
                connection.commit()


def upgrade(revision="head"):
    """Migrate the current app's database up to `revision`."""
    with migrating() as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(revision="base"):
    """Migrate the current app's database down to `revision`."""
    with migrating() as connection:
        command.downgrade(alembic_config(connection), revision)


def drop_everything():
    """Migrate the current app's database down to nothing, whatever rows it holds.

    `upgrade()` afterwards builds the schema as on a new machine (`seed-demo --reset`).
    """
    db.session.close()  # its connection would hold the tables being dropped
    downgrade("base")  # with foreign keys off on SQLite: see migrating()
    db.engine.dispose()


def revision(message):
    """Write a new migration script comparing the models with the current database."""
    with db.engine.begin() as connection:
        command.revision(alembic_config(connection), message=message, autogenerate=True)
