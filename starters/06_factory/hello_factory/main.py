"""The `main` blueprint: the hello routes every stage serves, now on a blueprint.

A blueprint records routes without an app; `create_app` registers it, and only then
do the routes exist. Endpoints are namespaced by the blueprint's name, so templates
say url_for("main.hello", name=...) rather than url_for("hello", ...).

The views are stage 04's; what changes is where they are registered.
"""

from flask import Blueprint
from flask import abort
from flask import current_app
from flask import flash
from flask import get_flashed_messages
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for

# The name "main" makes the endpoints main.index, main.hello...: the given templates
# build their URLs with those.
bp = Blueprint("main", __name__)

# TODO: each view below gets @bp.route(...), with stage 04's path and methods (/submit
# is POST only). The routes exist once create_app registers bp on an app.


def index():
    """The welcome page, linking every route."""
    return render_template("index.html")


def hello(name):
    """Greet the name from the path."""
    return render_template("greeting.html", name=name)


def greet():
    """Greet the name from the query string, or the configured default."""
    # current_app, not app: there is no module-level app any more, only the app
    # that is handling this request.
    name = request.args.get("name", "").strip() or current_app.config["DEFAULT_NAME"]
    return render_template("greeting.html", name=name)


def submit():
    """Take the form, then redirect (303) to the page that shows it: redirect-after-POST."""
    message = request.form.get("message", "")
    if not message.strip():
        abort(400, "The form needs a non-empty 'message' field.")
    flash(message, "submitted")
    # TODO: the endpoint of submitted() is no longer "submitted": name it with its blueprint.
    return redirect(url_for("submitted"), code=303)


def submitted():
    """Show the message flashed by submit(), once."""
    messages = get_flashed_messages(category_filter=["submitted"])
    return render_template("submitted.html", message=messages[-1] if messages else None)
