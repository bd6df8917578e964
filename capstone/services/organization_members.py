"""An organization's members: the list with roles, changing a role, removing someone.

Owners and admins manage members; only owners make or unmake owners; anyone may leave.
There is always an owner: the last one can be neither demoted nor removed (409), and
that holds when two owners demote each other at once (see `change_unless_last_owner`).
A personal organization has one owner, its user. Leaving or being removed takes a
person out of every project of the organization (services/leaving.py), and their open
pages of those projects stop hearing of them (events.MEMBERSHIP_ENDED).
"""

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import aliased
from werkzeug.exceptions import Conflict
from werkzeug.exceptions import NotFound

from capstone import events
from capstone.database import db
from capstone.models import ORGANIZATION_ROLES
from capstone.models import OrganizationMember
from capstone.models import User
from capstone.services import access
from capstone.services import leaving
from capstone.services.errors import Invalid

LAST_OWNER = "An organization needs an owner: make someone else an owner first."
# So its user can never be removed from it, nor lose the projects made there.
PERSONAL_OWNER = "A personal organization has one owner: its user."


def members_of(organization):
    """A select() of (user, role) of the organization's members, by username."""
    return (
        select(User, OrganizationMember.role)
        .join(OrganizationMember, OrganizationMember.user_id == User.id)
        .where(OrganizationMember.organization_id == organization.id)
        .order_by(User.username_key)
    )


def member_row(organization, user_id):
    """The OrganizationMember of `user_id`; 404 if they are not a member."""
    member = db.session.get(OrganizationMember, (organization.id, user_id))
    if member is None:
        raise NotFound("That user is not a member of the organization.")
    return member


def change_role(actor, organization, user_id, role):
    """An owner or admin changes a member's role; owners only make or unmake owners."""
    access.require_manager(actor, organization)
    if role not in ORGANIZATION_ROLES:
        raise Invalid({"role": f"Choose one of: {', '.join(ORGANIZATION_ROLES)}."})
    if role == "owner" and organization.personal:
        raise Invalid({"role": PERSONAL_OWNER})
    member = member_row(organization, user_id)
    if member.role == role:
        return member
    if "owner" in (member.role, role):
        access.require_organization_owner(actor, organization)
    if member.role == "owner":
        change_unless_last_owner(member, update(OrganizationMember).values(role=role))
    else:
        member.role = role
    db.session.commit()
    return member


def remove_member(actor, organization, user_id):
    """An owner or admin removes a member (only an owner removes an owner); anyone may leave."""
    if user_id != actor.id:
        access.require_manager(actor, organization)
    member = member_row(organization, user_id)
    if member.role == "owner":
        if user_id != actor.id:
            access.require_organization_owner(actor, organization)
        change_unless_last_owner(member, delete(OrganizationMember))
    else:
        db.session.delete(member)
    heir = actor if user_id != actor.id else leaving.first_owner(member)
    leaving.pass_on_projects(organization, user_id, heir)
    project_ids = leaving.leave_projects(organization, user_id)
    events.publish(
        events.MEMBERSHIP_ENDED,
        organization_id=organization.id,
        user_id=user_id,
        project_ids=project_ids,
    )
    db.session.commit()


def change_unless_last_owner(member, statement):
    """Run `statement` (an UPDATE or DELETE of the owner `member`) unless no owner would remain.

    The check and the change are one statement, and on PostgreSQL the owners' rows are
    locked first (SELECT ... FOR UPDATE), so two owners demoting each other at once
    cannot both succeed: the second waits for the first to commit, then counts again.
    The same shape as the last-admin rule in services/admin.py.
    """
    owners = select(OrganizationMember.user_id).where(
        OrganizationMember.organization_id == member.organization_id,
        OrganizationMember.role == "owner",
    )
    db.session.scalars(owners.with_for_update()).all()
    other = aliased(OrganizationMember)
    others = (
        select(func.count())
        .select_from(other)
        .where(
            other.organization_id == member.organization_id,
            other.role == "owner",
            other.user_id != member.user_id,
        )
        .scalar_subquery()
    )
    result = db.session.execute(
        statement.where(
            OrganizationMember.organization_id == member.organization_id,
            OrganizationMember.user_id == member.user_id,
            others > 0,
        ),
        execution_options={"synchronize_session": "fetch"},
    )
    if result.rowcount != 1:
        db.session.rollback()
        raise Conflict(LAST_OWNER)
