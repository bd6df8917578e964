"""Comments on tasks."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload
from werkzeug.exceptions import Forbidden

from capstone import events
from capstone.database import db
from capstone.models import Comment
from capstone.services import access
from capstone.services import notifications
from capstone.services.errors import Invalid

MAX_COMMENT_LENGTH = 5000


def add_comment(author, task, body):
    """A member adds a comment to `task`."""
    access.require_member(author, task.project)
    body = (body or "").strip()
    if not 1 <= len(body) <= MAX_COMMENT_LENGTH:
        raise Invalid({"body": f"A comment has 1 to {MAX_COMMENT_LENGTH} characters."})
    comment = Comment(task=task, author=author, body=body)
    db.session.add(comment)
    notifications.task_commented(comment)
    db.session.flush()  # the comment's id, for the event
    events.publish(
        events.COMMENT_ADDED,
        project_id=task.project_id,
        task_id=task.id,
        comment_id=comment.id,
        actor_id=author.id,
    )
    db.session.commit()
    return comment


def comments_of(task):
    """A select() of the task's comments, oldest first, their authors loaded in the same query.

    The task page shows them all, the API a page at a time: one list for both.
    """
    return (
        select(Comment)
        .where(Comment.task_id == task.id)
        .options(joinedload(Comment.author))
        .order_by(Comment.created_at, Comment.id)
    )


def delete_comment(user, comment):
    """Delete a comment: its author or the project's owner may."""
    access.require_member(user, comment.task.project)  # an author no longer a member may not
    if user.id not in (comment.author_id, comment.task.project.owner_id):
        raise Forbidden("Only the author or the project's owner can delete a comment.")
    db.session.delete(comment)
    db.session.commit()
