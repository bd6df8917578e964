"""The hello app of stage 01, plus three routes that exercise the middleware chain.

This is ``01_raw_wsgi/app.py`` with three changes, so ``diff`` shows them plainly:

* ``/secret`` greets ``REMOTE_USER``, which only the authentication middleware sets;
* ``/error`` raises, as a bug would, for the error middleware to turn into a 500 page;
* ``/stream`` returns a generator, a body produced chunk by chunk, so the chain can
  show that it passes chunks through without joining them, and closes them.
  ``/stream?fail=1`` raises after the first chunk, once the status is on its way.

Serving moved to ``app.py``, which wraps this app in the chain.
"""

import html
import re
import time
from http import HTTPStatus
from typing import NamedTuple
from urllib.parse import parse_qs

DEFAULT_NAME = "World"
# Bodies above this many bytes get 413 before a single byte is read.
MAX_BODY_BYTES = 1024 * 1024
# parse_qs raises ValueError beyond this, so a flood of fields cannot eat memory.
MAX_FORM_FIELDS = 100
# /stream pauses this long between chunks, so curl -N shows them arriving one by one.
STREAM_PAUSE_SECONDS = 0.2


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
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        raise HTTPError(400, "The address is not valid UTF-8.") from None


def query_param(environ, name, default):
    """Return the first value of `name` in the query string, or `default` when absent or blank."""
    query = wsgi_text(environ.get("QUERY_STRING", ""))
    try:
        params = parse_qs(query, errors="strict", max_num_fields=MAX_FORM_FIELDS)
    except ValueError:  # UnicodeDecodeError is a ValueError too
        raise HTTPError(400, "The query string could not be decoded.") from None
    return params.get(name, [default])[0]


def content_length(environ):
    """Return how many body bytes the client announced, refusing nonsense and oversized bodies."""
    raw = environ.get("CONTENT_LENGTH", "").strip()
    if not raw:
        return 0  # PEP 3333: an empty or absent CONTENT_LENGTH means there is no body to read.
    if not (raw.isascii() and raw.isdigit()):
        raise HTTPError(400, "Content-Length must be a whole number of bytes.")
    # Compare lengths first: int() of a 5,000-digit string raises instead of answering.
    if len(raw) > len(str(MAX_BODY_BYTES)) or int(raw) > MAX_BODY_BYTES:
        raise HTTPError(413, f"The body is larger than {MAX_BODY_BYTES} bytes.")
    return int(raw)


def read_form(environ):
    """Parse an application/x-www-form-urlencoded body into a dict of lists."""
    length = content_length(environ)
    if length == 0:
        return {}
    mimetype = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
    if mimetype != "application/x-www-form-urlencoded":
        raise HTTPError(415, "Send the form as application/x-www-form-urlencoded.")
    # Never read past CONTENT_LENGTH: on a real socket that read waits forever.
    body = environ["wsgi.input"].read(length)
    try:
        return parse_qs(body.decode("utf-8"), errors="strict", max_num_fields=MAX_FORM_FIELDS)
    except ValueError:
        raise HTTPError(400, "The form is not valid UTF-8 form data.") from None


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
    return page(
        "Hello, WSGI",
        "<h1>Hello, WSGI!</h1>\n"
        "<ul>\n"
        '<li><a href="/hello/Alice">/hello/Alice</a></li>\n'
        '<li><a href="/greet?name=Bob">/greet?name=Bob</a></li>\n'
        f'<li><a href="/greet">/greet</a> (no name: greets {DEFAULT_NAME})</li>\n'
        "</ul>\n"
        '<form method="post" action="/submit">\n'
        '<label>Message <input name="message" required></label>\n'
        "<button>Send</button>\n"
        "</form>",
    )


def greeting(name):
    """The page both /hello/<name> and /greet answer with; `name` is escaped here, once."""
    text = f"Hello, {name}!"
    return page(text, f'<h1>{html.escape(text)}</h1>\n<p><a href="/">Back</a></p>')


def hello(environ, name):
    """Greet the name taken from the path: /hello/Alice."""
    return greeting(name)


def greet(environ):
    """Greet the name taken from the query string: /greet?name=Bob."""
    return greeting(query_param(environ, "name", "") or DEFAULT_NAME)


def submit(environ):
    """Echo the `message` field of a posted form."""
    message = read_form(environ).get("message", [""])[0]
    if not message.strip():
        raise HTTPError(400, "The form needs a non-empty 'message' field.")
    text = f"You submitted: {message}"
    return page("Submitted", f'<h1>{html.escape(text)}</h1>\n<p><a href="/">Back</a></p>')


def secret(environ):
    """A page for authenticated users; the middleware has put their name in REMOTE_USER."""
    user = environ.get("REMOTE_USER", "stranger")
    return page(
        "Secret", f"<h1>Welcome, {html.escape(user)}!</h1>\n<p>This page needs a login.</p>"
    )


def crash(environ):
    """Fail the way a bug does: an exception the app does not handle."""
    raise RuntimeError("boom: /error raises on purpose")


class Streamed(NamedTuple):
    """A view result whose body is produced piece by piece, so its length is not known up front."""

    content_type: str
    chunks: object


def stream(environ):
    """Count to three, one chunk at a time; with ?fail=1, fail after the first chunk."""
    fail = query_param(environ, "fail", "") == "1"

    def chunks():
        for number in range(1, 4):
            if number > 1:
                time.sleep(STREAM_PAUSE_SECONDS)
                if fail:
                    raise RuntimeError("boom: /stream?fail=1 fails after the first chunk")
            yield f"chunk {number} of 3\n".encode()

    return Streamed("text/plain; charset=utf-8", chunks())


# --- Routing ------------------------------------------------------------------


class Route(NamedTuple):
    """One row of the routing table: a compiled path pattern, its methods and its view."""

    regex: re.Pattern
    methods: tuple
    view: object


def route(pattern, view, methods=("GET",)):
    """Compile '/hello/<name>' into a regex in which <name> matches one path segment."""
    regex = re.compile(re.sub(r"<(\w+)>", r"(?P<\1>[^/]+)", re.escape(pattern)))
    if "GET" in methods:
        methods = (*methods, "HEAD")  # HEAD is GET without the body, so it comes for free.
    return Route(regex, methods, view)


ROUTES = [
    route("/", index),
    route("/hello/<name>", hello),
    route("/greet", greet),
    route("/submit", submit, methods=("POST",)),
    route("/secret", secret),
    route("/error", crash),
    route("/stream", stream),
]


def match(method, path):
    """Find the view for a request, or raise 404 (no pattern matches) or 405 (wrong method)."""
    allowed = set()
    for candidate in ROUTES:
        found = candidate.regex.fullmatch(path)
        if found is None:
            continue
        if method in candidate.methods:
            return candidate.view, found.groupdict()
        allowed.update(candidate.methods)
    if allowed:
        allow = ", ".join(sorted(allowed))
        raise HTTPError(405, f"{method} is not allowed here; use {allow}.", [("Allow", allow)])
    raise HTTPError(404, f"There is no page at {path}.")


# --- The WSGI callable --------------------------------------------------------


def application(environ, start_response):
    """Answer one request: route it, run the view, turn the result into status, headers, body."""
    method = environ["REQUEST_METHOD"]
    headers = []
    try:
        view, kwargs = match(method, wsgi_text(environ.get("PATH_INFO") or "/"))
        status, text = HTTPStatus.OK, view(environ, **kwargs)
    except HTTPError as error:
        status, headers = HTTPStatus(error.code), error.headers
        title = f"{status.value} {status.phrase}"
        text = page(title, f"<h1>{title}</h1>\n<p>{html.escape(error.message)}</p>")
    if isinstance(text, Streamed):
        # No Content-Length: the size is unknown until the last chunk, so the server
        # ends the body by closing the connection (HTTP/1.0) or by chunked encoding.
        start_response("200 OK", [("Content-Type", text.content_type)])
        if method == "HEAD":
            text.chunks.close()  # Never started, but a generator is closed all the same.
            return []
        return text.chunks
    body = text.encode("utf-8")
    headers += [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Length", str(len(body))),
    ]
    start_response(f"{status.value} {status.phrase}", headers)
    # A HEAD response carries GET's headers, Content-Length included, and no body.
    return [] if method == "HEAD" else [body]
