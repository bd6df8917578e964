"""Tasks, their statuses and priorities, and the overdue rule."""

from datetime import date
from datetime import datetime

from sqlalchemy import CheckConstraint
from sqlalchemy import Date
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import and_
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from capstone.models.base import Base
from capstone.models.base import UTCDateTime
from capstone.models.base import utcnow
from capstone.models.project import Project
from capstone.models.user import User

STATUSES = ("todo", "in_progress", "review", "done")
PRIORITIES = ("low", "medium", "high", "urgent")


def label(name):
    """A status or priority as people read it: 'in_progress' -> 'In progress', 'todo' -> 'To do'."""
    return "To do" if name == "todo" else name.replace("_", " ").capitalize()


def today():
    """Today's date (UTC); one function, so tests can move time."""
    return utcnow().date()


class Task(Base):
    """A task in a project, maybe assigned to one of its members."""

    __tablename__ = "task"
    __table_args__ = (
        CheckConstraint(f"status IN {STATUSES}", name="status"),
        CheckConstraint(f"priority IN {PRIORITIES}", name="priority"),
        # The board, the dashboard's counts and the filtered lists: a project's tasks by
        # status, then assignee. archived_at is in the index too, so counting live tasks
        # reads the index alone, never the table (measured by make bench at 100,000 tasks).
        Index("ix_task_project_status", "project_id", "status", "assignee_id", "archived_at"),
        # The task list's default order, newest first, and its count of live tasks.
        Index("ix_task_project_archived_created", "project_id", "archived_at", "created_at"),
        Index("ix_task_project_due_date", "project_id", "due_date"),
        Index("ix_task_project_priority", "project_id", "priority"),
        # "Assigned to me", soonest due first.
        Index("ix_task_assignee_due_date", "assignee_id", "due_date"),
        # The weekly archiving job: done tasks by completion time.
        Index("ix_task_status_completed_at", "status", "completed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="todo")
    priority: Mapped[str] = mapped_column(String(16), default="medium")
    due_date: Mapped[date | None] = mapped_column(Date)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    creator_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set by the weekly job for tasks done long ago: hidden from lists, never deleted.
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    project: Mapped[Project] = relationship()
    assignee: Mapped[User | None] = relationship(foreign_keys=[assignee_id])
    creator: Mapped[User] = relationship(foreign_keys=[creator_id])

    @hybrid_property
    def is_overdue(self):
        """Due before today and not done."""
        return self.due_date is not None and self.due_date < today() and self.status != "done"

    @is_overdue.inplace.expression
    @classmethod
    def _is_overdue_expression(cls):
        return and_(cls.due_date.is_not(None), cls.due_date < today(), cls.status != "done")

    def __repr__(self):
        return f"<Task {self.id} {self.title!r}>"
