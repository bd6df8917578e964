"""The audit log: every change an administrator makes to an account, who made it and when."""

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy import String
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from capstone.models.base import Base
from capstone.models.base import UTCDateTime
from capstone.models.base import utcnow
from capstone.models.user import User

AUDIT_ACTIONS = ("deactivate", "reactivate", "promote", "demote")


class AuditEntry(Base):
    """`actor` did `action` to `target` at `created_at`; written in the action's transaction."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Accounts are deactivated, never deleted, so the log never loses its names.
    actor_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    action: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    # The log is read newest first, a page at a time.
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    actor: Mapped[User] = relationship(foreign_keys=[actor_id])
    target: Mapped[User] = relationship(foreign_keys=[target_id])

    def __repr__(self):
        return f"<AuditEntry {self.action} of user {self.target_id} by {self.actor_id}>"
