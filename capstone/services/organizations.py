"""Organizations: the personal one every user has, teams, and their members' roles."""

from sqlalchemy import select

from capstone.database import db
from capstone.models import Organization
from capstone.models import OrganizationMember
from capstone.services import limits


def add_personal_organization(user):
    """Give a new `user` their personal organization, its owner; never commits.

    Part of making an account (registration, the admin command, test and demo data),
    so that "my own projects" always have an organization to belong to.
    """
    organization = Organization(name=user.username, personal_user=user)
    organization.memberships.append(OrganizationMember(user=user, role="owner"))
    db.session.add(organization)
    return organization


def personal_organization(user):
    """The user's personal organization."""
    return db.session.scalars(
        select(Organization).where(Organization.personal_user_id == user.id)
    ).one()


def membership(organization, user):
    """The user's OrganizationMember row in `organization`, or None."""
    return db.session.get(OrganizationMember, (organization.id, user.id))


def enrol(organization, user, role="member"):
    """Make `user` a member of `organization` unless they are one; never commits.

    PlanLimit (402) when the organization's plan allows no more members.
    """
    found = membership(organization, user)
    if found is None:
        limits.require_room(organization, "members")
        found = OrganizationMember(organization=organization, user=user, role=role)
        db.session.add(found)
    return found
