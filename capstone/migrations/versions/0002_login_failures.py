"""Failed logins, for throttling password guessing.

Revision ID: 0002_login_failures
Revises: 0001_initial
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_login_failures"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade():
    """Apply this migration."""
    op.create_table(
        "login_failure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(length=254), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failure")),
    )
    with op.batch_alter_table("login_failure", schema=None) as batch_op:
        batch_op.create_index("ix_login_failure_account_created_at", ["account", "created_at"])
        batch_op.create_index("ix_login_failure_client_created_at", ["client", "created_at"])


def downgrade():
    """Undo this migration."""
    op.drop_table("login_failure")
