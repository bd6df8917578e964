"""Request and Response at work: args, form, cookies, JSON, size limits, JSON errors."""

import json

import pytest


@pytest.mark.hint(
    "greeting() sets the cookie last_greeted for 30 days (max_age), out of scripts' reach "
    "(httponly) and not sent by other sites (samesite Lax)"
)
def test_greeting_remembers_the_name_in_a_cookie(client):
    response = client.get("/greet?name=Zoë")
    cookie = client.get_cookie("last_greeted")  # its raw value is quoted: "Zo\303\253"
    assert cookie.http_only
    assert cookie.same_site == "Lax"
    # Without Max-Age the cookie ends with the browser session: "last time" is forgotten.
    assert "Max-Age=2592000" in response.headers["Set-Cookie"]
    assert "Last time you greeted Zoë." in client.get("/").get_data(as_text=True)


@pytest.mark.hint("on_index shows the cookie's name through escape(): a cookie is user input")
def test_the_cookie_value_is_escaped_on_the_page(client):
    client.set_cookie("last_greeted", "<script>alert(1)</script>")
    text = client.get("/").get_data(as_text=True)
    assert "<script>" not in text
    assert "&lt;script&gt;" in text


@pytest.mark.hint("HelloRequest sets max_content_length and max_form_memory_size (given)")
def test_a_form_above_the_limit_gets_413(client, stage):
    body = b"message=" + b"x" * stage.MAX_BODY_BYTES
    assert (
        client.post(
            "/submit", data=body, content_type="application/x-www-form-urlencoded"
        ).status_code
        == 413
    )


@pytest.mark.hint("on_api_hello returns json_response({'greeting': ...})")
def test_the_json_endpoint(client):
    response = client.get("/api/hello/Zoë")
    assert response.mimetype == "application/json"
    assert response.get_json() == {"greeting": "Hello, Zoë!"}


@pytest.mark.hint("on_api_greetings: request.get_json(), a non-empty string 'name', 201")
def test_posting_json(client):
    response = client.post("/api/greetings", json={"name": "Ada"})
    assert response.status_code == 201
    assert response.get_json() == {"greeting": "Hello, Ada!"}


@pytest.mark.hint("under /api/, dispatch_request answers HTTPExceptions with json_error(error)")
@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{bad", "application/json", 400),
        (b"[1, 2]", "application/json", 400),
        (b'{"name": 5}', "application/json", 400),
        (b'{"name": "  "}', "application/json", 400),
        (b'{"other": "Ada"}', "application/json", 400),
        (b"name=Ada", "application/x-www-form-urlencoded", 415),
        (b'{"name": "\xff"}', "application/json", 400),
    ],
)
def test_bad_json_gets_a_json_error(client, body, content_type, status):
    response = client.post("/api/greetings", data=body, content_type=content_type)
    assert response.status_code == status
    payload = response.get_json()
    assert set(payload) == {"error", "message"}


@pytest.mark.hint(
    "deeply nested JSON makes json.loads raise RecursionError, which get_json() does not turn"
    " into a 400 (it catches ValueError only): on_api_greetings answers it with BadRequest"
)
def test_deeply_nested_json_gets_a_json_400(client):
    response = client.post("/api/greetings", data=b"[" * 1000, content_type="application/json")
    assert response.status_code == 400
    assert set(response.get_json()) == {"error", "message"}


@pytest.mark.hint(
    "json_error copies the exception's headers but its Content-Type: a response has one "
    "Content-Type, application/json"
)
@pytest.mark.parametrize("target", ["/api/nope", "/api/greetings"])
def test_a_json_error_has_one_content_type(client, target):
    response = client.get(target)  # a 404, then a 405 (/api/greetings is POST only)
    assert response.headers.getlist("Content-Type") == ["application/json"]


@pytest.mark.hint("get_json() raises 413 for large bodies; under /api/ it must become JSON too")
def test_oversized_json_gets_a_json_413(client, stage):
    body = json.dumps({"name": "x" * stage.MAX_BODY_BYTES})
    response = client.post("/api/greetings", data=body, content_type="application/json")
    assert response.status_code == 413
    assert response.get_json()["error"] == "Request Entity Too Large"


@pytest.mark.hint("json_error keeps the exception's headers (get_headers()), Allow included")
def test_api_404_and_405_answer_json_and_keep_allow(client):
    assert client.get("/api/nope").get_json()["error"] == "Not Found"
    response = client.delete("/api/greetings")
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"
    assert response.get_json()["error"] == "Method Not Allowed"


@pytest.mark.hint("outside /api/, return the HTTPException itself: it is a Response")
def test_html_errors_stay_html_outside_the_api(client):
    response = client.get("/nope")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
