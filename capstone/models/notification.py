"""In-app notifications: "bob assigned you a task", shown with an unread count."""

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import String
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from capstone.models.base import Base
from capstone.models.base import UTCDateTime
from capstone.models.base import utcnow
from capstone.models.task import Task

# What a notification can be about; the API document lists them.
KINDS = ("assigned", "commented")


class Notification(Base):
    """Something a user should know about, perhaps about a task; unread until read_at is set."""

    __tablename__ = "notification"
    # The unread count in every page's navigation, and the list, newest first.
    __table_args__ = (Index("ix_notification_user_read_at", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(String(500))
    task_id: Mapped[int | None] = mapped_column(
        ForeignKey("task.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    task: Mapped[Task | None] = relationship()

    def __repr__(self):
        return f"<Notification {self.kind} for user {self.user_id}>"
