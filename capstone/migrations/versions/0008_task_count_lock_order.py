"""Task counts on PostgreSQL: a move locks both counts in one order, so moves cannot deadlock.

Moving a task from todo to done took one from (project, todo), then added one to
(project, done); a move from done to todo at the same moment locked the same two rows
in the other order, and PostgreSQL broke the deadlock by failing one request. Now an
UPDATE first makes sure the row it adds to exists, then locks both rows sorted by
(project, status), and only then changes them: the second move waits for the first.
SQLite has one writer at a time and keeps its triggers.

Revision ID: 0008_task_count_lock_order
Revises: 0007_outbox_sweep
Create Date: 2026-12-01
"""

from alembic import op

revision = "0008_task_count_lock_order"
down_revision = "0007_outbox_sweep"
branch_labels = None
depends_on = None

ADD = """
    INSERT INTO task_count (project_id, status, tasks)
    SELECT NEW.project_id, NEW.status, 1 WHERE NEW.archived_at IS NULL
    ON CONFLICT (project_id, status) DO UPDATE SET tasks = task_count.tasks + 1;
"""
TAKE_AWAY = """
    UPDATE task_count SET tasks = tasks - 1
    WHERE project_id = OLD.project_id AND status = OLD.status AND OLD.archived_at IS NULL;
"""
LOCK_BOTH = """
    INSERT INTO task_count (project_id, status, tasks)
    SELECT NEW.project_id, NEW.status, 0 WHERE NEW.archived_at IS NULL
    ON CONFLICT (project_id, status) DO NOTHING;
    PERFORM 1 FROM task_count
    WHERE (project_id, status) IN ((OLD.project_id, OLD.status), (NEW.project_id, NEW.status))
    ORDER BY project_id, status FOR UPDATE;
"""


def function(lock_first):
    """The trigger function, with or without locking both rows of a move first."""
    lock = f"IF TG_OP = 'UPDATE' THEN {LOCK_BOTH} END IF;" if lock_first else ""
    return f"""
    CREATE OR REPLACE FUNCTION task_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        {lock}
        IF TG_OP IN ('UPDATE', 'DELETE') THEN {TAKE_AWAY} END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN {ADD} END IF;
        RETURN NULL;
    END $$
    """


def upgrade():
    """Apply this migration."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(function(lock_first=True))


def downgrade():
    """Undo this migration."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(function(lock_first=False))
