"""The plans an organization can be on, and the limits each one sets.

One table (PLANS) is the description of every plan: its name, the limits it sets per
organization, and the setting that holds its Stripe price id (None: free, no price).
The app reads the table from its PLANS setting (config.Config.PLANS is this one), so a
deployment or a test can change a limit without editing code. A limit of None is no
limit. With billing off (no STRIPE_SECRET_KEY), every organization is on UNLIMITED:
without a way to pay, a limit would be a wall with no door.
"""

from dataclasses import dataclass
from datetime import timedelta

MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Plan:
    """A plan: its name (stored on the organization), title, limits and price setting."""

    name: str
    title: str
    projects: int | None
    members: int | None
    storage_bytes: int | None
    price_setting: str | None = None

    def limit(self, name):
        """The limit called `name` (a key of LIMITS); None when there is none."""
        return getattr(self, name)


# The limits a plan sets, by name, with the words the error messages use.
LIMITS = {
    "projects": "projects",
    "members": "members (open invitations included)",
    "storage_bytes": "attachment storage (bytes)",
}

FREE = Plan("free", "Free", projects=3, members=5, storage_bytes=100 * MEGABYTE)
PRO = Plan(
    "pro",
    "Pro",
    projects=100,
    members=100,
    storage_bytes=20 * 1024 * MEGABYTE,
    price_setting="STRIPE_PRICE_PRO",
)
UNLIMITED = Plan("unlimited", "Unlimited (billing is off)", None, None, None)

PLANS = {plan.name: plan for plan in (FREE, PRO)}
DEFAULT_PLAN = FREE.name

# Subscription statuses (https://docs.stripe.com/api/subscriptions/object#subscription_object-status)
# under which the organization keeps the subscription's plan. past_due keeps it too,
# for the grace period (BILLING_GRACE_DAYS); every other status is back to the free plan.
PAYING_STATUSES = ("active", "trialing", "past_due")


def billing_enabled(config):
    """Whether this app bills: only with a Stripe secret key."""
    return bool(config.get("STRIPE_SECRET_KEY"))


def plan_in_force(config, plan_name, past_due_since=None, now=None):
    """The plan whose limits apply to an organization stored as on `plan_name`.

    An organization whose payment failed at `past_due_since` keeps its plan for
    BILLING_GRACE_DAYS, then has the free plan's limits until a payment goes through
    (nothing is deleted: it can no longer add past the free limits).
    """
    if not billing_enabled(config):
        return UNLIMITED
    plans = config["PLANS"]
    if past_due_since and now - past_due_since > timedelta(days=config["BILLING_GRACE_DAYS"]):
        return plans[DEFAULT_PLAN]
    return plans.get(plan_name) or plans[DEFAULT_PLAN]


def plan_for_price(config, price_id):
    """The plan sold at the Stripe price `price_id`, or None for a price this app never sells."""
    for plan in config["PLANS"].values():
        if plan.price_setting and price_id and config.get(plan.price_setting) == price_id:
            return plan
    return None


def plan_for_subscription(config, status, price_id):
    """The plan a subscription in `status` at `price_id` puts its organization on."""
    plan = plan_for_price(config, price_id)
    if plan is None or status not in PAYING_STATUSES:
        return config["PLANS"][DEFAULT_PLAN]
    return plan


def billing_problems(config):
    """Why the Stripe settings are half there (a key without what must come with it)."""
    if not billing_enabled(config):
        return []
    problems = []
    if not config.get("STRIPE_WEBHOOK_SECRET"):
        problems.append(
            "STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is not: "
            "Stripe's events could not be verified, so no payment would reach its organization"
        )
    for plan in config["PLANS"].values():
        if plan.price_setting and not config.get(plan.price_setting):
            problems.append(
                f"STRIPE_SECRET_KEY is set but {plan.price_setting} is not: "
                f"the {plan.title} plan has no price to sell"
            )
    return problems
