"""The admin API's answers, as pydantic models, like outputs.py's (read its docstring)."""

from datetime import date
from typing import Annotated
from typing import Literal

from pydantic import BeforeValidator
from pydantic import Field
from pydantic import create_model

from capstone.api.outputs import Count
from capstone.api.outputs import Me
from capstone.api.outputs import Output
from capstone.api.outputs import Project
from capstone.api.outputs import Timestamp
from capstone.api.outputs import listing
from capstone.models import AUDIT_ACTIONS
from capstone.models import STATUSES
from capstone.services.statistics import WEEKS


class ProjectOverview(Project):
    """A project in the admin's list: its owner's name, its member and task counts."""

    owner: str
    members: Count
    tasks: Count
    open_tasks: Count


class Account(Me):
    """A user as an admin sees them: also whether the account is active."""

    active: bool


class NamedUser(Output):
    """A user in the audit log: their id and name."""

    id: int
    username: str


class AuditEntry(Output):
    """`actor` did `action` to `target`."""

    id: int
    action: Literal[AUDIT_ACTIONS]
    actor: NamedUser
    target: NamedUser
    created_at: Timestamp


class Week(Output):
    """The tasks completed in the week that starts on `week` (a Monday)."""

    week: date
    completed: Count


def weeks_of(pairs):
    """(Monday, count) pairs, as the statistics service gives them, as Week fields."""
    return [{"week": week, "completed": count} for week, count in pairs]


TasksByStatus = create_model("TasksByStatus", __base__=Output, **dict.fromkeys(STATUSES, Count))


class Statistics(Output):
    """The site's numbers, and the tasks completed in each of the last WEEKS weeks."""

    users: Count
    active_users: Count
    admins: Count
    projects: Count
    tasks_by_status: TasksByStatus
    overdue: Count
    archived: Count
    completed_per_week: Annotated[
        list[Week], BeforeValidator(weeks_of), Field(min_length=WEEKS, max_length=WEEKS)
    ]


AccountList = listing("AccountList", "users", Account)
ProjectOverviewList = listing("ProjectOverviewList", "projects", ProjectOverview)
AuditLog = listing("AuditLog", "entries", AuditEntry)
