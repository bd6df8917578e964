"""Log one line per request, written when the response is finished, with its final status.

Example line::

    [2024-01-15 10:30:45] GET /hello/Alice 200 OK (3.2ms)

A response whose body failed after it started reads ``200 OK, body aborted``.
The line is written from ``close()``, not when the app returns: only then is the body
sent and the status final (an inner layer may still replace a 200 by a 500 while the
body is being produced). What is logged is chosen with care: the method, the path
(percent-encoded, so a crafted path cannot forge a second log line) and the status.
Never the query string (it can hold tokens), headers (``Authorization``, ``Cookie``)
or the body.

In production the server writes the access log (gunicorn's ``--access-logfile``), and
Flask apps log through the ``logging`` module.
"""

import sys
import time
from datetime import datetime
from urllib.parse import quote

from wsgi_middleware.body import watch_response


class RequestLog:
    """Middleware: write `[time] METHOD PATH STATUS (N.Nms)` to `stream` for every request."""

    def __init__(self, app, stream=None, clock=time.perf_counter):
        self.app = app
        self.stream = stream  # None: the server's error stream, environ["wsgi.errors"].
        self.clock = clock

    def __call__(self, environ, start_response):
        """Start the clock, call the app, and write the line when its response is over."""
        # TODO: like Timing, through watch_response; at the end, write one line:
        # "METHOD /path STATUS (N.Nms)" with request_line(environ), and ", body aborted"
        # after the status when the body failed part-way.
        raise NotImplementedError("TODO: RequestLog.__call__")

    def write(self, environ, message):
        """Write one timestamped line and flush it, so lines appear as requests finish."""
        stream = self.stream or environ.get("wsgi.errors", sys.stderr)
        stream.write(f"[{datetime.now():%Y-%m-%d %H:%M:%S}] {message}\n")
        stream.flush()


def request_line(environ):
    """Return 'METHOD /path' as sent on the wire: percent-encoded, without the query string."""
    # TODO: SCRIPT_NAME + PATH_INFO, back to bytes with latin-1 (PEP 3333), then
    # urllib.parse.quote(..., safe="/"): a path can hold a newline, and a newline in a
    # log line would forge a second one.
    raise NotImplementedError("TODO: request_line")
