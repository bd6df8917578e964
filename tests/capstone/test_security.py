"""Safety nets: headers, cookies, CSRF, escaping, error pages, production settings."""

import pytest

from capstone import create_app
from capstone.config import DEV_SECRET_KEY

HOSTILE = '<script>alert("x")</script>'


def test_security_headers_on_every_page(client):
    for path in ("/", "/auth/login", "/nope"):
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_the_session_cookie_is_httponly_and_samesite_lax(client, build, login):
    build.user("alice")
    login(client, "alice")
    cookie = client.get_cookie("session")
    assert cookie.http_only
    assert cookie.same_site == "Lax"
    assert not cookie.secure  # development: plain HTTP on localhost


def test_static_files_of_a_logged_in_user_cost_no_query(client, build, login, count_queries):
    build.user("alice")
    login(client, "alice")
    with count_queries() as statements, client.get("/static/style.css") as stylesheet:
        assert stylesheet.status_code == 200
    assert statements == []  # no user loaded just to decide on a header


def test_private_pages_are_not_stored_by_any_cache(client, build, login):
    build.user("alice")
    assert "Cache-Control" not in client.get("/auth/login").headers  # public
    login(client, "alice")
    for path in ("/dashboard", "/projects/", "/nope"):
        assert client.get(path).headers["Cache-Control"] == "no-store"
    with client.get("/static/style.css") as stylesheet:
        assert "no-store" not in stylesheet.headers.get("Cache-Control", "")
    anonymous = client.application.test_client()
    token = anonymous.post(
        "/api/v1/tokens", json={"username": "alice", "password": "correct-horse-battery"}
    )
    assert token.headers["Cache-Control"] == "no-store"  # RFC 6749: tokens are never cached
    bearer = {"Authorization": f"Bearer {token.get_json()['access_token']}"}
    assert anonymous.get("/api/v1/me", headers=bearer).headers["Cache-Control"] == "no-store"


PRODUCTION = {
    "ENV_NAME": "production",
    "SECRET_KEY": "p" * 40,
    "PUBLIC_URL": "https://tasks.example",
}


def test_production_cookies_are_secure(app_config):
    app = create_app({**app_config, **PRODUCTION})
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]


def test_production_over_https_asks_browsers_to_stay_on_https(app_config):
    production = create_app({**app_config, **PRODUCTION}).test_client()
    for path in ("/auth/login", "/api/v1/me", "/nope"):
        answer = production.get(path, base_url="https://tasks.example")
        assert answer.headers["Strict-Transport-Security"] == "max-age=31536000"  # a year
    # Over plain HTTP the header means nothing (RFC 6797): a proxy could add or strip it.
    assert "Strict-Transport-Security" not in production.get("/auth/login").headers


def test_behind_a_proxy_the_forwarded_scheme_decides(app_config):
    production = create_app({**app_config, **PRODUCTION, "TRUSTED_PROXIES": 1}).test_client()
    for scheme, sent in (("https", True), ("http", False)):
        answer = production.get("/auth/login", headers={"X-Forwarded-Proto": scheme})
        assert ("Strict-Transport-Security" in answer.headers) is sent


def test_development_never_pins_https(client):
    # A browser that saw it once would refuse http://localhost for a year.
    answer = client.get("/auth/login", base_url="https://localhost")
    assert "Strict-Transport-Security" not in answer.headers


@pytest.mark.parametrize(
    ("settings", "reason"),
    [
        ({}, "SECRET_KEY is not set"),
        ({"SECRET_KEY": DEV_SECRET_KEY}, "SECRET_KEY is not set"),
        ({"SECRET_KEY": "too-short"}, "shorter than 32"),
        ({"SECRET_KEY": "p" * 40, "DEBUG": True}, "DEBUG is on"),
        ({"SECRET_KEY": "p" * 40, "PUBLIC_URL": None}, "PUBLIC_URL is not set"),
    ],
)
def test_production_refuses_unsafe_settings(app_config, settings, reason, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    config = {**app_config, **PRODUCTION, "SECRET_KEY": None, **settings}
    with pytest.raises(RuntimeError, match=reason):
        create_app(config)


def test_settings_come_from_the_environment(app_config, monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "from-the-environment-" * 2)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'env.sqlite'}")
    app = create_app({"ENV_NAME": "development"})
    assert app.config["SECRET_KEY"] == "from-the-environment-" * 2
    assert app.config["DATABASE_URL"].endswith("env.sqlite")


def test_settings_from_the_environment_get_their_types(app_config, monkeypatch):
    monkeypatch.setenv("MAIL_PORT", "587")
    monkeypatch.setenv("MAIL_USE_TLS", "yes")
    monkeypatch.setenv("MAX_ATTACHMENT_SIZE", "1000")
    app = create_app(app_config)
    assert app.config["MAIL_PORT"] == 587
    assert app.config["MAIL_USE_TLS"] is True
    assert app.config["MAX_ATTACHMENT_SIZE"] == 1000


@pytest.mark.parametrize(("name", "value"), [("MAIL_PORT", "smtp"), ("MAIL_USE_SSL", "maybe")])
def test_a_setting_that_makes_no_sense_stops_the_start(app_config, monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(RuntimeError, match=f"{name}='{value}' is not valid"):
        create_app(app_config)


def test_csrf_is_enforced_on_every_form_when_enabled(app_config, make_app):
    app = make_app({**app_config, "WTF_CSRF_ENABLED": True})
    client = app.test_client()
    for path in ("/auth/login", "/auth/register", "/auth/logout", "/projects/new"):
        response = client.post(path, data={"username": "x"})
        assert response.status_code == 400, path
        assert "The CSRF token is missing." in response.text


def test_with_the_token_the_form_works(app_config, make_app):
    import re

    app = make_app({**app_config, "WTF_CSRF_ENABLED": True})
    client = app.test_client()
    token = re.search(
        r'name="csrf_token" type="hidden" value="([^"]+)"', client.get("/auth/register").text
    )[1]
    data = {
        "csrf_token": token,
        "username": "grace",
        "email": "g@example.org",
        "password": "hopper-1906",
        "confirm": "hopper-1906",
    }
    assert client.post("/auth/register", data=data).status_code == 303


def test_hostile_text_is_escaped_everywhere(client, login, team):
    login(client, "alice")
    client.post(f"/projects/{team['project']}/edit", data={"name": HOSTILE, "description": HOSTILE})
    response = client.post(
        f"/projects/{team['project']}/tasks/new",
        data={
            "title": HOSTILE,
            "description": HOSTILE,
            "status": "todo",
            "priority": "low",
            "assignee_id": "0",
        },
    )
    task_url = response.headers["Location"]
    client.post(f"{task_url}/comments", data={"body": HOSTILE})
    pages = [
        "/dashboard",
        "/projects/",
        f"/projects/{team['project']}",
        f"/projects/{team['project']}/tasks",
        task_url,
        f"/projects/{team['project']}/members",
    ]
    for path in pages:
        text = client.get(path).text
        assert "<script>" not in text, path
        assert "&lt;script&gt;" in text, path


@pytest.mark.parametrize(
    ("make_request", "status"),
    [
        (lambda c: c.get("/projects/99999999999999999999"), 404),
        (lambda c: c.put("/auth/login"), 405),
        (lambda c: c.post("/auth/register", data={"x": "y" * (3 * 1024 * 1024)}), 413),
    ],
    ids=["404", "405", "413"],
)
def test_error_pages_are_ours_and_show_no_internals(client, make_request, status):
    response = make_request(client)
    assert response.status_code == status
    assert f"<h1>{status} " in response.text
    assert "Traceback" not in response.text and "werkzeug" not in response.text.lower()


def test_a_405_keeps_its_allow_header(client):
    assert "POST" in client.put("/auth/login").headers["Allow"]


def test_an_unhandled_error_is_a_plain_500(app, client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr("capstone.main.views.render_template", broken)
    app.testing = False  # as in production: the error becomes a 500 page, not an exception
    monkeypatch.setattr(app.logger, "disabled", True)  # the logger is shared: undo it
    response = client.get("/")
    assert response.status_code == 500
    assert "<h1>500 Internal Server Error</h1>" in response.text
    assert "hunter2" not in response.text


def test_a_403_page(client, login, team):
    login(client, "bob")
    response = client.get(f"/projects/{team['project']}/edit")
    assert response.status_code == 403
    assert "<h1>403 Forbidden</h1>" in response.text


def test_the_stylesheet_is_local(client):
    assert 'href="/static/style.css"' in client.get("/").text
    with client.get("/static/style.css") as response:
        assert response.status_code == 200


def test_the_numbers_the_readme_gives(app):
    # capstone/README.md: 5 failures per account, 20 per client, within 15 minutes;
    # request bodies up to 2 MiB; tasks 20 to a page; API tokens live an hour.
    assert app.config["MAX_CONTENT_LENGTH"] == 2 * 1024 * 1024
    assert app.config["TASKS_PER_PAGE"] == 20
    assert app.config["API_TOKEN_SECONDS"] == 3600
    assert app.config["LOGIN_FAILURES_PER_ACCOUNT"] == 5
    assert app.config["LOGIN_FAILURES_PER_CLIENT"] == 20
    assert app.config["LOGIN_WINDOW_SECONDS"] == 15 * 60
