"""Invitations over the API: list, send, resend and revoke them; accept one with its token.

The same services as the organization pages (services/invitations.py). The token is
the last part of the link the email carries; accepting takes the caller, whose address
must be the invited one. A token that cannot be accepted (used, withdrawn, expired,
replaced by a resend, or for another address) is a 422 saying why, and changes nothing.
"""

from flask import g

from capstone.api import bp
from capstone.api import outputs_organizations as out
from capstone.api.auth import token_required
from capstone.api.idempotency import idempotent
from capstone.api.inputs import body
from capstone.api.inputs import paging
from capstone.api.organizations import PATH
from capstone.api.organizations import mine
from capstone.api.schemas_organizations import AcceptIn
from capstone.api.schemas_organizations import InvitationIn
from capstone.api.serialize import dump
from capstone.api.serialize import page_json
from capstone.services import access
from capstone.services import invitation_links
from capstone.services import invitations
from capstone.services.account_links import BadLink
from capstone.services.errors import Invalid
from capstone.services.paging import paginate


def invitation_json(invitation):
    """An open invitation."""
    return dump(out.Invitation, invitation)


def invitation_of(organization_id, invitation_id):
    """An open invitation of an organization the caller belongs to; 404 otherwise."""
    organization = access.organization_for(g.api_user, organization_id)
    return invitations.invitation_in(g.api_user, organization, invitation_id)


@bp.route(f"{PATH}/invitations")
@token_required
def list_invitations(organization_id):
    """The organization's open invitations, newest first (owners and admins)."""
    organization = access.organization_for(g.api_user, organization_id)
    page = paginate(invitations.invitations_for(g.api_user, organization), *paging())
    return page_json("invitations", page, invitation_json)


@bp.route(f"{PATH}/invitations", methods=["POST"])
@token_required
@idempotent
def invite(organization_id):
    """Invite an address with a role (owners and admins; only owners invite owners)."""
    organization = access.organization_for(g.api_user, organization_id)
    access.require_manager(g.api_user, organization)  # 403 before a 422
    data = body(InvitationIn)
    invitation = invitations.invite(g.api_user, organization, **data)  # email, perhaps role
    return invitation_json(invitation), 201


@bp.route(f"{PATH}/invitations/<id:invitation_id>/resend", methods=["POST"])
@token_required
def resend_invitation(organization_id, invitation_id):
    """Send the invitation again with a new link (the old one stops working); 429 if just sent."""
    invitation = invitation_of(organization_id, invitation_id)
    return invitation_json(invitations.resend(g.api_user, invitation))


@bp.route(f"{PATH}/invitations/<id:invitation_id>", methods=["DELETE"])
@token_required
def revoke_invitation(organization_id, invitation_id):
    """Withdraw an invitation: its link stops working."""
    invitations.revoke(g.api_user, invitation_of(organization_id, invitation_id))
    return "", 204


@bp.route("/invitations/accept", methods=["POST"])
@token_required
def accept_invitation():
    """Join the organization an invitation is for, with its role: the organization."""
    try:
        invitation = invitation_links.accept(g.api_user, body(AcceptIn)["token"])
    except BadLink as problem:
        raise Invalid({"token": str(problem)}) from None
    return mine(invitation.organization)
