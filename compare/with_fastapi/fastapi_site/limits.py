"""Pure ASGI middleware: refuse a body above the limit with 413 before it is read.

ASGI middleware is an app that takes the next app: `__call__(scope, receive, send)`
sees each connection's scope first and may answer itself or pass on. It is the
asynchronous counterpart of stage 02's WSGI middleware. Starlette has no body limit
of its own (uvicorn neither), so this one stands in for Flask's MAX_CONTENT_LENGTH.
"""

from starlette.responses import PlainTextResponse

# Bodies above this many bytes get 413 (the contract's MAX_BODY_BYTES).
MAX_BODY_BYTES = 1024 * 1024


class BodyLimitMiddleware:
    """Answer 413 when Content-Length says the body is larger than `limit`."""

    def __init__(self, app, limit=MAX_BODY_BYTES):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        """Check the declared length of an HTTP request; pass everything else through."""
        if scope["type"] == "http":
            headers = dict(scope["headers"])
            length = headers.get(b"content-length", b"0")
            # The server has already refused a malformed Content-Length with 400.
            if length.isdigit() and int(length) > self.limit:
                response = PlainTextResponse("Request body too large", status_code=413)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
