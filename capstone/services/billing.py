"""Billing an organization: its plan and usage, upgrading through Checkout, the Portal.

Owners and admins of an organization manage its billing (access.require_manager); its
other members may see the page's plan and usage; anyone else gets 404
(access.organization_for), as for everything in an organization. The calls to Stripe
go through capstone/stripe_api.py; what Stripe later says about the subscription
arrives by webhook (services/subscriptions.py), so nothing here changes the plan: a
Checkout Session begun is not a payment made.
"""

from flask import current_app
from sqlalchemy import func
from sqlalchemy import select
from werkzeug.exceptions import Conflict
from werkzeug.exceptions import NotFound

from capstone import plans
from capstone import stripe_api
from capstone.database import db
from capstone.models import Organization
from capstone.models import OrganizationMember
from capstone.models import Project
from capstone.services import access
from capstone.services.limits import lock


def require_billing():
    """Conflict when billing is off: there is nothing to pay for."""
    if not plans.billing_enabled(current_app.config):
        raise Conflict("Billing is off on this site: every organization is unlimited.")


def customer_of(organization, email):
    """The organization's Stripe customer id, created the first time; commits it.

    Two first upgrades at once: the row lock makes the second wait, then find the
    first one's customer; stripe_api's idempotency key makes Stripe agree.
    """
    if organization.stripe_customer_id is None:
        lock(organization.id)
        db.session.refresh(organization)
    if organization.stripe_customer_id is None:
        organization.stripe_customer_id = stripe_api.create_customer(
            current_app.config, organization.id, organization.name, email
        )
    db.session.commit()
    return organization.stripe_customer_id


def start_checkout(user, organization, plan_name, success_url, cancel_url):
    """A manager begins paying for `plan_name`: the URL of Stripe Checkout to send them to."""
    access.require_manager(user, organization)
    require_billing()
    config = current_app.config
    plan = config["PLANS"].get(plan_name)
    if plan is None or plan.price_setting is None:
        raise NotFound()
    customer = customer_of(organization, user.email)
    return stripe_api.checkout_url(
        config, customer, config[plan.price_setting], organization.id, success_url, cancel_url
    )


def open_portal(user, organization, return_url):
    """A manager opens Stripe's Customer Portal: its URL; Conflict before any upgrade."""
    access.require_manager(user, organization)
    require_billing()
    if organization.stripe_customer_id is None:
        raise Conflict("This organization has never subscribed: upgrade it first.")
    return stripe_api.portal_url(current_app.config, organization.stripe_customer_id, return_url)


def organizations_overview():
    """A select() of every organization with its member and project counts, by name.

    For the admin, who sees each organization's plan and subscription status.
    """
    members = select(func.count()).where(OrganizationMember.organization_id == Organization.id)
    projects = select(func.count(Project.id)).where(Project.organization_id == Organization.id)
    return select(
        Organization,
        members.correlate(Organization).scalar_subquery(),
        projects.correlate(Organization).scalar_subquery(),
    ).order_by(func.lower(Organization.name), Organization.id)
