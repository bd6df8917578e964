"""PostgreSQL databases for the capstone's tests (TEST_DATABASE_URL): made, emptied, checked.

A database per pytest-xdist worker, migrated once; each test then starts from emptied
tables (TRUNCATE ... RESTART IDENTITY, so ids start at 1 as in a fresh SQLite file).
"""

from sqlalchemy import create_engine
from sqlalchemy import inspect
from sqlalchemy import make_url
from sqlalchemy import text
from sqlalchemy.pool import NullPool

# Alembic's own table says which migrations ran: emptying it would undo the migration.
KEEP = {"alembic_version"}


def fresh_database(url, suffix):
    """Drop and create the database `<name>_<suffix>` next to `url`'s; return its URL."""
    base = make_url(url)
    name = f"{base.database}_{suffix}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        # Our own connections left over (same role: allowed), then a plain DROP, which
        # also stops an autovacuum worker busy in that database. DROP ... WITH (FORCE)
        # refuses to: terminating the worker needs pg_signal_backend (a CI run failed so).
        connection.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = :name AND usename = current_user"
            ),
            {"name": name},
        )
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def empty_tables(url):
    """Empty every table of the database at `url` but Alembic's, resetting the id sequences."""
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as connection:
        # A connection the last test left open (a server thread's, say) would hold
        # locks that TRUNCATE waits for: end them first (same role, so allowed).
        connection.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                " AND usename = current_user AND backend_type = 'client backend'"
            )
        )
        tables = [t for t in inspect(connection).get_table_names() if t not in KEEP]
        names = ", ".join(f'"{table}"' for table in tables)
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()
