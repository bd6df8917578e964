"""What leaving an organization takes with it, in each of its projects.

Leaving, or being removed, takes a person out of every project of the organization:
their tasks and comments stay, unassigned where they were the assignee; the projects
they owned pass to an heir (services/organization_members.remove_member chooses), who
joins each, since an organization role opens no project and a project must keep the
one person who manages it.
"""

from sqlalchemy import delete
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import update

from capstone import events
from capstone.database import db
from capstone.models import OrganizationMember
from capstone.models import Project
from capstone.models import Task
from capstone.models import User
from capstone.models import project_member


def first_owner(leaving):
    """The organization's longest-standing owner but `leaving` (there is one: see above)."""
    return db.session.scalars(
        select(User)
        .join(OrganizationMember, OrganizationMember.user_id == User.id)
        .where(
            OrganizationMember.organization_id == leaving.organization_id,
            OrganizationMember.role == "owner",
            OrganizationMember.user_id != leaving.user_id,
        )
        .order_by(OrganizationMember.created_at, User.id)
    ).first()


def pass_on_projects(organization, user_id, heir):
    """Give the organization's projects owned by `user_id` to `heir`, made a member of each.

    Else a project would be left with no one to manage it: its owner gone, and an
    organization role opening no project.
    """
    owned = select(Project.id).where(
        Project.organization_id == organization.id, Project.owner_id == user_id
    )
    project_ids = db.session.scalars(owned).all()
    heirs_own = select(project_member.c.project_id).where(project_member.c.user_id == heir.id)
    joined = set(db.session.scalars(heirs_own.where(project_member.c.project_id.in_(project_ids))))
    joining = [{"project_id": pid, "user_id": heir.id} for pid in project_ids if pid not in joined]
    if joining:  # one INSERT for them all, not a lookup and an insert per project
        db.session.execute(insert(project_member), joining)
    db.session.execute(
        update(Project).where(Project.id.in_(project_ids)).values(owner_id=heir.id),
        execution_options={"synchronize_session": False},
    )


def leave_projects(organization, user_id):
    """Take `user_id` out of the organization's projects, unassigning their tasks; the ids."""
    in_organization = select(Project.id).where(Project.organization_id == organization.id)
    project_ids = db.session.scalars(
        select(project_member.c.project_id).where(
            project_member.c.user_id == user_id,
            project_member.c.project_id.in_(in_organization),
        )
    ).all()
    db.session.execute(
        delete(project_member).where(
            project_member.c.user_id == user_id, project_member.c.project_id.in_(project_ids)
        )
    )
    db.session.execute(
        update(Task)
        .where(Task.project_id.in_(project_ids), Task.assignee_id == user_id)
        .values(assignee_id=None)
    )
    for project_id in project_ids:
        events.publish(events.PROJECT_CHANGED, project_id=project_id, action="member_removed")
    return list(project_ids)
