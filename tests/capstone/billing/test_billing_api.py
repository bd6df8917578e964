"""An organization's billing over the API, against the stand-in for Stripe."""

import pytest
from capstone_support.live import api
from capstone_support.live import at_once
from capstone_support.live import serving
from capstone_support.stand_in_stripe import PRO_PRICE

from capstone import plans
from capstone.database import db
from capstone.models import Organization


@pytest.fixture
def acme(build, make_organization):
    """Organization Acme: owner olive, member mia; outsider otto."""
    ids = {name: build.user(name) for name in ("olive", "mia", "otto")}
    ids["organization"] = make_organization("Acme", {ids["olive"]: "owner", ids["mia"]: "member"})
    return ids


def test_a_member_reads_the_plan_limits_and_usage(client, acme, auth):
    answer = client.get(
        f"/api/v1/organizations/{acme['organization']}/billing", headers=auth("mia")
    )
    assert answer.get_json() == {
        "organization_id": acme["organization"],
        "billing_enabled": True,
        "plan": "free",
        "plan_in_force": "free",
        "subscription_status": None,
        "past_due_since": None,
        "limits": {name: plans.FREE.limit(name) for name in plans.LIMITS},
        "usage": {"projects": 0, "members": 2, "storage_bytes": 0},
    }
    outsider = client.get(
        f"/api/v1/organizations/{acme['organization']}/billing", headers=auth("otto")
    )
    assert outsider.status_code == 404


def test_an_owner_gets_a_checkout_url_and_a_member_does_not(client, acme, auth, stripe):
    path = f"/api/v1/organizations/{acme['organization']}/billing"
    assert client.post(f"{path}/checkout/pro", headers=auth("mia")).status_code == 403
    assert client.post(f"{path}/portal", headers=auth("olive")).status_code == 409
    answer = client.post(f"{path}/checkout/pro", headers=auth("olive"))
    assert answer.status_code == 201
    assert answer.get_json()["url"].startswith(f"{stripe.url}/pay/cs_")
    [session] = stripe.calls("/v1/checkout/sessions")
    assert session["line_items"] == [{"price": PRO_PRICE, "quantity": "1"}]
    portal = client.post(f"{path}/portal", headers=auth("olive"))
    assert portal.get_json()["url"].startswith(f"{stripe.url}/portal/bps_")


def test_stripe_refusing_is_a_502(app, client, acme, auth):
    app.config["STRIPE_PRICE_PRO"] = "price_unknown_to_stripe"
    path = f"/api/v1/organizations/{acme['organization']}/billing/checkout/pro"
    answer = client.post(path, headers=auth("olive"))
    assert (answer.status_code, answer.get_json()["error"]) == (502, "bad_gateway")


def test_first_upgrades_at_once_create_one_customer(app, acme, build, auth, stripe):
    # Four requests from two owners, at the same moment, on a real threaded server.
    build.join(acme["organization"], build.user("oscar"), "owner")
    path = f"/api/v1/organizations/{acme['organization']}/billing/checkout/pro"
    headers = [auth(name) for name in ("olive", "oscar", "olive", "oscar")]
    with serving(app) as base:
        answers = at_once(lambda who: api(base, "POST", path, headers=who), headers)
    statuses = [status for status, _ in answers]
    # On SQLite a request that found the one writer busy may be told to retry (503).
    assert 201 in statuses and set(statuses) <= {201, 503}, statuses
    assert len(stripe.calls("/v1/customers")) == 1
    with app.app_context():
        customer = db.session.get(Organization, acme["organization"]).stripe_customer_id
    sessions = stripe.calls("/v1/checkout/sessions")
    assert [session["customer"] for session in sessions] == [customer] * statuses.count(201)
