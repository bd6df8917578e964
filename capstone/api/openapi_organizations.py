"""The organizations' part of the OpenAPI document (openapi.py).

Organizations, their members, invitations and billing: each operation with what it
uses, from which its errors follow (openapi_operations.py).
"""

from capstone.api import outputs_billing as billing_out
from capstone.api import outputs_organizations as out
from capstone.api import schemas_organizations as schemas
from capstone.api.openapi_operations import op
from capstone.api.openapi_parameters import IDEMPOTENCY_KEY
from capstone.api.openapi_parameters import PAGING
from capstone.api.openapi_parameters import PLAN
from capstone.api.openapi_parameters import path_id

ORGANIZATION = [path_id("organization_id")]
MEMBER = [*ORGANIZATION, path_id("user_id")]
INVITATION = [*ORGANIZATION, path_id("invitation_id")]
NEW = [IDEMPOTENCY_KEY]  # a create: it answers 201
MANAGERS = ["managers"]  # owners and admins only; only owners for the owner role

ORGANIZATION_PATHS = {
    "/organizations": {
        "get": op("My organizations, the personal one first", out.OrganizationList, params=PAGING),
        "post": op(
            "Create an organization", out.Organization, params=NEW, body=schemas.OrganizationIn
        ),
    },
    "/organizations/{organization_id}": {
        "get": op("An organization, with my role", out.Organization, params=ORGANIZATION),
        "patch": op(
            "Rename an organization (not a personal one)",
            out.Organization,
            params=ORGANIZATION,
            body=schemas.OrganizationIn,
            uses=[*MANAGERS, "state"],
        ),
    },
    "/organizations/{organization_id}/members": {
        "get": op(
            "An organization's members", out.OrganizationMemberList, params=ORGANIZATION + PAGING
        )
    },
    "/organizations/{organization_id}/members/{user_id}": {
        "patch": op(
            "Change a member's role",
            out.OrganizationMember,
            params=MEMBER,
            body=schemas.OrganizationRoleIn,
            uses=[*MANAGERS, "state", "conflict"],
        ),
        "delete": op(
            "Remove a member, or leave (my own id); their projects pass to an owner",
            params=MEMBER,
            uses=[*MANAGERS, "conflict"],
        ),
    },
    "/organizations/{organization_id}/invitations": {
        "get": op(
            "Open invitations, newest first",
            out.InvitationList,
            params=ORGANIZATION + PAGING,
            uses=MANAGERS,
        ),
        "post": op(
            "Invite an address with a role",
            out.Invitation,
            params=ORGANIZATION + NEW,
            body=schemas.InvitationIn,
            uses=[*MANAGERS, "conflict", "plan"],
        ),
    },
    "/organizations/{organization_id}/invitations/{invitation_id}/resend": {
        "post": op(
            "Send an invitation again, with a new link",
            out.Invitation,
            params=INVITATION,
            uses=[*MANAGERS, "resend", "plan"],  # an expired one takes a seat again
        )
    },
    "/organizations/{organization_id}/invitations/{invitation_id}": {
        "delete": op("Withdraw an invitation", params=INVITATION, uses=MANAGERS)
    },
    "/invitations/accept": {
        "post": op(
            "Accept an invitation with its link's token: the organization I joined",
            out.Organization,
            body=schemas.AcceptIn,
            uses=["plan"],
        )
    },
    "/organizations/{organization_id}/billing": {
        "get": op(
            "An organization's plan, limits and usage", billing_out.Billing, params=ORGANIZATION
        )
    },
    "/organizations/{organization_id}/billing/checkout/{plan_name}": {
        "post": op(
            "Upgrade through Stripe Checkout: the page's URL",
            billing_out.HostedPage,
            status="201",
            params=[*ORGANIZATION, PLAN],
            uses=[*MANAGERS, "stripe"],
        )
    },
    "/organizations/{organization_id}/billing/portal": {
        "post": op(
            "Open Stripe's Customer Portal: the page's URL",
            billing_out.HostedPage,
            status="201",
            params=ORGANIZATION,
            uses=[*MANAGERS, "stripe"],
        )
    },
}
