"""Comments on tasks."""

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy import Text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from capstone.models.base import Base
from capstone.models.base import UTCDateTime
from capstone.models.base import utcnow
from capstone.models.task import Task
from capstone.models.user import User


class Comment(Base):
    """What someone said about a task."""

    __tablename__ = "comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    task: Mapped[Task] = relationship()
    author: Mapped[User] = relationship()
