"""What clients may send, as pydantic models: strict types, and no field they may not set.

`extra="forbid"` makes a write that names `id`, `owner_id`, `role` or any other field
not listed here a 422, so such fields can never be applied. Strict mode refuses "5"
for a number and 1 for a boolean; dates are ISO strings, as JSON has no date type.

A PATCH field that may be left out but not cleared is typed without None and defaults
to None (`title: Title = None`): pydantic refuses null for it, and the schema, which
the OpenAPI document is made of, says so. Fields typed `... | None` take null.
"""

from datetime import date
from typing import Annotated
from typing import Literal

from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import EmailStr
from pydantic import Field
from pydantic import field_validator

from capstone.models import PRIORITIES
from capstone.models import ROLES
from capstone.models import STATUSES
from capstone.models.base import MAX_ID

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
USERNAME_PATTERN = r"^[\w.-]+$"
NOT_BLANK = r"\S"  # at least one character that is not a space
# What a client is told when a text does not match its pattern, in words, not as a regex.
PATTERN_MESSAGES = {
    USERNAME_PATTERN: "Letters, digits, '.', '-' and '_' only.",
    NOT_BLANK: "This field must not be blank.",
}
Username = Annotated[str, Field(min_length=3, max_length=40, pattern=USERNAME_PATTERN)]
Password = Annotated[str, Field(min_length=8, max_length=1024)]
ProjectName = Annotated[str, Field(min_length=1, max_length=120, pattern=NOT_BLANK)]
Title = Annotated[str, Field(min_length=1, max_length=200, pattern=NOT_BLANK)]
Status = Literal[STATUSES]
Priority = Literal[PRIORITIES]


def omitted_is_not_null(schema, model):
    """Drop `"default": null` from fields that refuse null: leaving them out is not sending null."""
    for field in schema.get("properties", {}).values():
        takes_null = {"type": "null"} in field.get("anyOf", [])
        if "default" in field and field["default"] is None and not takes_null:
            del field["default"]


class Input(BaseModel):
    """The base of every request body."""

    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra=omitted_is_not_null)

    @field_validator("*")
    @classmethod
    def no_nul_characters(cls, value):
        """Refuse the NUL character in any text: no use in it, and PostgreSQL cannot store it."""
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("The NUL character (\\u0000) is not allowed.")
        return value


class RegisterIn(Input):
    """POST /users."""

    username: Username
    email: EmailStr
    password: Password


class TokenIn(Input):
    """POST /tokens: a username or email, and the password."""

    username: Annotated[str, Field(min_length=1, max_length=254)]
    password: Annotated[str, Field(min_length=1, max_length=1024)]


class ProjectIn(Input):
    """POST /projects: in the caller's personal organization unless another is named."""

    name: ProjectName
    description: Annotated[str, Field(max_length=5000)] = ""
    organization_id: Id | None = None


class ProjectPatch(Input):
    """PATCH /projects/<id>: only the fields sent change."""

    name: ProjectName = None
    description: Annotated[str, Field(max_length=5000)] = None


class MemberIn(Input):
    """POST /projects/<id>/members."""

    user_id: Id


class TaskIn(Input):
    """POST /projects/<id>/tasks."""

    title: Title
    description: Annotated[str, Field(max_length=10000)] = ""
    status: Status = "todo"
    priority: Priority = "medium"
    due_date: date | None = None
    assignee_id: Id | None = None


class TaskPatch(Input):
    """PATCH /tasks/<id>: only the fields sent change; null clears due_date and assignee_id."""

    title: Title = None
    description: Annotated[str, Field(max_length=10000)] = None
    status: Status = None
    priority: Priority = None
    due_date: date | None = None
    assignee_id: Id | None = None


class CommentIn(Input):
    """POST /tasks/<id>/comments."""

    body: Annotated[str, Field(min_length=1, max_length=5000, pattern=NOT_BLANK)]


class ResetIn(Input):
    """POST /password-reset: the username or email of the account."""

    username: Annotated[str, Field(min_length=1, max_length=254)]


class ResetConfirmIn(Input):
    """POST /password-reset/confirm: the token from the emailed link, and the new password."""

    token: Annotated[str, Field(min_length=1, max_length=1000)]
    password: Password


class AdminUserPatch(Input):
    """PATCH /admin/users/<id>: an admin changes an account's role, or deactivates it."""

    role: Literal[ROLES] = None
    active: bool = None
