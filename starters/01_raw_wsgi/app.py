"""Stage 01, your version: a web application as one bare WSGI callable, standard library only.

WSGI (PEP 3333) is the contract between a Python web server and a Python web
application. For every request the server calls ``application(environ,
start_response)``:

* ``environ`` is a dict of CGI-style variables (``REQUEST_METHOD``,
  ``PATH_INFO``, ``QUERY_STRING``, ``CONTENT_LENGTH``...) plus ``wsgi.*`` keys;
  ``wsgi.input`` is the request body as a byte stream.
* ``start_response(status, headers)`` is called once, before the body, with a
  status line such as ``"200 OK"`` and a list of ``(name, value)`` strings.
* The return value is an iterable of ``bytes``: the response body.

Fill in every function marked TODO, from the top: each one's docstring says what it
does, and 01_raw_wsgi/README.md explains the ideas. ``HTTPError``, ``page()``,
``Route`` and ``serve()`` are given. Check your work at any time from the repository
root with ``make check STAGE=01``: every failing check prints a one-line hint.

Run it::

    python workspace/01_raw_wsgi/app.py          # http://127.0.0.1:8000/
"""

import html
import os
import re
import sys
from http import HTTPStatus
from typing import NamedTuple
from urllib.parse import parse_qs
from wsgiref.simple_server import make_server

DEFAULT_NAME = "World"
# Bodies above this many bytes get 413 before a single byte is read.
MAX_BODY_BYTES = 1024 * 1024
# parse_qs raises ValueError beyond this, so a flood of fields cannot eat memory.
MAX_FORM_FIELDS = 100


class HTTPError(Exception):
    """An error with an HTTP status, raised by any helper or view and rendered by `application`."""

    def __init__(self, code, message, headers=()):
        super().__init__(message)
        self.code = code
        self.message = message
        self.headers = list(headers)


# --- Reading the request ------------------------------------------------------


def wsgi_text(value):
    """Decode an environ string: PEP 3333 passes bytes as latin-1 characters, and URLs are UTF-8."""
    # TODO: encode the string back to bytes with latin-1, decode them as UTF-8.
    # Bytes that are not UTF-8 are the client's mistake: HTTPError(400, ...).
    raise NotImplementedError("TODO: wsgi_text")


def query_param(environ, name, default):
    """Return the first value of `name` in the query string, or `default` when absent or blank."""
    # TODO: decode QUERY_STRING with wsgi_text(), parse it with parse_qs (strict errors,
    # at most MAX_FORM_FIELDS fields), and turn its ValueError into HTTPError(400, ...).
    raise NotImplementedError("TODO: query_param")


def content_length(environ):
    """Return how many body bytes the client announced, refusing nonsense and oversized bodies."""
    # TODO: empty or missing means 0; anything but digits is 400; above MAX_BODY_BYTES
    # is 413. Careful: int() of a 5,000-digit string fails; compare lengths first.
    raise NotImplementedError("TODO: content_length")


def read_form(environ):
    """Parse an application/x-www-form-urlencoded body into a dict of lists."""
    # TODO: no body -> {}; another media type -> 415; read exactly content_length()
    # bytes from wsgi.input (never more: on a socket that read would wait forever).
    raise NotImplementedError("TODO: read_form")


# --- Pages --------------------------------------------------------------------


def page(title, body):
    """Wrap an HTML fragment in a complete page; the caller escapes what goes into `body`."""
    return (
        "<!doctype html>\n"
        '<html lang="en">\n'
        f'<head><meta charset="utf-8"><title>{html.escape(title)}</title></head>\n'
        f"<body>\n{body}\n</body>\n"
        "</html>\n"
    )


def index(environ):
    """The welcome page: a link to every route and a form that posts to /submit."""
    # TODO: a page with an <h1>, links to /hello/Alice, /greet?name=Bob and /greet,
    # and a form (method post, action /submit) with a labelled field named "message".
    raise NotImplementedError("TODO: index")


def greeting(name):
    """The page both /hello/<name> and /greet answer with; `name` is escaped here, once."""
    # TODO: <h1>Hello, NAME!</h1> with NAME escaped by html.escape, and a link back to /.
    raise NotImplementedError("TODO: greeting")


def hello(environ, name):
    """Greet the name taken from the path: /hello/Alice."""
    raise NotImplementedError("TODO: hello")


def greet(environ):
    """Greet the name taken from the query string: /greet?name=Bob."""
    # TODO: no name, or a blank one, greets DEFAULT_NAME.
    raise NotImplementedError("TODO: greet")


def submit(environ):
    """Echo the `message` field of a posted form."""
    # TODO: <h1>You submitted: MESSAGE</h1>, escaped; an empty message is HTTPError(400).
    raise NotImplementedError("TODO: submit")


# --- Routing ------------------------------------------------------------------


class Route(NamedTuple):
    """One row of the routing table: a compiled path pattern, its methods and its view."""

    regex: re.Pattern
    methods: tuple
    view: object


def route(pattern, view, methods=("GET",)):
    """Compile '/hello/<name>' into a regex in which <name> matches one path segment."""
    # TODO: re.escape the pattern, turn each <name> into a named group for one segment,
    # and let every GET route answer HEAD too. Return a Route.
    raise NotImplementedError("TODO: route")


# TODO: one route() per page: /, /hello/<name>, /greet, and /submit for POST only.
ROUTES = []


def match(method, path):
    """Find the view for a request, or raise 404 (no pattern matches) or 405 (wrong method)."""
    # TODO: return (view, keyword arguments) of the first matching row; a path that
    # matches with another method is 405 with an Allow header listing the methods.
    raise NotImplementedError("TODO: match")


# --- The WSGI callable --------------------------------------------------------


def application(environ, start_response):
    """Answer one request: route it, run the view, turn the result into status, headers, body."""
    # TODO: match() the method and the decoded PATH_INFO, call the view; an HTTPError
    # becomes an error page with its status and headers. Encode the page as UTF-8,
    # send Content-Type and Content-Length, and no body at all for HEAD.
    raise NotImplementedError("TODO: application")


def serve():
    """Serve `application` with wsgiref on HOST:PORT (default 127.0.0.1:8000) until Ctrl-C."""
    host = os.environ.get("HOST", "127.0.0.1")
    port_text = os.environ.get("PORT", "8000")
    if not (port_text.isascii() and port_text.isdigit() and int(port_text) < 65536):
        sys.exit(f"PORT must be a number from 0 to 65535, not {port_text!r}.")
    try:
        server = make_server(host, int(port_text), application)
    except OSError as error:
        sys.exit(
            f"Cannot listen on {host}:{port_text}: {error.strerror}.\n"
            f"Is another server using that port? Stop it, or choose another: "
            "PORT=8001 python 01_raw_wsgi/app.py"
        )
    with server:
        # PORT=0 asks the system for a free port; print the one we really got.
        print(
            f"Serving 01_raw_wsgi on http://{host}:{server.server_port}/ (Ctrl-C to stop)",
            flush=True,
        )
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("Stopped.")


if __name__ == "__main__":
    serve()
