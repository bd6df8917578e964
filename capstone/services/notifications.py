"""In-app notifications, and the emails that go with some of them.

A notification is added in the same transaction as the change it reports; the
caller commits. Nobody is notified of their own actions.
"""

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from werkzeug.exceptions import NotFound

from capstone.database import db
from capstone.models import Notification
from capstone.models.base import utcnow
from capstone.services.outbox import external_url
from capstone.services.outbox import queue_email


def notify(user, kind, message, task=None):
    """Add a notification for `user` (not committed)."""
    notification = Notification(user_id=user.id, kind=kind, message=message[:500], task=task)
    db.session.add(notification)
    return notification


def task_assigned(task, actor):
    """Tell the new assignee, in the app and (if their address is verified) by email."""
    assignee = task.assignee
    if assignee is None or assignee.id == actor.id:
        return
    note = notify(assignee, "assigned", f"{actor.username} assigned you “{task.title}”.", task)
    if assignee.email_verified_at is None:
        return
    db.session.flush()  # the notification's id names the email
    link = external_url("tasks.detail", task_id=task.id)
    subject = f"{actor.username} assigned you a task: {task.title}"[:200]
    context = {"task": task, "actor": actor, "link": link}
    queue_email(f"assigned:{note.id}", assignee.email, subject, "email/assigned.txt", **context)


def task_commented(comment):
    """Tell the task's assignee and creator that someone else commented."""
    task = comment.task
    people = {user.id: user for user in (task.assignee, task.creator) if user is not None}
    people.pop(comment.author.id, None)  # author_id is not set before the flush
    for user in people.values():
        notify(user, "commented", f"{comment.author.username} commented on “{task.title}”.", task)


def unread_count(user):
    """How many notifications `user` has not read."""
    return db.session.scalar(
        select(func.count()).where(Notification.user_id == user.id, Notification.read_at.is_(None))
    )


def notifications_of(user, unread_only=False):
    """A select() of the user's notifications, newest first (for paginate)."""
    query = select(Notification).where(Notification.user_id == user.id)
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    return query.order_by(Notification.created_at.desc(), Notification.id.desc())


def mark_read(user, notification_id):
    """Mark one of the user's notifications read; 404 for anyone else's."""
    notification = db.session.get(Notification, notification_id)
    if notification is None or notification.user_id != user.id:
        raise NotFound("There is no such notification.")
    if notification.read_at is None:
        notification.read_at = utcnow()
        db.session.commit()
    return notification


def mark_all_read(user):
    """Mark every unread notification of the user read."""
    db.session.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    db.session.commit()
