"""The billing part of the OpenAPI document: its paths and the schemas of its answers."""

from capstone import plans
from capstone.api.openapi_parts import DATETIME
from capstone.api.openapi_parts import json_body
from capstone.api.openapi_parts import nullable
from capstone.api.openapi_parts import operation
from capstone.api.openapi_parts import path_id
from capstone.api.openapi_parts import ref

ORGANIZATION = [path_id("organization_id")]
PLAN = {"name": "plan_name", "in": "path", "required": True, "schema": {"type": "string"}}
BILLING_OUTPUTS = {
    "Billing": {
        "type": "object",
        "required": ["organization_id", "billing_enabled", "plan", "plan_in_force", "limits"],
        "properties": {
            "organization_id": {"type": "integer"},
            "billing_enabled": {"type": "boolean"},
            "plan": {"type": "string"},
            "plan_in_force": {"type": "string"},
            "subscription_status": nullable("string"),
            "past_due_since": {"anyOf": [DATETIME, {"type": "null"}]},
            "limits": {
                "type": "object",
                "properties": {name: nullable("integer") for name in plans.LIMITS},
            },
            "usage": {
                "type": "object",
                "properties": {name: {"type": "integer"} for name in plans.LIMITS},
            },
        },
    },
    "HostedPage": {
        "type": "object",
        "required": ["url"],
        "properties": {"url": {"type": "string", "format": "uri"}},
    },
}


def to_stripe(summary, parameters):
    """A POST answered with the URL of a Stripe page; 502 when Stripe fails."""
    spec = operation(
        summary, json_body(ref("HostedPage"), "Open this URL"), parameters=parameters, status="201"
    )
    spec["responses"]["502"] = json_body(ref("Error"), "Stripe failed or refused.")
    return spec


BILLING_PATHS = {
    "/organizations/{organization_id}/billing": {
        "get": operation(
            "An organization's plan", json_body(ref("Billing")), parameters=ORGANIZATION
        ),
    },
    "/organizations/{organization_id}/billing/checkout/{plan_name}": {
        "post": to_stripe("Upgrade through Stripe Checkout", [*ORGANIZATION, PLAN]),
    },
    "/organizations/{organization_id}/billing/portal": {
        "post": to_stripe("Open Stripe's Customer Portal", ORGANIZATION),
    },
}
