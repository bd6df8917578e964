"""The response models: what FastAPI sends, and documents in /openapi.json.

Pydantic writes a UTC datetime with 'Z'; the capstone writes '+00:00', as Python's
isoformat() does, so the datetimes here are serialised that way.
"""

from datetime import UTC
from datetime import date
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import PlainSerializer


def iso(value):
    """A datetime in UTC as isoformat() writes it; SQLite hands back naive UTC values."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


Timestamp = Annotated[datetime, PlainSerializer(iso, return_type=str)]


class TaskOut(BaseModel):
    """A task, with whether it is overdue."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    project_id: int
    title: str
    description: str
    status: str
    priority: str
    due_date: date | None
    assignee_id: int | None
    creator_id: int
    overdue: bool
    created_at: Timestamp
    updated_at: Timestamp
    completed_at: Timestamp | None
    archived_at: Timestamp | None


class Pagination(BaseModel):
    """Where this page is in the list."""

    page: int
    per_page: int
    pages: int
    total: int


class TaskPage(BaseModel):
    """One page of a project's tasks."""

    tasks: list[TaskOut]
    pagination: Pagination
