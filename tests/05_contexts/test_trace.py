"""The request-flow tracer: the order Flask runs its hooks, recorded from a real request."""

import logging

import pytest

ORDER = [
    "app context pushed",
    "request context pushed",
    "request_started signal",
    "url_value_preprocessor",
    "before_request",
    "view hello(name='Ada')",
    "after_request",
    "request_finished signal",
    "teardown_request",
    "request_tearing_down signal",
    "request context popped",
    "teardown_appcontext",
    "appcontext_tearing_down signal",
    "app context popped",
]


@pytest.mark.hint(
    "trace.py is given: python trace.py in your folder shows the order; your hooks must return "
    "normally"
)
def test_a_request_runs_every_hook_in_the_documented_order(app, tracing):
    status, steps = tracing.trace_request(app, "/hello/Ada")
    assert status == 200
    assert steps == ORDER


@pytest.mark.hint(
    "a 404 runs every hook but the view: before_request and after_request must not need a view"
)
def test_a_404_skips_the_view_but_not_the_hooks(app, tracing):
    status, steps = tracing.trace_request(app, "/nope")
    assert status == 404
    assert steps == [step for step in ORDER if not step.startswith("view")]


@pytest.mark.hint(
    "after a failing view Flask still runs after_request (on the 500 page) and every teardown"
)
def test_a_failing_view_still_reaches_after_request_and_every_teardown(app, tracing):
    @app.route("/fail")
    def fail():
        raise ValueError("boom")

    app.logger.setLevel(logging.CRITICAL)
    status, steps = tracing.trace_request(app, "/fail")
    assert status == 500
    assert steps == [step if not step.startswith("view") else "view fail()" for step in ORDER]


@pytest.mark.hint(
    "pop nothing and push nothing yourself: Flask pops both contexts after each request"
)
def test_the_contexts_are_gone_when_the_request_is_over(app, tracing):
    from flask import has_app_context
    from flask import has_request_context

    tracing.trace_request(app, "/hello/Ada")
    assert not has_app_context() and not has_request_context()


# Where the stage's own hooks are registered: a hook on the wrong moment often still
# passes a check of its behaviour (a teardown of the app context sees a request's error
# too), so each one is checked in the registry Flask keeps for that moment.


@pytest.mark.hint("assign_request_id must run before each request's view: it fills g for it")
def test_assign_request_id_runs_before_each_request(stage):
    assert stage.assign_request_id in stage.app.before_request_funcs.get(None, [])


@pytest.mark.hint(
    "send_request_id must run after the view, on its response, and hand the response back"
)
def test_send_request_id_runs_after_the_response_is_made(stage):
    assert stage.send_request_id in stage.app.after_request_funcs.get(None, [])


@pytest.mark.hint(
    "report_failed_request must run as the request context ends (teardown of the request), "
    "not of the application context, which also ends after CLI commands and jobs"
)
def test_report_failed_request_runs_as_the_request_context_ends(stage):
    assert stage.report_failed_request in stage.app.teardown_request_funcs.get(None, [])
    assert stage.report_failed_request not in stage.app.teardown_appcontext_funcs


@pytest.mark.hint(
    "close_resources must run as the application context ends (also after a CLI command or "
    "a job), not only at the end of a request"
)
def test_close_resources_runs_as_the_application_context_ends(stage):
    assert stage.close_resources in stage.app.teardown_appcontext_funcs
