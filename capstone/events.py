"""What happened, told after the commit: the services publish, jobs and live pages listen.

A service that changes data often has more to do once the change is safe: queue the
job that sends an email, tell the project's open pages, forget a cached page. If the
service did those itself it would import the jobs and the Socket.IO layers, which
import the services back. Instead it publishes an event, and the layers above
subscribe in their init_app::

    events.publish(events.TASK_CHANGED, project_id=3, task_id=7, actor_id=1, ...)
    events.subscribe(events.TASK_CHANGED, handler, app)   # handler(**data)

Events wait in the current transaction (`db.after_commit`): a subscriber hears of a
change only once it is committed, and never of one that was rolled back. Each
subscriber runs in an application context of its own, with a session of its own, as a
job does: the publishing transaction is over, and what it reads is what was committed.
A failing subscriber is logged and the others still run: the change is already made.
Subscribers are kept per app (app.extensions["events"]), so two apps in one process
never hear each other. In production you might publish to a message broker instead,
for other programs; here every subscriber lives in this process.

The events, and what each carries (every name is a keyword argument of the handler):

=================  ===============================================================
task.changed       project_id, task_id, actor_id, action (created, updated, moved,
                   completed, assigned, unassigned, deleted, restored), title,
                   status, assignee_id (None when unassigned)
tasks.archived     count (the weekly job archived that many tasks at once)
comment.added      project_id, task_id, comment_id, actor_id
project.changed    project_id, action (created, updated, deleted, member_added,
                   member_removed)
membership.ended   organization_id, user_id, project_ids (the projects of the
                   organization they were taken out of, when they left or were removed)
user.changed       user_id, action (register, or the admin's audit words:
                   deactivate, reactivate, promote, demote)
email.queued       email_id (an outbox row waiting for its job)
=================  ===============================================================
"""

import functools

from flask import current_app

from capstone.database import db

TASK_CHANGED = "task.changed"
TASKS_ARCHIVED = "tasks.archived"
COMMENT_ADDED = "comment.added"
PROJECT_CHANGED = "project.changed"
USER_CHANGED = "user.changed"
MEMBERSHIP_ENDED = "membership.ended"
EMAIL_QUEUED = "email.queued"
NAMES = frozenset(
    (
        TASK_CHANGED,
        TASKS_ARCHIVED,
        COMMENT_ADDED,
        PROJECT_CHANGED,
        MEMBERSHIP_ENDED,
        USER_CHANGED,
        EMAIL_QUEUED,
    )
)
EXTENSION_KEY = "events"


def check_name(name):
    """Refuse a name that is not one of the events above: a typo would be heard by nobody."""
    if name not in NAMES:
        raise ValueError(f"{name!r} is not an event; the events are {sorted(NAMES)}")


def subscribers(app):
    """The app's subscribers, by event name (created on first use)."""
    return app.extensions.setdefault(EXTENSION_KEY, {})


def subscribe(name, handler, app=None):
    """Call `handler(**data)` after each commit that published `name` in `app`.

    `app` defaults to the current app; an init_app passes the app it is given.
    """
    check_name(name)
    app = app if app is not None else current_app._get_current_object()
    subscribers(app).setdefault(name, []).append(handler)


def publish(name, **data):
    """Tell the subscribers of `name` once the current transaction commits; never if not."""
    check_name(name)
    app = current_app._get_current_object()
    db.after_commit(functools.partial(deliver, app, name, data))


def deliver(app, name, data):
    """Call each subscriber of `name`, each in a fresh application context; log failures."""
    for handler in subscribers(app).get(name, []):
        with app.app_context():
            try:
                handler(**data)
            except Exception:
                app.logger.exception("The %s subscriber %r failed", name, handler)
