"""Reading Stripe's events into subscription states (capstone/services/stripe_events.py)."""

import json

from capstone_support.stripe_signing import event
from capstone_support.stripe_signing import subscription

from capstone.services.stripe_events import SubscriptionState
from capstone.services.stripe_events import state_of


def read(kind, data_object, created=1_800_000_000):
    """The state of an event of `kind` about `data_object`, as the webhook would read it."""
    return state_of(json.loads(event(kind, data_object, event_id="evt_1", created=created)))


def test_a_subscription_event_gives_its_status_price_and_organization():
    sub = subscription("sub_1", "cus_1", "active", "price_pro", organization_id=4)
    assert read("customer.subscription.updated", sub) == SubscriptionState(
        event_id="evt_1",
        created=1_800_000_000,
        customer_id="cus_1",
        organization_id=4,
        status="active",
        price_id="price_pro",
    )


def test_the_status_comes_from_the_subscription_not_the_events_type():
    sub = subscription("sub_1", "cus_1", "canceled", "price_pro")
    assert read("customer.subscription.updated", sub).status == "canceled"
    sub = subscription("sub_1", "cus_1", "incomplete", "price_pro")
    assert read("customer.subscription.created", sub).status == "incomplete"


def test_a_completed_checkout_names_the_organization_by_its_reference():
    session = {
        "id": "cs_1",
        "object": "checkout.session",
        "customer": "cus_1",
        "client_reference_id": "4",
        "payment_status": "paid",
        "subscription": "sub_1",
        "metadata": {"price_id": "price_pro"},
    }
    state = read("checkout.session.completed", session)
    assert (state.organization_id, state.status, state.price_id) == (4, "active", "price_pro")
    unpaid = read("checkout.session.completed", session | {"payment_status": "unpaid"})
    assert unpaid.status == "incomplete"
    forged = read("checkout.session.completed", session | {"client_reference_id": "4 OR 1"})
    assert forged.organization_id is None


def test_a_failed_payment_is_past_due_for_the_customer():
    invoice = {"id": "in_1", "object": "invoice", "customer": "cus_1", "status": "open"}
    state = read("invoice.payment_failed", invoice)
    assert (state.customer_id, state.status, state.payment_failed) == ("cus_1", "past_due", True)
    assert state.organization_id is None and state.price_id is None


def test_other_event_types_say_nothing():
    assert read("invoice.paid", {"id": "in_1", "object": "invoice"}) is None
    assert read("customer.created", {"id": "cus_1", "object": "customer"}) is None
