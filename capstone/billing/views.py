"""The billing page of an organization: plan, usage, upgrade (Checkout), manage (Portal).

The buttons are forms posted here (with their CSRF token), and each answers with a
303 to Stripe's hosted page: the browser goes to Stripe, pays or changes the card,
and comes back to this page. What it bought arrives later, by webhook.
"""

from flask import current_app
from flask import flash
from flask import redirect
from flask import render_template
from flask import url_for
from flask_login import current_user
from flask_login import login_required

from capstone import plans
from capstone import security
from capstone import stripe_api
from capstone.billing import bp
from capstone.services import access
from capstone.services import billing
from capstone.services import limits


@bp.route("/<id:organization_id>")
@login_required
def page(organization_id):
    """The organization's plan, what it uses of each limit, and the billing buttons."""
    organization = access.organization_for(current_user, organization_id)
    page = render_template(
        "billing/page.html",
        organization=organization,
        manager=access.role_in(current_user, organization) in access.MANAGERS,
        enabled=plans.billing_enabled(current_app.config),
        plan=limits.plan_of(organization),
        plans=current_app.config["PLANS"],
        usage=limits.usage(organization),
        limits=plans.LIMITS,
    )
    origins = stripe_api.page_origins(current_app.config)
    return page, {"Content-Security-Policy": security.policy_posting_to(*origins)}


@bp.route("/<id:organization_id>/upgrade/<plan_name>", methods=["POST"])
@login_required
def upgrade(organization_id, plan_name):
    """Send a manager to Stripe Checkout to pay for `plan_name`."""
    organization = access.organization_for(current_user, organization_id)
    here = url_for("billing.page", organization_id=organization.id, _external=True)
    try:
        url = billing.start_checkout(
            current_user, organization, plan_name, f"{here}?upgraded=1", here
        )
    except stripe_api.StripeError as error:
        return stripe_failed(organization, error)
    return redirect(url, code=303)


@bp.route("/<id:organization_id>/portal", methods=["POST"])
@login_required
def portal(organization_id):
    """Send a manager to Stripe's Customer Portal (card, invoices, cancelling)."""
    organization = access.organization_for(current_user, organization_id)
    here = url_for("billing.page", organization_id=organization.id, _external=True)
    try:
        url = billing.open_portal(current_user, organization, here)
    except stripe_api.StripeError as error:
        return stripe_failed(organization, error)
    return redirect(url, code=303)


def stripe_failed(organization, error):
    """Back to the billing page with a message: Stripe refused or could not be reached."""
    current_app.logger.warning("Stripe call failed for organization %s: %s", organization.id, error)
    flash("Stripe could not be reached or refused the request; nothing was charged.", "error")
    return redirect(url_for("billing.page", organization_id=organization.id), code=303)
