"""The api blueprint: JSON answers, and JSON errors, under /api."""


def test_hello_answers_json(client):
    response = client.get("/api/hello/Zoë")
    assert response.mimetype == "application/json"
    assert response.get_json() == {"greeting": "Hello, Zoë!"}


def test_me_for_a_visitor_is_a_json_401(client):
    response = client.get("/api/me")
    assert response.status_code == 401
    assert response.get_json() == {"error": "Unauthorized", "message": "Log in first."}


def test_me_for_a_logged_in_user(client, auth):
    auth.login()
    assert client.get("/api/me").get_json()["username"] == "ada"


def test_unknown_api_addresses_and_wrong_methods_answer_json(client):
    assert client.get("/api/nope").get_json()["error"] == "Not Found"
    response = client.post("/api/hello/x")
    assert response.status_code == 405
    assert response.get_json()["error"] == "Method Not Allowed"
    assert "GET" in response.headers["Allow"]
