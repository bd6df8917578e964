"""The outbox: every email the app sends is a row here first, then a job delivers it.

The row is written in the same transaction as the change that caused it (a new account,
an assignment), so an email exists exactly when its cause does. Its unique `key` makes
asking twice for the same email (a retried request, a digest run twice in a day) a no-op,
and `claimed_at`/`sent_at` let the job deliver it at most once. `next_attempt_at` is
when the outbox sweep (jobs/delivery.py) may queue it again if its job was lost: the
broker was down at the commit, or a retry could not be queued.
"""

from datetime import datetime

from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from capstone.models.base import Base
from capstone.models.base import UTCDateTime
from capstone.models.base import utcnow


class OutboundEmail(Base):
    """One email to one address, and how far its delivery went."""

    __tablename__ = "outbound_email"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    to: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Set by the job that is delivering it, so a second copy of the job leaves it alone.
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(default=0)
    # None once it is sent, being sent, or given up; see the sweep in jobs/delivery.py.
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    last_error: Mapped[str | None] = mapped_column(String(500))

    def __repr__(self):
        return f"<OutboundEmail {self.key!r} to {self.to}>"
