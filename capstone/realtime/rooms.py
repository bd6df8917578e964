"""Who receives a project's events: rooms named for a viewer, chosen from the database.

A room per project would let Socket.IO broadcast to whoever joined it, including a
member removed a minute ago whose browser still has the page open. Here a browser
joins the room of (project, user, login session) instead, and every event goes to the
rooms of the project's members *as the database has them when the event is sent*:

* a member removed from the project is no longer in that list;
* a deactivated user is skipped;
* logging out, changing the password or being deactivated changes the user's session
  token, so the rooms of their open tabs are no longer addressed.

This needs no list of connections, so it works the same across processes (the room
names travel through Redis; every process delivers to its own sockets in those rooms).
"""

import hashlib

PREFIX = "project:"


def viewer_room(project_id, user):
    """The room of `user`'s pages of one project, for their current login session."""
    # A digest, not the token itself: room names go through the message queue.
    session = hashlib.sha256(user.session_token.encode()).hexdigest()[:16]
    return f"{PREFIX}{project_id}:user:{user.id}:{session}"


def member_rooms(project):
    """The rooms of the project's active members (loads the members if needed)."""
    return [viewer_room(project.id, member) for member in project.members if member.active]


def parse_room(room):
    """(project id, user id) of a room made by viewer_room, or None for any other room."""
    parts = room.split(":") if isinstance(room, str) and room.startswith(PREFIX) else []
    if len(parts) != 5 or not parts[1].isdigit() or not parts[3].isdigit():
        return None
    return int(parts[1]), int(parts[3])
