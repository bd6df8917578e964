"""Exercise 1: a request id, in the environ for the layers inside and in a response header."""

import uuid


class RequestId:
    """Middleware: `environ["request_id"]` and an `X-Request-Id` header for every request."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        """Give the request its id, and add the header when the app starts its response."""
        environ["request_id"] = request_id = uuid.uuid4().hex

        def with_id(status, headers, exc_info=None):
            # exc_info passes on, and write() comes back: a layer is a server to the app.
            return start_response(status, [*headers, ("X-Request-Id", request_id)], exc_info)

        return self.app(environ, with_id)
