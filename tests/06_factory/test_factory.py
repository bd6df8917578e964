"""create_app(): a new, independent app per call, with its blueprints and extensions."""

import pytest
from hello_factory import create_app
from hello_factory.db import db


@pytest.mark.hint(
    "create_app(test_config): its ENV_NAME picks the class; the testing class turns Flask's "
    "TESTING on"
)
def test_testing_config_comes_from_the_argument(app):
    assert app.testing
    assert not create_app({"ENV_NAME": "development", "DATABASE": ":memory:"}).testing


@pytest.mark.hint(
    "create a new Flask(...) inside create_app, each call; db.init_app gives each its own state"
)
def test_each_call_builds_a_new_app(tmp_path):
    first = create_app({"ENV_NAME": "testing", "DATABASE": str(tmp_path / "1.sqlite")})
    second = create_app({"ENV_NAME": "testing", "DATABASE": str(tmp_path / "2.sqlite")})
    assert first is not second
    assert first.config is not second.config
    assert first.extensions["hello_db"] is not second.extensions["hello_db"]


@pytest.mark.hint("keep per-app state in app.config and app.extensions, never in module globals")
def test_two_apps_in_one_process_share_no_state(tmp_path, password_hash):
    ann_app = create_app(
        {"ENV_NAME": "testing", "DATABASE": str(tmp_path / "a.sqlite"), "SECRET_KEY": "key-a" * 8}
    )
    bob_app = create_app(
        {
            "ENV_NAME": "testing",
            "DATABASE": str(tmp_path / "b.sqlite"),
            "SECRET_KEY": "key-b" * 8,
            "DEFAULT_NAME": "Bob",
        }
    )
    with ann_app.app_context(), db.connection:
        db.connection.execute(
            "INSERT INTO user (username, password) VALUES ('ann', ?)", (password_hash,)
        )
    with bob_app.app_context():
        assert db.connection.execute("SELECT COUNT(*) FROM user").fetchone()[0] == 0
    assert "Hello, World!" in ann_app.test_client().get("/greet").text
    assert "Hello, Bob!" in bob_app.test_client().get("/greet").text
    # Each app signs sessions with its own key: one app's cookie means nothing to the other.
    ann = ann_app.test_client()
    ann.post("/submit", data={"message": "only for ann"})
    bob = bob_app.test_client()
    bob.set_cookie("session", ann.get_cookie("session").value)
    assert "<h1>Nothing submitted</h1>" in bob.get("/submitted").text


@pytest.mark.hint(
    "register main.bp, auth.bp and api.bp (url_prefix='/api'); main.bp = Blueprint('main', "
    "__name__)"
)
def test_the_blueprints_are_registered_with_their_prefixes(app):
    rules = {rule.endpoint: rule.rule for rule in app.url_map.iter_rules()}
    assert rules["main.hello"] == "/hello/<name>"
    assert rules["auth.login"] == "/auth/login"
    assert rules["api.hello"] == "/api/hello/<name>"
    assert set(app.blueprints) == {"main", "auth", "api"}


@pytest.mark.hint("no DATABASE: os.path.join(app.instance_path, 'hello.sqlite'), its folder made")
def test_without_a_database_setting_it_lives_in_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("FLASK_DATABASE", raising=False)
    app = create_app({"ENV_NAME": "testing"})
    assert app.config["DATABASE"].startswith(app.instance_path)
