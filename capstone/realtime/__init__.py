"""Live updates: what members of a project see change without reloading the page.

A WSGI application answers one request with one call and returns; a page that should
change when a teammate acts needs a connection that stays open. Flask-SocketIO gives
one (a WebSocket, carrying the Socket.IO protocol), mounted as a WSGI middleware in
front of the Flask app: requests under /socket.io/ go to the Socket.IO server, every
other request to Flask, as in the middleware chain of stage 02.

Embedded default: one process, threading mode (a thread per connection), so `make run`
needs nothing more. With several server processes, each holds only its own
connections; REDIS_URL makes them share events through Redis's publish/subscribe.

The pieces: rooms.py says who receives what, handlers.py answers the browser,
announce() here is what the services call when a task changes.
"""

import functools

from flask import current_app
from flask_socketio import SocketIO

from capstone.database import db
from capstone.models import label
from capstone.realtime.rooms import member_rooms

MESSAGES = {
    "created": "{actor} added “{title}”",
    "updated": "{actor} changed “{title}”",
    "moved": "{actor} moved “{title}” to {status}",
    "completed": "{actor} completed “{title}”",
    "assigned": "{actor} assigned “{title}” to {assignee}",
    "unassigned": "{actor} unassigned “{title}”",
    "deleted": "{actor} deleted “{title}”",
    "restored": "{actor} restored “{title}”",
    "commented": "{actor} commented on “{title}”",
}


def init_app(app):
    """Give `app` its own Socket.IO server (app.extensions["socketio"]) and its handlers."""
    from capstone.realtime.handlers import ProjectEvents

    socketio = SocketIO(
        app,
        async_mode="threading",
        # Several processes share events through Redis; one process needs nothing.
        message_queue=app.config["REDIS_URL"],
        # cors_allowed_origins stays at its default, this site only: browsers send
        # the Origin header on a WebSocket handshake, and refusing other origins is
        # what stops another site opening a socket with the user's cookie (CSRF).
    )
    socketio.on_namespace(ProjectEvents("/"))
    return socketio


def announce(action, task, actor):
    """Tell the members viewing the task's project that `actor` did `action` to it.

    The event leaves after the transaction commits (never for a rolled-back change),
    and only to the rooms of the project's current, active members.
    """
    rooms = member_rooms(task.project)
    if not rooms:
        return  # an empty list of rooms would mean "everyone" to Socket.IO
    assignee = task.assignee.username if task.assignee else ""
    event = {
        "project_id": task.project_id,
        "task_id": task.id,
        "action": action,
        "actor": actor.username,
        "message": MESSAGES[action].format(
            actor=actor.username, title=task.title, status=label(task.status), assignee=assignee
        ),
    }
    socketio = current_app.extensions["socketio"]
    db.after_commit(functools.partial(socketio.emit, "task", event, to=rooms))


def change_of(task, was_status, was_assignee_id):
    """The word for what an update did to `task`: completed, moved, (un)assigned or updated."""
    if task.status != was_status:
        return "completed" if task.status == "done" else "moved"
    if task.assignee_id != was_assignee_id:
        return "assigned" if task.assignee_id else "unassigned"
    return "updated"
