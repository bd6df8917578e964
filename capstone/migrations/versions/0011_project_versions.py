"""A version per project, kept by triggers: the API's ETags are read from it.

Every write to a project or to one of its tasks adds one to `project.version`, in the
same transaction, whatever makes it (the ORM, the archiving job's bulk UPDATE, a
cascade, raw SQL): so a version seen twice means nothing the project, its task list or
its tasks show has changed, and a conditional GET can answer 304 after reading one row.
A task moved to another project changes both. SQLite and PostgreSQL write triggers
differently, hence two versions of the same rules.

Revision ID: 0011_project_versions
Revises: 0010_idempotency_keys
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_project_versions"
down_revision = "0010_idempotency_keys"
branch_labels = None
depends_on = None

BUMP = "UPDATE project SET version = version + 1 WHERE id IN ({})"
SHOWN = "name, description, owner_id, updated_at"  # what project_json sends

SQLITE = [
    f"CREATE TRIGGER task_version_insert AFTER INSERT ON task"
    f" BEGIN {BUMP.format('NEW.project_id')}; END",
    f"CREATE TRIGGER task_version_delete AFTER DELETE ON task"
    f" BEGIN {BUMP.format('OLD.project_id')}; END",
    f"CREATE TRIGGER task_version_update AFTER UPDATE ON task"
    f" BEGIN {BUMP.format('OLD.project_id, NEW.project_id')}; END",
    # Only the shown columns: the trigger's own UPDATE of version does not fire it again.
    f"CREATE TRIGGER project_version_update AFTER UPDATE OF {SHOWN} ON project"
    f" BEGIN {BUMP.format('NEW.id')}; END",
]
POSTGRESQL = [
    f"""
    CREATE FUNCTION task_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN {BUMP.format("OLD.project_id")}; END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.project_id <> OLD.project_id)
        THEN {BUMP.format("NEW.project_id")}; END IF;
        RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER task_version_change AFTER INSERT OR DELETE OR UPDATE ON task
    FOR EACH ROW EXECUTE FUNCTION task_version_change()
    """,
    """
    CREATE FUNCTION project_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.version = OLD.version THEN NEW.version := OLD.version + 1; END IF;
        RETURN NEW;
    END $$
    """,
    f"""
    CREATE TRIGGER project_version_change BEFORE UPDATE OF {SHOWN} ON project
    FOR EACH ROW EXECUTE FUNCTION project_version_change()
    """,
]
DROP = {
    "sqlite": [
        "DROP TRIGGER task_version_insert",
        "DROP TRIGGER task_version_delete",
        "DROP TRIGGER task_version_update",
        "DROP TRIGGER project_version_update",
    ],
    "postgresql": [
        "DROP TRIGGER task_version_change ON task",
        "DROP FUNCTION task_version_change()",
        "DROP TRIGGER project_version_change ON project",
        "DROP FUNCTION project_version_change()",
    ],
}


def upgrade():
    """Apply this migration."""
    # In place, not batch mode: a copied project table would be dropped, and with foreign
    # keys on, dropping it deletes every task (ON DELETE CASCADE).
    op.add_column("project", sa.Column("version", sa.Integer(), nullable=False, server_default="0"))
    for statement in SQLITE if dialect() == "sqlite" else POSTGRESQL:
        op.execute(statement)


def downgrade():
    """Undo this migration."""
    for statement in DROP[dialect()]:
        op.execute(statement)
    op.drop_column("project", "version")  # in place (SQLite 3.35+), for the reason above


def dialect():
    """The name of the database the migration runs on: 'sqlite' or 'postgresql'."""
    return op.get_bind().dialect.name
