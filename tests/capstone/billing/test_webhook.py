"""Stripe's webhook: events signed as Stripe signs them, verified by the library in the app.

Each test posts raw bodies with a Stripe-Signature header, as Stripe would, and reads
the organization's row and the outbox afterwards.
"""

import itertools
import json
import time
import urllib.error
import urllib.request

import pytest
from capstone_support.live import at_once
from capstone_support.live import serving
from capstone_support.stand_in_stripe import PRO_PRICE
from capstone_support.stripe_signing import event
from capstone_support.stripe_signing import signature
from capstone_support.stripe_signing import subscription
from sqlalchemy import func
from sqlalchemy import select

from capstone.database import db
from capstone.models import OutboundEmail
from capstone.models import ProcessedEvent

URL = "/billing/stripe/webhook"
DELIVERIES = 12
T = 1_800_000_000  # the events' own times; the signature is made now, whatever they say


@pytest.fixture
def acme(build, make_organization):
    """Organization Acme: owner olive, admin adam, member mia; its id and theirs."""
    ids = {name: build.user(name) for name in ("olive", "adam", "mia")}
    roles = {ids["olive"]: "owner", ids["adam"]: "admin", ids["mia"]: "member"}
    ids["organization"] = make_organization("Acme", roles, stripe_customer_id="cus_acme")
    return ids


def send(client, body, header=None):
    """POST `body` to the webhook, signed now unless `header` is given; (status, JSON)."""
    answer = client.post(
        URL,
        data=body,
        headers={"Stripe-Signature": signature(body) if header is None else header},
        content_type="application/json",
    )
    return answer.status_code, answer.get_json()


def sub_event(kind, status, created, organization_id=None, event_id=None):
    """A customer.subscription.* event for Acme's customer."""
    data = subscription("sub_acme", "cus_acme", status, PRO_PRICE, organization_id)
    return event(kind, data, event_id=event_id, created=created)


def processed(app):
    """How many event ids are stored."""
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(ProcessedEvent))


def test_a_completed_checkout_puts_the_organization_on_its_plan(client, acme, read_organization):
    session = {
        "id": "cs_1",
        "object": "checkout.session",
        "customer": "cus_new",
        "client_reference_id": str(acme["organization"]),
        "payment_status": "paid",
        "metadata": {"price_id": PRO_PRICE},
    }
    organization = read_organization(acme["organization"])
    assert organization.plan == "free"
    assert send(client, event("checkout.session.completed", session, created=T)) == (
        200,
        {"received": True, "outcome": "applied"},
    )
    organization = read_organization(acme["organization"])
    assert (organization.plan, organization.subscription_status) == ("pro", "active")


@pytest.mark.parametrize(
    "header",
    [
        pytest.param(lambda body: signature(body, secret="whsec_other"), id="wrong secret"),
        pytest.param(lambda body: signature(body, timestamp=time.time() - 600), id="old"),
        pytest.param(lambda body: signature(b"{}"), id="another body"),
        pytest.param(lambda body: "", id="missing"),
    ],
)
def test_a_wrong_or_old_signature_is_a_400_and_changes_nothing(
    app, client, acme, read_organization, header
):
    body = sub_event("customer.subscription.created", "active", T)
    status, answer = send(client, body, header(body))
    assert (status, answer["error"]) == (400, "bad_signature")
    assert read_organization(acme["organization"]).plan == "free"
    assert processed(app) == 0


def test_a_signed_body_that_is_not_json_is_a_400(client, acme):
    assert send(client, b"not json")[0] == 400


def test_an_event_delivered_twice_is_applied_once(app, client, acme):
    invoice = {"id": "in_1", "object": "invoice", "customer": "cus_acme"}
    body = event("invoice.payment_failed", invoice, event_id="evt_twice", created=T)
    assert send(client, body)[1]["outcome"] == "applied"
    assert send(client, body) == (200, {"received": True, "outcome": "duplicate"})
    with app.app_context():
        emails = db.session.scalars(select(OutboundEmail.to)).all()
    assert emails == ["olive@example.org"]  # the owner, once; not the admin, not the member
    assert processed(app) == 1


def test_an_unknown_event_type_is_acknowledged_and_changes_nothing(
    app, client, acme, read_organization
):
    body = event("invoice.paid", {"id": "in_1", "object": "invoice", "customer": "cus_acme"})
    assert send(client, body) == (200, {"received": True, "outcome": "ignored"})
    assert read_organization(acme["organization"]).subscription_status is None
    assert processed(app) == 1  # recorded, so a retry is a duplicate


LIFE = [
    ("customer.subscription.created", "incomplete", T),
    ("customer.subscription.updated", "active", T),  # the same second: a step forward
    ("customer.subscription.updated", "past_due", T + 30),
    ("customer.subscription.deleted", "canceled", T + 60),
]


@pytest.mark.parametrize("arrival", list(itertools.permutations(range(len(LIFE)))))
def test_events_in_any_order_end_in_the_newest_state(client, acme, read_organization, arrival):
    for number in arrival:
        send(client, sub_event(*LIFE[number]))
    organization = read_organization(acme["organization"])
    assert (organization.plan, organization.subscription_status) == ("free", "canceled")
    assert organization.past_due_since is None


@pytest.mark.parametrize("arrival", [(0, 1), (1, 0)])
def test_a_subscription_made_and_paid_in_one_second_is_paid_in_either_order(
    client, acme, read_organization, arrival
):
    for number in arrival:
        send(client, sub_event(*LIFE[number]))
    organization = read_organization(acme["organization"])
    assert (organization.plan, organization.subscription_status) == ("pro", "active")


def test_a_late_event_is_recorded_as_stale(client, acme):
    send(client, sub_event("customer.subscription.deleted", "canceled", T + 60))
    late = sub_event("customer.subscription.updated", "active", T)
    assert send(client, late)[1]["outcome"] == "stale"


def test_a_failed_payment_keeps_the_plan_past_due_and_a_payment_ends_it(
    client, acme, read_organization
):
    send(client, sub_event("customer.subscription.created", "active", T))
    invoice = {"id": "in_1", "object": "invoice", "customer": "cus_acme"}
    send(client, event("invoice.payment_failed", invoice, created=T + 10))
    organization = read_organization(acme["organization"])
    assert (organization.plan, organization.subscription_status) == ("pro", "past_due")
    assert organization.past_due_since is not None
    send(client, sub_event("customer.subscription.updated", "active", T + 20))
    organization = read_organization(acme["organization"])
    assert (organization.plan, organization.past_due_since) == ("pro", None)


def test_an_event_for_no_known_organization_is_acknowledged(client, acme):
    data = subscription("sub_x", "cus_stranger", "active", PRO_PRICE)
    body = event("customer.subscription.created", data)
    assert send(client, body) == (200, {"received": True, "outcome": "unknown_organization"})


def test_with_billing_off_there_is_no_webhook(app, client, acme):
    app.config["STRIPE_SECRET_KEY"] = None
    body = sub_event("customer.subscription.created", "active", T)
    assert send(client, body)[0] == 404


def test_one_event_delivered_many_times_at_once_is_applied_once(app, acme):
    invoice = {"id": "in_1", "object": "invoice", "customer": "cus_acme"}
    body = event("invoice.payment_failed", invoice, event_id="evt_at_once", created=T)

    def deliver(number):
        request = urllib.request.Request(f"{base}{URL}", data=body, method="POST")
        request.add_header("Stripe-Signature", signature(body))
        request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return answer.status, json.loads(answer.read())["outcome"]
        except urllib.error.HTTPError as error:
            return error.code, None

    with serving(app) as base:
        answers = at_once(deliver, range(DELIVERIES))
    outcomes = sorted(outcome for _, outcome in answers)
    # One applies it; every other delivery is a duplicate (or on SQLite, turned away by
    # its one writer with a 503, which Stripe retries, and the retry is a duplicate).
    assert outcomes.count("applied") == 1, answers
    assert {answer for answer in answers if answer[1] != "applied"} <= {
        (200, "duplicate"),
        (503, None),
    }
    with app.app_context():
        assert db.session.scalars(select(OutboundEmail.to)).all() == ["olive@example.org"]
