"""How many live tasks each project has per status, kept by the database itself.

Counting a project's tasks reads every one of them (an index entry each), so at 100,000
tasks the dashboard and the task list spent most of their time counting (make bench).
These rows hold the answer instead. Triggers on the task table (migration
0006_task_counts) change them in the same transaction as the task, for every kind of
write: the ORM, bulk UPDATEs of the archiving job, cascades, raw SQL. So no code path can
forget them, and they can never disagree with the tasks a committed transaction left.
Archived tasks are not counted: nobody lists them by the hundred thousand.
"""

from sqlalchemy import ForeignKey
from sqlalchemy import String
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from capstone.models.base import Base


class TaskCount(Base):
    """The number of live (not archived) tasks of one project in one status."""

    __tablename__ = "task_count"

    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), primary_key=True
    )
    status: Mapped[str] = mapped_column(String(16), primary_key=True)
    tasks: Mapped[int] = mapped_column(default=0)
