"""Contract: POST /submit, the one route that reads a request body."""

import pytest


@pytest.mark.hint(
    "POST /submit reads the form: CONTENT_LENGTH bytes of wsgi.input, or request.form"
)
def test_submit_echoes_the_message(client):
    response = client.post_form("/submit", b"message=Hi+there")
    assert response.status_code == 200
    assert "<h1>You submitted: Hi there</h1>" in response.text


@pytest.mark.hint("answer 405 with an Allow header naming POST for any other method on /submit")
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH"])
def test_other_methods_on_submit_get_405_with_allow(client, method):
    response = client.request(method, "/submit")
    assert response.status_code == 405
    allowed = {m.strip() for m in (response.header("Allow") or "").split(",")}
    assert "POST" in allowed, f"Allow header is {response.header('Allow')!r}"


@pytest.mark.hint(
    "answer 405, not 404, for a known path with the wrong method, and list GET in Allow"
)
@pytest.mark.parametrize("target", ["/", "/hello/Alice", "/greet"])
def test_post_to_a_get_route_gets_405(client, target):
    response = client.post_form(target, b"message=x", follow_redirects=False)
    assert response.status_code == 405
    assert "GET" in (response.header("Allow") or "")


@pytest.mark.hint("a submit without a non-blank message is the client's mistake: answer 400")
@pytest.mark.parametrize("data", [b"", b"message=", b"message=+++", b"other=1"])
def test_submit_without_a_message_is_refused(client, data):
    response = client.post_form("/submit", data, follow_redirects=False)
    assert 400 <= response.status_code < 500
    assert "You submitted" not in response.text
