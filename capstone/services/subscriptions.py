"""Stripe's webhook events applied to organizations: once each, and never out of order.

`apply_event(event)` takes a verified event (stripe_api.verified_event) and answers
what became of it, one of OUTCOMES. The event's id goes into processed_event in the
same transaction as the change it makes, with INSERT ... ON CONFLICT DO NOTHING: of
two deliveries of one event, at the same moment or a day apart, exactly one inserts
the id and acts; the other is told "duplicate" and changes nothing.

Stripe promises no order, so the organization keeps the time of the newest event it
applied (`subscription_event_at`): an older event is recorded and ignored ("stale").
Events of the same second are ordered by how far along a subscription's life their
status is (STATUS_ORDER), since a subscription moves forward within one second
(incomplete, then active), never back. The plan comes from the subscription's state in
the event (plans.plan_for_subscription), not from the event's type.
"""

from flask import current_app
from sqlalchemy import select

from capstone import plans
from capstone.database import db
from capstone.models import Organization
from capstone.models import OrganizationMember
from capstone.models import ProcessedEvent
from capstone.models.base import utcnow
from capstone.services import outbox
from capstone.services.limits import lock
from capstone.services.stripe_events import state_of

OUTCOMES = ("applied", "duplicate", "stale", "ignored", "unknown_organization")
STATUS_ORDER = (
    "incomplete",
    "trialing",
    "active",
    "past_due",
    "unpaid",
    "paused",
    "canceled",
    "incomplete_expired",
)


def apply_event(event):
    """Apply one verified Stripe event (a dict); its outcome, one of OUTCOMES. Commits."""
    first = db.insert_unless_taken(ProcessedEvent, id=event["id"], type=event["type"])
    if first is None:
        db.session.rollback()
        return "duplicate"
    state = state_of(event)
    outcome = "ignored" if state is None else apply_state(state)
    db.session.commit()
    return outcome


def organization_of(state):
    """The organization a state is about: by the id the event names, or by its customer."""
    if state.organization_id is not None:
        organization = db.session.get(Organization, state.organization_id)
        if organization is not None:
            return organization
    if state.customer_id is None:
        return None
    return db.session.scalars(
        select(Organization).where(Organization.stripe_customer_id == state.customer_id)
    ).first()


def order(created, status):
    """Where a subscription state stands among others: its time, then its status's place."""
    place = STATUS_ORDER.index(status) if status in STATUS_ORDER else -1
    return (created, place)


def apply_state(state):
    """Put the organization the state names in that state, unless it knows a newer one."""
    organization = organization_of(state)
    if organization is None:
        current_app.logger.warning("Stripe event %s names no organization", state.event_id)
        return "unknown_organization"
    lock(organization.id)  # two events for one organization at once: one after the other
    db.session.refresh(organization)
    if organization.subscription_event_at is not None:
        known = order(organization.subscription_event_at, organization.subscription_status)
        if order(state.created, state.status) < known:
            return "stale"
    if organization.stripe_customer_id is None and state.customer_id:
        organization.stripe_customer_id = state.customer_id
    if not state.payment_failed:  # an invoice carries no price: the plan stays
        config = current_app.config
        organization.plan = plans.plan_for_subscription(config, state.status, state.price_id).name
    organization.subscription_status = state.status
    organization.subscription_event_at = state.created
    if state.status != "past_due":
        organization.past_due_since = None
    elif organization.past_due_since is None:
        organization.past_due_since = utcnow()
        tell_owners(organization, state.event_id)
    return "applied"


def tell_owners(organization, event_id):
    """Email each owner that a payment failed and until when the plan holds; never commits."""
    owners = db.session.scalars(
        select(OrganizationMember).where(
            OrganizationMember.organization_id == organization.id,
            OrganizationMember.role == "owner",
        )
    ).all()
    days = current_app.config["BILLING_GRACE_DAYS"]
    fallback = current_app.config["PLANS"][plans.DEFAULT_PLAN].title
    link = outbox.external_url("billing.page", organization_id=organization.id)
    for owner in owners:
        outbox.queue_email(
            f"payment-failed:{event_id}:{owner.user_id}",
            owner.user.email,
            f"Payment failed for {organization.name}",
            "email/payment_failed.txt",
            organization=organization,
            user=owner.user,
            days=days,
            fallback=fallback,
            link=link,
        )
