"""Conditional GETs on the API: an ETag from the project's version, 304 for If-None-Match.

The project, its task list and its tasks answer with an ETag made of the project's
version (kept by triggers, migration 0011), the caller, what was asked (the task list's
filters, sort and page) and today's date (a task becomes overdue without any write).
The row's creation time goes with its id: SQLite gives a deleted row's id to the next
row, which could reach the same version.
A client that sends it back in If-None-Match gets 304 and no body when none of these
changed, after the token and the access check, without the list's query.

Why a 304 never hides a change: the version is read in the same statement as the
project or the task, or before the list's query, never after; a write committed in
between makes the body newer than its ETag, which costs one more full answer, never a
stale one. The caller's id is part of the ETag, so one user's tag means nothing to
another. `Cache-Control: private, no-cache`: only the client keeps the answer, and it
asks again each time.
"""

import hashlib

from flask import current_app
from flask import make_response
from flask import request
from werkzeug.exceptions import NotFound

from capstone.database import db
from capstone.models import Project
from capstone.models import Task
from capstone.models.task import today
from capstone.services import access

CACHE_CONTROL = "private, no-cache"
# The task lookup of access.py, with its project's version read from the same row.
TASK_AND_VERSION = access.VISIBLE_TASK.add_columns(Project.version).join(
    Project, Project.id == Task.project_id
)


def project_etag(user, kind, project, *asked):
    """The ETag of the project, or of its tasks (`kind`) as `asked`, seen by `user` today."""
    return etag(user, kind, project.id, project.created_at, project.version, *asked)


def etag(user, *validators):
    """The ETag of what `validators` identify, as seen by `user` today."""
    text = repr((user.id, today(), *validators))
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def answer(tag, build):
    """304 if the request's If-None-Match holds `tag`, else the response `build()` makes."""
    if request.if_none_match.contains_weak(tag):
        response = current_app.response_class(status=304)
    else:
        response = make_response(build())
    response.set_etag(tag)
    response.headers["Cache-Control"] = CACHE_CONTROL
    return response


def task_and_version(user, task_id):
    """(task, its project's version) if `user` may see the task; else 404 like task_for."""
    found = db.session.execute(TASK_AND_VERSION, access.bindings(user, task_id)).first()
    if found is None:
        raise NotFound(access.NO_SUCH_TASK)
    return found
