"""The `api` blueprint: a small JSON API, registered under /api by the factory.

Errors under /api answer JSON, not HTML (errors.py decides by path, so that even a
404 for an address no blueprint knows is JSON).
"""

from flask import Blueprint
from flask import abort
from flask import g

bp = Blueprint("api", __name__)  # no url_prefix here: create_app registers it at /api


@bp.route("/hello/<name>")
def hello(name):
    """The greeting as JSON: Flask turns a returned dict into a JSON response."""
    # TODO: {"greeting": "Hello, NAME!"}.
    raise NotImplementedError("TODO: api.hello")


@bp.route("/me")
def me():
    """Who is logged in, from the session; 401 for a visitor."""
    # TODO: g.user is None for a visitor: abort(401, "Log in first."). Else the user's
    # "id" and "username", from the row in g.user, as a dict.
    raise NotImplementedError("TODO: api.me")
