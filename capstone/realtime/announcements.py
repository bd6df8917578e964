"""What the members viewing a project hear when its tasks change: the events' subscribers.

realtime.init_app subscribes these to events.TASK_CHANGED, events.COMMENT_ADDED and
events.MEMBERSHIP_ENDED, so
they run after the commit (never for a rolled-back change), in a session of their own:
the rooms are those of the project's members as the database has them now.
"""

from flask import current_app

from capstone.database import db
from capstone.models import Project
from capstone.models import Task
from capstone.models import label
from capstone.realtime.rooms import member_rooms
from capstone.realtime.rooms import viewer_room
from capstone.services import users

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


def task_changed(project_id, task_id, actor_id, action, title, status, assignee_id):
    """Tell the project's current, active members that the actor did `action` to a task."""
    project, actor = db.session.get(Project, project_id), users.user_by_id(actor_id)
    if project is None or actor is None:
        return  # deleted since: nobody is left to tell, or about whom
    rooms = member_rooms(project)
    if not rooms:
        return  # an empty list of rooms would mean "everyone" to Socket.IO
    assignee = users.user_by_id(assignee_id) if assignee_id is not None else None
    message = MESSAGES[action].format(
        actor=actor.username,
        title=title,
        status=label(status),
        assignee=assignee.username if assignee else "",
    )
    event = {
        "project_id": project_id,
        "task_id": task_id,
        "action": action,
        "actor": actor.username,
        "message": message,
    }
    current_app.extensions["socketio"].emit("task", event, to=rooms)


def comment_added(project_id, task_id, comment_id, actor_id):
    """Tell the project's members that the actor commented on a task."""
    task = db.session.get(Task, task_id)
    if task is not None:
        task_changed(
            project_id, task_id, actor_id, "commented", task.title, task.status, task.assignee_id
        )


def membership_ended(organization_id, user_id, project_ids):
    """Close the live feed of the projects a person left with their organization.

    The rooms already follow the database (rooms.py), so no later event would reach
    them; this also tells their open pages, and takes their sockets out of the rooms.
    """
    user = users.user_by_id(user_id)
    if user is None:
        return
    socketio = current_app.extensions["socketio"]
    for project_id in project_ids:
        room = viewer_room(project_id, user)
        event = {"project_id": project_id, "message": "You are no longer a member of this project."}
        socketio.emit("removed", event, to=room)
        socketio.close_room(room)
