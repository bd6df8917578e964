"""The buttons of an organization's page: rename, change a role, remove, resend, revoke.

Each answers 404 outside the organization, lets the service refuse (403, or 409 for
the last owner, shown on the error page with its reason), and goes back to the page.
"""

from functools import partial

from flask import flash
from flask import redirect
from flask import url_for
from flask_login import current_user
from flask_login import login_required

from capstone.forms import OrganizationForm
from capstone.forms import RoleForm
from capstone.organizations import bp
from capstone.services import access
from capstone.services import invitations
from capstone.services import organization_members
from capstone.services import organizations
from capstone.services.errors import Invalid


def back(organization, message, category="success"):
    """Flash `message` and go back to the organization's page (303)."""
    flash(message, category)
    return redirect(url_for("organizations.settings", organization_id=organization.id), 303)


def attempt(organization, change, message):
    """Make `change()`; back to the page with `message`, or with what the service found wrong."""
    try:
        change()
    except Invalid as invalid:
        return back(organization, next(iter(invalid.fields.values())), "error")
    return back(organization, message)


@bp.route("/<id:organization_id>/rename", methods=["POST"])
@login_required
def rename(organization_id):
    """Rename a team organization (owners and admins)."""
    organization = access.organization_for(current_user, organization_id)
    name = OrganizationForm().name.data
    rename = partial(organizations.rename_organization, current_user, organization, name)
    return attempt(organization, rename, "Organization renamed.")


@bp.route("/<id:organization_id>/members/<id:user_id>/role", methods=["POST"])
@login_required
def change_role(organization_id, user_id):
    """Change a member's role (owners and admins; only owners for the owner role)."""
    organization = access.organization_for(current_user, organization_id)
    role = RoleForm().role.data
    change = partial(organization_members.change_role, current_user, organization, user_id, role)
    return attempt(organization, change, "Role changed.")


@bp.route("/<id:organization_id>/members/<id:user_id>/remove", methods=["POST"])
@login_required
def remove_member(organization_id, user_id):
    """Remove a member, or leave (yourself): out of the organization and its projects."""
    organization = access.organization_for(current_user, organization_id)
    try:
        organization_members.remove_member(current_user, organization, user_id)
    except Invalid as invalid:
        return back(organization, next(iter(invalid.fields.values())), "error")
    if user_id == current_user.id:
        flash(f"You left {organization.name}.", "info")
        return redirect(url_for("organizations.index"), 303)
    return back(organization, "Member removed.", "info")


@bp.route("/<id:organization_id>/invitations/<id:invitation_id>/resend", methods=["POST"])
@login_required
def resend(organization_id, invitation_id):
    """Send an invitation again with a new link (at most every few minutes: 429)."""
    organization = access.organization_for(current_user, organization_id)
    invitation = invitations.invitation_in(current_user, organization, invitation_id)
    invitations.resend(current_user, invitation)
    return back(organization, f"Invitation sent again to {invitation.email}.")


@bp.route("/<id:organization_id>/invitations/<id:invitation_id>/revoke", methods=["POST"])
@login_required
def revoke(organization_id, invitation_id):
    """Withdraw an invitation: its link stops working."""
    organization = access.organization_for(current_user, organization_id)
    invitation = invitations.invitation_in(current_user, organization, invitation_id)
    invitations.revoke(current_user, invitation)
    return back(organization, f"Invitation to {invitation.email} withdrawn.", "info")
