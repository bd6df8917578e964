"""Settings from the environment (12-factor), per environment, and production's refusals.

Every setting can come from an environment variable of the same name (SECRET_KEY,
DATABASE_URL, ...). `create_app` picks the class by CAPSTONE_ENV (development by
default), reads the variables, then applies a test's `test_config`.
"""

import os

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
    # How long an API token lives.
    API_TOKEN_SECONDS = 3600


class DevelopmentConfig(Config):
    """A laptop: the defaults."""


class TestingConfig(Config):
    """Tests: quick password hashing is not set here; tests pre-compute hashes instead."""

    TESTING = True


class ProductionConfig(Config):
    """A real deployment: HTTPS-only cookies and a secret from the environment."""

    SECRET_KEY = None
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
# Read from the environment by name, in addition to FLASK_-prefixed variables.
ENVIRONMENT_SETTINGS = ("SECRET_KEY", "DATABASE_URL")


def from_environment(environ=os.environ):
    """The settings named in ENVIRONMENT_SETTINGS that the environment provides."""
    return {name: environ[name] for name in ENVIRONMENT_SETTINGS if environ.get(name)}


def problems_for_production(config):
    """Why `config` is unsafe to serve the public; an empty list when it is fine."""
    problems = []
    key = config.get("SECRET_KEY") or ""
    if not key or key == DEV_SECRET_KEY:
        problems.append("SECRET_KEY is not set: set it to a long random string")
    elif len(key) < MIN_SECRET_KEY_LENGTH:
        problems.append(f"SECRET_KEY is shorter than {MIN_SECRET_KEY_LENGTH} characters")
    if config.get("DEBUG"):
        problems.append("DEBUG is on: the debugger would run code typed into a browser")
    return problems
