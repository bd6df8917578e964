"""Stripe's API through the `stripe` library: customers, Checkout, the Portal, webhooks.

The one module that talks to Stripe, as mail_transport.py is the one that talks SMTP:
the billing service calls these functions with the app's settings and stores what
they return. Every call goes through a `stripe.StripeClient` made from the settings;
STRIPE_API_BASE points it at another server (the tests' stand-in for Stripe), so the
library's own encoding and parsing always run. Webhook payloads are checked with the
library's own verification (`construct_event`): the Stripe-Signature header must be an
HMAC of the exact raw body with STRIPE_WEBHOOK_SECRET, made less than
WEBHOOK_TOLERANCE_SECONDS ago, so a replayed old event is refused.

In production you might also set an API version on the client and on the webhook
endpoint, so that a Stripe upgrade cannot change the shapes read here.
"""

from urllib.parse import urlsplit

import stripe

# Where Stripe's hosted Checkout and Customer Portal pages are served.
HOSTED_PAGES = ("https://checkout.stripe.com", "https://billing.stripe.com")
WEBHOOK_TOLERANCE_SECONDS = 300  # Stripe's own default: five minutes
NETWORK_RETRIES = 2  # the library retries with the same Idempotency-Key, so no doubles

# What a verification failure or an API failure raises, for the callers to catch.
SignatureVerificationError = stripe.SignatureVerificationError
StripeError = stripe.StripeError


def client(config):
    """A StripeClient with the app's key, pointed at STRIPE_API_BASE when it is set."""
    addresses = {"api": config["STRIPE_API_BASE"]} if config.get("STRIPE_API_BASE") else None
    return stripe.StripeClient(
        config["STRIPE_SECRET_KEY"],
        base_addresses=addresses,
        max_network_retries=NETWORK_RETRIES,
    )


def page_origins(config):
    """The origins a browser is sent to for Checkout and the Portal.

    Stripe's own, and with STRIPE_API_BASE the origin of that server too (a stand-in for
    Stripe serves its hosted pages where it serves its API).
    """
    if not config.get("STRIPE_API_BASE"):
        return HOSTED_PAGES
    address = urlsplit(config["STRIPE_API_BASE"])
    return (*HOSTED_PAGES, f"{address.scheme}://{address.netloc}")


def create_customer(config, organization_id, name, email):
    """A new Stripe customer for the organization; its id (cus_...).

    The idempotency key names the organization, so a retried request, or a second
    upgrade racing the first, gets the same customer from Stripe rather than a second.
    """
    customer = client(config).v1.customers.create(
        params={
            "name": name,
            "email": email,
            "metadata": {"organization_id": str(organization_id)},
        },
        options={"idempotency_key": f"organization-{organization_id}-customer"},
    )
    return customer.id


def checkout_url(config, customer_id, price_id, organization_id, success_url, cancel_url):
    """Where to send the browser to subscribe `customer_id` to `price_id` (Stripe Checkout)."""
    reference = str(organization_id)
    session = client(config).v1.checkout.sessions.create(
        params={
            "mode": "subscription",
            "customer": customer_id,
            "client_reference_id": reference,
            "line_items": [{"price": price_id, "quantity": 1}],
            # Checkout's events carry the session, not its line items: the price rides along.
            "metadata": {"price_id": price_id},
            # Read back from the subscription's events, which carry no client_reference_id.
            "subscription_data": {"metadata": {"organization_id": reference}},
            "success_url": success_url,
            "cancel_url": cancel_url,
        }
    )
    return session.url


def portal_url(config, customer_id, return_url):
    """Where to send the browser to manage `customer_id`'s subscription (the Customer Portal)."""
    session = client(config).v1.billing_portal.sessions.create(
        params={"customer": customer_id, "return_url": return_url}
    )
    return session.url


def verified_event(config, payload, signature_header):
    """The event in `payload` (the raw body, bytes) as a dict, once its signature checks out.

    Raises SignatureVerificationError for a missing, wrong or old signature and
    ValueError for a body that is not JSON.
    """
    event = client(config).construct_event(
        payload,
        signature_header,
        config["STRIPE_WEBHOOK_SECRET"],
        tolerance=WEBHOOK_TOLERANCE_SECONDS,
    )
    return event.to_dict()
