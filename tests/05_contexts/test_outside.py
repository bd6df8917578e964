"""Outside a context: the exact RuntimeError Flask raises, and the two fixes."""

import pytest
from flask import current_app
from flask import g
from flask import request
from flask import session
from flask import url_for


@pytest.mark.hint("outside any context each proxy raises RuntimeError: use none at import time")
@pytest.mark.parametrize(
    ("proxy", "message"),
    [
        (lambda: current_app.name, "Working outside of application context."),
        (lambda: g.anything, "Working outside of application context."),
        (lambda: request.path, "Working outside of request context."),
        (lambda: session.get("x"), "Working outside of request context."),
    ],
    ids=["current_app", "g", "request", "session"],
)
def test_each_proxy_raises_the_exact_message(proxy, message):
    with pytest.raises(RuntimeError) as caught:
        proxy()
    assert str(caught.value).splitlines()[0] == message


@pytest.mark.hint("`with app.app_context():` makes current_app and g usable outside a request")
def test_fix_one_an_app_context_for_current_app_and_g(app):
    with app.app_context():
        assert current_app.name
        g.ok = True
        with pytest.raises(RuntimeError, match="Working outside of request context"):
            request.path  # noqa: B018 (an app context has no request)


@pytest.mark.hint("`with app.test_request_context('/path'):` makes request usable in a test")
def test_fix_two_a_test_request_context_for_request(app):
    with app.test_request_context("/hello/Ada", method="GET"):
        assert request.path == "/hello/Ada"
        assert url_for("greet", name="Ann") == "/greet?name=Ann"


@pytest.mark.hint(
    "url_for outside a request needs SERVER_NAME in the config: do not set it in Config"
)
def test_url_for_needs_a_request_or_server_name(app):
    with app.app_context(), pytest.raises(RuntimeError, match="SERVER_NAME"):
        url_for("index")
    app.config["SERVER_NAME"] = "hello.example"
    with app.app_context():
        assert url_for("index") == "http://hello.example/"
