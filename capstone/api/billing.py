"""An organization's billing over the API: its plan and usage, Checkout and the Portal.

The same services as the billing page (services/billing.py, services/limits.py). The
two POSTs answer with the URL of Stripe's hosted page for the client to open; the
plan changes only when Stripe's webhook says so.
"""

from flask import current_app
from flask import g
from flask import url_for
from werkzeug.exceptions import BadGateway

from capstone import plans
from capstone import stripe_api
from capstone.api import bp
from capstone.api import outputs_billing
from capstone.api.auth import token_required
from capstone.api.serialize import dump
from capstone.services import access
from capstone.services import billing
from capstone.services import limits

PATH = "/organizations/<id:organization_id>/billing"


def billing_json(organization):
    """The organization's plan, its subscription's state, its limits and its usage."""
    plan = limits.plan_of(organization)
    billing_state = {
        "organization_id": organization.id,
        "billing_enabled": plans.billing_enabled(current_app.config),
        "plan": organization.plan,
        "plan_in_force": plan.name,
        "subscription_status": organization.subscription_status,
        "past_due_since": organization.past_due_since,
        "limits": {name: plan.limit(name) for name in plans.LIMITS},
        "usage": limits.usage(organization),
    }
    return dump(outputs_billing.Billing, billing_state)


@bp.route(PATH)
@token_required
def get_billing(organization_id):
    """The organization's plan, limits and usage (its members)."""
    return billing_json(access.organization_for(g.api_user, organization_id))


@bp.route(f"{PATH}/checkout/<plan_name>", methods=["POST"])
@token_required
def start_checkout(organization_id, plan_name):
    """A Stripe Checkout URL to pay for `plan_name` (owners and admins)."""
    organization = access.organization_for(g.api_user, organization_id)
    page = url_for("billing.page", organization_id=organization.id, _external=True)
    try:
        url = billing.start_checkout(g.api_user, organization, plan_name, page, page)
    except stripe_api.StripeError as error:
        raise BadGateway("Stripe could not be reached or refused the request.") from error
    return dump(outputs_billing.HostedPage, {"url": url}), 201


@bp.route(f"{PATH}/portal", methods=["POST"])
@token_required
def open_portal(organization_id):
    """A Stripe Customer Portal URL (owners and admins, once the organization subscribed)."""
    organization = access.organization_for(g.api_user, organization_id)
    page = url_for("billing.page", organization_id=organization.id, _external=True)
    try:
        url = billing.open_portal(g.api_user, organization, page)
    except stripe_api.StripeError as error:
        raise BadGateway("Stripe could not be reached or refused the request.") from error
    return dump(outputs_billing.HostedPage, {"url": url}), 201
