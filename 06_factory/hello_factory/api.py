"""The `api` blueprint: a small JSON API, registered under /api by the factory.

Errors under /api answer JSON, not HTML (errors.py decides by path, so that even a
404 for an address no blueprint knows is JSON).
"""

from flask import Blueprint
from flask import abort
from flask import g

bp = Blueprint("api", __name__)


@bp.route("/hello/<name>")
def hello(name):
    """The greeting as JSON: Flask turns a returned dict into a JSON response."""
    return {"greeting": f"Hello, {name}!"}


@bp.route("/me")
def me():
    """Who is logged in, from the session; 401 for a visitor."""
    if g.user is None:
        abort(401, "Log in first.")
    return {"id": g.user["id"], "username": g.user["username"]}
