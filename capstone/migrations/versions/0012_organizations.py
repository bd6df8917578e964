"""Organizations above projects: members with roles, invitations, Stripe's processed events.

Existing data moves in: every user gets a personal organization (named after them,
they its owner) that owns the projects they own; the other members of those projects
become members of that organization. Who sees which project does not change.
`project.organization_id` is NOT NULL once filled; on SQLite that rebuilds the project
table, which migrate.py allows by running migrations with foreign keys checked at the
end rather than acted on (a dropped table would otherwise take its tasks with it).

Revision ID: 0012_organizations
Revises: 0011_project_versions
Create Date: 2026-12-02
"""

from contextlib import contextmanager
from datetime import UTC
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0012_organizations"
down_revision = "0011_project_versions"
branch_labels = None
depends_on = None

USERS = sa.table("user", sa.column("id", sa.Integer), sa.column("username", sa.String))
PROJECTS = sa.table(
    "project",
    sa.column("id", sa.Integer),
    sa.column("owner_id", sa.Integer),
    sa.column("organization_id", sa.Integer),
)
PROJECT_MEMBERS = sa.table(
    "project_member", sa.column("project_id", sa.Integer), sa.column("user_id", sa.Integer)
)
ORGANIZATIONS = sa.table(
    "organization",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("personal_user_id", sa.Integer),
    sa.column("plan", sa.String),
    sa.column("created_at", sa.DateTime),
    sa.column("updated_at", sa.DateTime),
)
MEMBERS = sa.table(
    "organization_member",
    sa.column("organization_id", sa.Integer),
    sa.column("user_id", sa.Integer),
    sa.column("role", sa.String),
    sa.column("created_at", sa.DateTime),
)
OPEN = sa.text("accepted_at IS NULL AND revoked_at IS NULL")


def create_tables():
    """The four new tables, as the models of this revision describe them."""
    op.create_table(
        "organization",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("personal_user_id", sa.Integer(), nullable=True),
        sa.Column("plan", sa.String(length=32), nullable=False),
        sa.Column("stripe_customer_id", sa.String(length=255), nullable=True),
        sa.Column("subscription_status", sa.String(length=32), nullable=True),
        sa.Column("past_due_since", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["personal_user_id"], ["user.id"], name=op.f("fk_organization_personal_user_id_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organization")),
        sa.UniqueConstraint("personal_user_id", name=op.f("uq_organization_personal_user_id")),
        sa.UniqueConstraint("stripe_customer_id", name=op.f("uq_organization_stripe_customer_id")),
    )
    op.create_table(
        "organization_member",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "role IN ('owner', 'admin', 'member')", name=op.f("ck_organization_member_role")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_organization_member_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name=op.f("fk_organization_member_user_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("organization_id", "user_id", name=op.f("pk_organization_member")),
    )
    op.create_index("ix_organization_member_user_id", "organization_member", ["user_id"])
    op.create_table(
        "invitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("email_key", sa.String(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("inviter_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("last_sent_at", sa.DateTime(), nullable=False),
        sa.Column("accepted_at", sa.DateTime(), nullable=True),
        sa.Column("accepted_by_id", sa.Integer(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_invitation_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["inviter_id"],
            ["user.id"],
            name=op.f("fk_invitation_inviter_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["accepted_by_id"],
            ["user.id"],
            name=op.f("fk_invitation_accepted_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitation")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_invitation_token_hash")),
    )
    op.create_index("ix_invitation_organization_id", "invitation", ["organization_id"])
    op.create_index(
        "ix_invitation_open_email",
        "invitation",
        ["organization_id", "email_key"],
        unique=True,
        sqlite_where=OPEN,
        postgresql_where=OPEN,
    )
    op.create_table(
        "processed_event",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("type", sa.String(length=255), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_processed_event")),
    )


def move_data(connection):
    """A personal organization per user, owning their projects; project members join it.

    Set-based statements, so a large database moves in four statements, not a loop.
    """
    now = sa.literal(datetime.now(UTC).replace(tzinfo=None), sa.DateTime)  # naive UTC
    connection.execute(
        ORGANIZATIONS.insert().from_select(
            ["name", "personal_user_id", "plan", "created_at", "updated_at"],
            sa.select(USERS.c.username, USERS.c.id, sa.literal("free"), now, now),
        )
    )
    connection.execute(
        MEMBERS.insert().from_select(
            ["organization_id", "user_id", "role", "created_at"],
            sa.select(
                ORGANIZATIONS.c.id, ORGANIZATIONS.c.personal_user_id, sa.literal("owner"), now
            ),
        )
    )
    personal = (
        sa.select(ORGANIZATIONS.c.id)
        .where(ORGANIZATIONS.c.personal_user_id == PROJECTS.c.owner_id)
        .scalar_subquery()
    )
    connection.execute(PROJECTS.update().values(organization_id=personal))
    others = (
        sa.select(PROJECTS.c.organization_id, PROJECT_MEMBERS.c.user_id)
        .join(PROJECTS, PROJECTS.c.id == PROJECT_MEMBERS.c.project_id)
        .where(PROJECT_MEMBERS.c.user_id != PROJECTS.c.owner_id)
        .distinct()
        .subquery()
    )
    connection.execute(
        MEMBERS.insert().from_select(
            ["organization_id", "user_id", "role", "created_at"],
            sa.select(others.c.organization_id, others.c.user_id, sa.literal("member"), now),
        )
    )


# Migration 0011's SQLite triggers, which name the project table (a copy: history must
# not move when 0011 does). Rebuilding that table would leave them naming a dropped one.
BUMP = "UPDATE project SET version = version + 1 WHERE id IN ({})"
SQLITE_VERSION_TRIGGERS = {
    "task_version_insert": f"AFTER INSERT ON task BEGIN {BUMP.format('NEW.project_id')}; END",
    "task_version_delete": f"AFTER DELETE ON task BEGIN {BUMP.format('OLD.project_id')}; END",
    "task_version_update": "AFTER UPDATE ON task"
    f" BEGIN {BUMP.format('OLD.project_id, NEW.project_id')}; END",
    "project_version_update": "AFTER UPDATE OF name, description, owner_id, updated_at"
    f" ON project BEGIN {BUMP.format('NEW.id')}; END",
}


@contextmanager
def rebuilding_project():
    """batch_alter_table("project"), with 0011's triggers set aside on SQLite meanwhile."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    for name in SQLITE_VERSION_TRIGGERS if sqlite else ():
        op.execute(f"DROP TRIGGER {name}")
    with op.batch_alter_table("project") as batch_op:
        yield batch_op
    for name, body in SQLITE_VERSION_TRIGGERS.items() if sqlite else ():
        op.execute(f"CREATE TRIGGER {name} {body}")


def upgrade():
    """Apply this migration."""
    create_tables()
    with rebuilding_project() as batch_op:
        batch_op.add_column(sa.Column("organization_id", sa.Integer(), nullable=True))
    move_data(op.get_bind())
    with rebuilding_project() as batch_op:
        batch_op.alter_column("organization_id", existing_type=sa.Integer(), nullable=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_project_organization_id_organization"),
            "organization",
            ["organization_id"],
            ["id"],
        )
        batch_op.create_index("ix_project_organization_id", ["organization_id"])


def downgrade():
    """Undo this migration: projects forget their organization; the four tables go."""
    with rebuilding_project() as batch_op:
        batch_op.drop_index("ix_project_organization_id")
        batch_op.drop_constraint(
            batch_op.f("fk_project_organization_id_organization"), type_="foreignkey"
        )
        batch_op.drop_column("organization_id")
    op.drop_table("processed_event")
    op.drop_index("ix_invitation_open_email", table_name="invitation")
    op.drop_index("ix_invitation_organization_id", table_name="invitation")
    op.drop_table("invitation")
    op.drop_index("ix_organization_member_user_id", table_name="organization_member")
    op.drop_table("organization_member")
    op.drop_table("organization")
