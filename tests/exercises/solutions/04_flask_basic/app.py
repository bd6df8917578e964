"""Worked solutions of stage 04's exercises, written as changes to the reference stage.

The reference 04_flask_basic/app.py is imported (as a module of its own, so its app is
a new object no test has used), then the exercises add routes, an error handler and a
new `submitted` view to that app. Templates here come first; `reference/...` names
the reference's own, so `index.html` here extends the reference's and adds only the
flashes. Exercise 2 is to put the escaping back: the reference never took it out.
"""

from pathlib import Path

from flask import flash
from flask import get_flashed_messages
from flask import render_template
from harness.stages import load_module
from jinja2 import ChoiceLoader
from jinja2 import FileSystemLoader
from jinja2 import PrefixLoader

REFERENCE = Path(__file__).resolve().parents[4] / "04_flask_basic" / "app.py"
reference = load_module(REFERENCE, name="reference_04_flask_basic_for_exercises")
app = application = reference.app

# Flask looks templates up through app.jinja_loader: ours first, then the reference's.
original = app.jinja_loader
app.jinja_loader = ChoiceLoader(
    [
        FileSystemLoader(Path(__file__).parent / "templates"),
        PrefixLoader({"reference": original}),
        original,
    ]
)


@app.route("/goodbye/<name>")
def goodbye(name):
    """Exercise 1: one more route; `flask routes` lists it under the endpoint 'goodbye'."""
    return render_template("goodbye.html", name=name)


def submitted():
    """Exercise 3: the reference's view, plus a "Welcome back!" for the next page."""
    messages = get_flashed_messages(category_filter=["submitted"])
    if messages:
        # Reading the flashes above took every category out of the session, so this one
        # is new: it waits there for the next page that reads flashes, the welcome page.
        flash("Welcome back!", "info")
    return render_template("submitted.html", message=messages[-1] if messages else None)


app.view_functions["submitted"] = submitted  # same endpoint, new function


@app.route("/api/hello/<name>")
def api_hello(name):
    """Exercise 4: a dict becomes a JSON response (app.json.response) with its Content-Type."""
    return {"greeting": f"Hello, {name}!"}


@app.errorhandler(405)
def method_not_allowed(error):
    """Exercise 5: our 405 page; a new response, so the Allow header is added back to it."""
    headers = {"Allow": ", ".join(sorted(error.valid_methods or ()))}
    return render_template("405.html"), 405, headers
