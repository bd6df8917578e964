"""SQLAlchemy mappings of the capstone's tables: only the columns this slice reads.

A metadata of our own, never used to create tables (the capstone's migrations own
them), so a column the capstone adds later changes nothing here.
"""

from datetime import date
from datetime import datetime

from sqlalchemy import Column
from sqlalchemy import ForeignKey
from sqlalchemy import Table
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column


class Base(DeclarativeBase):
    """The base of the mapped tables."""


class User(Base):
    """A capstone user: enough to check a token and the access rule."""

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[str]
    active: Mapped[bool]
    session_token: Mapped[str]


project_member = Table(
    "project_member",
    Base.metadata,
    Column("project_id", ForeignKey("project.id"), primary_key=True),
    Column("user_id", ForeignKey("user.id"), primary_key=True),
)


class Project(Base):
    """A project; who may see it is in project_member."""

    __tablename__ = "project"

    id: Mapped[int] = mapped_column(primary_key=True)


class Task(Base):
    """A task, with the columns the API sends."""

    __tablename__ = "task"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id"))
    title: Mapped[str]
    description: Mapped[str]
    status: Mapped[str]
    priority: Mapped[str]
    due_date: Mapped[date | None]
    assignee_id: Mapped[int | None]
    creator_id: Mapped[int]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]
    archived_at: Mapped[datetime | None]
