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
announcements.py tells the members what changed: it subscribes to the events the
services publish (capstone/events.py), so the services never import this package.
"""

from flask_socketio import SocketIO

from capstone import events
from capstone.realtime import announcements
from capstone.realtime.handlers import ProjectEvents


def init_app(app):
    """Give `app` its own Socket.IO server (app.extensions["socketio"]), its handlers and news."""
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
    events.subscribe(events.TASK_CHANGED, announcements.task_changed, app)
    events.subscribe(events.COMMENT_ADDED, announcements.comment_added, app)
    events.subscribe(events.MEMBERSHIP_ENDED, announcements.membership_ended, app)
    return socketio
