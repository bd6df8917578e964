"""The api blueprint: JSON answers, and JSON errors, under /api."""

import pytest


@pytest.mark.hint("api.hello returns a dict with the greeting: Flask makes it JSON")
def test_hello_answers_json(client):
    response = client.get("/api/hello/Zoë")
    assert response.mimetype == "application/json"
    assert response.get_json() == {"greeting": "Hello, Zoë!"}


@pytest.mark.hint(
    "api.me answers a visitor (no g.user) with a 401 whose message says to log in first; "
    "errors.py (given) makes it JSON"
)
def test_me_for_a_visitor_is_a_json_401(client):
    response = client.get("/api/me")
    assert response.status_code == 401
    assert response.get_json() == {"error": "Unauthorized", "message": "Log in first."}


@pytest.mark.hint("api.me returns a dict of the logged-in user's id and username, from g.user")
def test_me_for_a_logged_in_user(client, auth):
    auth.login()
    assert client.get("/api/me").get_json()["username"] == "ada"


@pytest.mark.hint(
    "create_app registers api.bp with the URL prefix /api, and attaches errors.py to the app"
)
def test_unknown_api_addresses_and_wrong_methods_answer_json(client):
    assert client.get("/api/nope").get_json()["error"] == "Not Found"
    response = client.post("/api/hello/x")
    assert response.status_code == 405
    assert response.get_json()["error"] == "Method Not Allowed"
    assert "GET" in response.headers["Allow"]
