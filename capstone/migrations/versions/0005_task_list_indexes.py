"""Indexes that keep the task list and the dashboard fast at 100,000 tasks.

Revision ID: 0005_task_list_indexes
Revises: 0004_audit_log
Create Date: 2026-11-22
"""

from alembic import op

revision = "0005_task_list_indexes"
down_revision = "0004_audit_log"
branch_labels = None
depends_on = None


def upgrade():
    """Apply this migration."""
    op.drop_index("ix_task_project_status", table_name="task")
    op.create_index(
        "ix_task_project_status", "task", ["project_id", "status", "assignee_id", "archived_at"]
    )
    op.create_index(
        "ix_task_project_archived_created", "task", ["project_id", "archived_at", "created_at"]
    )
    op.drop_index("ix_task_assignee_status", table_name="task")
    op.create_index("ix_task_assignee_due_date", "task", ["assignee_id", "due_date"])


def downgrade():
    """Undo this migration."""
    op.drop_index("ix_task_assignee_due_date", table_name="task")
    op.create_index("ix_task_assignee_status", "task", ["assignee_id", "status"])
    op.drop_index("ix_task_project_archived_created", table_name="task")
    op.drop_index("ix_task_project_status", table_name="task")
    op.create_index("ix_task_project_status", "task", ["project_id", "status"])
