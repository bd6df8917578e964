"""The audit log of administrators' actions.

Revision ID: 0004_audit_log
Revises: 0003_jobs_files_notifications
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_audit_log"
down_revision = "0003_jobs_files_notifications"
branch_labels = None
depends_on = None


def upgrade():
    """Apply this migration."""
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["user.id"], name=op.f("fk_audit_entry_actor_id_user")
        ),
        sa.ForeignKeyConstraint(
            ["target_id"], ["user.id"], name=op.f("fk_audit_entry_target_id_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    op.create_index(op.f("ix_audit_entry_created_at"), "audit_entry", ["created_at"])
    op.create_index(op.f("ix_audit_entry_target_id"), "audit_entry", ["target_id"])


def downgrade():
    """Undo this migration."""
    op.drop_index(op.f("ix_audit_entry_target_id"), table_name="audit_entry")
    op.drop_index(op.f("ix_audit_entry_created_at"), table_name="audit_entry")
    op.drop_table("audit_entry")
