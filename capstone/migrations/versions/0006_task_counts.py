"""Live tasks per project and status, kept by triggers on the task table.

The counts are filled from the tasks already there, then triggers keep them: a task that
becomes live (inserted, restored, moved to another status) adds one to its (project,
status), a task that stops being live (deleted, archived, moved) takes one away. Adding
is an upsert, so the first task of a status creates its row; taking away is a plain
UPDATE, so a cascade deleting a project's counts and tasks in any order cannot fail.
SQLite and PostgreSQL write triggers differently, hence two versions of the same rules.

Revision ID: 0006_task_counts
Revises: 0005_task_list_indexes
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_task_counts"
down_revision = "0005_task_list_indexes"
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
COUNTED = "project_id, status, archived_at"  # an UPDATE of other columns changes no count

SQLITE = [
    f"CREATE TRIGGER task_count_insert AFTER INSERT ON task BEGIN {ADD} END",
    f"CREATE TRIGGER task_count_delete AFTER DELETE ON task BEGIN {TAKE_AWAY} END",
    f"CREATE TRIGGER task_count_update AFTER UPDATE OF {COUNTED} ON task"
    f" BEGIN {TAKE_AWAY} {ADD} END",
]
POSTGRESQL = [
    f"""
    CREATE FUNCTION task_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN {TAKE_AWAY} END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN {ADD} END IF;
        RETURN NULL;
    END $$
    """,
    f"""
    CREATE TRIGGER task_count_change AFTER INSERT OR DELETE OR UPDATE OF {COUNTED} ON task
    FOR EACH ROW EXECUTE FUNCTION task_count_change()
    """,
]
DROP = {
    "sqlite": [
        "DROP TRIGGER task_count_insert",
        "DROP TRIGGER task_count_delete",
        "DROP TRIGGER task_count_update",
    ],
    "postgresql": [
        "DROP TRIGGER task_count_change ON task",
        "DROP FUNCTION task_count_change()",
    ],
}


def upgrade():
    """Apply this migration."""
    op.create_table(
        "task_count",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("tasks", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_task_count_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", "status", name=op.f("pk_task_count")),
    )
    op.execute(
        "INSERT INTO task_count (project_id, status, tasks)"
        " SELECT project_id, status, count(*) FROM task WHERE archived_at IS NULL"
        " GROUP BY project_id, status"
    )
    for statement in SQLITE if dialect() == "sqlite" else POSTGRESQL:
        op.execute(statement)


def downgrade():
    """Undo this migration."""
    for statement in DROP[dialect()]:
        op.execute(statement)
    op.drop_table("task_count")


def dialect():
    """The name of the database the migration runs on: 'sqlite' or 'postgresql'."""
    return op.get_bind().dialect.name
