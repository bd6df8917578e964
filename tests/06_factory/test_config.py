"""Configuration by environment; production refuses to start with unsafe settings."""

import pytest
from hello_factory import create_app
from hello_factory.config import DEV_SECRET_KEY

GOOD_KEY = "k" * 40


@pytest.mark.hint(
    "problems_for_production lists each problem; create_app raises RuntimeError('Refusing to "
    "start in production: ...')"
)
@pytest.mark.parametrize(
    ("settings", "reason"),
    [
        ({}, "SECRET_KEY is not set"),
        ({"SECRET_KEY": DEV_SECRET_KEY}, "SECRET_KEY is not set"),
        ({"SECRET_KEY": "short-key"}, "shorter than 32 characters"),
        ({"SECRET_KEY": GOOD_KEY, "DEBUG": True}, "DEBUG is on"),
    ],
    ids=["no-key", "development-key", "short-key", "debug-on"],
)
def test_production_refuses_unsafe_settings(settings, reason, tmp_path):
    config = {"ENV_NAME": "production", "DATABASE": str(tmp_path / "p.sqlite"), **settings}
    with pytest.raises(RuntimeError, match=f"Refusing to start in production: .*{reason}"):
        create_app(config)


@pytest.mark.hint(
    "ProductionConfig has no secret key of its own (it must come from the environment) and "
    "sends the session cookie over HTTPS only; a 40-character key is no problem"
)
def test_production_starts_with_a_real_key_and_secure_cookies(tmp_path):
    app = create_app(
        {"ENV_NAME": "production", "SECRET_KEY": GOOD_KEY, "DATABASE": str(tmp_path / "p.sqlite")}
    )
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert not app.debug


@pytest.mark.hint(
    "HELLO_ENV picks the class of CONFIGS, then from_prefixed_env() reads FLASK_SECRET_KEY and "
    "FLASK_DATABASE"
)
def test_the_environment_chooses_the_configuration(monkeypatch, tmp_path):
    monkeypatch.setenv("HELLO_ENV", "production")
    monkeypatch.setenv("FLASK_SECRET_KEY", GOOD_KEY)
    monkeypatch.setenv("FLASK_DATABASE", str(tmp_path / "env.sqlite"))
    app = create_app()
    assert app.config["ENV_NAME"] == "production"
    assert app.config["SECRET_KEY"] == GOOD_KEY
    assert app.config["DATABASE"] == str(tmp_path / "env.sqlite")


@pytest.mark.hint(
    "create_app applies test_config last: it overrides the class and the FLASK_* variables, "
    "so a test's settings always win"
)
def test_test_config_wins_over_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FLASK_DATABASE", str(tmp_path / "env.sqlite"))
    app = create_app({"ENV_NAME": "testing", "DATABASE": str(tmp_path / "test.sqlite")})
    assert app.config["DATABASE"] == str(tmp_path / "test.sqlite")


@pytest.mark.hint(
    "a HELLO_ENV not in CONFIGS: RuntimeError('HELLO_ENV must be one of [...], not ...')"
)
def test_an_unknown_environment_name_is_refused(monkeypatch):
    monkeypatch.setenv("HELLO_ENV", "staging")
    with pytest.raises(RuntimeError, match="HELLO_ENV must be one of"):
        create_app()
