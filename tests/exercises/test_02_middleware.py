"""The exercises of 02_middleware/README.md, one check each, run against your workspace.

The new layers are imported from your `wsgi_middleware/` under the names the README
gives; the footer and the request id are checked through your `application`, so they
must also be in your `build()`.
"""

import re

import pytest
from harness.wsgi_client import WSGIClient

hint = pytest.mark.hint


def environ_for(path="/", **extra):
    """A small PEP 3333 environ for calling a layer directly."""
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "REMOTE_ADDR": "127.0.0.1",
        **extra,
    }


def streaming_app(fail=False):
    """An app whose body comes in three chunks (failing at the second if asked)."""

    def app(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])

        def chunks():
            yield b"one "
            if fail:
                raise RuntimeError("the body broke")
            yield b"two "
            yield b"three"

        return chunks()

    return app


@hint("in build(), RequestId around the app: uuid4().hex in environ and in X-Request-Id")
def test_exercise_1_every_response_has_its_own_request_id(stage):
    client = WSGIClient(stage.application)
    first, second = (client.get("/hello/Alice").header("X-Request-Id") for _ in range(2))
    assert first and re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


@hint("Footer appends the comment to text/html bodies and recomputes Content-Length")
def test_exercise_2_html_pages_end_with_the_footer(stage):
    client = WSGIClient(stage.application)
    page = client.get("/hello/Alice")
    assert page.text.rstrip().endswith("<!-- served by 02_middleware -->")
    assert int(page.header("Content-Length")) == len(page.body)
    assert "served by" not in client.get("/stream").text  # text/plain stays as it was


@hint("put ClosingBody back: a class's close() runs even if the body was never iterated")
def test_exercise_3_closing_body_is_back(stage):
    from wsgi_middleware.body import ClosingBody

    closed = []

    class Body(list):
        def close(self):
            closed.append(True)

    ClosingBody(Body([b"x"])).close()
    assert closed == [True]


@hint("InFlight: +1 on the way in, -1 in watch_response's on_done (and when the app raises)")
def test_exercise_4_in_flight_counts_until_the_response_is_over(stage):
    from wsgi_middleware.in_flight import InFlight

    layer = InFlight(streaming_app())
    body = layer(environ_for(), lambda *args: None)
    assert layer.count == 1
    assert b"".join(body) == b"one two three"
    assert layer.count == 1  # iterated, but not closed yet
    body.close()
    assert layer.count == 0
    failing = InFlight(streaming_app(fail=True))
    body = failing(environ_for(), lambda *args: None)
    with pytest.raises(RuntimeError):
        list(body)
    body.close()
    assert failing.count == 0


@hint("ForwardedFor: REMOTE_ADDR becomes the LAST address of X-Forwarded-For, not the first")
def test_exercise_5_one_forwarded_hop_is_trusted(stage):
    from wsgi_middleware.forwarded import ForwardedFor

    seen = []

    def app(environ, start_response):
        seen.append(environ["REMOTE_ADDR"])
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    layer = ForwardedFor(app)
    layer(environ_for(HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"), lambda *args: None)
    layer(environ_for(), lambda *args: None)
    assert seen == ["203.0.113.7", "127.0.0.1"]  # a client may write the first, never the last
