"""Stage 02, your version: the hello app wrapped in a chain of WSGI middleware.

A middleware is a WSGI app that calls another WSGI app. Stacked, they make an
onion: a request passes through every layer on the way in, and the response
through every layer on the way out, in the opposite order::

    server -> RequestLog -> Timing -> ErrorPages -> BasicAuth -> hello app
    server <- RequestLog <- Timing <- ErrorPages <- BasicAuth <- hello app

The order is a decision, made below with the reason for each layer. The layers
live in ``wsgi_middleware/``, one module each; the app is stage 01's, in ``hello.py``.

Given: ``hello.py`` (stage 01's app), ``warn_if_slow``, ``QuietHandler`` and ``serve``.
Yours: ``build()`` below and the TODOs in ``wsgi_middleware/``, best in this order:
``body.py`` (every layer uses it), ``timing.py``, ``request_log.py``,
``error_pages.py``, ``basic_auth.py``. Check with ``make check STAGE=02``.

Run it::

    python workspace/02_middleware/app.py            # http://127.0.0.1:8000/
    curl -u learner:wsgi-is-fun http://127.0.0.1:8000/secret

Flask is built the same way: ``Flask.__call__`` calls ``Flask.wsgi_app``, and
``app.wsgi_app = SomeMiddleware(app.wsgi_app)`` adds a layer around everything.
"""

import os
import sys
from wsgiref.simple_server import WSGIRequestHandler
from wsgiref.simple_server import make_server

import hello
from wsgi_middleware import BasicAuth
from wsgi_middleware import ErrorPages
from wsgi_middleware import RequestLog
from wsgi_middleware import Timing
from wsgi_middleware.basic_auth import DEFAULT_PASSWORD
from wsgi_middleware.basic_auth import credentials_from_env
from wsgi_middleware.request_log import request_line

# Responses slower than this (body included) get a warning line in the log.
SLOW_REQUEST_SECONDS = float(os.environ.get("SLOW_REQUEST_SECONDS", "0.5"))


def warn_if_slow(environ, status, seconds):
    """Timing's report: one warning line in the server's log for a slow response."""
    if seconds > SLOW_REQUEST_SECONDS:
        environ["wsgi.errors"].write(
            f"slow: {request_line(environ)} took {seconds * 1000:.0f}ms "
            f"(over {SLOW_REQUEST_SECONDS * 1000:.0f}ms)\n"
        )


def build(app, log_stream=None):
    """Wrap `app` in the chain, innermost layer first."""
    # TODO: wrap `app` in BasicAuth (protecting "/secret"), ErrorPages, Timing (with
    # on_finish=warn_if_slow) and RequestLog (with stream=log_stream), and return the
    # outermost. The order is the lesson: decide it, and write down why for each layer.
    # (Which layer must see the 401s? Which must catch exceptions from which?)
    raise NotImplementedError("TODO: build")


def application(environ, start_response):
    """The chain around the hello app.

    Built on each call, so this file imports (and the checks of each layer run) before
    build() is written; once it works, `application = build(hello.application)` builds
    the chain once, as the reference does.
    """
    return build(hello.application)(environ, start_response)


class QuietHandler(WSGIRequestHandler):
    """wsgiref's request handler without its own access log: RequestLog writes ours."""

    def log_request(self, code="-", size="-"):
        """Say nothing; errors still go through log_message."""


def serve():
    """Serve `application` with wsgiref on HOST:PORT (default 127.0.0.1:8000) until Ctrl-C."""
    host = os.environ.get("HOST", "127.0.0.1")
    port_text = os.environ.get("PORT", "8000")
    if not (port_text.isascii() and port_text.isdigit() and int(port_text) < 65536):
        sys.exit(f"PORT must be a number from 0 to 65535, not {port_text!r}.")
    try:
        server = make_server(host, int(port_text), application, handler_class=QuietHandler)
    except OSError as error:
        sys.exit(
            f"Cannot listen on {host}:{port_text}: {error.strerror}.\n"
            f"Is another server using that port? Stop it, or choose another: "
            "PORT=8001 python 02_middleware/app.py"
        )
    user, password = credentials_from_env()
    # Show the password only while it is the published development default.
    login = f"{user}:{password}" if password == DEFAULT_PASSWORD else f"of user {user}"
    with server:
        print(f"Serving 02_middleware on http://{host}:{server.server_port}/ (Ctrl-C to stop)")
        print(f"/secret needs the login {login} (set BASIC_AUTH_USER, BASIC_AUTH_PASSWORD)")
        sys.stdout.flush()
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("Stopped.")


if __name__ == "__main__":
    serve()
