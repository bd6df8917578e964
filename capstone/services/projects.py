"""Projects and their members."""

from sqlalchemy import update

from capstone import events
from capstone.database import db
from capstone.models import Project
from capstone.models import Task
from capstone.services import attachments
from capstone.services.errors import Invalid
from capstone.services.errors import Taken


def clean_name(name):
    """A project name, trimmed; Invalid if it is empty or too long."""
    name = (name or "").strip()
    if not 1 <= len(name) <= 120:
        raise Invalid({"name": "A project name has 1 to 120 characters."})
    return name


def changed(project, action):
    """Publish events.PROJECT_CHANGED for `project` (heard after the commit)."""
    events.publish(events.PROJECT_CHANGED, project_id=project.id, action=action)


def create_project(owner, name, description=""):
    """Create a project owned by `owner`, who is its first member."""
    project = Project(name=clean_name(name), description=(description or "").strip(), owner=owner)
    project.members.append(owner)
    db.session.add(project)
    db.session.flush()  # the new id, for the event
    changed(project, "created")
    db.session.commit()
    return project


def update_project(project, name, description):
    """Change a project's name and description (the caller checked it is the owner)."""
    project.name = clean_name(name)
    project.description = (description or "").strip()
    changed(project, "updated")
    db.session.commit()
    return project


def delete_project(project):
    """Delete a project with its tasks, comments and files (the caller checked it is the owner)."""
    files = attachments.stored_names(Task.project_id == project.id)
    changed(project, "deleted")
    db.session.delete(project)
    db.session.commit()
    attachments.remove_files(files)


def add_member(project, user):
    """Add `user` to the project's members; only active users can join."""
    if user is None or not user.active:
        raise Invalid({"user": "There is no such active user."})
    if user in project.members:
        raise Taken({"user": f"{user.username} is already a member."})
    project.members.append(user)
    changed(project, "member_added")
    db.session.commit()
    return user


def remove_member(project, user_id):
    """Remove a member; the owner always stays. Their assigned tasks become unassigned."""
    if user_id == project.owner_id:
        raise Invalid({"user": "The owner cannot be removed from their project."})
    member = next((m for m in project.members if m.id == user_id), None)
    if member is None:
        raise Invalid({"user": "That user is not a member."})
    project.members.remove(member)
    db.session.execute(
        update(Task)
        .where(Task.project_id == project.id, Task.assignee_id == user_id)
        .values(assignee_id=None)
    )
    changed(project, "member_removed")
    db.session.commit()
