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
        started = self.clock()

        def write_line(status, aborted):
            elapsed_ms = (self.clock() - started) * 1000
            # A cut-off body is a failure even though its status line said 200.
            status += ", body aborted" if aborted else ""
            self.write(environ, f"{request_line(environ)} {status} ({elapsed_ms:.1f}ms)")

        return watch_response(self.app, environ, start_response, on_done=write_line)

    def write(self, environ, message):
        """Write one timestamped line and flush it, so lines appear as requests finish."""
        stream = self.stream or environ.get("wsgi.errors", sys.stderr)
        stream.write(f"[{datetime.now():%Y-%m-%d %H:%M:%S}] {message}\n")
        stream.flush()


def request_line(environ):
    """Return 'METHOD /path' as sent on the wire: percent-encoded, without the query string."""
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    return f"{environ['REQUEST_METHOD']} {quote(path.encode('latin-1'), safe='/')}"
