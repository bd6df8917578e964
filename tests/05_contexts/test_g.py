"""g: one per application context, so one per request; never shared between requests."""

import pytest
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
    "@app.before_request sets g.request_id (new per request); @app.after_request sends "
    "X-Request-Id; /whoami shows it"
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
    "@app.teardown_appcontext on close_resources: g.pop('resource', None), then close() it"
)
def test_a_resource_in_g_is_closed_at_teardown(app):
    class Resource:
        closed = False

        def close(self):
            self.closed = True

    resource = Resource()
    with app.app_context():
        g.resource = resource
    assert resource.closed, "g.resource was not closed when the app context ended"
