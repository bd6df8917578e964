"""g: one per application context, so one per request; never shared between requests."""

import pytest
from flask import appcontext_tearing_down
from flask import g


@pytest.mark.hint(
    "g lives as long as one app context, so one request: never keep request data in a module global"
)
def test_a_value_set_in_one_request_is_absent_in_the_next(app):
    @app.route("/remember")
    def remember():
        seen = g.get("value")
        g.value = "set by this request"
        return repr(seen)

    client = app.test_client()
    assert client.get("/remember").text == "None"
    assert client.get("/remember").text == "None"


@pytest.mark.hint(
    "before each request, put a new request id in g (a new one for every request); after it, "
    "send it as X-Request-Id; /whoami shows it"
)
def test_the_stage_keeps_a_request_id_in_g_and_sends_it_back(stage):
    client = stage.app.test_client()
    first, second = client.get("/whoami"), client.get("/whoami")
    assert first.headers["X-Request-Id"] in first.text
    assert first.headers["X-Request-Id"] != second.headers["X-Request-Id"]


@pytest.mark.hint("g belongs to the application context: it works in `with app.app_context():`")
def test_g_works_without_a_request_in_an_app_context(app):
    with app.app_context():
        g.job = "nightly"
        assert g.job == "nightly"
    with app.app_context():
        assert "job" not in g


@pytest.mark.hint(
    "close_resources runs as the application context ends: it takes the resource out of g, "
    "then closes it"
)
def test_a_resource_in_g_is_closed_at_teardown(app):
    resource = Resource()
    with app.app_context():
        g.resource = resource
    assert resource.closed, "g.resource was not closed when the app context ended"


@pytest.mark.hint(
    "close_resources must take it out of g (pop, not get): a closed resource left in g is "
    "there for the next teardown function to use or close again"
)
def test_the_closed_resource_is_no_longer_in_g(app):
    left = []

    def after_teardown(sender, **extra):
        left.append(sorted(g))  # sent after every teardown function ran, g still there

    with appcontext_tearing_down.connected_to(after_teardown, app), app.app_context():
        g.resource = Resource()
    assert left == [[]], f"still in g after teardown: {left}"


class Resource:
    """Something to close, which remembers that it was."""

    closed = False

    def close(self):
        """Close it."""
        self.closed = True
