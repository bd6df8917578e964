"""The billing page, the upgrade to Checkout and the Portal, against the stand-in for Stripe."""

import pytest
from capstone_support.stand_in_stripe import PRO_PRICE
from flask import url_for


@pytest.fixture
def acme(build, make_organization):
    """Organization Acme: owner olive, admin adam, member mia; outsider otto."""
    ids = {name: build.user(name) for name in ("olive", "adam", "mia", "otto")}
    roles = {ids["olive"]: "owner", ids["adam"]: "admin", ids["mia"]: "member"}
    ids["organization"] = make_organization("Acme", roles)
    return ids


def page_of(acme):
    """The billing page's path."""
    return f"/billing/{acme['organization']}"


def test_the_page_shows_the_plan_and_its_limits(client, login, acme):
    login(client, "mia")
    page = client.get(page_of(acme)).get_data(as_text=True)
    assert "Plan: <strong>Free</strong>" in page
    assert "<td>projects</td><td>0</td><td>3</td>" in page
    assert "owners and admins manage its billing" in page
    assert "Upgrade to Pro" not in page


def test_an_outsider_finds_nothing(client, login, acme):
    login(client, "otto")
    assert client.get(page_of(acme)).status_code == 404
    assert client.post(f"{page_of(acme)}/upgrade/pro").status_code == 404


def test_a_member_may_not_upgrade(client, login, acme, stripe):
    login(client, "mia")
    assert client.post(f"{page_of(acme)}/upgrade/pro").status_code == 403
    assert stripe.requests == []


def test_upgrading_opens_checkout_with_one_customer_for_the_organization(
    client, login, acme, stripe, read_organization
):
    login(client, "adam")
    first = client.post(f"{page_of(acme)}/upgrade/pro")
    second = client.post(f"{page_of(acme)}/upgrade/pro")
    assert first.status_code == second.status_code == 303
    assert first.location.startswith(f"{stripe.url}/pay/cs_")
    [customer] = stripe.calls("/v1/customers")
    assert customer["metadata"] == {"organization_id": str(acme["organization"])}
    sessions = stripe.calls("/v1/checkout/sessions")
    assert [session["client_reference_id"] for session in sessions] == [
        str(acme["organization"])
    ] * 2
    assert {session["customer"] for session in sessions} == set(stripe.customers)
    assert sessions[0]["line_items"] == [{"price": PRO_PRICE, "quantity": "1"}]
    assert sessions[0]["success_url"].endswith(f"{page_of(acme)}?upgraded=1")
    assert read_organization(acme["organization"]).plan == "free"  # until Stripe says so


def test_an_unknown_plan_is_not_found(client, login, acme):
    login(client, "olive")
    assert client.post(f"{page_of(acme)}/upgrade/gold").status_code == 404
    assert client.post(f"{page_of(acme)}/upgrade/free").status_code == 404


def test_the_portal_opens_once_there_is_a_customer(client, login, acme, stripe):
    login(client, "olive")
    assert client.post(f"{page_of(acme)}/portal").status_code == 409
    client.post(f"{page_of(acme)}/upgrade/pro")
    answer = client.post(f"{page_of(acme)}/portal")
    assert answer.status_code == 303
    assert answer.location.startswith(f"{stripe.url}/portal/bps_")
    [portal] = stripe.calls("/v1/billing_portal/sessions")
    assert portal["return_url"].endswith(page_of(acme))


def test_stripe_refusing_is_a_message_not_a_500(app, client, login, acme, stripe):
    app.config["STRIPE_PRICE_PRO"] = "price_unknown_to_stripe"
    login(client, "olive")
    answer = client.post(f"{page_of(acme)}/upgrade/pro", follow_redirects=True)
    assert answer.status_code == 200
    assert "nothing was charged" in answer.get_data(as_text=True)


def test_with_billing_off_the_page_says_so(app, client, login, acme, stripe):
    app.config["STRIPE_SECRET_KEY"] = None
    login(client, "olive")
    page = client.get(page_of(acme)).get_data(as_text=True)
    assert "Billing is off on this site: every organization is unlimited." in page
    assert client.post(f"{page_of(acme)}/upgrade/pro").status_code == 409
    assert stripe.requests == []


def test_the_admin_sees_each_organizations_plan_and_status(
    app, client, login, build, acme, make_organization
):
    build.user("root", role="admin")
    make_organization("Bigco", {acme["otto"]: "owner"}, plan="pro", subscription_status="past_due")
    login(client, "root")
    page = client.get("/admin/organizations").get_data(as_text=True)
    assert "<td>Acme</td><td>free</td><td>none</td><td></td><td>3</td><td>0</td>" in page
    assert "<td>Bigco</td><td>pro</td><td>past_due</td>" in page
    member = app.test_client()
    login(member, "mia")
    assert member.get("/admin/organizations").status_code == 403


def test_the_billing_pages_forms_may_lead_to_stripes_pages_and_no_others(
    client, login, acme, stripe
):
    # form-action also governs a form's redirect: without Stripe's origins, a browser
    # stays on the page after Upgrade (the browser test, tests/e2e/test_billing.py).
    login(client, "olive")
    policy = client.get(page_of(acme)).headers["Content-Security-Policy"]
    assert (
        f"form-action 'self' https://checkout.stripe.com https://billing.stripe.com {stripe.url};"
    ) in policy
    assert "form-action 'self';" in client.get("/projects/").headers["Content-Security-Policy"]


def test_the_organizations_page_links_to_its_billing_page(app, client, login, acme):
    login(client, "mia")
    with app.test_request_context():
        settings = url_for("organizations.settings", organization_id=acme["organization"])
    page = client.get(settings).get_data(as_text=True)
    assert f'<a href="{page_of(acme)}">Plan and billing</a>' in page
