"""The plans (capstone/plans.py) and the Stripe settings: off by default, whole or refused."""

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

import pytest

from capstone import create_app
from capstone import plans
from capstone.config import ENVIRONMENT_SETTINGS
from capstone.config import Config

PRODUCTION = {"ENV_NAME": "production", "SECRET_KEY": "p" * 40, "PUBLIC_URL": "https://t.example"}
CONFIG = {
    "PLANS": Config.PLANS,
    "STRIPE_SECRET_KEY": "sk_test_x",
    "STRIPE_PRICE_PRO": "price_pro",
    "BILLING_GRACE_DAYS": 7,
}
NOW = datetime(2027, 3, 10, 12, 0, tzinfo=UTC)


def test_billing_is_off_without_a_key_and_every_organization_is_unlimited(app_config):
    app = create_app(app_config)
    assert app.config["STRIPE_SECRET_KEY"] is None
    assert not plans.billing_enabled(app.config)
    assert plans.plan_in_force(app.config, "free") is plans.UNLIMITED
    assert plans.UNLIMITED.limit("projects") is None


def test_with_a_key_an_organization_gets_its_plans_limits():
    assert plans.plan_in_force(CONFIG, "free").limit("projects") == plans.FREE.projects
    assert plans.plan_in_force(CONFIG, "pro") is plans.PRO
    # A plan name no longer in the table (a plan retired from PLANS) falls back to free.
    assert plans.plan_in_force(CONFIG, "gold") is plans.FREE


def test_a_failed_payment_keeps_the_plan_for_the_grace_period_only():
    in_grace = NOW - timedelta(days=7)
    assert plans.plan_in_force(CONFIG, "pro", past_due_since=in_grace, now=NOW) is plans.PRO
    past_grace = NOW - timedelta(days=7, seconds=1)
    assert plans.plan_in_force(CONFIG, "pro", past_due_since=past_grace, now=NOW) is plans.FREE
    assert plans.plan_in_force(CONFIG, "pro", past_due_since=None, now=NOW) is plans.PRO


@pytest.mark.parametrize(
    ("status", "price", "plan"),
    [
        ("active", "price_pro", plans.PRO),
        ("trialing", "price_pro", plans.PRO),
        ("past_due", "price_pro", plans.PRO),  # the grace period decides when it ends
        ("canceled", "price_pro", plans.FREE),
        ("unpaid", "price_pro", plans.FREE),
        ("incomplete", "price_pro", plans.FREE),
        ("incomplete_expired", "price_pro", plans.FREE),
        ("active", "price_of_something_else", plans.FREE),
    ],
)
def test_a_subscriptions_state_decides_the_plan(status, price, plan):
    assert plans.plan_for_subscription(CONFIG, status, price) is plan


def test_the_stripe_settings_come_from_the_environment(app_config, monkeypatch):
    monkeypatch.setenv("STRIPE_SECRET_KEY", "sk_test_from_env")
    monkeypatch.setenv("STRIPE_WEBHOOK_SECRET", "whsec_from_env")
    monkeypatch.setenv("STRIPE_PRICE_PRO", "price_from_env")
    monkeypatch.setenv("BILLING_GRACE_DAYS", "3")
    app = create_app({key: app_config[key] for key in ("ENV_NAME", "DATABASE_URL")})
    assert app.config["STRIPE_SECRET_KEY"] == "sk_test_from_env"
    assert app.config["STRIPE_WEBHOOK_SECRET"] == "whsec_from_env"
    assert plans.plan_for_price(app.config, "price_from_env") is plans.PRO
    assert app.config["BILLING_GRACE_DAYS"] == 3


@pytest.mark.parametrize(
    ("settings", "reason"),
    [
        ({"STRIPE_PRICE_PRO": "price_pro"}, "STRIPE_WEBHOOK_SECRET is not"),
        ({"STRIPE_WEBHOOK_SECRET": "whsec_x"}, "STRIPE_PRICE_PRO is not"),
    ],
)
def test_production_refuses_half_configured_billing(app_config, settings, reason):
    config = {**app_config, **PRODUCTION, "STRIPE_SECRET_KEY": "sk_live_x", **settings}
    with pytest.raises(RuntimeError, match=reason):
        create_app(config)


def test_production_starts_with_billing_off_or_whole(app_config):
    create_app({**app_config, **PRODUCTION})
    whole = {"STRIPE_SECRET_KEY": "sk_x", "STRIPE_WEBHOOK_SECRET": "w", "STRIPE_PRICE_PRO": "p"}
    create_app({**app_config, **PRODUCTION, **whole})


def test_the_readme_names_every_stripe_setting_with_its_default():
    readme = (Path(__file__).parents[3] / "capstone" / "README.md").read_text(encoding="utf-8")
    for name in ENVIRONMENT_SETTINGS:
        if name.startswith("STRIPE_"):
            assert f"| `{name}` | none |" in readme or f"| `{name}` | Stripe's |" in readme
    assert f"| `BILLING_GRACE_DAYS` | {Config.BILLING_GRACE_DAYS} |" in readme
    assert "The live\nStripe path has not been run from this repository." in readme
