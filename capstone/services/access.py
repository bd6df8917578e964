"""Who may see and change what. Anything a user may not see answers 404, as if it did not exist.

* Admins see every project; everyone else sees the projects they are a member of
  (the owner is always a member).
* Only the owner edits or deletes a project and manages its members (403 for the
  other members, who can see it exists; 404 for everyone else).
* Members create, edit and complete tasks, comment, and upload and download files.
* Admins manage accounts.
* An organization is seen by its members (and admins) only: 404 for everyone else, and
  a project's members are always members of its organization. Its owners and admins
  manage its members and create its projects (403 for its other members).

The services that change data call the require_* rules themselves, so a view cannot
forget them. A view may call them first too, to answer 403 before reading a body it
would refuse anyway; the service still checks (the second check reads nothing more).
"""

from sqlalchemy import bindparam
from sqlalchemy import or_
from sqlalchemy import select
from werkzeug.exceptions import Forbidden
from werkzeug.exceptions import NotFound

from capstone.database import db
from capstone.models import Attachment
from capstone.models import Comment
from capstone.models import Organization
from capstone.models import OrganizationMember
from capstone.models import Project
from capstone.models import Task
from capstone.models import project_member

# The two lookups of every API request, built once with bound parameters: a request
# binds its values instead of building the statement and its cache key again.
MEMBER_OF = select(project_member.c.project_id).where(project_member.c.user_id == bindparam("user"))
VISIBLE_PROJECT = select(Project).where(
    Project.id == bindparam("id"), or_(bindparam("admin"), Project.id.in_(MEMBER_OF))
)
VISIBLE_TASK = select(Task).where(
    Task.id == bindparam("id"), or_(bindparam("admin"), Task.project_id.in_(MEMBER_OF))
)


def bindings(user, object_id):
    """The values VISIBLE_PROJECT and VISIBLE_TASK are run with."""
    return {"id": object_id, "admin": user.is_admin, "user": user.id}


def visible(statement, user, object_id):
    """The row of VISIBLE_PROJECT or VISIBLE_TASK for `object_id`, if `user` may see it."""
    return db.session.scalar(statement, bindings(user, object_id))


def member_project_ids(user):
    """A subquery: the ids of the projects `user` is a member of."""
    return select(project_member.c.project_id).where(project_member.c.user_id == user.id)


def visible_projects(user):
    """A select() of the projects `user` may see."""
    query = select(Project)
    if not user.is_admin:
        query = query.where(Project.id.in_(member_project_ids(user)))
    return query


def is_member(user, project):
    """True if `user` belongs to `project`."""
    return any(member.id == user.id for member in project.members)


def project_for(user, project_id, manage=False):
    """The project, if `user` may see it (404 otherwise); with manage=True, only for its owner."""
    project = visible(VISIBLE_PROJECT, user, project_id)
    if project is None:
        raise NotFound("There is no such project.")
    if manage:
        require_owner(user, project)
    return project


def require_owner(user, project):
    """Only the owner edits or deletes a project and manages its members."""
    if project.owner_id != user.id:
        raise Forbidden("Only the project's owner can do that.")


def require_admin(user):
    """Only admins manage accounts."""
    if not user.is_admin:
        raise Forbidden("Only admins can do that.")


NO_SUCH_TASK = "There is no such task."


def task_for(user, task_id):
    """The task, if `user` may see its project; 404 otherwise."""
    task = visible(VISIBLE_TASK, user, task_id)
    if task is None:
        raise NotFound(NO_SUCH_TASK)
    return task


def require_member(user, project):
    """Only members change tasks and comment; an admin who is not a member only looks."""
    if not is_member(user, project):
        raise Forbidden("Only the project's members can do that.")


def member_task(user, task_id):
    """The task, if `user` may see it (404), and only for a member of its project (403)."""
    task = task_for(user, task_id)
    require_member(user, task.project)
    return task


def comment_for(user, comment_id):
    """The comment, if `user` may see its task; 404 otherwise."""
    comment = db.session.get(Comment, comment_id)
    if comment is None:
        raise NotFound("There is no such comment.")
    task_for(user, comment.task_id)
    return comment


def attachment_for(user, attachment_id):
    """The attachment, if `user` may see its task; 404 otherwise."""
    attachment = db.session.get(Attachment, attachment_id)
    if attachment is None:
        raise NotFound("There is no such attachment.")
    task_for(user, attachment.task_id)
    return attachment


MANAGERS = ("owner", "admin")  # the organization roles that manage members and projects


def role_in(user, organization):
    """The user's role in `organization`, or None for someone outside it."""
    member = db.session.get(OrganizationMember, (organization.id, user.id))
    return None if member is None else member.role


def organization_for(user, organization_id):
    """The organization, if `user` is one of its members or an admin; 404 otherwise."""
    organization = db.session.get(Organization, organization_id)
    if organization is None or (role_in(user, organization) is None and not user.is_admin):
        raise NotFound("There is no such organization.")
    return organization


def require_manager(user, organization):
    """Only an organization's owners and admins manage its members and create its projects."""
    if role_in(user, organization) not in MANAGERS:
        raise Forbidden("Only the organization's owners and admins can do that.")


def require_organization_owner(user, organization):
    """Only an organization's owners make or unmake owners."""
    if role_in(user, organization) != "owner":
        raise Forbidden("Only the organization's owners can do that.")
