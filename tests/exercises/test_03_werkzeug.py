"""The exercises of 03_werkzeug/README.md, one check each, run against your workspace."""

import pytest
from werkzeug.test import Client

hint = pytest.mark.hint


@pytest.fixture
def client(stage):
    """Werkzeug's test client on your application."""
    return Client(stage.application)


@hint("a Rule with <int(min=1, max=10):times>, and a view that repeats the greeting")
def test_exercise_1_a_bounded_repeat(client):
    page = client.get("/hello/Ann/3")
    assert page.status_code == 200
    assert page.get_data(as_text=True).count("Hello, Ann!") >= 3
    assert client.get("/hello/Ann/0").status_code == 404  # the converter refused it
    assert client.get("/hello/Ann/ten").status_code == 404


@hint("mounted = DispatcherMiddleware(<an app for the rest>, {'/hello-app': application})")
def test_exercise_2_mounted_under_a_prefix(stage):
    client = Client(stage.mounted)
    page = client.get("/hello-app/")
    assert page.status_code == 200
    assert 'href="/hello-app/greet' in page.get_data(as_text=True)  # built, not hard-coded
    assert client.get("/hello-app/hello/Alice").status_code == 200


@hint("put methods=GET back on the /greet rule: POST /greet must be a 405")
def test_exercise_3_the_method_list_is_back(client):
    assert client.post("/greet").status_code == 405


@hint("catch NotFound in dispatch_request and answer page(...) with status 404")
def test_exercise_4_a_404_page_of_our_own(client):
    missing = client.get("/nope")
    assert missing.status_code == 404
    assert 'href="/static/style.css"' in missing.get_data(as_text=True)
    assert client.get("/api/nope").headers["Content-Type"] == "application/json"


@hint("a /forget view answers with the last_greeted cookie expired (Response can delete one)")
def test_exercise_5_forget_expires_the_cookie(client):
    client.get("/hello/Zoe")
    forget = client.get("/forget")
    assert forget.status_code in (200, 302, 303)
    cookie = forget.headers.get("Set-Cookie", "")
    assert cookie.startswith("last_greeted=;") and "Max-Age=0" in cookie and "Path=/" in cookie
    assert client.get_cookie("last_greeted") is None
