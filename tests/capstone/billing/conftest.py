"""Fixtures for billing: the stand-in for Stripe's API and an app configured to use it."""

import pytest
from capstone_support import stand_in_stripe
from capstone_support.stripe_signing import WEBHOOK_SECRET


@pytest.fixture(scope="session")
def stripe_server():
    """The stand-in for Stripe's API, one per pytest worker (its requests are cleared per test)."""
    stripe, server = stand_in_stripe.start()
    yield stripe
    stand_in_stripe.stop(server)


@pytest.fixture
def stripe(stripe_server):
    """The stand-in, with no request recorded and no customer yet."""
    stripe_server.requests.clear()
    stripe_server.customers.clear()
    return stripe_server


@pytest.fixture
def billing_settings(stripe):
    """The settings of billing switched on, against the stand-in."""
    return {
        "STRIPE_SECRET_KEY": stand_in_stripe.SECRET_KEY,
        "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "STRIPE_PRICE_PRO": stand_in_stripe.PRO_PRICE,
        "STRIPE_API_BASE": stripe.url,
    }


@pytest.fixture
def billing_config(app_config, billing_settings):
    """The test app's settings with billing on (set before the `app` fixture builds it)."""
    app_config.update(billing_settings)
    return app_config
