"""A small SQLAlchemy 2 integration for Flask, written with the init_app pattern of stage 06.

One engine per app (in app.extensions["capstone_db"]), one Session per application
context (in g), committed by the code that writes, rolled back if the request failed,
and closed by teardown_appcontext. Usage::

    from capstone.database import db
    db.session.scalars(select(Project)).all()

SQLite files get WAL mode and a busy timeout, so several threads and processes can
write one after the other without "database is locked" errors.

`db.after_commit(callback)` runs `callback()` once the current transaction commits,
and forgets it if the transaction rolls back: background jobs and live events use it,
so nobody hears of a change that did not happen. `db.insert_unless_taken(...)` adds a
row unless its unique key is taken, without the race of checking first.
"""

import os
from dataclasses import dataclass

from flask import current_app
from flask import g
from sqlalchemy import Engine
from sqlalchemy import create_engine
from sqlalchemy import event
from sqlalchemy import make_url
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session
from sqlalchemy.orm import sessionmaker

EXTENSION_KEY = "capstone_db"
AFTER_COMMIT = "capstone_after_commit"  # the key in Session.info for the waiting callbacks
COMMITTED = "capstone_committed"  # ... and for those whose transaction has committed
SQLITE_BUSY_TIMEOUT_MS = 10_000
INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}  # with ON CONFLICT


@dataclass
class DatabaseState:
    """What the extension keeps per app."""

    engine: Engine
    sessionmaker: sessionmaker


def make_engine(url):
    """An engine for `url`; SQLite gets WAL, a busy timeout, and enforced foreign keys."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    path = make_url(url).database
    if path and path != ":memory:":
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", configure_sqlite)
    return engine


def configure_sqlite(dbapi_connection, connection_record):
    """Run on each new SQLite connection: WAL, a busy timeout, foreign keys on."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # With WAL, NORMAL is safe against corruption and skips an fsync per commit.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def sqlite_url_in(folder, name="capstone.sqlite"):
    """The SQLAlchemy URL of a SQLite file in `folder`, creating the folder."""
    os.makedirs(folder, exist_ok=True)
    return f"sqlite:///{os.path.join(folder, name)}"


def mark_committed(session):
    """After a commit: the waiting callbacks may run, once the connection is given back.

    SQLAlchemy sends after_commit while the session still holds its connection. A job
    run in-process (no broker) opens a session of its own: run there, it would need a
    second connection while holding the first, and sixteen requests at once would
    empty the pool and wait for each other until its timeout.
    """
    if not session.in_nested_transaction():  # a SAVEPOINT released commits nothing yet
        session.info[COMMITTED] = session.info.pop(AFTER_COMMIT, [])


def run_after_commit(session, transaction):
    """At the end of a committed transaction, its connection returned: run the callbacks.

    Nothing may raise from here: the data is already committed, and an exception would
    turn a successful request into an error. A failing callback is logged instead.
    """
    if transaction.parent is not None:
        return
    for callback in session.info.pop(COMMITTED, []):
        try:
            callback()
        except Exception:
            current_app.logger.exception("After the commit, %r failed", callback)


def forget_after_commit(session, previous_transaction):
    """After a rollback: what the callbacks would announce did not happen."""
    session.info.pop(AFTER_COMMIT, None)


class Database:
    """SQLAlchemy for Flask apps: an engine per app, a session per application context."""

    def __init__(self, app=None):
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        """Create the app's engine from DATABASE_URL and register the session cleanup."""
        engine = make_engine(app.config["DATABASE_URL"])
        sessions = sessionmaker(engine, expire_on_commit=False)
        event.listen(sessions, "after_commit", mark_committed)
        event.listen(sessions, "after_transaction_end", run_after_commit)
        event.listen(sessions, "after_soft_rollback", forget_after_commit)
        app.extensions[EXTENSION_KEY] = DatabaseState(engine, sessions)
        app.teardown_appcontext(self.remove_session)

    @property
    def engine(self):
        """The current app's engine."""
        return current_app.extensions[EXTENSION_KEY].engine

    @property
    def session(self) -> Session:
        """The session of the current application context, created on first use."""
        if "db_session" not in g:
            g.db_session = current_app.extensions[EXTENSION_KEY].sessionmaker()
        return g.db_session

    def after_commit(self, callback):
        """Call `callback()` after the current transaction commits; never if it rolls back."""
        session = self.session
        if not session.in_transaction():
            # Before any SQL there is no transaction yet, and a rollback would not be
            # heard: the callback would wait for the next commit, of another change.
            session.begin()
        session.info.setdefault(AFTER_COMMIT, []).append(callback)

    def insert_unless_taken(self, model, **values):
        """INSERT a `model` row unless one with the same unique key exists: its id, or None.

        Checking first, then inserting, lets two requests both find the key free and
        the second fail on the unique constraint; ON CONFLICT DO NOTHING (SQLite and
        PostgreSQL) lets the database decide, and the loser simply inserts nothing.
        """
        insert = INSERTS[self.engine.dialect.name](model).values(**values)
        return self.session.scalar(insert.on_conflict_do_nothing().returning(model.id))

    def remove_session(self, error=None):
        """Roll back what a failed request left uncommitted, then close the session."""
        session = g.pop("db_session", None)
        if session is None:
            return
        if error is not None:
            session.rollback()
        session.close()


db = Database()
