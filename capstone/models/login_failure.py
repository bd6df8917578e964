"""Failed login attempts, kept briefly to throttle password guessing."""

from datetime import datetime

from sqlalchemy import Index
from sqlalchemy import String
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from capstone.models.base import Base
from capstone.models.base import UTCDateTime
from capstone.models.base import utcnow


class LoginFailure(Base):
    """One failed login: for which account name, from which client address, when."""

    __tablename__ = "login_failure"
    __table_args__ = (
        Index("ix_login_failure_account_created_at", "account", "created_at"),
        Index("ix_login_failure_client_created_at", "client", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account: Mapped[str] = mapped_column(String(254))  # name_key() of what was typed
    client: Mapped[str] = mapped_column(String(64))  # the client's address
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
