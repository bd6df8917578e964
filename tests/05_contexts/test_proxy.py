"""Proxies over ContextVars: our own small proxy, Flask's LocalProxy, a guarded private name."""

import contextvars
import subprocess
import sys

import flask
import pytest
from harness.stages import ROOT
from harness.stages import folder_for
from werkzeug.local import LocalProxy


@pytest.mark.hint("import request, session, g and current_app from flask: never replace them")
def test_flasks_globals_are_werkzeug_local_proxies():
    for name in ("request", "session", "g", "current_app"):
        assert isinstance(getattr(flask, name), LocalProxy), name


@pytest.mark.hint("request._get_current_object() is the real Request of the active request context")
def test_behind_the_proxy_is_the_current_request(app):
    with app.test_request_context("/hello/Ada"):
        real = flask.request._get_current_object()
        assert type(real) is app.request_class
        assert real.path == "/hello/Ada"


@pytest.mark.hint(
    "Flask changed its private context variables: update demo_proxy.py and the README"
)
def test_the_private_context_variables_shown_in_demo_proxy_still_exist():
    # demo_proxy.py prints flask.globals._cv_request, a private name. Flask 3.2 merges the
    # two context classes; if this fails, update the demo and the README to match.
    assert isinstance(flask.globals._cv_request, contextvars.ContextVar)
    assert flask.globals._cv_request.name == "flask.request_ctx"
    assert flask.globals._cv_app.name == "flask.app_ctx"


@pytest.mark.hint(
    "demo_proxy.py is given: run python demo_proxy.py from your folder and read its error"
)
def test_the_proxy_demo_runs_and_isolates_threads():
    result = subprocess.run(
        [sys.executable, str(folder_for("05") / "demo_proxy.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "{'Ann': 'Ann', 'Bob': 'Bob'}" in result.stdout
    assert "RuntimeError: Working outside of current_user context." in result.stdout
