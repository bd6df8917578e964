"""A small WSGI test client built on the standard library, strict where servers are.

It calls an application the way a server would, through `wsgiref.validate.validator`,
so every exchange is checked against PEP 3333, and it records what a real socket
would have punished: reading past CONTENT_LENGTH (the server waits forever) and
leaving the body iterable unclosed. It keeps cookies and can follow redirects,
which later stages need for redirect-after-POST.
"""

import io
import sys
from urllib.parse import unquote_to_bytes
from wsgiref.util import setup_testing_defaults
from wsgiref.validate import validator

from harness.client_base import ContractClient
from harness.client_base import Response


class SocketLikeInput(io.RawIOBase):
    """A request body that behaves like a socket: asking for more than was sent would block."""

    def __init__(self, data):
        self._buffer = io.BytesIO(data)
        self._left = len(data)
        self.read_past_end = False

    def readable(self):
        """Say that the stream can be read, as io requires."""
        return True

    def readinto(self, target):
        """Copy up to len(target) bytes; note when more was asked for than the client sent."""
        wanted = len(target)
        if wanted > self._left:
            self.read_past_end = True  # On a real connection this read never returns.
        chunk = self._buffer.read(min(wanted, self._left))
        target[: len(chunk)] = chunk
        self._left -= len(chunk)
        return len(chunk)


class WSGIClient(ContractClient):
    """Send requests to a WSGI callable in-process; see the module docstring for what it checks."""

    # The contract's WSGI-only checks (wsgiref.validate) run with this client only.
    in_process = True

    def __init__(self, app):
        super().__init__()
        self.app = app

    def request(self, method, target, body=b"", headers=(), environ=None, validate=True):
        """Call the app once and return a Response.

        `target` is what a browser puts in the request line ('/greet?name=Bob');
        `environ` overrides keys after the defaults, for malformed requests on purpose.
        `validate=False` skips wsgiref's validator, which itself rejects some malformed
        environs (a non-numeric CONTENT_LENGTH) that real servers do pass through.
        """
        env = self._environ(method, target, body, headers)
        env.update(environ or {})
        stream = env["wsgi.input"]
        app = validator(self.app) if validate else self.app
        started = []

        def start_response(status, response_headers, exc_info=None):
            started[:] = [status, list(response_headers)]
            return lambda data: None  # The legacy write() callable; these apps never need it.

        result = app(env, start_response)
        try:
            chunks = list(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        assert started, "the app returned without calling start_response"
        assert not stream.read_past_end, (
            f"{method} {target}: the app read past CONTENT_LENGTH; on a real server that "
            "read waits for bytes that never come, and the request hangs"
        )
        response = Response(started[0], started[1], b"".join(chunks))
        self._store_cookies(response)
        return response

    def _environ(self, method, target, body, headers):
        path, _, query = target.partition("?")
        env = {
            "REQUEST_METHOD": method,
            "SCRIPT_NAME": "",
            # Servers percent-decode the path and hand its bytes over as latin-1 text.
            "PATH_INFO": unquote_to_bytes(path).decode("latin-1"),
            "QUERY_STRING": query,
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.input": SocketLikeInput(body),
            "wsgi.errors": sys.stderr,
        }
        if body:
            env["CONTENT_LENGTH"] = str(len(body))
        for name, value in headers:
            key = name.upper().replace("-", "_")
            env[key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else f"HTTP_{key}"] = value
        if self.cookie_header():
            env["HTTP_COOKIE"] = self.cookie_header()
        setup_testing_defaults(env)
        return env
