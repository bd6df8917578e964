"""The task list's query string, checked as the capstone checks it: a FastAPI dependency.

FastAPI would check `page: int = Query(ge=1)` itself, and answer 422 with its own
messages, all at once. The capstone answers 400, checks in a fixed order and words
each message its way, so the parameters arrive as text and are checked here. The
values (statuses, priorities, the largest id) come from the capstone's models.
"""

import inspect
from dataclasses import dataclass

from fastapi import Request
from sqlalchemy import case

from capstone.models import PRIORITIES
from capstone.models import STATUSES
from capstone.models.base import MAX_ID

from tasks_slice.errors import ApiError
from tasks_slice.tables import Task

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
TRUE_FALSE = {"true": True, "false": False}
# The columns a list may be sorted by: an allowlist, never a column name from the client.
SORTS = {
    "created_at": Task.created_at,
    "updated_at": Task.updated_at,
    "due_date": Task.due_date,
    "priority": case({name: rank for rank, name in enumerate(PRIORITIES)}, value=Task.priority),
    "status": case({name: rank for rank, name in enumerate(STATUSES)}, value=Task.status),
    "title": Task.title,
}


def bad_query(fields):
    """A 400 with a message per parameter."""
    return ApiError(400, "Some query parameters are not valid.", fields)


def number(name, raw, default, low, high):
    """A whole number from the query string, from `low` to `high`; a 400 otherwise."""
    if raw is None:
        return default
    if not (raw.isascii() and raw.isdigit() and len(raw) < 19 and low <= int(raw) <= high):
        raise bad_query({name: f"A whole number from {low} to {high}."})
    return int(raw)


@dataclass
class TaskQuery:
    """Filters, sorting and paging for a task list, already checked."""

    status: str | None
    priority: str | None
    assignee_id: int | None
    overdue: bool
    archived: bool
    q: str | None
    sort: str
    order: str
    page: int
    per_page: int


def task_query(
    page: str | None = None,
    per_page: str | None = None,
    status: str | None = None,
    priority: str | None = None,
    assignee_id: str | None = None,
    overdue: str = "false",
    archived: str = "false",
    q: str | None = None,
    sort: str = "created_at",
    order: str = "desc",
) -> TaskQuery:
    """The list's parameters, in the capstone's order of checks: paging, flags, the rest."""
    page_number = number("page", page, 1, 1, 10**9)
    page_size = number("per_page", per_page, DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    flags = {"overdue": overdue, "archived": archived}
    wrong = {name: "true or false." for name, value in flags.items() if value not in TRUE_FALSE}
    if wrong:
        raise bad_query(wrong)
    assignee = number("assignee_id", assignee_id, None, 1, MAX_ID)
    errors = {}
    if status is not None and status not in STATUSES:
        errors["status"] = f"Choose one of: {', '.join(STATUSES)}."
    if priority is not None and priority not in PRIORITIES:
        errors["priority"] = f"Choose one of: {', '.join(PRIORITIES)}."
    if sort not in SORTS:
        errors["sort"] = f"Sort by one of: {', '.join(SORTS)}."
    if order not in ("asc", "desc"):
        errors["order"] = "The order is asc or desc."
    if errors:
        raise bad_query(errors)
    return TaskQuery(
        status, priority, assignee, TRUE_FALSE[overdue], TRUE_FALSE[archived],
        q or None, sort, order, page_number, page_size,
    )  # fmt: skip


# The list's query parameters are task_query's own: FastAPI reads them from its signature.
LIST_PARAMETERS = frozenset(inspect.signature(task_query).parameters)
UNKNOWN = "This request takes no such parameter; the API's documentation lists those it takes."


def known_parameters(request: Request):
    """A 400 naming each query parameter the route does not take: a typo is not ignored.

    FastAPI ignores query parameters it was not told of; the capstone refuses them,
    before the token. The list is the route with a project id in its path.
    """
    takes = LIST_PARAMETERS if "project_id" in request.path_params else frozenset()
    unknown = sorted(set(request.query_params) - takes)
    if unknown:
        raise bad_query(dict.fromkeys(unknown, UNKNOWN))
