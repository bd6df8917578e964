"""Organizations, the tenants above projects, and who belongs to them with which role.

Every user has a personal organization (`personal_user_id`, one per user), made at
registration, so "my own projects" need no team. The billing fields are the state
Stripe last told us about (services/billing.py); without billing they stay empty.
"""

from datetime import datetime

from sqlalchemy import BigInteger
from sqlalchemy import CheckConstraint
from sqlalchemy import ForeignKey
from sqlalchemy import String
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from capstone.models.base import Base
from capstone.models.base import UTCDateTime
from capstone.models.base import utcnow
from capstone.models.user import User

# Owners and admins manage members and invitations; only owners make or demote owners.
ORGANIZATION_ROLES = ("owner", "admin", "member")


class Organization(Base):
    """A team that owns projects; its plan and billing state are kept here."""

    __tablename__ = "organization"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    # The user whose personal organization this is; None for a team's. Unique: one each.
    personal_user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), unique=True)
    plan: Mapped[str] = mapped_column(String(32), default="free")
    stripe_customer_id: Mapped[str | None] = mapped_column(String(255), unique=True)
    subscription_status: Mapped[str | None] = mapped_column(String(32))
    past_due_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The `created` time (Unix seconds) of the newest Stripe event applied to the
    # subscription (services/subscriptions.py): an older event arriving late is ignored.
    subscription_event_at: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    personal_user: Mapped[User | None] = relationship()
    memberships: Mapped[list["OrganizationMember"]] = relationship(
        back_populates="organization", cascade="all, delete-orphan"
    )

    @hybrid_property
    def personal(self):
        """True for a user's personal organization (in a query too: `Organization.personal`)."""
        return self.personal_user_id is not None

    @personal.inplace.expression
    @classmethod
    def _personal_expression(cls):
        """The SQL of `personal`."""
        return cls.personal_user_id.is_not(None)

    def __repr__(self):
        return f"<Organization {self.id} {self.name!r}>"


class OrganizationMember(Base):
    """One person in one organization, with a role from ORGANIZATION_ROLES."""

    __tablename__ = "organization_member"
    __table_args__ = (CheckConstraint(f"role IN {ORGANIZATION_ROLES}", name="role"),)

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(16), default="member")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    organization: Mapped[Organization] = relationship(back_populates="memberships")
    user: Mapped[User] = relationship()

    def __repr__(self):
        return f"<OrganizationMember {self.organization_id}:{self.user_id} {self.role}>"
