"""Projects, the organization each belongs to, and their members."""

from datetime import datetime

from sqlalchemy import Column
from sqlalchemy import ForeignKey
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy import Text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from capstone.models.base import Base
from capstone.models.base import UTCDateTime
from capstone.models.base import utcnow
from capstone.models.organization import Organization
from capstone.models.user import User

# Who belongs to which project. The owner is a member too: one rule for "can see it".
project_member = Table(
    "project_member",
    Base.metadata,
    Column("project_id", ForeignKey("project.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("user.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Project(Base):
    """A project of an organization: an owner, members (of the organization), and tasks."""

    __tablename__ = "project"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # One more on every change to the project or its tasks, by triggers (migration 0011):
    # what the API's ETags are made of.
    version: Mapped[int] = mapped_column(default=0, server_default="0")

    organization: Mapped[Organization] = relationship()
    owner: Mapped[User] = relationship()
    members: Mapped[list[User]] = relationship(secondary=project_member, order_by=User.username)

    def __repr__(self):
        return f"<Project {self.id} {self.name!r}>"
