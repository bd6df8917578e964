"""Worked solutions of stage 01's exercises, written as changes to the reference stage.

The reference 01_raw_wsgi/app.py is imported, then only what the exercises change is
written here, so this file reads as the answer: new views and routes (exercises 1, 3,
4, 5) and an `application()` that lets a view choose its content type and stream its
body. Exercise 2 is to put `html.escape` back: the reference never took it out.
"""

import html
import json
from http import HTTPStatus
from pathlib import Path
from typing import NamedTuple

from harness.stages import load_module

# A module of its own (not the one the stage's tests use): this file changes its ROUTES.
REFERENCE = Path(__file__).resolve().parents[4] / "01_raw_wsgi" / "app.py"
reference = load_module(REFERENCE, name="reference_01_raw_wsgi_for_exercises")
HTTPError, page, route, match = (
    reference.HTTPError,
    reference.page,
    reference.route,
    reference.match,
)
HTML = "text/html; charset=utf-8"


class Reply(NamedTuple):
    """What a view may return instead of an HTML string: its content type and its body."""

    content_type: str
    body: object  # str, or an iterator of str to stream


def goodbye(environ, name):
    """Exercise 1: the mirror of hello(); only the table and this view are new."""
    text = f"Goodbye, {name}!"
    return page(text, f"<h1>{html.escape(text)}</h1>")


def robots(environ):
    """Exercise 3: plain text, chosen by the view."""
    return Reply("text/plain; charset=utf-8", "User-agent: *\nDisallow:\n")


def api_hello(environ, name):
    """Exercise 4: JSON; application() measures the encoded bytes, so Zoë is 4 bytes long."""
    return Reply("application/json", json.dumps({"greeting": f"Hello, {name}!"}))


def stream(environ):
    """Exercise 5: the /greet page, in three chunks."""
    text = reference.greet(environ)
    third = len(text) // 3
    return Reply(
        HTML, (part for part in (text[:third], text[third : 2 * third], text[2 * third :]))
    )


reference.ROUTES += [
    route("/stream", stream),
    route("/goodbye/<name>", goodbye),
    route("/robots.txt", robots),
    route("/api/hello/<name>", api_hello),
]


def application(environ, start_response):
    """Like the reference, but a view may return a Reply, and stream its body."""
    method = environ["REQUEST_METHOD"]
    headers = []
    try:
        view, kwargs = match(method, reference.wsgi_text(environ.get("PATH_INFO") or "/"))
        status, reply = HTTPStatus.OK, view(environ, **kwargs)
    except HTTPError as error:
        status, headers = HTTPStatus(error.code), error.headers
        title = f"{status.value} {status.phrase}"
        reply = page(title, f"<h1>{title}</h1>\n<p>{html.escape(error.message)}</p>")
    if isinstance(reply, str):
        reply = Reply(HTML, reply)
    headers.append(("Content-Type", reply.content_type))
    if isinstance(reply.body, str):
        body = [reply.body.encode("utf-8")]
        headers.append(("Content-Length", str(len(body[0]))))
    else:  # a stream: its length is unknown until it ends, so no Content-Length
        body = (chunk.encode("utf-8") for chunk in reply.body)
    start_response(f"{status.value} {status.phrase}", headers)
    return [] if method == "HEAD" else body
