"""The exercises of 04_flask_basic/README.md, one check each, run against your workspace."""

import re

import pytest

hint = pytest.mark.hint


@pytest.fixture
def app(stage):
    """Your Flask app."""
    return stage.app


@pytest.fixture
def client(app):
    """Flask's test client on your app; it keeps the session cookie between requests."""
    return app.test_client()


@hint("a view routed at /goodbye/<name> renders goodbye.html, which extends base.html")
def test_exercise_1_goodbye(app, client):
    assert "goodbye" in app.view_functions
    page = client.get("/goodbye/Ann")
    assert page.status_code == 200
    assert "<h1>Goodbye, Ann!</h1>" in page.text
    assert '<link rel="stylesheet" href="/static/style.css">' in page.text  # the layout
    assert "&lt;b&gt;" in client.get("/goodbye/<b>").text


@hint("greeting.html must escape {{ name }} again: take |safe out")
def test_exercise_2_the_escaping_is_back(client):
    text = client.get("/greet", query_string={"name": "<img src=x onerror=alert(1)>"}).text
    assert "<img src=x" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text


@hint(
    "submitted() flashes 'Welcome back!' in the category info; index.html shows each flash, "
    "with its category, in a tag whose class names the category"
)
def test_exercise_3_welcome_back_once_after_a_submit(client):
    assert "Welcome back!" not in client.get("/").text  # nothing submitted yet
    client.post("/submit", data={"message": "Hi"})
    assert "You submitted: Hi" in client.get("/submitted").text
    welcome = client.get("/").text
    assert re.search(r'class="[^"]*\binfo\b[^"]*"[^>]*>\s*Welcome back!', welcome), welcome
    assert "Welcome back!" not in client.get("/").text  # shown once


@hint("a view routed at /api/hello/<name> returns a dict with the greeting: Flask makes it JSON")
def test_exercise_4_a_json_route(client):
    response = client.get("/api/hello/Zoë")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.json == {"greeting": "Hello, Zoë!"}


@hint("an error handler of the 405s renders a template, status 405, and keeps the Allow header")
def test_exercise_5_a_405_page_that_keeps_allow(client):
    response = client.put("/submit")
    assert response.status_code == 405
    assert set(response.headers.get("Allow", "").split(", ")) >= {"POST"}
    assert "405 Method Not Allowed" in response.text
    assert '<link rel="stylesheet" href="/static/style.css">' in response.text
