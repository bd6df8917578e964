"""Demo: "Working outside of ... context": the exact errors, and the two ways to fix them.

Run: python 05_contexts/demo_outside.py

The proxies need a context to look in. Outside one, they raise RuntimeError with a
message that says which context is missing. The fix is to push the context the code
needs: app.app_context() for current_app and g, app.test_request_context() for
request and session (in tests and scripts; during a real request Flask pushes both).
"""

from flask import current_app
from flask import request
from flask import url_for

from app import app


def attempt(description, action):
    """Run `action` and print its result, or the first line of the RuntimeError it raised."""
    try:
        print(f"{description:<52} -> {action()!r}")
    except RuntimeError as error:
        print(f"{description:<52} -> RuntimeError: {str(error).splitlines()[0]}")


attempt("current_app.name, no context", lambda: current_app.name)
attempt("request.path, no context", lambda: request.path)

with app.app_context():  # fix 1: an application context
    attempt("current_app.name in app.app_context()", lambda: current_app.name)
    attempt("request.path in app.app_context()", lambda: request.path)
    # Building a URL needs to know the host: a request, or SERVER_NAME in the config.
    attempt("url_for('index') in app.app_context()", lambda: url_for("index"))

with app.test_request_context("/hello/Ada"):  # fix 2: a request context (and an app context)
    attempt("request.path in test_request_context()", lambda: request.path)
    attempt("url_for('greet') in test_request_context()", lambda: url_for("greet", name="Ann"))

print()
try:
    current_app.name  # noqa: B018 (looking the attribute up is what raises)
except RuntimeError as error:
    print("The whole message:")
    print(error)
