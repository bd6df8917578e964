"""Redirect-after-POST with a flashed message, carried by the signed session cookie."""


def test_submit_answers_303_to_the_result_page(client):
    response = client.post("/submit", data={"message": "Hi there"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/submitted"


def test_the_result_page_shows_the_message_once(client):
    client.post("/submit", data={"message": "Hi there"})
    assert "<h1>You submitted: Hi there</h1>" in client.get("/submitted").text
    assert "<h1>Nothing submitted</h1>" in client.get("/submitted").text


def test_the_message_travels_in_a_signed_httponly_cookie(client):
    client.post("/submit", data={"message": "Hi there"})
    cookie = client.get_cookie("session")
    assert cookie.http_only
    assert cookie.same_site == "Lax"
    assert "Hi there" not in cookie.value  # signed and encoded, not sent in plain text


def test_a_tampered_cookie_is_ignored(client):
    client.post("/submit", data={"message": "Hi there"})
    value = client.get_cookie("session").value
    client.set_cookie("session", value[:-2] + ("AA" if not value.endswith("AA") else "BB"))
    assert "<h1>Nothing submitted</h1>" in client.get("/submitted").text


def test_each_client_sees_only_its_own_message(app):
    alice, bob = app.test_client(), app.test_client()
    alice.post("/submit", data={"message": "from Alice"})
    assert "Nothing submitted" in bob.get("/submitted").text
    assert "from Alice" in alice.get("/submitted").text
