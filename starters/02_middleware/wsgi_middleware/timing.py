"""Measure how long each response really takes: until the body is fully sent, not until return.

A WSGI app can return its body iterable long before the body exists: a generator
does its work while the server iterates it. Timing the call to the app measures
almost nothing for such a body. The honest end of a response is the server's call
to ``close()``, after the last chunk, and that is where this middleware stops the clock.

The measurement cannot go into a response header (headers leave before the body
is produced), so it is handed to ``on_finish(environ, status, seconds)``: a metrics
counter, a slow-request warning, a log. In production the same idea appears as
gunicorn's ``%(D)s`` access-log field, or Flask's ``after_request`` plus
``teardown_request`` hooks (which run when the body is closed).
"""

import time

from wsgi_middleware.body import watch_response


class Timing:
    """Middleware: call `on_finish(environ, status, seconds)` once the response has been sent."""

    def __init__(self, app, on_finish, clock=time.perf_counter):
        self.app = app
        self.on_finish = on_finish
        self.clock = clock

    def __call__(self, environ, start_response):
        """Start the clock, call the app, and report when its response is over."""
        # TODO: read self.clock() now; hand the call to watch_response with an on_done
        # that calls self.on_finish(environ, status, seconds since the start).
        raise NotImplementedError("TODO: Timing.__call__")
