"""Trace one real request through Flask and print every step in the order Flask ran it.

Run: python 05_contexts/trace.py [PATH]        (PATH defaults to /hello/Ada)

The steps are not a list written here: each is recorded at run time, by a signal or
hook that Flask itself calls, on the server's thread, during a real HTTP request to
Werkzeug's server on a free loopback port. Only public API is used: signals
(appcontext_pushed, request_started...), the decorator hooks (before_request,
after_request...), app.view_functions, and has_request_context(). No signal marks
the request context being pushed or popped, so the tracer notices it the way any
code could: has_request_context() changes between two steps.

(This file is named trace.py, as the lesson asks, which shadows the standard
library's `trace` module for scripts run from this folder; nothing here needs it.)
"""

import sys
import threading
import urllib.error
import urllib.request
from functools import wraps

from flask import appcontext_popped
from flask import appcontext_pushed
from flask import appcontext_tearing_down
from flask import has_app_context
from flask import has_request_context
from flask import request_finished
from flask import request_started
from flask import request_tearing_down
from werkzeug.serving import make_server

SIGNALS = {
    appcontext_pushed: "app context pushed",
    request_started: "request_started signal",
    request_finished: "request_finished signal",
    request_tearing_down: "request_tearing_down signal",
    appcontext_tearing_down: "appcontext_tearing_down signal",
    appcontext_popped: "app context popped",
}


class Tracer:
    """Collects the steps of each request from Flask's own signals and hooks."""

    def __init__(self):
        self.steps = []
        self._in_request = False

    def record(self, step):
        """Note a step, after any change of request context since the previous one."""
        in_request = has_request_context()
        if in_request != self._in_request:
            self.steps.append("request context pushed" if in_request else "request context popped")
            self._in_request = in_request
        self.steps.append(step)

    def install(self, app):
        """Connect to the app's signals and register a hook of each kind; wrap every view."""
        for signal, step in SIGNALS.items():
            # Bound to `step` now; weak=False keeps the small handler alive.
            signal.connect(lambda sender, step=step, **extra: self.record(step), app, weak=False)
        app.url_value_preprocessor(lambda endpoint, values: self.record("url_value_preprocessor"))
        app.before_request(lambda: self.record("before_request"))
        app.after_request(lambda response: self.record("after_request") or response)
        app.teardown_request(lambda error: self.record("teardown_request"))
        app.teardown_appcontext(lambda error: self.record("teardown_appcontext"))
        for endpoint, view in list(app.view_functions.items()):
            app.view_functions[endpoint] = self.traced(view)

    def traced(self, view):
        """Wrap a view so that calling it is a step too."""

        @wraps(view)
        def wrapper(**values):
            self.record(
                f"view {view.__name__}({', '.join(f'{k}={v!r}' for k, v in values.items())})"
            )
            return view(**values)

        return wrapper


def trace_request(app, path):
    """Serve `app` on loopback, GET `path` over HTTP, and return (status, steps)."""
    tracer = Tracer()
    tracer.install(app)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    # A short poll interval: shutdown() returns within 50 ms instead of 500.
    serving = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    serving.start()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}{path}") as response:
            status = response.status
    except urllib.error.HTTPError as error:  # a 404 or 500 is an answer worth tracing too
        status = error.code
        error.close()
    finally:
        server.shutdown()
    return status, tracer.steps


def main():
    """Trace the path given on the command line and print the steps."""
    from app import app  # imported here, so that importing this module has no side effects

    path = sys.argv[1] if len(sys.argv) > 1 else "/hello/Ada"
    status, steps = trace_request(app, path)
    print(f"GET {path} -> {status}, through Werkzeug's server on loopback. Flask ran:")
    for number, step in enumerate(steps, start=1):
        print(f"{number:>3}. {step}")
    print(
        f"Now, outside: has_app_context() is {has_app_context()}, "
        f"has_request_context() is {has_request_context()}."
    )


if __name__ == "__main__":
    main()
