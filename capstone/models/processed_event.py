"""Stripe webhook events already handled: Stripe delivers at least once, we act once."""

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from capstone.models.base import Base
from capstone.models.base import UTCDateTime
from capstone.models.base import utcnow


class ProcessedEvent(Base):
    """One Stripe event id, stored in the transaction that acted on it."""

    __tablename__ = "processed_event"

    id: Mapped[str] = mapped_column(String(255), primary_key=True)  # Stripe's evt_...
    type: Mapped[str] = mapped_column(String(255))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
