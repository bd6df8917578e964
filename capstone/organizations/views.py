"""The invitation page: what an invitation's link opens, and accepting it.

GET shows the invitation, or the one reason it cannot be accepted (400, nothing
changed). Accepting is a POST from that page, so a link preview or a mail scanner
fetching the URL joins nobody; someone logged out is asked to log in or register
with the invited address, and comes back to the same page.
"""

from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_login import current_user

from capstone.organizations import bp
from capstone.services import invitation_links
from capstone.services.account_links import BadLink


def refused(problem):
    """The page of a link that cannot be accepted, saying why."""
    return render_template("organizations/bad_invitation.html", message=str(problem)), 400


@bp.route("/invitations/<token>", methods=["GET", "POST"])
def invitation(token):
    """Show an invitation; accept it (POST) as the logged-in user with the invited address."""
    try:
        found = invitation_links.read_invitation(token)
        if request.method == "POST" and current_user.is_authenticated:
            accepted = invitation_links.accept(current_user, token)
            organization = accepted.organization
            flash(f"You joined {organization.name} as {accepted.role}.", "success")
            return redirect(url_for("organizations.settings", organization_id=organization.id), 303)
    except BadLink as problem:
        return refused(problem)
    here = url_for("organizations.invitation", token=token)
    return render_template("organizations/invitation.html", invitation=found, here=here)
