"""What the Socket.IO server answers to browsers: connect, join a project, leave, disconnect.

Each handler runs inside a request context made from the socket's handshake (its cookies
included), so `current_user` is the logged-in user, loaded again, and checked again, at
every event. The browser only ever names a project id; the server decides the room.
"""

from flask import current_app
from flask_login import current_user
from flask_socketio import ConnectionRefusedError
from flask_socketio import Namespace
from flask_socketio import join_room
from flask_socketio import leave_room
from flask_socketio import rooms

from capstone.database import db
from capstone.models import Project
from capstone.models.base import MAX_ID
from capstone.realtime.rooms import member_rooms
from capstone.realtime.rooms import parse_room
from capstone.realtime.rooms import viewer_room
from capstone.services import access
from capstone.services import users

NO_SUCH_PROJECT = {"ok": False, "error": "There is no such project."}


def project_of(data):
    """The project named in `data` if the current user is one of its members, else None."""
    project_id = data.get("project_id") if isinstance(data, dict) else None
    if type(project_id) is not int or not 0 < project_id <= MAX_ID:
        return None
    project = db.session.get(Project, project_id)
    if project is None or not access.is_member(current_user, project):
        return None  # an admin who is not a member does not get the live feed either
    return project


def tell_presence(project, user, action):
    """Tell the project's viewers that `user` joined or left."""
    rooms_now = member_rooms(project)
    if rooms_now:
        event = {
            "project_id": project.id,
            "user": user.username,
            "action": action,
            "message": f"{user.username} {action}",
        }
        current_app.extensions["socketio"].emit("presence", event, to=rooms_now)


class ProjectEvents(Namespace):
    """The default namespace: a logged-in user's browser following their projects."""

    def on_connect(self, auth=None):
        """Refuse sockets without a login: nothing below this runs for them."""
        if not current_user.is_authenticated:
            raise ConnectionRefusedError("Log in to follow a project live.")

    def on_join(self, data):
        """Start sending the events of a project the user is a member of."""
        if not current_user.is_authenticated:
            return {"ok": False, "error": "Your session has ended. Log in again."}
        project = project_of(data)
        if project is None:
            return NO_SUCH_PROJECT
        join_room(viewer_room(project.id, current_user))
        # The server's access log does not show sockets (they are not requests that end).
        current_app.logger.info("%s follows project %d live", current_user.username, project.id)
        tell_presence(project, current_user, "joined")
        return {"ok": True}

    def on_leave(self, data):
        """Stop sending a project's events to this socket."""
        for room in rooms():
            ids = parse_room(room)
            if ids and isinstance(data, dict) and ids[0] == data.get("project_id"):
                leave_room(room)
        return {"ok": True}

    def on_disconnect(self, reason=None):
        """Tell the others when a viewer closes the page."""
        for room in rooms():
            if (ids := parse_room(room)) is None:
                continue
            project, user = db.session.get(Project, ids[0]), users.user_by_id(ids[1])
            if project is not None and user is not None:
                tell_presence(project, user, "left")
