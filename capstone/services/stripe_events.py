"""What a Stripe event says about an organization's subscription, read from the event alone.

Stripe sends events at least once and in no promised order, so the billing service
never derives a plan from an event's type ("updated" does not mean "upgraded"): each
event is read into a SubscriptionState, the subscription's status as the event shows
it, with the time the event was made. The service applies a state only if it is not
older than the last one it applied, so a late event cannot undo a newer one.

The events read, and what each carries (https://docs.stripe.com/api/events/types):

| event type                      | object           | status taken from                  |
|---------------------------------|------------------|------------------------------------|
| checkout.session.completed      | checkout.session | payment_status: paid -> "active"   |
|   (price: the session's metadata, set by stripe_api.checkout_url)                      |
| customer.subscription.created   | subscription     | status                             |
| customer.subscription.updated   | subscription     | status                             |
| customer.subscription.deleted   | subscription     | status ("canceled")                |
| invoice.payment_failed          | invoice          | "past_due", as Stripe then marks it |

Any other type is None: acknowledged, and nothing changes.
"""

from dataclasses import dataclass

SUBSCRIPTION_EVENTS = (
    "customer.subscription.created",
    "customer.subscription.updated",
    "customer.subscription.deleted",
)
CHECKOUT_COMPLETED = "checkout.session.completed"
PAYMENT_FAILED = "invoice.payment_failed"
HANDLED = (CHECKOUT_COMPLETED, *SUBSCRIPTION_EVENTS, PAYMENT_FAILED)


@dataclass(frozen=True)
class SubscriptionState:
    """A subscription as one event shows it, and whose it is.

    `organization_id` is the organization the event names (Checkout's
    client_reference_id, the subscription's metadata), or None: then the customer
    finds it. `price_id` is None where the event does not carry the price (invoices):
    the organization keeps the plan it has.
    """

    event_id: str
    created: int
    customer_id: str | None
    organization_id: int | None
    status: str
    price_id: str | None = None
    payment_failed: bool = False


def state_of(event):
    """The SubscriptionState that `event` (a verified event, as a dict) shows, or None."""
    kind = event.get("type")
    if kind not in HANDLED:
        return None
    item = event["data"]["object"]
    known = {"event_id": event["id"], "created": int(event["created"])}
    known["customer_id"] = item.get("customer")
    if kind == CHECKOUT_COMPLETED:
        paid = item.get("payment_status") in ("paid", "no_payment_required")
        reference = item.get("client_reference_id")
        return SubscriptionState(
            **known,
            organization_id=number(reference),
            status="active" if paid else "incomplete",
            price_id=(item.get("metadata") or {}).get("price_id"),
        )
    if kind == PAYMENT_FAILED:
        return SubscriptionState(
            **known, organization_id=None, status="past_due", payment_failed=True
        )
    prices = [entry["price"]["id"] for entry in item.get("items", {}).get("data", [])]
    return SubscriptionState(
        **known,
        organization_id=number((item.get("metadata") or {}).get("organization_id")),
        status=item["status"],
        price_id=prices[0] if prices else None,
    )


def number(text):
    """An organization id written as text by this app, or None for anything else."""
    return int(text) if isinstance(text, str) and text.isdigit() else None
