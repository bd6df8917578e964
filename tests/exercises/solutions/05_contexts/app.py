"""Worked solutions of stage 05's exercises, written as changes to the reference stage.

The reference 05_contexts/app.py is imported (as a module of its own, so its app is a
new object no test has used), then the exercises add to that app: a name read at import
in an app context, a timing header, and a stream that reads the request. Templates here
come first (base.html gets the footer of exercise 1); demo_proxy.py here adds
exercise 5 to the reference's demo.
"""

import time
from pathlib import Path

from flask import current_app
from flask import g
from flask import request
from flask import stream_with_context
from harness.stages import load_module
from jinja2 import ChoiceLoader
from jinja2 import FileSystemLoader
from markupsafe import escape

REFERENCE = Path(__file__).resolve().parents[4] / "05_contexts" / "app.py"
reference = load_module(REFERENCE, name="reference_05_contexts_for_exercises")
app = application = reference.app
# Flask looks templates up through app.jinja_loader: ours first, then the reference's.
app.jinja_loader = ChoiceLoader(
    [FileSystemLoader(Path(__file__).parent / "templates"), app.jinja_loader]
)

# Exercise 2: current_app needs an application context; at import there is none, so
# push one for the length of the block. It is popped at its end: nothing stays pushed.
with app.app_context():
    STARTUP_NAME = current_app.name


@app.before_request
def start_timer():
    """Exercise 3: note when the request reached Flask's hooks."""
    g.started = time.perf_counter()


@app.after_request
def send_timing(response):
    """Exercise 3: the time since start_timer, as a Server-Timing header (milliseconds)."""
    started = g.get("started")  # absent if an earlier before_request function failed
    if started is not None:
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.2f}"
    return response


@app.route("/stream")
def stream():
    """Exercise 4: a body sent in pieces, read from the request while it is being sent."""

    def pieces():
        # This runs after stream() has returned and Flask has popped the request context,
        # unless stream_with_context keeps it pushed for as long as the body is sent.
        name = request.args.get("name", "").strip() or current_app.config["DEFAULT_NAME"]
        yield '<!doctype html>\n<html lang="en"><title>Streamed</title>\n'
        yield f"<h1>Hello, {escape(name)}!</h1>\n"
        yield "</html>\n"

    return stream_with_context(pieces())
