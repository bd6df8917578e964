"""Configuration for each environment, and the checks that make production refuse unsafe settings.

`create_app` picks a class by the HELLO_ENV environment variable (development by
default), then lets FLASK_<NAME> variables override single settings, then applies
the `test_config` a test passed in. Production must get its secret from the
environment: it refuses to start with the development key, a short key, or debug on.
"""

DEV_SECRET_KEY = "dev-only-not-a-secret"  # noqa: S105 (the documented development default)
MIN_SECRET_KEY_LENGTH = 32


class Config:
    """Settings shared by every environment."""

    SECRET_KEY = DEV_SECRET_KEY
    # None: a SQLite file in the app's instance folder (create_app fills it in).
    DATABASE = None
    MAX_CONTENT_LENGTH = 1024 * 1024
    SESSION_COOKIE_SAMESITE = "Lax"
    DEFAULT_NAME = "World"


class DevelopmentConfig(Config):
    """Local work: the defaults."""


class TestingConfig(Config):
    """Tests: exceptions propagate to the test instead of becoming 500 pages."""

    TESTING = True


class ProductionConfig(Config):
    """A real deployment: cookies only over HTTPS, and a secret key from the environment."""

    SECRET_KEY = None
    SESSION_COOKIE_SECURE = True


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def problems_for_production(config):
    """List what makes `config` unsafe to serve the public; an empty list means it is fine."""
    problems = []
    key = config.get("SECRET_KEY") or ""
    if not key or key == DEV_SECRET_KEY:
        problems.append("SECRET_KEY is not set: set FLASK_SECRET_KEY to a long random string")
    elif len(key) < MIN_SECRET_KEY_LENGTH:
        problems.append(f"SECRET_KEY is shorter than {MIN_SECRET_KEY_LENGTH} characters")
    if config.get("DEBUG"):
        problems.append("DEBUG is on: the debugger would run code typed into a browser")
    return problems
