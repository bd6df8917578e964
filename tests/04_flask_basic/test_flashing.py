"""Redirect-after-POST with a flashed message, carried by the signed session cookie."""

import pytest


@pytest.mark.hint("submit() answers with a 303 redirect to the URL built for submitted()")
def test_submit_answers_303_to_the_result_page(client):
    response = client.post("/submit", data={"message": "Hi there"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/submitted"


@pytest.mark.hint(
    "submit() flashes the message in the category 'submitted'; submitted() reads that "
    "category's messages only; submitted.html shows the message in its <h1>"
)
def test_the_result_page_shows_the_message_once(client):
    client.post("/submit", data={"message": "Hi there"})
    assert "<h1>You submitted: Hi there</h1>" in client.get("/submitted").text
    assert "<h1>Nothing submitted</h1>" in client.get("/submitted").text


@pytest.mark.hint(
    "flash() keeps the message in the signed session cookie; never set a cookie of your own"
)
def test_the_message_travels_in_a_signed_httponly_cookie(client):
    client.post("/submit", data={"message": "Hi there"})
    cookie = client.get_cookie("session")
    assert cookie.http_only
    assert cookie.same_site == "Lax"
    assert "Hi there" not in cookie.value  # signed and encoded, not sent in plain text


@pytest.mark.hint(
    "use flash() and get_flashed_messages(): the session cookie is signed with SECRET_KEY"
)
def test_a_tampered_cookie_is_ignored(client):
    client.post("/submit", data={"message": "Hi there"})
    value = client.get_cookie("session").value
    client.set_cookie("session", value[:-2] + ("AA" if not value.endswith("AA") else "BB"))
    assert "<h1>Nothing submitted</h1>" in client.get("/submitted").text


@pytest.mark.hint(
    "keep messages in flash(), never in a module-level variable shared by every client"
)
def test_each_client_sees_only_its_own_message(app):
    alice, bob = app.test_client(), app.test_client()
    alice.post("/submit", data={"message": "from Alice"})
    assert "Nothing submitted" in bob.get("/submitted").text
    assert "from Alice" in alice.get("/submitted").text
