"""Teardown functions run after every request, also when the view raised, and get the error."""

import logging

import pytest


@pytest.fixture
def calls(app):
    """Register teardown spies and a failing view on a fresh app; return the spy log."""
    log = []
    app.teardown_request(lambda error: log.append(("teardown_request", error)))
    app.teardown_appcontext(lambda error: log.append(("teardown_appcontext", error)))

    @app.route("/fail")
    def fail():
        raise ValueError("the view failed")

    app.logger.setLevel(logging.CRITICAL)  # Flask logs the traceback; not needed here.
    return log


@pytest.mark.hint("teardown functions receive None after a good request: raise nothing in yours")
def test_after_a_good_request_they_receive_none_in_order(app, calls):
    assert app.test_client().get("/hello/Ada").status_code == 200
    assert calls == [("teardown_request", None), ("teardown_appcontext", None)]


@pytest.mark.hint(
    "teardown_request and teardown_appcontext receive the view's exception; the 500 page is given"
)
def test_after_a_failing_view_they_receive_the_exception(app, calls):
    response = app.test_client().get("/fail")
    assert response.status_code == 500
    assert "500 Internal Server Error" in response.text
    assert [name for name, _ in calls] == ["teardown_request", "teardown_appcontext"]
    assert all(isinstance(error, ValueError) for _, error in calls)


@pytest.mark.hint(
    "@app.teardown_request on report_failed_request: app.logger.warning('request %s failed: "
    "%r', g.get('request_id'), error)"
)
def test_the_stage_logs_failed_requests_with_their_id(app, caplog):
    @app.route("/fail")
    def fail():
        raise ValueError("boom")

    with caplog.at_level(logging.WARNING, logger=app.logger.name):
        response = app.test_client().get("/fail")
    request_id = response.headers["X-Request-Id"]
    assert f"request {request_id} failed: ValueError('boom')" in caplog.text
