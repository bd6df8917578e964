"""Stage 04, your version: the first Flask app, serving the same hello routes as before.

Flask puts a small, friendly surface on the Werkzeug pieces of stage 03:

* ``@app.route`` adds a Werkzeug ``Rule`` to ``app.url_map`` and stores the view in
  ``app.view_functions``; a view returns a string, and Flask makes the Response;
* ``request`` is a Werkzeug ``Request`` that views reach without taking it as an
  argument (how that works is stage 05);
* ``render_template`` renders Jinja2 templates from ``templates/``, with HTML
  autoescaping, and ``url_for`` builds every URL (``MapAdapter.build`` underneath);
* ``flash`` stores a message in the signed session cookie for the next page, which
  makes redirect-after-POST easy;
* the ``static`` route serves ``static/``, and ``@app.errorhandler`` renders error pages.

Given: the imports, ``Config``, the app itself, ``serve()`` and ``is_loopback()``; in
``templates/``, ``base.html`` and ``500.html``. Yours: the views below, each with its
``@app.route``, the two error handlers, and the templates marked TODO. Check with
``make check STAGE=04``.

Run it, either way::

    python workspace/04_flask_basic/app.py                  # HOST, PORT: 127.0.0.1:8000
    flask --app workspace/04_flask_basic/app.py run         # --host, --port: 127.0.0.1:5000
"""

import ipaddress
import os
import sys

from flask import Flask
from flask import abort
from flask import flash
from flask import get_flashed_messages
from flask import redirect
from flask import render_template
from flask import request
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


# TODO: each view below needs its route. @app.route("/hello/<name>") above a function
# adds a Rule to app.url_map and stores the function in app.view_functions under its
# name: the endpoint url_for() takes. A route answers GET (and HEAD) unless you say
# methods=[...]. /submit is POST only.


def index():
    """The welcome page, linking every route."""
    # TODO: render_template("index.html").
    raise NotImplementedError("TODO: index")


def hello(name):
    """Greet the name from the path."""
    # TODO: render greeting.html with name=name: the template escapes it.
    raise NotImplementedError("TODO: hello")


def greet():
    """Greet the name from the query string, or the configured default."""
    # TODO: request.args.get("name"), stripped; blank means app.config["DEFAULT_NAME"].
    raise NotImplementedError("TODO: greet")


def submit():
    """Take the form, then redirect: a reload of the next page does not post it again."""
    # TODO: request.form's "message"; blank (after strip) is abort(400, "..."). Else
    # flash(message, "submitted") and redirect(url_for("submitted"), code=303): 303 See
    # Other tells the browser to fetch the next page with GET.
    raise NotImplementedError("TODO: submit")


def submitted():
    """Show the message flashed by submit(); a flash is shown once, then it is gone."""
    # TODO: get_flashed_messages(category_filter=["submitted"]); render submitted.html
    # with the last one as message, or None when there is none.
    raise NotImplementedError("TODO: submitted")


# TODO: @app.errorhandler(404) and @app.errorhandler(500) on these two: each returns
# (render_template(...), status). Flask logs a 500's traceback before calling yours.
def not_found(error):
    """Our 404 page, in the site's layout instead of Werkzeug's plain one."""
    raise NotImplementedError("TODO: not_found")


def server_error(error):
    """Our 500 page; Flask has already logged the traceback, and the page shows none."""
    raise NotImplementedError("TODO: server_error")


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
