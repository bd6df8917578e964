"""The two endpoints, as path operations with dependencies and response models.

Anything the caller may not see is a 404, as if it did not exist: admins see every
project, everyone else the projects they are a member of.
"""

import math
from datetime import UTC
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter
from fastapi import Depends
from fastapi import Request
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from capstone.models.base import MAX_ID

from tasks_slice.database import get_session
from tasks_slice.errors import NOT_FOUND
from tasks_slice.errors import ApiError
from tasks_slice.query import SORTS
from tasks_slice.query import TaskQuery
from tasks_slice.query import known_parameters
from tasks_slice.query import task_query
from tasks_slice.schemas import TaskOut
from tasks_slice.schemas import TaskPage
from tasks_slice.security import current_user
from tasks_slice.tables import Project
from tasks_slice.tables import Task
from tasks_slice.tables import User
from tasks_slice.tables import project_member


def path_ids(request: Request):
    """The ids in the path, as the capstone's <id:...> accepts them (1 to MAX_ID); else a 404.

    The router's dependency, so it runs before each route's own, rather than
    `Path(ge=1, le=MAX_ID)`: FastAPI checks parameters only after it has solved the
    dependencies, so a bad id would get the token's 401 first, where the capstone's
    route does not even match: a 404 before any token is read. A larger number would
    also reach the database (a 32-bit column on PostgreSQL).
    """
    for value in request.path_params.values():
        if not (value.isascii() and value.isdigit() and len(value) < 19):
            raise ApiError(404, NOT_FOUND)
        if not 1 <= int(value) <= MAX_ID:
            raise ApiError(404, NOT_FOUND)


router = APIRouter(prefix="/api/v1", dependencies=[Depends(path_ids), Depends(known_parameters)])
SessionDep = Annotated[Session, Depends(get_session)]
UserDep = Annotated[User, Depends(current_user)]


def visible(query, column, user):
    """`query` limited to rows whose `column` is a project `user` may see."""
    if user.role == "admin":
        return query
    members = select(project_member.c.project_id).where(project_member.c.user_id == user.id)
    return query.where(column.in_(members))


def visible_project(project_id: int, user: UserDep, session: SessionDep) -> int:
    """A dependency: the project's id if the caller may see it; 404 otherwise.

    Declared before the query's dependency, so an outsider gets the 404 even with bad
    parameters: FastAPI solves dependencies in the order of the parameters.
    """
    found = session.scalar(
        visible(select(Project.id), Project.id, user).where(Project.id == project_id)
    )
    if found is None:
        raise ApiError(404, "There is no such project.")
    return found


def task_out(task):
    """The response model of a task, with its overdue flag."""
    today = datetime.now(UTC).date()
    late = task.due_date is not None and task.due_date < today and task.status != "done"
    fields = {name: getattr(task, name) for name in TaskOut.model_fields if name != "overdue"}
    return TaskOut(**fields, overdue=late)


@router.get("/projects/{project_id}/tasks", response_model=TaskPage)
def list_tasks(
    project_id: Annotated[int, Depends(visible_project)],
    query: Annotated[TaskQuery, Depends(task_query)],
    session: SessionDep,
):
    """The project's tasks, filtered, sorted and paged."""
    archived = Task.archived_at.is_not(None) if query.archived else Task.archived_at.is_(None)
    conditions = [Task.project_id == project_id, archived]
    if query.status:
        conditions.append(Task.status == query.status)
    if query.priority:
        conditions.append(Task.priority == query.priority)
    if query.assignee_id is not None:
        conditions.append(Task.assignee_id == query.assignee_id)
    if query.overdue:
        today = datetime.now(UTC).date()
        conditions += [Task.due_date < today, Task.status != "done"]
    if query.q:
        conditions.append(Task.title.icontains(query.q, autoescape=True))
    column = SORTS[query.sort]
    ordering = column.asc() if query.order == "asc" else column.desc()
    total = session.scalar(select(func.count()).select_from(Task).where(*conditions))
    tasks = session.scalars(
        select(Task)
        .where(*conditions)
        .order_by(ordering.nulls_last(), Task.id.desc())  # the id breaks ties
        .limit(query.per_page)
        .offset((query.page - 1) * query.per_page)
    )
    pages = max(1, math.ceil(total / query.per_page))
    pagination = {"page": query.page, "per_page": query.per_page, "pages": pages, "total": total}
    return {"tasks": [task_out(task) for task in tasks], "pagination": pagination}


@router.get("/tasks/{task_id}", response_model=TaskOut)
def get_task(task_id: int, user: UserDep, session: SessionDep):
    """One task."""
    task = session.scalar(visible(select(Task), Task.project_id, user).where(Task.id == task_id))
    if task is None:
        raise ApiError(404, "There is no such task.")
    return task_out(task)
