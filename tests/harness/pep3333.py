"""The server's side of PEP 3333, made observable, for testing middleware.

`Chunks` is a response body that records what happened to it: how many chunks were
produced, whether (and how often) close() was called, and it can fail on purpose.
`StrictServer` drives an app the way PEP 3333 says a server must: headers count as
sent with the first non-empty chunk, after which start_response(..., exc_info)
re-raises the exception, and close() is called on the body whatever happens.
"""

import io
from wsgiref.util import setup_testing_defaults


class Boom(Exception):
    """The exception the test bodies and apps raise on purpose."""


class Chunks:
    """A body iterable that yields `chunks`, optionally raising Boom before chunk `fail_at`."""

    def __init__(self, chunks=(b"one ", b"two ", b"three"), fail_at=None):
        self.chunks = list(chunks)
        self.fail_at = fail_at
        self.produced = 0
        self.close_calls = 0

    def __iter__(self):
        for index, chunk in enumerate(self.chunks):
            if index == self.fail_at:
                raise Boom(f"failed before chunk {index}")
            self.produced += 1
            yield chunk

    def close(self):
        """Count the call; PEP 3333 wants exactly one."""
        self.close_calls += 1


def app_returning(body, status="200 OK", headers=None):
    """A WSGI app that answers with `body` (any iterable) and the given status and headers."""
    length = sum(len(c) for c in getattr(body, "chunks", []))
    headers = headers or [("Content-Type", "text/plain"), ("Content-Length", str(length))]

    def app(environ, start_response):
        start_response(status, list(headers))
        return body

    return app


def app_raising(before_start_response=True):
    """A WSGI app that raises Boom, before or after calling start_response."""

    def app(environ, start_response):
        if not before_start_response:
            start_response("200 OK", [("Content-Type", "text/plain")])
        raise Boom("the app failed")

    return app


def make_environ(path="/", method="GET", body=b"", headers=()):
    """A complete environ for one request, with the body in wsgi.input and errors captured."""
    environ = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": io.StringIO(),
    }
    if body:
        environ["CONTENT_LENGTH"] = str(len(body))
    for name, value in headers:
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    setup_testing_defaults(environ)
    return environ


class StrictServer:
    """Run one request through an app as a PEP 3333 server would, recording the exchange."""

    def __init__(self, app):
        self.app = app
        self.status = None
        self.headers = None
        self.headers_sent = False
        self.body = []
        self.exc_info_calls = 0

    def start_response(self, status, headers, exc_info=None):
        """Set the status; with exc_info, replace it, or re-raise if the headers have left."""
        if exc_info:
            self.exc_info_calls += 1
            if self.headers_sent:
                raise exc_info[1].with_traceback(exc_info[2])
        elif self.status is not None:
            raise AssertionError("start_response called twice without exc_info")
        self.status, self.headers = status, headers
        return self.write

    def write(self, data):
        """Send `data` at once, as the legacy write callable does; headers go first."""
        self.headers_sent = True
        self.body.append(data)

    def run(self, environ=None, stop_after=None):
        """Iterate the body (only `stop_after` chunks, if given), then close it; return the body."""
        environ = environ or make_environ()
        result = self.app(environ, self.start_response)
        try:
            for index, chunk in enumerate(result):
                if stop_after is not None and index >= stop_after:
                    break  # The client went away: the server stops iterating early.
                if chunk:
                    self.headers_sent = True
                    self.body.append(chunk)
        finally:
            if hasattr(result, "close"):
                result.close()
        return b"".join(self.body)

    def header(self, name):
        """The value of a response header, by case-insensitive name."""
        return dict((k.lower(), v) for k, v in self.headers).get(name.lower())
