"""The archive: tasks done long ago leave the lists, are never deleted, and can come back.

A task is archived when it was completed more than 90 days ago and nobody has touched
it since; restoring it counts as a touch, so a restored task stays for 90 more days.
"""

from datetime import timedelta

from sqlalchemy import update

from capstone import events
from capstone.database import db
from capstone.models import Task
from capstone.models.base import utcnow
from capstone.services import access
from capstone.services import changes
from capstone.services.errors import Invalid

ARCHIVE_AFTER_DAYS = 90


def archive_done_tasks(now=None):
    """Archive the tasks done and untouched for ARCHIVE_AFTER_DAYS; return how many."""
    now = now or utcnow()
    cutoff = now - timedelta(days=ARCHIVE_AFTER_DAYS)
    result = db.session.execute(
        update(Task)
        .where(
            Task.status == "done",
            Task.completed_at < cutoff,
            Task.updated_at < cutoff,
            Task.archived_at.is_(None),
        )
        .values(archived_at=now)
    )
    if result.rowcount:
        events.publish(events.TASKS_ARCHIVED, count=result.rowcount)
    db.session.commit()
    return result.rowcount


def restore_task(actor, task):
    """A member brings an archived task back to the project's lists."""
    access.require_member(actor, task.project)
    if task.archived_at is None:
        raise Invalid({"task": "This task is not archived."})
    task.archived_at = None
    changes.task_changed("restored", task, actor)
    db.session.commit()
    return task
