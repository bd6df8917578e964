"""Errors the services raise with more than a status: fields (422, 409), a plan's limit (402)."""

from werkzeug.exceptions import Conflict
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import UnprocessableEntity

from capstone import plans


class Invalid(UnprocessableEntity):
    """Input that breaks a rule; `fields` maps each field name to what is wrong with it."""

    def __init__(self, fields):
        super().__init__("Some fields are not valid.")
        self.fields = fields


class Taken(Conflict):
    """A unique value already in use (a username, an email, a membership), field by field."""

    def __init__(self, fields):
        super().__init__(next(iter(fields.values())))
        self.fields = fields


class PlanLimit(HTTPException):
    """A limit of the organization's plan is reached (402 Payment Required).

    `limit` names it (a key of plans.LIMITS), `organization_id` is whose plan it is, so
    that the web page can link to that organization's billing page to upgrade.
    """

    code = 402

    def __init__(self, limit, plan, organization_id):
        allowed = plan.limit(limit)
        super().__init__(
            f"The {plan.title} plan allows {allowed} {plans.LIMITS[limit]} per organization. "
            "Upgrade the organization's plan to add more."
        )
        self.limit = limit
        self.organization_id = organization_id
