"""Invitations to join an organization, sent by email as a single-use link.

The link carries a random token; only its SHA-256 digest is stored, so a copy of the
database cannot accept anyone's invitation. A resend makes a new token (the old link
stops working). At most one invitation per organization and address is open (neither
accepted nor revoked): the database holds that rule, even when two invites race.
"""

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import String
from sqlalchemy import text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship
from sqlalchemy.orm import validates

from capstone.models.base import Base
from capstone.models.base import UTCDateTime
from capstone.models.base import utcnow
from capstone.models.organization import Organization
from capstone.models.user import User
from capstone.models.user import name_key

OPEN = text("accepted_at IS NULL AND revoked_at IS NULL")


class Invitation(Base):
    """An address invited into an organization with a role, and what became of it."""

    __tablename__ = "invitation"
    __table_args__ = (
        Index(
            "ix_invitation_open_email",
            "organization_id",
            "email_key",
            unique=True,
            sqlite_where=OPEN,
            postgresql_where=OPEN,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(String(254))
    email_key: Mapped[str] = mapped_column(String())  # name_key(email), set with it
    role: Mapped[str] = mapped_column(String(16), default="member")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    inviter_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    accepted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    organization: Mapped[Organization] = relationship()
    inviter: Mapped[User | None] = relationship(foreign_keys=[inviter_id])

    @validates("email")
    def keep_key(self, field, value):
        """Set email_key along with the address, compared as accounts' addresses are."""
        self.email_key = name_key(value)
        return value

    def __repr__(self):
        return f"<Invitation {self.id} {self.email!r} to {self.organization_id}>"
