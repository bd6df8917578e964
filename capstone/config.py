"""Settings from the environment (12-factor), per environment, and production's refusals.

Every setting can come from an environment variable of the same name (SECRET_KEY,
DATABASE_URL, ...). `create_app` picks the class by CAPSTONE_ENV (development by
default), reads the variables, then applies a test's `test_config`.
"""

import os

from capstone import plans

DEV_SECRET_KEY = "capstone-development-key-not-secret"  # noqa: S105 (documented dev default)
MIN_SECRET_KEY_LENGTH = 32


class Config:
    """Defaults shared by every environment; each can be overridden by the environment."""

    SECRET_KEY = DEV_SECRET_KEY
    # Any SQLAlchemy URL; None means a SQLite file in the instance folder.
    DATABASE_URL = None
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_ENABLED = True
    # Failed logins allowed in LOGIN_WINDOW_SECONDS, per account and per client address.
    LOGIN_FAILURES_PER_ACCOUNT = 5
    LOGIN_FAILURES_PER_CLIENT = 20
    LOGIN_WINDOW_SECONDS = 15 * 60
    TASKS_PER_PAGE = 20
    # How many proxies (nginx, a load balancer) stand in front of the app and set
    # X-Forwarded-For/-Proto/-Host: ProxyFix trusts that many, and no more. 0: none,
    # the headers are ignored (a client could send any).
    TRUSTED_PROXIES = 0
    LOG_FORMAT = "text"  # or "json": one JSON object per line on stdout (capstone/logs.py)
    # Strict-Transport-Security's max-age over HTTPS (capstone/security.py); 0: not sent.
    HSTS_SECONDS = 0
    # How long an API token lives.
    API_TOKEN_SECONDS = 3600
    # How long the links in verification and password-reset emails work.
    VERIFY_EMAIL_SECONDS = 2 * 24 * 3600
    RESET_PASSWORD_SECONDS = 3600
    # The start of every link in an email: a job has no request to take the host from,
    # and a reset link built from a request's Host header could point to an attacker.
    # None: where `flask run` serves (served_url), except in production.
    PUBLIC_URL = None

    # Background jobs (capstone/jobs): without a broker they run in-process, at once.
    # REDIS_URL is also how several server processes share live events (capstone/realtime).
    REDIS_URL = None
    CELERY_BROKER_URL = None  # defaults to REDIS_URL
    CELERY_TIMEZONE = "UTC"  # the daily digest goes out at 08:00 in this time zone
    # How long an outbox email's job may take to start before the sweep, every minute,
    # queues it again (its job was lost: the broker was down at the commit, say).
    OUTBOX_GRACE_SECONDS = 60
    # The dashboard and statistics cache (capstone/cache.py): in Redis with REDIS_URL,
    # else in-process ("SimpleCache"); "RedisCache" keeps nothing without REDIS_URL;
    # "NullCache" keeps nothing.
    CACHE_TYPE = "SimpleCache"

    # Email: without MAIL_SERVER, messages are written to the log instead of sent.
    MAIL_SERVER = None
    MAIL_PORT = 25
    MAIL_USE_TLS = False  # STARTTLS after connecting (usually port 587)
    MAIL_USE_SSL = False  # TLS from the start (usually port 465)
    MAIL_USERNAME = None
    MAIL_PASSWORD = None
    MAIL_SENDER = "Capstone <noreply@localhost>"
    MAIL_TIMEOUT_SECONDS = 10

    # Billing through Stripe (capstone/stripe_api.py): off without STRIPE_SECRET_KEY, and
    # then every organization is unlimited. The webhook's signing secret (whsec_...) and
    # each paid plan's price id (price_..., see plans.PLANS) come from the Stripe account.
    STRIPE_SECRET_KEY = None
    STRIPE_WEBHOOK_SECRET = None
    STRIPE_PRICE_PRO = None
    # Where the library sends API calls; None: Stripe's own (the tests use a stand-in).
    STRIPE_API_BASE = None
    # How long an organization whose payment failed keeps its paid plan.
    BILLING_GRACE_DAYS = 7
    PLANS = plans.PLANS

    # Attachments: None means the folder "uploads" inside the instance folder.
    UPLOAD_FOLDER = None
    MAX_ATTACHMENT_SIZE = 10 * 1024 * 1024
    # Types found from a file's first bytes (capstone/services/attachments.py).
    ATTACHMENT_TYPES = (
        "text/plain",
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
        "application/pdf",
        "application/zip",
    )


class DevelopmentConfig(Config):
    """A laptop: the defaults."""


class TestingConfig(Config):
    """Tests: quick password hashing is not set here; tests pre-compute hashes instead."""

    TESTING = True
    # Tests write straight to the database, unseen by the cache's events: its own
    # tests (tests/capstone/test_cache.py) turn it on.
    CACHE_TYPE = "NullCache"


class ProductionConfig(Config):
    """A real deployment: HTTPS-only cookies and a secret from the environment."""

    SECRET_KEY = None
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PUBLIC_URL = None  # must be set: the links in emails depend on it
    LOG_FORMAT = "json"
    HSTS_SECONDS = 365 * 24 * 3600
    # Several processes serve: an in-process cache would not hear another's writes.
    CACHE_TYPE = "RedisCache"


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def flag(value):
    """A yes/no setting from the environment: true/false, yes/no, on/off or 1/0."""
    words = {"true": True, "yes": True, "on": True, "1": True}
    words |= {"false": False, "no": False, "off": False, "0": False}
    if value.lower() not in words:
        raise ValueError("use true or false")
    return words[value.lower()]


# Read from the environment by name (in addition to FLASK_-prefixed variables), with
# the type each one has.
ENVIRONMENT_SETTINGS = {
    "SECRET_KEY": str,
    "DATABASE_URL": str,
    "PUBLIC_URL": str,
    "REDIS_URL": str,
    "CELERY_BROKER_URL": str,
    "CELERY_TIMEZONE": str,
    "OUTBOX_GRACE_SECONDS": int,
    "MAIL_SERVER": str,
    "MAIL_PORT": int,
    "MAIL_USE_TLS": flag,
    "MAIL_USE_SSL": flag,
    "MAIL_USERNAME": str,
    "MAIL_PASSWORD": str,
    "MAIL_SENDER": str,
    "UPLOAD_FOLDER": str,
    "MAX_ATTACHMENT_SIZE": int,
    "TRUSTED_PROXIES": int,
    "LOG_FORMAT": str,
    "STRIPE_SECRET_KEY": str,
    "STRIPE_WEBHOOK_SECRET": str,
    "STRIPE_PRICE_PRO": str,
    "STRIPE_API_BASE": str,
    "BILLING_GRACE_DAYS": int,
}


def from_environment(environ=os.environ):
    """The settings of ENVIRONMENT_SETTINGS that the environment provides, converted."""
    settings = {}
    for name, convert in ENVIRONMENT_SETTINGS.items():
        if environ.get(name):
            try:
                settings[name] = convert(environ[name])
            except ValueError as error:
                raise RuntimeError(f"{name}={environ[name]!r} is not valid: {error}") from None
    return settings


def served_url(environ=os.environ):
    """Where `flask run` serves: FLASK_RUN_HOST and FLASK_RUN_PORT, which `make run` sets.

    Flask's own defaults otherwise (127.0.0.1:5000), so that a link in an email written
    to the log opens on the server that wrote it.
    """
    host = environ.get("FLASK_RUN_HOST") or "127.0.0.1"
    if host in ("0.0.0.0", "::"):  # noqa: S104 (every address: a link needs one of them)
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{environ.get('FLASK_RUN_PORT') or 5000}"


def problems_for_production(config):
    """Why `config` is unsafe to serve the public; an empty list when it is fine."""
    problems = []
    key = config.get("SECRET_KEY") or ""
    if not key or key == DEV_SECRET_KEY:
        problems.append("SECRET_KEY is not set: set it to a long random string")
    elif len(key) < MIN_SECRET_KEY_LENGTH:
        problems.append(f"SECRET_KEY is shorter than {MIN_SECRET_KEY_LENGTH} characters")
    if not config.get("PUBLIC_URL"):
        problems.append("PUBLIC_URL is not set: links in emails would lead nowhere")
    if config.get("LOG_FORMAT") not in ("json", "text"):
        problems.append("LOG_FORMAT must be json or text")
    if config.get("DEBUG"):
        problems.append("DEBUG is on: the debugger would run code typed into a browser")
    return problems + plans.billing_problems(config)
