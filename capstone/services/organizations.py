"""Organizations: the personal one every user has, the teams people create, and joining one.

Every project belongs to an organization and a project's members always belong to its
organization, so "who may see this project" never reaches outside its tenant. Members,
their roles and removals are in services/organization_members.py.
"""

from sqlalchemy import select

from capstone.database import db
from capstone.models import Organization
from capstone.models import OrganizationMember
from capstone.services import access
from capstone.services import limits
from capstone.services.errors import Invalid


def clean_name(name):
    """An organization's name, trimmed; Invalid if it is empty or too long."""
    name = (name or "").strip()
    if not 1 <= len(name) <= 120:
        raise Invalid({"name": "An organization's name has 1 to 120 characters."})
    return name


def add_personal_organization(user):
    """Give a new `user` their personal organization, its owner; never commits.

    Part of making an account (registration, the admin command, test and demo data),
    so that "my own projects" always have an organization to belong to.
    """
    organization = Organization(name=user.username, personal_user=user)
    organization.memberships.append(OrganizationMember(user=user, role="owner"))
    db.session.add(organization)
    return organization


def create_organization(user, name):
    """`user` creates a team organization and is its first owner."""
    organization = Organization(name=clean_name(name))
    organization.memberships.append(OrganizationMember(user=user, role="owner"))
    db.session.add(organization)
    db.session.commit()
    return organization


def rename_organization(user, organization, name):
    """An owner or admin renames a team organization (a personal one is named after its user)."""
    access.require_manager(user, organization)
    if organization.personal:
        raise Invalid({"name": "A personal organization is named after its user."})
    organization.name = clean_name(name)
    db.session.commit()
    return organization


def my_organizations(user):
    """A select() of (organization, role) for the organizations `user` belongs to, by name.

    The personal organization comes first, then the teams by name.
    """
    return (
        select(Organization, OrganizationMember.role)
        .join(OrganizationMember, OrganizationMember.organization_id == Organization.id)
        .where(OrganizationMember.user_id == user.id)
        .order_by(Organization.personal_user_id.is_(None), Organization.name, Organization.id)
    )


def managed_choices(user):
    """[(id, name)] of the organizations where `user` is an owner or admin: where they create."""
    rows = db.session.execute(my_organizations(user)).all()
    return [(org.id, org.name) for org, role in rows if role in access.MANAGERS]


def personal_organization(user):
    """The user's personal organization."""
    return db.session.scalars(
        select(Organization).where(Organization.personal_user_id == user.id)
    ).one()


def enrol(organization, user, role="member"):
    """Make `user` a member of `organization` unless they are one; never commits.

    PlanLimit (402) when the organization's plan allows no more members.
    """
    found = db.session.get(OrganizationMember, (organization.id, user.id))
    if found is None:
        limits.require_room(organization, "members")
        found = OrganizationMember(organization=organization, user=user, role=role)
        db.session.add(found)
    return found
