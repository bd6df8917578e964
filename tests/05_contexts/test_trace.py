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


@pytest.mark.hint(
    "@app.before_request on assign_request_id (it fills g before the view); @app.after_request "
    "on send_request_id"
)
@pytest.mark.parametrize(
    ("hook", "registry"),
    [("assign_request_id", "before_request_funcs"), ("send_request_id", "after_request_funcs")],
)
def test_the_stage_registers_its_g_hooks_where_they_must_run(stage, hook, registry):
    # assign_request_id must run before the view (it fills g); send_request_id after it.
    assert getattr(stage, hook) in getattr(stage.app, registry)[None]
