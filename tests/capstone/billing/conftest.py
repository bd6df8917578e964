"""Fixtures for billing: the stand-in for Stripe's API, an app using it, organizations."""

import pytest
from capstone_support import stand_in_stripe
from capstone_support.stripe_signing import WEBHOOK_SECRET

from capstone.database import db
from capstone.models import Organization
from capstone.models import OrganizationMember


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


@pytest.fixture
def app(billing_config, app):
    """The test's app, with billing on against the stand-in (billing_config first)."""
    return app


@pytest.fixture
def make_organization(app):
    """Make an organization with `members` ({user id: role}); returns its id."""

    def make(name, members, **fields):
        with app.app_context():
            organization = Organization(name=name, **fields)
            for user_id, role in members.items():
                organization.memberships.append(OrganizationMember(user_id=user_id, role=role))
            db.session.add(organization)
            db.session.commit()
            return organization.id

    return make


@pytest.fixture
def read_organization(app):
    """The organization's row as it is in the database now, detached."""

    def read(organization_id):
        with app.app_context():
            organization = db.session.get(Organization, organization_id)
            db.session.expunge(organization)
            return organization

    return read
