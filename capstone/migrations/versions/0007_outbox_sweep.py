"""When an outbox email may be queued again, so that a sweep delivers what a lost job left.

Emails already waiting (never sent, not being sent) are due at once: the first sweep
after the upgrade queues them.

Revision ID: 0007_outbox_sweep
Revises: 0006_task_counts
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_outbox_sweep"
down_revision = "0006_task_counts"
branch_labels = None
depends_on = None


def upgrade():
    """Apply this migration."""
    with op.batch_alter_table("outbound_email", schema=None) as batch_op:
        batch_op.add_column(sa.Column("next_attempt_at", sa.DateTime(), nullable=True))
        batch_op.create_index("ix_outbound_email_next_attempt_at", ["next_attempt_at"])
    op.execute(
        "UPDATE outbound_email SET next_attempt_at = created_at"
        " WHERE sent_at IS NULL AND claimed_at IS NULL"
    )


def downgrade():
    """Undo this migration."""
    with op.batch_alter_table("outbound_email", schema=None) as batch_op:
        batch_op.drop_index("ix_outbound_email_next_attempt_at")
        batch_op.drop_column("next_attempt_at")
