"""Organizations and their members over the API: the same services as the organization pages.

Everything under /organizations/<id> answers 404 to anyone outside the organization
(access.organization_for); the services refuse what a member may not do (403), and
the last owner stays (409). Invitations are in api/invitations.py.
"""

from flask import g

from capstone.api import bp
from capstone.api import outputs_organizations as out
from capstone.api.auth import token_required
from capstone.api.idempotency import idempotent
from capstone.api.inputs import body
from capstone.api.inputs import paging
from capstone.api.schemas_organizations import OrganizationIn
from capstone.api.schemas_organizations import OrganizationRoleIn
from capstone.api.serialize import dump
from capstone.api.serialize import page_json
from capstone.services import access
from capstone.services import organization_members
from capstone.services import organizations
from capstone.services.paging import paginate

PATH = "/organizations/<id:organization_id>"


def organization_json(organization, role):
    """An organization, with the caller's `role` in it."""
    fields = ("id", "name", "personal", "created_at")
    return dump(out.Organization, {"role": role, **{f: getattr(organization, f) for f in fields}})


def mine(organization):
    """The organization as the caller sees it, with their role."""
    return organization_json(organization, access.role_in(g.api_user, organization))


def member_json(user, role):
    """A member and their role."""
    return dump(
        out.OrganizationMember, {"user_id": user.id, "username": user.username, "role": role}
    )


@bp.route("/organizations")
@token_required
def list_organizations():
    """The organizations the caller belongs to: the personal one first, then by name."""
    page = paginate(organizations.my_organizations(g.api_user), *paging(), rows=True)
    return page_json("organizations", page, lambda row: organization_json(*row))


@bp.route("/organizations", methods=["POST"])
@token_required
@idempotent
def create_organization():
    """Create a team organization; the caller is its first owner."""
    organization = organizations.create_organization(g.api_user, body(OrganizationIn)["name"])
    return mine(organization), 201


@bp.route(PATH)
@token_required
def get_organization(organization_id):
    """One organization (its members, and site admins)."""
    return mine(access.organization_for(g.api_user, organization_id))


@bp.route(PATH, methods=["PATCH"])
@token_required
def rename_organization(organization_id):
    """Rename a team organization (owners and admins)."""
    organization = access.organization_for(g.api_user, organization_id)
    access.require_manager(g.api_user, organization)  # 403 before a 422
    name = body(OrganizationIn)["name"]
    return mine(organizations.rename_organization(g.api_user, organization, name))


@bp.route(f"{PATH}/members")
@token_required
def list_organization_members(organization_id):
    """The organization's members with their roles, by username."""
    organization = access.organization_for(g.api_user, organization_id)
    page = paginate(organization_members.members_of(organization), *paging(), rows=True)
    return page_json("members", page, lambda row: member_json(*row))


@bp.route(f"{PATH}/members/<id:user_id>", methods=["PATCH"])
@token_required
def change_organization_role(organization_id, user_id):
    """Change a member's role (owners and admins; only owners for the owner role)."""
    organization = access.organization_for(g.api_user, organization_id)
    access.require_manager(g.api_user, organization)  # 403 before a 422
    role = body(OrganizationRoleIn)["role"]
    member = organization_members.change_role(g.api_user, organization, user_id, role)
    return member_json(member.user, member.role)


@bp.route(f"{PATH}/members/<id:user_id>", methods=["DELETE"])
@token_required
def remove_organization_member(organization_id, user_id):
    """Remove a member (owners and admins), or leave (yourself): out of its projects too."""
    organization = access.organization_for(g.api_user, organization_id)
    organization_members.remove_member(g.api_user, organization, user_id)
    return "", 204
