"""What the API sends back, as pydantic models: the one description of every answer.

serialize.py dumps the database's objects through these models, and the OpenAPI
document (openapi.py) is made of their serialization schemas, so an answer and its
description cannot drift apart. A field the server always sends is required in the
schema (json_schema_serialization_defaults_required), and no other field is allowed
(extra="forbid" writes additionalProperties: false). Enums come from the models' own
tuples, as the database's CHECK constraints do.

Models are read from the objects' attributes (from_attributes); a field named unlike
its attribute names the attribute as its validation_alias (`overdue` <- `is_overdue`).
"""

from datetime import date
from datetime import datetime
from typing import Annotated
from typing import Literal

from pydantic import BaseModel
from pydantic import BeforeValidator
from pydantic import ConfigDict
from pydantic import Field
from pydantic import PlainSerializer
from pydantic import WithJsonSchema
from pydantic import create_model

from capstone import plans
from capstone.api.schemas import omitted_is_not_null
from capstone.models import PRIORITIES
from capstone.models import ROLES
from capstone.models import STATUSES
from capstone.models.notification import KINDS

# datetime.isoformat(): "+00:00", as the API has always written UTC (pydantic writes "Z").
Timestamp = Annotated[
    datetime,
    PlainSerializer(datetime.isoformat, return_type=str),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]
Count = Annotated[int, Field(ge=0)]
# A flag for "this timestamp is set": `read` is read_at is not None.
IsSet = Annotated[bool, BeforeValidator(lambda value: value is not None)]


class Output(BaseModel):
    """The base of every answer: read from attributes, every field sent, nothing else."""

    model_config = ConfigDict(
        extra="forbid", from_attributes=True, json_schema_serialization_defaults_required=True
    )


class User(Output):
    """A user, as anyone who shares a project with them sees them."""

    id: int
    username: str
    role: Literal[ROLES]
    created_at: Timestamp


class Me(User):
    """A user as they see themselves: with their email and whether it is verified."""

    email: str
    email_verified: IsSet = Field(validation_alias="email_verified_at")


class Project(Output):
    """A project."""

    id: int
    name: str
    description: str
    owner_id: int
    organization_id: int
    created_at: Timestamp
    updated_at: Timestamp


class Task(Output):
    """A task, with whether it is overdue."""

    id: int
    project_id: int
    title: str
    description: str
    status: Literal[STATUSES]
    priority: Literal[PRIORITIES]
    due_date: date | None
    assignee_id: int | None
    creator_id: int
    overdue: bool = Field(validation_alias="is_overdue")
    created_at: Timestamp
    updated_at: Timestamp
    completed_at: Timestamp | None
    archived_at: Timestamp | None


class Comment(Output):
    """A comment on a task."""

    id: int
    task_id: int
    author_id: int
    body: str
    created_at: Timestamp


class Notification(Output):
    """A notification, perhaps about a task."""

    id: int
    kind: Literal[KINDS]
    message: str
    task_id: int | None
    created_at: Timestamp
    read: IsSet = Field(validation_alias="read_at")


class Attachment(Output):
    """An attachment's details; the file itself is at /attachments/{id}/content."""

    id: int
    task_id: int
    uploader_id: int
    name: str
    content_type: str
    size: int
    created_at: Timestamp


class Message(Output):
    """A sentence for people, when there is nothing else to say."""

    message: str


class Token(Output):
    """A bearer token (RFC 6750) and how many seconds it is valid."""

    access_token: str
    token_type: Literal["Bearer"]
    expires_in: int


class Pagination(Output):
    """Where a page is in its list."""

    page: int
    per_page: int
    pages: int
    total: int


class Error(BaseModel):
    """Every error under /api (errors.py writes it).

    `fields` only when fields are at fault; `limit` only with a 402, naming the plan's
    limit that was reached.
    """

    model_config = ConfigDict(extra="forbid", json_schema_extra=omitted_is_not_null)

    error: str
    message: str
    fields: dict[str, str] = None
    limit: Literal[tuple(plans.LIMITS)] = None


def listing(name, plural, item):
    """The model of a list answer: {plural: [item, ...], "pagination": {...}}."""
    return create_model(name, __base__=Output, **{plural: list[item], "pagination": Pagination})


ProjectList = listing("ProjectList", "projects", Project)
MemberList = listing("MemberList", "members", User)
TaskList = listing("TaskList", "tasks", Task)
CommentList = listing("CommentList", "comments", Comment)
AttachmentList = listing("AttachmentList", "attachments", Attachment)


class NotificationList(listing("Notifications", "notifications", Notification)):
    """The caller's notifications, and how many of them are unread."""

    unread: Count
