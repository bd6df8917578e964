"""The exercises of 01_raw_wsgi/README.md, one check each, run against your workspace.

`make check STAGE=01` runs them after the stage's own checks and counts how many of
the five you have done; they are not required to pass the stage.
"""

import json

import pytest

hint = pytest.mark.hint


@hint("add route('/goodbye/<name>', goodbye) to ROUTES and a goodbye(environ, name) view")
def test_exercise_1_a_goodbye_route(client):
    response = client.get("/goodbye/Alice")
    assert response.status_code == 200
    assert "<h1>Goodbye, Alice!</h1>" in response.text
    assert "&lt;b&gt;" in client.get("/goodbye/%3Cb%3E").text  # escaped like /hello


@hint("put html.escape back in greeting(): the name must reach the page as &lt;script&gt;")
def test_exercise_2_the_escaping_is_back(client):
    response = client.get("/hello/%3Cb%20onmouseover%3Dalert(1)%3E")  # no slash: one segment
    assert response.status_code == 200
    assert "<b onmouseover" not in response.text
    assert "&lt;b onmouseover=alert(1)&gt;" in response.text


@hint("let a view return its content type with its text, and application() send it")
def test_exercise_3_robots_txt_is_plain_text(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response.header("Content-Type") == "text/plain; charset=utf-8"
    assert "<" not in response.text  # text, not a page
    assert client.get("/").header("Content-Type") == "text/html; charset=utf-8"


@hint("json.dumps(...).encode('utf-8'), and Content-Length is len() of those bytes")
def test_exercise_4_a_json_greeting(client):
    response = client.get("/api/hello/Zo%C3%AB")
    assert response.status_code == 200
    assert response.header("Content-Type") == "application/json"
    assert json.loads(response.body) == {"greeting": "Hello, Zoë!"}
    assert int(response.header("Content-Length")) == len(response.body)


@hint("route /stream to a view whose generator becomes the body, with no Content-Length")
def test_exercise_5_a_page_streamed_in_chunks(stage):
    started = []
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/stream",
        "QUERY_STRING": "name=Bob",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
    }
    body = stage.application(
        environ, lambda status, headers, exc_info=None: started.extend(headers)
    )
    chunks = [chunk for chunk in body if chunk]
    if hasattr(body, "close"):
        body.close()
    assert len(chunks) >= 3, "the page should come in (at least) three chunks"
    assert b"<h1>Hello, Bob!</h1>" in b"".join(chunks)
    lengths = [int(value) for name, value in started if name.lower() == "content-length"]
    assert lengths in ([], [len(b"".join(chunks))])
