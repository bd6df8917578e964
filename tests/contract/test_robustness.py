"""Contract: UTF-8 in URLs and forms; malformed input gets a 4xx, never a 500 or a hang."""

import pytest
from harness.hello_contract import MAX_BODY_BYTES

FORM = ("Content-Type", "application/x-www-form-urlencoded")


@pytest.mark.hint(
    "PATH_INFO is latin-1 text holding UTF-8 bytes: back to bytes with latin-1, then UTF-8; "
    "Werkzeug and Flask decode it for you, so a failure there means the view itself fails"
)
def test_percent_encoded_utf8_in_the_path_decodes(client):
    response = client.get("/hello/Zo%C3%AB")
    assert response.status_code == 200
    assert "<h1>Hello, Zoë!</h1>" in response.text


@pytest.mark.hint("decode the query string and the form body as UTF-8")
def test_percent_encoded_utf8_in_query_and_form_decodes(client):
    assert "<h1>Hello, Zoë!</h1>" in client.get("/greet?name=Zo%C3%AB").text
    response = client.post_form("/submit", b"message=%E2%9C%93+done")
    assert "<h1>You submitted: ✓ done</h1>" in response.text


@pytest.mark.hint("a URL that is not valid UTF-8 must not crash the app: catch UnicodeDecodeError")
@pytest.mark.parametrize("target", ["/hello/%FF%FE", "/greet?name=%FF"])
def test_a_url_that_is_not_utf8_is_not_a_server_error(client, target):
    assert client.get(target).status_code < 500


@pytest.mark.hint(
    "treat a missing/blank CONTENT_LENGTH as 0 and reject a non-numeric one with 400"
    "; with Werkzeug or Flask, which read the body for you, a 500 here is the submit view's"
)
@pytest.mark.parametrize("length", ["", "abc", "-1", "1e3", " 12x", "9" * 5000])
def test_a_malformed_content_length_is_a_client_error(client, length):
    # wsgiref's validator itself chokes on these, which is the point: servers pass them on.
    response = client.request(
        "POST",
        "/submit",
        body=b"message=hello",
        headers=[FORM],
        environ={"CONTENT_LENGTH": length},
        validate=False,
    )
    assert 400 <= response.status_code < 500


@pytest.mark.hint(
    "decode the body with errors='strict' and answer 400 when it is not UTF-8"
    "; with Werkzeug or Flask, which read the body for you, a 500 here is the submit view's"
)
def test_a_body_that_is_not_utf8_is_a_client_error(client):
    response = client.request("POST", "/submit", body=b"message=\xff\xfe", headers=[FORM])
    assert 400 <= response.status_code < 500


@pytest.mark.hint(
    f"check CONTENT_LENGTH against the limit ({MAX_BODY_BYTES} bytes) before reading "
    "(Werkzeug: max_content_length; Flask: MAX_CONTENT_LENGTH)"
)
def test_a_body_above_the_limit_gets_413(client):
    body = b"message=" + b"x" * (MAX_BODY_BYTES - 7)
    assert len(body) == MAX_BODY_BYTES + 1
    response = client.request("POST", "/submit", body=body, headers=[FORM])
    assert response.status_code == 413


@pytest.mark.hint(
    "a body exactly at the limit is allowed: compare with >, not >="
    "; with Werkzeug or Flask, which read the body for you, a 500 here is the submit view's"
)
def test_a_body_at_the_limit_is_accepted(client):
    body = b"message=" + b"x" * (MAX_BODY_BYTES - 8)
    response = client.post_form("/submit", body)
    assert response.status_code == 200


@pytest.mark.hint(
    "read exactly CONTENT_LENGTH bytes from wsgi.input, never read() without a size"
    "; with Werkzeug or Flask, which read the body for you, a 500 here is the submit view's"
)
def test_the_app_never_reads_past_content_length(client):
    # The client fails the request if the app asks the stream for more than was sent.
    response = client.request(
        "POST", "/submit", body=b"message=hi", headers=[FORM], environ={"CONTENT_LENGTH": "7"}
    )
    assert response.status_code < 500


@pytest.mark.wsgi_only
@pytest.mark.hint(
    "run your app under wsgiref.validate.validator to see which PEP 3333 rule it breaks"
)
@pytest.mark.parametrize(
    ("method", "target"),
    [("GET", "/"), ("HEAD", "/greet"), ("GET", "/missing"), ("DELETE", "/submit")],
)
def test_every_response_passes_the_pep3333_validator(client, method, target):
    # The client always wraps the app in wsgiref.validate.validator; a violation raises.
    response = client.request(method, target)
    assert response.status_code < 500
