"""The dashboard's numbers, each in one query whatever the amount of data."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from capstone.database import db
from capstone.models import STATUSES
from capstone.models import Project
from capstone.models import Task
from capstone.models import TaskCount
from capstone.services.access import member_project_ids
from capstone.services.access import visible_projects

DASHBOARD_LIMIT = 20


def projects_with_counts(user):
    """The user's projects, each with its number of live tasks per status: two queries.

    The numbers come from TaskCount, which the database keeps: counting the tasks
    themselves took longer the more tasks there were.
    """
    projects = db.session.scalars(visible_projects(user).order_by(Project.name)).all()
    rows = db.session.execute(
        select(TaskCount.project_id, TaskCount.status, TaskCount.tasks).where(
            TaskCount.project_id.in_(visible_projects(user).with_only_columns(Project.id))
        )
    )
    counts = {project.id: dict.fromkeys(STATUSES, 0) for project in projects}
    for project_id, status, number in rows:
        counts[project_id][status] = number
    return [(project, counts[project.id]) for project in projects]


def my_open_tasks(user):
    """Tasks assigned to the user that are not done, soonest due first."""
    return db.session.scalars(
        select(Task)
        .where(Task.assignee_id == user.id, Task.status != "done")
        .options(joinedload(Task.project))
        .order_by(Task.due_date.asc().nulls_last(), Task.id)
        .limit(DASHBOARD_LIMIT)
    ).all()


def overdue_tasks(user):
    """Overdue tasks in the user's projects, most overdue first.

    The 20 ids are chosen first, then only those rows are loaded with their project and
    assignee: sorting every overdue task with all its columns and joins was the slowest
    part of the dashboard at 100,000 tasks (make bench).
    """
    first = (
        select(Task.id)
        .where(Task.is_overdue, Task.project_id.in_(member_project_ids(user)))
        .order_by(Task.due_date, Task.id)
        .limit(DASHBOARD_LIMIT)
    )
    return db.session.scalars(
        select(Task)
        .where(Task.id.in_(first))
        .options(joinedload(Task.project), joinedload(Task.assignee))
        .order_by(Task.due_date, Task.id)
    ).all()
