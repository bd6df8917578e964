"""The plan's limits, checked in the services that add projects, members and files.

`require_room(organization, limit, adding)` is called by the service that is about to
add, in its own transaction, before it adds: PlanLimit (402) if what the organization
already uses plus `adding` would pass its plan's limit (plans.plan_in_force), nothing
at all with billing off (every organization is unlimited).

A count checked and then added to is a race: two requests count 2 of 3 projects at the
same moment and both add one. So the check first locks the organization's row, with
an UPDATE that changes nothing. On PostgreSQL a second UPDATE of the same row waits
until the first transaction ends and then counts what it committed (each statement
under READ COMMITTED sees the latest commits); on SQLite the UPDATE takes the
database's one write lock, so the count and the insert are never interleaved. The
lock is held to the caller's commit, which must come soon: services commit at once.
"""

from flask import current_app
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update

from capstone import plans
from capstone.database import db
from capstone.models import Attachment
from capstone.models import Invitation
from capstone.models import Organization
from capstone.models import OrganizationMember
from capstone.models import Project
from capstone.models import Task
from capstone.models.base import utcnow
from capstone.models.invitation import OPEN
from capstone.services.errors import PlanLimit


def plan_of(organization):
    """The plan whose limits apply to `organization` now."""
    return plans.plan_in_force(
        current_app.config, organization.plan, organization.past_due_since, utcnow()
    )


def used(organization_id, limit):
    """How much of `limit` (a key of plans.LIMITS) the organization uses (or holds)."""
    if limit == "projects":
        query = select(func.count(Project.id)).where(Project.organization_id == organization_id)
    elif limit == "members":
        # An invitation that can still be accepted holds a seat: else ten invitations
        # sent with one seat left would all go out, and nine fail when accepted.
        members = select(func.count()).where(OrganizationMember.organization_id == organization_id)
        held = select(func.count()).where(
            Invitation.organization_id == organization_id, OPEN, Invitation.expires_at > utcnow()
        )
        query = select(members.scalar_subquery() + held.scalar_subquery())
    else:
        query = (
            select(func.coalesce(func.sum(Attachment.size), 0))
            .join(Task, Attachment.task_id == Task.id)
            .join(Project, Task.project_id == Project.id)
            .where(Project.organization_id == organization_id)
        )
    return db.session.scalar(query)


def usage(organization):
    """What the organization uses of each limit, for the billing page: {limit: amount}."""
    return {limit: used(organization.id, limit) for limit in plans.LIMITS}


def lock(organization_id):
    """Hold the organization's row until the transaction ends (see the module's docstring)."""
    db.session.execute(
        update(Organization)
        .where(Organization.id == organization_id)
        .values(updated_at=Organization.updated_at)  # no change, not even its onupdate
        .execution_options(synchronize_session=False)
    )


def require_room(organization, limit, adding=1):
    """PlanLimit unless the organization may add `adding` more of `limit`; never commits."""
    plan = plan_of(organization)
    if plan.limit(limit) is None:
        return
    lock(organization.id)
    if used(organization.id, limit) + adding > plan.limit(limit):
        db.session.rollback()  # and the lock with it
        raise PlanLimit(limit, plan, organization.id)
