"""The time of the newest Stripe event applied to each organization's subscription.

Stripe delivers webhook events in no promised order; services/subscriptions.py keeps
the `created` time (Unix seconds) of the newest one it applied, so an older event
arriving late is recorded and ignored. Organizations that never subscribed have none.

Revision ID: 0013_subscription_event_time
Revises: 0012_organizations
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_subscription_event_time"
down_revision = "0012_organizations"
branch_labels = None
depends_on = None


def upgrade():
    """Apply this migration."""
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.add_column(sa.Column("subscription_event_at", sa.BigInteger(), nullable=True))


def downgrade():
    """Undo this migration."""
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.drop_column("subscription_event_at")
