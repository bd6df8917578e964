"""The daily digest: each person's tasks due today or overdue, in one email a day."""

from itertools import groupby

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from capstone.database import db
from capstone.models import Task
from capstone.models import User
from capstone.models.task import today
from capstone.services.outbox import external_url
from capstone.services.outbox import queue_email


def due_tasks_by_assignee(day):
    """(user, tasks) for each active, verified user with open tasks due on or before `day`."""
    tasks = db.session.scalars(
        select(Task)
        .join(Task.assignee)
        .where(
            Task.due_date <= day,
            Task.status != "done",
            Task.archived_at.is_(None),
            User.active.is_(True),
            User.email_verified_at.is_not(None),
        )
        .options(joinedload(Task.assignee), joinedload(Task.project))
        .order_by(Task.assignee_id, Task.due_date, Task.id)
    ).all()
    for _, group in groupby(tasks, key=lambda task: task.assignee_id):
        group = list(group)
        yield group[0].assignee, group


def send_digests(day=None):
    """Queue today's digest for everyone who has due tasks; a second run the same day adds none."""
    day = day or today()
    sent = 0
    for user, tasks in due_tasks_by_assignee(day):
        links = {task.id: external_url("tasks.detail", task_id=task.id) for task in tasks}
        subject = f"Your tasks for {day.isoformat()}: {len(tasks)} due"
        context = {"user": user, "tasks": tasks, "links": links, "day": day}
        key = f"digest:{user.id}:{day}"
        email = queue_email(key, user.email, subject, "email/digest.txt", **context)
        sent += email is not None
    db.session.commit()
    return sent
