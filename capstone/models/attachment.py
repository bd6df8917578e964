"""Files attached to tasks: the file lives on disk under a server-made name, the rest here."""

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy import String
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from capstone.models.base import Base
from capstone.models.base import UTCDateTime
from capstone.models.base import utcnow
from capstone.models.task import Task
from capstone.models.user import User


class Attachment(Base):
    """One uploaded file: `stored_name` on disk, `name` as the uploader called it."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id", ondelete="CASCADE"), index=True)
    uploader_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    # Shown and sent back in Content-Disposition, never used as a path.
    name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    task: Mapped[Task] = relationship()
    uploader: Mapped[User] = relationship()

    def __repr__(self):
        return f"<Attachment {self.name!r} of task {self.task_id}>"
