"""Organization pages: mine, a new one, and one organization's members and invitations.

Everything under /organizations/<id> answers 404 to anyone outside the organization
(access.organization_for); the services refuse what a member may not do (403). The
buttons on the organization's page post to actions.py.
"""

from flask import flash
from flask import redirect
from flask import render_template
from flask import url_for
from flask_login import current_user
from flask_login import login_required

from capstone.database import db
from capstone.forms import InvitationForm
from capstone.forms import OrganizationForm
from capstone.forms import RoleForm
from capstone.models.base import utcnow
from capstone.organizations import bp
from capstone.services import access
from capstone.services import invitations
from capstone.services import organizations
from capstone.services.errors import Invalid
from capstone.services.errors import Taken
from capstone.services.organization_members import members_of
from capstone.web import render_form
from capstone.web import show_errors


def to_settings(organization):
    """A 303 to the organization's page."""
    return redirect(url_for("organizations.settings", organization_id=organization.id), 303)


@bp.route("/")
@login_required
def index():
    """The organizations I belong to, with my role in each."""
    mine = db.session.execute(organizations.my_organizations(current_user)).all()
    return render_template("organizations/index.html", organizations=mine)


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    """Create an organization; its creator is its first owner."""
    form = OrganizationForm()
    if form.validate_on_submit():
        try:
            organization = organizations.create_organization(current_user, form.name.data)
        except Invalid as invalid:
            show_errors(form, invalid)
        else:
            flash(f"Organization {organization.name} created.", "success")
            return to_settings(organization)
    return render_form("organizations/new.html", form)


@bp.route("/<id:organization_id>", methods=["GET", "POST"])
@login_required
def settings(organization_id):
    """The organization: its name, members with roles, open invitations; invite (POST)."""
    organization = access.organization_for(current_user, organization_id)
    form = InvitationForm()
    if form.is_submitted():
        access.require_manager(current_user, organization)  # 403 before a bad form's 400
    if form.validate_on_submit():
        try:
            invitations.invite(current_user, organization, form.email.data, form.role.data)
        except (Invalid, Taken) as problem:
            show_errors(form, problem)
        else:
            flash(f"Invitation sent to {form.email.data.strip()}.", "success")
            return to_settings(organization)
    return render_form(
        "organizations/settings.html",
        form,
        organization=organization,
        my_role=access.role_in(current_user, organization),
        members=db.session.execute(members_of(organization)).all(),
        invitations=db.session.scalars(invitations.open_invitations(organization)).all(),
        role_form=RoleForm(),
        now=utcnow(),
    )
