"""Which context pushes which, and when each is popped."""

import pytest
from flask import current_app
from flask import g
from flask import has_app_context
from flask import has_request_context
from flask import request


@pytest.mark.hint("push no context at import time: no app.app_context() left open in app.py")
def test_nothing_is_active_outside(app):
    assert (has_app_context(), has_request_context()) == (False, False)


@pytest.mark.hint("a `with app.app_context():` pushes current_app and g, but no request")
def test_an_app_context_alone_has_no_request(app):
    with app.app_context():
        assert (has_app_context(), has_request_context()) == (True, False)
        assert current_app._get_current_object() is app
    assert not has_app_context()


@pytest.mark.hint(
    "pushing a request context pushes an app context first; keep app = Flask(__name__)"
)
def test_a_request_context_means_an_app_context(app):
    with app.test_request_context("/hello/Ada"):
        assert (has_app_context(), has_request_context()) == (True, True)
        assert current_app._get_current_object() is app
        assert request.path == "/hello/Ada"
    assert (has_app_context(), has_request_context()) == (False, False)


@pytest.mark.hint("an active app context of the same app is reused by the request context")
def test_a_request_context_reuses_an_active_app_context_of_the_same_app(app):
    with app.app_context():
        g.marker = "outer"
        with app.test_request_context("/"):
            assert g.marker == "outer"
        assert has_app_context() and not has_request_context()


@pytest.mark.hint(
    "Flask pushes both contexts per request and pops both after: pop nothing yourself"
)
def test_each_real_request_pushes_and_pops_both(app):
    seen = []

    @app.route("/probe")
    def probe():
        seen.append((has_app_context(), has_request_context()))
        return "ok"

    assert app.test_client().get("/probe").text == "ok"
    assert seen == [(True, True)]
    assert (has_app_context(), has_request_context()) == (False, False)
