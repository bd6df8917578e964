"""capstone/stripe_api.py against the stand-in for Stripe's API and independently signed events.

Each call goes through the real `stripe` library; the stand-in checks the parameters
as Stripe would and the tests read what was sent.
"""

import json
import time

import pytest
from capstone_support import stand_in_stripe
from capstone_support.stripe_signing import event
from capstone_support.stripe_signing import signature

from capstone import stripe_api
from capstone.config import Config


@pytest.fixture
def config(billing_settings):
    """Settings as the app would have them, billing on."""
    return {"PLANS": Config.PLANS, **billing_settings}


def test_a_customer_is_created_with_the_organization_in_its_metadata(config, stripe):
    customer = stripe_api.create_customer(config, 7, "Acme", "owner@example.com")
    [request] = stripe.requests
    assert request.params == {
        "name": "Acme",
        "email": "owner@example.com",
        "metadata": {"organization_id": "7"},
    }
    assert request.headers["Idempotency-Key"] == "organization-7-customer"
    assert stripe.customers[customer]["object"] == "customer"


def test_checkout_subscribes_the_customer_with_the_organization_as_reference(config, stripe):
    customer = stripe_api.create_customer(config, 7, "Acme", "owner@example.com")
    url = stripe_api.checkout_url(
        config, customer, stand_in_stripe.PRO_PRICE, 7, "http://x/ok", "http://x/no"
    )
    [params] = stripe.calls("/v1/checkout/sessions")
    assert params == {
        "mode": "subscription",
        "customer": customer,
        "client_reference_id": "7",
        "line_items": [{"price": stand_in_stripe.PRO_PRICE, "quantity": "1"}],
        "metadata": {"price_id": stand_in_stripe.PRO_PRICE},
        "subscription_data": {"metadata": {"organization_id": "7"}},
        "success_url": "http://x/ok",
        "cancel_url": "http://x/no",
    }
    assert url.startswith(f"{stripe.url}/pay/cs_")


def test_the_stand_in_refuses_what_stripe_refuses(config, stripe):
    with pytest.raises(stripe_api.StripeError, match="No such customer: 'cus_nobody'"):
        stripe_api.checkout_url(
            config, "cus_nobody", stand_in_stripe.PRO_PRICE, 7, "http://x", "http://x"
        )
    customer = stripe_api.create_customer(config, 7, "Acme", "owner@example.com")
    with pytest.raises(stripe_api.StripeError, match="No such price: 'price_other'"):
        stripe_api.checkout_url(config, customer, "price_other", 7, "http://x", "http://x")
    with pytest.raises(stripe_api.StripeError, match="Invalid API Key"):
        stripe_api.create_customer(
            {**config, "STRIPE_SECRET_KEY": "sk_test_wrong"}, 7, "A", "a@b.c"
        )


def test_the_portal_opens_for_a_known_customer(config, stripe):
    customer = stripe_api.create_customer(config, 7, "Acme", "owner@example.com")
    url = stripe_api.portal_url(config, customer, "http://x/billing")
    assert stripe.calls("/v1/billing_portal/sessions") == [
        {"customer": customer, "return_url": "http://x/billing"}
    ]
    assert url.startswith(f"{stripe.url}/portal/bps_")


def test_a_signed_event_is_verified_by_the_library(config):
    body = event("customer.subscription.updated", {"id": "sub_1", "object": "subscription"})
    verified = stripe_api.verified_event(config, body, signature(body))
    assert verified == json.loads(body)


@pytest.mark.parametrize(
    "header",
    [
        pytest.param(lambda body: signature(body, secret="whsec_another"), id="another secret"),
        pytest.param(lambda body: signature(body + b" "), id="another body"),
        pytest.param(lambda body: signature(body, timestamp=time.time() - 301), id="too old"),
        pytest.param(lambda body: "", id="no header"),
        pytest.param(lambda body: "t=abc,v1=zz", id="garbled"),
    ],
)
def test_a_wrong_or_old_signature_is_refused(config, header):
    body = event("customer.subscription.updated", {"id": "sub_1"})
    with pytest.raises(stripe_api.SignatureVerificationError):
        stripe_api.verified_event(config, body, header(body))
