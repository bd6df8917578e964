"""Stripe's webhook: POST /billing/stripe/webhook, verified, then applied once.

Stripe retries an event until it gets a 2xx, for up to three days, so every event that
is genuine is acknowledged with 200, duplicates and unknown types included (the body
says what became of it); only a missing, wrong or old signature, or a body that is not
an event, is a 400, and then nothing has changed. No session cookie, no CSRF token:
the signature is the authentication. With billing off the endpoint does not exist.
"""

from flask import abort
from flask import current_app
from flask import request

from capstone import plans
from capstone import stripe_api
from capstone.billing import bp
from capstone.extensions import csrf
from capstone.services import subscriptions


@bp.route("/stripe/webhook", methods=["POST"])
@csrf.exempt
def stripe_webhook():
    """Verify the Stripe-Signature of the raw body, then apply the event once."""
    if not plans.billing_enabled(current_app.config):
        abort(404)
    try:
        event = stripe_api.verified_event(
            current_app.config, request.get_data(), request.headers.get("Stripe-Signature")
        )
        outcome = subscriptions.apply_event(event)
    except stripe_api.SignatureVerificationError as error:
        current_app.logger.warning("Stripe webhook refused: %s", error)
        return {"error": "bad_signature", "message": "The Stripe-Signature does not match."}, 400
    except (ValueError, KeyError, TypeError):
        return {"error": "bad_request", "message": "The body is not a Stripe event."}, 400
    return {"received": True, "outcome": outcome}
