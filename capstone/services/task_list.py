"""A project's task list: one page of the tasks matching a TaskQuery, with the list's total.

Building the SELECT cost about as much as running it (make bench, counted in function
calls), so each shape of list (which filters it has, its order, whether it loads the
assignees) is built once, with every value a bound parameter, and kept: a request
binds its project, filters and page to a statement built before.
"""

import functools
from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from capstone.models import Task
from capstone.models import TaskCount
from capstone.models.task import today
from capstone.services.paging import fetch_page
from capstone.services.paging import paged
from capstone.services.tasks import SORTS

ESCAPE = "/"  # LIKE's escape character for the title search, as autoescape=True uses


@dataclass(frozen=True)
class Shape:
    """What makes two task lists one statement: the filters they have, not their values."""

    archived: bool
    status: bool
    priority: bool
    assignee: bool
    overdue_on: date | None  # the day "overdue" is counted from, as it is in the SQL
    search: bool
    sort: str
    order: str
    assignees: bool


def list_tasks(project, query, assignees=False):
    """One page of the project's tasks matching `query`.

    With assignees=True each task's assignee is loaded in the same query, for a page that
    shows their names; the API sends only their ids, and skips the join.
    """
    shape = Shape(
        archived=query.archived,
        status=query.status is not None,
        priority=query.priority is not None,
        assignee=query.assignee_id is not None,
        overdue_on=today() if query.overdue else None,
        search=bool(query.q),
        sort=query.sort,
        order=query.order,
        assignees=assignees,
    )
    params = {
        "project_id": project.id,
        "status": query.status,
        "priority": query.priority,
        "assignee_id": query.assignee_id,
        "q": like_escaped(query.q or ""),
    }
    one_page, total = statements(shape)
    return fetch_page(one_page, total, query.page, query.per_page, params)


def like_escaped(text):
    """`text` with LIKE's wildcards escaped: the title search finds "50%" as written."""
    for special in (ESCAPE, "%", "_"):
        text = text.replace(special, ESCAPE + special)
    return text


# Built once per shape, not per request: 4,048 to 3,485 function calls per list request.
@functools.lru_cache(maxsize=512)  # a few dozen shapes in use; a new one each day if overdue
def statements(shape):
    """(one page's SELECT, the total's SELECT) for lists of this shape (see paging.paged)."""
    archived = Task.archived_at.is_not(None) if shape.archived else Task.archived_at.is_(None)
    conditions = [Task.project_id == bindparam("project_id"), archived]
    if shape.status:
        conditions.append(Task.status == bindparam("status"))
    if shape.priority:
        conditions.append(Task.priority == bindparam("priority"))
    if shape.assignee:
        conditions.append(Task.assignee_id == bindparam("assignee_id"))
    if shape.overdue_on:
        conditions.append(Task.is_overdue)  # today(), read when the shape was made
    if shape.search:
        conditions.append(Task.title.icontains(bindparam("q"), escape=ESCAPE))
    column = SORTS[shape.sort]
    ordering = column.asc() if shape.order == "asc" else column.desc()
    # Task.id breaks ties, and puts tasks without a due date in a stable order.
    tasks = select(Task).where(*conditions).order_by(ordering.nulls_last(), Task.id.desc())
    if shape.assignees:
        tasks = tasks.options(joinedload(Task.assignee))
    return paged(tasks, counted_total(shape))


def counted_total(shape):
    """A SELECT of the list's length from TaskCount when it counts its filters, else None.

    A live list filtered by status at most is read from one or four rows, whatever the
    number of tasks; other filters are counted through the indexes (make bench measures
    both).
    """
    others = (shape.priority, shape.assignee, shape.overdue_on, shape.archived, shape.search)
    if any(others):
        return None
    counts = select(func.coalesce(func.sum(TaskCount.tasks), 0)).where(
        TaskCount.project_id == bindparam("project_id")
    )
    if shape.status:
        counts = counts.where(TaskCount.status == bindparam("status"))
    return counts
