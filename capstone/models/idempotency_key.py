"""Idempotency keys: the answer to an API create, kept so that a retried request gets it again."""

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from capstone.models.base import Base
from capstone.models.base import UTCDateTime
from capstone.models.base import utcnow


class IdempotencyKey(Base):
    """A client's `Idempotency-Key` for one request, and the answer it got (once it has one)."""

    __tablename__ = "idempotency_key"
    __table_args__ = (UniqueConstraint("user_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200))
    # A digest of the method, path and body: the same key for another request is refused.
    fingerprint: Mapped[str] = mapped_column(String(64))
    # None while the first request is still running.
    status: Mapped[int | None]
    body: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
