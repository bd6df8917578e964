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
    "report_failed_request, run as the request context ends, logs 'request <id> failed: "
    "<error>' with the request id from g and the error it receives"
)
def test_the_stage_logs_failed_requests_with_their_id(app, caplog):
    response = failing(app, caplog)
    request_id = response.headers["X-Request-Id"]
    assert f"request {request_id} failed: ValueError('boom')" in caplog.text


@pytest.mark.hint(
    "a failed request is logged at level WARNING (info and debug are hidden by default): "
    "the logger's warning method"
)
def test_a_failed_request_is_logged_as_a_warning(app, caplog):
    failing(app, caplog)
    levels = [record.levelname for record in caplog.records if "failed:" in record.getMessage()]
    assert levels == ["WARNING"]


@pytest.mark.hint("log only a failed request: after a good one, the error received is None")
def test_a_good_request_logs_nothing(app, caplog):
    with caplog.at_level(logging.DEBUG, logger=app.logger.name):
        assert app.test_client().get("/hello/Ada").status_code == 200
    assert [record.getMessage() for record in caplog.records] == []


def failing(app, caplog):
    """GET a view that raises ValueError('boom'), every log record kept; return the response."""

    @app.route("/fail")
    def fail():
        raise ValueError("boom")

    with caplog.at_level(logging.DEBUG, logger=app.logger.name):
        return app.test_client().get("/fail")
