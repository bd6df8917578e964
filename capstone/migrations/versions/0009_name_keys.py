"""Usernames and emails unique whatever their case: a stored key of each, unique.

The lookups compared lower(username), but the UNIQUE constraint compared the names as
written, so "Ada" and "ada" could both register when they raced (and SQLite's lower()
leaves "É" alone). `name_key()` (models/user.py) is now stored beside each name and
address, with a UNIQUE index. Accounts that already clash are not merged behind
anyone's back: the upgrade stops and names them, to be renamed by hand first.

Revision ID: 0009_name_keys
Revises: 0008_task_count_lock_order
Create Date: 2026-12-01
"""

import unicodedata
from collections import defaultdict

import sqlalchemy as sa
from alembic import op

revision = "0009_name_keys"
down_revision = "0008_task_count_lock_order"
branch_labels = None
depends_on = None

USERS = sa.table(
    "user",
    sa.column("id", sa.Integer),
    sa.column("username", sa.String),
    sa.column("email", sa.String),
    sa.column("username_key", sa.String),
    sa.column("email_key", sa.String),
)


def name_key(text):
    """models.user.name_key as it was when this migration was written (NFKC, case folding).

    A copy on purpose: a migration replays history, and must not change if the model's
    function does later (a later change would come with a migration of its own).
    """
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


class NameClash(RuntimeError):
    """Existing accounts whose names or addresses differ only in case."""


def clashes(rows):
    """Lines naming the accounts that share a key, for the person running the upgrade."""
    found = []
    for field in ("username", "email"):
        by_key = defaultdict(list)
        for row in rows:
            by_key[name_key(row[field])].append(row)
        for same in by_key.values():
            if len(same) > 1:
                names = ", ".join(f"{row[field]!r} (user {row['id']})" for row in same)
                found.append(f"{field}s that differ only in case: {names}")
    return found


def upgrade():
    """Apply this migration."""
    # Checked before any change: SQLite's ALTER TABLE would not be rolled back.
    connection = op.get_bind()
    names = sa.select(USERS.c.id, USERS.c.username, USERS.c.email)
    rows = [row._mapping for row in connection.execute(names)]
    problems = clashes(rows)
    if problems:
        raise NameClash(
            "These accounts clash once case is ignored; rename them by hand (or merge "
            "them), then upgrade again:\n  " + "\n  ".join(problems)
        )
    # NOT NULL from the start, with a default for the rows already there (SQLite adds a
    # NOT NULL column only with one); without rebuilding the table, which the rows of
    # other tables that point to it would forbid.
    for column in ("username_key", "email_key"):
        op.add_column("user", sa.Column(column, sa.String(), nullable=False, server_default=""))
    for row in rows:
        connection.execute(
            USERS.update()
            .where(USERS.c.id == row["id"])
            .values(username_key=name_key(row["username"]), email_key=name_key(row["email"]))
        )
    for column in ("username_key", "email_key"):
        op.create_index(f"ix_user_{column}", "user", [column], unique=True)
        if connection.dialect.name == "postgresql":  # SQLite cannot drop a default in place
            op.alter_column("user", column, server_default=None)


def downgrade():
    """Undo this migration."""
    for column in ("email_key", "username_key"):
        op.drop_index(f"ix_user_{column}", table_name="user")
        op.drop_column("user", column)
