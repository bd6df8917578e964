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

    # TODO: the one setting that does that (Flask's TESTING).


class ProductionConfig(Config):
    """A real deployment: cookies only over HTTPS, and a secret key from the environment."""

    # TODO: no SECRET_KEY of its own (None: it must come from FLASK_SECRET_KEY), and the
    # session cookie sent over HTTPS only (SESSION_COOKIE_SECURE).


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def problems_for_production(config):
    """List what makes `config` unsafe to serve the public; an empty list means it is fine."""
    # TODO: one sentence per problem, each saying how to fix it:
    #   no SECRET_KEY, or the development one: "SECRET_KEY is not set: set FLASK_SECRET_KEY
    #   to a long random string"; a key shorter than MIN_SECRET_KEY_LENGTH: "SECRET_KEY is
    #   shorter than 32 characters"; DEBUG on: "DEBUG is on: ..." (the debugger runs code).
    raise NotImplementedError("TODO: problems_for_production")
