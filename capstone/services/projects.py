"""Projects and their members: the owner manages both; the board and the member list."""

from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import joinedload

from capstone import events
from capstone.database import db
from capstone.models import STATUSES
from capstone.models import Project
from capstone.models import Task
from capstone.models import User
from capstone.models import project_member
from capstone.services import access
from capstone.services import attachments
from capstone.services import limits
from capstone.services import organizations
from capstone.services.errors import Invalid
from capstone.services.errors import Taken

BOARD_LIMIT = 50  # tasks per column on the board; the task list pages through the rest


def clean_name(name):
    """A project name, trimmed; Invalid if it is empty or too long."""
    name = (name or "").strip()
    if not 1 <= len(name) <= 120:
        raise Invalid({"name": "A project name has 1 to 120 characters."})
    return name


def changed(project, action):
    """Publish events.PROJECT_CHANGED for `project` (heard after the commit)."""
    events.publish(events.PROJECT_CHANGED, project_id=project.id, action=action)


def create_project(owner, name, description="", organization=None):
    """Create a project owned by `owner`, its first member, in `organization`.

    Without an organization, in the owner's personal one; in another, only its owners
    and admins create projects. PlanLimit (402) when the plan allows no more projects.
    """
    name = clean_name(name)
    if organization is None:
        organization = organizations.personal_organization(owner)
    else:
        access.require_manager(owner, organization)
    limits.require_room(organization, "projects")
    project = Project(
        name=name,
        description=(description or "").strip(),
        owner=owner,
        organization=organization,
    )
    project.members.append(owner)
    db.session.add(project)
    db.session.flush()  # the new id, for the event
    changed(project, "created")
    db.session.commit()
    return project


def update_project(owner, project, name, description):
    """The owner changes a project's name and description."""
    access.require_owner(owner, project)
    project.name = clean_name(name)
    project.description = (description or "").strip()
    changed(project, "updated")
    db.session.commit()
    return project


def delete_project(owner, project):
    """The owner deletes a project with its tasks, comments and files."""
    access.require_owner(owner, project)
    files = attachments.stored_names(Task.project_id == project.id)
    changed(project, "deleted")
    # The tasks first, as every task write locks them (then their counts, then the
    # project: migrations 0008 and 0011); the project's cascade alone would lock the
    # project's row first, and a task write at that moment would be a deadlock.
    db.session.execute(delete(Task).where(Task.project_id == project.id))
    db.session.delete(project)
    db.session.commit()
    attachments.remove_files(files)


def add_member(owner, project, user):
    """The owner adds `user` (None: not found), an active user, to the members.

    In a team organization only its members can join its projects (invite them first);
    someone added to a project of a personal organization joins that organization as a
    member, as the migration did, so adding people to "my own projects" works as before.
    """
    access.require_owner(owner, project)
    if user is None or not user.active:
        raise Invalid({"user": "There is no such active user."})
    organization = project.organization
    if organization.personal:
        organizations.enrol(organization, user)
    elif access.role_in(user, organization) is None:
        raise Invalid(
            {"user": f"{user.username} is not in {organization.name}: invite them first."}
        )
    if user in project.members:
        raise Taken({"user": f"{user.username} is already a member."})
    project.members.append(user)
    changed(project, "member_added")
    db.session.commit()
    return user


def remove_member(owner, project, user_id):
    """The owner removes a member, never themself. The member's tasks become unassigned."""
    access.require_owner(owner, project)
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


def members_of(project):
    """A select() of the project's members, by username (a page shows them all, the API pages)."""
    return (
        select(User)
        .join(project_member, project_member.c.user_id == User.id)
        .where(project_member.c.project_id == project.id)
        .order_by(User.username)
    )


def board_columns(project):
    """{status: its BOARD_LIMIT most recently changed live tasks}, assignees loaded."""
    return {
        status: db.session.scalars(
            select(Task)
            .where(Task.project_id == project.id, Task.status == status, Task.archived_at.is_(None))
            .options(joinedload(Task.assignee))
            .order_by(Task.updated_at.desc(), Task.id.desc())
            .limit(BOARD_LIMIT)
        ).all()
        for status in STATUSES
    }
