"""The task counts two ways: as the triggers keep them, and counted over the task table."""

from sqlalchemy import func
from sqlalchemy import select

from capstone.database import db
from capstone.models import Task
from capstone.models import TaskCount


def kept(app):
    """{(project id, status): tasks} as TaskCount has it, leaving out zeros."""
    with app.app_context():
        rows = db.session.execute(select(TaskCount.project_id, TaskCount.status, TaskCount.tasks))
        return {(project, status): n for project, status, n in rows if n}


def counted(app):
    """{(project id, status): live tasks} counted over the task table."""
    with app.app_context():
        rows = db.session.execute(
            select(Task.project_id, Task.status, func.count())
            .where(Task.archived_at.is_(None))
            .group_by(Task.project_id, Task.status)
        )
        return {(project, status): n for project, status, n in rows}
