"""In a browser: a person reaches the Free plan's project limit and upgrades to Checkout.

The capstone runs as in the other browser tests, but with billing on and its Stripe
calls going to the stand-in for Stripe's API (tests/capstone_support), whose Checkout
page is where the browser must land. Stripe's real page is never reached from here.
"""

import re
import secrets
import sys

import pytest
from capstone_support import stand_in_stripe
from capstone_support.stripe_signing import WEBHOOK_SECRET
from e2e.environment import flask
from e2e.people import accessible
from e2e.people import create_project
from e2e.people import follow
from e2e.people import new_user
from harness.servers import running_server
from playwright.sync_api import expect

from capstone.plans import FREE


@pytest.fixture(scope="module")
def stripe():
    """The stand-in for Stripe's API, on its own port."""
    stripe, server = stand_in_stripe.start()
    yield stripe
    stand_in_stripe.stop(server)


@pytest.fixture(scope="module")
def server(tmp_path_factory, stripe, browser):
    """The capstone with billing on, against the stand-in.

    `browser` comes first, so that a missing Chromium skips before anything starts.
    """
    folder = tmp_path_factory.mktemp("e2e-billing")
    settings = {
        "SECRET_KEY": secrets.token_hex(32),
        "DATABASE_URL": f"sqlite:///{folder / 'capstone.sqlite'}",
        "UPLOAD_FOLDER": str(folder / "uploads"),
        "STRIPE_SECRET_KEY": stand_in_stripe.SECRET_KEY,
        "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "STRIPE_PRICE_PRO": stand_in_stripe.PRO_PRICE,
        "STRIPE_API_BASE": stripe.url,
    }
    flask(settings, "init-db")
    command = [sys.executable, "-m", "flask", "--app", "capstone", "run"]
    with running_server(command, env=settings) as running:
        yield running


def test_the_project_past_the_limit_leads_to_the_stand_in_checkout(page, stripe):
    new_user(page, "payer")
    for number in range(FREE.projects):
        create_project(page, f"Project {number}")
    page.goto("/projects/new")
    page.get_by_label("Name").fill("One too many")
    page.get_by_role("button", name="Create the project").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("402")
    expect(page.get_by_text(f"allows {FREE.projects} projects")).to_be_visible()
    accessible(page)
    follow(page, page.get_by_role("link", name="Upgrade the plan"), r"/billing/\d+$")
    accessible(page)
    expect(page.get_by_text("Plan: Free")).to_be_visible()
    follow(page, page.get_by_role("button", name="Upgrade to Pro"), re.escape(stripe.url))
    expect(page).to_have_title("Stand-in Stripe Checkout")
    [session] = stripe.calls("/v1/checkout/sessions")
    assert session["line_items"] == [{"price": stand_in_stripe.PRO_PRICE, "quantity": "1"}]
