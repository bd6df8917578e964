"""What the billing endpoints (api/billing.py) send back, as output models (see outputs.py)."""

from typing import Literal

from pydantic import create_model

from capstone import plans
from capstone.api.outputs import Count
from capstone.api.outputs import Output
from capstone.api.outputs import Timestamp

PlanName = Literal[tuple(plans.PLANS)]
# Each limit of plans.LIMITS, by name: None where the plan in force sets none.
Limits = create_model("Limits", __base__=Output, **dict.fromkeys(plans.LIMITS, int | None))
Usage = create_model("Usage", __base__=Output, **dict.fromkeys(plans.LIMITS, Count))


class Billing(Output):
    """An organization's plan, its subscription's state, its limits and what it uses."""

    organization_id: int
    billing_enabled: bool
    plan: PlanName
    plan_in_force: Literal[(*plans.PLANS, plans.UNLIMITED.name)]
    subscription_status: str | None
    past_due_since: Timestamp | None
    limits: Limits
    usage: Usage


class HostedPage(Output):
    """The address of a page of Stripe's for the client to open (Checkout, the Portal)."""

    url: str
