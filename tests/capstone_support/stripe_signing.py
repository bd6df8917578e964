"""Webhook events signed as Stripe signs them, for the capstone to verify with `stripe`.

Stripe sends `Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256>`, the HMAC of
"<unix time>.<raw body>" keyed with the endpoint's signing secret (whsec_...):
https://docs.stripe.com/webhooks#verify-manually. This is written from that page, not
taken from the library, so the library's verification in the app checks an independent
signer. `event` builds the envelope every event has around the object it carries.
"""

import hashlib
import hmac
import json
import time
from itertools import count

WEBHOOK_SECRET = "whsec_stand_in_signing_secret"
EVENT_NUMBERS = count(1)


def signature(body, secret=WEBHOOK_SECRET, timestamp=None):
    """The Stripe-Signature header for the raw `body` (bytes), signed at `timestamp`."""
    timestamp = int(time.time()) if timestamp is None else int(timestamp)
    signed = f"{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def event(kind, data_object, event_id=None, created=None):
    """An event of type `kind` carrying `data_object`, as JSON bytes, in Stripe's envelope."""
    return json.dumps(
        {
            "id": event_id or f"evt_test{next(EVENT_NUMBERS):06d}",
            "object": "event",
            "api_version": "2025-01-27.acacia",
            "created": int(time.time()) if created is None else created,
            "type": kind,
            "livemode": False,
            "pending_webhooks": 1,
            "request": {"id": None, "idempotency_key": None},
            "data": {"object": data_object},
        }
    ).encode()


def subscription(subscription_id, customer, status, price, organization_id=None):
    """A Subscription object in the shape of Stripe's API reference."""
    return {
        "id": subscription_id,
        "object": "subscription",
        "customer": customer,
        "status": status,
        "metadata": {"organization_id": str(organization_id)} if organization_id else {},
        "items": {
            "object": "list",
            "data": [
                {
                    "id": f"si_{subscription_id}",
                    "object": "subscription_item",
                    "price": {"id": price, "object": "price"},
                    "quantity": 1,
                }
            ],
        },
    }
