"""Stage 05: the hello app, instrumented to show Flask's application and request contexts.

``request``, ``session``, ``g`` and ``current_app`` are module-level names, yet each
request sees its own. They are proxies: every attribute access looks up the
*current* context, which Flask keeps in ``contextvars`` (one value per thread, and
per asyncio task). Two contexts are involved:

* the **application context** holds ``current_app`` and ``g``: pushed for each
  request, and by ``flask`` commands and ``with app.app_context():`` elsewhere;
* the **request context** holds ``request`` and ``session``; pushing it pushes an
  application context first, if none is active for this app.

This file is stage 04's app plus: a request id kept in ``g`` for one request
(``before_request``), sent back as ``X-Request-Id`` (``after_request``), teardown
hooks that see errors, a ``/whoami`` page that shows what each context holds, and a
``context-info`` command that runs in an application context without a request.
The ``demo_*.py`` scripts and ``trace.py`` next to it show the rest, each printing
what it proves.

Run it, either way::

    python 05_contexts/app.py                     # HOST, PORT: 127.0.0.1:8000
    flask --app 05_contexts/app.py run            # --host, --port: 127.0.0.1:5000
"""

import ipaddress
import os
import sys
import threading
import uuid

from flask import Flask
from flask import abort
from flask import current_app
from flask import flash
from flask import g
from flask import get_flashed_messages
from flask import has_request_context
from flask import redirect
from flask import render_template
from flask import request
from flask import session
from flask import url_for


class Config:
    """Settings with development defaults; FLASK_<NAME> environment variables override them."""

    # Signs the session cookie that carries flashed messages. Development value only:
    # set FLASK_SECRET_KEY to a long random string anywhere else.
    SECRET_KEY = "dev-only-not-a-secret"  # noqa: S105 (documented development default)
    # Larger request bodies get 413 before they are read.
    MAX_CONTENT_LENGTH = 1024 * 1024
    SESSION_COOKIE_SAMESITE = "Lax"
    # /greet greets this name when none is given.
    DEFAULT_NAME = "World"


app = Flask(__name__)
app.config.from_object(Config)
app.config.from_prefixed_env()  # FLASK_SECRET_KEY=... sets SECRET_KEY, and so on.
# Drop the newline after a {% tag %} and the indent before it: tidy HTML out of tidy templates.
app.jinja_env.trim_blocks = True
app.jinja_env.lstrip_blocks = True
application = app  # The name every stage's WSGI servers and tests look for.


@app.route("/")
def index():
    """The welcome page, linking every route."""
    return render_template("index.html")


@app.route("/hello/<name>")
def hello(name):
    """Greet the name from the path."""
    return render_template("greeting.html", name=name)


@app.route("/greet")
def greet():
    """Greet the name from the query string, or the configured default."""
    name = request.args.get("name", "").strip() or app.config["DEFAULT_NAME"]
    return render_template("greeting.html", name=name)


@app.route("/submit", methods=["POST"])
def submit():
    """Take the form, then redirect: a reload of the next page does not post it again."""
    message = request.form.get("message", "")
    if not message.strip():
        abort(400, "The form needs a non-empty 'message' field.")
    flash(message, "submitted")
    # 303 See Other: "the result is over there; fetch it with GET".
    return redirect(url_for("submitted"), code=303)


@app.route("/submitted")
def submitted():
    """Show the message flashed by submit(); a flash is shown once, then it is gone."""
    messages = get_flashed_messages(category_filter=["submitted"])
    return render_template("submitted.html", message=messages[-1] if messages else None)


@app.route("/whoami")
def whoami():
    """Show what the two contexts hold for this very request."""
    return render_template(
        "whoami.html",
        current_app_name=current_app.name,
        thread=threading.current_thread().name,
        session_keys=sorted(session.keys()),
        g_names=sorted(g),
    )


@app.before_request
def assign_request_id():
    """Give the request an id, kept in g: every function running for it can read g.request_id."""
    g.request_id = uuid.uuid4().hex[:12]


@app.after_request
def send_request_id(response):
    """Send the id back, so a client's report can be matched with the server's log."""
    response.headers["X-Request-Id"] = g.request_id
    return response


@app.teardown_request
def report_failed_request(error):
    """Runs as the request context ends, even after an exception, which it receives."""
    if error is not None:
        app.logger.warning("request %s failed: %r", g.get("request_id"), error)


@app.teardown_appcontext
def close_resources(error):
    """Runs as the application context ends: where per-context resources in g get closed.

    demo_g.py keeps a file in g.resource to show it; stage 06 closes its database
    connection this way.
    """
    resource = g.pop("resource", None)
    if resource is not None:
        resource.close()


@app.cli.command("context-info")
def context_info():
    """Show that a flask command runs inside an application context, with no request."""
    print(f"current_app.name: {current_app.name}")
    print(f"has_request_context(): {has_request_context()}")
    g.note = "g works here too: it belongs to the application context"
    print(f"g.note: {g.note}")


@app.errorhandler(404)
def not_found(error):
    """Our 404 page, in the site's layout instead of Werkzeug's plain one."""
    return render_template("404.html"), 404


@app.errorhandler(500)
def server_error(error):
    """Our 500 page; Flask has already logged the traceback, and the page shows none."""
    return render_template("500.html"), 500


def is_loopback(host):
    """True for 'localhost' and loopback addresses such as 127.0.0.1 and ::1."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve():
    """Serve with app.run on HOST:PORT; FLASK_DEBUG=1 turns on the debugger, on loopback only."""
    # app.run serves each request on its own thread: contexts keep them apart.
    host = os.environ.get("HOST", "127.0.0.1")
    port_text = os.environ.get("PORT", "8000")
    if not (port_text.isascii() and port_text.isdigit() and int(port_text) < 65536):
        sys.exit(f"PORT must be a number from 0 to 65535, not {port_text!r}.")
    if os.environ.get("FLASK_DEBUG") == "1" and not is_loopback(host):
        sys.exit(
            f"Refusing FLASK_DEBUG=1 on HOST={host}: the debugger runs any Python code "
            "typed into the browser. Use it on HOST=127.0.0.1 only."
        )
    app.run(host=host, port=int(port_text))


if __name__ == "__main__":
    serve()
